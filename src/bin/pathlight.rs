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
mod cli {
    use pathlight::authoring::{compile, schema, Diagnostic};
    use pathlight::pack::Pack;
    use std::io::Write;
    use std::path::Path;

    const USAGE: &str = "usage:
  pathlight lint <DIR|FILE>            check a pack folder or one lesson file
  pathlight build <DIR> -o <FILE>      compile a pack folder into the JSON the widget loads
  pathlight schema [lesson]            print the JSON Schema of a compiled pack (or of a
                                       JSON lesson file), for editors

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

    fn report(diags: &[Diagnostic]) {
        for d in diags {
            eprintln!("{d}");
        }
        eprintln!(
            "{} error{} found",
            diags.len(),
            if diags.len() == 1 { "" } else { "s" }
        );
    }

    /// The pack, or the exit code: 1 for errors in it, 2 when `path` is not a pack.
    fn checked(path: &Path) -> Result<Option<Pack>, i32> {
        match compile(path) {
            Err(not_a_pack) => {
                eprintln!("{not_a_pack}");
                Err(2)
            }
            Ok((_, diags)) if !diags.is_empty() => {
                report(&diags);
                Err(1)
            }
            Ok((pack, _)) => Ok(pack),
        }
    }

    fn lint(path: &Path) -> i32 {
        match checked(path) {
            Ok(pack) => {
                let n = pack.map_or(0, |p| p.lessons.len());
                println!("ok: {n} lesson{} checked", if n == 1 { "" } else { "s" });
                0
            }
            Err(code) => code,
        }
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
