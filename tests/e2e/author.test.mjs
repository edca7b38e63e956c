// Author mode: switched on by the host alone, downloaded only then, and its panel explains
// every lesson's trigger rule by rule and proposes anchors for the page's elements. Each test
// names the bug it pins.
//
// Host: tests/e2e/hosts/author.html, which calls no init: each test queues its own before the
// widget's tag runs. Pack: tests/fixtures/author-pack, built by the suite.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launcher, open, quiesce, suite, waitFor } from "./harness.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");
const env = suite({
  prepare: () => {
    execFileSync("cargo", ["run", "--quiet", "--bin", "pathlight", "--", "build", "tests/fixtures/author-pack", "-o", "tests/e2e/artifacts/author.json"], { cwd: ROOT, stdio: "ignore" });
    // A pack with goals, for the hand-over tests.
    execFileSync("cargo", ["run", "--quiet", "--bin", "pathlight", "--", "build", "tests/fixtures/pack", "-o", "tests/e2e/artifacts/lessons.json"], { cwd: ROOT, stdio: "ignore" });
  },
});

const INIT = { lessons: "/fixtures/author.json", user: { id: "u1", traits: { role: "viewer" } } };

/** The author host with `init` queued before the widget's script runs, recording every
 * request the page makes. */
async function host(init, path = "/app/author", setup) {
  const requests = [];
  const opened = await open(env.browser, env.base + path, {
    setup: async (page) => {
      await setup?.(page);
      page.on("request", (r) => requests.push(new URL(r.url()).pathname));
      await page.addInitScript((init) => {
        window.pathlight = function () { (window.pathlight.q = window.pathlight.q || []).push(arguments); };
        window.pathlight("init", init);
      }, init);
    },
  });
  return { ...opened, requests };
}

/** axe-core's violations inside the widget, author panel included. */
async function violations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run({ include: [["pathlight-widget"]] }, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

const panel = (page) => page.locator("pathlight-widget >> .pa-panel");
const lesson = (page, id) => page.locator(`pathlight-widget >> .pa-lesson[data-lesson="${id}"]`);
const rules = (page, id) => lesson(page, id).locator(".pa-rules li").allTextContents();

test("author mode stays off, with nothing of it downloaded, when the host does not enable it, whatever the URL says", async () => {
  // Pins a learner downloading the author build, or a URL switching author mode on.
  const { page, log, requests, close } = await host(INIT, "/app/author?author=true&pathlight-author=1#author");
  try {
    await launcher(page);
    await quiesce(page);
    assert.equal(await panel(page).count(), 0, "no author panel");
    assert.deepEqual(requests.filter((r) => r.includes("pathlight_author")), [], "no author file requested");
    assert.ok(requests.includes("/dist/pathlight_bg.wasm"));
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("init({ author: true }) loads the author build alone, whose debugger explains a page, an element and a trait that fail", async () => {
  // Pins a debugger that disagrees with the widget, or a page that downloads both builds.
  const { page, log, requests, close } = await host({ ...INIT, author: true });
  try {
    await panel(page).waitFor({ state: "visible" });
    await launcher(page);
    assert.ok(requests.includes("/dist/pathlight_author_bg.wasm"));
    assert.ok(!requests.includes("/dist/pathlight_bg.wasm"), "the learner's wasm is not downloaded too");
    assert.equal(await page.locator("pathlight-widget").count(), 1);

    await waitFor(async () => (await rules(page, "invoice-detail")).length === 1, { what: "the rules of invoice-detail" });
    assert.deepEqual(await rules(page, "invoice-detail"), ['page "/invoices/:id" ✗: you are on /app/author']);
    assert.deepEqual(await rules(page, "export-visible"), ['element "reports.export" visible ✗: not on this page']);
    assert.deepEqual(await rules(page, "admins-only"), ['trait role = "admin" ✗: role is "viewer"']);
    assert.equal(await lesson(page, "admins-only").locator(".pa-verdict").textContent(), "not shown: its trigger does not hold here");
    assert.equal(await lesson(page, "everywhere").locator(".pa-verdict").textContent(), "eligible: no trigger, relevant everywhere");
    assert.match(await lesson(page, "everywhere").locator(".pa-frequency").textContent(), /^shown \d+ times?, no limit, a dismissal is final$/);
    assert.match(await lesson(page, "everywhere").locator(".pa-placement").textContent(), /^rank \d+( \(.+\))?; no beacon: it has no anchor \(panel only\)$/);
    assert.equal(await lesson(page, "admins-only").locator(".pa-placement").textContent(), "not ranked: not eligible");

    // Live: a call of the host's changes the verdict without a reload.
    await page.evaluate(() => window.pathlight("identify", "u1", { role: "admin" }));
    await waitFor(async () => (await rules(page, "admins-only"))[0] === 'trait role = "admin" ✓: role is "admin"', {
      what: async () => `the trait rule to hold, is ${JSON.stringify(await rules(page, "admins-only"))}`,
    });
    assert.equal(await lesson(page, "admins-only").locator(".pa-verdict").textContent(), "eligible: its trigger holds");
    assert.deepEqual(await violations(page), [], "the debugger passes axe");

    // Live preview: any lesson opens, whatever its trigger.
    await lesson(page, "invoice-detail").getByRole("button", { name: "Open" }).click();
    await page.locator("pathlight-widget >> .pl-card #pl-card-title", { hasText: "Read an invoice" }).waitFor();
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("pathlight('author', true) after start hands the page to the author build with the same init", async () => {
  // Pins a switch that loses the host's init (its user and pack), or leaves two widgets.
  const { page, log, requests, close } = await host(INIT);
  try {
    await launcher(page);
    await page.evaluate(() => window.pathlight("author", true));
    await panel(page).waitFor({ state: "visible" });
    await waitFor(async () => (await rules(page, "admins-only")).length === 1, { what: "the debugger" });
    assert.deepEqual(await rules(page, "admins-only"), ['trait role = "admin" ✗: role is "viewer"'], "the same user");
    assert.equal(await page.locator("pathlight-widget").count(), 1, "one widget");
    assert.ok(requests.includes("/dist/pathlight_author_bg.wasm"));
    assert.equal(log.warnings.filter((w) => w.includes("Pathlight")).length, 0, log.warnings.join("\n"));
  } finally {
    await close();
  }
});

/** The author build's Learner tab, as the calls made before the hand-over left it: the role
 * trait and the goals chosen. */
async function learnerTab(page) {
  await page.locator("pathlight-widget >> .pa-tab", { hasText: "Learner" }).click();
  const role = page.locator("pathlight-widget >> .pa-simulation .pa-input");
  const goal = (title) => page.locator("pathlight-widget >> .pa-simulation .pl-goal", { hasText: title }).locator("input");
  return { role, goal };
}

const GOALS = { ...INIT, lessons: "/fixtures/lessons.json" };

test("pathlight('author', true) keeps the identify and setGoals calls made since init", async () => {
  // Pins a hand-over that replays only the last init to the author build, so the user's
  // traits and goals set since are lost.
  const { page, log, close } = await host(GOALS);
  try {
    await launcher(page);
    await page.evaluate(() => {
      window.pathlight("identify", "u1", { role: "admin" });
      window.pathlight("setGoals", ["close-month"]);
      window.pathlight("author", true);
    });
    await panel(page).waitFor({ state: "visible" });
    const { role, goal } = await learnerTab(page);
    await waitFor(async () => (await role.inputValue()) === "admin", { what: "the role identify set" });
    await waitFor(() => goal("Close the month").isChecked(), { what: "the goal setGoals chose" });
    assert.equal(await goal("Get paid faster").isChecked(), false);
    assert.equal(await page.locator("pathlight-widget").count(), 1, "one widget");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("calls queued around ['author', true] while the learner's wasm downloads all reach the author build", async () => {
  // Pins a replay that, once it met ['author', true], went on sending the queue's later calls
  // to the learner build it had just destroyed, and dropped the ones before it but the init.
  let requested = false;
  let release;
  const gate = new Promise((ok) => { release = ok; });
  const hold = (page) => page.route("**/dist/pathlight_bg.wasm", async (route) => { requested = true; await gate; await route.continue(); });
  const { page, log, requests, close } = await host(GOALS, undefined, hold);
  try {
    // The polite start fetches the wasm after the load event; the calls below wait in the queue.
    await waitFor(() => requested, { what: "the learner's wasm to be requested" });
    await page.evaluate(() => {
      window.pathlight("identify", "u1", { role: "admin" });
      window.pathlight("author", true);
      window.pathlight("setGoals", ["close-month"]);
    });
    release();
    await panel(page).waitFor({ state: "visible" });
    const { role, goal } = await learnerTab(page);
    await waitFor(async () => (await role.inputValue()) === "admin", { what: "the role identify set" });
    await waitFor(() => goal("Close the month").isChecked(), { what: "the goal set after ['author', true]" });
    assert.ok(requests.includes("/dist/pathlight_author_bg.wasm"));
    assert.equal(await page.locator("pathlight-widget").count(), 1, "one widget");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    release();
    await close();
  }
});

test("init({ author: true }) after destroy hands the page to the author build", async () => {
  // Pins an author option that only the first, queued init honoured: a later init with it
  // started the learner's widget again, silently.
  const { page, log, requests, close } = await host(INIT);
  try {
    await launcher(page);
    await page.evaluate((init) => {
      window.pathlight("destroy");
      window.pathlight("init", { ...init, user: { id: "u1", traits: { role: "admin" } }, author: true });
    }, INIT);
    await panel(page).waitFor({ state: "visible" });
    await waitFor(async () => (await rules(page, "admins-only"))[0] === 'trait role = "admin" ✓: role is "admin"', {
      what: async () => `the new init's user, rules are ${JSON.stringify(await rules(page, "admins-only"))}`,
    });
    assert.ok(requests.includes("/dist/pathlight_author_bg.wasm"));
    assert.equal(await page.locator("pathlight-widget").count(), 1, "one widget");
    assert.equal(log.warnings.filter((w) => w.includes("Pathlight")).length, 0, log.warnings.join("\n"));
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("the picker proposes the best anchor in the light DOM and in an open shadow root, and Esc gives the page back", async () => {
  // Pins a picker that lets the host's click through, misses shadow roots, or proposes a
  // path where a stable attribute exists.
  const { page, log, close } = await host({ ...INIT, author: true });
  try {
    await panel(page).waitFor({ state: "visible" });
    await page.locator("pathlight-widget >> .pa-tab", { hasText: "Pick an element" }).click();
    const line = page.locator('pathlight-widget >> .pa-line[data-use="anchor"]');
    const basis = page.locator("pathlight-widget >> .pa-basis");
    const pick = async (locator, expected) => {
      await locator.hover();
      await page.locator("pathlight-widget >> .pa-outline").waitFor({ state: "attached" });
      await locator.click();
      await waitFor(async () => (await line.inputValue()) === expected, {
        what: async () => `${expected}, is ${await line.inputValue().catch(() => "nothing")}`,
      });
    };

    await pick(page.getByRole("button", { name: "Save draft" }), `anchor = { selector = '[data-testid="save-draft"]' }`);
    assert.equal(await basis.textContent(), "From its data-testid; matches 1 element on this page.");
    assert.equal(await page.evaluate(() => window.hostClicks), undefined, "the host's handler did not run");

    await pick(page.getByRole("button", { name: "Send" }), "anchor = 'invoices.send'");
    await pick(page.locator("team-card >> #invite-teammate"), "anchor = { selector = '#invite-teammate' }");
    assert.equal(await basis.textContent(), "From its id; matches 1 element on this page.");
    await pick(page.getByRole("button", { name: "Plain" }).nth(1), "anchor = { selector = 'button:nth-of-type(4)' }");

    // By keyboard: focus outlines the page's control, Enter picks it.
    const send = page.getByRole("button", { name: "Send" });
    await pick(page.getByRole("button", { name: "Save draft" }), `anchor = { selector = '[data-testid="save-draft"]' }`);
    await send.focus();
    const box = await send.boundingBox();
    await waitFor(async () => {
      const o = await page.locator("pathlight-widget >> .pa-outline").boundingBox();
      return o && Math.abs(o.x - box.x) < 1 && Math.abs(o.y - box.y) < 1;
    }, { what: "the outline on the focused button" });
    await page.keyboard.press("Enter");
    await waitFor(async () => (await line.inputValue()) === "anchor = 'invoices.send'", { what: "Enter to pick" });
    assert.deepEqual(await violations(page), [], "the picker passes axe");

    await page.keyboard.press("Escape");
    await page.locator("pathlight-widget >> .pa-picker .pa-hint").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Save draft" }).click();
    assert.equal(await page.evaluate(() => window.hostClicks), 1, "after Esc the host's clicks are the host's again");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

/** `pathlight dev` (the debug binary the test script built) on a free port, serving `dir`. */
async function devServer(dir) {
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, "127.0.0.1", ok));
  const port = probe.address().port;
  await new Promise((ok) => probe.close(ok));
  const bin = join(resolve(ROOT, process.env.CARGO_TARGET_DIR || "target"), "debug", "pathlight");
  const child = spawn(bin, ["dev", dir, "--port", String(port)], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(url + "/status")).ok, { what: "pathlight dev to answer" });
  return { url, stop: () => child.kill() };
}

test("with pathlight dev, an edit to a lesson file reaches the open card on the same layer, and a broken file shows its error in the panel", async (t) => {
  // Pins the live preview missing an edit, jumping back to the first layer, or losing the
  // last good pack to a broken file.
  const dir = mkdtempSync(join(tmpdir(), "pathlight-author-"));
  cpSync(join(ROOT, "tests/fixtures/author-pack"), dir, { recursive: true });
  const dev = await devServer(dir);
  const { page, log, close } = await host({ ...INIT, lessons: dev.url + "/lessons.json", author: true });
  try {
    await page.locator("pathlight-widget >> .pa-dev-line").waitFor();
    await page.evaluate(() => window.pathlight("open", "everywhere"));
    const card = page.locator("pathlight-widget >> .pl-card");
    const what = card.locator(".pl-tab", { hasText: "What" });
    await what.click();
    const shown = () => card.locator(".pl-tabpanel").textContent();
    await waitFor(async () => (await shown()).includes("What it is."), { what: "the What layer" });

    const file = join(dir, "everywhere.md");
    const edited = Date.now();
    writeFileSync(file, readFileSync(file, "utf8").replace("What it is.", "What it is, edited."));
    await waitFor(async () => (await shown()).includes("What it is, edited."), {
      what: async () => `the edit on the open card, which shows ${JSON.stringify(await shown())}`,
    });
    t.diagnostic(`edit to open card: ${Date.now() - edited} ms`);
    assert.equal(await what.getAttribute("aria-selected"), "true", "the same layer");

    writeFileSync(file, readFileSync(file, "utf8").replace("minutes = 1", "minutes = 0"));
    const error = page.locator("pathlight-widget >> .pa-diagnostics li").first();
    await error.waitFor();
    assert.match(await error.textContent(), /everywhere\.md:5 \[minutes\]/);
    assert.ok((await shown()).includes("What it is, edited."), "the last good pack stays on the card");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
    dev.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the learner simulation sets the preview's role, marks lessons done and resets, never touching the learner's own progress", async () => {
  // Pins a preview that writes over a real learner's progress, or a simulation that does
  // not reach the triggers.
  const { page, log, close } = await host(INIT);
  try {
    await launcher(page);
    // The learner's own progress: "everywhere" known.
    await page.evaluate(() => window.pathlight("open", "everywhere"));
    await page.locator("pathlight-widget >> .pl-card .pl-actions .pl-button:not(.pl-quiet)").click();
    const stored = () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
    const real = await waitFor(async () => {
      const all = await stored();
      const key = Object.keys(all).find((k) => k.startsWith("pathlight:author-fixture:user:u1"));
      return key && all[key].includes("everywhere") && { key, value: all[key] };
    }, { what: "the learner's own progress in localStorage" });

    await page.evaluate(() => window.pathlight("author", true));
    await panel(page).waitFor({ state: "visible" });
    const verdict = (id) => lesson(page, id).locator(".pa-verdict").textContent();
    await waitFor(async () => (await verdict("everywhere")) === "eligible: no trigger, relevant everywhere", {
      what: "the preview to start from its own, empty progress",
    });

    await page.locator("pathlight-widget >> .pa-tab", { hasText: "Learner" }).click();
    await page.locator("pathlight-widget >> .pa-input").fill("admin");
    await page.locator("pathlight-widget >> .pa-role .pa-button").click();
    await page.locator("pathlight-widget >> .pa-tab", { hasText: "Triggers" }).click();
    await waitFor(async () => (await verdict("admins-only")) === "eligible: its trigger holds", { what: "the simulated role to reach the trigger" });

    await lesson(page, "everywhere").getByRole("button", { name: "Mark done" }).click();
    await waitFor(async () => (await verdict("everywhere")) === "not shown: known (counts as completed)", { what: "Mark done" });
    await page.locator("pathlight-widget >> .pa-tab", { hasText: "Learner" }).click();
    await page.locator("pathlight-widget >> .pa-simulation > .pa-button", { hasText: "Reset my progress" }).click();
    await page.locator("pathlight-widget >> .pa-tab", { hasText: "Triggers" }).click();
    await waitFor(async () => (await verdict("everywhere")) === "eligible: no trigger, relevant everywhere", { what: "the reset" });

    const after = await stored();
    assert.equal(after[real.key], real.value, "the learner's own progress is untouched");
    assert.ok(Object.keys(after).some((k) => k === real.key + ":author-preview"), "the preview kept its own");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});
