//! One problem in an authored pack: where, what and how to fix it.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based line in the file, when known.
    pub line: Option<usize>,
    /// The front-matter field or section the problem is in.
    pub field: Option<String>,
    pub message: String,
    pub help: String,
}

impl Diagnostic {
    pub fn in_file(file: &Path, message: String, help: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.to_path_buf(),
            line: None,
            field: None,
            message,
            help: help.into(),
        }
    }

    pub fn at_field(
        file: &Path,
        field: &str,
        message: String,
        help: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            field: Some(field.to_string()),
            ..Diagnostic::in_file(file, message, help)
        }
    }

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

    pub fn with_line(mut self, line: usize) -> Diagnostic {
        self.line = Some(line);
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, " [{field}]")?;
        }
        write!(f, ": {}\n  help: {}", self.message, self.help)
    }
}
