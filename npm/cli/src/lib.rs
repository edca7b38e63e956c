//! The `pathlight` CLI for Node: the native CLI's own commands (`pathlight::cli`)
//! compiled to WebAssembly, so product teams run `npx pathlight` without Rust. The wasm has
//! no file system: npm/bin/pathlight.mjs hands it Node's, as a [`Node`] object.
//! `pathlight dev`'s builds and answers are the native CLI's too ([`LivePack`]); only its
//! server and watcher are Node's (npm/bin/dev.mjs). `pathlight report` too: Node streams the
//! files of records into a [`Report`] chunk by chunk (npm/bin/report.mjs), so that files
//! larger than memory are read as the native CLI reads them.

use pathlight::cli::{self, System};
use pathlight::compiler::dev;
use pathlight::compiler::files::Files;
use pathlight::report;
use std::io;
use std::path::{Path, PathBuf};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Node's file system and standard streams. Failures are thrown as the text a Rust
    /// `io::Error` would print, so messages match the native CLI's.
    pub type Node;
    #[wasm_bindgen(method, js_name = isFile)]
    fn is_file(this: &Node, path: &str) -> bool;
    #[wasm_bindgen(method, catch)]
    fn read(this: &Node, path: &str) -> Result<Vec<u8>, JsValue>;
    /// The names of the entries of a folder.
    #[wasm_bindgen(method, catch)]
    fn list(this: &Node, dir: &str) -> Result<Vec<String>, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn write(this: &Node, path: &str, text: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn copy(this: &Node, from: &str, to: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn size(this: &Node, path: &str) -> Result<f64, JsValue>;
    #[wasm_bindgen(method)]
    fn out(this: &Node, line: &str);
    #[wasm_bindgen(method)]
    fn err(this: &Node, line: &str);
    /// The clock, in milliseconds (`performance.now()`).
    #[wasm_bindgen(method)]
    fn now(this: &Node) -> f64;
}

fn io_error(e: JsValue) -> io::Error {
    io::Error::other(e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

fn text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

impl Files for Node {
    fn is_file(&self, path: &Path) -> bool {
        Node::is_file(self, &text(path))
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        Node::read(self, &text(path)).map_err(io_error)
    }
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        let names = Node::list(self, &text(dir)).map_err(io_error)?;
        Ok(names.into_iter().map(|name| dir.join(name)).collect())
    }
    fn size(&self, path: &Path) -> io::Result<u64> {
        Ok(Node::size(self, &text(path)).map_err(io_error)? as u64)
    }
}

impl System for Node {
    fn files(&self) -> &dyn Files {
        self
    }
    fn write(&self, path: &Path, text: &str) -> io::Result<()> {
        Node::write(self, &self::text(path), text).map_err(io_error)
    }
    fn copy(&self, from: &Path, to: &Path) -> io::Result<()> {
        Node::copy(self, &text(from), &text(to)).map_err(io_error)
    }
    fn out(&self, line: &str) {
        Node::out(self, line)
    }
    fn err(&self, line: &str) {
        Node::err(self, line)
    }
}

/// `pathlight <args>`: the exit code.
#[wasm_bindgen]
pub fn run(args: Vec<String>, node: &Node) -> i32 {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    cli::run(&args, node)
}

/// `pathlight dev`'s pack of one folder, built again on demand, the last good one kept:
/// what the terminal shows and what `/status` answers, as the native CLI's
/// (`pathlight::compiler::dev::LivePack`).
#[wasm_bindgen]
pub struct LivePack(dev::LivePack);

#[wasm_bindgen]
impl LivePack {
    /// The folder `dir`, not yet built.
    #[wasm_bindgen(constructor)]
    pub fn new(dir: &str) -> LivePack {
        LivePack(dev::LivePack::new(Path::new(dir)))
    }

    /// Builds again through `node`'s files: what the terminal shows.
    pub fn rebuild(&mut self, node: &Node) -> String {
        let started = node.now();
        self.0
            .rebuild_with(node, || (node.now() - started).max(0.0) as u128)
    }

    /// Whether the last build gave a pack.
    pub fn ok(&self) -> bool {
        self.0.ok()
    }

    /// The JSON of the last good pack, if any build succeeded.
    pub fn pack(&self) -> Option<String> {
        self.0.pack().map(str::to_owned)
    }

    /// The file and media type that answer a request's `path`, when the last good pack
    /// uses it: `[file, type]`.
    pub fn medium(&self, path: &str) -> Option<Vec<String>> {
        let (file, kind) = self.0.medium(path)?;
        Some(vec![file.display().to_string(), kind.to_string()])
    }

    /// What `/status` answers, and each `/events` message carries.
    pub fn status(&self) -> String {
        self.0.status().to_string()
    }
}

/// Whether a page at `origin` may read the dev server: only pages served from this machine.
#[wasm_bindgen(js_name = isLoopbackOrigin)]
pub fn is_loopback_origin(origin: &str) -> bool {
    dev::is_loopback_origin(origin)
}

/// Runs `then` with the report's view of `node`: its files for the pack, its terminal, its
/// writing.
fn with_io<R>(node: &Node, then: impl FnOnce(&report::Io) -> R) -> R {
    then(&report::Io {
        files: node,
        out: &|line| Node::out(node, line),
        err: &|line| Node::err(node, line),
        write: &|path, text| System::write(node, path, text),
    })
}

/// One `pathlight report` run (`pathlight::report::Run`): Node feeds it the bytes of
/// each file of records, then asks for the report.
#[wasm_bindgen]
pub struct Report(Option<report::Run>);

#[wasm_bindgen]
impl Report {
    /// `pathlight report <args>`: reads the arguments and the pack through `node`. Throws
    /// the exit code when either fails, its problems printed.
    #[wasm_bindgen(constructor)]
    pub fn new(args: Vec<String>, node: &Node) -> Result<Report, JsValue> {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        with_io(node, |io| report::Run::start(&args, io))
            .map(|s| Report(Some(s)))
            .map_err(JsValue::from)
    }

    /// The files of records to read, in order.
    pub fn inputs(&self) -> Vec<String> {
        self.0.as_ref().map_or(Vec::new(), |s| s.inputs().to_vec())
    }

    /// Starts the file `name`.
    pub fn begin(&mut self, name: &str) {
        if let Some(s) = &mut self.0 {
            s.begin(name);
        }
    }

    /// The next bytes of the file begun.
    pub fn push(&mut self, chunk: &[u8]) {
        if let Some(s) = &mut self.0 {
            s.push(chunk);
        }
    }

    /// The file `name` could not be read, for the reason `why`.
    #[wasm_bindgen(js_name = cannotRead)]
    pub fn cannot_read(&mut self, node: &Node, name: &str, why: &str) {
        if let Some(s) = &mut self.0 {
            with_io(node, |io| s.cannot_read(io, name, why));
        }
    }

    /// Writes the report (or prints its JSON): the exit code.
    pub fn finish(&mut self, node: &Node) -> i32 {
        self.0
            .take()
            .map_or(2, |s| with_io(node, |io| s.finish(io)))
    }
}

/// `pathlight dev`'s arguments, read as the native CLI reads them: which pages may read the
/// pack, with the folder and the port; a wrong argument throws the line to print (exit 2).
#[wasm_bindgen(js_name = DevArgs)]
pub struct DevArgs(dev::DevArgs);

#[wasm_bindgen(js_class = DevArgs)]
impl DevArgs {
    /// Reads `args` (after `dev`).
    #[wasm_bindgen(constructor)]
    pub fn new(args: Vec<String>) -> Result<DevArgs, String> {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        dev::dev_args(&args).map(DevArgs)
    }

    /// The pack folder.
    #[wasm_bindgen(getter)]
    pub fn dir(&self) -> String {
        self.0.dir.clone()
    }

    /// The port on 127.0.0.1.
    #[wasm_bindgen(getter)]
    pub fn port(&self) -> u16 {
        self.0.port
    }

    /// The origins allowed beside this machine's, as browsers send them.
    #[wasm_bindgen(getter)]
    pub fn allowed(&self) -> Vec<String> {
        self.0.origins.allowed().to_vec()
    }

    /// The CORS headers of an answer to a page at `origin` (`""` for a request without one),
    /// as `[name, value, name, value, …]`, or `undefined` when that page may not read the
    /// pack.
    pub fn cors(
        &self,
        origin: &str,
        preflight: bool,
        private_network: bool,
    ) -> Option<Vec<String>> {
        let origin = Some(origin).filter(|o| !o.is_empty());
        let headers = self.0.origins.cors(origin, preflight, private_network)?;
        Some(
            headers
                .into_iter()
                .flat_map(|(name, value)| [name.to_string(), value])
                .collect(),
        )
    }
}

/// What the terminal says, once, about a page at `origin` that may not read the pack.
#[wasm_bindgen]
pub fn refusal(origin: &str) -> String {
    dev::refusal(origin)
}
