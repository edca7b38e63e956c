// Takes the README's screenshots of the demo in headless Chromium: the lesson card in light,
// dark, right-to-left and on a phone, the goal picker and the learning map, and author mode's
// trigger debugger and element picker (docs/authoring.md), and `pathlight report`'s page
// (`node scripts/screenshots.mjs report`), and the demo lessons' clips of its own actions
// (`node scripts/screenshots.mjs clip`: lessons/clips/*.webm and their posters; the captions
// beside them are written by hand, to the pace set here).
// Run after `trunk build --release`: node scripts/screenshots.mjs [name...] (all by default;
// a name also takes the shots it prefixes: `author` retakes author-debugger and author-picker).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { chromium } from "playwright-core";
import { encode, screencast } from "./clip-recorder.mjs";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const clips = fileURLToPath(new URL("../lessons/clips/", import.meta.url));
const out = fileURLToPath(new URL("../docs/", import.meta.url));
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".css": "text/css" };
// The demo is a single-page app: unknown paths get index.html.
const server = createServer(async (req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  try {
    const body = await readFile(join(dist, path));
    res.writeHead(200, { "content-type": TYPES[extname(path)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(await readFile(join(dist, "index.html")));
  }
}).listen(0, "127.0.0.1");
await new Promise((ok) => server.once("listening", ok));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });

const only = process.argv.slice(2);

async function shot(name, { viewport = { width: 1366, height: 860 }, phone = false, colorScheme = "light", init, steps }) {
  if (only.length && !only.some((o) => name === o || name.startsWith(o + "-"))) return;
  // A phone as Chromium really renders one: the page laid out for touch at 3 device pixels per
  // CSS pixel (the picture is kept at one pixel per CSS pixel).
  const device = phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : {};
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion: "reduce", ...device });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  await page.goto(`${base}/invoices/INV-1042`);
  const learn = page.locator("pathlight-widget >> .pl-launcher");
  await learn.waitFor();
  await steps(page, learn);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, `${name}.png`), scale: "css" });
  await context.close();
}

const skipGoals = (page) => page.evaluate(() => window.pathlight("setGoals", []));
const openCard = async (page, layer) => {
  await skipGoals(page);
  await page.evaluate(() => window.pathlight("open", "send-invoice"));
  await page.locator("pathlight-widget >> .pl-card").waitFor();
  if (layer) await page.locator(`pathlight-widget >> #pl-tab-${layer}`).click();
};
const arabic = () => {
  const queue = (window.pathlight = window.pathlight || function () { (queue.q = queue.q || []).push(arguments); });
  Object.defineProperty(navigator, "language", { get: () => "ar" });
};

const author = async (page) => {
  await skipGoals(page);
  await page.evaluate(() => window.pathlight("author", true));
  await page.locator("pathlight-widget >> .pa-panel").waitFor();
  await page.locator("pathlight-widget >> .pa-lesson").first().waitFor();
};
// The screencast shows no pointer: this one follows the mouse, and rings on a click.
const pointer = () => addEventListener("DOMContentLoaded", () => {
  const dot = document.createElement("div");
  dot.style.cssText = "position:fixed;z-index:2147483647;width:18px;height:18px;margin:-9px 0 0 -9px;border-radius:50%;background:rgba(37,99,235,.35);border:2px solid #2563eb;pointer-events:none;transition:transform .15s;left:-40px;top:-40px";
  document.body.append(dot);
  addEventListener("mousemove", (e) => { dot.style.left = e.clientX + "px"; dot.style.top = e.clientY + "px"; }, true);
  addEventListener("mousedown", () => (dot.style.transform = "scale(1.8)"), true);
  addEventListener("mouseup", () => (dot.style.transform = ""), true);
});

/** Records the demo doing `actions` on `path`, without the widget, as lessons/clips/<name>.webm
 * (and its first frame as the poster, <name>.jpg). The pace is fixed here, for the captions. */
async function clip(name, { path, actions, size = { width: 640, height: 400 } }) {
  if (only.length && !only.some((o) => `clip-${name}` === o || `clip-${name}`.startsWith(o + "-"))) return;
  const context = await browser.newContext({ viewport: { width: 960, height: 600 }, reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.route("**/pathlight.js", (r) => r.fulfill({ body: "", contentType: "text/javascript" }));
  await page.addInitScript(pointer);
  await page.goto(`${base}${path}`);
  await page.mouse.move(480, 560);
  await page.waitForTimeout(300);
  const cast = await screencast(page, size);
  await actions(page);
  const frames = await cast.stop();
  mkdirSync(clips, { recursive: true });
  writeFileSync(join(clips, `${name}.webm`), await encode(browser, frames, { ...size, hold: 1.5, bitrate: 300_000 }));
  writeFileSync(join(clips, `${name}.jpg`), Buffer.from(frames[0].data, "base64"));
  await context.close();
}

/** Moves the pointer to `locator` as a hand would, and clicks it. */
const press = async (page, locator) => {
  const b = await locator.boundingBox();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 18 });
  await page.waitForTimeout(250);
  await page.mouse.down();
  await page.waitForTimeout(120);
  await page.mouse.up();
};

await clip("send-invoice", {
  path: "/invoices/INV-1048",
  actions: async (page) => {
    await page.waitForTimeout(800);
    await press(page, page.locator("#inv-send"));
    await page.locator("#sd-cc").waitFor();
    await page.waitForTimeout(900);
    await press(page, page.locator("#sd-cc"));
    await page.keyboard.type("ap@brightline.example", { delay: 45 });
    await page.waitForTimeout(700);
    await press(page, page.locator("[data-dlg-submit]"));
    await page.waitForTimeout(2200);
  },
});
await clip("record-payment", {
  path: "/invoices/INV-1042",
  actions: async (page) => {
    await page.waitForTimeout(800);
    await press(page, page.locator("#inv-record"));
    await page.locator("#rp-method").waitFor();
    await page.waitForTimeout(900);
    await page.locator("#rp-method").selectOption("Check");
    await press(page, page.locator("#rp-ref"));
    await page.keyboard.type("check #1042", { delay: 60 });
    await page.waitForTimeout(700);
    await press(page, page.locator("[data-dlg-submit]"));
    await page.waitForTimeout(2200);
  },
});
await shot("author-debugger", { steps: author });
await shot("author-picker", {
  steps: async (page) => {
    await author(page);
    await page.locator("pathlight-widget >> .pa-tab", { hasText: "Pick an element" }).click();
    await page.locator("pathlight-widget >> .pa-picker .pa-button").click();
    const target = page.locator('[data-pathlight="invoices.send"]').first();
    await target.click();
    await page.locator("pathlight-widget >> .pa-line").waitFor();
    await target.hover();
  },
});
await shot("card-light", { steps: (page) => openCard(page, "what") });
await shot("card-dark", { colorScheme: "dark", steps: (page) => openCard(page, "how") });
await shot("card-rtl", { init: arabic, steps: (page) => openCard(page, "why") });
await shot("card-mobile", { viewport: { width: 390, height: 844 }, phone: true, steps: (page) => openCard(page, "how") });
await shot("card-clip", {
  steps: async (page) => {
    await openCard(page, "how");
    // The clip, paused where its captions say what it shows.
    const clip = page.locator("pathlight-widget >> .pl-clip video");
    await clip.evaluate(async (v) => {
      v.scrollIntoView({ block: "center" });
      v.muted = true;
      await v.play();
      await new Promise((ok) => v.addEventListener("timeupdate", function at() { if (v.currentTime > 3.4) { v.removeEventListener("timeupdate", at); ok(); } }));
      v.pause();
    });
  },
});
await shot("goal-picker", { steps: (page, learn) => learn.click() });
await shot("learning-map", {
  steps: async (page, learn) => {
    await page.evaluate(() => {
      window.pathlight("setGoals", ["get-paid-faster"]);
      window.pathlight("track", "invoice_created");
    });
    await learn.click();
    await page.locator("pathlight-widget >> .pl-map").evaluate((map) => map.scrollIntoView({ block: "start" }));
  },
});
if (!only.length || only.includes("report")) {
  // `pathlight report` on 60,000 simulated events of the demo pack (examples/report_events.rs).
  const tmp = mkdtempSync(join(tmpdir(), "pathlight-shot-"));
  const events = join(tmp, "events.ndjson");
  const made = spawnSync("cargo", ["run", "--quiet", "--example", "report_events", "--", "60000", "--pack", "lessons"], { cwd: join(out, ".."), maxBuffer: 1 << 28 });
  writeFileSync(events, made.stdout);
  spawnSync("cargo", ["run", "--quiet", "--bin", "pathlight", "--", "report", events, "--pack", "lessons", "-o", join(tmp, "report.html")], { cwd: join(out, ".."), stdio: "inherit" });
  const context = await browser.newContext({ viewport: { width: 1280, height: 1500 } });
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(tmp, "report.html")).href);
  await page.screenshot({ path: join(out, "report.png"), scale: "css" });
  await context.close();
  rmSync(tmp, { recursive: true, force: true });
}
await browser.close();
server.close();
console.log("screenshots written to docs/");
