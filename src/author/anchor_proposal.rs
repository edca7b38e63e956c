//! The anchor author mode's element picker proposes for the element an author clicked.
//!
//! The best anchor survives redesigns: the element's `data-pathlight` name when it has one,
//! else a selector from what the team already keeps stable (an id, a `data-testid`, an
//! ARIA role with its label), and only then a short path through the page. The browser edge
//! describes the element ([`Picked`]) and counts what a selector matches; the choice is here.

use crate::model::anchor::Anchor;

/// The element an author picked, as the browser edge saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picked {
    /// Its `data-pathlight` attribute.
    pub feature: Option<String>,
    /// Its `id` attribute.
    pub id: Option<String>,
    /// Its `data-testid` attribute.
    pub test_id: Option<String>,
    /// Its `role` attribute.
    pub role: Option<String>,
    /// Its `aria-label` attribute.
    pub label: Option<String>,
    /// The way from the top of its tree (the document, or the open shadow root it is in)
    /// down to it: the element is the last step.
    pub path: Vec<PathElement>,
}

/// One element on the way to the picked one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathElement {
    /// The tag name, lower case.
    pub tag: String,
    /// Its position among the children of its parent with the same tag, from 1.
    pub nth_of_type: u32,
    /// Its `id` attribute, which lets the path start here.
    pub id: Option<String>,
}

/// What the picker shows for a picked element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// The Anchor the author can paste into the Lesson.
    pub anchor: Anchor,
    /// How many elements it matches on the page now.
    pub matches: usize,
    /// What it was made from, in a few words.
    pub basis: Basis,
}

/// What a proposal was made from, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// From the `data-pathlight` attribute: the sturdiest Anchor.
    Feature,
    /// From the element's `id`.
    Id,
    /// From the `data-testid` attribute.
    TestId,
    /// From the `role` and `aria-label` pair.
    RoleAndLabel,
    /// From the path down the tree: breaks first when the page changes.
    Path,
}

impl Basis {
    /// The basis in a few words, for the picker to tell the author how sturdy the Anchor is.
    pub fn words(self) -> &'static str {
        match self {
            Basis::Feature => "its data-pathlight name",
            Basis::Id => "its id",
            Basis::TestId => "its data-testid",
            Basis::RoleAndLabel => "its role and ARIA label",
            Basis::Path => "its place in the page (fragile: add data-pathlight to the element)",
        }
    }
}

/// The best anchor for `picked`. `count` answers how many elements a CSS selector matches
/// on the page. A selector is proposed only when it matches exactly one element; the path,
/// the last resort, is as short as keeps it unique.
pub fn propose(picked: &Picked, count: impl Fn(&str) -> usize) -> Proposal {
    if let Some(name) = &picked.feature {
        let anchor = Anchor::Feature(name.clone());
        let matches = count(&anchor.css());
        return Proposal {
            anchor,
            matches,
            basis: Basis::Feature,
        };
    }
    let tag = picked.path.last().map_or("*", |s| s.tag.as_str());
    let candidates = [
        (Basis::Id, picked.id.as_deref().map(id_selector)),
        (
            Basis::TestId,
            picked
                .test_id
                .as_deref()
                .map(|t| attribute("data-testid", t)),
        ),
        (
            Basis::RoleAndLabel,
            picked.label.as_deref().map(|label| {
                let role = picked
                    .role
                    .as_deref()
                    .map_or(String::new(), |r| attribute("role", r));
                format!("{tag}{role}{}", attribute("aria-label", label))
            }),
        ),
    ];
    for (basis, selector) in candidates {
        if let Some(selector) = selector.filter(|s| count(s) == 1) {
            return Proposal {
                anchor: Anchor::Selector(selector),
                matches: 1,
                basis,
            };
        }
    }
    let selector = short_path(&picked.path, &count);
    Proposal {
        matches: count(&selector),
        anchor: Anchor::Selector(selector),
        basis: Basis::Path,
    }
}

/// The shortest path from the element up that matches it alone: each step is its tag and
/// position, and an ancestor with a unique id ends the climb.
fn short_path(path: &[PathElement], count: &impl Fn(&str) -> usize) -> String {
    let mut selector = String::new();
    for step in path.iter().rev() {
        if let Some(id) = step.id.as_deref().map(id_selector) {
            if count(&id) == 1 {
                return join(&id, &selector);
            }
        }
        let here = format!("{}:nth-of-type({})", step.tag, step.nth_of_type);
        selector = join(&here, &selector);
        if count(&selector) == 1 {
            break;
        }
    }
    selector
}

fn join(parent: &str, child: &str) -> String {
    match child {
        "" => parent.to_string(),
        child => format!("{parent} > {child}"),
    }
}

/// `#id` when the id is a plain CSS identifier, else the attribute form, which needs no
/// escaping beyond a string's.
fn id_selector(id: &str) -> String {
    let plain = id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    match plain {
        true => format!("#{id}"),
        false => attribute("id", id),
    }
}

fn attribute(name: &str, value: &str) -> String {
    format!("[{name}=\"{}\"]", crate::model::anchor::css_string(value))
}

impl Proposal {
    /// The front-matter line to paste into a lesson: `anchor = "reports.export"`, or
    /// `anchor = { selector = "#export" }`.
    pub fn front_matter(&self) -> String {
        match &self.anchor {
            Anchor::Feature(name) => format!("anchor = {}", toml_string(name)),
            Anchor::Selector(s) => format!("anchor = {{ selector = {} }}", toml_string(s)),
        }
    }
}

/// A TOML string: literal (`'...'`) when that needs no escape, which keeps selectors with
/// quotes readable; basic otherwise.
fn toml_string(s: &str) -> String {
    if !s.contains('\'') && !s.chars().any(char::is_control) {
        return format!("'{s}'");
    }
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// A page as counts per selector: anything not listed matches nothing.
    fn page(counts: &[(&str, usize)]) -> impl Fn(&str) -> usize {
        let counts: HashMap<String, usize> =
            counts.iter().map(|(s, n)| (s.to_string(), *n)).collect();
        move |s: &str| counts.get(s).copied().unwrap_or(0)
    }

    fn step(tag: &str, nth: u32) -> PathElement {
        PathElement {
            tag: tag.into(),
            nth_of_type: nth,
            id: None,
        }
    }

    fn button() -> Picked {
        Picked {
            path: vec![step("main", 1), step("div", 2), step("button", 3)],
            ..Picked::default()
        }
    }

    #[test]
    fn a_data_pathlight_name_wins_whatever_else_the_element_has() {
        let picked = Picked {
            feature: Some("reports.export".into()),
            id: Some("export".into()),
            ..button()
        };
        let p = propose(&picked, page(&[("[data-pathlight=\"reports.export\"]", 2)]));
        assert_eq!(p.anchor, Anchor::Feature("reports.export".into()));
        assert_eq!(p.matches, 2, "the count is shown even when it is not one");
        assert_eq!(p.front_matter(), "anchor = 'reports.export'");
    }

    #[test]
    fn an_id_then_a_test_id_then_role_and_label_each_only_when_unique() {
        let picked = Picked {
            id: Some("export".into()),
            test_id: Some("export-btn".into()),
            role: Some("menuitem".into()),
            label: Some("Export \"CSV\"".into()),
            ..button()
        };
        let by_id = propose(&picked, page(&[("#export", 1)]));
        assert_eq!(by_id.anchor, Anchor::Selector("#export".into()));
        assert_eq!(by_id.basis, Basis::Id);
        let by_test_id = propose(
            &picked,
            page(&[("#export", 2), ("[data-testid=\"export-btn\"]", 1)]),
        );
        assert_eq!(
            by_test_id.anchor,
            Anchor::Selector("[data-testid=\"export-btn\"]".into())
        );
        let role = "button[role=\"menuitem\"][aria-label=\"Export \\\"CSV\\\"\"]";
        let by_role = propose(&picked, page(&[(role, 1)]));
        assert_eq!(by_role.anchor, Anchor::Selector(role.into()));
        assert_eq!(by_role.basis, Basis::RoleAndLabel);
        assert_eq!(
            by_role.front_matter(),
            format!("anchor = {{ selector = '{role}' }}")
        );
    }

    #[test]
    fn ids_that_are_not_plain_identifiers_use_the_attribute_form() {
        let picked = Picked {
            id: Some("1st:export".into()),
            ..button()
        };
        let p = propose(&picked, page(&[("[id=\"1st:export\"]", 1)]));
        assert_eq!(p.anchor, Anchor::Selector("[id=\"1st:export\"]".into()));
    }

    #[test]
    fn the_path_climbs_only_until_it_is_unique_and_stops_at_a_unique_id() {
        let p = propose(
            &button(),
            page(&[
                ("button:nth-of-type(3)", 4),
                ("div:nth-of-type(2) > button:nth-of-type(3)", 1),
            ]),
        );
        assert_eq!(
            p.anchor,
            Anchor::Selector("div:nth-of-type(2) > button:nth-of-type(3)".into())
        );
        assert_eq!((p.matches, p.basis), (1, Basis::Path));

        let mut in_panel = button();
        in_panel.path[1].id = Some("panel".into());
        let p = propose(
            &in_panel,
            page(&[
                ("button:nth-of-type(3)", 4),
                ("#panel", 1),
                ("#panel > button:nth-of-type(3)", 1),
            ]),
        );
        assert_eq!(
            p.anchor,
            Anchor::Selector("#panel > button:nth-of-type(3)".into())
        );
    }

    #[test]
    fn a_path_that_is_never_unique_says_how_many_it_matches() {
        let p = propose(&button(), |_| 3);
        assert_eq!(
            p.anchor,
            Anchor::Selector(
                "main:nth-of-type(1) > div:nth-of-type(2) > button:nth-of-type(3)".into()
            )
        );
        assert_eq!(p.matches, 3);
    }

    /// What the front-matter line says, read back as the authoring CLI reads it.
    fn read_back(line: &str) -> Anchor {
        let table: toml::Table = toml::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
        match &table["anchor"] {
            toml::Value::String(name) => Anchor::Feature(name.clone()),
            toml::Value::Table(t) => Anchor::Selector(t["selector"].as_str().unwrap().into()),
            other => panic!("{other:?}"),
        }
    }

    proptest::proptest! {
        /// Pins a copied line that does not parse, or names another element, when the
        /// selector has quotes, backslashes or control characters.
        #[test]
        fn the_front_matter_line_reads_back_as_the_same_anchor(s in "\\PC*|[\\'\"\n\t a-z]{0,12}", feature: bool) {
            let anchor = if feature { Anchor::Feature(s) } else { Anchor::Selector(s) };
            let p = Proposal { anchor: anchor.clone(), matches: 1, basis: Basis::Path };
            proptest::prop_assert_eq!(read_back(&p.front_matter()), anchor);
        }
    }
}
