//! Keeps beacons on their anchors as the page scrolls, resizes and zooms.
//!
//! Beacons live in our shadow root with `position: fixed`, so they never shift the host's
//! layout; this moves them with a CSS transform. Scroll and resize listeners exist only while
//! a beacon is shown, and every burst of events costs one update, in the next frame.

use crate::placement::{beacon_spot, card_spot, px, translate, CardSide, Rect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The size of a beacon, in CSS pixels; style/widget.css agrees.
pub const BEACON_SIZE: f64 = 18.0;

/// How a floating element follows its anchor.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    /// A beacon on the anchor's corner.
    Beacon,
    /// A ring around the anchor, for "Show me".
    Ring,
    /// A lesson card beside the anchor, or a sheet on a narrow screen.
    Card,
}

/// The gap between an anchor and the ring drawn around it.
const RING_GAP: f64 = 4.0;

struct Tied {
    id: u32,
    follow: Follow,
    beacon: HtmlElement,
    anchor: Element,
}

#[derive(Default)]
struct Inner {
    tied: Vec<Tied>,
    next_id: u32,
    frame: Option<i32>,
    on_event: Option<Closure<dyn FnMut()>>,
    on_frame: Option<Closure<dyn FnMut()>>,
}

thread_local! {
    static TETHER: Rc<RefCell<Inner>> = Rc::new(RefCell::new(Inner::default()));
}

/// Ties `beacon` to `anchor` until the returned id is untied.
pub fn tie(beacon: HtmlElement, anchor: Element, follow: Follow) -> u32 {
    TETHER.with(|t| {
        let first = {
            let mut inner = t.borrow_mut();
            inner.next_id += 1;
            let id = inner.next_id;
            inner.tied.push(Tied {
                id,
                follow,
                beacon,
                anchor,
            });
            inner.tied.len() == 1
        };
        if first {
            listen(t, true);
        }
        place_all(t);
        t.borrow().next_id
    })
}

pub fn untie(id: u32) {
    TETHER.with(|t| {
        let empty = {
            let mut inner = t.borrow_mut();
            inner.tied.retain(|tied| tied.id != id);
            inner.tied.is_empty()
        };
        if empty {
            listen(t, false);
        }
    })
}

fn listen(t: &Rc<RefCell<Inner>>, on: bool) {
    let window = web_sys::window().expect("a window");
    let mut inner = t.borrow_mut();
    if inner.on_event.is_none() {
        let weak = Rc::downgrade(t);
        inner.on_event = Some(Closure::new(move || {
            if let Some(t) = weak.upgrade() {
                request_frame(&t);
            }
        }));
    }
    let callback = inner
        .on_event
        .as_ref()
        .expect("set above")
        .as_ref()
        .unchecked_ref::<js_sys::Function>()
        .clone();
    let document = window.document().expect("a document");
    if on {
        // Capture, so scrolling inside any container is seen; passive, so it never delays it.
        let options = web_sys::AddEventListenerOptions::new();
        options.set_capture(true);
        options.set_passive(true);
        let _ = document.add_event_listener_with_callback_and_add_event_listener_options(
            "scroll", &callback, &options,
        );
        let _ = window.add_event_listener_with_callback("resize", &callback);
    } else {
        let _ = document.remove_event_listener_with_callback_and_bool("scroll", &callback, true);
        let _ = window.remove_event_listener_with_callback("resize", &callback);
        if let Some(frame) = inner.frame.take() {
            let _ = window.cancel_animation_frame(frame);
        }
    }
}

fn request_frame(t: &Rc<RefCell<Inner>>) {
    let mut inner = t.borrow_mut();
    if inner.frame.is_some() || inner.tied.is_empty() {
        return;
    }
    if inner.on_frame.is_none() {
        let weak = Rc::downgrade(t);
        inner.on_frame = Some(Closure::new(move || {
            if let Some(t) = weak.upgrade() {
                t.borrow_mut().frame = None;
                place_all(&t);
            }
        }));
    }
    let callback = inner
        .on_frame
        .as_ref()
        .expect("set above")
        .as_ref()
        .unchecked_ref::<js_sys::Function>()
        .clone();
    inner.frame = web_sys::window().and_then(|w| w.request_animation_frame(&callback).ok());
}

fn place_all(t: &Rc<RefCell<Inner>>) {
    let window = web_sys::window().expect("a window");
    let document = window.document().expect("a document");
    let width = document
        .document_element()
        .map_or(0.0, |e| e.client_width() as f64);
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    for tied in &t.borrow().tied {
        let r = tied.anchor.get_bounding_client_rect();
        let rect = Rect {
            left: r.left(),
            top: r.top(),
            width: r.width(),
            height: r.height(),
        };
        let style = tied.beacon.style();
        if tied.follow == Follow::Card {
            place_card(&tied.beacon, rect, width, height);
            continue;
        }
        if tied.follow == Follow::Ring {
            let visible = rect.width > 0.0 && rect.height > 0.0;
            let _ = style.set_property(
                "transform",
                &translate(rect.left - RING_GAP, rect.top - RING_GAP),
            );
            let _ = style.set_property("width", &px(rect.width + 2.0 * RING_GAP));
            let _ = style.set_property("height", &px(rect.height + 2.0 * RING_GAP));
            let _ = style.set_property("visibility", if visible { "visible" } else { "hidden" });
            continue;
        }
        match beacon_spot(rect, width, height, BEACON_SIZE)
            .filter(|_| !covered(&document, &tied.anchor, rect))
        {
            Some(spot) => {
                let _ = style.set_property("transform", &translate(spot.x, spot.y));
                let _ = style.set_property("visibility", "visible");
            }
            None => {
                let _ = style.set_property("visibility", "hidden");
            }
        }
    }
}

/// Puts a card beside its anchor; with no anchor box to stand by, the card goes back to its
/// dock in the corner (its stylesheet position).
fn place_card(card: &HtmlElement, anchor: Rect, width: f64, height: f64) {
    let style = card.style();
    if anchor.width <= 0.0 || anchor.height <= 0.0 || anchor.bottom() < 0.0 || anchor.top > height {
        let _ = style.remove_property("transform");
        let _ = card.remove_attribute("data-side");
        return;
    }
    let spot = card_spot(
        anchor,
        card.offset_width() as f64,
        card.offset_height() as f64,
        width,
        height,
    );
    let side = match spot.side {
        CardSide::Below => "below",
        CardSide::Above => "above",
        CardSide::Right => "right",
        CardSide::Left => "left",
        CardSide::SheetBottom => "sheet-bottom",
        CardSide::SheetTop => "sheet-top",
    };
    let _ = card.set_attribute("data-side", side);
    let _ = style.set_property("transform", &translate(spot.x, spot.y));
}

/// Whether something of the host's (a sticky header, a modal) lies over the anchor's centre.
fn covered(document: &web_sys::Document, anchor: &Element, rect: Rect) -> bool {
    let x = (rect.left + rect.width / 2.0) as f32;
    let y = (rect.top + rect.height / 2.0) as f32;
    let Some(mut hit) = document.element_from_point(x, y) else {
        return false;
    };
    // Inside a host component's shadow root, the document only sees its host element.
    while let Some(inner) = hit
        .shadow_root()
        .and_then(|r| r.element_from_point(x, y))
        .filter(|h| h != &hit)
    {
        hit = inner;
    }
    if hit.tag_name().eq_ignore_ascii_case("pathlight-widget") {
        return false;
    }
    !(anchor.contains(Some(&hit)) || hit.contains(Some(anchor)))
}
