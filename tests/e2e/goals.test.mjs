// Goals: the picker reorders suggestions as the ranking function does (tests/ranking_fixture.rs
// ranks the same pack and asserts the same orders), the choice persists, and the learning
// map shows where the learner stands.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launcher, open, quiesce, settle, suite, waitFor } from "./harness.mjs";

const env = suite();

const titles = (page) => page.locator("pathlight-widget >> .pl-item-title").allTextContents();

test("picking a goal reorders the suggestions at once, and the choice survives a reload", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/goals`, {
    setup: (p) => p.addInitScript(() => {
      window.goals = [];
      window.addEventListener("pathlight:goal_changed", (e) => window.goals.push(e.detail.goals.join(",")));
    }),
  });
  await (await launcher(page)).click();
  const picker = page.getByRole("group", { name: "What do you want to get done?" });
  await picker.waitFor();
  // "Send an invoice" ranks above "Check receivables aging" once its button is known to be on
  // screen, which the intersection observer reports a frame or more after the start.
  const before = ["Export a report", "Send an invoice", "Check receivables aging"];
  await waitFor(async () => JSON.stringify(await titles(page)) === JSON.stringify(before), {
    what: async () => `the order without a goal, ${JSON.stringify(before)}; the panel shows ${JSON.stringify(await titles(page))}`,
  });
  await picker.getByRole("checkbox", { name: /Close the month/ }).check();
  assert.deepEqual(await titles(page), ["Check receivables aging", "Export a report", "Send an invoice"]);
  assert.match(await page.locator("pathlight-widget >> .pl-item-why").first().textContent(), /For your goal Close the month/);
  assert.deepEqual(await page.evaluate(() => window.goals), ["close-month"]);
  await picker.getByRole("button", { name: "Done" }).click();
  await page.reload();
  await (await launcher(page)).click();
  await page.getByRole("dialog", { name: "Learn Test Ledger" }).waitFor();
  assert.equal(await page.getByRole("group", { name: "What do you want to get done?" }).count(), 0, "the picker is offered once, not on every visit");
  assert.deepEqual(await titles(page), ["Check receivables aging", "Export a report", "Send an invoice"]);
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("after a lesson is completed by doing it, the map shows the right states and the next step", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/goals`);
  await launcher(page);
  await page.evaluate(() => window.pathlight("setGoals", ["get-paid"]));
  await page.getByRole("button", { name: "Learn", exact: true }).click();
  const map = page.getByRole("region", { name: "Your path to Get paid faster" });
  await map.waitFor();
  const stops = () => map.locator("li").evaluateAll((lis) => lis.map((li) => `${li.querySelector(".pl-stop-title").textContent}:${li.querySelector(".pl-stop-state").textContent}${li.getAttribute("aria-current") ? ":current" : ""}`));
  assert.deepEqual(await stops(), ["Export a report:next:current", "Send an invoice:available"]);
  // The next stop says why it comes first: the heavier goal lesson waits for it.
  assert.deepEqual(await map.locator(".pl-stop-why").allTextContents(), ["Unlocks Send an invoice", "For your goal Get paid faster"]);
  assert.match(await map.locator(".pl-map-meta").textContent(), /^2 lessons · 5 min left$/);
  await page.keyboard.press("Escape");
  await page.evaluate(() => window.pathlight("track", "report_exported"));
  await page.getByRole("button", { name: "Learn", exact: true }).click();
  await map.waitFor();
  assert.deepEqual(await stops(), ["Export a report:done", "Send an invoice:next:current"]);
  assert.match(await map.locator(".pl-map-meta").textContent(), /^1 lesson · 3 min left$/);
  assert.equal(await map.locator(".pl-skill").count(), 0, "the skill mark needs every lesson done by doing");
  // "I know this" never earns the skill mark.
  await map.getByRole("button", { name: /Send an invoice/ }).click();
  await page.getByRole("button", { name: "I know this" }).click();
  await page.getByRole("button", { name: "Learn", exact: true }).click();
  await map.waitFor();
  assert.deepEqual(await stops(), ["Export a report:done", "Send an invoice:known"]);
  assert.equal(await map.locator(".pl-skill").count(), 0);
  await close();
});

/** A plain host whose init allows `autoOpen` lessons to open by themselves. */
function autoOpenHost(autoOpen) {
  return (p) => p.route("**/app/auto", (r) => r.fulfill({
    contentType: "text/html",
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Auto host</title></head><body><main><h1>Host</h1>
      <label>Note <input id="note"></label>
      <button data-pathlight="reports.export">Export</button><button data-pathlight="invoices.send">Send</button></main>
      <script>window.pathlight=window.pathlight||function(){(window.pathlight.q=window.pathlight.q||[]).push(arguments)};
      pathlight('init',{lessons:'/lessons.json',autoOpen:${autoOpen}});</script>
      <script async src="/dist/pathlight.js"></script></body></html>`,
  }));
}

test("by default nothing opens by itself: beacons, not popups (no auto-open without autoOpen)", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/auto`, { setup: autoOpenHost(0) });
  await launcher(page);
  await page.locator('pathlight-widget >> .pl-beacon[data-lesson="export-report"]').waitFor();
  // A change on the page and a host event are what let a lesson open by itself (see the
  // next test): once the widget has handled both, still no card.
  await quiesce(page);
  await settle(page, () => page.evaluate(() => window.pathlight("track", "nothing_in_particular")));
  assert.equal(await page.getByRole("dialog").count(), 0, "a lesson opened by itself although autoOpen is 0");
  await close();
});

test("with autoOpen: 1, one lesson opens by itself, never while typing, without taking focus, and only once a session", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/auto`, {
    setup: async (p) => {
      await autoOpenHost(1)(p);
      // The learner is typing before the widget arrives.
      await p.addInitScript(() => document.addEventListener("DOMContentLoaded", () => document.getElementById("note").focus()));
    },
  });
  await launcher(page);
  // A change on the page while the learner types: once the widget has handled it, no card.
  await quiesce(page);
  assert.equal(await page.getByRole("dialog").count(), 0, "a lesson opened over a field the learner was typing in");
  // Typing stops; the next change on the page lets the best lesson open, once.
  await page.evaluate(() => document.getElementById("note").blur());
  await page.evaluate(() => window.pathlight("track", "nothing_in_particular"));
  const card = page.getByRole("dialog", { name: "Export a report" });
  await card.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.tagName), "BODY", "an automatic card must not take focus");
  await page.keyboard.press("Escape").catch(() => {});
  await card.getByRole("button", { name: "Close lesson" }).click();
  await settle(page, () => page.evaluate(() => window.pathlight("track", "again")));
  await quiesce(page);
  assert.equal(await page.getByRole("dialog").count(), 0, "the session's budget of one was exceeded");
  await close();
});
