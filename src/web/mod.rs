//! The browser edge: the widget's element, loading the pack, watching the page, storage,
//! the vendor's backend and the host's events. Everything here is thin: decisions live in
//! the pure core, and the app root ([`crate::app`]) puts the parts together.

mod anchors;
#[cfg(feature = "author")]
pub mod author;
pub mod collect;
mod console;
mod edge;
pub mod events;
mod focus;
mod host;
mod navigation;
pub mod pack_loader;
mod remote_progress;
pub mod settled;
mod storage;
pub mod tether;
mod yielding;

pub use anchors::AnchorWatcher;
pub use console::{describe, warn};
pub use edge::Edge;
pub use focus::Focus;
pub use host::Host;
pub use navigation::LocationWatcher;
pub use remote_progress::RemoteProgress;
pub use storage::Store;
pub use tether::ViewportLayer;
pub use yielding::{idle, yield_to_host};
