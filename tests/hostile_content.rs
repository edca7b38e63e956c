//! Hostile content through the authoring compiler: every payload of
//! `tests/fixtures/hostile/payloads.json` is written into lessons (front matter, the three
//! layers, link targets, image URLs, JSON lessons) and compiled with
//! `pathlight::compiler::compile`. Each test names the failure it would catch.
//!
//! What is expected is decided two ways, so a payload cannot slip through a gap of one:
//! by the payload's category in the fixture (markup must be a lint error in a body, script
//! URLs must be refused), and by an independent reading of the Markdown (pulldown-cmark's
//! own events, and the scheme a browser would read per the WHATWG URL parser, written
//! again here rather than taken from `url_safety`).
#![cfg(not(target_arch = "wasm32"))]

use pathlight::compiler::{compile, Diagnostic};
use pathlight::model::content::{Block, Inline};
use pathlight::model::pack::Pack;
use pathlight::model::url_safety::{self, UrlUse};
use pulldown_cmark::{Event, Options, Parser, Tag};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const FIXTURE: &str = include_str!("fixtures/hostile/payloads.json");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Category {
    Html,
    ScriptUrl,
    EdgeUrl,
    Text,
    Long,
}

#[derive(Debug)]
struct Payload {
    index: usize,
    category: Category,
    text: String,
}

impl Payload {
    /// Short and printable, for failure messages.
    fn label(&self) -> String {
        let shown: String = self.text.chars().take(70).collect();
        let more = if self.text.chars().count() > 70 {
            "…"
        } else {
            ""
        };
        format!(
            "#{} {:?} {:?}{more} ({} chars)",
            self.index,
            self.category,
            shown,
            self.text.chars().count()
        )
    }

    /// Markup a browser's HTML parser would turn into an element, comment or processing
    /// instruction: `<` followed by a letter, `/`, `!` or `?`.
    fn is_markup(&self) -> bool {
        self.category == Category::Html
            || (self.category == Category::Long && looks_like_markup(&self.text))
    }
}

fn looks_like_markup(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?')))
}

fn payloads() -> &'static [Payload] {
    static PAYLOADS: OnceLock<Vec<Payload>> = OnceLock::new();
    PAYLOADS.get_or_init(|| {
        let fixture: Value = serde_json::from_str(FIXTURE).expect("payloads.json is JSON");
        let mut out = Vec::new();
        let mut push = |category, text: String| {
            let index = out.len();
            out.push(Payload {
                index,
                category,
                text,
            })
        };
        for (key, category) in [
            ("html", Category::Html),
            ("script_urls", Category::ScriptUrl),
            ("edge_urls", Category::EdgeUrl),
            ("text", Category::Text),
        ] {
            for p in fixture[key].as_array().expect(key) {
                push(category, p.as_str().expect("a string payload").to_string());
            }
        }
        for long in fixture["long"].as_array().expect("long") {
            let unit = long["unit"].as_str().expect("unit");
            let times = long["times"].as_u64().expect("times") as usize;
            push(Category::Long, unit.repeat(times));
        }
        out
    })
}

// ---------------------------------------------------------------------------------------
// An independent reading of URLs, as a browser's URL parser does it (WHATWG URL Standard:
// strip leading and trailing C0 controls and spaces, remove ASCII tab and newline
// anywhere, then read `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"` as the scheme).

fn browser_scheme(url: &str) -> Option<String> {
    let is_c0_or_space = |c: char| (c as u32) <= 0x20;
    let stripped: String = url
        .trim_matches(is_c0_or_space)
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let mut chars = stripped.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let mut scheme = first.to_ascii_lowercase().to_string();
    for c in chars {
        match c {
            ':' => return Some(scheme),
            c if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.') => {
                scheme.push(c.to_ascii_lowercase())
            }
            _ => return None,
        }
    }
    None
}

/// Whether a browser reading `url` would land on a scheme we allow for this use. An image at
/// a network path (`//host/x`, backslashes read as slashes) takes the page's scheme, which
/// may be http, so images must not have one.
fn browser_allows(url: &str, usage: UrlUse) -> bool {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let network_path = trimmed
        .chars()
        .take(2)
        .filter(|c| *c == '/' || *c == '\\')
        .count()
        == 2;
    match (browser_scheme(url).as_deref(), usage) {
        (None, UrlUse::Image) => !network_path,
        (None, _) => true,
        (Some("http" | "https" | "mailto"), UrlUse::Link) => true,
        (Some("https"), UrlUse::Image) => true,
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------
// Writing lessons.

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Markdown link destination holding `s` as written, entities and all: only what would
/// end the destination is encoded.
fn md_destination(s: &str) -> String {
    let mut out = String::from("<");
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Title,
    Objective,
    WhyParagraph,
    WhatQuote,
    HowStep,
    LinkText,
    LinkTarget,
    ReferenceTarget,
    Autolink,
    ImageSource,
    JsonLinkTarget,
    JsonImageSource,
    /// A clip's video (its captions take the same URL): `![a clip](<payload>//a.webm)`.
    ClipSource,
    /// A JSON clip whose video, captions and poster are the payload.
    JsonClipSource,
}

const PLACES: [Place; 14] = [
    Place::Title,
    Place::Objective,
    Place::WhyParagraph,
    Place::WhatQuote,
    Place::HowStep,
    Place::LinkText,
    Place::LinkTarget,
    Place::ReferenceTarget,
    Place::Autolink,
    Place::ImageSource,
    Place::JsonLinkTarget,
    Place::JsonImageSource,
    Place::ClipSource,
    Place::JsonClipSource,
];

impl Place {
    fn is_json(self) -> bool {
        matches!(
            self,
            Place::JsonLinkTarget | Place::JsonImageSource | Place::JsonClipSource
        )
    }

    /// Where the payload sits in running Markdown text, where raw HTML is an error.
    fn is_body_text(self) -> bool {
        matches!(
            self,
            Place::WhyParagraph | Place::WhatQuote | Place::HowStep | Place::LinkText
        )
    }

    fn is_url(self) -> Option<UrlUse> {
        match self {
            Place::LinkTarget
            | Place::ReferenceTarget
            | Place::Autolink
            | Place::JsonLinkTarget => Some(UrlUse::Link),
            Place::ImageSource
            | Place::JsonImageSource
            | Place::ClipSource
            | Place::JsonClipSource => Some(UrlUse::Image),
            _ => None,
        }
    }
}

struct Lesson {
    file_name: String,
    text: String,
    /// The Markdown body, for the independent reading; empty for JSON lessons.
    body: String,
}

fn lesson(p: &Payload, place: Place) -> Lesson {
    let file_name = format!(
        "{:03}-{:?}.{}",
        p.index,
        place,
        if place.is_json() { "json" } else { "md" }
    );
    if place.is_json() {
        let url = json!({ "link": { "href": p.text, "children": [{ "text": "click" }] } });
        let image = json!({ "image": { "src": p.text, "alt": "picture" } });
        let clip = json!({ "clip": { "src": p.text, "captions": p.text, "poster": p.text, "alt": "a clip" } });
        let inline = match place {
            Place::JsonLinkTarget => url,
            Place::JsonClipSource => clip,
            _ => image,
        };
        let lesson = json!({
            "id": "h", "title": "Safe title", "objective": "Safe objective.", "minutes": 1,
            "why": [{ "p": [{ "text": "Why." }] }],
            "what": [{ "p": [{ "text": "See " }, inline] }],
            "how": [{ "p": [{ "text": "How." }] }],
        });
        return Lesson {
            file_name,
            text: serde_json::to_string_pretty(&lesson).unwrap(),
            body: String::new(),
        };
    }
    let s = &p.text;
    let (mut title, mut objective) = ("Safe title".to_string(), "Safe objective.".to_string());
    let (mut why, mut what, mut how) = (
        "Why.".to_string(),
        "What.".to_string(),
        "1. Do it.".to_string(),
    );
    match place {
        Place::Title => title = s.clone(),
        Place::Objective => objective = s.clone(),
        Place::WhyParagraph => why = s.clone(),
        Place::WhatQuote => what = format!("> {s}"),
        Place::HowStep => how = format!("1. {s}"),
        Place::LinkText => what = format!("See [{s}](https://example.com/ok)."),
        Place::LinkTarget => what = format!("See [click]({}).", md_destination(s)),
        Place::ReferenceTarget => what = format!("See [click][r].\n\n[r]: {}", md_destination(s)),
        Place::Autolink => what = format!("See <{s}>."),
        Place::ImageSource => what = format!("See ![picture]({}).", md_destination(s)),
        // The suffix makes it a clip; it changes no scheme a browser would read.
        Place::ClipSource => {
            what = format!(
                "See ![a clip]({}).",
                md_destination(&format!("{s}//a.webm"))
            )
        }
        Place::JsonLinkTarget | Place::JsonImageSource | Place::JsonClipSource => {
            unreachable!()
        }
    }
    let body = format!("## Why\n{why}\n\n## What\n{what}\n\n## How\n{how}\n");
    let text = format!(
        "+++\nid = \"h\"\ntitle = {}\nobjective = {}\nminutes = 1\n+++\n{body}",
        toml_string(&title),
        toml_string(&objective)
    );
    Lesson {
        file_name,
        text,
        body,
    }
}

/// What pulldown-cmark itself sees in a body: raw HTML, and the link and image targets.
struct Reading {
    html: bool,
    urls: Vec<(String, UrlUse)>,
}

fn read_body(body: &str) -> Reading {
    let mut reading = Reading {
        html: false,
        urls: vec![],
    };
    for event in Parser::new_ext(body, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Html(_) | Event::InlineHtml(_) => reading.html = true,
            Event::Start(Tag::Link { dest_url, .. }) => {
                reading.urls.push((dest_url.to_string(), UrlUse::Link))
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                reading.urls.push((dest_url.to_string(), UrlUse::Image))
            }
            _ => {}
        }
    }
    reading
}

// ---------------------------------------------------------------------------------------
// Compiling every lesson once, shared by the tests.

struct Outcome {
    payload: usize,
    place: Place,
    body: String,
    pack: Option<Pack>,
    diags: Vec<Diagnostic>,
}

impl Outcome {
    fn has(&self, needle: &str) -> bool {
        self.diags.iter().any(|d| d.message.contains(needle))
    }

    fn describe(&self) -> String {
        let diags: Vec<String> = self
            .diags
            .iter()
            .map(|d| d.message.chars().take(140).collect())
            .collect();
        format!(
            "{} in {:?}: {}",
            payloads()[self.payload].label(),
            self.place,
            if diags.is_empty() {
                "no diagnostic".to_string()
            } else {
                format!("{diags:?}")
            }
        )
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pathlight-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn outcomes() -> &'static [Outcome] {
    static OUTCOMES: OnceLock<Vec<Outcome>> = OnceLock::new();
    OUTCOMES.get_or_init(|| {
        let dir = scratch("each");
        let mut out = Vec::new();
        for p in payloads() {
            for place in PLACES {
                let lesson = lesson(p, place);
                let path = dir.join(&lesson.file_name);
                std::fs::write(&path, &lesson.text).unwrap();
                let (pack, diags) =
                    compile(&path).unwrap_or_else(|d| panic!("{path:?} is a file: {d}"));
                out.push(Outcome {
                    payload: p.index,
                    place,
                    body: lesson.body,
                    pack,
                    diags,
                });
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
        out
    })
}

/// Fails with every problem listed, not only the first.
fn report(what: &str, failures: Vec<String>) {
    if failures.is_empty() {
        return;
    }
    let shown: Vec<&String> = failures.iter().take(60).collect();
    panic!(
        "{} {what}:\n  {}{}",
        failures.len(),
        shown
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  "),
        if failures.len() > shown.len() {
            format!("\n  … and {} more", failures.len() - shown.len())
        } else {
            String::new()
        }
    );
}

fn urls_in_blocks(blocks: &[Block], out: &mut Vec<(String, UrlUse)>) {
    for block in blocks {
        match block {
            Block::P(i) | Block::H(i) => urls_in_inlines(i, out),
            Block::Ul(items) | Block::Ol(items) => {
                items.iter().for_each(|b| urls_in_blocks(b, out))
            }
            Block::Quote(b) => urls_in_blocks(b, out),
            Block::Steps(steps) => steps.iter().for_each(|s| urls_in_blocks(&s.content, out)),
            Block::Code(_) => {}
        }
    }
}

fn urls_in_inlines(inlines: &[Inline], out: &mut Vec<(String, UrlUse)>) {
    for inline in inlines {
        match inline {
            Inline::Link { href, children } => {
                out.push((href.clone(), UrlUse::Link));
                urls_in_inlines(children, out);
            }
            Inline::Image { src, .. } => out.push((src.clone(), UrlUse::Image)),
            Inline::Clip(clip) => {
                let poster = clip.poster.iter();
                for url in [&clip.src, &clip.captions].into_iter().chain(poster) {
                    out.push((url.clone(), UrlUse::Image));
                }
            }
            Inline::Em(c) | Inline::Strong(c) => urls_in_inlines(c, out),
            Inline::Text(_) | Inline::Code(_) | Inline::Break => {}
        }
    }
}

fn pack_urls(pack: &Pack) -> Vec<(String, UrlUse)> {
    let mut out = vec![];
    for lesson in &pack.lessons {
        for layer in [&lesson.why, &lesson.what, &lesson.how] {
            urls_in_blocks(layer, &mut out);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------

#[test]
fn the_fixture_holds_at_least_100_hostile_payloads_in_every_category() {
    // Catches: a fixture edit that quietly drops payloads or a whole category.
    let all = payloads();
    let count = |c| all.iter().filter(|p| p.category == c).count();
    let counts = [
        ("html", count(Category::Html)),
        ("script_urls", count(Category::ScriptUrl)),
        ("edge_urls", count(Category::EdgeUrl)),
        ("text", count(Category::Text)),
        ("long", count(Category::Long)),
    ];
    println!(
        "hostile payloads: {} in all {counts:?}; {} lessons generated (one per payload and place)",
        all.len(),
        all.len() * PLACES.len()
    );
    assert!(all.len() >= 100, "{counts:?}");
    assert!(counts.iter().all(|(_, n)| *n > 0), "{counts:?}");
    assert!(
        all.iter().any(|p| p.text.chars().count() >= 100_000),
        "no very long payload"
    );
}

#[test]
fn the_fixture_script_urls_really_are_script_urls_once_markdown_decodes_them() {
    // Catches: a broken fixture or destination encoding that would make the URL tests
    // below pass vacuously (a "script URL" the browser would read as relative).
    let mut failures = vec![];
    for p in payloads()
        .iter()
        .filter(|p| p.category == Category::ScriptUrl)
    {
        let reading = read_body(&format!("[x]({})", md_destination(&p.text)));
        match reading.urls.as_slice() {
            [(url, _)] if !browser_allows(url, UrlUse::Link) => {}
            other => failures.push(format!("{} reads as {other:?}", p.label())),
        }
    }
    report("script URLs a browser would not run", failures);
}

#[test]
fn markup_anywhere_in_a_lesson_body_is_a_raw_html_lint_error() {
    // Catches: HTML the linter lets through, which learners would see as literal tags
    // (the docs promise "Raw HTML is an error"), including markup that CommonMark does not
    // call HTML but a browser would (`<svg/onload=…>`, an unclosed `<img …`).
    let mut failures = vec![];
    for p in payloads().iter().filter(|p| p.is_markup()) {
        let missed: Vec<Place> = outcomes()
            .iter()
            .filter(|o| o.payload == p.index && o.place.is_body_text() && !o.has("raw HTML"))
            .map(|o| o.place)
            .collect();
        if !missed.is_empty() {
            failures.push(format!("{} passed lint in {missed:?}", p.label()));
        }
    }
    report(
        "markup payloads passed lint in a lesson body without a raw-HTML error",
        failures,
    );
}

#[test]
fn whatever_the_markdown_parser_reads_as_html_or_an_unsafe_url_is_a_lint_error() {
    // Catches: the compiler dropping an Html event or an unsafe link/image target without
    // a diagnostic (independent reading: pulldown-cmark's events and the WHATWG scheme).
    let mut failures = vec![];
    for o in outcomes().iter().filter(|o| !o.body.is_empty()) {
        let reading = read_body(&o.body);
        if reading.html && !o.has("raw HTML") {
            failures.push(format!("html: {}", o.describe()));
        }
        for (url, usage) in &reading.urls {
            if !browser_allows(url, *usage) && !o.has("unsafe") {
                failures.push(format!("{usage:?} {url:?}: {}", o.describe()));
            }
        }
    }
    report(
        "lessons with HTML or unsafe URLs (as pulldown-cmark reads them) passed lint",
        failures,
    );
}

#[test]
fn every_script_url_is_refused_as_a_link_a_reference_and_an_image_in_markdown_and_json() {
    // Catches: an obfuscation (tabs, newlines, control characters, case, entities) that
    // gets a javascript:/vbscript:/data: URL past the compiler in one syntax or another.
    let mut failures = vec![];
    for o in outcomes() {
        let p = &payloads()[o.payload];
        let script = p.category == Category::ScriptUrl;
        // JSON decodes no HTML entities and neither does the widget's setAttribute, so
        // `&#106;avascript:` in a JSON lesson is a harmless relative URL: only URLs that
        // are script as they stand must be refused there.
        let url_place = match o.place {
            Place::LinkTarget | Place::ReferenceTarget | Place::ImageSource | Place::ClipSource => {
                true
            }
            Place::JsonLinkTarget => !browser_allows(&p.text, UrlUse::Link),
            Place::JsonImageSource | Place::JsonClipSource => {
                !browser_allows(&p.text, UrlUse::Image)
            }
            _ => false,
        };
        if script && url_place && (!o.has("unsafe") || o.pack.is_some()) {
            failures.push(o.describe());
        }
    }
    report("script URLs were not refused", failures);
}

#[test]
fn json_lessons_refuse_exactly_the_urls_a_browser_would_read_with_a_forbidden_scheme() {
    // Catches: JSON lessons (no Markdown decoding in between) checked less strictly than
    // Markdown, or refusing harmless relative URLs.
    let mut failures = vec![];
    for o in outcomes().iter().filter(|o| o.place.is_json()) {
        let p = &payloads()[o.payload];
        let usage = o.place.is_url().unwrap();
        let forbidden = !browser_allows(&p.text, usage);
        if forbidden && o.pack.is_some() {
            failures.push(format!("kept: {}", o.describe()));
        }
        if !forbidden && o.has("unsafe") {
            failures.push(format!(
                "refused although the browser reads it as allowed: {}",
                o.describe()
            ));
        }
    }
    report(
        "JSON lessons disagree with the browser's reading of a URL",
        failures,
    );
}

#[test]
fn no_compiled_url_has_a_scheme_the_browser_would_run() {
    // Catches: any path through the compiler that writes a URL with a forbidden scheme into
    // the pack, whatever the lint said.
    let mut failures = vec![];
    let mut compiled = 0;
    for o in outcomes() {
        let Some(pack) = &o.pack else { continue };
        compiled += 1;
        for (url, usage) in pack_urls(pack) {
            let ours = url_safety::check(&url, usage);
            if ours.is_err() || !browser_allows(&url, usage) {
                failures.push(format!("{usage:?} {url:?} ({ours:?}): {}", o.describe()));
            }
            // What the widget renders is the checked URL: it must read the same way.
            if let Ok(rendered) = ours {
                if !browser_allows(&rendered, usage) {
                    failures.push(format!("rendered {usage:?} {rendered:?}: {}", o.describe()));
                }
            }
        }
    }
    println!(
        "{compiled} of {} hostile lessons compiled; every URL in them checked",
        outcomes().len()
    );
    assert!(
        compiled > 0,
        "nothing compiled: the test would pass vacuously"
    );
    report("compiled URLs with a forbidden scheme", failures);
}

#[test]
fn titles_and_objectives_are_kept_verbatim_as_text_or_refused() {
    // Catches: front matter being rewritten, truncated or half-parsed (a title that breaks
    // out of its TOML string, `+++` in a title ending the front matter).
    let mut failures = vec![];
    let mut html_titles_accepted = 0;
    for o in outcomes()
        .iter()
        .filter(|o| matches!(o.place, Place::Title | Place::Objective))
    {
        let p = &payloads()[o.payload];
        match &o.pack {
            None if o.diags.is_empty() => {
                failures.push(format!("no pack and no diagnostic: {}", o.describe()))
            }
            None => {}
            Some(pack) => {
                let lesson = &pack.lessons[0];
                let got = if o.place == Place::Title {
                    &lesson.title
                } else {
                    &lesson.objective
                };
                if got != &p.text {
                    failures.push(format!(
                        "changed to {:?}: {}",
                        got.chars().take(60).collect::<String>(),
                        o.describe()
                    ));
                }
                if p.is_markup() {
                    html_titles_accepted += 1;
                }
            }
        }
    }
    println!("markup payloads accepted verbatim in title/objective (shown as text by the widget): {html_titles_accepted}");
    report("titles or objectives not kept verbatim", failures);
}

#[test]
fn the_cli_fails_a_pack_of_hostile_lessons_and_names_every_file() {
    // Catches: the CLI exiting 0 (CI passing) on a pack where only some files are hostile,
    // or stopping at the first bad file.
    let dir = scratch("cli");
    std::fs::write(
        dir.join("pack.toml"),
        "id = \"hostile\"\ntitle = \"Hostile\"\n",
    )
    .unwrap();
    let mut expected = vec![];
    // Only lessons the compiler is known to refuse (pulldown-cmark reads raw HTML or an
    // unsafe URL in them), so this test is about the CLI, not about the lint's coverage.
    let refused = payloads().iter().filter_map(|p| {
        let place = if p.category == Category::Html {
            Place::WhyParagraph
        } else {
            Place::LinkTarget
        };
        let lesson = lesson(p, place);
        let reading = read_body(&lesson.body);
        let bad = reading.html
            || reading
                .urls
                .iter()
                .any(|(u, usage)| !browser_allows(u, *usage));
        bad.then_some(lesson)
    });
    for (n, lesson) in refused.enumerate() {
        let name = format!("l{n:03}.md");
        std::fs::write(
            dir.join(&name),
            lesson
                .text
                .replacen("id = \"h\"", &format!("id = \"l{n:03}\""), 1),
        )
        .unwrap();
        expected.push(name);
    }
    std::fs::write(
        dir.join("clean.md"),
        "+++\nid = \"clean\"\ntitle = \"Clean\"\nobjective = \"O.\"\nminutes = 1\n+++\n## Why\nw\n\n## What\n[ok](https://example.com)\n\n## How\n1. h\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pathlight"))
        .args(["lint", dir.to_str().unwrap()])
        .output()
        .expect("the pathlight binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        stderr.chars().take(2000).collect::<String>()
    );
    let missing: Vec<&String> = expected
        .iter()
        .filter(|name| {
            !stderr.lines().any(|l| {
                l.starts_with("error: ") && l.contains(&format!("{}:", Path::new(name).display()))
            })
        })
        .collect();
    assert!(expected.len() >= 80, "only {} lessons", expected.len());
    assert!(missing.is_empty(), "files with no error: {missing:?}");
    assert!(
        !stderr.contains("clean.md"),
        "the clean lesson was reported"
    );
}
