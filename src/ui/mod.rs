//! The components, one per file, and the state they share.

mod beacon;
mod beacon_layer;
mod completion_toast;
mod content;
mod launcher;
mod layer_tabs;
mod lesson_card;
mod panel;
mod state;
mod widget;

pub use beacon::Beacon;
pub use beacon_layer::BeaconLayer;
pub use completion_toast::CompletionToast;
pub use content::Blocks;
pub use launcher::Launcher;
pub use layer_tabs::LayerTabs;
pub use lesson_card::LessonCard;
pub use panel::Panel;
pub use state::{Surface, WidgetOptions, WidgetState};
pub use widget::Widget;
