//! Evaluation: whether a rule holds, given what the browser edge observed.
//!
//! Evaluation is pure. The browser edge observes the page, the host's events and the
//! learner's progress, and answers the questions of [`Facts`]; a [`Rule`] only combines the
//! answers. A rule that cannot be evaluated (an invalid pattern, a trait of the wrong type)
//! is false, so one broken lesson never shows everywhere; `pathlight lint` reports it.

use super::dates;
use super::rule::{Bounds, ElementState, Rule, TraitTest};
use crate::model::anchor::Anchor;
use crate::model::progress::{LessonState, DAY_MS};
use crate::model::url_pattern::{path_matches, Location};
use crate::support::json::Json;

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
        Json::String(s) => dates::epoch_ms(s),
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

    use super::super::arbitrary::read;
    use super::*;
    use crate::decide::eligibility::{eligibility, Eligibility};
    use crate::model::pack::Lesson;
    use crate::model::progress::FOR_GOOD;
    use crate::model::test_pack::Seen;
    use crate::model::trigger::{Frequency, Traits, Trigger};
    use crate::support::json::FromJson;
    use crate::support::keyed::Keyed;
    use std::collections::HashMap;

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

    mod properties {
        use super::super::super::arbitrary::rule;
        use super::*;
        use proptest::collection::{btree_map, vec};
        use proptest::option;
        use proptest::prelude::*;

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
        }
    }
}
