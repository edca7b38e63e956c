//! The learning map: the lessons on the way to a goal, in an order the learner can follow,
//! with where they stand, what is left, why each lesson is there, and the skill mark that
//! only doing the lessons earns.

use crate::decide::ranking::Reason;
use crate::decide::way::Way;
use crate::model::pack::{Goal, Lesson, Pack};
use crate::model::progress::{LessonState, Progress};

/// A lesson on the way to a goal.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop<'a> {
    /// The Lesson at this stop.
    pub lesson: &'a Lesson,
    /// Where the learner is with it.
    pub state: LessonState,
    /// Why a lesson still to do is there: it serves the goal ([`Reason::Goal`]), or it
    /// unlocks a lesson that serves it more ([`Reason::Unlocks`]).
    pub why: Option<Reason<'a>>,
}

/// The way to one goal, for the learner's map.
#[derive(Debug, Clone, PartialEq)]
pub struct LearningMap<'a> {
    /// The Goal the map leads to.
    pub goal: &'a Goal,
    /// The lessons that serve the goal and those they build on. Those done or known come
    /// first; then, from the right next lesson on, each lesson after its prerequisites,
    /// the one unblocking the most goal weight first whenever several could come next.
    pub stops: Vec<Stop<'a>>,
    /// The index of the stop where the learner stands: the right next lesson, ready and
    /// unblocking the most goal weight; none once nothing is left. Lessons may still be
    /// taken in any order.
    pub next: Option<usize>,
    /// How many Lessons remain before the Goal is reached.
    pub lessons_left: usize,
    /// Estimated minutes those Lessons take.
    pub minutes_left: u32,
    /// Earned when every lesson on the way was completed, which only doing the real thing
    /// achieves: "I know this" or reading every layer never earns it.
    pub skill_mark: bool,
}

/// The way to the goal `goal_id`, or none if the pack has no such goal.
pub fn learning_map<'a>(
    pack: &'a Pack,
    goal_id: &str,
    progress: &Progress,
) -> Option<LearningMap<'a>> {
    let goal = pack.goals.iter().find(|g| g.id == goal_id)?;
    let lessons = &pack.lessons;
    let way = Way::new(pack, &[goal_id], progress);
    let index = way.index();
    let prerequisites = |i: usize| lessons[i].prerequisites.iter().filter_map(|p| index.get(p));

    let mut on_map = vec![false; lessons.len()];
    let mut pending: Vec<usize> = (0..lessons.len())
        .filter(|&i| lessons[i].goals.contains_key(goal_id))
        .collect();
    while let Some(i) = pending.pop() {
        if !std::mem::replace(&mut on_map[i], true) {
            pending.extend(prerequisites(i));
        }
    }

    let states: Vec<LessonState> = lessons.iter().map(|l| progress.state(&l.id)).collect();
    let done = |i: usize| states[i].is_done();
    let value = |i: usize| way.leg(&lessons[i]).map_or(0, |s| s.value);
    let blocked = |i: usize| {
        lessons[i]
            .prerequisites
            .iter()
            .any(|p| index.get(p).is_none() && !progress.state(p).is_done())
    };
    let mut placed = vec![false; lessons.len()];
    // A lesson to do may come once each prerequisite is placed or done; a lesson done, once
    // each prerequisite done is placed: what the learner did stays in the order they can
    // read it, and a prerequisite they skipped does not hold it back.
    let can_come =
        |i: usize, placed: &[bool]| prerequisites(i).all(|p| placed[p] || (done(p) != done(i)));
    let mut stops: Vec<Stop> = Vec::new();
    let (mut lessons_left, mut minutes_left) = (0, 0);
    let mut all_done = true;
    loop {
        let unplaced = || (0..lessons.len()).filter(|&i| on_map[i] && !placed[i]);
        let ready = unplaced().filter(|&i| can_come(i, &placed));
        let best = match ready.clone().find(|&i| done(i)) {
            Some(i) => Some(i),
            // Heaviest first; of equal weight, the first in the pack. A lesson waiting for
            // a prerequisite missing from the pack comes after the rest: it never gets ready.
            None => ready.max_by_key(|&i| (!blocked(i), value(i), std::cmp::Reverse(i))),
        };
        // Only a cycle, which the linter refuses, leaves no lesson ready: break it in pack
        // order rather than leave lessons off the map.
        let Some(i) = best.or_else(|| unplaced().next()) else {
            break;
        };
        placed[i] = true;
        let lesson = &lessons[i];
        let state = states[i];
        let mut why = None;
        if !state.is_done() {
            lessons_left += 1;
            minutes_left += u32::from(lesson.minutes);
            why = match way.leg(lesson).and_then(|s| s.unlocks) {
                Some(heavier) => Some(Reason::Unlocks(heavier)),
                None if lesson.goals.contains_key(goal_id) => Some(Reason::Goal(goal)),
                None => None,
            };
        }
        all_done &= matches!(state, LessonState::Completed(_));
        stops.push(Stop { lesson, state, why });
    }

    Some(LearningMap {
        goal,
        skill_mark: all_done && !stops.is_empty(),
        next: stops.iter().position(|s| !s.state.is_done()),
        stops,
        lessons_left,
        minutes_left,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::progress::Via;
    use crate::model::test_pack::{lesson, pack, NOW};
    use serde_json::json;

    fn map_pack() -> Pack {
        // Pack order is deliberately not the order of the way.
        pack(json!([
            lesson(
                "remind",
                json!({ "goals": { "paid": 4 }, "prerequisites": ["send"], "minutes": 1 })
            ),
            lesson("other", json!({ "goals": { "close": 4 } })),
            lesson(
                "send",
                json!({ "goals": { "paid": 5 }, "prerequisites": ["create"], "minutes": 2 })
            ),
            lesson("methods", json!({ "goals": { "paid": 3 }, "minutes": 2 })),
            lesson("create", json!({ "goals": { "close": 1 }, "minutes": 3 })),
        ]))
    }

    /// Each stop as the map shows it.
    fn stops<'a>(map: &LearningMap<'a>) -> Vec<(&'a str, &'static str)> {
        map.stops
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let shown = match s.state {
                    LessonState::Completed(_) => "done",
                    LessonState::Known => "known",
                    _ if map.next == Some(i) => "next",
                    _ => "left",
                };
                (s.lesson.id.as_str(), shown)
            })
            .collect()
    }

    #[test]
    fn the_map_starts_with_what_unblocks_the_heaviest_lesson_and_keeps_prerequisites_first() {
        // Bug pinned: the next stop was the first lesson left in pack order (`methods`,
        // weight 3), not `create`, which unblocks `send` (weight 5).
        let pack = map_pack();
        let map = learning_map(&pack, "paid", &Progress::default()).unwrap();
        assert_eq!(
            stops(&map),
            [
                ("create", "next"),
                ("send", "left"),
                ("remind", "left"),
                ("methods", "left"),
            ]
        );
        let why: Vec<Option<Reason>> = map.stops.iter().map(|s| s.why).collect();
        assert_eq!(
            why,
            [
                Some(Reason::Unlocks(pack.lesson("send").unwrap())),
                Some(Reason::Goal(map.goal)),
                Some(Reason::Goal(map.goal)),
                Some(Reason::Goal(map.goal)),
            ]
        );
        assert_eq!(
            (map.next, map.lessons_left, map.minutes_left),
            (Some(0), 4, 8)
        );
    }

    #[test]
    fn the_map_shows_where_the_learner_stands_and_what_is_left() {
        let pack = map_pack();
        let mut progress = Progress::default();
        progress.complete("methods", Via::Click, NOW);
        progress.know("create", NOW);
        let map = learning_map(&pack, "paid", &progress).unwrap();
        assert_eq!(
            stops(&map),
            [
                ("methods", "done"),
                ("create", "known"),
                ("send", "next"),
                ("remind", "left"),
            ]
        );
        assert_eq!(
            (map.next, map.lessons_left, map.minutes_left),
            (Some(2), 2, 3)
        );
        assert!(!map.skill_mark);
    }

    #[test]
    fn the_skill_mark_takes_completing_every_lesson_and_knowing_one_is_not_enough() {
        let pack = map_pack();
        let mut progress = Progress::default();
        for id in ["methods", "send", "remind"] {
            progress.complete(id, Via::Event, NOW);
        }
        progress.know("create", NOW);
        progress.record_layer("create", crate::model::layer::Layer::How, NOW);
        let known = learning_map(&pack, "paid", &progress).unwrap();
        assert!(!known.skill_mark);
        assert_eq!((known.next, known.lessons_left), (None, 0));
        progress.complete("create", Via::Event, NOW);
        assert!(learning_map(&pack, "paid", &progress).unwrap().skill_mark);
    }

    #[test]
    fn a_goal_without_lessons_has_an_empty_map_and_no_mark() {
        let pack = pack(json!([lesson("a", json!({}))]));
        let map = learning_map(&pack, "setup", &Progress::default()).unwrap();
        assert!(map.stops.is_empty() && !map.skill_mark && map.next.is_none());
        assert!(learning_map(&pack, "no-such-goal", &Progress::default()).is_none());
    }

    #[test]
    fn a_prerequisite_cycle_still_maps_every_lesson_once() {
        let pack = pack(json!([
            lesson(
                "a",
                json!({ "goals": { "paid": 1 }, "prerequisites": ["b"] })
            ),
            lesson(
                "b",
                json!({ "goals": { "paid": 1 }, "prerequisites": ["a"] })
            ),
            lesson(
                "c",
                json!({ "goals": { "paid": 1 }, "prerequisites": ["b", "missing"] })
            ),
        ]));
        let map = learning_map(&pack, "paid", &Progress::default()).unwrap();
        let ids: Vec<&str> = stops(&map).iter().map(|s| s.0).collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }
}
