//! `pathlight lint lessons.json`: a compiled pack, checked the way the widget reads it and
//! the way lint checks a pack folder, with every problem at the path of its field.

use super::check;
use super::diagnostic::{Diagnostic, FileProblems};
use super::field::{index, key, Lines};
use super::files::{read_text, Disk, Files};
use super::refs::Refs;
use super::source::{under, Authored};
use super::{check_cycles, check_links, schema};
use crate::model::pack::{megabytes, Pack, PackError, FORMAT, MAX_PACK_BYTES};
use std::path::Path;

/// The text of `path` when it is a compiled pack (a JSON object with a `format` or
/// `lessons` member) rather than a lesson file or a folder.
pub fn read_if_built(path: &Path) -> Option<String> {
    read_built(&Disk, path)
}

/// [`read_if_built`], reading through `fs`.
pub fn read_built(fs: &dyn Files, path: &Path) -> Option<String> {
    if !fs.is_file(path) {
        return None;
    }
    let text = read_text(fs, path).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    let built = value.get("format").is_some() || value.get("lessons").is_some();
    built.then_some(text)
}

const REBUILD: &str = "rebuild the pack from its sources with `pathlight build`";

/// Checks the compiled pack `text`, read from `path`, through the widget's own reader
/// ([`Pack::read`]): its size, format, shape and duplicate ids are errors, as they make the
/// widget refuse the pack, and content of kinds this version does not know is a warning,
/// as the widget leaves it out. Then what lint checks in a pack folder: the shape (ranges,
/// empty texts), lesson and goal ids, anchors, URL patterns, safe URLs, locales, that the
/// lessons and goals named exist, and prerequisite cycles.
///
/// The pack when there is no error, and every diagnostic, warnings included.
pub fn check_built(path: &Path, text: &str) -> (Option<Pack>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let error = |message: String, help: &str| Diagnostic::in_file(path, message, help);
    if let Err(PackError::TooBig(bytes)) = crate::model::pack::check_size(text.len() as u64) {
        diags.push(error(
            format!(
                "the pack is {}, over the {} the widget reads: it would refuse the whole pack",
                megabytes(bytes),
                megabytes(MAX_PACK_BYTES)
            ),
            "split it into several packs (one per area of the product, each given to init on its own pages) or remove translations no learner uses",
        ));
    }
    let loaded = match Pack::parse(text) {
        Ok(loaded) => loaded,
        Err(PackError::Format(v)) => {
            diags.push(error(
                format!("the pack has format {v}, but this release of Pathlight reads format {FORMAT}: the widget would refuse it"),
                &format!("{REBUILD} of this release, or lint it with the `pathlight` of the release that built it"),
            ));
            return (None, diags);
        }
        Err(e) => {
            let message = match e {
                PackError::Json(e) => e,
                e => e.to_string(),
            };
            diags.push(error(
                format!("the widget cannot read this pack: {message}"),
                &format!("{REBUILD}; `pathlight schema` prints the shape of a pack"),
            ));
            return (None, diags);
        }
    };
    for u in &loaded.unknown {
        diags.push(
            Diagnostic::at_field(
                path,
                &u.path,
                format!("content of a kind this release does not know: `{}`; the widget leaves it out and shows the rest", u.tag),
                format!("use the widget and `pathlight` of the release that built the pack, or {REBUILD} of this release"),
            )
            .warning(),
        );
    }
    let pack = loaded.pack;
    for d in pack.duplicate_ids() {
        let last = d.lessons.last().copied().unwrap_or_default();
        diags.push(Diagnostic::at_field(
            path,
            &key(&index("lessons", last), "id"),
            format!("{d}: the widget refuses a pack with duplicate lesson ids"),
            "give each lesson its own id; ids are how progress is kept, so keep existing ones",
        ));
    }
    // The shape of what the widget read, so that fields it ignores are not mistakes here.
    let read: serde_json::Value =
        serde_json::from_str(&pack.to_json()).expect("a written pack is JSON");
    for m in schema::check_pack(&read) {
        diags.push(Diagnostic::at_field(
            path,
            &m.field,
            m.message,
            "run `pathlight schema` for the shape of a pack",
        ));
    }
    check_goals(path, &pack, &mut diags);
    let lines = Lines::default();
    let mut authored = Vec::new();
    for (i, lesson) in pack.lessons.iter().enumerate() {
        let at = index("lessons", i);
        let before = diags.len();
        let mut refs = Refs::default();
        let mut report = FileProblems {
            file: path,
            lines: &lines,
            diags: &mut diags,
        };
        check::compiled(lesson, &mut report, &mut refs);
        for d in &mut diags[before..] {
            d.field = Some(under(&at, d.field.as_deref().unwrap_or_default()));
        }
        authored.push(Authored {
            lesson: lesson.clone(),
            file: path.to_path_buf(),
            lines: Lines::default(),
            lesson_refs: refs.lessons,
            // A built pack has no pack.toml to list the app's features.
            features: vec![],
            at,
        });
    }
    check_links(&authored, &pack.goals, &mut diags);
    check_cycles(&authored, &mut diags);
    let clean = diags.iter().all(|d| d.warning);
    (clean.then_some(pack), diags)
}

/// The pack's locale, and its goals' ids: valid and each its own.
fn check_goals(path: &Path, pack: &Pack, diags: &mut Vec<Diagnostic>) {
    let lines = Lines::default();
    let mut report = FileProblems {
        file: path,
        lines: &lines,
        diags,
    };
    check::at(&mut report, "locale", check::locale(&pack.locale).map(drop));
    for (i, goal) in pack.goals.iter().enumerate() {
        let field = key(&index("goals", i), "id");
        if pack.goals[..i].iter().any(|g| g.id == goal.id) {
            report.error(
                &field,
                format!("duplicate goal id `{}`", goal.id),
                "give each goal its own id",
            );
        }
        check::at(&mut report, &field, check::goal_id(&goal.id));
        for tag in goal.locales.keys() {
            let field = key(&key(&index("goals", i), "locales"), tag);
            check::at(&mut report, &field, check::locale(tag).map(drop));
        }
    }
}
