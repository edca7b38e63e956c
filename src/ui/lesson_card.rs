//! The lesson card.

use super::{Connections, LayerTabs, Surface, WidgetState};
use crate::i18n::fill;
use leptos::{ev, prelude::*};

/// A dialog showing one lesson: title, objective, time, and its Why/What/How layers.
#[component]
pub fn LessonCard(state: WidgetState) -> impl IntoView {
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
            state.close();
        }
    };
    view! {
        {move || state.open_lesson_data().map(|lesson| view! {
            <section
                class="pl-surface pl-card"
                role="dialog"
                aria-labelledby="pl-card-title"
                aria-describedby="pl-card-objective"
                on:keydown=on_key
            >
                <header class="pl-head">
                    <Show when=from_panel>
                        <button class="pl-icon" type="button" aria-label=state.t.back on:click=move |_| state.back()>"‹"</button>
                    </Show>
                    <h2 id="pl-card-title" class="pl-title">{lesson.title.clone()}</h2>
                    <button class="pl-icon" type="button" aria-label=state.t.close_lesson on:click=move |_| state.close()>"×"</button>
                </header>
                <p id="pl-card-objective" class="pl-objective">{lesson.objective.clone()}</p>
                <p class="pl-meta">{fill(state.t.minutes, lesson.minutes)}</p>
                <LayerTabs state lesson=lesson.clone()/>
                <Connections state lesson=lesson.clone()/>
                <footer class="pl-actions">
                    <p class="pl-do-it">{state.t.do_it}</p>
                    <button class="pl-button pl-quiet" type="button" on:click={
                        let id = lesson.id.clone();
                        move |_| state.dismiss(&id)
                    }>{state.t.not_now}</button>
                    <button class="pl-button" type="button" on:click={
                        let id = lesson.id.clone();
                        move |_| state.mark_known(&id)
                    }>{state.t.know_this}</button>
                </footer>
            </section>
        })}
    }
}
