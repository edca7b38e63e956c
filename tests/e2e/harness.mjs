// Shared by the end-to-end tests: a static server on loopback for the release build and
// plain HTML host pages, and headless Chromium driven by playwright-core.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../..", import.meta.url));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".css": "text/css",
};

/** Serves `/dist/*` (the release build), `/lessons.json` (the fixture pack),
 * `/status/<code>/*` (that status) and `/app/<host>/...` (tests/e2e/hosts/<host>.html,
 * whatever the rest of the path, as a single-page app's server would). */
export async function serve() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    const path = decodeURIComponent(url.pathname);
    let file;
    let status = path.match(/^\/status\/(\d{3})\//);
    if (status) {
      res.writeHead(Number(status[1]), { "content-type": "text/plain" });
      return res.end("status " + status[1]);
    }
    if (path.startsWith("/dist/")) file = join(root, "dist", normalize(path.slice(6)));
    else if (path === "/lessons.json") file = join(root, "tests/e2e/artifacts/lessons.json");
    else if (path.startsWith("/fixtures/")) file = join(root, "tests/e2e/artifacts", normalize(path.slice(10)));
    else {
      const host = path.match(/^\/app\/([\w-]+)/);
      if (host) file = join(root, "tests/e2e/hosts", host[1] + ".html");
    }
    try {
      if (!file) throw new Error("no route");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, close: () => new Promise((ok) => server.close(ok)) };
}

/** Headless Chromium; `args` adds switches, such as `--host-resolver-rules` to give a page
 * another origin than loopback's. */
export async function launch({ args = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", ...args],
  });
}

/** A page that records console messages and uncaught errors. */
export async function open(browser, url, { setup, waitUntil = "load" } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const log = { warnings: [], errors: [], pageErrors: [] };
  page.on("console", (m) => {
    if (m.type() === "warning") log.warnings.push(m.text());
    if (m.type() === "error") log.errors.push(m.text());
  });
  page.on("pageerror", (e) => log.pageErrors.push(String(e)));
  if (setup) await setup(page);
  await page.goto(url, { waitUntil });
  return { page, log, close: () => context.close() };
}

/** Waits until the widget has mounted its launcher. */
export async function launcher(page) {
  const button = page.getByRole("button", { name: "Learn", exact: true });
  await button.waitFor({ state: "visible", timeout: 15000 });
  return button;
}

// Waiting. No test sleeps for a fixed time: a busy CI machine can be ten times slower than a
// laptop, so a test waits for the condition it needs, with a deadline that only a real failure
// reaches (passing stays fast).

/** How long any wait may take before the test fails. Generous: CI machines are slow. */
export const DEADLINE = 15000;

/** Polls `check` (sync or async) until it returns a truthy value, and returns that value.
 * A check may also throw (a failed assertion, an element not there yet): it is tried again.
 * After `timeout` ms the test fails with a message naming `what` it waited for (a string, or
 * a function, sync or async, called then to describe the state at that moment) and the last
 * error the check threw. */
export async function waitFor(check, { timeout = DEADLINE, interval = 50, what } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    let last;
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() >= deadline) {
      const name = typeof what === "function"
        ? await Promise.resolve().then(what).catch((e) => `(what it waited for could not be described: ${e.message})`)
        : what || check.toString();
      const error = new Error(`waited ${timeout} ms for ${name}${last ? `; last: ${last.message}` : ""}`);
      if (last) error.cause = last;
      throw error;
    }
    await new Promise((ok) => setTimeout(ok, interval));
  }
}

/** The widget's `data-settled` count on the host page, or -1 without a widget (or before the
 * widget sets it). */
export const settledCount = (page) =>
  page.evaluate(() => {
    const n = document.querySelector("pathlight-widget")?.getAttribute("data-settled");
    return n == null || n === "" ? -1 : Number(n);
  });

/** Runs `action` and waits until the widget has finished handling it. The contract: the
 * `<pathlight-widget>` element carries `data-settled="N"`, bumped each time the widget has
 * finished handling a host command (a `pathlight(...)` call), a navigation, a burst of page
 * mutations or the progress backend's answer to a load, after its reactive updates have
 * flushed and the code of any surface it opened has arrived. So once the count passes the one
 * read before `action`, whatever `action` would make the widget do is on screen, and a test
 * may assert that something did NOT happen without waiting for a time. Returns what `action`
 * returned. */
export async function settle(page, action, { timeout = DEADLINE } = {}) {
  const before = await settledCount(page);
  const result = await action();
  try {
    await page.waitForFunction(
      (n) => Number(document.querySelector("pathlight-widget")?.getAttribute("data-settled") ?? -1) > n,
      before,
      { timeout, polling: 20 },
    );
  } catch (e) {
    const now = await settledCount(page).catch(() => "unknown");
    throw new Error(`the widget did not settle within ${timeout} ms after ${action.toString().slice(0, 120)} (data-settled was ${before}, is ${now})`, { cause: e });
  }
  return result;
}

/** Makes the widget look at the page again (one empty element added to and removed from
 * body, a burst of mutations that changes nothing) and waits until it has handled that: every
 * reaction to what happened before is then on screen. For asserting that nothing happened
 * (no beacon, no card, no event) after something the contract does not cover, such as a
 * scroll or a click. */
export const quiesce = (page) =>
  settle(page, () => page.evaluate(() => document.body.appendChild(document.createElement("div")).remove()));

/** The panel's entry for the lesson titled `title` (its reason may name other lessons). */
export function lessonItem(page, title) {
  return page.locator("pathlight-widget >> .pl-item").filter({ has: page.locator(".pl-item-title", { hasText: new RegExp(`^${title}$`) }) });
}

/** One server and one browser for a test file, started before its tests and closed after;
 * `prepare` runs first (e.g. to write a pack the tests serve). */
export function suite({ prepare } = {}) {
  const env = { server: null, browser: null, get base() { return env.server.base; } };
  before(async () => {
    await prepare?.();
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Holds the widget's script until `release()`, so a test can read the host as it was. */
export function holdWidget() {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  return {
    release,
    // The held script would hold the load event too: wait for the DOM only.
    options: {
      setup: (p) => p.route("**/dist/pathlight.js", async (route) => { await gate; await route.continue(); }),
      waitUntil: "domcontentloaded",
    },
  };
}
