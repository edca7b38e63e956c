//! `pathlight report FILE... [--pack DIR|lessons.json] [-o report.html] [--json]`, for the
//! native CLI and `npx pathlight`. The native CLI streams each file from the disk here; Node
//! streams them into a [`Run`] itself (npm/cli), as its WebAssembly has no file system.

use super::figures::{figures, Figures, Input};
use super::html;
use super::input::Reader;
use crate::compiler::files::Files;
use crate::compiler::{check_built, compile_from, read_built, Diagnostic};
use crate::model::pack::Pack;
use std::io;
use std::path::Path;

/// The help for `pathlight report`.
pub const USAGE: &str =
    "usage: pathlight report FILE... [--pack DIR|lessons.json] [-o report.html] [--json]
  FILE          collected NDJSON records or Segment-style exports, plain or gzip
  --pack PATH   the pack folder or its built lessons.json: titles, goals, learning maps,
                and the lessons never shown
  -o FILE       where to write the HTML report (default report.html)
  --json        print the figures as JSON instead (with -o, write the HTML too)

docs/analytics.md defines every figure.";

/// The report's own view of the CLI's [`System`](crate::cli::System): how
/// `cli` hands it the files, the terminal and writing.
pub struct Io<'a> {
    /// Where the pack is read from.
    pub files: &'a dyn Files,
    /// One line of output.
    pub out: &'a dyn Fn(&str),
    /// One line of diagnostics.
    pub err: &'a dyn Fn(&str),
    /// Writes a file.
    pub write: &'a dyn Fn(&Path, &str) -> io::Result<()>,
}

/// What the command line asks for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Request {
    /// The files of records.
    pub inputs: Vec<String>,
    /// The pack, a folder or a built lessons.json.
    pub pack: Option<String>,
    /// Where to write the HTML.
    pub out: Option<String>,
    /// Print the figures as JSON.
    pub json: bool,
}

impl Request {
    /// Reads the arguments after `report`.
    pub fn parse(args: &[&str]) -> Result<Request, String> {
        let mut c = Request::default();
        let mut rest = args.iter();
        while let Some(&arg) = rest.next() {
            match arg {
                "--pack" | "-o" => {
                    let Some(&value) = rest.next() else {
                        return Err(format!("error: {arg} needs a value"));
                    };
                    let slot = if arg == "-o" { &mut c.out } else { &mut c.pack };
                    if slot.replace(value.to_owned()).is_some() {
                        return Err(format!("error: {arg} is given twice"));
                    }
                }
                "--json" => c.json = true,
                flag if flag.starts_with('-') && flag != "-" => {
                    return Err(format!("error: unknown option {flag}"))
                }
                file => c.inputs.push(file.to_owned()),
            }
        }
        if c.inputs.is_empty() {
            return Err("error: name at least one file of records".into());
        }
        Ok(c)
    }

    /// Where the HTML goes, if it is written.
    pub fn html_path(&self) -> Option<&str> {
        match (&self.out, self.json) {
            (Some(out), _) => Some(out),
            (None, false) => Some("report.html"),
            (None, true) => None,
        }
    }
}

/// One run of the report: the command, the pack, and what was read so far.
pub struct Run {
    request: Request,
    pack: Option<Pack>,
    reader: Reader,
    files: u64,
    unreadable: bool,
}

/// Prints every diagnostic: the number of errors.
fn print(io: &Io, diags: &[Diagnostic]) -> usize {
    for d in diags {
        (io.err)(&d.to_string());
    }
    diags.iter().filter(|d| !d.warning).count()
}

/// The pack at `path`, a built lessons.json or a folder; or the exit code, its problems
/// printed.
fn load_pack(io: &Io, path: &Path) -> Result<Pack, i32> {
    let (pack, diags) = match read_built(io.files, path) {
        Some(text) => check_built(path, &text),
        None => match compile_from(io.files, path) {
            Ok(compiled) => compiled,
            Err(not_a_pack) => {
                (io.err)(&not_a_pack.to_string());
                return Err(2);
            }
        },
    };
    match pack {
        Some(pack) if print(io, &diags) == 0 => Ok(pack),
        _ => {
            if diags.is_empty() {
                (io.err)(
                    "error: the pack has errors: fix them (`pathlight lint`) or leave out --pack",
                );
            }
            Err(1)
        }
    }
}

impl Run {
    /// Reads the arguments after `report` and the pack: the exit code when either fails.
    pub fn start(args: &[&str], io: &Io) -> Result<Run, i32> {
        let request = match Request::parse(args) {
            Ok(c) => c,
            Err(e) => {
                (io.err)(&e);
                (io.err)(USAGE);
                return Err(2);
            }
        };
        let pack = match &request.pack {
            Some(path) => Some(load_pack(io, Path::new(path))?),
            None => None,
        };
        Ok(Run {
            reader: Reader::new(pack.as_ref().map(|p| p.id.as_str())),
            request,
            pack,
            files: 0,
            unreadable: false,
        })
    }

    /// The files of records to read, in order.
    pub fn inputs(&self) -> &[String] {
        &self.request.inputs
    }

    /// Starts reading the file `name`.
    pub fn begin(&mut self, name: &str) {
        self.files += 1;
        self.reader.start(name);
    }

    /// The next bytes of the file begun.
    pub fn push(&mut self, chunk: &[u8]) {
        self.reader.push(chunk);
    }

    /// The file `name` could not be read: `why` is printed, and no report is written.
    pub fn cannot_read(&mut self, io: &Io, name: &str, why: &str) {
        (io.err)(&format!("error: cannot read {name}: {why}"));
        self.unreadable = true;
    }

    /// The figures of everything read.
    pub fn figures(self) -> Figures {
        let (tally, problems) = self.reader.finish();
        let input = Input {
            files: self.files,
            problems,
            ..Input::default()
        };
        figures(&tally, input, self.pack.as_ref())
    }

    /// Ends the run: warnings, then the JSON or the HTML written. The exit code.
    pub fn finish(self, io: &Io) -> i32 {
        if self.unreadable {
            return 2;
        }
        let request = self.request.clone();
        let f = self.figures();
        let problems = &f.input.problems;
        for named in &problems.named {
            (io.err)(&format!("warning: {named}"));
        }
        let unnamed = problems
            .malformed
            .saturating_sub(problems.named.len() as u64);
        if unnamed > 0 {
            (io.err)(&format!("warning: and {unnamed} more malformed lines"));
        }
        if problems.skipped > 0 {
            (io.err)(&format!(
                "note: {} records skipped: of another format version, of events this report does not know, or of another pack",
                problems.skipped
            ));
        }
        if let Some(path) = request.html_path() {
            if let Err(e) = (io.write)(Path::new(path), &html::render(&f)) {
                (io.err)(&format!("error: cannot write {path}: {e}"));
                return 2;
            }
            let line = format!(
                "wrote {path} ({} learners, {} records, {} lessons)",
                f.learners,
                f.input.records,
                f.lessons.len()
            );
            if request.json {
                (io.err)(&line);
            } else {
                (io.out)(&line);
            }
        }
        if request.json {
            let text = serde_json::to_string_pretty(&f.to_json()).expect("a JSON value serializes");
            (io.out)(&text);
        }
        0
    }
}

/// Runs `pathlight report` with the arguments after `report`: the exit code. Files of
/// records are streamed from the disk natively, read through `io.files` in WebAssembly.
pub fn run(args: &[&str], io: &Io) -> i32 {
    let mut session = match Run::start(args, io) {
        Ok(s) => s,
        Err(code) => return code,
    };
    for name in session.inputs().to_vec() {
        session.begin(&name);
        if let Err(e) = stream(io, &name, &mut session) {
            session.cannot_read(io, &name, &e.to_string());
        }
    }
    session.finish(io)
}

#[cfg(not(target_arch = "wasm32"))]
fn stream(_io: &Io, name: &str, session: &mut Run) -> io::Result<()> {
    use std::io::Read;
    let mut file = std::fs::File::open(name)?;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        match file.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => session.push(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn stream(io: &Io, name: &str, session: &mut Run) -> io::Result<()> {
    session.push(&io.files.read(Path::new(name))?);
    Ok(())
}
