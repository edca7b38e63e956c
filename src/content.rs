//! The safe content tree: what a lesson's layers hold once compiled.
//!
//! Authors write Markdown; the CLI compiles it into this tree at build time, so the widget
//! needs no Markdown parser and never handles raw HTML. Every URL in the tree has passed
//! [`crate::url_safety`], and the widget checks it again before rendering.

use crate::json::{FromJson, Json, Mismatch, Object, ToJson};

/// A block of content: paragraphs, lists, code and the ordered How steps.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub content: Vec<Block>,
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

// The JSON forms: `{"p": [...]}`, `{"link": {"href": ..., "children": [...]}}`, `"break"`.

impl FromJson for Block {
    fn from_json(value: &Json) -> Result<Block, Mismatch> {
        let (tag, v) = value.variant()?;
        Ok(match tag {
            "p" => Block::P(v.payload(tag)?),
            "h" => Block::H(v.payload(tag)?),
            "ul" => Block::Ul(v.payload(tag)?),
            "ol" => Block::Ol(v.payload(tag)?),
            "quote" => Block::Quote(v.payload(tag)?),
            "code" => Block::Code(v.payload(tag)?),
            "steps" => Block::Steps(v.payload(tag)?),
            _ => {
                let forms = ["p", "h", "ul", "ol", "quote", "code", "steps"];
                return Err(Mismatch::unknown("block", tag, &forms));
            }
        })
    }
}

impl ToJson for Block {
    fn to_json(&self) -> Json {
        let (tag, payload) = match self {
            Block::P(c) => ("p", c.to_json()),
            Block::H(c) => ("h", c.to_json()),
            Block::Ul(items) => ("ul", items.to_json()),
            Block::Ol(items) => ("ol", items.to_json()),
            Block::Quote(blocks) => ("quote", blocks.to_json()),
            Block::Code(code) => ("code", code.to_json()),
            Block::Steps(steps) => ("steps", steps.to_json()),
        };
        Json::tagged(tag, payload)
    }
}

impl FromJson for Inline {
    fn from_json(value: &Json) -> Result<Inline, Mismatch> {
        let (tag, v) = value.variant()?;
        Ok(match tag {
            "text" => Inline::Text(v.payload(tag)?),
            "em" => Inline::Em(v.payload(tag)?),
            "strong" => Inline::Strong(v.payload(tag)?),
            "code" => Inline::Code(v.payload(tag)?),
            "link" => v.with_fields(tag, |f| {
                Ok(Inline::Link {
                    href: f.required("href")?,
                    children: f.required("children")?,
                })
            })?,
            "image" => v.with_fields(tag, |f| {
                Ok(Inline::Image {
                    src: f.required("src")?,
                    alt: f.required("alt")?,
                })
            })?,
            "break" => Inline::Break,
            _ => {
                let forms = ["text", "em", "strong", "code", "link", "image", "break"];
                return Err(Mismatch::unknown("inline", tag, &forms));
            }
        })
    }
}

impl ToJson for Inline {
    fn to_json(&self) -> Json {
        let (tag, payload) = match self {
            Inline::Text(t) => ("text", t.to_json()),
            Inline::Em(c) => ("em", c.to_json()),
            Inline::Strong(c) => ("strong", c.to_json()),
            Inline::Code(t) => ("code", t.to_json()),
            Inline::Link { href, children } => {
                let link = Object::new().with("href", href).with("children", children);
                ("link", link.build())
            }
            Inline::Image { src, alt } => (
                "image",
                Object::new().with("src", src).with("alt", alt).build(),
            ),
            Inline::Break => return "break".to_json(),
        };
        Json::tagged(tag, payload)
    }
}

impl FromJson for Step {
    fn from_json(value: &Json) -> Result<Step, Mismatch> {
        let f = value.fields()?;
        Ok(Step {
            content: f.required("content")?,
            anchor: f.optional("anchor")?,
        })
    }
}

impl ToJson for Step {
    fn to_json(&self) -> Json {
        Object::new()
            .with("content", &self.content)
            .with_some("anchor", &self.anchor)
            .build()
    }
}
