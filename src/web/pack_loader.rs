//! Fetches the compiled lesson pack.

use super::console::{describe, warn};
use super::yield_to_host;
use crate::model::pack::{check_size, Pack, PackError};
use crate::model::url_safety;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

thread_local! {
    /// The folder of the pack last loaded ([`url_safety::pack_folder`]), which its relative
    /// media resolve against.
    static FOLDER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// `url`, a media URL of the loaded pack, resolved against the pack's folder and checked as
/// an image's is: what the widget may load, if anything.
pub fn resolve(url: &str) -> Option<String> {
    let mut url = url.to_owned();
    FOLDER.with(|folder| url_safety::against(&mut url, &folder.borrow()));
    url_safety::check(&url, url_safety::UrlUse::Image).ok()
}

/// How long a server may take to send the pack before the widget gives up on it.
const TIMEOUT_MS: i32 = 10_000;

/// Loads the pack at `url`, or says what went wrong and how to fix it. A pack with content
/// this version does not know loads without it, and the console gets one warning.
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
    let refused = |e: PackError| format!("{url}: {e}");
    let text = async {
        let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
            .await
            .map_err(failed)?
            .unchecked_into();
        if !response.ok() {
            return Err(fail(format!("HTTP {}", response.status())));
        }
        // A pack over the limit is refused before it is downloaded when the server says
        // its size, and once it is when the server does not, or says the compressed size.
        let declared = response.headers().get("content-length").ok().flatten();
        if let Some(bytes) = declared.and_then(|n| n.trim().parse().ok()) {
            if let Err(e) = check_size(bytes) {
                abort.abort();
                return Err(refused(e));
            }
        }
        // Where the pack is, after redirects: its media live beside it.
        let origin = window.location().origin().unwrap_or_default();
        let folder = url_safety::pack_folder(&response.url(), &origin);
        let text = JsFuture::from(response.text().map_err(failed)?)
            .await
            .map_err(failed)?;
        // No more UTF-16 units than UTF-8 bytes: an over-limit text need not be copied in.
        let units = text.dyn_ref::<js_sys::JsString>().map_or(0, |s| s.length());
        check_size(units.into()).map_err(refused)?;
        Ok((text.as_string().unwrap_or_default(), folder))
    }
    .await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    let (text, folder) = text?;
    let value = Pack::parse_text(&text).map_err(refused)?;
    yield_to_host().await;
    let loaded = Pack::read_parsed(value).map_err(refused)?;
    super::collect::loaded(&loaded.pack.id, &text);
    FOLDER.with(|f| *f.borrow_mut() = folder);
    if let Some(notice) = loaded.notice() {
        warn(&format!("{url}: {notice}"));
    }
    Ok(loaded.pack)
}
