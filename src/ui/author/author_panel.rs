//! Author mode's panel: the trigger debugger and the element picker.

use super::{ElementPicker, TriggerDebugger};
use crate::ui::WidgetState;
use leptos::prelude::*;

/// Which part of the panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Triggers,
    Picker,
}

/// A panel beside the widget, for the vendor's staff: why each lesson shows or not, and
/// which anchor to write for an element of the page.
#[component]
pub fn AuthorPanel(state: WidgetState) -> impl IntoView {
    let part = RwSignal::new(Part::Triggers);
    let tab = move |which: Part, label: &'static str| {
        view! {
            <button
                class="pa-tab"
                type="button"
                aria-pressed=move || (part.get() == which).to_string()
                on:click=move |_| part.set(which)
            >
                {label}
            </button>
        }
    };
    view! {
        <section class="pa-panel" role="region" aria-labelledby="pa-title">
            <header class="pa-head">
                <h2 id="pa-title" class="pa-title">"Pathlight author mode"</h2>
                {tab(Part::Triggers, "Triggers")}
                {tab(Part::Picker, "Pick an element")}
            </header>
            <Show when=move || part.get() == Part::Triggers fallback=move || view! { <ElementPicker/> }>
                <TriggerDebugger state/>
            </Show>
        </section>
    }
}
