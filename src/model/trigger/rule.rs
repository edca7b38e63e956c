//! The rule model: what a trigger says, as data. Evaluation is in `evaluate`, the JSON form
//! in `json`, and how each kind of rule is written in `kinds`.

use crate::model::anchor::Anchor;
use crate::model::progress::{DAY_MS, FOR_GOOD};
use crate::support::json::Json;
use crate::support::keyed::Keyed;

/// The traits the host set with `identify`, by name.
pub type Traits = Keyed<Json>;

/// A condition over what the learner is doing, who they are and what they have learned.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// The path matches this pattern, e.g. `/invoices/:id` or `/reports/*`.
    Page(String),
    /// Every listed query parameter has this value (decoded); `*` accepts any value.
    Query(Keyed<String>),
    /// The hash is this fragment (`#payments`), or matches this hash route (`#/invoices/:id`).
    Hash(String),
    /// A feature on the page is present, visible or was clicked.
    Element {
        /// The feature to watch.
        anchor: Anchor,
        /// The state it must be in.
        state: ElementState,
    },
    /// The host tracked this event at least `at_least` times, within the last `within_days`
    /// days when given, ever otherwise.
    Event {
        /// The host event's name, as tracked.
        name: String,
        /// How many times it must have been tracked.
        at_least: u32,
        /// How far back to count, in days; none counts every time.
        within_days: Option<u32>,
    },
    /// A trait the host set with `identify` passes this test; a missing trait passes none.
    Trait {
        /// The trait's name.
        key: String,
        /// The test its value must pass.
        test: TraitTest,
    },
    /// The learner completed this lesson, or said they already know it.
    Completed(String),
    /// The learner dismissed this lesson.
    Dismissed(String),
    /// The learner has been on this page for at least this many seconds.
    TimeOnPage(u32),
    /// Every rule holds; `all: []` always holds.
    All(Vec<Rule>),
    /// At least one rule holds; `any: []` never holds.
    Any(Vec<Rule>),
    /// The rule does not hold.
    Not(Box<Rule>),
}

/// What an `element` rule asks about a feature on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ElementState {
    /// In the document.
    Present,
    /// In the document and rendered with a non-empty box.
    Visible,
    /// Clicked since the learner entered the current page.
    Clicked,
}

/// A test on the value of one user trait.
#[derive(Debug, Clone, PartialEq)]
pub enum TraitTest {
    /// Equal to this value; numbers compare by value, so `3` equals `3.0`.
    Equals(Json),
    /// Equal to one of these values.
    OneOf(Vec<Json>),
    /// A number within these bounds.
    Number(Bounds),
    /// A date (RFC 3339 text such as `2026-11-01T10:00:00Z`, or epoch milliseconds) that
    /// many days ago, fractions included.
    DaysSince(Bounds),
}

/// Bounds on a number; every bound given must hold, and at least one must be given.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Bounds {
    /// The number must be greater than this.
    pub gt: Option<f64>,
    /// The number must be at least this.
    pub gte: Option<f64>,
    /// The number must be less than this.
    pub lt: Option<f64>,
    /// The number must be at most this.
    pub lte: Option<f64>,
}

/// there by itself. Learners can always open any lesson from the launcher.
#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    /// When the Lesson may come up.
    pub rule: Rule,
    /// How often it may come up once the rule holds.
    pub frequency: Frequency,
}

/// How often the widget may bring a lesson up by itself.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Frequency {
    /// Shows allowed in all; `once = true` in the front matter is 1.
    pub max_shows: Option<u32>,
    /// Days after a dismissal before the lesson may show again; without it, a dismissal
    /// is final.
    pub snooze_days: Option<u32>,
}

impl Frequency {
    /// Whether the Lesson may come up any number of times.
    pub fn is_unlimited(&self) -> bool {
        *self == Frequency::default()
    }

    /// Until when a lesson dismissed at `now` stays aside: the one snooze rule, applied
    /// once, when the learner dismisses it.
    pub fn snooze_until(&self, now: u64) -> u64 {
        self.snooze_days.map_or(FOR_GOOD, |days| {
            now.saturating_add(u64::from(days) * DAY_MS)
        })
    }
}
