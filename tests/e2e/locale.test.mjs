// Languages: the UI speaks the learner's language, lessons use their translation when the
// pack has one and fall back to the pack's language for what is not translated.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, suite, waitFor } from "./harness.mjs";

const env = suite();

function host(locale, then = "pathlight('open','export-report');") {
  return (p) => p.route("**/app/locale", (r) => r.fulfill({
    contentType: "text/html",
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Locale host</title></head><body><main><h1>Host</h1>
      <button data-pathlight="reports.export">Export</button></main>
      <script>window.pathlight=window.pathlight||function(){(window.pathlight.q=window.pathlight.q||[]).push(arguments)};
      pathlight('init',{lessons:'/lessons.json',locale:'${locale}'});${then}</script>
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

test("with the UI in German, the reasons for each suggestion and the map's header are German", async () => {
  // Bug pinned: the reasons ("For your goal … · on this screen") and the map's " min" were
  // English in every UI language.
  const { page, log, close } = await open(env.browser, `${env.base}/app/locale`, {
    setup: host("de", "pathlight('setGoals',['get-paid']);"),
  });
  const learn = page.getByRole("button", { name: "Lernen", exact: true });
  await learn.waitFor({ timeout: 15000 });
  await learn.click();
  const panel = page.getByRole("dialog", { name: "Test Ledger lernen" });
  await panel.waitFor({ timeout: 15000 });
  const first = panel.locator(".pl-item").first();
  await waitFor(async () => (await first.locator(".pl-item-title").textContent()) === "Einen Bericht exportieren", { what: "the German title first" });
  // "on this screen" once the intersection observer has reported the button, a frame or more
  // after the start; "on this page" until then.
  const why = "Zu deinem Ziel Schneller bezahlt werden · schaltet Send an invoice frei · auf diesem Bildschirm";
  await waitFor(async () => (await first.locator(".pl-item-why").textContent()) === why, {
    what: async () => `the goal in its German translation, the untranslated lesson in English, the words around them German: ${JSON.stringify(why)}; shown ${JSON.stringify(await first.locator(".pl-item-why").textContent())}`,
  });
  const map = panel.getByRole("region", { name: "Dein Weg zu: Schneller bezahlt werden" });
  assert.equal(await map.locator(".pl-map-meta").textContent(), "Noch 2 Lektionen · 5 Min.");
  assert.equal(await map.locator(".pl-stop-why").first().textContent(), "Schaltet Send an invoice frei");
  const words = [...await panel.locator(".pl-item-why").allTextContents(), await map.locator(".pl-map-meta").textContent()].join(" ");
  assert.doesNotMatch(words, /\b(for your|goal|on this|screen|page|after|unlocks|min left|lessons?)\b/, words);
  assert.deepEqual(log.pageErrors, []);
  await close();
});
