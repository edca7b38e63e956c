//! The session the tests of every part of `session` start from, and what they read of it.

use super::{Effects, Options, Session};
use crate::api::lifecycle::EventKind;
use crate::model::progress::Progress;
pub(crate) use crate::model::test_pack::NOW;
use crate::model::test_pack::{lesson, pack};
use crate::model::trigger::Traits;
use serde_json::json;
use std::sync::Arc;

/// A session of `user` on `/`, over three lessons: `create` completes on an event, `send` on a
/// click on its feature on invoice pages, `reports` on reaching its URL.
pub(crate) fn session(user: Option<&str>, stored: Progress) -> Session {
    let pack = pack(json!([
        lesson(
            "create",
            json!({ "goals": { "paid": 3 }, "complete": { "event": "invoice_created" } })
        ),
        lesson(
            "send",
            json!({
                "anchor": { "feature": "invoices.send" },
                "prerequisites": ["create"],
                "complete": { "click": { "feature": "invoices.send" } },
                "when": { "rule": { "page": "/invoices/:id" }, "snooze_days": 2 },
            })
        ),
        lesson("reports", json!({ "complete": { "url": "/reports" } })),
    ]));
    let options = Options {
        user: user.map(str::to_owned),
        ..Options::default()
    };
    Session::new(Arc::new(pack), options, stored, "/", NOW)
}

/// Traits from their JSON.
pub(super) fn traits(value: serde_json::Value) -> Traits {
    use crate::support::json::FromJson;
    Traits::from_json(&crate::support::json::parse(&value.to_string()).unwrap()).unwrap()
}

/// The lessons `effects` tells the host were completed.
pub(super) fn completed(effects: &Effects) -> Vec<String> {
    effects
        .emit
        .iter()
        .filter(|e| e.kind == EventKind::Completed)
        .filter_map(|e| e.detail[0].1.as_str().map(str::to_owned))
        .collect()
}
