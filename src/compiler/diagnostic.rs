//! One problem in an authored pack: where, what and how to fix it.

use super::field::Lines;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
/// A problem found in a Pack's source, worded for the author to fix.
pub struct Diagnostic {
    /// Source file the problem is in.
    pub file: PathBuf,
    /// 1-based line in the file, when known.
    pub line: Option<usize>,
    /// The front-matter field or section the problem is in.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// Something the widget copes with (it leaves out content it does not know), rather
    /// than an error: reported, but the pack passes.
    pub warning: bool,
}

impl Diagnostic {
    /// A problem with a whole file, with no place inside it.
    pub fn in_file(file: &Path, message: String, help: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.to_path_buf(),
            line: None,
            field: None,
            message,
            help: help.into(),
            warning: false,
        }
    }

    /// This problem as a warning.
    pub fn warning(self) -> Diagnostic {
        Diagnostic {
            warning: true,
            ..self
        }
    }

    /// A problem with one front-matter field of a Lesson file.
    pub fn at_field(
        file: &Path,
        field: &str,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            field: Some(field.to_string()),
            ..Diagnostic::in_file(file, message.into(), help)
        }
    }

    /// A problem at a line of a Lesson file.
    pub fn at_line(
        file: &Path,
        line: usize,
        message: String,
        help: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            line: Some(line),
            ..Diagnostic::in_file(file, message, help)
        }
    }
}

impl Diagnostic {
    /// This problem as `pathlight dev`'s `/status` carries it (docs/authoring.md, "Author
    /// mode"): `message` is all that lint prints for it.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "file": self.file.display().to_string(),
            "line": self.line,
            "severity": if self.warning { "warning" } else { "error" },
            "message": self.to_string(),
        })
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.warning { "warning" } else { "error" };
        write!(f, "{kind}: {}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = self.field.as_ref().filter(|f| !f.is_empty()) {
            write!(f, " [{field}]")?;
        }
        write!(f, ": {}\n  help: {}", self.message, self.help)
    }
}

/// The problems of one file, each placed on the line of its field when the file has lines.
pub struct FileProblems<'a> {
    pub file: &'a Path,
    pub lines: &'a Lines,
    pub diags: &'a mut Vec<Diagnostic>,
}

impl FileProblems<'_> {
    pub fn error(&mut self, field: &str, message: impl Into<String>, help: impl Into<String>) {
        let mut d = Diagnostic::at_field(self.file, field, message, help);
        d.line = self.lines.line(field);
        self.diags.push(d);
    }
}

/// ` (did you mean `x`?)` when a candidate is a likely typo of `word`, or nothing.
pub fn did_you_mean<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> String {
    closest(word, candidates)
        .map(|c| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}

/// The candidate `word` is most likely a typo of, if any is close enough.
pub fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

/// Edit distance by characters, counting a swap of neighbours as one edit (`pgae`).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// "1 lesson" or "3 lessons", for the CLI's summaries.
pub fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// What `pathlight lint` prints about `diags`, one entry per message (a diagnostic's has
/// two lines): each diagnostic, then, when there are errors, how many. `pathlight dev`
/// prints the same, native or npm.
pub fn lint_report(diags: &[Diagnostic]) -> Vec<String> {
    let mut lines: Vec<String> = diags.iter().map(Diagnostic::to_string).collect();
    let warnings = diags.iter().filter(|d| d.warning).count();
    let errors = diags.len() - warnings;
    if errors > 0 {
        let and = match warnings {
            0 => String::new(),
            n => format!(" (and {})", plural(n, "warning")),
        };
        lines.push(format!("{} found{and}", plural(errors, "error")));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_get_a_suggestion_and_strangers_none() {
        let known = ["page", "query", "hash", "event", "element"];
        assert_eq!(did_you_mean("pgae", known), " (did you mean `page`?)");
        assert_eq!(did_you_mean("evnet", known), " (did you mean `event`?)");
        assert_eq!(did_you_mean("colour", known), "");
    }

    #[test]
    fn lint_report_counts_errors_and_warnings_like_lint() {
        let error = Diagnostic::at_line(Path::new("a.md"), 3, "bad".into(), "fix it");
        let warning = Diagnostic::in_file(Path::new("b.md"), "odd".into(), "look").warning();
        assert_eq!(
            lint_report(&[error.clone(), warning]).join("\n"),
            "error: a.md:3: bad\n  help: fix it\nwarning: b.md: odd\n  help: look\n1 error found (and 1 warning)"
        );
        assert_eq!(
            lint_report(&[error.clone(), error])
                .last()
                .map(String::as_str),
            Some("2 errors found")
        );
    }
}
