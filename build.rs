//! Builds the stylesheets the wasm embeds: joins each component's CSS (the .css file beside
//! its .rs file) in the order listed here, writes in the sizes the code shares with it, and
//! minifies the result into OUT_DIR.

#[path = "src/support/css_minify.rs"]
mod css_minify;
// Only its constants are read here. The library exports the rest, so the lints that spare
// exported names (clippy's avoid-breaking-exported-api) must spare them here too.
#[allow(dead_code, clippy::wrong_self_convention)]
#[path = "src/decide/placement.rs"]
mod placement;

use std::path::PathBuf;

/// The widget's stylesheets, in cascade order: rules of equal specificity that can meet on one
/// element win by coming later, so the base (theme tokens, focus ring, the frame and controls
/// several components share) is first, each component's overrides come after it, and the
/// surfaces' sheet form on phones is last, as it overrides each surface's own size.
const WIDGET: &[&str] = &[
    "src/ui/widget.css",
    "src/ui/launcher.css",
    "src/ui/panel.css",
    "src/ui/goal_picker.css",
    "src/ui/goal_guess.css",
    "src/ui/learning_map.css",
    "src/ui/connections.css",
    "src/ui/lesson_card.css",
    "src/ui/layer_tabs.css",
    "src/ui/content.css",
    "src/ui/show_me.css",
    "src/ui/highlight.css",
    "src/ui/beacon.css",
    "src/ui/completion_toast.css",
    "src/ui/surfaces.css",
];

/// Author mode's stylesheets, in cascade order: the panel and the controls its tools share
/// first. The author build adopts them after the widget's own.
const AUTHOR: &[&str] = &[
    "src/ui/author/author_panel.css",
    "src/ui/author/trigger_debugger.css",
    "src/ui/author/element_picker.css",
    "src/ui/author/dev_news.css",
    "src/ui/author/learner_simulation.css",
];

/// The sizes the stylesheets share with the code, by the name they are written as.
const SHARED: &[(&str, f64)] = &[
    ("BEACON_SIZE", placement::BEACON_SIZE),
    ("NARROW", placement::NARROW),
    ("SHORT", placement::SHORT),
];

fn main() {
    println!("cargo:rerun-if-changed=src/support/css_minify.rs");
    println!("cargo:rerun-if-changed=src/decide/placement.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut used = [false; SHARED.len()];
    for (files, name) in [(WIDGET, "widget.min.css"), (AUTHOR, "author.min.css")] {
        let css = stylesheet(files, &mut used);
        std::fs::write(out.join(name), css).expect("OUT_DIR is writable");
    }
    // A size written out as a number again would drift from the code unseen.
    for ((name, _), used) in SHARED.iter().zip(used) {
        assert!(
            used,
            "no stylesheet writes {{{{{name}}}}}: drop it from SHARED or use it"
        );
    }
}

/// The files joined in order, with the shared sizes written in (marking in `used` each one
/// written), minified.
fn stylesheet(files: &[&str], used: &mut [bool]) -> String {
    let mut css = String::new();
    for file in files {
        println!("cargo:rerun-if-changed={file}");
        let mut text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        for ((name, size), used) in SHARED.iter().zip(used.iter_mut()) {
            let placeholder = format!("{{{{{name}}}}}");
            *used |= text.contains(&placeholder);
            text = text.replace(&placeholder, &size.to_string());
        }
        if let Some(at) = text.find("{{") {
            let name = text[at..].split("}}").next().unwrap_or_default();
            panic!("{file}: {name}}}}} is no shared size; build.rs lists them in SHARED");
        }
        css += &text;
        css.push('\n');
    }
    css_minify::minify(&css)
}
