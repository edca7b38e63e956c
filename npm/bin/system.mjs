// Node's file system, terminal and clock, as the CLI's WebAssembly (npm/cli) asks for them. A
// failure is thrown as the text Rust's `io::Error` prints for it, so `npx pathlight` and
// the native `pathlight` word every problem the same way.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

// What glibc's strerror says, as Rust prints it; libuv's own texts differ ("illegal
// operation on a directory" for "Is a directory").
const STRERROR = {
  EPERM: "Operation not permitted",
  ENOENT: "No such file or directory",
  EIO: "Input/output error",
  EACCES: "Permission denied",
  EEXIST: "File exists",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  EINVAL: "Invalid argument",
  EMFILE: "Too many open files",
  EFBIG: "File too large",
  ENOSPC: "No space left on device",
  EROFS: "Read-only file system",
  ENAMETOOLONG: "File name too long",
  ELOOP: "Too many levels of symbolic links",
};

/** The text of a Node file-system error as Rust's `io::Error` displays it. */
export function ioError(e) {
  if (typeof e?.errno !== "number") return String(e?.message ?? e);
  const known = STRERROR[e.code];
  const text = known ?? String(e.message).replace(/^\w+: /, "").replace(/, \w+ .*$/, "");
  return `${known ? text : text[0].toUpperCase() + text.slice(1)} (os error ${Math.abs(e.errno)})`;
}

function attempt(action) {
  try {
    return action();
  } catch (e) {
    throw ioError(e);
  }
}

export const system = {
  isFile(path) {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
  read: (path) => attempt(() => readFileSync(path)),
  list: (dir) => attempt(() => readdirSync(dir)),
  write(path, text) {
    // As the native CLI: the folder is made if it can be, and writing says what failed.
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch {}
    attempt(() => writeFileSync(path, text));
  },
  // The media `pathlight build` puts beside the pack.
  copy(from, to) {
    attempt(() => mkdirSync(dirname(to), { recursive: true }));
    attempt(() => copyFileSync(from, to));
  },
  size: (path) => attempt(() => statSync(path).size),
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
  now: () => performance.now(),
};
