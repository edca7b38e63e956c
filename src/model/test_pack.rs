//! What the unit tests share: a small pack for ranking and the learning map (three goals,
//! two of them meant for a role, and lessons written as JSON with only what a test cares
//! about), and facts set by hand for the triggers and their explanations.

use crate::model::anchor::Anchor;
use crate::model::pack::Pack;
use crate::model::progress::LessonState;
use crate::model::trigger::{ElementState, Facts, Traits};
use crate::support::json::Json;
use serde_json::json;
use std::collections::HashMap;

/// A fixed "now" (ms), late 2025.
pub const NOW: u64 = 1_764_000_000_000;

pub fn pack(lessons: serde_json::Value) -> Pack {
    let pack = json!({
        "format": crate::model::pack::FORMAT, "id": "acme", "title": "Acme",
        "goals": [
            { "id": "paid", "title": "Get paid faster", "roles": ["finance"] },
            { "id": "close", "title": "Close the month" },
            { "id": "setup", "title": "Set up your workspace", "roles": ["admin"] },
        ],
        "lessons": lessons,
    });
    Pack::from_json(&pack.to_string()).unwrap()
}

/// A lesson `id` with empty layers, plus the fields in `extra`.
pub fn lesson(id: &str, extra: serde_json::Value) -> serde_json::Value {
    let mut l = json!({
        "id": id, "title": format!("Lesson {id}"), "objective": "", "minutes": 2,
        "why": [], "what": [], "how": [],
    });
    l.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    l
}

/// Facts set by hand: each test states only what it is about.
#[derive(Debug, Default, Clone)]
pub struct Seen {
    pub url: String,
    pub elements: Vec<(Anchor, ElementState)>,
    pub events: HashMap<String, Vec<u64>>,
    pub traits: Traits,
    pub lessons: HashMap<String, LessonState>,
    pub now_ms: u64,
    pub entered_ms: u64,
}

impl Facts for Seen {
    fn url(&self) -> &str {
        &self.url
    }
    fn element(&self, anchor: &Anchor, state: ElementState) -> bool {
        self.elements.contains(&(anchor.clone(), state))
    }
    fn event_count(&self, name: &str, since: u64) -> u32 {
        let times = self.events.get(name).map(Vec::as_slice).unwrap_or_default();
        times.iter().filter(|t| **t >= since).count() as u32
    }
    fn trait_value(&self, key: &str) -> Option<&Json> {
        self.traits.get(key)
    }
    fn lesson(&self, id: &str) -> LessonState {
        self.lessons.get(id).copied().unwrap_or(LessonState::New)
    }
    fn now_ms(&self) -> u64 {
        self.now_ms
    }
    fn page_entered_ms(&self) -> u64 {
        self.entered_ms
    }
}
