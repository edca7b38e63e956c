//! Author mode's trigger debugger: every lesson, and why it shows here or not.

use crate::ui::WidgetState;
use leptos::prelude::*;

/// Every lesson of the pack (or those a filter of id or title, and "this page only",
/// leave) with its verdict, its frequency, its rank and beacon, and each
/// rule of its trigger with whether it holds and what it saw. It follows navigation, page changes, `track`
/// calls and the clock, as the widget's own offer does.
#[component]
pub fn TriggerDebugger(state: WidgetState) -> impl IntoView {
    let explained = Memo::new(move |_| state.explain());
    let filter = RwSignal::new(String::new());
    let this_page = RwSignal::new(false);
    let listed = move || {
        let (filter, this_page) = (filter.get(), this_page.get());
        explained
            .get()
            .into_iter()
            .filter(|(id, title, said, _)| said.listed(id, title, &filter, this_page))
            .collect::<Vec<_>>()
    };
    view! {
        <div class="pa-filter">
            <input
                class="pa-input pa-search"
                type="search"
                aria-label="Filter lessons by id or title"
                placeholder="Filter lessons"
                prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev))
            />
            <label class="pa-this-page">
                <input
                    type="checkbox"
                    prop:checked=move || this_page.get()
                    on:change=move |ev| this_page.set(event_target_checked(&ev))
                />
                " This page only"
            </label>
        </div>
        <p class="pa-count" role="status">
            {move || {
                let (shown, all) = (listed().len(), explained.with(Vec::len));
                if shown == all { format!("{all} lessons") } else { format!("{shown} of {all} lessons") }
            }}
        </p>
        <ul class="pa-lessons" aria-label="Lessons and their triggers">
            {move || {
                listed()
                    .into_iter()
                    .map(|(id, title, said, placement)| {
                        let open = id.clone();
                        let done = id.clone();
                        let code = id.clone();
                        let verdict_class = if said.eligible { "pa-verdict pa-eligible" } else { "pa-verdict" };
                        view! {
                            <li class="pa-lesson" data-lesson=id>
                                <div class="pa-lesson-head">
                                    <span class="pa-lesson-title">{title}</span>
                                    <code>{code}</code>
                                    <button class="pa-button" type="button" on:click=move |_| state.open(&open)>
                                        "Open"
                                    </button>
                                    <button class="pa-button" type="button" on:click=move |_| state.know(&done)>
                                        "Mark done"
                                    </button>
                                </div>
                                <p class=verdict_class>{said.verdict}</p>
                                <p class="pa-frequency">{said.frequency}</p>
                                <p class="pa-placement">{placement}</p>
                                <ul class="pa-rules">
                                    {said
                                        .rules
                                        .into_iter()
                                        .map(|rule| {
                                            let class = if rule.holds { "pa-holds" } else { "pa-fails" };
                                            let indent = format!("padding-inline-start: {}ch", rule.depth * 2);
                                            view! { <li class=class style=indent>{rule.text}</li> }
                                        })
                                        .collect_view()}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
