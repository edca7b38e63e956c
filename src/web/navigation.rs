//! Follows the host's single-page navigation without breaking it.
//!
//! Where the browser has the Navigation API, one `currententrychange` listener sees every
//! same-document navigation and nothing is patched. Elsewhere `history.pushState` and
//! `replaceState` are wrapped: the wrapper calls whatever was there before (the host's own
//! wrapper or another library's) with the same arguments, returns its result and rethrows
//! its errors, so wrappers compose. `popstate` and `hashchange` cover back, forward and
//! anchors.

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Listener = Closure<dyn FnMut()>;
type Wrapper = Closure<dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>;

/// One method we wrapped, and how to put things back.
struct Wrapped {
    /// `history`, or `History.prototype`.
    owner: JsValue,
    method: &'static str,
    original: Function,
    /// Whether `owner` had the method as its own property before (else it was inherited).
    own: bool,
    wrapper: Wrapper,
}

/// Calls `on_change` after each navigation; stops when dropped.
pub struct LocationWatcher {
    listener: Listener,
    targets: Vec<(web_sys::EventTarget, &'static str)>,
    wrapped: Vec<Wrapped>,
}

impl LocationWatcher {
    /// Calls `on_change` whenever the page URL changes, so Triggers re-run.
    pub fn new(on_change: impl Fn() + 'static) -> LocationWatcher {
        let window = web_sys::window().expect("a window");
        let on_change = std::rc::Rc::new(on_change);
        let listener: Listener = Closure::new({
            let on_change = on_change.clone();
            move || on_change()
        });
        let mut watcher = LocationWatcher {
            listener,
            targets: vec![],
            wrapped: vec![],
        };
        let navigation = Reflect::get(&window, &"navigation".into())
            .ok()
            .and_then(|n| n.dyn_into::<web_sys::EventTarget>().ok());
        match navigation {
            Some(navigation) => watcher.listen(navigation, "currententrychange"),
            None => {
                // The prototype catches routers that call `History.prototype.pushState`
                // directly; the instance catches wrappers that captured the native method
                // before we came. A navigation seen twice is reported once, by URL.
                let history = window.history().expect("a history");
                let prototype: JsValue = Reflect::get_prototype_of(&history)
                    .map(Into::into)
                    .unwrap_or_default();
                for owner in [prototype, history.clone().into()] {
                    for method in ["pushState", "replaceState"] {
                        watcher.wrap(&history, &owner, method, on_change.clone());
                    }
                }
            }
        }
        watcher.listen(window.clone().into(), "popstate");
        watcher.listen(window.into(), "hashchange");
        watcher
    }

    fn listen(&mut self, target: web_sys::EventTarget, event: &'static str) {
        let _ =
            target.add_event_listener_with_callback(event, self.listener.as_ref().unchecked_ref());
        self.targets.push((target, event));
    }

    fn wrap(
        &mut self,
        history: &web_sys::History,
        owner: &JsValue,
        method: &'static str,
        on_change: std::rc::Rc<dyn Fn()>,
    ) {
        let Some(original) = Reflect::get(owner, &method.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
        else {
            return;
        };
        let own = js_sys::Object::has_own(owner.unchecked_ref::<js_sys::Object>(), &method.into());
        let this = history.clone();
        let inner = original.clone();
        // Called on `history`, the one History of the window, whichever object holds it.
        let wrapper: Wrapper = Closure::new(move |state: JsValue, title: JsValue, url: JsValue| {
            let result = inner.call3(&this, &state, &title, &url)?;
            on_change();
            Ok(result)
        });
        if Reflect::set(owner, &method.into(), wrapper.as_ref()).is_ok() {
            self.wrapped.push(Wrapped {
                owner: owner.clone(),
                method,
                original,
                own,
                wrapper,
            });
        }
    }
}

impl Drop for LocationWatcher {
    fn drop(&mut self) {
        for (target, event) in &self.targets {
            let _ = target
                .remove_event_listener_with_callback(event, self.listener.as_ref().unchecked_ref());
        }
        // Innermost last: the instance's wrapper may call the prototype's.
        for Wrapped {
            owner,
            method,
            original,
            own,
            wrapper,
        } in self.wrapped.drain(..).rev()
        {
            let current = Reflect::get(&owner, &method.into()).unwrap_or_default();
            if current != *wrapper.as_ref() {
                // Someone wrapped us in turn: unwrapping would drop their wrapper. Stay in
                // the chain; the wrapper only forwards from now on, since `on_change` of a
                // destroyed widget finds nothing to update.
                wrapper.forget();
            } else if own {
                let _ = Reflect::set(&owner, &method.into(), &original);
            } else {
                let _ = Reflect::delete_property(
                    owner.unchecked_ref::<js_sys::Object>(),
                    &method.into(),
                );
            }
        }
    }
}
