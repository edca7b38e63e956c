//! Properties of progress merging and storage, over progress built by random use.
#![cfg(not(target_arch = "wasm32"))]

use pathlight::model::layer::Layer;
use pathlight::model::progress::{LessonState, Progress, Stored, Via};
use proptest::prelude::*;

/// What the widget does to progress. Few ids and close times, so that tabs collide often.
#[derive(Debug, Clone)]
enum Op {
    Complete(&'static str, Via, u64),
    Know(&'static str, u64),
    Dismiss(&'static str, u64, u64),
    Show(&'static str, u64),
    View(&'static str, Layer, u64),
    Goals(Vec<&'static str>, u64),
    Prefer(Layer, u64),
    Track(&'static str, u64),
    Reset(u64),
}

fn lesson() -> impl Strategy<Value = &'static str> {
    prop::sample::select(&["create-invoice", "send-invoice", "payment-reminders"][..])
}

fn time() -> impl Strategy<Value = u64> {
    time_range()
}

fn time_range() -> std::ops::Range<u64> {
    0..5
}

fn layer() -> impl Strategy<Value = Layer> {
    prop::sample::select(&Layer::ALL[..])
}

fn op() -> impl Strategy<Value = Op> {
    let via = prop::sample::select(
        &[
            Via::Click,
            Via::Event,
            Via::Url,
            Via::Appears,
            Via::Unrecorded,
        ][..],
    );
    prop_oneof![
        (lesson(), via, time()).prop_map(|(id, via, at)| Op::Complete(id, via, at)),
        (lesson(), time()).prop_map(|(id, at)| Op::Know(id, at)),
        (lesson(), time(), 0..3u64).prop_map(|(id, at, snooze)| Op::Dismiss(id, at, at + snooze)),
        (lesson(), time()).prop_map(|(id, at)| Op::Show(id, at)),
        (lesson(), layer(), time()).prop_map(|(id, l, at)| Op::View(id, l, at)),
        (
            prop::sample::subsequence(&["get-paid-faster", "close-the-month"][..], 0..=2),
            time()
        )
            .prop_map(|(goals, at)| Op::Goals(goals, at)),
        (layer(), time()).prop_map(|(l, at)| Op::Prefer(l, at)),
        (
            prop::sample::select(&["invoice_sent", "report_exported"][..]),
            time()
        )
            .prop_map(|(e, at)| Op::Track(e, at)),
    ]
}

fn apply(progress: &mut Progress, op: &Op) {
    match op {
        Op::Complete(id, via, at) => progress.complete(id, *via, *at),
        Op::Know(id, at) => progress.know(id, *at),
        Op::Dismiss(id, at, until) => progress.dismiss(id, *at, *until),
        Op::Show(id, at) => progress.record_show(id, *at),
        Op::View(id, l, at) => progress.record_layer(id, *l, *at),
        Op::Goals(goals, at) => {
            progress.set_goals(goals.iter().map(|g| g.to_string()).collect(), *at)
        }
        Op::Prefer(l, at) => progress.set_preferred_layer(*l, *at),
        Op::Track(name, at) => progress.record_event(name, *at),
        Op::Reset(at) => progress.reset(*at),
    }
}

/// Ops with a reset now and then.
fn op_or_reset() -> impl Strategy<Value = Op> {
    prop_oneof![8 => op(), 1 => time().prop_map(Op::Reset)]
}

/// Progress built by ops that may include resets.
fn progress_with_resets() -> impl Strategy<Value = Progress> {
    prop::collection::vec(op_or_reset(), 0..16).prop_map(|ops| {
        let mut p = Progress::default();
        for op in &ops {
            apply(&mut p, op);
        }
        p
    })
}

fn progress() -> impl Strategy<Value = Progress> {
    prop::collection::vec(op(), 0..16).prop_map(|ops| {
        let mut p = Progress::default();
        for op in &ops {
            apply(&mut p, op);
        }
        p
    })
}

proptest! {
    #[test]
    fn merging_is_commutative(a in progress(), b in progress()) {
        prop_assert_eq!(a.merge(&b), b.merge(&a));
    }

    #[test]
    fn merging_is_associative(a in progress(), b in progress(), c in progress()) {
        prop_assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
    }

    #[test]
    fn merging_is_idempotent(a in progress(), b in progress()) {
        prop_assert_eq!(a.merge(&a), a.clone());
        prop_assert_eq!(a.merge(&b).merge(&b), a.merge(&b));
    }

    #[test]
    fn merging_never_loses_a_completion_and_keeps_the_earliest(a in progress(), b in progress()) {
        let merged = a.merge(&b);
        for id in ["create-invoice", "send-invoice", "payment-reminders"] {
            let at = |p: &Progress| match p.state(id) {
                LessonState::Completed(c) => Some(c.at),
                _ => None,
            };
            let earliest = match (at(&a), at(&b)) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            };
            prop_assert_eq!(at(&merged), earliest);
            prop_assert_eq!(merged.shows(id), a.shows(id).max(b.shows(id)));
        }
    }

    #[test]
    fn two_tabs_applying_the_same_changes_in_any_split_agree_with_one_tab(
        ops in prop::collection::vec(op(), 0..16),
        split in prop::collection::vec(any::<bool>(), 16),
    ) {
        // Each change lands in one tab or the other: where a lesson stands never depends on
        // which. (Counts do, as they merge by maximum, and so may preferences set with
        // out-of-order times, which one tab never sees.)
        let mut one = Progress::default();
        let (mut left, mut right) = (Progress::default(), Progress::default());
        for (op, to_left) in ops.iter().zip(&split) {
            apply(&mut one, op);
            apply(if *to_left { &mut left } else { &mut right }, op);
        }
        let merged = left.merge(&right);
        for id in ["create-invoice", "send-invoice", "payment-reminders"] {
            prop_assert_eq!(merged.state(id), one.state(id));
            prop_assert_eq!(merged.layers(id), one.layers(id));
            for now in time_range() {
                prop_assert_eq!(merged.state(id).is_aside(now), one.state(id).is_aside(now));
            }
        }
    }

    #[test]
    fn with_resets_merging_is_commutative_and_idempotent(
        a in progress_with_resets(), b in progress_with_resets()
    ) {
        prop_assert_eq!(a.merge(&b), b.merge(&a));
        prop_assert_eq!(a.merge(&a), a.clone());
        prop_assert_eq!(a.merge(&b).merge(&b), a.merge(&b));
    }

    #[test]
    fn with_resets_what_is_done_does_not_depend_on_the_order_of_merges(
        a in progress_with_resets(), b in progress_with_resets(), c in progress_with_resets()
    ) {
        let (left, right) = (a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
        for id in ["create-invoice", "send-invoice", "payment-reminders"] {
            prop_assert_eq!(left.state(id).is_done(), right.state(id).is_done());
        }
    }

    #[test]
    fn storage_round_trips_any_progress(p in progress_with_resets()) {
        prop_assert_eq!(Progress::load(&p.to_json()), Stored::Writable(p));
    }
}
