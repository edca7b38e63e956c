//! The files authors write: `pack.toml`, and one Markdown file per lesson with a TOML
//! front matter between `+++` lines.

use super::markdown;
use super::Diagnostic;
use crate::pack::{Anchor, Completion, Goal, Lesson};
use crate::trigger::Rule;
use crate::url_pattern::UrlPattern;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// `pack.toml`: what the pack is and the goals learners can choose.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub id: String,
    pub title: String,
    #[serde(default = "english")]
    pub locale: String,
    #[serde(default)]
    pub goals: Vec<Goal>,
}

fn english() -> String {
    "en".into()
}

impl Manifest {
    /// Linting one lesson file on its own: no pack around it.
    pub fn single_file() -> Manifest {
        Manifest {
            id: "lint".into(),
            title: "lint".into(),
            locale: english(),
            goals: vec![],
        }
    }
}

pub fn read_manifest(path: &Path, diags: &mut Vec<Diagnostic>) -> Option<Manifest> {
    let text = read(path, diags)?;
    toml::from_str(&text)
        .map_err(|e| diags.push(toml_error(path, &text, 0, &e)))
        .ok()
}

/// A lesson's front matter.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Front {
    id: String,
    title: String,
    objective: String,
    minutes: u16,
    anchor: Option<AnchorSource>,
    #[serde(default)]
    goals: BTreeMap<String, u8>,
    #[serde(default)]
    prerequisites: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    priority: u8,
    trigger: Option<TriggerSource>,
    complete: Option<CompleteSource>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum AnchorSource {
    Feature(String),
    Selector { selector: String },
}

impl From<AnchorSource> for Anchor {
    fn from(a: AnchorSource) -> Anchor {
        match a {
            AnchorSource::Feature(f) => Anchor::Feature(f),
            AnchorSource::Selector { selector } => Anchor::Selector(selector),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerSource {
    page: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompleteSource {
    click: Option<String>,
    event: Option<String>,
    url: Option<String>,
    appears: Option<String>,
}

pub fn read_lesson(path: &Path, diags: &mut Vec<Diagnostic>) -> Option<Lesson> {
    let text = read(path, diags)?;
    if path.extension().is_some_and(|e| e == "json") {
        return serde_json::from_str(&text)
            .map_err(|e| {
                diags.push(Diagnostic::at_line(
                    path,
                    e.line(),
                    format!("invalid lesson JSON: {e}"),
                    "see `pathlight schema` for the shape of a lesson",
                ))
            })
            .ok();
    }
    let Some((front, body, body_line)) = split_front_matter(&text) else {
        diags.push(Diagnostic::at_line(
            path,
            1,
            "the lesson has no front matter".into(),
            "start the file with a `+++` line, the fields (id, title, objective, minutes, …), and another `+++` line",
        ));
        return None;
    };
    let before = diags.len();
    let front: Front = match toml::from_str(front) {
        Ok(f) => f,
        Err(e) => {
            diags.push(toml_error(path, &text, 1, &e));
            return None;
        }
    };
    let field = |name: &str, msg: String, help: &str| {
        Diagnostic::at_field(path, name, msg, help.to_string()).with_line(field_line(&text, name))
    };
    if front.id.is_empty()
        || !front
            .id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        diags.push(field(
            "id",
            format!("invalid lesson id `{}`", front.id),
            "use letters, digits, `-` and `_`, e.g. `send-invoice`",
        ));
    }
    for (goal, weight) in &front.goals {
        if !(1..=5).contains(weight) {
            diags.push(field(
                "goals",
                format!("weight {weight} for goal `{goal}` is out of range"),
                "use a weight from 1 (helps a little) to 5 (essential)",
            ));
        }
    }
    let when = front.trigger.and_then(|t| t.page).map(|page| {
        if let Err(e) = UrlPattern::parse(&page) {
            diags.push(field(
                "trigger.page",
                format!("invalid URL pattern: {e}"),
                "write a path pattern such as `/invoices/:id` or `/reports/*`",
            ));
        }
        Rule::Page(page)
    });
    let complete = front.complete.and_then(|c| {
        let rules: Vec<Completion> = [
            c.click.map(|a| Completion::Click(Anchor::Feature(a))),
            c.event.map(Completion::Event),
            c.url.map(Completion::Url),
            c.appears.map(|a| Completion::Appears(Anchor::Feature(a))),
        ]
        .into_iter()
        .flatten()
        .collect();
        if rules.len() != 1 {
            diags.push(field(
                "complete",
                format!("[complete] names {} actions", rules.len()),
                "name exactly one of click, event, url or appears",
            ));
        }
        if let Some(Completion::Url(p)) = rules.first() {
            if let Err(e) = UrlPattern::parse(p) {
                diags.push(field(
                    "complete.url",
                    format!("invalid URL pattern: {e}"),
                    "write a path pattern such as `/invoices/:id`",
                ));
            }
        }
        rules.into_iter().next()
    });
    let layers = markdown::layers(body, body_line, path, diags);
    if diags.len() > before {
        return None;
    }
    let layers = layers?;
    Some(Lesson {
        id: front.id,
        title: front.title,
        objective: front.objective,
        minutes: front.minutes,
        anchor: front.anchor.map(Anchor::from),
        why: layers.why,
        what: layers.what,
        how: layers.how,
        goals: front.goals,
        prerequisites: front.prerequisites,
        related: front.related,
        when,
        complete,
        priority: front.priority,
    })
}

fn read(path: &Path, diags: &mut Vec<Diagnostic>) -> Option<String> {
    std::fs::read_to_string(path)
        .map_err(|e| {
            diags.push(Diagnostic::in_file(
                path,
                format!("cannot read the file: {e}"),
                "check that it exists and is UTF-8 text",
            ))
        })
        .ok()
}

/// Splits `+++\n<toml>\n+++\n<markdown>`; also returns the 1-based line the body starts on.
fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text
        .strip_prefix("+++")?
        .strip_prefix(['\n', '\r'])
        .map(|r| r.trim_start_matches('\n'))?;
    let end = rest.find("\n+++")?;
    let front = &rest[..end];
    let after = &rest[end + 4..];
    let body = after.split_once('\n').map(|(_, b)| b).unwrap_or("");
    let body_line = text.len() - body.len();
    Some((front, body, text[..body_line].matches('\n').count() + 1))
}

fn field_line(text: &str, name: &str) -> usize {
    let key = name.split('.').next().unwrap_or(name);
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.starts_with(key) && l[key.len()..].trim_start().starts_with('=')
                || l == format!("[{key}]")
        })
        .map_or(1, |i| i + 1)
}

fn toml_error(path: &Path, text: &str, line_offset: usize, e: &toml::de::Error) -> Diagnostic {
    let line = e
        .span()
        .map(|s| {
            let skipped = if line_offset > 0 {
                text.find('\n').map_or(0, |i| i + 1)
            } else {
                0
            };
            text[..(skipped + s.start).min(text.len())]
                .matches('\n')
                .count()
                + 1
        })
        .unwrap_or(1);
    let message = e.message().trim().to_string();
    let help = if message.contains("unknown field") {
        "remove the field or fix its spelling; the fields are listed in the README's authoring section"
    } else if message.contains("missing field") {
        "add the field to the front matter"
    } else {
        "fix the TOML syntax at this line"
    };
    Diagnostic::at_line(path, line, message, help)
}
