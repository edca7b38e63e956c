//! Author mode's news from `pathlight dev`: which build is served, and its errors.

use crate::author::dev_status::DevStatus;
use leptos::prelude::*;

/// The dev server's latest build, announced politely, with each error as `pathlight lint`
/// prints it. Nothing without a dev server.
#[component]
pub fn DevNews(dev: RwSignal<Option<DevStatus>>) -> impl IntoView {
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
        </div>
    }
}
