//! Where progress is kept: `localStorage` when the browser allows it, memory when it does not.
//!
//! `window.localStorage` throws when storage is blocked (sandboxed iframes, blocked
//! third-party storage, Safari's "block all cookies"), and `setItem` throws when the quota is
//! full. web-sys turns both into `Result`s, so nothing here can throw into the host. (We do
//! not use gloo-storage: its `raw()` calls `expect_throw` on exactly those failures.)

use super::console::{describe, warn};
use crate::support::keyed::Keyed;
use std::cell::RefCell;

/// A string store that never throws.
pub struct Store {
    local: Option<web_sys::Storage>,
    /// Holds everything when there is no localStorage, and what did not fit when it is full.
    memory: RefCell<Keyed<String>>,
}

impl Store {
    /// Opens the browser storage for Progress, falling back to memory.
    pub fn open() -> Store {
        let local = web_sys::window().map(|w| w.local_storage()).and_then(|r| match r {
            // A full storage still reads: progress saved before must not be ignored.
            Ok(Some(storage)) => Some(storage),
            Ok(None) => None,
            Err(e) => {
                warn(&format!("localStorage is not available ({}); progress is kept for this page view only.", describe(&e)));
                None
            }
        });
        Store {
            local,
            memory: RefCell::default(),
        }
    }

    /// Whether Progress survives a reload, false when storage is blocked.
    pub fn is_persistent(&self) -> bool {
        self.local.is_some()
    }

    /// The stored value under this key.
    pub fn get(&self, key: &str) -> Option<String> {
        if let Some(value) = self.memory.borrow().get(key) {
            return Some(value.clone());
        }
        self.local
            .as_ref()
            .and_then(|s| s.get_item(key).ok().flatten())
    }

    /// Saves `value`; when the quota is full it stays in memory, with one warning.
    pub fn set(&self, key: &str, value: &str) {
        if let Some(storage) = &self.local {
            match storage.set_item(key, value) {
                Ok(()) => {
                    self.memory.borrow_mut().remove(key);
                    return;
                }
                Err(e) => {
                    if !self.memory.borrow().contains_key(key) {
                        warn(&format!("could not save progress ({}); it is kept for this page view. Free some of this site's storage.", describe(&e)));
                    }
                }
            }
        }
        self.memory
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
    }

    /// Removes the value under this key.
    pub fn remove(&self, key: &str) {
        self.memory.borrow_mut().remove(key);
        if let Some(storage) = &self.local {
            let _ = storage.remove_item(key);
        }
    }
}
