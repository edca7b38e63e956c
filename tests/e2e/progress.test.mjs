// Progress: completed by doing, kept across reloads and tabs, never lost to a broken or
// blocked storage. Each test names the failure it would catch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launcher, open, quiesce, suite, waitFor } from "./harness.mjs";

const env = suite();

const KEY = "pathlight:fixture:anonymous";
const stored = (page, key = KEY) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || "null"), key);
const listed = (page) => page.locator("pathlight-widget >> .pl-item-title").allTextContents();

async function openPanel(page) {
  await (await launcher(page)).click();
  await page.getByRole("dialog", { name: "Learn Test Ledger" }).waitFor();
}

test("a lesson completes when the learner does the thing, not when they read it", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`, {
    setup: (p) => p.addInitScript(() => {
      window.completed = [];
      window.addEventListener("pathlight:completed", (e) => window.completed.push(`${e.detail.lesson}:${e.detail.how}`));
    }),
  });
  await launcher(page);
  await page.evaluate(() => window.pathlight("open", "send-invoice"));
  const card = page.getByRole("dialog", { name: "Send an invoice" });
  await card.waitFor();
  for (const layer of ["What", "How", "Why"]) await card.getByRole("tab", { name: layer }).click();
  await quiesce(page);
  assert.deepEqual(await page.evaluate(() => window.completed), [], "reading the layers must not complete a lesson");
  // The real action on the host page completes it, closes the card and acknowledges it.
  await page.click('[data-pathlight="invoices.send"]');
  await page.waitForFunction(() => window.completed.length === 1);
  assert.deepEqual(await page.evaluate(() => window.completed), ["send-invoice:click"]);
  await card.waitFor({ state: "detached" });
  const status = page.locator("pathlight-widget >> [role=status]");
  assert.equal(await status.textContent(), "Lesson completed: Send an invoice");
  // A host event completes another, and the store knows how each was done.
  await page.evaluate(() => window.pathlight("track", "report_exported"));
  await page.waitForFunction(() => window.completed.length === 2);
  const saved = await stored(page);
  assert.equal(saved.v, 4); // format 4: coaching's "Not this" answers (issue #23)
  assert.equal(saved.data.lessons["send-invoice"].completed.via, "click");
  assert.equal(saved.data.lessons["export-report"].completed.via, "event");
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("progress survives a reload, and I know this stays apart from completed", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/basic`);
  await openPanel(page);
  assert.deepEqual(await listed(page), ["Export a report", "Send an invoice"]);
  await page.getByRole("button", { name: /^Export a report/ }).click();
  await page.getByRole("button", { name: "I know this" }).click();
  await page.reload();
  await openPanel(page);
  assert.deepEqual(await listed(page), ["Send an invoice"], "a known lesson came back after a reload");
  const saved = await stored(page);
  assert.equal(typeof saved.data.lessons["export-report"].known, "number", "known records when");
  assert.equal(saved.data.lessons["export-report"].completed, undefined);
  await close();
});

test("with localStorage blocked the widget works in memory and throws nothing", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`, {
    setup: (p) => p.addInitScript(() => {
      Object.defineProperty(window, "localStorage", { get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });
    }),
  });
  await openPanel(page);
  await page.getByRole("button", { name: /^Export a report/ }).click();
  await page.getByRole("button", { name: "I know this" }).click();
  await openPanel(page);
  assert.deepEqual(await listed(page), ["Send an invoice"], "progress in memory was lost");
  assert.deepEqual(log.pageErrors, []);
  assert.equal(log.warnings.length, 1, JSON.stringify(log.warnings));
  assert.match(log.warnings[0], /localStorage is not available/);
  await close();
});

test("a corrupted stored value is kept under a backup key and the widget starts cleanly", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/basic`, {
    setup: (p) => p.addInitScript((key) => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem(key, "{not json");
        sessionStorage.setItem("seeded", "1");
      }
    }, KEY),
  });
  await openPanel(page);
  assert.deepEqual(await listed(page), ["Export a report", "Send an invoice"]);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  const backup = keys.find((k) => k.startsWith(`${KEY}:corrupt:`));
  assert.ok(backup, JSON.stringify(keys));
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), backup), "{not json");
  assert.equal(log.warnings.length, 1);
  assert.match(log.warnings[0], /could not be read.*kept under/);
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("two tabs converge: each sees what the other completed", async () => {
  const context = await env.browser.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  await a.goto(`${env.base}/app/basic`);
  await b.goto(`${env.base}/app/basic`);
  await launcher(a);
  await launcher(b);
  await a.evaluate(() => window.pathlight("track", "report_exported"));
  await b.click('[data-pathlight="invoices.send"]');
  for (const page of [a, b]) {
    await page.waitForFunction((key) => {
      const p = JSON.parse(localStorage.getItem(key) || "{}");
      return p.data && p.data.lessons["export-report"]?.completed && p.data.lessons["send-invoice"]?.completed;
    }, KEY);
    await openPanel(page);
    // The other tab's save reaches this one through a storage event, soon after the write.
    await waitFor(async () => {
      assert.deepEqual(await listed(page), [], "a tab still offers a lesson the other tab completed");
      return true;
    }, { what: "the panel to drop the lessons the other tab completed" });
  }
  await context.close();
});

test("a dismissed lesson stays snoozed across reloads, and returns when the snooze ends", async () => {
  // `?days=N` moves the page's clock N days ahead, as if the learner came back later.
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    const days = Number(new URLSearchParams(location.search).get("days") || 0);
    const real = Date.now;
    Date.now = () => real() + days * 864e5;
  });
  const page = await context.newPage();
  const beacon = page.locator('pathlight-widget >> .pl-beacon[data-lesson="deep-row"]');
  const showRow = () => page.evaluate(() => { document.getElementById("rows").scrollTop = 700; });
  await page.goto(`${env.base}/app/beacons`);
  await launcher(page);
  await showRow();
  await beacon.click();
  await page.getByRole("button", { name: "Not now" }).click();
  await beacon.waitFor({ state: "detached" });
  for (const days of [0, 1]) {
    await page.goto(`${env.base}/app/beacons?days=${days}`);
    await launcher(page);
    await showRow();
    // The row is in view (its beacon would show now): once the widget has looked at the
    // page again, still no beacon.
    await quiesce(page);
    assert.equal(await beacon.count(), 0, `the beacon came back after ${days} day(s) of a 2-day snooze`);
  }
  await page.goto(`${env.base}/app/beacons?days=3`);
  await launcher(page);
  await showRow();
  await beacon.waitFor({ state: "visible" });
  await context.close();
});

test("a vendor's backend: its progress is merged in, and saves are retried until it answers", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/remote`, {
    setup: (p) => p.route("**/app/remote", (r) => r.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Remote host</title></head><body><main><h1>Host</h1>
        <button data-pathlight="reports.export">Export</button><button data-pathlight="invoices.send">Send</button></main>
        <script>
          // The backend already knows this learner exported a report on another device,
          // and is offline for the first two saves.
          window.backend = { u9: { v: 2, data: { lessons: { "export-report": { completed: { at: 1, via: "event" } } } } } };
          window.saves = { failed: 0, ok: 0 };
          window.pathlight = window.pathlight || function () { (window.pathlight.q = window.pathlight.q || []).push(arguments); };
          pathlight("init", { lessons: "/lessons.json", user: { id: "u9" }, progress: {
            load: async (user) => window.backend[user] || null,
            save: async (user, state) => {
              if (window.saves.failed < 2) { window.saves.failed++; throw new Error("offline"); }
              window.saves.ok++;
              window.backend[user] = state;
            },
          } });
        </script>
        <script async src="/dist/pathlight.js"></script></body></html>`,
    })),
  });
  await (await launcher(page)).click();
  await page.getByRole("dialog", { name: "Learn Test Ledger" }).waitFor();
  await page.waitForFunction(() => !document.querySelector("pathlight-widget").shadowRoot.textContent.includes("Export a report"));
  assert.deepEqual(await listed(page), ["Send an invoice"], "the backend's completion was not merged in");
  await page.keyboard.press("Escape");
  await page.click('[data-pathlight="invoices.send"]');
  await page.waitForFunction(() => window.backend.u9?.data?.lessons?.["send-invoice"]?.completed, null, { timeout: 30000 });
  const saves = await page.evaluate(() => window.saves);
  assert.equal(saves.failed, 2);
  assert.ok(saves.ok >= 1);
  const local = await stored(page, "pathlight:fixture:user:u9");
  assert.ok(local.data.lessons["export-report"].completed && local.data.lessons["send-invoice"].completed, "local storage is the source of truth and holds both");
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("an event trigger counts what the host tracked across page loads", async () => {
  const { page, close } = await open(env.browser, `${env.base}/app/events`, {
    setup: (p) => p.route("**/app/events", async (r) => r.fulfill({ response: await p.request.fetch(`${env.base}/app/basic`) })),
  });
  await launcher(page);
  await page.evaluate(() => window.pathlight("track", "report_exported"));
  await page.reload();
  await (await launcher(page)).click();
  await page.getByRole("dialog", { name: "Learn Test Ledger" }).waitFor();
  assert.ok(!(await listed(page)).includes("Schedule your exports"), "offered after one export");
  await page.keyboard.press("Escape");
  await page.evaluate(() => window.pathlight("track", "report_exported"));
  await page.getByRole("button", { name: "Learn", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("pathlight-widget").shadowRoot.textContent.includes("Schedule your exports"));
  await close();
});
