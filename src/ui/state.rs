//! The widget's reactive state and the decisions about it, kept out of the components.

use crate::command::Theme;
use crate::i18n::{self, Strings};
use crate::layer::Layer;
use crate::lifecycle::EventKind;
use crate::pack::{Anchor, Lesson, Pack};
use crate::web::{events, warn, AnchorFacts, AnchorWatcher, Focus};
use leptos::prelude::*;
use std::collections::HashSet;
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

/// How the host set the widget up.
#[derive(Debug, Clone, Default)]
pub struct WidgetOptions {
    /// A BCP 47 tag; the browser's language when unset.
    pub locale: Option<String>,
    pub theme: Theme,
}

/// Shared by every component; cheap to copy.
#[derive(Clone, Copy)]
pub struct WidgetState {
    pack: StoredValue<Arc<Pack>>,
    /// The UI strings in the learner's language.
    pub t: &'static Strings,
    pub theme: Theme,
    pub surface: RwSignal<Surface>,
    pub layer: RwSignal<Layer>,
    /// The host page's path, as last seen.
    pub path: RwSignal<String>,
    /// Lessons the learner set aside with "Not now".
    pub dismissed: RwSignal<HashSet<String>>,
    /// Notified whenever an anchor appears, disappears, shows, hides or is clicked.
    anchors_changed: Trigger,
    anchors: StoredValue<Option<AnchorWatcher>, LocalStorage>,
}

impl WidgetState {
    pub fn new(pack: Pack, options: WidgetOptions) -> WidgetState {
        let locale = options
            .locale
            .or_else(|| web_sys::window()?.navigator().language())
            .unwrap_or_default();
        WidgetState {
            pack: StoredValue::new(Arc::new(pack)),
            t: i18n::strings(&locale),
            theme: options.theme,
            surface: RwSignal::new(Surface::Closed),
            layer: RwSignal::new(Layer::default()),
            path: RwSignal::new(current_path()),
            dismissed: RwSignal::new(HashSet::new()),
            anchors_changed: Trigger::new(),
            anchors: StoredValue::new_local(None),
        }
    }

    pub fn pack(&self) -> Arc<Pack> {
        self.pack.get_value()
    }

    /// Starts watching the page's anchors. Without this (in component tests), no anchor is
    /// ever found and no beacon shows.
    pub fn watch_anchors(&self) {
        let changed = self.anchors_changed;
        let pack = self.pack;
        let watcher = AnchorWatcher::new(
            move || changed.notify(),
            move |selector| {
                let lessons: Vec<String> = pack.with_value(|p| {
                    p.lessons
                        .iter()
                        .filter(|l| l.anchor.as_ref().is_some_and(|a| a.css() == selector))
                        .map(|l| l.id.clone())
                        .collect()
                });
                warn(&format!(
                    "the anchor selector `{selector}` of lesson {} is not valid CSS, so its beacon never shows. Fix it and run `pathlight lint`.",
                    lessons.join(", ")
                ));
            },
        );
        match watcher {
            Ok(w) => self.anchors.set_value(Some(w)),
            Err(e) => warn(&format!("cannot watch the page for anchors ({e:?}).")),
        }
    }

    /// Follows the host's navigation.
    pub fn location_changed(&self) {
        let path = current_path();
        if self.path.try_get_untracked().is_some_and(|p| p != path) {
            self.path.set(path);
        }
    }

    /// The lessons relevant on the page the learner is on.
    pub fn lessons_here(&self) -> Vec<Lesson> {
        let pack = self.pack();
        pack.lessons_on(&self.path.get())
            .into_iter()
            .cloned()
            .collect()
    }

    /// Tells the anchor watcher which anchors matter now.
    pub fn sync_anchors(&self) {
        let selectors: Vec<String> = self
            .lessons_here()
            .iter()
            .filter_map(|l| l.anchor.as_ref().map(Anchor::css))
            .collect();
        self.anchors.with_value(|w| {
            if let Some(w) = w {
                w.watch(selectors);
            }
        });
    }

    pub fn anchor_facts(&self, anchor: &Anchor) -> AnchorFacts {
        self.anchors_changed.track();
        self.anchors.with_value(|w| {
            w.as_ref()
                .map(|w| w.facts(&anchor.css()))
                .unwrap_or_default()
        })
    }

    pub fn anchor_element(&self, anchor: &Anchor) -> Option<web_sys::Element> {
        self.anchors
            .with_value(|w| w.as_ref().and_then(|w| w.element(&anchor.css())))
    }

    /// Lessons whose feature is on screen now and that the learner has not set aside.
    pub fn beacons(&self) -> Vec<Lesson> {
        let dismissed = self.dismissed.get();
        let open = match self.surface.get() {
            Surface::Lesson { id, .. } => Some(id),
            _ => None,
        };
        self.lessons_here()
            .into_iter()
            .filter(|l| !dismissed.contains(&l.id) && open.as_deref() != Some(l.id.as_str()))
            .filter(|l| {
                l.anchor
                    .as_ref()
                    .is_some_and(|a| self.anchor_facts(a).visible)
            })
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
            self.location_changed();
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
        self.surface.set(Surface::Lesson {
            id: id.to_string(),
            from_panel,
        });
        events::emit(EventKind::Opened, &[("lesson", id.into())]);
        self.view_layer(Layer::default());
    }

    /// Shows a layer of the open lesson.
    pub fn view_layer(&self, layer: Layer) {
        self.layer.set(layer);
        if let Surface::Lesson { id, .. } = self.surface.get_untracked() {
            events::emit(
                EventKind::LayerViewed,
                &[("lesson", id.into()), ("layer", layer.key().into())],
            );
        }
    }

    /// A beacon appeared for this lesson.
    pub fn shown(&self, id: &str) {
        events::emit(EventKind::Shown, &[("lesson", id.into())]);
    }

    /// "Not now": closes the lesson and hides its beacon.
    pub fn dismiss(&self, id: &str) {
        self.dismissed.update(|d| {
            d.insert(id.to_string());
        });
        self.close();
        events::emit(EventKind::Dismissed, &[("lesson", id.into())]);
    }

    /// Back from a card to the lesson list.
    pub fn back(&self) {
        self.location_changed();
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
