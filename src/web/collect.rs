//! What the loader's collector (src/web/loader.js, `collect: { url }`) asks of the widget:
//! the pack's id and version, which every collected record carries. Everything else about
//! collecting is JavaScript in the loader, which every learner downloads anyway.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static PACK: RefCell<Option<(String, u32)>> = const { RefCell::new(None) };
}

/// Notes the pack just loaded: its id, and its version, the fingerprint of its text.
pub fn loaded(id: &str, text: &str) {
    let version = crate::support::fingerprint::fingerprint(text);
    PACK.with(|p| *p.borrow_mut() = Some((id.to_owned(), version)));
}

/// `[id, version]` of the pack loaded last, or `undefined` before one has loaded. The
/// loader writes the version, a number here, as 8 hex digits.
#[wasm_bindgen]
pub fn pack_identity() -> JsValue {
    PACK.with(|p| match &*p.borrow() {
        Some((id, version)) => js_sys::Array::of2(&id.into(), &(*version).into()).into(),
        None => JsValue::UNDEFINED,
    })
}
