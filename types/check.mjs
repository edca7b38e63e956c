#!/usr/bin/env node
// Checks types/pathlight.d.ts, from the repository root or anywhere: `node types/check.mjs`.
//
// 1. Installs the pinned TypeScript into types/node_modules (`npm ci --prefix types`) when it
//    is missing or is not the version types/package-lock.json pins.
// 2. Compares the declarations with the Rust and JS they describe: command names, init and
//    user options, themes, event names, each event's detail fields, layers, completion kinds,
//    the `pathlight:*` CustomEvents. A change in src/ that the types do not follow fails here.
// 3. `tsc --noEmit --strict types/check.ts` must pass: every call, as a host writes it.
// 4. `tsc --noEmit --strict types/check-fail.ts` must report an error on each line marked
//    `// must fail`, and on no other line.
// 5. Every ```js and ```ts example in docs/api.md must type-check against the declarations.
// 6. Every ```ts and ```tsx snippet in docs/frameworks.md must type-check against the npm
//    package's entries (`pathlight` and `pathlight/react`, with @types/react), each snippet
//    as the file its first line names, so that snippets import each other.
//
// Ends with "N passed, M failed" and exits 1 on any failure.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const typesDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(typesDir);
const dts = join(typesDir, "pathlight.d.ts");
const rel = (p) => relative(process.cwd(), p) || ".";

let passed = 0;
let failed = 0;
function report(ok, name, details = []) {
  if (ok) {
    passed++;
    console.log(`ok - ${name}`);
  } else {
    failed++;
    console.log(`not ok - ${name}`);
    for (const line of details) console.log(`    ${line}`);
  }
}

// 1. TypeScript and React's types, as pinned by the lock file.
const lock = JSON.parse(readFileSync(join(typesDir, "package-lock.json"), "utf8"));
const pinned = lock.packages["node_modules/typescript"].version;
const versionIn = (name) => {
  const file = join(typesDir, "node_modules", name, "package.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).version : null;
};
const stale = ["typescript", "@types/react"].filter((name) => versionIn(name) !== lock.packages[`node_modules/${name}`].version);
if (stale.length) {
  console.log(`# installing ${stale.join(", ")} into ${rel(join(typesDir, "node_modules"))} (npm ci)`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["ci", "--prefix", typesDir, "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    console.error("npm ci --prefix types failed; the type checks need the npm registry once.");
    process.exit(1);
  }
}
const require = createRequire(join(typesDir, "package.json"));
const ts = require("typescript");
const tscBin = join(typesDir, "node_modules", "typescript", "bin", "tsc");
console.log(`# typescript ${ts.version}`);

// 2. The declarations against src/.
const read = (p) => readFileSync(join(root, p), "utf8");
const src = {
  command: read("src/api/command.rs"),
  lifecycle: read("src/api/lifecycle.rs"),
  layer: read("src/model/layer.rs"),
  // The session is a folder: its files read as one text.
  session: readdirSync(join(root, "src/decide/session")).sort().map((f) => read(`src/decide/session/${f}`)).join("\n"),
  progress: read("src/model/progress.rs"),
  loader: read("src/web/loader.js"),
};
function rustFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? rustFiles(p) : p.endsWith(".rs") ? [p] : [];
  });
}
/** The body of the first `{ ... }` after `start` in `text`, braces balanced. */
function block(text, start) {
  const at = text.indexOf(start);
  if (at < 0) return null;
  const open = text.indexOf("{", at + start.length);
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return text.slice(open + 1, i);
  }
  return null;
}
const all = (re, text) => [...(text ?? "").matchAll(re)];
const withoutComments = (text) => (text ?? "").replace(/\/\/.*$/gm, "");

const rust = {};
rust.commands = /const KNOWN: &str = "([^"]+)"/.exec(src.command)?.[1].split(/,\s*/) ?? [];
// The JSON names are the ones the reader accepts: its `f.only(&[...])` list.
const accepted = (type) => all(/"(\w+)"/g, /f\.only\(&\[([^\]]*)\]/.exec(block(src.command, `impl FromJson for ${type}`))[1]).map((m) => m[1]);
rust.initOptions = accepted("InitOptions");
rust.user = accepted("User");
rust.themes = all(/^\s*(\w+),?\s*$/gm, withoutComments(block(src.command, "pub enum Theme")).replace(/#\[[^\]]*\]/g, "")).map((m) =>
  m[1].toLowerCase(),
);
const eventNameOf = Object.fromEntries(all(/EventKind::(\w+) => "([a-z_]+)"/g, block(src.lifecycle, "pub fn name(self)")).map((m) => [m[1], m[2]]));
rust.events = Object.values(eventNameOf);
rust.layers = all(/Layer::\w+ => "(\w+)"/g, block(src.layer, "pub fn key(self)")).map((m) => m[1]);
// Each Via's name, from progress.rs's VIAS table.
const viaName = Object.fromEntries(all(/\("(\w+)", Via::(\w+)\)/g, src.progress).map((m) => [m[2], m[1]]));
// The ways a completion is emitted: the Via variants the session passes.
// (Via::Unrecorded only describes completions read from an old storage format.)
rust.how = [...new Set(all(/Via::(\w+)/g, src.session).map((m) => viaName[m[1]]))].filter(Boolean);
// Each event's detail fields, from every `events::emit(EventKind::X, &[("field", ...), ...])`.
rust.detail = {};
for (const file of rustFiles(join(root, "src"))) {
  for (const m of all(/(?:emit|event)\(\s*EventKind::(\w+)\s*,\s*&\[([\s\S]*?)\]\s*,?\s*\)/g, readFileSync(file, "utf8"))) {
    const name = eventNameOf[m[1]] ?? m[1];
    const fields = all(/\(\s*"(\w+)"\s*,/g, m[2]).map((f) => f[1]);
    (rust.detail[name] ??= []).push({ file: relative(root, file), fields: ["type", ...fields].sort() });
  }
}

const program = ts.createProgram([dts], { strict: true, noEmit: true, types: [] });
const checker = program.getTypeChecker();
const sourceFile = program.getSourceFile(dts);
const namespace = sourceFile.statements.find((s) => ts.isModuleDeclaration(s) && s.name.text === "Pathlight");
const decl = (name) => namespace?.body?.statements.find((s) => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === name);
const typeOf = (name) => {
  const d = decl(name);
  return d ? checker.getTypeAtLocation(d.name) : null;
};
const literals = (type) => (type ? (type.isUnion() ? type.types : [type]).map((t) => t.value).filter((v) => v !== undefined) : []);
const props = (type) => (type ? type.getProperties().map((p) => p.name) : []);
const propType = (type, name) => checker.getTypeOfSymbol(type.getProperty(name));

const d = {};
d.commands = [...new Set((typeOf("Api")?.getCallSignatures() ?? []).flatMap((s) => literals(checker.getTypeOfSymbol(s.parameters[0]))))];
d.initOptions = props(typeOf("InitOptions"));
d.user = props(typeOf("User"));
d.themes = literals(typeOf("Theme"));
d.layers = literals(typeOf("Layer"));
d.how = literals(typeOf("CompletedHow"));
const detailMap = typeOf("EventDetailMap");
d.events = props(detailMap);
const windowMap = sourceFile.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === "WindowEventMap");
const windowEvents = windowMap ? checker.getTypeAtLocation(windowMap.name) : null;

const sameSet = (a, b) => {
  const [x, y] = [[...new Set(a)].sort(), [...new Set(b)].sort()];
  return x.length === y.length && x.every((v, i) => v === y[i]);
};
function compare(name, fromSrc, fromTypes) {
  const missing = fromSrc.filter((x) => !fromTypes.includes(x));
  const extra = fromTypes.filter((x) => !fromSrc.includes(x));
  report(fromSrc.length > 0 && sameSet(fromSrc, fromTypes), `types match src: ${name}`, [
    ...(fromSrc.length === 0 ? ["found nothing in src/: has the code moved? update types/check.mjs"] : []),
    ...(missing.length ? [`in src/ but not in pathlight.d.ts: ${missing.join(", ")}`] : []),
    ...(extra.length ? [`in pathlight.d.ts but not in src/: ${extra.join(", ")}`] : []),
  ]);
}
compare("commands (src/api/command.rs KNOWN)", rust.commands, d.commands);
compare("init options (src/api/command.rs InitOptions)", rust.initOptions, d.initOptions);
compare("user fields (src/api/command.rs User)", rust.user, d.user);
compare("themes (src/api/command.rs Theme)", rust.themes, d.themes);
compare("event names (src/api/lifecycle.rs)", rust.events, d.events);
compare("layers (src/model/layer.rs Layer::key)", rust.layers, d.layers);
compare("completed.how (the Via names src/decide/session completes with)", rust.how, d.how);
for (const name of rust.events) {
  const detail = detailMap?.getProperty(name) ? checker.getTypeOfSymbol(detailMap.getProperty(name)) : null;
  const typeField = detail?.getProperty("type") ? literals(propType(detail, "type")) : [];
  const emits = rust.detail[name] ?? [];
  if (emits.length === 0) {
    console.log(`# note: no events::emit(EventKind::… '${name}') in src/: on('${name}') is accepted but never called`);
  }
  const fields = [...new Set(emits.flatMap((e) => e.fields))];
  const uneven = emits.filter((e) => !sameSet(e.fields, fields)).map((e) => `${e.file} emits only ${e.fields.join(", ")}`);
  const problems = [
    ...(detail ? [] : [`EventDetailMap has no '${name}'`]),
    ...(sameSet(typeField, [name]) ? [] : [`its detail's type is ${JSON.stringify(typeField)}, not "${name}"`]),
    ...(emits.length && !sameSet(fields, props(detail)) ? [`src/ emits ${fields.join(", ")}; pathlight.d.ts has ${props(detail).join(", ")}`] : []),
    ...uneven,
  ];
  const custom = windowEvents?.getProperty(`pathlight:${name}`);
  const customDetail = custom ? propType(checker.getTypeOfSymbol(custom), "detail") : null;
  if (!custom) problems.push(`WindowEventMap has no 'pathlight:${name}'`);
  else if (!detail || !checker.isTypeAssignableTo(customDetail, detail) || !checker.isTypeAssignableTo(detail, customDetail)) {
    problems.push(`WindowEventMap['pathlight:${name}'] is not CustomEvent of the '${name}' detail`);
  }
  report(problems.length === 0, `types match src: '${name}' detail and its pathlight:${name} CustomEvent`, problems);
}
const prefixed = props(windowEvents).filter((p) => p.startsWith("pathlight:"));
compare("pathlight:* CustomEvents in WindowEventMap", rust.events.map((n) => `pathlight:${n}`), prefixed);
report(
  /\.q\s*=/.test(src.loader) && /api\.version\s*=/.test(src.loader) && sameSet(props(typeOf("Api")), ["q", "version"]),
  "types match src: the queue `q` and `version` (src/web/loader.js)",
  ["src/web/loader.js keeps calls in `q` and sets `api.version`; Api must have exactly q and version"],
);

// 3 and 4. tsc itself.
function tsc(args) {
  const r = spawnSync(process.execPath, [tscBin, ...args], { cwd: root, encoding: "utf8" });
  return { status: r.status, output: (r.stdout ?? "") + (r.stderr ?? "") };
}
const errorLines = (output, file) =>
  all(/^(.+?)\((\d+),\d+\): error (TS\d+)/gm, output)
    .filter((m) => join(root, m[1]) === file)
    .map((m) => Number(m[2]));

const pass = tsc(["--noEmit", "--strict", "types/check.ts"]);
report(pass.status === 0, "tsc --noEmit --strict types/check.ts passes", pass.output.trim().split("\n"));

const failFile = join(typesDir, "check-fail.ts");
const marked = readFileSync(failFile, "utf8")
  .split("\n")
  .flatMap((line, i) => (/^\s*[^/\s].*\/\/ must fail:/.test(line) ? [i + 1] : []));
const fail = tsc(["--noEmit", "--strict", "--pretty", "false", "types/check-fail.ts"]);
const erred = new Set(errorLines(fail.output, failFile));
const silent = marked.filter((n) => !erred.has(n));
const unexpected = [...erred].filter((n) => !marked.includes(n));
const foreign = fail.output.split("\n").filter((l) => /error TS/.test(l) && !l.startsWith("types/check-fail.ts("));
report(fail.status !== 0 && marked.length > 0 && silent.length === 0, `tsc rejects all ${marked.length} mistakes in types/check-fail.ts`, [
  ...silent.map((n) => `line ${n} compiled, but is marked // must fail: ${readFileSync(failFile, "utf8").split("\n")[n - 1].trim()}`),
]);
report(unexpected.length === 0 && foreign.length === 0, "tsc reports nothing else in types/check-fail.ts", [
  ...unexpected.map((n) => `unexpected error on line ${n}`),
  ...foreign,
]);

// 5. The examples in docs/api.md.
const docs = join(root, "docs", "api.md");
if (!existsSync(docs)) {
  report(false, "docs/api.md examples type-check", ["docs/api.md is missing"]);
} else {
  const text = readFileSync(docs, "utf8");
  const examples = [];
  const fence = /^```(js|ts)\n([\s\S]*?)^```$/gm;
  for (const m of text.matchAll(fence)) {
    examples.push({ lang: m[1], line: text.slice(0, m.index).split("\n").length + 1, code: m[2] });
  }
  const dir = mkdtempSync(join(tmpdir(), "pathlight-docs-"));
  try {
    // Stand-ins for the analytics globals the forwarding example calls, as loosely typed
    // as those libraries accept.
    writeFileSync(
      join(dir, "vendors.d.ts"),
      [
        "declare var analytics: { track(event: string, properties?: Record<string, unknown>): void };",
        "declare function gtag(command: 'event', eventName: string, params?: Record<string, unknown>): void;",
        "declare var amplitude: { track(eventType: string, eventProperties?: Record<string, unknown>): void };",
      ].join("\n"),
    );
    // ```js examples are checked as JavaScript (checkJs), as an editor checks a plain script.
    // The examples reference ./pathlight.d.ts, as a host's code next to a copy would.
    writeFileSync(join(dir, "pathlight.d.ts"), readFileSync(dts));
    const files = examples.map((ex, i) => {
      const file = join(dir, `example-${i + 1}.${ex.lang}`);
      const head = [`/// <reference path="./pathlight.d.ts" />`, `/// <reference path="./vendors.d.ts" />`];
      writeFileSync(file, [...head, ex.code, "export {};"].join("\n"));
      return { ...ex, file, offset: ex.line - head.length - 1 };
    });
    const r = spawnSync(process.execPath, [tscBin, "--noEmit", "--strict", "--allowJs", "--checkJs", "--pretty", "false", "--target", "es2020", "--lib", "es2020,dom", "--module", "esnext", "--moduleResolution", "bundler", ...files.map((f) => f.file)], {
      encoding: "utf8",
    });
    const out = (r.stdout ?? "") + (r.stderr ?? "");
    const errors = all(/^(.+?)\((\d+),(\d+)\): (error TS\d+: .*)$/gm, out).map((m) => {
      const f = files.find((x) => x.file === m[1] || join(dir, relative(dir, m[1])) === x.file);
      return f ? `docs/api.md line ${Number(m[2]) + f.offset}: ${m[4]}` : m[0];
    });
    report(examples.length > 0 && r.status === 0, `the ${examples.length} js/ts examples in docs/api.md type-check`, errors.length ? errors : out.trim().split("\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// 6. The snippets in docs/frameworks.md, against the package as an app installs it.
const frameworks = join(root, "docs", "frameworks.md");
if (!existsSync(frameworks)) {
  report(false, "docs/frameworks.md snippets type-check", ["docs/frameworks.md is missing"]);
} else {
  const text = readFileSync(frameworks, "utf8");
  const snippets = [...text.matchAll(/^```(tsx?)\n([\s\S]*?)^```$/gm)].map((m, i) => ({
    // The first line names the file: `// app/layout.tsx`.
    path: /^\/\/ ([\w./-]+\.tsx?)\n/.exec(m[2])?.[1] ?? `snippet-${i + 1}.${m[1]}`,
    line: text.slice(0, m.index).split("\n").length + 1,
    code: m[2],
  }));
  // Inside types/, so that `react` resolves to types/node_modules/@types/react.
  const dir = mkdtempSync(join(typesDir, ".frameworks-"));
  const write = (path, body) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  };
  try {
    // The package as npm installs it: its entries, their declarations, its exports.
    for (const f of ["package.json", "index.d.ts", "react.d.ts"]) write(`node_modules/pathlight/${f}`, readFileSync(join(root, "npm", f)));
    write("node_modules/pathlight/pathlight.d.ts", readFileSync(dts));
    // Stand-ins for the app's own session and for the frameworks' modules the snippets
    // import, as small as the snippets need: what is checked here is the calls to Pathlight.
    write("lib/session.ts", [
      "export interface SignedIn { id: string; role: string }",
      "export declare function useSession(): { user: SignedIn | null };",
      "export declare function currentUser(): Promise<SignedIn | null>;",
    ].join("\n"));
    write("src/session.ts", 'export { useSession } from "../lib/session";');
    write("src/app/auth.service.ts", 'import type { SignedIn } from "../lib/pathlight";\nexport declare class AuthService { readonly user: () => SignedIn | null }');
    write("frameworks.d.ts", [
      'declare module "next/app" { import type { ComponentType } from "react"; export interface AppProps { Component: ComponentType<any>; pageProps: any } }',
      'declare module "vue" {',
      "  export interface Ref<T> { value: T }",
      "  export function onMounted(hook: () => void): void;",
      "  export function onUnmounted(hook: () => void): void;",
      "  export function watch<T>(source: Ref<T>, callback: (value: T, old: T) => void): () => void;",
      "}",
      'declare module "@angular/core" {',
      "  export function Component(meta: { selector: string; template: string }): <T>(target: T, context?: unknown) => void;",
      "  export const PLATFORM_ID: unique symbol;",
      "  export class DestroyRef { onDestroy(callback: () => void): () => void }",
      "  export function inject<T>(token: abstract new (...args: any[]) => T): T;",
      "  export function inject(token: typeof PLATFORM_ID): object;",
      "  export function effect(run: () => void): { destroy(): void };",
      "}",
      'declare module "@angular/common" { export function isPlatformBrowser(platformId: object): boolean; }',
    ].join("\n"));
    write("tsconfig.json", JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, target: "es2022", lib: ["es2022", "dom"], module: "esnext", moduleResolution: "bundler",
        jsx: "react-jsx", isolatedModules: true, types: [], skipLibCheck: false,
      },
      include: ["**/*.ts", "**/*.tsx"],
    }));
    const files = snippets.map((s) => {
      write(s.path, s.code);
      return { ...s, file: join(dir, s.path) };
    });
    const r = spawnSync(process.execPath, [tscBin, "-p", dir, "--pretty", "false"], { cwd: dir, encoding: "utf8" });
    const out = (r.stdout ?? "") + (r.stderr ?? "");
    const errors = all(/^(.+?)\((\d+),(\d+)\): (error TS\d+: .*)$/gm, out).map((m) => {
      const f = files.find((x) => x.file === join(dir, m[1]) || x.file === m[1]);
      return f ? `docs/frameworks.md line ${Number(m[2]) + f.line - 1}: ${m[4]}` : m[0];
    });
    report(snippets.length > 0 && r.status === 0, `the ${snippets.length} ts/tsx snippets in docs/frameworks.md type-check`, errors.length ? errors : out.trim().split("\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
