//! Author mode's trigger debugger: every lesson, and why it shows here or not.

use crate::ui::WidgetState;
use leptos::prelude::*;

/// Every lesson of the pack with its verdict, its frequency, its rank and beacon, and each
/// rule of its trigger with whether it holds and what it saw. It follows navigation, page changes, `track`
/// calls and the clock, as the widget's own offer does.
#[component]
pub fn TriggerDebugger(state: WidgetState) -> impl IntoView {
    let explained = Memo::new(move |_| state.explain());
    view! {
        <ul class="pa-lessons" aria-label="Lessons and their triggers">
            {move || {
                explained
                    .get()
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
