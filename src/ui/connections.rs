//! A lesson's connections.

use super::WidgetState;
use crate::model::pack::Lesson;
use crate::model::progress::LessonState;
use leptos::prelude::*;

/// What the lesson builds on (its prerequisites) and leads to (related lessons), each with
/// its state; the learner can go straight to any of them.
#[component]
pub fn Connections(state: WidgetState, lesson: Lesson) -> impl IntoView {
    let t = state.t;
    let pack = state.pack();
    let group = move |label: &'static str, ids: Vec<String>| {
        let lessons: Vec<(String, String)> = ids
            .iter()
            .filter_map(|id| pack.lesson(id))
            .map(|l| (l.id.clone(), l.title.clone()))
            .collect();
        (!lessons.is_empty()).then(|| view! {
            <div class="pl-connection">
                <h3 class="pl-connection-label">{label}</h3>
                <ul class="pl-chips">
                    {lessons.into_iter().map(|(id, title)| {
                        let status = {
                            let id = id.clone();
                            move || match state.progress.with(|p| p.state(&id)) {
                                LessonState::Completed(_) => Some(t.done),
                                LessonState::Known => Some(t.known),
                                _ => None,
                            }
                        };
                        view! {
                            <li>
                                <button class="pl-chip" type="button" on:click=move |_| state.open(&id)>
                                    {title}
                                    {move || status().map(|word| view! { <span class="pl-chip-state">{format!(" · {word}")}</span> })}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        })
    };
    view! {
        <nav class="pl-connections" aria-label=format!("{} / {}", t.builds_on, t.leads_to)>
            {group(t.builds_on, lesson.prerequisites.clone())}
            {group(t.leads_to, lesson.related.clone())}
        </nav>
    }
}
