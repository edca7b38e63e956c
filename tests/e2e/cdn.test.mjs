// The CDN folder `scripts/release.sh` writes, embedded with the very tag it prints: from
// another origin, with Subresource Integrity. Each test names the bug it would catch.
// Needs `bash scripts/release.sh` first (scripts/test.sh runs it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, launcher, open, waitFor } from "./harness.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const artifacts = join(root, "target/release-artifacts");
const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".html": "text/html" };

/** A server on loopback answering `route(path)` with `[body, type]`, or 404. */
async function server(route, headers = {}) {
  const s = createServer((req, res) => {
    const found = route(normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!found) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { "content-type": found[1], "cache-control": "no-store", ...headers });
    res.end(found[0]);
  });
  await new Promise((ok) => s.listen(0, "127.0.0.1", ok));
  return { base: `http://127.0.0.1:${s.address().port}`, close: () => new Promise((ok) => s.close(ok)) };
}

let cdn, altered, site, browser, tag;
const pages = {};

before(async () => {
  assert.ok(existsSync(join(artifacts, "script-tag.html")), "run bash scripts/release.sh first");
  tag = readFileSync(join(artifacts, "script-tag.html"), "utf8").trim();
  // The CDN: the folder as uploaded, readable from any origin.
  cdn = await server((path) => {
    const file = join(artifacts, "cdn", path);
    return existsSync(file) && file.startsWith(join(artifacts, "cdn")) ? [readFileSync(file), TYPES[extname(file)]] : null;
  }, { "access-control-allow-origin": "*" });
  // The vendor's site, on another origin: a page with the tag, and its pack.
  site = await server((path) => {
    if (path === "/lessons.json") return [readFileSync(join(root, "tests/e2e/artifacts/lessons.json")), TYPES[".json"]];
    return pages[path] ? [pages[path], TYPES[".html"]] : null;
  });
  const page = (script) => `<!doctype html><html><head><title>Vendor</title><link rel="icon" href="data:,"></head><body><button data-pathlight="reports.export">Export</button>${script}</body></html>`;
  pages["/good"] = page(tag.replace("https://YOUR-CDN", cdn.base));
  // The same tag with one byte of the hash changed, as if the file on the CDN were not ours.
  const wrong = tag.replace(/integrity="sha384-(.)/, (m, c) => `integrity="sha384-${c === "A" ? "B" : "A"}`);
  pages["/tampered"] = page(wrong.replace("https://YOUR-CDN", cdn.base));
  // A staff page: author mode asked for in the queue, before the same tag.
  const queue = '<script>window.pathlight = function () { (window.pathlight.q = window.pathlight.q || []).push(arguments); }; pathlight("init", { author: true });</script>';
  pages["/author"] = page(queue + tag.replace("https://YOUR-CDN", cdn.base));
  // A CDN that altered one file of the folder, as a compromised or broken edge would:
  // /<file>/pathlight/<version>/... serves the folder with <file>'s last byte flipped.
  altered = await server((path) => {
    const [, name, rest] = /^\/([\w.]+)(\/.*)$/.exec(path) || [];
    const file = rest && join(artifacts, "cdn", rest);
    if (!file || !existsSync(file) || !file.startsWith(join(artifacts, "cdn"))) return null;
    const body = Buffer.from(readFileSync(file));
    if (file.endsWith(`/${name}`)) body[body.length - 1] ^= 0xff;
    return [body, TYPES[extname(file)]];
  }, { "access-control-allow-origin": "*" });
  for (const name of ["pathlight_bg.wasm", "pathlight_surfaces.wasm", "pathlight_author.js"]) {
    const at = tag.replace("https://YOUR-CDN", `${altered.base}/${name}`);
    pages[`/altered/${name}`] = page(name === "pathlight_author.js" ? queue + at : at);
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await cdn?.close();
  await altered?.close();
  await site?.close();
});

test("the printed script tag loads the widget from the CDN folder, integrity checked, from another origin", async () => {
  // Bug pinned: an integrity hash that is not the file's (the browser refuses the script),
  // or a CDN folder missing the wasm next to pathlight.js.
  assert.match(tag, /^<script async src="https:\/\/YOUR-CDN\/pathlight\/[\d.]+\/pathlight\.js" integrity="sha384-[A-Za-z0-9+/]{64}" crossorigin="anonymous" data-lessons="\/lessons.json"><\/script>$/);
  const { page, log, close } = await open(browser, `${site.base}/good`);
  try {
    await launcher(page);
    assert.deepEqual([log.warnings, log.errors, log.pageErrors], [[], [], []]);
  } finally {
    await close();
  }
});

test("a pathlight.js that does not match the hash never runs, and the page keeps working", async () => {
  // Bug pinned: a tag without integrity (or one the browser ignores): a changed file on the
  // CDN would run in every vendor's page.
  const { page, log, close } = await open(browser, `${site.base}/tampered`);
  try {
    await waitFor(() => log.errors.some((e) => /integrity/i.test(e)), { what: () => `the browser refusing the script: ${JSON.stringify(log)}` });
    assert.equal(await page.evaluate(() => typeof window.pathlight), "undefined");
    assert.equal(await page.locator("pathlight-widget").count(), 0);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("author mode loads the author build from the CDN folder, beside pathlight.js", async () => {
  // Bug pinned: a CDN folder without pathlight_author.js and its wasm, so init({ author: true })
  // 404s for every vendor on the CDN, though the docs say it works.
  const { page, log, close } = await open(browser, `${site.base}/author`);
  try {
    await page.locator("pathlight-widget >> .pa-panel").waitFor({ state: "visible" });
    const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
    assert.ok(loaded.some((u) => /^\/pathlight\/[\d.]+\/pathlight_author_bg\.wasm$/.test(u)), `the author wasm came from the CDN: ${loaded}`);
    // The panel asks the pack's server for pathlight dev's /status; the site answers 404.
    const errors = log.errors.filter((e) => !/status of 404/.test(e));
    assert.deepEqual([log.warnings, errors, log.pageErrors], [[], [], []]);
  } finally {
    await close();
  }
});

test("a wasm file on the CDN that does not match the hash in pathlight.js never runs, and one warning names it", async () => {
  // Bug pinned: the tag's hash covered pathlight.js only, so an altered wasm on the CDN ran in
  // every vendor's page.
  const { page, log, close } = await open(browser, `${site.base}/altered/pathlight_bg.wasm`);
  try {
    await waitFor(() => log.warnings.length > 0, { what: "the warning" });
    assert.equal(log.warnings.length, 1, log.warnings.join("\n"));
    assert.match(log.warnings[0], /^Pathlight: pathlight_bg\.wasm at \S+ does not match the hash built into pathlight\.js, so it was never run/);
    assert.equal(await page.locator("pathlight-widget").count(), 0);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("an altered surfaces' chunk on the CDN never runs: the launcher works, the panel does not open, one warning names the file", async () => {
  const { page, log, close } = await open(browser, `${site.base}/altered/pathlight_surfaces.wasm`);
  try {
    const learn = await launcher(page);
    await learn.click();
    await waitFor(() => log.warnings.some((w) => /pathlight_surfaces\.wasm at \S+ does not match the hash built into pathlight\.js/.test(w)), { what: () => `the warning: ${JSON.stringify(log.warnings)}` });
    await waitFor(async () => (await learn.getAttribute("aria-expanded")) === "false", { what: "the launcher closed again" });
    assert.equal(await page.locator("pathlight-widget >> .pl-panel").count(), 0);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});

test("an altered author script on the CDN never runs: author mode is off with one warning", async () => {
  const { page, log, close } = await open(browser, `${site.base}/altered/pathlight_author.js`);
  try {
    await waitFor(() => log.warnings.length > 0, { what: "the warning" });
    assert.equal(log.warnings.length, 1, log.warnings.join("\n"));
    assert.match(log.warnings[0], /author mode could not load \S+pathlight_author\.js/);
    assert.equal(await page.locator("pathlight-widget >> .pa-panel").count(), 0);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await close();
  }
});
