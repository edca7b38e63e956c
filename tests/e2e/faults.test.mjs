// Faults: whatever goes wrong around the widget, the host keeps working. In every case the
// page has no uncaught exception, the host's own UI still answers, and the widget either
// works or is cleanly absent with exactly one console warning starting with "Pathlight:".
// Where progress matters, the learner's stored progress is seeded first and must come out
// unchanged or merged, never deleted. Each test names the failure it would catch.
//
// Covered elsewhere, not repeated here:
// - the wasm file answering 404: embed.test.mjs, "a missing wasm file leaves the host
//   working and logs exactly one warning";
// - host CSS that targets every element: embed.test.mjs, "hostile host CSS does not change
//   the widget's computed styles";
// - the script tag included twice: embed.test.mjs, "including the script twice mounts one
//   widget";
// - localStorage blocked: progress.test.mjs, "with localStorage blocked the widget works in
//   memory and throws nothing";
// - a corrupted stored value: progress.test.mjs, "a corrupted stored value is kept under a
//   backup key and the widget starts cleanly";
// - the host wrapping pushState before the widget loads: beacons.test.mjs, "SPA navigation
//   is followed through a patched history where there is no Navigation API".
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { DEADLINE, serve, launch, open, launcher, quiesce, settle, waitFor } from "./harness.mjs";

const ARTIFACTS = new URL("./artifacts/", import.meta.url);
const KEY = "pathlight:fixture:anonymous";
/** A learner who already completed "Send an invoice" by doing it. */
const SEED = JSON.stringify({ v: 2, data: { lessons: { "send-invoice": { completed: { at: 1700000000000, via: "click" } } } } });

/** The host's own script for csp.html: no inline script is allowed there. */
const HOST_SCRIPT = `document.getElementById("host-counter").addEventListener("click", function () {
  var out = document.getElementById("host-count");
  out.value = +out.value + 1;
});
`;

const POLICIES = {
  "no-wasm": "script-src 'self'",
  strict: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'",
  "trusted-types": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; require-trusted-types-for 'script'",
};

/** A front for the shared harness that adds a Content-Security-Policy response header to
 * documents requested with `?csp=<name>`. Same origin for everything, so 'self' covers the
 * widget, its wasm, the pack and the host's script. */
async function policyServer(upstream) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://x");
      const answer = await fetch(upstream + req.url);
      const type = answer.headers.get("content-type") || "application/octet-stream";
      const headers = { "content-type": type, "cache-control": "no-store" };
      const policy = POLICIES[url.searchParams.get("csp")];
      if (policy && type.startsWith("text/html")) headers["content-security-policy"] = policy;
      res.writeHead(answer.status, headers);
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch (e) {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(String(e));
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

let server, front, browser;
before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(new URL("faults-host.js", ARTIFACTS), HOST_SCRIPT);
  // The fixture pack, with the late-insight lesson moved to the web-components host.
  const pack = JSON.parse(await readFile(new URL("lessons.json", ARTIFACTS), "utf8"));
  const late = pack.lessons.find((l) => l.id === "late-insight");
  late.when = { rule: { page: "/app/shadow-anchor" } };
  await writeFile(new URL("faults-shadow.json", ARTIFACTS), JSON.stringify(pack));
  // A lesson relevant only on the invoice page, anchored to the header link that both
  // pages show: its beacon tells whether the widget knows which page it is on.
  const probe = structuredClone(late);
  Object.assign(probe, { id: "url-probe", title: "Invoice header", anchor: { selector: "#to-list" }, when: { rule: { page: "/app/beacons/invoices/:id" } } });
  delete probe.how;
  probe.how = [{ p: [{ text: "Look at the header." }] }];
  late.when = { rule: { page: "/app/beacons" } };
  pack.lessons.push(probe);
  await writeFile(new URL("faults-nav.json", ARTIFACTS), JSON.stringify(pack));
  server = await serve();
  front = await policyServer(server.base);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await front?.close();
  await server?.close();
});

// ------------------------------------------------------------------------------------------
// Helpers.

/** Seeds the learner's progress once per test (not again on reloads). */
const seed = (page) => page.addInitScript(([key, value]) => {
  if (!sessionStorage.getItem("pl-test-seeded")) {
    localStorage.setItem(key, value);
    sessionStorage.setItem("pl-test-seeded", "1");
  }
}, [KEY, SEED]);

const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

/** The stored progress still holds everything seeded (it may be rewritten or merged). */
function assertSeedKept(value) {
  assert.notEqual(value, null, "the learner's stored progress was deleted");
  const seeded = JSON.parse(SEED).data.lessons;
  const now = JSON.parse(value).data?.lessons || {};
  for (const [id, record] of Object.entries(seeded)) {
    assert.deepEqual(now[id]?.completed, record.completed, `the stored completion of ${id} was lost: ${value}`);
  }
}

/** The host's own button still updates its counter. */
async function hostWorks(page, message = "the host's own button stopped working") {
  const before = Number(await page.textContent("#host-count"));
  await page.click("#host-counter", { timeout: DEADLINE });
  assert.equal(Number(await page.textContent("#host-count")), before + 1, message);
}

/** The widget is not on the page, and said why exactly once. There is no widget element to
 * settle: the decisive moment is the warning's arrival (the loader or the pack loader gave
 * up), and a second warning from the same failure would come with it. */
async function cleanlyAbsent(page, log, cause) {
  await waitFor(() => log.warnings.length > 0, { what: "the one warning saying why the widget is off" });
  assert.deepEqual(log.pageErrors, [], "an exception reached the host page");
  await hostWorks(page);
  assert.equal(await page.locator("pathlight-widget").count(), 0, "a widget is on the page");
  assert.equal(log.warnings.length, 1, `expected one warning: ${JSON.stringify(log.warnings)}`);
  assert.match(log.warnings[0], /^Pathlight: /);
  assert.match(log.warnings[0], cause);
}

const titles = (page) => page.locator("pathlight-widget >> .pl-item-title").allTextContents();

async function openPanel(page) {
  await (await launcher(page)).click();
  await page.locator("pathlight-widget >> section.pl-panel").waitFor();
}

// ------------------------------------------------------------------------------------------
// The lessons file.

const PACK_FAULTS = [
  { name: "answers 404", reply: { status: 404, body: "not found" }, cause: /could not load lessons from \/lessons\.json \(HTTP 404\)/ },
  { name: "answers 500", reply: { status: 500, body: "internal error" }, cause: /could not load lessons from \/lessons\.json \(HTTP 500\)/ },
  { name: "is invalid JSON (cut short)", reply: { status: 200, contentType: "application/json", body: '{"format": 2, "id": "fixture", "lessons": [' }, cause: /\/lessons\.json: the lessons file is not a valid pack/ },
  { name: "is the SPA's index.html (a catch-all route)", reply: { status: 200, contentType: "text/html", body: "<!doctype html><title>App</title><div id=root></div>" }, cause: /\/lessons\.json: the lessons file is not a valid pack/ },
  { name: "is empty", reply: { status: 200, contentType: "application/json", body: "" }, cause: /\/lessons\.json: the lessons file is not a valid pack/ },
  { name: "has the wrong format version", reply: { status: 200, contentType: "application/json", body: JSON.stringify({ format: 99, id: "fixture", title: "Future", lessons: [] }) }, cause: /has format 99, but this Pathlight reads format 2.*Rebuild the pack/ },
];

for (const fault of PACK_FAULTS) {
  test(`a lessons file that ${fault.name}: host works, no widget, one warning naming the cause, progress kept`, async () => {
    // Catches: an exception thrown into the host, a half-mounted widget, silence or a
    // flood of warnings, or progress reset because the pack could not be read.
    const { page, log, close } = await open(browser, `${server.base}/app/basic`, {
      setup: async (p) => {
        await seed(p);
        await p.route("**/lessons.json", (r) => r.fulfill(fault.reply));
      },
    });
    await page.waitForFunction(() => window.pathlight && window.pathlight.version, null, { timeout: DEADLINE });
    // Calls made now must not throw either.
    await page.evaluate(() => { window.pathlight("open", "export-report"); window.pathlight("track", "report_exported"); });
    await cleanlyAbsent(page, log, fault.cause);
    assert.equal(await stored(page), SEED, "the learner's progress was changed");
    await close();
  });
}

test("a lessons server that never answers: the host is not held up, and the widget gives up with one warning", async () => {
  // Catches: the pack request holding the host's load event, blocking its UI, or leaving
  // the widget waiting forever in silence (no timeout on the fetch).
  const BUDGET_MS = 20000;
  const { page, log, close } = await open(browser, `${server.base}/app/basic`, {
    setup: async (p) => {
      await seed(p);
      // Accepts the request and never answers, as a stuck server or proxy does.
      await p.route("**/lessons.json", () => {});
    },
  });
  // open() returned, so the load event fired while the request hung.
  assert.equal(await page.evaluate(() => document.readyState), "complete");
  await page.waitForFunction(() => window.pathlight && window.pathlight.version, null, { timeout: DEADLINE });
  await hostWorks(page);
  // The host answers all along, checked every half second until the widget gives up.
  await waitFor(async () => {
    await hostWorks(page, "the host stopped answering while the pack request hung");
    return log.warnings.length > 0;
  }, { timeout: BUDGET_MS, interval: 500, what: `a warning within ${BUDGET_MS / 1000} s of the lessons request hanging (the widget waits forever and says nothing: no timeout on the pack fetch)` });
  assert.deepEqual(log.pageErrors, []);
  assert.equal(await page.locator("pathlight-widget").count(), 0);
  assert.equal(await stored(page), SEED);
  assert.equal(log.warnings.length, 1, JSON.stringify(log.warnings));
  assert.match(log.warnings[0], /^Pathlight: could not load lessons from \/lessons\.json/);
  await close();
});

// ------------------------------------------------------------------------------------------
// Content-Security-Policy, sent as a response header.

/** Records securitypolicyviolation events from the start (an init script is not subject to
 * the page's CSP, and is not the host's inline script). */
const watchViolations = (page) => page.addInitScript(() => {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} ${e.sample || ""}`.trim());
  }, true);
});

test("a CSP without 'wasm-unsafe-eval': no widget, one warning naming 'wasm-unsafe-eval', host and progress untouched", async () => {
  // Catches: a CompileError thrown into the host, or a warning that does not say the fix.
  const { page, log, close } = await open(browser, `${front.base}/app/csp?csp=no-wasm`, {
    setup: async (p) => { await seed(p); await watchViolations(p); },
  });
  await cleanlyAbsent(page, log, /Content-Security-Policy blocks WebAssembly.*'wasm-unsafe-eval'/);
  assert.ok((await page.evaluate(() => window.__violations)).length > 0, "the policy was not applied: the test proves nothing");
  assert.equal(await stored(page), SEED);
  await close();
});

test("a strict CSP (default-src 'self', no 'unsafe-inline') with 'wasm-unsafe-eval': the widget works fully, with no violation", async () => {
  // Catches: a style or script the widget injects inline (a <style> element, a style
  // attribute written as markup, eval), which such a policy blocks and reports.
  const { page, log, close } = await open(browser, `${front.base}/app/csp?csp=strict`, {
    setup: async (p) => { await seed(p); await watchViolations(p); },
  });
  const learn = await launcher(page);
  // Our stylesheet is applied (adoptedStyleSheets are not inline style).
  assert.equal(await learn.evaluate((b) => getComputedStyle(b).position), "fixed", "the widget's stylesheet was not applied");
  await learn.click();
  await page.locator("pathlight-widget >> section.pl-panel").waitFor();
  const listed = await titles(page);
  assert.ok(listed.includes("Export a report"), JSON.stringify(listed));
  assert.ok(!listed.includes("Send an invoice"), "the seeded progress was not read");
  await page.locator("pathlight-widget >> .pl-item", { hasText: "Export a report" }).click();
  const card = page.getByRole("dialog", { name: "Export a report" });
  await card.waitFor();
  const panelText = () => card.getByRole("tabpanel").textContent();
  await card.getByRole("tab", { name: "What" }).click();
  assert.match(await panelText(), /CSV snapshot/);
  await card.getByRole("tab", { name: "How" }).click();
  assert.match(await panelText(), /Pick the date range/);
  await card.getByRole("tab", { name: "Why" }).click();
  assert.match(await panelText(), /numbers/);
  // Show me ties a ring to the host's feature through CSSOM styles, which CSP allows.
  await card.getByRole("tab", { name: "How" }).click();
  const showMe = card.locator(".pl-show-me > button");
  if (await showMe.count()) {
    await showMe.click();
    await card.locator(".pl-stepper").waitFor();
  }
  // (Escape is not used here: after Show me, focus has left the card; see the report.)
  await card.getByRole("button", { name: /close/i }).first().click();
  await card.waitFor({ state: "detached" });
  // A beacon is placed with a CSSOM transform too.
  const beacon = page.locator('pathlight-widget >> .pl-beacon[data-lesson="export-report"]');
  await beacon.waitFor({ state: "visible", timeout: DEADLINE });
  // Completion by doing, saved and merged with the seeded progress.
  await page.evaluate(() => window.pathlight("track", "report_exported"));
  await waitFor(async () => JSON.parse((await stored(page)) || "{}").data?.lessons?.["export-report"]?.completed, { what: "the completion of export-report saved in localStorage" });
  const saved = JSON.parse(await stored(page));
  assert.ok(saved.data.lessons["send-invoice"]?.completed, "the seeded completion was lost");
  assert.ok(saved.data.lessons["export-report"]?.completed, "the new completion was not saved");
  await hostWorks(page);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "the widget caused CSP violations");
  assert.deepEqual(log.errors.filter((e) => /Content Security Policy/i.test(e)), []);
  assert.deepEqual(log.warnings, []);
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("a strict CSP that also requires Trusted Types: the widget works or is cleanly absent, and never throws into the host", async () => {
  // Catches: the widget writing HTML strings into the DOM (innerHTML of templates), which
  // Trusted Types turns into exceptions, thrown at the host or swallowed half-mounted.
  const { page, log, close } = await open(browser, `${front.base}/app/csp?csp=trusted-types`, {
    setup: async (p) => { await seed(p); await watchViolations(p); },
  });
  // The decisive moment: a launcher, a warning, or an exception.
  await waitFor(async () => (await page.locator("pathlight-widget >> button.pl-launcher").count()) > 0 || log.warnings.length > 0 || log.pageErrors.length > 0,
    { what: "a widget or a warning (there was neither)" });
  // A widget that mounted has settled; one that gave up has said so.
  if (await page.locator("pathlight-widget >> button.pl-launcher").count()) await quiesce(page);
  assert.deepEqual(log.pageErrors, [], `an exception reached the host page (violations: ${JSON.stringify(await page.evaluate(() => window.__violations))})`);
  await hostWorks(page);
  const halfMounted = (await page.locator("pathlight-widget").count()) > 0 && (await page.locator("pathlight-widget >> button.pl-launcher").count()) === 0;
  assert.ok(!halfMounted, "a widget element without a launcher was left on the page");
  if ((await page.locator("pathlight-widget").count()) > 0) {
    await openPanel(page);
    await page.locator("pathlight-widget >> .pl-item", { hasText: "Export a report" }).click();
    await page.getByRole("dialog", { name: "Export a report" }).getByRole("tab", { name: "What" }).click();
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(log.warnings, []);
  } else {
    assert.equal(log.warnings.length, 1, JSON.stringify(log.warnings));
    assert.match(log.warnings[0], /^Pathlight: /);
  }
  assert.deepEqual(log.pageErrors, []);
  assert.equal(await stored(page) !== null, true, "the learner's progress was deleted");
  await close();
});

// ------------------------------------------------------------------------------------------
// localStorage full.

/** Seeds progress, then fills localStorage to the last byte; `room` characters are left
 * free when asked (enough for a small write, not for saving grown progress). */
const fillStorage = (page, room = 0) => page.addInitScript(([key, value, room]) => {
  if (sessionStorage.getItem("pl-test-filled")) return;
  localStorage.setItem(key, value);
  if (room) localStorage.setItem("filler:room", "x".repeat(room));
  let chunk = "x".repeat(1 << 20);
  for (let i = 0; chunk.length; i++) {
    try { localStorage.setItem(`filler:${i}`, chunk); } catch { chunk = chunk.slice(0, chunk.length >> 1); }
  }
  if (room) localStorage.removeItem("filler:room");
  sessionStorage.setItem("pl-test-filled", "1");
}, [KEY, SEED, room]);

for (const { name, room } of [
  { name: "full to the last byte", room: 0 },
  { name: "almost full (room for a probe, not for the progress)", room: 40 },
]) {
  test(`localStorage ${name}: one warning, the widget works, progress kept in memory and the stored one kept`, async (t) => {
    // Catches: a QuotaExceededError thrown into the host, a warning on every save, lost
    // completions, or the learner's stored progress ignored or deleted.
    const { page, log, close } = await open(browser, `${server.base}/app/basic`, {
      setup: async (p) => {
        await fillStorage(p, room);
        await p.addInitScript(() => {
          window.completed = [];
          window.addEventListener("pathlight:completed", (e) => window.completed.push(e.detail.lesson));
        });
      },
    });
    assert.equal(await page.evaluate(() => { try { localStorage.setItem("pl-probe-test", "x".repeat(200)); return "wrote"; } catch (e) { return e.name; } }), "QuotaExceededError", "the storage is not full: the test proves nothing");
    await launcher(page);
    await page.evaluate(() => window.pathlight("track", "report_exported"));
    await page.waitForFunction(() => window.completed.includes("export-report"), null, { timeout: DEADLINE });
    await openPanel(page);
    const listed = await titles(page);
    t.diagnostic(`warnings: ${JSON.stringify(log.warnings)}`);
    await hostWorks(page);
    assert.deepEqual(log.pageErrors, []);
    assert.equal(log.warnings.length, 1, JSON.stringify(log.warnings));
    assert.match(log.warnings[0], /^Pathlight: .*(localStorage|save progress)/);
    assert.ok(!listed.includes("Export a report"), "the completion made on this page was lost");
    assertSeedKept(await stored(page));
    assert.ok(!listed.includes("Send an invoice"), `the learner's stored progress was ignored: "Send an invoice", completed before, is offered again (warning: ${log.warnings[0]})`);
    await close();
  });
}

// ------------------------------------------------------------------------------------------
// Anchors.

const routeShadowPack = (page) => page.route("**/lessons.json", (r) => r.fulfill({ path: new URL("faults-shadow.json", ARTIFACTS).pathname, contentType: "application/json" }));
const beacon = (page, lesson) => page.locator(`pathlight-widget >> .pl-beacon[data-lesson="${lesson}"]`);

test("an anchor inside nested open shadow roots of host components gets its beacon beside it", async () => {
  // Catches: anchors looked up only in the light DOM, or a beacon placed at the shadow
  // host's box instead of the feature's.
  const { page, log, close } = await open(browser, `${server.base}/app/shadow-anchor`, { setup: routeShadowPack });
  await launcher(page);
  await beacon(page, "late-insight").waitFor({ state: "visible", timeout: DEADLINE });
  await waitFor(async () => {
    const g = await page.evaluate(() => {
      const b = document.querySelector("pathlight-widget").shadowRoot.querySelector('.pl-beacon[data-lesson="late-insight"]').getBoundingClientRect();
      const card = document.querySelector("insights-panel").shadowRoot.querySelector("insights-card");
      const a = card.shadowRoot.querySelector('[data-pathlight="late.feature"]').getBoundingClientRect();
      return { beacon: { x: b.left + b.width / 2, y: b.top + b.height / 2 }, corner: { x: a.right, y: a.top } };
    });
    assert.ok(Math.abs(g.beacon.x - g.corner.x) <= 2 && Math.abs(g.beacon.y - g.corner.y) <= 2, JSON.stringify(g));
    return true;
  }, { what: "the beacon on the corner of the feature inside the nested shadow roots (not on the shadow host's box)" });
  // Clicking the feature inside the shadow root is seen (the learner can open the lesson).
  await beacon(page, "late-insight").click();
  await page.getByRole("dialog", { name: "Use the insights card" }).waitFor();
  await hostWorks(page);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.warnings, []);
  await close();
});

/** Opens the lesson from its beacon, shows its How layer with Show me on, removes the
 * anchor, and checks the card is usable or closed cleanly, and no stale beacon or ring. */
async function removeAnchorWhileOpen(page, log, { lesson, title, remove, restore }) {
  await launcher(page);
  await beacon(page, lesson).waitFor({ state: "visible", timeout: DEADLINE });
  await beacon(page, lesson).click();
  const card = page.getByRole("dialog", { name: title });
  await card.waitFor();
  await card.getByRole("tab", { name: "How" }).click();
  const showMe = card.locator(".pl-show-me > button");
  const ring = page.locator("pathlight-widget >> .pl-ring");
  if (await showMe.count()) {
    await showMe.click();
    await ring.waitFor({ state: "attached" });
  }
  // Removing the feature is a burst of mutations: once the widget has handled it, the card,
  // the ring and the beacon show what the widget made of it.
  await settle(page, () => page.evaluate(remove));
  assert.deepEqual(log.pageErrors, [], "an exception after the anchor was removed");
  const outcome = { cardOpen: await card.count() > 0 };
  if (outcome.cardOpen) {
    // Still usable: inside the viewport, its tabs switch, and it closes.
    const box = await card.boundingBox();
    assert.ok(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1280 && box.y + box.height <= 800, `the card left the viewport: ${JSON.stringify(box)}`);
    await card.getByRole("tab", { name: "Why" }).click();
    assert.equal(await card.getByRole("tab", { name: "Why" }).getAttribute("aria-selected"), "true");
    // No highlight ring left pointing at where the feature was.
    if (await ring.count()) {
      const r = await ring.evaluate((el) => ({ visibility: getComputedStyle(el).visibility, transform: el.style.transform, width: el.style.width }));
      outcome.ring = r;
      assert.equal(r.visibility, "hidden", `a Show me ring still highlights the removed feature: ${JSON.stringify(r)}`);
    }
    await page.keyboard.press("Escape");
    await card.waitFor({ state: "detached" });
  }
  await quiesce(page);
  assert.equal(await beacon(page, lesson).count(), 0, "a beacon is left for a feature that is gone");
  await hostWorks(page);
  // The host renders the feature again: the beacon comes back.
  if (restore) {
    await page.evaluate(restore);
    await beacon(page, lesson).waitFor({ state: "visible", timeout: DEADLINE });
  }
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.warnings, []);
  return outcome;
}

test("an anchor in a shadow root removed while its card is open: the card stays usable or closes, no stale beacon or ring", async (t) => {
  // Catches: an exception from a detached anchor, a card or highlight stuck at the old
  // position, or a beacon left floating where the feature was.
  const { page, log, close } = await open(browser, `${server.base}/app/shadow-anchor`, { setup: routeShadowPack });
  const outcome = await removeAnchorWhileOpen(page, log, {
    lesson: "late-insight",
    title: "Use the insights card",
    remove: () => document.querySelector("insights-panel").remove(),
  });
  t.diagnostic(`after removal: ${JSON.stringify(outcome)}`);
  await close();
});

test("a host component that re-renders soon after a shadow-root scan gets its beacon back (no retry once the scan's throttle window ends)", async () => {
  // Catches: anchors in shadow roots found only by the throttled shadow-root scan, with no
  // retry once the throttle window ends, so a component re-rendered soon after a scan
  // loses its beacon until some unrelated change happens on the page.
  const { page, log, close } = await open(browser, `${server.base}/app/shadow-anchor`, { setup: routeShadowPack });
  await launcher(page);
  await beacon(page, "late-insight").waitFor({ state: "visible", timeout: DEADLINE });
  // The widget handles the removal (it looks for the anchor again, shadow roots included)...
  await settle(page, () => page.evaluate(() => document.querySelector("insights-panel").remove()));
  await beacon(page, "late-insight").waitFor({ state: "detached", timeout: DEADLINE });
  // ...and the component comes back at once, inside the scan's throttle window.
  await page.evaluate(() => document.querySelector("main").insertBefore(document.createElement("insights-panel"), document.querySelector('[data-pathlight="reports.export"]')));
  const back = await beacon(page, "late-insight").waitFor({ state: "visible", timeout: DEADLINE }).then(() => true, () => false);
  assert.deepEqual(log.pageErrors, []);
  assert.ok(back, `no beacon ${DEADLINE / 1000} s after the component came back`);
  await close();
});

test("a light-DOM anchor removed while its card is open: the card stays usable or closes, no stale beacon or ring", async (t) => {
  // Catches: the same failures for a feature in the host's own DOM.
  const { page, log, close } = await open(browser, `${server.base}/app/basic`);
  const outcome = await removeAnchorWhileOpen(page, log, {
    lesson: "export-report",
    title: "Export a report",
    remove: () => { window.removed = document.querySelector('[data-pathlight="reports.export"]'); window.removed.remove(); },
    restore: () => document.querySelector("main").appendChild(window.removed),
  });
  t.diagnostic(`after removal: ${JSON.stringify(outcome)}`);
  await close();
});

// ------------------------------------------------------------------------------------------
// Hostile hosts.

const REBUILT = '<main><h1>Rebuilt</h1><button id="host-counter" type="button" onclick="this.nextElementSibling.value = +this.nextElementSibling.value + 1">Count</button><output id="host-count">0</output><button type="button" data-pathlight="reports.export">Export</button></main>';

for (const { name, rebuild } of [
  { name: "wipes and rebuilds body with innerHTML", rebuild: (html) => { document.body.innerHTML = html; } },
  { name: "replaces the body element", rebuild: (html) => { const b = document.createElement("body"); b.innerHTML = html; document.documentElement.replaceChild(b, document.body); } },
]) {
  test(`a host that ${name} after the widget mounted: the widget comes back, or is cleanly absent with one warning`, async () => {
    // Catches: a widget silently gone for good (the learner loses it, the host is not
    // told), a detached widget still reacting, or an exception thrown into the host.
    const { page, log, close } = await open(browser, `${server.base}/app/basic`);
    await launcher(page);
    await page.evaluate(rebuild, REBUILT);
    // The decisive moment: the widget's element is back in the body, or a warning says it
    // is gone.
    await waitFor(async () => (await page.evaluate(() => document.body.querySelectorAll(":scope > pathlight-widget").length === 1)) || log.warnings.length > 0,
      { what: "the widget back in the rebuilt body, or a warning that it is gone" });
    const call = () => page.evaluate(() => window.pathlight("open", "export-report"));
    if (await page.locator("pathlight-widget").count()) await settle(page, call);
    else await call();
    assert.deepEqual(log.pageErrors, [], "an exception reached the host page");
    await hostWorks(page);
    // The card's code may still be on its way (the first card opened fetches it).
    const now = () => page.evaluate(() => ({
      inDocument: document.querySelectorAll("pathlight-widget").length,
      inBody: document.body.querySelectorAll(":scope > pathlight-widget").length,
      card: !!document.querySelector("pathlight-widget")?.shadowRoot?.querySelector(".pl-card"),
    }));
    const isBack = (state) => state.inBody === 1 && state.card;
    const isAbsent = (state) => state.inDocument === 0 && log.warnings.length === 1 && /^Pathlight: /.test(log.warnings[0]);
    await waitFor(async () => { const state = await now(); return isBack(state) || isAbsent(state); }, {
      what: async () => `the widget back with its card, or gone with one warning: ${JSON.stringify(await now())}, warnings ${JSON.stringify(log.warnings)}`,
    });
    const back = isBack(await now());
    if (back) {
      // Esc belongs to the card only while focus is in it; the host's counter has it now.
      await page.locator("pathlight-widget >> .pl-card").getByRole("button", { name: "Close lesson" }).click();
      await (await launcher(page)).click();
      await page.locator("pathlight-widget >> section.pl-panel").waitFor();
    }
    await close();
  });
}

/** The beacons host has no counter: its own navigation is its UI. */
async function hostWorksOnBeacons(page) {
  await page.click("#to-list");
  assert.equal(await page.isVisible("#list"), true, "the host's own navigation stopped working");
  await page.goBack();
  assert.equal(await page.isVisible("#detail"), true, "the host's own navigation stopped working");
}

const noNavigationApi = () => { delete Object.getPrototypeOf(window).navigation; delete window.navigation; };
const PUSH_REPLACEMENTS = {
  // Many routers call the native method directly, dropping whatever wrapped it before.
  native: () => {
    window.hostPushes = 0;
    history.pushState = function (state, title, url) { window.hostPushes++; return History.prototype.pushState.call(history, state, title, url); };
  },
  // Analytics libraries wrap what is there.
  wrapping: () => {
    window.hostPushes = 0;
    const before = history.pushState;
    history.pushState = function () { window.hostPushes++; return before.apply(this, arguments); };
  },
};

for (const { api, replacement } of [
  { api: true, replacement: "native" },
  { api: false, replacement: "wrapping" },
  { api: false, replacement: "native" },
]) {
  test(`the host replaces pushState after the widget loaded (${replacement}${api ? "" : ", no Navigation API"}): SPA navigation works for the host and the widget follows`, async () => {
    // Catches: the widget's own history wrapper breaking the host's replacement, or the
    // widget losing track of the page once its wrapper is dropped (it would keep showing
    // the lessons of the page the learner left).
    const { page, log, close } = await open(browser, `${server.base}/app/beacons`, {
      setup: async (p) => {
        if (!api) await p.addInitScript(noNavigationApi);
        await p.route("**/lessons.json", (r) => r.fulfill({ path: new URL("faults-nav.json", ARTIFACTS).pathname, contentType: "application/json" }));
      },
    });
    await launcher(page);
    assert.equal(await page.evaluate(() => "navigation" in window), api);
    await page.evaluate(PUSH_REPLACEMENTS[replacement]);
    await page.click("#to-invoice");
    // The host's navigation works.
    assert.equal(await page.evaluate(() => location.pathname), "/app/beacons/invoices/42");
    assert.equal(await page.evaluate(() => window.hostPushes), 1);
    assert.equal(await page.isVisible("#detail"), true);
    // The widget follows, before any popstate could tell it: the invoice page's lesson
    // shows its beacon on the header link, and hides it on the list.
    const shown = await beacon(page, "url-probe").waitFor({ state: "visible", timeout: DEADLINE }).then(() => true, () => false);
    await page.click("#to-list");
    assert.equal(await page.evaluate(() => location.pathname), "/app/beacons");
    assert.equal(await page.evaluate(() => window.hostPushes), 2);
    const hidden = await beacon(page, "url-probe").waitFor({ state: "detached", timeout: DEADLINE }).then(() => true, () => false);
    await page.goBack();
    assert.equal(await page.evaluate(() => location.pathname), "/app/beacons/invoices/42");
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.warnings, []);
    assert.ok(shown && hidden, `the widget did not follow the host's pushState (invoice lesson's beacon shown after pushing /invoices/42: ${shown}, gone after pushing the list: ${hidden})`);
    await beacon(page, "url-probe").waitFor({ state: "visible", timeout: DEADLINE });
    await hostWorksOnBeacons(page);
    assert.deepEqual(log.pageErrors, []);
    await close();
  });
}
