//! The widget's reactive state and the decisions about it, kept out of the components.

use crate::layer::Layer;
use crate::pack::{Lesson, Pack};
use crate::web::{warn, Focus};
use leptos::prelude::*;
use std::sync::Arc;

/// Which surface the learner sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Surface {
    Closed,
    Panel,
    /// A lesson card; `from_panel` offers the way back to the list.
    Lesson {
        id: String,
        from_panel: bool,
    },
}

/// Shared by every component; cheap to copy.
#[derive(Clone, Copy)]
pub struct WidgetState {
    pack: StoredValue<Arc<Pack>>,
    pub surface: RwSignal<Surface>,
    pub layer: RwSignal<Layer>,
    /// The host page's path, as last seen.
    pub path: RwSignal<String>,
}

impl WidgetState {
    pub fn new(pack: Pack) -> WidgetState {
        WidgetState {
            pack: StoredValue::new(Arc::new(pack)),
            surface: RwSignal::new(Surface::Closed),
            layer: RwSignal::new(Layer::default()),
            path: RwSignal::new(current_path()),
        }
    }

    pub fn pack(&self) -> Arc<Pack> {
        self.pack.get_value()
    }

    /// The lessons relevant on the page the learner is on.
    pub fn lessons_here(&self) -> Vec<Lesson> {
        let pack = self.pack();
        pack.lessons_on(&self.path.get())
            .into_iter()
            .cloned()
            .collect()
    }

    /// The lesson on the card, if a card is open.
    pub fn open_lesson_data(&self) -> Option<Lesson> {
        match self.surface.get() {
            Surface::Lesson { id, .. } => self.pack().lesson(&id).cloned(),
            _ => None,
        }
    }

    pub fn toggle_panel(&self) {
        if self.surface.get_untracked() == Surface::Closed {
            Focus::remember();
            self.path.set(current_path());
            self.surface.set(Surface::Panel);
        } else {
            self.close();
        }
    }

    pub fn open_lesson(&self, id: &str) {
        if self.pack.with_value(|p| p.lesson(id).is_none()) {
            warn(&format!(
                "there is no lesson `{id}` in the pack; check the id given to open."
            ));
            return;
        }
        let from_panel = match self.surface.get_untracked() {
            Surface::Closed => {
                Focus::remember();
                false
            }
            Surface::Panel => true,
            Surface::Lesson { from_panel, .. } => from_panel,
        };
        self.layer.set(Layer::default());
        self.surface.set(Surface::Lesson {
            id: id.to_string(),
            from_panel,
        });
    }

    /// Back from a card to the lesson list.
    pub fn back(&self) {
        self.path.set(current_path());
        self.surface.set(Surface::Panel);
    }

    pub fn close(&self) {
        if self.surface.get_untracked() != Surface::Closed {
            self.surface.set(Surface::Closed);
            Focus::restore();
        }
    }
}

fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into())
}
