// The widget's cost on a busy host: a page of about 5,000 nodes mutating about 1,000 times a
// second, with a pack of 500 lessons (250 anchors on the page, 250 missing). A CPU profile
// attributes main-thread time to the widget's own code (pathlight.js and its wasm).
import { writeFile, readFile } from "node:fs/promises";

/** Writes the soak pack next to the fixture pack. */
export async function writeSoakPack() {
  const pack = JSON.parse(await readFile(new URL("./artifacts/lessons.json", import.meta.url), "utf8"));
  const base = pack.lessons.find((l) => l.id === "deep-row");
  pack.lessons = Array.from({ length: 500 }, (_, i) => ({
    ...structuredClone(base),
    id: `soak-${i}`,
    title: `Soak lesson ${i}`,
    anchor: { feature: `soak.${i}` },
    when: { rule: { page: "/app/soak" } },
  }));
  await writeFile(new URL("./artifacts/soak.json", import.meta.url), JSON.stringify(pack));
}

/** Profiles `seconds` of the soak; returns the widget's main-thread ms per second and more. */
export async function profileSoak(page, seconds) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
  });
  const before = await page.evaluate(() => window.mutations);
  await cdp.send("Profiler.start");
  await page.waitForTimeout(seconds * 1000);
  const { profile } = await cdp.send("Profiler.stop");
  const after = await page.evaluate(() => window.mutations);
  // A sample is the widget's when its code is anywhere on the stack: the DOM calls it makes
  // (querySelector, getBoundingClientRect) are native frames with no URL of their own.
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children || []) parent.set(child, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const own = (id) => /pathlight|^wasm:/.test(byId.get(id).callFrame.url);
  const ours = new Set(profile.nodes.map((n) => n.id).filter((id) => {
    for (let at = id; at !== undefined; at = parent.get(at)) if (own(at)) return true;
    return false;
  }));
  const deltas = profile.timeDeltas;
  let widgetUs = 0;
  let totalUs = 0;
  const idle = new Set(profile.nodes.filter((n) => ["(idle)", "(program)", "(garbage collector)"].includes(n.callFrame.functionName)).map((n) => n.id));
  profile.samples.forEach((id, i) => {
    const dt = deltas[i + 1] ?? 0;
    if (ours.has(id)) widgetUs += dt;
    if (!idle.has(id)) totalUs += dt;
  });
  const longTasks = await page.evaluate(() => window.longTasks);
  return {
    widgetMsPerSecond: widgetUs / 1000 / seconds,
    hostScriptMsPerSecond: totalUs / 1000 / seconds,
    mutationsPerSecond: (after - before) / seconds,
    nodes: await page.evaluate(() => window.soakNodes),
    longTasks,
  };
}
