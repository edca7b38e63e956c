// Collecting (issue #22): `init({ collect: { url } })` sends the lifecycle events to a
// loopback endpoint as NDJSON records, `pathlight report --json` counts what arrived, nothing
// is sent without `collect`, and a failing endpoint breaks nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEADLINE, launcher, open, suite, waitFor } from "./harness.mjs";

const env = suite();
const root = fileURLToPath(new URL("../..", import.meta.url));

/** A loopback endpoint on its own port (so another origin than the page's): `ok` answers 204,
 * `500` answers 500, `hang` never answers. It keeps every request's body. */
async function endpoint(mode = "ok") {
  const requests = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      requests.push({ method: req.method, type: req.headers["content-type"], body });
      if (mode === "hang") return;
      res.writeHead(mode === "500" ? 500 : 204, { "access-control-allow-origin": "*" });
      res.end();
    });
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/events`,
    requests,
    records: () => requests.flatMap((r) => r.body.split("\n").filter(Boolean).map((line) => JSON.parse(line))),
    body: () => requests.map((r) => r.body).join(""),
    close: () => {
      server.closeAllConnections();
      return new Promise((ok) => server.close(ok));
    },
  };
}

/** The host page, collecting to `url` (none: not collecting) as `user` (none: anonymous).
 * Its query and hash hold words that must never be sent. */
const hostUrl = (url, user) =>
  `${env.base}/app/collect?${url ? `collect=${encodeURIComponent(url)}&` : ""}${user ? `user=${user}&` : ""}secret=query-secret#hash-secret`;

/** Records every pathlight:* event the page sees, as the collector should send it. */
const watchEvents = (page) =>
  page.addInitScript(() => {
    window.seen = [];
    for (const name of ["shown", "opened", "layer_viewed", "step_shown", "completed", "known", "dismissed", "goal_changed", "closed", "panel_opened", "clip_played", "clip_finished", "goal_guessed"]) {
      window.addEventListener(`pathlight:${name}`, (e) => {
        const { type, ...detail } = e.detail;
        window.seen.push({ type, detail });
      });
    }
  });

const card = (page, title) => page.getByRole("dialog", { name: title });
const beacon = (page, lesson) => page.locator(`pathlight-widget >> .pl-beacon[data-lesson="${lesson}"]`);
const seenCount = (page) => page.evaluate(() => window.seen.length);

/** `pathlight report FILE... --pack lessons.json --json`, by the native CLI. */
function report(files) {
  const out = execFileSync("cargo", ["run", "--quiet", "--bin", "pathlight", "--", "report", ...files, "--pack", join(root, "tests/e2e/artifacts/lessons.json"), "--json"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out);
}

/** Hides the page for real: navigating away fires visibilitychange and pagehide. */
const hide = (page) => page.goto("about:blank");

test("known actions arrive as records that pathlight report --json counts exactly, whatever is read twice", async () => {
  const sink = await endpoint();
  // Learner A, identified: the whole tour.
  const a = await open(env.browser, hostUrl(sink.url, "u1"), { setup: watchEvents });
  const { page } = a;
  await launcher(page);
  await page.locator("#host-search").fill("typed-secret");
  await page.locator("#host-search").blur();
  // A beacon is shown, and its card opened from it.
  await beacon(page, "export-report").click();
  await card(page, "Export a report").waitFor();
  // Layers switched.
  await card(page, "Export a report").getByRole("tab", { name: "What" }).click();
  await card(page, "Export a report").getByRole("tab", { name: "How" }).click();
  // Completed by track: its open card closes by itself.
  await page.evaluate(() => window.pathlight("track", "report_exported"));
  await card(page, "Export a report").waitFor({ state: "hidden" });
  // "I know this" and "Not now".
  await page.evaluate(() => window.pathlight("open", "send-invoice"));
  await card(page, "Send an invoice").getByRole("button", { name: "I know this" }).click();
  await page.evaluate(() => window.pathlight("open", "aging-check"));
  await card(page, "Check receivables aging").getByRole("button", { name: "Not now" }).click();
  // Closed three ways: Escape, ×, close.
  await page.evaluate(() => window.pathlight("open", "deep-row"));
  await card(page, "Chase an overdue invoice").getByRole("tab", { name: "Why" }).press("Escape");
  await card(page, "Chase an overdue invoice").waitFor({ state: "hidden" });
  await page.evaluate(() => window.pathlight("open", "invoice-detail"));
  await card(page, "Record a payment").getByRole("button", { name: "Close lesson" }).click();
  await page.evaluate(() => window.pathlight("open", "late-insight"));
  await card(page, "Use the insights card").waitFor();
  await page.evaluate(() => window.pathlight("close"));
  // The panel opened, and a goal chosen.
  await (await launcher(page)).click();
  const picker = page.getByRole("group", { name: "What do you want to get done?" });
  await picker.getByRole("checkbox", { name: /Get paid faster/ }).check();
  await picker.getByRole("button", { name: "Done" }).click();
  const seenA = await page.evaluate(() => window.seen);
  assert.deepEqual(a.log.pageErrors, []);
  assert.deepEqual(a.log.warnings, []);
  // While the page is visible and fewer than 50 events wait, nothing is sent yet.
  assert.equal(sink.requests.length, 0, "under 50 events and 30 s: the batch waits");
  // The page hidden: everything goes, by sendBeacon.
  await hide(page);
  await waitFor(() => sink.records().length === seenA.length, { what: () => `${seenA.length} records (got ${sink.records().length})` });
  const recordsA = sink.records();
  assert.deepEqual(recordsA.map(({ type, detail }) => ({ type, detail })), seenA, "every event, in order, with its detail");
  // The known actions, as the events they make (both beacons show for a new learner; the
  // layer the learner picks is the one the next cards open on).
  const lessonA = (l) => ({ lesson: l });
  assert.deepEqual(seenA, [
    { type: "shown", detail: lessonA("export-report") },
    { type: "shown", detail: lessonA("send-invoice") },
    { type: "opened", detail: lessonA("export-report") },
    { type: "layer_viewed", detail: { lesson: "export-report", layer: "why" } },
    { type: "layer_viewed", detail: { lesson: "export-report", layer: "what" } },
    { type: "layer_viewed", detail: { lesson: "export-report", layer: "how" } },
    { type: "completed", detail: { lesson: "export-report", how: "event" } },
    { type: "closed", detail: { lesson: "export-report", how: "completed" } },
    { type: "opened", detail: lessonA("send-invoice") },
    { type: "layer_viewed", detail: { lesson: "send-invoice", layer: "how" } },
    { type: "known", detail: lessonA("send-invoice") },
    { type: "opened", detail: lessonA("aging-check") },
    { type: "layer_viewed", detail: { lesson: "aging-check", layer: "how" } },
    // Three lessons acted on toward one goal: coaching names it (issue #23).
    { type: "goal_guessed", detail: { goal: "get-paid" } },
    { type: "dismissed", detail: lessonA("aging-check") },
    { type: "opened", detail: lessonA("deep-row") },
    { type: "layer_viewed", detail: { lesson: "deep-row", layer: "how" } },
    { type: "closed", detail: { lesson: "deep-row", how: "escape" } },
    { type: "opened", detail: lessonA("invoice-detail") },
    { type: "layer_viewed", detail: { lesson: "invoice-detail", layer: "how" } },
    { type: "closed", detail: { lesson: "invoice-detail", how: "button" } },
    { type: "opened", detail: lessonA("late-insight") },
    { type: "layer_viewed", detail: { lesson: "late-insight", layer: "how" } },
    { type: "closed", detail: { lesson: "late-insight", how: "command" } },
    { type: "panel_opened", detail: {} },
    { type: "goal_changed", detail: { goals: ["get-paid"], guessed: false } },
  ]);
  const keyA = createHash("sha256").update("fixture\nu1").digest("hex").slice(0, 32);
  // The pack's version: FNV-1a (32 bits) of the pack file, as src/support/fingerprint.rs.
  const version = [...readFileSync(join(root, "tests/e2e/artifacts/lessons.json"))]
    .reduce((h, b) => Math.imul(h ^ b, 0x01000193) >>> 0, 0x811c9dc5)
    .toString(16)
    .padStart(8, "0");
  const visits = new Set(recordsA.map((r) => r.visit));
  assert.equal(visits.size, 1, "one visit");
  for (const r of recordsA) {
    assert.deepEqual(Object.keys(r), ["v", "t", "type", "detail", "pack", "pack_version", "learner", "visit"]);
    assert.equal(r.v, 1);
    assert.equal(r.pack, "fixture");
    assert.equal(r.pack_version, version);
    assert.equal(r.learner, keyA, "SHA-256 of the pack id and the user id");
    assert.match(r.visit, /^[0-9a-f]{32}$/);
    assert.ok(Number.isInteger(r.t) && Math.abs(r.t - Date.now()) < 10 * 60_000, `t ${r.t}`);
  }
  assert.ok(sink.requests.every((r) => r.method === "POST" && /^text\/plain/.test(r.type)), JSON.stringify(sink.requests.map((r) => r.type)));
  for (const secret of ["query-secret", "hash-secret", "typed-secret", "trait-secret", "admin", '"u1"', "/app/collect"]) {
    assert.ok(!sink.body().includes(secret), `${secret} was sent`);
  }
  await a.close();

  // Learner B, anonymous: sees the beacon and opens the card, on two visits. Their key is
  // kept in this browser, so the second visit is the same learner.
  const b = await open(env.browser, hostUrl(sink.url), { setup: watchEvents });
  await launcher(b.page);
  await beacon(b.page, "export-report").click();
  await card(b.page, "Export a report").waitFor();
  const before = sink.records().length + (await seenCount(b.page));
  await b.page.reload();
  await launcher(b.page);
  await beacon(b.page, "export-report").waitFor();
  await waitFor(async () => (await seenCount(b.page)) >= 1, { what: "the beacon's shown event" });
  const after = before + (await seenCount(b.page));
  await hide(b.page);
  await waitFor(() => sink.records().length === after, { what: () => `${after} records (got ${sink.records().length})` });
  const recordsB = sink.records().slice(recordsA.length);
  const keysB = new Set(recordsB.map((r) => r.learner));
  assert.equal(keysB.size, 1, "an anonymous learner keeps one key across reloads");
  assert.match([...keysB][0], /^[0-9a-f]{32}$/);
  assert.notEqual([...keysB][0], keyA);
  assert.equal(new Set(recordsB.map((r) => r.visit)).size, 2, "each page load is a visit");
  assert.deepEqual(b.log.pageErrors, []);
  await b.close();

  const dir = mkdtempSync(join(tmpdir(), "pathlight-collect-"));
  try {
    const file = join(dir, "events.ndjson");
    writeFileSync(file, sink.body());
    const figures = report([file]);
    assert.deepEqual(figures.input, { files: 1, records: sink.records().length, malformed: 0, skipped: 0, dropped_by_widget: 0 });
    assert.equal(figures.learners, 2);
    const { median_ms_opened_to_completed: median, ...overview } = figures.overview;
    assert.deepEqual(overview, {
      shown: 2,
      opened: 2,
      completed: 1,
      panel_opened: 1,
      lessons_shown: 2,
      lessons_opened: 6,
      lessons_completed: 1,
      pairs_opened: 7,
      pairs_opened_completed: 1,
      completion_rate: 1 / 7,
    });
    assert.ok(Number.isInteger(median) && median >= 0, `median ${median}`);
    const lesson = Object.fromEntries(figures.lessons.map(({ id, title, median_ms_opened_to_completed, completion_rate, ...rest }) => [id, rest]));
    const none = { button: 0, escape: 0, command: 0, completed: 0 };
    const counts = (c) => ({ in_pack: true, met: 0, shown: 0, opened: 0, completed: 0, known: 0, dismissed: 0, opened_completed: 0, dropped_off: 0, layers: { why: 0, what: 0, how: 0 }, steps: [], flags: [], ...c, layers: { why: 0, what: 0, how: 0, ...c.layers }, closed: { ...none, ...c.closed } });
    assert.deepEqual(lesson["export-report"], counts({ met: 2, shown: 2, opened: 2, completed: 1, opened_completed: 1, dropped_off: 1, layers: { why: 2, what: 1, how: 1 }, closed: { completed: 1 } }));
    assert.deepEqual(lesson["send-invoice"], counts({ met: 2, shown: 2, opened: 1, known: 1, dropped_off: 1, layers: { how: 1 } }));
    assert.deepEqual(lesson["aging-check"], counts({ met: 1, opened: 1, dismissed: 1, dropped_off: 1, layers: { how: 1 } }));
    assert.deepEqual(lesson["deep-row"], counts({ met: 1, opened: 1, dropped_off: 1, layers: { how: 1 }, closed: { escape: 1 } }));
    assert.deepEqual(lesson["invoice-detail"], counts({ met: 1, opened: 1, dropped_off: 1, layers: { how: 1 }, closed: { button: 1 } }));
    assert.deepEqual(lesson["late-insight"], counts({ met: 1, opened: 1, dropped_off: 1, layers: { how: 1 }, closed: { command: 1 } }));
    for (const id of ["elsewhere", "schedule-exports"]) assert.deepEqual(lesson[id], counts({ flags: ["never_shown"] }), id);
    assert.equal(figures.lessons.length, 8);
    const goal = Object.fromEntries(figures.goals.map((g) => [g.id, g]));
    assert.deepEqual(
      { chosen: goal["get-paid"].chosen, share: goal["get-paid"].share, stops: goal["get-paid"].stops, stall: goal["get-paid"].stall },
      { chosen: 1, share: 0.5, stops: [{ lesson: "export-report", past: 1, through: 1 }, { lesson: "send-invoice", past: 1, through: 1 }], stall: null },
    );
    assert.equal(goal["close-month"].chosen, 0);
    assert.deepEqual(figures.days.map(({ active, completions }) => ({ active, completions })), [{ active: 2, completions: 1 }]);
    // The same file read twice: only the number of records read changes.
    const twice = report([file, file]);
    assert.equal(twice.input.records, 2 * figures.input.records);
    assert.deepEqual({ ...twice, input: null }, { ...figures, input: null });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sink.close();
  }
});

test("without collect, nothing is sent anywhere, not even when the page hides", async () => {
  const { page, log, close } = await open(env.browser, hostUrl(null, "u1"), {
    setup: async (p) => {
      await watchEvents(p);
      p.context().on("request", (r) => (p.sent ??= []).push(`${r.method()} ${r.url()}`));
    },
  });
  await launcher(page);
  await beacon(page, "export-report").click();
  await card(page, "Export a report").getByRole("tab", { name: "How" }).click();
  await page.evaluate(() => window.pathlight("track", "report_exported"));
  await (await launcher(page)).click();
  await page.getByRole("group", { name: "What do you want to get done?" }).getByRole("checkbox", { name: /Get paid faster/ }).check();
  assert.ok((await seenCount(page)) >= 6, "the events happened");
  await hide(page);
  // A last request, after the hide: what the hide sent would be listed before it.
  await page.goto(`${env.base}/app/basic`);
  const sent = page.sent.filter((r) => !r.includes("/app/basic"));
  assert.deepEqual(
    sent.filter((r) => !/^GET http:\/\/127\.0\.0\.1:\d+\/(app\/collect\?|dist\/pathlight(_bg|_surfaces)?\.(js|wasm)$|lessons\.json$)/.test(r)),
    [],
    "only the page, the widget's files and the pack",
  );
  assert.deepEqual(log.pageErrors, []);
  await close();
});

/** Opens and closes a lesson `times` times: three events each. */
const churn = (page, times) =>
  page.evaluate((times) => {
    for (let i = 0; i < times; i++) {
      window.pathlight("open", "deep-row");
      window.pathlight("close");
    }
  }, times);

for (const mode of ["500", "hang"]) {
  test(`an endpoint that ${mode === "500" ? "answers 500" : "never answers"} breaks nothing: the widget works on, with one warning`, async () => {
    const sink = await endpoint(mode);
    const { page, log, close } = await open(env.browser, hostUrl(sink.url, "u1"), { setup: watchEvents });
    try {
      await launcher(page);
      // 60 events and more: a batch goes while the page is visible, at 50, of at most 100.
      await churn(page, 20);
      await waitFor(() => sink.requests.length === 1, { what: "the first batch" });
      assert.ok(sink.records().length >= 50 && sink.records().length <= 100, `${sink.records().length} records in the first batch: ${sink.records().map((r) => r.type).join(" ")}`);
      // The first batch fails: one warning (for `hang`, after 10 s without an answer).
      await waitFor(() => log.warnings.some((w) => w.includes("could not send collected events")), { timeout: DEADLINE, what: "the warning" });
      // More: the next batch goes, counting what was lost first, and no warning more.
      const lost = sink.records().length;
      await churn(page, 20);
      await waitFor(() => sink.requests.length === 2, { what: "the second batch" });
      const second = sink.requests[1].body.split("\n").filter(Boolean).map((l) => JSON.parse(l));
      assert.deepEqual([second[0].type, second[0].detail], ["dropped", { count: lost }]);
      // The widget works on.
      await page.evaluate(() => window.pathlight("open", "export-report"));
      await card(page, "Export a report").getByRole("tab", { name: "How" }).click();
      await card(page, "Export a report").getByRole("button", { name: "Close lesson" }).click();
      await card(page, "Export a report").waitFor({ state: "hidden" });
      assert.equal(log.warnings.filter((w) => w.includes("Pathlight")).length, 1, log.warnings.join("\n"));
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(log.errors.filter((e) => !/Failed to load resource|status of 500/.test(e)), []);
    } finally {
      await close();
      await sink.close();
    }
  });
}

test("fewer than 50 events go in one batch 30 s after the first, while the page stays visible", async () => {
  // Bug this pins: a quiet learner's events waited for a page hide that a tab left open never has.
  const sink = await endpoint();
  const { page, log, close } = await open(env.browser, hostUrl(sink.url, "u1"), {
    setup: async (p) => {
      await watchEvents(p);
      await p.clock.install();
    },
  });
  try {
    await launcher(page);
    await churn(page, 3);
    await waitFor(async () => (await seenCount(page)) >= 9, { what: "nine events" });
    assert.equal(sink.requests.length, 0, "under 50 events: the batch waits");
    await page.clock.fastForward(30000);
    await waitFor(() => sink.requests.length === 1, { what: "the batch 30 s on" });
    const seen = await page.evaluate(() => window.seen);
    assert.deepEqual(sink.records().map(({ type, detail }) => ({ type, detail })), seen, "every event so far, in order");
    assert.equal(await page.evaluate(() => document.visibilityState), "visible");
    assert.deepEqual(log.warnings, []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
    await sink.close();
  }
});

test("where sendBeacon refuses, the hiding page's events go by fetch, none lost", async () => {
  // Bug this pins: sendBeacon answers false over its quota or when the browser will not queue;
  // those records were gone.
  const sink = await endpoint();
  const { page, log, close } = await open(env.browser, hostUrl(sink.url, "u1"), {
    setup: async (p) => {
      await watchEvents(p);
      await p.addInitScript(() => {
        window.beaconsRefused = 0;
        navigator.sendBeacon = () => (window.beaconsRefused++, false);
      });
    },
  });
  try {
    await launcher(page);
    await churn(page, 3);
    await waitFor(async () => (await seenCount(page)) >= 9, { what: "nine events" });
    const seen = await page.evaluate(() => window.seen);
    // The page hides, as a tab switched away does (the page stays, so it can be asked after).
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await waitFor(() => sink.records().length === seen.length, { what: () => `${seen.length} records by fetch (got ${sink.records().length})` });
    assert.deepEqual(sink.records().map(({ type, detail }) => ({ type, detail })), seen);
    assert.ok((await page.evaluate(() => window.beaconsRefused)) >= 1, "sendBeacon was asked first");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
    await sink.close();
  }
});
