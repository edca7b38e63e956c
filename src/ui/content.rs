//! Renders the compiled content tree as Leptos nodes: text is always escaped, and no
//! authored string is ever parsed as HTML.

use super::clip::ClipView;
use crate::model::content::{Block, Inline};
use crate::model::url_safety::{self, UrlUse};
use leptos::prelude::*;

/// A layer's blocks: paragraphs, lists, code and How steps.
#[component]
pub fn Blocks(blocks: Vec<Block>) -> impl IntoView {
    blocks.into_iter().map(block_view).collect_view()
}

fn block_view(block: Block) -> AnyView {
    match block {
        Block::P(inlines) => view! { <p>{inlines_view(inlines)}</p> }.into_any(),
        Block::H(inlines) => view! { <h3 class="pl-h">{inlines_view(inlines)}</h3> }.into_any(),
        Block::Ul(items) => {
            view! { <ul>{items.into_iter().map(item).collect_view()}</ul> }.into_any()
        }
        Block::Ol(items) => {
            view! { <ol>{items.into_iter().map(item).collect_view()}</ol> }.into_any()
        }
        Block::Quote(blocks) => {
            view! { <blockquote>{blocks.into_iter().map(block_view).collect_view()}</blockquote> }
                .into_any()
        }
        Block::Code(code) => view! { <pre><code>{code}</code></pre> }.into_any(),
        Block::Steps(steps) => view! {
            <ol class="pl-steps">
                {steps.into_iter().map(|s| item(s.content)).collect_view()}
            </ol>
        }
        .into_any(),
    }
}

fn item(blocks: Vec<Block>) -> AnyView {
    view! { <li>{blocks.into_iter().map(block_view).collect_view()}</li> }.into_any()
}

fn inlines_view(inlines: Vec<Inline>) -> Vec<AnyView> {
    inlines.into_iter().map(inline).collect()
}

fn inline(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Em(c) => view! { <em>{inlines_view(c)}</em> }.into_any(),
        Inline::Strong(c) => view! { <strong>{inlines_view(c)}</strong> }.into_any(),
        Inline::Code(code) => view! { <code>{code}</code> }.into_any(),
        Inline::Break => view! { <br/> }.into_any(),
        // The pack may not come from our CLI: check every URL again, and keep refused
        // links as plain text.
        Inline::Link { href, children } => match url_safety::check(&href, UrlUse::Link) {
            Ok(href) => view! {
                <a href=href target="_blank" rel="noopener noreferrer">{inlines_view(children)}</a>
            }
            .into_any(),
            Err(_) => inlines_view(children).into_any(),
        },
        Inline::Image { src, alt } => match url_safety::check(&src, UrlUse::Image) {
            Ok(src) => view! { <img src=src alt=alt loading="lazy"/> }.into_any(),
            Err(_) => alt.into_any(),
        },
        Inline::Clip(clip) => view! { <ClipView clip/> }.into_any(),
    }
}
