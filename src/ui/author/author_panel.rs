//! Author mode's panel: the trigger debugger, the element picker, the learner simulation,
//! and the dev server's news, in a corner the author chooses, collapsible to a bar.

use super::{DevNews, ElementPicker, LearnerSimulation, TriggerDebugger};
use crate::author::dev_status::DevStatus;
use crate::decide::session::keys::author_panel_key;
use crate::ui::WidgetState;
use crate::web::author::{recall, remember, DevLink};
use crate::web::pack_loader;
use leptos::prelude::*;

/// Which part of the panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Triggers,
    Picker,
    Learner,
}

/// The corners the panel can sit in, in the order "Move" goes round them: the class that
/// places it, and its name for the button's label.
const CORNERS: [(&str, &str); 4] = [
    ("pa-bottom-left", "bottom left"),
    ("pa-bottom-right", "bottom right"),
    ("pa-top-right", "top right"),
    ("pa-top-left", "top left"),
];

/// A panel beside the widget, for the vendor's staff: why each lesson shows or not, what
/// to write for an element of the page, a learner to preview as, and, when `lessons` is a
/// `pathlight dev` (asked wherever it is when the author `named` it), each new build put in
/// place (an open card shows it on the same layer) or its errors. It stays where the author
/// left it, collapsed or not, across reloads.
#[component]
pub fn AuthorPanel(
    state: WidgetState,
    lessons: String,
    named: bool,
    locale: String,
) -> impl IntoView {
    let part = RwSignal::new(Part::Triggers);
    let picking = RwSignal::new(false);
    let dev = RwSignal::new(None::<DevStatus>);
    let unlinked = RwSignal::new(false);
    follow_dev_server(state, dev, unlinked, lessons, named, locale);
    // Kept as "<corner> <open|collapsed>".
    let kept = recall(&author_panel_key()).unwrap_or_default();
    let corner = RwSignal::new(
        CORNERS
            .iter()
            .position(|c| kept.starts_with(c.0))
            .unwrap_or(0),
    );
    let collapsed = RwSignal::new(kept.ends_with(" collapsed"));
    Effect::new(move || {
        let open = if collapsed.get() { "collapsed" } else { "open" };
        remember(
            &author_panel_key(),
            &format!("{} {open}", CORNERS[corner.get()].0),
        );
    });
    let tab = move |which: Part, label: &'static str| {
        view! {
            <button
                class="pa-tab"
                type="button"
                aria-pressed=move || (part.get() == which).to_string()
                on:click=move |_| {
                    part.set(which);
                    // One click on "Pick an element" starts picking.
                    picking.set(which == Part::Picker);
                }
            >
                {label}
            </button>
        }
    };
    let next = move || CORNERS[(corner.get() + 1) % CORNERS.len()].1;
    view! {
        <section
            class=move || format!("pa-panel {}", CORNERS[corner.get()].0)
            class:pa-collapsed=move || collapsed.get()
            role="region"
            aria-labelledby="pa-title"
        >
            <header class="pa-head">
                <h2 id="pa-title" class="pa-title">"Pathlight author mode"</h2>
                <button
                    class="pa-button pa-move"
                    type="button"
                    aria-label=move || format!("Move the panel to the {} corner", next())
                    title=move || format!("Move to the {} corner", next())
                    on:click=move |_| corner.update(|c| *c = (*c + 1) % CORNERS.len())
                >
                    "Move"
                </button>
                <button
                    class="pa-button pa-collapse"
                    type="button"
                    aria-expanded=move || (!collapsed.get()).to_string()
                    aria-controls="pa-body"
                    on:click=move |_| {
                        collapsed.update(|c| *c = !*c);
                        picking.set(false);
                    }
                >
                    {move || if collapsed.get() { "Expand" } else { "Collapse" }}
                </button>
            </header>
            <Show when=move || !collapsed.get()>
                <div id="pa-body" class="pa-body">
                    <div class="pa-tabs">
                        {tab(Part::Triggers, "Triggers")}
                        {tab(Part::Picker, "Pick an element")}
                        {tab(Part::Learner, "Learner")}
                    </div>
                    <DevNews dev unlinked/>
                    {move || match part.get() {
                        Part::Triggers => view! { <TriggerDebugger state/> }.into_any(),
                        Part::Picker => view! { <ElementPicker picking/> }.into_any(),
                        Part::Learner => view! { <LearnerSimulation state/> }.into_any(),
                    }}
                </div>
            </Show>
        </section>
    }
}

/// Listens to the `pathlight dev` serving the pack, if it is one: each build it serves is
/// loaded and put in place; `dev` holds its latest status, and `unlinked` says that the
/// pack is not from `pathlight dev`.
fn follow_dev_server(
    state: WidgetState,
    dev: RwSignal<Option<DevStatus>>,
    unlinked: RwSignal<bool>,
    lessons: String,
    named: bool,
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
                    // A later build's load, started meanwhile, puts that build in place;
                    // and once the panel has gone (`dev` with it), the pack on the page is
                    // author mode's switch's to choose.
                    match dev.try_get_untracked() {
                        Some(now) if !now.as_ref().is_some_and(|now| now.outdates(build)) => {
                            state.replace_pack(pack.localized(&locale));
                        }
                        _ => {}
                    }
                });
            }
        };
        match DevLink::connect(&lessons, named, on_status).await {
            // The panel may have gone meanwhile: then the link closes here.
            Some(connected) => {
                let _ = link.try_set_value(Some(connected));
            }
            None => {
                unlinked.try_set(true);
            }
        }
    });
}
