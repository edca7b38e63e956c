//! Authoring: turns a folder of Markdown lessons into a compiled [`Pack`], with errors that
//! name the file, the line or field, what is wrong and how to fix it. Native only: the
//! Markdown parser never reaches the wasm.

mod diagnostic;
mod markdown;
mod source;

pub use diagnostic::Diagnostic;

use crate::pack::{Pack, FORMAT};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Compiles the pack in `dir` (a `pack.toml` and one `.md` file per lesson), or a single
/// lesson file. Returns the pack when there is no error, and every diagnostic found.
pub fn compile(path: &Path) -> (Option<Pack>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let (manifest_path, lesson_files) = match discover(path) {
        Ok(found) => found,
        Err(d) => return (None, vec![d]),
    };
    let manifest = match &manifest_path {
        Some(p) => source::read_manifest(p, &mut diags),
        None => Some(source::Manifest::single_file()),
    };
    let mut lessons = Vec::new();
    let mut origin: HashMap<String, PathBuf> = HashMap::new();
    for file in &lesson_files {
        if let Some(lesson) = source::read_lesson(file, &mut diags) {
            if let Some(first) = origin.get(&lesson.id) {
                diags.push(Diagnostic::at_field(
                    file,
                    "id",
                    format!("duplicate lesson id `{}`: {} has it too", lesson.id, first.display()),
                    "give each lesson its own id; ids are how progress is kept, so keep existing ones",
                ));
                continue;
            }
            origin.insert(lesson.id.clone(), file.clone());
            lessons.push(lesson);
        }
    }
    let Some(manifest) = manifest else {
        return (None, diags);
    };
    let pack = Pack {
        format: FORMAT,
        id: manifest.id,
        title: manifest.title,
        locale: manifest.locale,
        goals: manifest.goals,
        lessons,
    };
    check_links(&pack, &origin, manifest_path.as_deref(), &mut diags);
    if diags.is_empty() {
        (Some(pack), diags)
    } else {
        (None, diags)
    }
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

/// Prerequisites, related lessons and goals must exist, and prerequisites must not loop.
fn check_links(
    pack: &Pack,
    origin: &HashMap<String, PathBuf>,
    manifest: Option<&Path>,
    diags: &mut Vec<Diagnostic>,
) {
    let ids: HashSet<&str> = pack.lessons.iter().map(|l| l.id.as_str()).collect();
    let goal_ids: HashSet<&str> = pack.goals.iter().map(|g| g.id.as_str()).collect();
    let single_file = manifest.is_none();
    for lesson in &pack.lessons {
        let file = &origin[&lesson.id];
        for (field, list) in [
            ("prerequisites", &lesson.prerequisites),
            ("related", &lesson.related),
        ] {
            for id in list {
                if !single_file && !ids.contains(id.as_str()) {
                    diags.push(Diagnostic::at_field(
                        file,
                        field,
                        format!("unknown lesson `{id}`"),
                        format!(
                            "use the id of a lesson in this pack{}",
                            suggestion(id, &ids)
                        ),
                    ));
                }
            }
        }
    }
    for lesson in &pack.lessons {
        for goal in lesson.goals.keys() {
            if !single_file && !goal_ids.contains(goal.as_str()) {
                diags.push(Diagnostic::at_field(
                    &origin[&lesson.id],
                    "goals",
                    format!("unknown goal `{goal}`"),
                    "use the id of a goal declared with [[goals]] in pack.toml",
                ));
            }
        }
    }
    if let Some(cycle) = find_cycle(pack) {
        let file = &origin[&cycle[0]];
        diags.push(Diagnostic::at_field(
            file,
            "prerequisites",
            format!("prerequisites form a cycle: {}", cycle.join(" → ")),
            "remove one of these prerequisites: a learner could never start any lesson of the cycle",
        ));
    }
}

fn suggestion(id: &str, ids: &HashSet<&str>) -> String {
    ids.iter()
        .filter(|c| {
            c.contains(id) || id.contains(**c) || c.split('-').next() == id.split('-').next()
        })
        .min_by_key(|c| c.len().abs_diff(id.len()))
        .map(|c| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}

/// The first prerequisite cycle found, as lesson ids ending where they start.
fn find_cycle(pack: &Pack) -> Option<Vec<String>> {
    let edges: HashMap<&str, &[String]> = pack
        .lessons
        .iter()
        .map(|l| (l.id.as_str(), l.prerequisites.as_slice()))
        .collect();
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
        .find_map(|id| visit(id, &edges, &mut marks, &mut Vec::new()))
}
