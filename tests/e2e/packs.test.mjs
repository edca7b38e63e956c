// Packs that are too big, have duplicate lesson ids or come from a newer format never break
// the widget or the host. A refused pack leaves the host working, no widget, and exactly
// one console warning that names the cause, where it is and the fix; a pack with content
// this version does not know loads without those parts, with one warning for the whole
// pack. The bad packs are made at test time from the fixture pack. Each test names the bug
// it would catch.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { serve, launch, open, launcher, waitFor } from "./harness.mjs";

const ARTIFACTS = new URL("./artifacts/", import.meta.url);
/** The widget's limit, `pack::MAX_PACK_BYTES`. */
const LIMIT = 5_000_000;

/** `6.2 MB`, rounded up to a tenth as the widget says it. */
function megabytes(bytes) {
  const tenths = Math.ceil(bytes / 100_000);
  return tenths % 10 ? `${Math.floor(tenths / 10)}.${tenths % 10} MB` : `${tenths / 10} MB`;
}

const sizes = {};

/** Writes `tests/e2e/artifacts/packs-<name>.json`, served at `/fixtures/packs-<name>.json`. */
async function write(name, pack) {
  const text = JSON.stringify(pack);
  sizes[name] = Buffer.byteLength(text);
  await writeFile(new URL(`packs-${name}.json`, ARTIFACTS), text);
}

async function makePacks() {
  await mkdir(ARTIFACTS, { recursive: true });
  const valid = JSON.parse(await readFile(new URL("lessons.json", ARTIFACTS), "utf8"));
  const ids = valid.lessons.map((l) => l.id);
  assert.equal(ids[3], "export-report", "the fixture pack changed: update this test");

  // Over the limit by a translation no learner reads, as real packs grow.
  const big = structuredClone(valid);
  big.lessons[0].locales = { fr: { objective: "x".repeat(6_200_000) } };
  await write("big", big);

  // Two ids used twice: lessons[1] and lessons[7], lessons[0] and lessons[5].
  const duplicates = structuredClone(valid);
  duplicates.lessons[1].id = ids[7];
  duplicates.lessons[5].id = ids[0];
  await write("duplicates", duplicates);

  // A newer format's block and inlines in export-report (lessons[3]).
  const newer = structuredClone(valid);
  const lesson = newer.lessons[3];
  lesson.why[0].p.splice(2, 0, { kbd: "Ctrl+E" });
  lesson.why.push({ table: { rows: [["Q1 revenue", "Q2 revenue"]] } }, { p: [{ text: "Kept after the table." }] });
  lesson.how[0].steps[1].content[0].p.push({ sup: "footnote 1" });
  await write("newer", newer);
}

/** In front of the shared harness, same origin: `/declared/<file>` answers with the file's
 * true Content-Length and then never sends the body, as a slow link does; `/gzip/<file>`
 * sends it gzip-compressed, so its Content-Length is the compressed size, as CDNs do.
 * Everything else is passed through. */
async function frontServer(upstream) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://x");
      const held = url.pathname.match(/^\/declared\/([\w.-]+)$/);
      const gzip = url.pathname.match(/^\/gzip\/([\w.-]+)$/);
      if (held || gzip) {
        const body = await readFile(new URL((held || gzip)[1], ARTIFACTS));
        if (held) {
          res.writeHead(200, { "content-type": "application/json", "content-length": String(body.length), "cache-control": "no-store" });
          res.flushHeaders();
          return; // the body never comes
        }
        const packed = gzipSync(body);
        res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": String(packed.length), "cache-control": "no-store" });
        return res.end(packed);
      }
      const answer = await fetch(upstream + req.url);
      res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") || "application/octet-stream", "cache-control": "no-store" });
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch (e) {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(String(e));
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    close: () => { server.closeAllConnections(); return new Promise((ok) => server.close(ok)); },
  };
}

let server, front, browser;
before(async () => {
  await makePacks();
  server = await serve();
  front = await frontServer(server.base);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await front?.close();
  await server?.close();
});

/** The host's own button still updates its counter. */
async function hostWorks(page) {
  const before = Number(await page.textContent("#host-count"));
  await page.click("#host-counter");
  assert.equal(Number(await page.textContent("#host-count")), before + 1, "the host's own button stopped working");
}

/** Opens the pack host on the pack at `pack`. */
const host = (pack) => open(browser, `${front.base}/app/packs?pack=${encodeURIComponent(pack)}`);

/** The pack was refused: no widget, the host works, and exactly one warning, matching
 * `cause`. The refused init's last act is its warning, so once it has arrived a corrected
 * init is the next thing the widget does: when that one's launcher shows, any second
 * warning about the refused pack would have come first. */
async function refused(page, log, cause) {
  const mounted = () => page.locator("pathlight-widget").count().then((n) => n > 0);
  await waitFor(async () => log.warnings.length > 0 || log.pageErrors.length > 0 || (await mounted()), { what: "a warning, an error or a widget" });
  assert.ok(!(await mounted()), `the pack was loaded and a widget mounted, instead of refused (warnings: ${JSON.stringify(log.warnings)})`);
  assert.ok(log.warnings.length > 0, "no warning and no widget in 15 s");
  await hostWorks(page);
  await page.evaluate(() => window.pathlight("init", { lessons: "/lessons.json" }));
  await launcher(page);
  assert.deepEqual(log.pageErrors, [], "an exception reached the host page");
  assert.equal(log.warnings.length, 1, `expected exactly one warning: ${JSON.stringify(log.warnings, null, 1).slice(0, 2000)}`);
  assert.match(log.warnings[0], /^Pathlight: /);
  assert.match(log.warnings[0], cause);
}

/** The oversize warning: the size, the limit, the URL and the fix. */
const tooBig = (url, bytes) => new RegExp(
  `^Pathlight: ${url.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: the lessons file is ${megabytes(bytes).replace(".", "\\.")}, over the 5 MB a pack may have, so it was not read\\. ` +
  "Make it smaller: split it into several packs .* or remove translations no learner uses, then rebuild it with `pathlight build`\\.$",
);

test("a pack over 5 MB sent without Content-Length is refused by its length with one warning: size, limit, URL and fix", async () => {
  // Catches: a pack of any size parsed whole (the page freezes, the widget's memory
  // fills), or a size check that trusts only a Content-Length the server did not send.
  assert.ok(sizes.big > LIMIT);
  const url = "/fixtures/packs-big.json";
  const { page, log, close } = await host(url);
  await refused(page, log, tooBig(url, sizes.big));
  await close();
});

test("a pack over 5 MB whose server declares its size is refused at once, without waiting for the body", async () => {
  // Catches: a Content-Length that is ignored, so the widget downloads all of a pack it
  // will refuse (here the body never comes: the widget would wait 10 s and blame the
  // network instead of naming the size).
  const url = "/declared/packs-big.json";
  const { page, log, close } = await host(url);
  await refused(page, log, tooBig(url, sizes.big));
  await close();
});

test("a gzip-compressed pack over 5 MB, whose Content-Length is the compressed size, is still refused", async () => {
  // Catches: a size check that believes Content-Length, which for a compressed answer is
  // a fraction of the text the widget would parse.
  const url = "/gzip/packs-big.json";
  assert.ok(gzipSync(await readFile(new URL("packs-big.json", ARTIFACTS))).length < LIMIT / 10);
  const { page, log, close } = await host(url);
  await refused(page, log, tooBig(url, sizes.big));
  await close();
});

test("a pack with duplicate lesson ids is refused with one warning naming every duplicate", async () => {
  // Catches: two lessons under one id loading, so that progress, completion and `open`
  // of one went to the other; or a warning that names only the first duplicate.
  const url = "/fixtures/packs-duplicates.json";
  const { page, log, close } = await host(url);
  await refused(page, log, new RegExp(
    "^Pathlight: /fixtures/packs-duplicates\\.json: the lessons file has lessons with the same id " +
    "\\(lessons\\[0\\] and lessons\\[5\\] both have id `aging-check`; lessons\\[1\\] and lessons\\[7\\] both have id `send-invoice`\\), " +
    "so it was not read: .*Give each lesson its own id and rebuild the pack with `pathlight build`",
  ));
  await close();
});

test("a pack with a newer format's block and inlines loads without them, with one warning, and the rest of the lesson renders", async () => {
  // Catches: one unknown block or inline making the whole pack fail to load (no widget at
  // all), a warning per part or none, or the unknown part rendered (its text, or an
  // element for it) instead of left out.
  const url = "/fixtures/packs-newer.json";
  const { page, log, close } = await host(url);
  await launcher(page);
  // The warning comes before the widget mounts: it is here, and alone.
  assert.deepEqual(log.pageErrors, []);
  assert.equal(log.warnings.length, 1, JSON.stringify(log.warnings));
  assert.equal(
    log.warnings[0],
    "Pathlight: /fixtures/packs-newer.json: this pack has content this version of Pathlight does not know " +
    "(`kbd` in lessons[3].why[0].p[2], and 2 more), so those parts are left out. " +
    "Update the widget, or rebuild the pack with the `pathlight` CLI of the widget's release.",
  );
  await page.evaluate(() => window.pathlight("open", "export-report"));
  const card = page.getByRole("dialog", { name: "Export a report" });
  await card.waitFor();
  const panel = card.getByRole("tabpanel");
  await card.getByRole("tab", { name: "Why" }).click();
  await waitFor(async () => /Kept after the table/.test(await panel.textContent()), { what: "the Why layer" });
  const why = await panel.textContent();
  assert.match(why, /Your accountant wants numbers, not screenshots\./, "the paragraph around the unknown inline is gone or changed");
  assert.match(why, /Kept after the table\./, "the block after the unknown block is gone");
  assert.doesNotMatch(why, /Ctrl\+E|Q1 revenue/, "an unknown part was rendered");
  assert.equal(await panel.locator("p").count(), 2, "the Why layer should hold its two known paragraphs");
  await card.getByRole("tab", { name: "How" }).click();
  await waitFor(async () => /Pick the date range/.test(await panel.textContent()), { what: "the How layer" });
  const how = await panel.textContent();
  assert.match(how, /Pick the date range\./);
  assert.match(how, /Click Export\./, "the step with the unknown inline lost its text");
  assert.doesNotMatch(how, /footnote/);
  // The other lessons of the pack are all there.
  await card.getByRole("button", { name: /close/i }).first().click();
  await (await launcher(page)).click();
  await page.locator("pathlight-widget >> section.pl-panel").waitFor();
  const titles = await page.locator("pathlight-widget >> .pl-item-title").allTextContents();
  assert.ok(titles.includes("Send an invoice"), JSON.stringify(titles));
  await hostWorks(page);
  assert.deepEqual(log.pageErrors, []);
  assert.equal(log.warnings.length, 1, JSON.stringify(log.warnings));
  await close();
});
