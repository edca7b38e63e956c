//! `pathlight dev`: a pack folder compiled again on every change, the last good pack kept
//! while the folder is broken, and what the dev server says about it.
//!
//! This is the protocol's content, kept apart from the HTTP server and the watcher: the
//! terminal lines, the `/status` JSON and which origins may read the pack. The native
//! server (src/bin/pathlight/dev.rs) and the npm CLI's (npm/bin/dev.mjs, through npm/cli's
//! WebAssembly) both use it, so they say the same; the clock is the caller's, as wasm32
//! has none.

use super::files::Files;
use super::{compile_from, Diagnostic};
use super::{lint_report, plural};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// The live pack of one folder.
#[derive(Debug)]
pub struct LivePack {
    dir: PathBuf,
    /// Build attempts so far.
    build: u64,
    /// Whether the last attempt gave a pack.
    ok: bool,
    /// The build number and JSON of the last good pack.
    good: Option<(u64, String)>,
    /// The last attempt's problems.
    diagnostics: Vec<Diagnostic>,
}

impl LivePack {
    /// A folder not yet compiled: [`LivePack::rebuild`] compiles it.
    pub fn new(dir: &Path) -> LivePack {
        LivePack {
            dir: dir.to_path_buf(),
            build: 0,
            ok: false,
            good: None,
            diagnostics: vec![],
        }
    }

    /// Compiles the folder again, as `pathlight build` would: a clean pack replaces the one
    /// served, a broken one leaves it. Returns what the terminal shows: one line for a pack,
    /// or the diagnostics as `pathlight lint` prints them and which pack is still served.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn rebuild(&mut self) -> String {
        let started = std::time::Instant::now();
        self.rebuild_with(&super::files::Disk, || started.elapsed().as_millis())
    }

    /// [`LivePack::rebuild`], reading through `files`; `elapsed_ms` says how long the build
    /// took, in milliseconds, when it gave a pack.
    pub fn rebuild_with(&mut self, files: &dyn Files, elapsed_ms: impl FnOnce() -> u128) -> String {
        self.build += 1;
        let (pack, diagnostics) = match compile_from(files, &self.dir) {
            Ok(result) => result,
            Err(not_a_pack) => (None, vec![not_a_pack]),
        };
        self.ok = pack.is_some();
        self.diagnostics = diagnostics;
        match pack {
            Some(pack) => {
                self.good = Some((self.build, pack.to_json()));
                let ms = elapsed_ms();
                let lessons = plural(pack.lessons.len(), "lesson");
                format!("built {lessons} in {ms} ms (build {})", self.build)
            }
            None => {
                let kept = match &self.good {
                    Some((build, _)) => format!("kept the last good pack (build {build})"),
                    None => "no good pack yet: /lessons.json answers 503 until one builds".into(),
                };
                format!("{}\n{kept}", lint_report(&self.diagnostics).join("\n"))
            }
        }
    }

    /// Whether the last attempt gave a pack.
    pub fn ok(&self) -> bool {
        self.ok
    }

    /// The JSON of the last good pack, if any build succeeded.
    pub fn pack(&self) -> Option<&str> {
        self.good.as_ref().map(|(_, json)| json.as_str())
    }

    /// What `/status` answers, and each `/events` message carries.
    pub fn status(&self) -> Value {
        let diagnostics: Vec<Value> = self.diagnostics.iter().map(Diagnostic::to_json).collect();
        json!({
            "build": self.build,
            "ok": self.ok,
            "served": self.good.as_ref().map(|(build, _)| build),
            "diagnostics": diagnostics,
        })
    }
}

/// Whether a page at `origin` may read the dev server: only pages served from this
/// machine (`http(s)://localhost`, `127.0.0.1` or `[::1]`, any port), so a site on the
/// web cannot read a pack in progress.
pub fn is_loopback_origin(origin: &str) -> bool {
    let Some(rest) = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
    else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) if !host.is_empty() && !port.contains(']') => (host, Some(port)),
        _ => (rest, None),
    };
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    port_ok && matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pages_on_this_machine_are_loopback_origins() {
        for ok in [
            "http://localhost",
            "http://localhost:5173",
            "https://localhost:8443",
            "http://127.0.0.1:8080",
            "http://[::1]",
            "http://[::1]:3000",
        ] {
            assert!(is_loopback_origin(ok), "{ok}");
        }
        for no in [
            "https://example.com",
            "http://localhost.example.com",
            "http://127.0.0.1.evil.test",
            "http://evil.test:127.0.0.1",
            "null",
            "file://",
            "http://localhost:",
            "http://localhost:80/path",
            "ws://localhost",
            "http://[::1]x",
            "",
        ] {
            assert!(!is_loopback_origin(no), "{no}");
        }
    }

    /// A folder in the test's own temporary space, removed when the test ends.
    struct Folder(PathBuf);

    impl Drop for Folder {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn folder(name: &str) -> Folder {
        let dir =
            std::env::temp_dir().join(format!("pathlight-live-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("pack.toml"),
            "id = \"t\"\ntitle = \"T\"\nlocale = \"en\"\n",
        )
        .unwrap();
        Folder(dir)
    }

    const LESSON: &str = "+++\nid = \"a\"\ntitle = \"First\"\nobjective = \"o\"\nminutes = 1\n+++\n\n## Why\nw\n\n## What\nw\n\n## How\n1. h\n";

    #[test]
    fn a_broken_folder_keeps_the_last_good_pack_and_says_why() {
        let dir = folder("keep");
        std::fs::write(dir.0.join("a.md"), LESSON).unwrap();
        let mut live = LivePack::new(&dir.0);
        let first = live.rebuild();
        assert!(first.starts_with("built 1 lesson in "), "{first}");
        assert!(first.ends_with(" ms (build 1)"), "{first}");
        let good = live.pack().unwrap().to_string();
        assert!(good.contains("\"First\""));

        std::fs::write(
            dir.0.join("a.md"),
            LESSON.replace("minutes = 1", "minutes = \"one\""),
        )
        .unwrap();
        let broken = live.rebuild();
        assert!(
            broken.starts_with(&format!("error: {}", dir.0.join("a.md").display())),
            "{broken}"
        );
        assert!(
            broken.ends_with("1 error found\nkept the last good pack (build 1)"),
            "{broken}"
        );
        assert_eq!(
            live.pack(),
            Some(good.as_str()),
            "the last good pack is still served"
        );
        let status = live.status();
        assert_eq!(status["build"], 2);
        assert_eq!(status["ok"], false);
        assert_eq!(status["served"], 1);
        let d = &status["diagnostics"][0];
        assert_eq!(d["file"], dir.0.join("a.md").display().to_string());
        assert_eq!(d["line"], 5);
        assert_eq!(d["severity"], "error");
        assert_eq!(
            d["message"].as_str().unwrap(),
            broken.lines().take(2).collect::<Vec<_>>().join("\n")
        );

        std::fs::write(dir.0.join("a.md"), LESSON.replace("First", "Second")).unwrap();
        assert!(live.rebuild().ends_with("(build 3)"));
        assert!(live.pack().unwrap().contains("\"Second\""));
        assert_eq!(live.status()["served"], 3);
        assert_eq!(live.status()["diagnostics"], json!([]));
    }

    #[test]
    fn a_folder_that_never_built_serves_nothing() {
        let dir = folder("never");
        std::fs::write(dir.0.join("a.md"), "+++\nid = \"a\"\n+++\n").unwrap();
        let mut live = LivePack::new(&dir.0);
        let said = live.rebuild();
        assert!(
            said.ends_with("no good pack yet: /lessons.json answers 503 until one builds"),
            "{said}"
        );
        assert_eq!(live.pack(), None);
        assert_eq!(live.status()["served"], Value::Null);
        assert_eq!(live.status()["ok"], false);
    }
}
