//! What the loader's collector (src/web/loader.js, `collect: { url }`) asks of the widget:
//! the pack's id and version, which every collected record carries. Everything else about
//! collecting is JavaScript in the loader, which every learner downloads anyway.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static PACK: RefCell<Option<(String, u32)>> = const { RefCell::new(None) };
}

/// Notes the pack just loaded: its id, and its version, a hash of its text.
pub fn loaded(id: &str, text: &str) {
    let version = version(text);
    PACK.with(|p| *p.borrow_mut() = Some((id.to_owned(), version)));
}

/// The pack's version: FNV-1a over its text. Two builds of the same lessons give the same
/// version; any change to what the learner sees gives another (a 32-bit hash: a clash
/// between two editions of one pack is one in four billion).
fn version(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    })
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

#[cfg(test)]
mod tests {
    use super::version;

    #[test]
    fn the_pack_version_is_fnv_1a_of_its_text() {
        // FNV-1a's published test vectors.
        assert_eq!(version(""), 0x811c_9dc5);
        assert_eq!(version("a"), 0xe40c_292c);
        assert_ne!(version("{\"id\":\"p\"}"), version("{\"id\":\"q\"}"));
    }
}
