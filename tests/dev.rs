//! `pathlight dev` as an author runs it: the built binary serving a copy of a pack on a
//! free port, spoken to over plain HTTP and Server-Sent Events.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// How long a change may take before a test fails: generous, for a loaded machine. The
/// time measured is printed.
const DEADLINE: Duration = Duration::from_secs(10);

/// A running `pathlight dev`, stopped when the test ends.
struct Dev {
    child: Child,
    port: u16,
}

impl Drop for Dev {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn start(dir: &Path) -> Dev {
    start_with(dir, &[])
}

/// [`start`], with more arguments.
fn start_with(dir: &Path, more: &[&str]) -> Dev {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_pathlight"))
        .args(["dev", dir.to_str().unwrap(), "--port", &port.to_string()])
        .args(more)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("pathlight dev starts");
    let dev = Dev { child, port };
    wait_for("the server to answer", || {
        TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    dev
}

/// A fresh copy of the fixture pack, for this test alone.
fn copy_of_pack(name: &str) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("dev-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pack");
    for entry in std::fs::read_dir(fixture).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    dir
}

/// Polls `done` until it holds; panics naming `what` after the deadline. Returns the time
/// it took.
fn wait_for(what: &str, mut done: impl FnMut() -> bool) -> Duration {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < DEADLINE, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
    start.elapsed()
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

/// One HTTP/1.0 request: the server closes the connection after its answer.
fn request(port: u16, method: &str, path: &str, origin: Option<&str>) -> Answer {
    let origin = origin.map_or(String::new(), |o| format!("Origin: {o}\r\n"));
    request_with(port, method, path, &origin)
}

/// [`request`] with these header lines, each ending in `\r\n`.
fn request_with(port: u16, method: &str, path: &str, headers: &str) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("the dev server listens");
    write!(
        stream,
        "{method} {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n{headers}\r\n"
    )
    .unwrap();
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").expect("a complete answer");
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    Answer {
        status,
        headers,
        body: body.to_string(),
    }
}

fn get(port: u16, path: &str) -> Answer {
    request(port, "GET", path, None)
}

/// An `/events` stream: its headers, and each `status` event's data as it arrives.
fn events(port: u16) -> (String, Receiver<serde_json::Value>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1:5173\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line == "\r\n" || line.is_empty() {
            break;
        }
        head.push_str(&line);
    }
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut event = String::new();
        for line in reader.lines() {
            let Ok(line) = line else { return };
            if let Some(kind) = line.strip_prefix("event: ") {
                event = kind.to_string();
            } else if let Some(data) = line.strip_prefix("data: ") {
                if event == "status" && tx.send(serde_json::from_str(data).unwrap()).is_err() {
                    return;
                }
            }
        }
    });
    (head, rx)
}

/// The next status event, within the deadline.
fn next(events: &Receiver<serde_json::Value>) -> serde_json::Value {
    events
        .recv_timeout(DEADLINE)
        .expect("a status event within the deadline")
}

/// The first status event that says the last build `ok` or not: an editor's save may
/// reach the watcher in two steps, and a build between them sees a half-written file.
fn next_with(events: &Receiver<serde_json::Value>, ok: bool) -> serde_json::Value {
    let start = Instant::now();
    loop {
        let left = DEADLINE.saturating_sub(start.elapsed());
        let status = events
            .recv_timeout(left)
            .unwrap_or_else(|_| panic!("no status with ok = {ok} within the deadline"));
        if status["ok"] == ok {
            return status;
        }
    }
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{} has {from}", file.display());
    std::fs::write(file, text.replace(from, to)).unwrap();
}

#[test]
fn an_edit_is_served_and_announced_and_a_broken_file_keeps_the_last_good_pack() {
    let dir = copy_of_pack("edit");
    let dev = start(&dir);
    let port = dev.port;
    wait_for("the first build", || {
        get(port, "/status").json()["served"] == 1
    });

    // CORS: a page on this machine may read the pack; a site on the web may not.
    let local = request(port, "GET", "/lessons.json", Some("http://localhost:5173"));
    assert_eq!(local.status, 200);
    assert_eq!(local.header("Content-Type"), Some("application/json"));
    assert_eq!(local.header("Cache-Control"), Some("no-store"));
    assert_eq!(
        local.header("Access-Control-Allow-Origin"),
        Some("http://localhost:5173")
    );
    assert_eq!(local.header("Vary"), Some("Origin"));
    assert!(local.body.contains("\"Export a report\""));
    let foreign = request(port, "GET", "/lessons.json", Some("https://example.com"));
    assert_eq!(foreign.status, 200);
    assert_eq!(
        foreign.header("Access-Control-Allow-Origin"),
        None,
        "a foreign site reads nothing"
    );
    let preflight = request(port, "OPTIONS", "/lessons.json", Some("http://[::1]:8080"));
    assert_eq!(preflight.status, 204);
    assert_eq!(
        preflight.header("Access-Control-Allow-Origin"),
        Some("http://[::1]:8080")
    );
    assert_eq!(
        preflight.header("Access-Control-Allow-Methods"),
        Some("GET")
    );
    assert_eq!(preflight.header("Access-Control-Allow-Headers"), Some("*"));
    let foreign_preflight = request(port, "OPTIONS", "/lessons.json", Some("http://evil.test"));
    assert_eq!(
        foreign_preflight.header("Access-Control-Allow-Methods"),
        None
    );

    let elsewhere = get(port, "/lessons");
    assert_eq!(elsewhere.status, 404);
    assert!(elsewhere.body.contains("/lessons.json") && elsewhere.body.contains("/events"));

    let (head, stream) = events(port);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head.contains("Content-Type: text/event-stream"), "{head}");
    assert!(head.contains("Cache-Control: no-store"), "{head}");
    assert!(
        head.contains("Access-Control-Allow-Origin: http://127.0.0.1:5173"),
        "{head}"
    );
    assert_eq!(
        next(&stream)["served"],
        1,
        "the stream starts with the status now"
    );

    // An edit to a lesson's title: served, and announced.
    let lesson = dir.join("export-report.md");
    let edited = Instant::now();
    edit(
        &lesson,
        "title = \"Export a report\"",
        "title = \"Export any report\"",
    );
    let announced = next_with(&stream, true);
    let to_event = edited.elapsed();
    assert_eq!(announced["served"], announced["build"]);
    let to_served = wait_for("the new title at /lessons.json", || {
        get(port, "/lessons.json")
            .body
            .contains("\"Export any report\"")
    }) + to_event;
    eprintln!("edit to event: {to_event:?}; edit to served: {to_served:?}");
    let good = announced["served"].clone();

    // A broken file: the errors are told, the last good pack stays served.
    edit(&lesson, "minutes = 2", "minutes = \"two\"");
    let broken = next_with(&stream, false);
    assert_eq!(broken["served"], good);
    let status = get(port, "/status").json();
    assert_eq!(
        status["served"], good,
        "/status says what the event said: {status}"
    );
    assert_eq!(status["ok"], false);
    let diagnostic = status["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"].as_str().unwrap().ends_with("export-report.md"))
        .unwrap_or_else(|| panic!("a diagnostic for the broken file: {status}"))
        .clone();
    assert_eq!(diagnostic["line"], 5);
    assert_eq!(diagnostic["severity"], "error");
    let message = diagnostic["message"].as_str().unwrap();
    assert!(
        message.starts_with(&format!("error: {}:5 [minutes]: ", lesson.display())),
        "{message}"
    );
    let still = get(port, "/lessons.json");
    assert_eq!(still.status, 200);
    assert!(
        still.body.contains("\"Export any report\""),
        "the last good pack is served"
    );

    edit(&lesson, "minutes = \"two\"", "minutes = 2");
    let fixed = next_with(&stream, true);
    assert_eq!(fixed["diagnostics"], serde_json::json!([]));

    // A second server on the same port: one line naming the port and the way out.
    let out = Command::new(env!("CARGO_BIN_EXE_pathlight"))
        .args(["dev", dir.to_str().unwrap(), "--port", &port.to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains(&port.to_string()) && said.contains("--port"),
        "{said}"
    );
    drop(dev);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_pack_that_never_built_answers_503_with_its_errors() {
    let dir = copy_of_pack("never");
    edit(&dir.join("export-report.md"), "minutes = 2", "minutes = 0");
    let dev = start(&dir);
    wait_for("the first build", || {
        get(dev.port, "/status").json()["build"] == 1
    });
    let pack = get(dev.port, "/lessons.json");
    assert_eq!(pack.status, 503);
    assert_eq!(pack.header("Content-Type"), Some("application/json"));
    let status = pack.json();
    assert_eq!(status["ok"], false);
    assert_eq!(status["served"], serde_json::Value::Null);
    assert!(!status["diagnostics"].as_array().unwrap().is_empty());
    drop(dev);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_allowed_staging_origin_reads_the_pack_through_private_network_preflights_and_others_are_refused(
) {
    let dir = copy_of_pack("staging");
    let dev = start_with(
        &dir,
        &[
            "--allow-origin",
            "https://staging.acme.example/",
            "--allow-origin",
            "http://qa.acme.test:8080",
        ],
    );
    let port = dev.port;
    wait_for("the first build", || {
        get(port, "/status").json()["served"] == 1
    });
    // Chrome's Private Network Access preflight, before a public page reaches loopback.
    let pna =
        "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Private-Network: true\r\n";
    for origin in [
        "https://staging.acme.example",
        "http://qa.acme.test:8080",
        "http://localhost:3000",
    ] {
        let pack = request(port, "GET", "/lessons.json", Some(origin));
        assert_eq!(pack.status, 200);
        assert_eq!(pack.header("Access-Control-Allow-Origin"), Some(origin));
        let preflight = request_with(
            port,
            "OPTIONS",
            "/lessons.json",
            &format!("Origin: {origin}\r\n{pna}"),
        );
        assert_eq!(preflight.status, 204, "{origin}");
        assert_eq!(
            preflight.header("Access-Control-Allow-Origin"),
            Some(origin)
        );
        assert_eq!(
            preflight.header("Access-Control-Allow-Methods"),
            Some("GET")
        );
        assert_eq!(
            preflight.header("Access-Control-Allow-Private-Network"),
            Some("true")
        );
    }
    let plain = request(
        port,
        "OPTIONS",
        "/status",
        Some("https://staging.acme.example"),
    );
    assert_eq!(
        plain.header("Access-Control-Allow-Private-Network"),
        None,
        "only a preflight that asks gets it"
    );
    for origin in [
        "https://app.acme.example",
        "http://staging.acme.example",
        "http://qa.acme.test:8081",
    ] {
        let pack = request(port, "GET", "/lessons.json", Some(origin));
        assert_eq!(pack.header("Access-Control-Allow-Origin"), None, "{origin}");
        let preflight = request_with(
            port,
            "OPTIONS",
            "/lessons.json",
            &format!("Origin: {origin}\r\n{pna}"),
        );
        assert_eq!(preflight.status, 403, "{origin}");
        assert_eq!(preflight.header("Access-Control-Allow-Origin"), None);
        assert_eq!(
            preflight.header("Access-Control-Allow-Private-Network"),
            None
        );
        assert!(
            preflight.body.contains("--allow-origin"),
            "{}",
            preflight.body
        );
    }
    drop(dev);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_wrong_allow_origin_exits_2_naming_what_an_origin_is() {
    let out = Command::new(env!("CARGO_BIN_EXE_pathlight"))
        .args(["dev", "lessons", "--allow-origin", "staging.acme.example"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.starts_with(
            "error: --allow-origin needs an origin such as https://staging.acme.example"
        ),
        "{said}"
    );
}
