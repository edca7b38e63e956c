// A real client: tests/e2e/hosts/next-app, a Next.js App Router app in TypeScript that
// installs the npm package from its tarball and starts Pathlight with `pathlight/react`
// (scripts/test.sh builds it with `npm run build`: `next build`, Next's default bundler,
// Turbopack). Served here by `next start`, as in production, and driven in Chromium. Each
// test names the bug it would catch.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, launcher, open, quiesce, waitFor } from "./harness.mjs";

const app = fileURLToPath(new URL("./hosts/next-app/", import.meta.url));

let server; // the `next start` process
let output = ""; // what it printed, stdout and stderr
let base;
let browser;

const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

before(async () => {
  assert.ok(existsSync(join(app, ".next", "BUILD_ID")), `${app}.next is missing: build the app as scripts/test.sh does (npm run build in tests/e2e/hosts/next-app)`);
  const port = await freePort();
  server = spawn(process.execPath, [join(app, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: app,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  server.stdout.on("data", (d) => (output += d));
  server.stderr.on("data", (d) => (output += d));
  base = `http://127.0.0.1:${port}`;
  await waitFor(() => fetch(base).then((r) => r.ok, () => false), { what: `next start to answer on ${base}: ${output}`, timeout: 30000 });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((ok) => server.once("exit", ok));
    server.kill();
    await exited;
  }
});

const beacon = (page, lesson) => page.locator(`pathlight-widget >> .pl-beacon[data-lesson="${lesson}"]`);
const completed = (page) => page.evaluate(() => window.completedLessons ?? []);

/** A page of the app that counts its requests for the lesson pack. */
async function openApp(path) {
  const packs = [];
  const opened = await open(browser, `${base}${path}`, {
    setup: (page) => page.on("request", (r) => new URL(r.url()).pathname === "/lessons.json" && packs.push(r.url())),
  });
  return { ...opened, packs };
}

test("the widget loads from the files Turbopack emitted, the wasm served as application/wasm, nothing in <head>", async () => {
  // Bug pinned: an entry whose `new URL(..., import.meta.url)` Turbopack cannot follow (the
  // wasm missing from .next/static), or a widget started twice by the client component.
  const { page, log, packs, close } = await openApp("/");
  try {
    await launcher(page);
    const urls = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
    const wasm = urls.find((u) => /^\/_next\/static\/media\/pathlight_bg\.[\w-]+\.wasm$/.test(u));
    assert.ok(urls.some((u) => /^\/_next\/static\/media\/pathlight\.[\w-]+\.js$/.test(u)), `the loader came from Next's static files: ${urls}`);
    assert.ok(wasm, `the wasm came from Next's static files: ${urls}`);
    assert.equal((await fetch(base + wasm)).headers.get("content-type"), "application/wasm");
    assert.deepEqual(urls.filter((u) => u.includes("pathlight_author")), [], "learners do not download the author build");
    assert.equal(await page.evaluate(() => document.head.querySelectorAll("script[src*=pathlight]").length), 0, "a script in <head>");
    assert.equal(await page.locator("pathlight-widget").count(), 1, "one widget");
    assert.equal(packs.length, 1, `one download of the pack: ${packs}`);
    assert.deepEqual([log.warnings, log.errors, log.pageErrors], [[], [], []]);
  } finally {
    await close();
  }
});

test("<Link> navigation shows each route's beacon and drops the last one's, without a reload", async () => {
  // Bug pinned: a widget that only reads the URL at load, so Next's client-side navigation
  // leaves the last route's beacon up and never shows the new route's.
  const { page, log, packs, close } = await openApp("/");
  try {
    await launcher(page);
    await page.evaluate(() => { window.sameDocument = true; });
    await quiesce(page);
    assert.equal(await beacon(page, "create-invoice").count(), 0, "no invoices beacon on Home");
    await page.getByRole("link", { name: "Invoices" }).click();
    await beacon(page, "create-invoice").waitFor({ state: "visible" });
    await page.getByRole("link", { name: "Reports" }).click();
    await beacon(page, "export-report").waitFor({ state: "visible" });
    await beacon(page, "create-invoice").waitFor({ state: "detached" });
    await page.goBack();
    await beacon(page, "create-invoice").waitFor({ state: "visible" });
    assert.equal(await page.evaluate(() => window.sameDocument), true, "the app reloaded: this test needs client-side navigation");
    assert.equal(packs.length, 1, "navigation fetched the pack again: the layout's widget was started again");
    assert.equal(await page.locator("pathlight-widget").count(), 1, "one widget");
    assert.deepEqual([log.warnings, log.pageErrors], [[], []]);
  } finally {
    await close();
  }
});

test("a lesson completed from app code (pathlight('track') in a client component) reaches usePathlightEvent", async () => {
  // Bug pinned: a hook whose subscription is lost, or doubled, on the way to the event.
  const { page, log, close } = await openApp("/reports");
  try {
    await launcher(page);
    // export-report waits for create-invoice, its prerequisite.
    await page.getByRole("link", { name: "Invoices" }).click();
    await page.getByRole("button", { name: "New invoice" }).click();
    await page.getByRole("link", { name: "Reports" }).click();
    await beacon(page, "export-report").waitFor({ state: "visible" });
    await page.getByRole("button", { name: "Export", exact: true }).click();
    await waitFor(async () => (await completed(page)).length === 2, { what: "both lessons to complete" });
    assert.deepEqual(await completed(page), ["ada:create-invoice:click", "ada:export-report:event"]);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("switching account identifies the new learner: each sees their own progress, with no second download", async () => {
  // Bug pinned: a user prop the hook reads only at mount (the next learner sees the last
  // one's progress), or one compared by identity (identify on every render), or a switch
  // that destroys and starts the widget again.
  const { page, log, packs, close } = await openApp("/invoices");
  try {
    await launcher(page);
    await beacon(page, "create-invoice").waitFor({ state: "visible" });
    await page.getByRole("button", { name: "New invoice" }).click();
    await beacon(page, "create-invoice").waitFor({ state: "detached" });
    assert.ok(await page.evaluate(() => localStorage.getItem("pathlight:ledgerly:user:u-42")), "ada's progress is stored under her id");

    await page.getByRole("button", { name: "Sign in as bo" }).click();
    await beacon(page, "create-invoice").waitFor({ state: "visible" });
    await page.getByRole("button", { name: "Sign in as ada" }).click();
    await beacon(page, "create-invoice").waitFor({ state: "detached" });
    assert.ok(await page.evaluate(() => localStorage.getItem("pathlight:ledgerly:user:u-7")), "bo's progress is stored under his id");
    assert.equal(packs.length, 1, "a switch of account fetched the pack again");
    assert.equal(await page.locator("pathlight-widget").count(), 1, "one widget");
    assert.deepEqual([log.warnings, log.pageErrors], [[], []]);
  } finally {
    await close();
  }
});

test("signing out unmounts the provider, which destroys the widget; signing in starts it again", async () => {
  // Bug pinned: a hook without a cleanup (the widget outlives the session it was started
  // for), or one whose deferred destroy never runs.
  const { page, log, close } = await openApp("/invoices");
  try {
    await launcher(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await waitFor(() => page.evaluate(() => !document.querySelector("pathlight-widget")), { what: "the widget to go" });
    await page.getByRole("button", { name: "Sign in as bo" }).click();
    await launcher(page);
    await beacon(page, "create-invoice").waitFor({ state: "visible" });
    assert.equal(await page.locator("pathlight-widget").count(), 1, "one widget");
    assert.deepEqual([log.warnings, log.pageErrors], [[], []]);
  } finally {
    await close();
  }
});

test("server rendering runs nothing of Pathlight: the HTML has no widget, and a Server Component's call throws nothing", async () => {
  // Bug pinned: `window is not defined` from the package during `next build`'s prerendering
  // or `next start`'s rendering (the home page is rendered on each request).
  const res = await fetch(`${base}/`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<h1>Home<\/h1>/);
  assert.match(html, /Signed in as ada/, "the client component was rendered on the server too");
  assert.doesNotMatch(html, /pathlight-widget|pathlight_bg/, "nothing of the widget in the server's HTML");
});

test("the package's types, as the app's tsc checks them, reject wrong calls to the hooks", () => {
  // Bug pinned: `pathlight/react` typed loosely (any), or not found by the app's TypeScript.
  const file = join(app, "app", "wrong-calls.test-only.ts");
  writeFileSync(file, [
    'import { usePathlight, usePathlightEvent, pathlight } from "pathlight/react";',
    'export function Fine() { usePathlight({ lessons: "/l.json", user: { id: "u1" } }); usePathlightEvent("completed", (d) => d.how); pathlight("track", "x"); }',
    'export function A() { usePathlight({ user: { id: "u1" } }); }',
    'export function B() { usePathlight({ lessons: "/l.json", theme: "blue" }); }',
    'export function C() { usePathlightEvent("complete", () => {}); }',
    'export function D() { usePathlightEvent("completed", (d) => d.layer); }',
    "",
  ].join("\n"));
  try {
    const tsc = spawnSync(process.execPath, [join(app, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", app], { encoding: "utf8" });
    const lines = [...tsc.stdout.matchAll(/wrong-calls\.test-only\.ts\((\d+),/g)].map((m) => Number(m[1]));
    assert.deepEqual([...new Set(lines)], [3, 4, 5, 6], tsc.stdout);
    assert.ok(!/app\/(?!wrong-calls)[\w/-]+\.tsx?\(/.test(tsc.stdout), `the app's own code type-checks: ${tsc.stdout}`);
  } finally {
    rmSync(file, { force: true });
  }
});

test("next start logged no error while the tests rendered and served the app", () => {
  // Bug pinned: a server-side exception Next swallows into its log (the page still answers).
  assert.doesNotMatch(output, /error|warn|⨯|⚠/i, output);
});
