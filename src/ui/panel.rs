//! The lesson panel.

use super::{GoalPicker, LearningMap, Surface, WidgetState};
use crate::i18n::fill;
use leptos::{ev, html, prelude::*};

/// A non-modal dialog listing the lessons relevant to the current page.
#[component]
pub fn Panel(state: WidgetState) -> impl IntoView {
    let t = state.t;
    let title = fill(t.panel_title, &state.pack().title);
    let panel = NodeRef::<html::Section>::new();
    // Focus moves into the panel when it opens: onto the goal question when it is asked,
    // else onto the first lesson.
    Effect::new(move || {
        if let Some(panel) = panel.get() {
            // In order of preference: a selector list would pick the first in the document.
            let first = [".pl-goal input", ".pl-item", ".pl-icon"]
                .into_iter()
                .find_map(|selector| panel.query_selector(selector).ok().flatten());
            if let Some(first) = first {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(first).focus();
            }
        }
    });
    let on_key = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.stop_propagation();
            state.close();
        }
    };
    view! {
        <Show when=move || state.surface.get() == Surface::Panel>
            <section class="pl-surface pl-panel" role="dialog" aria-labelledby="pl-panel-title" on:keydown=on_key node_ref=panel>
                <div class="pl-head">
                    <h2 id="pl-panel-title" class="pl-title">{title.clone()}</h2>
                    <Show when=move || !state.pack().goals.is_empty()>
                        <button
                            class="pl-button pl-goals-toggle"
                            type="button"
                            aria-expanded=move || state.picking_goals.get().to_string()
                            on:click=move |_| if state.picking_goals.get_untracked() { state.close_goals() } else { state.picking_goals.set(true) }
                        >
                            {t.goals}
                        </button>
                    </Show>
                    <button class="pl-icon" type="button" aria-label=t.close on:click=move |_| state.close()>"×"</button>
                </div>
                <Show when=move || state.picking_goals.get()>
                    <GoalPicker state/>
                </Show>
                <p class="pl-sub">{t.panel_intro}</p>
                <ul class="pl-list">
                    <For each=move || state.suggestions() key=|s| (s.lesson.id.clone(), s.why.clone()) let:suggested>
                        <li>
                            <button class="pl-item" type="button" on:click={
                                let id = suggested.lesson.id.clone();
                                move |_| state.open(&id)
                            }>
                                <span class="pl-item-title">{suggested.lesson.title.clone()}</span>
                                <span class="pl-item-meta">{format!("{} · {}", suggested.lesson.objective, fill(t.minutes, suggested.lesson.minutes))}</span>
                                <span class="pl-item-why">{suggested.why.clone()}</span>
                            </button>
                        </li>
                    </For>
                </ul>
                <Show when=move || state.suggestions().is_empty()>
                    <p class="pl-empty">{t.no_lessons}</p>
                </Show>
                <LearningMap state/>
            </section>
        </Show>
    }
}
