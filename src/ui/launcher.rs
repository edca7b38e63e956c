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
            <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
                <path d="M12 3 2 8l10 5 8-4v6h2V8L12 3Zm-6 9.2V16c0 1.7 2.7 3 6 3s6-1.3 6-3v-3.8l-6 3-6-3Z" fill="currentColor"/>
            </svg>
            <span>{state.t.learn}</span>
        </button>
    }
}
