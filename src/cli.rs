//! The `pathlight` CLI's commands, their messages and exit codes, in one place for the
//! native binary (src/bin/pathlight.rs) and the npm package's CLI (npm/cli, this code
//! compiled to WebAssembly and run by Node). Each gives [`run`] its [`System`].
//!
//! Exit codes suit CI: 0 when the pack is clean, 1 when it has errors, 2 for a usage or
//! file-system problem.

use crate::compiler::files::{Disk, Files};
use crate::compiler::{
    check_built, compile_from, lint_report, local_files, plural, read_built, schema, Diagnostic,
};
use crate::model::pack::Pack;
use std::io::{self, Write};
use std::path::Path;

/// Help text the CLI prints for a wrong or missing subcommand.
pub const USAGE: &str = "usage:
  pathlight lint <DIR|FILE>            check a pack folder or one lesson file, or a built
                                       lessons.json as the widget reads it (size, format,
                                       duplicate ids, content it does not know) and as
                                       lint checks a folder (ids, links, goals, URLs)
  pathlight build <DIR> -o <FILE>      compile a pack folder into the JSON the widget loads
  pathlight schema [lesson]            print the JSON Schema of a compiled pack (or of a
                                       JSON lesson file), for editors
  pathlight dev <DIR> [--port N]       serve the pack at http://127.0.0.1:N/lessons.json
        [--allow-origin ORIGIN]...     (default 7878) and rebuild it on every change, for
                                       pages on this machine and at each ORIGIN given
                                       (a staging app: https://staging.acme.example)
  pathlight report FILE... [--pack DIR] [-o report.html] [--json]
                                       what learners did with the lessons, from the
                                       collected events (docs/analytics.md)

The authoring guide describes every field, trigger and error: docs/authoring.md, in the
npm package node_modules/pathlight/docs/authoring.md (and docs/quickstart-pm.md, from
npm install to a lesson previewed on staging).";

/// Where the CLI runs: files to read and write, and the terminal.
pub trait System {
    /// Where packs are read from.
    fn files(&self) -> &dyn Files;
    /// Writes `text` to the file `path`, creating its folder if need be.
    fn write(&self, path: &Path, text: &str) -> io::Result<()>;
    /// Copies the file `from` to `to`, creating its folder if need be: the media `build`
    /// puts beside the pack.
    fn copy(&self, from: &Path, to: &Path) -> io::Result<()> {
        let _ = (from, to);
        Err(io::Error::other("copying media is not supported here"))
    }
    /// One line of output.
    fn out(&self, line: &str);
    /// One line of diagnostics.
    fn err(&self, line: &str);
}

/// The machine's disk and the process's standard streams.
pub struct Native;

impl System for Native {
    fn files(&self) -> &dyn Files {
        &Disk
    }
    fn write(&self, path: &Path, text: &str) -> io::Result<()> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(parent);
        }
        std::fs::write(path, text)
    }
    fn copy(&self, from: &Path, to: &Path) -> io::Result<()> {
        if let Some(parent) = to.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(from, to).map(drop)
    }
    // A closed pipe (`pathlight schema | head`) is not an error worth a panic.
    fn out(&self, line: &str) {
        let _ = writeln!(io::stdout(), "{line}");
    }
    fn err(&self, line: &str) {
        let _ = writeln!(io::stderr(), "{line}");
    }
}

/// Runs the command `args` (without the program's name): the exit code.
pub fn run(args: &[&str], sys: &dyn System) -> i32 {
    match args {
        ["lint", path] => lint(sys, Path::new(path)),
        ["build", dir, "-o", out] | ["build", "-o", out, dir] => {
            build(sys, Path::new(dir), Path::new(out))
        }
        #[cfg(feature = "report")]
        ["report", rest @ ..] => crate::report::run(
            rest,
            &crate::report::Io {
                files: sys.files(),
                out: &|line| sys.out(line),
                err: &|line| sys.err(line),
                write: &|path, text| sys.write(path, text),
            },
        ),
        ["schema"] => print_schema(sys, schema::pack()),
        ["schema", "lesson"] => print_schema(sys, schema::lesson()),
        ["-h" | "--help" | "help"] => {
            sys.out(USAGE);
            0
        }
        _ => {
            sys.err(USAGE);
            2
        }
    }
}

fn print_schema(sys: &dyn System, schema: serde_json::Value) -> i32 {
    let text = serde_json::to_string_pretty(&schema).expect("a JSON value always serializes");
    sys.out(&text);
    0
}

/// Prints every diagnostic and, when there are errors, how many: the number of errors.
pub fn report(sys: &dyn System, diags: &[Diagnostic]) -> usize {
    for line in lint_report(diags) {
        sys.err(&line);
    }
    diags.iter().filter(|d| !d.warning).count()
}

/// The pack, or the exit code: 1 for errors in it, 2 when `path` is not a pack.
pub fn checked(sys: &dyn System, path: &Path) -> Result<Option<Pack>, i32> {
    match compile_from(sys.files(), path) {
        Err(not_a_pack) => {
            sys.err(&not_a_pack.to_string());
            Err(2)
        }
        Ok((_, diags)) if report(sys, &diags) > 0 => Err(1),
        Ok((pack, _)) => Ok(pack),
    }
}

fn lint(sys: &dyn System, path: &Path) -> i32 {
    if let Some(text) = read_built(sys.files(), path) {
        return lint_built(sys, path, &text);
    }
    match checked(sys, path) {
        Ok(pack) => {
            let n = pack.map_or(0, |p| p.lessons.len());
            sys.out(&format!("ok: {} checked", plural(n, "lesson")));
            0
        }
        Err(code) => code,
    }
}

/// A built `lessons.json`: checked as the widget reads it; warnings do not fail it.
fn lint_built(sys: &dyn System, path: &Path, text: &str) -> i32 {
    let (pack, diags) = check_built(path, text);
    if report(sys, &diags) > 0 {
        return 1;
    }
    let n = pack.map_or(0, |p| p.lessons.len());
    let warnings = match diags.len() {
        0 => String::new(),
        w => format!(" ({})", plural(w, "warning")),
    };
    sys.out(&format!("ok: {} checked{warnings}", plural(n, "lesson")));
    0
}

fn build(sys: &dyn System, dir: &Path, out: &Path) -> i32 {
    let pack = match checked(sys, dir) {
        Ok(Some(pack)) => pack,
        Ok(None) => return 1,
        Err(code) => return code,
    };
    match sys.write(out, &pack.to_json()) {
        Ok(()) => {
            sys.out(&format!(
                "wrote {} ({} lessons, {} goals)",
                out.display(),
                pack.lessons.len(),
                pack.goals.len()
            ));
            // Relative media resolve against the built pack: they go beside it.
            let sources = if sys.files().is_file(dir) {
                dir.parent().unwrap_or(Path::new(""))
            } else {
                dir
            };
            let beside = out.parent().unwrap_or(Path::new(""));
            let media = local_files(&pack);
            for file in &media {
                let (from, to) = (sources.join(file), beside.join(file));
                if from == to {
                    continue;
                }
                if let Err(e) = sys.copy(&from, &to) {
                    sys.err(&format!("error: cannot copy {}: {e}", from.display()));
                    return 2;
                }
            }
            if !media.is_empty() {
                sys.out(&format!(
                    "copied {} beside it",
                    plural(media.len(), "media file")
                ));
            }
            0
        }
        Err(e) => {
            sys.err(&format!("error: cannot write {}: {e}", out.display()));
            2
        }
    }
}
