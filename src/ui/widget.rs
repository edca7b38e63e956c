//! The root of the widget inside its shadow root.

use super::{BeaconLayer, CompletionToast, Launcher, Surfaces, WidgetState};
use crate::api::command::Theme;
use leptos::prelude::*;

/// The root of the widget: the launcher and whichever surface is open.
#[component]
pub fn Widget(state: WidgetState) -> impl IntoView {
    let class = match state.theme {
        Theme::Auto => "pl-root",
        Theme::Light => "pl-root pl-light",
        Theme::Dark => "pl-root pl-dark",
    };
    // Effects sync with the outside world: the anchors watched follow the page, and a lesson
    // opens by itself when the host allows it and the moment is right.
    Effect::new(move || state.sync_anchors());
    Effect::new(move || {
        if let Some(id) = state.auto_open() {
            state.open_by_itself(&id);
        }
    });
    if state.needs_clock() {
        let tick = set_interval_with_handle(
            move || state.clock.set(js_sys::Date::now() as u64),
            std::time::Duration::from_secs(1),
        );
        on_cleanup(move || {
            if let Ok(tick) = tick {
                tick.clear();
            }
        });
    }
    view! {
        <div class=class lang=state.t.lang dir=if state.t.rtl { "rtl" } else { "ltr" }>
            <BeaconLayer state/>
            <Surfaces state/>
            <CompletionToast state/>
            <Launcher state/>
        </div>
    }
}
