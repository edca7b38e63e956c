//! A clip in a lesson: a plain `<video>` with its captions as a track, quiet until played.

use super::WidgetState;
use crate::model::content::Clip;
use crate::model::url_safety::{self, UrlUse};
use leptos::{ev, html, prelude::*};
use wasm_bindgen::JsCast;
use web_sys::HtmlMediaElement;

/// A clip: the browser's own controls, captions on by default, nothing fetched before the
/// learner plays it (a looping clip plays by itself, muted, unless the learner asked for
/// reduced motion). Leaving it (the card closes, the layer changes, the page hides) stops
/// it. If it cannot load, its alt text and a link to the file take its place.
#[component]
pub fn ClipView(clip: Clip) -> impl IntoView {
    let check = |url: &str| url_safety::check(url, UrlUse::Image).ok();
    // The pack may not come from our CLI: every URL is checked again; without a safe video
    // and captions, only the alt text shows.
    let (Some(src), Some(captions)) = (check(&clip.src), check(&clip.captions)) else {
        return clip.alt.into_any();
    };
    let poster = clip.poster.as_deref().and_then(check);
    let alt = clip.alt;
    let failed = RwSignal::new(false);
    let video = NodeRef::<html::Video>::new();
    // Whose clip, for the host's events; none in a card-less test.
    let state = use_context::<WidgetState>();
    let heard = state.and_then(|s| Some((s, s.lesson_on_card()?.id, s.layer.get_untracked())));
    let playing = StoredValue::new(false);
    // Started now, and was not playing before.
    let start = move || playing.try_update_value(|p| !std::mem::replace(p, true)) == Some(true);
    let stop = move || playing.try_update_value(|p| std::mem::replace(p, false)) == Some(true);
    let watched = |v: &HtmlMediaElement| {
        let played = v.played();
        (0..played.length())
            .map(|i| played.end(i).unwrap_or(0.0) - played.start(i).unwrap_or(0.0))
            .sum::<f64>()
    };
    let tell = {
        let heard = heard.clone();
        move |seconds: f64, finished: Option<bool>| {
            if let Some((state, lesson, layer)) = &heard {
                state.clip(lesson, *layer, seconds, finished);
            }
        }
    };
    let on_play = {
        let tell = tell.clone();
        move |e: ev::Event| {
            if start() {
                let v: HtmlMediaElement = event_target(&e);
                tell(v.current_time(), None);
            }
        }
    };
    let on_ended = {
        let tell = tell.clone();
        move |e: ev::Event| {
            if stop() {
                tell(watched(&event_target(&e)), Some(true));
            }
        }
    };
    // A hidden page stops the clip; the learner plays it again on return.
    let hidden = window_event_listener_untyped("visibilitychange", move |_| {
        if let (true, Some(v)) = (document().hidden(), video.get_untracked()) {
            let _ = v.unchecked_ref::<HtmlMediaElement>().pause();
        }
    });
    // The card closed or the layer changed: stop, and say how much was watched.
    let element = StoredValue::new_local(None::<HtmlMediaElement>);
    Effect::new(move || {
        if let Some(v) = video.get() {
            element.set_value(Some(v.unchecked_into()));
        }
    });
    on_cleanup(move || {
        hidden.remove();
        if let Some(v) = element.try_update_value(Option::take).flatten() {
            let _ = v.pause();
            if stop() {
                tell(watched(&v), Some(false));
            }
        }
    });
    let moving = clip.looping && !reduced_motion();
    let ratio = clip
        .size
        .map(|(w, h)| format!("{w}/{h}"))
        .unwrap_or_default();
    let file = src.rsplit('/').next().unwrap_or_default().to_owned();
    // Captions from another origin load only with CORS, and then the video must ask too.
    let cors = captions.starts_with("http").then_some("anonymous");
    view! {
        <span class="pl-clip">
            <Show
                when=move || !failed.get()
                fallback={
                    let (src, alt) = (src.clone(), alt.clone());
                    move || view! {
                        <span class="pl-clip-failed">
                            {alt.clone()}" "
                            <a href=src.clone() target="_blank" rel="noopener noreferrer">{file.clone()}</a>
                        </span>
                    }
                }
            >
                <video
                    node_ref=video
                    src=src.clone()
                    poster=poster.clone()
                    aria-label=alt.clone()
                    style:aspect-ratio=ratio.clone()
                    crossorigin=cors
                    controls
                    playsinline
                    preload="none"
                    loop=clip.looping
                    muted=clip.looping
                    prop:muted=clip.looping
                    autoplay=moving
                    on:play=on_play.clone()
                    on:ended=on_ended.clone()
                    on:error=move |_| failed.set(true)
                >
                    <track kind="captions" default src=captions.clone()/>
                </video>
            </Show>
        </span>
    }
    .into_any()
}

fn reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
