//! The vendor's own backend for progress, `init({ progress: { load, save } })`.
//!
//! Local storage stays the source of truth: what the backend returns is merged in, never
//! written over local progress, and a failed save waits for the next try (a growing delay,
//! or the browser coming back online) without ever losing the newest state. Nothing is
//! saved for a user before the backend has answered their load: a save first would write
//! over what the backend held and this browser has not seen yet.

use super::console::{describe, warn};
use crate::model::progress::{Progress, Stored};
use js_sys::{Function, Promise, Reflect};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const FIRST_RETRY_MS: i32 = 2_000;
const LAST_RETRY_MS: i32 = 60_000;

/// The host's own store for the learner's Progress, which follows them across devices.
pub struct RemoteProgress {
    load: Function,
    save: Function,
    /// The newest state not yet accepted by the backend: (user, stored JSON).
    pending: RefCell<Option<(String, String)>>,
    /// Users whose load the backend answered, so saves for them may go.
    loaded: RefCell<Vec<String>>,
    saving: Cell<bool>,
    delay: Cell<i32>,
    timer: Cell<Option<i32>>,
    retry: RefCell<Option<Closure<dyn FnMut()>>>,
}

impl RemoteProgress {
    /// The adapter in `init`'s `progress` option, if it has both functions.
    pub fn from_options(options: &JsValue) -> Option<Rc<RemoteProgress>> {
        let progress = Reflect::get(options, &"progress".into())
            .ok()
            .filter(|p| p.is_object())?;
        let function = |name: &str| {
            Reflect::get(&progress, &name.into())
                .ok()?
                .dyn_into::<Function>()
                .ok()
        };
        match (function("load"), function("save")) {
            (Some(load), Some(save)) => {
                let remote = Rc::new(RemoteProgress {
                    load,
                    save,
                    pending: RefCell::default(),
                    loaded: RefCell::default(),
                    saving: Cell::new(false),
                    delay: Cell::new(FIRST_RETRY_MS),
                    timer: Cell::new(None),
                    retry: RefCell::default(),
                });
                let weak = Rc::downgrade(&remote);
                *remote.retry.borrow_mut() = Some(Closure::new(move || {
                    if let Some(remote) = weak.upgrade() {
                        remote.timer.set(None);
                        remote.flush();
                    }
                }));
                if let (Some(window), Some(retry)) =
                    (web_sys::window(), remote.retry.borrow().as_ref())
                {
                    let _ = window
                        .add_event_listener_with_callback("online", retry.as_ref().unchecked_ref());
                }
                Some(remote)
            }
            _ => {
                warn("init's progress option needs two functions, { load: async (userId) => state, save: async (userId, state) => {} }; it is ignored.");
                None
            }
        }
    }

    /// Asks the backend for `user`'s progress and hands it to `merge`. Saves for `user`
    /// wait until it answers; if it fails, they go anyway, as the backend is all there is.
    pub fn load(self: &Rc<Self>, user: &str, merge: impl FnOnce(Progress) + 'static) {
        let result = self.load.call1(&JsValue::UNDEFINED, &user.into());
        let remote = Rc::downgrade(self);
        let who = user.to_owned();
        let answered = move || {
            if let Some(remote) = remote.upgrade() {
                remote.loaded.borrow_mut().push(who);
                remote.flush();
            }
        };
        wasm_bindgen_futures::spawn_local(async move {
            load_answer(result, merge).await;
            answered();
        });
    }

    /// Sends `json` (the stored envelope) for `user`; the newest state wins if several wait.
    pub fn save(self: &Rc<Self>, user: &str, json: &str) {
        *self.pending.borrow_mut() = Some((user.to_owned(), json.to_owned()));
        self.flush();
    }

    fn flush(self: &Rc<Self>) {
        if self.saving.get() {
            return;
        }
        let Some((user, json)) = self.pending.borrow().clone() else {
            return;
        };
        if !self.loaded.borrow().contains(&user) {
            return;
        }
        let state = js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL);
        let call = self
            .save
            .call2(&JsValue::UNDEFINED, &user.as_str().into(), &state);
        self.saving.set(true);
        let remote = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let saved = match call.map(|v| JsFuture::from(Promise::resolve(&v))) {
                Ok(future) => future.await.is_ok(),
                Err(_) => false,
            };
            remote.saving.set(false);
            if saved {
                remote.delay.set(FIRST_RETRY_MS);
                let newer = remote
                    .pending
                    .borrow()
                    .as_ref()
                    .is_some_and(|(u, j)| *u != user || *j != json);
                if newer {
                    remote.flush();
                } else {
                    remote.pending.borrow_mut().take();
                }
            } else {
                remote.schedule_retry();
            }
        });
    }

    fn schedule_retry(&self) {
        if self.timer.get().is_some() {
            return;
        }
        let delay = self.delay.get();
        self.delay.set((delay * 2).min(LAST_RETRY_MS));
        let (Some(window), Some(retry)) = (
            web_sys::window(),
            self.retry
                .borrow()
                .as_ref()
                .map(|r| r.as_ref().unchecked_ref::<Function>().clone()),
        ) else {
            return;
        };
        self.timer.set(
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&retry, delay)
                .ok(),
        );
    }
}

/// Waits for the backend's answer to a load and hands what it holds to `merge`.
async fn load_answer(result: Result<JsValue, JsValue>, merge: impl FnOnce(Progress)) {
    let value = match result.map(|v| JsFuture::from(Promise::resolve(&v))) {
        Ok(future) => future.await,
        Err(e) => Err(e),
    };
    let text = match value {
        Ok(v) if v.is_null() || v.is_undefined() => return,
        Ok(v) => v
            .as_string()
            .or_else(|| js_sys::JSON::stringify(&v).ok()?.as_string()),
        Err(e) => {
            return warn(&format!(
                "progress.load failed ({}); this learner's local progress is used.",
                describe(&e)
            ))
        }
    };
    match text.map(|t| Progress::load(&t)) {
        Some(Stored::Writable(p) | Stored::ReadOnly(p)) => merge(p),
        _ => warn("progress.load returned something that is not Pathlight progress; it is ignored. Return what save() was given."),
    }
}

impl Drop for RemoteProgress {
    fn drop(&mut self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(timer) = self.timer.take() {
            window.clear_timeout_with_handle(timer);
        }
        if let Some(retry) = self.retry.borrow().as_ref() {
            let _ = window
                .remove_event_listener_with_callback("online", retry.as_ref().unchecked_ref());
        }
    }
}
