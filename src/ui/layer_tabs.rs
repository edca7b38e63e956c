//! The Why / What / How tabs of a lesson card.

use super::content::layer_view;
use super::{ShowMe, WidgetState};
use crate::model::layer::Layer;
use crate::model::pack::Lesson;
use leptos::{ev, html, prelude::*};
use wasm_bindgen::JsCast;

/// A tablist of the three layers with its tabpanel; arrow keys, Home and End move
/// between tabs, as the ARIA tabs pattern describes.
#[component]
pub fn LayerTabs(state: WidgetState, lesson: Lesson) -> impl IntoView {
    let tablist = NodeRef::<html::Div>::new();
    let select = move |layer: Layer, focus: bool| {
        if state.layer.get_untracked() != layer {
            state.view_layer(layer);
        }
        if focus {
            if let Some(tab) = tablist.get().and_then(|l| {
                l.query_selector(&format!("#pl-tab-{}", layer.key()))
                    .ok()
                    .flatten()
            }) {
                let _ = tab.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    };
    // The active tab takes focus when the learner opens the card, so keyboard users land
    // in the lesson; a card that opened by itself leaves focus where the learner works.
    Effect::new(move || {
        if tablist.get().is_some() && !state.opened_by_itself() {
            select(state.layer.get_untracked(), true);
        }
    });
    let on_key = move |ev: ev::KeyboardEvent| {
        let current = state.layer.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => current.step(true),
            "ArrowLeft" | "ArrowUp" => current.step(false),
            "Home" => Layer::Why,
            "End" => Layer::How,
            _ => return,
        };
        ev.prevent_default();
        select(next, true);
    };
    let show_me = lesson.clone();
    let Lesson {
        id, why, what, how, ..
    } = lesson;
    // Clips in a layer tell the host when they play, for this lesson and layer.
    let heard = move |layer| Some((state, id.clone(), layer));
    view! {
        <div class="pl-tabs" role="tablist" aria-label=state.t.layers node_ref=tablist on:keydown=on_key>
            {Layer::ALL.map(|layer| {
                let selected = move || state.layer.get() == layer;
                view! {
                    <button
                        class="pl-tab"
                        type="button"
                        role="tab"
                        id=format!("pl-tab-{}", layer.key())
                        aria-controls="pl-tabpanel"
                        aria-selected=move || selected().to_string()
                        tabindex=move || if selected() { "0" } else { "-1" }
                        on:click=move |_| select(layer, false)
                    >
                        {match layer {
                            Layer::Why => state.t.why,
                            Layer::What => state.t.what,
                            Layer::How => state.t.how,
                        }}
                    </button>
                }
            })}
        </div>
        <div
            class="pl-tabpanel"
            role="tabpanel"
            lang=state.pack().locale.clone()
            id="pl-tabpanel"
            tabindex="0"
            aria-labelledby=move || format!("pl-tab-{}", state.layer.get().key())
        >
            {move || match state.layer.get() {
                Layer::Why => layer_view(why.clone(), &heard(Layer::Why)),
                Layer::What => layer_view(what.clone(), &heard(Layer::What)),
                Layer::How => view! {
                    {layer_view(how.clone(), &heard(Layer::How))}
                    <ShowMe state lesson=show_me.clone()/>
                }
                .into_any(),
            }}
        </div>
    }
}
