// The package's ESM entry bundled by webpack 5 with no configuration at all
// (tests/e2e/hosts/webpack-app; scripts/test.sh runs its `npm run build`): webpack must emit
// pathlight.js and the wasm by itself (and the author build's two files, fetched only in
// author mode), and the widget must start from them.
// Bug pinned: an entry that only Vite understands, so webpack users get no wasm.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, launcher, open } from "./harness.mjs";

const app = fileURLToPath(new URL("./hosts/webpack-app/", import.meta.url));
const dist = join(app, "dist");
const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
const PAGE = '<!doctype html><html><head><title>webpack host</title><link rel="icon" href="data:,"></head><body><h1>webpack host</h1><script src="/main.js"></script></body></html>';

let server, base, browser;

before(async () => {
  assert.ok(existsSync(join(dist, "main.js")), `${dist} is missing: build the app as scripts/test.sh does (npm run build in tests/e2e/hosts/webpack-app)`);
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    let body = null;
    let file = join(dist, path);
    if (path === "/") [body, file] = [PAGE, "index.html"];
    else if (path === "/lessons.json") body = readFileSync(join(fileURLToPath(new URL("./artifacts/", import.meta.url)), "lessons.json"));
    else if (file.startsWith(dist) && existsSync(file)) body = readFileSync(file);
    if (body === null) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "text/html", "cache-control": "no-store" });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

/** The file webpack emitted for the package's wasm `name`, found by its bytes (webpack names
 * assets by their hash alone). */
function emitted(name) {
  const bytes = readFileSync(join(app, "node_modules/pathlight", name));
  const found = readdirSync(dist).filter((f) => readFileSync(join(dist, f)).equals(bytes));
  assert.equal(found.length, 1, `webpack emitted the package's ${name} once: ${readdirSync(dist)}`);
  return `/${found[0]}`;
}

/** The two loaders webpack emitted (pathlight.js and pathlight_author.js, minified by its
 * Terser, so not found by their bytes). */
function loaders() {
  const found = readdirSync(dist).filter((f) => f.endsWith(".js") && f !== "main.js").map((f) => `/${f}`);
  assert.equal(found.length, 2, `webpack emitted the learner's and the author's loader: ${readdirSync(dist)}`);
  return found;
}

test("webpack without configuration emits the widget's files, and the widget starts from them", async () => {
  const wasm = emitted("pathlight_bg.wasm");
  const authorWasm = emitted("pathlight_author_bg.wasm");
  const scripts = loaders();
  const { page, log, close } = await open(browser, `${base}/`);
  try {
    await launcher(page);
    const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
    assert.ok(loaded.includes(wasm), `the wasm came from webpack's output: ${loaded}`);
    assert.ok(!loaded.includes(authorWasm), "learners do not download the author build");
    assert.equal(scripts.filter((u) => loaded.includes(u)).length, 1, `one loader, the learner's: ${loaded}`);
    assert.deepEqual([log.warnings, log.errors, log.pageErrors], [[], [], []]);
  } finally {
    await close();
  }
});

test("pathlight('author', true) in the webpack app loads the author build webpack emitted, and its panel opens", async () => {
  // Bug pinned: a package without the author build, or a loader that guesses its URL from
  // the bundler's renamed pathlight.js: author mode 404s for every vendor using npm.
  const author = [emitted("pathlight_author_bg.wasm"), ...loaders()];
  const { page, log, close } = await open(browser, `${base}/`);
  try {
    await launcher(page);
    await page.evaluate(() => window.pathlight("author", true));
    await page.locator("pathlight-widget >> .pa-panel").waitFor({ state: "visible" });
    const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
    assert.deepEqual(author.filter((u) => !loaded.includes(u)), [], `the author build came from webpack's output: ${loaded}`);
    assert.equal(await page.locator("pathlight-widget").count(), 1, "one widget");
    // The panel asks the pack's server for pathlight dev's /status; this one answers 404.
    const errors = log.errors.filter((e) => !/status of 404/.test(e));
    assert.deepEqual([log.warnings, errors, log.pageErrors], [[], [], []]);
  } finally {
    await close();
  }
});
