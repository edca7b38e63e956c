//! Carries out what the session decided: saves progress (merged with what is stored, so a
//! stale page view never drops what another saved), keeps a corrupt value aside, never
//! writes over a newer build's data, talks to the vendor's backend, tells the host, and
//! hears other tabs' saves and pages restored from the back/forward cache.

use super::console::warn;
use super::{events, RemoteProgress, Store};
use crate::decide::session::keys::{backup_key, is_ours};
use crate::decide::session::Effects;
use crate::model::progress::{Progress, Stored};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Listener = Closure<dyn FnMut(web_sys::Event)>;
type OnRemote = Rc<dyn Fn(String, Progress)>;

/// The browser side of one session.
pub struct Edge {
    store: Store,
    /// Keys that hold a newer build's progress: read, never written.
    read_only: RefCell<Vec<String>>,
    remote: Option<Rc<RemoteProgress>>,
    on_remote: RefCell<Option<OnRemote>>,
    listeners: RefCell<Vec<(&'static str, Listener)>>,
    /// False once the widget is destroyed: nothing more is stored or told.
    alive: Cell<bool>,
}

impl Edge {
    /// Opens the browser edge, with the host's remote Progress store if any.
    pub fn open(remote: Option<Rc<RemoteProgress>>) -> Rc<Edge> {
        Rc::new(Edge {
            store: Store::open(),
            read_only: RefCell::default(),
            remote,
            on_remote: RefCell::default(),
            listeners: RefCell::default(),
            alive: Cell::new(true),
        })
    }

    /// The progress stored under `key`. A corrupt value is kept under a backup key, with a
    /// warning; a newer build's is used but never written over.
    pub fn read(&self, key: &str) -> Progress {
        let Some(stored) = self.store.get(key) else {
            return Progress::default();
        };
        match Progress::load(&stored) {
            Stored::Writable(progress) => progress,
            Stored::ReadOnly(progress) => {
                self.read_only.borrow_mut().push(key.to_owned());
                progress
            }
            Stored::Corrupt(reason) => {
                let now = js_sys::Date::now() as u64;
                let backup = backup_key(key, now, &|k| self.store.get(k).is_some());
                self.store.set(&backup, &stored);
                self.store.remove(key);
                warn(&format!("the saved progress under `{key}` could not be read ({reason}); it is kept under `{backup}`, and this learner starts afresh."));
                Progress::default()
            }
        }
    }

    /// Starts hearing other tabs' saves (`storage`) and pages coming back from the
    /// back/forward cache, which missed them (`pageshow` with `persisted`).
    pub fn listen(
        &self,
        on_other_tab: impl Fn(String, Progress) + 'static,
        on_restored: impl Fn() + 'static,
        on_remote: impl Fn(String, Progress) + 'static,
    ) {
        *self.on_remote.borrow_mut() = Some(Rc::new(on_remote));
        let mut listeners = vec![];
        if self.store.is_persistent() {
            let storage: Listener = Closure::new(move |event: web_sys::Event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                let (Some(key), Some(value)) = (event.key(), event.new_value()) else {
                    return;
                };
                if !is_ours(&key) {
                    return;
                }
                if let Stored::Writable(p) | Stored::ReadOnly(p) = Progress::load(&value) {
                    on_other_tab(key, p);
                }
            });
            listeners.push(("storage", storage));
        }
        let pageshow: Listener = Closure::new(move |event: web_sys::Event| {
            if event
                .dyn_ref::<web_sys::PageTransitionEvent>()
                .is_some_and(|e| e.persisted())
            {
                on_restored();
            }
        });
        listeners.push(("pageshow", pageshow));
        if let Some(window) = web_sys::window() {
            for (name, listener) in &listeners {
                let _ = window
                    .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
            }
        }
        *self.listeners.borrow_mut() = listeners;
    }

    /// Carries out `effects`: store, then tell the host, then warn. `stored` hears what a
    /// save wrote, which may hold more than the session had.
    pub fn carry_out(&self, effects: Effects, stored: impl FnOnce(&str, &Progress)) {
        if !self.alive.get() {
            return;
        }
        if let Some(save) = effects.save {
            if let Some((merged, json)) = self.save(&save.key, &save.progress) {
                stored(&save.key, &merged);
                if let (Some(remote), Some(user), Some(json)) = (&self.remote, &save.user, json) {
                    remote.save(user, &json);
                }
                for key in &effects.remove {
                    self.store.remove(key);
                }
            }
        }
        if let (Some(user), Some(remote), Some(on_remote)) = (
            effects.load_remote,
            &self.remote,
            self.on_remote.borrow().clone(),
        ) {
            let who = user.clone();
            remote.load(&user, move |theirs| on_remote(who, theirs));
        }
        for message in &effects.warn {
            warn(message);
        }
        for emit in &effects.emit {
            // A callback may have destroyed the widget: then the host hears no more.
            if !self.alive.get() {
                return;
            }
            events::emit(emit.kind, &emit.detail);
        }
    }

    /// Writes `progress` merged with what `key` holds, and returns the result with the
    /// text written (none when it was there already). `None` when a newer build owns the key.
    fn save(&self, key: &str, progress: &Progress) -> Option<(Progress, Option<String>)> {
        if self.read_only.borrow().iter().any(|k| k == key) {
            return None;
        }
        let stored = self.store.get(key);
        let merged = progress.over(stored.as_deref())?;
        let json = merged.to_json();
        // What is stored already was written, and sent to the backend, by whoever wrote it.
        if stored.as_deref() == Some(json.as_str()) {
            return Some((merged, None));
        }
        self.store.set(key, &json);
        Some((merged, Some(json)))
    }

    /// Stops storing and telling: the widget is going away.
    pub fn shut(&self) {
        self.alive.set(false);
    }
}

impl Drop for Edge {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            for (name, listener) in self.listeners.borrow().iter() {
                let _ = window
                    .remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
            }
        }
    }
}
