//! `pathlight dev DIR [--port N] [--allow-origin ORIGIN]...`: serves the pack of DIR on
//! 127.0.0.1, rebuilds it on every change and tells connected pages through Server-Sent
//! Events.
//!
//! The protocol (shared with the npm CLI): `GET /lessons.json` (the last good pack, or 503
//! with the status), `GET /status`, `GET /events` (an `event: status` now and after every
//! rebuild, a keep-alive comment every 15 s), and `GET /<path>` for each local clip,
//! caption, poster or image the pack uses (relative media resolve against the pack's URL);
//! CORS for loopback origins and the origins allowed with `--allow-origin` only, Private
//! Network Access preflights included.

use pathlight::compiler::dev::{dev_args, refusal, LivePack, Origins};
use std::collections::HashSet;
use std::io::Write;
use std::net::TcpListener;
use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, Server};

/// Editors save in bursts (a temporary file, a rename, a touch): one build for the burst.
const DEBOUNCE: Duration = Duration::from_millis(50);
const KEEP_ALIVE: Duration = Duration::from_secs(15);
const PATHS: &str = "not found: pathlight dev serves GET /lessons.json, /status, /events and the media the pack uses\n";
const REFUSED: &str =
    "this origin may not read the pack: start pathlight dev with --allow-origin <origin>\n";

/// Runs the dev server until the process is stopped (Ctrl-C): the exit code otherwise,
/// 2 for a usage problem, a port in use or a folder that cannot be watched.
pub fn main(args: &[&str]) -> i32 {
    let args = match dev_args(args) {
        Ok(args) => args,
        Err(said) => {
            eprintln!("{said}");
            return 2;
        }
    };
    let port = args.port;
    let dir = Path::new(&args.dir);
    if !dir.is_dir() {
        eprintln!(
            "error: {} is not a folder: pathlight dev watches a pack folder (pack.toml and lessons)",
            dir.display()
        );
        return 2;
    }
    // The port first: a second `pathlight dev` should fail at once, not after a build.
    let listener = match TcpListener::bind(("127.0.0.1", port)) {
        Ok(listener) => listener,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            eprintln!(
                "error: port {port} is in use: stop what uses it, or choose another with --port N"
            );
            return 2;
        }
        Err(e) => {
            eprintln!(
                "error: cannot listen on 127.0.0.1:{port} ({e}): choose another with --port N"
            );
            return 2;
        }
    };
    let live = Arc::new(Live {
        pack: Mutex::new(LivePack::new(dir)),
        listeners: Mutex::new(vec![]),
        origins: args.origins,
        refused: Mutex::new(HashSet::new()),
    });
    live.rebuild();
    let _watcher = match watch(dir, Arc::clone(&live)) {
        Ok(watcher) => watcher,
        Err(e) => {
            eprintln!("error: cannot watch {}: {e}", dir.display());
            return 2;
        }
    };
    let server = match Server::from_listener(listener, None) {
        Ok(server) => server,
        Err(e) => {
            eprintln!("error: cannot serve on 127.0.0.1:{port}: {e}");
            return 2;
        }
    };
    println!(
        "serving http://127.0.0.1:{port}/lessons.json, watching {} (Ctrl-C stops)",
        dir.display()
    );
    for origin in live.origins.allowed() {
        println!("pages at {origin} may read it too");
    }
    for request in server.incoming_requests() {
        live.answer(request);
    }
    0
}

/// The pack being served and the pages listening for its changes.
struct Live {
    pack: Mutex<LivePack>,
    /// One sender per open `/events` stream; a closed stream is dropped on the next send.
    listeners: Mutex<Vec<Sender<String>>>,
    /// Which pages may read the pack.
    origins: Origins,
    /// The origins refused so far: the terminal says how to allow each, once.
    refused: Mutex<HashSet<String>>,
}

impl Live {
    /// Builds again, prints the result, and tells every listening page.
    fn rebuild(&self) {
        let mut pack = self.pack.lock().unwrap_or_else(|e| e.into_inner());
        let said = pack.rebuild();
        if pack.ok() {
            println!("{said}");
        } else {
            eprintln!("{said}");
        }
        // Under the pack's lock, so a stream that opens now gets this status first or
        // after its first one, never out of order.
        let status = pack.status().to_string();
        let mut listeners = self.listeners.lock().unwrap_or_else(|e| e.into_inner());
        listeners.retain(|l| l.send(status.clone()).is_ok());
    }

    fn answer(self: &Arc<Self>, request: Request) {
        let origin = header(&request, "Origin");
        let preflight = *request.method() == Method::Options;
        let private_network = header(&request, "Access-Control-Request-Private-Network")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"));
        let cors = self
            .origins
            .cors(origin.as_deref(), preflight, private_network);
        if let (None, Some(origin)) = (&cors, &origin) {
            let first = self
                .refused
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(origin.clone());
            if first {
                eprintln!("{}", refusal(origin));
            }
        }
        let cors = cors.unwrap_or_default();
        let path = request
            .url()
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .to_string();
        let response = match (request.method(), path.as_str()) {
            // A refused page's preflight fails, so its request is never sent.
            (Method::Options, _) if cors.is_empty() && origin.is_some() => {
                Response::from_string(REFUSED)
                    .with_status_code(403)
                    .with_header(head("Content-Type", "text/plain; charset=utf-8"))
                    .boxed()
            }
            (Method::Options, _) => Response::empty(204).boxed(),
            (Method::Get, "/lessons.json") => {
                let pack = self.pack.lock().unwrap_or_else(|e| e.into_inner());
                match pack.pack() {
                    Some(json) => json_response(200, json.to_string()),
                    None => json_response(503, pack.status().to_string()),
                }
            }
            (Method::Get, "/status") => {
                let status = self.pack.lock().unwrap_or_else(|e| e.into_inner()).status();
                json_response(200, status.to_string())
            }
            (Method::Get, "/events") => {
                let live = Arc::clone(self);
                std::thread::spawn(move || live.stream(request, cors));
                return;
            }
            (Method::Get, _) => match self.medium(&path) {
                Some((file, kind)) => media_response(&file, kind),
                None => not_found(),
            },
            _ => not_found(),
        };
        let mut response = response;
        for (name, value) in &cors {
            response.add_header(head(name, value));
        }
        // A page that went away mid-answer is no error of ours.
        let _ = request.respond(response);
    }

    /// The file and media type of a medium the served pack uses, at `path`.
    fn medium(&self, path: &str) -> Option<(std::path::PathBuf, &'static str)> {
        let pack = self.pack.lock().unwrap_or_else(|e| e.into_inner());
        pack.medium(path)
    }

    /// One `/events` stream, until the page closes it. Written by hand on the socket:
    /// tiny_http buffers streamed bodies, and every event must reach the page at once.
    fn stream(&self, request: Request, cors: Vec<(&str, String)>) {
        let (tx, rx) = mpsc::channel();
        let first = {
            let pack = self.pack.lock().unwrap_or_else(|e| e.into_inner());
            self.listeners
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(tx);
            pack.status().to_string()
        };
        let mut head = String::from(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n",
        );
        for (name, value) in cors {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        let mut out = request.into_writer();
        let mut send = |text: &str| out.write_all(text.as_bytes()).and_then(|()| out.flush());
        if send(&head).and_then(|()| send(&event(&first))).is_err() {
            return;
        }
        loop {
            let sent = match rx.recv_timeout(KEEP_ALIVE) {
                Ok(status) => send(&event(&status)),
                Err(RecvTimeoutError::Timeout) => send(": keep-alive\n\n"),
                Err(RecvTimeoutError::Disconnected) => return,
            };
            if sent.is_err() {
                return;
            }
        }
    }
}

fn event(status: &str) -> String {
    format!("event: status\ndata: {status}\n\n")
}

fn not_found() -> tiny_http::ResponseBox {
    Response::from_string(PATHS)
        .with_status_code(404)
        .with_header(head("Content-Type", "text/plain; charset=utf-8"))
        .boxed()
}

/// A clip, its captions or poster, or an image, from the pack's folder.
fn media_response(file: &Path, kind: &str) -> tiny_http::ResponseBox {
    match std::fs::read(file) {
        Ok(bytes) => Response::from_data(bytes)
            .with_header(head("Content-Type", kind))
            .with_header(head("Cache-Control", "no-store"))
            .boxed(),
        Err(e) => Response::from_string(format!("cannot read {}: {e}\n", file.display()))
            .with_status_code(404)
            .with_header(head("Content-Type", "text/plain; charset=utf-8"))
            .boxed(),
    }
}

fn json_response(status: u16, body: String) -> tiny_http::ResponseBox {
    // A length rather than chunks: the pack is whole in memory already.
    Response::from_string(body)
        .with_chunked_threshold(usize::MAX)
        .with_status_code(status)
        .with_header(head("Content-Type", "application/json"))
        .with_header(head("Cache-Control", "no-store"))
        .boxed()
}

fn head(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values are ASCII")
}

fn header(request: &Request, name: &'static str) -> Option<String> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str().to_string())
}

/// Watches `dir` and rebuilds after each burst of changes. The watcher stops when dropped.
fn watch(dir: &Path, live: Arc<Live>) -> notify::Result<notify::RecommendedWatcher> {
    use notify::{EventKind, RecursiveMode, Watcher};
    let (changed, changes) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reading a file is an event too (the build's own reads): only changes count.
        if event.is_ok_and(|e| !matches!(e.kind, EventKind::Access(_))) {
            let _ = changed.send(());
        }
    })?;
    watcher.watch(dir, RecursiveMode::Recursive)?;
    std::thread::spawn(move || {
        while changes.recv().is_ok() {
            while changes.recv_timeout(DEBOUNCE).is_ok() {}
            live.rebuild();
        }
    });
    Ok(watcher)
}
