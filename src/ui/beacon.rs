//! A beacon.

use super::WidgetState;
use crate::i18n::fill;
use crate::model::pack::Lesson;
use crate::web::tether;
use leptos::{html, prelude::*};

/// A small pulsing marker beside a feature that has a lesson; clicking it opens the lesson.
#[component]
pub fn Beacon(state: WidgetState, lesson: Lesson) -> impl IntoView {
    let button = NodeRef::<html::Button>::new();
    let anchor = lesson.anchor.clone();
    // Syncs with the outside world: ties the beacon to its anchor element while both exist.
    Effect::new(move || {
        let (Some(button), Some(anchor)) = (button.get(), anchor.as_ref()) else {
            return;
        };
        state.subscribe_to_anchor_moves();
        if let Some(element) = state.anchor_element(anchor) {
            let tie = tether::tie(button.into(), element, tether::Follow::Beacon);
            on_cleanup(move || tether::untie(tie));
        }
    });
    let id = lesson.id.clone();
    view! {
        <button
            class="pl-beacon"
            type="button"
            node_ref=button
            aria-label=fill(state.t.beacon, &lesson.title)
            title=lesson.title.clone()
            data-lesson=lesson.id.clone()
            on:click=move |_| state.open(&id)
        >
            <span class="pl-beacon-dot" aria-hidden="true"></span>
        </button>
    }
}
