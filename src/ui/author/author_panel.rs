//! Author mode's panel: the trigger debugger, the element picker, the learner simulation,
//! and the dev server's news.

use super::{DevNews, ElementPicker, LearnerSimulation, TriggerDebugger};
use crate::author::dev_status::DevStatus;
use crate::ui::WidgetState;
use crate::web::author::DevLink;
use crate::web::pack_loader;
use leptos::prelude::*;

/// Which part of the panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Triggers,
    Picker,
    Learner,
}

/// A panel beside the widget, for the vendor's staff: why each lesson shows or not, which
/// anchor to write for an element of the page, a learner to preview as, and, when
/// `lessons` is a `pathlight dev`,
/// each new build put in place (an open card shows it on the same layer) or its errors.
#[component]
pub fn AuthorPanel(state: WidgetState, lessons: String, locale: String) -> impl IntoView {
    let part = RwSignal::new(Part::Triggers);
    let dev = RwSignal::new(None::<DevStatus>);
    follow_dev_server(state, dev, lessons, locale);
    let tab = move |which: Part, label: &'static str| {
        view! {
            <button
                class="pa-tab"
                type="button"
                aria-pressed=move || (part.get() == which).to_string()
                on:click=move |_| part.set(which)
            >
                {label}
            </button>
        }
    };
    view! {
        <section class="pa-panel" role="region" aria-labelledby="pa-title">
            <header class="pa-head">
                <h2 id="pa-title" class="pa-title">"Pathlight author mode"</h2>
                {tab(Part::Triggers, "Triggers")}
                {tab(Part::Picker, "Pick an element")}
                {tab(Part::Learner, "Learner")}
            </header>
            <DevNews dev/>
            {move || match part.get() {
                Part::Triggers => view! { <TriggerDebugger state/> }.into_any(),
                Part::Picker => view! { <ElementPicker/> }.into_any(),
                Part::Learner => view! { <LearnerSimulation state/> }.into_any(),
            }}
        </section>
    }
}

/// Listens to the `pathlight dev` serving the pack, if it is one: each build it serves is
/// loaded and put in place; `dev` holds its latest status.
fn follow_dev_server(
    state: WidgetState,
    dev: RwSignal<Option<DevStatus>>,
    lessons: String,
    locale: String,
) {
    let link = StoredValue::new_local(None::<DevLink>);
    on_cleanup(move || link.set_value(None));
    leptos::task::spawn_local(async move {
        let url = lessons.clone();
        let on_status = move |status: DevStatus| {
            let before = dev.try_get_untracked().flatten();
            let load = status.build_to_load(before.as_ref());
            dev.try_set(Some(status));
            if let Some(build) = load {
                let (url, locale) = (url.clone(), locale.clone());
                leptos::task::spawn_local(async move {
                    let Ok(pack) = pack_loader::load(&url).await else {
                        return;
                    };
                    // A later build's load, started meanwhile, puts that build in place.
                    let now = dev.try_get_untracked().flatten();
                    if !now.is_some_and(|now| now.outdates(build)) {
                        state.replace_pack(pack.localized(&locale));
                    }
                });
            }
        };
        if let Some(connected) = DevLink::connect(&lessons, on_status).await {
            // The panel may have gone meanwhile: then the link closes here.
            let _ = link.try_set_value(Some(connected));
        }
    });
}
