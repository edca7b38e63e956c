// Trunk post-build hook, release builds only: the author build of the widget, beside the
// learner's. Same crate with the `author` feature, bound and optimized as Trunk does the
// learner's, then wrapped in the loader: pathlight_author.js and pathlight_author_bg.wasm.
// The learner's loader loads them only when the host switches author mode on.
import { execFileSync } from "node:child_process";
import { renameSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) throw new Error("run this as a Trunk post_build hook, or name the output folder");
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== "release") process.exit(0);
const root = new URL("..", import.meta.url).pathname;
const target = process.env.CARGO_TARGET_DIR || join(root, "target");
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });

run("cargo", ["build", "--quiet", "--release", "--lib", "--target", "wasm32-unknown-unknown", "--no-default-features", "--features", "author"]);
const built = join(target, "wasm32-unknown-unknown", "release", "pathlight.wasm");
run("wasm-bindgen", ["--target", "no-modules", "--no-typescript", "--out-dir", staging, "--out-name", "pathlight_author", built]);
const wasm = join(staging, "pathlight_author_bg.wasm");
// The features rustc enables for wasm32 by default, which the browsers we support have.
const features = ["bulk-memory", "mutable-globals", "nontrapping-float-to-int", "sign-ext", "reference-types", "multivalue"];
run("wasm-opt", ["-Oz", ...features.map((f) => `--enable-${f}`), "--output", wasm + ".opt", wasm]);
renameSync(wasm + ".opt", wasm);
run("node", [join(root, "scripts/wrap-loader.mjs"), join(staging, "pathlight_author.js"), "--author"]);
