//! The goal picker.

use super::WidgetState;
use leptos::prelude::*;

/// "What do you want to get done?": the learner picks any number of goals, or none, and the
/// suggestions reorder at once. Offered open the first time the panel opens, never as a
/// popup; reachable from the panel's Goals button afterwards.
#[component]
pub fn GoalPicker(state: WidgetState) -> impl IntoView {
    let t = state.t;
    let role = state.role();
    let mut goals = state.pack().goals.clone();
    // Goals meant for the learner's role first; the others stay available.
    crate::support::order::sort_by_key(&mut goals, |g| {
        !(g.roles.is_empty() || role.as_ref().is_some_and(|r| g.roles.contains(r)))
    });
    let chosen = move |id: &str| state.progress.with(|p| p.goals().iter().any(|g| g == id));
    let toggle = move |id: String| {
        let mut goals: Vec<String> = state.progress.with_untracked(|p| p.goals().to_vec());
        match goals.iter().position(|g| *g == id) {
            Some(i) => {
                goals.remove(i);
            }
            None => goals.push(id),
        }
        state.set_goals(goals);
    };
    view! {
        <fieldset class="pl-goals">
            <legend class="pl-goals-question">{t.goals_question}</legend>
            {goals.into_iter().map(|goal| {
                let id = goal.id.clone();
                let checked = {
                    let id = id.clone();
                    move || chosen(&id)
                };
                view! {
                    <label class="pl-goal">
                        <input type="checkbox" prop:checked=checked on:change=move |_| toggle(id.clone())/>
                        <span class="pl-goal-text">
                            <span class="pl-goal-title">{goal.title.clone()}</span>
                            <span class="pl-goal-description">{goal.description.clone()}</span>
                        </span>
                    </label>
                }
            }).collect_view()}
            <div class="pl-goals-actions">
                <button class="pl-button" type="button" on:click=move |_| state.close_goals()>
                    {move || if state.progress.with(|p| p.goals().is_empty()) { t.skip } else { t.finish }}
                </button>
            </div>
        </fieldset>
    }
}
