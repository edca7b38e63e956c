//! What author mode's trigger debugger lists: every lesson of the pack with its trigger
//! explained here and now, and its standing in the offer. It asks the session the same
//! facts and shows the offer decides from, so the debugger cannot disagree with the widget.

use crate::author::explain::{explain, Said};
use crate::decide::session::facts::SessionFacts;
use crate::decide::session::Session;
use crate::model::pack::Lesson;

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

impl Session {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decide::session::fixture::{session, NOW};
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
}
