//! What the widget offers now, and why: the lessons to suggest, in rank order, the beacons
//! to show within the attention budget, and the lesson to open by itself; each lesson's
//! standing for author mode's debugger; and the shows that keep an offer from nagging.

use super::effects::{event, Effects};
use super::facts::SessionFacts;
use super::{Session, Surface};
use crate::api::lifecycle::EventKind;
use crate::author::explain::{explain, Said};
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

/// Where a lesson stands in the offer, for author mode's debugger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Not eligible, so not ranked.
    NotRanked,
    /// `rank` (from 1) among the eligible lessons, for the reason the panel gives.
    Ranked {
        /// Rank from 1.
        rank: usize,
        /// The reason the panel gives.
        why: String,
        /// Whether its Beacon shows.
        beacon: BeaconStanding,
    },
}

/// Whether a ranked lesson's beacon shows, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BeaconStanding {
    /// The Beacon shows on the feature.
    Shown,
    /// The lesson has no anchor: it is offered in the panel only.
    NoFeature,
    /// Its feature is not on this page.
    Elsewhere,
    /// The attention budget went to higher-ranked lessons.
    OverBudget {
        /// How many Beacons the attention budget allows at once.
        at_most: usize,
    },
}

impl Standing {
    /// In words, e.g. `rank 2 of the eligible: Builds on …; no beacon: the attention budget
    /// (3 beacons at most) went to higher-ranked lessons`.
    pub fn line(&self) -> String {
        let Standing::Ranked { rank, why, beacon } = self else {
            return "not ranked: not eligible".into();
        };
        let beacon = match beacon {
            BeaconStanding::Shown => "its beacon shows".to_string(),
            BeaconStanding::NoFeature => "no beacon: it has no anchor (panel only)".into(),
            BeaconStanding::Elsewhere => "no beacon: its anchor is not on this page".into(),
            BeaconStanding::OverBudget { at_most } => format!(
                "no beacon: the attention budget ({at_most} at most) went to higher-ranked lessons"
            ),
        };
        let why = if why.is_empty() {
            String::new()
        } else {
            format!(" ({why})")
        };
        format!("rank {rank}{why}; {beacon}")
    }
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
    fn earlier_shows(&self, id: &str) -> u32 {
        let here = self.visit.shown.iter().any(|s| s == id);
        self.progress.shows(id).saturating_sub(u32::from(here))
    }

    /// Every lesson of the pack with its trigger explained here and now, in the words of
    /// author mode's debugger, and its place in the offer: the same facts and shows as
    /// [`Session::offer`] decides from. Ranked lessons come first, in rank order.
    pub fn explain(&self, now: u64) -> Vec<(&Lesson, Said, Standing)> {
        let facts = SessionFacts { session: self, now };
        let offer = self.offer(now, false);
        let placement = |lesson: &Lesson| {
            let Some(i) = offer
                .suggestions
                .iter()
                .position(|s| s.lesson.id == lesson.id)
            else {
                return Standing::NotRanked;
            };
            let beacon = match &lesson.anchor {
                _ if offer.beacons.iter().any(|b| b.id == lesson.id) => BeaconStanding::Shown,
                None => BeaconStanding::NoFeature,
                Some(a) if !self.anchor(a).present => BeaconStanding::Elsewhere,
                Some(_) => BeaconStanding::OverBudget {
                    at_most: self.attention.suggestions,
                },
            };
            Standing::Ranked {
                rank: i + 1,
                why: offer.suggestions[i].why.clone(),
                beacon,
            }
        };
        let mut all: Vec<(&Lesson, Said, Standing)> = self
            .pack
            .lessons
            .iter()
            .map(|l| {
                let said = explain(l, &facts, self.earlier_shows(&l.id)).said();
                (l, said, placement(l))
            })
            .collect();
        // The offer's order first; the rest as the pack has them.
        all.sort_by_key(|(_, _, p)| match p {
            Standing::Ranked { rank, .. } => *rank,
            Standing::NotRanked => usize::MAX,
        });
        all
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
    fn the_debugger_calls_eligible_exactly_the_lessons_the_offer_weighs() {
        let mut s = session(None, Progress::default());
        for url in ["/", "/invoices/7"] {
            let _ = s.navigated(url, NOW);
            let offered: Vec<String> = s
                .offer(NOW, false)
                .suggestions
                .iter()
                .map(|l| l.lesson.id.clone())
                .collect();
            let explained = s.explain(NOW);
            assert_eq!(explained.len(), 3, "every lesson, eligible or not");
            let eligible: Vec<String> = explained
                .iter()
                .filter(|(_, said, _)| said.eligible)
                .map(|(l, _, _)| l.id.clone())
                .collect();
            let ranks: Vec<usize> = explained
                .iter()
                .filter_map(|(_, _, p)| match p {
                    Standing::Ranked { rank, .. } => Some(*rank),
                    Standing::NotRanked => None,
                })
                .collect();
            assert_eq!(
                ranks,
                (1..=offered.len()).collect::<Vec<_>>(),
                "ranked first, in order"
            );
            for (l, said, placement) in &explained {
                let rank = offered.iter().position(|id| *id == l.id).map(|i| i + 1);
                match placement {
                    Standing::Ranked { rank: r, .. } => assert_eq!(Some(*r), rank, "{}", l.id),
                    Standing::NotRanked => assert!(!said.eligible && rank.is_none(), "{}", l.id),
                }
            }
            let mut offered_sorted = offered.clone();
            offered_sorted.sort();
            let mut eligible_sorted = eligible.clone();
            eligible_sorted.sort();
            assert_eq!(offered_sorted, eligible_sorted, "at {url}");
        }
        let send_now = |s: &Session| {
            let all = s.explain(NOW);
            let (_, said, placement) = all.iter().find(|(l, _, _)| l.id == "send").unwrap();
            (said.clone(), placement.clone())
        };
        let (send, _) = send_now(&s);
        assert_eq!(
            send.rules[0].text,
            "page \"/invoices/:id\" ✓: you are on /invoices/7"
        );
        let _ = s.navigated("/reports", NOW);
        let (send, placement) = send_now(&s);
        assert_eq!(send.verdict, "not shown: its trigger does not hold here");
        assert_eq!(placement.line(), "not ranked: not eligible");
        assert_eq!(
            send.rules[0].text,
            "page \"/invoices/:id\" ✗: you are on /reports"
        );
    }

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
