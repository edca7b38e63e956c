// `pathlight report`'s throughput: events per second, natively on 10 million generated
// events and through `npx pathlight` (the npm package's wasm, fed by Node) on 1 million.
// A benchmark, not a test: it prints a Markdown table (also in bench/report-latest.md).
//
//   node bench/report.mjs [NATIVE_EVENTS] [NPX_EVENTS]
//
// Needs `bash scripts/release.sh` first for the npx part (it reads target/npm-package).
// The events come from examples/report_events.rs (deterministic, the demo pack's lessons
// and goals, about 180 bytes a line); the native binary is the release build.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync, openSync, closeSync } from "node:fs";
import { loadavg, tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const target = process.env.CARGO_TARGET_DIR || join(root, "target");
const nativeEvents = Number(process.argv[2] ?? 10_000_000);
const npxEvents = Number(process.argv[3] ?? 1_000_000);
const npxCli = join(target, "npm-package/bin/pathlight.mjs");

function must(r, what) {
  if (r.status !== 0) throw new Error(`${what} failed: ${r.stderr}`);
  return r;
}

must(spawnSync("cargo", ["build", "--release", "--quiet", "--bin", "pathlight", "--example", "report_events"], { cwd: root, stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" }), "cargo build --release");
const dir = mkdtempSync(join(tmpdir(), "pathlight-bench-report-"));

function generate(n) {
  const file = join(dir, `events-${n}.ndjson`);
  const fd = openSync(file, "w");
  must(spawnSync(join(target, "release/examples/report_events"), [String(n), "--pack", "lessons"], { cwd: root, stdio: ["ignore", fd, "pipe"], encoding: "utf8" }), "report_events");
  closeSync(fd);
  return file;
}

/** Runs `cmd args` under /usr/bin/time when it is there: wall, CPU and peak memory. */
function measure(cmd, args) {
  const timed = existsSync("/usr/bin/time");
  const started = process.hrtime.bigint();
  const r = timed
    ? spawnSync("/usr/bin/time", ["-f", "TIME %e %U %S %M", cmd, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 })
    : spawnSync(cmd, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  must(r, `${cmd} ${args.join(" ")}`);
  const t = r.stderr.match(/TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/);
  const figures = JSON.parse(r.stdout);
  return { wall, cpu: t ? Number(t[2]) + Number(t[3]) : null, rssMB: t ? Number(t[4]) / 1024 : null, figures };
}

const rows = [];
const load = [loadavg()[0].toFixed(2)];
for (const [label, n, cmd, pre] of [
  ["native (`pathlight`, release)", nativeEvents, join(target, "release/pathlight"), []],
  ["npx (`node`, the npm package's wasm)", npxEvents, process.execPath, [npxCli]],
]) {
  if (!n) continue;
  if (pre.length && !existsSync(npxCli)) {
    console.error(`skipping npx: ${npxCli} is missing (run bash scripts/release.sh)`);
    continue;
  }
  const file = generate(n);
  const size = statSync(file).size;
  const m = measure(cmd, [...pre, "report", file, "--pack", "lessons", "--json"]);
  const records = m.figures.input.records;
  rows.push(
    `| ${label} | ${records.toLocaleString("en")} | ${(size / 1e6).toFixed(0)} MB | ${m.wall.toFixed(2)} s | ${Math.round(records / m.wall).toLocaleString("en")} | ` +
      `${m.cpu ? Math.round(records / m.cpu).toLocaleString("en") : "–"} | ${m.rssMB ? m.rssMB.toFixed(0) + " MB" : "–"} | ${m.figures.learners.toLocaleString("en")} |`,
  );
  rmSync(file);
}
load.push(loadavg()[0].toFixed(2));
rmSync(dir, { recursive: true, force: true });

const table = [
  `Measured ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}; load average ${load[0]} at the start, ${load[1]} at the end.`,
  "",
  "| CLI | events | file | wall time | events/s (wall) | events/s (CPU) | peak memory | learners |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows,
].join("\n");
console.log(table);
writeFileSync(join(root, "bench/report-latest.md"), table + "\n");
