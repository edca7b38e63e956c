// Prints what a browser downloads for the widget: raw, gzip -9 and brotli bytes of each
// file of the release build, and their total. Run after `trunk build --release`. Fails when
// the learner's gzip total is over the budget in scripts/size-budget.json. The author
// build's files come apart: only pages that switch author mode on download them.
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

const learner = ["pathlight.js", "pathlight_bg.wasm"].map(measure);
const total = sum(learner, "total");
console.log(`${"file".padEnd(28)}${pad("raw", 10)}${pad("gzip", 10)}${pad("brotli", 10)}`);
[...learner, total].forEach(print);
const authorFiles = ["pathlight_author.js", "pathlight_author_bg.wasm"];
if (authorFiles.every((f) => existsSync(new URL(f, dist)))) {
  const author = authorFiles.map(measure);
  console.log("author mode (downloaded only when the host enables it):");
  [...author, sum(author, "author total")].forEach(print);
}
if (process.env.PATHLIGHT_SIZE_JSON) console.log(JSON.stringify(total));

const budget = JSON.parse(readFileSync(new URL("size-budget.json", import.meta.url), "utf8")).gzip;
if (total.gzip > budget) {
  console.error(`size: the widget is ${total.gzip} B gzip, over its budget of ${budget} B (scripts/size-budget.json) by ${total.gzip - budget} B. Shrink it, or raise the budget and say why in the commit.`);
  process.exit(1);
}
console.log(`within the budget of ${budget} B gzip (${budget - total.gzip} B to spare)`);
