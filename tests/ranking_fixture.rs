//! The order the end-to-end goals test expects is the order the ranking function gives:
//! this ranks the same fixture pack, on the same page, with the same goals.
#![cfg(not(target_arch = "wasm32"))]

use pathlight::authoring::compile;
use pathlight::progress::Progress;
use pathlight::ranking::{rank, Candidate, Learner, Presence};
use std::path::Path;

fn order(goals: &[&str]) -> Vec<String> {
    let (pack, diags) =
        compile(Path::new("tests/fixtures/pack")).expect("the fixture pack is readable");
    assert!(diags.is_empty(), "{diags:?}");
    let pack = pack.unwrap();
    let mut progress = Progress::default();
    progress.set_goals(goals.iter().map(|g| g.to_string()).collect(), 1);
    // tests/e2e/hosts/goals.html shows both anchored features; aging-check has no anchor.
    let candidates: Vec<Candidate> = pack
        .lessons_on("/app/goals")
        .into_iter()
        .map(|lesson| Candidate {
            lesson,
            presence: if lesson.anchor.is_some() {
                Presence::Visible
            } else {
                Presence::Elsewhere
            },
        })
        .collect();
    let learner = Learner {
        progress: &progress,
        role: None,
        now: 1,
    };
    rank(&pack, &candidates, &learner)
        .iter()
        .map(|s| s.lesson.title.clone())
        .collect()
}

#[test]
fn choosing_close_the_month_moves_its_lesson_first_on_the_goals_host() {
    assert_eq!(
        order(&[]),
        [
            "Export a report",
            "Send an invoice",
            "Check receivables aging"
        ]
    );
    assert_eq!(
        order(&["close-month"]),
        [
            "Check receivables aging",
            "Export a report",
            "Send an invoice"
        ]
    );
}
