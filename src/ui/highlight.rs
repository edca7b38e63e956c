//! The "Show me" highlight.

use super::WidgetState;
use crate::content::steps;
use crate::web::tether::{self, Follow};
use leptos::{html, prelude::*};
use wasm_bindgen::JsCast;

/// A ring around the current step's feature, scrolled into view (at once when the learner
/// prefers reduced motion). It lets clicks through: the learner does the step themselves.
#[component]
pub fn Highlight(state: WidgetState) -> impl IntoView {
    let ring = NodeRef::<html::Div>::new();
    // Syncs with the outside world: scrolls the host page and ties the ring to the feature.
    Effect::new(move || {
        let (Some(ring), Some(index), Some(lesson)) =
            (ring.get(), state.step.get(), state.open_lesson_data())
        else {
            return;
        };
        let Some(anchor) = steps(&lesson.how).nth(index).and_then(|s| s.anchor.clone()) else {
            let _ = web_sys::HtmlElement::style(&ring).set_property("visibility", "hidden");
            return;
        };
        let Some(element) = state.step_element(&anchor) else {
            return;
        };
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_behavior(if reduced_motion() {
            web_sys::ScrollBehavior::Instant
        } else {
            web_sys::ScrollBehavior::Smooth
        });
        element.scroll_into_view_with_scroll_into_view_options(&options);
        let tie = tether::tie(ring.unchecked_into(), element, Follow::Ring);
        on_cleanup(move || tether::untie(tie));
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
