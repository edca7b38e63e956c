//! Tells the host what happens: `on` callbacks first, then a `pathlight:<name>` CustomEvent
//! on `window`, so a host can forward either to Segment, GA or Amplitude.

use super::console::{describe, warn};
use crate::api::lifecycle::EventKind;
use crate::support::json::Json;
use js_sys::{Function, Object, Reflect};
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit};

thread_local! {
    static SUBSCRIBERS: RefCell<Vec<(EventKind, Function)>> = const { RefCell::new(Vec::new()) };
    static EMITTING: Cell<u32> = const { Cell::new(0) };
}

/// Whether a host callback is running now: what it calls must not pull the widget from
/// under the code that called it.
pub fn emitting() -> bool {
    EMITTING.with(Cell::get) > 0
}

/// Calls the host's callback on each lifecycle event of this kind.
pub fn subscribe(kind: EventKind, callback: Function) {
    SUBSCRIBERS.with(|s| s.borrow_mut().push((kind, callback)));
}

/// Removes `callback` for `kind`, or every callback for `kind` when none is given.
pub fn unsubscribe(kind: EventKind, callback: Option<&Function>) {
    SUBSCRIBERS.with(|s| {
        s.borrow_mut()
            .retain(|(k, f)| *k != kind || callback.is_some_and(|c| c != f))
    });
}

/// Drops every host subscription, when the widget is destroyed.
pub fn unsubscribe_all() {
    SUBSCRIBERS.with(|s| s.borrow_mut().clear());
}

/// Emits `kind` with `detail` fields; `type` is added so one handler can take every event.
pub fn emit(kind: EventKind, detail: &[(&'static str, Json)]) {
    EMITTING.with(|e| e.set(e.get() + 1));
    tell(kind, detail);
    EMITTING.with(|e| e.set(e.get() - 1));
}

fn tell(kind: EventKind, detail: &[(&'static str, Json)]) {
    let object = Object::new();
    let _ = Reflect::set(&object, &"type".into(), &kind.name().into());
    for (key, value) in detail {
        let _ = Reflect::set(&object, &(*key).into(), &js(value));
    }
    let callbacks: Vec<Function> = SUBSCRIBERS.with(|s| {
        s.borrow()
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, f)| f.clone())
            .collect()
    });
    for callback in callbacks {
        if let Err(e) = callback.call1(&JsValue::UNDEFINED, &object) {
            warn(&format!(
                "an on('{}') callback threw: {}",
                kind.name(),
                describe(&e)
            ));
        }
    }
    let init = CustomEventInit::new();
    init.set_detail(&object);
    if let (Some(window), Ok(event)) = (
        web_sys::window(),
        CustomEvent::new_with_event_init_dict(&format!("pathlight:{}", kind.name()), &init),
    ) {
        let _ = window.dispatch_event(&event);
    }
}

/// A JSON value as the JS value it stands for.
fn js(value: &Json) -> JsValue {
    match value {
        Json::Null => JsValue::NULL,
        Json::Bool(b) => (*b).into(),
        Json::Number(n) => (*n).into(),
        Json::String(s) => s.into(),
        Json::Array(items) => items.iter().map(js).collect::<js_sys::Array>().into(),
        Json::Object(members) => {
            let object = Object::new();
            for (key, value) in members {
                let _ = Reflect::set(&object, &key.into(), &js(value));
            }
            object.into()
        }
    }
}
