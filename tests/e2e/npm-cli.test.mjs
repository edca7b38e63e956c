// The npm package's CLI (`npx pathlight`, the authoring code compiled to WebAssembly and
// run by Node) against the native one (`cargo run --bin pathlight`): the same packs, broken
// ones included, must give the same output, the same messages and the same exit code. Then
// the package as a product team meets it: installed from the tarball into a fresh folder,
// with no cargo or rustc on the PATH, it lints the demo's lessons and builds a pack the
// widget loads. Needs `bash scripts/release.sh` first (scripts/test.sh runs it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { suite, open, launcher } from "./harness.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const version = JSON.parse(readFileSync(join(root, "npm/package.json"), "utf8")).version;
const tarball = join(root, "target/release-artifacts", `pathlight-${version}.tgz`);
const target = process.env.CARGO_TARGET_DIR || join(root, "target");

/** The PATH without any folder that holds cargo or rustc: a machine without Rust. */
const noRust = (process.env.PATH || "")
  .split(delimiter)
  .filter((dir) => dir && !["cargo", "rustc"].some((tool) => existsSync(join(dir, tool))))
  .join(delimiter);

let scratch; // a fresh folder, the package installed into it
let npmCli; // its bin script
let nativeCli;
const env = suite();

before(() => {
  assert.ok(existsSync(tarball), `${tarball} is missing: run bash scripts/release.sh first`);
  const built = spawnSync("cargo", ["build", "--quiet", "--bin", "pathlight"], { cwd: root, stdio: "inherit" });
  assert.equal(built.status, 0, "cargo build --bin pathlight");
  nativeCli = join(target, "debug", "pathlight");
  scratch = mkdtempSync(join(tmpdir(), "pathlight-npm-"));
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "product-team", private: true }));
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", tarball], {
    cwd: scratch,
    env: { ...process.env, PATH: noRust },
    encoding: "utf8",
  });
  assert.equal(install.status, 0, install.stderr);
  npmCli = join(scratch, "node_modules/pathlight/bin/pathlight.mjs");
});

after(() => scratch && rmSync(scratch, { recursive: true, force: true }));

/** A CLI's exit code and output on `args`, run from the repository's root. */
function run(cmd, args, PATH) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", env: { ...process.env, PATH } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const native = (args) => run(nativeCli, args, process.env.PATH);
const npm = (args) => run(process.execPath, [npmCli, ...args], noRust);

/** Both CLIs on `args`, from the repository's root, so that paths print alike. */
const both = (args) => ({ native: native(args), npm: npm(args) });

test("the test's PATH has node and npm but no cargo or rustc", () => {
  for (const tool of ["cargo", "rustc"]) {
    assert.equal(spawnSync(tool, ["--version"], { env: { ...process.env, PATH: noRust } }).error?.code, "ENOENT", tool);
  }
  assert.equal(spawnSync("npm", ["--version"], { env: { ...process.env, PATH: noRust } }).status, 0);
});

test("npx pathlight and the native pathlight agree on every pack, broken ones included", () => {
  // Files that only a test makes: not UTF-8, a folder named like a lesson, a pack without
  // pack.toml, a built pack with a duplicate id, a build into a path that cannot be a folder.
  const odd = join(root, "tests/e2e/artifacts/npm-cli");
  rmSync(odd, { recursive: true, force: true });
  mkdirSync(join(odd, "latin1/dir.md"), { recursive: true });
  writeFileSync(join(odd, "latin1/pack.toml"), 'id = "p"\ntitle = "P"\n');
  writeFileSync(join(odd, "latin1/caf\u00e9.md"), Buffer.from([0x2b, 0x2b, 0x2b, 0x0a, 0xe9, 0x0a]));
  mkdirSync(join(odd, "no-manifest"), { recursive: true });
  writeFileSync(join(odd, "no-manifest/a.md"), "+++\nid = \"a\"\n+++\n");
  const rel = (p) => `tests/e2e/artifacts/npm-cli/${p}`;
  const cases = [
    [],
    ["help"],
    ["lint"],
    ["frobnicate", "lessons"],
    ["build", "lessons"],
    ["lint", "lessons"],
    ["lint", "tests/fixtures/pack"],
    ["lint", "tests/fixtures/lint/ten-mistakes"],
    ["lint", "tests/fixtures/lint/one-run"],
    ["lint", "tests/fixtures/lint/translations"],
    ["lint", "tests/fixtures/lint/translations/send-invoice.deutsch.md"],
    ["lint", "tests/fixtures/lint/json-pack"],
    ["lint", "tests/fixtures/lint/single/bad-toml.md"],
    ["lint", "tests/fixtures/lint/single/bad-lesson.json"],
    ["lint", "tests/fixtures/no-such-pack"],
    ["lint", "tests/fixtures/no-such-lesson.md"],
    ["lint", rel("latin1")],
    ["lint", rel("no-manifest")],
    ["build", "tests/fixtures/lint/ten-mistakes", "-o", rel("never.json")],
    ["build", "lessons", "-o", "README.md/lessons.json"],
    ["schema"],
    ["schema", "lesson"],
  ];
  // And every broken or odd lesson file of the lint fixtures, on its own.
  for (const dir of ["ten-mistakes", "translations", "json-pack", "single"]) {
    for (const file of readdirSync(join(root, "tests/fixtures/lint", dir))) {
      if (file !== "pack.toml") cases.push(["lint", `tests/fixtures/lint/${dir}/${file}`]);
    }
  }
  for (const args of cases) {
    const r = both(args);
    assert.deepEqual(r.npm, r.native, `pathlight ${args.join(" ")}`);
  }
  assert.ok(!existsSync(join(odd, "never.json")), "a pack with errors is not written");

  // Builds: the same bytes, then the built packs linted, a clean one and a broken one.
  const nativeBuild = native(["build", "tests/fixtures/pack", "-o", rel("native/lessons.json")]);
  const npmBuild = npm(["build", "tests/fixtures/pack", "-o", rel("npm/lessons.json")]);
  assert.equal(nativeBuild.code, 0, nativeBuild.stderr);
  assert.deepEqual(npmBuild, { ...nativeBuild, stdout: nativeBuild.stdout.replace("native/", "npm/") });
  const built = readFileSync(join(odd, "native/lessons.json"), "utf8");
  assert.equal(readFileSync(join(odd, "npm/lessons.json"), "utf8"), built, "the same pack, byte for byte");
  const pack = JSON.parse(built);
  pack.lessons[1].id = pack.lessons[0].id;
  pack.lessons[2].why.push({ table: { rows: [["a"]] } });
  writeFileSync(join(odd, "broken.json"), JSON.stringify(pack));
  for (const file of ["native/lessons.json", "broken.json"]) {
    const r = both(["lint", rel(file)]);
    assert.deepEqual(r.npm, r.native, `pathlight lint ${file}`);
    assert.equal(r.npm.code, file === "broken.json" ? 1 : 0, r.npm.stderr);
  }
});

test("in a fresh folder without Rust, npx pathlight lints the demo's lessons and builds a pack the widget loads", async () => {
  cpSync(join(root, "lessons"), join(scratch, "lessons"), { recursive: true });
  const npx = (...args) =>
    spawnSync("npx", ["pathlight", ...args], { cwd: scratch, encoding: "utf8", env: { ...process.env, PATH: noRust } });
  const lint = npx("lint", "lessons");
  assert.equal(lint.status, 0, lint.stderr);
  assert.match(lint.stdout, /^ok: 21 lessons checked$/m);
  const build = npx("build", "lessons", "-o", "public/lessons.json");
  assert.equal(build.status, 0, build.stderr);
  assert.match(build.stdout, /^wrote public\/lessons.json \(21 lessons, 4 goals\)$/m);

  // The widget, from the same package, loads it.
  const pack = join(root, "tests/e2e/artifacts/npx-lessons.json");
  mkdirSync(join(root, "tests/e2e/artifacts"), { recursive: true });
  cpSync(join(scratch, "public/lessons.json"), pack);
  for (const file of ["pathlight.js", "pathlight_bg.wasm", "pathlight_author.js", "pathlight_author_bg.wasm"]) {
    assert.ok(readFileSync(join(scratch, "node_modules/pathlight", file)).equals(readFileSync(join(root, "dist", file))), `the package's ${file} is the release build's`);
  }
  const { page, log, close } = await open(env.browser, `${env.base}/app/packs?pack=/fixtures/npx-lessons.json`);
  try {
    await launcher(page);
    // Its lessons open, with their titles, with its title (the pack's anchors are not on this page).
    for (const lesson of JSON.parse(readFileSync(pack, "utf8")).lessons.slice(0, 3)) {
      await page.evaluate((id) => window.pathlight("open", id), lesson.id);
      await page.getByRole("dialog", { name: lesson.title }).waitFor();
    }
    assert.deepEqual(log.warnings, []);
  } finally {
    await close();
  }
});

test("the guides the CLI's messages name are in the installed package, pictures included", () => {
  const help = spawnSync("npx", ["pathlight", "help"], { cwd: scratch, encoding: "utf8", env: { ...process.env, PATH: noRust } });
  assert.equal(help.status, 0, help.stderr);
  const named = [...help.stdout.matchAll(/node_modules\/pathlight\/docs\/[\w-]+\.md/g)].map((m) => m[0]);
  assert.ok(named.includes("node_modules/pathlight/docs/authoring.md"), help.stdout);
  mkdirSync(join(scratch, "typo"), { recursive: true });
  writeFileSync(join(scratch, "typo/pack.toml"), 'id = "p"\ntitle = "P"\ncolour = "red"\n');
  const lint = spawnSync("npx", ["pathlight", "lint", "typo"], { cwd: scratch, encoding: "utf8", env: { ...process.env, PATH: noRust } });
  assert.equal(lint.status, 1);
  assert.match(lint.stderr, /node_modules\/pathlight\/docs\/authoring\.md/);
  named.push("node_modules/pathlight/docs/api.md");
  for (const doc of named) {
    const path = join(scratch, doc);
    assert.ok(existsSync(path), `${doc} is in the installed package`);
    for (const [, picture] of readFileSync(path, "utf8").matchAll(/\]\(([\w-]+\.png)\)/g)) {
      assert.ok(existsSync(join(scratch, "node_modules/pathlight/docs", picture)), `${doc} shows ${picture}`);
    }
  }
});

/** Runs `code`, an ES module, with Node in the fresh folder: its stdout, parsed. */
function inScratch(code) {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: scratch, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, "", "nothing printed to stderr");
  return JSON.parse(r.stdout);
}

test("the ESM entry on the server: importing and calling it do nothing and define no global", () => {
  // Bug pinned: an SSR framework (Next.js, Remix, Nuxt) crashing on `window is not defined`.
  const result = inScratch(`
    const before = Object.getOwnPropertyNames(globalThis);
    const { pathlight } = await import("pathlight");
    const returned = [
      pathlight("init", { lessons: "/lessons.json" }),
      pathlight("track", "invoice_sent"),
      pathlight("on", "completed", () => {}),
    ];
    const added = Object.getOwnPropertyNames(globalThis).filter((n) => !before.includes(n));
    console.log(JSON.stringify({ returned, added, type: typeof pathlight }));
  `);
  // Each call returned undefined (null once through JSON).
  assert.deepEqual(result, { returned: [null, null, null], added: [], type: "function" });
});

test("the ESM entry in a browser: nothing on import; the first call queues and loads the widget from URLs next to the entry", () => {
  // A page reduced to what the entry may touch: it must not write into <head>.
  const result = inScratch(`
    const appended = [];
    globalThis.document = {
      createElement: (tag) => ({ tag, attributes: {}, setAttribute(k, v) { this.attributes[k] = v; } }),
      body: { appendChild: (el) => appended.push(["body", el]) },
      head: { appendChild: (el) => appended.push(["head", el]) },
    };
    globalThis.window = globalThis;
    const { pathlight } = await import("pathlight");
    const afterImport = { appended: appended.length, queue: typeof window.pathlight };
    pathlight("init", { lessons: "/lessons.json" });
    pathlight("track", "invoice_sent");
    const [[where, script]] = appended;
    console.log(JSON.stringify({
      afterImport,
      appended: appended.length,
      where,
      tag: script.tag,
      async: script.async,
      src: script.src,
      wasm: script.attributes["data-wasm"],
      author: script.attributes["data-author"],
      authorWasm: script.attributes["data-author-wasm"],
      queued: window.pathlight.q.map((args) => Array.from(args)),
    }));
  `);
  const entry = `file://${join(scratch, "node_modules/pathlight")}/`;
  assert.deepEqual(result, {
    afterImport: { appended: 0, queue: "undefined" },
    appended: 1,
    where: "body",
    tag: "script",
    async: true,
    src: `${entry}pathlight.js`,
    wasm: `${entry}pathlight_bg.wasm`,
    // The author build, named so that bundlers emit it too (fetched only in author mode).
    author: `${entry}pathlight_author.js`,
    authorWasm: `${entry}pathlight_author_bg.wasm`,
    queued: [["init", { lessons: "/lessons.json" }], ["track", "invoice_sent"]],
  });
});
