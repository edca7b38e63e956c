// Coaching (issue #23): a learner who never picks a goal, yet works toward one, is told in
// the panel which goal it looks like, and answers Yes or Not this.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launcher, open, suite, waitFor } from "./harness.mjs";

const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
const PACK = new URL("./artifacts/lessons.json", import.meta.url);
const env = suite();

/** The fixture pack with two more lessons on the way to "Get paid faster", each completed by
 * an event, so three lessons toward it take three `track` calls. */
function coachingPack() {
  const pack = JSON.parse(readFileSync(PACK, "utf8"));
  const base = pack.lessons.find((l) => l.id === "export-report");
  for (const [id, title] of [["send-reminder", "Send a reminder"], ["record-payment", "Record a payment received"]]) {
    pack.lessons.push({ ...base, id, title, anchor: undefined, locales: {}, goals: { "get-paid": 3 }, complete: { event: `${id}_done` }, prerequisites: [] });
  }
  return JSON.stringify(pack);
}

function host(locale) {
  const body = coachingPack();
  return async (p) => {
    await p.route("**/lessons.json", (r) => r.fulfill({ contentType: "application/json", body }));
    await p.route("**/app/coach", (r) => r.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Coaching host</title></head><body><main><h1>Host</h1>
        <button data-pathlight="reports.export">Export</button></main>
        <script>window.pathlight=window.pathlight||function(){(window.pathlight.q=window.pathlight.q||[]).push(arguments)};
        window.seen=[];
        for (const name of ['goal_guessed','goal_changed']) window.addEventListener('pathlight:'+name, (e) => window.seen.push(e.detail));
        pathlight('init',{lessons:'/lessons.json',locale:'${locale}'});</script>
        <script async src="/dist/pathlight.js"></script></body></html>`,
    }));
  };
}

/** Three lessons done toward "Get paid faster", by doing them in the app. */
async function workTowardGettingPaid(page) {
  await launcher(page);
  for (const event of ["report_exported", "send-reminder_done", "record-payment_done"]) {
    await page.evaluate((e) => window.pathlight("track", e), event);
  }
}

async function violations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run({ include: [["pathlight-widget"]] }, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

test("three lessons toward a goal: the panel says Looks like, and Yes makes it chosen with its map", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/coach`, { setup: host("en") });
  await workTowardGettingPaid(page);
  await page.getByRole("button", { name: "Learn", exact: true }).click();
  const line = page.getByRole("status", { name: "Suggested goal" });
  await line.waitFor();
  assert.equal((await line.locator(".pl-guess-text").textContent()).trim(), "Looks like you're working on Get paid faster");
  assert.equal(await line.locator("strong").textContent(), "Get paid faster");
  assert.deepEqual(await page.evaluate(() => window.seen), [{ type: "goal_guessed", goal: "get-paid" }]);
  assert.deepEqual(await violations(page), [], "axe finds nothing with the line shown");
  await line.getByRole("button", { name: "Yes" }).click();
  await page.getByRole("region", { name: "Your path to Get paid faster" }).waitFor();
  assert.equal(await line.count(), 0, "a chosen goal is not guessed");
  const changed = await page.evaluate(() => window.seen.filter((d) => d.type === "goal_changed"));
  assert.deepEqual(changed, [{ type: "goal_changed", goals: ["get-paid"], guessed: true }]);
  // The button pressed went with the line: focus is still in the panel.
  assert.ok(await page.evaluate(() => document.querySelector("pathlight-widget").shadowRoot.activeElement?.closest(".pl-panel") != null));
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("the line is in German for a German learner", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/coach`, { setup: host("de") });
  await page.getByRole("button", { name: "Lernen", exact: true }).waitFor({ timeout: 15000 });
  for (const event of ["report_exported", "send-reminder_done", "record-payment_done"]) {
    await page.evaluate((e) => window.pathlight("track", e), event);
  }
  await page.getByRole("button", { name: "Lernen", exact: true }).click();
  const line = page.getByRole("status", { name: "Vorgeschlagenes Ziel" });
  await line.waitFor();
  assert.match(await line.locator(".pl-guess-text").textContent(), /^Sieht so aus, als arbeitest du an Schneller bezahlt werden$/);
  assert.equal(await line.getByRole("button", { name: "Ja" }).count(), 1);
  assert.equal(await line.getByRole("button", { name: "Nicht das" }).count(), 1);
  await close();
});

test("Not this removes the line, and it stays gone after a reload", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/coach`, { setup: host("en") });
  await workTowardGettingPaid(page);
  await page.getByRole("button", { name: "Learn", exact: true }).click();
  const line = page.getByRole("status", { name: "Suggested goal" });
  await line.getByRole("button", { name: "Not this" }).click();
  await waitFor(async () => (await line.count()) === 0, { what: "the line to go" });
  assert.ok(await page.evaluate(() => document.querySelector("pathlight-widget").shadowRoot.activeElement?.closest(".pl-panel") != null), "focus stays in the panel");
  await page.reload();
  await (await launcher(page)).click();
  await page.getByRole("dialog", { name: "Learn Test Ledger" }).waitFor();
  // The panel is drawn: the list is there, and the line is not.
  await page.locator("pathlight-widget >> .pl-item").first().waitFor();
  assert.equal(await line.count(), 0);
  await close();
});
