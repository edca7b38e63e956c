// Trunk post-build hook (or `node scripts/build-widget.mjs OUT_DIR`): builds the widget's files.
//
//   pathlight.js              the loader with the glue inside: the vendor's one script
//   pathlight_bg.wasm         what the widget needs to start, show beacons and the launcher
//   pathlight_surfaces.wasm   the panel, the lesson card and Show me, fetched later
//   pathlight_author.js/_bg.wasm   author mode, fetched only when the host switches it on
//
// A release build takes four steps Trunk cannot (trunk issue #1022), so the widget is not
// Trunk's rust asset:
// 1. cargo builds std from source for size (-Zbuild-std with size flags: about 18 KB gzip
//    less; PATHLIGHT_STD=prebuilt builds with the prebuilt std instead), keeping the
//    relocations that the splitter reads (--emit-relocs).
// 2. wasm-split-cli moves what only `ui::surfaces` uses into a chunk of its own.
// 3. wasm-bindgen binds the main module (--target web, --keep-lld-exports so the chunk can
//    import the table and memory), wasm-opt -Oz shrinks each file.
// 4. esbuild bundles the glue and the chunk's link code into one classic script, which goes
//    into src/web/loader.js with the SHA-384 of every file the loader fetches, so the script
//    tag's one integrity hash covers the whole widget.
// A debug build (trunk serve without --release) is the learner's wasm alone, unsplit.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSync, transformSync } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const out = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!out) throw new Error("run this as a Trunk post_build hook, or name the output folder");
const release = !process.env.TRUNK_PROFILE || process.env.TRUNK_PROFILE === "release";
const smallStd = release && process.env.PATHLIGHT_STD !== "prebuilt";
// Apart from the other cargo builds: these flags would make cargo rebuild theirs, and theirs these.
const target = join(root, "target", smallStd ? "widget" : "widget-prebuilt-std");
const work = join(target, "files");
const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");

/// Builds one wasm: its path in `target`.
function cargo(features) {
  const rustflags = ["-Clink-args=--emit-relocs"];
  const args = ["build", "--quiet", "--lib", "--target", "wasm32-unknown-unknown", "--no-default-features", "--features", features];
  if (release) args.push("--release");
  if (smallStd) {
    // Unstable flags on the stable toolchain: RUSTC_BOOTSTRAP lets them through. Each pays:
    // no file/line strings in panics, no Debug formatting code, and panics that trap at once.
    rustflags.push("-Zlocation-detail=none", "-Zfmt-debug=none", "-Zunstable-options", "-Cpanic=immediate-abort");
    args.push("-Zbuild-std=std,panic_abort");
  }
  run("cargo", args, {
    CARGO_TARGET_DIR: target,
    RUSTFLAGS: rustflags.join(" "),
    ...(smallStd ? { RUSTC_BOOTSTRAP: "1" } : {}),
  });
  return join(target, "wasm32-unknown-unknown", release ? "release" : "debug", "pathlight.wasm");
}

// The features rustc enables for wasm32 by default, which the browsers we support have.
const features = ["bulk-memory", "mutable-globals", "nontrapping-float-to-int", "sign-ext", "reference-types", "multivalue"];
// wasm-streams, which Leptos pulls in through server_fn (we have no server functions),
// exports three classes through wasm-bindgen. Exports are roots that no optimizer drops, so
// their code shipped with the first beacon (1.8 KB gzip): the wasm loses them here, the glue
// in `withoutStreams`.
const UNUSED_EXPORTS = "*intounderlying*";
const shrink = (wasm) => {
  if (!release) return;
  run("wasm-opt", [`--remove-exports=${UNUSED_EXPORTS}`, "-Oz", "--converge", "--strip-producers", "--strip-target-features", ...features.map((f) => `--enable-${f}`), "--output", wasm + ".opt", wasm]);
  copyFileSync(wasm + ".opt", wasm);
  rmSync(wasm + ".opt");
};

/// Drops the relocations that --emit-relocs keeps (custom sections `linking` and `reloc.*`)
/// from a wasm that is not split: wasm-opt cannot optimize a file that has them.
function dropRelocations(file) {
  const wasm = readFileSync(file);
  const kept = [wasm.subarray(0, 8)];
  const leb = (at) => {
    let value = 0, shift = 0, byte;
    do {
      byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return [value, at];
  };
  for (let at = 8; at < wasm.length; ) {
    const [size, body] = leb(at + 1);
    const end = body + size;
    let name = "";
    if (wasm[at] === 0) {
      const [length, text] = leb(body);
      name = wasm.subarray(text, text + length).toString("utf8");
    }
    if (name !== "linking" && !name.startsWith("reloc.")) kept.push(wasm.subarray(at, end));
    at = end;
  }
  writeFileSync(file, Buffer.concat(kept));
}

/// One build of the widget: `name`.js and its wasm files in `out`, the SHA-384 of each file
/// built into the script (with those in `also`). Returns the script.
function widget({ name, features: cargoFeatures, split, author, also = {} }) {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let wasm = cargo(cargoFeatures);
  let link = null;
  const chunks = {};
  if (split) {
    run("wasm-split-cli", ["--target", "web", "--out-name", name, wasm, dir]);
    wasm = join(dir, `${name}.wasm`);
    link = readFileSync(join(dir, "__wasm_split.js"), "utf8");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".wasm") && f !== `${name}.wasm`)) {
      // The one split point is named `surfaces` (src/ui/surfaces.rs).
      const what = /^split_(\w+)\.wasm$/.exec(file)?.[1];
      if (what !== "surfaces") throw new Error(`wasm-split-cli wrote ${file}, a chunk the loader does not know: only the surfaces split (src/ui/surfaces.rs)`);
      chunks[what] = file;
    }
    if (!chunks.surfaces) throw new Error("wasm-split-cli wrote no surfaces chunk: is the split feature on?");
  }
  const bindgen = ["--target", "web", "--no-typescript", "--out-dir", dir, "--out-name", name];
  if (split) bindgen.push("--keep-lld-exports");
  else {
    copyFileSync(wasm, join(dir, `${name}.wasm`));
    wasm = join(dir, `${name}.wasm`);
    dropRelocations(wasm);
  }
  run("wasm-bindgen", [...bindgen, wasm]);
  const files = { ...also };
  const main = join(dir, `${name}_bg.wasm`);
  shrink(main);
  copyFileSync(main, join(out, `${name}_bg.wasm`));
  files.wasm = sri(readFileSync(main));
  for (const [what, file] of Object.entries(chunks)) {
    shrink(join(dir, file));
    copyFileSync(join(dir, file), join(out, `${name}_${what}.wasm`));
    files[what] = sri(readFileSync(join(dir, file)));
    link = patchLink(link, file, what);
  }
  if (link) writeFileSync(join(dir, "__wasm_split.js"), link);
  if (release) {
    const file = join(dir, `${name}.js`);
    writeFileSync(file, withoutStreams(readFileSync(file, "utf8")));
  }
  const glue = buildSync({
    entryPoints: [join(dir, `${name}.js`)],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "wasm_bindgen",
    // The glue's default URL for the wasm is never used: the loader always hands it the wasm.
    define: { "import.meta.url": '"about:blank"' },
    logLevel: "error",
  }).outputFiles[0].text;
  return wrap(glue, { name, author, files });
}

/// The glue without wasm-streams' classes, whose exports `shrink` took out of the wasm.
function withoutStreams(glue) {
  const out = glue
    .replace(/^export class IntoUnderlying\w+ \{\n[\s\S]*?^\}\n/gm, "")
    .replace(/^if \(Symbol\.dispose\) IntoUnderlying\w+\.prototype.*\n/gm, "")
    .replace(/^const IntoUnderlying\w+Finalization = [\s\S]*?;\n/gm, "");
  if (out.includes("IntoUnderlying")) throw new Error("wasm-bindgen's glue for wasm-streams' classes changed: scripts/build-widget.mjs could not take them out");
  return out;
}

/// wasm-split-cli's link code, fetching through the loader: with the file's integrity hash
/// and a name the loader derives from its own URL, and one warning of its own on failure.
function patchLink(link, file, what) {
  const swap = (from, to) => {
    if (!link.includes(from)) throw new Error(`wasm-split-cli's __wasm_split.js changed: no \`${from}\` in it (scripts/build-widget.mjs patches it)`);
    link = link.split(from).join(to);
  };
  swap(`fetch(new URL("./${file}", import.meta.url))`, `__pathlight.chunk("${what}")`);
  swap("WebAssembly.instantiateStreaming(src, imports)", "__pathlight.instantiate(src, imports)");
  swap("console.error(e);", "__pathlight.failed(e);");
  return link;
}

/// The glue inside the loader, minified: the vendor's one script.
function wrap(glue, { name, author, files }) {
  let loader = readFileSync(join(root, "src/web/loader.js"), "utf8");
  const fill = (placeholder, value) => {
    if (!loader.includes(placeholder)) throw new Error(`src/web/loader.js lost its ${placeholder} placeholder`);
    loader = loader.replace(placeholder, () => value);
  };
  fill("/*@@AUTHOR_BUILD@@*/false", String(author));
  fill("/*@@FILES@@*/{}", JSON.stringify(files));
  fill("/*@@GLUE@@*/", glue);
  // Property names stay, so the wasm's imports still match; the `/*!` banner stays.
  const { code } = transformSync(loader, { minify: true, legalComments: "inline" });
  writeFileSync(join(out, `${name}.js`), code);
  return code;
}

mkdirSync(out, { recursive: true });
// The author build first: the learner's loader carries the hash of its script.
const author = release && widget({ name: "pathlight_author", features: "author", split: false, author: true });
widget({
  name: "pathlight",
  features: release ? "widget,split" : "widget",
  split: release,
  author: false,
  also: author ? { author: sri(author) } : {},
});
