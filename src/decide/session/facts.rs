//! What the session knows of the page: this visit, what its anchors show, and the page
//! events that change them; and the facts triggers are evaluated against.

use super::effects::Effects;
use super::Session;
use crate::model::anchor::Anchor;
use crate::model::pack::Completion;
use crate::model::progress::{LessonState, Via};
use crate::model::trigger::{ElementState, Facts};
use crate::model::url_pattern::{path_matches, Location};
use crate::support::json::Json;

/// What the page shows of one anchor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnchorFacts {
    /// Whether the Anchor's element is in the page.
    pub present: bool,
    /// Whether it is visible.
    pub visible: bool,
    /// Whether the learner clicked it on this page visit. In a report from the page, whether
    /// they clicked it since the last report: the session keeps a click until the next page,
    /// so nothing below it has to.
    pub clicked: bool,
}

/// This page visit: a new path is a new visit.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Visit {
    /// The URL from the path on.
    pub(super) url: String,
    /// When the visit began.
    pub(super) entered: u64,
    /// Lessons whose beacon showed on this visit: one visit is one show, so the show being
    /// counted does not hide the beacon showing it.
    pub(super) shown: Vec<String>,
    /// What the page shows of each watched anchor.
    pub(super) anchors: Vec<(Anchor, AnchorFacts)>,
}

impl Session {
    /// The anchors worth watching on this page: those of lessons whose URL conditions hold,
    /// and the features of the open lesson's How steps, which "Show me" rings.
    pub fn watched_anchors(&self) -> Vec<Anchor> {
        let mut anchors: Vec<Anchor> = vec![];
        let how = self.lesson_on_card().into_iter().flat_map(|l| &l.how);
        let steps = how.flat_map(|block| match block {
            crate::model::content::Block::Steps(steps) => steps.as_slice(),
            _ => &[],
        });
        for anchor in steps.filter_map(|step| step.anchor.as_ref()) {
            if !anchors.contains(anchor) {
                anchors.push(anchor.clone());
            }
        }
        let here = self.pack.lessons.iter().filter(|l| {
            l.when
                .as_ref()
                .is_none_or(|t| t.rule.may_hold_at(&self.visit.url))
        });
        for lesson in here {
            let trigger = lesson
                .when
                .as_ref()
                .map(|t| t.rule.anchors())
                .unwrap_or_default();
            let complete = match &lesson.complete {
                Some(Completion::Click(a) | Completion::Appears(a)) => Some(a),
                _ => None,
            };
            for anchor in lesson.anchor.iter().chain(trigger).chain(complete) {
                if !anchors.contains(anchor) {
                    anchors.push(anchor.clone());
                }
            }
        }
        anchors
    }

    /// What the page shows of `anchor`, as last reported.
    pub(crate) fn anchor(&self, anchor: &Anchor) -> AnchorFacts {
        self.visit
            .anchors
            .iter()
            .find(|(a, _)| a == anchor)
            .map(|(_, f)| *f)
            .unwrap_or_default()
    }

    // Page events.

    /// The host navigated: a new path is a new page, whose URL may complete lessons.
    pub fn navigated(&mut self, url: &str, now: u64) -> Effects {
        if self.visit.url == url {
            return Effects::default();
        }
        let mut effects = Effects::default();
        if Location::parse(&self.visit.url).path != Location::parse(url).path {
            self.visit.entered = now;
            self.visit.shown.clear();
            for (_, facts) in &mut self.visit.anchors {
                facts.clicked = false;
            }
        }
        self.visit.url = url.to_owned();
        let path = Location::parse(url).path;
        let due = self.due(|rule| matches!(rule, Completion::Url(p) if path_matches(p, path)));
        self.complete(due, Via::Url, now, &mut effects);
        effects
    }

    /// The watched anchors changed: appeared, went, showed, hid or were clicked. `anchors`
    /// says what the page shows of each now; a click in it counts until the next page.
    pub fn anchors_changed(
        &mut self,
        mut anchors: Vec<(Anchor, AnchorFacts)>,
        now: u64,
    ) -> Effects {
        let clicked_before: Vec<&Anchor> = (self.visit.anchors.iter())
            .filter(|(_, f)| f.clicked)
            .map(|(a, _)| a)
            .collect();
        for (anchor, facts) in &mut anchors {
            facts.clicked |= clicked_before.contains(&&*anchor);
        }
        self.visit.anchors = anchors;
        let mut effects = Effects::default();
        let clicked =
            self.due(|rule| matches!(rule, Completion::Click(a) if self.anchor(a).clicked));
        let appeared =
            self.due(|rule| matches!(rule, Completion::Appears(a) if self.anchor(a).present));
        self.complete(clicked, Via::Click, now, &mut effects);
        self.complete(appeared, Via::Appears, now, &mut effects);
        effects
    }
}

/// The facts triggers are evaluated against, all from the session.
pub(crate) struct SessionFacts<'a> {
    /// The session the facts come from.
    pub(crate) session: &'a Session,
    /// The time "now" is for time-on-page and date rules.
    pub(crate) now: u64,
}

impl Facts for SessionFacts<'_> {
    fn url(&self) -> &str {
        &self.session.visit.url
    }

    fn element(&self, anchor: &Anchor, state: ElementState) -> bool {
        let facts = self.session.anchor(anchor);
        match state {
            ElementState::Present => facts.present,
            ElementState::Visible => facts.visible,
            ElementState::Clicked => facts.clicked,
        }
    }

    fn event_count(&self, name: &str, since: u64) -> u32 {
        self.session.progress.event_count(name, since)
    }

    fn trait_value(&self, key: &str) -> Option<&Json> {
        self.session.traits.get(key)
    }

    fn lesson(&self, id: &str) -> LessonState {
        self.session.progress.state(id)
    }

    fn now_ms(&self) -> u64 {
        self.now
    }

    fn page_entered_ms(&self) -> u64 {
        self.session.visit.entered
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{completed, session, NOW};
    use super::*;
    use crate::decide::session::Surface;
    use crate::model::progress::Progress;

    #[test]
    fn a_click_on_the_feature_completes_and_closes_its_card() {
        let mut s = session(None, Progress::default());
        s.navigated("/invoices/7", NOW);
        s.open("send", NOW);
        let send = Anchor::Feature("invoices.send".into());
        let clicked = AnchorFacts {
            present: true,
            visible: true,
            clicked: true,
        };
        let effects = s.anchors_changed(vec![(send, clicked)], NOW);
        assert_eq!(completed(&effects), ["send"]);
        assert_eq!(s.surface(), &Surface::Closed);
    }

    #[test]
    fn reaching_the_url_completes_and_a_new_path_is_a_new_visit() {
        let mut s = session(None, Progress::default());
        assert_eq!(completed(&s.navigated("/reports", NOW + 5)), ["reports"]);
        assert_eq!(s.visit.entered, NOW + 5);
        s.navigated("/reports?tab=aging", NOW + 9);
        assert_eq!(s.visit.entered, NOW + 5, "a new query is the same page");
        s.navigated("/invoices/1", NOW + 12);
        assert_eq!(s.visit.entered, NOW + 12);
    }

    // Bug (issue #21): a click lived both in the page watcher and in the session, and each
    // copy was forgotten on its own when a new page began.
    #[test]
    fn a_click_counts_until_the_next_page_whatever_the_page_reports_after_it() {
        let mut s = session(None, Progress::default());
        s.navigated("/invoices/7", NOW);
        let send = Anchor::Feature("invoices.send".into());
        let seen = AnchorFacts {
            present: true,
            visible: true,
            clicked: false,
        };
        let clicked = AnchorFacts {
            clicked: true,
            ..seen
        };
        s.anchors_changed(vec![(send.clone(), clicked)], NOW);
        let hidden = AnchorFacts {
            visible: false,
            ..seen
        };
        s.anchors_changed(vec![(send.clone(), hidden)], NOW);
        assert!(s.anchor(&send).clicked, "a later report keeps the click");
        s.navigated("/invoices/7?tab=notes", NOW);
        assert!(s.anchor(&send).clicked, "a new query is the same page");
        s.navigated("/invoices/8", NOW);
        assert!(!s.anchor(&send).clicked, "a new page forgets it");
        s.anchors_changed(vec![(send.clone(), seen)], NOW);
        assert!(!s.anchor(&send).clicked);
    }

    #[test]
    fn watched_anchors_are_values_each_once() {
        let s = session(None, Progress::default());
        assert!(
            s.watched_anchors().is_empty(),
            "send's page does not match /"
        );
        let mut s = s;
        s.navigated("/invoices/7", NOW);
        assert_eq!(
            s.watched_anchors(),
            [Anchor::Feature("invoices.send".into())]
        );
    }
}
