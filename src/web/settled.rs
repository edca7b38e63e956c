//! `data-settled` on the widget's element: a count bumped each time the widget has caught
//! up with a host call, a navigation, a burst of page changes or a backend's answer.
//!
//! A test (ours, or a vendor's) that checks that something does *not* happen needs to
//! know when the widget is done reacting; waiting a fixed time is either slow or flaky.
//! The bump waits for a macrotask, so every effect the change set off (Leptos runs them
//! as microtasks) has run before it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const ATTRIBUTE: &str = "data-settled";

/// Bumps `element`'s count once the current reactions have run.
pub fn mark(element: &web_sys::Element) {
    let element = element.clone();
    let bump = Closure::once_into_js(move || {
        let count: u64 = element
            .get_attribute(ATTRIBUTE)
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let _ = element.set_attribute(ATTRIBUTE, &(count + 1).to_string());
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback(bump.unchecked_ref());
    }
}
