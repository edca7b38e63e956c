#!/usr/bin/env node
// `npx pathlight lint|build|schema|dev|report`: the authoring CLI with Node alone. lint,
// build and schema are the native CLI's own Rust code, compiled to WebAssembly (../cli);
// this file only hands it Node's files and terminal. `dev` serves and rebuilds a pack
// (./dev.mjs); `report` streams files of records into the same code (./report.mjs).
import { run } from "../cli/pathlight_cli_node.js";
import { system } from "./system.mjs";

// The wasm's paths are Unix paths: on Windows, `lessons\a.de.md` becomes `lessons/a.de.md`,
// which Node reads all the same, so a file's folder and name are found as on Unix.
const args = process.argv.slice(2).map((a) => (process.platform === "win32" ? a.replaceAll("\\", "/") : a));
if (args[0] === "dev") {
  const { dev } = await import("./dev.mjs");
  process.exitCode = await dev(args.slice(1));
} else if (args[0] === "report") {
  const { report } = await import("./report.mjs");
  process.exitCode = await report(args.slice(1));
} else {
  // exitCode, not exit(): a long schema piped to a file must be written out first.
  process.exitCode = run(args, system);
}
