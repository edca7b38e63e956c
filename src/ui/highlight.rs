//! The "Show me" highlight.

use super::WidgetState;
use crate::model::content::steps;
use crate::web::tether::{self, Follow};
use leptos::{html, prelude::*};
use wasm_bindgen::JsCast;

/// A ring around the current step's feature, scrolled into view (at once when the learner
/// prefers reduced motion). It lets clicks through: the learner does the step themselves.
/// It is hidden while the step's feature is not on the page, never left where the previous
/// step's feature was.
#[component]
pub fn Highlight(state: WidgetState) -> impl IntoView {
    let ring = NodeRef::<html::Div>::new();
    // Syncs with the outside world: scrolls the host page and ties the ring to the feature.
    // It runs again when the anchor watcher reports a change, so a feature that goes away
    // takes the ring along (and one that renders late would get it, once the watcher is told
    // the open lesson's step anchors: see the todo test in tests/e2e/card.test.mjs). It
    // returns the step and element it tied the ring to, so that only a new step or a new
    // element scrolls the page.
    Effect::new(move |tied: Option<Option<(usize, web_sys::Element)>>| {
        let tied = tied.flatten();
        let (Some(ring), Some(index), Some(lesson)) =
            (ring.get(), state.step.get(), state.lesson_on_card())
        else {
            return None;
        };
        let ring: web_sys::HtmlElement = ring.unchecked_into();
        // Hidden until tied again (tying shows it in the same task): with no feature to
        // surround it must not stay at the previous step's feature, nor show at (0, 0).
        let _ = ring.style().set_property("visibility", "hidden");
        let anchor = steps(&lesson.how)
            .nth(index)
            .and_then(|s| s.anchor.clone())?;
        state.subscribe_to_anchor_moves();
        let element = state.step_element(&anchor)?;
        if tied.is_none_or(|(i, e)| i != index || e != element) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            options.set_behavior(if reduced_motion() {
                web_sys::ScrollBehavior::Instant
            } else {
                web_sys::ScrollBehavior::Smooth
            });
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
        let tie = tether::tie(ring, element.clone(), Follow::Ring);
        on_cleanup(move || tether::untie(tie));
        Some((index, element))
    });
    view! {
        <Show when=move || state.step.get().is_some()>
            <div class="pl-ring" node_ref=ring aria-hidden="true"></div>
        </Show>
    }
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}
