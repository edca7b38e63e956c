//! The surfaces a learner opens, and how their code arrives.

use super::{Highlight, LessonCard, Panel, Surface, WidgetState};
use crate::web::{idle, settled};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// Builds the surfaces' view; its code is in the surfaces' chunk.
type Build = fn(WidgetState) -> AnyView;

/// Where the surfaces' code is.
#[derive(Clone, Copy)]
enum Arrival {
    Waiting,
    Fetching,
    Here(Build),
}

/// The panel, the lesson card and Show me's ring. In the learner's release build (feature
/// `split`) their code is a chunk of its own: fetched when the browser is idle after start,
/// or at once when one of them opens, and never twice. A surface opened before the chunk
/// has arrived shows as soon as it does; a chunk that cannot load closes it with one
/// warning, so the learner's next click tries again.
#[component]
pub fn Surfaces(state: WidgetState) -> impl IntoView {
    let arrival = RwSignal::new(Arrival::Waiting);
    let fetch = move || {
        if !matches!(arrival.get_untracked(), Arrival::Waiting) {
            return;
        }
        arrival.set(Arrival::Fetching);
        leptos::task::spawn_local(async move {
            match arrive().await {
                Ok(build) => {
                    arrival.try_set(Arrival::Here(build));
                }
                // The loader has said why in one warning (src/web/loader.js).
                Err(_) => {
                    // `None`: the widget is still there (not destroyed meanwhile).
                    if arrival.try_set(Arrival::Waiting).is_none() {
                        state.close();
                    }
                }
            }
            settled::code_arrived();
        });
    };
    // Syncs with the outside world: a surface that opens needs its code now, and the widget
    // has not caught up with the call that opened it until the code is here.
    Effect::new(move || {
        if state.surface.get() != Surface::Closed
            && !matches!(arrival.get_untracked(), Arrival::Here(_))
        {
            settled::wait_for_code();
            fetch();
        }
    });
    // A widget destroyed while its code is on its way holds no later widget's count.
    on_cleanup(settled::code_arrived);
    leptos::task::spawn_local(async move {
        idle().await;
        if arrival.try_get_untracked().is_some() {
            fetch();
        }
    });
    move || match arrival.get() {
        Arrival::Here(build) => Some(build(state)),
        Arrival::Waiting | Arrival::Fetching => None,
    }
}

fn build(state: WidgetState) -> AnyView {
    view! {
        <Highlight state/>
        <Panel state/>
        <LessonCard state/>
    }
    .into_any()
}

/// The split point: with `split`, wasm-split-cli moves `build` and all that only it uses into
/// the chunk, and calling this fetches the chunk first.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(surfaces, fallible, wasm_split_path = ::leptos::wasm_split)]
fn arrive() -> Result<Build, SplitLoaderError> {
    Ok(build)
}

#[cfg(not(feature = "split"))]
async fn arrive() -> Result<Build, SplitLoaderError> {
    Ok(build)
}
