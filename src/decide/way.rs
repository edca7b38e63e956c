//! The way to the learner's goals: which lessons move them toward what they chose, which of
//! those they can take now, and how much goal weight each one unblocks.
//!
//! A lesson still to do is **on the way** when it serves a chosen goal, or when a lesson on
//! the way needs it first (as its prerequisite, or a prerequisite's). It is **ready** when
//! every prerequisite is done or known. Its **value** for one goal is the heaviest weight it
//! unblocks: its own, or that of the heaviest lesson still to do that needs it. With several
//! goals, the values add up: each chosen goal counts, so at equal weights a lesson on the way
//! to two goals comes before one on the way to one.
//!
//! The ranking puts ready lessons on the way first, and the learning map starts with the one
//! of highest value: the right next lesson.

use crate::model::pack::{Lesson, Pack};
use crate::model::progress::Progress;
use std::cmp::Reverse;

/// A lesson on the way.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Leg<'a> {
    /// The goal weight it unblocks, summed over the chosen goals.
    pub value: u32,
    /// Every prerequisite is done or known: the learner can take it now.
    pub ready: bool,
    /// The heavier lesson it is on the way for, when that lesson's weight rather than its
    /// own puts it there: "unlocks Send an invoice".
    pub unlocks: Option<&'a Lesson>,
}

/// The lessons on the way to some goals, for one learner.
#[derive(Debug, Clone)]
pub struct Way<'a> {
    index: Index<'a>,
    legs: Vec<Option<Leg<'a>>>,
}

/// Where each lesson is in the pack, by id: sorted once through the shared sort, since
/// inserting ids one by one into a sorted list moves it over and over (milliseconds for a
/// thousand lessons, on every offer).
#[derive(Debug, Clone, Default)]
pub struct Index<'a>(Vec<(&'a str, usize)>);

impl<'a> Index<'a> {
    /// Indexes the Lessons by id, for walking prerequisites.
    pub fn new(lessons: &'a [Lesson]) -> Index<'a> {
        let mut ids: Vec<(&str, usize)> = lessons
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.as_str(), i))
            .collect();
        crate::support::order::sort_by(&mut ids, |a, b| a.0.cmp(b.0));
        Index(ids)
    }

    /// The place in the pack of the lesson `id`.
    pub fn get(&self, id: &str) -> Option<usize> {
        let at = self.0.binary_search_by(|(k, _)| (*k).cmp(id)).ok()?;
        Some(self.0[at].1)
    }
}

impl<'a> Way<'a> {
    /// The way to the goals `goals` (ids; those missing from the pack serve nothing).
    pub fn new(pack: &'a Pack, goals: &[&str], progress: &Progress) -> Way<'a> {
        let lessons = &pack.lessons;
        let mut legs: Vec<Option<Leg>> = vec![None; lessons.len()];
        if goals.is_empty() {
            let index = Index::default();
            return Way { index, legs };
        }
        let index = Index::new(lessons);
        let done: Vec<bool> = lessons
            .iter()
            .map(|l| progress.state(&l.id).is_done())
            .collect();
        // How much heavier than its own weight the lesson it unlocks is: the reason names
        // the one that makes the most difference.
        let mut margin = vec![0u8; lessons.len()];
        for goal in goals {
            let mut serving: Vec<(u8, usize)> = lessons
                .iter()
                .enumerate()
                .filter(|&(i, _)| !done[i])
                .filter_map(|(i, l)| l.goals.get(goal).map(|&w| (w, i)))
                .collect();
            // Heaviest first, so a lesson reached once already carries the heaviest weight
            // that needs it, and each lesson is walked once per goal.
            crate::support::order::sort_by_key(&mut serving, |&(w, _)| Reverse(w));
            let mut carried: Vec<Option<(u8, usize)>> = vec![None; lessons.len()];
            for (weight, by) in serving {
                let mut pending = vec![by];
                while let Some(i) = pending.pop() {
                    if carried[i].is_some() {
                        continue;
                    }
                    carried[i] = Some((weight, by));
                    pending.extend(
                        lessons[i]
                            .prerequisites
                            .iter()
                            .filter_map(|p| index.get(p))
                            .filter(|&p| !done[p] && carried[p].is_none()),
                    );
                }
            }
            for (i, carried) in carried.into_iter().enumerate() {
                let Some((weight, by)) = carried else {
                    continue;
                };
                let lesson = &lessons[i];
                let leg = legs[i].get_or_insert_with(|| Leg {
                    value: 0,
                    ready: lesson
                        .prerequisites
                        .iter()
                        .all(|p| progress.state(p).is_done()),
                    unlocks: None,
                });
                leg.value += u32::from(weight);
                let own = lesson.goals.get(goal).copied().unwrap_or(0);
                if weight.saturating_sub(own) > margin[i] {
                    margin[i] = weight - own;
                    leg.unlocks = Some(&lessons[by]);
                }
            }
        }
        Way { index, legs }
    }

    /// The pack's lessons by id (empty when there are no goals, which need no way).
    pub fn index(&self) -> &Index<'a> {
        &self.index
    }

    /// Where `lesson` stands on the way; none when it is off the way (or done).
    pub fn leg(&self, lesson: &Lesson) -> Option<Leg<'a>> {
        self.index.get(&lesson.id).and_then(|i| self.legs[i])
    }

    /// The highest value among the ready lessons on the way: what a right next lesson
    /// unblocks at best. None when no lesson on the way is ready.
    pub fn best(&self) -> Option<u32> {
        self.legs
            .iter()
            .flatten()
            .filter(|s| s.ready)
            .map(|s| s.value)
            .max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::progress::Via;
    use crate::model::test_pack::{lesson, pack, NOW};
    use serde_json::json;

    fn way_pack() -> Pack {
        pack(json!([
            lesson("create", json!({ "goals": { "close": 1 } })),
            lesson(
                "send",
                json!({ "goals": { "paid": 5 }, "prerequisites": ["create"] })
            ),
            lesson(
                "remind",
                json!({ "goals": { "paid": 2 }, "prerequisites": ["send"] })
            ),
            lesson("filter", json!({ "goals": { "paid": 1 } })),
            lesson("other", json!({ "goals": { "close": 4 } })),
        ]))
    }

    fn legs(pack: &Pack, goals: &[&str], progress: &Progress) -> Vec<(String, u32, bool)> {
        let way = Way::new(pack, goals, progress);
        pack.lessons
            .iter()
            .filter_map(|l| way.leg(l).map(|s| (l.id.clone(), s.value, s.ready)))
            .collect()
    }

    #[test]
    fn a_prerequisite_carries_the_weight_of_the_heaviest_lesson_that_needs_it() {
        let pack = way_pack();
        let way = Way::new(&pack, &["paid"], &Progress::default());
        let create = way.leg(pack.lesson("create").unwrap()).unwrap();
        assert_eq!((create.value, create.ready), (5, true));
        assert_eq!(create.unlocks.map(|l| l.id.as_str()), Some("send"));
        assert_eq!(
            legs(&pack, &["paid"], &Progress::default()),
            [
                ("create".into(), 5, true),
                ("send".into(), 5, false),
                ("remind".into(), 2, false),
                ("filter".into(), 1, true),
            ]
        );
        assert_eq!(way.best(), Some(5));
    }

    #[test]
    fn a_lesson_serving_the_goal_as_much_as_what_needs_it_unlocks_nothing() {
        let pack = way_pack();
        let way = Way::new(&pack, &["paid"], &Progress::default());
        // send serves at 5 itself; remind, which needs it, only at 2.
        assert_eq!(way.leg(pack.lesson("send").unwrap()).unwrap().unlocks, None);
    }

    #[test]
    fn done_lessons_leave_the_way_and_what_they_needed_with_them() {
        let pack = way_pack();
        let mut progress = Progress::default();
        progress.complete("send", Via::Event, NOW);
        // create is needed only through send, which is done: it no longer unblocks anything.
        assert_eq!(
            legs(&pack, &["paid"], &progress),
            [("remind".into(), 2, true), ("filter".into(), 1, true)]
        );
        progress.know("create", NOW);
        assert_eq!(legs(&pack, &["paid"], &progress).len(), 2);
    }

    #[test]
    fn with_several_goals_each_goal_counts() {
        let pack = way_pack();
        // create: 5 for paid (through send) and 1 for close.
        let both = legs(&pack, &["paid", "close"], &Progress::default());
        assert!(both.contains(&("create".into(), 6, true)));
        assert!(both.contains(&("other".into(), 4, true)));
    }

    #[test]
    fn no_goal_no_way() {
        let pack = way_pack();
        assert!(legs(&pack, &[], &Progress::default()).is_empty());
        assert!(legs(&pack, &["no-such-goal"], &Progress::default()).is_empty());
        assert_eq!(Way::new(&pack, &[], &Progress::default()).best(), None);
    }
}
