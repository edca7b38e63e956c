//! A clip in a lesson: a plain `<video>` with its captions as a track, quiet until played.
//!
//! The player itself is a few lines of JavaScript beside this file (`clip.js`): built in
//! Rust, each DOM call and closure was a binding with glue, and the player cost more than
//! twice the 2 KB gzip issue #24 allows it. Here stays what the widget decides: which URLs
//! are safe, and what the host hears.

use super::dom_node::DomNode;
use super::WidgetState;
use crate::model::content::Clip;
use crate::model::layer::Layer;
use crate::web::pack_loader::resolve;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/src/ui/clip.js")]
extern "C" {
    /// Builds the clip's `<video>` in `holder`: see `clip.js`. Returns the function that
    /// stops it.
    #[wasm_bindgen(js_name = mountClip)]
    #[allow(clippy::too_many_arguments)]
    fn mount_clip(
        holder: &Element,
        src: &str,
        captions: &str,
        poster: &str,
        alt: &str,
        width: u16,
        height: u16,
        looping: bool,
        heard: &Closure<dyn FnMut(f64, u8)>,
    ) -> js_sys::Function;
}

/// Who hears of a clip playing in a layer: the widget, for the lesson and layer shown.
pub type Heard = Option<(WidgetState, String, Layer)>;

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
    let poster = clip.poster.as_deref().and_then(resolve).unwrap_or_default();
    // `how`: 0 it started, 1 it reached its end, 2 the learner left it.
    let told = Closure::<dyn FnMut(f64, u8)>::new(move |seconds, how| {
        if let Some((state, lesson, layer)) = &heard {
            state.clip(lesson, *layer, seconds, (how > 0).then_some(how == 1));
        }
    });
    let holder = document().create_element("span").expect("a span");
    let (width, height) = clip.size.unwrap_or_default();
    let stop = mount_clip(
        &holder,
        &src,
        &captions,
        &poster,
        &clip.alt,
        width,
        height,
        clip.looping,
        &told,
    );
    // The card closed or the layer changed: stop, and say how much was watched (through
    // `told`, which lives until then).
    let playing = SendWrapper::new((stop, told));
    on_cleanup(move || {
        let _ = playing.0.call0(&JsValue::NULL);
    });
    DomNode::new(holder).into_any()
}
