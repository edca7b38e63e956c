//! Keeps one learner's progress in the store: loads it, saves it, keeps a corrupt value aside,
//! never writes over a newer build's data, merges what other tabs save, and folds anonymous
//! progress into the learner's own on `identify`.

use super::console::warn;
use super::Store;
use crate::progress::{backup_key, storage_key, Loaded, Progress};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub struct ProgressBook {
    store: Rc<Store>,
    pack: String,
    key: Rc<RefCell<String>>,
    /// False when the stored progress came from a newer build.
    writable: bool,
    last_saved: RefCell<Option<String>>,
    listener: Option<Closure<dyn FnMut(web_sys::StorageEvent)>>,
}

impl ProgressBook {
    /// Opens the progress of `user` (anonymous when `None`) in `pack`. `on_other_tab` gets
    /// progress another tab saved under the same key.
    pub fn open(
        pack: &str,
        user: Option<&str>,
        on_other_tab: impl Fn(Progress) + 'static,
    ) -> (ProgressBook, Progress) {
        let store = Rc::new(Store::open());
        let key = storage_key(pack, user);
        let (progress, writable) = load(&store, &key);
        let key = Rc::new(RefCell::new(key));
        let listener = store.is_persistent().then(|| {
            let key = key.clone();
            let listener: Closure<dyn FnMut(web_sys::StorageEvent)> =
                Closure::new(move |event: web_sys::StorageEvent| {
                    if event.key().as_deref() != Some(key.borrow().as_str()) {
                        return;
                    }
                    if let Some(Loaded::Writable(p) | Loaded::ReadOnly(p)) =
                        event.new_value().map(|v| Progress::load(&v))
                    {
                        on_other_tab(p);
                    }
                });
            if let Some(window) = web_sys::window() {
                let _ = window
                    .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
            }
            listener
        });
        let book = ProgressBook {
            store,
            pack: pack.to_owned(),
            key,
            writable,
            last_saved: RefCell::new(None),
            listener,
        };
        (book, progress)
    }

    /// Saves `progress` when it changed since the last save.
    /// Saves `progress` when it changed since the last save; returns what it wrote.
    pub fn save(&self, progress: &Progress) -> Option<String> {
        if !self.writable {
            return None;
        }
        let json = progress.to_json();
        if self.last_saved.borrow().as_deref() == Some(json.as_str()) {
            return None;
        }
        self.store.set(&self.key.borrow(), &json);
        *self.last_saved.borrow_mut() = Some(json.clone());
        Some(json)
    }

    /// Switches to `user`'s progress, merged with what the learner did anonymously.
    pub fn identify(&mut self, user: &str, anonymous: &Progress) -> Progress {
        let anonymous_key = storage_key(&self.pack, None);
        let key = storage_key(&self.pack, Some(user));
        if *self.key.borrow() == key {
            return anonymous.clone();
        }
        let (own, writable) = load(&self.store, &key);
        let was_anonymous = *self.key.borrow() == anonymous_key;
        *self.key.borrow_mut() = key;
        self.writable = writable;
        *self.last_saved.borrow_mut() = None;
        if !writable {
            return own;
        }
        let merged = if was_anonymous {
            own.merge(anonymous)
        } else {
            own
        };
        self.save(&merged);
        if was_anonymous {
            self.store.remove(&anonymous_key);
        }
        merged
    }

    /// Forgets this learner's progress.
    pub fn reset(&self) {
        if self.writable {
            self.store.remove(&self.key.borrow());
            *self.last_saved.borrow_mut() = None;
        }
    }
}

impl Drop for ProgressBook {
    fn drop(&mut self) {
        if let (Some(listener), Some(window)) = (&self.listener, web_sys::window()) {
            let _ = window
                .remove_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
        }
    }
}

/// The progress under `key`, and whether this build may write it.
fn load(store: &Store, key: &str) -> (Progress, bool) {
    let Some(stored) = store.get(key) else {
        return (Progress::default(), true);
    };
    match Progress::load(&stored) {
        Loaded::Writable(progress) => (progress, true),
        Loaded::ReadOnly(progress) => (progress, false),
        Loaded::Corrupt(reason) => {
            let backup = backup_key(key, js_sys::Date::now() as u64, &|k| store.get(k).is_some());
            store.set(&backup, &stored);
            warn(&format!("the saved progress under `{key}` could not be read ({reason}); it is kept under `{backup}`, and this learner starts afresh."));
            (Progress::default(), true)
        }
    }
}
