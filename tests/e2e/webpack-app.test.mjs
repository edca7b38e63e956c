// The package's ESM entry bundled by webpack 5 with no configuration at all
// (tests/e2e/hosts/webpack-app; scripts/test.sh runs its `npm run build`): webpack must emit
// pathlight.js and the wasm by itself, and the widget must start from them.
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

test("webpack without configuration emits the widget's files, and the widget starts from them", async () => {
  const wasm = readdirSync(dist).filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one wasm emitted: ${readdirSync(dist)}`);
  assert.ok(readFileSync(join(dist, wasm[0])).equals(readFileSync(join(app, "node_modules/pathlight/pathlight_bg.wasm"))), "the package's wasm, unchanged");
  const { page, log, close } = await open(browser, `${base}/`);
  try {
    await launcher(page);
    const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
    assert.ok(loaded.includes(`/${wasm[0]}`), `the wasm came from webpack's output: ${loaded}`);
    assert.deepEqual([log.warnings, log.errors, log.pageErrors], [[], [], []]);
  } finally {
    await close();
  }
});
