// A real client: tests/e2e/hosts/react-app, a Vite + React + react-router app that installs
// the npm package from its tarball, starts Pathlight with `pathlight/react` under
// <StrictMode> and builds its lessons with `npx pathlight` (scripts/test.sh builds it with
// `npm run build`). Its production build, and its development build (where Strict Mode
// mounts every component twice), are served here as a single-page app's server would, and
// driven in Chromium. Each test names the bug it would catch.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, launcher, open, quiesce, waitFor } from "./harness.mjs";

const app = fileURLToPath(new URL("./hosts/react-app/", import.meta.url));
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };

const servers = [];
let base; // the production build
let devBase; // the development build
let browser;

/** Serves the build in `dist`: files as they are; any other path is a route of the app,
 * its index.html. */
async function serveBuild(dist) {
  assert.ok(existsSync(join(dist, "index.html")), `${dist} is missing: build the app as scripts/test.sh does (npm run build in tests/e2e/hosts/react-app)`);
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(dist, path);
    const body = await readFile(file).catch(() => null);
    if (body) {
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" });
      return res.end(body);
    }
    res.writeHead(200, { "content-type": "text/html" });
    res.end(await readFile(join(dist, "index.html")));
  });
  servers.push(server);
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return `http://127.0.0.1:${server.address().port}`;
}

before(async () => {
  base = await serveBuild(join(app, "dist"));
  devBase = await serveBuild(join(app, "dist-dev"));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => new Promise((ok) => server.close(ok))));
});

const beacon = (page, lesson) => page.locator(`pathlight-widget >> .pl-beacon[data-lesson="${lesson}"]`);
const completed = (page) => page.evaluate(() => window.completedLessons ?? []);

/** The beacon's centre is on its anchor's top-right corner, within 2 px. */
const onCorner = (page, lesson, anchor, what) =>
  waitFor(() =>
    page.evaluate(([lesson, anchor]) => {
      const b = document.querySelector("pathlight-widget").shadowRoot.querySelector(`.pl-beacon[data-lesson="${lesson}"]`)?.getBoundingClientRect();
      const a = document.querySelector(`[data-pathlight="${anchor}"]`)?.getBoundingClientRect();
      return b && a && Math.abs(b.left + b.width / 2 - a.right) <= 2 && Math.abs(b.top + b.height / 2 - a.top) <= 2;
    }, [lesson, anchor]),
  { what });

test("the widget loads from the bundle Vite built: its files were emitted, and nothing went into <head>", async () => {
  // Bug pinned: an entry whose URLs the bundler cannot follow (the wasm missing from the
  // build), or that writes its script tag into the host's <head>.
  const { page, log, close } = await open(browser, `${base}/`);
  try {
    await launcher(page);
    const urls = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
    assert.ok(urls.some((u) => /^\/assets\/pathlight-[\w-]+\.js$/.test(u)), `the loader came from Vite's assets: ${urls}`);
    assert.ok(urls.some((u) => /^\/assets\/pathlight_bg-[\w-]+\.wasm$/.test(u)), `the wasm came from Vite's assets: ${urls}`);
    assert.deepEqual(urls.filter((u) => u.includes("pathlight_author")), [], "learners do not download the author build");
    assert.equal(await page.evaluate(() => document.head.querySelectorAll("script[src*=pathlight]").length), 0, "a script in <head>");
    assert.equal(await page.evaluate(() => document.querySelectorAll("script[src*=pathlight]").length), 0, "the loader's tag is removed once it ran");
    assert.deepEqual([log.warnings, log.errors, log.pageErrors], [[], [], []]);
  } finally {
    await close();
  }
});

test("client-side route changes show each screen's beacon and drop the last one's, without a reload", async () => {
  // Bug pinned: a widget that only reads the URL at load, so react-router's pushState
  // leaves the last screen's beacon up and never shows the new screen's.
  const { page, log, close } = await open(browser, `${base}/`);
  try {
    await launcher(page);
    await page.evaluate(() => { window.sameDocument = true; });
    await quiesce(page);
    assert.equal(await beacon(page, "create-invoice").count(), 0, "no invoices beacon on Home");
    await page.getByRole("link", { name: "Invoices" }).click();
    await beacon(page, "create-invoice").waitFor({ state: "visible" });
    await onCorner(page, "create-invoice", "invoices.new", "the beacon beside New invoice");
    await page.getByRole("link", { name: "Reports" }).click();
    await beacon(page, "export-report").waitFor({ state: "visible" });
    await beacon(page, "create-invoice").waitFor({ state: "detached" });
    await page.goBack();
    await beacon(page, "create-invoice").waitFor({ state: "visible" });
    assert.equal(await page.evaluate(() => window.sameDocument), true, "the app reloaded: this test needs client-side routing");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("a beacon follows its feature when React replaces the element, and the new element completes the lesson", async () => {
  // Bug pinned: a beacon tethered to the element it first found, left on a detached node
  // (at 0,0 or gone) once React re-creates the button.
  const { page, log, close } = await open(browser, `${base}/reports`);
  try {
    await launcher(page);
    await beacon(page, "export-report").waitFor({ state: "visible" });
    await onCorner(page, "export-report", "reports.export", "the beacon beside Export");
    const old = await page.locator('[data-pathlight="reports.export"]').elementHandle();
    // A keyed toolbar: choosing a period makes React create a new button, in a new place.
    await page.getByLabel("Period").selectOption("quarter");
    await page.getByRole("button", { name: "Export quarter" }).waitFor();
    assert.equal(await old.evaluate((el) => el.isConnected), false, "React kept the element: this test needs a replaced one");
    await onCorner(page, "export-report", "reports.export", "the beacon beside the new Export button");
    assert.deepEqual(await completed(page), [], "nothing completed by looking");
    await page.getByRole("button", { name: "Export quarter" }).click();
    await waitFor(async () => (await completed(page)).length === 1, { what: "export-report to complete" });
    assert.deepEqual(await completed(page), ["export-report:event"]);
    await beacon(page, "export-report").waitFor({ state: "detached" });
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("a lesson completed by clicking its feature stays completed after a reload", async () => {
  // Bug pinned: progress kept in memory only, or under a key the next page load does not read.
  const { page, log, close } = await open(browser, `${base}/invoices`);
  try {
    await launcher(page);
    await beacon(page, "create-invoice").waitFor({ state: "visible" });
    await page.getByRole("button", { name: "New invoice" }).click();
    await waitFor(async () => (await completed(page)).length === 1, { what: "create-invoice to complete" });
    assert.deepEqual(await completed(page), ["create-invoice:click"]);
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("pathlight:ledgerly:user:u-42")));
    assert.equal(saved.data.lessons["create-invoice"].completed.via, "click");

    await page.reload();
    await launcher(page);
    await quiesce(page);
    assert.equal(await beacon(page, "create-invoice").count(), 0, "the completed lesson's beacon came back after a reload");
    // Doing it again completes nothing: the lesson is still done.
    await page.getByRole("button", { name: "New invoice" }).click();
    await quiesce(page);
    assert.deepEqual(await completed(page), [], "completed again after a reload");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("the package's types reject a wrong call, to pathlight or to the React hooks, as the app's tsc --noEmit runs them", () => {
  // Bug pinned: `pathlight` or `pathlight/react` typed so loosely (any, or ...unknown[])
  // that the app's `tsc --noEmit` would pass any call.
  const file = join(app, "src", "wrong-calls.test-only.ts");
  writeFileSync(file, [
    'import { pathlight } from "pathlight";',
    'pathlight("init", { lesons: "/lessons.json" });',
    'pathlight("open");',
    'pathlight("on", "completed", (d) => d.step);',
    'pathlight("opne", "x");',
    'import { usePathlight, usePathlightEvent, PathlightProvider } from "pathlight/react";',
    'export function Fine() { usePathlight({ lessons: "/l.json", user: { id: "u1", traits: { role: "admin" } } }); usePathlightEvent("layer_viewed", (d) => d.layer); return PathlightProvider({ options: { lessons: "/l.json" } }); }',
    'export function A() { usePathlight({ user: { id: "u1" } }); }',
    'export function B() { usePathlight({ lessons: "/l.json", lesons: "/l.json" }); }',
    'export function C() { usePathlightEvent("complete", () => {}); }',
    'export function D() { usePathlightEvent("completed", (d) => d.layer); }',
    'export function E() { usePathlightEvent("opened"); }',
    'export function F() { return PathlightProvider({ options: { lessons: "/l.json", user: { id: 42 } } }); }',
    "",
  ].join("\n"));
  try {
    const tsc = spawnSync(process.execPath, [join(app, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", app], { encoding: "utf8" });
    const lines = [...tsc.stdout.matchAll(/wrong-calls\.test-only\.ts\((\d+),/g)].map((m) => Number(m[1]));
    assert.deepEqual([...new Set(lines)], [2, 3, 4, 5, 8, 9, 10, 11, 12, 13], tsc.stdout);
    assert.ok(!/src\/(main|App)\.tsx/.test(tsc.stdout), `the app's own calls type-check: ${tsc.stdout}`);
  } finally {
    rmSync(file, { force: true });
  }
});

test("pathlight('author', true) in the Vite app loads the author build Vite emitted, and its panel opens", async () => {
  // Bug pinned: a package without the author build, or a loader that guesses its URL from
  // the bundler's renamed pathlight.js: author mode 404s for every vendor using npm.
  const { page, log, close } = await open(browser, `${base}/`);
  try {
    await launcher(page);
    await page.evaluate(() => window.pathlight("author", true));
    await page.locator("pathlight-widget >> .pa-panel").waitFor({ state: "visible" });
    const urls = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
    assert.ok(urls.some((u) => /^\/assets\/pathlight_author-[\w-]+\.js$/.test(u)), `the author script came from Vite's assets: ${urls}`);
    assert.ok(urls.some((u) => /^\/assets\/pathlight_author_bg-[\w-]+\.wasm$/.test(u)), `the author wasm came from Vite's assets: ${urls}`);
    assert.equal(await page.locator("pathlight-widget").count(), 1, "one widget");
    assert.deepEqual([log.warnings, log.pageErrors], [[], []]);
  } finally {
    await close();
  }
});

test("Strict Mode in React's development build: mounted twice, one widget, one download of the pack, no warning", async () => {
  // Bug pinned: a hook that inits in an effect without a cleanup ("init was called more than
  // once" in every vendor's dev console), or that destroys and inits again in it (a second
  // download of the pack, the widget built twice), or that leaves two event listeners.
  const packs = [];
  const { page, log, close } = await open(browser, `${devBase}/invoices`, {
    setup: async (page) => {
      page.on("request", (r) => new URL(r.url()).pathname === "/lessons.json" && packs.push(r.url()));
      // Counts the listeners usePathlightEvent adds and removes: Strict Mode's mount,
      // unmount and mount again shows as two adds and one remove.
      await page.addInitScript(() => {
        const counts = (window.listenerCounts = { added: 0, removed: 0 });
        const add = window.addEventListener;
        const remove = window.removeEventListener;
        window.addEventListener = function (type, ...rest) {
          if (type === "pathlight:completed") counts.added++;
          return add.call(this, type, ...rest);
        };
        window.removeEventListener = function (type, ...rest) {
          if (type === "pathlight:completed") counts.removed++;
          return remove.call(this, type, ...rest);
        };
      });
    },
  });
  try {
    await launcher(page);
    await beacon(page, "create-invoice").waitFor({ state: "visible" });
    assert.deepEqual(await page.evaluate(() => window.listenerCounts), { added: 2, removed: 1 }, "this test needs React's development build, under <StrictMode>");
    await page.getByRole("button", { name: "New invoice" }).click();
    await waitFor(async () => (await completed(page)).length === 1, { what: "create-invoice to complete" });
    await quiesce(page);
    assert.deepEqual(await completed(page), ["create-invoice:click"], "one completion, heard once");
    assert.equal(await page.locator("pathlight-widget").count(), 1, "one widget");
    assert.equal(packs.length, 1, `one download of the pack: ${packs}`);
    assert.deepEqual([log.warnings, log.errors, log.pageErrors], [[], [], []]);
  } finally {
    await close();
  }
});

test("server rendering with react-dom/server: the hooks run nothing and touch no global", () => {
  // Bug pinned: `window is not defined` from pathlight/react in an SSR framework's render.
  const code = `
    import { createElement } from "react";
    import { renderToString } from "react-dom/server";
    import { PathlightProvider, usePathlight, usePathlightEvent } from "pathlight/react";
    const before = Object.getOwnPropertyNames(globalThis);
    function Page() {
      usePathlight({ lessons: "/lessons.json", user: { id: "u-42" } });
      usePathlightEvent("completed", () => { throw new Error("called on the server"); });
      return createElement("p", null, "page");
    }
    const html = renderToString(createElement(PathlightProvider, { options: { lessons: "/lessons.json" } }, createElement(Page)));
    const added = Object.getOwnPropertyNames(globalThis).filter((n) => !before.includes(n));
    console.log(JSON.stringify({ html, added }));
  `;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: app, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, "", "nothing printed to stderr");
  assert.deepEqual(JSON.parse(r.stdout), { html: "<p>page</p>", added: [] });
});
