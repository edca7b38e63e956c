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

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
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

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

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
