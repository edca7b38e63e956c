// Accessibility: axe-core finds no violation in any state of the widget, in light and dark,
// left-to-right and right-to-left. Each state is one the learner can reach by keyboard.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { launcher, lessonItem, open, suite } from "./harness.mjs";

const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
const env = suite();

/** axe-core's violations inside the widget (its element and shadow root only). */
async function violations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    // Contrast is measured on the settled UI, not halfway through a fade-in.
    const root = document.querySelector("pathlight-widget").shadowRoot;
    const finite = root.getAnimations().filter((a) => a.effect.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => {})));
    const result = await window.axe.run({ include: [["pathlight-widget"]] }, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  return found;
}

for (const scheme of ["light", "dark"]) {
  test(`no axe violations in the launcher, panel, picker, map and card states (${scheme})`, async () => {
    const { page, log, close } = await open(env.browser, `${env.base}/app/basic`, {
      setup: (p) => p.emulateMedia({ colorScheme: scheme }),
    });
    const states = {};
    await launcher(page);
    states.launcher = await violations(page);
    // Keyboard only: Tab to the launcher is the host's business; we press Enter on it.
    await page.getByRole("button", { name: "Learn", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("dialog", { name: "Learn Test Ledger" }).waitFor();
    states.picker = await violations(page);
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Done" }).click();
    states.map = await violations(page);
    await lessonItem(page, "Export a report").click();
    await page.getByRole("dialog", { name: "Export a report" }).waitFor();
    states.card = await violations(page);
    await page.keyboard.press("End");
    await page.getByRole("button", { name: "Show me" }).click();
    states.showMe = await violations(page);
    await page.keyboard.press("Escape");
    await page.evaluate(() => window.pathlight("track", "report_exported"));
    await page.locator("pathlight-widget >> .pl-toast").waitFor();
    states.completed = await violations(page);
    assert.deepEqual(states, { launcher: [], picker: [], map: [], card: [], showMe: [], completed: [] });
    assert.deepEqual(log.pageErrors, []);
    await close();
  });
}

test("right-to-left for Arabic, with no axe violations", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/queue-ar`, {
    setup: (p) => p.route("**/app/queue-ar", (r) => r.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>RTL host</title></head><body><main><h1>Host</h1>
        <button data-pathlight="reports.export">Export</button></main>
        <script>window.pathlight=window.pathlight||function(){(window.pathlight.q=window.pathlight.q||[]).push(arguments)};
        pathlight('init',{lessons:'/lessons.json',locale:'ar'});</script>
        <script async src="/dist/pathlight.js"></script></body></html>`,
    })),
  });
  const learn = page.getByRole("button", { name: "تعلّم" });
  await learn.waitFor();
  assert.equal(await page.locator("pathlight-widget >> .pl-root").getAttribute("dir"), "rtl");
  const box = await learn.boundingBox();
  assert.ok(box.x < 200, `the launcher should sit on the left in RTL, at x=${box.x}`);
  await learn.click();
  await lessonItem(page, "Export a report").click();
  assert.deepEqual(await violations(page), []);
  await close();
});

test("on a phone (360×740, touch), the panel and the card as sheets have no axe violations", async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
  try {
    const page = await context.newPage();
    await page.goto(`${env.base}/app/phone`);
    await launcher(page);
    await page.evaluate(() => window.pathlight("setGoals", []));
    // By keyboard (a phone's, or a switch's): Playwright's taps aim at the layout viewport,
    // which this page, wider than the screen, makes larger than what is in sight.
    const states = {};
    await page.getByRole("button", { name: "Learn", exact: true }).press("Enter");
    await page.getByRole("dialog", { name: "Learn Test Ledger" }).waitFor();
    states.panel = await violations(page);
    await lessonItem(page, "Export a report").press("Enter");
    const card = page.getByRole("dialog", { name: "Export a report" });
    await card.waitFor();
    await card.getByRole("tab", { name: "What" }).press("End");
    await card.getByRole("button", { name: "Show me" }).press("Enter");
    await card.getByRole("button", { name: "Next step" }).waitFor();
    assert.match(await card.getAttribute("data-side") ?? "sheet (docked)", /sheet/);
    states.card = await violations(page);
    assert.deepEqual(states, { panel: [], card: [] });
  } finally {
    await context.close();
  }
});
