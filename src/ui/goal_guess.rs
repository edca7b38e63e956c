//! Coaching's line in the panel: "Looks like you're working on **Get paid faster**".

use super::WidgetState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Names the goal coaching guesses for a learner who never picked one, with two answers:
/// Yes (it becomes their chosen goal, and its map appears) and Not this (never guessed
/// again). A polite status line in the panel, never a popup: it interrupts nothing.
#[component]
pub fn GoalGuess(state: WidgetState) -> impl IntoView {
    let t = state.t;
    let (before, after) = t.looks_like.split_once("{}").unwrap_or((t.looks_like, ""));
    // One handler for both answers (each handler is code in every learner's download).
    // The button pressed goes away with the line: focus moves to the panel's Goals button,
    // where the learner can change their answer.
    let answered = move |e: leptos::ev::MouseEvent| {
        let Some(button) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        // A click between the buttons answers nothing.
        let Some(answer) = button.get_attribute("data-answer") else {
            return;
        };
        let panel = button
            .parent_element()
            .and_then(|actions| actions.parent_element())
            .and_then(|line| line.parent_element());
        state.answer_guess(answer == "yes");
        let next = panel.and_then(|p| {
            p.query_selector(".pl-goals-toggle, .pl-icon")
                .ok()
                .flatten()
        });
        if let Some(next) = next {
            let _ = next.unchecked_into::<HtmlElement>().focus();
        }
    };
    move || {
        state.guessed_goal().map(|title| {
            view! {
                <div class="pl-guess" role="status" aria-label=t.guessed_goal>
                    <p class="pl-guess-text">{before}<strong>{title}</strong>{after}</p>
                    <div class="pl-guess-actions" on:click=answered>
                        <button class="pl-button pl-guess-yes" type="button" data-answer="yes">{t.yes}</button>
                        <button class="pl-button pl-guess-no" type="button" data-answer="no">{t.not_this}</button>
                    </div>
                </div>
            }
        })
    }
}
