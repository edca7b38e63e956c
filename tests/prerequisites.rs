//! Prerequisites order lessons and explain them, but never hold one back: the learner may
//! take any lesson in any order. One documented line holds a lesson back, for authors who
//! must (docs/authoring.md, "Prerequisites"): a trigger on the prerequisite's state,
//! `lesson = { create-invoice = "completed" }`. Both are checked here as authors write them,
//! through the compiler, and as the widget decides, through a learner's session.
#![cfg(not(target_arch = "wasm32"))]

use pathlight::decide::session::{Options, Session};
use pathlight::model::progress::Progress;
use std::path::PathBuf;
use std::sync::Arc;

const NOW: u64 = 1_800_000_000_000;

fn lesson(id: &str, front: &str) -> String {
    format!("+++\nid = \"{id}\"\ntitle = \"{id}\"\nobjective = \"O.\"\nminutes = 1\n{front}+++\n## Why\nw\n## What\nw\n## How\nh\n")
}

/// The pack of the docs' example, compiled: `send-invoice` needs `create-invoice` first and
/// is still offered; `payment-reminders` needs it too, and is held back until it is done.
fn pack() -> pathlight::model::pack::Pack {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("prerequisites-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let files = [
        ("pack.toml", "id = \"p\"\ntitle = \"P\"\n".to_string()),
        ("create-invoice.md", lesson("create-invoice", "")),
        ("send-invoice.md", lesson("send-invoice", "prerequisites = [\"create-invoice\"]\n")),
        (
            "payment-reminders.md",
            lesson(
                "payment-reminders",
                "prerequisites = [\"create-invoice\"]\n[trigger]\nlesson = { create-invoice = \"completed\" }\n",
            ),
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let (pack, diags) = pathlight::compiler::compile(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(diags, vec![]);
    pack.unwrap()
}

fn offered(session: &Session) -> Vec<String> {
    let mut ids: Vec<String> = session
        .offer(NOW, false)
        .suggestions
        .into_iter()
        .map(|s| s.lesson.id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn a_prerequisite_orders_but_a_completed_trigger_holds_the_lesson_back_until_it_is_done() {
    let mut session = Session::new(
        Arc::new(pack()),
        Options::default(),
        Progress::default(),
        "/invoices",
        NOW,
    );
    assert_eq!(
        offered(&session),
        ["create-invoice", "send-invoice"],
        "send-invoice is offered before its prerequisite is done; payment-reminders is held back"
    );
    session.know("create-invoice", NOW + 1);
    assert_eq!(
        offered(&session),
        ["payment-reminders", "send-invoice"],
        "done (here: known), the prerequisite lets the held lesson come"
    );
}
