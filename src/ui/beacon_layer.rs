//! The beacon layer.

use super::{Beacon, WidgetState};
use leptos::prelude::*;

/// The beacons of every lesson whose feature is on screen now.
#[component]
pub fn BeaconLayer(state: WidgetState) -> impl IntoView {
    view! {
        <div class="pl-beacons">
            <For each=move || state.beacons() key=|l| l.id.clone() let:lesson>
                <Beacon state lesson/>
            </For>
        </div>
    }
}
