// `pathlight dev` as the npm package runs it (and the native CLI too, when it has `dev`):
// the protocol of docs/authoring.md. A pack folder served on 127.0.0.1, rebuilt on every
// change, the last good pack kept while a file is broken, pages told through /status and
// Server-Sent Events, CORS for loopback origins only. Each test names the bug it would catch.
// Needs `bash scripts/release.sh` first (the package's files are staged in target/npm-package).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { waitFor } from "./harness.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const npmBin = join(root, "target/npm-package/bin/pathlight.mjs");
const nativeBin = join(process.env.CARGO_TARGET_DIR || join(root, "target"), "debug", "pathlight");

/** The CLIs under test: the npm one, and the native one once it has `dev`. */
const clis = [["npm", [process.execPath, npmBin]]];
if (existsSync(nativeBin) && /usage: pathlight dev/.test(spawnSync(nativeBin, ["dev"], { encoding: "utf8" }).stderr)) {
  clis.push(["native", [nativeBin]]);
}

const folders = [];
after(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

/** A copy of the demo's lessons to edit. */
function pack() {
  const dir = mkdtempSync(join(tmpdir(), "pathlight-dev-"));
  folders.push(dir);
  cpSync(join(root, "lessons"), dir, { recursive: true });
  return dir;
}

const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

/** `pathlight dev dir --port N`, running, with its output so far. */
async function start(cmd, dir) {
  const port = await freePort();
  const child = spawn(cmd[0], [...cmd.slice(1), "dev", dir, "--port", String(port)], { encoding: "utf8" });
  const out = { stdout: "", stderr: "" };
  child.stdout.on("data", (d) => (out.stdout += d));
  child.stderr.on("data", (d) => (out.stderr += d));
  const exited = new Promise((ok) => child.on("exit", (code) => ok(code)));
  await waitFor(() => out.stdout.includes("serving http://127.0.0.1:") || child.exitCode !== null, { what: () => `pathlight dev to serve: ${JSON.stringify(out)}` });
  return { base: `http://127.0.0.1:${port}`, port, out, child, exited, stop: () => { child.kill("SIGINT"); return exited; } };
}

const status = async (base) => (await fetch(`${base}/status`)).json();

/** Reads Server-Sent Events from /events: each `status` event's data, parsed. */
async function events(base, headers = {}) {
  const controller = new AbortController();
  const res = await fetch(`${base}/events`, { headers, signal: controller.signal });
  const got = [];
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^event: status\ndata: (.*)$/s.exec(block);
          if (data) got.push(JSON.parse(data[1]));
        }
      }
    } catch {}
  })();
  return { res, got, close: () => controller.abort() };
}

for (const [name, cmd] of clis) {
  test(`${name}: serves the pack, keeps the last good one while a file is broken, and tells pages`, async () => {
    const dir = pack();
    const dev = await start(cmd, dir);
    try {
      assert.match(dev.out.stdout, /^built 21 lessons in \d+ ms \(build 1\)$/m);
      const lessons = await fetch(`${dev.base}/lessons.json`);
      assert.equal(lessons.status, 200);
      assert.equal(lessons.headers.get("content-type"), "application/json");
      assert.equal(lessons.headers.get("cache-control"), "no-store");
      const good = await lessons.text();
      assert.equal(JSON.parse(good).lessons.length, 21);
      assert.deepEqual(await status(dev.base), { build: 1, diagnostics: [], ok: true, served: 1 });

      const stream = await events(dev.base);
      assert.equal(stream.res.headers.get("content-type"), "text/event-stream");
      assert.equal(stream.res.headers.get("cache-control"), "no-store");
      await waitFor(() => stream.got.length === 1, { what: "the first status event" });
      assert.deepEqual(stream.got[0], { build: 1, diagnostics: [], ok: true, served: 1 });

      // A broken lesson: diagnostics as lint prints them, the last good pack still served.
      const file = join(dir, "api-key.md");
      const text = readFileSync(file, "utf8");
      writeFileSync(file, text.replace(/^minutes = \d+$/m, "minutes = 0"));
      await waitFor(() => stream.got.some((s) => !s.ok), { what: () => `a status with the error: ${JSON.stringify(stream.got)}` });
      const broken = stream.got.find((s) => !s.ok);
      assert.equal(broken.served, 1);
      assert.equal(broken.diagnostics.length, 1, JSON.stringify(broken));
      const [d] = broken.diagnostics;
      assert.equal(d.file, join(dir, "api-key.md"));
      assert.equal(d.severity, "error");
      assert.equal(typeof d.line, "number");
      assert.ok(d.message.startsWith(`error: ${d.file}:${d.line} [minutes]: `), d.message);
      // The terminal's pipe and the page's stream are two channels: either may come first.
      await waitFor(() => dev.out.stderr.includes(d.message), { what: () => `the terminal to show what lint prints, ${d.message}: ${dev.out.stderr}` });
      await waitFor(() => dev.out.stderr.includes(`kept the last good pack (build 1)`), { what: () => dev.out.stderr });
      assert.equal(await (await fetch(`${dev.base}/lessons.json`)).text(), good, "the broken build replaced the pack");

      // Fixed: served again, announced.
      writeFileSync(file, text);
      await waitFor(() => stream.got.at(-1).ok, { what: "a good status after the fix" });
      const fixed = stream.got.at(-1);
      assert.equal(fixed.served, fixed.build);
      assert.deepEqual(fixed.diagnostics, []);
      const built = new RegExp(`^built 21 lessons in \\d+ ms \\(build ${fixed.build}\\)$`, "m");
      await waitFor(() => built.test(dev.out.stdout), { what: () => `the terminal to say build ${fixed.build} was built: ${dev.out.stdout}` });
      stream.close();
    } finally {
      await dev.stop();
    }
  });

  test(`${name}: CORS for pages on this machine only, 404 names the paths, 503 before any good build`, async () => {
    const dir = pack();
    writeFileSync(join(dir, "api-key.md"), "no front matter\n");
    const dev = await start(cmd, dir);
    try {
      // Said on stderr before "serving" on stdout, but the two pipes may arrive in either order.
      await waitFor(() => /no good pack yet: \/lessons.json answers 503 until one builds/.test(dev.out.stderr), { what: () => `the terminal to say no pack is served yet: ${dev.out.stderr}` });
      const none = await fetch(`${dev.base}/lessons.json`);
      assert.equal(none.status, 503);
      const body = await none.json();
      assert.deepEqual([body.build, body.ok, body.served], [1, false, null]);

      for (const origin of ["http://localhost:5173", "http://127.0.0.1:8080", "https://[::1]"]) {
        const r = await fetch(`${dev.base}/status`, { headers: { origin } });
        assert.equal(r.headers.get("access-control-allow-origin"), origin, origin);
        assert.equal(r.headers.get("vary"), "Origin");
        const pre = await fetch(`${dev.base}/lessons.json`, { method: "OPTIONS", headers: { origin } });
        assert.equal(pre.status, 204);
        assert.equal(pre.headers.get("access-control-allow-methods"), "GET");
        assert.equal(pre.headers.get("access-control-allow-headers"), "*");
      }
      for (const origin of ["https://example.com", "http://localhost.example.com", "null"]) {
        const r = await fetch(`${dev.base}/status`, { headers: { origin } });
        assert.equal(r.headers.get("access-control-allow-origin"), null, `a site on the web may read the pack: ${origin}`);
        const pre = await fetch(`${dev.base}/status`, { method: "OPTIONS", headers: { origin } });
        assert.equal(pre.headers.get("access-control-allow-methods"), null);
      }
      const missing = await fetch(`${dev.base}/lesson.json`);
      assert.equal(missing.status, 404);
      assert.equal(await missing.text(), "not found: pathlight dev serves GET /lessons.json, /status, /events and the media the pack uses\n");

      // A second server on the same port: one line naming the port and --port, exit 2.
      const second = spawnSync(cmd[0], [...cmd.slice(1), "dev", dir, "--port", String(dev.port)], { encoding: "utf8" });
      assert.equal(second.status, 2);
      assert.equal(second.stderr, `error: port ${dev.port} is in use: stop what uses it, or choose another with --port N\n`);
    } finally {
      await dev.stop();
    }
  });
}

for (const [name, cmd] of clis) {
  test(`${name}: --allow-origin lets that exact origin read the pack, Private Network Access preflights included`, async () => {
    const dir = pack();
    const port = await freePort();
    const child = spawn(cmd[0], [...cmd.slice(1), "dev", dir, "--port", String(port), "--allow-origin", "https://staging.acme.example/"], { encoding: "utf8" });
    const out = { stdout: "", stderr: "" };
    child.stdout.on("data", (d) => (out.stdout += d));
    child.stderr.on("data", (d) => (out.stderr += d));
    const exited = new Promise((ok) => child.on("exit", ok));
    try {
      await waitFor(() => out.stdout.includes("pages at https://staging.acme.example may read it too"), { what: () => JSON.stringify(out) });
      const base = `http://127.0.0.1:${port}`;
      const pna = { "access-control-request-method": "GET", "access-control-request-private-network": "true" };
      for (const origin of ["https://staging.acme.example", "http://localhost:5173"]) {
        const r = await fetch(`${base}/lessons.json`, { headers: { origin } });
        assert.equal(r.headers.get("access-control-allow-origin"), origin);
        const pre = await fetch(`${base}/lessons.json`, { method: "OPTIONS", headers: { origin, ...pna } });
        assert.equal(pre.status, 204);
        assert.equal(pre.headers.get("access-control-allow-origin"), origin);
        assert.equal(pre.headers.get("access-control-allow-private-network"), "true");
      }
      for (const origin of ["https://app.acme.example", "http://staging.acme.example", "https://staging.acme.example:8443"]) {
        const r = await fetch(`${base}/lessons.json`, { headers: { origin } });
        assert.equal(r.headers.get("access-control-allow-origin"), null, origin);
        const pre = await fetch(`${base}/lessons.json`, { method: "OPTIONS", headers: { origin, ...pna } });
        assert.equal(pre.status, 403, origin);
        assert.equal(pre.headers.get("access-control-allow-private-network"), null);
        assert.match(await pre.text(), /--allow-origin/);
      }
      await waitFor(() => out.stderr.includes("refused a page at https://app.acme.example"), { what: () => `the terminal to name the refused page: ${out.stderr}` });
      assert.equal(out.stderr.match(/refused a page at https:\/\/app\.acme\.example/g)?.length, 1, "told once: " + out.stderr);
    } finally {
      child.kill("SIGINT");
      await exited;
    }
  });
}

test("usage mistakes exit 2 with one line", () => {
  for (const [name, cmd] of clis) {
    const run = (...args) => spawnSync(cmd[0], [...cmd.slice(1), "dev", ...args], { cwd: root, encoding: "utf8" });
    assert.deepEqual([run().status, run().stderr], [2, "usage: pathlight dev <DIR> [--port N] [--allow-origin ORIGIN]...\n"], name);
    const origin = run("lessons", "--allow-origin", "staging.acme.example");
    assert.equal(origin.status, 2, name);
    assert.match(origin.stderr, /^error: --allow-origin needs an origin such as https:\/\/staging\.acme\.example .*`staging\.acme\.example`\n$/, name);
    assert.deepEqual([run("lessons", "--port", "http").status, run("lessons", "--port", "http").stderr], [2, "error: --port needs a port number from 1 to 65535\n"], name);
    const notDir = run("README.md");
    assert.deepEqual([notDir.status, notDir.stderr], [2, "error: README.md is not a folder: pathlight dev watches a pack folder (pack.toml and lessons)\n"], name);
  }
});

for (const [name, cmd] of clis) {
  test(`${name}: dev serves the clips and captions the pack uses beside /lessons.json, and nothing else of the folder`, async () => {
    // Bug: a clip previewed through pathlight dev showed only its alt text, as its file 404ed.
    const dir = pack();
    const dev = await start(cmd, dir);
    try {
      await waitFor(async () => (await status(dev.base)).ok, { what: "the demo's pack to build" });
      const origin = "http://localhost:5173";
      for (const [file, type] of [["clips/send-invoice.webm", "video/webm"], ["clips/send-invoice.vtt", "text/vtt; charset=utf-8"]]) {
        const r = await fetch(`${dev.base}/${file}`, { headers: { origin } });
        assert.equal(r.status, 200, file);
        assert.equal(r.headers.get("content-type"), type, file);
        assert.equal(r.headers.get("access-control-allow-origin"), origin, file);
        assert.deepEqual(Buffer.from(await r.arrayBuffer()), readFileSync(join(dir, file)), file);
      }
      for (const file of ["pack.toml", "send-invoice.md", "clips/../pack.toml"]) {
        assert.equal((await fetch(`${dev.base}/${file}`)).status, 404, `${file} is not the pack's media`);
      }
    } finally {
      await dev.stop();
    }
  });
}
