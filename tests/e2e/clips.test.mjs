// Clips in lessons, through the release build's script tag on a plain host page: the pack of
// tests/fixtures/clips built with `pathlight build` into a folder of its own (which copies the
// clip, its captions and poster beside lessons.json), served under /packs/. A clip is a plain
// <video>: nothing of it is fetched before its layer opens, it has controls and captions,
// plays, stops when the learner leaves it, keeps still under reduced motion, fits a phone,
// falls back to its alt text and a link, and axe finds nothing wrong with it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile, rm } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, launcher, waitFor } from "./harness.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PACK = join(ROOT, "tests/e2e/artifacts/clips");
const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".webm": "video/webm", ".vtt": "text/vtt", ".png": "image/png" };
const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Clips host</title></head>
<body><main><h1>Invoices</h1><p>A plain host page.</p></main>
<script async src="/dist/pathlight.js" data-lessons="/packs/lessons.json"></script></body></html>`;

let server, browser, base;
before(async () => {
  await rm(PACK, { recursive: true, force: true });
  execFileSync("cargo", ["run", "--quiet", "--bin", "pathlight", "--", "build", "tests/fixtures/clips", "-o", join(PACK, "lessons.json")], { cwd: ROOT, stdio: "ignore" });
  server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file;
    if (path === "/host") {
      res.writeHead(200, { "content-type": TYPES[".html"] });
      return res.end(HOST);
    }
    if (path.startsWith("/dist/")) file = join(ROOT, "dist", normalize(path.slice(6)));
    else if (path.startsWith("/packs/")) file = join(PACK, normalize(path.slice(7)));
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok) ?? ok());
});

/** The host page with the widget loaded, every request to the clips' folder noted, and the
 * clip events the host hears collected in `window.__clips`. */
async function host({ reducedMotion = "no-preference", viewport = { width: 1280, height: 800 }, phone = false, setup } = {}) {
  const device = phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : {};
  const context = await browser.newContext({ viewport, reducedMotion, ...device });
  const page = await context.newPage();
  const media = [];
  const errors = [];
  page.on("request", (r) => { if (r.url().includes("/clips/")) media.push(r.url()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    window.__clips = [];
    for (const name of ["clip_played", "clip_finished"]) {
      window.addEventListener(`pathlight:${name}`, (e) => window.__clips.push({ name, ...e.detail }));
    }
  });
  if (setup) await setup(page);
  await page.goto(`${base}/host`);
  await launcher(page);
  await page.evaluate(() => window.pathlight("setGoals", []));
  return { page, media, errors, close: () => context.close() };
}

const card = (page) => page.locator("pathlight-widget >> section.pl-card");
const video = (page) => page.locator("pathlight-widget >> .pl-clip video");

async function openCard(page, id, layer) {
  await page.evaluate((id) => window.pathlight("open", id), id);
  await card(page).waitFor();
  if (layer) await card(page).getByRole("tab", { name: layer }).click();
}

/** Plays the clip (muted, as a script may without a gesture) and waits until time moves. */
async function play(page) {
  await video(page).evaluate((v) => { window.__video = v; v.muted = true; v.play(); });
  await waitFor(() => page.evaluate(() => window.__video.currentTime > 0.2), { what: "the clip to play" });
}

test("no request for a clip before its layer opens; then a <video> with controls and a captions track", async () => {
  const { page, media, errors, close } = await host();
  await openCard(page, "send-invoice", "Why");
  await card(page).getByRole("tab", { name: "What" }).click();
  assert.equal(await video(page).count(), 0);
  assert.deepEqual(media, [], "nothing of the clip is fetched before its layer opens");
  await card(page).getByRole("tab", { name: "How" }).click();
  await video(page).waitFor();
  const v = await video(page).evaluate((v) => ({
    controls: v.controls, playsinline: v.hasAttribute("playsinline"), preload: v.getAttribute("preload"),
    src: v.getAttribute("src"), poster: v.getAttribute("poster"), label: v.getAttribute("aria-label"),
    loop: v.loop, autoplay: v.autoplay, paused: v.paused,
    tracks: [...v.querySelectorAll("track")].map((t) => ({ kind: t.kind, default: t.default, src: t.getAttribute("src") })),
  }));
  assert.deepEqual(v, {
    controls: true, playsinline: true, preload: "none",
    // Relative media resolve against the pack's URL, not the page's.
    src: "/packs/clips/moving.webm", poster: "/packs/clips/moving.png", label: "Sending an invoice from the invoice page",
    loop: false, autoplay: false, paused: true,
    tracks: [{ kind: "captions", default: true, src: "/packs/clips/moving.vtt" }],
  });
  // preload="none": the video itself waits for play (the poster and captions may load).
  assert.ok(!media.some((u) => u.endsWith(".webm")), `the video was fetched before play: ${media}`);
  assert.deepEqual(errors, []);
  await close();
});

test("the clip plays, the host hears clip_played and clip_finished, and it stops when the card closes", async () => {
  const { page, close } = await host();
  await openCard(page, "send-invoice", "How");
  await play(page);
  const played = await page.evaluate(() => window.__clips);
  assert.deepEqual(played.map((e) => [e.name, e.lesson, e.layer]), [["clip_played", "send-invoice", "how"]]);
  await page.evaluate(() => window.pathlight("close"));
  await card(page).waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => window.__video.paused), true, "the clip still plays after the card closed");
  const finished = await waitFor(() => page.evaluate(() => window.__clips.find((e) => e.name === "clip_finished")), { what: "clip_finished" });
  assert.equal(finished.lesson, "send-invoice");
  assert.equal(finished.layer, "how");
  assert.equal(finished.ended, false);
  assert.ok(finished.seconds > 0, `seconds watched: ${finished.seconds}`);
  await close();
});

test("the clip stops when the layer changes, and when the page hides", async () => {
  const { page, close } = await host();
  await openCard(page, "send-invoice", "How");
  await play(page);
  await card(page).getByRole("tab", { name: "Why" }).click();
  await waitFor(() => page.evaluate(() => window.__video.paused), { what: "the clip to stop as the layer changed" });
  await card(page).getByRole("tab", { name: "How" }).click();
  await play(page);
  await page.evaluate(() => {
    Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await waitFor(() => page.evaluate(() => window.__video.paused), { what: "the clip to stop as the page hid" });
  await close();
});

test("a looping clip plays by itself, muted, but stays still under reduced motion", async () => {
  const moving = await host();
  await openCard(moving.page, "spinner", "What");
  const v = await video(moving.page).evaluate((v) => ({ loop: v.loop, muted: v.muted, autoplay: v.autoplay }));
  assert.deepEqual(v, { loop: true, muted: true, autoplay: true });
  await waitFor(() => video(moving.page).evaluate((v) => v.currentTime > 0.2), { what: "the loop to play by itself" });
  await moving.close();

  const still = await host({ reducedMotion: "reduce" });
  await openCard(still.page, "spinner", "What");
  await video(still.page).waitFor();
  const s = await video(still.page).evaluate((v) => ({ loop: v.loop, autoplay: v.autoplay, paused: v.paused, time: v.currentTime }));
  assert.deepEqual(s, { loop: true, autoplay: false, paused: true, time: 0 });
  assert.ok(!still.media.some((u) => u.endsWith(".webm")), "under reduced motion the loop is not even fetched");
  await still.close();
});

test("a clip fits a 360 px phone sheet and keeps its place as it loads", async () => {
  const { page, close } = await host({ viewport: { width: 360, height: 740 }, phone: true });
  await openCard(page, "send-invoice", "How");
  await video(page).waitFor();
  const box = (l) => l.evaluate((e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, width: r.width, height: r.height }; });
  const before = await box(video(page));
  const sheet = await box(card(page));
  assert.ok(before.width > 100 && before.left >= sheet.left - 0.5 && before.right <= sheet.right + 0.5 && sheet.right <= 360.5, `the clip overflows: ${JSON.stringify({ before, sheet })}`);
  assert.ok(Math.abs(before.height - (before.width * 90) / 160) < 1, `the clip's box is not 160:90 before it loads: ${JSON.stringify(before)}`);
  await play(page);
  const afterPlay = await box(video(page));
  assert.deepEqual(afterPlay, before, "the clip's box moved as it loaded");
  await close();
});

test("a clip that fails to load shows its alt text and a link to the file", async () => {
  const { page, close } = await host({ setup: (p) => p.route("**/clips/moving.webm", (r) => r.fulfill({ status: 404, body: "" })) });
  await openCard(page, "send-invoice", "How");
  await video(page).evaluate((v) => { v.muted = true; v.play().catch(() => {}); });
  const fallback = page.locator("pathlight-widget >> .pl-clip-failed");
  await fallback.waitFor();
  assert.match(await fallback.textContent(), /Sending an invoice from the invoice page/);
  const link = fallback.locator("a");
  assert.equal(await link.getAttribute("href"), "/packs/clips/moving.webm");
  assert.equal(await link.textContent(), "moving.webm");
  await close();
});

test("keyboard: the clip's controls are reachable and Escape still closes the card", async () => {
  const { page, close } = await host();
  await openCard(page, "send-invoice", "How");
  await video(page).waitFor();
  // Tab from the tab panel reaches the video (its controls) before anything after it.
  await page.locator("pathlight-widget >> #pl-tabpanel").focus();
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.querySelector("pathlight-widget").shadowRoot.activeElement?.localName);
  assert.equal(focused, "video", "Tab from the layer did not reach the clip");
  await page.keyboard.press("Escape");
  await card(page).waitFor({ state: "detached" });
  await close();
});

test("axe-core finds nothing wrong with a clip in the card", async () => {
  const { page, close } = await host();
  await openCard(page, "send-invoice", "How");
  await video(page).waitFor();
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const result = await window.axe.run({ include: [["pathlight-widget"]] }, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  assert.deepEqual(found, []);
  await close();
});
