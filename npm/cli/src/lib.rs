//! The `pathlight` CLI for Node: the native CLI's own commands (`pathlight::authoring::cli`)
//! compiled to WebAssembly, so product teams run `npx pathlight` without Rust. The wasm has
//! no file system: npm/bin/pathlight.mjs hands it Node's, as a [`Node`] object.

use pathlight::authoring::cli::{self, System};
use pathlight::authoring::files::Files;
use pathlight::authoring::{compile_from, Diagnostic};
use std::cell::RefCell;
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
    #[wasm_bindgen(method)]
    fn out(this: &Node, line: &str);
    #[wasm_bindgen(method)]
    fn err(this: &Node, line: &str);
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
}

impl System for Node {
    fn files(&self) -> &dyn Files {
        self
    }
    fn write(&self, path: &Path, text: &str) -> io::Result<()> {
        Node::write(self, &self::text(path), text).map_err(io_error)
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

/// The lines `pathlight lint` would print about a pack, kept rather than printed.
struct Kept<'a> {
    node: &'a Node,
    lines: RefCell<Vec<String>>,
}

impl System for Kept<'_> {
    fn files(&self) -> &dyn Files {
        self.node
    }
    fn write(&self, _: &Path, _: &str) -> io::Result<()> {
        Err(io::Error::other("a dev build writes nothing"))
    }
    fn out(&self, line: &str) {
        self.lines.borrow_mut().push(line.to_string());
    }
    fn err(&self, line: &str) {
        self.lines.borrow_mut().push(line.to_string());
    }
}

/// One build of `pathlight dev`, as JSON: `{"pack": <the pack's JSON text, or null>,
/// "lessons": n, "report": <what lint prints>, "diagnostics": [{"file", "line", "message",
/// "severity"}]}`, where a diagnostic's message is all that lint prints for it. A folder
/// that is not a pack is one diagnostic.
#[wasm_bindgen]
pub fn build(dir: &str, node: &Node) -> String {
    let kept = Kept {
        node,
        lines: RefCell::new(Vec::new()),
    };
    let (pack, diags) = match compile_from(node, Path::new(dir)) {
        Ok(compiled) => compiled,
        Err(not_a_pack) => (None, vec![not_a_pack]),
    };
    cli::report(&kept, &diags);
    let diagnostics: Vec<serde_json::Value> = diags.iter().map(diagnostic).collect();
    serde_json::json!({
        "pack": pack.as_ref().map(|p| p.to_json()),
        "lessons": pack.as_ref().map_or(0, |p| p.lessons.len()),
        "report": kept.lines.into_inner().join("\n"),
        "diagnostics": diagnostics,
    })
    .to_string()
}

fn diagnostic(d: &Diagnostic) -> serde_json::Value {
    serde_json::json!({
        "file": d.file.display().to_string(),
        "line": d.line,
        "severity": if d.warning { "warning" } else { "error" },
        "message": d.to_string(),
    })
}
