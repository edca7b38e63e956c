//! The root of the widget inside its shadow root.

use super::{BeaconLayer, Launcher, LessonCard, Panel, WidgetState};
use leptos::prelude::*;

/// The root of the widget: the launcher and whichever surface is open.
#[component]
pub fn Widget(state: WidgetState) -> impl IntoView {
    let locale = state.pack().locale.clone();
    // Syncs with the outside world: the anchors watched follow the lessons that may show.
    Effect::new(move || state.sync_anchors());
    view! {
        <div class="pl-root" lang=locale>
            <BeaconLayer state/>
            <Panel state/>
            <LessonCard state/>
            <Launcher state/>
        </div>
    }
}
