//! What the widget offers now, and why: the lessons to suggest, in rank order, the beacons
//! to show within the attention budget, and the lesson to open by itself; and the shows
//! that keep an offer from nagging.

use super::effects::{event, Effects};
use super::facts::SessionFacts;
use super::{Session, Surface};
use crate::api::lifecycle::EventKind;
use crate::decide::eligibility::eligibility;
use crate::decide::ranking::{self, Candidate, Learner, Moment, Presence};
use crate::model::pack::Lesson;

/// A lesson the widget suggests, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggested {
    /// The Lesson to suggest next.
    pub lesson: Lesson,
    /// Why it is suggested, in the learner's language.
    pub why: String,
}

/// What the widget offers now.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Offer {
    /// Every lesson that may show now, best first, with why.
    pub suggestions: Vec<Suggested>,
    /// The lessons whose beacon shows, best first, within the attention budget.
    pub beacons: Vec<Lesson>,
    /// The lesson to open without being asked, if the host allows it and now is a good time.
    pub auto_open: Option<String>,
}

impl Session {
    /// How many times the widget brought lesson `id` up before: a beacon on this page is
    /// not an earlier offer, as the learner has not seen the card.
    pub(crate) fn earlier_shows(&self, id: &str) -> u32 {
        let here = self.visit.shown.iter().any(|s| s == id);
        self.progress.shows(id).saturating_sub(u32::from(here))
    }

    /// What to show now; `typing` says the learner is typing in a field of the host's.
    pub fn offer(&self, now: u64, typing: bool) -> Offer {
        let pack = &*self.pack;
        let facts = SessionFacts { session: self, now };
        let candidates: Vec<Candidate> = pack
            .lessons
            .iter()
            .filter(|l| eligibility(l, &facts, self.earlier_shows(&l.id)).is_eligible())
            .map(|lesson| Candidate {
                lesson,
                presence: lesson.anchor.as_ref().map_or(Presence::Elsewhere, |a| {
                    match self.anchor(a) {
                        f if f.visible => Presence::Visible,
                        f if f.present => Presence::OnPage,
                        _ => Presence::Elsewhere,
                    }
                }),
            })
            .collect();
        let learner = Learner {
            progress: &self.progress,
            role: self.role(),
            now,
        };
        let ranked = ranking::rank(pack, &candidates, &learner);
        let open = match &self.surface {
            Surface::Lesson { id, .. } => Some(id.as_str()),
            _ => None,
        };
        let moment = Moment {
            typing,
            auto_opened: self.auto_opened,
        };
        let plan = self
            .attention
            .plan(&ranked, |id: &str| self.earlier_shows(id), moment);
        Offer {
            beacons: plan
                .suggest
                .iter()
                .filter(|s| s.presence == Presence::Visible && open != Some(s.lesson.id.as_str()))
                .map(|s| s.lesson.clone())
                .collect(),
            auto_open: plan
                .auto_open
                .filter(|_| self.surface == Surface::Closed)
                .map(|l| l.id.clone()),
            suggestions: ranked
                .iter()
                .map(|s| Suggested {
                    why: self.t.reasons(&s.reasons, pack),
                    lesson: s.lesson.clone(),
                })
                .collect(),
        }
    }

    /// A beacon appeared for this lesson: one show per page visit.
    pub fn beacon_shown(&mut self, id: &str, now: u64) -> Effects {
        if self.visit.shown.iter().any(|s| s == id) {
            return Effects::default();
        }
        self.visit.shown.push(id.to_owned());
        let at = self.tick(now);
        self.progress.record_show(id, at);
        Effects {
            save: self.save(),
            emit: vec![event(EventKind::Shown, &[("lesson", id.into())])],
            ..Effects::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{session, NOW};
    use super::*;
    use crate::decide::session::AnchorFacts;
    use crate::model::anchor::Anchor;
    use crate::model::progress::Progress;

    #[test]
    fn a_beacon_counts_one_show_per_visit() {
        let mut s = session(None, Progress::default());
        assert_eq!(s.beacon_shown("send", NOW).emit.len(), 1);
        assert_eq!(s.beacon_shown("send", NOW), Effects::default());
        s.navigated("/invoices/1", NOW);
        s.beacon_shown("send", NOW);
        assert_eq!(s.progress().shows("send"), 2);
    }

    #[test]
    fn the_offer_puts_a_visible_feature_s_lesson_in_a_beacon_but_not_while_its_card_is_open() {
        let mut s = session(None, Progress::default());
        s.navigated("/invoices/7", NOW);
        let send = Anchor::Feature("invoices.send".into());
        let seen = AnchorFacts {
            present: true,
            visible: true,
            clicked: false,
        };
        s.anchors_changed(vec![(send, seen)], NOW);
        let beacons = |s: &Session| -> Vec<String> {
            s.offer(NOW, false)
                .beacons
                .into_iter()
                .map(|l| l.id)
                .collect()
        };
        assert_eq!(beacons(&s), ["send"]);
        s.open("send", NOW);
        assert!(beacons(&s).is_empty());
    }
}
