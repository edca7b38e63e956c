// Records clips in headless Chromium with no extra tool: the Chrome DevTools Protocol's
// `Page.startScreencast` frames of a page, drawn on a canvas that `MediaRecorder` records as
// webm (Playwright's own video recording needs an ffmpeg download these machines cannot make).
// Used by scripts/screenshots.mjs for the demo's clips, and for the e2e tests' tiny fixture.

/** Starts capturing `page`'s frames at `width`×`height` at most; `stop()` gives them, each
 * `{ data, at }` (a JPEG in base64, seconds since the first). */
export async function screencast(page, { width, height, quality = 70 }) {
  const cdp = await page.context().newCDPSession(page);
  const frames = [];
  cdp.on("Page.screencastFrame", ({ data, metadata, sessionId }) => {
    frames.push({ data, at: metadata.timestamp });
    cdp.send("Page.screencastFrameAck", { sessionId }).catch(() => {});
  });
  await cdp.send("Page.startScreencast", { format: "jpeg", quality, maxWidth: width, maxHeight: height, everyNthFrame: 1 });
  return {
    async stop() {
      await cdp.send("Page.stopScreencast");
      await cdp.detach();
      const first = frames[0]?.at ?? 0;
      return frames.map((f) => ({ data: f.data, at: f.at - first }));
    },
  };
}

/** Encodes `frames` (from `screencast`) as webm in a blank page of `browser`: each drawn on
 * a `width`×`height` canvas at its own time, the last held for `hold` seconds, as
 * `MediaRecorder` records it. The webm's bytes. */
export async function encode(browser, frames, { width, height, hold = 1, bitrate = 250_000 }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const base64 = await page.evaluate(async ({ frames, width, height, hold, bitrate }) => {
    const canvas = Object.assign(document.createElement("canvas"), { width, height });
    document.body.append(canvas);
    const g = canvas.getContext("2d");
    const images = await Promise.all(frames.map(async (f) => {
      const img = new Image();
      img.src = f.data.startsWith("data:") ? f.data : `data:image/jpeg;base64,${f.data}`;
      await img.decode();
      return img;
    }));
    const draw = (img) => {
      g.fillStyle = "#fff";
      g.fillRect(0, 0, width, height);
      const scale = Math.min(width / img.width, height / img.height);
      const w = img.width * scale, h = img.height * scale;
      g.drawImage(img, (width - w) / 2, (height - h) / 2, w, h);
    };
    draw(images[0]);
    const stream = canvas.captureStream(25);
    const type = ["video/webm;codecs=vp9", "video/webm;codecs=vp8", "video/webm"].find((t) => MediaRecorder.isTypeSupported(t));
    const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: bitrate });
    const chunks = [];
    recorder.ondataavailable = (e) => e.data.size && chunks.push(e.data);
    const done = new Promise((ok) => (recorder.onstop = ok));
    recorder.start();
    const start = performance.now();
    const wait = (until) => new Promise((ok) => {
      const tick = () => (performance.now() - start >= until * 1000 ? ok() : requestAnimationFrame(tick));
      tick();
    });
    for (let i = 0; i < images.length; i++) {
      await wait(frames[i].at);
      draw(images[i]);
    }
    await wait((frames.at(-1)?.at ?? 0) + hold);
    recorder.stop();
    await done;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let text = "";
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }, { frames, width, height, hold, bitrate });
  await context.close();
  return Buffer.from(base64, "base64");
}

/** Frames drawn here rather than captured: `count` plain colour frames, `step` seconds
 * apart, with their number, for a tiny test clip. */
export function colourFrames(count, step, { width, height }) {
  return Array.from({ length: count }, (_, i) => {
    const hue = Math.round((360 * i) / count);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="hsl(${hue} 70% 50%)"/><text x="50%" y="60%" font-size="${height / 3}" text-anchor="middle" fill="#fff">${i + 1}</text></svg>`;
    return { data: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`, at: i * step };
  });
}
