//! The widget's own element on the host page: a `<pathlight-widget>` with an open shadow
//! root, appended to `body`. Styles go in through adoptedStyleSheets, so a strict CSP
//! needs no `'unsafe-inline'`, and nothing is written into the host's `<head>`.

use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, ShadowRoot, ShadowRootInit, ShadowRootMode};

const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// The widget's element. Dropping it takes the element out of the page.
pub struct Host {
    element: web_sys::Element,
}

impl Host {
    /// The `<pathlight-widget>` element.
    pub fn element(&self) -> web_sys::Element {
        self.element.clone()
    }

    /// Adds the element, with its styles in its shadow root, which it returns for the view.
    pub fn create() -> Result<(Host, ShadowRoot), JsValue> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let body = document.body().ok_or("the page has no <body>")?;
        // Leptos builds its own static markup (our component templates, never authored
        // content) through innerHTML, which a page enforcing Trusted Types refuses with an
        // exception. Find out before anything is added to the page, and stay out cleanly: the
        // probe writes a constant empty string into a detached element, so nothing is parsed.
        let probe = document.create_element("template")?;
        if js_sys::Reflect::set(&probe, &"innerHTML".into(), &"".into()).is_err() {
            return Err("this page enforces Trusted Types (require-trusted-types-for 'script'), which the widget cannot meet yet, so it stays off".into());
        }
        let element = document.create_element("pathlight-widget")?;
        let root = element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(STYLE)?;
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        body.append_child(&element)?;
        Ok((Host { element }, root))
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.element.remove();
    }
}
