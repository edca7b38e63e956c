// `npx pathlight report FILE... [--pack DIR|lessons.json] [-o report.html] [--json]`: the
// native CLI's report (../cli, Rust compiled to WebAssembly), fed by Node. Files of records
// may be larger than memory, so each is streamed into the wasm in chunks, as the native CLI
// reads them; gzip is told by its first bytes and unpacked inside, the same code as native.
import { createReadStream } from "node:fs";
import { Report } from "../cli/pathlight_cli_node.js";
import { ioError, system } from "./system.mjs";

/** Runs the report on `args` (after `report`): the exit code. */
export async function report(args) {
  let run;
  try {
    run = new Report(args, system);
  } catch (code) {
    // The arguments or the pack were wrong: the wasm printed why and threw the exit code.
    if (typeof code === "number") return code;
    throw code;
  }
  for (const file of run.inputs()) {
    run.begin(file);
    try {
      for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) run.push(chunk);
    } catch (e) {
      run.cannotRead(system, file, ioError(e));
    }
  }
  return run.finish(system);
}
