//! `window.pathlight(...)`: the host's calls, dispatched into the widget.

use super::{console::warn, events, pack_loader, Host, LocationWatcher, RemoteProgress};
use crate::command::{Command, InitOptions};
use crate::ranking::Attention;
use crate::ui::{WidgetOptions, WidgetState};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Everything one page's Pathlight holds.
#[derive(Default)]
struct App {
    initialized: bool,
    /// Counts inits, so a pack that arrives after `destroy` (or a later `init`) is dropped.
    generation: u32,
    mounted: Option<Mounted>,
    /// Calls that need the pack, made before it had loaded.
    pending: Vec<Command>,
}

/// The live widget. Dropping it removes every node and listener Pathlight added.
struct Mounted {
    state: WidgetState,
    // Field order is drop order: watchers and view first, then the signals' owner.
    _location: LocationWatcher,
    _host: Host,
    _owner: Owner,
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
        .and_then(|s| crate::json::parse(&s).ok())
        .ok_or_else(|| {
            "the call's arguments could not be read; pass plain objects, strings and numbers."
                .to_string()
        })
        .and_then(|value| Command::parse(&value));
    match parsed {
        // The progress adapter's functions do not survive JSON: take them from the call.
        Ok(Command::Init(options)) => init(options, RemoteProgress::from_options(&args.get(1))),
        Ok(Command::On(kind)) => match args.get(2).dyn_into::<js_sys::Function>() {
            Ok(callback) => events::subscribe(kind, callback),
            Err(_) => warn(&format!(
                "pathlight('on', '{}', callback) needs a function as its callback.",
                kind.name()
            )),
        },
        Ok(Command::Off(kind)) => match args.get(2) {
            all if all.is_undefined() => events::unsubscribe(kind, None),
            callback => match callback.dyn_ref::<js_sys::Function>() {
                Some(callback) => events::unsubscribe(kind, Some(callback)),
                None => warn(&format!("pathlight('off', '{}', callback): the callback is not a function, so nothing was removed.", kind.name())),
            },
        },
        Ok(command) => run(command),
        Err(message) => warn(&message),
    }
    if let Some(element) = APP.with(|app| app.borrow().mounted.as_ref().map(|m| m._host.element())) {
        super::settled::mark(&element);
    }
}

fn run(command: Command) {
    match command {
        Command::Destroy => destroy(),
        command => {
            let Some(state) = APP.with(|app| app.borrow().mounted.as_ref().map(|m| m.state)) else {
                return APP.with(|app| app.borrow_mut().pending.push(command));
            };
            apply(state, command);
        }
    }
}

/// A call that needs the widget to be there.
fn apply(state: WidgetState, command: Command) {
    match command {
        Command::Open(id) => state.open_lesson(&id),
        Command::Close => state.close(),
        Command::Track(name) => state.track(name),
        Command::Identify(user) => {
            state.identify(user.id.as_deref().unwrap_or_default(), user.traits)
        }
        Command::SetGoals(goals) => state.set_goals(goals),
        Command::Reset => state.reset(),
        Command::Init(_) | Command::Destroy | Command::On(_) | Command::Off(_) => {}
    }
}

fn init(options: InitOptions, remote: Option<std::rc::Rc<RemoteProgress>>) {
    let generation = APP.with(|app| {
        let mut app = app.borrow_mut();
        if app.initialized {
            return None;
        }
        app.initialized = true;
        app.generation += 1;
        Some(app.generation)
    });
    let Some(generation) = generation else {
        return warn("init was called more than once; only the first call counts. Call pathlight('destroy') first to start again.");
    };
    let user = options.user.unwrap_or_default();
    let widget_options = WidgetOptions {
        locale: options.locale,
        theme: options.theme.unwrap_or_default(),
        user: user.id,
        traits: user.traits,
        remote,
        attention: {
            let default = Attention::default();
            Attention {
                suggestions: options.suggestions.unwrap_or(default.suggestions),
                auto_opens: options.auto_open.unwrap_or(default.auto_opens),
            }
        },
    };
    let Some(url) = options.lessons else {
        give_up();
        return warn("init needs the URL of your lesson pack: pathlight('init', { lessons: '/lessons.json' }) or data-lessons on the script tag.");
    };
    wasm_bindgen_futures::spawn_local(async move {
        let pack = match pack_loader::load(&url).await {
            Ok(pack) => pack,
            Err(message) => {
                // A corrected init may follow; calls waiting for this pack will not be served.
                if APP.with(|app| app.borrow().generation == generation) {
                    give_up();
                }
                return warn(&message);
            }
        };
        if APP.with(|app| app.borrow().generation != generation || !app.borrow().initialized) {
            return;
        }
        let owner = Owner::new();
        let state = owner.with(|| WidgetState::new(pack, widget_options));
        let host = match owner.with(|| Host::mount(state)) {
            Ok(host) => host,
            Err(e) => {
                return warn(&format!(
                    "could not add the widget to the page: {}.",
                    super::console::describe(&e)
                ))
            }
        };
        let element = host.element();
        state.watch_anchors(element.clone());
        super::settled::mark(&element);
        let location = LocationWatcher::new(move || {
            state.location_changed();
            super::settled::mark(&element);
        });
        let pending = APP.with(|app| {
            let mut app = app.borrow_mut();
            app.mounted = Some(Mounted {
                state,
                _location: location,
                _host: host,
                _owner: owner,
            });
            std::mem::take(&mut app.pending)
        });
        for command in pending {
            apply(state, command);
        }
    });
}

/// A failed init: the next init may try again.
fn give_up() {
    APP.with(|app| {
        let mut app = app.borrow_mut();
        app.initialized = false;
        app.pending.clear();
    });
}

/// Removes the widget, its listeners and observers, and leaves the host as it was.
fn destroy() {
    let mounted = APP.with(|app| {
        let mut app = app.borrow_mut();
        app.initialized = false;
        app.pending.clear();
        app.mounted.take()
    });
    events::unsubscribe_all();
    drop(mounted);
}
