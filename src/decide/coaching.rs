//! Coaching: the goal a learner who never picked one seems to be working on.
//!
//! Each goal scores what the learner did on its way. A lesson is on a goal's way when it
//! serves the goal, or when a lesson that serves it needs it first (as its prerequisite, or
//! a prerequisite's), done or not; its **reach** toward the goal is the heaviest weight it
//! leads to. Each lesson the learner acted on adds its reach, times what they did with it:
//! [`COMPLETED`] points for doing it, [`READ`] for opening its card, [`KNOWN`] for "I know
//! this" (they add up). A lesson on several goals' ways splits its 60 points per action
//! point among them by reach: a prerequisite of everything says little about where the
//! learner is going. A goal meant for the learner's role (`roles = [...]` in `pack.toml`)
//! starts with [`ROLE`] points, so that a first visit is not blind.
//!
//! The goal with the most points **leads** when no other ties it and either the learner
//! acted on at least [`ACTIONS`] lessons or it is the only goal meant for their role: the
//! ranking follows it. It **clearly leads** when it also holds at least [`SHARE`]% of all
//! the points: the panel names it. Goals the learner answered "Not this" to are never
//! guessed again, and a learner with goals chosen is never guessed for: a chosen goal
//! always wins.

use crate::model::pack::{Goal, Pack};
use crate::model::progress::{LessonState, Progress};

/// Points per reach point for a lesson the learner completed.
pub const COMPLETED: u32 = 4;
/// Points per reach point for a lesson whose card the learner opened and read.
pub const READ: u32 = 1;
/// Points per reach point for a lesson the learner said they know.
pub const KNOWN: u32 = 1;
/// Points a goal meant for the learner's role starts with: those of a completed lesson on
/// its way only ([`COMPLETED`] times the points each lesson shares among its goals).
pub const ROLE: u32 = COMPLETED * SHARED;
/// The share of all points, in percent, a goal holds at least to be named.
pub const SHARE: u32 = 50;
/// The points per action point a lesson shares among the goals on whose way it lies:
/// divisible by the sums of reach a lesson on up to five goals' ways is likely to have.
const SHARED: u32 = 60;
/// How many lessons the learner acted on before a guess from actions alone.
pub const ACTIONS: usize = 3;

/// The goal the learner seems to be working on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guess<'a> {
    /// The leading Goal, which the ranking follows.
    pub goal: &'a Goal,
    /// It clearly leads: the panel names it and asks "Yes / Not this".
    pub clear: bool,
}

/// The goal coaching guesses for this learner, if one leads (see the module).
// One copy, in the widget's first chunk: the ranking, the session and the panel all ask.
#[inline(never)]
pub fn guess<'a>(pack: &'a Pack, progress: &Progress, role: Option<&str>) -> Option<Guess<'a>> {
    if !progress.goals().is_empty() {
        return None;
    }
    let lessons = &pack.lessons;
    let index = crate::decide::way::Index::new(lessons);
    // What the learner did with each lesson, in points per reach point.
    let acted: Vec<u32> = lessons
        .iter()
        .map(|l| {
            let read = match progress.layers(&l.id).is_empty() {
                true => 0,
                false => READ,
            };
            read + match progress.state(&l.id) {
                LessonState::Completed(_) => COMPLETED,
                LessonState::Known => KNOWN,
                _ => 0,
            }
        })
        .collect();
    let actions = acted.iter().filter(|&&a| a > 0).count();
    let for_role = |g: &Goal| role.is_some_and(|r| g.roles.iter().any(|x| x == r));
    // Each lesson's reach toward each goal (goal by goal, `n` lessons each): its own weight,
    // carried down to what it needs until nothing changes, one pass per link of the longest
    // chain. No sort, so that the widget carries no new one.
    let n = lessons.len();
    let mut reach = vec![0u32; pack.goals.len() * n];
    let mut spread = vec![0u32; n];
    for (g, goal) in pack.goals.iter().enumerate() {
        let reach = &mut reach[g * n..(g + 1) * n];
        for (i, lesson) in lessons.iter().enumerate() {
            reach[i] = lesson.goals.get(&goal.id).map_or(0, |&w| u32::from(w));
        }
        let mut changed = true;
        while changed {
            changed = false;
            for (i, lesson) in lessons.iter().enumerate() {
                for p in lesson.prerequisites.iter().filter_map(|p| index.get(p)) {
                    if reach[p] < reach[i] {
                        reach[p] = reach[i];
                        changed = true;
                    }
                }
            }
        }
        // A lesson on several goals' ways splits its points among them by reach: a
        // prerequisite of everything says little about where the learner is going.
        for i in 0..n {
            spread[i] += reach[i];
        }
    }
    let mut best: Option<(&Goal, u32)> = None;
    let (mut second, mut total) = (0, 0);
    for (goal, reach) in pack.goals.iter().zip(reach.chunks(n.max(1))) {
        if progress.rejected(&goal.id) {
            continue;
        }
        let mut points = if for_role(goal) { ROLE } else { 0 };
        for i in 0..n {
            if reach[i] > 0 {
                points += acted[i] * reach[i] * SHARED / spread[i];
            }
        }
        total += points;
        match best {
            Some((_, b)) if points <= b => second = second.max(points),
            _ => {
                second = best.map_or(0, |(_, b)| b);
                best = Some((goal, points));
            }
        }
    }
    let (goal, points) = best?;
    let only_for_role = for_role(goal)
        && pack
            .goals
            .iter()
            .filter(|g| !progress.rejected(&g.id) && for_role(g))
            .count()
            == 1;
    let leads = points > second && (actions >= ACTIONS || only_for_role);
    leads.then_some(Guess {
        goal,
        clear: points * 100 >= SHARE * total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::progress::Via;
    use crate::model::test_pack::{lesson, pack, NOW};
    use serde_json::json;

    fn coaching_pack() -> Pack {
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
            lesson("export", json!({ "goals": { "close": 4 } })),
        ]))
    }

    fn guessed(pack: &Pack, progress: &Progress, role: Option<&str>) -> Option<String> {
        guess(pack, progress, role)
            .filter(|g| g.clear)
            .map(|g| g.goal.id.clone())
    }

    #[test]
    fn three_lessons_on_one_goals_way_guess_it() {
        let pack = coaching_pack();
        let mut p = Progress::default();
        p.complete("create", Via::Click, NOW);
        p.complete("send", Via::Click, NOW);
        assert_eq!(guessed(&pack, &p, None), None, "two lessons are not enough");
        p.complete("filter", Via::Click, NOW);
        assert_eq!(guessed(&pack, &p, None).as_deref(), Some("paid"));
    }

    #[test]
    fn acting_evenly_on_two_goals_guesses_nothing() {
        let pack = coaching_pack();
        let mut p = Progress::default();
        // Each lesson counts wholly for the one goal it serves: two for each goal.
        for id in ["filter", "remind", "other", "export"] {
            p.complete(id, Via::Click, NOW);
        }
        assert_eq!(guessed(&pack, &p, None), None);
    }

    #[test]
    fn a_goal_answered_not_this_is_never_guessed_and_a_chosen_goal_ends_guessing() {
        let pack = coaching_pack();
        let mut p = Progress::default();
        for id in ["create", "send", "filter"] {
            p.complete(id, Via::Click, NOW);
        }
        p.reject_goal("paid", NOW);
        assert_ne!(guessed(&pack, &p, None).as_deref(), Some("paid"));
        let mut chosen = Progress::default();
        chosen.set_goals(vec!["close".into()], NOW);
        assert_eq!(guessed(&pack, &chosen, None), None);
    }

    #[test]
    fn the_only_goal_meant_for_the_learners_role_is_the_first_guess() {
        // In the test pack, `setup` is for admins and `paid` for finance.
        let pack = coaching_pack();
        let fresh = Progress::default();
        assert_eq!(
            guessed(&pack, &fresh, Some("admin")).as_deref(),
            Some("setup")
        );
        assert_eq!(guessed(&pack, &fresh, None), None);
    }
}
