//! What a lesson names that the pack must have: other lessons, and the app's features
//! (`features` in `pack.toml`). Reading collects them with where each is written; the pack
//! checks them once every file is read, so a broken file's mentions are checked too.

use std::path::PathBuf;

/// The names a lesson mentions, each with the path of the field that mentions it.
#[derive(Debug, Default)]
pub struct Refs {
    /// Lesson ids: prerequisites are read apart, these are the trigger's.
    pub lessons: Vec<(String, String)>,
    /// Feature names: `anchor`, `[complete] click` or `appears`, a trigger's `element`.
    pub features: Vec<(String, String)>,
}

/// A feature named somewhere in a file: the pack checks that the app has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The feature name, as written.
    pub name: String,
    /// The file it is written in.
    pub file: PathBuf,
    /// Its line, when the file has lines.
    pub line: Option<usize>,
    /// The field that names it: `anchor`, `trigger.element`, `how` for a step marker.
    pub field: String,
}
