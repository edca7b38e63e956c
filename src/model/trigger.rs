//! Triggers: when a lesson is relevant, and how often the widget may bring it up by itself.
//!
//! Evaluation is pure. The browser edge observes the page, the host's events and the
//! learner's progress, and answers the questions of [`Facts`]; a [`Rule`] only combines the
//! answers. A rule that cannot be evaluated (an invalid pattern, a trait of the wrong type)
//! is false, so one broken lesson never shows everywhere; `pathlight lint` reports it.

use crate::model::anchor::Anchor;
use crate::model::progress::{LessonState, DAY_MS, FOR_GOOD};
use crate::model::url_pattern::{path_matches, Location};
use crate::support::json::{FromJson, Json, Mismatch, Object, ToJson};
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

impl Bounds {
    /// Whether `x` is within the bounds; no bound at all says nothing, so it is false.
    pub fn contains(&self, x: f64) -> bool {
        let given = [self.gt, self.gte, self.lt, self.lte];
        given.iter().any(Option::is_some)
            && self.gt.is_none_or(|b| x > b)
            && self.gte.is_none_or(|b| x >= b)
            && self.lt.is_none_or(|b| x < b)
            && self.lte.is_none_or(|b| x <= b)
    }

    /// Whether some number is within the bounds.
    pub fn satisfiable(&self) -> bool {
        let low = self
            .gt
            .into_iter()
            .chain(self.gte)
            .fold(f64::NEG_INFINITY, f64::max);
        let high = self
            .lt
            .into_iter()
            .chain(self.lte)
            .fold(f64::INFINITY, f64::min);
        let strict = self.gt == Some(low) || self.lt == Some(high);
        low < high || (low == high && !strict)
    }
}

/// What rules are evaluated against, supplied by the browser edge.
///
/// Every answer is about the current learner on the current page. Times are milliseconds
/// since the Unix epoch (`Date.now()`) as integers: the one clock of progress, snoozes and
/// pages.
pub trait Facts {
    /// The current URL from the path on: `location.pathname + location.search +
    /// location.hash`, e.g. `/reports?tab=aging#payments`.
    fn url(&self) -> &str;
    /// Whether the anchored element is in that state. An anchor whose selector the
    /// browser refuses is in no state.
    fn element(&self, anchor: &Anchor, state: ElementState) -> bool;
    /// How many times the host tracked `name` at or after `since` (0: ever).
    fn event_count(&self, name: &str, since: u64) -> u32;
    /// The trait the host set with `identify`, if any.
    fn trait_value(&self, key: &str) -> Option<&Json>;
    /// Where the learner is with the lesson `id`; unknown ids are not started.
    fn lesson(&self, id: &str) -> LessonState;
    /// The current time in ms since the epoch, so tests can fix it.
    fn now_ms(&self) -> u64;
    /// When the learner arrived on the current page: a new path, not a new query or hash.
    fn page_entered_ms(&self) -> u64;
}

impl Rule {
    /// Whether the rule holds, given the facts.
    pub fn holds<F: Facts + ?Sized>(&self, facts: &F) -> bool {
        match self {
            Rule::Page(pattern) => path_matches(pattern, Location::parse(facts.url()).path),
            Rule::Query(params) => {
                let at = Location::parse(facts.url());
                params.iter().all(|(key, value)| at.has_param(key, value))
            }
            Rule::Hash(hash) => Location::parse(facts.url()).hash_matches(hash),
            Rule::Element { anchor, state } => facts.element(anchor, *state),
            Rule::Event {
                name,
                at_least,
                within_days,
            } => facts.event_count(name, events_since(*within_days, facts.now_ms())) >= *at_least,
            Rule::Trait { key, test } => facts
                .trait_value(key)
                .is_some_and(|v| test.passes(v, facts.now_ms() as f64)),
            Rule::Completed(id) => facts.lesson(id).is_done(),
            Rule::Dismissed(id) => matches!(facts.lesson(id), LessonState::Dismissed { .. }),
            Rule::TimeOnPage(seconds) => {
                facts.now_ms().saturating_sub(facts.page_entered_ms()) >= u64::from(*seconds) * 1000
            }
            Rule::All(rules) => rules.iter().all(|r| r.holds(facts)),
            Rule::Any(rules) => rules.iter().any(|r| r.holds(facts)),
            Rule::Not(rule) => !rule.holds(facts),
        }
    }

    /// Whether the rule may hold at `url` once the page, the host and the learner supply the
    /// rest: the URL parts are checked, everything else is assumed possible. The browser
    /// edge watches the page only for lessons that pass this.
    pub fn may_hold_at(&self, url: &str) -> bool {
        match self {
            Rule::Page(_) | Rule::Query(_) | Rule::Hash(_) => self.holds(&AtUrl(url)),
            Rule::All(rules) => rules.iter().all(|r| r.may_hold_at(url)),
            Rule::Any(rules) => rules.iter().any(|r| r.may_hold_at(url)),
            _ => true,
        }
    }

    /// The features this rule asks about, so the browser edge knows what to watch.
    pub fn anchors(&self) -> Vec<&Anchor> {
        match self {
            Rule::Element { anchor, .. } => vec![anchor],
            Rule::All(rules) | Rule::Any(rules) => rules.iter().flat_map(Rule::anchors).collect(),
            Rule::Not(rule) => rule.anchors(),
            _ => vec![],
        }
    }

    /// Whether the rule counts the host's event `name`.
    pub fn counts_event(&self, name: &str) -> bool {
        match self {
            Rule::Event { name: n, .. } => n == name,
            Rule::All(rules) | Rule::Any(rules) => rules.iter().any(|r| r.counts_event(name)),
            Rule::Not(rule) => rule.counts_event(name),
            _ => false,
        }
    }

    /// Whether the rule depends on time passing on the page, which no DOM event reports.
    pub fn uses_time_on_page(&self) -> bool {
        match self {
            Rule::TimeOnPage(_) => true,
            Rule::All(rules) | Rule::Any(rules) => rules.iter().any(Rule::uses_time_on_page),
            Rule::Not(rule) => rule.uses_time_on_page(),
            _ => false,
        }
    }
}

/// Where an event window starts: `within_days` before `now`, or the beginning (0).
pub fn events_since(within_days: Option<u32>, now_ms: u64) -> u64 {
    within_days.map_or(0, |d| now_ms.saturating_sub(u64::from(d) * DAY_MS))
}

/// How many days ago a date trait is, fractions included: RFC 3339 text or epoch
/// milliseconds. `None` for any other value.
pub fn days_since(value: &Json, now_ms: f64) -> Option<f64> {
    let at = match value {
        Json::Number(n) => Some(*n),
        Json::String(s) => date::epoch_ms(s),
        _ => None,
    };
    at.map(|at| (now_ms - at) / DAY_MS as f64)
}

impl TraitTest {
    /// Whether `value` passes; a value of the wrong type passes nothing.
    pub fn passes(&self, value: &Json, now_ms: f64) -> bool {
        match self {
            TraitTest::Equals(expected) => same(value, expected),
            TraitTest::OneOf(options) => options.iter().any(|o| same(value, o)),
            TraitTest::Number(bounds) => value.as_f64().is_some_and(|x| bounds.contains(x)),
            TraitTest::DaysSince(bounds) => {
                days_since(value, now_ms).is_some_and(|days| bounds.contains(days))
            }
        }
    }
}

fn same(a: &Json, b: &Json) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// A lesson's trigger: the situation it is for, and how often the widget may bring it up
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

/// What is known from a URL alone: no element, event, trait or progress, and no time spent.
#[derive(Debug, Clone, Copy)]
pub struct AtUrl<'a>(pub &'a str);

impl Facts for AtUrl<'_> {
    fn url(&self) -> &str {
        self.0
    }
    fn element(&self, _: &Anchor, _: ElementState) -> bool {
        false
    }
    fn event_count(&self, _: &str, _: u64) -> u32 {
        0
    }
    fn trait_value(&self, _: &str) -> Option<&Json> {
        None
    }
    fn lesson(&self, _: &str) -> LessonState {
        LessonState::New
    }
    fn now_ms(&self) -> u64 {
        0
    }
    fn page_entered_ms(&self) -> u64 {
        0
    }
}

/// Dates of `days_since` traits.
mod date {
    /// Milliseconds since the epoch of `2026-11-01`, `2026-11-01T10:00:00Z`,
    /// `2026-11-01T10:00:00.5+02:00` or `2026-11-01 10:00`; no offset means UTC, as the
    /// widget cannot know the host's intent. `None` for anything else.
    pub fn epoch_ms(text: &str) -> Option<f64> {
        let b = text.trim().as_bytes();
        let num = |range: std::ops::Range<usize>| -> Option<i64> {
            let digits = b.get(range)?;
            digits
                .iter()
                .all(u8::is_ascii_digit)
                .then(|| digits.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        if !(1..=12).contains(&month) || !(1..=days_in_month(year, month)).contains(&day) {
            return None;
        }
        let mut ms = days_from_civil(year, month, day) as f64 * 86_400_000.0;
        let rest = &b[10..];
        if rest.is_empty() {
            return Some(ms);
        }
        if !matches!(rest[0], b'T' | b't' | b' ') {
            return None;
        }
        let (hour, minute) = (num(11..13)?, num(14..16)?);
        if b.get(13) != Some(&b':') || hour > 23 || minute > 59 {
            return None;
        }
        ms += (hour * 3_600_000 + minute * 60_000) as f64;
        let mut i = 16;
        if b.get(i) == Some(&b':') {
            let second = num(17..19).filter(|s| *s <= 60)?;
            ms += (second * 1000) as f64;
            i = 19;
            if b.get(i) == Some(&b'.') {
                let start = i + 1;
                i = start;
                while b.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
                if i == start {
                    return None;
                }
                let fraction =
                    crate::support::json::decimal(std::str::from_utf8(&b[start - 1..i]).ok()?)?;
                ms += fraction * 1000.0;
            }
        }
        match b.get(i..)? {
            [] | [b'Z' | b'z'] => Some(ms),
            [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
                let (h, m) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
                if h > 23 || m > 59 {
                    return None;
                }
                let offset = (h * 3_600_000 + m * 60_000) as f64;
                Some(if *sign == b'+' {
                    ms - offset
                } else {
                    ms + offset
                })
            }
            _ => None,
        }
    }

    fn days_in_month(year: i64, month: i64) -> i64 {
        match month {
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    #[cfg(test)]
    mod tests {
        use super::epoch_ms;

        #[test]
        fn rfc_3339_dates_read_as_epoch_milliseconds() {
            assert_eq!(epoch_ms("1970-01-01"), Some(0.0));
            assert_eq!(epoch_ms("2026-11-01T10:00:00Z"), Some(1_793_527_200_000.0));
            assert_eq!(
                epoch_ms("2026-11-01T12:00:00+02:00"),
                Some(1_793_527_200_000.0)
            );
            assert_eq!(epoch_ms("2026-11-01 10:00"), Some(1_793_527_200_000.0));
            assert_eq!(
                epoch_ms("2026-11-01T10:00:00.250Z"),
                Some(1_793_527_200_250.0)
            );
            assert_eq!(epoch_ms("2024-02-29"), Some(1_709_164_800_000.0));
        }

        #[test]
        fn impossible_or_malformed_dates_are_none() {
            for bad in [
                "",
                "2026",
                "2026-13-01",
                "2025-02-29",
                "2026-11-01T25:00",
                "2026-11-01T10:00:00.Z",
                "2026-11-01X",
                "2026-11-01T10:00+2",
                "next tuesday",
                "2026-1-01",
            ] {
                assert_eq!(epoch_ms(bad), None, "{bad}");
            }
        }
    }
}

// The JSON forms: `{"page": "/x"}`, `{"event": {"name": "x", "at_least": 2}}`, `"visible"`.

const RULES: [&str; 12] = [
    "page",
    "query",
    "hash",
    "element",
    "event",
    "trait",
    "completed",
    "dismissed",
    "time_on_page",
    "all",
    "any",
    "not",
];

impl FromJson for Rule {
    fn from_json(value: &Json) -> Result<Rule, Mismatch> {
        let (tag, v) = value.variant()?;
        Ok(match tag {
            "page" => Rule::Page(v.payload(tag)?),
            "query" => Rule::Query(v.payload(tag)?),
            "hash" => Rule::Hash(v.payload(tag)?),
            "element" => v.with_fields(tag, |f| {
                Ok(Rule::Element {
                    anchor: f.required("anchor")?,
                    state: f.required("state")?,
                })
            })?,
            "event" => v.with_fields(tag, |f| {
                Ok(Rule::Event {
                    name: f.required("name")?,
                    at_least: f.optional("at_least")?.unwrap_or(1),
                    within_days: f.optional("within_days")?,
                })
            })?,
            "trait" => v.with_fields(tag, |f| {
                Ok(Rule::Trait {
                    key: f.required("key")?,
                    test: f.required("test")?,
                })
            })?,
            "completed" => Rule::Completed(v.payload(tag)?),
            "dismissed" => Rule::Dismissed(v.payload(tag)?),
            "time_on_page" => Rule::TimeOnPage(v.payload(tag)?),
            "all" => Rule::All(v.payload(tag)?),
            "any" => Rule::Any(v.payload(tag)?),
            "not" => Rule::Not(v.payload(tag)?),
            _ => return Err(Mismatch::unknown("rule", tag, &RULES)),
        })
    }
}

impl ToJson for Rule {
    fn to_json(&self) -> Json {
        let (tag, payload) = match self {
            Rule::Page(p) => ("page", p.to_json()),
            Rule::Query(q) => ("query", q.to_json()),
            Rule::Hash(h) => ("hash", h.to_json()),
            Rule::Element { anchor, state } => (
                "element",
                Object::new()
                    .with("anchor", anchor)
                    .with("state", state)
                    .build(),
            ),
            Rule::Event {
                name,
                at_least,
                within_days,
            } => (
                "event",
                Object::new()
                    .with("name", name)
                    .with("at_least", at_least)
                    .with_some("within_days", within_days)
                    .build(),
            ),
            Rule::Trait { key, test } => (
                "trait",
                Object::new().with("key", key).with("test", test).build(),
            ),
            Rule::Completed(id) => ("completed", id.to_json()),
            Rule::Dismissed(id) => ("dismissed", id.to_json()),
            Rule::TimeOnPage(s) => ("time_on_page", s.to_json()),
            Rule::All(rules) => ("all", rules.to_json()),
            Rule::Any(rules) => ("any", rules.to_json()),
            Rule::Not(rule) => ("not", rule.to_json()),
        };
        Json::tagged(tag, payload)
    }
}

const ELEMENT_STATES: [(&str, ElementState); 3] = [
    ("present", ElementState::Present),
    ("visible", ElementState::Visible),
    ("clicked", ElementState::Clicked),
];

impl FromJson for ElementState {
    fn from_json(value: &Json) -> Result<ElementState, Mismatch> {
        value.name_of("element state", &ELEMENT_STATES)
    }
}

impl ToJson for ElementState {
    fn to_json(&self) -> Json {
        match self {
            ElementState::Present => "present",
            ElementState::Visible => "visible",
            ElementState::Clicked => "clicked",
        }
        .to_json()
    }
}

impl FromJson for TraitTest {
    fn from_json(value: &Json) -> Result<TraitTest, Mismatch> {
        let (tag, v) = value.variant()?;
        Ok(match tag {
            "equals" => TraitTest::Equals(v.clone()),
            "one_of" => TraitTest::OneOf(v.payload(tag)?),
            "number" => TraitTest::Number(v.payload(tag)?),
            "days_since" => TraitTest::DaysSince(v.payload(tag)?),
            _ => {
                let forms = ["equals", "one_of", "number", "days_since"];
                return Err(Mismatch::unknown("trait test", tag, &forms));
            }
        })
    }
}

impl ToJson for TraitTest {
    fn to_json(&self) -> Json {
        let (tag, payload) = match self {
            TraitTest::Equals(v) => ("equals", v.clone()),
            TraitTest::OneOf(vs) => ("one_of", vs.to_json()),
            TraitTest::Number(b) => ("number", b.to_json()),
            TraitTest::DaysSince(b) => ("days_since", b.to_json()),
        };
        Json::tagged(tag, payload)
    }
}

impl FromJson for Bounds {
    fn from_json(value: &Json) -> Result<Bounds, Mismatch> {
        let f = value.fields()?;
        Ok(Bounds {
            gt: f.optional("gt")?,
            gte: f.optional("gte")?,
            lt: f.optional("lt")?,
            lte: f.optional("lte")?,
        })
    }
}

impl ToJson for Bounds {
    fn to_json(&self) -> Json {
        Object::new()
            .with_some("gt", &self.gt)
            .with_some("gte", &self.gte)
            .with_some("lt", &self.lt)
            .with_some("lte", &self.lte)
            .build()
    }
}

impl FromJson for Trigger {
    fn from_json(value: &Json) -> Result<Trigger, Mismatch> {
        let f = value.fields()?;
        Ok(Trigger {
            rule: f.required("rule")?,
            frequency: f.or_default("frequency")?,
        })
    }
}

impl ToJson for Trigger {
    fn to_json(&self) -> Json {
        let trigger = Object::new().with("rule", &self.rule);
        match self.frequency.is_unlimited() {
            true => trigger.build(),
            false => trigger.with("frequency", &self.frequency).build(),
        }
    }
}

impl FromJson for Frequency {
    fn from_json(value: &Json) -> Result<Frequency, Mismatch> {
        let f = value.fields()?;
        Ok(Frequency {
            max_shows: f.optional("max_shows")?,
            snooze_days: f.optional("snooze_days")?,
        })
    }
}

impl ToJson for Frequency {
    fn to_json(&self) -> Json {
        Object::new()
            .with_some("max_shows", &self.max_shows)
            .with_some("snooze_days", &self.snooze_days)
            .build()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn may_hold_at_checks_only_the_url_and_assumes_the_rest() {
        let on_invoice = Rule::Page("/invoices/:id".into());
        let clicked = Rule::Element {
            anchor: Anchor::Feature("x".into()),
            state: ElementState::Clicked,
        };
        let rule = Rule::All(vec![on_invoice.clone(), clicked.clone()]);
        assert!(rule.may_hold_at("/invoices/7"));
        assert!(!rule.may_hold_at("/reports"));
        assert!(
            Rule::Not(Box::new(on_invoice)).may_hold_at("/invoices/7"),
            "a negated URL rule may still hold"
        );
        assert_eq!(rule.anchors(), vec![&Anchor::Feature("x".into())]);
        assert!(Rule::Any(vec![clicked, Rule::TimeOnPage(5)]).uses_time_on_page());
    }

    use super::*;
    use crate::decide::eligibility::{eligibility, Eligibility};
    use crate::model::pack::Lesson;
    use crate::support::test_pack::Seen;
    use std::collections::HashMap;

    /// A JSON value written with `json!`, in our tree.
    fn read(value: serde_json::Value) -> Json {
        crate::support::json::parse(&value.to_string()).unwrap()
    }

    fn traits(value: serde_json::Value) -> Traits {
        Traits::from_json(&read(value)).unwrap()
    }

    fn done() -> crate::model::progress::Completed {
        crate::model::progress::Completed {
            at: 0,
            via: crate::model::progress::Via::Click,
        }
    }

    fn at(url: &str) -> Seen {
        Seen {
            url: url.into(),
            ..Seen::default()
        }
    }

    fn page(p: &str) -> Rule {
        Rule::Page(p.into())
    }

    const NOW: u64 = 1_800_000_000_000;

    #[test]
    fn combinators_compose() {
        let facts = at("/invoices/7");
        let on_invoice = page("/invoices/:id");
        let on_reports = page("/reports/*");
        assert!(on_invoice.holds(&facts));
        assert!(Rule::Any(vec![on_reports.clone(), on_invoice.clone()]).holds(&facts));
        assert!(!Rule::All(vec![on_reports.clone(), on_invoice.clone()]).holds(&facts));
        assert!(Rule::Not(Box::new(on_reports)).holds(&facts));
        assert!(Rule::All(vec![]).holds(&facts));
        assert!(!Rule::Any(vec![]).holds(&facts));
    }

    #[test]
    fn an_invalid_pattern_never_matches() {
        assert!(!page("invoices").holds(&at("invoices")));
        assert!(!Rule::Hash("#/a/:".into()).holds(&at("/#/a/:")));
    }

    #[test]
    fn page_rules_ignore_the_query_and_hash_which_have_their_own_rules() {
        let facts = at("/reports/aging?tab=aging&range=q3#payments");
        assert!(page("/reports/:name").holds(&facts));
        let query = |pairs: &[(&str, &str)]| {
            Rule::Query(
                pairs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            )
        };
        assert!(query(&[("tab", "aging"), ("range", "*")]).holds(&facts));
        assert!(!query(&[("tab", "aging"), ("sort", "*")]).holds(&facts));
        assert!(Rule::Hash("#payments".into()).holds(&facts));
        assert!(!Rule::Hash("#taxes".into()).holds(&facts));
    }

    #[test]
    fn element_rules_ask_the_edge_about_that_anchor_and_state() {
        let export = Anchor::Feature("reports.export".into());
        let facts = Seen {
            elements: vec![(export.clone(), ElementState::Visible)],
            ..at("/")
        };
        let rule = |state| Rule::Element {
            anchor: export.clone(),
            state,
        };
        assert!(rule(ElementState::Visible).holds(&facts));
        assert!(!rule(ElementState::Clicked).holds(&facts));
    }

    #[test]
    fn events_count_only_within_the_window() {
        let day = DAY_MS;
        let facts = Seen {
            events: HashMap::from([(
                "report_exported".into(),
                vec![NOW - 10 * day, NOW - 2 * day, NOW - 1],
            )]),
            now_ms: NOW,
            ..at("/")
        };
        let rule = |at_least, within_days| Rule::Event {
            name: "report_exported".into(),
            at_least,
            within_days,
        };
        assert!(rule(3, None).holds(&facts));
        assert!(rule(2, Some(7)).holds(&facts));
        assert!(!rule(3, Some(7)).holds(&facts));
        assert!(!Rule::Event {
            name: "other".into(),
            at_least: 1,
            within_days: None
        }
        .holds(&facts));
    }

    #[test]
    fn trait_tests_compare_values_numbers_and_dates() {
        let facts = Seen {
            traits: traits(serde_json::json!({
                "role": "admin", "seats": 12, "beta": true,
                "signed_up_at": "2027-01-05T00:00:00Z", "signed_up_ms": NOW - 3 * DAY_MS,
            })),
            now_ms: NOW,
            ..at("/")
        };
        let t = |key: &str, test| Rule::Trait {
            key: key.into(),
            test,
        };
        let bounds = |gt, lt| Bounds {
            gt,
            lt,
            ..Bounds::default()
        };
        assert!(t("role", TraitTest::Equals("admin".into())).holds(&facts));
        assert!(t("seats", TraitTest::Equals(12.0.into())).holds(&facts));
        assert!(t("beta", TraitTest::Equals(true.into())).holds(&facts));
        assert!(t(
            "role",
            TraitTest::OneOf(vec!["owner".into(), "admin".into()])
        )
        .holds(&facts));
        assert!(!t("role", TraitTest::OneOf(vec!["finance".into()])).holds(&facts));
        assert!(t("seats", TraitTest::Number(bounds(Some(10.0), Some(50.0)))).holds(&facts));
        assert!(!t("seats", TraitTest::Number(bounds(Some(12.0), None))).holds(&facts));
        assert!(!t("role", TraitTest::Number(bounds(Some(0.0), None))).holds(&facts));
        // NOW is 2027-01-15T08:00:00Z: ten days and eight hours after signing up.
        assert!(t(
            "signed_up_at",
            TraitTest::DaysSince(bounds(Some(10.0), Some(11.0)))
        )
        .holds(&facts));
        assert!(t(
            "signed_up_ms",
            TraitTest::DaysSince(bounds(None, Some(7.0)))
        )
        .holds(&facts));
        assert!(!t("role", TraitTest::DaysSince(bounds(None, Some(7.0)))).holds(&facts));
        assert!(!t("missing", TraitTest::Equals(Json::Null)).holds(&facts));
    }

    #[test]
    fn bounds_without_any_bound_hold_for_nothing_and_crossed_bounds_for_no_number() {
        assert!(!Bounds::default().contains(1.0));
        let b = |gt, lte| Bounds {
            gt,
            lte,
            ..Bounds::default()
        };
        assert!(b(Some(1.0), Some(2.0)).satisfiable());
        assert!(!b(Some(2.0), Some(2.0)).satisfiable());
        assert!(Bounds {
            gte: Some(2.0),
            lte: Some(2.0),
            ..Bounds::default()
        }
        .satisfiable());
    }

    #[test]
    fn lesson_rules_read_progress_and_known_counts_as_completed() {
        let facts = Seen {
            lessons: HashMap::from([
                ("a".into(), LessonState::Completed(done())),
                ("b".into(), LessonState::Known),
                ("c".into(), LessonState::Dismissed { until: 0 }),
            ]),
            ..at("/")
        };
        assert!(Rule::Completed("a".into()).holds(&facts));
        assert!(Rule::Completed("b".into()).holds(&facts));
        assert!(!Rule::Completed("c".into()).holds(&facts));
        assert!(Rule::Dismissed("c".into()).holds(&facts));
        assert!(!Rule::Dismissed("unknown".into()).holds(&facts));
    }

    #[test]
    fn time_on_page_counts_from_arrival() {
        let facts = Seen {
            now_ms: NOW,
            entered_ms: NOW - 30_000,
            ..at("/")
        };
        assert!(Rule::TimeOnPage(30).holds(&facts));
        assert!(!Rule::TimeOnPage(31).holds(&facts));
    }

    fn lesson(when: Option<Trigger>) -> Lesson {
        Lesson {
            id: "l".into(),
            title: String::new(),
            objective: String::new(),
            minutes: 1,
            anchor: None,
            why: vec![],
            what: vec![],
            how: vec![],
            goals: Keyed::new(),
            prerequisites: vec![],
            related: vec![],
            when,
            complete: None,
            priority: 0,
            locales: Keyed::new(),
        }
    }

    fn on_reports(frequency: Frequency) -> Lesson {
        lesson(Some(Trigger {
            rule: page("/reports"),
            frequency,
        }))
    }

    #[test]
    fn eligibility_says_why_a_lesson_may_not_show() {
        let here = |status| Seen {
            lessons: HashMap::from([("l".into(), status)]),
            now_ms: NOW,
            ..at("/reports")
        };
        let unlimited = on_reports(Frequency::default());
        assert_eq!(
            eligibility(&unlimited, &here(LessonState::New), 40),
            Eligibility::Eligible
        );
        assert_eq!(
            eligibility(&unlimited, &here(LessonState::Known), 0),
            Eligibility::Done
        );
        assert_eq!(
            eligibility(&unlimited, &at("/invoices"), 0),
            Eligibility::NotTriggered
        );
        let dismissed = here(LessonState::Dismissed { until: FOR_GOOD });
        assert_eq!(
            eligibility(&unlimited, &dismissed, 1),
            Eligibility::Dismissed { until: FOR_GOOD }
        );
        let once = on_reports(Frequency {
            max_shows: Some(1),
            snooze_days: None,
        });
        assert_eq!(
            eligibility(&once, &here(LessonState::New), 0),
            Eligibility::Eligible
        );
        assert_eq!(
            eligibility(&once, &here(LessonState::New), 1),
            Eligibility::ShownEnough { shows: 1 }
        );
    }

    #[test]
    fn a_snoozed_lesson_returns_after_its_days() {
        let snooze = |days| {
            on_reports(Frequency {
                max_shows: Some(5),
                snooze_days: Some(days),
            })
        };
        let dismissed_at = NOW - 3 * DAY_MS - DAY_MS / 2;
        let dismissed = |lesson: &Lesson| Seen {
            lessons: HashMap::from([(
                "l".into(),
                LessonState::Dismissed {
                    until: lesson
                        .when
                        .as_ref()
                        .unwrap()
                        .frequency
                        .snooze_until(dismissed_at),
                },
            )]),
            now_ms: NOW,
            ..at("/reports")
        };
        let (three, seven) = (snooze(3), snooze(7));
        assert_eq!(
            eligibility(&three, &dismissed(&three), 2),
            Eligibility::Eligible
        );
        assert_eq!(
            eligibility(&seven, &dismissed(&seven), 2),
            Eligibility::Dismissed {
                until: NOW + 3 * DAY_MS + DAY_MS / 2
            }
        );
        assert_eq!(
            eligibility(&three, &dismissed(&three), 5),
            Eligibility::ShownEnough { shows: 5 }
        );
    }

    #[test]
    fn a_lesson_without_trigger_is_eligible_everywhere_until_done() {
        assert!(eligibility(&lesson(None), &at("/anywhere"), 100).is_eligible());
    }

    #[test]
    fn the_compiled_form_reads_as_the_authoring_names() {
        let rule = Rule::All(vec![
            page("/invoices/:id"),
            Rule::Event {
                name: "invoice_sent".into(),
                at_least: 1,
                within_days: None,
            },
            Rule::Not(Box::new(Rule::Completed("send-invoice".into()))),
        ]);
        assert_eq!(
            rule.to_json(),
            read(serde_json::json!({"all": [
                {"page": "/invoices/:id"},
                {"event": {"name": "invoice_sent", "at_least": 1}},
                {"not": {"completed": "send-invoice"}},
            ]}))
        );
        let back = Rule::from_json(&read(serde_json::json!({"event": {"name": "x"}}))).unwrap();
        assert_eq!(
            back,
            Rule::Event {
                name: "x".into(),
                at_least: 1,
                within_days: None
            }
        );
    }

    mod properties {
        use super::*;
        use proptest::collection::{btree_map, vec};
        use proptest::option;
        use proptest::prelude::*;

        /// Bounds as authors write them: serde_json reads long fractions back only nearly.
        fn bounds() -> impl Strategy<Value = Bounds> {
            let b = || option::of((-400i32..400).prop_map(|n| f64::from(n) / 4.0));
            (b(), b(), b(), b()).prop_map(|(gt, gte, lt, lte)| Bounds { gt, gte, lt, lte })
        }

        fn scalar() -> impl Strategy<Value = Json> {
            prop_oneof![
                "(admin|trial|x)".prop_map(|s| Json::from(s.as_str())),
                (-5i32..5).prop_map(|n| Json::from(f64::from(n))),
                any::<bool>().prop_map(Json::from),
            ]
        }

        fn rule() -> impl Strategy<Value = Rule> {
            let anchor = prop_oneof![
                "[a-z.]{0,6}".prop_map(Anchor::Feature),
                "[#.a-z> ]{0,6}".prop_map(Anchor::Selector),
            ];
            let state = prop_oneof![
                Just(ElementState::Present),
                Just(ElementState::Visible),
                Just(ElementState::Clicked)
            ];
            let test = prop_oneof![
                scalar().prop_map(TraitTest::Equals),
                vec(scalar(), 0..3).prop_map(TraitTest::OneOf),
                bounds().prop_map(TraitTest::Number),
                bounds().prop_map(TraitTest::DaysSince),
            ];
            let leaf = prop_oneof![
                "[/:*a-z?#]{0,10}".prop_map(Rule::Page),
                btree_map("[a-z]{1,3}", "(\\*|[a-z]{0,3})", 0..3)
                    .prop_map(|q| Rule::Query(q.into_iter().collect())),
                "#?/?[a-z:*]{0,6}".prop_map(Rule::Hash),
                (anchor, state).prop_map(|(anchor, state)| Rule::Element { anchor, state }),
                ("[a-z]{1,3}", 0u32..4, option::of(0u32..10)).prop_map(
                    |(name, at_least, within_days)| Rule::Event {
                        name,
                        at_least,
                        within_days
                    }
                ),
                ("(role|plan|seats|signed_up_at)", test)
                    .prop_map(|(key, test)| Rule::Trait { key, test }),
                "[a-c]".prop_map(Rule::Completed),
                "[a-c]".prop_map(Rule::Dismissed),
                (0u32..120).prop_map(Rule::TimeOnPage),
            ];
            leaf.prop_recursive(4, 24, 4, |inner| {
                prop_oneof![
                    vec(inner.clone(), 0..4).prop_map(Rule::All),
                    vec(inner.clone(), 0..4).prop_map(Rule::Any),
                    inner.prop_map(|r| Rule::Not(Box::new(r))),
                ]
            })
        }

        fn facts() -> impl Strategy<Value = Seen> {
            let status = prop_oneof![
                Just(LessonState::New),
                Just(LessonState::Completed(done())),
                Just(LessonState::Known),
                (0..NOW * 2).prop_map(|until| LessonState::Dismissed { until }),
            ];
            (
                "[/a-z?=&#*:%]{0,16}",
                vec((0..30 * DAY_MS).prop_map(|ago| NOW - ago), 0..6),
                "(admin|trial|2026-11-01T10:00:00Z|[0-9]{1,2})",
                btree_map("[a-c]", status, 0..3),
                0u64..600_000,
            )
                .prop_map(|(url, times, role, lessons, on_page)| Seen {
                    url,
                    events: HashMap::from([("a".to_string(), times)]),
                    traits: traits(
                        serde_json::json!({"role": role, "seats": 3, "signed_up_at": role}),
                    ),
                    lessons: lessons.into_iter().collect(),
                    now_ms: NOW,
                    entered_ms: NOW - on_page,
                    ..Seen::default()
                })
        }

        proptest! {
            #[test]
            fn no_rule_makes_evaluation_panic_and_combinators_mean_what_they_say(
                r in rule(), s in rule(), facts in facts()
            ) {
                let (a, b) = (r.holds(&facts), s.holds(&facts));
                prop_assert_eq!(Rule::Not(Box::new(Rule::Not(Box::new(r.clone())))).holds(&facts), a);
                prop_assert_eq!(Rule::All(vec![r.clone(), s.clone()]).holds(&facts), a && b);
                prop_assert_eq!(Rule::Any(vec![r.clone(), s.clone()]).holds(&facts), a || b);
            }

            #[test]
            fn the_compiled_form_round_trips(r in rule()) {
                let json = r.to_json().to_string();
                prop_assert_eq!(Rule::from_json(&crate::support::json::parse(&json).unwrap()).unwrap(), r);
            }

            #[test]
            fn an_eligible_lesson_is_one_whose_rule_holds_and_that_may_still_show(
                r in rule(), facts in facts(), shows in 0u32..4,
                max_shows in option::of(1u32..4), snooze_days in option::of(1u32..30),
            ) {
                let l = lesson(Some(Trigger { rule: r.clone(), frequency: Frequency { max_shows, snooze_days } }));
                if eligibility(&l, &facts, shows).is_eligible() {
                    prop_assert!(r.holds(&facts));
                    prop_assert!(max_shows.is_none_or(|m| shows < m));
                    prop_assert!(!facts.lesson("l").is_done());
                }
            }

            #[test]
            fn no_text_breaks_the_date_reader(text in any::<String>(), dateish in "[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{0,4})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?") {
                let _ = date::epoch_ms(&text);
                let _ = date::epoch_ms(&dateish);
            }
        }
    }
}
