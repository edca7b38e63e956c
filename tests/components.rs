//! Component tests in headless Chromium (wasm-bindgen-test). Each test names the bug it pins.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use pathlight::decide::session::{Options, Session};
use pathlight::model::content::{Block, Inline, Step};
use pathlight::model::pack::{Lesson, Pack, FORMAT};
use pathlight::model::progress::Progress;
use pathlight::ui::{Blocks, LayerTabs, Look, WidgetState};
use pathlight::web::Edge;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    el
}

/// Lets effects and the scheduler run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn text(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn lesson() -> Lesson {
    Lesson {
        id: "l".into(),
        title: "Lesson".into(),
        objective: "Do it.".into(),
        minutes: 1,
        anchor: None,
        why: vec![Block::P(vec![text("why text")])],
        what: vec![Block::P(vec![text("what text")])],
        how: vec![Block::Steps(vec![Step {
            content: vec![Block::P(vec![text("step one")])],
            anchor: None,
        }])],
        goals: Default::default(),
        prerequisites: vec![],
        related: vec![],
        when: None,
        complete: None,
        priority: 0,
        locales: Default::default(),
    }
}

#[wasm_bindgen_test]
fn authored_markup_is_shown_as_text_never_parsed() {
    // Pins: content reaching the DOM through innerHTML, which would run `onerror`.
    let el = container();
    let blocks = vec![Block::P(vec![text(
        "<img src=x onerror=\"window.pwned=1\">",
    )])];
    let _mounted = leptos::mount::mount_to(el.clone(), move || view! { <Blocks blocks/> });
    assert!(el.query_selector("img").unwrap().is_none());
    assert!(el.text_content().unwrap().contains("<img src=x"));
}

#[wasm_bindgen_test]
fn script_links_in_a_hand_made_pack_render_as_plain_text() {
    // Pins: trusting that every pack went through the CLI's URL check.
    let el = container();
    let blocks = vec![Block::P(vec![
        Inline::Link {
            href: "java\tscript:alert(1)".into(),
            children: vec![text("bad")],
        },
        Inline::Link {
            href: "https://example.com/docs".into(),
            children: vec![text("good")],
        },
    ])];
    let _mounted = leptos::mount::mount_to(el.clone(), move || view! { <Blocks blocks/> });
    let links = el.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1);
    let a: web_sys::Element = links.get(0).unwrap().unchecked_into();
    assert_eq!(
        a.get_attribute("href").as_deref(),
        Some("https://example.com/docs")
    );
    assert_eq!(
        a.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert!(el.text_content().unwrap().contains("bad"));
}

#[wasm_bindgen_test]
async fn layer_tabs_follow_the_aria_tabs_pattern() {
    // Pins: tabs that only react to clicks, leaving keyboard users on the Why layer.
    let el = container();
    let pack = Pack {
        format: FORMAT,
        id: "p".into(),
        title: "P".into(),
        locale: "en".into(),
        goals: vec![],
        lessons: vec![lesson()],
    };
    let session = Session::new(
        Arc::new(pack),
        Options::default(),
        Progress::default(),
        "/",
        0,
    );
    let look = Look {
        t: pathlight::i18n::strings("en"),
        theme: Default::default(),
    };
    let state = WidgetState::new(session, Edge::open(None), look);
    let _mounted = leptos::mount::mount_to(
        el.clone(),
        move || view! { <LayerTabs state lesson=lesson()/> },
    );
    tick().await;
    let selected = || {
        el.query_selector("[role=tab][aria-selected=true]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    let panel = || {
        el.query_selector("[role=tabpanel]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(selected(), "Why");
    assert_eq!(panel(), "why text");

    let press = |key: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let event =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        el.query_selector("[role=tab][aria-selected=true]")
            .unwrap()
            .unwrap()
            .dispatch_event(&event)
            .unwrap();
    };
    press("ArrowRight");
    tick().await;
    assert_eq!(selected(), "What");
    assert_eq!(panel(), "what text");
    press("End");
    tick().await;
    assert_eq!(selected(), "How");
    assert!(panel().contains("step one"));
    press("ArrowRight");
    tick().await;
    assert_eq!(selected(), "Why", "arrow keys wrap around");
    // Only the selected tab is in the tab order.
    assert_eq!(
        el.query_selector_all("[role=tab][tabindex='0']")
            .unwrap()
            .length(),
        1
    );
}

#[wasm_bindgen_test]
async fn a_clip_is_a_quiet_captioned_video_and_an_unsafe_one_its_alt_text() {
    // Pins: a player that fetched before its layer opened (preload), sized through a style
    // attribute that a strict CSP refuses, or that let a `javascript:` clip through.
    use pathlight::model::content::Clip;
    let el = container();
    let clip = |src: &str, alt: &str| {
        Inline::Clip(Box::new(Clip {
            src: src.into(),
            captions: "https://example.com/clips/send.vtt".into(),
            alt: alt.into(),
            poster: None,
            looping: false,
            size: Some((640, 400)),
        }))
    };
    let blocks = vec![Block::P(vec![
        clip("https://example.com/clips/send.webm", "Sending an invoice"),
        clip("javascript:alert(1)//.webm", "A clip that may not run"),
    ])];
    let shown = RwSignal::new(true);
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! { <Show when=move || shown.get()><Blocks blocks=blocks.clone()/></Show> }
    });
    let videos = el.query_selector_all("video").unwrap();
    assert_eq!(videos.length(), 1, "the unsafe clip is no video");
    let video: web_sys::HtmlElement = videos.get(0).unwrap().unchecked_into();
    for (name, value) in [
        ("src", "https://example.com/clips/send.webm"),
        ("aria-label", "Sending an invoice"),
        ("controls", ""),
        ("playsinline", ""),
        ("preload", "none"),
    ] {
        assert_eq!(video.get_attribute(name).as_deref(), Some(value), "{name}");
    }
    assert_eq!(
        video.style().get_property_value("aspect-ratio").unwrap(),
        "640 / 400"
    );
    let track = video
        .query_selector("track")
        .unwrap()
        .expect("a captions track");
    assert_eq!(track.get_attribute("kind").as_deref(), Some("captions"));
    assert!(track.has_attribute("default"));
    assert!(el
        .text_content()
        .unwrap()
        .contains("A clip that may not run"));
    // The view goes: its video goes with it.
    shown.set(false);
    tick().await;
    assert!(!video.is_connected());
}
