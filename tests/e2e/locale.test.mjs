// Languages: the UI speaks the learner's language, lessons use their translation when the
// pack has one and fall back to the pack's language for what is not translated.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, suite } from "./harness.mjs";

const env = suite();

function host(locale) {
  return (p) => p.route("**/app/locale", (r) => r.fulfill({
    contentType: "text/html",
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Locale host</title></head><body><main><h1>Host</h1>
      <button data-pathlight="reports.export">Export</button></main>
      <script>window.pathlight=window.pathlight||function(){(window.pathlight.q=window.pathlight.q||[]).push(arguments)};
      pathlight('init',{lessons:'/lessons.json',locale:'${locale}'});pathlight('open','export-report');</script>
      <script async src="/dist/pathlight.js"></script></body></html>`,
  }));
}

test("a German learner gets the German translation, and English where it is not translated", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/locale`, { setup: host("de-CH") });
  const card = page.getByRole("dialog", { name: "Einen Bericht exportieren" });
  await card.waitFor({ timeout: 15000 });
  assert.equal(await card.getByRole("tab", { name: "Warum" }).getAttribute("aria-selected"), "true");
  assert.match(await card.getByRole("tabpanel").textContent(), /Steuerberaterin/);
  assert.equal(await card.getByRole("tabpanel").getAttribute("lang"), "de");
  // What is not translated: the pack's English, not an empty layer.
  await card.getByRole("tab", { name: "Was" }).click();
  assert.match(await card.getByRole("tabpanel").textContent(), /CSV snapshot/);
  await close();
});

test("a language the pack lacks falls back to the pack's own", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/locale`, { setup: host("fr") });
  const card = page.getByRole("dialog", { name: "Export a report" });
  await card.waitFor({ timeout: 15000 });
  assert.equal(await card.getByRole("tab", { name: "Pourquoi" }).count(), 1, "the UI is French");
  assert.equal(await card.getByRole("tabpanel").getAttribute("lang"), "en");
  await close();
});
