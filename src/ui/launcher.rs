//! The launcher button.

use super::{Surface, WidgetState};
use leptos::prelude::*;

/// The corner button, named "Learn", that opens the lesson panel.
#[component]
pub fn Launcher(state: WidgetState) -> impl IntoView {
    let open = move || state.surface.get() != Surface::Closed;
    view! {
        <button
            class="pl-launcher"
            type="button"
            aria-expanded=move || open().to_string()
            aria-haspopup="dialog"
            on:click=move |_| state.toggle_panel()
        >
            <span class="pl-launcher-icon" aria-hidden="true"></span>
            <span>{state.t.learn}</span>
        </button>
    }
}
