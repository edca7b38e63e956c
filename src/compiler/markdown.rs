//! Markdown to the safe content tree: `## Why`, `## What` and `## How` sections.
//!
//! Raw HTML is refused (pulldown-cmark passes it through and has no switch for it), and
//! every link and image URL goes through [`crate::model::url_safety`].

use super::check;
use super::clip_syntax;
use super::diagnostic::closest;
use super::Diagnostic;
use crate::model::anchor::Anchor;
use crate::model::content::{Block, Inline, Step};
use crate::model::url_safety::UrlUse;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::path::Path;

#[derive(Default)]
pub struct Layers {
    pub why: Vec<Block>,
    pub what: Vec<Block>,
    pub how: Vec<Block>,
    /// The features How's step markers name, each with its line.
    pub features: Vec<(String, usize)>,
}

/// The three sections, as they are written.
const SECTIONS: [&str; 3] = ["Why", "What", "How"];

/// Where the tree is being built: a container of blocks, or of inlines.
enum Frame {
    Blocks(Vec<Block>),
    /// `implicit` is a paragraph opened for the text of a tight list item.
    Inlines {
        kind: InlineKind,
        items: Vec<Inline>,
        implicit: bool,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Code(String),
}

enum InlineKind {
    Paragraph,
    Heading,
    Em,
    Strong,
    Link(String),
    Image(String),
    /// A clip: an image whose URL is a `.webm` or `.mp4`, with its title (`"loop"`,
    /// `"640x360"`).
    Clip(String, String),
}

struct Section {
    name: String,
    line: usize,
    blocks: Vec<Block>,
}

/// The sections a body has, each compiled; How's numbered lists are steps already.
pub struct Sections {
    pub why: Option<Vec<Block>>,
    pub what: Option<Vec<Block>>,
    pub how: Option<Vec<Block>>,
    /// The features How's step markers name, each with its line.
    pub features: Vec<(String, usize)>,
}

/// Compiles a lesson body into its three layers, reporting every problem found; a missing
/// section is reported, and empty here. `None` when content comes before the first section.
pub fn layers(
    body: &str,
    first_line: usize,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<Layers> {
    let Sections {
        why,
        what,
        how,
        features,
    } = sections(body, first_line, path, diags)?;
    // A missing section is reported where the file ends, where it is usually added.
    let last_line = first_line + body.trim_end().lines().count().saturating_sub(1);
    for (name, layer) in SECTIONS.into_iter().zip([&why, &what, &how]) {
        if layer.is_none() {
            diags.push(Diagnostic {
                line: Some(last_line),
                ..Diagnostic::at_field(
                    path,
                    &name.to_ascii_lowercase(),
                    format!("the `## {name}` section is missing"),
                    format!("add a `## {name}` section: every lesson has Why, What and How layers"),
                )
            });
        }
    }
    Some(Layers {
        why: why.unwrap_or_default(),
        what: what.unwrap_or_default(),
        how: how.unwrap_or_default(),
        features,
    })
}

/// Compiles the `## Why`, `## What` and `## How` sections a body has, any of them missing
/// (a translation may leave some out), reporting every other problem found. `None` when
/// content comes before the first section.
pub fn sections(
    body: &str,
    first_line: usize,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<Sections> {
    let line_of = |offset: usize| first_line + body[..offset.min(body.len())].matches('\n').count();
    let mut sections: Vec<Section> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut in_section_heading = false;
    let mut heading_text = String::new();
    let mut heading_line = 0;

    let mut after_lt = false;
    for (event, range) in Parser::new_ext(body, Options::ENABLE_STRIKETHROUGH).into_offset_iter() {
        let line = line_of(range.start);
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => {
                close_all(&mut stack, &mut sections);
                in_section_heading = true;
                heading_text.clear();
                heading_line = line;
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                in_section_heading = false;
                sections.push(Section {
                    name: heading_text.trim().to_string(),
                    line: heading_line,
                    blocks: Vec::new(),
                });
                stack.push(Frame::Blocks(Vec::new()));
            }
            Event::Text(t) | Event::Code(t) if in_section_heading => heading_text.push_str(&t),
            _ if in_section_heading => {}
            _ if sections.is_empty() => {
                if !matches!(&event, Event::Text(t) if t.trim().is_empty())
                    && !matches!(event, Event::End(_))
                {
                    diags.push(Diagnostic::at_line(
                        path,
                        line,
                        "content before the first `##` section".into(),
                        "put all content under `## Why`, `## What` or `## How`",
                    ));
                    return None;
                }
            }
            Event::Start(tag) => match tag {
                Tag::Paragraph => stack.push(Frame::Inlines {
                    kind: InlineKind::Paragraph,
                    items: vec![],
                    implicit: false,
                }),
                Tag::Heading { .. } => stack.push(Frame::Inlines {
                    kind: InlineKind::Heading,
                    items: vec![],
                    implicit: false,
                }),
                Tag::BlockQuote(_) | Tag::Item => {
                    close_implicit(&mut stack);
                    stack.push(Frame::Blocks(Vec::new()))
                }
                Tag::List(start) => {
                    close_implicit(&mut stack);
                    stack.push(Frame::List {
                        ordered: start.is_some(),
                        items: vec![],
                    })
                }
                Tag::CodeBlock(_) => stack.push(Frame::Code(String::new())),
                Tag::Emphasis => open_inline(&mut stack, InlineKind::Em),
                Tag::Strong | Tag::Strikethrough => open_inline(&mut stack, InlineKind::Strong),
                Tag::Link { dest_url, .. } => {
                    let written = as_written(&dest_url, &body[range.clone()]);
                    let href = checked(&dest_url, written, UrlUse::Link, path, line, diags);
                    open_inline(&mut stack, InlineKind::Link(href));
                }
                Tag::Image {
                    dest_url, title, ..
                } => {
                    let written = as_written(&dest_url, &body[range.clone()]);
                    let clip = clip_syntax::is_clip(&dest_url);
                    let before = diags.len();
                    let src = checked(&dest_url, written, UrlUse::Image, path, line, diags);
                    if let (true, Some(refused)) = (clip, diags.get_mut(before)) {
                        refused.message = refused.message.replacen("image", "clip", 1);
                    }
                    let kind = if clip {
                        InlineKind::Clip(src, title.into_string())
                    } else {
                        InlineKind::Image(src)
                    };
                    open_inline(&mut stack, kind);
                }
                Tag::HtmlBlock => {}
                other => {
                    diags.push(Diagnostic::at_line(
                        path,
                        line,
                        format!("unsupported Markdown: {other:?}"),
                        "use paragraphs, lists, emphasis, code, links and images",
                    ));
                }
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::Item
                | TagEnd::List(_)
                | TagEnd::CodeBlock => {
                    close_implicit(&mut stack);
                    close_block(&mut stack);
                }
                TagEnd::Image => {
                    if let Some(Frame::Inlines {
                        kind: InlineKind::Clip(..),
                        items,
                        ..
                    }) = stack.last()
                    {
                        if Inline::plain_text(items).trim().is_empty() {
                            diags.push(Diagnostic::at_line(
                                path,
                                line,
                                "a clip without alt text".into(),
                                "say what the clip shows between the brackets: `![Sending an invoice](clips/send-invoice.webm)`",
                            ));
                        }
                    }
                    close_inline(&mut stack)
                }
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                    close_inline(&mut stack)
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some(Frame::Code(code)) = stack.last_mut() {
                    code.push_str(&t);
                } else {
                    // CommonMark passes malformed tags (`<img src=x onerror=…>`) through as
                    // text; they are inert here, but the author meant HTML: say so.
                    // The parser may split the text at `<`, so read it with what came before.
                    let joined = format!("{}{}", if after_lt { "<" } else { "" }, t);
                    after_lt = t.ends_with('<');
                    if let Some(tag) = tag_like(&joined) {
                        diags.push(Diagnostic::at_line(
                            path,
                            line,
                            format!("raw HTML is not allowed: `{tag}`"),
                            "write Markdown instead; put code in backticks, or write `&lt;` for a literal `<`",
                        ));
                    }
                    push_inline(&mut stack, Inline::Text(t.into_string()));
                }
            }
            Event::Code(t) => push_inline(&mut stack, Inline::Code(t.into_string())),
            Event::SoftBreak => push_inline(&mut stack, Inline::Text(" ".into())),
            Event::HardBreak => push_inline(&mut stack, Inline::Break),
            Event::Html(h) | Event::InlineHtml(h) => {
                diags.push(Diagnostic::at_line(
                    path,
                    line,
                    format!(
                        "raw HTML is not allowed: `{}`",
                        h.trim().chars().take(60).collect::<String>()
                    ),
                    "write Markdown instead; HTML would be shown as plain text to learners",
                ));
            }
            Event::Rule => {}
            other => {
                diags.push(Diagnostic::at_line(
                    path,
                    line,
                    format!("unsupported Markdown: {other:?}"),
                    "use paragraphs, lists, emphasis, code, links and images",
                ));
            }
        }
    }
    close_all(&mut stack, &mut sections);

    let mut found: [Option<Vec<Block>>; 3] = [None, None, None];
    let mut misspelt = Vec::new();
    for section in sections {
        let Some(slot) = SECTIONS
            .iter()
            .position(|s| s.eq_ignore_ascii_case(&section.name))
        else {
            misspelt.push(section);
            continue;
        };
        if found[slot].is_some() {
            diags.push(Diagnostic::at_line(
                path,
                section.line,
                format!("the section `## {}` appears twice", section.name),
                "merge the two sections into one",
            ));
        } else if section.blocks.is_empty() {
            diags.push(Diagnostic::at_line(
                path,
                section.line,
                format!("the section `## {}` is empty", section.name),
                "write at least one paragraph: each layer answers its own question",
            ));
            found[slot] = Some(Vec::new());
        } else {
            found[slot] = Some(section.blocks);
        }
    }
    // After the sections spelt right, so that a typo never takes the place of the section
    // it meant, and the one it meant is not reported missing as well: one mistake, one error.
    for section in misspelt {
        let written = section.name.to_ascii_lowercase();
        let meant = closest(&written, ["why", "what", "how"])
            .and_then(|m| SECTIONS.iter().position(|s| s.eq_ignore_ascii_case(m)));
        let guess = meant.map_or(String::new(), |slot| {
            format!(" (did you mean `## {}`?)", SECTIONS[slot])
        });
        diags.push(Diagnostic::at_line(
            path,
            section.line,
            format!("unknown section `## {}`{guess}", section.name),
            "a lesson has exactly three sections: `## Why`, `## What` and `## How`, named in English in translations too",
        ));
        if let Some(slot) = meant.filter(|&slot| found[slot].is_none()) {
            found[slot] = Some(section.blocks);
        }
    }
    let [why, what, how] = found;
    let how = how.map(into_steps);
    let steps = how
        .as_deref()
        .map(crate::model::content::steps)
        .into_iter()
        .flatten();
    let mut features = Vec::new();
    for anchor in steps.filter_map(|s| s.anchor.as_ref()) {
        let written = match anchor {
            Anchor::Feature(name) | Anchor::Selector(name) => name,
        };
        let line = body
            .lines()
            .position(|l| l.contains("{@") && l.contains(written.as_str()))
            .map_or(first_line, |i| first_line + i);
        match check::anchor(anchor) {
            Err(problem) => diags.push(Diagnostic::at_line(
                path,
                line,
                problem.message,
                problem.help,
            )),
            Ok(()) if matches!(anchor, Anchor::Feature(_)) => {
                features.push((written.clone(), line))
            }
            Ok(()) => {}
        }
    }
    Some(Sections {
        why,
        what,
        how,
        features,
    })
}

/// The start of something that looks like an HTML tag in plain text: `<` followed by a
/// letter, `/`, `!` or `?`.
fn tag_like(text: &str) -> Option<String> {
    let at = text.char_indices().find(|&(i, c)| {
        c == '<'
            && text[i + 1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'))
    })?;
    Some(text[at.0..].chars().take(60).collect())
}

/// A link's destination as the author wrote it: `url` when it is in `source` (the link's
/// Markdown) as it is, or the link's Markdown itself when the author spelt the URL with
/// entities or escapes (`jav&#x09;ascript:`), which `url` no longer shows.
fn as_written<'a>(url: &'a str, source: &'a str) -> &'a str {
    if source.contains(url) {
        return url;
    }
    let first_line = source.lines().next().unwrap_or(source).trim();
    match first_line.char_indices().nth(80) {
        Some((end, _)) => &first_line[..end],
        None => first_line,
    }
}

fn checked(
    url: &str,
    written: &str,
    usage: UrlUse,
    path: &Path,
    line: usize,
    diags: &mut Vec<Diagnostic>,
) -> String {
    check::url(url, written, usage).unwrap_or_else(|problem| {
        diags.push(Diagnostic::at_line(
            path,
            line,
            problem.message,
            problem.help,
        ));
        String::new()
    })
}

fn open_inline(stack: &mut Vec<Frame>, kind: InlineKind) {
    ensure_inline_container(stack);
    stack.push(Frame::Inlines {
        kind,
        items: vec![],
        implicit: false,
    });
}

fn push_inline(stack: &mut Vec<Frame>, inline: Inline) {
    ensure_inline_container(stack);
    if let Some(Frame::Inlines { items, kind, .. }) = stack.last_mut() {
        if let (InlineKind::Image(_) | InlineKind::Clip(..), Inline::Text(_)) = (kind, &inline) {
            items.push(inline);
            return;
        }
        // Adjacent text runs merge, so soft breaks do not split sentences.
        if let (Some(Inline::Text(prev)), Inline::Text(next)) = (items.last_mut(), &inline) {
            prev.push_str(next);
            return;
        }
        items.push(inline);
    }
}

/// Tight list items hold text without a paragraph: open one for them.
fn ensure_inline_container(stack: &mut Vec<Frame>) {
    if matches!(stack.last(), Some(Frame::Blocks(_)) | None) {
        stack.push(Frame::Inlines {
            kind: InlineKind::Paragraph,
            items: vec![],
            implicit: true,
        });
    }
}

fn close_implicit(stack: &mut Vec<Frame>) {
    if matches!(stack.last(), Some(Frame::Inlines { implicit: true, .. })) {
        close_block(stack);
    }
}

fn close_inline(stack: &mut Vec<Frame>) {
    let Some(Frame::Inlines { kind, items, .. }) = stack.pop() else {
        return;
    };
    let inline = match kind {
        InlineKind::Em => Inline::Em(items),
        InlineKind::Strong => Inline::Strong(items),
        InlineKind::Link(href) if href.is_empty() => {
            // A refused link keeps its text, inert.
            for item in items {
                push_inline(stack, item);
            }
            return;
        }
        InlineKind::Link(href) => Inline::Link {
            href,
            children: items,
        },
        InlineKind::Image(src) | InlineKind::Clip(src, _) if src.is_empty() => return,
        InlineKind::Clip(src, title) => {
            Inline::Clip(Box::new(clip_syntax::clip(src, &title, &items)))
        }
        InlineKind::Image(src) => Inline::Image {
            src,
            alt: Inline::plain_text(&items),
        },
        InlineKind::Paragraph | InlineKind::Heading => Inline::Text(Inline::plain_text(&items)),
    };
    push_inline(stack, inline);
}

/// Pops the innermost block-level frame into its parent.
fn close_block(stack: &mut Vec<Frame>) {
    let Some(frame) = stack.pop() else { return };
    let block = match frame {
        Frame::Inlines {
            kind: InlineKind::Heading,
            items,
            ..
        } => Block::H(items),
        Frame::Inlines { items, .. } => Block::P(items),
        Frame::Code(code) => Block::Code(code),
        Frame::List {
            ordered: true,
            items,
        } => Block::Ol(items),
        Frame::List {
            ordered: false,
            items,
        } => Block::Ul(items),
        Frame::Blocks(blocks) => match stack.last_mut() {
            Some(Frame::List { items, .. }) => {
                items.push(blocks);
                return;
            }
            _ => Block::Quote(blocks),
        },
    };
    match stack.last_mut() {
        Some(Frame::Blocks(blocks)) => blocks.push(block),
        Some(Frame::List { items, .. }) => items.push(vec![block]),
        _ => {}
    }
}

fn close_all(stack: &mut Vec<Frame>, sections: &mut [Section]) {
    while stack.len() > 1 {
        close_implicit(stack);
        close_block(stack);
    }
    if let (Some(Frame::Blocks(blocks)), Some(section)) = (stack.pop(), sections.last_mut()) {
        section.blocks = blocks;
    }
}

/// Ordered lists in How become steps; a step ending in `{@feature}` points at that feature.
fn into_steps(how: Vec<Block>) -> Vec<Block> {
    how.into_iter()
        .map(|block| match block {
            Block::Ol(items) => Block::Steps(items.into_iter().map(step).collect()),
            other => other,
        })
        .collect()
}

fn step(mut content: Vec<Block>) -> Step {
    let mut anchor = None;
    if let Some(Block::P(inlines)) = content.last_mut() {
        if let Some(Inline::Text(text)) = inlines.last_mut() {
            let trimmed = text.trim_end();
            if let (Some(open), true) = (trimmed.rfind("{@"), trimmed.ends_with('}')) {
                let name = trimmed[open + 2..trimmed.len() - 1].trim();
                anchor = Some(match name.strip_prefix("css:") {
                    Some(sel) => Anchor::Selector(sel.trim().to_string()),
                    None => Anchor::Feature(name.to_string()),
                });
                text.truncate(open);
                let kept = text.trim_end().len();
                text.truncate(kept);
                if text.is_empty() {
                    inlines.pop();
                }
            }
        }
    }
    Step { content, anchor }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile(body: &str) -> (Option<Layers>, Vec<Diagnostic>) {
        let mut diags = vec![];
        let layers = layers(body, 1, Path::new("t.md"), &mut diags);
        (layers, diags)
    }

    #[test]
    fn malformed_tags_that_commonmark_keeps_as_text_are_still_raw_html_errors() {
        let (_, diags) = compile("## Why\nHi <img src=x onerror=alert(1)> there.\n\n## What\n1 < 2 and a <b\n\n## How\nok\n");
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(diags.len(), 2, "{messages:?}");
        assert!(messages[0].contains("<img src=x"), "{messages:?}");
        assert!(messages[1].contains("<b"), "{messages:?}");
    }

    #[test]
    fn three_sections_become_three_layers_with_steps() {
        let (layers, diags) = compile("## Why\nTo get *paid*.\n\n## What\nA [guide](/docs).\n\n## How\n1. Open it. {@invoices.send}\n2. Click **Send**.\n");
        assert!(diags.is_empty(), "{diags:?}");
        let layers = layers.unwrap();
        assert_eq!(
            layers.why,
            vec![Block::P(vec![
                Inline::Text("To get ".into()),
                Inline::Em(vec![Inline::Text("paid".into())]),
                Inline::Text(".".into())
            ])]
        );
        let Block::Steps(steps) = &layers.how[0] else {
            panic!("{:?}", layers.how)
        };
        assert_eq!(steps.len(), 2);
        assert_eq!(
            steps[0].anchor,
            Some(Anchor::Feature("invoices.send".into()))
        );
        assert_eq!(
            steps[0].content,
            vec![Block::P(vec![Inline::Text("Open it.".into())])]
        );
        assert_eq!(steps[1].anchor, None);
    }

    #[test]
    fn raw_html_and_script_links_are_errors_with_lines() {
        let (_, diags) = compile("## Why\nGet paid.\n\n<script>alert(1)</script>\n\n## What\n[x](jav&#x09;ascript:alert(1))\n\n## How\nok\n");
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert_eq!(diags[0].line, Some(4));
        assert!(diags[1].message.contains("unsafe link"), "{}", diags[1]);
        assert_eq!(diags[1].line, Some(7));
    }

    #[test]
    fn an_invalid_step_selector_is_reported_on_its_line() {
        let (_, diags) = compile("## Why\nw\n\n## What\nw\n\n## How\n1. Open it. {@css:#export}\n2. Click. {@css:div >> a}\n");
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].line, Some(9));
        assert!(diags[0].message.contains("two combinators"), "{}", diags[0]);
    }

    #[test]
    fn missing_and_unknown_sections_are_named() {
        let (_, diags) = compile("## Why\nx\n\n## Wot\ny\n");
        let text: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
        assert!(
            text.iter().any(|m| m.contains("unknown section `## Wot`")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|m| m.contains("`## What` section is missing")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|m| m.contains("`## How` section is missing")),
            "{text:?}"
        );
    }

    #[test]
    fn a_misspelt_section_gets_a_suggestion_and_one_error() {
        let (layers, diags) =
            compile("## Why\nw\n\n## What\nw\n\n## Hwo\n1. Open it. {@invoices.send}\n");
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["unknown section `## Hwo` (did you mean `## How`?)"]
        );
        assert_eq!(diags[0].line, Some(7));
        assert_eq!(
            layers.unwrap().features,
            [("invoices.send".to_string(), 8)],
            "its content is read as the section it meant"
        );
        // Beside the section it meant, a typo takes nothing's place: the other is read.
        let (_, diags) = compile("## Why\nw\n\n## Whta\nx\n\n## What\nw\n\n## How\nh\n");
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["unknown section `## Whta` (did you mean `## What`?)"]
        );
    }

    #[test]
    fn a_refused_url_is_quoted_as_written() {
        let (_, diags) = compile("## Why\n[x](javascript:alert('hi'))\n\n## What\n[y](jav&#x09;ascript:alert(\"a\\b\"))\n\n## How\n![i](http://x/a.png)\n");
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "unsafe link URL `javascript:alert('hi')`: the scheme `javascript:` is not allowed",
                "unsafe link URL `[y](jav&#x09;ascript:alert(\"a\\b\"))`: the scheme `javascript:` is not allowed",
                "unsafe image URL `http://x/a.png`: the scheme `http:` is not allowed",
            ]
        );
    }

    mod properties {
        use super::super::*;
        use crate::model::url_safety;
        use proptest::prelude::*;

        /// Markdown-heavy text: headings, emphasis, lists, code, links, HTML, anchors.
        const MARKDOWN: &str = "(## (Why|What|How)\n|[-*] |1\\. |> |```\n|\\[a\\]\\((javascript|java\tscript|https|data|mailto|/x|#)?:?[a-z()]{0,4}\\)|!\\[i\\]\\([a-z:/.]{0,8}\\)|<[a-z]{1,3}>|\\{@(css:)?[a-z#.> ]{0,6}\\}|[a-z *_`#\\n]{0,12}){0,24}";

        fn urls(blocks: &[Block], out: &mut Vec<String>) {
            for block in blocks {
                match block {
                    Block::P(i) | Block::H(i) => inline_urls(i, out),
                    Block::Ul(items) | Block::Ol(items) => items.iter().for_each(|b| urls(b, out)),
                    Block::Quote(b) => urls(b, out),
                    Block::Steps(steps) => steps.iter().for_each(|s| urls(&s.content, out)),
                    Block::Code(_) => {}
                }
            }
        }

        fn inline_urls(inlines: &[Inline], out: &mut Vec<String>) {
            for inline in inlines {
                match inline {
                    Inline::Link { href, children } => {
                        out.push(href.clone());
                        inline_urls(children, out);
                    }
                    Inline::Image { src, .. } => out.push(src.clone()),
                    Inline::Clip(clip) => out.push(clip.src.clone()),
                    Inline::Em(c) | Inline::Strong(c) => inline_urls(c, out),
                    Inline::Text(_) | Inline::Code(_) | Inline::Break => {}
                }
            }
        }

        proptest! {
            #[test]
            fn no_text_makes_the_compiler_panic(body in any::<String>()) {
                let mut diags = vec![];
                let _ = layers(&body, 1, Path::new("t.md"), &mut diags);
            }

            #[test]
            fn no_markdown_makes_the_compiler_panic_or_keep_an_unsafe_url(body in MARKDOWN) {
                let mut diags = vec![];
                if let Some(layers) = layers(&body, 1, Path::new("t.md"), &mut diags) {
                    let mut found = vec![];
                    for blocks in [&layers.why, &layers.what, &layers.how] {
                        urls(blocks, &mut found);
                    }
                    for url in found {
                        prop_assert!(url_safety::check(&url, url_safety::UrlUse::Link).is_ok(), "{:?}", url);
                    }
                }
            }
        }
    }
}
