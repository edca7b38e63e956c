//! The "Show me" controls of a How layer.

use super::WidgetState;
use crate::i18n::fill;
use crate::model::content::steps;
use crate::model::pack::Lesson;
use leptos::{html, prelude::*};
use wasm_bindgen::JsCast;

/// Walks the How steps one by one; each step's feature is highlighted on the page.
#[component]
pub fn ShowMe(state: WidgetState, lesson: Lesson) -> impl IntoView {
    let t = state.t;
    let count = steps(&lesson.how).count();
    let anchored = steps(&lesson.how).any(|s| s.anchor.is_some());
    let controls = NodeRef::<html::Div>::new();
    // The button that was clicked is replaced as the steps change: keep focus in the card, on
    // the control that moves on, so the keyboard (and Esc) keep working.
    Effect::new(move || {
        let (Some(controls), Some(_)) = (controls.get(), state.step.get()) else {
            return;
        };
        if let Ok(Some(next)) = controls.query_selector(".pl-stepper button:last-child") {
            let _ = next.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
    anchored.then(|| {
        view! {
            <div class="pl-show-me" node_ref=controls>
                {move || match state.step.get() {
                    None => view! {
                        <button class="pl-button pl-primary" type="button" on:click=move |_| state.show_step(Some(0))>
                            {t.show_me}
                        </button>
                    }
                    .into_any(),
                    Some(i) => view! {
                        <div class="pl-stepper" role="group" aria-label=t.show_me>
                            <button class="pl-icon" type="button" aria-label=t.previous_step disabled=i == 0
                                on:click=move |_| state.show_step(Some(i.saturating_sub(1)))>"‹"</button>
                            <span class="pl-step-count" aria-live="polite">{format!("{} / {count}", fill(t.step_of, i + 1))}</span>
                            {if i + 1 < count {
                                view! {
                                    <button class="pl-button pl-primary" type="button" on:click=move |_| state.show_step(Some(i + 1))>
                                        {t.next_step}
                                    </button>
                                }
                                .into_any()
                            } else {
                                view! {
                                    <button class="pl-button" type="button" on:click=move |_| state.show_step(None)>{t.finish}</button>
                                }
                                .into_any()
                            }}
                        </div>
                    }
                    .into_any(),
                }}
            </div>
        }
    })
}
