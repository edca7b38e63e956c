//! `data-settled` on the widget's element: a count bumped each time the widget has caught
//! up with a host call, a navigation, a burst of page changes or a backend's answer.
//!
//! A test (ours, or a vendor's) that checks that something does *not* happen needs to
//! know when the widget is done reacting; waiting a fixed time is either slow or flaky.
//! The bump waits for a macrotask, so every effect the change set off (Leptos runs them
//! as microtasks) has run before it. While a surface waits for its code (the surfaces'
//! chunk), the widget has not caught up: the bump waits for the code too.

use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const ATTRIBUTE: &str = "data-settled";

thread_local! {
    /// Whether a surface that is open waits for its code.
    static WAITING: Cell<bool> = const { Cell::new(false) };
    /// The element whose bump waits for that code.
    static HELD: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Bumps `element`'s count once the current reactions have run, and the code of any surface
/// they opened has arrived.
pub fn mark(element: &web_sys::Element) {
    let element = element.clone();
    let bump = Closure::once_into_js(move || {
        if WAITING.get() {
            HELD.set(Some(element));
        } else {
            count_up(&element);
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback(bump.unchecked_ref());
    }
}

/// A surface is open and its code is on its way: bumps wait for [`code_arrived`].
pub fn wait_for_code() {
    WAITING.set(true);
}

/// The surfaces' code has arrived (or failed to, and the surface closed): the bump that
/// waited for it happens once the reactions to its arrival have run.
pub fn code_arrived() {
    if WAITING.replace(false) {
        if let Some(element) = HELD.take() {
            mark(&element);
        }
    }
}

fn count_up(element: &web_sys::Element) {
    let count: u64 = element
        .get_attribute(ATTRIBUTE)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let _ = element.set_attribute(ATTRIBUTE, &(count + 1).to_string());
}
