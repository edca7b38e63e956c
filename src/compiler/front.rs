//! The front matter of a Markdown lesson, read field by field from its TOML, so that every
//! mistake is reported (not only the first) on the line of its field.

use super::check::{self, Problem};
use super::diagnostic::{closest, did_you_mean, FileProblems};
use super::field::{index, key};
use super::refs::Refs;
use crate::model::anchor::Anchor;
use crate::model::pack::Completion;
use crate::model::trigger::{
    Bounds, ElementState, Frequency, FrontKey, Kind, Rule, Shape, Spelling, TraitTest, Trigger,
    KINDS, LESSON,
};
use crate::support::json::Json;
use crate::support::keyed::Keyed;
use toml::{Table, Value};

/// What the front matter says about a lesson; a field missing or wrong is its default
/// here, and reported.
pub struct Front {
    pub id: String,
    pub title: String,
    pub objective: String,
    pub minutes: u16,
    pub anchor: Option<Anchor>,
    pub goals: Keyed<u8>,
    pub prerequisites: Vec<String>,
    pub related: Vec<String>,
    pub priority: u8,
    pub when: Option<Trigger>,
    pub complete: Option<Completion>,
    /// The lessons the trigger names and the features the lesson names, with the path of
    /// each mention: read even when other fields are wrong, for the pack to check.
    pub refs: Refs,
}

const FIELDS: &[&str] = &[
    "id",
    "title",
    "objective",
    "minutes",
    "anchor",
    "goals",
    "prerequisites",
    "related",
    "priority",
    "trigger",
    "frequency",
    "complete",
];

/// The keys of a condition, in the order of [`KINDS`]: cheapest to evaluate first. They
/// become the rules of an `all` in this order, and `all` stops at the first rule that does
/// not hold.
fn conditions() -> Vec<&'static str> {
    let mut keys: Vec<&str> = KINDS.iter().map(Spelling::front_key).collect();
    keys.dedup();
    keys
}

/// A kind's front-matter example, quoted as code for a message: `` `page = "/x"` ``.
fn example(kind: Kind) -> String {
    format!("`{}`", kind.words().example)
}

const BOUNDS: &[&str] = &["gt", "gte", "lt", "lte"];

/// Reads the front matter. Every problem found is in `r`; the lesson is valid only when
/// there is none.
pub fn read(front: &Table, r: &mut FileProblems) -> Front {
    unknown_keys(r, front, "", FIELDS);
    let text = |r: &mut FileProblems, field: &str, example: &str| {
        let value = required(r, front, "", field, example)?;
        name(r, value, field, example)
    };
    // An invalid id is kept as written: other lessons that name it are not wrong as well.
    let id = text(r, "id", "`id = \"send-invoice\"`");
    if let Some(id) = &id {
        check::at(r, "id", check::lesson_id(id));
    }
    let title = text(r, "title", "`title = \"Send an invoice by email\"`");
    let objective = text(
        r,
        "objective",
        "`objective = \"Email a finished invoice to your customer.\"`",
    );
    let minutes = required(r, front, "", "minutes", "`minutes = 2`").and_then(|v| {
        whole(
            r,
            v,
            "minutes",
            1,
            60,
            "a micro-lesson takes 1 to 60 minutes, e.g. `minutes = 2`",
        )
    });
    let anchor = front.get("anchor").and_then(|v| anchor(r, v, "anchor"));
    let goals = front.get("goals").map_or_else(Keyed::new, |v| goals(r, v));
    let prerequisites = front
        .get("prerequisites")
        .map_or_else(Vec::new, |v| ids(r, v, "prerequisites"));
    let related = front
        .get("related")
        .map_or_else(Vec::new, |v| ids(r, v, "related"));
    let priority = front.get("priority").map_or(Some(0), |v| {
        whole(
            r,
            v,
            "priority",
            0,
            100,
            "use 0 to 100; higher shows first, e.g. `priority = 50`",
        )
    });
    let mut refs = Refs::default();
    let anchor = anchor.inspect(|a| feature(&mut refs, a, "anchor"));
    let rule = front
        .get("trigger")
        .map(|v| condition(r, v, "trigger", &mut refs));
    let frequency = front.get("frequency").map(|v| frequency(r, v));
    let complete = front
        .get("complete")
        .and_then(|v| complete(r, v, &mut refs));
    let when = match (rule, frequency) {
        (None, None) => None,
        (rule, frequency) => Some(Trigger {
            rule: rule.flatten().unwrap_or(Rule::All(vec![])),
            frequency: frequency.flatten().unwrap_or_default(),
        }),
    };
    Front {
        id: id.unwrap_or_default(),
        title: title.unwrap_or_default(),
        objective: objective.unwrap_or_default(),
        minutes: minutes.unwrap_or_default() as u16,
        anchor,
        goals,
        prerequisites,
        related,
        priority: priority.unwrap_or_default() as u8,
        when,
        complete,
        refs,
    }
}

impl Front {
    /// The front matter of a lesson known only by its id: one whose TOML does not parse.
    pub fn named(id: String) -> Front {
        Front {
            id,
            title: String::new(),
            objective: String::new(),
            minutes: 0,
            anchor: None,
            goals: Keyed::new(),
            prerequisites: vec![],
            related: vec![],
            priority: 0,
            when: None,
            complete: None,
            refs: Refs::default(),
        }
    }
}

/// Collects the feature `a` names, if it names one, at `path`.
fn feature(refs: &mut Refs, a: &Anchor, path: &str) {
    if let Anchor::Feature(name) = a {
        refs.features.push((name.clone(), path.to_owned()));
    }
}

/// What the front matter of a translation says: the text it translates, and the id of
/// its lesson if the author repeated it.
#[derive(Debug, Default)]
pub struct TranslationFront {
    pub id: Option<String>,
    pub title: Option<String>,
    pub objective: Option<String>,
}

/// The fields a translation may have; everything else comes from its lesson.
const TRANSLATED: &[&str] = &["id", "title", "objective"];

/// Reads a translation's front matter: only `title` and `objective`, both optional, and
/// `id`, which names the lesson. Every problem found is in `r`.
pub fn read_translation(front: &Table, r: &mut FileProblems) -> TranslationFront {
    for name in front.keys().filter(|k| !TRANSLATED.contains(&k.as_str())) {
        if FIELDS.contains(&name.as_str()) {
            r.error(
                name,
                format!("`{name}` cannot be translated"),
                "a translation has only `title` and `objective`; the rest is the lesson's in the default language, so remove it here",
            );
        } else {
            r.error(
                name,
                format!(
                    "unknown field `{name}`{}",
                    did_you_mean(name, TRANSLATED.iter().copied())
                ),
                format!("the fields of a translation are: {}", TRANSLATED.join(", ")),
            );
        }
    }
    let text = |r: &mut FileProblems, field: &str, example: &str| {
        front.get(field).and_then(|v| name(r, v, field, example))
    };
    TranslationFront {
        id: text(r, "id", "`id = \"send-invoice\"`"),
        title: text(r, "title", "`title = \"Rechnung per E-Mail senden\"`"),
        objective: text(
            r,
            "objective",
            "`objective = \"Sende eine fertige Rechnung per E-Mail an deinen Kunden.\"`",
        ),
    }
}

fn a_type(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "a string",
        Value::Integer(_) => "a whole number",
        Value::Float(_) => "a number with a fraction",
        Value::Boolean(_) => "true or false",
        Value::Datetime(_) => "a date",
        Value::Array(_) => "a list",
        Value::Table(_) => "a table",
    }
}

fn wrong_type(r: &mut FileProblems, path: &str, expected: &str, found: &Value, example: &str) {
    r.error(
        path,
        format!("`{path}` must be {expected}, not {}", a_type(found)),
        format!("write it like {example}"),
    );
}

/// The field `name` of the table at `path`.
fn required<'v>(
    r: &mut FileProblems,
    table: &'v Table,
    path: &str,
    name: &str,
    example: &str,
) -> Option<&'v Value> {
    let value = table.get(name);
    // A misspelt field is reported as unknown, with "did you mean": one mistake, one error.
    let misspelt = || table.keys().any(|k| closest(k, [name]).is_some());
    if value.is_none() && !misspelt() {
        r.error(
            &key(path, name),
            format!("missing field `{name}`"),
            format!("add {example}"),
        );
    }
    value
}

/// `value` when the check passed; the problem is reported otherwise.
fn keep<T>(r: &mut FileProblems, path: &str, value: T, check: Result<(), Problem>) -> Option<T> {
    match check {
        Ok(()) => Some(value),
        Err(p) => {
            r.error(path, p.message, p.help);
            None
        }
    }
}

fn unknown_keys(r: &mut FileProblems, table: &Table, path: &str, known: &[&str]) {
    for name in table.keys().filter(|k| !known.contains(&k.as_str())) {
        r.error(
            &key(path, name),
            format!(
                "unknown field `{name}`{}",
                did_you_mean(name, known.iter().copied())
            ),
            format!("the fields here are: {}", known.join(", ")),
        );
    }
}

fn string(r: &mut FileProblems, value: &Value, path: &str, example: &str) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        other => {
            wrong_type(r, path, "a string", other, example);
            None
        }
    }
}

/// A non-empty string.
fn name(r: &mut FileProblems, value: &Value, path: &str, example: &str) -> Option<String> {
    let s = string(r, value, path, example)?;
    if s.trim().is_empty() {
        r.error(
            path,
            format!("`{path}` is empty"),
            format!("write it like {example}"),
        );
        return None;
    }
    Some(s)
}

fn whole(
    r: &mut FileProblems,
    value: &Value,
    path: &str,
    min: i64,
    max: i64,
    help: &str,
) -> Option<i64> {
    match value {
        Value::Integer(n) if (min..=max).contains(n) => Some(*n),
        Value::Integer(n) => {
            r.error(path, format!("`{path}` is {n}, out of range"), help);
            None
        }
        other => {
            r.error(
                path,
                format!("`{path}` must be a whole number, not {}", a_type(other)),
                help,
            );
            None
        }
    }
}

/// A table with these fields only.
fn table<'v>(
    r: &mut FileProblems,
    value: &'v Value,
    path: &str,
    known: &[&str],
    example: &str,
) -> Option<&'v Table> {
    let t = map(r, value, path, example)?;
    unknown_keys(r, t, path, known);
    Some(t)
}

/// A table whose keys are the author's: goal ids, trait names, lesson ids.
fn map<'v>(r: &mut FileProblems, value: &'v Value, path: &str, example: &str) -> Option<&'v Table> {
    match value {
        Value::Table(t) => Some(t),
        other => {
            wrong_type(r, path, "a table", other, example);
            None
        }
    }
}

fn ids(r: &mut FileProblems, value: &Value, path: &str) -> Vec<String> {
    let example = format!("`{path} = [\"create-invoice\"]`");
    let Value::Array(items) = value else {
        wrong_type(r, path, "a list of lesson ids", value, &example);
        return vec![];
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, v)| string(r, v, &index(path, i), &example))
        .collect()
}

fn goals(r: &mut FileProblems, value: &Value) -> Keyed<u8> {
    let Some(goals) = map(r, value, "goals", "`goals = { get-paid-faster = 3 }`") else {
        return Keyed::new();
    };
    goals
        .iter()
        .filter_map(|(goal, weight)| {
            let path = key("goals", goal);
            let w = match weight {
                Value::Integer(w) if (1..=5).contains(w) => *w as u8,
                Value::Integer(w) => {
                    r.error(
                        &path,
                        format!("weight {w} for goal `{goal}` is out of range"),
                        "use a weight from 1 (helps a little) to 5 (essential)",
                    );
                    return None;
                }
                other => {
                    wrong_type(
                        r,
                        &path,
                        "a weight from 1 to 5",
                        other,
                        "`goals = { get-paid-faster = 3 }`",
                    );
                    return None;
                }
            };
            Some((goal.clone(), w))
        })
        .collect()
}

const ANCHOR: &str =
    "`\"billing.export\"` (the element's data-pathlight) or `{ selector = \"#export\" }`";

/// `"feature.name"`, `{ feature = "feature.name" }` or `{ selector = "#css" }`.
fn anchor(r: &mut FileProblems, value: &Value, path: &str) -> Option<Anchor> {
    match value {
        Value::String(feature) => valid_anchor(r, Anchor::Feature(feature.clone()), path),
        Value::Table(t) => {
            unknown_keys(r, t, path, &["feature", "selector"]);
            anchor_in(r, t, path)
        }
        other => {
            wrong_type(r, path, "a feature name or a table", other, ANCHOR);
            None
        }
    }
}

/// The anchor of a table that names its `feature` or its `selector`.
fn anchor_in(r: &mut FileProblems, t: &Table, path: &str) -> Option<Anchor> {
    let a = match (t.get("feature"), t.get("selector")) {
        (Some(f), None) => Anchor::Feature(string(r, f, &key(path, "feature"), ANCHOR)?),
        (None, Some(s)) => Anchor::Selector(string(r, s, &key(path, "selector"), ANCHOR)?),
        _ => {
            r.error(
                path,
                "an anchor names exactly one of `feature` or `selector`",
                format!("write {ANCHOR}"),
            );
            return None;
        }
    };
    valid_anchor(r, a, path)
}

fn valid_anchor(r: &mut FileProblems, a: Anchor, path: &str) -> Option<Anchor> {
    let check = check::anchor(&a);
    keep(r, path, a, check)
}

fn complete(r: &mut FileProblems, value: &Value, refs: &mut Refs) -> Option<Completion> {
    const KINDS: &[&str] = &["click", "event", "url", "appears"];
    let t = table(
        r,
        value,
        "complete",
        KINDS,
        "`[complete]` with `event = \"invoice_sent\"`",
    )?;
    let named: Vec<&str> = KINDS
        .iter()
        .copied()
        .filter(|k| t.contains_key(*k))
        .collect();
    let [kind] = named.as_slice() else {
        r.error(
            "complete",
            format!("[complete] names {} actions", named.len()),
            "name exactly one of click, event, url or appears: the real action that completes the lesson",
        );
        return None;
    };
    let path = key("complete", kind);
    let v = &t[*kind];
    match *kind {
        "click" | "appears" => {
            let a = anchor(r, v, &path)?;
            feature(refs, &a, &path);
            Some(if *kind == "click" {
                Completion::Click(a)
            } else {
                Completion::Appears(a)
            })
        }
        "event" => name(r, v, &path, "`event = \"invoice_sent\"`").map(Completion::Event),
        _ => {
            let pattern = name(r, v, &path, "`url = \"/invoices/:id\"`")?;
            let check = check::page(&pattern);
            keep(r, &path, Completion::Url(pattern), check)
        }
    }
}

fn frequency(r: &mut FileProblems, value: &Value) -> Option<Frequency> {
    let t = table(
        r,
        value,
        "frequency",
        &["once", "max_shows", "snooze_days"],
        "`[frequency]` with `once = true`",
    )?;
    let once = match t.get("once") {
        None => false,
        Some(Value::Boolean(b)) => *b,
        Some(other) => {
            wrong_type(r, "frequency.once", "true or false", other, "`once = true`");
            false
        }
    };
    let max_shows = t.get("max_shows").and_then(|v| {
        whole(
            r,
            v,
            "frequency.max_shows",
            1,
            u32::MAX.into(),
            "use 1 or more, e.g. `max_shows = 3`",
        )
    });
    let snooze_days = t.get("snooze_days").and_then(|v| {
        whole(
            r,
            v,
            "frequency.snooze_days",
            1,
            3650,
            "use a number of days, e.g. `snooze_days = 7`",
        )
    });
    if once && t.contains_key("max_shows") {
        r.error(
            "frequency.once",
            "`once = true` and `max_shows` both limit the shows",
            "keep one: `once = true` means `max_shows = 1`",
        );
    }
    Some(Frequency {
        max_shows: if once {
            Some(1)
        } else {
            max_shows.map(|n| n as u32)
        },
        snooze_days: snooze_days.map(|n| n as u32),
    })
}

/// A condition table: each key is a rule, and several keys must all hold.
fn condition(r: &mut FileProblems, value: &Value, path: &str, refs: &mut Refs) -> Option<Rule> {
    let conditions = conditions();
    let t = table(
        r,
        value,
        path,
        &conditions,
        "`{ page = \"/invoices/:id\" }`",
    )?;
    if t.is_empty() {
        r.error(
            path,
            "the condition is empty",
            format!("give it at least one of: {}", conditions.join(", ")),
        );
        return None;
    }
    let before = r.diags.len();
    let mut rules = Vec::new();
    for name in conditions {
        let Some(v) = t.get(name) else { continue };
        let path = key(path, name);
        if name == LESSON {
            lessons(r, v, &path, &mut rules, refs);
            continue;
        }
        let Some(spelling) = KINDS.iter().find(|s| s.name == name) else {
            continue;
        };
        let kind = spelling.kind;
        match spelling.shape {
            Shape::Text(make, meaning) => rules.extend(
                self::name(r, v, &path, &example(kind))
                    .and_then(|text| keep(r, &path, text.clone(), check::text(meaning, &text)))
                    .map(make),
            ),
            Shape::Count(make) => {
                let help = format!("give {}, e.g. {}", kind.words().unit, example(kind));
                rules.extend(whole(r, v, &path, 1, u32::MAX.into(), &help).map(|n| make(n as u32)))
            }
            Shape::Params => rules.extend(query(r, v, &path)),
            Shape::Trait => traits(r, v, &path, &mut rules),
            Shape::Event => rules.extend(event(r, v, &path)),
            Shape::Element => rules.extend(element(r, v, &path, refs)),
            Shape::Rules(make) => match v {
                Value::Array(items) if !items.is_empty() => {
                    let inner: Vec<Rule> = items
                        .iter()
                        .enumerate()
                        .filter_map(|(i, item)| condition(r, item, &index(&path, i), refs))
                        .collect();
                    rules.push(make(inner));
                }
                Value::Array(_) => r.error(
                    &path,
                    format!("`{name}` is an empty list"),
                    format!("list the conditions, e.g. {}", example(kind)),
                ),
                other => wrong_type(r, &path, "a list of conditions", other, &example(kind)),
            },
            Shape::Inner(make) => {
                rules.extend(condition(r, v, &path, refs).map(|rule| make(Box::new(rule))))
            }
        }
    }
    if r.diags.len() > before {
        return None;
    }
    Some(if rules.len() == 1 {
        rules.remove(0)
    } else {
        Rule::All(rules)
    })
}

fn query(r: &mut FileProblems, value: &Value, path: &str) -> Option<Rule> {
    let example = format!("{} (`\"*\"` for any value)", example(Kind::Query));
    let t = map(r, value, path, &example)?;
    if t.is_empty() {
        r.error(
            path,
            "`query` names no parameter",
            format!("write {example}"),
        );
        return None;
    }
    let params: Keyed<String> = t
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), string(r, v, &key(path, k), &example)?)))
        .collect();
    (params.len() == t.len()).then_some(Rule::Query(params))
}

/// `trait = { role = "admin", plan = ["trial", "starter"], seats = { gte = 3 },
/// signed_up_at = { days_since = { lt = 14 } } }`: one rule per trait.
fn traits(r: &mut FileProblems, value: &Value, path: &str, rules: &mut Vec<Rule>) {
    let example = example(Kind::Trait);
    let Some(t) = map(r, value, path, &example) else {
        return;
    };
    if t.is_empty() {
        r.error(path, "`trait` names no trait", format!("write {example}"));
    }
    for (name, v) in t {
        let path = key(path, name);
        let test = match v {
            Value::Array(options) if options.is_empty() => {
                r.error(
                    &path,
                    "the list of values is empty",
                    "list the values that match, e.g. `plan = [\"trial\", \"starter\"]`",
                );
                None
            }
            Value::Array(options) => options
                .iter()
                .enumerate()
                .map(|(i, o)| scalar(r, o, &index(&path, i)))
                .collect::<Option<Vec<_>>>()
                .map(TraitTest::OneOf),
            Value::Table(t) => match t.get("days_since") {
                Some(days) if t.len() == 1 => {
                    bounds(r, days, &key(&path, "days_since")).map(TraitTest::DaysSince)
                }
                Some(_) => {
                    r.error(
                        &path,
                        "`days_since` and number bounds are mixed",
                        "bound the days inside it: `signed_up_at = { days_since = { lt = 14 } }`",
                    );
                    None
                }
                None => bounds(r, v, &path).map(TraitTest::Number),
            },
            other => scalar(r, other, &path).map(TraitTest::Equals),
        };
        if let Some(test) = test {
            rules.push(Rule::Trait {
                key: name.clone(),
                test,
            });
        }
    }
}

fn scalar(r: &mut FileProblems, value: &Value, path: &str) -> Option<Json> {
    match value {
        Value::String(s) => Some(Json::from(s.as_str())),
        Value::Integer(n) => Some(Json::Number(*n as f64)),
        Value::Float(x) if x.is_finite() => Some(Json::Number(*x)),
        Value::Boolean(b) => Some(Json::Bool(*b)),
        Value::Datetime(_) => {
            r.error(
                path,
                "a trait is compared with a date",
                "to test how long ago a date trait was, write `{ days_since = { lt = 14 } }`; to compare text, quote it",
            );
            None
        }
        other => {
            wrong_type(
                r,
                path,
                "a string, a number or true/false",
                other,
                "`role = \"admin\"`",
            );
            None
        }
    }
}

fn bounds(r: &mut FileProblems, value: &Value, path: &str) -> Option<Bounds> {
    let t = table(r, value, path, BOUNDS, "`{ gte = 3, lt = 10 }`")?;
    let mut bound = |name: &str| match t.get(name)? {
        Value::Integer(n) => Some(*n as f64),
        Value::Float(x) => Some(*x),
        other => {
            wrong_type(r, &key(path, name), "a number", other, "`{ gte = 3 }`");
            None
        }
    };
    let b = Bounds {
        gt: bound("gt"),
        gte: bound("gte"),
        lt: bound("lt"),
        lte: bound("lte"),
    };
    keep(r, path, b, check::bounds(&b))
}

/// The lesson states a front-matter `lesson` table accepts: those of the kinds written as
/// a [`FrontKey::LessonState`], and `not_completed`.
const STATES: &str = "\"completed\", \"not_completed\" or \"dismissed\"";

/// `lesson = { create-invoice = "completed", export-report = "not_completed" }`.
fn lessons(
    r: &mut FileProblems,
    value: &Value,
    path: &str,
    rules: &mut Vec<Rule>,
    refs: &mut Refs,
) {
    let example = example(Kind::Completed);
    let Some(t) = map(r, value, path, &example) else {
        return;
    };
    if t.is_empty() {
        r.error(path, "`lesson` names no lesson", format!("write {example}"));
    }
    for (id, state) in t {
        let path = key(path, id);
        refs.lessons.push((id.clone(), path.clone()));
        let Some(rule) = state.as_str().and_then(|state| lesson_state(state, id)) else {
            r.error(
                &path,
                format!("`{path}` must be {STATES}"),
                format!("write e.g. `{id} = \"completed\"`"),
            );
            continue;
        };
        rules.push(rule);
    }
}

/// The rule that lesson `id` is in `state`: a kind written as a lesson state, or
/// `not_completed`, which reads better than a `not` around `completed`.
fn lesson_state(state: &str, id: &str) -> Option<Rule> {
    if state == "not_completed" {
        return Some(Rule::Not(Box::new(Rule::Completed(id.to_owned()))));
    }
    let spelling = KINDS
        .iter()
        .find(|s| s.front == FrontKey::LessonState && s.name == state)?;
    match spelling.shape {
        Shape::Text(make, _) => Some(make(id.to_owned())),
        _ => None,
    }
}

/// `event = "report_exported"`, or `{ name = "report_exported", at_least = 2, within_days = 7 }`.
fn event(r: &mut FileProblems, value: &Value, path: &str) -> Option<Rule> {
    let example = example(Kind::Event);
    let example = example.as_str();
    if let Value::String(_) = value {
        return name(r, value, path, example).map(|name| Rule::Event {
            name,
            at_least: 1,
            within_days: None,
        });
    }
    let t = table(
        r,
        value,
        path,
        &["name", "at_least", "within_days"],
        example,
    )?;
    let name =
        required(r, t, path, "name", example).and_then(|v| name(r, v, &key(path, "name"), example));
    let at_least = t.get("at_least").map_or(Some(1), |v| {
        whole(
            r,
            v,
            &key(path, "at_least"),
            1,
            u32::MAX.into(),
            "use 1 or more, e.g. `at_least = 2`",
        )
    });
    let within_days = match t.get("within_days") {
        None => Some(None),
        Some(v) => whole(
            r,
            v,
            &key(path, "within_days"),
            1,
            3650,
            "use a number of days, e.g. `within_days = 7`",
        )
        .map(|d| Some(d as u32)),
    };
    Some(Rule::Event {
        name: name?,
        at_least: at_least? as u32,
        within_days: within_days?,
    })
}

/// `element = "reports.export"` (present), or `{ feature | selector, state }`.
fn element(r: &mut FileProblems, value: &Value, path: &str, refs: &mut Refs) -> Option<Rule> {
    let example = example(Kind::Element);
    let Value::Table(t) = value else {
        let anchor = anchor(r, value, path)?;
        feature(refs, &anchor, path);
        return Some(Rule::Element {
            anchor,
            state: ElementState::Present,
        });
    };
    unknown_keys(r, t, path, &["feature", "selector", "state"]);
    let state = match t.get("state").map(Value::as_str) {
        None | Some(Some("present")) => Some(ElementState::Present),
        Some(Some("visible")) => Some(ElementState::Visible),
        Some(Some("clicked")) => Some(ElementState::Clicked),
        Some(_) => {
            r.error(
                &key(path, "state"),
                "`state` must be \"present\", \"visible\" or \"clicked\"",
                format!("write e.g. {example}"),
            );
            None
        }
    };
    let anchor = anchor_in(r, t, path)?;
    feature(refs, &anchor, path);
    Some(Rule::Element {
        anchor,
        state: state?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lesson_states_in_the_help_are_those_of_the_kinds_table() {
        for s in KINDS.iter().filter(|s| s.front == FrontKey::LessonState) {
            assert!(STATES.contains(&format!("\"{}\"", s.name)), "{}", s.name);
            assert_eq!(lesson_state(s.name, "x").map(|r| r.kind()), Some(s.kind));
        }
    }
}
