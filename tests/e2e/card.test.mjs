// The lesson card: beside its feature (a sheet on phones that never covers it), the layer a
// learner prefers, Show me, connections, theming, and identify keeping anonymous progress.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEADLINE, launcher, open, quiesce, suite, waitFor } from "./harness.mjs";

const env = suite();

const box = (locator) => locator.evaluate((e) => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; });
const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const surrounds = (a, b) => a.left <= b.left && a.top <= b.top && a.right >= b.right && a.bottom >= b.bottom;

test("the card stands beside its feature, and on a phone is a sheet that does not cover it", async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const context = await env.browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${env.base}/app/basic`);
    await launcher(page);
    await page.evaluate(() => window.pathlight("open", "export-report"));
    const card = page.locator("pathlight-widget >> .pl-card");
    await card.waitFor();
    // The tether places the card once it has been laid out: wait for it to stand somewhere.
    await waitFor(() => card.getAttribute("data-side"), { what: `${viewport.width}px: the card to be placed beside its feature (data-side)` });
    // Then where it stands (it may still be moving while its height settles).
    await waitFor(async () => {
      const feature = await box(page.locator('[data-pathlight="reports.export"]'));
      const placed = await box(card);
      const side = await card.getAttribute("data-side");
      assert.ok(!overlaps(placed, feature), `${viewport.width}px: the card covers its feature (${side})`);
      if (viewport.width < 640) {
        assert.match(side, /^sheet-/);
        assert.ok(placed.right - placed.left >= viewport.width - 1, "a phone sheet spans the screen");
      } else {
        assert.equal(side, "below");
        assert.ok(Math.abs(placed.top - feature.bottom - 10) <= 2, `the card sits just below its feature: ${JSON.stringify({ placed, feature })}`);
      }
      return true;
    }, { what: `${viewport.width}px: the card beside its feature, not covering it` });
    await context.close();
  }
});

test("the card opens on the layer the learner last chose", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/basic`);
  await launcher(page);
  await page.evaluate(() => window.pathlight("open", "export-report"));
  await page.getByRole("tab", { name: "How" }).click();
  await page.getByRole("button", { name: "Close lesson" }).click();
  await page.reload();
  await launcher(page);
  await page.evaluate(() => window.pathlight("open", "send-invoice"));
  const card = page.getByRole("dialog", { name: "Send an invoice" });
  await card.waitFor();
  assert.equal(await card.getByRole("tab", { name: "How" }).getAttribute("aria-selected"), "true");
  await close();
});

/** The Show me ring as the learner sees it: null when it is not drawn (absent, hidden or
 * without a box), else its box. */
const ringSeen = (page) => page.evaluate(() => {
  const ring = document.querySelector("pathlight-widget")?.shadowRoot?.querySelector(".pl-ring");
  if (!ring) return null;
  const style = getComputedStyle(ring);
  const r = ring.getBoundingClientRect();
  if (style.visibility === "hidden" || style.display === "none" || r.width === 0 || r.height === 0) return null;
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
});

/** Waits until the ring is drawn around the feature `name` (it moves there with a transition,
 * after a smooth scroll). */
function ringAround(page, name, what) {
  return waitFor(async () => {
    const feature = await box(page.locator(`[data-pathlight="${name}"]`));
    const around = await ringSeen(page);
    assert.ok(around, "the ring is not drawn");
    assert.ok(surrounds(around, feature), `the ring ${JSON.stringify(around)} does not surround ${name} ${JSON.stringify(feature)}`);
    return true;
  }, { what });
}

test("Show me rings each step's feature in turn, scrolled into view, without blocking the page (a ring tied to the wrong element or left behind)", async () => {
  // Every step's feature is on this host (tests/e2e/hosts/show-me.html), so each step's ring
  // has somewhere to be and the test checks that it is there; step 2's feature starts below
  // the fold.
  const { page, log, close } = await open(env.browser, `${env.base}/app/show-me`, {
    setup: (p) => p.addInitScript(() => {
      window.steps = [];
      window.addEventListener("pathlight:step_shown", (e) => window.steps.push(e.detail.step));
    }),
  });
  await launcher(page);
  await page.evaluate(() => window.pathlight("open", "export-report"));
  await page.getByRole("tab", { name: "How" }).click();
  await page.getByRole("button", { name: "Show me" }).click();
  await ringAround(page, "reports.range", "the ring around step 1's feature, the date range");
  await page.getByRole("button", { name: "Next step" }).click();
  await ringAround(page, "reports.export", "the ring around step 2's feature, the Export button, scrolled into view");
  const feature = await box(page.locator('[data-pathlight="reports.export"]'));
  assert.ok(feature.top >= 0 && feature.bottom <= 800, `step 2's feature was not scrolled into view: ${JSON.stringify(feature)}`);
  const ring = page.locator("pathlight-widget >> .pl-ring");
  assert.equal(await ring.evaluate((r) => getComputedStyle(r).pointerEvents), "none");
  assert.equal(await page.evaluate(() => document.querySelector("pathlight-widget").shadowRoot.activeElement?.textContent), "Done", "focus left the card's controls");
  // The learner can still use the page under the ring.
  await page.click("#host-counter");
  assert.equal(await page.textContent("#host-count"), "1");
  // Back to step 1: the ring goes back to the date range.
  await page.getByRole("button", { name: "Previous step" }).click();
  await ringAround(page, "reports.range", "the ring back around step 1's feature");
  assert.deepEqual(await page.evaluate(() => window.steps), [1, 2, 1]);
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("Show me hides the ring for a step whose feature is not on the page (no ring at a stale or zero position)", async () => {
  // basic.html has the Export button (step 2) but no date range (step 1).
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`);
  assert.equal(await page.locator('[data-pathlight="reports.range"]').count(), 0, "step 1's feature is on this host: the test proves nothing");
  await launcher(page);
  await page.evaluate(() => window.pathlight("open", "export-report"));
  await page.getByRole("tab", { name: "How" }).click();
  await page.getByRole("button", { name: "Show me" }).click();
  await page.locator("pathlight-widget >> .pl-step-count", { hasText: /^Step 1/ }).waitFor();
  // Step 1 shows: once the widget has looked at the page again, still no ring.
  await quiesce(page);
  assert.equal(await ringSeen(page), null, "a ring is drawn for step 1, whose feature is not on the page");
  // Step 2's feature is here: the ring goes around it (so the ring does work on this page).
  await page.getByRole("button", { name: "Next step" }).click();
  await ringAround(page, "reports.export", "the ring around step 2's feature");
  // Back to step 1: the ring must not stay where step 2's feature is.
  await page.getByRole("button", { name: "Previous step" }).click();
  await waitFor(async () => (await ringSeen(page)) === null, { what: "the ring to hide when going back to step 1, whose feature is not on the page (it stayed around step 2's feature)" });
  await quiesce(page);
  assert.equal(await ringSeen(page), null, "the ring came back for step 1, whose feature is not on the page");
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("Show me rings a step's feature that the host renders after the step was shown (a ring that never comes)", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`);
  await launcher(page);
  await page.evaluate(() => window.pathlight("open", "export-report"));
  await page.getByRole("tab", { name: "How" }).click();
  await page.getByRole("button", { name: "Show me" }).click();
  await page.locator("pathlight-widget >> .pl-step-count", { hasText: /^Step 1/ }).waitFor();
  // The host renders step 1's feature late, as a single-page app does.
  await page.evaluate(() => {
    const range = document.createElement("select");
    range.setAttribute("data-pathlight", "reports.range");
    range.append(new Option("This month"));
    document.querySelector("main").prepend(range);
  });
  await ringAround(page, "reports.range", "the ring around step 1's feature once the host rendered it");
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("a card shows what it builds on and leads to, with their states, and goes there", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/basic`);
  await launcher(page);
  await page.evaluate(() => window.pathlight("track", "report_exported"));
  await page.evaluate(() => window.pathlight("open", "send-invoice"));
  const card = page.getByRole("dialog", { name: "Send an invoice" });
  await card.waitFor();
  const buildsOn = card.getByRole("navigation").getByRole("button", { name: /Export a report/ });
  assert.match(await buildsOn.textContent(), /done/);
  await buildsOn.click();
  await page.getByRole("dialog", { name: "Export a report" }).waitFor();
  await close();
});

test("the host themes the widget, and init can force dark", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/themed`, {
    setup: (p) => p.route("**/app/themed", (r) => r.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Themed</title>
        <style>:root { --pathlight-accent: rgb(190, 18, 60); --pathlight-radius: 3px; --pathlight-font: Georgia, serif; }</style></head>
        <body><main><h1>Host</h1><button data-pathlight="reports.export">Export</button></main>
        <script>window.pathlight=window.pathlight||function(){(window.pathlight.q=window.pathlight.q||[]).push(arguments)};
        pathlight('init',{lessons:'/lessons.json',theme:'dark'});pathlight('open','export-report');</script>
        <script async src="/dist/pathlight.js"></script></body></html>`,
    })),
  });
  await page.getByRole("dialog", { name: "Export a report" }).waitFor({ timeout: DEADLINE });
  const style = await page.evaluate(() => {
    const root = document.querySelector("pathlight-widget").shadowRoot;
    const launcher = getComputedStyle(root.querySelector(".pl-launcher"));
    const card = getComputedStyle(root.querySelector(".pl-card"));
    return { accent: launcher.backgroundColor, font: card.fontFamily, radius: card.borderTopLeftRadius, background: card.backgroundColor, dark: root.querySelector(".pl-root").classList.contains("pl-dark") };
  });
  assert.deepEqual(style, { accent: "rgb(190, 18, 60)", font: "Georgia, serif", radius: "3px", background: "rgb(27, 31, 42)", dark: true });
  await close();
});

test("identify folds what the learner did anonymously into their own progress", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/basic`);
  await launcher(page);
  await page.evaluate(() => window.pathlight("track", "report_exported"));
  await page.evaluate(() => window.pathlight("identify", "u7", { role: "admin" }));
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("pathlight:fixture:user:u7") || "{}").data?.lessons?.["export-report"]?.completed);
  assert.equal(await page.evaluate(() => localStorage.getItem("pathlight:fixture:anonymous")), null, "the anonymous copy stayed behind");
  await close();
});
