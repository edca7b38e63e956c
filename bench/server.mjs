// The benchmark's static server on loopback. Unlike tests/e2e/harness.mjs's, it gzips (level 9)
// every JS, CSS, wasm and JSON response, as a vendor's CDN would, so that the browser's own
// count of bytes on the wire (CDP encodedDataLength) is the figure a user pays for.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
};
const GZIP = new Set([".js", ".mjs", ".css", ".wasm", ".json"]);
const BLANK = "<!doctype html><meta charset=utf-8><title>blank</title>";

/** Maps a URL path to a file in the repository, or null. */
function route(path) {
  // The release build and the packs, where tests/e2e/hosts/*.html expect them.
  if (path.startsWith("/dist/")) return join(root, "dist", normalize(path.slice(6)));
  if (path === "/lessons.json") return join(root, "tests/e2e/artifacts/lessons.json");
  if (path.startsWith("/fixtures/")) return join(root, "tests/e2e/artifacts", normalize(path.slice(10)));
  // The peers' own dist files, straight from bench/node_modules.
  if (path.startsWith("/vendor/")) return join(root, "bench/node_modules", normalize(path.slice(8)));
  // The benchmark's host page, and the end-to-end soak host.
  if (/^\/app\/bench(\/|$)/.test(path)) return join(root, "bench/hosts/feature.html");
  if (/^\/app\/soak(\/|$)/.test(path)) return join(root, "tests/e2e/hosts/soak.html");
  return null;
}

/** The demo (the release build in dist/, served at the root as `scripts/demo.sh` does), for
 * the host-cost runs; `?bare` serves its page without Pathlight's snippet and script tag. */
function demoRoute(path) {
  if (path === "/" || !extname(path)) return join(root, "dist/index.html");
  return join(root, "dist", normalize(path));
}

/** The demo's page without Pathlight: what the host costs on its own. */
export const bare = (html) =>
  html.replace(/<script>\s*window\.pathlight[\s\S]*?<\/script>\s*<script async src="\/pathlight\.js"><\/script>/, "");

/** Starts the server; `sent` lists, per path, the body size it sent (a cross-check). Each file
 * is read once and then served from memory, so one benchmark run measures one build even if
 * dist/ is rebuilt meanwhile. `cacheable` lets the browser keep the libraries' files for a
 * year, as a CDN's immutable folder does (for the repeat visit); otherwise nothing is cached. */
export async function serve({ demo = false, cacheable = false } = {}) {
  const cache = new Map(); // file -> { raw, gz }
  const sent = new Map();
  async function body(file) {
    let entry = cache.get(file);
    if (!entry) {
      const raw = await readFile(file);
      entry = { raw, gz: GZIP.has(extname(file)) ? gzipSync(raw, { level: 9 }) : null };
      cache.set(file, entry);
    }
    return entry;
  }
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path === "/blank") {
      res.writeHead(200, { "content-type": TYPES[".html"], "cache-control": "no-store" });
      return res.end(BLANK);
    }
    const file = demo ? demoRoute(path) : route(path);
    try {
      if (!file || path.includes("..")) throw new Error("no route");
      let { raw, gz } = await body(file);
      if (demo && extname(file) === ".html" && new URL(req.url, "http://x").searchParams.has("bare")) {
        raw = Buffer.from(bare(raw.toString("utf8")));
        gz = null;
      }
      const zip = gz && /\bgzip\b/.test(req.headers["accept-encoding"] || "");
      const immutable = cacheable && /^\/(dist|vendor)\//.test(path);
      const headers = { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-store" };
      if (gz) headers.vary = "accept-encoding";
      if (zip) headers["content-encoding"] = "gzip";
      const out = zip ? gz : raw;
      headers["content-length"] = out.length;
      sent.set(path, { raw: raw.length, body: out.length, gzip: !!zip });
      res.writeHead(200, headers);
      res.end(out);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  // Compress the big files now, so that no measured request waits for gzip -9.
  const frozen = {};
  const big = demo
    ? ["/pathlight.js", "/pathlight_bg.wasm", "/pathlight_surfaces.wasm", "/lessons.json", "/"]
    : ["/dist/pathlight.js", "/dist/pathlight_bg.wasm", "/dist/pathlight_surfaces.wasm", "/lessons.json"];
  for (const p of big) frozen[p] = (await body(demo ? demoRoute(p) : route(p))).raw;
  return { base, sent, frozen, close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }) };
}
