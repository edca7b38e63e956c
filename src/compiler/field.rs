//! Where a problem is in a lesson file: the path of its field (`trigger.all[1].page`) and,
//! for TOML, the line that field is written on.

use std::collections::HashMap;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The path of `key` inside `parent`, quoted when the key is not a bare TOML key.
pub fn key(parent: &str, key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let key = if bare {
        key.to_string()
    } else {
        format!("{key:?}")
    };
    if parent.is_empty() {
        key
    } else {
        format!("{parent}.{key}")
    }
}

/// The path of the `i`th item of the array at `parent`.
pub fn index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// The line of every field of a TOML document, by path.
#[derive(Debug, Default)]
pub struct Lines {
    by_path: HashMap<String, usize>,
    /// Where a field with no written ancestor is reported: the top of the document.
    top: Option<usize>,
}

impl Lines {
    /// Indexes `toml`, which starts on line `first_line` of its file; fields missing from
    /// the top level are reported on `top`. A document that does not parse has no lines:
    /// its syntax error is reported on its own.
    pub fn of_toml(toml: &str, first_line: usize, top: usize) -> Lines {
        let mut lines = Lines {
            top: Some(top),
            ..Lines::default()
        };
        if let Ok(table) = DeTable::parse(toml) {
            let starts: Vec<usize> = std::iter::once(0)
                .chain(toml.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            let line = |offset: usize| first_line + starts.partition_point(|s| *s <= offset) - 1;
            lines.walk_table(table.get_ref(), "", &line);
        }
        lines
    }

    fn walk_table(&mut self, table: &DeTable, path: &str, line: &impl Fn(usize) -> usize) {
        for (k, v) in table.iter() {
            let path = key(path, k.get_ref());
            self.by_path.insert(path.clone(), line(k.span().start));
            self.walk(v, &path, line);
        }
    }

    fn walk(&mut self, value: &Spanned<DeValue>, path: &str, line: &impl Fn(usize) -> usize) {
        match value.get_ref() {
            DeValue::Table(t) => self.walk_table(t, path, line),
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let path = index(path, i);
                    self.by_path.insert(path.clone(), line(item.span().start));
                    self.walk(item, &path, line);
                }
            }
            _ => {}
        }
    }

    /// The line of the field at `path`, or of its nearest written ancestor (a missing
    /// field is reported where its table is).
    pub fn line(&self, path: &str) -> Option<usize> {
        let mut path = path;
        loop {
            if let Some(line) = self.by_path.get(path) {
                return Some(*line);
            }
            match path.rfind(['.', '[']) {
                Some(end) => path = &path[..end],
                None => return self.top,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_and_array_item_has_its_own_line() {
        let toml = "id = \"a\"\nprerequisites = [\n  \"x\",\n  \"y\",\n]\n\n[trigger]\npage = \"/\"\nall = [\n  { event = \"e\" },\n  { trait = { \"company.size\" = 3 } },\n]\n\n[[extra]]\nk = 1\n[[extra]]\nk = 2\n";
        let lines = Lines::of_toml(toml, 2, 1);
        assert_eq!(lines.line("id"), Some(2));
        assert_eq!(lines.line("prerequisites[1]"), Some(5));
        assert_eq!(lines.line("trigger"), Some(8));
        assert_eq!(lines.line("trigger.page"), Some(9));
        assert_eq!(lines.line("trigger.all[0].event"), Some(11));
        assert_eq!(
            lines.line(&key("trigger.all[1].trait", "company.size")),
            Some(12)
        );
        assert_eq!(lines.line("extra[1].k"), Some(18));
    }

    #[test]
    fn a_missing_field_is_placed_on_its_table() {
        let lines = Lines::of_toml("[trigger]\npage = \"/\"\n", 2, 1);
        assert_eq!(lines.line("trigger.event.name"), Some(2));
        assert_eq!(lines.line("title"), Some(1));
        assert_eq!(Lines::default().line("title"), None);
    }

    #[test]
    fn unusual_keys_are_quoted_in_paths() {
        assert_eq!(key("goals", "get-paid"), "goals.get-paid");
        assert_eq!(key("trait", "company.size"), "trait.\"company.size\"");
        assert_eq!(key("", "id"), "id");
    }
}
