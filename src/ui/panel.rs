//! The lesson panel.

use super::{Surface, WidgetState};
use crate::i18n::fill;
use leptos::{ev, html, prelude::*};

/// A non-modal dialog listing the lessons relevant to the current page.
#[component]
pub fn Panel(state: WidgetState) -> impl IntoView {
    let t = state.t;
    let title = fill(t.panel_title, &state.pack().title);
    let list = NodeRef::<html::Ul>::new();
    // Focus moves into the panel when it opens, onto its first lesson.
    Effect::new(move || {
        if let Some(list) = list.get() {
            if let Ok(Some(first)) = list.query_selector("button") {
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
            <section class="pl-surface pl-panel" role="dialog" aria-labelledby="pl-panel-title" on:keydown=on_key>
                <header class="pl-head">
                    <h2 id="pl-panel-title" class="pl-title">{title.clone()}</h2>
                    <button class="pl-icon" type="button" aria-label=t.close on:click=move |_| state.close()>"×"</button>
                </header>
                <p class="pl-sub">{t.panel_intro}</p>
                <ul class="pl-list" node_ref=list>
                    <For each=move || state.suggestions() key=|s| s.lesson.id.clone() let:suggested>
                        <li>
                            <button class="pl-item" type="button" on:click={
                                let id = suggested.lesson.id.clone();
                                move |_| state.open_lesson(&id)
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
            </section>
        </Show>
    }
}
