//! The root of the widget inside its shadow root.

use super::{BeaconLayer, Launcher, LessonCard, Panel, WidgetState};
use crate::command::Theme;
use leptos::prelude::*;

/// The root of the widget: the launcher and whichever surface is open.
#[component]
pub fn Widget(state: WidgetState) -> impl IntoView {
    let class = match state.theme {
        Theme::Auto => "pl-root",
        Theme::Light => "pl-root pl-light",
        Theme::Dark => "pl-root pl-dark",
    };
    // Syncs with the outside world: the anchors watched follow the lessons that may show.
    Effect::new(move || state.sync_anchors());
    view! {
        <div class=class lang=state.t.lang dir=if state.t.rtl { "rtl" } else { "ltr" }>
            <BeaconLayer state/>
            <Panel state/>
            <LessonCard state/>
            <Launcher state/>
        </div>
    }
}
