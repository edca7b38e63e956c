//! Author mode's panel, one component per file: only the author build (feature `author`)
//! compiles it, so learners never download it.

mod author_mode;
mod author_panel;
mod dev_news;
mod element_picker;
mod learner_simulation;
mod trigger_debugger;

pub use author_mode::{AuthorPanelSwitch, AuthorSwitch};
pub use author_panel::AuthorPanel;
pub use dev_news::DevNews;
pub use element_picker::ElementPicker;
pub use learner_simulation::LearnerSimulation;
pub use trigger_debugger::TriggerDebugger;
