// Hostile content in a hand-edited pack: the widget is the last line of defence when a pack
// did not come from our CLI. Every payload of tests/fixtures/hostile/payloads.json goes into
// titles, objectives, the three layers, link targets, image URLs, feature names and goals;
// the widget loads the pack, every lesson is opened and every layer shown. Each test names
// the failure it would catch.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { launcher, open, quiesce, suite, waitFor } from "./harness.mjs";

const fixture = JSON.parse(await readFile(new URL("../fixtures/hostile/payloads.json", import.meta.url), "utf8"));

/** Same order as tests/hostile_content.rs, so payload numbers agree between the two. */
const payloads = [
  ...fixture.html.map((text) => ({ category: "html", text })),
  ...fixture.script_urls.map((text) => ({ category: "script_url", text })),
  ...fixture.edge_urls.map((text) => ({ category: "edge_url", text })),
  ...fixture.text.map((text) => ({ category: "text", text })),
  // Long payloads go in every place of the pack, which must stay under the widget's 5 MB cap.
  ...fixture.long.map(({ unit, times }) => ({ category: "long", text: unit.repeat(Math.min(times, Math.floor(40000 / unit.length))) })),
].map((p, index) => ({ ...p, index }));

const label = (p) => `#${p.index} ${p.category} ${JSON.stringify(p.text.slice(0, 60))}${p.text.length > 60 ? "…" : ""}`;

/** HTML character references as Markdown (and an HTML attribute) would decode them: what a
 * pack built by another tool from obfuscated source could end up holding. */
const NAMED = { colon: ":", Tab: "\t", NewLine: "\n", lpar: "(", rpar: ")", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", sol: "/", period: "." };
function decode(s) {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[A-Za-z]+);/g, (all, ref) => {
    if (ref[0] !== "#") return NAMED[ref] ?? all;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
  });
}

/** Every URL a payload stands for: as written, and decoded. */
const urlsOf = (p) => [...new Set([p.text, decode(p.text)])];

// Lessons that show a beacon on the basic host: their titles and ids reach attributes.
const BEACON_LESSONS = [
  { id: '"><svg onload=window.__pwned=1>', title: '"><img src=x onerror=window.__pwned=1>', anchor: "reports.export" },
  { id: "</script><script>window.__pwned=1</script>", title: "<svg/onload=window.__pwned=1>", anchor: "invoices.send" },
];

function buildPack() {
  const t = (text) => ({ text });
  const goals = fixture.html.slice(0, 3).map((title, i) => ({ id: `g${i}`, title, description: fixture.html[i + 3] }));
  const lessons = payloads.map((p) => {
    const P = p.text;
    const urls = urlsOf(p);
    return {
      id: `h${p.index}`,
      title: P,
      objective: P,
      minutes: 1,
      // A feature name is an attribute value in a CSS selector: it must never match.
      anchor: { feature: P },
      why: [
        { p: [t(P), { em: [t(P)] }, { strong: [t(P)] }, { code: P }, "break", t(P)] },
        { h: [t(P)] },
        { quote: [{ p: [t(P)] }] },
        { ul: [[{ p: [t(P)] }]] },
        { code: P },
      ],
      what: [
        { p: urls.map((href) => ({ link: { href, children: [t(P)] } })) },
        { p: urls.map((src) => ({ image: { src, alt: P } })) },
      ],
      how: [
        { steps: [{ content: [{ p: [t(P), { link: { href: urls.at(-1), children: [t("step link")] } }] }], anchor: { feature: P } }] },
        { ol: [[{ p: [t(P)] }]] },
      ],
      goals: { [`g${p.index % 3}`]: 3 },
      ...(p.index > 0 ? { related: [`h${p.index - 1}`] } : {}),
      ...(p.index === 0 ? { complete: { event: "hostile_done" } } : {}),
      priority: 0,
    };
  });
  for (const b of BEACON_LESSONS) {
    lessons.push({
      id: b.id, title: b.title, objective: b.title, minutes: 1, anchor: { feature: b.anchor },
      why: [{ p: [t(b.title)] }], what: [{ p: [t(b.title)] }], how: [{ p: [t(b.title)] }], priority: 100,
    });
  }
  return { format: 2, id: "hostile", title: fixture.html[0], locale: "en", goals, lessons };
}

const PACK_FILE = new URL("./artifacts/hostile.json", import.meta.url);

/** Clips whose video, captions and poster are each URL payload; and one clip whose captions
 * hold markup (`hostile-markup.vtt`, answered by the test). */
function buildClipPack() {
  const urlPayloads = payloads.filter((p) => p.category === "script_url" || p.category === "edge_url");
  const lesson = (id, what) => ({
    id, title: id, objective: "Clips.", minutes: 1, why: [{ p: [{ text: "Why." }] }], what, how: [{ p: [{ text: "How." }] }], priority: 0,
  });
  const lessons = urlPayloads.map((p) => lesson(`c${p.index}`, [{ p: urlsOf(p).map((u) => ({ clip: { src: u, captions: u, poster: u, alt: "a clip" } })) }]));
  lessons.push(lesson("vtt-markup", [{ p: [{ clip: { src: "clips/hostile.webm", captions: "clips/hostile-markup.vtt", alt: "captions with markup" } }] }]));
  return { pack: { format: 2, id: "hostile-clips", title: "Hostile clips", locale: "en", goals: [], lessons }, urlPayloads };
}

/** Captions holding markup of every kind: a track shows it as text or drops it; it never
 * becomes an element of the page. */
const MARKUP_VTT = `WEBVTT

00:00.000 --> 00:05.000
<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> <b>bold</b>

00:00.000 --> 00:05.000
<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe><svg onload="window.__pwned=1">
`;

const CLIP_PACK_FILE = new URL("./artifacts/hostile-clips.json", import.meta.url);

const env = suite({
  prepare: async () => {
    await mkdir(new URL("./artifacts/", import.meta.url), { recursive: true });
    await writeFile(PACK_FILE, JSON.stringify(buildPack()));
    await writeFile(CLIP_PACK_FILE, JSON.stringify(buildClipPack().pack));
  },
});

/** The basic host with the hostile pack, a tripwire on window.__pwned, alert() and
 * friends, and nothing leaving loopback. */
async function hostilePage(packFile = PACK_FILE) {
  const requests = [];
  const dialogs = [];
  const popups = [];
  const opened = await open(env.browser, `${env.base}/app/basic`, {
    setup: async (page) => {
      await page.context().route((url) => !url.hostname.startsWith("127.0.0.1"), (r) => r.abort());
      page.on("request", (r) => requests.push({ url: r.url(), type: r.resourceType() }));
      page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
      page.context().on("page", (p) => { popups.push(p.url()); p.close().catch(() => {}); });
      // Images are answered here: a relative payload such as `%n` is a malformed path that
      // the shared static server cannot decode (it would leave the request hanging).
      await page.route("**/*", (r) => (r.request().resourceType() === "image" ? r.fulfill({ status: 404, body: "" }) : r.fallback()));
      await page.route("**/lessons.json", (r) => r.fulfill({ path: packFile.pathname, contentType: "application/json" }));
      await page.addInitScript(() => {
        const hits = [];
        window.__pwnHits = hits;
        Object.defineProperty(window, "__pwned", {
          configurable: false,
          get: () => (hits.length ? 1 : undefined),
          set: () => hits.push(new Error("__pwned was set").stack),
        });
        for (const name of ["alert", "confirm", "prompt", "print"]) {
          window[name] = (...args) => hits.push(`${name}(${args.join(",")})`);
        }
        // Clicking a rendered link must never navigate the test away; script handlers on
        // it, if any, still run (they fire at the target before this default is stopped).
        window.__clicked = [];
        window.addEventListener("click", (e) => {
          const a = e.composedPath().find((n) => n.localName === "a");
          if (a) { window.__clicked.push(a.getAttribute("href")); e.preventDefault(); }
        });
      });
    },
  });
  return { ...opened, requests, dialogs, popups };
}

/** Checks the shadow root as it stands: returns every problem found. Runs in the page. */
function inspect({ expectedText }) {
  const problems = [];
  const host = document.querySelector("pathlight-widget");
  const root = host?.shadowRoot;
  if (!root) return ["no widget"];
  // Elements no payload may create anywhere (our launcher's icon is the one svg allowed).
  const FORBIDDEN = /^(script|style|iframe|frame|frameset|object|embed|applet|link|meta|base|form|template|math|svg|foreignobject|video|audio|source|track|textarea|select|details|marquee|isindex|keygen|table|noscript|slot|x-widget|pathlight-widget|animate|set|image|use)$/;
  // What the content renderer may produce inside a layer.
  const CONTENT = new Set(["p", "h3", "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong", "br", "a", "img"]);
  for (const el of root.querySelectorAll("*")) {
    const tag = el.localName;
    const ours = el.closest(".pl-launcher") && (tag === "svg" || tag === "path");
    if (FORBIDDEN.test(tag) && !ours) problems.push(`a <${tag}> element in the shadow root`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) problems.push(`an ${attr.name} attribute on <${tag}>`);
      if (/^(srcdoc|formaction|action|xlink:href|background|data|srcset)$/i.test(attr.name)) problems.push(`a ${attr.name} attribute on <${tag}>`);
    }
    // Our own controls in a layer (the How stepper) carry a pl- class; content never does.
    const own = [...el.classList].some((c) => c.startsWith("pl-"));
    if (el.closest(".pl-tabpanel") && el !== el.closest(".pl-tabpanel") && !CONTENT.has(tag) && !own) problems.push(`<${tag}> inside a layer`);
    if (tag === "a") {
      const href = el.getAttribute("href");
      if (!["http:", "https:", "mailto:"].includes(el.protocol)) problems.push(`a link to ${JSON.stringify(href)} (protocol ${el.protocol})`);
      if (el.target === "_blank" && !/noopener/.test(el.rel)) problems.push(`a _blank link without noopener: ${href}`);
    }
    if (tag === "img") {
      const src = el.getAttribute("src");
      let absolute = null;
      try { absolute = new URL(src); } catch { /* relative: allowed */ }
      if (absolute && absolute.protocol !== "https:") problems.push(`an image from ${JSON.stringify(src)} (protocol ${absolute.protocol})`);
    }
  }
  // Text stays text: titles and objectives hold no element at all.
  for (const sel of [".pl-title", ".pl-objective", ".pl-item-title", ".pl-item-meta", ".pl-item-why", ".pl-toast-title", ".pl-goal-title", ".pl-goal-description", ".pl-map-title", ".pl-stop-title"]) {
    for (const el of root.querySelectorAll(sel)) {
      if (el.children.length && !(sel === ".pl-toast-title" && [...el.children].every((c) => c.classList.contains("pl-check")))) {
        problems.push(`${sel} holds elements: ${[...el.children].map((c) => c.localName)}`);
      }
    }
  }
  if (expectedText !== undefined) {
    const card = root.querySelector(".pl-card");
    if (card?.querySelector(".pl-title")?.textContent !== expectedText) problems.push("the card's title is not the payload as text");
    if (card?.querySelector(".pl-objective")?.textContent !== expectedText) problems.push("the card's objective is not the payload as text");
  }
  // Nothing of ours outside our element.
  for (const el of document.querySelectorAll("body *")) {
    if (el.closest("pathlight-widget") || el.closest("main") || el.localName === "script") continue;
    problems.push(`a <${el.localName}> added to the host page`);
  }
  if (window.__pwnHits.length) problems.push(`script ran: ${window.__pwnHits.join(" | ")}`);
  return problems;
}

/** What the browser would call an allowed link / image for this raw URL: the oracle the
 * rendered counts are compared with. Runs in the page. */
function expectedCounts(urls) {
  const scheme = (u) => { try { return new URL(u).protocol; } catch { return null; } };
  const links = urls.filter((u) => u.trim() !== "" && [null, "http:", "https:", "mailto:"].includes(scheme(u))).length;
  // A network-path image (`//host/x`, or with backslashes, which browsers read as slashes)
  // takes the page's scheme, so it could load over http: it is refused too.
  const networkPath = (u) => /^[\\/][\\/]/.test(u.trim());
  const images = urls.filter((u) => u.trim() !== "" && [null, "https:"].includes(scheme(u)) && !networkPath(u)).length;
  return { links, images };
}

test(`at least 100 hostile payloads are in the pack (${payloads.length})`, (t) => {
  // Catches: a fixture edit that quietly empties a category.
  const counts = {};
  for (const p of payloads) counts[p.category] = (counts[p.category] || 0) + 1;
  t.diagnostic(`hostile payloads: ${payloads.length} ${JSON.stringify(counts)}; ${payloads.length + BEACON_LESSONS.length} lessons`);
  assert.ok(payloads.length >= 100, JSON.stringify(counts));
});

test("no payload runs script, loads a style or frame, or adds an element, in any lesson and layer", async (t) => {
  // Catches: an authored string reaching innerHTML, an attribute set from a payload that
  // the browser runs (javascript: href, on* handler), a data: or http: image, CSS or a
  // frame loaded from content, or a payload adding nodes to the host page.
  const { page, log, close, requests, dialogs, popups } = await hostilePage();
  await launcher(page);
  const problems = [];
  const note = (where, found) => found.forEach((f) => problems.push(`${where}: ${f}`));

  // The panel: every title, objective and goal title, listed at once.
  await page.evaluate(() => window.pathlight("setGoals", ["g0", "g1", "g2"]));
  await (await launcher(page)).click();
  const panel = page.locator("pathlight-widget >> section.pl-panel");
  await panel.waitFor();
  note("panel", await page.evaluate(inspect, {}));
  const titles = await panel.locator(".pl-item-title").allTextContents();
  for (const p of payloads) if (!titles.includes(p.text)) problems.push(`panel: ${label(p)} is not listed with its title as text`);
  const reasons = await panel.locator(".pl-item-why").allTextContents();
  assert.ok(reasons.some((r) => r.includes(fixture.html[0])), "no goal title shown in a reason: the goals path was not exercised");
  // The learning map of each chosen goal, and the goal picker, show goal titles too.
  const maps = await panel.locator(".pl-map-title").allTextContents();
  assert.ok(maps.some((m) => m.includes(fixture.html[1])), `no learning map for a hostile goal: ${JSON.stringify(maps)}`);
  await panel.locator(".pl-goals-toggle").click();
  await panel.locator(".pl-goal-title").first().waitFor();
  note("goal picker", await page.evaluate(inspect, {}));
  const goalTitles = await panel.locator(".pl-goal-title").allTextContents();
  assert.deepEqual(goalTitles, fixture.html.slice(0, 3), "goal titles are not shown as text");
  await page.evaluate(() => window.pathlight("close"));

  let linksClicked = 0;
  let showMeClicked = 0;
  for (const p of payloads) {
    await page.evaluate((id) => window.pathlight("open", id), `h${p.index}`);
    const card = page.locator("pathlight-widget >> section.pl-card");
    await card.waitFor();
    const expected = await page.evaluate(expectedCounts, urlsOf(p));
    for (const layer of ["Why", "What", "How"]) {
      await card.getByRole("tab", { name: layer }).click();
      const tab = card.getByRole("tab", { name: layer });
      if ((await tab.getAttribute("aria-selected")) !== "true") problems.push(`${label(p)}: the ${layer} tab did not open`);
      note(`${label(p)} ${layer}`, await page.evaluate(inspect, { expectedText: p.text }));
      const result = await page.evaluate(({ payload, layer, expected }) => {
        const panel = document.querySelector("pathlight-widget").shadowRoot.querySelector(".pl-tabpanel");
        const text = panel.textContent;
        const found = [];
        // Shown as inert text, or dropped: never half-parsed.
        if (!text.includes(payload)) found.push(`the ${layer} layer does not show the payload as text`);
        if (layer === "What") {
          const links = panel.querySelectorAll("a").length;
          const images = panel.querySelectorAll("img").length;
          if (links !== expected.links) found.push(`${links} links rendered, the browser would allow ${expected.links}`);
          if (images !== expected.images) found.push(`${images} images rendered, the browser would allow ${expected.images}`);
        }
        let clicked = 0;
        for (const a of panel.querySelectorAll("a")) {
          if (!["http:", "https:", "mailto:"].includes(a.protocol)) continue; // reported by inspect
          a.click();
          clicked++;
        }
        return { found, clicked };
      }, { payload: p.text, layer, expected });
      linksClicked += result.clicked;
      note(`${label(p)} ${layer}`, result.found);
      // "Show me" looks the step's (hostile) feature name up in the host page.
      const showMe = card.locator(".pl-show-me > button");
      if (layer === "How" && (await showMe.count())) {
        await showMe.click();
        showMeClicked++;
        note(`${label(p)} Show me`, await page.evaluate(inspect, { expectedText: p.text }));
      }
    }
    await page.evaluate(() => window.pathlight("close"));
    await card.waitFor({ state: "detached" });
  }

  // Completion acknowledgement and "next up" carry titles too.
  await page.evaluate(() => window.pathlight("track", "hostile_done"));
  await page.locator("pathlight-widget >> .pl-toast").waitFor();
  note("toast", await page.evaluate(inspect, {}));
  const toast = await page.locator("pathlight-widget >> .pl-toast-title").textContent();
  if (!toast.includes(payloads[0].text)) problems.push(`toast: ${JSON.stringify(toast)} does not show the title as text`);

  // Whatever the last surfaces would still do to the page has been done once the widget has
  // looked at the page again.
  await quiesce(page);
  note("end", await page.evaluate(inspect, {}));
  const unexpected = requests.filter((r) => !["document", "script", "fetch", "image"].includes(r.type) || (r.type === "script" && !r.url.endsWith("/dist/pathlight.js")));
  for (const r of unexpected) problems.push(`a ${r.type} request to ${r.url}`);
  for (const d of dialogs) problems.push(`a dialog opened: ${d}`);
  for (const p of popups) problems.push(`a popup opened: ${p}`);
  problems.push(...log.pageErrors.map((e) => `page error: ${e}`));
  t.diagnostic(`${payloads.length} payloads, ${payloads.length * 3} layers shown, ${linksClicked} links clicked, ${showMeClicked} "Show me" clicked, ${requests.filter((r) => r.type === "image").length} image requests`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "window.__pwned was set");
  assert.ok(linksClicked > payloads.length, `only ${linksClicked} links clicked: the links were not exercised`);
  assert.deepEqual(problems.slice(0, 80), [], `${problems.length} problems`);
  await close();
});

test("feature names that try to break out of the attribute selector match no host element", async () => {
  // Catches: Anchor::css() escaping only some of a feature name, so a hostile name becomes
  // a selector list matching the host's buttons (a beacon, "on this screen", a click that
  // completes a lesson).
  const { page, log, close } = await hostilePage();
  await launcher(page);
  const shownBeacons = () => page.locator("pathlight-widget >> .pl-beacon").evaluateAll((bs) => bs.map((b) => b.dataset.lesson).sort());
  // The lessons anchored to real features show their beacons...
  await waitFor(async () => {
    const shown = await shownBeacons();
    return BEACON_LESSONS.every((b) => shown.includes(b.id));
  }, { what: "the beacons of the lessons anchored to the host's real features" });
  // ...and, once the widget has looked at the page again, no other lesson has one.
  await quiesce(page);
  const beacons = await shownBeacons();
  assert.deepEqual(beacons.sort(), BEACON_LESSONS.map((b) => b.id).sort(), "only the lessons anchored to real features may show a beacon");
  await (await launcher(page)).click();
  await page.locator("pathlight-widget >> .pl-item").first().waitFor();
  const items = await page.locator("pathlight-widget >> .pl-item").evaluateAll((items) =>
    items.map((i) => ({ title: i.querySelector(".pl-item-title").textContent, why: i.querySelector(".pl-item-why").textContent })));
  const beaconTitles = new Set(BEACON_LESSONS.map((b) => b.title));
  const matched = items.filter((i) => !beaconTitles.has(i.title) && /on this (screen|page)/i.test(i.why));
  assert.deepEqual(matched.map((m) => m.title.slice(0, 60)), [], "a hostile feature name matched a host element");
  // A click on the host's buttons completes nothing hostile.
  await page.evaluate(() => { window.done = []; window.addEventListener("pathlight:completed", (e) => window.done.push(e.detail.lesson)); });
  await page.evaluate(() => window.pathlight("close"));
  await page.click('[data-pathlight="reports.export"]');
  await page.click('[data-pathlight="invoices.send"]');
  await quiesce(page);
  assert.deepEqual(await page.evaluate(() => window.done), [], "a click on a host button completed a lesson whose hostile feature name matched it");
  // Beacons carry hostile ids and titles in attributes only.
  const attrs = await page.locator("pathlight-widget >> .pl-beacon").evaluateAll((bs) => bs.map((b) => ({ title: b.title, children: b.children.length })));
  for (const a of attrs) assert.ok(beaconTitles.has(a.title), JSON.stringify(a));
  assert.deepEqual(await page.evaluate(inspect, {}), []);
  assert.deepEqual(log.pageErrors, []);
  await close();
});

test("the tripwire and the inspector catch what they look for (this suite cannot pass vacuously)", async () => {
  // Catches: a broken tripwire (window.__pwned) or inspector, which would let every test
  // above pass whatever the widget rendered.
  const { page, close } = await hostilePage();
  await launcher(page);
  assert.deepEqual(await page.evaluate(inspect, {}), []);
  await page.evaluate(() => {
    const root = document.querySelector("pathlight-widget").shadowRoot;
    const a = document.createElement("a");
    a.setAttribute("href", "java\tscript:void 0");
    const img = document.createElement("img");
    img.setAttribute("src", "http://evil.example/x.png");
    img.setAttribute("onerror", "window.__pwned=1");
    const div = document.createElement("div");
    div.append(a, img, document.createElement("iframe"));
    root.appendChild(div);
    document.body.appendChild(document.createElement("svg"));
  });
  await page.waitForFunction(() => window.__pwnHits.length > 0);
  const found = (await page.evaluate(inspect, {})).join("\n");
  for (const expected of [/link to "java\\tscript:void 0" \(protocol javascript:\)/, /an onerror attribute on <img>/, /image from "http:\/\/evil\.example/, /<iframe> element/, /<svg> added to the host page/, /script ran/]) {
    assert.match(found, expected);
  }
  assert.equal(await page.evaluate(() => window.__pwned), 1);
  await close();
});

test("clips: no script, data: or obfuscated URL becomes a video, captions or poster, and captions holding markup stay a track", async (t) => {
  // Catches: a clip's video, captions or poster URL not checked as an image's is (a
  // javascript:, data: or http: source), an on* attribute or markup reaching the page from
  // a clip, and captions parsed as HTML rather than loaded as a <track>.
  const { urlPayloads } = buildClipPack();
  const { page, log, close, dialogs, popups } = await hostilePage(CLIP_PACK_FILE);
  const video = await readFile(new URL("../fixtures/clips/clips/moving.webm", import.meta.url));
  await page.route("**/*", (r) => {
    const type = r.request().resourceType();
    if (r.request().url().endsWith("/clips/hostile.webm")) return r.fulfill({ body: video, contentType: "video/webm" });
    if (r.request().url().endsWith("/clips/hostile-markup.vtt")) return r.fulfill({ body: MARKUP_VTT, contentType: "text/vtt" });
    return ["media", "texttrack", "image"].includes(type) ? r.fulfill({ status: 404, body: "" }) : r.fallback();
  });
  await launcher(page);
  const problems = [];
  // Videos and tracks are what a clip is: checked here, the rest by the shared inspector.
  const ours = (found) => found.filter((f) => !/<(video|track)> (element in the shadow root|inside a layer)/.test(f));
  let videos = 0;
  for (const p of urlPayloads) {
    await page.evaluate((id) => window.pathlight("open", id), `c${p.index}`);
    const card = page.locator("pathlight-widget >> section.pl-card");
    await card.waitFor();
    await card.getByRole("tab", { name: "What" }).click();
    const expected = await page.evaluate(expectedCounts, urlsOf(p));
    const found = await page.evaluate((expected) => {
      const panel = document.querySelector("pathlight-widget").shadowRoot.querySelector(".pl-tabpanel");
      const out = [];
      const safe = (u) => { try { return new URL(u).protocol === "https:"; } catch { return !/^[\\/][\\/]/.test(u.trim()); } };
      const vs = panel.querySelectorAll("video");
      if (vs.length !== expected.images) out.push(`${vs.length} clips rendered, the browser would allow ${expected.images}`);
      for (const el of panel.querySelectorAll("video, track")) {
        for (const attr of ["src", "poster"]) {
          const u = el.getAttribute(attr);
          if (u !== null && !safe(u)) out.push(`a <${el.localName}> ${attr} of ${JSON.stringify(u)}`);
        }
        for (const a of el.attributes) if (/^on/i.test(a.name)) out.push(`an ${a.name} attribute on <${el.localName}>`);
      }
      for (const v of vs) if (v.children.length !== 1 || v.firstElementChild.localName !== "track") out.push("a video holds more than its track");
      return { out, count: vs.length };
    }, expected);
    videos += found.count;
    for (const f of found.out) problems.push(`#${p.index}: ${f}`);
    for (const f of ours(await page.evaluate(inspect, {}))) problems.push(`#${p.index}: ${f}`);
    await page.evaluate(() => window.pathlight("close"));
    await card.waitFor({ state: "detached" });
  }

  // Captions holding markup: played, so their cues are live; they stay text in a track.
  await page.evaluate(() => window.pathlight("open", "vtt-markup"));
  const card = page.locator("pathlight-widget >> section.pl-card");
  await card.getByRole("tab", { name: "What" }).click();
  const clip = page.locator("pathlight-widget >> .pl-clip video");
  await clip.evaluate((v) => { v.muted = true; v.play(); });
  const cues = await waitFor(() => clip.evaluate((v) => {
    const cues = v.textTracks[0]?.activeCues;
    return cues && cues.length === 2 && [...cues].map((c) => c.text);
  }), { what: "the captions' cues to be live" });
  assert.match(cues[0], /<script>/, "the cue's text is kept as text");
  await quiesce(page);
  for (const f of ours(await page.evaluate(inspect, {}))) problems.push(`markup captions: ${f}`);
  for (const d of dialogs) problems.push(`a dialog opened: ${d}`);
  for (const p of popups) problems.push(`a popup opened: ${p}`);
  problems.push(...log.pageErrors.map((e) => `page error: ${e}`));
  t.diagnostic(`${urlPayloads.length} URL payloads as clips, ${videos} rendered as videos`);
  assert.ok(videos > 0, "no payload rendered as a clip: the safe path was not exercised");
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "window.__pwned was set");
  assert.deepEqual(problems.slice(0, 80), [], `${problems.length} problems`);
  await close();
});
