//! The browser edge of author mode: its stylesheet, the element picker's listeners on the
//! host page, and the link to `pathlight dev`. Compiled only into the author build.
//!
//! The picker listens on the document in the capture phase, so the host's own handlers
//! never see the click that picks; events inside the widget pass through untouched. The
//! choice of anchor is the pure core's ([`crate::author::anchor_proposal`]).

use crate::author::anchor_proposal::{propose, PathElement, Picked, Proposal};
use crate::author::dev_status::DevStatus;
use crate::web::anchors::open_shadow_roots;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AddEventListenerOptions, CssStyleSheet, Document, Element, Event, ShadowRoot};

const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/author.min.css"));

/// Adds author mode's styles to the widget's shadow root, after the widget's own.
pub fn adopt_style(root: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(STYLE)?;
    let sheets = root.adopted_style_sheets();
    sheets.push(&sheet);
    root.set_adopted_style_sheets(&sheets);
    Ok(())
}

/// A box on the screen, in CSS pixels of the viewport.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outline {
    /// Top edge, from the viewport's top.
    pub top: f64,
    /// Left edge, from the viewport's left.
    pub left: f64,
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
}

/// A listener on the document, by event name.
type Listener = (&'static str, Closure<dyn FnMut(Event)>);

/// The element picker while it is on; dropping it removes its listeners.
pub struct Picker {
    document: Document,
    listeners: Vec<Listener>,
}

impl Picker {
    /// Starts picking: `hover` gets the outline of the element under the pointer, `pick`
    /// the proposal for a clicked element, `leave` runs on Esc.
    pub fn start(
        hover: impl Fn(Option<Outline>) + 'static,
        pick: impl Fn(Proposal) + 'static,
        leave: impl Fn() + 'static,
    ) -> Result<Picker, JsValue> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        // The pointer's element, or the focused one: Tab reaches the page's controls, and
        // the click their Enter or Space makes picks them.
        let hover = std::rc::Rc::new(move |e: Event| {
            hover(host_element(&e).map(|el| {
                let r = el.get_bounding_client_rect();
                Outline {
                    top: r.top(),
                    left: r.left(),
                    width: r.width(),
                    height: r.height(),
                }
            }))
        });
        let on_move = Closure::<dyn FnMut(Event)>::new({
            let hover = hover.clone();
            move |e: Event| hover(e)
        });
        let on_focus = Closure::<dyn FnMut(Event)>::new(move |e: Event| hover(e));
        let on_click = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            if let Some(el) = host_element(&e) {
                e.prevent_default();
                e.stop_immediate_propagation();
                pick(proposal(&el));
            }
        });
        let on_key = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            let key = e.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
            if key.as_deref() == Some("Escape") {
                e.stop_immediate_propagation();
                leave();
            }
        });
        let listeners = vec![
            ("pointermove", on_move),
            ("focusin", on_focus),
            ("click", on_click),
            ("keydown", on_key),
        ];
        let options = AddEventListenerOptions::new();
        options.set_capture(true);
        for (name, listener) in &listeners {
            document.add_event_listener_with_callback_and_add_event_listener_options(
                name,
                listener.as_ref().unchecked_ref(),
                &options,
            )?;
        }
        Ok(Picker {
            document,
            listeners,
        })
    }
}

impl Drop for Picker {
    fn drop(&mut self) {
        for (name, listener) in &self.listeners {
            let _ = self.document.remove_event_listener_with_callback_and_bool(
                name,
                listener.as_ref().unchecked_ref(),
                true,
            );
        }
    }
}

/// The host's element the event happened on, inside open shadow roots too; `None` when it
/// happened in the widget itself.
fn host_element(e: &Event) -> Option<Element> {
    let path = e.composed_path();
    let ours = path.iter().any(|node| {
        node.dyn_ref::<Element>()
            .is_some_and(|el| el.local_name() == "pathlight-widget")
    });
    if ours {
        return None;
    }
    path.iter().find_map(|node| node.dyn_into::<Element>().ok())
}

/// What the pure core needs to know of `el`, and the proposal it makes.
fn proposal(el: &Element) -> Proposal {
    let attribute = |name: &str| el.get_attribute(name).filter(|v| !v.is_empty());
    let mut path = vec![];
    let mut at = Some(el.clone());
    while let Some(node) = at {
        path.push(PathElement {
            tag: node.local_name(),
            nth_of_type: nth_of_type(&node),
            id: Some(node.id()).filter(|id| !id.is_empty()),
        });
        at = node.parent_element();
    }
    path.reverse();
    let picked = Picked {
        feature: attribute("data-pathlight"),
        id: attribute("id"),
        test_id: attribute("data-testid"),
        role: attribute("role"),
        label: attribute("aria-label"),
        path,
    };
    let document = el.owner_document();
    propose(&picked, |selector| {
        document.as_ref().map_or(0, |d| count(d, selector))
    })
}

fn nth_of_type(el: &Element) -> u32 {
    let mut n = 1;
    let mut at = el.previous_element_sibling();
    while let Some(sibling) = at {
        if sibling.local_name() == el.local_name() {
            n += 1;
        }
        at = sibling.previous_element_sibling();
    }
    n
}

/// How many elements match `selector` where the widget looks for anchors: the document,
/// then every open shadow root in it. A selector the browser refuses matches nothing.
fn count(document: &Document, selector: &str) -> usize {
    let matches =
        |found: Result<web_sys::NodeList, JsValue>| found.map_or(0, |l| l.length() as usize);
    let in_roots: usize = open_shadow_roots(document, |_| true)
        .iter()
        .map(|root| matches(root.query_selector_all(selector)))
        .sum();
    matches(document.query_selector_all(selector)) + in_roots
}

/// Puts `text` on the clipboard: false when the browser refused.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    JsFuture::from(window.navigator().clipboard().write_text(text))
        .await
        .is_ok()
}

/// What the browser keeps under `key` for author mode, if anything.
pub fn recall(key: &str) -> Option<String> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.get_item(key).ok()?
}

/// Keeps `value` under `key` for author mode; a browser that refuses storage forgets it.
pub fn remember(key: &str, value: &str) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.set_item(key, value);
    }
}

/// Every `data-pathlight` name on the page, in document order, open shadow roots after:
/// the features the app has here.
pub fn page_features() -> Vec<String> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return vec![];
    };
    let mut names = vec![];
    let mut add = |found: Result<web_sys::NodeList, JsValue>| {
        if let Ok(list) = found {
            for i in 0..list.length() {
                let name = list
                    .item(i)
                    .and_then(|n| n.dyn_into::<Element>().ok())
                    .and_then(|el| el.get_attribute("data-pathlight"));
                names.extend(name);
            }
        }
    };
    const FEATURES: &str = "[data-pathlight]";
    add(document.query_selector_all(FEATURES));
    for root in open_shadow_roots(&document, |_| true) {
        add(root.query_selector_all(FEATURES));
    }
    names
}

/// The live link to the `pathlight dev` that serves the pack: its status now and after
/// every build. Closed when dropped.
pub struct DevLink {
    source: web_sys::EventSource,
    _on_status: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl DevLink {
    /// Connects when `lessons_url` is a `pathlight dev`, which its `/status` answer shows;
    /// `None` for any other server, which is asked nothing more. A pack the author `named`
    /// (`pathlight('author', { lessons })`) is asked wherever it is. The page's own pack is
    /// asked only when it comes from another origin on this machine: the host's own server
    /// is never `pathlight dev` (which serves no pages), and asking it would only put a 404
    /// in the host's console.
    pub async fn connect(
        lessons_url: &str,
        named: bool,
        on_status: impl Fn(DevStatus) + 'static,
    ) -> Option<DevLink> {
        let window = web_sys::window()?;
        let url = web_sys::Url::new_with_base(lessons_url, &window.location().href().ok()?).ok()?;
        let loopback = matches!(url.hostname().as_str(), "127.0.0.1" | "localhost" | "[::1]");
        let elsewhere = window.location().origin().ok()? != url.origin();
        if url.pathname() != "/lessons.json" || !(named || loopback && elsewhere) {
            return None;
        }
        let origin = url.origin();
        let answer = JsFuture::from(window.fetch_with_str(&format!("{origin}/status")))
            .await
            .ok()?
            .dyn_into::<web_sys::Response>()
            .ok()?;
        let text = JsFuture::from(answer.text().ok()?)
            .await
            .ok()?
            .as_string()?;
        on_status(DevStatus::read(&text)?);
        let source = web_sys::EventSource::new(&format!("{origin}/events")).ok()?;
        let on_status =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                if let Some(status) = e.data().as_string().and_then(|d| DevStatus::read(&d)) {
                    on_status(status);
                }
            });
        source
            .add_event_listener_with_callback("status", on_status.as_ref().unchecked_ref())
            .ok()?;
        Some(DevLink {
            source,
            _on_status: on_status,
        })
    }
}

impl Drop for DevLink {
    fn drop(&mut self) {
        self.source.close();
    }
}
