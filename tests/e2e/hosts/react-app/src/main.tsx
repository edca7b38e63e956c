import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { pathlight, type CompletedDetail } from "pathlight";
import { App } from "./App";

// As a vendor's app starts Pathlight: once, with the learner, before React renders.
pathlight("init", {
  lessons: "/lessons.json",
  user: { id: "u-42", traits: { role: "admin", plan: "trial" } },
  theme: "light",
});
pathlight("on", "completed", (detail: CompletedDetail) => {
  // What a vendor forwards to its analytics; the tests read it back.
  const log = ((window as Window & { completedLessons?: string[] }).completedLessons ??= []);
  log.push(`${detail.lesson}:${detail.how}`);
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
