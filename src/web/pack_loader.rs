//! Fetches the compiled lesson pack.

use super::console::describe;
use crate::pack::Pack;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// How long a server may take to send the pack before the widget gives up on it.
const TIMEOUT_MS: i32 = 10_000;

/// Loads the pack at `url`, or says what went wrong and how to fix it.
pub async fn load(url: &str) -> Result<Pack, String> {
    let window = web_sys::window().ok_or("no window")?;
    let fail = |what: String| {
        format!("could not load lessons from {url} ({what}). Check the `lessons` URL given to init or data-lessons.")
    };
    // A server that never answers must not leave the widget waiting, and silent, forever.
    let abort = web_sys::AbortController::new().map_err(|e| fail(describe(&e)))?;
    let on_timeout = Closure::once_into_js({
        let abort = abort.clone();
        move || abort.abort()
    });
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.unchecked_ref(),
            TIMEOUT_MS,
        )
        .ok();
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&abort.signal()));
    let failed = |e: JsValue| {
        if abort.signal().aborted() {
            fail(format!("no answer in {} s", TIMEOUT_MS / 1000))
        } else {
            fail(describe(&e))
        }
    };
    let text = async {
        let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
            .await
            .map_err(failed)?
            .unchecked_into();
        if !response.ok() {
            return Err(fail(format!("HTTP {}", response.status())));
        }
        let text = JsFuture::from(response.text().map_err(failed)?)
            .await
            .map_err(failed)?;
        Ok(text.as_string().unwrap_or_default())
    }
    .await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    let text = text?;
    Pack::from_json(&text).map_err(|e| format!("{url}: {e}"))
}
