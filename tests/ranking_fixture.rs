//! The order the end-to-end goals test expects is the order the ranking function gives:
//! this ranks the same fixture pack, on the same page, with the same goals.
#![cfg(not(target_arch = "wasm32"))]

use pathlight::compiler::compile;
use pathlight::decide::ranking::{rank, Candidate, Learner, Presence};
use pathlight::model::progress::Progress;
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

/// Bug pinned: in the demo, the path to "Get paid faster" started with "Find invoices fast
/// with filters", the first lesson left in pack order, not one that moves the goal.
#[test]
fn the_demos_map_to_get_paid_faster_starts_with_a_lesson_that_serves_it_or_unblocks_its_heaviest() {
    use pathlight::decide::learning_map::learning_map;
    use pathlight::decide::ranking::Reason;
    let (pack, diags) = compile(Path::new("lessons")).expect("the demo pack is readable");
    assert!(diags.is_empty(), "{diags:?}");
    let pack = pack.unwrap();
    let goal = "get-paid-faster";
    let map = learning_map(&pack, goal, &Progress::default()).unwrap();
    let next = &map.stops[map.next.unwrap()];
    let weight = |l: &pathlight::model::pack::Lesson| l.goals.get(goal).copied().unwrap_or(0);
    let heaviest = pack.lessons.iter().map(weight).max().unwrap();
    let unblocks_heaviest = matches!(next.why, Some(Reason::Unlocks(l)) if weight(l) == heaviest);
    assert!(
        weight(next.lesson) == heaviest || unblocks_heaviest,
        "the next stop is {} ({:?})",
        next.lesson.title,
        next.why
    );
    assert_ne!(next.lesson.id, "filter-invoices");
}
