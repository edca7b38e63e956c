// `pathlight dev <DIR> [--port N] [--allow-origin ORIGIN]...`: serves the pack of DIR on
// 127.0.0.1, rebuilds it on every change, and tells pages through Server-Sent Events. The
// same protocol, words and exit codes as the native CLI's `pathlight dev`
// (src/bin/pathlight/dev.rs), with Node's own http and fs.watch: the arguments, the builds,
// what they print, the status and which origins may read (with which CORS headers) are the
// shared Rust code (../cli, src/compiler/dev.rs).
//
//   GET /lessons.json  the last good pack; 503 with the status until one builds
//   GET /status        {"build", "diagnostics", "ok", "served"}
//   GET /events        `event: status` now and after every rebuild; a keep-alive each 15 s
//   GET /<path>        each local clip, caption, poster or image the pack uses
//   CORS for loopback origins and those given with --allow-origin only (a site on the web
//   cannot read a pack in progress), Private Network Access preflights included.
import { createServer } from "node:http";
import { statSync, watch } from "node:fs";
import { readFile } from "node:fs/promises";
import { DevArgs, LivePack, refusal } from "../cli/pathlight_cli_node.js";
import { system } from "./system.mjs";

/** Editors save in bursts (a temporary file, a rename, a touch): one build for the burst. */
const DEBOUNCE_MS = 50;
const KEEP_ALIVE_MS = 15_000;
const PATHS = "not found: pathlight dev serves GET /lessons.json, /status, /events and the media the pack uses\n";

/** Runs the dev server until Ctrl-C; resolves to the exit code of a problem (2). */
export async function dev(args) {
  let options;
  try {
    options = new DevArgs(args);
  } catch (said) {
    console.error(String(said));
    return 2;
  }
  const { dir, port } = options;
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {}
  if (!isDir) {
    console.error(`error: ${dir} is not a folder: pathlight dev watches a pack folder (pack.toml and lessons)`);
    return 2;
  }

  const live = new LivePack(dir);
  const streams = new Set();
  const refused = new Set();
  const server = createServer((req, res) => answer(live, streams, options, refused, req, res));
  // The port first: a second `pathlight dev` should fail at once, not after a build.
  const listening = await new Promise((resolve) => {
    server.once("error", (e) => resolve(e));
    server.listen(port, "127.0.0.1", () => resolve(null));
  });
  if (listening) {
    console.error(
      listening.code === "EADDRINUSE"
        ? `error: port ${port} is in use: stop what uses it, or choose another with --port N`
        : `error: cannot listen on 127.0.0.1:${port} (${listening.message}): choose another with --port N`,
    );
    return 2;
  }

  const rebuild = () => {
    const said = live.rebuild(system);
    (live.ok() ? process.stdout : process.stderr).write(said + "\n");
    const status = live.status();
    for (const send of streams) send(event(status));
  };
  rebuild();
  let timer = null;
  try {
    watch(dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(rebuild, DEBOUNCE_MS);
    });
  } catch (e) {
    console.error(`error: cannot watch ${dir}: ${e.message}`);
    server.close();
    return 2;
  }
  console.log(`serving http://127.0.0.1:${port}/lessons.json, watching ${dir} (Ctrl-C stops)`);
  for (const origin of options.allowed) console.log(`pages at ${origin} may read it too`);
  // Serves until the process is stopped.
  return new Promise(() => {});
}

const event = (status) => `event: status\ndata: ${status}\n\n`;

const REFUSED = "this origin may not read the pack: start pathlight dev with --allow-origin <origin>\n";

function answer(live, streams, options, refused, req, res) {
  const origin = req.headers.origin ?? "";
  const preflight = req.method === "OPTIONS";
  const privateNetwork = (req.headers["access-control-request-private-network"] ?? "").toLowerCase() === "true";
  const pairs = options.cors(origin, preflight, privateNetwork);
  if (pairs === undefined && !refused.has(origin)) {
    refused.add(origin);
    console.error(refusal(origin));
  }
  const cors = {};
  for (let i = 0; pairs && i < pairs.length; i += 2) cors[pairs[i]] = pairs[i + 1];
  const path = req.url.split(/[?#]/)[0];
  const json = (code, body) => {
    res.writeHead(code, { "Content-Type": "application/json", "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(body), ...cors });
    res.end(body);
  };
  if (preflight && pairs === undefined) {
    // A refused page's preflight fails, so its request is never sent.
    res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" });
    return res.end(REFUSED);
  }
  if (preflight) {
    res.writeHead(204, cors);
    return res.end();
  }
  if (req.method === "GET" && path === "/lessons.json") {
    const pack = live.pack();
    return pack === undefined ? json(503, live.status()) : json(200, pack);
  }
  if (req.method === "GET" && path === "/status") return json(200, live.status());
  if (req.method === "GET" && path === "/events") {
    res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "close", ...cors });
    res.flushHeaders();
    const send = (text) => res.write(text);
    send(event(live.status()));
    streams.add(send);
    const keepAlive = setInterval(() => send(": keep-alive\n\n"), KEEP_ALIVE_MS);
    res.on("close", () => {
      clearInterval(keepAlive);
      streams.delete(send);
    });
    return;
  }
  const medium = req.method === "GET" ? live.medium(path) : undefined;
  if (medium) {
    const [file, type] = medium;
    return readFile(file).then(
      (bytes) => {
        res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store", "Content-Length": bytes.length, ...cors });
        res.end(bytes);
      },
      (e) => {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", ...cors });
        res.end(`cannot read ${file}: ${e.message}\n`);
      },
    );
  }
  res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", ...cors });
  res.end(PATHS);
}
