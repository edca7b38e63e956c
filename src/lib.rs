//! Pathlight: contextual micro-lessons inside a host web app.
//!
//! The pure core (pack model, content tree, triggers, URL patterns, host commands) never
//! touches the browser and is tested natively. The browser edge (`web`) and the components
//! (`ui`) are compiled only into the wasm.

#![warn(missing_docs)]

pub mod anchor;
pub mod anchor_proposal;
pub mod command;
pub mod content;
#[cfg(test)]
mod css_minify;
pub mod dev_status;
pub mod eligibility;
pub mod explain;
pub mod i18n;
pub mod json;
pub mod keyed;
pub mod layer;
pub mod learning_map;
pub mod lifecycle;
pub mod order;
pub mod pack;
pub mod placement;
pub mod progress;
pub mod ranking;
pub mod session;
#[cfg(test)]
mod test_pack;
pub mod trigger;
pub mod url_pattern;
pub mod url_safety;
pub mod way;

// The authors' tools behind feature `authoring` (the CLI's lint, build and schema); author
// mode in the page is `ui::author` and `web::author`, behind feature `author`.
#[cfg(feature = "authoring")]
pub mod compiler;
#[cfg(not(target_arch = "wasm32"))]
pub mod learners;

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod ui;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod web;
