//! The compiled lesson pack: what `pathlight build` writes and the widget loads.

use crate::content::Block;
use crate::trigger::Rule;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The pack format this build reads and writes. A pack of another format is refused whole,
/// with a message that says which build reads it.
pub const FORMAT: u32 = 1;

/// A set of lessons and goals for one product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    pub format: u32,
    pub id: String,
    pub title: String,
    #[serde(default = "default_locale")]
    pub locale: String,
    #[serde(default)]
    pub goals: Vec<Goal>,
    pub lessons: Vec<Lesson>,
}

fn default_locale() -> String {
    "en".into()
}

/// Something a learner wants to get done, served by several lessons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Roles the goal is meant for; empty means everyone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

/// One micro-lesson with a single objective.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    pub id: String,
    pub title: String,
    pub objective: String,
    /// Estimated minutes.
    pub minutes: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
    pub why: Vec<Block>,
    pub what: Vec<Block>,
    pub how: Vec<Block>,
    /// Goal id to weight (1–5): how much this lesson serves the goal.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub goals: BTreeMap<String, u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prerequisites: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// When the lesson is relevant; none means everywhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Rule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complete: Option<Completion>,
    #[serde(default)]
    pub priority: u8,
}

/// The feature on the page a lesson or step is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

fn css_string(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The real action that completes a lesson: doing the thing, not clicking "Next".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Completion {
    /// The learner clicked this feature.
    Click(Anchor),
    /// The host reported this event with `pathlight('track', name)`.
    Event(String),
    /// The learner reached a URL matching this path pattern.
    Url(String),
    /// This feature appeared on the page.
    Appears(Anchor),
}

/// Why a pack could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackError {
    Json(String),
    Format(u32),
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackError::Json(e) => write!(
                f,
                "the lessons file is not a valid pack ({e}). Build it with `pathlight build` and check it with `pathlight lint`."
            ),
            PackError::Format(v) => write!(
                f,
                "the lessons file has format {v}, but this Pathlight reads format {FORMAT}. Rebuild the pack with the `pathlight` CLI of the same release as the widget."
            ),
        }
    }
}

impl Pack {
    /// Parses a compiled pack, checking its format version before anything else.
    pub fn from_json(text: &str) -> Result<Pack, PackError> {
        #[derive(Deserialize)]
        struct Header {
            format: u32,
        }
        let header: Header =
            serde_json::from_str(text).map_err(|e| PackError::Json(e.to_string()))?;
        if header.format != FORMAT {
            return Err(PackError::Format(header.format));
        }
        serde_json::from_str(text).map_err(|e| PackError::Json(e.to_string()))
    }

    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id)
    }
}

impl Pack {
    /// The lessons relevant on `path`, highest priority first, pack order among equals.
    pub fn lessons_on(&self, path: &str) -> Vec<&Lesson> {
        let cx = crate::trigger::Context { path };
        let mut found: Vec<&Lesson> = self
            .lessons
            .iter()
            .filter(|l| l.when.as_ref().is_none_or(|rule| rule.holds(&cx)))
            .collect();
        found.sort_by(|a, b| b.priority.cmp(&a.priority));
        found
    }
}
