//! The safe content tree: what a lesson's layers hold once compiled.
//!
//! Authors write Markdown; the CLI compiles it into this tree at build time, so the widget
//! needs no Markdown parser and never handles raw HTML. Every URL in the tree has passed
//! [`crate::url_safety`], and the widget checks it again before rendering.

use serde::{Deserialize, Serialize};

/// A block of content: paragraphs, lists, code and the ordered How steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    P(Vec<Inline>),
    /// A sub-heading inside a layer (authors' `###`).
    H(Vec<Inline>),
    Ul(Vec<Vec<Block>>),
    Ol(Vec<Vec<Block>>),
    Quote(Vec<Block>),
    Code(String),
    /// The ordered steps of a How layer; each may point at a feature on the page.
    Steps(Vec<Step>),
}

/// Inline content inside a block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Inline {
    Text(String),
    Em(Vec<Inline>),
    Strong(Vec<Inline>),
    Code(String),
    Link { href: String, children: Vec<Inline> },
    Image { src: String, alt: String },
    Break,
}

/// One step of a How layer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub content: Vec<Block>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<crate::pack::Anchor>,
}

impl Inline {
    /// The plain text of inline content, for accessible names and previews.
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        for inline in inlines {
            match inline {
                Inline::Text(t) | Inline::Code(t) => out.push_str(t),
                Inline::Em(c) | Inline::Strong(c) | Inline::Link { children: c, .. } => {
                    out.push_str(&Inline::plain_text(c))
                }
                Inline::Image { alt, .. } => out.push_str(alt),
                Inline::Break => out.push(' '),
            }
        }
        out
    }
}

/// The steps of a layer, wherever the author placed the list.
pub fn steps(blocks: &[Block]) -> impl Iterator<Item = &Step> {
    blocks.iter().flat_map(|b| match b {
        Block::Steps(steps) => steps.as_slice(),
        _ => &[],
    })
}
