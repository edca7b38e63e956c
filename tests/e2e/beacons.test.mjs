// Beacons: pinned to features that render late, sit in scroll containers, come and go with
// SPA navigation. Each test names the failure it would catch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { DEADLINE, launcher, open, quiesce, suite, waitFor } from "./harness.mjs";

const env = suite();

const beacon = (page, lesson) => page.locator(`pathlight-widget >> .pl-beacon[data-lesson="${lesson}"]`);

/** The beacon's centre and its anchor's top-right corner, in viewport pixels. */
async function geometry(page, lesson, anchor) {
  return page.evaluate(([lesson, anchor]) => {
    const b = document.querySelector("pathlight-widget").shadowRoot.querySelector(`.pl-beacon[data-lesson="${lesson}"]`).getBoundingClientRect();
    const a = document.querySelector(`[data-pathlight="${anchor}"]`).getBoundingClientRect();
    return { beacon: { x: b.left + b.width / 2, y: b.top + b.height / 2 }, corner: { x: a.right, y: a.top } };
  }, [lesson, anchor]);
}

/** Waits until the beacon's centre is on its anchor's top-right corner, within 2 px (the
 * tether places it in the next frame after a scroll). */
function onCorner(page, lesson, anchor, what) {
  return waitFor(async () => {
    const g = await geometry(page, lesson, anchor);
    assert.ok(Math.abs(g.beacon.x - g.corner.x) <= 2 && Math.abs(g.beacon.y - g.corner.y) <= 2, JSON.stringify(g));
    return true;
  }, { what });
}

test("a beacon appears beside an element the host adds after the widget started", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/beacons`);
  await launcher(page);
  assert.equal(await beacon(page, "late-insight").count(), 0, "no beacon before its anchor exists");
  await page.evaluate(() => window.addLateFeature());
  await beacon(page, "late-insight").waitFor({ state: "visible", timeout: DEADLINE });
  await onCorner(page, "late-insight", "late.feature", "the late feature's beacon on its corner");
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("a beacon inside a scrolled container follows its anchor within 2 px, and hides when clipped", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/beacons`);
  await launcher(page);
  // Row 20 of the 200 px container starts out clipped: no beacon, once the widget has
  // looked at the page.
  await quiesce(page);
  assert.equal(await beacon(page, "deep-row").isVisible(), false, "a clipped anchor must not show a beacon");
  await page.evaluate(() => { document.getElementById("rows").scrollTop = 700; });
  await beacon(page, "deep-row").waitFor({ state: "visible" });
  await onCorner(page, "deep-row", "rows.deep", "the row's beacon on its corner after scrolling the row into view");
  // Scroll a little more: the beacon moves with the row.
  await page.evaluate(() => { document.getElementById("rows").scrollTop = 640; });
  await onCorner(page, "deep-row", "rows.deep", "the row's beacon following the row as the container scrolls");
  // Scroll the page so the container slides under the sticky header: the beacon hides.
  await page.evaluate(() => {
    const row = document.querySelector('[data-pathlight="rows.deep"]').getBoundingClientRect();
    window.scrollBy(0, row.top - 30);
  });
  await waitFor(async () => (await beacon(page, "deep-row").evaluate((b) => getComputedStyle(b).visibility)) === "hidden",
    { what: "the beacon to hide under the sticky header (a beacon must not float over it)" });
  await close();
});

test("beacons follow SPA navigation: shown on /invoices/:id, gone when the learner leaves", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/beacons`);
  await launcher(page);
  assert.equal(await beacon(page, "invoice-detail").count(), 0);
  await page.click("#to-invoice");
  await beacon(page, "invoice-detail").waitFor({ state: "visible", timeout: DEADLINE });
  await page.click("#to-list");
  await beacon(page, "invoice-detail").waitFor({ state: "detached", timeout: DEADLINE });
  await page.goBack();
  await beacon(page, "invoice-detail").waitFor({ state: "visible", timeout: DEADLINE });
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("SPA navigation is followed through a patched history where there is no Navigation API", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/beacons`, {
    setup: (p) => p.addInitScript(() => {
      delete Object.getPrototypeOf(window).navigation;
      delete window.navigation;
      // The host wraps pushState too, before us: both wrappers must keep working.
      const own = history.pushState;
      window.hostPushes = 0;
      history.pushState = function () { window.hostPushes++; return own.apply(this, arguments); };
    }),
  });
  await launcher(page);
  assert.equal(await page.evaluate(() => "navigation" in window), false);
  await page.click("#to-invoice");
  await beacon(page, "invoice-detail").waitFor({ state: "visible", timeout: DEADLINE });
  assert.equal(await page.evaluate(() => window.hostPushes), 1, "the host's own pushState wrapper was skipped");
  assert.equal(await page.evaluate(() => location.pathname), "/app/beacons/invoices/42");
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("clicking a beacon opens its lesson, and Not now hides the beacon", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/beacons`);
  await launcher(page);
  await page.click("#to-invoice");
  await beacon(page, "invoice-detail").click();
  const card = page.getByRole("dialog", { name: "Record a payment" });
  await card.waitFor();
  await card.getByRole("button", { name: "Not now" }).click();
  await card.waitFor({ state: "detached" });
  await quiesce(page);
  assert.equal(await beacon(page, "invoice-detail").count(), 0, "a dismissed lesson's beacon came back");
  await close();
});

test("an invalid selector in one lesson does not stop the other lessons", async () => {
  const pack = JSON.parse(await readFile(new URL("./artifacts/lessons.json", import.meta.url), "utf8"));
  const broken = structuredClone(pack.lessons.find((l) => l.id === "late-insight"));
  Object.assign(broken, { id: "broken", title: "Broken", anchor: { selector: "div[[" } });
  pack.lessons.unshift(broken);
  await writeFile(new URL("./artifacts/bad-selector.json", import.meta.url), JSON.stringify(pack));
  const { page, log, close } = await open(env.browser, `${env.base}/app/beacons`, {
    setup: (p) => p.route("**/lessons.json", (r) => r.fulfill({ path: new URL("./artifacts/bad-selector.json", import.meta.url).pathname, contentType: "application/json" })),
  });
  await launcher(page);
  await page.evaluate(() => { document.getElementById("rows").scrollTop = 700; });
  await beacon(page, "deep-row").waitFor({ state: "visible" });
  await page.evaluate(() => window.addLateFeature());
  await beacon(page, "late-insight").waitFor({ state: "visible", timeout: DEADLINE });
  assert.equal(log.warnings.filter((w) => w.includes("div[[")).length, 1, JSON.stringify(log.warnings));
  assert.deepEqual(log.pageErrors, []);
  await close();
});
