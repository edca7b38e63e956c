//! The lesson card.

use super::{Connections, LayerTabs, Surface, WidgetState};
use crate::decide::session::Closing;
use crate::i18n::fill;
use crate::web::tether::{self, Follow};
use leptos::{ev, html, prelude::*};
use wasm_bindgen::JsCast;

/// A dialog showing one lesson: title, objective, time, and its Why/What/How layers.
/// It stands beside its feature when the feature is on screen (a sheet on phones that never
/// covers it), and in the corner otherwise.
#[component]
pub fn LessonCard(state: WidgetState) -> impl IntoView {
    let card = NodeRef::<html::Section>::new();
    // Syncs with the outside world: ties the card to its feature; a new layer or step
    // changes the card's height, so it is placed again.
    Effect::new(move || {
        let (Some(card), Some(lesson)) = (card.get(), state.lesson_on_card()) else {
            return;
        };
        state.subscribe_to_anchor_moves();
        state.layer.track();
        state.step.track();
        let Some(element) = lesson.anchor.as_ref().and_then(|a| state.step_element(a)) else {
            return;
        };
        let tie = tether::tie(card.unchecked_into(), element, Follow::Card);
        on_cleanup(move || tether::untie(tie));
    });
    let from_panel = move || {
        matches!(
            state.surface.get(),
            Surface::Lesson {
                from_panel: true,
                ..
            }
        )
    };
    let on_key = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.stop_propagation();
            state.close_by(Closing::Escape);
        }
    };
    view! {
        {move || state.lesson_on_card().map(|lesson| view! {
            <section
                class="pl-surface pl-card"
                node_ref=card
                role="dialog"
                aria-labelledby="pl-card-title"
                aria-describedby="pl-card-objective"
                on:keydown=on_key
            >
                <div class="pl-head">
                    <Show when=from_panel>
                        <button class="pl-icon" type="button" aria-label=state.t.back on:click=move |_| state.back()>"‹"</button>
                    </Show>
                    <h2 id="pl-card-title" class="pl-title" lang=state.pack().locale.clone()>{lesson.title.clone()}</h2>
                    <button class="pl-icon" type="button" aria-label=state.t.close_lesson on:click=move |_| state.close_by(Closing::Button)>"×"</button>
                </div>
                <p id="pl-card-objective" class="pl-objective" lang=state.pack().locale.clone()>{lesson.objective.clone()}</p>
                <p class="pl-meta">{fill(state.t.minutes, lesson.minutes)}</p>
                <LayerTabs state lesson=lesson.clone()/>
                <Connections state lesson=lesson.clone()/>
                <div class="pl-actions">
                    <p class="pl-do-it">{state.t.do_it}</p>
                    <button class="pl-button pl-quiet" type="button" on:click={
                        let id = lesson.id.clone();
                        move |_| state.dismiss(&id)
                    }>{state.t.not_now}</button>
                    <button class="pl-button" type="button" on:click={
                        let id = lesson.id.clone();
                        move |_| state.know(&id)
                    }>{state.t.know_this}</button>
                </div>
            </section>
        })}
    }
}
