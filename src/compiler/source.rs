//! The files authors write: `pack.toml`, and one lesson per file, either Markdown with a
//! TOML front matter between `+++` lines, or JSON in the compiled form.

use super::check;
use super::diagnostic::{Diagnostic, FileProblems};
use super::field::{key, Lines};
use super::files::{read_text, Files};
use super::refs::{Mention, Refs};
use super::{front, markdown, schema};
use crate::model::pack::{Goal, GoalTranslation, Lesson, Translation};
use crate::support::json::FromJson;
use serde::Deserialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// `pack.toml`: what the pack is and the goals learners can choose.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub id: String,
    pub title: String,
    #[serde(default = "english")]
    pub locale: String,
    /// The app's feature names (its `data-pathlight` values), when the author lists them:
    /// then a lesson that names another feature is an error.
    #[serde(default)]
    pub features: Option<Vec<String>>,
    #[serde(default)]
    goals: Vec<GoalSource>,
}

/// A `[[goals]]` entry; [`Goal`] itself accepts unknown fields, as the widget must.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GoalSource {
    id: String,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    roles: Vec<String>,
    /// `[goals.locales.de]`: the title and description in another language.
    #[serde(default)]
    locales: std::collections::BTreeMap<String, GoalTranslationSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GoalTranslationSource {
    title: Option<String>,
    description: Option<String>,
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
            features: None,
            goals: vec![],
        }
    }

    pub fn goals(&self) -> Vec<Goal> {
        self.goals
            .iter()
            .map(|g| Goal {
                id: g.id.clone(),
                title: g.title.clone(),
                description: g.description.clone(),
                roles: g.roles.clone(),
                // Tags the linter refuses are left out; it reports them.
                locales: g
                    .locales
                    .iter()
                    .filter_map(|(tag, t)| {
                        let tag = check::locale(tag).ok()?;
                        let t = GoalTranslation {
                            title: t.title.clone(),
                            description: t.description.clone(),
                        };
                        Some((tag, t))
                    })
                    .collect(),
            })
            .collect()
    }
}

pub fn read_manifest(fs: &dyn Files, path: &Path, diags: &mut Vec<Diagnostic>) -> Option<Manifest> {
    let text = read(fs, path, diags)?;
    let manifest: Manifest = toml::from_str(&text)
        .map_err(|e| diags.push(toml_error(path, &text, 0, &e)))
        .ok()?;
    let lines = Lines::of_toml(&text, 1, 1);
    let mut report = FileProblems {
        file: path,
        lines: &lines,
        diags,
    };
    check::at(
        &mut report,
        "locale",
        check::locale(&manifest.locale).map(drop),
    );
    let mut seen = HashSet::new();
    for (i, goal) in manifest.goals.iter().enumerate() {
        let field = key(&format!("goals[{i}]"), "id");
        if !seen.insert(goal.id.as_str()) {
            report.error(
                &field,
                format!("duplicate goal id `{}`", goal.id),
                "give each goal its own id",
            );
        }
        check::at(&mut report, &field, check::goal_id(&goal.id));
        for tag in goal.locales.keys() {
            let field = key(&key(&format!("goals[{i}]"), "locales"), tag);
            check::at(&mut report, &field, check::locale(tag).map(drop));
        }
    }
    for (i, name) in manifest.features.iter().flatten().enumerate() {
        let anchor = crate::model::anchor::Anchor::Feature(name.clone());
        check::at(
            &mut report,
            &format!("features[{i}]"),
            check::anchor(&anchor),
        );
    }
    Some(manifest)
}

/// A lesson as read from its file, with what the pack's checks need to place problems.
/// A file with problems is read as far as it goes (the rest of the lesson is defaults), so
/// that the pack's checks of what it names run all the same: every problem in one run.
pub struct Authored {
    pub lesson: Lesson,
    pub file: PathBuf,
    pub lines: Lines,
    /// The lessons its trigger names, with the path of each mention.
    pub lesson_refs: Vec<(String, String)>,
    /// The features it names.
    pub features: Vec<Mention>,
    /// Where the lesson is in its file: empty for a lesson file, `lessons[3]` in a
    /// compiled pack. Its problems are reported at fields under it.
    pub at: String,
}

impl Authored {
    /// Reports a problem about a field of this lesson.
    pub fn error(&self, diags: &mut Vec<Diagnostic>, field: &str, message: String, help: &str) {
        FileProblems {
            file: &self.file,
            lines: &self.lines,
            diags,
        }
        .error(&under(&self.at, field), message, help);
    }
}

/// The features of `refs`, each placed on the line of its field.
fn mentions(refs: Vec<(String, String)>, file: &Path, lines: &Lines) -> Vec<Mention> {
    refs.into_iter()
        .map(|(name, field)| Mention {
            name,
            file: file.to_path_buf(),
            line: lines.line(&field),
            field,
        })
        .collect()
}

/// The features How's step markers name, at their lines.
fn step_mentions(steps: Vec<(String, usize)>, file: &Path) -> impl Iterator<Item = Mention> + '_ {
    steps.into_iter().map(move |(name, line)| Mention {
        name,
        file: file.to_path_buf(),
        line: Some(line),
        field: "how".into(),
    })
}

pub fn read_lesson(fs: &dyn Files, path: &Path, diags: &mut Vec<Diagnostic>) -> Option<Authored> {
    let text = read(fs, path, diags)?;
    if path.extension().is_some_and(|e| e == "json") {
        read_json(path, &text, diags)
    } else {
        read_markdown(path, &text, diags)
    }
}

fn read_markdown(path: &Path, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Authored> {
    let Some(parts) = split_front_matter(text) else {
        diags.push(Diagnostic::at_line(
            path,
            1,
            "the lesson has no front matter".into(),
            "start the file with a `+++` line, the fields (id, title, objective, minutes, …), and another `+++` line",
        ));
        return None;
    };
    let front_line = line_at(text, parts.front_offset);
    let lines = Lines::of_toml(parts.front, front_line, 1);
    let front = match toml::from_str::<toml::Table>(parts.front) {
        Ok(table) => {
            let mut report = FileProblems {
                file: path,
                lines: &lines,
                diags,
            };
            Some(front::read(&table, &mut report))
        }
        Err(e) => {
            diags.push(toml_error(path, text, parts.front_offset, &e));
            None
        }
    };
    // The body is checked even when the front matter is wrong: every mistake at once.
    let layers = markdown::layers(parts.body, line_at(text, parts.body_offset), path, diags)
        .unwrap_or_default();
    // A front matter that does not parse still names its lesson, often: lessons that
    // name it are not wrong as well.
    let front = front.or_else(|| Some(front::Front::named(written_id(parts.front)?)))?;
    let mut features = mentions(front.refs.features, path, &lines);
    features.extend(step_mentions(layers.features, path));
    Some(Authored {
        lesson: Lesson {
            id: front.id,
            title: front.title,
            objective: front.objective,
            minutes: front.minutes,
            anchor: front.anchor,
            why: layers.why,
            what: layers.what,
            how: layers.how,
            goals: front.goals,
            prerequisites: front.prerequisites,
            related: front.related,
            when: front.when,
            complete: front.complete,
            priority: front.priority,
            locales: Default::default(),
        },
        file: path.to_path_buf(),
        lines,
        lesson_refs: front.refs.lessons,
        features,
        at: String::new(),
    })
}

/// The id a front matter that does not parse gives its lesson, on an `id = "…"` line.
fn written_id(front: &str) -> Option<String> {
    front.lines().find_map(|line| {
        let value = line
            .trim()
            .strip_prefix("id")?
            .trim_start()
            .strip_prefix('=')?;
        let id = value.trim().strip_prefix('"')?.split_once('"')?.0;
        check::lesson_id(id).is_ok().then(|| id.to_string())
    })
}

/// The lesson file name and locale tag of a translation's file name (`send-invoice` and
/// `de` for `send-invoice.de.md`), as written; `None` for a lesson's own file.
pub fn translation_name(path: &Path) -> Option<(&str, &str)> {
    if path.extension()? != "md" {
        return None;
    }
    path.file_stem()?.to_str()?.rsplit_once('.')
}

/// Reads a translation, `<lesson>.<locale>.md`: an optional front matter with `title` and
/// `objective`, and any of the three sections. `id`, when given, must be `lesson_id`, the
/// id of the lesson it translates (when that lesson was read). `None` when the file has a
/// problem. The features its steps name are added to `features`, problem or not.
pub fn read_translation(
    fs: &dyn Files,
    path: &Path,
    lesson_id: Option<&str>,
    diags: &mut Vec<Diagnostic>,
    features: &mut Vec<Mention>,
) -> Option<Translation> {
    let text = read(fs, path, diags)?;
    let before = diags.len();
    // The front matter is optional: a translation of the sections only needs none.
    let (front, body, body_line) = if text.starts_with("+++") {
        let Some(parts) = split_front_matter(&text) else {
            diags.push(Diagnostic::at_line(
                path,
                1,
                "the front matter does not end".into(),
                "close it with a `+++` line after `title` and `objective`, or remove the first `+++` line if there is no front matter",
            ));
            return None;
        };
        let lines = Lines::of_toml(parts.front, line_at(&text, parts.front_offset), 1);
        let front = match toml::from_str::<toml::Table>(parts.front) {
            Ok(table) => {
                let mut report = FileProblems {
                    file: path,
                    lines: &lines,
                    diags,
                };
                let front = front::read_translation(&table, &mut report);
                if let (Some(id), Some(lesson_id)) = (&front.id, lesson_id) {
                    if id != lesson_id {
                        report.error(
                            "id",
                            format!("`id` is `{id}`, but the lesson this file translates has id `{lesson_id}`"),
                            format!("remove `id` (a translation takes its lesson's), or write `id = \"{lesson_id}\"`"),
                        );
                    }
                }
                front
            }
            Err(e) => {
                diags.push(toml_error(path, &text, parts.front_offset, &e));
                front::TranslationFront::default()
            }
        };
        (front, parts.body, line_at(&text, parts.body_offset))
    } else {
        (front::TranslationFront::default(), text.as_str(), 1)
    };
    let mut sections = markdown::sections(body, body_line, path, diags);
    if let Some(s) = &mut sections {
        features.extend(step_mentions(std::mem::take(&mut s.features), path));
    }
    if diags.len() > before {
        return None;
    }
    let sections = sections?;
    let translation = Translation {
        title: front.title,
        objective: front.objective,
        why: sections.why,
        what: sections.what,
        how: sections.how,
    };
    if translation == Translation::default() {
        diags.push(Diagnostic::at_line(
            path,
            1,
            "the translation translates nothing".into(),
            "give it a `title`, an `objective` or a `## Why`, `## What` or `## How` section, or delete the file",
        ));
        return None;
    }
    Some(translation)
}

fn read_json(path: &Path, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Authored> {
    const HELP: &str = "run `pathlight schema lesson` for the shape of a lesson file";
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| {
            diags.push(Diagnostic::at_line(
                path,
                e.line(),
                format!("invalid JSON: {e}"),
                "fix the JSON syntax at this line",
            ))
        })
        .ok()?;
    let lines = Lines::default();
    let mut report = FileProblems {
        file: path,
        lines: &lines,
        diags,
    };
    let mismatches = schema::check_lesson(&value);
    for m in &mismatches {
        report.error(&m.field, m.message.clone(), HELP);
    }
    // Reading ignores unknown fields, so a lesson whose only mistakes are unknown fields
    // still gets its patterns, selectors and URLs checked.
    let lesson = match crate::support::json::parse(text)
        .map_err(|e| e.to_string())
        .and_then(|v| Lesson::from_json(&v).map_err(|e| e.to_string()))
    {
        Ok(lesson) => lesson,
        Err(e) if mismatches.is_empty() => {
            report.error("", format!("not a lesson: {e}"), HELP);
            return None;
        }
        Err(_) => return None,
    };
    let mut refs = Refs::default();
    check::compiled(&lesson, &mut report, &mut refs);
    let features = mentions(refs.features, path, &lines);
    Some(Authored {
        lesson,
        file: path.to_path_buf(),
        lines,
        lesson_refs: refs.lessons,
        features,
        at: String::new(),
    })
}

/// The path of `field` of the value at `at`: `lessons[3].prerequisites[0]`.
pub fn under(at: &str, field: &str) -> String {
    match (at, field) {
        ("", field) => field.to_string(),
        (at, "") => at.to_string(),
        (at, field) => format!("{at}.{field}"),
    }
}

fn read(fs: &dyn Files, path: &Path, diags: &mut Vec<Diagnostic>) -> Option<String> {
    read_text(fs, path)
        .map_err(|e| {
            diags.push(Diagnostic::in_file(
                path,
                format!("cannot read the file: {e}"),
                "check that it exists and is UTF-8 text",
            ))
        })
        .ok()
}

/// A Markdown lesson cut into its front matter and its body, with where each starts.
struct Parts<'a> {
    front: &'a str,
    /// Byte offset of the front matter in the file.
    front_offset: usize,
    body: &'a str,
    body_offset: usize,
}

/// Splits `+++\n<toml>\n+++\n<markdown>`, with `\n` or `\r\n` line ends.
fn split_front_matter(text: &str) -> Option<Parts<'_>> {
    let rest = text
        .strip_prefix("+++")?
        .trim_start_matches([' ', '\t'])
        .strip_prefix(['\n', '\r'])
        .map(|r| r.trim_start_matches('\n'))?;
    let front_offset = text.len() - rest.len();
    let (front, after) = match rest.strip_prefix("+++") {
        // An empty front matter: the closing line right after the opening one.
        Some(after) => ("", after),
        None => {
            let end = rest.find("\n+++")?;
            (&rest[..end], &rest[end + 4..])
        }
    };
    let body = after.split_once('\n').map(|(_, b)| b).unwrap_or("");
    Some(Parts {
        front: front.strip_suffix('\r').unwrap_or(front),
        front_offset,
        body,
        body_offset: text.len() - body.len(),
    })
}

/// The 1-based line of a byte offset.
fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// What a field takes, an example and how to write it, for fields whose value TOML cannot
/// read when it is written unquoted: its parser would say "string values must be quoted",
/// and push the author toward `minutes = "2 min"`, another mistake.
const SHAPES: &[(&str, &str, &str, &str)] = &[
    ("minutes", "a number", "minutes = 2", NUMBER),
    ("priority", "a number", "priority = 50", NUMBER),
    ("max_shows", "a number", "max_shows = 3", NUMBER),
    ("snooze_days", "a number", "snooze_days = 7", NUMBER),
    (
        "time_on_page",
        "a number of seconds",
        "time_on_page = 20",
        NUMBER,
    ),
    (
        "once",
        "true or false",
        "once = true",
        "write true or false, unquoted",
    ),
    (
        "prerequisites",
        "a list of lesson ids",
        "prerequisites = [\"create-invoice\"]",
        LIST,
    ),
    (
        "related",
        "a list of lesson ids",
        "related = [\"send-invoice\"]",
        LIST,
    ),
    (
        "goals",
        "a table of goal ids and weights",
        "goals = { get-paid-faster = 3 }",
        "write the goals in braces, each goal id with a weight from 1 to 5",
    ),
    (
        "features",
        "a list of feature names",
        "features = [\"billing.export\"]",
        LIST,
    ),
];
const NUMBER: &str = "write the number alone: no unit, no quotes";
const LIST: &str = "write the list in brackets, each item quoted and separated by commas";

/// The message and help for a TOML error on `line` when it writes, unquoted, the value of
/// a field of [`SHAPES`].
fn shape_error(line: &str) -> Option<(String, &'static str)> {
    let (name, value) = line.split_once('=')?;
    let name = name.trim();
    let &(_, shape, example, help) = SHAPES.iter().find(|(n, ..)| *n == name)?;
    if value.trim_start().starts_with(['"', '\'', '[', '{']) {
        return None;
    }
    Some((format!("{name} must be {shape}, e.g. `{example}`"), help))
}

/// A TOML error placed on its line of the file: `offset` is where the TOML starts in `text`.
fn toml_error(path: &Path, text: &str, offset: usize, e: &toml::de::Error) -> Diagnostic {
    let line = e
        .span()
        .map_or(line_at(text, offset), |s| line_at(text, offset + s.start));
    let written = text.lines().nth(line - 1).unwrap_or_default();
    if let Some((message, help)) = shape_error(written) {
        return Diagnostic::at_line(path, line, message, help);
    }
    let message = e.message().trim().to_string();
    let help = if message.contains("unknown field") {
        "remove the field or fix its spelling; the authoring guide lists every field (docs/authoring.md, in the npm package node_modules/pathlight/docs/authoring.md)"
    } else if message.contains("missing field") {
        "add the field"
    } else {
        "fix the TOML syntax at this line: strings are quoted, tables are `[name]`, lists are `[\"a\", \"b\"]`"
    };
    Diagnostic::at_line(path, line, message, help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint(text: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        read_markdown(Path::new("t.md"), text, &mut diags);
        diags
    }

    const BODY: &str = "## Why\nw\n\n## What\nw\n\n## How\nh\n";

    #[test]
    fn a_toml_syntax_error_is_reported_on_its_line_of_the_file() {
        // Pins: the line was counted from the TOML, skipping only the first `+++`.
        let text = format!(
            "+++\n\n\nid = \"a\"\ntitle = \"T\"\nobjective = oops\nminutes = 1\n+++\n{BODY}"
        );
        let diags = lint(&text);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].line, Some(6), "{}", diags[0]);
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(lint(&crlf)[0].line, Some(6));
    }

    #[test]
    fn an_unquoted_value_says_what_the_field_takes_instead_of_asking_for_quotes() {
        let front = |line: &str| {
            format!("+++\nid = \"a\"\ntitle = \"T\"\nobjective = \"O.\"\n{line}\n+++\n{BODY}")
        };
        for (line, message) in [
            ("minutes = 2 min", "minutes must be a number, e.g. `minutes = 2`"),
            ("minutes = two", "minutes must be a number, e.g. `minutes = 2`"),
            ("minutes = 2\npriority = high", "priority must be a number, e.g. `priority = 50`"),
            ("minutes = 2\nprerequisites = create-invoice", "prerequisites must be a list of lesson ids, e.g. `prerequisites = [\"create-invoice\"]`"),
            ("minutes = 2\ngoals = get-paid", "goals must be a table of goal ids and weights, e.g. `goals = { get-paid-faster = 3 }`"),
            ("minutes = 2\n[frequency]\nonce = yes", "once must be true or false, e.g. `once = true`"),
        ] {
            let diags = lint(&front(line));
            assert_eq!(diags.len(), 1, "{diags:?}");
            assert_eq!(diags[0].message, message);
            assert_eq!(diags[0].line, Some(4 + line.lines().count()), "{line}");
        }
        // A string field unquoted: TOML's own message is the right one.
        let diags = lint(&front("minutes = 2\nobjective = Send it"));
        assert!(diags[0].message.contains("quoted"), "{}", diags[0]);
    }

    #[test]
    fn every_front_matter_mistake_is_reported_on_its_own_line() {
        let text = format!(
            "+++\nid = \"a b\"\ntitle = \"T\"\nobjective = \"O.\"\nminutes = 0\ncolour = \"red\"\n\n[trigger]\npage = \"invoices\"\nany = [\n  {{ element = {{ selector = \"div >> a\" }} }},\n  {{ evnet = \"x\" }},\n]\n+++\n{BODY}"
        );
        let found: Vec<(Option<usize>, String)> = lint(&text)
            .into_iter()
            .map(|d| (d.line, d.field.unwrap_or_default()))
            .collect();
        assert_eq!(
            found,
            [
                (Some(6), "colour".to_string()),
                (Some(2), "id".into()),
                (Some(5), "minutes".into()),
                (Some(9), "trigger.page".into()),
                (Some(11), "trigger.any[0].element".into()),
                (Some(12), "trigger.any[1].evnet".into()),
            ]
        );
    }

    #[test]
    fn every_trigger_and_frequency_mistake_names_its_field_and_line() {
        let text = format!(
            "+++\nid = \"a\"\ntitle = \"T\"\nobjective = \"O.\"\nminutes = 1\n\n[trigger]\npgae = \"/\"\nelement = {{ feature = \"x\", state = \"hovered\" }}\nevent = {{ at_least = 0 }}\nlesson = {{ a = \"done\" }}\ntrait = {{ signed_up_at = 2026-11-01, seats = {{ gt = 10, lt = 3 }}, plan = [] }}\nquery = {{ tab = 1 }}\nhash = \"#/a/:\"\nall = []\nnot = {{}}\ntime_on_page = -5\n\n[frequency]\nonce = true\nmax_shows = 2\nsnooze_days = 0\n+++\n{BODY}"
        );
        let found: Vec<(usize, String)> = lint(&text)
            .into_iter()
            .map(|d| (d.line.unwrap_or(0), d.field.unwrap_or_default()))
            .collect();
        let expected: Vec<(usize, &str)> = vec![
            (8, "trigger.pgae"),
            (13, "trigger.query.tab"),
            (14, "trigger.hash"),
            (17, "trigger.time_on_page"),
            (12, "trigger.trait.plan"),
            (12, "trigger.trait.seats"),
            (12, "trigger.trait.signed_up_at"),
            (11, "trigger.lesson.a"),
            (10, "trigger.event.name"),
            (10, "trigger.event.at_least"),
            (9, "trigger.element.state"),
            (15, "trigger.all"),
            (16, "trigger.not"),
            (22, "frequency.snooze_days"),
            (20, "frequency.once"),
        ];
        let expected: Vec<(usize, String)> = expected
            .into_iter()
            .map(|(l, f)| (l, f.to_string()))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn the_body_is_checked_even_when_the_front_matter_does_not_parse() {
        let diags = lint("+++\nid = [\n+++\n## Why\nw\n");
        assert!(diags.len() >= 3, "{diags:?}");
    }

    #[test]
    fn the_full_trigger_syntax_compiles_to_one_rule_tree() {
        use crate::model::anchor::Anchor;
        use crate::model::trigger::{Bounds, ElementState, Frequency, Rule, TraitTest};
        let text = format!(
            "+++\nid = \"a\"\ntitle = \"T\"\nobjective = \"O.\"\nminutes = 1\n\n[trigger]\npage = \"/reports/:id\"\nquery = {{ tab = \"aging\" }}\ntrait = {{ role = [\"admin\", \"finance\"], signed_up_at = {{ days_since = {{ lt = 14 }} }} }}\nlesson = {{ read-cashflow = \"not_completed\" }}\nany = [{{ event = {{ name = \"report_exported\", at_least = 2, within_days = 7 }} }}, {{ element = {{ feature = \"reports.export\", state = \"visible\" }}, time_on_page = 20 }}]\nnot = {{ hash = \"#print\" }}\n\n[frequency]\nonce = true\nsnooze_days = 3\n+++\n{BODY}"
        );
        let mut diags = Vec::new();
        let authored = read_markdown(Path::new("t.md"), &text, &mut diags).expect("valid");
        assert_eq!(diags, vec![]);
        let when = authored.lesson.when.unwrap();
        assert_eq!(
            when.frequency,
            Frequency {
                max_shows: Some(1),
                snooze_days: Some(3)
            }
        );
        let trait_rule = |key: &str, test| Rule::Trait {
            key: key.into(),
            test,
        };
        assert_eq!(
            when.rule,
            Rule::All(vec![
                Rule::Page("/reports/:id".into()),
                Rule::Query([("tab".to_string(), "aging".to_string())].into()),
                trait_rule(
                    "role",
                    TraitTest::OneOf(vec!["admin".into(), "finance".into()])
                ),
                trait_rule(
                    "signed_up_at",
                    TraitTest::DaysSince(Bounds {
                        lt: Some(14.0),
                        ..Bounds::default()
                    })
                ),
                Rule::Not(Box::new(Rule::Completed("read-cashflow".into()))),
                Rule::Any(vec![
                    Rule::Event {
                        name: "report_exported".into(),
                        at_least: 2,
                        within_days: Some(7)
                    },
                    Rule::All(vec![
                        Rule::TimeOnPage(20),
                        Rule::Element {
                            anchor: Anchor::Feature("reports.export".into()),
                            state: ElementState::Visible
                        },
                    ]),
                ]),
                Rule::Not(Box::new(Rule::Hash("#print".into()))),
            ])
        );
        assert_eq!(
            authored.lesson_refs,
            [(
                "read-cashflow".to_string(),
                "trigger.lesson.read-cashflow".to_string()
            )]
        );
    }

    #[test]
    fn frequency_without_a_trigger_applies_everywhere() {
        let text = format!("+++\nid = \"a\"\ntitle = \"T\"\nobjective = \"O.\"\nminutes = 1\n[frequency]\nmax_shows = 2\n+++\n{BODY}");
        let mut diags = Vec::new();
        let when = read_markdown(Path::new("t.md"), &text, &mut diags)
            .unwrap()
            .lesson
            .when
            .unwrap();
        assert_eq!(when.rule, crate::model::trigger::Rule::All(vec![]));
        assert_eq!(when.frequency.max_shows, Some(2));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Lines that look like front matter: known and unknown keys, tables, inline tables.
        const FRONT: &str = "((id|title|objective|minutes|anchor|goals|priority|page|query|hash|event|element|trait|lesson|all|any|not|once|max_shows|snooze_days|time_on_page|x) = ([0-9-]{1,3}|\"[a-z/:#*.> -]{0,8}\"|\\[\\{ ?page = \"/a\" ?\\}\\]|\\{ ?[a-z_]{1,6} = [\"a-z0-9\\{\\} =]{0,10}\\}|true|\\[\\]|\\{\\})\\n|\\[(trigger|frequency|complete|goals)\\]\\n){0,12}";

        proptest! {
            #[test]
            fn no_front_matter_makes_reading_panic(front in FRONT) {
                let text = format!("+++\n{front}+++\n{BODY}");
                let _ = lint(&text);
            }

            #[test]
            fn no_text_makes_reading_a_lesson_panic(text in any::<String>()) {
                let _ = lint(&text);
                let mut diags = vec![];
                let _ = read_json(Path::new("t.json"), &text, &mut diags);
            }
        }
    }
}
