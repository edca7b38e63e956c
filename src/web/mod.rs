//! The browser edge: the host API, mounting into the shadow root, loading the pack.
//! Everything here is thin; decisions live in the pure core.

mod api;
mod console;
mod focus;
mod host;
mod pack_loader;

pub use api::command;
pub use console::warn;
pub use focus::Focus;
pub use host::Host;
