// `pathlight report` as a product team runs it: `npx pathlight report` (the packed npm
// package, Rust compiled to wasm, fed by Node in chunks) gives the same figures, warnings
// and exit codes as the native CLI, on plain and gzip files; and its HTML opens in Chromium
// under a CSP that allows no script and nothing from outside, with no axe violation.
// Needs `bash scripts/release.sh` first (scripts/test.sh runs it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { fileURLToPath } from "node:url";
import { launch } from "./harness.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const version = JSON.parse(readFileSync(join(root, "npm/package.json"), "utf8")).version;
const tarball = join(root, "target/release-artifacts", `pathlight-${version}.tgz`);
const target = process.env.CARGO_TARGET_DIR || join(root, "target");
const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

let scratch;
let npmCli;
let nativeCli;
let events; // a generated log, plain
let zipped; // the same, gzip

before(async () => {
  assert.ok(existsSync(tarball), `${tarball} is missing: run bash scripts/release.sh first`);
  const built = spawnSync("cargo", ["build", "--quiet", "--bin", "pathlight", "--example", "report_events"], { cwd: root, stdio: "inherit" });
  assert.equal(built.status, 0, "cargo build");
  nativeCli = join(target, "debug", "pathlight");
  scratch = mkdtempSync(join(tmpdir(), "pathlight-report-"));
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "product-team", private: true }));
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", tarball], { cwd: scratch, encoding: "utf8" });
  assert.equal(install.status, 0, install.stderr);
  npmCli = join(scratch, "node_modules/pathlight/bin/pathlight.mjs");
  events = join(scratch, "events.ndjson");
  const generated = spawnSync(join(target, "debug/examples/report_events"), ["60000", "--pack", "lessons"], { cwd: root, maxBuffer: 1 << 30 });
  assert.equal(generated.status, 0, String(generated.stderr));
  // A few lines no report can read, and records of an event from the future.
  const odd = '{"v":1,"t":1,"type":"opened"}\nnot json\n{"v":1,"t":1,"type":"beamed_up","learner":"k"}\n';
  writeFileSync(events, Buffer.concat([generated.stdout, Buffer.from(odd)]));
  zipped = join(scratch, "events.log"); // gzip, under a name that does not say so
  await pipeline(createReadStream(events), createGzip(), createWriteStream(zipped));
});

after(() => scratch && rmSync(scratch, { recursive: true, force: true }));

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const native = (args) => run(nativeCli, args);
const npm = (args) => run(process.execPath, [npmCli, ...args]);

test("npx pathlight report prints the native CLI's figures and warnings, plain or gzip", () => {
  const cases = [
    // [args, learners?, malformed lines, records skipped at least]
    [["report", events, "--json"], true, 2, 1],
    [["report", zipped, events, "--pack", "lessons", "--json"], true, 4, 2],
    // Another pack: every record is skipped, as the native CLI skips them.
    [["report", zipped, "--pack", "tests/fixtures/pack", "--json"], false, 2, 60000],
  ];
  for (const [args, learners, malformed, skipped] of cases) {
    const [n, m] = [native(args), npm(args)];
    assert.equal(m.code, 0, m.stderr);
    assert.equal(m.code, n.code);
    assert.equal(m.stderr, n.stderr, args.join(" "));
    const figures = JSON.parse(m.stdout);
    assert.deepEqual(figures, JSON.parse(n.stdout), args.join(" "));
    assert.equal(figures.learners > 1000, learners, args.join(" "));
    assert.equal(figures.input.malformed, malformed, args.join(" "));
    assert.ok(figures.input.skipped >= skipped, args.join(" "));
  }
});

test("npx pathlight report fails as the native CLI does", () => {
  for (const args of [
    ["report"],
    ["report", "no/such.ndjson", "--json"],
    ["report", events, "--pack", "tests/fixtures/lint/ten-mistakes", "--json"],
    ["report", events, "--frobnicate"],
  ]) {
    const [n, m] = [native(args), npm(args)];
    assert.deepEqual({ code: m.code, stdout: m.stdout, stderr: m.stderr }, { code: n.code, stdout: n.stdout, stderr: n.stderr }, args.join(" "));
    assert.notEqual(m.code, 0);
  }
});

test("the HTML report opens under a strict CSP with no violation, and axe finds nothing", async () => {
  const html = join(scratch, "report.html");
  const made = npm(["report", zipped, "--pack", "lessons", "-o", html]);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stdout, /^wrote .*report\.html \(\d+ learners/);
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("request", (r) => r.url() !== "http://report.test/" && problems.push(`fetched ${r.url()}`));
    await page.route("http://report.test/", (route) =>
      route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", headers: { "content-security-policy": CSP }, body: readFileSync(html) }),
    );
    await page.goto("http://report.test/");
    await page.getByRole("heading", { level: 1, name: /Pathlight report/ }).waitFor();
    for (const name of ["Overview", "Per lesson", "Per goal", "Over time"]) {
      assert.ok(await page.getByRole("heading", { level: 2, name }).isVisible(), name);
    }
    assert.ok((await page.getByRole("img").count()) > 10, "the plots are images with names");
    assert.deepEqual(problems, [], "the CSP blocked nothing and nothing was fetched");
    // axe is injected by the test through the DevTools protocol, which the page's CSP does
    // not govern; the report itself runs no script.
    await page.evaluate(readFileSync(AXE, "utf8"));
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    assert.deepEqual(violations, []);
    await context.close();
  } finally {
    await browser.close();
  }
});
