// Loading in phases: the release build starts with pathlight.js and pathlight_bg.wasm, and the
// surfaces' chunk (pathlight_surfaces.wasm: panel, lesson card, Show me) comes later, once,
// checked against the hash built into pathlight.js like every file the loader fetches. Each
// test names the bug it would catch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launcher, open, quiesce, settledCount, suite, waitFor } from "./harness.mjs";

const env = suite();
const CHUNK = "**/dist/pathlight_surfaces.wasm";
const dist = (file) => readFileSync(fileURLToPath(new URL(`../../dist/${file}`, import.meta.url)));

/** Counts the requests for each of the widget's files. */
function countRequests(page) {
  const seen = {};
  page.on("request", (r) => {
    const name = new URL(r.url()).pathname.split("/").pop();
    seen[name] = (seen[name] || 0) + 1;
  });
  return seen;
}

/** Answers the chunk's requests only once `release()` is called; `failing` answers 404. */
function holdChunk() {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  const state = { failing: false, asked: 0 };
  return {
    state,
    release,
    setup: (p) =>
      p.route(CHUNK, async (route) => {
        state.asked++;
        await gate;
        if (state.failing) return route.fulfill({ status: 404, body: "not found" });
        return route.continue();
      }),
  };
}

const card = (page) => page.locator("pathlight-widget >> .pl-card");
const panel = (page) => page.locator("pathlight-widget >> .pl-panel");
const beacon = (page) => page.locator("pathlight-widget >> .pl-beacon").first();

test("the first beacon needs only pathlight.js and pathlight_bg.wasm, and the chunk comes once, by itself (bug: the surfaces shipped before the first beacon, or were fetched again per surface)", async () => {
  const held = holdChunk();
  let seen;
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`, {
    setup: async (p) => {
      seen = countRequests(p);
      await held.setup(p);
    },
  });
  try {
    await launcher(page);
    await beacon(page).waitFor({ state: "visible" });
    // The beacon showed while the chunk's answer was held: it did not need it.
    held.release();
    // Prefetched when the browser is idle after start, without any surface opened.
    await waitFor(() => held.state.asked === 1, { what: "the idle prefetch of the chunk" });
    await page.getByRole("button", { name: "Learn", exact: true }).click();
    await panel(page).waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
    await beacon(page).click();
    await card(page).waitFor({ state: "visible" });
    assert.equal(held.state.asked, 1, "the chunk was fetched once");
    assert.equal(seen["pathlight_bg.wasm"], 1);
    assert.deepEqual(log.warnings, []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

/** Records the timers the page queues while `window.__queued` is a Set, each taken out of
 * it once its callback has run: so a test can wait until what a call queued has run. */
function recordTimers() {
  const setTimeout = window.setTimeout;
  window.setTimeout = function (callback, ...rest) {
    const watching = window.__queued;
    const id = setTimeout.call(window, (...args) => {
      try {
        if (typeof callback === "function") callback(...args);
      } finally {
        watching?.delete(id);
      }
    }, ...rest);
    watching?.add(id);
    return id;
  };
}

test("data-settled after the first open waits for the card's code: once it passes, the card is on screen (bug: it passed while the chunk was still on its way, and a vendor's test found no card)", async () => {
  const held = holdChunk();
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`, {
    setup: async (p) => {
      await held.setup(p);
      await p.addInitScript(recordTimers);
    },
  });
  try {
    await launcher(page);
    await waitFor(async () => (await settledCount(page)) >= 1, { what: "the start's data-settled" });
    await waitFor(() => held.state.asked === 1, { what: "the idle prefetch of the chunk, held" });
    await quiesce(page);
    const before = await settledCount(page);
    await page.evaluate(() => {
      window.__queued = new Set();
      window.pathlight("open", "export-report");
      window.__queuedByOpen = window.__queued;
      window.__queued = undefined;
    });
    // The call's own bump of the count is one of the timers it queued.
    await waitFor(() => page.evaluate(() => window.__queuedByOpen.size === 0), { what: "the timers the call queued to run" });
    assert.equal(await settledCount(page), before, "settled while the card's code was still on its way");
    held.release();
    await waitFor(async () => (await settledCount(page)) > before, { what: "data-settled once the chunk arrived" });
    assert.equal(await card(page).count(), 1, "no card on screen once settled");
    assert.deepEqual(log.warnings, []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("a beacon clicked before the chunk has arrived opens its card once it does (bug: a lost click, or an error)", async () => {
  const held = holdChunk();
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`, { setup: held.setup });
  try {
    await launcher(page);
    await beacon(page).click();
    await waitFor(() => held.state.asked >= 1, { what: "the chunk asked for after the click" });
    assert.equal(await card(page).count(), 0, "no card without its code");
    held.release();
    await card(page).waitFor({ state: "visible" });
    // The click's card takes focus, as a card opened with the chunk already there does.
    await waitFor(() => page.evaluate(() => !!document.querySelector("pathlight-widget").shadowRoot.activeElement?.closest(".pl-card")), { what: "focus in the card" });
    assert.deepEqual(log.warnings, []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("a queued open fetches the chunk alongside the wasm and shows the card (bug: the chunk waited for the wasm, or the open was lost)", async () => {
  const events = [];
  const name = (r) => new URL(r.url()).pathname.split("/").pop();
  const { page, log, close } = await open(env.browser, `${env.base}/app/queue`, {
    setup: (p) => {
      p.on("request", (r) => events.push(`asked ${name(r)}`));
      p.on("requestfinished", (r) => events.push(`got ${name(r)}`));
    },
  });
  try {
    await card(page).waitFor({ state: "visible" });
    // Playwright may relay the wasm's requestfinished after the card shows.
    await waitFor(() => events.includes("got pathlight_bg.wasm"), { what: () => `the main wasm's load to finish: ${events.join(", ")}` });
    const asked = events.indexOf("asked pathlight_surfaces.wasm");
    assert.ok(asked >= 0 && asked < events.indexOf("got pathlight_bg.wasm"), events.join(", "));
    assert.equal(events.filter((e) => e === "asked pathlight_surfaces.wasm").length, 1, events.join(", "));
    assert.deepEqual(log.warnings, []);
  } finally {
    await close();
  }
});

test("a chunk that fails to load gives one warning, closes what waited for it, and the next click tries again (bug: a broken widget, or a warning per retry of the loader)", async () => {
  const held = holdChunk();
  held.state.failing = true;
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`, { setup: held.setup });
  try {
    const learn = await launcher(page);
    held.release();
    // The idle prefetch fails first: one warning, naming the file.
    await waitFor(() => log.warnings.length >= 1, { what: "the warning of the failed prefetch" });
    assert.equal(log.warnings.length, 1, log.warnings.join("\n"));
    assert.match(log.warnings[0], /pathlight_surfaces\.wasm.*HTTP 404/);
    await learn.click();
    await waitFor(() => log.warnings.length >= 2, { what: "the warning of the failed fetch on click" });
    await waitFor(async () => (await learn.getAttribute("aria-expanded")) === "false", { what: "the launcher closed again" });
    assert.equal(await panel(page).count(), 0);
    // The network is back: the learner's next click works.
    held.state.failing = false;
    await learn.click();
    await panel(page).waitFor({ state: "visible" });
    assert.equal(log.warnings.length, 2, log.warnings.join("\n"));
    assert.deepEqual(log.pageErrors, []);
    // The host page still works.
    await page.click("#host-counter");
    assert.equal(await page.textContent("#host-count"), "1");
  } finally {
    await close();
  }
});

/** Serves `file` with one byte changed, as a CDN or proxy that altered it would. */
const tamper = (file) => (p) =>
  p.route(`**/dist/${file}`, (route) => {
    const body = Buffer.from(dist(file));
    body[body.length - 1] ^= 0xff;
    return route.fulfill({ status: 200, contentType: "application/wasm", body });
  });

test("a tampered pathlight_bg.wasm never runs, and one warning names it (bug: the wasm the loader fetches was not checked)", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`, { setup: tamper("pathlight_bg.wasm") });
  try {
    await waitFor(() => log.warnings.length >= 1, { what: "the warning" });
    assert.equal(log.warnings.length, 1, log.warnings.join("\n"));
    assert.match(log.warnings[0], /pathlight_bg\.wasm at \S+ does not match the hash built into pathlight\.js, so it was never run/);
    assert.equal(await page.locator("pathlight-widget").count(), 0, "no widget from a file that is not ours");
    assert.equal(typeof (await page.evaluate(() => window.pathlight("track", "x"))), "undefined", "pathlight() still never throws");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("a tampered chunk never runs: one warning names it, and the panel stays closed (bug: the chunks were not checked)", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`, { setup: tamper("pathlight_surfaces.wasm") });
  try {
    const learn = await launcher(page);
    await waitFor(() => log.warnings.length >= 1, { what: "the warning of the prefetch" });
    assert.match(log.warnings[0], /pathlight_surfaces\.wasm at \S+ does not match the hash built into pathlight\.js, so it was never run/);
    await learn.click();
    await waitFor(() => log.warnings.length >= 2, { what: "the warning of the click's fetch" });
    await waitFor(async () => (await learn.getAttribute("aria-expanded")) === "false", { what: "the launcher closed again" });
    assert.equal(await panel(page).count(), 0);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});
