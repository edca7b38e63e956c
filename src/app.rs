//! The app root: `window.pathlight(...)` dispatched into the one widget a page has, which
//! this module builds from its parts (the session, the browser edge, the components) and
//! takes apart again on `destroy`.

use crate::api::command::{Command, InitOptions};
use crate::decide::ranking::Attention;
use crate::decide::session::{Options, Session};
use crate::i18n;
use crate::ui::{Look, Widget, WidgetState};
use crate::web::{
    events, pack_loader, settled, tether, warn, yield_to_host, AnchorWatcher, Edge, Host,
    LocationWatcher, RemoteProgress, ViewportLayer,
};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How often the widget's element goes back into a page that removed it before it gives up.
const MAX_REATTACH: u32 = 20;

/// Everything one page's Pathlight holds.
#[derive(Default)]
struct App {
    initialized: bool,
    /// Counts inits, so a pack that arrives after `destroy` (or a later `init`) is dropped.
    generation: u32,
    mounted: Option<Mounted>,
    /// The session's wrapper, from the moment it exists: calls go to it at once, while the
    /// rest of the widget is still being built in slices, so that none waits (and none is
    /// lost to a reload) in between.
    state: Option<WidgetState>,
    /// Calls that need the pack, made before it had loaded.
    pending: Vec<Command>,
    /// Calls made while a `destroy` from a lifecycle callback waits to run.
    after_destroy: Option<Vec<js_sys::Array>>,
}

/// The live widget. Dropping it removes every node and listener Pathlight added.
struct Mounted {
    edge: Rc<Edge>,
    // Field order is drop order: watchers and view first, then the signals' owner.
    _location: LocationWatcher,
    _viewport: Option<ViewportLayer>,
    _view: Box<dyn std::any::Any>,
    host: Host,
    _owner: Owner,
}

thread_local! {
    static APP: RefCell<App> = RefCell::new(App::default());
}

/// Runs one host call, `[name, ...args]`. Never throws: mistakes become one warning.
#[wasm_bindgen]
pub fn command(args: js_sys::Array) {
    // A `destroy` from a lifecycle callback runs once that callback's caller is done;
    // whatever the host calls meanwhile runs after it, in order.
    let waiting = APP.with(|app| {
        let mut app = app.borrow_mut();
        match &mut app.after_destroy {
            Some(calls) => {
                calls.push(args.clone());
                true
            }
            None => false,
        }
    });
    if waiting {
        return;
    }
    let parsed = js_sys::JSON::stringify(&args)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| crate::support::json::parse(&s).ok())
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
        Ok(Command::Destroy) if events::emitting() => destroy_later(),
        Ok(Command::Destroy) => destroy(),
        Ok(command) => run(command),
        Err(message) => warn(&message),
    }
    mark_settled();
}

fn run(command: Command) {
    let Some(state) = APP.with(|app| app.borrow().state) else {
        return APP.with(|app| app.borrow_mut().pending.push(command));
    };
    apply(state, command);
}

/// A call that needs the widget to be there.
fn apply(state: WidgetState, command: Command) {
    match command {
        Command::Open(id) => state.open(&id),
        Command::Close => state.close_by(crate::decide::session::Closing::Command),
        Command::Track(name) => state.track(&name),
        Command::Identify(user) => state.identify(user.id, user.traits),
        Command::SetGoals(goals) => state.set_goals(goals),
        Command::Reset => state.reset(),
        // The learner's loader switches to the author build, which switches in place.
        #[cfg(feature = "author")]
        Command::Author(mode) => crate::ui::author::AuthorSwitch::switch(mode),
        #[cfg(not(feature = "author"))]
        Command::Author(_) => {}
        Command::Init(_) | Command::Destroy | Command::On(_) | Command::Off(_) => {}
    }
}

/// Bumps `data-settled` once the widget has caught up with what just happened.
fn mark_settled() {
    let element = APP.with(|app| app.borrow().mounted.as_ref().map(|m| m.host.element()));
    if let Some(element) = element {
        settled::mark(&element);
    }
}

fn init(options: InitOptions, remote: Option<Rc<RemoteProgress>>) {
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
    // Author mode's preview shows the pack it names from the start.
    #[cfg(feature = "author")]
    let first = match &options.author {
        Some(crate::api::command::AuthorMode::Preview(url)) => Some(url.clone()),
        _ => options.lessons.clone(),
    };
    #[cfg(not(feature = "author"))]
    let first = options.lessons.clone();
    let Some(url) = first else {
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
        let current = move || {
            APP.with(|app| app.borrow().generation == generation && app.borrow().initialized)
        };
        let mounted = match mount(pack, options, remote, current).await {
            Ok(Some(mounted)) => mounted,
            // Destroyed, or initialized again, between two slices.
            Ok(None) => return,
            Err(message) => {
                give_up();
                return warn(&message);
            }
        };
        APP.with(|app| app.borrow_mut().mounted = Some(mounted));
        mark_settled();
    });
}

/// The session exists: the calls that waited for the pack run now, in order, and later
/// calls go straight to it.
fn serve(state: WidgetState, current: &impl Fn() -> bool) {
    let pending = APP.with(|app| {
        let mut app = app.borrow_mut();
        app.state = Some(state);
        std::mem::take(&mut app.pending)
    });
    for command in pending {
        // A lifecycle callback of an earlier call may have destroyed the widget.
        if !current() {
            break;
        }
        apply(state, command);
    }
}

/// Builds the widget: the session from what is stored, the edge, the view in its shadow
/// root, and the watchers that feed the page's changes back in. Each slice
/// is its own task, so the host's input is handled between them (issues #14 and #20: no long task);
/// `None` when `current` says the widget was destroyed or initialized again meanwhile, in
/// which case what was built is dropped, and that takes it off the page.
async fn mount(
    pack: crate::model::pack::Pack,
    options: InitOptions,
    remote: Option<Rc<RemoteProgress>>,
    current: impl Fn() -> bool,
) -> Result<Option<Mounted>, String> {
    // The pack was read in the slice before: the session gets one of its own.
    yield_to_host().await;
    // Destroyed, or initialized again, while the pack was loading.
    if !current() {
        return Ok(None);
    }
    let locale = options
        .locale
        .or_else(|| web_sys::window()?.navigator().language())
        .unwrap_or_default();
    // Lessons in the learner's language where the pack has it, else its own.
    #[cfg(feature = "author")]
    let (home, author_mode, author_locale) = (
        options.lessons.clone(),
        options.author.clone(),
        locale.clone(),
    );
    // The pack on the page: the one a preview names, as `init` loaded it.
    #[cfg(feature = "author")]
    let shown = match &author_mode {
        Some(crate::api::command::AuthorMode::Preview(url)) => url.clone(),
        _ => home.clone().unwrap_or_default(),
    };
    let pack = Arc::new(pack.localized(&locale));
    let user = options.user.unwrap_or_default();
    let default = Attention::default();
    let session_options = Options {
        user: user.id,
        traits: user.traits,
        attention: Attention {
            suggestions: options.suggestions.unwrap_or(default.suggestions),
            auto_opens: options.auto_open.unwrap_or(default.auto_opens),
        },
        locale: locale.clone(),
        // The author build previews: its progress is kept apart, and the vendor's backend
        // is never written.
        preview: cfg!(feature = "author"),
    };
    let remote = if session_options.preview {
        None
    } else {
        remote
    };
    let edge = Edge::open(remote);
    let owner = Owner::new();
    let key = crate::decide::session::keys::progress_key(
        &pack.id,
        session_options.user.as_deref(),
        session_options.preview,
    );
    let stored = edge.read(&key);
    let session = Session::new(pack, session_options, stored, &current_url(), now());
    let look = Look {
        t: i18n::strings(&locale),
        theme: options.theme.unwrap_or_default(),
    };
    let state = owner.with(|| WidgetState::new(session, edge.clone(), look));
    // Before the first yield, so no other tab's save falls between the read and the ear.
    edge.listen(
        move |key, theirs| state.other_tab_saved(&key, theirs),
        move || state.restored(),
        move |user, theirs| {
            state.remote_loaded(user, theirs);
            mark_settled();
        },
    );
    serve(state, &current);
    yield_to_host().await;
    if !current() {
        return Ok(None);
    }
    let (host, root) = Host::create().map_err(|e| {
        format!(
            "could not add the widget to the page: {}.",
            crate::web::describe(&e)
        )
    })?;
    // Parsing the stylesheet and building the view: a slice each.
    yield_to_host().await;
    if !current() {
        return Ok(None);
    }
    #[cfg(not(feature = "author"))]
    let view = owner.with(|| {
        leptos::mount::mount_to(root.clone().unchecked_into(), move || {
            // Before the view's effects: a beacon is counted before anything else acts on
            // the offer that brought it up.
            state.count_beacon_shows();
            view! { <Widget state/> }
        })
    });
    // The author build: its panel beside the widget, in the same shadow root.
    #[cfg(feature = "author")]
    let view = {
        if let Err(e) = crate::web::author::adopt_style(&root) {
            warn(&format!(
                "author mode's styles could not be added ({}).",
                crate::web::describe(&e)
            ));
        }
        owner.with(|| {
            let switch = crate::ui::author::AuthorSwitch::new(
                state,
                author_mode,
                home,
                shown,
                author_locale,
            );
            leptos::mount::mount_to(root.clone().unchecked_into(), move || {
                // Before the view's effects, as above.
                state.count_beacon_shows();
                view! { <Widget state/> <crate::ui::author::AuthorPanelSwitch switch/> }
            })
        })
    };
    // Placing the layer reads the page's layout: a slice of its own.
    yield_to_host().await;
    if !current() {
        return Ok(None);
    }
    // The widget's layer follows what is on screen, not the layout viewport.
    let viewport = root
        .query_selector(".pl-root")
        .ok()
        .flatten()
        .and_then(|layer| tether::follow_viewport(layer.unchecked_into()));
    yield_to_host().await;
    if !current() {
        return Ok(None);
    }
    // The anchor watcher's first look at the page, then the first offer: a slice each.
    watch_anchors(state, host.element());
    yield_to_host().await;
    if !current() {
        return Ok(None);
    }
    let element = host.element();
    let location = LocationWatcher::new(move || {
        state.navigated(current_url());
        settled::mark(&element);
    });
    state.started();
    settled::mark(&host.element());
    Ok(Some(Mounted {
        edge,
        _location: location,
        _viewport: viewport,
        _view: Box::new(view),
        host,
        _owner: owner,
    }))
}

/// Watches the page for the anchors the session asks about. `host` is the widget's own
/// element: a host page that rebuilds its `body` takes it along, so it goes back in after
/// the page settles.
fn watch_anchors(state: WidgetState, host: web_sys::Element) {
    let reattached = std::cell::Cell::new(0u32);
    let watcher = AnchorWatcher::new(
        move |anchors| state.anchors_changed(anchors),
        move |selector| {
            let lessons: Vec<String> = state
                .pack()
                .lessons
                .iter()
                .filter(|l| l.anchor.as_ref().is_some_and(|a| a.css() == selector))
                .map(|l| l.id.clone())
                .collect();
            warn(&format!(
                "the anchor selector `{selector}` of lesson {} is not valid CSS, so its beacon never shows. Fix it and run `pathlight lint`.",
                lessons.join(", ")
            ));
        },
        move || {
            settled::mark(&host);
            if host.is_connected() {
                return;
            }
            let body = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.body());
            match body {
                Some(body) if reattached.get() < MAX_REATTACH => {
                    reattached.set(reattached.get() + 1);
                    let _ = body.append_child(&host);
                }
                _ if reattached.get() == MAX_REATTACH => {
                    reattached.set(MAX_REATTACH + 1);
                    warn("the page keeps removing the widget's element, so it stays out. Call pathlight('destroy') and init again after rebuilding the page.");
                }
                _ => {}
            }
        },
    );
    match watcher {
        Ok(w) => state.watch(w),
        Err(e) => warn(&format!(
            "cannot watch the page for anchors ({}).",
            crate::web::describe(&e)
        )),
    }
}

/// A failed init: the next init may try again.
fn give_up() {
    APP.with(|app| {
        let mut app = app.borrow_mut();
        app.initialized = false;
        app.state = None;
        app.pending.clear();
    });
}

/// Removes the widget, its listeners and observers, and leaves the host as it was.
fn destroy() {
    let mounted = APP.with(|app| {
        let mut app = app.borrow_mut();
        app.initialized = false;
        app.generation += 1;
        app.state = None;
        app.pending.clear();
        app.mounted.take()
    });
    events::unsubscribe_all();
    #[cfg(feature = "author")]
    crate::ui::author::AuthorSwitch::forget();
    if let Some(mounted) = &mounted {
        mounted.edge.shut();
    }
    drop(mounted);
}

/// `destroy` from inside a lifecycle callback: the widget stops telling the host at once,
/// and comes apart once the code that called the callback is done with it.
fn destroy_later() {
    APP.with(|app| app.borrow_mut().after_destroy = Some(vec![]));
    if let Some(mounted) = APP.with(|app| app.borrow().mounted.as_ref().map(|m| m.edge.clone())) {
        mounted.shut();
    }
    let later = Closure::once_into_js(|| {
        destroy();
        let calls = APP
            .with(|app| app.borrow_mut().after_destroy.take())
            .unwrap_or_default();
        for args in calls {
            command(args);
        }
    });
    if let Some(window) = web_sys::window() {
        window.queue_microtask(later.unchecked_ref());
    }
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

fn current_url() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}{}",
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default(),
                l.hash().unwrap_or_default()
            )
        })
        .unwrap_or_else(|| "/".into())
}
