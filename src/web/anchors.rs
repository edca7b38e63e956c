//! Watches the host page for the anchors of the lessons that may show: present, visible,
//! clicked. Built for busy pages, so its cost stays flat as the page grows:
//!
//! - The MutationObserver watches child lists and the attributes anchors are found by, and
//!   its callback only marks the watcher dirty. Anchors are looked up at most every 200 ms,
//!   and only those not found yet or no longer in the page.
//! - Visibility comes from an IntersectionObserver on the found anchors, which also knows
//!   when a scroll container clips them.
//! - Open shadow roots of host components are searched when an anchor is not found in the
//!   document; the scan for them runs at most every 2 s, and only while something is missing.
//! - A click is seen by a passive listener on the anchor element itself, never on the page.
//!
//! What it sees goes up as values: every change calls `on_change` with what the page shows
//! of each watched anchor. A click is reported once, with the change it makes; the session
//! keeps it for the rest of the page visit, so the watcher keeps no copy to forget.

use crate::decide::session::AnchorFacts;
use crate::model::anchor::Anchor;
use crate::support::keyed::Keyed;
use js_sys::Array;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, IntersectionObserver, IntersectionObserverEntry, MutationObserver,
    MutationObserverInit, ShadowRoot,
};

const RESOLVE_EVERY_MS: i32 = 200;
const SHADOW_SCAN_EVERY_MS: f64 = 2000.0;

/// Hears what the page shows of every watched anchor, after a change.
type OnChange = Rc<dyn Fn(Vec<(Anchor, AnchorFacts)>)>;

/// One selector the watcher looks for, and what it found.
struct Tracked {
    selector: String,
    /// The anchors this selector finds, most often one.
    anchors: Vec<Anchor>,
    /// The `data-pathlight` value, when the selector is a feature anchor's.
    feature: Option<String>,
    /// The element found: the session hears the anchor as present while there is one.
    element: Option<Element>,
    /// Whether the element is on screen, as the IntersectionObserver last said.
    visible: bool,
    on_click: Option<Closure<dyn FnMut()>>,
    /// Set once the browser refused the selector: it is never looked up again.
    invalid: bool,
}

/// What the watcher holds while it watches, shared with its observers' callbacks.
struct Watching {
    tracked: Vec<Tracked>,
    shadow_roots: Vec<ShadowRoot>,
    last_shadow_scan: f64,
    timer: Option<i32>,
    on_change: OnChange,
    on_invalid: Rc<dyn Fn(&str)>,
    on_settled: Rc<dyn Fn()>,
    mutations: MutationObserver,
    intersections: IntersectionObserver,
    /// Kept alive for the observers and the timer.
    _callbacks: Vec<Closure<dyn FnMut(Array)>>,
    tick: Option<Closure<dyn FnMut()>>,
}

/// Watches a set of anchors; stops observing when dropped.
pub struct AnchorWatcher {
    inner: Rc<RefCell<Watching>>,
}

impl AnchorWatcher {
    /// `on_change` hears the facts of every watched anchor after they change; `on_invalid`
    /// runs once per selector the browser refuses. `on_settled` runs after every burst of
    /// page mutations has been looked at.
    pub fn new(
        on_change: impl Fn(Vec<(Anchor, AnchorFacts)>) + 'static,
        on_invalid: impl Fn(&str) + 'static,
        on_settled: impl Fn() + 'static,
    ) -> Result<AnchorWatcher, JsValue> {
        let inner = Rc::new_cyclic(|weak: &Weak<RefCell<Watching>>| {
            let on_mutation: Closure<dyn FnMut(Array)> = Closure::new({
                let weak = weak.clone();
                move |_records: Array| {
                    if let Some(inner) = weak.upgrade() {
                        schedule(&inner);
                    }
                }
            });
            let on_intersection: Closure<dyn FnMut(Array)> = Closure::new({
                let weak = weak.clone();
                move |entries: Array| {
                    if let Some(inner) = weak.upgrade() {
                        seen(&inner, entries);
                    }
                }
            });
            let tick: Closure<dyn FnMut()> = Closure::new({
                let weak = weak.clone();
                move || {
                    if let Some(inner) = weak.upgrade() {
                        inner.borrow_mut().timer = None;
                        resolve(&inner);
                    }
                }
            });
            let mutations = MutationObserver::new(on_mutation.as_ref().unchecked_ref())
                .expect("MutationObserver");
            let intersections = IntersectionObserver::new(on_intersection.as_ref().unchecked_ref())
                .expect("IntersectionObserver");
            RefCell::new(Watching {
                tracked: vec![],
                shadow_roots: vec![],
                last_shadow_scan: f64::NEG_INFINITY,
                timer: None,
                on_change: Rc::new(on_change),
                on_invalid: Rc::new(on_invalid),
                on_settled: Rc::new(on_settled),
                mutations,
                intersections,
                _callbacks: vec![on_mutation, on_intersection],
                tick: Some(tick),
            })
        });
        let document = document();
        inner
            .borrow()
            .mutations
            .observe_with_options(&document, &observe_options())?;
        Ok(AnchorWatcher { inner })
    }

    /// Sets which anchors to watch; what is known of those watched before is kept.
    pub fn watch(&self, anchors: &[Anchor]) {
        // Each selector once, in the order given, with every anchor it finds; a pack may name
        // a thousand selectors, so the repeats are found through a sorted map rather than by
        // scanning the list.
        let mut at: Keyed<usize> = Keyed::new();
        let mut wanted: Vec<(String, Vec<Anchor>)> = Vec::new();
        for anchor in anchors {
            let selector = anchor.css();
            match at.get(&selector) {
                Some(&i) => wanted[i].1.push(anchor.clone()),
                None => {
                    at.insert(selector.clone(), wanted.len());
                    wanted.push((selector, vec![anchor.clone()]));
                }
            }
        }
        {
            let mut inner = self.inner.borrow_mut();
            let Watching {
                tracked,
                intersections,
                ..
            } = &mut *inner;
            tracked.retain_mut(|t| match at.get(&t.selector) {
                Some(&i) => {
                    t.anchors = std::mem::take(&mut wanted[i].1);
                    true
                }
                None => {
                    forget_element(t, intersections);
                    false
                }
            });
            // What is left holds the anchors of selectors not tracked yet.
            for (selector, anchors) in wanted.into_iter().filter(|(_, a)| !a.is_empty()) {
                tracked.push(Tracked {
                    feature: feature_name(&selector),
                    selector,
                    anchors,
                    element: None,
                    visible: false,
                    on_click: None,
                    invalid: false,
                });
            }
        }
        resolve(&self.inner);
    }

    /// The element the anchor finds, for the Beacon and card to attach to.
    pub fn element(&self, anchor: &Anchor) -> Option<Element> {
        let selector = anchor.css();
        self.inner
            .borrow()
            .tracked
            .iter()
            .find(|t| t.selector == selector)
            .and_then(|t| t.element.clone())
    }
}

impl Drop for AnchorWatcher {
    fn drop(&mut self) {
        let mut inner = self.inner.borrow_mut();
        inner.mutations.disconnect();
        inner.intersections.disconnect();
        if let Some(timer) = inner.timer.take() {
            web_sys::window()
                .expect("a window")
                .clear_timeout_with_handle(timer);
        }
        let Watching {
            tracked,
            intersections,
            ..
        } = &mut *inner;
        for t in tracked.iter_mut() {
            forget_element(t, intersections);
        }
    }
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn observe_options() -> MutationObserverInit {
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    options.set_attributes(true);
    // Anchors are found by data-pathlight, or by selectors that mostly use id and class.
    // Style and other attribute churn on a busy page is not our business.
    options.set_attribute_filter(&Array::of3(
        &"data-pathlight".into(),
        &"id".into(),
        &"class".into(),
    ));
    options
}

/// Coalesces bursts of mutations into one lookup.
fn schedule(inner: &Rc<RefCell<Watching>>) {
    schedule_in(inner, RESOLVE_EVERY_MS);
}

fn schedule_in(inner: &Rc<RefCell<Watching>>, delay_ms: i32) {
    let mut this = inner.borrow_mut();
    if this.timer.is_some() {
        return;
    }
    let window = web_sys::window().expect("a window");
    let tick = this
        .tick
        .as_ref()
        .expect("tick")
        .as_ref()
        .unchecked_ref::<js_sys::Function>()
        .clone();
    this.timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(&tick, delay_ms)
        .ok();
}

/// Looks up every anchor that is missing or left the page.
fn resolve(inner: &Rc<RefCell<Watching>>) {
    let document = document();
    let mut scan_later = None;
    let mut changed = false;
    let mut invalid = vec![];
    {
        let mut guard = inner.borrow_mut();
        let now = js_sys::Date::now();
        let Watching {
            tracked,
            shadow_roots,
            intersections,
            last_shadow_scan,
            mutations,
            ..
        } = &mut *guard;
        let pending =
            |t: &Tracked| !t.invalid && !t.element.as_ref().is_some_and(|e| e.is_connected());
        if tracked.iter().any(pending) {
            if now - *last_shadow_scan > SHADOW_SCAN_EVERY_MS {
                *last_shadow_scan = now;
                discover_shadow_roots(&document, shadow_roots, mutations);
            } else {
                // The page changed while something is missing, maybe inside a component that
                // just rendered: look again once the scan may run, so it is not left for the
                // next mutation, which may never come.
                scan_later = Some((SHADOW_SCAN_EVERY_MS - (now - *last_shadow_scan)) as i32 + 1);
            }
        }
        // Feature anchors are found with one query for all of them, not one query each: on a
        // big page with many features missing, that is the difference that matters.
        let features = if tracked.iter().any(|t| pending(t) && t.feature.is_some()) {
            features_on(&document)
        } else {
            Default::default()
        };
        for t in tracked.iter_mut().filter(|t| pending(t)) {
            let in_document = match &t.feature {
                Some(name) => Ok(features.get(name).cloned()),
                None => document.query_selector(&t.selector),
            };
            let found = match in_document {
                Err(_) => {
                    t.invalid = true;
                    invalid.push(t.selector.clone());
                    None
                }
                Ok(Some(el)) => Some(el),
                Ok(None) => shadow_roots
                    .iter()
                    .find_map(|r| r.query_selector(&t.selector).ok().flatten()),
            };
            if t.element.is_some() || found.is_some() {
                changed = true;
            }
            forget_element(t, intersections);
            if let Some(el) = found {
                intersections.observe(&el);
                let weak = Rc::downgrade(inner);
                let selector = t.selector.clone();
                let on_click: Closure<dyn FnMut()> = Closure::new(move || {
                    if let Some(inner) = weak.upgrade() {
                        clicked(&inner, &selector);
                    }
                });
                let options = web_sys::AddEventListenerOptions::new();
                options.set_passive(true);
                let _ = el.add_event_listener_with_callback_and_add_event_listener_options(
                    "click",
                    on_click.as_ref().unchecked_ref(),
                    &options,
                );
                t.on_click = Some(on_click);
                t.element = Some(el);
            }
        }
    }
    if let Some(delay) = scan_later {
        schedule_in(inner, delay);
    }
    let (on_invalid, on_settled) = {
        let inner = inner.borrow();
        (inner.on_invalid.clone(), inner.on_settled.clone())
    };
    for selector in &invalid {
        on_invalid(selector);
    }
    if changed {
        report(inner, None);
    }
    on_settled();
}

/// The first element of the document for each `data-pathlight` value.
fn features_on(document: &web_sys::Document) -> std::collections::HashMap<String, Element> {
    let mut found = std::collections::HashMap::new();
    if let Ok(all) = document.query_selector_all("[data-pathlight]") {
        for i in 0..all.length() {
            if let Some(el) = all.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                if let Some(name) = el.get_attribute("data-pathlight") {
                    found.entry(name).or_insert(el);
                }
            }
        }
    }
    found
}

/// The feature name in a selector made by `Anchor::css` for a feature anchor.
fn feature_name(selector: &str) -> Option<String> {
    let quoted = selector
        .strip_prefix("[data-pathlight=\"")?
        .strip_suffix("\"]")?;
    Some(quoted.replace("\\\"", "\"").replace("\\\\", "\\"))
}

/// Finds open shadow roots of host components, and observes the new ones too.
fn discover_shadow_roots(
    document: &web_sys::Document,
    roots: &mut Vec<ShadowRoot>,
    mutations: &MutationObserver,
) {
    roots.retain(|r| r.host().is_connected());
    // A root found before is observed already, and not walked again.
    let new = open_shadow_roots(document, |root| !roots.contains(root));
    for root in new {
        let _ = mutations.observe_with_options(&root, &observe_options());
        roots.push(root);
    }
}

/// The open shadow roots of the host page, nested ones too, depth first. The widget's own
/// root is not the host's: neither it nor anything in it is walked. `enter` says whether to
/// take a root and walk into it; a root it refuses is skipped with all it holds.
pub(crate) fn open_shadow_roots(
    document: &web_sys::Document,
    mut enter: impl FnMut(&ShadowRoot) -> bool,
) -> Vec<ShadowRoot> {
    let roots_of = |elements: Result<web_sys::NodeList, JsValue>| -> Vec<ShadowRoot> {
        let Ok(elements) = elements else {
            return vec![];
        };
        (0..elements.length())
            .filter_map(|i| elements.get(i)?.dyn_into::<Element>().ok()?.shadow_root())
            .collect()
    };
    let mut stack = roots_of(document.query_selector_all("*"));
    let mut found = vec![];
    while let Some(root) = stack.pop() {
        let ours = root
            .host()
            .local_name()
            .eq_ignore_ascii_case("pathlight-widget");
        if ours || !enter(&root) {
            continue;
        }
        stack.extend(roots_of(root.query_selector_all("*")));
        found.push(root);
    }
    found
}

fn forget_element(t: &mut Tracked, intersections: &IntersectionObserver) {
    if let Some(el) = t.element.take() {
        intersections.unobserve(&el);
        if let Some(on_click) = t.on_click.take() {
            let _ =
                el.remove_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        }
    }
    t.visible = false;
}

fn seen(inner: &Rc<RefCell<Watching>>, entries: Array) {
    let mut changed = false;
    {
        let mut inner = inner.borrow_mut();
        // Each target is looked up in a map built once, not compared with every tracked
        // element (a call into JS each): a 500-lesson pack's first pass brings 500 entries,
        // and comparing them all took one long task. Two selectors may find one element,
        // which the observer reports once: both hear it.
        let index = js_sys::Map::new();
        for (i, t) in inner.tracked.iter().enumerate() {
            if let Some(element) = &t.element {
                let same: Array = index.get(element).dyn_into().unwrap_or_default();
                same.push(&JsValue::from(i as u32));
                index.set(element, &same);
            }
        }
        for entry in entries
            .iter()
            .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
        {
            let visible = entry.is_intersecting();
            let same: Array = index.get(&entry.target()).dyn_into().unwrap_or_default();
            for i in same.iter().filter_map(|i| i.as_f64()) {
                let t = &mut inner.tracked[i as usize];
                changed |= t.visible != visible;
                t.visible = visible;
            }
        }
    }
    if changed {
        report(inner, None);
    }
}

fn clicked(inner: &Rc<RefCell<Watching>>, selector: &str) {
    let tracked = inner
        .borrow()
        .tracked
        .iter()
        .any(|t| t.selector == selector);
    if tracked {
        report(inner, Some(selector));
    }
}

/// Tells `on_change` what the page shows of every watched anchor now, with the click on
/// `clicked`'s element if that is what changed.
fn report(inner: &Rc<RefCell<Watching>>, clicked: Option<&str>) {
    let (on_change, facts) = {
        let inner = inner.borrow();
        let facts: Vec<(Anchor, AnchorFacts)> = (inner.tracked.iter())
            .flat_map(|t| {
                let facts = AnchorFacts {
                    present: t.element.is_some(),
                    visible: t.visible,
                    clicked: clicked == Some(t.selector.as_str()),
                };
                t.anchors.iter().map(move |a| (a.clone(), facts))
            })
            .collect();
        (inner.on_change.clone(), facts)
    };
    on_change(facts);
}
