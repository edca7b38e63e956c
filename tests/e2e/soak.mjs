// The soak: a page of about 5,000 nodes mutating up to 1,000 times a second
// (tests/e2e/hosts/soak.html), with a pack of 500 lessons (250 anchors on the page, 250
// missing). soak.test.mjs checks what does not depend on the machine's speed there;
// bench/run.mjs profiles it for the figures that do.
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

/** In the page, before its scripts: keeps every WebAssembly.Memory the page's instances export, as they are instantiated: the
 * widget's linear memory. (Not found through the heap with CDP's Runtime.queryObjects, which
 * crashes Chromium 156's renderer once a module split by wasm-split-cli is instantiated.) */
export function recordMemories() {
  window.__memories = [];
  const keep = (result) => {
    try {
      for (const value of Object.values((result.instance || result).exports)) {
        if (value instanceof WebAssembly.Memory && !window.__memories.includes(value)) window.__memories.push(value);
      }
    } catch {}
    return result;
  };
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function () { return original.apply(this, arguments).then(keep); };
  }
}

/** After a forced GC: the JS heap, and the widget's linear memory. */
export async function memory(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const { result } = await cdp.send("Runtime.evaluate", {
    expression: "window.__memories.reduce((t, m) => t + m.buffer.byteLength, 0)",
    returnByValue: true,
  });
  return { jsHeap: heap.usedSize, wasm: result.value };
}
