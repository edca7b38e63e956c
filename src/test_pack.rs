//! A small pack for the unit tests of ranking and the learning map: three goals, two of
//! them meant for a role, and lessons written as JSON with only what a test cares about.

use crate::pack::Pack;
use serde_json::json;

/// A fixed "now" (ms), late 2025.
pub const NOW: u64 = 1_764_000_000_000;

pub fn pack(lessons: serde_json::Value) -> Pack {
    let pack = json!({
        "format": crate::pack::FORMAT, "id": "acme", "title": "Acme",
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
