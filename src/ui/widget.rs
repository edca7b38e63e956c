//! The root of the widget inside its shadow root.

use super::{Launcher, LessonCard, Panel, WidgetState};
use leptos::prelude::*;

/// The root of the widget: the launcher and whichever surface is open.
#[component]
pub fn Widget(state: WidgetState) -> impl IntoView {
    let locale = state.pack().locale.clone();
    view! {
        <div class="pl-root" lang=locale>
            <Panel state/>
            <LessonCard state/>
            <Launcher state/>
        </div>
    }
}
