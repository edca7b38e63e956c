// `pathlight dev --allow-origin`: a deployed app (a staging site, not this machine) reads the
// pack in progress, and no other site does. Chromium resolves two made-up hostnames to
// 127.0.0.1 (`--host-resolver-rules`), so pages load from origins that are not loopback's:
// the one allowed fetches the pack, the other is refused by CORS, for the npm CLI and the
// native one. Needs `bash scripts/release.sh` first (target/npm-package).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, serve, waitFor } from "./harness.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const npmBin = join(root, "target/npm-package/bin/pathlight.mjs");
const nativeBin = join(process.env.CARGO_TARGET_DIR || join(root, "target"), "debug", "pathlight");

const clis = [["npm", [process.execPath, npmBin]]];
if (existsSync(nativeBin) && /--allow-origin/.test(spawnSync(nativeBin, ["dev"], { encoding: "utf8" }).stderr)) {
  clis.push(["native", [nativeBin]]);
}

const STAGING = "staging.acme.test";
const OTHER = "other.acme.test";
let browser;
let site;
before(async () => {
  site = await serve();
  browser = await launch({ args: [`--host-resolver-rules=MAP ${STAGING} 127.0.0.1, MAP ${OTHER} 127.0.0.1`] });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

/** `pathlight dev lessons --port N ...more`, serving. */
async function start(cmd, more) {
  const port = await freePort();
  const child = spawn(cmd[0], [...cmd.slice(1), "dev", join(root, "lessons"), "--port", String(port), ...more]);
  const out = { stdout: "", stderr: "" };
  child.stdout.on("data", (d) => (out.stdout += d));
  child.stderr.on("data", (d) => (out.stderr += d));
  const exited = new Promise((ok) => child.on("exit", ok));
  await waitFor(() => /^built \d+ lessons/m.test(out.stdout) || child.exitCode !== null, { what: () => `pathlight dev to build: ${JSON.stringify(out)}` });
  return { base: `http://127.0.0.1:${port}`, out, stop: () => (child.kill("SIGINT"), exited) };
}

/** What a page at `host` gets when it fetches `url`: the lessons' count, or the error. */
async function fetchFrom(host, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const sitePort = new URL(site.base).port;
    // Any page of the site will do: the harness answers /status/200/* with a plain text.
    await page.goto(`http://${host}:${sitePort}/status/200/app`);
    assert.equal(await page.evaluate(() => location.origin), `http://${host}:${sitePort}`);
    return await page.evaluate(async (url) => {
      try {
        const res = await fetch(url);
        return { lessons: (await res.json()).lessons.length };
      } catch (e) {
        return { error: String(e) };
      }
    }, url);
  } finally {
    await context.close();
  }
}

for (const [name, cmd] of clis) {
  test(`${name}: a page at an origin given with --allow-origin reads the dev pack, another is refused`, async () => {
    const sitePort = new URL(site.base).port;
    const allowed = `http://${STAGING}:${sitePort}`;
    const dev = await start(cmd, ["--allow-origin", allowed]);
    try {
      // Said after the first build's line, which may reach us in a chunk of its own.
      await waitFor(() => dev.out.stdout.includes(`pages at ${allowed} may read it too`), {
        what: () => `the terminal to name the origin allowed: ${JSON.stringify(dev.out)}`,
      });
      assert.deepEqual(await fetchFrom(STAGING, `${dev.base}/lessons.json`), { lessons: 21 });
      const refused = await fetchFrom(OTHER, `${dev.base}/lessons.json`);
      assert.match(refused.error ?? "", /Failed to fetch/, JSON.stringify(refused));
      await waitFor(() => dev.out.stderr.includes(`refused a page at http://${OTHER}:${sitePort}: to let it read the pack, start pathlight dev with --allow-origin http://${OTHER}:${sitePort}`), {
        what: () => `the terminal to say how to allow the refused page: ${dev.out.stderr}`,
      });
    } finally {
      await dev.stop();
    }
  });
}
