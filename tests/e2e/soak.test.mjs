// The widget on a big, busy host page: tests/e2e/hosts/soak.html (about 5,000 nodes, mutating
// all the time) with a pack of 500 lessons. Only what cannot depend on the machine's speed is
// checked here, after a number of mutations rather than a number of seconds: the widget keeps
// working, its memory, listeners and nodes stay flat, its MutationObserver watches only what
// anchors are found by, and nothing throws. How much of the main thread it takes, how many
// mutations a second the page reaches and how many long tasks there are depend on the
// machine: `node bench/run.mjs` measures them (README, Performance).
import { test } from "node:test";
import assert from "node:assert/strict";
import { launcher, open, suite, waitFor } from "./harness.mjs";
import { memory, recordMemories, writeSoakPack } from "./soak.mjs";

const env = suite({
  prepare: async () => {
    await writeSoakPack();
  },
});

/** Mutations the host page makes between the two measurements. */
const MUTATIONS = 3000;
/** Reaching them takes 3 s on a quiet machine; a loaded one may be ten times slower. */
const SLOW = { timeout: 60000, interval: 200 };

/** Records every MutationObserver.observe call in the page (the host page itself uses none,
 * and playwright's own scripts run in another world), so the widget's observer scope can be
 * read. */
function recordObservers() {
  window.__observed = [];
  const observe = MutationObserver.prototype.observe;
  MutationObserver.prototype.observe = function (target, options) {
    const o = options || {};
    window.__observed.push({
      target: target === document ? "document" : target instanceof ShadowRoot ? "shadow root" : target.nodeName,
      childList: !!o.childList,
      subtree: !!o.subtree,
      attributes: !!o.attributes,
      attributeFilter: o.attributeFilter ? [...o.attributeFilter] : null,
      characterData: !!o.characterData,
      oldValues: !!(o.attributeOldValue || o.characterDataOldValue),
    });
    return observe.call(this, target, options);
  };
}

/** Event listener types on window and document, as DevTools sees them. */
async function listeners(cdp) {
  const count = async (expression) => {
    const { result } = await cdp.send("Runtime.evaluate", { expression });
    const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
    return listeners.map((l) => l.type).sort();
  };
  return { window: await count("window"), document: await count("document") };
}

const mutations = (page) => page.evaluate(() => window.mutations);
const widgetNodes = (page) => page.evaluate(() => document.querySelector("pathlight-widget").shadowRoot.querySelectorAll("*").length);
const MB = 1 << 20;

test("on a 5,000-node page that never stops mutating, the widget keeps working with flat memory, listeners and nodes, and observes only what anchors are found by (leaks, an observer on text or style churn)", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/soak`, { setup: async (p) => { await p.addInitScript(recordObservers); await p.addInitScript(recordMemories); } });
  const cdp = await page.context().newCDPSession(page);
  await launcher(page);
  assert.ok(await page.evaluate(() => window.soakNodes) >= 5000, "the soak page is smaller than 5,000 nodes: the test proves less");

  // Beacons show beside the anchors in view, at most three.
  const beacons = page.locator("pathlight-widget >> .pl-beacon");
  await beacons.first().waitFor({ state: "visible" });

  // Warmed up: the first measurement once the page has mutated a while with the widget on.
  const start = await mutations(page);
  await waitFor(async () => (await mutations(page)) >= start + 500, { ...SLOW, what: "the soak page to mutate 500 times" });
  const before = { memory: await memory(cdp), listeners: await listeners(cdp), nodes: await widgetNodes(page), mutations: await mutations(page) };
  await waitFor(async () => (await mutations(page)) >= before.mutations + MUTATIONS, { ...SLOW, what: `the soak page to mutate ${MUTATIONS} more times` });
  const after = { memory: await memory(cdp), listeners: await listeners(cdp), nodes: await widgetNodes(page), mutations: await mutations(page) };
  console.log("soak:", JSON.stringify({ mutations: after.mutations - before.mutations, before: before.memory, after: after.memory, nodes: [before.nodes, after.nodes] }));

  // Flat: nothing kept per mutation. The bounds are well above the noise of a forced GC and
  // of the wasm's 64 KB page growth, and below a leak of 1 KB a mutation (3 MB here).
  assert.ok(after.memory.wasm - before.memory.wasm <= 1 * MB, `wasm linear memory grew ${before.memory.wasm} -> ${after.memory.wasm} B over ${MUTATIONS} mutations`);
  assert.ok(after.memory.jsHeap - before.memory.jsHeap <= 2 * MB, `the JS heap grew ${before.memory.jsHeap} -> ${after.memory.jsHeap} B over ${MUTATIONS} mutations`);
  assert.deepEqual(after.listeners, before.listeners, "listeners on window or document were added during the soak");
  assert.equal(after.nodes, before.nodes, "the widget's shadow root grew during the soak");
  assert.ok(await beacons.count() <= 3, `${await beacons.count()} beacons: at most three show at a time`);

  // The observer scope: child lists and the attributes anchors are found by, never text or
  // every attribute (style and text churn on a busy page is not the widget's business).
  const observed = await page.evaluate(() => window.__observed);
  assert.ok(observed.length >= 1, "the widget observes no mutations: the test proves nothing");
  for (const o of observed) {
    assert.equal(o.characterData, false, `an observer on text changes: ${JSON.stringify(o)}`);
    assert.equal(o.oldValues, false, `an observer keeping old values: ${JSON.stringify(o)}`);
    if (o.attributes) {
      assert.ok(o.attributeFilter, `an observer on every attribute: ${JSON.stringify(o)}`);
      assert.ok(!o.attributeFilter.includes("style"), `an observer on style changes: ${JSON.stringify(o)}`);
    }
  }
  assert.ok(observed.some((o) => o.target === "document" && o.childList && o.subtree), `the document's child lists are not observed: ${JSON.stringify(observed)}`);

  // Still working after all that: the panel lists this page's lessons, a beacon opens its
  // lesson, and Not now sets it aside.
  await (await launcher(page)).click();
  const panel = page.getByRole("dialog", { name: "Learn Test Ledger" });
  await panel.waitFor();
  assert.ok(await panel.locator(".pl-item").count() >= 1, "the panel lists no lesson");
  await page.keyboard.press("Escape");
  await panel.waitFor({ state: "detached" });
  // The last one: neighbouring rows' beacons overlap, and the last is on top.
  const last = beacons.last();
  const lesson = await last.getAttribute("data-lesson");
  await last.click();
  const card = page.getByRole("dialog", { name: `Soak lesson ${lesson.slice("soak-".length)}` });
  await card.waitFor();
  await card.getByRole("button", { name: "Not now" }).click();
  await card.waitFor({ state: "detached" });
  await page.locator(`pathlight-widget >> .pl-beacon[data-lesson="${lesson}"]`).waitFor({ state: "detached" });
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.warnings, []);
  await close();
});
