//! Author mode's element picker: what to write, for each use, for an element of the host
//! page, and this page's features for `pack.toml`.

use crate::author::anchor_proposal::{features_line, Proposal, Use};
use crate::web::author::{copy, page_features, Outline, Picker};
use leptos::prelude::*;

/// Picks elements of the host page, in open shadow roots too, while `picking` (the
/// panel's tab sets it, so one click starts): hovering or focusing outlines them, clicking
/// (or Enter) shows the best anchor, how many elements it matches, and the text of each
/// use (the `anchor`, the `[complete]` click, a trigger's `element`, a How step's marker),
/// each with Copy. Esc leaves. "Copy this page's features" copies every `data-pathlight`
/// name of the page as `pack.toml`'s `features` line.
#[component]
pub fn ElementPicker(picking: RwSignal<bool>) -> impl IntoView {
    let outline = RwSignal::new(None::<Outline>);
    let picked = RwSignal::new(None::<Proposal>);
    let copied = RwSignal::new(None::<&'static str>);
    let picker = StoredValue::new_local(None::<Picker>);
    // The listeners go when picking stops; not from inside one of them, which is running.
    Effect::new(move || {
        if !picking.get() {
            picker.set_value(None);
            outline.set(None);
        } else if picker.with_value(Option::is_none) {
            let started = Picker::start(
                move |at| outline.set(at),
                move |proposal| {
                    copied.set(None);
                    picked.set(Some(proposal));
                },
                move || picking.set(false),
            );
            match started {
                Ok(p) => picker.set_value(Some(p)),
                Err(_) => picking.set(false),
            }
        }
    });
    on_cleanup(move || picker.set_value(None));
    // Each Copy is described by its use's label, so the four are told apart.
    let copy_button = move |what: &'static str,
                            label: String,
                            text: Box<dyn Fn() -> String + Send + Sync>| {
        view! {
            <button class="pa-button pa-copy" type="button" data-copy=what aria-describedby=label on:click=move |_| {
                let text = text();
                leptos::task::spawn_local(async move {
                    if copy(&text).await {
                        copied.try_set(Some(what));
                    }
                });
            }>
                "Copy"
            </button>
        }
    };
    let features = RwSignal::new(String::new());
    view! {
        <div class="pa-picker">
            <Show
                when=move || picking.get()
                fallback=move || view! { <button class="pa-button" type="button" on:click=move |_| picking.set(true)>"Pick another element"</button> }
            >
                <p class="pa-hint" role="status">"Click an element of the page. Esc leaves the picker."</p>
            </Show>
            <Show when=move || picked.get().is_some()>
                <div class="pa-picked">
                    <p class="pa-basis">
                        {move || picked.get().map(|p| format!("From {}; matches {} element{} on this page.", p.basis.words(), p.matches, if p.matches == 1 { "" } else { "s" }))}
                    </p>
                    <ul class="pa-uses">
                        {Use::ALL.into_iter().map(|used| {
                            let name = use_name(used);
                            let text = move || picked.get().and_then(|p| p.text(used));
                            let label_id = format!("pa-use-{name}");
                            view! {
                                <li class="pa-use">
                                    <span class="pa-use-label" id=label_id.clone()>{used.words()}</span>
                                    {move || match text() {
                                        Some(t) => {
                                            let rows = t.lines().count().to_string();
                                            view! {
                                                <textarea class="pa-line" data-use=name readonly rows=rows aria-labelledby=label_id.clone() prop:value=t></textarea>
                                                {copy_button(name, label_id.clone(), Box::new(move || text().unwrap_or_default()))}
                                            }.into_any()
                                        }
                                        None => view! {
                                            <span class="pa-note" data-use=name>"No step marker: Markdown would change this selector. Add data-pathlight to the element."</span>
                                        }.into_any(),
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
            <div class="pa-features">
                <button class="pa-button" type="button" data-copy="features" on:click=move |_| {
                    let line = features_line(page_features().iter().map(String::as_str));
                    features.set(line.clone());
                    leptos::task::spawn_local(async move {
                        if copy(&line).await {
                            copied.try_set(Some("features"));
                        }
                    });
                }>
                    "Copy this page's features"
                </button>
                <Show when=move || !features.get().is_empty()>
                    <textarea class="pa-line" data-use="features" readonly rows="2" aria-label="This page's features, for pack.toml" prop:value=move || features.get()></textarea>
                </Show>
            </div>
            <span class="pa-copied" role="status">{move || copied.get().map(|_| "Copied.")}</span>
            {move || outline.get().map(|o| {
                let style = format!("top:{}px;left:{}px;width:{}px;height:{}px", o.top, o.left, o.width, o.height);
                view! { <div class="pa-outline" style=style></div> }
            })}
        </div>
    }
}

/// The use's name in the page's markup (`data-use`, `data-copy`), for tests and styles.
fn use_name(used: Use) -> &'static str {
    match used {
        Use::Anchor => "anchor",
        Use::Click => "click",
        Use::Trigger => "trigger",
        Use::Step => "step",
    }
}
