// Author mode a product manager can use alone (issue #25): live preview of `pathlight dev`'s
// pack in one call, leaving author mode without a reload, a panel that gets out of the way,
// and a picker that writes any field. Each test names the bug it pins.
//
// Host: tests/e2e/hosts/author.html (no init of its own), the release build through the
// script tag, and `pathlight dev` (the debug binary) started by the test on a copy of
// tests/fixtures/author-pack.
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
    execFileSync("cargo", ["build", "--quiet", "--bin", "pathlight"], { cwd: ROOT, stdio: "ignore" });
    execFileSync("cargo", ["run", "--quiet", "--bin", "pathlight", "--", "build", "tests/fixtures/author-pack", "-o", "tests/e2e/artifacts/author.json"], { cwd: ROOT, stdio: "ignore" });
  },
});

const INIT = { lessons: "/fixtures/author.json", user: { id: "u1", traits: { role: "viewer" } } };

/** The author host with `init` queued before the widget's script runs, recording every
 * request the page makes (full URLs); `prepare(page)` runs before the page loads. */
async function host(init, path = "/app/author", prepare) {
  const requests = [];
  const notFound = [];
  const opened = await open(env.browser, env.base + path, {
    setup: async (page) => {
      if (prepare) await prepare(page);
      page.on("request", (r) => requests.push(r.url()));
      page.on("response", (r) => r.status() === 404 && notFound.push(r.url()));
      await page.addInitScript((init) => {
        window.pathlight = function () { (window.pathlight.q = window.pathlight.q || []).push(arguments); };
        if (init) window.pathlight("init", init);
      }, init);
    },
  });
  return { ...opened, requests, notFound };
}

/** `pathlight dev` on a free port, serving a copy of the author pack whose "everywhere"
 * lesson says it comes from the dev server. */
async function devServer() {
  const dir = mkdtempSync(join(tmpdir(), "pathlight-author-pm-"));
  cpSync(join(ROOT, "tests/fixtures/author-pack"), dir, { recursive: true });
  const file = join(dir, "everywhere.md");
  writeFileSync(file, readFileSync(file, "utf8").replace('title = "Find your way"', 'title = "Find your way (dev)"'));
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, "127.0.0.1", ok));
  const port = probe.address().port;
  await new Promise((ok) => probe.close(ok));
  const bin = join(resolve(ROOT, process.env.CARGO_TARGET_DIR || "target"), "debug", "pathlight");
  const child = spawn(bin, ["dev", dir, "--port", String(port)], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(url + "/status").catch(() => ({ ok: false }))).ok, { what: "pathlight dev to answer" });
  return {
    url,
    lessons: url + "/lessons.json",
    file,
    stop: () => {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
const titles = (page) => page.locator("pathlight-widget >> .pa-lesson-title").allTextContents();
const widget = (page, selector) => page.locator(`pathlight-widget >> ${selector}`);

/** Waits until the card opens on the page's own "everywhere" lesson, not the dev pack's, and
 * closes it. The page's pack comes back asynchronously after author mode is left, so a card
 * opened before it arrives may show the preview's lesson: close and open again until the
 * page's own shows, within the deadline. */
async function ownLessonOnCard(page, log) {
  const titleOnCard = () => widget(page, ".pl-card #pl-card-title").allTextContents();
  await waitFor(async () => {
    await page.evaluate(() => window.pathlight("open", "everywhere"));
    if ((await titleOnCard()).includes("Find your way")) return true;
    await page.evaluate(() => window.pathlight("close"));
    return false;
  }, {
    what: async () => `the page's own lesson on the card; the card shows ${JSON.stringify(await titleOnCard())}; warnings ${JSON.stringify(log.warnings)}; errors ${JSON.stringify(log.pageErrors)}`,
  });
  await page.evaluate(() => window.pathlight("close"));
  await widget(page, ".pl-card").waitFor({ state: "detached" });
}

test("pathlight('author', { lessons }) previews pathlight dev's pack in one call: an edit reaches the open card, and /status is never asked of the host", async (t) => {
  // Pins a preview that needs destroy + init by hand, keeps the page's own pack, or probes
  // /status on the host's origin (a 404 in the host's console).
  const dev = await devServer();
  const { page, log, requests, notFound, close } = await host(INIT);
  try {
    await launcher(page);
    await page.evaluate((lessons) => window.pathlight("author", { lessons }), dev.lessons);
    await panel(page).waitFor({ state: "visible" });
    await widget(page, ".pa-dev-line").waitFor();
    await waitFor(async () => (await titles(page)).includes("Find your way (dev)"), {
      what: async () => `the dev pack's lessons in the panel, are ${JSON.stringify(await titles(page))}`,
    });

    await page.evaluate(() => window.pathlight("open", "everywhere"));
    const card = widget(page, ".pl-card");
    await card.locator("#pl-card-title", { hasText: "Find your way (dev)" }).waitFor();
    await card.locator(".pl-tab", { hasText: "What" }).click();
    const shown = () => card.locator(".pl-tabpanel").textContent();
    await waitFor(async () => (await shown()).includes("What it is."), { what: "the What layer" });
    const edited = Date.now();
    writeFileSync(dev.file, readFileSync(dev.file, "utf8").replace("What it is.", "What it is, edited live."));
    await waitFor(async () => (await shown()).includes("What it is, edited live."), {
      what: async () => `the edit on the open card, which shows ${JSON.stringify(await shown())}`,
    });
    t.diagnostic(`edit to open card: ${Date.now() - edited} ms`);

    const asked = (path) => requests.filter((r) => new URL(r).pathname === path).map((r) => new URL(r).origin);
    assert.ok(asked("/status").length > 0 && asked("/status").every((o) => o === dev.url), `/status asked of ${asked("/status")}`);
    assert.ok(asked("/events").every((o) => o === dev.url), `/events asked of ${asked("/events")}`);
    assert.deepEqual(requests.filter((r) => r.startsWith(env.base) && /\/(status|events)$/.test(new URL(r).pathname)), [], "nothing asked of the host's origin");
    assert.deepEqual(notFound, [], "no request of the page's answered 404");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
    dev.stop();
  }
});

test("init's author: { lessons } starts on the dev pack, and pathlight('author', false) leaves without a reload, the learner widget still working", async () => {
  // Pins leaving author mode that takes a reload, leaves the panel or the dev pack behind,
  // or breaks the widget.
  const dev = await devServer();
  const { page, log, close } = await host({ ...INIT, author: { lessons: dev.lessons } });
  try {
    await panel(page).waitFor({ state: "visible" });
    await waitFor(async () => (await titles(page)).includes("Find your way (dev)"), { what: "the dev pack from init" });
    await page.evaluate(() => { window.notReloaded = true; });

    await page.evaluate(() => window.pathlight("author", false));
    await panel(page).waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => window.notReloaded), true, "the page was not reloaded");
    assert.equal(await page.locator("pathlight-widget").count(), 1, "one widget");

    // The page's own pack is back: the learner opens its lesson by its own title.
    await ownLessonOnCard(page, log);
    await launcher(page);

    // And back in, on the page's own pack, which is not from pathlight dev.
    await page.evaluate(() => window.pathlight("author", true));
    await panel(page).waitFor({ state: "visible" });
    await widget(page, ".pa-connect").waitFor();
    assert.match(await widget(page, ".pa-connect").textContent(), /pathlight\('author', \{ lessons: 'http:\/\/127\.0\.0\.1:7878\/lessons\.json' \}\)/);
    assert.deepEqual(log.pageErrors, []);
    assert.equal(log.warnings.filter((w) => w.includes("Pathlight")).length, 0, log.warnings.join("\n"));
  } finally {
    await close();
    dev.stop();
  }
});

test("a build of pathlight dev still loading when author mode is left stays out: the page's own pack stays on the card", async () => {
  // Pins the panel's load of a dev build that finished after the panel had gone and put the
  // preview's pack back over the page's own (a CI run caught the card on "(dev)" for good).
  const dev = await devServer();
  const held = [];
  let loads = 0;
  const prepare = async (page) => {
    await page.route((url) => url.href === dev.lessons, (route) => (++loads === 1 ? route.continue() : held.push(route)));
    // The URLs whose bodies the page has read, in order: the widget parses a pack in the
    // same turn as it reads its body.
    await page.addInitScript(() => {
      window.__read = [];
      const text = Response.prototype.text;
      Response.prototype.text = function () {
        const url = this.url;
        return text.call(this).then((body) => { window.__read.push(url); return body; });
      };
    });
  };
  const { page, log, close } = await host({ ...INIT, author: { lessons: dev.lessons } }, undefined, prepare);
  try {
    await panel(page).waitFor({ state: "visible" });
    await waitFor(async () => (await titles(page)).includes("Find your way (dev)"), { what: "the dev pack from init" });
    await waitFor(() => held.length === 1, { what: "the panel's load of the build pathlight dev serves" });

    await page.evaluate(() => window.pathlight("author", false));
    await panel(page).waitFor({ state: "detached" });
    await ownLessonOnCard(page, log);

    await held[0].continue();
    const read = () => page.evaluate((url) => window.__read.filter((u) => u === url).length, dev.lessons);
    await waitFor(async () => (await read()) === 2, { what: async () => `the held dev build's body read by the page (read ${await read()} times)` });
    // The widget has caught up with whatever that body made it do.
    await quiesce(page);
    await page.evaluate(() => window.pathlight("open", "everywhere"));
    await widget(page, ".pl-card #pl-card-title").waitFor();
    assert.deepEqual(await widget(page, ".pl-card #pl-card-title").allTextContents(), ["Find your way"]);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
    dev.stop();
  }
});

test("pathlight('author', true) on a page whose pack is its own says how to connect, asking the host for no /status", async () => {
  // Pins the 404 probe of /status on the host's origin, and a panel silent about live preview.
  const { page, log, requests, notFound, close } = await host(INIT);
  try {
    await launcher(page);
    await page.evaluate(() => window.pathlight("author", true));
    await panel(page).waitFor({ state: "visible" });
    await widget(page, ".pa-connect").waitFor();
    assert.match(await widget(page, ".pa-connect").textContent(), /npx pathlight dev lessons/);
    assert.deepEqual(requests.filter((r) => /\/(status|events)$/.test(new URL(r).pathname)), []);
    assert.deepEqual(notFound, [], "no request of the page's answered 404");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("the panel collapses to a bar and moves to another corner, remembers both across a reload, filters its lessons, and passes axe", async () => {
  // Pins a panel that covers the app: no collapse, no move, a third of the screen or more,
  // and every lesson listed with no way to narrow them.
  const { page, log, close } = await host({ ...INIT, author: true });
  try {
    await panel(page).waitFor({ state: "visible" });
    const viewport = page.viewportSize();
    const area = async () => {
      const box = await panel(page).boundingBox();
      return box.width * box.height;
    };
    await waitFor(async () => (await titles(page)).length === 4, { what: "the four lessons" });
    assert.ok((await area()) <= (viewport.width * viewport.height) / 3, "at most a third of the viewport");
    assert.ok((await panel(page).boundingBox()).width <= viewport.width / 3 + 1, "at most a third of its width");

    // Filter, by keyboard.
    const search = widget(page, ".pa-search");
    await search.focus();
    await page.keyboard.type("INVOICE");
    await waitFor(async () => JSON.stringify(await titles(page)) === JSON.stringify(["Read an invoice"]), {
      what: async () => `one lesson, are ${JSON.stringify(await titles(page))}`,
    });
    assert.equal(await widget(page, ".pa-count").textContent(), "1 of 4 lessons");
    await search.fill("");
    // This page only: here, only the lesson without a trigger holds (the others want
    // /invoices/:id, an export button, an admin).
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await waitFor(async () => JSON.stringify(await titles(page)) === JSON.stringify(["Find your way"]), {
      what: async () => `this page's lessons, are ${JSON.stringify(await titles(page))}`,
    });
    assert.deepEqual(await violations(page), [], "the filtered panel passes axe");

    // Move, by keyboard: bottom left, then bottom right.
    const move = widget(page, ".pa-move");
    assert.equal(await move.getAttribute("aria-label"), "Move the panel to the bottom right corner");
    await move.focus();
    await page.keyboard.press("Enter");
    await waitFor(async () => {
      const box = await panel(page).boundingBox();
      return box.x + box.width > viewport.width - 40 && box.y + box.height > viewport.height - 40;
    }, { what: "the panel in the bottom right corner" });
    await page.keyboard.press("Enter");
    await waitFor(async () => (await panel(page).boundingBox()).y < 40, { what: "the panel in the top right corner" });

    // Collapse to a small bar.
    const collapse = widget(page, ".pa-collapse");
    await collapse.focus();
    await page.keyboard.press("Enter");
    await waitFor(async () => (await collapse.getAttribute("aria-expanded")) === "false", { what: "collapsed" });
    await widget(page, ".pa-body").waitFor({ state: "detached" });
    const bar = await panel(page).boundingBox();
    assert.ok(bar.height < 60 && bar.width < 400, `a small bar, is ${JSON.stringify(bar)}`);
    assert.deepEqual(await violations(page), [], "the collapsed bar passes axe");

    // Both remembered.
    await page.reload();
    await panel(page).waitFor({ state: "visible" });
    await waitFor(async () => (await widget(page, ".pa-collapse").getAttribute("aria-expanded")) === "false", { what: "still collapsed after a reload" });
    const again = await panel(page).boundingBox();
    assert.ok(again.y < 40 && again.x + again.width > viewport.width - 40, `still top right, is ${JSON.stringify(again)}`);
    await widget(page, ".pa-collapse").click();
    await widget(page, ".pa-body").waitFor();
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("one click on Pick an element starts picking, and the picker proposes the anchor, the click, the trigger and the step marker, each copied; so are the page's features", async () => {
  // Pins a tab that does not start picking (its click went through to the app), and a
  // proposal of one field only, to be rewritten by hand.
  const { page, log, close } = await host({ ...INIT, author: true });
  try {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.base });
    await panel(page).waitFor({ state: "visible" });
    await widget(page, ".pa-tab").filter({ hasText: "Pick an element" }).click();
    await widget(page, ".pa-picker .pa-hint").waitFor();
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    const use = (name) => widget(page, `.pa-line[data-use="${name}"]`);

    const send = page.getByRole("button", { name: "Send" });
    await send.hover();
    await widget(page, ".pa-outline").waitFor({ state: "attached" });
    await send.click();
    await waitFor(async () => (await use("anchor").inputValue()) === "anchor = 'invoices.send'", { what: "the anchor line" });
    assert.equal(await use("click").inputValue(), "[complete]\nclick = 'invoices.send'");
    assert.equal(await use("trigger").inputValue(), "element = { feature = 'invoices.send' }");
    assert.equal(await use("step").inputValue(), "{@invoices.send}");
    for (const [name, text] of [["anchor", "anchor = 'invoices.send'"], ["click", "[complete]\nclick = 'invoices.send'"], ["trigger", "element = { feature = 'invoices.send' }"], ["step", "{@invoices.send}"]]) {
      await widget(page, `.pa-copy[data-copy="${name}"]`).click();
      await waitFor(async () => (await clipboard()) === text, { what: async () => `${name} on the clipboard, is ${JSON.stringify(await clipboard())}` });
      await page.evaluate(() => navigator.clipboard.writeText(""));
    }

    // A selector: each use in its selector form.
    await page.locator("team-card >> #invite-teammate").click();
    await waitFor(async () => (await use("step").inputValue()) === "{@css:#invite-teammate}", { what: "the step marker of a selector" });
    assert.equal(await use("click").inputValue(), "[complete]\nclick = { selector = '#invite-teammate' }");
    assert.equal(await use("trigger").inputValue(), "element = { selector = '#invite-teammate' }");
    assert.deepEqual(await violations(page), [], "the proposal passes axe");

    await page.keyboard.press("Escape");
    await widget(page, ".pa-picker .pa-hint").waitFor({ state: "detached" });
    await widget(page, '.pa-button[data-copy="features"]').click();
    await waitFor(async () => (await clipboard()) === "features = ['invoices.send']", {
      what: async () => `this page's features on the clipboard, is ${JSON.stringify(await clipboard())}`,
    });
    assert.equal(await page.evaluate(() => window.hostClicks), undefined, "no click reached the app");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});
