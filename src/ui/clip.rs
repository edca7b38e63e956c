//! A clip in a lesson: a plain `<video>` with its captions as a track, quiet until played.
//!
//! The video is built with a few DOM calls rather than a typed view: the player's whole cost
//! to the widget is then these calls and one event handler (the issue allows 2 KB gzip).

use super::WidgetState;
use crate::model::content::Clip;
use crate::model::layer::Layer;
use crate::web::pack_loader::resolve;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlMediaElement};

/// Who hears of a clip playing in a layer: the widget, for the lesson and layer shown.
pub type Heard = Option<(WidgetState, String, Layer)>;

/// The events the clip's one handler hears.
const EVENTS: [&str; 3] = ["play", "ended", "error"];

/// A clip: the browser's own controls, captions on by default, nothing fetched before the
/// learner plays it (a looping clip plays by itself, muted, unless the learner asked for
/// reduced motion). Leaving it (the card closes, the layer changes, the page hides) stops
/// it. If it cannot load, its alt text and a link to the file take its place.
pub fn clip_view(clip: Clip, heard: Heard) -> AnyView {
    // The pack may not come from our CLI: every URL is checked again; without a safe video
    // and captions, only the alt text shows.
    let (Some(src), Some(captions)) = (resolve(&clip.src), resolve(&clip.captions)) else {
        return clip.alt.into_any();
    };
    let poster = clip.poster.as_deref().and_then(resolve);
    let playing = StoredValue::new_local(None::<Playing>);
    // The card closed or the layer changed: stop, and say how much was watched.
    on_cleanup(move || {
        if let Some(p) = playing.try_update_value(Option::take).flatten() {
            let f = p.on_event.as_ref().unchecked_ref();
            let _ = document().remove_event_listener_with_callback("visibilitychange", f);
            let _ = p.video.pause();
            if p.started.replace(false) {
                tell(&p.heard, &p.video, Some(false));
            }
        }
    });
    let parts = Rc::new(Parts {
        clip,
        src,
        captions,
        poster,
        playing,
        heard,
    });
    view! { <span class="pl-clip" use:mount=parts></span> }.into_any()
}

/// Tells the host, through `heard`, that a clip started (`None`) or stopped (whether at
/// its end).
fn tell(heard: &Heard, v: &HtmlMediaElement, finished: Option<bool>) {
    if let Some((state, lesson, layer)) = heard {
        let seconds = finished.map_or_else(|| v.current_time(), |_| watched(v));
        state.clip(lesson, *layer, seconds, finished);
    }
}

/// What a clip's element is built from, once it exists.
struct Parts {
    clip: Clip,
    src: String,
    captions: String,
    poster: Option<String>,
    playing: StoredValue<Option<Playing>, LocalStorage>,
    heard: Heard,
}

/// A clip on the page: its video, its one event handler, and whether it plays.
struct Playing {
    video: HtmlMediaElement,
    on_event: Closure<dyn FnMut(web_sys::Event)>,
    started: Rc<Cell<bool>>,
    heard: Heard,
}

/// Builds the clip inside its `holder` as it is created.
fn mount(holder: Element, parts: Rc<Parts>) {
    let Parts {
        clip,
        src,
        captions,
        poster,
        playing,
        heard,
    } = &*parts;
    let v = player(clip, src, captions, poster.as_deref());
    let _ = holder.append_child(&v);
    let started = Rc::new(Cell::new(false));
    let on_event = Closure::<dyn FnMut(web_sys::Event)>::new({
        let (v, started, heard) = (v.clone(), started.clone(), heard.clone());
        let (alt, src) = (clip.alt.clone(), src.clone());
        move |e: web_sys::Event| match e.type_().as_str() {
            "play" if !started.replace(true) => tell(&heard, &v, None),
            "ended" if started.replace(false) => tell(&heard, &v, Some(true)),
            "error" => failed(&holder, &alt, &src),
            // A hidden page stops the clip; the learner plays it again on return.
            "visibilitychange" if document().hidden() => {
                let _ = v.pause();
            }
            _ => {}
        }
    });
    let f = on_event.as_ref().unchecked_ref();
    for name in EVENTS {
        let _ = v.add_event_listener_with_callback(name, f);
    }
    let _ = document().add_event_listener_with_callback("visibilitychange", f);
    playing.set_value(Some(Playing {
        video: v,
        on_event,
        started,
        heard: heard.clone(),
    }));
}

/// The `<video>` with its captions track; its URLs are checked already.
fn player(clip: &Clip, src: &str, captions: &str, poster: Option<&str>) -> HtmlMediaElement {
    let v: HtmlMediaElement = element("video").unchecked_into();
    let mut attributes = vec![
        ("src", src),
        ("aria-label", clip.alt.as_str()),
        ("controls", ""),
        ("playsinline", ""),
        ("preload", "none"),
    ];
    if let Some(poster) = poster {
        attributes.push(("poster", poster));
    }
    // Captions from another origin load only with CORS, and then the video must ask too.
    if captions.starts_with("http") {
        attributes.push(("crossorigin", "anonymous"));
    }
    let ratio;
    if let Some((w, h)) = clip.size {
        ratio = format!("aspect-ratio:{w}/{h}");
        attributes.push(("style", &ratio));
    }
    if clip.looping {
        attributes.push(("loop", ""));
        v.set_muted(true);
        v.set_autoplay(!reduced_motion());
    }
    set(&v, &attributes);
    let track = element("track");
    set(
        &track,
        &[("kind", "captions"), ("default", ""), ("src", captions)],
    );
    let _ = v.append_child(&track);
    v
}

/// In place of a clip that cannot load: its alt text and a link to the file, as text.
fn failed(holder: &Element, alt: &str, src: &str) {
    let box_ = element("span");
    let _ = box_.set_attribute("class", "pl-clip-failed");
    box_.set_text_content(Some(alt));
    let _ = box_.append_with_str_1(" ");
    let link = element("a");
    set(
        &link,
        &[
            ("href", src),
            ("target", "_blank"),
            ("rel", "noopener noreferrer"),
        ],
    );
    let file = src.rsplit('/').next().unwrap_or(src);
    link.set_text_content(Some(file.split(['?', '#']).next().unwrap_or(file)));
    let _ = box_.append_child(&link);
    let _ = holder.replace_children_with_node_1(&box_);
}

fn element(tag: &str) -> Element {
    document().create_element(tag).expect("a known tag")
}

fn set(element: &Element, attributes: &[(&str, &str)]) {
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
}

/// The seconds of the clip played, however the learner skipped about.
fn watched(v: &HtmlMediaElement) -> f64 {
    let played = v.played();
    (0..played.length())
        .map(|i| played.end(i).unwrap_or(0.0) - played.start(i).unwrap_or(0.0))
        .sum()
}

fn reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
