//! Checking a JSON value against the subset of JSON Schema that [`super::schema`] uses,
//! reporting every mismatch at the path of its field.
//!
//! A full validator would bring a regex engine and an HTTP client into the CLI; the pack's
//! schema needs a dozen keywords, and a test keeps it to [`KEYWORDS`].

use super::diagnostic::did_you_mean;
use super::field::{index, key};
use serde_json::{Map, Value};

/// The keywords this checker understands (annotations included); the schema's tests keep
/// it to them.
#[cfg(test)]
pub const KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$ref",
    "$defs",
    "title",
    "description",
    "default",
    "type",
    "const",
    "enum",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "minItems",
    "minProperties",
    "minLength",
    "minimum",
    "maximum",
    "oneOf",
];

/// Where a value differs from its schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaMismatch {
    pub field: String,
    pub message: String,
}

/// Every mismatch of `value` against `schema`, whose `$ref`s point into `root`'s `$defs`,
/// sorted by field.
pub fn conform(root: &Value, schema: &Value, value: &Value) -> Vec<SchemaMismatch> {
    let mut out = Vec::new();
    check(root, schema, value, "", &mut out);
    out.sort_by(|a, b| a.field.cmp(&b.field));
    out
}

fn check(root: &Value, schema: &Value, value: &Value, path: &str, out: &mut Vec<SchemaMismatch>) {
    let Some(s) = schema.as_object() else { return };
    let mut fail = |message: String| {
        out.push(SchemaMismatch {
            field: path.to_string(),
            message,
        })
    };
    let name = if path.is_empty() {
        "the lesson".to_string()
    } else {
        format!("`{path}`")
    };
    if let Some(t) = s.get("type") {
        let types: Vec<&str> = match t {
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            t => t.as_str().into_iter().collect(),
        };
        if !types.iter().any(|t| is(value, t)) {
            fail(format!(
                "{name} must be {}, not {}",
                types.join(" or "),
                kind(value)
            ));
            return;
        }
    }
    if let Some(c) = s.get("const") {
        if !same(value, c) {
            fail(format!("{name} must be {c}"));
        }
    }
    if let Some(Value::Array(options)) = s.get("enum") {
        if !options.iter().any(|o| same(value, o)) {
            let options: Vec<String> = options.iter().map(Value::to_string).collect();
            fail(format!("{name} must be one of {}", options.join(", ")));
        }
    }
    if let (Some(min), Some(text)) = (s.get("minLength").and_then(Value::as_u64), value.as_str()) {
        if (text.chars().count() as u64) < min {
            fail(format!("{name} is empty"));
        }
    }
    if let Some(x) = value.as_f64() {
        let min = s.get("minimum").and_then(Value::as_f64);
        let max = s.get("maximum").and_then(Value::as_f64);
        if min.is_some_and(|m| x < m) || max.is_some_and(|m| x > m) {
            let (min, max) = (
                min.unwrap_or(f64::NEG_INFINITY),
                max.unwrap_or(f64::INFINITY),
            );
            fail(format!("{name} is {x}, out of the range {min} to {max}"));
        }
    }
    if let (Some(min), Some(items)) = (s.get("minItems").and_then(Value::as_u64), value.as_array())
    {
        if (items.len() as u64) < min {
            fail(format!("{name} needs at least {min} item(s)"));
        }
    }
    if let (Some(min), Some(obj)) = (
        s.get("minProperties").and_then(Value::as_u64),
        value.as_object(),
    ) {
        if (obj.len() as u64) < min {
            fail(format!("{name} needs at least {min} field(s)"));
        }
    }
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let def = r.strip_prefix("#/$defs/").unwrap_or(r);
        check(root, &root["$defs"][def], value, path, out);
    }
    if let (Some(items), Some(values)) = (s.get("items"), value.as_array()) {
        for (i, v) in values.iter().enumerate() {
            check(root, items, v, &index(path, i), out);
        }
    }
    if let Some(obj) = value.as_object() {
        fields(root, s, obj, path, out);
    }
    if let Some(Value::Array(branches)) = s.get("oneOf") {
        one_of(root, branches, value, path, &name, out);
    }
}

fn fields(
    root: &Value,
    s: &Map<String, Value>,
    obj: &Map<String, Value>,
    path: &str,
    out: &mut Vec<SchemaMismatch>,
) {
    let properties = s.get("properties").and_then(Value::as_object);
    for required in s
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let required = required.as_str().unwrap_or_default();
        if !obj.contains_key(required) {
            out.push(SchemaMismatch {
                field: key(path, required),
                message: format!("missing field `{required}`"),
            });
        }
    }
    for (k, v) in obj {
        let field = key(path, k);
        match (
            properties.and_then(|p| p.get(k)),
            s.get("additionalProperties"),
        ) {
            (Some(sub), _) => check(root, sub, v, &field, out),
            (None, Some(Value::Bool(false))) => {
                let known = properties
                    .into_iter()
                    .flat_map(|p| p.keys().map(String::as_str));
                out.push(SchemaMismatch {
                    message: format!("unknown field `{k}`{}", did_you_mean(k, known)),
                    field,
                });
            }
            (None, Some(sub)) => check(root, sub, v, &field, out),
            (None, None) => {}
        }
    }
}

/// Exactly one branch must match. When none does, the branch the value was evidently
/// meant for (an enum variant's key) gives the precise mismatches.
fn one_of(
    root: &Value,
    branches: &[Value],
    value: &Value,
    path: &str,
    name: &str,
    out: &mut Vec<SchemaMismatch>,
) {
    let tries: Vec<Vec<SchemaMismatch>> = branches
        .iter()
        .map(|b| {
            let mut o = Vec::new();
            check(root, b, value, path, &mut o);
            o
        })
        .collect();
    match tries.iter().filter(|t| t.is_empty()).count() {
        1 => {}
        0 => {
            let meant = value.as_object().filter(|o| o.len() == 1).and_then(|o| {
                let k = o.keys().next()?;
                branches
                    .iter()
                    .position(|b| form(b).as_deref() == Some(k.as_str()))
            });
            match meant {
                Some(i) => out.extend(tries[i].iter().cloned()),
                None => {
                    let forms: Vec<String> = branches.iter().filter_map(form).collect();
                    let typo = value
                        .as_object()
                        .and_then(|o| o.keys().next())
                        .map(|k| did_you_mean(k, forms.iter().map(String::as_str)))
                        .unwrap_or_default();
                    out.push(SchemaMismatch {
                        field: path.to_string(),
                        message: format!("{name} must be one of: {}{typo}", forms.join(", ")),
                    });
                }
            }
        }
        _ => out.push(SchemaMismatch {
            field: path.to_string(),
            message: format!("{name} matches several forms"),
        }),
    }
}

/// How a branch is named to the author: its one required key, or its constant.
fn form(branch: &Value) -> Option<String> {
    match (branch.get("required"), branch.get("const")) {
        (Some(Value::Array(keys)), _) if keys.len() == 1 => keys[0].as_str().map(String::from),
        (_, Some(c)) => Some(c.to_string()),
        _ => None,
    }
}

fn is(value: &Value, t: &str) -> bool {
    match t {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "number" => value.is_number(),
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|x| x.fract() == 0.0)
        }
        _ => false,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// JSON Schema equality: numbers by value, so `2` equals `2.0`.
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_mismatch_is_reported_at_its_field() {
        let root = json!({"$defs": {"n": {"type": "integer", "minimum": 1}}});
        let schema = json!({
            "type": "object", "required": ["a", "b"], "additionalProperties": false,
            "properties": {"a": {"$ref": "#/$defs/n"}, "list": {"type": "array", "items": {"$ref": "#/$defs/n"}}},
        });
        let got = conform(
            &root,
            &schema,
            &json!({"a": 0, "list": [1, "x"], "lsit": 1}),
        );
        let fields: Vec<&str> = got.iter().map(|m| m.field.as_str()).collect();
        assert_eq!(fields, ["a", "b", "list[1]", "lsit"]);
        assert!(
            got[3].message.contains("did you mean `list`"),
            "{:?}",
            got[3]
        );
    }

    #[test]
    fn integers_may_be_written_with_a_zero_fraction_as_json_allows() {
        assert!(is(&json!(2.0), "integer"));
        assert!(!is(&json!(2.5), "integer"));
    }
}
