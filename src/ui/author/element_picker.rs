//! Author mode's element picker: the anchor to write for an element of the host page.

use crate::author::anchor_proposal::Proposal;
use crate::web::author::{copy, Outline, Picker};
use leptos::prelude::*;

/// Picks elements of the host page, in open shadow roots too: hovering or focusing
/// outlines them, clicking (or Enter) shows the best anchor, how many elements it matches,
/// and the front-matter line to copy. Esc leaves.
#[component]
pub fn ElementPicker() -> impl IntoView {
    let picking = RwSignal::new(false);
    let outline = RwSignal::new(None::<Outline>);
    let picked = RwSignal::new(None::<Proposal>);
    let copied = RwSignal::new(false);
    let picker = StoredValue::new_local(None::<Picker>);
    // The listeners go when picking stops; not from inside one of them, which is running.
    Effect::new(move || {
        if !picking.get() {
            picker.set_value(None);
            outline.set(None);
        }
    });
    on_cleanup(move || picker.set_value(None));
    let start = move |_| {
        let started = Picker::start(
            move |at| outline.set(at),
            move |proposal| {
                copied.set(false);
                picked.set(Some(proposal));
            },
            move || picking.set(false),
        );
        if let Ok(p) = started {
            picker.set_value(Some(p));
            picking.set(true);
        }
    };
    let line = move || picked.get().map(|p| p.front_matter()).unwrap_or_default();
    view! {
        <div class="pa-picker">
            <Show
                when=move || picking.get()
                fallback=move || view! { <button class="pa-button" type="button" on:click=start>"Pick an element"</button> }
            >
                <p class="pa-hint" role="status">"Click an element of the page. Esc leaves the picker."</p>
            </Show>
            <Show when=move || picked.get().is_some()>
                <div class="pa-picked">
                    <p class="pa-basis">
                        {move || picked.get().map(|p| format!("From {}; matches {} element{} on this page.", p.basis.words(), p.matches, if p.matches == 1 { "" } else { "s" }))}
                    </p>
                    <input class="pa-line" readonly aria-label="Front-matter line" prop:value=line/>
                    <button class="pa-button" type="button" on:click=move |_| {
                        let text = line();
                        leptos::task::spawn_local(async move {
                            let done = copy(&text).await;
                            copied.try_set(done);
                        });
                    }>
                        "Copy"
                    </button>
                    <span role="status">{move || if copied.get() { " Copied." } else { "" }}</span>
                </div>
            </Show>
            {move || outline.get().map(|o| {
                let style = format!("top:{}px;left:{}px;width:{}px;height:{}px", o.top, o.left, o.width, o.height);
                view! { <div class="pa-outline" style=style></div> }
            })}
        </div>
    }
}
