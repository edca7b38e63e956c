//! The learning map.

use super::{GoalGuess, WidgetState};
use crate::decide::learning_map::learning_map;
use crate::i18n::fill;
use crate::model::progress::LessonState;
use leptos::prelude::*;

/// The way to each chosen goal: every lesson on it in an order the learner can follow, with
/// its state and why it is there, where the learner stands (the right next lesson), what is
/// left in words, and the skill mark earned only by doing. Any lesson opens from here:
/// there is no forced sequence. Before any goal is chosen, coaching's line takes its place
/// when it guesses one.
#[component]
pub fn LearningMap(state: WidgetState) -> impl IntoView {
    let t = state.t;
    let maps = move || {
        let pack = state.pack();
        state.progress.with(|progress| {
            progress
                .goals()
                .iter()
                .filter_map(|goal| {
                    let map = learning_map(&pack, goal, progress)?;
                    let stops: Vec<(String, String, String, LessonState, bool)> = map
                        .stops
                        .iter()
                        .enumerate()
                        .map(|(i, s)| {
                            (
                                s.lesson.id.clone(),
                                s.lesson.title.clone(),
                                t.reasons(s.why.as_slice(), &pack),
                                s.state,
                                map.next == Some(i),
                            )
                        })
                        .collect();
                    let left = t.left_of(map.lessons_left, map.minutes_left);
                    Some((map.goal.title.clone(), stops, left, map.skill_mark))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <GoalGuess state/>
        {move || maps().into_iter().map(|(goal, stops, left, skill)| {
            let done = stops.iter().filter(|s| s.3.is_done()).count();
            let total = stops.len();
            view! {
                <section class="pl-map" aria-label=fill(t.your_path, &goal)>
                    <h3 class="pl-map-title">{fill(t.your_path, &goal)}</h3>
                    <p class="pl-map-meta">
                        <span>{left}</span>
                        {skill.then(|| view! { <span class="pl-skill">{t.skill_earned}</span> })}
                    </p>
                    <progress class="pl-map-bar" max=total.to_string() value=done.to_string() aria-hidden="true"></progress>
                    <ol class="pl-stops">
                        {stops.into_iter().map(|(id, title, why, stop, next)| {
                            let (class, word) = match stop {
                                LessonState::Completed(_) => ("pl-stop pl-done", t.done),
                                LessonState::Known => ("pl-stop pl-known", t.known),
                                _ if next => ("pl-stop pl-next", t.next),
                                _ => ("pl-stop", t.available),
                            };
                            view! {
                                <li class=class aria-current=next.then_some("step")>
                                    <button class="pl-stop-button" type="button" on:click=move |_| state.open(&id)>
                                        <span class="pl-stop-text">
                                            <span class="pl-stop-title">{title}</span>
                                            <span class="pl-stop-why">{why}</span>
                                        </span>
                                        <span class="pl-stop-state">{word}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </section>
            }
        }).collect_view()}
    }
}
