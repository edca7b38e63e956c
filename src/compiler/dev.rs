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
    /// The local media the last good pack uses, relative to the folder.
    media: Vec<String>,
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
            media: vec![],
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
                self.media = super::local_files(&pack);
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

    /// The file on disk and its media type for a request's `path`, when it names a clip,
    /// its captions or poster, or an image the last good pack uses. Relative media resolve
    /// against the pack's URL, `/lessons.json`, so they are asked for from the root; nothing
    /// else of the folder is served.
    pub fn medium(&self, path: &str) -> Option<(PathBuf, &'static str)> {
        let path = super::media::decoded(path.strip_prefix('/')?);
        let used = self.media.iter().find(|m| **m == path)?;
        let extension = used.rsplit_once('.').map_or("", |(_, e)| e);
        let kind = match extension.to_ascii_lowercase().as_str() {
            "webm" => "video/webm",
            "mp4" => "video/mp4",
            "vtt" => "text/vtt; charset=utf-8",
            "png" => "image/png",
            "jpg" | "jpeg" => "image/jpeg",
            "webp" => "image/webp",
            "gif" => "image/gif",
            "svg" => "image/svg+xml",
            "avif" => "image/avif",
            _ => "application/octet-stream",
        };
        Some((self.dir.join(used), kind))
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

/// The default port of `pathlight dev`.
pub const DEFAULT_PORT: u16 = 7878;

/// The usage line of `pathlight dev`, printed for arguments it cannot read.
pub const USAGE: &str = "usage: pathlight dev <DIR> [--port N] [--allow-origin ORIGIN]...";

/// What `pathlight dev` was asked for: the folder, the port and the origins allowed beside
/// this machine's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DevArgs {
    /// The pack folder to serve.
    pub dir: String,
    /// The port on 127.0.0.1.
    pub port: u16,
    /// Which pages may read the pack.
    pub origins: Origins,
}

/// Reads `pathlight dev`'s arguments (without `dev`), in any order: the error line to print
/// (exit code 2) when they are wrong.
pub fn dev_args(args: &[&str]) -> Result<DevArgs, String> {
    const PORT: &str = "error: --port needs a port number from 1 to 65535";
    let mut dir = None;
    let mut port = DEFAULT_PORT;
    let mut origins = Origins::default();
    let mut args = args.iter();
    while let Some(&arg) = args.next() {
        match (arg, args.clone().next()) {
            ("--port", Some(value)) => {
                args.next();
                port = value.parse().map_err(|_| PORT.to_string())?;
            }
            ("--allow-origin", Some(value)) => {
                args.next();
                origins.allow(value)?;
            }
            (arg, _) if dir.is_none() && !arg.starts_with("--") => dir = Some(arg.to_string()),
            _ => return Err(USAGE.into()),
        }
    }
    let dir = dir.ok_or_else(|| USAGE.to_string())?;
    Ok(DevArgs { dir, port, origins })
}

/// The pages that may read the dev server: those served from this machine, always, and the
/// origins the author allows with `--allow-origin` (a staging app), exactly; no other.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origins {
    allowed: Vec<String>,
}

impl Origins {
    /// Allows the origin `written` (`https://staging.acme.example`), spelt as browsers send
    /// it; the error line to print when it is not an origin.
    pub fn allow(&mut self, written: &str) -> Result<(), String> {
        let origin = origin(written).ok_or_else(|| {
            format!("error: --allow-origin needs an origin such as https://staging.acme.example (a scheme, a host and maybe a port, nothing after), not `{written}`")
        })?;
        if !self.allowed.contains(&origin) {
            self.allowed.push(origin);
        }
        Ok(())
    }

    /// The origins allowed beside this machine's, as browsers send them.
    pub fn allowed(&self) -> &[String] {
        &self.allowed
    }

    /// Whether a page at `origin` (its `Origin` header) may read the pack.
    pub fn may_read(&self, origin: &str) -> bool {
        is_loopback_origin(origin) || self.allowed.iter().any(|a| a == origin)
    }

    /// The CORS headers of an answer to a request from `origin` (its `Origin` header, if
    /// any): `None` when the page may not read it. A preflight (`OPTIONS`) gets the methods
    /// and headers allowed, and, when it asks with `Access-Control-Request-Private-Network:
    /// true` (Chrome's Private Network Access, before a public page may reach a loopback
    /// address), `Access-Control-Allow-Private-Network: true`.
    pub fn cors(
        &self,
        origin: Option<&str>,
        preflight: bool,
        private_network: bool,
    ) -> Option<Vec<(&'static str, String)>> {
        let Some(origin) = origin else {
            // Not a page's request (curl, a test): nothing to allow.
            return Some(vec![]);
        };
        if !self.may_read(origin) {
            return None;
        }
        let mut headers = vec![
            ("Access-Control-Allow-Origin", origin.to_string()),
            ("Vary", "Origin".to_string()),
        ];
        if preflight {
            headers.push(("Access-Control-Allow-Methods", "GET".into()));
            headers.push(("Access-Control-Allow-Headers", "*".into()));
            if private_network {
                headers.push(("Access-Control-Allow-Private-Network", "true".into()));
            }
        }
        Some(headers)
    }
}

/// What the terminal says, once, when a page at `origin` asks for the pack and may not
/// read it: how to let it.
pub fn refusal(origin: &str) -> String {
    match origin {
        "null" => "refused a page with no origin (a file or a sandboxed frame): serve it from http://localhost or an allowed origin".into(),
        _ if origin.contains(['\r', '\n', ' ']) => "refused a page with an unreadable origin".into(),
        _ => format!("refused a page at {origin}: to let it read the pack, start pathlight dev with --allow-origin {origin}"),
    }
}

/// `written` as a browser's `Origin` header spells it (lower case, no default port, no
/// trailing `/`), if it is an http or https origin.
fn origin(written: &str) -> Option<String> {
    let lower = written.trim().to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://")?;
    let default_port = match scheme {
        "http" => ":80",
        "https" => ":443",
        _ => return None,
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let host_end = if rest.starts_with('[') {
        rest.find(']')? + 1
    } else {
        rest.find(':').unwrap_or(rest.len())
    };
    let (host, port) = rest.split_at(host_end);
    let host_ok = !host.is_empty()
        && (host.starts_with('[')
            || host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'));
    let port_ok = port.is_empty()
        || port.strip_prefix(':').is_some_and(|p| {
            !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit())
        });
    if !host_ok
        || !port_ok
        || host.starts_with('[')
            && !host[1..host.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
    {
        return None;
    }
    let port = if port == default_port { "" } else { port };
    Some(format!("{scheme}://{host}{port}"))
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

    #[test]
    fn allowed_origins_are_spelt_as_browsers_send_them_and_nothing_else_is_an_origin() {
        let mut origins = Origins::default();
        for (written, sent) in [
            (
                "https://staging.acme.example",
                "https://staging.acme.example",
            ),
            (
                "HTTPS://Staging.Acme.Example/",
                "https://staging.acme.example",
            ),
            (
                "https://staging.acme.example:443",
                "https://staging.acme.example",
            ),
            (
                "http://staging.acme.test:8080",
                "http://staging.acme.test:8080",
            ),
            ("http://[fd00::1]:80", "http://[fd00::1]"),
        ] {
            origins.allow(written).unwrap();
            assert!(origins.allowed().contains(&sent.to_string()), "{written}");
        }
        assert_eq!(origins.allowed().len(), 3, "each origin once");
        for no in [
            "staging.acme.example",
            "https://staging.acme.example/app",
            "https://staging.acme.example?x",
            "https://user@staging.acme.example",
            "ftp://staging.acme.example",
            "https://",
            "https://a.example:",
            "https://a.example:99999x",
            "*",
            "null",
        ] {
            let said = Origins::default().allow(no).unwrap_err();
            assert!(
                said.starts_with("error: --allow-origin needs an origin"),
                "{said}"
            );
        }
    }

    #[test]
    fn an_allowed_origin_reads_the_pack_and_passes_private_network_preflights_and_no_other_does() {
        let mut origins = Origins::default();
        origins.allow("https://staging.acme.example").unwrap();
        let staging = Some("https://staging.acme.example");
        let headers = |h: Option<Vec<(&str, String)>>| {
            h.map(|h| {
                h.into_iter()
                    .map(|(n, v)| format!("{n}: {v}"))
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            headers(origins.cors(staging, false, false)).unwrap(),
            [
                "Access-Control-Allow-Origin: https://staging.acme.example",
                "Vary: Origin"
            ]
        );
        assert_eq!(
            headers(origins.cors(staging, true, true)).unwrap(),
            [
                "Access-Control-Allow-Origin: https://staging.acme.example",
                "Vary: Origin",
                "Access-Control-Allow-Methods: GET",
                "Access-Control-Allow-Headers: *",
                "Access-Control-Allow-Private-Network: true",
            ]
        );
        assert!(origins
            .cors(Some("http://localhost:5173"), true, false)
            .is_some());
        for other in [
            "https://staging.acme.example:8443",
            "http://staging.acme.example",
            "https://evil.acme.example",
            "https://staging.acme.example.evil.test",
            "null",
        ] {
            assert_eq!(origins.cors(Some(other), true, true), None, "{other}");
        }
        assert_eq!(origins.cors(None, false, false), Some(vec![]));
        assert_eq!(
            refusal("https://app.acme.example"),
            "refused a page at https://app.acme.example: to let it read the pack, start pathlight dev with --allow-origin https://app.acme.example"
        );
    }

    #[test]
    fn dev_arguments_come_in_any_order_and_origins_repeat() {
        let args = dev_args(&[
            "--allow-origin",
            "https://a.example",
            "lessons",
            "--port",
            "9000",
            "--allow-origin",
            "https://b.example/",
        ])
        .unwrap();
        assert_eq!(args.dir, "lessons");
        assert_eq!(args.port, 9000);
        assert_eq!(
            args.origins.allowed(),
            ["https://a.example", "https://b.example"]
        );
        assert_eq!(dev_args(&["lessons"]).unwrap().port, DEFAULT_PORT);
        for wrong in [
            &[][..],
            &["a", "b"],
            &["lessons", "--port"],
            &["--allow-origin"],
            &["lessons", "--verbose"],
        ] {
            assert_eq!(dev_args(wrong), Err(USAGE.to_string()), "{wrong:?}");
        }
        assert_eq!(
            dev_args(&["lessons", "--port", "http"]),
            Err("error: --port needs a port number from 1 to 65535".into())
        );
        assert!(dev_args(&["lessons", "--allow-origin", "staging.acme.example"]).is_err());
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
    fn dev_serves_the_media_a_lesson_uses_and_nothing_else_of_the_folder() {
        // Bug: a clip previewed through `pathlight dev` showed only its alt text.
        let dir = folder("media");
        std::fs::create_dir_all(dir.0.join("clips")).unwrap();
        for file in [
            "clips/send it.webm",
            "clips/send it.vtt",
            "clips/unused.webm",
        ] {
            std::fs::write(dir.0.join(file), "x").unwrap();
        }
        let how = "## How\n1. h\n\n![Sending it](clips/send%20it.webm)\n";
        std::fs::write(dir.0.join("a.md"), LESSON.replace("## How\n1. h\n", how)).unwrap();
        let mut live = LivePack::new(&dir.0);
        assert!(
            live.medium("/clips/send%20it.webm").is_none(),
            "nothing before a build"
        );
        live.rebuild();
        assert!(live.ok(), "{:?}", live.status());
        assert_eq!(
            live.medium("/clips/send%20it.webm"),
            Some((dir.0.join("clips/send it.webm"), "video/webm"))
        );
        assert_eq!(
            live.medium("/clips/send it.vtt"),
            Some((dir.0.join("clips/send it.vtt"), "text/vtt; charset=utf-8"))
        );
        for other in [
            "/clips/unused.webm",
            "/a.md",
            "/pack.toml",
            "/../a.md",
            "clips/send it.vtt",
        ] {
            assert_eq!(live.medium(other), None, "{other}");
        }
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
