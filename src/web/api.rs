//! `window.pathlight(...)`: the host's calls, dispatched into the widget.

use super::{console::warn, pack_loader, Host, LocationWatcher};
use crate::command::{Command, InitOptions};
use crate::ui::WidgetState;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// Everything one page's Pathlight holds.
#[derive(Default)]
struct App {
    initialized: bool,
    state: Option<WidgetState>,
    host: Option<Host>,
    location: Option<LocationWatcher>,
    /// Owns the widget's signals, so they go when the widget goes.
    owner: Option<Owner>,
    /// A lesson the host asked to open before the pack had loaded.
    pending_open: Option<String>,
}

thread_local! {
    static APP: RefCell<App> = RefCell::new(App::default());
}

/// Runs one host call, `[name, ...args]`. Never throws: mistakes become one warning.
#[wasm_bindgen]
pub fn command(args: js_sys::Array) {
    let parsed = js_sys::JSON::stringify(&args)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| serde_json::from_str(&s).ok())
        .ok_or_else(|| {
            "the call's arguments could not be read; pass plain objects, strings and numbers."
                .to_string()
        })
        .and_then(|value| Command::parse(&value));
    match parsed {
        Ok(command) => run(command),
        Err(message) => warn(&message),
    }
}

fn run(command: Command) {
    match command {
        Command::Init(options) => init(options),
        Command::Track(_event) => {}
        Command::Open(id) => with_state(|state| state.open_lesson(&id)).unwrap_or_else(|| {
            APP.with(|app| app.borrow_mut().pending_open = Some(id));
        }),
        Command::Close => {
            with_state(|state| state.close());
        }
    }
}

fn with_state<T>(f: impl FnOnce(WidgetState) -> T) -> Option<T> {
    APP.with(|app| app.borrow().state).map(f)
}

fn init(options: InitOptions) {
    let already = APP.with(|app| std::mem::replace(&mut app.borrow_mut().initialized, true));
    if already {
        warn("init was called more than once; only the first call counts.");
        return;
    }
    let Some(url) = options.lessons else {
        warn("init needs the URL of your lesson pack: pathlight('init', { lessons: '/lessons.json' }) or data-lessons on the script tag.");
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let pack = match pack_loader::load(&url).await {
            Ok(pack) => pack,
            Err(message) => return warn(&message),
        };
        let owner = Owner::new();
        let state = owner.with(|| WidgetState::new(pack));
        match owner.with(|| Host::mount(state)) {
            Ok(host) => {
                state.watch_anchors();
                let location = LocationWatcher::new(move || state.location_changed());
                let pending = APP.with(|app| {
                    let mut app = app.borrow_mut();
                    app.state = Some(state);
                    app.host = Some(host);
                    app.location = Some(location);
                    app.owner = Some(owner);
                    app.pending_open.take()
                });
                if let Some(id) = pending {
                    state.open_lesson(&id);
                }
            }
            Err(e) => warn(&format!("could not add the widget to the page ({e:?}).")),
        }
    });
}
