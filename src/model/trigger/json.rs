//! The JSON form of triggers, as packs hold them: `{"page": "/x"}`,
//! `{"event": {"name": "x", "at_least": 2}}`, `"visible"`.

use super::kinds::{Kind, Payload, Shape, KINDS};
use super::rule::{Bounds, ElementState, Frequency, Rule, TraitTest, Trigger};
use crate::support::json::{FromJson, Json, Mismatch, Object, ToJson};

// A rule is read and written by its kind's shape, from the table in `kinds`.

impl FromJson for Rule {
    fn from_json(value: &Json) -> Result<Rule, Mismatch> {
        let (tag, v) = value.variant()?;
        let Some(kind) = Kind::named(tag) else {
            let names: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
            return Err(Mismatch::unknown("rule", tag, &names));
        };
        Ok(match kind.spelling().shape {
            Shape::Text(make, _) => make(v.payload(tag)?),
            Shape::Count(make) => make(v.payload(tag)?),
            Shape::Params => Rule::Query(v.payload(tag)?),
            Shape::Element => v.with_fields(tag, |f| {
                Ok(Rule::Element {
                    anchor: f.required("anchor")?,
                    state: f.required("state")?,
                })
            })?,
            Shape::Event => v.with_fields(tag, |f| {
                Ok(Rule::Event {
                    name: f.required("name")?,
                    at_least: f.optional("at_least")?.unwrap_or(1),
                    within_days: f.optional("within_days")?,
                })
            })?,
            Shape::Trait => v.with_fields(tag, |f| {
                Ok(Rule::Trait {
                    key: f.required("key")?,
                    test: f.required("test")?,
                })
            })?,
            Shape::Rules(make) => make(v.payload(tag)?),
            Shape::Inner(make) => make(v.payload(tag)?),
        })
    }
}

impl ToJson for Rule {
    fn to_json(&self) -> Json {
        let (kind, payload) = self.parts();
        let payload = match payload {
            Payload::Text(text) => text.to_json(),
            Payload::Count(n) => n.to_json(),
            Payload::Params(params) => params.to_json(),
            Payload::Element { anchor, state } => Object::new()
                .with("anchor", anchor)
                .with("state", &state)
                .build(),
            Payload::Event {
                name,
                at_least,
                within_days,
            } => Object::new()
                .with("name", name)
                .with("at_least", &at_least)
                .with_some("within_days", &within_days)
                .build(),
            Payload::Trait { key, test } => {
                Object::new().with("key", key).with("test", test).build()
            }
            Payload::Rules(rules) => rules.to_json(),
            Payload::Inner(rule) => rule.to_json(),
        };
        Json::tagged(kind.name(), payload)
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
    use super::super::arbitrary::{read, rule};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_compiled_form_reads_as_the_authoring_names() {
        let rule = Rule::All(vec![
            Rule::Page("/invoices/:id".into()),
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

    proptest! {
        #[test]
        fn the_compiled_form_round_trips(r in rule()) {
            let json = r.to_json().to_string();
            prop_assert_eq!(Rule::from_json(&crate::support::json::parse(&json).unwrap()).unwrap(), r);
        }
    }
}
