//! Pathlight: contextual micro-lessons inside a host web app.
//!
//! The pure core (pack model, content tree, triggers, URL patterns, host commands) never
//! touches the browser and is tested natively. The browser edge (`web`) and the components
//! (`ui`) are compiled only into the wasm.

#![warn(missing_docs)]

pub mod api;
pub mod author;
pub mod decide;
pub mod i18n;
pub mod model;
pub mod support;

// The authors' tools behind feature `compiler` (the CLI's lint, build and schema); author
// mode in the page is `author` (pure), `ui::author` and `web::author`, behind feature
// `author`.
#[cfg(feature = "compiler")]
pub mod compiler;
// `pathlight report`: what product teams learn from the events their learners send.
#[cfg(feature = "report")]
pub mod report;

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod ui;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod web;
