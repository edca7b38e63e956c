// The widget starts politely (issue #14): its wasm waits for the host's own `load` event and
// an idle moment, so it never competes with the page's first paint, unless a call needs a
// surface now. Each test names the bug it pins.
//
// Host: tests/e2e/hosts/polite.html holds an image the test serves only when it says so, and
// with it the page's load event. `#open` in its URL queues pathlight('open') before the script.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEADLINE, open, suite, waitFor } from "./harness.mjs";

const env = suite();

/** The host page with its image held until `release()`, recording in the page when each
 * fetch was asked for and when the load event came (performance.now()). */
async function visit(hash = "") {
  let release;
  const held = new Promise((ok) => { release = ok; });
  const visit = await open(env.browser, `${env.base}/app/polite${hash}`, {
    setup: async (p) => {
      await p.route("**/held/**", async (route) => {
        await held;
        await route.fulfill({ status: 204 });
      });
      await p.addInitScript(() => {
        window.__fetches = [];
        const fetch = window.fetch;
        window.fetch = function (url) {
          window.__fetches.push({ url: String(url), at: performance.now() });
          return fetch.apply(this, arguments);
        };
        window.addEventListener("load", () => { window.__loadAt = performance.now(); });
      });
    },
    waitUntil: "domcontentloaded",
  });
  return { ...visit, release };
}

const wasmFetches = (page) => page.evaluate(() => window.__fetches.filter((f) => /\.wasm/.test(f.url)));
const loaderRan = (page) =>
  page.evaluate(() => Boolean(window[Symbol.for("pathlight.loader")]) && typeof window.pathlight === "function");
const loading = (page) => page.evaluate(() => document.readyState !== "complete");
const cardVisible = (page) =>
  page.locator("pathlight-widget >> [role=dialog]").first().isVisible();

test("the wasm is not downloaded while the host is still loading: before, it competed with the page's own first paint", async () => {
  const { page, close, release } = await visit();
  try {
    await waitFor(() => loaderRan(page), { what: "the loader to run" });
    // The loader decides when its script runs: an eager start would have asked already.
    assert.ok(await loading(page), "the host's load event came early; the image was not held");
    assert.deepEqual(await wasmFetches(page), [], "the wasm was requested before the host's load event");
    release();
    await waitFor(() => page.locator("pathlight-widget >> button.pl-launcher").isVisible(), { what: "the launcher after load" });
    const [fetched] = await wasmFetches(page);
    const loadAt = await page.evaluate(() => window.__loadAt);
    assert.ok(fetched && loadAt !== undefined && fetched.at >= loadAt, `the wasm was asked for at ${fetched?.at} ms, the host's load came at ${loadAt} ms`);
  } finally {
    release();
    await close();
  }
});

test("a queued open starts at once: a polite start must not make the host's explicit request wait for its images", async () => {
  const { page, close, release } = await visit("#open");
  try {
    await waitFor(() => cardVisible(page), { what: "the lesson card before the host's load event" });
    assert.ok(await loading(page), "the card came only after the host's load event");
  } finally {
    release();
    await close();
  }
});

test("an open called while the widget waits for the host starts it at once: before, the call sat in the queue until load", async () => {
  const { page, close, release } = await visit();
  try {
    await waitFor(() => loaderRan(page), { what: "the loader to run" });
    assert.deepEqual(await wasmFetches(page), []);
    await page.evaluate(() => window.pathlight("open", "send-invoice"));
    await waitFor(() => cardVisible(page), { timeout: DEADLINE, what: "the lesson card while the host still loads" });
    assert.ok(await loading(page), "the card came only after the host's load event");
  } finally {
    release();
    await close();
  }
});
