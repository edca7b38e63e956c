//! The model: what a pack says. Lessons and their layers, the content tree, the anchors
//! they point at, the triggers that say when they are relevant, and the learner's progress.
//! Nothing here decides what to show; nothing here touches the browser.

pub mod anchor;
pub mod content;
pub mod layer;
pub mod pack;
pub mod progress;
#[cfg(test)]
pub(crate) mod test_pack;
pub mod trigger;
pub mod url_pattern;
pub mod url_safety;
