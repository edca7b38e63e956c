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
    use pathlight::authoring::{compile, Diagnostic};
    use std::path::Path;

    const USAGE: &str = "usage:
  pathlight lint <DIR|FILE>            check a pack folder or one lesson file
  pathlight build <DIR> -o <FILE>      compile a pack folder into the JSON the widget loads";

    pub fn run(args: Vec<String>) -> i32 {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        match args.as_slice() {
            ["lint", path] => lint(Path::new(path)),
            ["build", dir, "-o", out] | ["build", "-o", out, dir] => {
                build(Path::new(dir), Path::new(out))
            }
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

    fn lint(path: &Path) -> i32 {
        let (pack, diags) = compile(path);
        if diags.is_empty() {
            let n = pack.map_or(0, |p| p.lessons.len());
            println!("ok: {n} lesson{} checked", if n == 1 { "" } else { "s" });
            0
        } else {
            report(&diags);
            1
        }
    }

    fn build(dir: &Path, out: &Path) -> i32 {
        let (pack, diags) = compile(dir);
        let Some(pack) = pack else {
            report(&diags);
            return 1;
        };
        let json = serde_json::to_string(&pack).expect("a pack always serializes");
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
