//! The compiler: turns a folder of lessons into a compiled [`Pack`], with errors that name the
//! file, the line or field, what is wrong and how to fix it. For the native CLI and the
//! npm package's (feature `compiler`): the Markdown parser never reaches the widget.

mod built;
mod check;
mod clip_syntax;
mod conform;
// `pathlight dev`'s builds and answers, for the native server and npm/cli's.
pub mod dev;
mod diagnostic;
mod field;
pub mod files;
mod front;
pub(crate) mod markdown;
mod media;
mod refs;
pub mod schema;
mod selector;
mod source;

pub use built::{check_built, read_built, read_if_built};
pub use diagnostic::{lint_report, plural, Diagnostic};
pub use media::local_files;

use crate::model::pack::{Pack, FORMAT};
use diagnostic::did_you_mean;
use field::{index, key};
use files::{Disk, Files};
use refs::Mention;
use source::Authored;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Compiles the pack in `dir` (a `pack.toml` and one `.md` or `.json` file per lesson), or
/// a single lesson file: the pack when there is no error, and every diagnostic found. Fails
/// when `path` is neither a pack folder nor a file.
pub fn compile(path: &Path) -> Result<(Option<Pack>, Vec<Diagnostic>), Diagnostic> {
    compile_from(&Disk, path)
}

/// [`compile`], reading through `fs`.
pub fn compile_from(
    fs: &dyn Files,
    path: &Path,
) -> Result<(Option<Pack>, Vec<Diagnostic>), Diagnostic> {
    let mut diags = Vec::new();
    let (manifest_path, files) = discover(fs, path)?;
    let manifest = match &manifest_path {
        Some(p) => source::read_manifest(fs, p, &mut diags),
        None => Some(source::Manifest::single_file()),
    };
    let (translation_files, lesson_files): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|f| source::translation_name(f).is_some());
    let mut authored: Vec<Authored> = Vec::new();
    for file in &lesson_files {
        let Some(lesson) = source::read_lesson(fs, file, &mut diags) else {
            continue;
        };
        // A lesson without an id (reported) is no duplicate of another.
        let id = lesson.lesson.id.as_str();
        if let Some(first) = authored
            .iter()
            .find(|a| !id.is_empty() && a.lesson.id == id)
        {
            lesson.error(
                &mut diags,
                "id",
                format!(
                    "duplicate lesson id `{}`: {} has it too",
                    lesson.lesson.id,
                    first.file.display()
                ),
                "give each lesson its own id; ids are how progress is kept, so keep existing ones",
            );
            continue;
        }
        authored.push(lesson);
    }
    // Only a pack says which language is the default: one lesson file on its own does not.
    let default_locale = manifest
        .as_ref()
        .filter(|_| manifest_path.is_some())
        .map(|m| m.locale.as_str());
    let mut features: Vec<Mention> = authored
        .iter()
        .flat_map(|a| a.features.iter().cloned())
        .collect();
    translate(
        fs,
        &mut authored,
        &lesson_files,
        &translation_files,
        default_locale,
        &mut diags,
        &mut features,
    );
    let Some(manifest) = manifest else {
        return Ok((None, diags));
    };
    let goals = manifest.goals();
    if manifest_path.is_some() {
        check_links(&authored, &goals, &mut diags);
    }
    if let Some(known) = &manifest.features {
        check_features(&features, known, &mut diags);
    }
    check_cycles(&authored, &mut diags);
    media::check(fs, &mut authored, &mut diags);
    // Read file by file, top to bottom, whichever check found the problem.
    diags.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    if !diags.is_empty() {
        return Ok((None, diags));
    }
    let pack = Pack {
        format: FORMAT,
        id: manifest.id,
        title: manifest.title,
        locale: manifest.locale,
        goals,
        lessons: authored.into_iter().map(|a| a.lesson).collect(),
    };
    Ok((Some(pack), diags))
}

/// Reads the translations (`<lesson>.<locale>.md`) into the `locales` of their lessons,
/// reporting every problem with their names, their lessons and their content, and adding
/// the features their steps name to `features`.
fn translate(
    fs: &dyn Files,
    authored: &mut [Authored],
    lesson_files: &[PathBuf],
    translation_files: &[PathBuf],
    default_locale: Option<&str>,
    diags: &mut Vec<Diagnostic>,
    features: &mut Vec<Mention>,
) {
    // Translations written inside JSON lessons.
    for a in authored.iter() {
        for tag in a.lesson.locales.keys() {
            if default_locale.is_some_and(|d| d.eq_ignore_ascii_case(tag)) {
                a.error(
                    diags,
                    &key("locales", tag),
                    format!("`{tag}` is the pack's default language"),
                    "the lesson itself is in the default language (`locale` in pack.toml): remove this translation",
                );
            }
        }
    }
    // Where each translation came from, to name the first of two with the same locale.
    let mut from: HashMap<(usize, String), &Path> = HashMap::new();
    for file in translation_files {
        let Some((stem, written)) = source::translation_name(file) else {
            continue;
        };
        let at_top = |diags: &mut Vec<Diagnostic>, message: String, help: &str| {
            diags.push(Diagnostic::at_line(file, 1, message, help))
        };
        let tag = match check::locale(written) {
            Ok(tag) => Some(tag),
            Err(p) => {
                at_top(
                    diags,
                    format!("{} in the file name", p.message),
                    "name a translation `<lesson>.<locale>.md` with a BCP 47 tag: a language of 2 or 3 letters, optionally a script and a region, e.g. `send-invoice.de.md`, `send-invoice.pt-BR.md`; a lesson's own file name has no other `.`",
                );
                None
            }
        };
        if let (Some(tag), Some(default)) = (&tag, default_locale) {
            if tag.eq_ignore_ascii_case(default) {
                at_top(
                    diags,
                    format!("`{written}` is the pack's default language"),
                    &format!("write {stem}.md itself in this language and delete this file, or change `locale` in pack.toml"),
                );
            }
        }
        let base: Vec<PathBuf> = ["md", "json"]
            .iter()
            .map(|ext| file.with_file_name(format!("{stem}.{ext}")))
            .filter(|b| lesson_files.contains(b))
            .collect();
        if base.is_empty() {
            let stems = lesson_files
                .iter()
                .filter_map(|f| f.file_stem().and_then(|s| s.to_str()));
            at_top(
                diags,
                format!(
                    "a translation without a lesson: there is no {stem}.md{}",
                    did_you_mean(stem, stems)
                ),
                "put the translation next to its lesson and name it after the lesson's file: `send-invoice.de.md` translates send-invoice.md",
            );
        }
        let lesson = authored.iter().position(|a| base.contains(&a.file));
        let id = lesson.map(|i| authored[i].lesson.id.clone());
        let Some(translation) = source::read_translation(fs, file, id.as_deref(), diags, features)
        else {
            continue;
        };
        let (Some(tag), Some(i)) = (tag, lesson) else {
            continue;
        };
        let a = &mut authored[i];
        // JSON lessons may spell their tags in any case.
        if let Some(had) = a
            .lesson
            .locales
            .keys()
            .find(|k| k.eq_ignore_ascii_case(&tag))
        {
            let first = from.get(&(i, tag.clone())).copied().unwrap_or(&a.file);
            at_top(
                diags,
                format!(
                    "the lesson `{}` has a `{had}` translation already, in {}",
                    a.lesson.id,
                    first.display()
                ),
                "keep one translation per locale",
            );
            continue;
        }
        from.insert((i, tag.clone()), file);
        a.lesson.locales.insert(tag, translation);
    }
}

fn discover(fs: &dyn Files, path: &Path) -> Result<(Option<PathBuf>, Vec<PathBuf>), Diagnostic> {
    if fs.is_file(path) {
        // A translation is checked with its lesson, when that is next to it.
        let mut files = vec![path.to_path_buf()];
        if let Some((stem, _)) = source::translation_name(path) {
            files.extend(
                ["md", "json"]
                    .iter()
                    .map(|ext| path.with_file_name(format!("{stem}.{ext}")))
                    .filter(|p| fs.is_file(p)),
            );
        }
        return Ok((None, files));
    }
    let entries = fs.list(path).map_err(|e| {
        Diagnostic::in_file(
            path,
            format!("cannot read this folder: {e}"),
            "pass a folder that holds pack.toml and the lesson .md files, or one lesson file",
        )
    })?;
    let mut files: Vec<PathBuf> = entries
        .into_iter()
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "json")))
        .collect();
    files.sort();
    let manifest = path.join("pack.toml");
    if !fs.is_file(&manifest) {
        return Err(Diagnostic::in_file(
            &manifest,
            "the pack has no pack.toml".to_string(),
            "add pack.toml with `id`, `title`, `locale` and the `[[goals]]` of the pack",
        ));
    }
    Ok((Some(manifest), files))
}

/// Prerequisites, related lessons, lessons named by triggers, and goals must exist.
fn check_links(
    authored: &[Authored],
    goals: &[crate::model::pack::Goal],
    diags: &mut Vec<Diagnostic>,
) {
    let ids: HashSet<&str> = authored
        .iter()
        .map(|a| a.lesson.id.as_str())
        .filter(|id| !id.is_empty())
        .collect();
    let goal_ids: Vec<&str> = goals.iter().map(|g| g.id.as_str()).collect();
    for a in authored {
        let lists = [
            ("prerequisites", &a.lesson.prerequisites),
            ("related", &a.lesson.related),
        ];
        let mentions = lists
            .into_iter()
            .flat_map(|(field, list)| {
                list.iter()
                    .enumerate()
                    .map(move |(i, id)| (id.clone(), index(field, i)))
            })
            .chain(a.lesson_refs.iter().cloned());
        for (id, field) in mentions {
            if !ids.contains(id.as_str()) {
                a.error(
                    diags,
                    &field,
                    format!(
                        "unknown lesson `{id}`{}",
                        did_you_mean(&id, ids.iter().copied())
                    ),
                    "use the id of a lesson in this pack",
                );
            }
        }
        for goal in a.lesson.goals.keys() {
            if !goal_ids.contains(&goal.as_str()) {
                a.error(
                    diags,
                    &key("goals", goal),
                    format!(
                        "unknown goal `{goal}`{}",
                        did_you_mean(goal, goal_ids.iter().copied())
                    ),
                    "use the id of a goal declared with [[goals]] in pack.toml",
                );
            }
        }
    }
}

/// When `pack.toml` lists the app's features, every feature a lesson names must be one of
/// them: a misspelt name would otherwise show only in the browser, as a lesson that never
/// finds its element.
fn check_features(mentions: &[Mention], known: &[String], diags: &mut Vec<Diagnostic>) {
    for m in mentions {
        if known.contains(&m.name) {
            continue;
        }
        diags.push(Diagnostic {
            line: m.line,
            ..Diagnostic::at_field(
                &m.file,
                &m.field,
                format!(
                    "unknown feature `{}`{}",
                    m.name,
                    did_you_mean(&m.name, known.iter().map(String::as_str))
                ),
                "use a feature listed in `features` in pack.toml (the app's data-pathlight names), or add it there if the app has it",
            )
        });
    }
}

/// Prerequisites must not loop: a learner could never start any lesson of the loop.
fn check_cycles(authored: &[Authored], diags: &mut Vec<Diagnostic>) {
    let edges: HashMap<&str, &[String]> = authored
        .iter()
        .map(|a| (a.lesson.id.as_str(), a.lesson.prerequisites.as_slice()))
        .collect();
    let Some(cycle) = find_cycle(&edges) else {
        return;
    };
    let Some(first) = authored.iter().find(|a| a.lesson.id == cycle[0]) else {
        return;
    };
    let i = first
        .lesson
        .prerequisites
        .iter()
        .position(|p| *p == cycle[1])
        .unwrap_or(0);
    first.error(
        diags,
        &index("prerequisites", i),
        format!("prerequisites form a cycle: {}", cycle.join(" → ")),
        "remove one of these prerequisites: a learner could never start any lesson of the cycle",
    );
}

/// The first prerequisite cycle found, as lesson ids ending where they start.
fn find_cycle(edges: &HashMap<&str, &[String]>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit<'a>(
        id: &'a str,
        edges: &HashMap<&'a str, &'a [String]>,
        marks: &mut HashMap<&'a str, Mark>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match marks.get(id) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = path.iter().position(|p| *p == id).unwrap_or(0);
                let mut cycle: Vec<String> = path[start..].iter().map(|s| s.to_string()).collect();
                cycle.push(id.to_string());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(id, Mark::Open);
        path.push(id);
        for next in edges.get(id).copied().unwrap_or_default() {
            if edges.contains_key(next.as_str()) {
                if let Some(c) = visit(next, edges, marks, path) {
                    return Some(c);
                }
            }
        }
        path.pop();
        marks.insert(id, Mark::Done);
        None
    }
    let mut marks = HashMap::new();
    let mut ids: Vec<&str> = edges.keys().copied().collect();
    ids.sort();
    ids.into_iter()
        .find_map(|id| visit(id, edges, &mut marks, &mut Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compiles a pack written to a fresh folder, named after the test.
    fn compile_files(test: &str, files: &[(&str, &str)]) -> Vec<Diagnostic> {
        compile_pack(test, files, None).1
    }

    /// Compiles a pack written to a fresh folder, or only its file `single` if given.
    fn compile_pack(
        test: &str,
        files: &[(&str, &str)],
        single: Option<&str>,
    ) -> (Option<Pack>, Vec<Diagnostic>) {
        let dir = std::env::temp_dir().join(format!("pathlight-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let compiled = compile(&single.map_or(dir.clone(), |f| dir.join(f))).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        compiled
    }

    /// `(file name, line, message)` of each diagnostic.
    fn places(diags: &[Diagnostic]) -> Vec<(String, Option<usize>, String)> {
        diags
            .iter()
            .map(|d| {
                let name = d.file.file_name().unwrap().to_string_lossy().into_owned();
                (name, d.line, d.message.clone())
            })
            .collect()
    }

    const PACK: &str = "id = \"p\"\ntitle = \"P\"\n";

    #[test]
    fn translations_join_their_lesson_instead_of_being_lessons() {
        let (pack, diags) = compile_pack(
            "translations",
            &[
                ("pack.toml", PACK),
                ("a.md", &lesson("a", "")),
                (
                    "a.de.md",
                    "+++\ntitle = \"A auf Deutsch\"\n+++\n## How\n1. Klick. {@x.y}\n",
                ),
                ("a.pt-br.md", "## What\nO quê.\n"),
                (
                    "a.zh-hant.md",
                    "+++\nid = \"a\"\nobjective = \"目標。\"\n+++\n",
                ),
            ],
            None,
        );
        assert_eq!(diags, vec![]);
        let pack = pack.unwrap();
        assert_eq!(pack.lessons.len(), 1);
        let locales = &pack.lessons[0].locales;
        let tags: Vec<&str> = locales.keys().map(String::as_str).collect();
        assert_eq!(
            tags,
            ["de", "pt-BR", "zh-Hant"],
            "tags in their usual spelling"
        );
        let de = &locales["de"];
        assert_eq!(de.title.as_deref(), Some("A auf Deutsch"));
        assert_eq!((&de.objective, &de.why, &de.what), (&None, &None, &None));
        let steps: Vec<_> = crate::model::content::steps(de.how.as_deref().unwrap()).collect();
        assert_eq!(
            steps[0].anchor,
            Some(crate::model::anchor::Anchor::Feature("x.y".into()))
        );
        assert!(locales["pt-BR"].what.is_some() && locales["pt-BR"].title.is_none());
        assert_eq!(locales["zh-Hant"].objective.as_deref(), Some("目標。"));
    }

    #[test]
    fn every_translation_mistake_is_reported_with_its_file_and_line() {
        let (pack, diags) = compile_pack(
            "translation-mistakes",
            &[
                ("pack.toml", "id = \"p\"\ntitle = \"P\"\nlocale = \"de\"\n"),
                ("a.md", &lesson("a", "")),
                ("a.de-AT.md", "+++\n+++\n"),
                ("a.de.md", "## Warum\nw\n"),
                ("a.en.md", "+++\ntitle = \"A\"\n"),
                (
                    "a.fr.md",
                    "+++\ntitle = \"\"\npriority = 3\n+++\n## Why\n\n## Why\nw\n",
                ),
                ("a.x1.md", "## Why\nw\n"),
                ("b.es.md", "## Why\nw\n"),
            ],
            None,
        );
        assert!(pack.is_none());
        let found = places(&diags);
        let expected = [
            ("a.de-AT.md", 1, "the translation translates nothing"),
            ("a.de.md", 1, "`de` is the pack's default language"),
            ("a.de.md", 1, "unknown section `## Warum`"),
            ("a.en.md", 1, "the front matter does not end"),
            ("a.fr.md", 2, "`title` is empty"),
            ("a.fr.md", 3, "`priority` cannot be translated"),
            ("a.fr.md", 5, "the section `## Why` is empty"),
            ("a.fr.md", 7, "the section `## Why` appears twice"),
            ("a.x1.md", 1, "invalid locale tag `x1` in the file name"),
            (
                "b.es.md",
                1,
                "a translation without a lesson: there is no b.md (did you mean `a`?)",
            ),
        ];
        let expected: Vec<(String, Option<usize>, String)> = expected
            .iter()
            .map(|(f, l, m)| (f.to_string(), Some(*l), m.to_string()))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn translations_inside_json_lessons_are_checked_like_translation_files() {
        let json = |id: &str, locales: &str| {
            format!("{{\"id\": \"{id}\", \"title\": \"T\", \"objective\": \"O.\", \"minutes\": 1, \"why\": [{{\"p\": []}}], \"what\": [{{\"p\": []}}], \"how\": [{{\"p\": []}}], \"locales\": {locales}}}")
        };
        let diags = compile_files(
            "json-translations",
            &[
                ("pack.toml", PACK),
                ("a.json", &json("a", "{\"en\": {\"title\": \"A\"}, \"DE\": {\"title\": \"A\"}}")),
                ("a.de.md", "+++\ntitle = \"A\"\n+++\n"),
                ("b.json", &json("b", "{\"klingon\": {}, \"fr\": {\"minutes\": 2, \"why\": [{\"p\": [{\"link\": {\"href\": \"javascript:x\", \"children\": []}}]}]}}")),
            ],
        );
        let found: Vec<(String, String)> = diags
            .iter()
            .map(|d| {
                (
                    d.file.file_name().unwrap().to_string_lossy().into_owned(),
                    d.field.clone().unwrap_or_else(|| d.message.clone()),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "a.de.md".to_string(),
                    format!(
                        "the lesson `a` has a `DE` translation already, in {}",
                        diags[0].file.with_file_name("a.json").display()
                    )
                ),
                ("a.json".into(), "locales.en".into()),
                ("b.json".into(), "locales.fr.minutes".into()),
                ("b.json".into(), "locales.fr.why[0].p[0].link.href".into()),
                ("b.json".into(), "locales.klingon".into()),
            ]
        );
    }

    #[test]
    fn a_translation_linted_on_its_own_is_checked_with_its_lesson() {
        let files = [
            ("pack.toml", PACK),
            ("a.md", lesson("a", "").leak() as &str),
            ("a.de.md", "+++\nid = \"b\"\n+++\n"),
            ("c.de.md", "## Why\nw\n"),
        ];
        let (_, diags) = compile_pack("single-translation", &files, Some("a.de.md"));
        assert_eq!(
            places(&diags),
            [(
                "a.de.md".into(),
                Some(2),
                "`id` is `b`, but the lesson this file translates has id `a`".into()
            )]
        );
        let (_, diags) = compile_pack("single-orphan", &files, Some("c.de.md"));
        assert_eq!(
            places(&diags),
            [(
                "c.de.md".into(),
                Some(1),
                "a translation without a lesson: there is no c.md".into()
            )]
        );
    }

    #[test]
    fn the_pack_locale_must_be_a_locale_tag() {
        let diags = compile_files(
            "pack-locale",
            &[(
                "pack.toml",
                "id = \"p\"\ntitle = \"P\"\nlocale = \"English\"\n",
            )],
        );
        assert_eq!(
            places(&diags),
            [(
                "pack.toml".into(),
                Some(3),
                "invalid locale tag `English`".into()
            )]
        );
    }

    fn lesson(id: &str, front: &str) -> String {
        format!("+++\nid = \"{id}\"\ntitle = \"T\"\nobjective = \"O.\"\nminutes = 1\n{front}+++\n## Why\nw\n## What\nw\n## How\nh\n")
    }

    #[test]
    fn a_trigger_naming_an_unknown_lesson_is_reported_on_its_line() {
        let diags = compile_files(
            "trigger-refs",
            &[
                ("pack.toml", "id = \"p\"\ntitle = \"P\"\n"),
                ("a.md", &lesson("send-invoice", "")),
                ("b.md", &lesson("b", "[trigger]\nlesson = { send-invoice = \"completed\", sned-invoice = \"dismissed\" }\n")),
            ],
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(
            diags[0].field.as_deref(),
            Some("trigger.lesson.sned-invoice")
        );
        assert_eq!(diags[0].line, Some(7));
        assert!(
            diags[0].message.contains("did you mean `send-invoice`"),
            "{}",
            diags[0]
        );
    }

    #[test]
    fn a_field_error_does_not_hide_the_files_cross_lesson_errors() {
        let diags = compile_files(
            "one-run",
            &[
                (
                    "pack.toml",
                    "id = \"p\"\ntitle = \"P\"\n[[goals]]\nid = \"close-books\"\ntitle = \"C\"\n",
                ),
                ("a.md", &lesson("filter-invoices", "")),
                (
                    "b.md",
                    &lesson(
                        "b",
                        "prerequisites = [\"filter-invoice\"]\ngoals = { close-month = 3 }\n",
                    )
                    .replace("minutes = 1", "minutes = 0"),
                ),
            ],
        );
        assert_eq!(
            places(&diags),
            [
                (
                    "b.md".into(),
                    Some(5),
                    "`minutes` is 0, out of range".into()
                ),
                (
                    "b.md".into(),
                    Some(6),
                    "unknown lesson `filter-invoice` (did you mean `filter-invoices`?)".into()
                ),
                ("b.md".into(), Some(7), "unknown goal `close-month`".into()),
            ]
        );
    }

    #[test]
    fn a_lesson_whose_front_matter_does_not_parse_is_still_known_by_its_id() {
        let diags = compile_files(
            "broken-toml",
            &[
                ("pack.toml", PACK),
                (
                    "a.md",
                    &lesson("a", "").replace("minutes = 1", "minutes = 2 min"),
                ),
                ("b.md", &lesson("b", "prerequisites = [\"a\"]\n")),
            ],
        );
        assert_eq!(
            places(&diags),
            [(
                "a.md".into(),
                Some(5),
                "minutes must be a number, e.g. `minutes = 2`".into()
            )],
            "b names a, which is broken but there"
        );
    }

    /// A pack that lists the app's features, and lessons naming them in every way.
    fn featured(test: &str, features: &str) -> Vec<Diagnostic> {
        let front = "anchor = \"billing.exprot\"\n[trigger]\nany = [{ element = \"billing.export\" }, { element = { feature = \"invoice.send\", state = \"visible\" } }]\n[complete]\nclick = \"invoices.sned\"\n";
        compile_files(
            test,
            &[
                ("pack.toml", &format!("id = \"p\"\ntitle = \"P\"\n{features}")),
                (
                    "a.md",
                    &lesson("a", front).replace(
                        "## How\nh\n",
                        "## How\n1. Export. {@billing.export}\n2. Send. {@invoices.snd}\n3. Any. {@css:#send}\n",
                    ),
                ),
                ("a.de.md", "## How\n1. Senden. {@invoice.sent}\n"),
                (
                    "b.json",
                    "{\"id\": \"b\", \"title\": \"T\", \"objective\": \"O.\", \"minutes\": 1, \"anchor\": {\"feature\": \"billing.exports\"}, \"why\": [{\"p\": []}], \"what\": [{\"p\": []}], \"how\": [{\"p\": []}]}",
                ),
            ],
        )
    }

    #[test]
    fn features_in_pack_toml_catch_every_misspelt_feature_a_lesson_names() {
        let diags = featured(
            "features",
            "features = [\"billing.export\", \"invoices.send\"]\n",
        );
        let found: Vec<(String, Option<usize>, String, String)> = diags
            .iter()
            .map(|d| {
                let name = d.file.file_name().unwrap().to_string_lossy().into_owned();
                (
                    name,
                    d.line,
                    d.field.clone().unwrap_or_default(),
                    d.message.clone(),
                )
            })
            .collect();
        let expected = [
            (
                "a.de.md",
                Some(2),
                "how",
                "unknown feature `invoice.sent` (did you mean `invoices.send`?)",
            ),
            (
                "a.md",
                Some(6),
                "anchor",
                "unknown feature `billing.exprot` (did you mean `billing.export`?)",
            ),
            (
                "a.md",
                Some(8),
                "trigger.any[1].element",
                "unknown feature `invoice.send` (did you mean `invoices.send`?)",
            ),
            (
                "a.md",
                Some(10),
                "complete.click",
                "unknown feature `invoices.sned` (did you mean `invoices.send`?)",
            ),
            (
                "a.md",
                Some(18),
                "how",
                "unknown feature `invoices.snd` (did you mean `invoices.send`?)",
            ),
            (
                "b.json",
                None,
                "anchor",
                "unknown feature `billing.exports` (did you mean `billing.export`?)",
            ),
        ];
        let expected: Vec<(String, Option<usize>, String, String)> = expected
            .iter()
            .map(|(f, l, field, m)| (f.to_string(), *l, field.to_string(), m.to_string()))
            .collect();
        assert_eq!(found, expected);
        assert!(
            diags[0].help.contains("`features` in pack.toml"),
            "{}",
            diags[0]
        );
    }

    #[test]
    fn without_features_in_pack_toml_any_feature_name_passes() {
        assert_eq!(featured("no-features", ""), vec![]);
    }

    #[test]
    fn an_invalid_feature_name_in_pack_toml_is_reported_on_its_line() {
        let diags = compile_files(
            "bad-features",
            &[(
                "pack.toml",
                "id = \"p\"\ntitle = \"P\"\nfeatures = [\n  \"a\",\n  \" b\",\n]\n",
            )],
        );
        assert_eq!(
            places(&diags),
            [(
                "pack.toml".into(),
                Some(5),
                "invalid feature name ` b`".into()
            )]
        );
    }

    #[test]
    fn duplicate_and_malformed_goal_ids_in_the_manifest_are_reported() {
        let diags = compile_files(
            "goals",
            &[(
                "pack.toml",
                "id = \"p\"\ntitle = \"P\"\n[[goals]]\nid = \"g\"\ntitle = \"G\"\n[[goals]]\nid = \"g\"\ntitle = \"H\"\n[[goals]]\nid = \"a b\"\ntitle = \"I\"\n",
            )],
        );
        let found: Vec<(Option<usize>, &str)> =
            diags.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(
            found,
            [
                (Some(7), "duplicate goal id `g`"),
                (Some(10), "invalid goal id `a b`")
            ]
        );
    }

    #[test]
    fn goal_translations_compile_and_a_bad_tag_is_reported_where_it_is() {
        let manifest = "id = \"p\"\ntitle = \"P\"\n[[goals]]\nid = \"g\"\ntitle = \"G\"\n[goals.locales.de]\ntitle = \"Ziel\"\n[goals.locales.deutsch]\ntitle = \"X\"\n";
        let diags = compile_files("goal-locales", &[("pack.toml", manifest)]);
        let found: Vec<(Option<usize>, &str)> =
            diags.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(found, [(Some(8), "invalid locale tag `deutsch`")]);
    }
}
