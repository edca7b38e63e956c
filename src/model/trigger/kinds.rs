//! The kinds of trigger rule, each written once: its name in the pack's JSON and in a
//! lesson's front matter, and what it carries ([`KINDS`]); for the compiler and author
//! mode only, its example, its words in the explanation ([`Kind::words`]) and its JSON
//! Schema ([`Kind::schema`]).
//!
//! The JSON reader and writer, the front-matter reader, the schema, lint and the
//! explanation all read these, by [`Shape`]: a new kind of an existing shape needs its
//! [`Rule`] variant, its [`Kind`] with its row and its arms here, and its evaluation.
//!
//! The learner's widget reads only [`KINDS`]: the words and the schema are behind
//! functions that only the compiler and author mode call, so its wasm carries none of them.

use super::rule::{ElementState, Rule, TraitTest};
use crate::model::anchor::Anchor;
use crate::support::keyed::Keyed;

/// A kind of trigger rule: a [`Rule`] variant without its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `page`: the path matches a pattern.
    Page,
    /// `query`: query parameters have values.
    Query,
    /// `hash`: the hash is a fragment or matches a hash route.
    Hash,
    /// `time_on_page`: the learner has been on the page this long.
    TimeOnPage,
    /// `trait`: a user trait passes a test.
    Trait,
    /// `completed`: the learner completed a lesson.
    Completed,
    /// `dismissed`: the learner dismissed a lesson.
    Dismissed,
    /// `event`: the host tracked an event this often.
    Event,
    /// `element`: a feature on the page is present, visible or clicked.
    Element,
    /// `all`: every rule holds.
    All,
    /// `any`: at least one rule holds.
    Any,
    /// `not`: the rule does not hold.
    Not,
}

/// How one kind of rule is written: a row of [`KINDS`].
#[derive(Debug)]
pub struct Spelling {
    /// The kind.
    pub kind: Kind,
    /// Its name: the key of its JSON form, `{"page": "/invoices/:id"}`, and of its
    /// front-matter form, `page = "/invoices/:id"`, unless [`Spelling::front`] says otherwise.
    pub name: &'static str,
    /// Where a front-matter condition writes it.
    pub front: FrontKey,
    /// What it carries, which says how its forms are read and written.
    pub shape: Shape,
}

/// The key under which a front-matter condition writes a kind of rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontKey {
    /// Its name: `page = "/invoices/:id"`.
    Name,
    /// `lesson`, with the rule's name as the lesson's state:
    /// `lesson = { create-invoice = "completed" }`.
    LessonState,
}

/// What a kind of rule carries. Each shape is read, written, checked and explained once; a
/// shape of a single kind is that kind's own.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// Text of this meaning, made into the rule by the function: `{"page": "/invoices/:id"}`.
    Text(fn(String) -> Rule, Text),
    /// A whole number of at least 1, made into the rule by the function: `{"time_on_page": 30}`.
    Count(fn(u32) -> Rule),
    /// Query parameters and their values: `{"query": {"tab": "aging"}}`.
    Params,
    /// A feature on the page and its state.
    Element,
    /// A host event, how often and within how many days.
    Event,
    /// A user trait and its test.
    Trait,
    /// Rules, combined by the function: `{"all": [{"page": "/reports"}]}`.
    Rules(fn(Vec<Rule>) -> Rule),
    /// One rule, wrapped by the function: `{"not": {"page": "/reports"}}`.
    Inner(fn(Box<Rule>) -> Rule),
}

/// What the text of a [`Shape::Text`] rule is, so that lint knows how to check it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// A path pattern: `/invoices/:id`, `/reports/*`.
    PathPattern,
    /// A fragment or a hash route: `#payments`, `#/invoices/:id`.
    Hash,
    /// The id of a lesson of the pack.
    LessonId,
}

/// Every kind, in the order a front-matter condition lists its rules: cheapest to evaluate
/// first, as `all` stops at the first rule that does not hold. The row of a kind is at its
/// place in [`Kind`].
pub static KINDS: &[Spelling] = &[
    Spelling {
        kind: Kind::Page,
        name: "page",
        front: FrontKey::Name,
        shape: Shape::Text(Rule::Page, Text::PathPattern),
    },
    Spelling {
        kind: Kind::Query,
        name: "query",
        front: FrontKey::Name,
        shape: Shape::Params,
    },
    Spelling {
        kind: Kind::Hash,
        name: "hash",
        front: FrontKey::Name,
        shape: Shape::Text(Rule::Hash, Text::Hash),
    },
    Spelling {
        kind: Kind::TimeOnPage,
        name: "time_on_page",
        front: FrontKey::Name,
        shape: Shape::Count(Rule::TimeOnPage),
    },
    Spelling {
        kind: Kind::Trait,
        name: "trait",
        front: FrontKey::Name,
        shape: Shape::Trait,
    },
    Spelling {
        kind: Kind::Completed,
        name: "completed",
        front: FrontKey::LessonState,
        shape: Shape::Text(Rule::Completed, Text::LessonId),
    },
    Spelling {
        kind: Kind::Dismissed,
        name: "dismissed",
        front: FrontKey::LessonState,
        shape: Shape::Text(Rule::Dismissed, Text::LessonId),
    },
    Spelling {
        kind: Kind::Event,
        name: "event",
        front: FrontKey::Name,
        shape: Shape::Event,
    },
    Spelling {
        kind: Kind::Element,
        name: "element",
        front: FrontKey::Name,
        shape: Shape::Element,
    },
    Spelling {
        kind: Kind::All,
        name: "all",
        front: FrontKey::Name,
        shape: Shape::Rules(Rule::All),
    },
    Spelling {
        kind: Kind::Any,
        name: "any",
        front: FrontKey::Name,
        shape: Shape::Rules(Rule::Any),
    },
    Spelling {
        kind: Kind::Not,
        name: "not",
        front: FrontKey::Name,
        shape: Shape::Inner(Rule::Not),
    },
];

/// The front-matter key of the lesson states: `lesson = { create-invoice = "completed" }`.
pub const LESSON: &str = "lesson";

/// What one rule carries, borrowed: the JSON writer, lint and the explanation read it by
/// shape, as [`Shape`] says it is read.
#[derive(Debug, Clone, Copy)]
pub enum Payload<'a> {
    /// [`Shape::Text`].
    Text(&'a str),
    /// [`Shape::Count`].
    Count(u32),
    /// [`Shape::Params`].
    Params(&'a Keyed<String>),
    /// [`Shape::Element`].
    Element {
        /// The feature watched.
        anchor: &'a Anchor,
        /// The state it must be in.
        state: ElementState,
    },
    /// [`Shape::Event`].
    Event {
        /// The host event's name.
        name: &'a str,
        /// How many times it must have been tracked.
        at_least: u32,
        /// How far back to count, in days.
        within_days: Option<u32>,
    },
    /// [`Shape::Trait`].
    Trait {
        /// The trait's name.
        key: &'a str,
        /// The test its value must pass.
        test: &'a TraitTest,
    },
    /// [`Shape::Rules`].
    Rules(&'a [Rule]),
    /// [`Shape::Inner`].
    Inner(&'a Rule),
}

impl Rule {
    /// The rule's kind and what it carries: the one place that takes a rule apart.
    pub fn parts(&self) -> (Kind, Payload<'_>) {
        match self {
            Rule::Page(p) => (Kind::Page, Payload::Text(p)),
            Rule::Query(q) => (Kind::Query, Payload::Params(q)),
            Rule::Hash(h) => (Kind::Hash, Payload::Text(h)),
            Rule::TimeOnPage(s) => (Kind::TimeOnPage, Payload::Count(*s)),
            Rule::Trait { key, test } => (Kind::Trait, Payload::Trait { key, test }),
            Rule::Completed(id) => (Kind::Completed, Payload::Text(id)),
            Rule::Dismissed(id) => (Kind::Dismissed, Payload::Text(id)),
            Rule::Event {
                name,
                at_least,
                within_days,
            } => (
                Kind::Event,
                Payload::Event {
                    name,
                    at_least: *at_least,
                    within_days: *within_days,
                },
            ),
            Rule::Element { anchor, state } => (
                Kind::Element,
                Payload::Element {
                    anchor,
                    state: *state,
                },
            ),
            Rule::All(rules) => (Kind::All, Payload::Rules(rules)),
            Rule::Any(rules) => (Kind::Any, Payload::Rules(rules)),
            Rule::Not(rule) => (Kind::Not, Payload::Inner(rule)),
        }
    }

    /// The rule's kind.
    pub fn kind(&self) -> Kind {
        self.parts().0
    }
}

impl Kind {
    /// How the kind is written: its row of [`KINDS`].
    pub fn spelling(self) -> &'static Spelling {
        &KINDS[self as usize]
    }

    /// The kind's name, the key of its JSON form.
    pub fn name(self) -> &'static str {
        self.spelling().name
    }

    /// The kind with this name in the JSON form, if any.
    pub fn named(name: &str) -> Option<Kind> {
        KINDS.iter().find(|s| s.name == name).map(|s| s.kind)
    }
}

impl Spelling {
    /// Its key in a front-matter condition.
    pub fn front_key(&self) -> &'static str {
        match self.front {
            FrontKey::Name => self.name,
            FrontKey::LessonState => LESSON,
        }
    }
}

/// What authors read about a kind: in the compiler's messages and author mode's explanation.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    /// Its front-matter form, for help in error messages: `page = "/invoices/:id"`.
    pub example: &'static str,
    /// What a [`Shape::Count`] counts, for help in error messages: `seconds`.
    pub unit: &'static str,
    /// What the explanation says the rule asks, before and after what it carries:
    /// `page "/reports"`, `lesson "send-invoice" completed`, `time on page ≥ 30 s`.
    pub asks: (&'static str, &'static str),
}

impl Kind {
    /// The words for authors. Only the compiler and author mode call this, so the
    /// learner's wasm carries none of them.
    pub fn words(self) -> Words {
        let words = |example, asks| Words {
            example,
            unit: "",
            asks,
        };
        match self {
            Kind::Page => words(r#"page = "/invoices/:id""#, ("page", "")),
            Kind::Query => words(r#"query = { tab = "aging" }"#, ("query", "")),
            Kind::Hash => words(r##"hash = "#payments""##, ("hash", "")),
            Kind::TimeOnPage => Words {
                unit: "seconds",
                ..words("time_on_page = 30", ("time on page ≥", " s"))
            },
            Kind::Trait => words(r#"trait = { role = "admin" }"#, ("trait", "")),
            Kind::Completed => words(
                r#"lesson = { create-invoice = "completed" }"#,
                ("lesson", " completed"),
            ),
            Kind::Dismissed => words(
                r#"lesson = { create-invoice = "dismissed" }"#,
                ("lesson", " dismissed"),
            ),
            Kind::Event => words(
                r#"event = { name = "report_exported", at_least = 2, within_days = 7 }"#,
                ("event", ""),
            ),
            Kind::Element => words(
                r#"element = { feature = "reports.export", state = "visible" }"#,
                ("element", ""),
            ),
            Kind::All => words(
                r#"all = [{ page = "/reports" }, { event = "report_exported" }]"#,
                ("all of", ""),
            ),
            Kind::Any => words(
                r#"any = [{ page = "/reports" }, { event = "report_exported" }]"#,
                ("any of", ""),
            ),
            Kind::Not => words(r#"not = { page = "/reports" }"#, ("not", "")),
        }
    }

    /// The JSON Schema (draft 2020-12) of what the kind carries in the pack, as JSON text;
    /// `$ref`s point into the pack schema's `$defs`. Only the compiler calls this.
    pub fn schema(self) -> &'static str {
        match self {
            Kind::Page => {
                r#"{ "type": "string", "description": "A path pattern: /invoices/:id, /reports/*." }"#
            }
            Kind::Query => {
                r#"{ "type": "object", "minProperties": 1, "additionalProperties": { "type": "string" },
                    "description": "Parameter to value; * accepts any value." }"#
            }
            Kind::Hash => {
                r##"{ "type": "string", "description": "#payments, or a hash route such as #/invoices/:id." }"##
            }
            Kind::TimeOnPage => r#"{ "type": "integer", "minimum": 1, "maximum": 4294967295 }"#,
            Kind::Trait => {
                r##"{ "type": "object", "required": ["key", "test"], "additionalProperties": false,
                    "properties": { "key": { "type": "string", "minLength": 1 }, "test": { "$ref": "#/$defs/trait_test" } } }"##
            }
            Kind::Completed | Kind::Dismissed => r#"{ "type": "string", "minLength": 1 }"#,
            Kind::Event => {
                r#"{ "type": "object", "required": ["name"], "additionalProperties": false,
                    "properties": {
                        "name": { "type": "string", "minLength": 1 },
                        "at_least": { "type": "integer", "minimum": 1, "maximum": 4294967295 },
                        "within_days": { "type": "integer", "minimum": 1, "maximum": 3650 } } }"#
            }
            Kind::Element => {
                r##"{ "type": "object", "required": ["anchor", "state"], "additionalProperties": false,
                    "properties": { "anchor": { "$ref": "#/$defs/anchor" }, "state": { "enum": ["present", "visible", "clicked"] } } }"##
            }
            Kind::All => r##"{ "type": "array", "items": { "$ref": "#/$defs/rule" } }"##,
            Kind::Any => {
                r##"{ "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/rule" } }"##
            }
            Kind::Not => r##"{ "$ref": "#/$defs/rule" }"##,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_one_row_at_its_place_and_a_name_of_its_own() {
        for (i, spelling) in KINDS.iter().enumerate() {
            assert_eq!(spelling.kind as usize, i, "{}", spelling.name);
            assert_eq!(Kind::named(spelling.name), Some(spelling.kind));
        }
        assert_eq!(KINDS.len(), Kind::Not as usize + 1);
    }

    #[test]
    fn every_example_is_written_under_the_kinds_front_matter_key() {
        for spelling in KINDS {
            let example = spelling.kind.words().example;
            assert!(
                example.starts_with(&format!("{} = ", spelling.front_key())),
                "{example}"
            );
        }
    }

    #[test]
    fn the_kinds_are_in_the_order_front_matter_conditions_have_always_had() {
        let names: Vec<&str> = KINDS.iter().map(|s| s.name).collect();
        assert_eq!(
            names,
            [
                "page",
                "query",
                "hash",
                "time_on_page",
                "trait",
                "completed",
                "dismissed",
                "event",
                "element",
                "all",
                "any",
                "not"
            ]
        );
    }
}
