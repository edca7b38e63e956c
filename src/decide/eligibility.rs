//! Whether the widget may bring a lesson up by itself now: the learner's progress, the
//! lesson's frequency and its trigger's rule, decided in one place; and which lessons a
//! URL alone makes relevant.
//!
//! It asks about lessons of the pack and evaluates their rules, so it sits above both
//! [`crate::model::pack`] and [`crate::model::trigger`]: rules stay free of lessons, which hold them, and
//! the pack holds rules without evaluating them. Its tests are in `trigger/evaluate.rs` and
//! `pack.rs`, beside the rules, facts and packs that drive them.

use crate::model::pack::{Lesson, Pack};
use crate::model::progress::LessonState;
use crate::model::trigger::{AtUrl, Facts, Frequency};

/// Whether the widget may bring a lesson up by itself now, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Eligibility {
    /// The widget may bring the Lesson up now.
    Eligible,
    /// Completed or known.
    Done,
    /// Dismissed, and set aside until `until` ([`FOR_GOOD`](crate::model::progress::FOR_GOOD)
    /// when it has no snooze).
    Dismissed {
        /// When the snooze ends, in ms since the epoch.
        until: u64,
    },
    /// Shown `max_shows` times already.
    ShownEnough {
        /// How many times the Lesson was shown.
        shows: u32,
    },
    /// The trigger's rule does not hold here and now.
    NotTriggered,
}

impl Eligibility {
    /// Whether the Lesson may come up now, for callers that do not need the reason.
    pub fn is_eligible(self) -> bool {
        self == Eligibility::Eligible
    }
}

/// Whether `lesson` may be brought up now, given the facts and how many times the widget
/// has already brought it up for this learner (`shows`). A lesson without a trigger is
/// relevant everywhere, with no limit but the learner's own progress.
///
/// The cheap checks come first, so the rule is evaluated only for lessons that could show.
pub fn eligibility<F: Facts + ?Sized>(lesson: &Lesson, facts: &F, shows: u32) -> Eligibility {
    Eligibility::decide(
        facts.lesson(&lesson.id),
        facts.now_ms(),
        lesson.frequency(),
        shows,
        || lesson.when.as_ref().is_none_or(|t| t.rule.holds(facts)),
    )
}

impl Eligibility {
    /// The one decision, shared by [`eligibility`] and [`crate::author::explain`] so that they
    /// cannot disagree: `triggered` says whether the rule holds, and is asked last.
    pub fn decide(
        state: LessonState,
        now_ms: u64,
        frequency: Frequency,
        shows: u32,
        triggered: impl FnOnce() -> bool,
    ) -> Eligibility {
        match state {
            state if state.is_done() => return Eligibility::Done,
            LessonState::Dismissed { until } if now_ms < until => {
                return Eligibility::Dismissed { until }
            }
            _ => {}
        }
        if frequency.max_shows.is_some_and(|max| shows >= max) {
            return Eligibility::ShownEnough { shows };
        }
        match triggered() {
            true => Eligibility::Eligible,
            false => Eligibility::NotTriggered,
        }
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
        crate::support::order::sort_by_key(&mut found, |l| std::cmp::Reverse(l.priority));
        found
    }
}
