//! The JSON Schema (draft 2020-12) of a compiled pack: `pathlight schema` prints it for
//! editors, and the CLI checks JSON lessons against its `lesson` definition.
//!
//! Written by hand to match the JSON form that [`crate::model::pack`] reads and writes with
//! the project's own JSON code ([`crate::support::json`]); each trigger rule's part comes
//! from its kind's [`Kind::schema`]. The tests check that the packs the CLI builds conform
//! to it.

use super::conform::{conform, SchemaMismatch};
use crate::model::pack::FORMAT;
use crate::model::trigger::{Kind, KINDS};
use serde_json::{json, Value};

/// An object with exactly one key: how the pack writes an enum variant with data
/// ([`crate::support::json::Json::tagged`]).
fn variant(key: &str, schema: Value) -> Value {
    json!({
        "type": "object",
        "required": [key],
        "properties": { key: schema },
        "additionalProperties": false
    })
}

fn object(required: &[&str], properties: Value) -> Value {
    json!({
        "type": "object",
        "required": required,
        "properties": properties,
        "additionalProperties": false
    })
}

fn whole(minimum: u64, maximum: u64) -> Value {
    json!({ "type": "integer", "minimum": minimum, "maximum": maximum })
}

fn text() -> Value {
    json!({ "type": "string", "minLength": 1 })
}

fn reference(name: &str) -> Value {
    json!({ "$ref": format!("#/$defs/{name}") })
}

fn list(items: Value) -> Value {
    json!({ "type": "array", "items": items })
}

/// What a rule of this kind carries, from its row of the kinds table.
fn rule(kind: Kind) -> Value {
    serde_json::from_str(kind.schema()).expect("each kind's schema is JSON")
}

/// The schema of a pack of this build's [`FORMAT`].
pub fn pack() -> Value {
    let u32_max = u64::from(u32::MAX);
    let bound = json!({ "type": "number" });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("urn:pathlight:pack:{FORMAT}"),
        "title": "Pathlight lesson pack",
        "description": "What `pathlight build` writes and the widget loads.",
        "type": "object",
        "required": ["format", "id", "title", "lessons"],
        "additionalProperties": false,
        "properties": {
            "format": { "const": FORMAT, "description": "The pack format; the widget refuses any other." },
            "id": text(),
            "title": text(),
            "locale": { "type": "string", "default": "en", "description": "The language of the lessons, a BCP 47 tag; `Pack::localized` applies their `locales`." },
            "goals": list(reference("goal")),
            "lessons": list(reference("lesson")),
        },
        "$defs": {
            "goal": object(&["id", "title"], json!({
                "id": text(),
                "title": text(),
                "description": { "type": "string" },
                "roles": { "type": "array", "items": { "type": "string" }, "description": "Empty means everyone." },
                "locales": {
                    "type": "object",
                    "description": "Translations by BCP 47 tag: each part given replaces the pack language's.",
                    "additionalProperties": object(&[], json!({ "title": text(), "description": { "type": "string" } })),
                },
            })),
            "lesson": object(&["id", "title", "objective", "minutes", "why", "what", "how"], json!({
                "$schema": { "type": "string", "description": "Where editors find the schema of a lesson file; ignored." },
                "id": text(),
                "title": text(),
                "objective": text(),
                "minutes": whole(1, 60),
                "anchor": reference("anchor"),
                "why": reference("layer"),
                "what": reference("layer"),
                "how": reference("layer"),
                "goals": {
                    "type": "object",
                    "description": "Goal id to weight, 1 (helps a little) to 5 (essential).",
                    "additionalProperties": whole(1, 5),
                },
                "prerequisites": list(text()),
                "related": list(text()),
                "when": reference("trigger"),
                "complete": reference("completion"),
                "priority": whole(0, 100),
                "locales": {
                    "type": "object",
                    "description": "Translations by BCP 47 tag (`de`, `pt-BR`, `zh-Hant`): a language of 2 or 3 letters, optionally a script and a region. What a translation leaves out stays in the pack's default language.",
                    "additionalProperties": reference("translation"),
                },
            })),
            "translation": object(&[], json!({
                "title": text(),
                "objective": text(),
                "why": reference("layer"),
                "what": reference("layer"),
                "how": reference("layer"),
            })),
            "anchor": {
                "oneOf": [
                    variant("feature", json!({ "type": "string", "minLength": 1, "description": "The value of a data-pathlight attribute." })),
                    variant("selector", json!({ "type": "string", "minLength": 1, "description": "A CSS selector." })),
                ]
            },
            "layer": { "type": "array", "minItems": 1, "items": reference("block") },
            "blocks": list(reference("block")),
            "block": {
                "oneOf": [
                    variant("p", reference("inlines")),
                    variant("h", reference("inlines")),
                    variant("ul", list(reference("blocks"))),
                    variant("ol", list(reference("blocks"))),
                    variant("quote", reference("blocks")),
                    variant("code", json!({ "type": "string" })),
                    variant("steps", list(object(&["content"], json!({
                        "content": reference("blocks"),
                        "anchor": reference("anchor"),
                    })))),
                ]
            },
            "inlines": list(reference("inline")),
            "inline": {
                "oneOf": [
                    variant("text", json!({ "type": "string" })),
                    variant("em", reference("inlines")),
                    variant("strong", reference("inlines")),
                    variant("code", json!({ "type": "string" })),
                    variant("link", object(&["href", "children"], json!({
                        "href": { "type": "string" },
                        "children": reference("inlines"),
                    }))),
                    variant("image", object(&["src", "alt"], json!({
                        "src": { "type": "string" },
                        "alt": { "type": "string" },
                    }))),
                    { "const": "break" },
                    variant("clip", object(&["src", "captions", "alt"], json!({
                        "src": { "type": "string" },
                        "captions": { "type": "string" },
                        "alt": { "type": "string", "minLength": 1 },
                        "poster": { "type": "string" },
                        "loop": { "type": "boolean" },
                        "width": whole(1, 65535),
                        "height": whole(1, 65535),
                    }))),
                ]
            },
            "trigger": object(&["rule"], json!({
                "rule": reference("rule"),
                "frequency": object(&[], json!({
                    "max_shows": whole(1, u32_max),
                    "snooze_days": whole(1, 3650),
                })),
            })),
            "rule": { "oneOf": KINDS.iter().map(|k| variant(k.name, rule(k.kind))).collect::<Vec<_>>() },
            "trait_test": {
                "oneOf": [
                    variant("equals", reference("scalar")),
                    variant("one_of", json!({ "type": "array", "minItems": 1, "items": reference("scalar") })),
                    variant("number", reference("bounds")),
                    variant("days_since", reference("bounds")),
                ]
            },
            "scalar": { "type": ["string", "number", "boolean"] },
            "bounds": {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": false,
                "properties": { "gt": bound, "gte": bound, "lt": bound, "lte": bound },
            },
            "completion": {
                "oneOf": [
                    variant("click", reference("anchor")),
                    variant("event", text()),
                    variant("url", text()),
                    variant("appears", reference("anchor")),
                ]
            },
        }
    })
}

/// The schema of one lesson file: the pack's `$defs/lesson` as the root.
pub fn lesson() -> Value {
    let pack = pack();
    json!({
        "$schema": pack["$schema"],
        "$id": format!("urn:pathlight:lesson:{FORMAT}"),
        "title": "Pathlight lesson",
        "description": "One lesson of a pack, in the compiled form `pathlight build` writes.",
        "$ref": "#/$defs/lesson",
        "$defs": pack["$defs"],
    })
}

/// Where a compiled pack does not have the shape of a pack.
pub fn check_pack(pack: &Value) -> Vec<SchemaMismatch> {
    let root = self::pack();
    conform(&root, &root, pack)
}

/// Where a lesson read from JSON does not have the shape of a lesson.
pub fn check_lesson(lesson: &Value) -> Vec<SchemaMismatch> {
    let root = self::lesson();
    conform(&root, &root, lesson)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_demo_and_fixture_packs_conform_to_the_schema() {
        for dir in ["lessons", "tests/fixtures/pack"] {
            let (built, diags) = super::super::compile(Path::new(dir)).unwrap();
            assert!(diags.is_empty(), "{diags:?}");
            let json: serde_json::Value = serde_json::from_str(&built.unwrap().to_json()).unwrap();
            if dir == "lessons" {
                let translated = json["lessons"].as_array().unwrap().iter();
                let translated = translated
                    .filter(|l| l["locales"]["de"].is_object())
                    .count();
                assert_eq!(
                    translated, 4,
                    "the demo's German translations are in the pack"
                );
            }
            let root = pack();
            assert_eq!(conform(&root, &root, &json), vec![], "{dir}");
        }
    }

    #[test]
    fn a_pack_of_every_rule_kind_conforms_and_mistakes_do_not() {
        let root = pack();
        let lesson = json!({
            "id": "l", "title": "L", "objective": "O.", "minutes": 2,
            "why": [{"p": [{"text": "a"}, "break", {"link": {"href": "/x", "children": []}}]}],
            "what": [{"ul": [[{"code": "x"}]]}],
            "how": [{"steps": [{"content": [], "anchor": {"selector": "#a"}}]}],
            "goals": {"g": 5},
            "when": {"rule": {"all": [
                {"page": "/a"}, {"query": {"tab": "x"}}, {"hash": "#h"},
                {"element": {"anchor": {"feature": "f"}, "state": "clicked"}},
                {"event": {"name": "e", "at_least": 2, "within_days": 7}},
                {"trait": {"key": "seats", "test": {"number": {"gte": 3}}}},
                {"trait": {"key": "plan", "test": {"one_of": ["a", 1, true]}}},
                {"not": {"completed": "x"}}, {"dismissed": "y"}, {"time_on_page": 30},
                {"any": [{"page": "/b"}]},
            ]}, "frequency": {"max_shows": 1, "snooze_days": 3}},
            "complete": {"click": {"feature": "f"}},
            "locales": {
                "de": {"title": "L", "objective": "O.", "why": [{"p": []}], "what": [{"p": []}], "how": [{"steps": []}]},
                "pt-BR": {"how": [{"steps": [{"content": [], "anchor": {"feature": "f"}}]}]},
                "zh-Hant": {},
            },
        });
        let pack = json!({"format": FORMAT, "id": "p", "title": "P", "lessons": [lesson]});
        assert_eq!(conform(&root, &root, &pack), vec![]);
        let typed = crate::model::pack::Pack::from_json(&pack.to_string()).unwrap();
        assert_eq!(typed.lessons.len(), 1);
        assert_eq!(typed.lessons[0].locales.len(), 3);

        let wrong = json!({
            "id": "l", "title": "L", "objective": "O.", "minutes": 0, "colour": 1,
            "why": [], "what": [{"p": [{"bold": []}]}],
            "when": {"rule": {"any": []}},
            "locales": {"de": {"title": "", "minutes": 2, "why": [], "how": [{"p": [{"bold": []}]}]}, "fr": "Bonjour"},
        });
        let fields: Vec<String> = check_lesson(&wrong).into_iter().map(|m| m.field).collect();
        assert_eq!(
            fields,
            [
                "colour",
                "how",
                "locales.de.how[0].p[0]",
                "locales.de.minutes",
                "locales.de.title",
                "locales.de.why",
                "locales.fr",
                "minutes",
                "what[0].p[0]",
                "when.rule.any",
                "why"
            ]
        );
    }

    #[test]
    fn the_schema_uses_only_keywords_the_checker_understands() {
        fn walk(schema: &Value, path: &str) {
            let Value::Object(map) = schema else { return };
            for (k, v) in map {
                match k.as_str() {
                    "properties" | "$defs" => {
                        for (name, sub) in v.as_object().unwrap() {
                            walk(sub, &format!("{path}/{k}/{name}"));
                        }
                    }
                    "items" | "additionalProperties" => walk(v, &format!("{path}/{k}")),
                    "oneOf" => {
                        for sub in v.as_array().unwrap() {
                            walk(sub, &format!("{path}/oneOf"));
                        }
                    }
                    k => assert!(super::super::conform::KEYWORDS.contains(&k), "{path}: {k}"),
                }
            }
        }
        walk(&pack(), "#");
        walk(&lesson(), "#");
    }
}
