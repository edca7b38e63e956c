// The soak: a page of about 5,000 nodes mutating up to 1,000 times a second
// (tests/e2e/hosts/soak.html), with a pack of 500 lessons (250 anchors on the page, 250
// missing). soak.test.mjs checks what does not depend on the machine's speed there;
// scripts/bench.mjs profiles it for the figures that do.
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
