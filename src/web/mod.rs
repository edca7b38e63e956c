//! The browser edge: the host API, mounting into the shadow root, loading the pack.
//! Everything here is thin; decisions live in the pure core.

mod anchors;
mod api;
mod console;
pub mod events;
mod facts;
mod focus;
mod host;
mod navigation;
mod pack_loader;
mod progress_book;
mod remote_progress;
pub mod settled;
mod storage;
pub mod tether;

pub use anchors::{AnchorFacts, AnchorWatcher};
pub use api::command;
pub use console::warn;
pub use facts::PageFacts;
pub use focus::Focus;
pub use host::Host;
pub use navigation::LocationWatcher;
pub use progress_book::ProgressBook;
pub use remote_progress::RemoteProgress;
pub use storage::Store;
