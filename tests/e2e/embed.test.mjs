// The embed contract: one script tag, a shadow root, a command queue, and a host page
// that never breaks. Each test names the failure it would catch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEADLINE, holdWidget, launcher, open, quiesce, suite, waitFor } from "./harness.mjs";

const env = suite();

test("the launcher mounts inside an open shadow root, not in the host's DOM", async () => {
  // The widget's script waits until the host's <head> has been read.
  const held = holdWidget();
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`, held.options);
  const headBefore = await page.evaluate(() => document.head.innerHTML);
  held.release();
  await launcher(page);
  const where = await page.evaluate(() => {
    const host = document.querySelector("pathlight-widget");
    return {
      hosts: document.querySelectorAll("pathlight-widget").length,
      parent: host?.parentElement?.tagName,
      shadow: !!host?.shadowRoot,
      inShadow: !!host?.shadowRoot?.querySelector("button.pl-launcher"),
      inLight: document.querySelectorAll(".pl-launcher, .pl-root").length,
      adopted: host?.shadowRoot?.adoptedStyleSheets.length,
      styleTags: host?.shadowRoot?.querySelectorAll("style").length,
    };
  });
  assert.deepEqual(where, { hosts: 1, parent: "BODY", shadow: true, inShadow: true, inLight: 0, adopted: 1, styleTags: 0 });
  assert.equal(await page.evaluate(() => document.head.innerHTML), headBefore, "the host's <head> was changed");
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.warnings, []);
  await close();
});

test("a lesson opens from the panel, its three layers switch, and Esc closes it", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`);
  const learn = await launcher(page);
  await learn.click();
  const panel = page.getByRole("dialog", { name: "Learn Test Ledger" });
  await panel.waitFor();
  // The lesson only relevant on /settings is not listed here.
  assert.deepEqual(await panel.locator(".pl-item-title").allTextContents(), ["Export a report", "Send an invoice"]);
  await panel.getByRole("button", { name: /^Export a report/ }).click();

  const card = page.getByRole("dialog", { name: "Export a report" });
  await card.waitFor();
  const tabs = card.getByRole("tab");
  assert.deepEqual(await tabs.allTextContents(), ["Why", "What", "How"]);
  const panelText = () => card.getByRole("tabpanel").textContent();
  assert.match(await panelText(), /numbers/);
  assert.equal(await card.getByRole("tab", { name: "Why" }).getAttribute("aria-selected"), "true");
  // Focus went into the card, on the selected tab.
  assert.equal(await page.evaluate(() => document.querySelector("pathlight-widget").shadowRoot.activeElement?.textContent), "Why");

  await card.getByRole("tab", { name: "What" }).click();
  assert.match(await panelText(), /CSV snapshot/);
  assert.equal(await card.getByRole("tab", { name: "What" }).getAttribute("aria-selected"), "true");
  assert.equal(await card.getByRole("tab", { name: "Why" }).getAttribute("aria-selected"), "false");

  await page.keyboard.press("ArrowRight");
  assert.equal(await card.getByRole("tab", { name: "How" }).getAttribute("aria-selected"), "true");
  assert.match(await panelText(), /Pick the date range/);
  const link = card.getByRole("tabpanel");
  assert.equal(await link.locator("ol.pl-steps > li").count(), 2);

  await page.keyboard.press("Escape");
  await card.waitFor({ state: "detached" });
  assert.equal(await page.getByRole("dialog").count(), 0);
  assert.equal(await page.evaluate(() => document.querySelector("pathlight-widget").shadowRoot.activeElement?.className), "pl-launcher", "focus was not restored");
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("hostile host CSS does not change the widget's computed styles", async () => {
  const styles = async (host) => {
    const { page, close } = await open(env.browser, `${env.base}/app/${host}`);
    await (await launcher(page)).click();
    await page.getByRole("dialog").getByRole("button", { name: /^Export a report/ }).click();
    await page.getByRole("tab", { name: "What" }).waitFor();
    const result = await page.evaluate(() => {
      const root = document.querySelector("pathlight-widget").shadowRoot;
      const pick = (sel) => {
        const s = getComputedStyle(root.querySelector(sel));
        return { color: s.color, fontSize: s.fontSize, fontFamily: s.fontFamily, lineHeight: s.lineHeight, background: s.backgroundColor, padding: s.padding, display: s.display };
      };
      return { launcher: pick(".pl-launcher"), title: pick(".pl-title"), tab: pick(".pl-tab"), text: pick(".pl-tabpanel p"), card: pick(".pl-card") };
    });
    await close();
    return result;
  };
  const clean = await styles("basic");
  const hostile = await styles("hostile");
  assert.notEqual(clean.text.color, "rgb(255, 0, 0)");
  assert.deepEqual(hostile, clean);
});

test("a lessons URL that returns 404 leaves the host working and logs exactly one warning (no widget half-mounted, no flood of warnings)", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/missing-lessons`);
  // The widget has started (version set) and given up (its warning arrived).
  await page.waitForFunction(() => window.pathlight && window.pathlight.version, null, { timeout: DEADLINE });
  await waitFor(() => log.warnings.length > 0, { what: "the warning that the lessons could not be loaded" });
  await page.click("#host-counter");
  assert.equal(await page.textContent("#host-count"), "1");
  assert.equal(await page.locator("pathlight-widget").count(), 0, "the widget should stay absent without lessons");
  assert.equal(log.warnings.length, 1, JSON.stringify(log.warnings));
  assert.match(log.warnings[0], /^Pathlight: could not load lessons from \/status\/404\/lessons\.json \(HTTP 404\)/);
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("a missing wasm file leaves the host working and logs exactly one warning (no exception into the host)", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`, {
    setup: (p) => p.route("**/pathlight_bg.wasm", (r) => r.fulfill({ status: 404, body: "gone" })),
  });
  // The loader gave up: its warning arrived.
  await waitFor(() => log.warnings.length > 0, { what: "the warning that the wasm file could not be loaded" });
  await page.click("#host-counter");
  assert.equal(await page.textContent("#host-count"), "1");
  assert.equal(log.warnings.length, 1, JSON.stringify(log.warnings));
  assert.match(log.warnings[0], /pathlight_bg\.wasm \(HTTP 404\)/);
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("calls queued before the script loaded run in order once it has", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/queue`);
  // The queued open() waits for the pack, then shows the card.
  await page.getByRole("dialog", { name: "Send an invoice" }).waitFor({ timeout: DEADLINE });
  assert.equal(typeof (await page.evaluate(() => window.pathlight.q)), "undefined", "the stub was not replaced");
  // Later calls run at once.
  await page.evaluate(() => window.pathlight("close"));
  await page.getByRole("dialog").waitFor({ state: "detached" });
  await page.evaluate(() => window.pathlight("open", "export-report"));
  await page.getByRole("dialog", { name: "Export a report" }).waitFor();
  // A mistake is a warning that says the fix, never an exception.
  await page.evaluate(() => window.pathlight("opne", "x"));
  await waitFor(() => /unknown command 'opne'.*open/.test(log.warnings.at(-1)), { what: () => `a warning naming the unknown command 'opne' and the fix (warnings: ${JSON.stringify(log.warnings)})` });
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("including the script twice mounts one widget (not two launchers, nor a warning)", async () => {
  // open() waits for the load event, which waits for both async scripts to have run.
  const { page, log, close } = await open(env.browser, `${env.base}/app/twice`);
  await launcher(page);
  // The widget has handled its init and looked at the page.
  await quiesce(page);
  assert.equal(await page.locator("pathlight-widget").count(), 1);
  assert.deepEqual(log.warnings, []);
  assert.deepEqual(log.pageErrors, []);
  await close();
});
