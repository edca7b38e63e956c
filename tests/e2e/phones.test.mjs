// Phones as they really render. Chromium's mobile emulation (isMobile, touch, 3× pixels) lays
// a page wider than the screen out wider than the screen and places `position: fixed` against
// that larger layout viewport; pinch zoom and the on-screen keyboard leave only part of it in
// sight. Whatever the page does, the launcher must be in sight and tappable, a lesson must open
// as a sheet in sight, and the sheet must not cover the lesson's feature when there is room.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { holdWidget, launcher, lessonItem, open, suite, waitFor } from "./harness.mjs";

const env = suite();

const PORTRAIT = { width: 360, height: 740 };
const LANDSCAPE = { width: 740, height: 360 };

/** What is in sight: the visual viewport, in the layout viewport's coordinates (those of
 * getBoundingClientRect), and the layout viewport's size. */
const visible = (page) => page.evaluate(() => {
  const v = visualViewport;
  return { left: v.offsetLeft, top: v.offsetTop, right: v.offsetLeft + v.width, bottom: v.offsetTop + v.height, width: v.width, height: v.height, scale: v.scale, layoutWidth: innerWidth, layoutHeight: innerHeight };
});
const box = (locator) => locator.evaluate((e) => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; });
/** Within a pixel: the layer is placed to a hundredth of one, at 3 device pixels per pixel. */
const inside = (a, v) => a.left >= v.left - 1 && a.top >= v.top - 1 && a.right <= v.right + 1 && a.bottom <= v.bottom + 1;
const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const show = (o) => JSON.stringify(o, (k, v) => (typeof v === "number" ? Math.round(v) : v));

/** Scrolls the page so the feature's row sits at `fraction` of the height in sight: low enough
 * that a sheet along the bottom would cover it, so the widget has to choose. A script scrolls
 * the layout viewport; what is in sight stays where it is within it. */
const rowAt = (page, fraction) => page.evaluate((fraction) => {
  const row = document.getElementById("row").getBoundingClientRect();
  window.scrollBy(0, row.top - (visualViewport.offsetTop + visualViewport.height * fraction));
}, fraction);

/** Moves what is in sight within the layout viewport, as a finger's scroll does first on a
 * zoomed or wide page, and checks that it moved. */
async function pan(page) {
  const before = await visible(page);
  await page.mouse.wheel(40, 160);
  await waitFor(async () => {
    const v = await visible(page);
    return v.left > before.left && v.top > before.top;
  }, { what: "the visual viewport to move within the layout viewport" });
}

/** Taps the middle of `locator` as a finger would, where it shows on screen: touch points are
 * in the visual viewport's coordinates (Playwright's own tap aims at the layout viewport's,
 * which miss once the two differ). */
async function tap(page, locator) {
  // Where it shows once it has stopped moving (the widget follows a move in the next frame).
  let last;
  const point = await waitFor(async () => {
    const b = await box(locator);
    const v = await visible(page);
    const p = { x: (b.left + b.right) / 2 - v.left, y: (b.top + b.bottom) / 2 - v.top };
    const still = last && Math.abs(last.x - p.x) < 0.5 && Math.abs(last.y - p.y) < 0.5;
    last = p;
    return still && p.x >= 0 && p.y >= 0 && p.x <= v.width && p.y <= v.height && p;
  }, { what: () => `${locator} to stand still in sight, to tap it (last at ${show(last)})` });
  await page.touchscreen.tap(point.x, point.y);
}

/** An on-screen keyboard: the screen's height shrinks to `share` of it, the layout viewport of
 * this wide page stays taller than what is in sight, as on a phone. */
async function keyboard(page, cdp, viewport, share) {
  const height = Math.round(viewport.height * share);
  await cdp.send("Emulation.setDeviceMetricsOverride", { width: viewport.width, height, deviceScaleFactor: 3, mobile: true });
  const v = await waitFor(async () => {
    const v = await visible(page);
    return Math.abs(v.height - height) < 1 && v;
  }, { what: `the visual viewport to shrink to ${height}px as a keyboard opens` });
  assert.ok(v.layoutHeight > v.height + 50, `the layout viewport is no taller than what is in sight: ${show(v)}; the test proves nothing`);
}

/** Taps the launcher, which must be in sight, a 44px target and the thing under the finger,
 * and waits for the panel, in sight. */
async function tapLauncher(page) {
  const launcher = page.locator("pathlight-widget >> .pl-launcher");
  await launcher.waitFor();
  // The widget follows what is in sight in the next frame after it moved.
  let last;
  await waitFor(async () => {
    const v = await visible(page);
    const placed = await box(launcher);
    last = { v, placed };
    assert.ok(inside(placed, v), "out of sight");
    const size = { width: placed.right - placed.left, height: placed.bottom - placed.top };
    assert.ok(size.width * v.scale >= 44 && size.height * v.scale >= 44, `smaller than a 44px touch target on screen: ${show(size)} at ${v.scale}×`);
    assert.ok(await launcher.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return e.contains(e.getRootNode().elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    }), "something covers it");
    return true;
  }, { what: () => `the launcher in sight, a 44px target and uncovered: ${show(last)}` });
  await tap(page, launcher);
  const panel = page.locator("pathlight-widget >> .pl-panel");
  await panel.waitFor();
  await waitFor(async () => inside(await box(panel), await visible(page)), { what: "the panel in sight" });
}

/** Opens the lesson from the panel and checks its sheet: in sight, across the width in sight,
 * and clear of the feature when one side has the room. */
async function openSheet(page) {
  const item = lessonItem(page, "Export a report");
  await item.evaluate((e) => e.scrollIntoView({ block: "nearest" }));
  await tap(page, item);
  const card = page.locator("pathlight-widget >> .pl-card");
  await card.waitFor();
  await sheetClear(page, card);
  // Every control of the card is a 44px touch target on screen, whatever the zoom.
  const { scale } = await visible(page);
  const small = await card.evaluate((card, scale) => [...card.querySelectorAll("button")]
    .map((b) => ({ name: b.getAttribute("aria-label") || b.textContent.trim(), box: b.getBoundingClientRect() }))
    .filter(({ box }) => box.width > 0 && (box.width * scale < 43.5 || box.height * scale < 43.5))
    .map(({ name, box }) => `${name} ${Math.round(box.width * scale)}×${Math.round(box.height * scale)}`), scale);
  assert.deepEqual(small, [], "controls smaller than 44 × 44 px on a touch screen");
  return card;
}

async function sheetClear(page, card, { field } = {}) {
  let last;
  await waitFor(async () => {
    const v = await visible(page);
    const sheet = await box(card);
    const feature = await box(page.locator('[data-pathlight="reports.export"]'));
    const typing = field ? await box(page.locator(field)) : null;
    const side = await card.getAttribute("data-side");
    last = { v, sheet, feature, typing, side };
    assert.ok(inside(sheet, v), "the sheet is out of sight");
    assert.ok(sheet.right - sheet.left >= v.width - 1, "the sheet does not span the width in sight");
    assert.match(side ?? "", /^sheet-/, "the card is not a sheet beside its feature (its feature is in sight)");
    const height = sheet.bottom - sheet.top;
    for (const [name, what] of [["feature", feature], ["focused field", typing]]) {
      if (!what) continue;
      assert.ok(inside(what, v), `the ${name} is not in sight: the test proves nothing`);
      const room = what.bottom <= v.bottom - height || what.top >= v.top + height;
      assert.ok(room, `no room beside the ${name}: the test proves nothing`);
      assert.ok(!overlaps(sheet, what), `the sheet covers the ${name}`);
    }
    return true;
  }, { what: () => `the sheet in sight and clear of the feature: ${show(last)}` });
}

async function phone(viewport, run) {
  const context = await env.browser.newContext({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  try {
    await page.goto(`${env.base}/app/phone`);
    await page.locator("pathlight-widget >> .pl-launcher").waitFor();
    // The goal question would come first in the panel: answered, so the lessons show.
    await page.evaluate(() => window.pathlight("setGoals", []));
    const layout = await visible(page);
    assert.ok(layout.layoutWidth > layout.width, `this host is not wider than the screen: ${show(layout)}`);
    await run(page, await context.newCDPSession(page));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

for (const [name, viewport] of [["portrait", PORTRAIT], ["landscape", LANDSCAPE]]) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`${name} ${size}, a page wider than the screen: the launcher and sheet stay in sight as the page scrolls (a launcher placed against the wider layout viewport, off screen)`, () =>
    phone(viewport, async (page) => {
      await pan(page);
      await rowAt(page, 0.75);
      await tapLauncher(page);
      await openSheet(page);
    }));

  test(`${name} ${size}, pinch-zoomed to 2×: the launcher and sheet stay in sight at their size, beacons on their features (a widget zoomed with the page, off screen)`, () =>
    phone(viewport, async (page, cdp) => {
      await cdp.send("Emulation.setPageScaleFactor", { pageScaleFactor: 2 });
      await waitFor(async () => (await visible(page)).scale === 2, { what: "the page zoomed to 2×" });
      await pan(page);
      await rowAt(page, 0.75);
      // The beacon stays on its feature's corner, a 24px target on screen.
      const beacon = page.locator('pathlight-widget >> .pl-beacon[data-lesson="export-report"]');
      await beacon.waitFor({ state: "visible" });
      await waitFor(async () => {
        const b = await box(beacon);
        const f = await box(page.locator('[data-pathlight="reports.export"]'));
        const centre = { x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 };
        assert.ok(Math.abs(centre.x - f.right) <= 1 && Math.abs(centre.y - f.top) <= 1, `the beacon ${show(b)} is off its feature's corner ${show(f)}`);
        assert.ok((b.right - b.left) * 2 >= 24, `the beacon is smaller than 24px on screen: ${show(b)} at 2×`);
        return true;
      }, { what: "the beacon on its feature's corner" });
      await tapLauncher(page);
      const card = await openSheet(page);
      // At its own size on screen: the title is as large as unzoomed, not twice as large.
      const title = await box(card.locator(".pl-title"));
      assert.ok((title.bottom - title.top) * 2 < 60, `the sheet zoomed with the page: its title is ${show(title)} at 2×`);
    }));

  test(`${name} ${size}, an on-screen keyboard: the launcher and sheet stay above it, clear of the field being typed in (a sheet under the keyboard)`, () =>
    phone(viewport, async (page, cdp) => {
      const field = page.locator("#search");
      await rowAt(page, 0.75);
      await tap(page, field);
      await keyboard(page, cdp, viewport, 0.55);
      // The browser brings the field being typed in back into sight above the keyboard.
      await field.evaluate((f) => f.scrollIntoView({ block: "nearest" }));
      await tapLauncher(page);
      const card = await openSheet(page);
      // The learner goes back to the field to do the step: it can be tapped, and the sheet
      // stays clear of it.
      await tap(page, field);
      await waitFor(() => field.evaluate((f) => f === document.activeElement), { what: "the field to take focus from a tap" });
      await sheetClear(page, card, { field: "#search" });
    }));
}

test("pinch-zoomed to 2×, Show me's ring surrounds its step's feature (a ring drawn at the layout viewport's coordinates, off the feature)", () =>
  phone(PORTRAIT, async (page, cdp) => {
    await cdp.send("Emulation.setPageScaleFactor", { pageScaleFactor: 2 });
    await waitFor(async () => (await visible(page)).scale === 2, { what: "the page zoomed to 2×" });
    await pan(page);
    await rowAt(page, 0.2);
    await tapLauncher(page);
    const card = await openSheet(page);
    await tap(page, card.getByRole("tab", { name: "How" }));
    await tap(page, card.getByRole("button", { name: "Show me" }));
    // Step 1's feature is not on this page; step 2's is the Export button.
    await tap(page, card.getByRole("button", { name: "Next step" }));
    const ring = page.locator("pathlight-widget >> .pl-ring");
    let last;
    await waitFor(async () => {
      const around = await box(ring);
      const feature = await box(page.locator('[data-pathlight="reports.export"]'));
      last = { around, feature };
      return around.left <= feature.left && around.top <= feature.top && around.right >= feature.right && around.bottom >= feature.bottom
        && around.right - around.left < feature.right - feature.left + 20;
    }, { what: () => `the ring around the Export button: ${show(last)}` });
  }));

test("safe areas: where the page extends under the notch and the home indicator (viewport-fit=cover), the launcher and sheets keep clear of them (controls under the home indicator)", async () => {
  const host = (await readFile(new URL("./hosts/phone.html", import.meta.url), "utf8"))
    .replace('initial-scale=1"', 'initial-scale=1, viewport-fit=cover"');
  for (const [viewport, insets] of [[PORTRAIT, { top: 47, bottom: 34, left: 0, right: 0 }], [LANDSCAPE, { top: 0, bottom: 21, left: 47, right: 47 }]]) {
    const context = await env.browser.newContext({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
    try {
      const page = await context.newPage();
      await page.route("**/app/safe-area", (r) => r.fulfill({ contentType: "text/html", body: host }));
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setSafeAreaInsetsOverride", { insets });
      await page.goto(`${env.base}/app/safe-area`);
      await page.evaluate(() => window.pathlight("setGoals", []));
      const size = `${viewport.width}×${viewport.height}`;
      let last;
      await waitFor(async () => {
        const v = await visible(page);
        const launcher = await box(page.locator("pathlight-widget >> .pl-launcher"));
        last = launcher;
        return launcher.bottom <= v.bottom - insets.bottom - 8 && launcher.right <= v.right - insets.right - 8;
      }, { what: () => `${size}: the launcher ${show(last)} clear of the insets ${show(insets)}` });
      // A sheet along the top, then along the bottom, as its feature sits low, then high.
      await rowAt(page, 0.75);
      await tapLauncher(page);
      const card = await openSheet(page);
      for (const [fraction, side] of [[0.75, "sheet-top"], [0.1, "sheet-bottom"]]) {
        await rowAt(page, fraction);
        await waitFor(async () => (await card.getAttribute("data-side")) === side, { what: `${size}: the sheet along the ${side.slice(6)}` });
        const padding = await card.evaluate((c) => { const s = getComputedStyle(c); return { top: parseFloat(s.paddingTop), bottom: parseFloat(s.paddingBottom), left: parseFloat(s.paddingLeft), right: parseFloat(s.paddingRight) }; });
        const edge = side === "sheet-top" ? "top" : "bottom";
        for (const at of [edge, "left", "right"]) {
          assert.ok(padding[at] >= insets[at] + 12, `${size}: the ${side}'s ${at} padding ${padding[at]}px does not clear the ${insets[at]}px inset`);
        }
      }
    } finally {
      await context.close();
    }
  }
});

test("the visual viewport's listeners are passive and go with destroy (a listener left behind on the host's page)", async () => {
  const held = holdWidget();
  const { page, log, close } = await open(env.browser, `${env.base}/app/phone`, held.options);
  const cdp = await page.context().newCDPSession(page);
  const listening = async () => {
    const { result } = await cdp.send("Runtime.evaluate", { expression: "visualViewport" });
    const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
    return listeners.map((l) => `${l.type}${l.passive ? " passive" : ""}`).sort();
  };
  const pristine = await listening();
  held.release();
  await launcher(page);
  // The layer starts following the viewport a slice after the launcher shows.
  const following = [...pristine, "resize passive", "scroll passive"].sort();
  await waitFor(async () => assert.deepEqual(await listening(), following) ?? true, { what: "the viewport's two passive listeners" });
  await page.evaluate(() => window.pathlight("destroy"));
  assert.deepEqual(await listening(), pristine);
  assert.deepEqual(log.pageErrors, []);
  await close();
});

// The demo, Acme Ledger, as the release build ships it: a single-page app served from dist/,
// every unknown path answered with its index.html.
const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
let demo;
before(async () => {
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".css": "text/css" };
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    const file = extname(path) ? join(dist, path) : join(dist, "index.html");
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  demo = { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
});
after(() => demo?.close());

const DEMO_PAGES = ["/", "/invoices", "/invoices?status=overdue", "/invoices/INV-1042", "/reports", "/customers", "/team", "/settings"];

test("the demo's dashboard at 390×844: the launcher lies in sight (it sat at x=481, y=1239 off screen, as the page was 600px wide)", async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
  try {
    const page = await context.newPage();
    await page.goto(`${demo.base}/`);
    const launcher = page.locator("pathlight-widget >> .pl-launcher");
    await launcher.waitFor();
    let last;
    await waitFor(async () => {
      last = { v: await visible(page), placed: await box(launcher) };
      return inside(last.placed, last.v);
    }, { what: () => `the launcher in sight: ${show(last)}` });
  } finally {
    await context.close();
  }
});

test("the demo fits a 360px phone on every page, with no sideways scrolling (a page wider than the screen)", async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
  try {
    const page = await context.newPage();
    const wide = [];
    for (const path of DEMO_PAGES) {
      await page.goto(`${demo.base}${path}`);
      await page.locator("main h1").first().waitFor();
      await page.locator("pathlight-widget >> .pl-launcher").waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`${path} is ${width}px wide`);
    }
    assert.deepEqual(wide, []);
  } finally {
    await context.close();
  }
});
