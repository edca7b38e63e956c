//! Authoring: turns a folder of lessons into a compiled [`Pack`], with errors that name the
//! file, the line or field, what is wrong and how to fix it. Native only: the Markdown
//! parser never reaches the wasm.

mod check;
mod conform;
mod diagnostic;
mod field;
mod front;
mod markdown;
pub mod schema;
mod selector;
mod source;

pub use diagnostic::Diagnostic;

use crate::pack::{Pack, FORMAT};
use diagnostic::did_you_mean;
use field::{index, key};
use source::Authored;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Compiles the pack in `dir` (a `pack.toml` and one `.md` or `.json` file per lesson), or
/// a single lesson file: the pack when there is no error, and every diagnostic found. Fails
/// when `path` is neither a pack folder nor a file.
pub fn compile(path: &Path) -> Result<(Option<Pack>, Vec<Diagnostic>), Diagnostic> {
    let mut diags = Vec::new();
    let (manifest_path, lesson_files) = discover(path)?;
    let manifest = match &manifest_path {
        Some(p) => source::read_manifest(p, &mut diags),
        None => Some(source::Manifest::single_file()),
    };
    let mut authored: Vec<Authored> = Vec::new();
    for file in &lesson_files {
        let Some(lesson) = source::read_lesson(file, &mut diags) else {
            continue;
        };
        if let Some(first) = authored.iter().find(|a| a.lesson.id == lesson.lesson.id) {
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
    let Some(manifest) = manifest else {
        return Ok((None, diags));
    };
    let goals = manifest.goals();
    if manifest_path.is_some() {
        check_links(&authored, &goals, &mut diags);
    }
    check_cycles(&authored, &mut diags);
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

fn discover(path: &Path) -> Result<(Option<PathBuf>, Vec<PathBuf>), Diagnostic> {
    if path.is_file() {
        return Ok((None, vec![path.to_path_buf()]));
    }
    let entries = std::fs::read_dir(path).map_err(|e| {
        Diagnostic::in_file(
            path,
            format!("cannot read this folder: {e}"),
            "pass a folder that holds pack.toml and the lesson .md files, or one lesson file",
        )
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "json")))
        .collect();
    files.sort();
    let manifest = path.join("pack.toml");
    if !manifest.is_file() {
        return Err(Diagnostic::in_file(
            &manifest,
            "the pack has no pack.toml".to_string(),
            "add pack.toml with `id`, `title`, `locale` and the `[[goals]]` of the pack",
        ));
    }
    Ok((Some(manifest), files))
}

/// Prerequisites, related lessons, lessons named by triggers, and goals must exist.
fn check_links(authored: &[Authored], goals: &[crate::pack::Goal], diags: &mut Vec<Diagnostic>) {
    let ids: HashSet<&str> = authored.iter().map(|a| a.lesson.id.as_str()).collect();
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
        let dir = std::env::temp_dir().join(format!("pathlight-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let (_, diags) = compile(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        diags
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
}
