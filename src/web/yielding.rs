//! Giving the main thread back to the host between slices of work, so that no task of
//! Pathlight's grows long enough to delay the host's input handling.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Resolves in a later task: through `scheduler.yield()` where the browser has it (the
/// continuation keeps its place ahead of other queued work), else through a macrotask.
pub async fn yield_to_host() {
    let _ = JsFuture::from(later()).await;
}

fn later() -> js_sys::Promise {
    let global = js_sys::global();
    let scheduler =
        js_sys::Reflect::get(&global, &"scheduler".into()).unwrap_or(JsValue::UNDEFINED);
    if let Ok(yield_) = js_sys::Reflect::get(&scheduler, &"yield".into()) {
        if let Some(yield_) = yield_.dyn_ref::<js_sys::Function>() {
            if let Ok(promise) = yield_.call0(&scheduler) {
                if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                    return promise;
                }
            }
        }
    }
    js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        } else {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    })
}

/// Resolves once the browser is idle after its next frame (`requestIdleCallback`, waiting
/// at most two seconds), for work that may wait: prefetching what the learner may open.
/// After a frame, so the beacons that the page's first frame shows come first.
pub async fn idle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::UNDEFINED);
            return;
        };
        let when_idle = wasm_bindgen::closure::Closure::once_into_js(move || {
            let Some(window) = web_sys::window() else {
                return;
            };
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(2000);
            if window
                .request_idle_callback_with_options(resolve.unchecked_ref(), &options)
                .is_err()
            {
                let _ = window.set_timeout_with_callback(&resolve);
            }
        });
        if window
            .request_animation_frame(when_idle.unchecked_ref())
            .is_err()
        {
            let _ = window.set_timeout_with_callback(when_idle.unchecked_ref());
        }
    });
    let _ = JsFuture::from(promise).await;
}
