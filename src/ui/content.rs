//! Renders the compiled content tree as Leptos nodes: text is always escaped, and no
//! authored string is ever parsed as HTML.

use super::clip::{clip_view, Heard};
use crate::model::content::{Block, Inline};
use crate::model::url_safety::{self, UrlUse};
use crate::web::pack_loader::resolve;
use leptos::prelude::*;

/// A layer's blocks: paragraphs, lists, code and How steps.
#[component]
pub fn Blocks(blocks: Vec<Block>) -> impl IntoView {
    layer_view(blocks, &None)
}

/// A layer's blocks, as [`Blocks`], with its clips telling `heard` when they play.
pub fn layer_view(blocks: Vec<Block>, heard: &Heard) -> AnyView {
    blocks
        .into_iter()
        .map(|b| block_view(b, heard))
        .collect_view()
        .into_any()
}

fn block_view(block: Block, heard: &Heard) -> AnyView {
    match block {
        Block::P(inlines) => view! { <p>{inlines_view(inlines, heard)}</p> }.into_any(),
        Block::H(inlines) => {
            view! { <h3 class="pl-h">{inlines_view(inlines, heard)}</h3> }.into_any()
        }
        Block::Ul(items) => view! {
            <ul>{items.into_iter().map(|i| item(i, heard)).collect_view()}</ul>
        }
        .into_any(),
        Block::Ol(items) => view! {
            <ol>{items.into_iter().map(|i| item(i, heard)).collect_view()}</ol>
        }
        .into_any(),
        Block::Quote(blocks) => {
            view! { <blockquote>{layer_view(blocks, heard)}</blockquote> }.into_any()
        }
        Block::Code(code) => view! { <pre><code>{code}</code></pre> }.into_any(),
        Block::Steps(steps) => view! {
            <ol class="pl-steps">
                {steps.into_iter().map(|s| item(s.content, heard)).collect_view()}
            </ol>
        }
        .into_any(),
    }
}

fn item(blocks: Vec<Block>, heard: &Heard) -> AnyView {
    view! { <li>{layer_view(blocks, heard)}</li> }.into_any()
}

fn inlines_view(inlines: Vec<Inline>, heard: &Heard) -> Vec<AnyView> {
    inlines.into_iter().map(|i| inline(i, heard)).collect()
}

fn inline(inline: Inline, heard: &Heard) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Em(c) => view! { <em>{inlines_view(c, heard)}</em> }.into_any(),
        Inline::Strong(c) => view! { <strong>{inlines_view(c, heard)}</strong> }.into_any(),
        Inline::Code(code) => view! { <code>{code}</code> }.into_any(),
        Inline::Break => view! { <br/> }.into_any(),
        // The pack may not come from our CLI: check every URL again, and keep refused
        // links as plain text.
        Inline::Link { href, children } => match url_safety::check(&href, UrlUse::Link) {
            Ok(href) => view! {
                <a href=href target="_blank" rel="noopener noreferrer">{inlines_view(children, heard)}</a>
            }
            .into_any(),
            Err(_) => inlines_view(children, heard).into_any(),
        },
        // Media resolve against the pack's URL, not the page's.
        Inline::Image { src, alt } => match resolve(&src) {
            Some(src) => view! { <img src=src alt=alt loading="lazy"/> }.into_any(),
            None => alt.into_any(),
        },
        Inline::Clip(clip) => clip_view(*clip, heard.clone()),
    }
}
