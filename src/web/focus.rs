//! Focus handling: where focus was before a surface opened, so it can go back there.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

thread_local! {
    static OPENER: std::cell::RefCell<Option<HtmlElement>> = const { std::cell::RefCell::new(None) };
}

/// Remembers and restores the element that had focus when a surface opened.
pub struct Focus;

impl Focus {
    /// Remembers the focused element. `document.activeElement` stops at a shadow host, so
    /// look inside open shadow roots (ours, or a host component's).
    pub fn remember() {
        let mut active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        while let Some(inner) = active
            .as_ref()
            .and_then(|a| a.shadow_root())
            .and_then(|r| r.active_element())
        {
            active = Some(inner);
        }
        OPENER.with(|o| *o.borrow_mut() = active.and_then(|e| e.dyn_into().ok()));
    }

    /// The host's field the learner is typing in, if focus is in one: what the on-screen
    /// keyboard is open for.
    pub fn editing() -> Option<web_sys::Element> {
        let active = web_sys::window()?.document()?.active_element()?;
        let editable = matches!(active.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || active
                .get_attribute("contenteditable")
                .is_some_and(|v| v != "false");
        editable.then_some(active)
    }

    /// Puts focus back where it was or, if that element is gone, on the launcher.
    pub fn restore() {
        let opener = OPENER
            .with(|o| o.borrow_mut().take())
            .filter(|el| el.is_connected());
        let target = opener.or_else(|| {
            let host = web_sys::window()?
                .document()?
                .query_selector("pathlight-widget")
                .ok()??;
            host.shadow_root()?
                .query_selector(".pl-launcher")
                .ok()??
                .dyn_into()
                .ok()
        });
        if let Some(el) = target {
            let _ = el.focus();
        }
    }
}
