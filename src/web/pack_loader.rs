//! Fetches the compiled lesson pack.

use super::console::describe;
use crate::pack::Pack;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Loads the pack at `url`, or says what went wrong and how to fix it.
pub async fn load(url: &str) -> Result<Pack, String> {
    let window = web_sys::window().ok_or("no window")?;
    let fail = |what: String| {
        format!("could not load lessons from {url} ({what}). Check the `lessons` URL given to init or data-lessons.")
    };
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| fail(describe(&e)))?
        .unchecked_into();
    if !response.ok() {
        return Err(fail(format!("HTTP {}", response.status())));
    }
    let text = JsFuture::from(response.text().map_err(|e| fail(describe(&e)))?)
        .await
        .map_err(|e| fail(describe(&e)))?
        .as_string()
        .unwrap_or_default();
    Pack::from_json(&text).map_err(|e| format!("{url}: {e}"))
}
