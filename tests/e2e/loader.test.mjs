// The loader never harms the host. Wherever pathlight.js lands (a browser without
// WebAssembly, a page without fetch, a module script, a versioned, hashed or renamed URL),
// the widget either works with no "Pathlight:" message, or is cleanly off with exactly one,
// naming the cause. Either way the page gets no uncaught exception and no unhandled promise
// rejection, its own script after the widget's tag runs, and calling pathlight() never
// throws. Each test names the bug it pins.
//
// Host: tests/e2e/hosts/loader.html, one page for every case. It defines the queue snippet
// before the widget's tag and, after it, its own script: it calls pathlight('track'), wires
// the counter button and sets window.hostReady. The widget's tag itself is the case's: the
// test serves the page with its marker replaced by one of TAGS below, as static markup, so the
// tag is parser-inserted exactly as a vendor's paste would be.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEADLINE, open, suite, waitFor } from "./harness.mjs";

const env = suite();
const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
const HOST = readFileSync(new URL("./hosts/loader.html", import.meta.url), "utf8");
const MARKER = "<!--pathlight-tag-->";
assert.equal(HOST.split(MARKER).length, 2, `tests/e2e/hosts/loader.html must hold ${MARKER} exactly once`);

/** The widget's script tag in each case, exactly as the host page has it. */
const TAGS = {
  // A synchronous classic script tag, the plainest embed. The tests take WebAssembly or fetch
  // away before it runs.
  classic: '<script src="/dist/pathlight.js" data-lessons="/lessons.json"></script>',
  // The vendor pasted the tag with type="module": no document.currentScript, deferred, strict
  // mode. Its query and hash are part of the test.
  module: '<script type="module" src="/dist/pathlight.js?v=5#m" data-lessons="/lessons.json"></script>',
  // type="module" at a URL that does not say pathlight (served by elsewhere()): the loader
  // must find its own tag by its own URL.
  "module-renamed": '<script type="module" src="/widget/embed.js?v=4" data-lessons="/lessons.json"></script>',
  // A cache-busting query and a hash on the script URL: the wasm must load from
  // /dist/pathlight_bg.wasm?v=123.
  query: '<script async src="/dist/pathlight.js?v=123#x" data-lessons="/lessons.json"></script>',
  // A hash and no query on the script URL: the wasm must load from /dist/pathlight_bg.wasm.
  hash: '<script async src="/dist/pathlight.js#x" data-lessons="/lessons.json"></script>',
  // A script URL that does not end in .js (served by elsewhere()): the wasm loads as
  // pathlight_bg.wasm from the same directory, query kept.
  renamed: '<script async src="/widget/pathlight?v=2" data-lessons="/lessons.json"></script>',
  // The wasm lives elsewhere under another name (elsewhere() serves both): data-wasm names it.
  "data-wasm": '<script async src="/widget/embed.js?v=9" data-wasm="/assets/widget.wasm?h=abc" data-lessons="/lessons.json"></script>',
};

/** Serves the release build at other URLs, as a vendor's own server or CDN might: any
 * `/widget/*` or `/assets/*` URL ending in `_surfaces.wasm` is the surfaces' chunk, any other
 * ending in `.wasm` the wasm, anything else there the script. Which wasm URL the loader asked
 * for is asserted separately. */
function elsewhere(page) {
  return page.route((url) => /^\/(widget|assets)\//.test(url.pathname), (route) => {
    const path = new URL(route.request().url()).pathname;
    const wasm = path.endsWith(".wasm");
    return route.fulfill({
      path: DIST + (path.endsWith("_surfaces.wasm") ? "pathlight_surfaces.wasm" : wasm ? "pathlight_bg.wasm" : "pathlight.js"),
      contentType: wasm ? "application/wasm" : "text/javascript",
    });
  });
}

/** Opens the host page at /app/loader-<tag> with the widget's tag `TAGS[tag]`, recording
 * every console message that starts with "Pathlight:" (of any level), the wasm URLs
 * requested (path and query; the surfaces' chunk, fetched when the browser is idle, apart in
 * `chunks`) and, inside the page, every `unhandledrejection`. `before` runs in the page
 * before any of its scripts. */
async function visit(tag, { before, serve } = {}) {
  assert.ok(Object.hasOwn(TAGS, tag), `no widget tag named ${tag}`);
  const said = [];
  const wasm = [];
  const chunks = [];
  const path = `/app/loader-${tag}`;
  const body = HOST.replace(MARKER, () => TAGS[tag]);
  const { page, log, close } = await open(env.browser, env.base + path, {
    setup: async (p) => {
      await p.route((url) => url.pathname === path, (route) =>
        route.fulfill({ contentType: "text/html; charset=utf-8", headers: { "cache-control": "no-store" }, body }));
      p.on("console", (m) => { if (m.text().startsWith("Pathlight:")) said.push(m.text()); });
      p.on("request", (r) => {
        const url = new URL(r.url());
        if (url.pathname.endsWith("_surfaces.wasm")) chunks.push(url.pathname + url.search);
        else if (url.pathname.endsWith(".wasm")) wasm.push(url.pathname + url.search);
      });
      await p.addInitScript(() => {
        window.__rejections = [];
        window.addEventListener("unhandledrejection", (e) => {
          window.__rejections.push(String((e.reason && e.reason.stack) || e.reason));
        });
      });
      if (before) await p.addInitScript(before);
      if (serve) await serve(p);
    },
    waitUntil: "domcontentloaded",
  });
  return { page, log, said, wasm, chunks, close };
}

/** No exception and no unhandled rejection reached the page, and the host's own script ran
 * and still works. Goes through one task of the page first (a message to itself, not a
 * timer): a rejection of an earlier task has been reported by then. */
async function hostUnharmed(page, log) {
  await page.evaluate(() => new Promise((ok) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = ok;
    channel.port2.postMessage(0);
  }));
  assert.deepEqual(log.pageErrors, [], "an exception reached the host page");
  assert.deepEqual(await page.evaluate(() => window.__rejections), [], "an unhandled promise rejection reached the host page");
  assert.equal(await page.evaluate(() => window.hostReady), true, "the host's own script after the widget's tag did not run");
  await page.click("#host-counter");
  assert.equal(await page.textContent("#host-count"), "1", "the host's own button stopped working");
}

/** The widget mounted: one <pathlight-widget> with its launcher in its shadow root, and the
 * real pathlight() in place of the queue. */
async function mounted({ page, log, said, wasm }) {
  const up = await page.waitForFunction(
    () => document.querySelector("pathlight-widget")?.shadowRoot?.querySelector("button.pl-launcher"),
    null,
    { timeout: DEADLINE },
  ).then(() => true, () => false);
  assert.ok(up, `no launcher within ${DEADLINE} ms (wasm requested: ${JSON.stringify(wasm)}; said: ${JSON.stringify(said)}; page errors: ${JSON.stringify(log.pageErrors)})`);
  assert.equal(await page.locator("pathlight-widget").count(), 1);
  assert.deepEqual(await page.evaluate(() => [window.pathlight.version, window.pathlight.q]), ["0.1.0", undefined]);
}

/** The widget is off and has said so: once the warning has come and the load event has
 * passed (the loader has run and decided), exactly one "Pathlight:" message naming `cause`,
 * no wasm requested (nothing left in flight that could fail later), no widget, and a
 * pathlight() that takes any call without throwing or queueing it. */
async function cleanlyOff({ page, log, said, wasm }, cause) {
  await waitFor(async () => said.length > 0 && (await page.evaluate(() => document.readyState === "complete")), {
    what: () => `a "Pathlight:" warning and the load event (said: ${JSON.stringify(said)}; page errors: ${JSON.stringify(log.pageErrors)})`,
  });
  await hostUnharmed(page, log);
  assert.equal(said.length, 1, `expected exactly one "Pathlight:" message: ${JSON.stringify(said)}`);
  assert.match(said[0], cause);
  assert.deepEqual(log.warnings, said, "the message is not a console warning, or others came with it");
  assert.deepEqual(wasm, [], "the wasm was requested anyway");
  assert.equal(await page.locator("pathlight-widget").count(), 0, "a widget is on the page");
  const calls = await page.evaluate(() => {
    try {
      window.pathlight("init", { lessons: "/lessons.json" });
      window.pathlight("open", "export-report");
      window.pathlight(Symbol("not a command"));
      window.pathlight();
      return { threw: null, queued: window.pathlight.q, version: window.pathlight.version };
    } catch (e) {
      return { threw: String(e) };
    }
  });
  assert.deepEqual(calls, { threw: null, queued: undefined, version: undefined }, "pathlight() threw, or still queues calls that will never run");
  assert.equal(said.length, 1, `the calls made more messages: ${JSON.stringify(said)}`);
}

// ------------------------------------------------------------------------------------------
// Browsers where the widget cannot run.

test("without WebAssembly (Lockdown Mode) there is one warning saying so and a harmless pathlight(), not a ReferenceError thrown into the host as an unhandled rejection", async () => {
  // Pins: the glue called WebAssembly.instantiateStreaming, and the loader's own catch
  // handler tested `e instanceof WebAssembly.CompileError`; both threw ReferenceError, so
  // the host got an unhandled rejection and no word of what was wrong.
  const visited = await visit("classic", { before: () => { delete window.WebAssembly; } });
  assert.equal(await visited.page.evaluate(() => typeof WebAssembly), "undefined");
  await cleanlyOff(visited, /^Pathlight: this browser has WebAssembly turned off \(as Apple's Lockdown Mode does\), so the widget is off\. To use it, allow WebAssembly/);
  await visited.close();
});

for (const { name, before, cause } of [
  {
    name: "a page that removed window.fetch gets one warning naming it, not a ReferenceError thrown out of the script tag",
    before: () => { delete window.fetch; },
    cause: /^Pathlight: the widget could not start \(ReferenceError: fetch is not defined\)\.$/,
  },
  {
    name: "a host fetch wrapper that throws synchronously gets one warning naming its error, not an exception out of the script tag",
    before: () => { window.fetch = () => { throw new TypeError("blocked by the host's network policy"); }; },
    cause: /^Pathlight: the widget could not start \(TypeError: blocked by the host's network policy\)\.$/,
  },
]) {
  test(name, async () => {
    // Pins: the loader called fetch() at the top level of the script, outside any try, so
    // its exception escaped into the host page as an uncaught error.
    const visited = await visit("classic", { before });
    await cleanlyOff(visited, cause);
    await visited.close();
  });
}

// ------------------------------------------------------------------------------------------
// Where the script is and how it was included.

test('type="module" (no document.currentScript) mounts the widget, reads data-lessons, replays the queue and loads the wasm next to the script', async () => {
  // Pins: with document.currentScript null the loader lost its own URL and its tag: it
  // fetched /app/pathlight_bg.wasm relative to the page (a 404) and ignored data-lessons.
  const visited = await visit("module");
  const { page, log, said, wasm, close } = visited;
  await mounted(visited);
  // The queued on('shown') was replayed: the export lesson's beacon reports to the host.
  await waitFor(() => page.evaluate(() => window.hostSawShown === true), { what: "the queued on('shown') callback to run" });
  await hostUnharmed(page, log);
  assert.deepEqual(wasm, ["/dist/pathlight_bg.wasm?v=5"]);
  assert.deepEqual(said, []);
  await close();
});

test('type="module" at a URL that does not say pathlight finds its own tag by its own URL, not by guessing', async () => {
  // Pins: a module script can only find its tag by searching the page; matching on the
  // name "pathlight" misses a renamed file, so data-lessons and the wasm's URL were lost.
  const visited = await visit("module-renamed", { serve: elsewhere });
  const { page, log, said, wasm, chunks, close } = visited;
  await mounted(visited);
  await hostUnharmed(page, log);
  assert.deepEqual(wasm, ["/widget/embed_bg.wasm?v=4"]);
  // The chunk is found the same way, beside the script, query kept.
  await waitFor(() => chunks.length > 0, { what: "the surfaces' chunk fetched when idle" });
  assert.deepEqual(chunks, ["/widget/embed_surfaces.wasm?v=4"]);
  assert.deepEqual(said, []);
  await close();
});

for (const { tag, script, expected, note } of [
  {
    tag: "query",
    script: "/dist/pathlight.js?v=123#x",
    expected: "/dist/pathlight_bg.wasm?v=123",
    note: "guards the rule the other rows fix: the query is kept for cache busting, the hash dropped",
  },
  {
    tag: "hash",
    script: "/dist/pathlight.js#x",
    expected: "/dist/pathlight_bg.wasm",
    note: "pins: `.js(\\?.*)?$` did not match before a hash, so the loader fetched pathlight.js itself as the wasm",
  },
  {
    tag: "renamed",
    script: "/widget/pathlight?v=2",
    expected: "/widget/pathlight_bg.wasm?v=2",
    note: "pins: a URL not ending in .js was left unchanged, so the loader fetched its own script as the wasm",
  },
  {
    tag: "data-wasm",
    script: '/widget/embed.js?v=9 with data-wasm="/assets/widget.wasm?h=abc"',
    expected: "/assets/widget.wasm?h=abc",
    note: "pins: there was no way to name a wasm that is not next to the script under the derived name",
  },
]) {
  test(`a script at ${script} mounts the widget with the wasm from ${expected} (${note})`, async () => {
    const visited = await visit(tag, { serve: elsewhere });
    const { page, log, said, wasm, close } = visited;
    await mounted(visited);
    await hostUnharmed(page, log);
    assert.deepEqual(wasm, [expected]);
    assert.deepEqual(said, []);
    await close();
  });
}
