//! Keeps the widget's layer on the screen, and beacons, the Show me ring and the lesson card
//! on their anchors, as the page scrolls, resizes and zooms.
//!
//! `position: fixed` places against the layout viewport, which on a phone is not the screen:
//! a page wider than the screen widens it past the screen's edge, and pinch zoom and the
//! on-screen keyboard leave only part of it in sight. So the widget's root is one fixed layer,
//! laid over the visual viewport and counter-scaled against pinch zoom (see
//! [`crate::decide::placement::Visible`]); the launcher and surfaces sit in it by the stylesheet, and
//! this moves the floating parts within it with CSS transforms, in the layer's pixels. They
//! never shift the host's layout. The page's scroll and resize listeners exist only while
//! something is tied; the visual viewport's, while the layer follows it. Every burst of events
//! costs one update, in the next frame.

use super::Focus;
use crate::decide::placement::{
    beacon_spot, card_spot, px, translate, CardSide, Rect, Visible, BEACON_SIZE,
};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, VisualViewport};

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
    /// The widget's layer, while it follows the visual viewport.
    layer: Option<HtmlElement>,
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

/// Lets go of a Beacon tied with [`tie`], once it no longer follows its Anchor.
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

/// The visible area now: the visual viewport, or the layout viewport where there is none.
fn visible(window: &web_sys::Window) -> Visible {
    match window.visual_viewport() {
        Some(v) => Visible::new(
            v.offset_left(),
            v.offset_top(),
            v.width(),
            v.height(),
            v.scale(),
        ),
        None => {
            let size = |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
            Visible::new(
                0.0,
                0.0,
                size(window.inner_width()),
                size(window.inner_height()),
                1.0,
            )
        }
    }
}

/// The widget's layer following the visual viewport; dropping it stops the following.
pub struct ViewportLayer(VisualViewport);

/// Lays `layer` over the visible area now, and again in each frame in which the visual
/// viewport moved, zoomed or resized. `None` where the browser has no visual viewport: the
/// layer keeps its stylesheet place, the layout viewport.
pub fn follow_viewport(layer: HtmlElement) -> Option<ViewportLayer> {
    let viewport = web_sys::window()?.visual_viewport()?;
    TETHER.with(|t| {
        t.borrow_mut().layer = Some(layer);
        let callback = on_event(t);
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(true);
        for event in ["resize", "scroll"] {
            let _ = viewport.add_event_listener_with_callback_and_add_event_listener_options(
                event, &callback, &options,
            );
        }
        place_all(t);
    });
    Some(ViewportLayer(viewport))
}

impl Drop for ViewportLayer {
    fn drop(&mut self) {
        TETHER.with(|t| {
            let callback = on_event(t);
            for event in ["resize", "scroll"] {
                let _ = self.0.remove_event_listener_with_callback(event, &callback);
            }
            t.borrow_mut().layer = None;
            stop_if_idle(t);
        })
    }
}

/// The listener every event shares: it asks for a frame.
fn on_event(t: &Rc<RefCell<Inner>>) -> js_sys::Function {
    let mut inner = t.borrow_mut();
    let weak = Rc::downgrade(t);
    inner
        .on_event
        .get_or_insert_with(|| {
            Closure::new(move || {
                if let Some(t) = weak.upgrade() {
                    request_frame(&t);
                }
            })
        })
        .as_ref()
        .unchecked_ref::<js_sys::Function>()
        .clone()
}

fn listen(t: &Rc<RefCell<Inner>>, on: bool) {
    let window = web_sys::window().expect("a window");
    let callback = on_event(t);
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
        stop_if_idle(t);
    }
}

/// With nothing left to place, a frame already asked for is not needed.
fn stop_if_idle(t: &Rc<RefCell<Inner>>) {
    let mut inner = t.borrow_mut();
    if inner.tied.is_empty() && inner.layer.is_none() {
        if let (Some(frame), Some(window)) = (inner.frame.take(), web_sys::window()) {
            let _ = window.cancel_animation_frame(frame);
        }
    }
}

fn request_frame(t: &Rc<RefCell<Inner>>) {
    let mut inner = t.borrow_mut();
    if inner.frame.is_some() || (inner.tied.is_empty() && inner.layer.is_none()) {
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
    let visible = visible(&window);
    let (width, height) = (visible.layer_width(), visible.layer_height());
    let inner = t.borrow();
    if let Some(layer) = &inner.layer {
        let style = layer.style();
        let _ = style.set_property("width", &px(width));
        let _ = style.set_property("height", &px(height));
        let _ = style.set_property("transform", &visible.layer_transform());
    }
    for tied in &inner.tied {
        let on_page = rect_of(&tied.anchor);
        let rect = visible.to_layer(on_page);
        let style = tied.beacon.style();
        if tied.follow == Follow::Card {
            place_card(&tied.beacon, rect, &visible);
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
            .filter(|_| !covered(&document, &tied.anchor, on_page))
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

fn rect_of(element: &Element) -> Rect {
    let r = element.get_bounding_client_rect();
    Rect {
        left: r.left(),
        top: r.top(),
        width: r.width(),
        height: r.height(),
    }
}

/// Puts a card beside its anchor (`anchor` in the layer's pixels); with no anchor box in
/// sight to stand by, the card goes back to its dock in the corner (its stylesheet position).
/// A sheet's edge is the stylesheet's too: it stays on the layer's edge as the layer moves.
fn place_card(card: &HtmlElement, anchor: Rect, visible: &Visible) {
    let (width, height) = (visible.layer_width(), visible.layer_height());
    let style = card.style();
    let in_sight = anchor.width > 0.0
        && anchor.height > 0.0
        && anchor.bottom() >= 0.0
        && anchor.top <= height
        && anchor.right() >= 0.0
        && anchor.left <= width;
    if !in_sight {
        let _ = style.remove_property("transform");
        let _ = card.remove_attribute("data-side");
        return;
    }
    let focused = Focus::editing().map(|field| visible.to_layer(rect_of(&field)));
    let spot = card_spot(
        anchor,
        focused,
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
    if matches!(spot.side, CardSide::SheetBottom | CardSide::SheetTop) {
        let _ = style.remove_property("transform");
    } else {
        let _ = style.set_property("transform", &translate(spot.x, spot.y));
    }
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
