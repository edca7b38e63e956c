"use client";

import { useState } from "react";
import { PathlightProvider, usePathlightEvent } from "pathlight/react";

/** The app's accounts: who signs in decides whose progress Pathlight shows. */
const accounts = {
  ada: { id: "u-42", traits: { role: "admin", plan: "trial" } },
  bo: { id: "u-7", traits: { role: "finance", plan: "trial" } },
};
type Account = keyof typeof accounts;

/** The signed-in learner, and Pathlight while someone is signed in: identify follows a
 * switch of account, and signing out unmounts the provider, which destroys the widget. */
export function Learner() {
  const [account, setAccount] = useState<Account | null>("ada");
  usePathlightEvent("completed", (detail) => {
    // What a vendor forwards to its analytics; the tests read it back.
    const log = ((window as Window & { completedLessons?: string[] }).completedLessons ??= []);
    log.push(`${account}:${detail.lesson}:${detail.how}`);
  });
  return (
    <p>
      {account ? `Signed in as ${account}` : "Signed out"}{" "}
      {(Object.keys(accounts) as Account[]).map((name) => (
        <button key={name} type="button" onClick={() => setAccount(name)} disabled={account === name}>
          Sign in as {name}
        </button>
      ))}{" "}
      <button type="button" onClick={() => setAccount(null)} disabled={!account}>
        Sign out
      </button>
      {account && <PathlightProvider options={{ lessons: "/lessons.json", user: { ...accounts[account] }, theme: "light" }} />}
    </p>
  );
}
