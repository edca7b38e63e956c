//! The compiled lesson pack: what `pathlight build` writes and the widget loads.

use crate::content::Block;
use crate::trigger::{AtUrl, Trigger};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The pack format this build reads and writes. A pack of another format is refused whole,
/// with a message that says which build reads it. Format 2 added the trigger's frequency
/// and the full rule tree.
pub const FORMAT: u32 = 2;

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
    /// When the lesson is relevant and how often it may show by itself; none means
    /// everywhere, with no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Trigger>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complete: Option<Completion>,
    /// Higher first, among lessons that could show at the same time.
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
    /// The lessons relevant on `path` when nothing else is known (no element, event,
    /// trait or progress), highest priority first, pack order among equals.
    pub fn lessons_on(&self, path: &str) -> Vec<&Lesson> {
        let facts = AtUrl(path);
        let mut found: Vec<&Lesson> = self
            .lessons
            .iter()
            .filter(|l| l.when.as_ref().is_none_or(|t| t.rule.holds(&facts)))
            .collect();
        found.sort_by_key(|l| std::cmp::Reverse(l.priority));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lesson(id: &str, page: Option<&str>, priority: u8) -> serde_json::Value {
        let mut l = json!({
            "id": id, "title": id, "objective": "Do it.", "minutes": 1,
            "why": [{"p": [{"text": "w"}]}], "what": [{"p": [{"text": "w"}]}], "how": [{"p": [{"text": "h"}]}],
            "priority": priority,
        });
        if let Some(page) = page {
            l["when"] = json!({"rule": {"page": page}});
        }
        l
    }

    fn pack(lessons: Vec<serde_json::Value>) -> String {
        json!({"format": FORMAT, "id": "p", "title": "P", "lessons": lessons}).to_string()
    }

    #[test]
    fn a_pack_of_another_format_is_refused_with_the_format_named() {
        let old = json!({"format": 1, "id": "p", "title": "P", "lessons": []}).to_string();
        assert_eq!(Pack::from_json(&old), Err(PackError::Format(1)));
        assert!(PackError::Format(1)
            .to_string()
            .contains(&format!("reads format {FORMAT}")));
        assert!(matches!(Pack::from_json("{"), Err(PackError::Json(_))));
    }

    #[test]
    fn lessons_on_a_path_come_by_priority_then_pack_order_with_untriggered_ones_everywhere() {
        let p = Pack::from_json(&pack(vec![
            lesson("low", Some("/reports/*"), 10),
            lesson("anywhere", None, 10),
            lesson("high", Some("/reports/:id"), 90),
            lesson("elsewhere", Some("/settings"), 99),
            lesson("broken", Some("reports"), 99),
        ]))
        .unwrap();
        let ids: Vec<&str> = p
            .lessons_on("/reports/aging")
            .iter()
            .map(|l| l.id.as_str())
            .collect();
        assert_eq!(ids, ["high", "low", "anywhere"]);
        assert_eq!(p.lesson("high").map(|l| l.priority), Some(90));
    }

    mod properties {
        use super::*;
        use proptest::collection::{btree_map, vec};
        use proptest::prelude::*;
        use serde_json::Value;

        /// JSON built from the pack's own vocabulary, so random values reach deep into it.
        fn json_value() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::from),
                any::<i64>().prop_map(Value::from),
                any::<u8>().prop_map(Value::from),
                (-1e12f64..1e12).prop_map(Value::from),
                "[a-z:/#*.> \\[\\]\"=-]{0,10}".prop_map(Value::from),
            ];
            let key = prop_oneof![
                "(id|title|objective|minutes|why|what|how|p|h|ul|ol|steps|content|text|em|link|href|children|image|src|alt|break)",
                "(anchor|feature|selector|when|rule|frequency|max_shows|snooze_days|page|query|hash|element|state|event|name|at_least|within_days)",
                "(trait|key|test|equals|one_of|number|days_since|gt|lt|completed|dismissed|time_on_page|all|any|not|complete|click|url|appears|goals|priority)",
            ];
            leaf.prop_recursive(5, 48, 6, move |inner| {
                prop_oneof![
                    vec(inner.clone(), 0..5).prop_map(Value::Array),
                    btree_map(key.clone(), inner, 0..5)
                        .prop_map(|m| Value::Object(m.into_iter().collect())),
                ]
            })
        }

        proptest! {
            #[test]
            fn no_text_makes_loading_panic(text in any::<String>()) {
                let _ = Pack::from_json(&text);
            }

            #[test]
            fn no_lesson_shaped_json_makes_loading_or_listing_panic(lessons in vec(json_value(), 0..4), path in "[/a-z:*]{0,12}") {
                if let Ok(p) = Pack::from_json(&pack(lessons)) {
                    let _ = p.lessons_on(&path);
                }
            }

            #[test]
            fn no_truncation_of_a_valid_pack_makes_loading_panic(cut in 0usize..400) {
                let text = pack(vec![lesson("a", Some("/x/:id"), 1)]);
                let cut = text.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(text.len());
                let _ = Pack::from_json(&text[..cut]);
            }
        }
    }
}
