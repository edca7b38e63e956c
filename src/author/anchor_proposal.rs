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

/// Where in a lesson an author can use the picked element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// The lesson's `anchor`: the feature it is about.
    Anchor,
    /// `[complete] click`: clicking the element completes the lesson.
    Click,
    /// A trigger's `element` rule: the lesson is offered where the element is.
    Trigger,
    /// A How step's `{@…}` marker: the step points at the element.
    Step,
}

impl Use {
    /// Every use, in the order the picker offers them.
    pub const ALL: [Use; 4] = [Use::Anchor, Use::Click, Use::Trigger, Use::Step];

    /// Where the text goes, in a few words, for the picker's label.
    pub fn words(self) -> &'static str {
        match self {
            Use::Anchor => "The lesson's anchor (front matter)",
            Use::Click => "Clicking it completes the lesson (front matter)",
            Use::Trigger => "A trigger rule: offer the lesson where it is (under [trigger])",
            Use::Step => "A How step points at it (end of the step's line)",
        }
    }
}

impl Proposal {
    /// The front-matter line to paste into a lesson: `anchor = "reports.export"`, or
    /// `anchor = { selector = "#export" }`.
    pub fn front_matter(&self) -> String {
        format!("anchor = {}", self.value())
    }

    /// The text to paste for `used`: the `anchor` line, the `[complete]` table with its
    /// `click`, the trigger's `element` rule, or the step marker. `None` for a step marker
    /// when the selector has characters Markdown would read as formatting, so that the
    /// marker would not point at the same element.
    pub fn text(&self, used: Use) -> Option<String> {
        Some(match used {
            Use::Anchor => self.front_matter(),
            Use::Click => format!("[complete]\nclick = {}", self.value()),
            Use::Trigger => match &self.anchor {
                Anchor::Feature(name) => format!("element = {{ feature = {} }}", toml_string(name)),
                Anchor::Selector(s) => format!("element = {{ selector = {} }}", toml_string(s)),
            },
            Use::Step => match &self.anchor {
                Anchor::Feature(name) if plain_in_markdown(name) && !name.starts_with("css:") => {
                    format!("{{@{name}}}")
                }
                Anchor::Selector(s) if plain_in_markdown(s) => format!("{{@css:{s}}}"),
                _ => return None,
            },
        })
    }

    /// The anchor as a TOML value: the feature's name, or the selector's table.
    fn value(&self) -> String {
        match &self.anchor {
            Anchor::Feature(name) => toml_string(name),
            Anchor::Selector(s) => format!("{{ selector = {} }}", toml_string(s)),
        }
    }
}

/// True when `s` reads as itself at the end of a Markdown paragraph: no character that
/// starts emphasis, code, HTML, an entity, an escape or the marker's own braces, and no
/// space at either end (the compiler trims the marker).
fn plain_in_markdown(s: &str) -> bool {
    !s.is_empty()
        && s.trim() == s
        && !s.contains("](")
        && s.chars().all(|c| {
            !c.is_control()
                && !matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '{' | '}' | '<' | '&' | '~' | '!' | '|'
                )
        })
}

/// Every distinct `data-pathlight` name, in the order given, as the `features` line of
/// `pack.toml`, so that lint knows the app's features.
pub fn features_line<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut seen: Vec<&str> = vec![];
    for name in names {
        if !name.is_empty() && !seen.contains(&name) {
            seen.push(name);
        }
    }
    let list: Vec<String> = seen.into_iter().map(toml_string).collect();
    format!("features = [{}]", list.join(", "))
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

    #[test]
    fn the_picker_proposes_the_anchor_the_click_the_trigger_and_the_step_marker() {
        let feature = Proposal {
            anchor: Anchor::Feature("invoices.tab-tax".into()),
            matches: 1,
            basis: Basis::Feature,
        };
        let texts: Vec<Option<String>> = Use::ALL.iter().map(|u| feature.text(*u)).collect();
        assert_eq!(
            texts,
            [
                Some("anchor = 'invoices.tab-tax'".into()),
                Some("[complete]\nclick = 'invoices.tab-tax'".into()),
                Some("element = { feature = 'invoices.tab-tax' }".into()),
                Some("{@invoices.tab-tax}".into()),
            ]
        );
        let selector = Proposal {
            anchor: Anchor::Selector("#tab-tax".into()),
            matches: 1,
            basis: Basis::Id,
        };
        assert_eq!(
            selector.text(Use::Click).as_deref(),
            Some("[complete]\nclick = { selector = '#tab-tax' }")
        );
        assert_eq!(
            selector.text(Use::Trigger).as_deref(),
            Some("element = { selector = '#tab-tax' }")
        );
        assert_eq!(selector.text(Use::Step).as_deref(), Some("{@css:#tab-tax}"));
    }

    #[test]
    fn no_step_marker_for_a_selector_markdown_would_reformat() {
        let p = Proposal {
            anchor: Anchor::Selector("[data-testid=\"a_b*c\"]".into()),
            matches: 1,
            basis: Basis::TestId,
        };
        assert_eq!(p.text(Use::Step), None);
        assert!(p.text(Use::Anchor).is_some());
    }

    #[test]
    fn this_pages_features_are_one_pack_toml_line_each_name_once() {
        assert_eq!(
            features_line(["invoices.send", "reports.export", "invoices.send", ""]),
            "features = ['invoices.send', 'reports.export']"
        );
        let table: toml::Table = toml::from_str(&features_line(["a'b", "c"])).unwrap();
        assert_eq!(table["features"].as_array().unwrap().len(), 2);
        assert_eq!(features_line([]), "features = []");
    }

    /// Every use's text, read back as the authoring CLI reads it.
    fn read_use(p: &Proposal, used: Use) -> Option<Anchor> {
        let text = p.text(used)?;
        let from_toml = |v: &toml::Value| match v {
            toml::Value::String(name) => Anchor::Feature(name.clone()),
            toml::Value::Table(t) => match (t.get("feature"), t.get("selector")) {
                (Some(f), _) => Anchor::Feature(f.as_str().unwrap().into()),
                (_, Some(s)) => Anchor::Selector(s.as_str().unwrap().into()),
                _ => panic!("{t:?}"),
            },
            other => panic!("{other:?}"),
        };
        Some(match used {
            Use::Anchor => read_back(&text),
            Use::Click => {
                let table: toml::Table =
                    toml::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
                from_toml(&table["complete"]["click"])
            }
            Use::Trigger => {
                let table: toml::Table =
                    toml::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
                from_toml(&table["element"])
            }
            Use::Step => {
                let body = format!("## Why\nw\n\n## What\nw\n\n## How\n1. Open it. {text}\n");
                let mut diags = vec![];
                let layers = crate::compiler::markdown::layers(
                    &body,
                    1,
                    std::path::Path::new("t.md"),
                    &mut diags,
                )
                .unwrap_or_else(|| panic!("{text}: {diags:?}"));
                let crate::model::content::Block::Steps(steps) = layers.how.last().unwrap() else {
                    panic!("{text}: no steps");
                };
                steps[0]
                    .anchor
                    .clone()
                    .unwrap_or_else(|| panic!("{text}: no anchor"))
            }
        })
    }

    proptest::proptest! {
        /// Pins a copied use that does not parse, or names another element: each of the
        /// four texts reads back, through TOML or the Markdown compiler, as the same anchor.
        #[test]
        fn every_use_reads_back_as_the_same_anchor(s in "[a-z#.:>()=\\[\\]\" _*`{}<&'-]{1,14}|\\PC{1,8}", feature: bool) {
            let anchor = if feature { Anchor::Feature(s) } else { Anchor::Selector(s) };
            let p = Proposal { anchor: anchor.clone(), matches: 1, basis: Basis::Path };
            for used in Use::ALL {
                if let Some(read) = read_use(&p, used) {
                    proptest::prop_assert_eq!(read, anchor.clone(), "{:?}", used);
                }
            }
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
