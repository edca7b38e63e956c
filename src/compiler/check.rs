//! What makes a lesson valid beyond its shape: URL patterns, selectors, feature names,
//! bounds, safe URLs. Both authoring formats use these checks: a Markdown lesson reports a
//! problem on the line of its front-matter field, a JSON lesson at the path of its field.

use super::diagnostic::FileProblems;
use super::field::{index, key};
use super::refs::Refs;
use super::selector;
use crate::model::anchor::Anchor;
use crate::model::content::{Block, Inline};
use crate::model::pack::{Completion, Lesson};
use crate::model::trigger::{Bounds, Payload, Rule, Shape, Text, TraitTest};
use crate::model::url_pattern::{check_hash, UrlPattern};
use crate::model::url_safety::{self, UrlUse};

/// What is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub help: String,
}

fn problem(message: impl Into<String>, help: impl Into<String>) -> Problem {
    Problem {
        message: message.into(),
        help: help.into(),
    }
}

pub fn lesson_id(id: &str) -> Result<(), Problem> {
    let valid = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    valid.then_some(()).ok_or_else(|| {
        problem(
            format!("invalid lesson id `{id}`"),
            "use letters, digits, `-` and `_`, e.g. `send-invoice`",
        )
    })
}

pub fn goal_id(id: &str) -> Result<(), Problem> {
    lesson_id(id).map_err(|_| {
        problem(
            format!("invalid goal id `{id}`"),
            "use letters, digits, `-` and `_`, e.g. `get-paid-faster`",
        )
    })
}

/// A locale tag as packs use them, in its usual spelling (`pt-BR`, `zh-Hant`): a BCP 47
/// language of 2 or 3 letters, then optionally a script (4 letters) and a region (2
/// letters or 3 digits). Variants, extensions and private use are not accepted.
pub fn locale(tag: &str) -> Result<String, Problem> {
    let invalid = || {
        problem(
            format!("invalid locale tag `{}`", tag.escape_debug()),
            "use a BCP 47 tag: a language of 2 or 3 letters, optionally a script and a region, separated by `-`, e.g. `de`, `pt-BR`, `zh-Hant`",
        )
    };
    let letters = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
    };
    let mut subtags = tag.split('-');
    let language = subtags
        .next()
        .filter(|l| letters(l, 2..=3))
        .ok_or_else(invalid)?;
    let mut spelled = language.to_ascii_lowercase();
    let mut rest = subtags.peekable();
    if let Some(script) = rest.next_if(|s| letters(s, 4..=4)) {
        spelled.push('-');
        spelled.push_str(&script[..1].to_ascii_uppercase());
        spelled.push_str(&script[1..].to_ascii_lowercase());
    }
    let region =
        |s: &&str| letters(s, 2..=2) || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()));
    if let Some(region) = rest.next_if(region) {
        spelled.push('-');
        spelled.push_str(&region.to_ascii_uppercase());
    }
    match rest.next() {
        None => Ok(spelled),
        Some(_) => Err(invalid()),
    }
}

pub fn page(pattern: &str) -> Result<(), Problem> {
    UrlPattern::parse(pattern).map(|_| ()).map_err(|e| {
        problem(
            format!("invalid URL pattern: {e}"),
            "write a path pattern such as `/invoices/:id` or `/reports/*`",
        )
    })
}

pub fn hash(hash: &str) -> Result<(), Problem> {
    check_hash(hash).map_err(|e| {
        problem(
            format!("invalid hash: {e}"),
            "write the fragment, e.g. `#payments`, or a hash route such as `#/invoices/:id`",
        )
    })
}

/// The text of a rule, as its kind's [`Text`] says; a lesson id is checked by the pack,
/// which knows its lessons.
pub fn text(meaning: Text, text: &str) -> Result<(), Problem> {
    match meaning {
        Text::PathPattern => page(text),
        Text::Hash => hash(text),
        Text::LessonId => Ok(()),
    }
}

pub fn anchor(anchor: &Anchor) -> Result<(), Problem> {
    match anchor {
        Anchor::Feature(name) if name.trim().is_empty() || name.trim() != name => Err(problem(
            format!("invalid feature name `{name}`"),
            "write the value of the element's data-pathlight attribute, e.g. `billing.export`",
        )),
        Anchor::Feature(_) => Ok(()),
        Anchor::Selector(css) => selector::check(css).map_err(|why| {
            problem(
                format!("invalid CSS selector `{css}`: {why}"),
                "fix the selector, or better, add data-pathlight=\"feature.name\" to the element and anchor to the feature",
            )
        }),
    }
}

pub fn bounds(bounds: &Bounds) -> Result<(), Problem> {
    let given = [bounds.gt, bounds.gte, bounds.lt, bounds.lte];
    if given.iter().all(Option::is_none) {
        return Err(problem(
            "a comparison needs at least one bound",
            "use gt, gte, lt or lte, e.g. `{ gte = 3 }`",
        ));
    }
    if given.iter().flatten().any(|b| !b.is_finite()) {
        return Err(problem(
            "a bound is not a finite number",
            "use ordinary numbers such as 3 or 0.5",
        ));
    }
    if !bounds.satisfiable() {
        return Err(problem(
            "no number is within these bounds",
            "check the direction of the bounds: `{ gte = 3, lt = 10 }` means 3 to 10",
        ));
    }
    Ok(())
}

/// Reports `result` at `path`.
pub fn at(report: &mut FileProblems, path: &str, result: Result<(), Problem>) {
    if let Err(p) = result {
        report.error(path, p.message, p.help);
    }
}

/// Checks what the schema cannot about a lesson read from JSON, and collects the lessons
/// and features it names (with where), for the pack to check that they exist.
pub fn compiled(lesson: &Lesson, report: &mut FileProblems, refs: &mut Refs) {
    at(report, "id", lesson_id(&lesson.id));
    if let Some(a) = &lesson.anchor {
        named(a, "anchor", report, refs);
    }
    for (name, blocks) in [
        ("why", &lesson.why),
        ("what", &lesson.what),
        ("how", &lesson.how),
    ] {
        content(blocks, name, report, refs);
    }
    if let Some(trigger) = &lesson.when {
        rule(&trigger.rule, "when.rule", report, refs);
    }
    let mut spelled = std::collections::BTreeMap::new();
    for (tag, t) in &lesson.locales {
        let path = key("locales", tag);
        match locale(tag) {
            Err(p) => at(report, &path, Err(p)),
            Ok(s) => {
                if let Some(first) = spelled.insert(s.clone(), tag) {
                    report.error(
                        &path,
                        format!("`{first}` and `{tag}` are the same locale"),
                        format!("keep one translation for `{s}`"),
                    );
                }
            }
        }
        for (name, blocks) in [("why", &t.why), ("what", &t.what), ("how", &t.how)] {
            if let Some(blocks) = blocks {
                content(blocks, &key(&path, name), report, refs);
            }
        }
    }
    match &lesson.complete {
        Some(Completion::Click(a)) => named(a, "complete.click", report, refs),
        Some(Completion::Appears(a)) => named(a, "complete.appears", report, refs),
        Some(Completion::Url(p)) => at(report, "complete.url", page(p)),
        Some(Completion::Event(_)) | None => {}
    }
}

/// Checks the anchor at `path`, and collects the feature it names.
fn named(a: &Anchor, path: &str, report: &mut FileProblems, refs: &mut Refs) {
    match anchor(a) {
        Err(p) => report.error(path, p.message, p.help),
        Ok(()) => {
            if let Anchor::Feature(name) = a {
                refs.features.push((name.clone(), path.to_owned()));
            }
        }
    }
}

fn rule(rule: &Rule, path: &str, report: &mut FileProblems, refs: &mut Refs) {
    let (kind, payload) = rule.parts();
    let path = key(path, kind.name());
    match payload {
        Payload::Text(t) => {
            if let Shape::Text(_, meaning) = kind.spelling().shape {
                at(report, &path, text(meaning, t));
                if meaning == Text::LessonId {
                    refs.lessons.push((t.to_owned(), path));
                }
            }
        }
        Payload::Element { anchor: a, .. } => named(a, &key(&path, "anchor"), report, refs),
        Payload::Trait {
            test: TraitTest::Number(b) | TraitTest::DaysSince(b),
            ..
        } => at(report, &key(&path, "test"), bounds(b)),
        Payload::Rules(rules) => {
            for (i, r) in rules.iter().enumerate() {
                self::rule(r, &index(&path, i), report, refs);
            }
        }
        Payload::Inner(r) => self::rule(r, &path, report, refs),
        Payload::Count(_) | Payload::Params(_) | Payload::Event { .. } | Payload::Trait { .. } => {}
    }
}

/// Every link and image URL must be safe, and every step's anchor valid. Paths follow the
/// JSON: `why[0].p[1].link.href`.
fn content(blocks: &[Block], path: &str, report: &mut FileProblems, refs: &mut Refs) {
    for (i, block) in blocks.iter().enumerate() {
        let path = index(path, i);
        match block {
            Block::P(inlines) => inline(inlines, &key(&path, "p"), report),
            Block::H(inlines) => inline(inlines, &key(&path, "h"), report),
            Block::Ul(items) | Block::Ol(items) => {
                let list = key(
                    &path,
                    if matches!(block, Block::Ul(_)) {
                        "ul"
                    } else {
                        "ol"
                    },
                );
                for (j, item) in items.iter().enumerate() {
                    content(item, &index(&list, j), report, refs);
                }
            }
            Block::Quote(inner) => content(inner, &key(&path, "quote"), report, refs),
            Block::Steps(steps) => {
                for (j, step) in steps.iter().enumerate() {
                    let path = index(&key(&path, "steps"), j);
                    content(&step.content, &key(&path, "content"), report, refs);
                    if let Some(a) = &step.anchor {
                        named(a, &key(&path, "anchor"), report, refs);
                    }
                }
            }
            Block::Code(_) => {}
        }
    }
}

fn inline(inlines: &[Inline], path: &str, report: &mut FileProblems) {
    for (i, item) in inlines.iter().enumerate() {
        let path = index(path, i);
        match item {
            Inline::Link { href, children } => {
                let link = key(&path, "link");
                at(
                    report,
                    &key(&link, "href"),
                    url(href, href, UrlUse::Link).map(drop),
                );
                inline(children, &key(&link, "children"), report);
            }
            Inline::Image { src, .. } => {
                let src_path = key(&key(&path, "image"), "src");
                at(report, &src_path, url(src, src, UrlUse::Image).map(drop));
            }
            Inline::Clip(clip) => {
                let at = key(&path, "clip");
                let poster = clip.poster.iter().map(|p| ("poster", p));
                for (field, u) in [("src", &clip.src), ("captions", &clip.captions)]
                    .into_iter()
                    .chain(poster)
                {
                    let result = url(u, u, UrlUse::Image).map_err(|p| Problem {
                        message: p.message.replacen("image", "clip", 1),
                        ..p
                    });
                    self::at(report, &key(&at, field), result.map(drop));
                }
                if clip.alt.trim().is_empty() {
                    report.error(
                        &key(&at, "alt"),
                        "a clip without alt text",
                        "say what the clip shows in `alt`",
                    );
                }
            }
            Inline::Em(children) => inline(children, &key(&path, "em"), report),
            Inline::Strong(children) => inline(children, &key(&path, "strong"), report),
            Inline::Text(_) | Inline::Code(_) | Inline::Break => {}
        }
    }
}

/// The URL as the browser will read it, if it is safe for its use. A problem quotes it as
/// `written` in the file.
pub fn url(url: &str, written: &str, usage: UrlUse) -> Result<String, Problem> {
    url_safety::check(url, usage).map_err(|e| {
        let (what, allowed) = match usage {
            UrlUse::Link => ("link", "http, https, mailto or a relative URL"),
            UrlUse::Image => ("image", "https or a relative URL"),
        };
        problem(
            format!("unsafe {what} URL `{}`: {e}", visible(written)),
            format!("use {allowed}"),
        )
    })
}

/// `text` as written, with only the characters a terminal would not show (tabs, line
/// breaks, other controls) spelt as escapes: quotes and backslashes stay as they are.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_names_are_attribute_values_without_stray_spaces() {
        assert!(anchor(&Anchor::Feature("billing.export".into())).is_ok());
        assert!(anchor(&Anchor::Feature("".into())).is_err());
        assert!(anchor(&Anchor::Feature(" billing".into())).is_err());
        assert!(anchor(&Anchor::Selector("#ok".into())).is_ok());
        assert!(anchor(&Anchor::Selector("div >> a".into())).is_err());
    }

    #[test]
    fn locale_tags_are_a_language_with_an_optional_script_and_region() {
        for (tag, spelled) in [
            ("de", "de"),
            ("pt-br", "pt-BR"),
            ("ZH-hant", "zh-Hant"),
            ("zh-Hant-TW", "zh-Hant-TW"),
            ("es-419", "es-419"),
            ("fil", "fil"),
        ] {
            assert_eq!(locale(tag), Ok(spelled.to_string()), "{tag}");
        }
        for tag in [
            "",
            "d",
            "deutsch",
            "de_DE",
            "de-",
            "-de",
            "de-CH-1901",
            "en-US-x-a",
            "de-DEU",
            "pt-BR-BR",
            "zh-Hant-Hans",
            "1de",
            "dé",
        ] {
            assert!(locale(tag).is_err(), "{tag}");
        }
    }

    #[test]
    fn bounds_must_say_something_possible() {
        let b = |gt, lt| Bounds {
            gt,
            lt,
            ..Bounds::default()
        };
        assert!(bounds(&b(Some(1.0), None)).is_ok());
        assert!(bounds(&b(None, None)).is_err());
        assert!(bounds(&b(Some(10.0), Some(3.0))).is_err());
        assert!(bounds(&b(Some(f64::NAN), None)).is_err());
    }
}
