//! What triggers are evaluated against, gathered from the page, the host and the learner.

use super::AnchorWatcher;
use crate::json::Json;
use crate::pack::Anchor;
use crate::progress::{LessonState, Progress};
use crate::trigger::{ElementState, Facts, Traits};

/// A snapshot of the facts at one moment.
pub struct PageFacts<'a> {
    pub url: &'a str,
    pub anchors: Option<&'a AnchorWatcher>,
    pub traits: &'a Traits,
    pub progress: &'a Progress,
    pub now: u64,
    pub page_entered: u64,
}

impl Facts for PageFacts<'_> {
    fn url(&self) -> &str {
        self.url
    }

    fn element(&self, anchor: &Anchor, state: ElementState) -> bool {
        let Some(facts) = self.anchors.map(|w| w.facts(&anchor.css())) else {
            return false;
        };
        match state {
            ElementState::Present => facts.present,
            ElementState::Visible => facts.visible,
            ElementState::Clicked => facts.clicked,
        }
    }

    fn event_count(&self, name: &str, since: u64) -> u32 {
        self.progress.event_count(name, since)
    }

    fn trait_value(&self, key: &str) -> Option<&Json> {
        self.traits.get(key)
    }

    fn lesson(&self, id: &str) -> LessonState {
        self.progress.state(id)
    }

    fn now_ms(&self) -> u64 {
        self.now
    }

    fn page_entered_ms(&self) -> u64 {
        self.page_entered
    }
}
