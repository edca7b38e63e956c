//! Coaching's line in the panel: "Looks like you're working on **Get paid faster**".

use super::WidgetState;
use leptos::{html, prelude::*};

/// Names the goal coaching guesses for a learner who never picked one, with two answers:
/// Yes (it becomes their chosen goal, and its map appears) and Not this (never guessed
/// again). A polite status line in the panel, never a popup: it interrupts nothing.
#[component]
pub fn GoalGuess(state: WidgetState) -> impl IntoView {
    let t = state.t;
    let (before, after) = t.looks_like.split_once("{}").unwrap_or((t.looks_like, ""));
    // The button pressed goes away with the line: focus moves to the panel's Goals button,
    // where the learner can change their answer.
    let line = NodeRef::<html::Div>::new();
    let answered = move |yes: bool| {
        let panel = line.get_untracked().and_then(|l| l.parent_element());
        state.answer_guess(yes);
        let next = panel.and_then(|p| {
            p.query_selector(".pl-goals-toggle, .pl-icon")
                .ok()
                .flatten()
        });
        if let Some(next) = next {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(next).focus();
        }
    };
    move || {
        state.guessed_goal().map(|title| {
            view! {
                <div class="pl-guess" role="status" aria-label=t.guessed_goal node_ref=line>
                    <p class="pl-guess-text">{before}<strong>{title}</strong>{after}</p>
                    <div class="pl-guess-actions">
                        <button class="pl-button pl-guess-yes" type="button" on:click=move |_| answered(true)>{t.yes}</button>
                        <button class="pl-button pl-guess-no" type="button" on:click=move |_| answered(false)>{t.not_this}</button>
                    </div>
                </div>
            }
        })
    }
}
