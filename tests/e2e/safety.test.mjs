// Data safety on every path a learner takes: stale page views, pages restored with Back,
// reset, identify with a backend that answers late, tracking, and destroy from inside a
// lifecycle callback. Each test names the bug it pins.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { launcher, open, suite } from "./harness.mjs";

const env = suite();

const KEY = "pathlight:fixture:anonymous";
const stored = (page, key = KEY) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || "null"), key);
const done = (progress, id) => Boolean(progress?.data?.lessons?.[id]?.completed);
const listed = (page) => page.locator("pathlight-widget >> .pl-item-title").allTextContents();

/** Runs `action`, then waits until the widget says it has caught up with it. */
async function settle(page, action) {
  const count = () => page.evaluate(() => Number(document.querySelector("pathlight-widget")?.getAttribute("data-settled") || 0));
  const before = await count();
  await action();
  await page.waitForFunction((n) => Number(document.querySelector("pathlight-widget")?.getAttribute("data-settled") || 0) > n, before);
}

/** Sends the invoice on the host page: the real action that completes "Send an invoice",
 * once its beacon shows, which says the widget watches the button (a click before that is
 * not the learner's doing as far as the widget can know). */
async function sendInvoice(page) {
  await page.locator('pathlight-widget >> .pl-beacon[data-lesson="send-invoice"]').waitFor();
  await page.click('[data-pathlight="invoices.send"]');
}

async function panel(page) {
  await (await launcher(page)).click();
  await page.getByRole("dialog", { name: "Learn Test Ledger" }).waitFor();
  return listed(page);
}

/** Keeps a page from hearing `storage` events, as a busy or frozen tab, or (in browsers that
 * do not replay them) a page in the back/forward cache, may not. */
const deaf = () => window.addEventListener("storage", (e) => e.stopImmediatePropagation(), true);

/** Two tabs of one learner in one browser profile, on `path`; `setupA` runs in tab A,
 * `setupB` in tab B, before their scripts. */
async function tabs(setupA, { browser = env.browser, path = "/app/basic", prepare, setupB } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await prepare?.(context);
  const errors = [];
  const page = async (setup) => {
    const p = await context.newPage();
    p.on("pageerror", (e) => errors.push(String(e)));
    if (setup) await p.addInitScript(setup);
    await p.goto(`${env.base}${path}`);
    await launcher(p);
    return p;
  };
  const a = await page(setupA);
  const b = await page(setupB);
  return { a, b, errors, context };
}

test("a page view that missed another tab's save does not drop its completion (bug: save wrote the whole in-memory progress)", async () => {
  // Neither tab hears the other's `storage` events, so B cannot heal what A's save drops.
  const { a, b, errors, context } = await tabs(deaf, { setupB: deaf });
  await sendInvoice(b);
  await b.waitForFunction((k) => JSON.parse(localStorage.getItem(k) || "{}")?.data?.lessons?.["send-invoice"]?.completed, KEY);
  await settle(a, () => a.evaluate(() => window.pathlight("track", "report_exported")));
  const saved = await stored(a);
  assert.ok(done(saved, "export-report"), "page A's own completion is saved");
  assert.ok(done(saved, "send-invoice"), "page A's save dropped the completion page B saved");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a page restored with Back re-reads progress it missed (bug: the back/forward cache hears no storage events)", async (t) => {
  // Playwright turns the back/forward cache off by default; this test needs it on.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
    ignoreDefaultArgs: ["--disable-back-forward-cache"],
  });
  t.after(() => browser.close());
  // The test server says no-store, which keeps pages out of the cache: serve this one as
  // a vendor's server would.
  const page = await (await fetch(`${env.base}/app/basic`)).text();
  // Chromium replays the storage events a cached page missed; Firefox and Safari do not
  // (web-platform-tests back-forward-cache/storage-events.html). Page A hears none, as there.
  const { a, b, errors, context } = await tabs(() => {
    window.addEventListener("storage", (e) => e.stopImmediatePropagation(), true);
    window.addEventListener("pageshow", (e) => { if (e.persisted) window.restoredFromCache = true; });
  }, { browser, path: "/app/cached", prepare: (c) => c.route("**/app/cached", (r) => r.fulfill({ contentType: "text/html", body: page })) });
  await a.goto(`${env.base}/app/basic?elsewhere`);
  await sendInvoice(b);
  await b.waitForFunction((k) => JSON.parse(localStorage.getItem(k) || "{}")?.data?.lessons?.["send-invoice"]?.completed, KEY);
  await a.goBack({ waitUntil: "commit" });
  // `pageshow` follows the commit of the navigation: wait for it, not for the commit.
  await a.waitForFunction(() => window.restoredFromCache === true, null, { timeout: 15000 }).catch(() => {
    assert.fail("the page was not restored from the back/forward cache, so this test proves nothing");
  });
  assert.deepEqual(await panel(a), ["Export a report"], "the restored page still offers what another tab completed");
  assert.deepEqual(errors, []);
  await context.close();
});

test("reset lasts: another tab's next save does not bring the progress back (bug: reset removed one key, saves wrote it back)", async () => {
  const { a, b, errors, context } = await tabs();
  await sendInvoice(a);
  await b.waitForFunction((k) => JSON.parse(localStorage.getItem(k) || "{}")?.data?.lessons?.["send-invoice"]?.completed, KEY);
  await settle(b, () => b.evaluate(() => window.pathlight("reset")));
  assert.ok(!done(await stored(b), "send-invoice"), "reset left the completion in storage");
  // Tab A knew of the completion; its next save must not restore it.
  await settle(a, () => a.evaluate(() => window.pathlight("track", "report_exported")));
  const saved = await stored(a);
  assert.ok(!done(saved, "send-invoice"), "another tab's save brought the reset progress back");
  assert.ok(done(saved, "export-report"), "what the learner did after the reset counts");
  await a.reload();
  assert.deepEqual(await panel(a), ["Send an invoice"]);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A host whose backend (`window.backend`) keeps progress per user. `load` answers only when
 * the test calls `window.answer(user)`, with what the backend held when the page loaded (a
 * slow backend answers with the state it read); `save` keeps what it is given. */
function remoteHost(initUser) {
  return (p) => p.route("**/app/remote-safety", (r) => r.fulfill({
    contentType: "text/html",
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Remote host</title></head><body><main><h1>Host</h1>
      <button data-pathlight="reports.export">Export</button><button data-pathlight="invoices.send">Send</button></main>
      <script>
        const old = { v: 2, data: { lessons: { "send-invoice": { completed: { at: 1, via: "click" } } } } };
        window.backend = JSON.parse(sessionStorage.getItem("backend") || "null") || { ann: old };
        window.saves = [];
        window.waiting = {};
        const held = JSON.parse(JSON.stringify(window.backend));
        window.answer = (user) => { window.waiting[user]?.(held[user] || null); delete window.waiting[user]; };
        window.pathlight = window.pathlight || function () { (window.pathlight.q = window.pathlight.q || []).push(arguments); };
        pathlight("init", { lessons: "/lessons.json", user: { id: ${JSON.stringify(initUser)} }, progress: {
          load: (user) => new Promise((ok) => { window.waiting[user] = ok; }),
          save: async (user, state) => {
            window.saves.push(user);
            window.backend[user] = state;
            sessionStorage.setItem("backend", JSON.stringify(window.backend));
          },
        } });
      </script>
      <script async src="/dist/pathlight.js"></script></body></html>`,
  }));
}

test("identify: a backend answer for the previous user is dropped (bug: user A's late load was merged into user B)", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/remote-safety`, { setup: remoteHost("ann") });
  await launcher(page);
  await page.waitForFunction(() => window.waiting.ann);
  await settle(page, () => page.evaluate(() => window.pathlight("identify", "bob", { plan: "trial" })));
  // Ann's load answers now, late.
  await settle(page, () => page.evaluate(() => window.answer("ann")));
  assert.ok(!done(await stored(page, "pathlight:fixture:user:bob"), "send-invoice"), "ann's progress was saved under bob's key");
  assert.deepEqual(await panel(page), ["Export a report", "Send an invoice"], "bob is offered what only ann did");
  assert.ok(!done(await page.evaluate(() => window.backend.bob), "send-invoice"), "ann's progress reached bob's backend");
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("reset reaches the vendor's backend, and a later load of what it held before does not bring it back (bug: the remote adapter merged everything back)", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/remote-safety`, { setup: remoteHost("ann") });
  await launcher(page);
  await page.waitForFunction(() => window.waiting.ann);
  await page.evaluate(() => window.answer("ann"));
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("pathlight:fixture:user:ann") || "{}")?.data?.lessons?.["send-invoice"]?.completed);
  assert.deepEqual(await panel(page), ["Export a report"], "the backend's completion was merged in");
  await page.keyboard.press("Escape");
  await settle(page, () => page.evaluate(() => window.pathlight("reset")));
  await page.waitForFunction(() => !window.backend.ann?.data?.lessons?.["send-invoice"]?.completed);
  // The backend now lags: it answers the next load with what it held before the reset.
  await page.evaluate(() => {
    sessionStorage.setItem("backend", JSON.stringify({ ann: { v: 2, data: { lessons: { "send-invoice": { completed: { at: 1, via: "click" } } } } } }));
  });
  await page.reload();
  await launcher(page);
  await page.waitForFunction(() => window.waiting.ann);
  await settle(page, () => page.evaluate(() => window.answer("ann")));
  assert.deepEqual(await panel(page), ["Export a report", "Send an invoice"], "the old backend state brought the reset progress back");
  assert.ok(!done(await stored(page, "pathlight:fixture:user:ann"), "send-invoice"));
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("two tracks in the same millisecond both count, and events no trigger uses are not kept (bug: one was lost; storage grew with every name)", async () => {
  // The clock stands still, so both calls fall in the same millisecond on any machine.
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`, {
    setup: (p) => p.addInitScript(() => { const now = Date.now(); Date.now = () => now; }),
  });
  await launcher(page);
  await settle(page, () => page.evaluate(() => {
    window.pathlight("track", "report_exported");
    window.pathlight("track", "report_exported");
    for (let i = 0; i < 50; i++) window.pathlight("track", `scrolled_${i}`);
  }));
  const events = (await stored(page)).data.events || {};
  assert.equal(events.report_exported?.length, 2);
  assert.deepEqual(Object.keys(events), ["report_exported"]);
  assert.deepEqual(log.pageErrors, []);
  await close();
});

// `opened` and `completed` trapped before (the wasm read a disposed signal); the others
// guard the same promise on every other path.
for (const [event, act, bug] of [
  ["opened", (p) => p.evaluate(() => window.pathlight("open", "send-invoice")), true],
  ["layer_viewed", (p) => p.evaluate(() => window.pathlight("open", "send-invoice"))],
  ["completed", sendInvoice, true],
  ["goal_changed", (p) => p.evaluate(() => window.pathlight("setGoals", ["get-paid"]))],
  ["dismissed", async (p) => {
    await p.evaluate(() => window.pathlight("open", "send-invoice"));
    await p.getByRole("button", { name: "Not now" }).click();
  }],
]) {
  const title = `destroy from an on('${event}') callback, and calls after it, never trap or throw into the host`;
  test(bug ? `${title} (bug: the wasm read a disposed signal)` : title, async () => {
    const { page, log, close } = await open(env.browser, `${env.base}/app/basic`);
    await launcher(page);
    await page.evaluate((name) => {
      window.destroyed = 0;
      window.pathlight("on", name, () => { window.pathlight("destroy"); window.destroyed++; window.pathlight("track", "report_exported"); });
    }, event);
    await act(page);
    await page.waitForFunction(() => window.destroyed > 0 && !document.querySelector("pathlight-widget"));
    await page.evaluate(() => {
      for (const call of [["open", "send-invoice"], ["track", "report_exported"], ["reset"], ["identify", "u2"], ["setGoals", []], ["close"], ["destroy"]]) {
        window.pathlight(...call);
      }
    });
    // The host page still works, and the widget comes back with init.
    await page.click("#host-counter");
    assert.equal(await page.textContent("#host-count"), "1");
    await page.evaluate(() => window.pathlight("init", { lessons: "/lessons.json" }));
    await launcher(page);
    assert.deepEqual(log.pageErrors, []);
    // The loader turns a trap into a warning, so look there too.
    const traps = [...log.errors, ...log.warnings].filter((e) => /unreachable|RuntimeError|panicked/.test(e));
    assert.deepEqual(traps, []);
    await close();
  });
}
