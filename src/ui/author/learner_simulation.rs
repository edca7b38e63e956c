//! Author mode's learner simulation: who the preview is for, and what they have done.

use crate::support::json::Json;
use crate::ui::{GoalPicker, WidgetState};
use leptos::{ev, prelude::*};

/// Sets the preview's role and goals and resets its progress. The preview's progress is kept
/// apart from the learner's own, and the vendor's backend is not written, so nothing here
/// touches real learners' data.
#[component]
pub fn LearnerSimulation(state: WidgetState) -> impl IntoView {
    let role = RwSignal::new(state.role().unwrap_or_default());
    let apply = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let (user, mut traits) = state.user();
        traits.insert("role".into(), Json::from(role.get_untracked().as_str()));
        state.identify(user, traits);
    };
    view! {
        <div class="pa-simulation">
            <p class="pa-hint">"A preview: its progress is kept apart from this learner's own, and your backend is not written."</p>
            <form class="pa-role" on:submit=apply>
                <label>
                    "Role trait "
                    <input class="pa-input" type="text" prop:value=move || role.get() on:input=move |ev| role.set(event_target_value(&ev))/>
                </label>
                <button class="pa-button" type="submit">"Apply"</button>
            </form>
            <GoalPicker state/>
            <button class="pa-button" type="button" on:click=move |_| state.reset()>"Reset my progress"</button>
        </div>
    }
}
