//! Rules and values for property tests, shared by the tests of evaluation and of the JSON
//! form.

use super::rule::{Bounds, ElementState, Rule, TraitTest};
use crate::model::anchor::Anchor;
use crate::support::json::Json;
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;

/// A JSON value written with `json!`, in our tree.
pub fn read(value: serde_json::Value) -> Json {
    crate::support::json::parse(&value.to_string()).unwrap()
}

/// Bounds as authors write them: serde_json reads long fractions back only nearly.
pub fn bounds() -> impl Strategy<Value = Bounds> {
    let b = || option::of((-400i32..400).prop_map(|n| f64::from(n) / 4.0));
    (b(), b(), b(), b()).prop_map(|(gt, gte, lt, lte)| Bounds { gt, gte, lt, lte })
}

pub fn scalar() -> impl Strategy<Value = Json> {
    prop_oneof![
        "(admin|trial|x)".prop_map(|s| Json::from(s.as_str())),
        (-5i32..5).prop_map(|n| Json::from(f64::from(n))),
        any::<bool>().prop_map(Json::from),
    ]
}

pub fn rule() -> impl Strategy<Value = Rule> {
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
        ("[a-z]{1,3}", 0u32..4, option::of(0u32..10)).prop_map(|(name, at_least, within_days)| {
            Rule::Event {
                name,
                at_least,
                within_days,
            }
        }),
        ("(role|plan|seats|signed_up_at)", test).prop_map(|(key, test)| Rule::Trait { key, test }),
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
