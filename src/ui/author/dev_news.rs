//! Author mode's news from `pathlight dev`: which build is served, and its errors.

use crate::author::dev_status::DevStatus;
use leptos::prelude::*;

/// The dev server's latest build, announced politely, with each error as `pathlight lint`
/// prints it; when the pack is not from `pathlight dev` (`unlinked`), how to preview
/// lessons live.
#[component]
pub fn DevNews(dev: RwSignal<Option<DevStatus>>, unlinked: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="pa-dev" role="status">
            {move || dev.get().map(|s| {
                let served = s.served.map_or("no pack yet".to_string(), |b| format!("serving build {b}"));
                let state = if s.ok { "built" } else { "has errors" };
                view! {
                    <p class="pa-dev-line">{format!("pathlight dev: build {} {state}, {served}", s.build)}</p>
                    <ul class="pa-diagnostics">
                        {s.diagnostics.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                    </ul>
                }
            })}
            <Show when=move || unlinked.get() && dev.get().is_none()>
                <p class="pa-connect">
                    "This page's pack is not served by "<code>"pathlight dev"</code>
                    ", so edits do not show here live. To preview your lessons, run "
                    <code>"npx pathlight dev lessons"</code>" and, in this page's console, "
                    <code>"pathlight('author', { lessons: 'http://127.0.0.1:7878/lessons.json' })"</code>
                    ". A page that is not on this machine needs "<code>"--allow-origin"</code>
                    " with its origin (docs/quickstart-pm.md)."
                </p>
            </Show>
        </div>
    }
}
