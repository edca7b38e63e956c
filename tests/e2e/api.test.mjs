// The host API: lifecycle events in order, and destroy() leaving the host as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { holdWidget, launcher, open, quiesce, suite } from "./harness.mjs";

const env = suite();

/** Listener counts on window and document, as DevTools sees them. */
async function listeners(page) {
  const cdp = await page.context().newCDPSession(page);
  const count = async (expression) => {
    const { result } = await cdp.send("Runtime.evaluate", { expression });
    const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
    return listeners.map((l) => l.type).sort();
  };
  const out = { window: await count("window"), document: await count("document") };
  await cdp.detach();
  return out;
}

test("on callbacks and pathlight:* CustomEvents arrive in the documented order", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`, {
    setup: (p) => p.addInitScript(() => {
      window.seen = [];
      window.pathlight = window.pathlight || function () { (window.pathlight.q = window.pathlight.q || []).push(arguments); };
      for (const name of ["opened", "layer_viewed", "dismissed"]) {
        pathlight("on", name, (d) => window.seen.push(`on:${d.type}:${d.lesson}:${d.layer || ""}`));
        window.addEventListener(`pathlight:${name}`, (e) => window.seen.push(`event:${e.detail.type}:${e.detail.lesson}:${e.detail.layer || ""}`));
      }
    }),
  });
  await launcher(page);
  await page.evaluate(() => window.pathlight("open", "export-report"));
  const card = page.getByRole("dialog", { name: "Export a report" });
  await card.waitFor();
  await card.getByRole("tab", { name: "How" }).click();
  await card.getByRole("button", { name: "Not now" }).click();
  assert.deepEqual(await page.evaluate(() => window.seen), [
    "on:opened:export-report:",
    "event:opened:export-report:",
    "on:layer_viewed:export-report:why",
    "event:layer_viewed:export-report:why",
    "on:layer_viewed:export-report:how",
    "event:layer_viewed:export-report:how",
    "on:dismissed:export-report:",
    "event:dismissed:export-report:",
  ]);
  // off() stops a callback; the CustomEvent still fires.
  await page.evaluate(() => {
    window.seen = [];
    window.pathlight("off", "opened");
    window.pathlight("open", "send-invoice");
  });
  assert.deepEqual((await page.evaluate(() => window.seen)).slice(0, 1), ["event:opened:send-invoice:"]);
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("destroy() leaves no node and no listener behind, nothing reacts after it, and init works again after it", async () => {
  // The widget's script waits until the host's own listeners have been counted.
  const held = holdWidget();
  const { page, log, close } = await open(env.browser, `${env.base}/app/beacons`, held.options);
  const pristine = await listeners(page);
  const nativePush = await page.evaluate(() => history.pushState.toString());
  held.release();
  await launcher(page);
  await page.evaluate(() => { document.getElementById("rows").scrollTop = 700; });
  await page.locator('pathlight-widget >> .pl-beacon[data-lesson="deep-row"]').waitFor({ state: "visible" });
  await page.evaluate(() => {
    window.after = [];
    for (const name of ["shown", "opened", "layer_viewed", "completed", "dismissed"]) {
      window.addEventListener(`pathlight:${name}`, (e) => window.after.push(`${name}:${e.detail.lesson}`));
    }
    window.pathlight("destroy");
  });
  assert.equal(await page.locator("pathlight-widget").count(), 0, "the widget's element is still there");
  assert.deepEqual(await listeners(page), { window: [...pristine.window, "pathlight:completed", "pathlight:dismissed", "pathlight:layer_viewed", "pathlight:opened", "pathlight:shown"].sort(), document: pristine.document });
  assert.equal(await page.evaluate(() => history.pushState.toString()), nativePush);
  // Nothing of ours reacts any more: clicks (the row's lesson completes by a click on it),
  // navigation (the invoice page has a lesson), mutations, scrolling; a call waits for the
  // next init (docs/api.md) and mounts nothing.
  await page.click('[data-pathlight="rows.deep"]');
  await page.click("#to-invoice");
  await page.evaluate(() => { document.body.appendChild(document.createElement("div")); window.scrollBy(0, 50); });
  await page.evaluate(() => window.pathlight("open", "invoice-detail"));
  assert.equal(await page.locator("pathlight-widget").count(), 0);
  // A new init starts a fresh widget, which runs the waiting call. Once it has done that and
  // handled a burst of mutations, any part of the old widget still listening would have
  // reacted to the navigation and mutations above too: the only events are the new widget's.
  await page.evaluate(() => window.pathlight("init", { lessons: "/lessons.json" }));
  await launcher(page);
  await page.getByRole("dialog", { name: "Record a payment" }).waitFor();
  await quiesce(page);
  assert.equal(await page.locator("pathlight-widget").count(), 1);
  assert.deepEqual(await page.evaluate(() => window.after), ["opened:invoice-detail", "layer_viewed:invoice-detail"],
    "the destroyed widget still reacted (a completion or a beacon of its own), or the call made while there was no widget was lost or run twice");
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.warnings, []);
  await close();
});
