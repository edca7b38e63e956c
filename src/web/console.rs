//! The one voice Pathlight has in the host's console.

use wasm_bindgen::{JsCast, JsValue};

/// Logs `Pathlight: {message}` as a warning. Warnings, not errors: the host must never
/// mistake a problem of ours for a crash of theirs.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&format!("Pathlight: {message}").into());
}

/// A readable account of a thrown JS value.
pub fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        // Not `{:?}`, which the release build prints as nothing (-Zfmt-debug=none).
        .or_else(|| js_sys::JSON::stringify(value).ok()?.as_string())
        .unwrap_or_else(|| "an unknown value".into())
}
