//! The components, one per file, and the state they share.

#[cfg(feature = "author")]
pub mod author;
mod beacon;
mod beacon_layer;
mod clip;
mod completion_toast;
mod connections;
mod content;
mod dom_node;
mod goal_guess;
mod goal_picker;
mod highlight;
mod launcher;
mod layer_tabs;
mod learning_map;
mod lesson_card;
mod panel;
mod show_me;
mod state;
mod surfaces;
mod widget;

pub use crate::decide::session::Surface;
pub use beacon::Beacon;
pub use beacon_layer::BeaconLayer;
pub use completion_toast::CompletionToast;
pub use connections::Connections;
pub use content::Blocks;
pub use goal_guess::GoalGuess;
pub use goal_picker::GoalPicker;
pub use highlight::Highlight;
pub use launcher::Launcher;
pub use layer_tabs::LayerTabs;
pub use learning_map::LearningMap;
pub use lesson_card::LessonCard;
pub use panel::Panel;
pub use show_me::ShowMe;
pub use state::{Look, WidgetState};
pub use surfaces::Surfaces;
pub use widget::Widget;
