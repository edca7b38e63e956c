// Goals: the picker reorders suggestions as the ranking function does (tests/ranking_fixture.rs
// ranks the same pack and asserts the same orders), the choice persists, and the learning
// map shows where the learner stands.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, launcher } from "./harness.mjs";

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const titles = (page) => page.locator("pathlight-widget >> .pl-item-title").allTextContents();

test("picking a goal reorders the suggestions at once, and the choice survives a reload", async () => {
  const { page, log, close } = await open(browser, `${server.base}/app/goals`, {
    setup: (p) => p.addInitScript(() => {
      window.goals = [];
      window.addEventListener("pathlight:goal_changed", (e) => window.goals.push(e.detail.goals.join(",")));
    }),
  });
  await (await launcher(page)).click();
  const picker = page.getByRole("group", { name: "What do you want to get done?" });
  await picker.waitFor();
  assert.deepEqual(await titles(page), ["Export a report", "Send an invoice", "Check receivables aging"]);
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
  const { page, close } = await open(browser, `${server.base}/app/goals`);
  await launcher(page);
  await page.evaluate(() => window.pathlight("setGoals", ["get-paid"]));
  await page.getByRole("button", { name: "Learn", exact: true }).click();
  const map = page.getByRole("region", { name: "Your path to Get paid faster" });
  await map.waitFor();
  const stops = () => map.locator("li").evaluateAll((lis) => lis.map((li) => `${li.querySelector(".pl-stop-title").textContent}:${li.querySelector(".pl-stop-state").textContent}${li.getAttribute("aria-current") ? ":current" : ""}`));
  assert.deepEqual(await stops(), ["Export a report:next:current", "Send an invoice:available"]);
  await page.keyboard.press("Escape");
  await page.evaluate(() => window.pathlight("track", "report_exported"));
  await page.getByRole("button", { name: "Learn", exact: true }).click();
  await map.waitFor();
  assert.deepEqual(await stops(), ["Export a report:done", "Send an invoice:next:current"]);
  assert.match(await map.textContent(), /1\/2/);
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
