//! Why a lesson shows or not: its trigger evaluated rule by rule, with what each rule saw.
//!
//! Author mode's debugger reads this. The learner's widget asks only
//! [`eligibility`](crate::decide::eligibility::eligibility); both take the verdict from
//! [`Eligibility::decide`] and the truth of every condition from [`Rule::holds`], so they
//! cannot disagree. The values seen are data; the words come from [`Check::line`] and
//! [`Explanation::verdict`], which only the author build calls, so the learner's wasm
//! carries none of them.

use crate::decide::eligibility::Eligibility;
use crate::model::anchor::Anchor;
use crate::model::pack::Lesson;
use crate::model::progress::{LessonState, DAY_MS, FOR_GOOD};
use crate::model::trigger::{
    days_since, events_since, Bounds, ElementState, Facts, Frequency, Payload, Rule, TraitTest,
};
use crate::model::url_pattern::{decode, Location};
use crate::support::json::Json;
use std::fmt::Write;

/// A lesson's state on this page now, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation<'a> {
    /// Whether the Lesson may come up now, and if not why.
    pub eligibility: Eligibility,
    /// Where the learner is with the lesson.
    pub state: LessonState,
    /// How many times the widget has brought it up by itself.
    pub shows: u32,
    /// How often the Trigger lets the Lesson come up.
    pub frequency: Frequency,
    /// The moment the explanation holds for, in ms since the epoch.
    pub now_ms: u64,
    /// The trigger's rule, evaluated; `None` when the lesson has no trigger, so it is
    /// relevant everywhere.
    pub rule: Option<Check<'a>>,
}

/// One rule of a trigger: whether it holds, and what it saw.
#[derive(Debug, Clone, PartialEq)]
pub struct Check<'a> {
    /// The Trigger rule checked.
    pub rule: &'a Rule,
    /// Whether the rule held.
    pub holds: bool,
    /// What the rule looked at, so the author sees why it held or not.
    pub seen: Seen<'a>,
}

/// What a rule looked at, as the debugger shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Seen<'a> {
    /// `page`: the current path.
    Path(String),
    /// `query`: each parameter the rule names, with the (decoded) values the URL has for it.
    Query(Vec<(&'a str, Vec<String>)>),
    /// `hash`: the current hash, without `#`.
    Hash(String),
    /// `element`: the anchored element's state now.
    Element {
        /// Whether the Anchor's element is in the page.
        present: bool,
        /// Whether it is visible.
        visible: bool,
        /// Whether the learner clicked it.
        clicked: bool,
    },
    /// `event`: how many times it was tracked within the window.
    Events(u32),
    /// `trait`: the value set with `identify`, and for a date test how many days ago it is.
    Trait {
        /// The trait's value, if the host set it.
        value: Option<Json>,
        /// For a date test, how many days ago the date is.
        days_ago: Option<f64>,
    },
    /// `completed` or `dismissed`: where the learner is with that lesson.
    Lesson(LessonState),
    /// `time_on_page`: milliseconds since the learner arrived on this path.
    OnPage(u64),
    /// `all`, `any`, `not`: each rule inside.
    Parts(Vec<Check<'a>>),
}

/// The trigger of `lesson` evaluated rule by rule against the facts, with its frequency
/// and the learner's progress: everything [`eligibility`](crate::decide::eligibility::eligibility)
/// decides from, and its verdict.
pub fn explain<'a, F: Facts + ?Sized>(
    lesson: &'a Lesson,
    facts: &F,
    shows: u32,
) -> Explanation<'a> {
    let rule = lesson.when.as_ref().map(|t| check(&t.rule, facts));
    let state = facts.lesson(&lesson.id);
    let frequency = lesson.frequency();
    let triggered = rule.as_ref().is_none_or(|c| c.holds);
    Explanation {
        eligibility: Eligibility::decide(state, facts.now_ms(), frequency, shows, || triggered),
        state,
        shows,
        frequency,
        now_ms: facts.now_ms(),
        rule,
    }
}

/// Evaluates every rule, without the short cuts of [`Rule::holds`]: the debugger shows all.
fn check<'a, F: Facts + ?Sized>(rule: &'a Rule, facts: &F) -> Check<'a> {
    let parts = |rules: &'a [Rule]| rules.iter().map(|r| check(r, facts)).collect::<Vec<_>>();
    let (holds, seen) = match rule {
        Rule::All(rules) => {
            let parts = parts(rules);
            (parts.iter().all(|c| c.holds), Seen::Parts(parts))
        }
        Rule::Any(rules) => {
            let parts = parts(rules);
            (parts.iter().any(|c| c.holds), Seen::Parts(parts))
        }
        Rule::Not(inner) => {
            let inner = check(inner, facts);
            (!inner.holds, Seen::Parts(vec![inner]))
        }
        // A condition's truth is the widget's own: only what it saw is gathered here.
        leaf => (leaf.holds(facts), seen(leaf, facts)),
    };
    Check { rule, holds, seen }
}

fn seen<'a, F: Facts + ?Sized>(rule: &'a Rule, facts: &F) -> Seen<'a> {
    let at = Location::parse(facts.url());
    match rule {
        Rule::Page(_) => Seen::Path(at.path.to_string()),
        Rule::Query(params) => Seen::Query(
            params
                .iter()
                .map(|(key, _)| (key.as_str(), param_values(at.query, key)))
                .collect(),
        ),
        Rule::Hash(_) => Seen::Hash(at.hash.to_string()),
        Rule::Element { anchor, .. } => Seen::Element {
            present: facts.element(anchor, ElementState::Present),
            visible: facts.element(anchor, ElementState::Visible),
            clicked: facts.element(anchor, ElementState::Clicked),
        },
        Rule::Event {
            name, within_days, ..
        } => Seen::Events(facts.event_count(name, events_since(*within_days, facts.now_ms()))),
        Rule::Trait { key, test } => {
            let value = facts.trait_value(key).cloned();
            let days_ago = match test {
                TraitTest::DaysSince(_) => value
                    .as_ref()
                    .and_then(|v| days_since(v, facts.now_ms() as f64)),
                _ => None,
            };
            Seen::Trait { value, days_ago }
        }
        Rule::Completed(id) | Rule::Dismissed(id) => Seen::Lesson(facts.lesson(id)),
        Rule::TimeOnPage(_) => Seen::OnPage(facts.now_ms().saturating_sub(facts.page_entered_ms())),
        Rule::All(_) | Rule::Any(_) | Rule::Not(_) => Seen::Parts(vec![]),
    }
}

/// The decoded values of `key` in a query string, in order.
fn param_values(query: &str, key: &str) -> Vec<String> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .filter(|(k, _)| decode(k, true) == key)
        .map(|(_, v)| decode(v, true).into_owned())
        .collect()
}

// The words: author mode only. They use the names authors write in the front matter, and
// each kind's words from its row of the kinds table.

impl Check<'_> {
    /// This rule alone, as the debugger says it: what it asks, ✓ or ✗, and what it saw,
    /// e.g. `page "/invoices/:id" ✗: you are on /reports`.
    pub fn line(&self) -> String {
        let mark = if self.holds { '✓' } else { '✗' };
        format!("{} {mark}: {}", asks(self.rule), self.said())
    }

    /// What the rule saw, in words.
    fn said(&self) -> String {
        match (&self.seen, self.rule) {
            (Seen::Path(path), _) => format!("you are on {path}"),
            (Seen::Query(params), _) => params
                .iter()
                .map(|(key, values)| match values.as_slice() {
                    [] => format!("{key} is not in the query"),
                    [one] => format!("{key} is {}", quoted(one)),
                    many => format!(
                        "{key} is [{}]",
                        many.iter()
                            .map(|v| quoted(v))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                })
                .collect::<Vec<_>>()
                .join(", "),
            (Seen::Hash(hash), _) if hash.is_empty() => "the URL has no hash".into(),
            (Seen::Hash(hash), _) => format!("the hash is #{hash}"),
            (
                Seen::Element {
                    present,
                    visible,
                    clicked,
                },
                _,
            ) => {
                let place = match (present, visible) {
                    (false, _) => "not on this page",
                    (true, false) => "on this page, not visible",
                    (true, true) => "visible",
                };
                let click = if *clicked {
                    ", clicked"
                } else {
                    ", not clicked since you came"
                };
                format!("{place}{}", if *present { click } else { "" })
            }
            (Seen::Events(n), _) => format!("tracked {}", times(*n)),
            (Seen::Trait { value: None, .. }, Rule::Trait { key, .. }) => {
                format!("{key} is not set")
            }
            (
                Seen::Trait {
                    value: Some(v),
                    days_ago,
                },
                Rule::Trait { key, .. },
            ) => match days_ago {
                Some(days) => format!("{key} is {v}, {} days ago", number(*days)),
                None => format!("{key} is {v}"),
            },
            (Seen::Lesson(state), _) => format!("it is {}", state_name(*state)),
            (Seen::OnPage(ms), _) => format!("{} s on this page so far", ms / 1000),
            (Seen::Parts(parts), Rule::Not(_)) => match parts.first() {
                Some(inner) if inner.holds => "the rule inside holds".into(),
                _ => "the rule inside does not hold".into(),
            },
            (Seen::Parts(parts), _) => {
                let n = parts.iter().filter(|c| c.holds).count();
                format!("{n} of {} hold", parts.len())
            }
            (Seen::Trait { .. }, _) => String::new(),
        }
    }

    /// The rules inside `all`, `any` and `not`.
    pub fn parts(&self) -> &[Check<'_>] {
        match &self.seen {
            Seen::Parts(parts) => parts,
            _ => &[],
        }
    }
}

/// `text` in double quotes, escaped as JSON escapes it. Not `{:?}`: the widget is built with
/// `-Zfmt-debug=none` (scripts/build-widget.mjs), which prints Debug as nothing.
fn quoted(text: &str) -> String {
    Json::String(text.to_owned()).to_string()
}

/// What a rule asks, in its kind's words around what it carries: `page "/reports"`.
fn asks(rule: &Rule) -> String {
    let (kind, payload) = rule.parts();
    let (before, after) = kind.words().asks;
    let carried = match payload {
        Payload::Text(text) => quoted(text),
        Payload::Count(n) => n.to_string(),
        Payload::Params(params) => {
            let pairs: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
            pairs.join("&")
        }
        Payload::Element { anchor, state } => {
            let state = match state {
                ElementState::Present => "present",
                ElementState::Visible => "visible",
                ElementState::Clicked => "clicked",
            };
            match anchor {
                Anchor::Feature(name) => format!("{} {state}", quoted(name)),
                Anchor::Selector(s) => format!("selector {} {state}", quoted(s)),
            }
        }
        Payload::Event {
            name,
            at_least,
            within_days,
        } => {
            let mut s = format!("{} at least {}", quoted(name), times(at_least));
            if let Some(days) = within_days {
                let _ = write!(s, " within {days} days");
            }
            s
        }
        Payload::Trait { key, test } => match test {
            TraitTest::Equals(v) => format!("{key} = {v}"),
            TraitTest::OneOf(vs) => {
                let vs: Vec<String> = vs.iter().map(Json::to_string).collect();
                format!("{key} one of [{}]", vs.join(", "))
            }
            TraitTest::Number(b) => format!("{key} {}", bounds(b)),
            TraitTest::DaysSince(b) => format!("{key} days since {}", bounds(b)),
        },
        Payload::Rules(rules) => rules.len().to_string(),
        Payload::Inner(_) => return format!("{before}{after}"),
    };
    format!("{before} {carried}{after}")
}

fn bounds(b: &Bounds) -> String {
    let parts = [("> ", b.gt), ("≥ ", b.gte), ("< ", b.lt), ("≤ ", b.lte)];
    let given: Vec<String> = parts
        .iter()
        .filter_map(|(op, x)| x.map(|x| format!("{op}{}", number(x))))
        .collect();
    given.join(" and ")
}

fn number(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    format!("{rounded}")
}

fn times(n: u32) -> String {
    match n {
        1 => "1 time".into(),
        n => format!("{n} times"),
    }
}

fn state_name(state: LessonState) -> &'static str {
    match state {
        LessonState::New => "not done",
        LessonState::Completed(_) => "completed",
        LessonState::Known => "known (counts as completed)",
        LessonState::Dismissed { .. } => "dismissed",
    }
}

impl Said {
    /// Whether the trigger holds here and now, whatever the frequency says: every rule at
    /// the top of the tree holds. A lesson without a trigger holds everywhere.
    pub fn trigger_holds(&self) -> bool {
        self.rules.iter().filter(|r| r.depth == 0).all(|r| r.holds)
    }

    /// Whether the debugger lists this lesson for a `filter` (words of its id or title, any
    /// case) and, with `this_page`, only when its trigger holds here.
    pub fn listed(&self, id: &str, title: &str, filter: &str, this_page: bool) -> bool {
        let filter = filter.trim().to_lowercase();
        let named = filter.is_empty()
            || id.to_lowercase().contains(&filter)
            || title.to_lowercase().contains(&filter);
        named && (!this_page || self.trigger_holds())
    }
}

impl Explanation<'_> {
    /// The verdict in words, with what it was decided from.
    pub fn verdict(&self) -> String {
        match self.eligibility {
            Eligibility::Eligible if self.rule.is_none() => {
                "eligible: no trigger, relevant everywhere".into()
            }
            Eligibility::Eligible => "eligible: its trigger holds".into(),
            Eligibility::Done => format!("not shown: {}", state_name(self.state)),
            Eligibility::Dismissed { until: FOR_GOOD } => {
                "not shown: dismissed, for good (no snooze_days)".into()
            }
            Eligibility::Dismissed { until } => {
                let days = until.saturating_sub(self.now_ms) as f64 / DAY_MS as f64;
                format!("not shown: dismissed, back in {} days", number(days))
            }
            Eligibility::ShownEnough { shows } => {
                format!("not shown: shown {} (max_shows)", times(shows))
            }
            Eligibility::NotTriggered => "not shown: its trigger does not hold here".into(),
        }
    }

    /// How often it may show, and how often it has: e.g. `shown 1 time of at most 3,
    /// snooze 7 days`.
    pub fn frequency_line(&self) -> String {
        let mut s = format!("shown {}", times(self.shows));
        match self.frequency.max_shows {
            Some(max) => {
                let _ = write!(s, " of at most {max}");
            }
            None => s.push_str(", no limit"),
        }
        match self.frequency.snooze_days {
            Some(days) => {
                let _ = write!(s, ", snooze {days} days");
            }
            None => s.push_str(", a dismissal is final"),
        }
        s
    }
}

/// An explanation in words, owned: what the debugger shows for one lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// Whether the Lesson may come up now.
    pub eligible: bool,
    /// The verdict in words, for the author's explain view.
    pub verdict: String,
    /// The Trigger's frequency in words.
    pub frequency: String,
    /// Every rule, in order, with its depth in `all`, `any` and `not`.
    pub rules: Vec<RuleLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// One line of a Trigger's rule tree, as the author's explain view prints it.
pub struct RuleLine {
    /// Nesting depth, for indenting under `all`, `any` and `not`.
    pub depth: usize,
    /// Whether this rule held.
    pub holds: bool,
    /// The rule and what it saw, in words.
    pub text: String,
}

impl Explanation<'_> {
    /// The words of this explanation, to keep.
    pub fn said(&self) -> Said {
        fn walk(check: &Check<'_>, depth: usize, out: &mut Vec<RuleLine>) {
            out.push(RuleLine {
                depth,
                holds: check.holds,
                text: check.line(),
            });
            check.parts().iter().for_each(|p| walk(p, depth + 1, out));
        }
        let mut rules = vec![];
        if let Some(rule) = &self.rule {
            walk(rule, 0, &mut rules);
        }
        Said {
            eligible: self.eligibility.is_eligible(),
            verdict: self.verdict(),
            frequency: self.frequency_line(),
            rules,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decide::eligibility::eligibility;
    use crate::model::progress::{Completed, Via};
    use crate::model::trigger::{Traits, Trigger};
    use crate::support::keyed::Keyed;
    use std::collections::HashMap;
    // This module has a `Seen` of its own: what a rule saw.
    use crate::model::test_pack::Seen as Page;

    const NOW: u64 = 1_800_000_000_000;

    fn at(url: &str) -> Page {
        Page {
            url: url.into(),
            now_ms: NOW,
            entered_ms: NOW,
            ..Page::default()
        }
    }

    fn lesson(rule: Option<Rule>, frequency: Frequency) -> Lesson {
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
            when: rule.map(|rule| Trigger { rule, frequency }),
            complete: None,
            priority: 0,
            locales: Keyed::new(),
        }
    }

    fn lines(rule: Rule, facts: &Page) -> Vec<String> {
        let l = lesson(Some(rule), Frequency::default());
        let said = explain(&l, facts, 0).said();
        said.rules.into_iter().map(|r| r.text).collect()
    }

    /// The whole explanation as text, rules indented by depth, as a terminal would print it.
    fn text(e: &Explanation<'_>) -> String {
        let said = e.said();
        let mut out = format!("{}\n{}\n", said.verdict, said.frequency);
        for rule in said.rules {
            out += &format!("{}{}\n", "  ".repeat(rule.depth), rule.text);
        }
        out
    }

    #[test]
    fn a_page_rule_says_where_the_learner_is() {
        assert_eq!(
            lines(Rule::Page("/invoices/:id".into()), &at("/reports?tab=x")),
            ["page \"/invoices/:id\" ✗: you are on /reports"]
        );
        assert_eq!(
            lines(Rule::Page("/invoices/:id".into()), &at("/invoices/7")),
            ["page \"/invoices/:id\" ✓: you are on /invoices/7"]
        );
    }

    #[test]
    fn query_and_hash_rules_show_the_values_in_the_url() {
        let query = Rule::Query(
            [("tab", "aging"), ("range", "*")]
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        );
        assert_eq!(
            lines(query, &at("/r?tab=sum%20mary")),
            ["query range=*&tab=aging ✗: range is not in the query, tab is \"sum mary\""]
        );
        assert_eq!(
            lines(Rule::Hash("#payments".into()), &at("/r")),
            ["hash \"#payments\" ✗: the URL has no hash"]
        );
        assert_eq!(
            lines(Rule::Hash("#payments".into()), &at("/r#taxes")),
            ["hash \"#payments\" ✗: the hash is #taxes"]
        );
    }

    #[test]
    fn an_element_rule_tells_absent_hidden_and_unclicked_apart() {
        let export = Anchor::Feature("reports.export".into());
        let rule = |state| Rule::Element {
            anchor: export.clone(),
            state,
        };
        assert_eq!(
            lines(rule(ElementState::Visible), &at("/")),
            ["element \"reports.export\" visible ✗: not on this page"]
        );
        let hidden = Page {
            elements: vec![(export.clone(), ElementState::Present)],
            ..at("/")
        };
        assert_eq!(
            lines(rule(ElementState::Visible), &hidden),
            ["element \"reports.export\" visible ✗: on this page, not visible, not clicked since you came"]
        );
        let seen = Page {
            elements: vec![
                (export.clone(), ElementState::Present),
                (export.clone(), ElementState::Visible),
            ],
            ..at("/")
        };
        assert_eq!(
            lines(rule(ElementState::Clicked), &seen),
            ["element \"reports.export\" clicked ✗: visible, not clicked since you came"]
        );
    }

    #[test]
    fn event_trait_lesson_and_time_rules_show_the_value_seen() {
        let facts = Page {
            events: HashMap::from([("sent".into(), vec![NOW - 10 * DAY_MS, NOW - 1])]),
            traits: Traits::from_iter([
                ("role".to_string(), Json::from("viewer")),
                (
                    "signed_up_ms".to_string(),
                    Json::from((NOW - 3 * DAY_MS) as f64),
                ),
            ]),
            lessons: HashMap::from([("a".into(), LessonState::Dismissed { until: 0 })]),
            entered_ms: NOW - 12_500,
            ..at("/")
        };
        let event = Rule::Event {
            name: "sent".into(),
            at_least: 2,
            within_days: Some(7),
        };
        assert_eq!(
            lines(event, &facts),
            ["event \"sent\" at least 2 times within 7 days ✗: tracked 1 time"]
        );
        let role = |key: &str| Rule::Trait {
            key: key.into(),
            test: TraitTest::Equals("admin".into()),
        };
        assert_eq!(
            lines(role("role"), &facts),
            ["trait role = \"admin\" ✗: role is \"viewer\""]
        );
        assert_eq!(
            lines(role("plan"), &facts),
            ["trait plan = \"admin\" ✗: plan is not set"]
        );
        let recent = Rule::Trait {
            key: "signed_up_ms".into(),
            test: TraitTest::DaysSince(Bounds {
                lt: Some(2.0),
                ..Bounds::default()
            }),
        };
        assert_eq!(
            lines(recent, &facts),
            [format!(
                "trait signed_up_ms days since < 2 ✗: signed_up_ms is {}, 3 days ago",
                (NOW - 3 * DAY_MS) as f64
            )]
        );
        assert_eq!(
            lines(Rule::Completed("a".into()), &facts),
            ["lesson \"a\" completed ✗: it is dismissed"]
        );
        assert_eq!(
            lines(Rule::TimeOnPage(30), &facts),
            ["time on page ≥ 30 s ✗: 12 s on this page so far"]
        );
    }

    #[test]
    fn nested_rules_are_all_evaluated_and_counted() {
        let rule = Rule::All(vec![
            Rule::Page("/reports".into()),
            Rule::Any(vec![Rule::TimeOnPage(30), Rule::Completed("a".into())]),
            Rule::Not(Box::new(Rule::Page("/reports".into()))),
        ]);
        assert_eq!(
            lines(rule, &at("/reports")),
            [
                "all of 3 ✗: 1 of 3 hold",
                "page \"/reports\" ✓: you are on /reports",
                "any of 2 ✗: 0 of 2 hold",
                "time on page ≥ 30 s ✗: 0 s on this page so far",
                "lesson \"a\" completed ✗: it is not done",
                "not ✗: the rule inside holds",
                "page \"/reports\" ✓: you are on /reports",
            ]
        );
    }

    #[test]
    fn the_verdict_names_progress_frequency_and_shows() {
        let once = Frequency {
            max_shows: Some(1),
            snooze_days: Some(7),
        };
        let l = lesson(Some(Rule::Page("/reports".into())), once);
        let here = at("/reports");
        let e = explain(&l, &here, 1);
        assert_eq!(e.eligibility, Eligibility::ShownEnough { shows: 1 });
        assert_eq!(e.verdict(), "not shown: shown 1 time (max_shows)");
        assert_eq!(
            e.frequency_line(),
            "shown 1 time of at most 1, snooze 7 days"
        );
        let dismissed = Page {
            lessons: HashMap::from([(
                "l".into(),
                LessonState::Dismissed {
                    until: NOW + 3 * DAY_MS / 2,
                },
            )]),
            ..here.clone()
        };
        assert_eq!(
            explain(&l, &dismissed, 0).verdict(),
            "not shown: dismissed, back in 1.5 days"
        );
        let done = Page {
            lessons: HashMap::from([(
                "l".into(),
                LessonState::Completed(Completed {
                    at: 0,
                    via: Via::Click,
                }),
            )]),
            ..here.clone()
        };
        assert_eq!(explain(&l, &done, 0).verdict(), "not shown: completed");
        let anywhere = lesson(None, Frequency::default());
        let e = explain(&anywhere, &here, 4);
        assert_eq!(text(&e), "eligible: no trigger, relevant everywhere\nshown 4 times, no limit, a dismissal is final\n");
    }

    #[test]
    fn a_lesson_that_is_done_still_shows_every_rule() {
        // The debugger answers "why not?" in full: progress comes first, but the rules
        // are evaluated too, so the author sees both.
        let l = lesson(Some(Rule::Page("/reports".into())), Frequency::default());
        let done = Page {
            lessons: HashMap::from([("l".into(), LessonState::Known)]),
            ..at("/invoices")
        };
        let e = explain(&l, &done, 0);
        assert_eq!(e.eligibility, Eligibility::Done);
        assert_eq!(
            text(&e),
            "not shown: known (counts as completed)\nshown 0 times, no limit, a dismissal is final\npage \"/reports\" ✗: you are on /invoices\n"
        );
    }

    mod properties {
        use super::*;
        use proptest::collection::{btree_map, vec};
        use proptest::option;
        use proptest::prelude::*;

        fn anchor() -> impl Strategy<Value = Anchor> {
            prop_oneof![
                "[ab]".prop_map(Anchor::Feature),
                "#[ab]".prop_map(Anchor::Selector)
            ]
        }

        fn state() -> impl Strategy<Value = ElementState> {
            prop_oneof![
                Just(ElementState::Present),
                Just(ElementState::Visible),
                Just(ElementState::Clicked)
            ]
        }

        fn bounds() -> impl Strategy<Value = Bounds> {
            let b = || option::of((-8i32..8).prop_map(f64::from));
            (b(), b(), b(), b()).prop_map(|(gt, gte, lt, lte)| Bounds { gt, gte, lt, lte })
        }

        fn rule() -> impl Strategy<Value = Rule> {
            let scalar = || {
                prop_oneof![
                    "(admin|x)".prop_map(|s| Json::from(s.as_str())),
                    (-3i32..3).prop_map(|n| Json::from(f64::from(n))),
                ]
            };
            let test = prop_oneof![
                scalar().prop_map(TraitTest::Equals),
                vec(scalar(), 0..3).prop_map(TraitTest::OneOf),
                bounds().prop_map(TraitTest::Number),
                bounds().prop_map(TraitTest::DaysSince),
            ];
            let leaf = prop_oneof![
                "(/|/[ab]|/[ab]/:id|/[ab]/\\*|[ab])".prop_map(Rule::Page),
                btree_map("[ab]", "(\\*|[ab]?)", 0..3)
                    .prop_map(|q| Rule::Query(q.into_iter().collect())),
                "#?/?[ab:]{0,3}".prop_map(Rule::Hash),
                (anchor(), state()).prop_map(|(anchor, state)| Rule::Element { anchor, state }),
                ("[ab]", 0u32..4, option::of(0u32..10)).prop_map(
                    |(name, at_least, within_days)| Rule::Event {
                        name,
                        at_least,
                        within_days
                    }
                ),
                ("(role|seats|since)", test).prop_map(|(key, test)| Rule::Trait { key, test }),
                "[lab]".prop_map(Rule::Completed),
                "[lab]".prop_map(Rule::Dismissed),
                (0u32..60).prop_map(Rule::TimeOnPage),
            ];
            leaf.prop_recursive(4, 24, 4, |inner| {
                prop_oneof![
                    vec(inner.clone(), 0..4).prop_map(Rule::All),
                    vec(inner.clone(), 0..4).prop_map(Rule::Any),
                    inner.prop_map(|r| Rule::Not(Box::new(r))),
                ]
            })
        }

        fn facts() -> impl Strategy<Value = Page> {
            let status = prop_oneof![
                Just(LessonState::New),
                Just(LessonState::Known),
                Just(LessonState::Completed(Completed {
                    at: 0,
                    via: Via::Click
                })),
                (NOW - DAY_MS..NOW + DAY_MS).prop_map(|until| LessonState::Dismissed { until }),
                Just(LessonState::Dismissed { until: FOR_GOOD }),
            ];
            (
                "(/|/[ab]|/[ab]/[0-9])(\\?([ab](=[ab]?)?&?){0,3})?(#/?[ab:]{0,3})?",
                vec((anchor(), state()), 0..4),
                vec((0..12 * DAY_MS).prop_map(|ago| NOW - ago), 0..5),
                ("(admin|x|2027-01-10)", -3i32..3),
                btree_map("[lab]", status, 0..3),
                0u64..90_000,
            )
                .prop_map(|(url, elements, times, (role, seats), lessons, on_page)| {
                    Page {
                        url,
                        elements,
                        events: HashMap::from([("a".to_string(), times)]),
                        traits: Traits::from_iter([
                            ("role".to_string(), Json::from(role.as_str())),
                            ("seats".to_string(), Json::from(f64::from(seats))),
                            ("since".to_string(), Json::from(role.as_str())),
                        ]),
                        lessons: lessons.into_iter().collect(),
                        now_ms: NOW,
                        entered_ms: NOW - on_page,
                    }
                })
        }

        fn every_check_agrees<'a>(c: &Check<'a>, facts: &Page) -> Result<(), TestCaseError> {
            prop_assert_eq!(c.holds, c.rule.holds(facts), "{:?}", c.rule);
            prop_assert!(!c.line().is_empty());
            c.parts()
                .iter()
                .try_for_each(|p| every_check_agrees(p, facts))
        }

        proptest! {
            /// Pins the bug of a debugger that says "eligible" while the widget stays
            /// silent, or says a rule fails while the widget finds it holds.
            #[test]
            fn explain_and_eligibility_never_disagree(
                r in option::of(rule()), facts in facts(), shows in 0u32..4,
                max_shows in option::of(1u32..4), snooze_days in option::of(1u32..30),
            ) {
                let l = lesson(r, Frequency { max_shows, snooze_days });
                let e = explain(&l, &facts, shows);
                prop_assert_eq!(e.eligibility, eligibility(&l, &facts, shows));
                prop_assert_eq!(e.state, facts.lesson("l"));
                if let Some(c) = &e.rule {
                    every_check_agrees(c, &facts)?;
                }
                prop_assert!(!text(&e).is_empty());
            }
        }
    }

    #[test]
    fn the_debugger_lists_lessons_by_a_filter_of_id_or_title_and_by_this_page() {
        let rule = |depth, holds| RuleLine {
            depth,
            holds,
            text: String::new(),
        };
        let said = |rules| Said {
            eligible: false,
            verdict: String::new(),
            frequency: String::new(),
            rules,
        };
        // An `any` that holds though one of its rules fails: the trigger holds.
        let here = said(vec![rule(0, true), rule(1, false), rule(1, true)]);
        let elsewhere = said(vec![rule(0, true), rule(0, false)]);
        let everywhere = said(vec![]);
        assert!(here.trigger_holds() && everywhere.trigger_holds());
        assert!(!elsewhere.trigger_holds());
        assert!(here.listed("tax-tab", "Check the tax", " TAX ", true));
        assert!(here.listed("tax-tab", "Check the tax", "", false));
        assert!(!here.listed("tax-tab", "Check the tax", "invoice", false));
        assert!(elsewhere.listed("send", "Send an invoice", "invoice", false));
        assert!(!elsewhere.listed("send", "Send an invoice", "invoice", true));
    }
}
