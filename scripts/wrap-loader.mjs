// Trunk post-build hook: wraps wasm-bindgen's no-modules glue in the Pathlight loader, so
// the vendor's single classic <script> tag boots the widget without adding globals.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run this as a Trunk post_build hook (TRUNK_STAGING_DIR is unset)");
const gluePath = join(dir, "pathlight.js");
const glue = readFileSync(gluePath, "utf8");
if (glue.includes("Pathlight loader")) process.exit(0);
const loader = readFileSync(new URL("../src/web/loader.js", import.meta.url), "utf8");
// The glue goes inside the loader's `download()`, which runs only where the widget can (a
// browser without WebAssembly never evaluates it) and only when the widget starts: after the
// host's load event unless a call needs it sooner, so the host's page never waits for the
// glue to compile. Anything it throws there is caught. The glue's own use of
// `document.currentScript` does not matter: the loader always hands it the wasm's URL.
if (!loader.includes("/*@@GLUE@@*/")) throw new Error("src/web/loader.js lost its /*@@GLUE@@*/ placeholder");
const wrapped = loader.replace("/*@@GLUE@@*/", () => glue);
// Minified: the glue is mostly long generated names and comments (64 KB raw, 11 KB gzip
// before). Property names stay, so the wasm's imports still match; the `/*!` banner stays,
// which keeps this hook idempotent.
const { code } = transformSync(wrapped, { minify: true, legalComments: "inline" });
writeFileSync(gluePath, code);
