//! The feature on the page that a lesson, a How step or an `element` rule points at.
//!
//! The content tree, the triggers and the pack all name features, so the one type lives
//! here, below the three of them, and none of them has to reach into another for it.

use crate::support::json::{FromJson, Json, Mismatch, ToJson};

/// The feature on the page a lesson or step is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// The value of a `data-pathlight` attribute: stable across redesigns, so recommended.
    Feature(String),
    /// A CSS selector, for hosts that cannot add attributes.
    Selector(String),
}

impl Anchor {
    /// The CSS selector that finds this anchor.
    pub fn css(&self) -> String {
        match self {
            Anchor::Feature(name) => format!("[data-pathlight=\"{}\"]", css_string(name)),
            Anchor::Selector(s) => s.clone(),
        }
    }
}

/// `s` inside a CSS string in double quotes.
pub(crate) fn css_string(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

impl FromJson for Anchor {
    fn from_json(value: &Json) -> Result<Anchor, Mismatch> {
        match value.variant()? {
            ("feature", v) => Ok(Anchor::Feature(v.payload("feature")?)),
            ("selector", v) => Ok(Anchor::Selector(v.payload("selector")?)),
            (tag, _) => Err(Mismatch::unknown("anchor", tag, &["feature", "selector"])),
        }
    }
}

impl ToJson for Anchor {
    fn to_json(&self) -> Json {
        match self {
            Anchor::Feature(name) => Json::tagged("feature", name.to_json()),
            Anchor::Selector(css) => Json::tagged("selector", css.to_json()),
        }
    }
}
