// Prints what a browser downloads for the widget: raw, gzip -9 and brotli bytes of each
// file of the release build, and their totals: before the first beacon (the loader and the
// main wasm) and once every surface has opened (the surfaces' chunk too). Run after
// `trunk build --release`. Fails when either gzip total is over its budget in
// scripts/size-budget.json. The author build's files come apart: only pages that switch
// author mode on download them.
import { readFileSync, existsSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = new URL("../dist/", import.meta.url);
const measure = (name) => {
  const url = new URL(name, dist);
  if (!existsSync(url)) throw new Error(`dist/${name} is missing: run trunk build --release first`);
  const raw = readFileSync(url);
  return {
    name,
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const sum = (rows, name) => rows.reduce((t, r) => ({ name, raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const pad = (v, n) => String(v).padStart(n);
const print = (r) => console.log(`${r.name.padEnd(28)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}`);

const start = ["pathlight.js", "pathlight_bg.wasm"].map(measure);
const first = sum(start, "before the first beacon");
const surfaces = measure("pathlight_surfaces.wasm");
const total = sum([...start, surfaces], "every surface open");
console.log(`${"file".padEnd(28)}${pad("raw", 10)}${pad("gzip", 10)}${pad("brotli", 10)}`);
[...start, first, surfaces, total].forEach(print);
const authorFiles = ["pathlight_author.js", "pathlight_author_bg.wasm"];
if (authorFiles.every((f) => existsSync(new URL(f, dist)))) {
  const author = authorFiles.map(measure);
  console.log("author mode (downloaded only when the host enables it):");
  [...author, sum(author, "author total")].forEach(print);
}
if (process.env.PATHLIGHT_SIZE_JSON) console.log(JSON.stringify({ first, total }));

const budget = JSON.parse(readFileSync(new URL("size-budget.json", import.meta.url), "utf8"));
let over = false;
for (const [key, measured] of [["first", first], ["all", total]]) {
  if (measured.gzip > budget[key]) {
    over = true;
    console.error(`size: ${measured.name}, the widget is ${measured.gzip} B gzip, over its budget of ${budget[key]} B ("${key}" in scripts/size-budget.json) by ${measured.gzip - budget[key]} B. Shrink it, or raise the budget and say why in the commit.`);
  } else {
    console.log(`${measured.name}: within the budget of ${budget[key]} B gzip (${budget[key] - measured.gzip} B to spare)`);
  }
}
if (over) process.exit(1);
