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

// The CLI: its commands (`cli`) above what they run, the compiler (lint, build, schema;
// feature `compiler`) and the report (feature `report`). Author mode in the page is another
// thing: `author` (pure), `ui::author` and `web::author`, behind feature `author`.
#[cfg(feature = "compiler")]
pub mod cli;
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
