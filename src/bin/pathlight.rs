//! `pathlight`: the authoring CLI. Checks and compiles lesson packs for the widget.
//!
//! Exit codes suit CI: 0 when the pack is clean, 1 when it has errors, 2 for a usage or
//! file-system problem.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "pathlight/dev.rs"]
mod dev;

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use pathlight::authoring::{check_built, compile, read_if_built, schema, Diagnostic};
    use pathlight::pack::Pack;
    use std::io::Write;
    use std::path::Path;

    const USAGE: &str = "usage:
  pathlight lint <DIR|FILE>            check a pack folder or one lesson file, or a built
                                       lessons.json as the widget reads it (size, format,
                                       duplicate ids, content it does not know) and as
                                       lint checks a folder (ids, links, goals, URLs)
  pathlight build <DIR> -o <FILE>      compile a pack folder into the JSON the widget loads
  pathlight schema [lesson]            print the JSON Schema of a compiled pack (or of a
                                       JSON lesson file), for editors
  pathlight dev <DIR> [--port N]       serve the pack at http://127.0.0.1:N/lessons.json
                                       (default 7878) and rebuild it on every change

docs/authoring.md describes every field, trigger and error.";

    pub fn run(args: Vec<String>) -> i32 {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        match args.as_slice() {
            ["lint", path] => lint(Path::new(path)),
            ["build", dir, "-o", out] | ["build", "-o", out, dir] => {
                build(Path::new(dir), Path::new(out))
            }
            ["schema"] => print_schema(schema::pack()),
            ["schema", "lesson"] => print_schema(schema::lesson()),
            ["dev", rest @ ..] => crate::dev::main(rest),
            ["-h" | "--help" | "help"] => {
                println!("{USAGE}");
                0
            }
            _ => {
                eprintln!("{USAGE}");
                2
            }
        }
    }

    fn print_schema(schema: serde_json::Value) -> i32 {
        let text = serde_json::to_string_pretty(&schema).expect("a JSON value always serializes");
        // A closed pipe (`pathlight schema | head`) is not an error worth a panic.
        let _ = writeln!(std::io::stdout(), "{text}");
        0
    }

    fn plural(n: usize, what: &str) -> String {
        format!("{n} {what}{}", if n == 1 { "" } else { "s" })
    }

    /// Prints every diagnostic and, when there are errors, how many: the number of errors.
    fn report(diags: &[Diagnostic]) -> usize {
        for d in diags {
            eprintln!("{d}");
        }
        let warnings = diags.iter().filter(|d| d.warning).count();
        let errors = diags.len() - warnings;
        if errors > 0 {
            let and = match warnings {
                0 => String::new(),
                n => format!(" (and {})", plural(n, "warning")),
            };
            eprintln!("{} found{and}", plural(errors, "error"));
        }
        errors
    }

    /// The pack, or the exit code: 1 for errors in it, 2 when `path` is not a pack.
    fn checked(path: &Path) -> Result<Option<Pack>, i32> {
        match compile(path) {
            Err(not_a_pack) => {
                eprintln!("{not_a_pack}");
                Err(2)
            }
            Ok((_, diags)) if report(&diags) > 0 => Err(1),
            Ok((pack, _)) => Ok(pack),
        }
    }

    fn lint(path: &Path) -> i32 {
        if let Some(text) = read_if_built(path) {
            return lint_built(path, &text);
        }
        match checked(path) {
            Ok(pack) => {
                let n = pack.map_or(0, |p| p.lessons.len());
                println!("ok: {} checked", plural(n, "lesson"));
                0
            }
            Err(code) => code,
        }
    }

    /// A built `lessons.json`: checked as the widget reads it; warnings do not fail it.
    fn lint_built(path: &Path, text: &str) -> i32 {
        let (pack, diags) = check_built(path, text);
        if report(&diags) > 0 {
            return 1;
        }
        let n = pack.map_or(0, |p| p.lessons.len());
        let warnings = match diags.len() {
            0 => String::new(),
            w => format!(" ({})", plural(w, "warning")),
        };
        println!("ok: {} checked{warnings}", plural(n, "lesson"));
        0
    }

    fn build(dir: &Path, out: &Path) -> i32 {
        let pack = match checked(dir) {
            Ok(Some(pack)) => pack,
            Ok(None) => return 1,
            Err(code) => return code,
        };
        let json = pack.to_json();
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(parent);
        }
        match std::fs::write(out, json) {
            Ok(()) => {
                println!(
                    "wrote {} ({} lessons, {} goals)",
                    out.display(),
                    pack.lessons.len(),
                    pack.goals.len()
                );
                0
            }
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", out.display());
                2
            }
        }
    }
}
