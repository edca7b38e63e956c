// The widget's cost stays small and flat on a big, busy host page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launcher, open, suite } from "./harness.mjs";
import { writeSoakPack, profileSoak } from "./soak.mjs";

const env = suite({
  prepare: async () => {
    await writeSoakPack();
  },
});

test("on a 5,000-node page mutating 1,000 times a second, the widget costs under 2% of the main thread", async () => {
  const { page, log, close } = await open(env.browser, `${env.base}/app/soak`);
  await launcher(page);
  await page.waitForTimeout(1000);
  const figures = await profileSoak(page, 5);
  console.log("soak:", JSON.stringify(figures));
  assert.ok(figures.nodes >= 5000, `only ${figures.nodes} nodes`);
  assert.ok(figures.mutationsPerSecond >= 500, `only ${figures.mutationsPerSecond} mutations/s`);
  assert.ok(figures.widgetMsPerSecond < 20, `the widget took ${figures.widgetMsPerSecond.toFixed(1)} ms/s`);
  assert.deepEqual(log.pageErrors, []);
  await close();
});
