// Trunk post-build hook: wraps wasm-bindgen's no-modules glue in the Pathlight loader, so
// the vendor's single classic <script> tag boots the widget without adding globals.
// `node scripts/wrap-loader.mjs GLUE.js --author` wraps the author build's glue instead
// (scripts/build-author.mjs).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const author = process.argv.includes("--author");
const given = process.argv.slice(2).find((a) => !a.startsWith("--"));
const dir = process.env.TRUNK_STAGING_DIR;
if (!given && !dir) throw new Error("run this as a Trunk post_build hook (TRUNK_STAGING_DIR is unset), or name the glue file");
const gluePath = given || join(dir, "pathlight.js");
const glue = readFileSync(gluePath, "utf8");
if (glue.includes("Pathlight loader")) process.exit(0);
let loader = readFileSync(new URL("../src/web/loader.js", import.meta.url), "utf8");
// The glue goes inside the loader's `download()`, which runs only where the widget can (a
// browser without WebAssembly never evaluates it) and only when the widget starts: after the
// host's load event unless a call needs it sooner, so the host's page never waits for the
// glue to compile. Anything it throws there is caught. The glue's own use of
// `document.currentScript` does not matter: the loader always hands it the wasm's URL.
if (!loader.includes("/*@@GLUE@@*/")) throw new Error("src/web/loader.js lost its /*@@GLUE@@*/ placeholder");
if (!loader.includes("/*@@AUTHOR_BUILD@@*/false")) throw new Error("src/web/loader.js lost its /*@@AUTHOR_BUILD@@*/false placeholder");
if (author) loader = loader.replace("/*@@AUTHOR_BUILD@@*/false", "true");
const wrapped = loader.replace("/*@@GLUE@@*/", () => glue);
// Minified: the glue is mostly long generated names and comments (64 KB raw, 11 KB gzip
// before). Property names stay, so the wasm's imports still match; the `/*!` banner stays,
// which keeps this hook idempotent.
const { code } = transformSync(wrapped, { minify: true, legalComments: "inline" });
writeFileSync(gluePath, code);
