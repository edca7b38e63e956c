//! Properties of the ranking and the learning map over generated packs and learners.
#![cfg(not(target_arch = "wasm32"))]

use pathlight::decide::coaching::guess;
use pathlight::decide::learning_map::learning_map;
use pathlight::decide::ranking::{rank, Candidate, Learner, Presence, Suggestion};
use pathlight::decide::way::Way;
use pathlight::model::pack::Pack;
use pathlight::model::progress::{Progress, Via};
use proptest::prelude::*;
use serde_json::json;

const NOW: u64 = 1_764_000_000_000;
const DAY_MS: u64 = 86_400_000;
/// The goals of every generated pack; `new` is the one the properties add.
const GOALS: [&str; 4] = ["g0", "g1", "g2", "new"];

/// One generated lesson, and where the learner stands with it.
#[derive(Debug, Clone)]
struct Spec {
    goals: Vec<(usize, u8)>,
    priority: u8,
    /// Indices of other lessons, possibly past the end: prerequisites missing from the pack.
    prerequisites: Vec<usize>,
    presence: Presence,
    state: Learned,
}

#[derive(Debug, Clone, Copy)]
enum Learned {
    Nothing,
    Completed,
    Known,
    Snoozed,
    DismissedLongAgo,
}

#[derive(Debug, Clone)]
struct World {
    lessons: Vec<Spec>,
    chosen: Vec<&'static str>,
    role: Option<&'static str>,
    new_goal_roles: Vec<&'static str>,
}

fn presence() -> impl Strategy<Value = Presence> {
    prop_oneof![
        Just(Presence::Visible),
        Just(Presence::OnPage),
        Just(Presence::Elsewhere)
    ]
}

fn learned() -> impl Strategy<Value = Learned> {
    prop_oneof![
        Just(Learned::Nothing),
        Just(Learned::Completed),
        Just(Learned::Known),
        Just(Learned::Snoozed),
        Just(Learned::DismissedLongAgo),
    ]
}

fn not_completed() -> impl Strategy<Value = Learned> {
    prop_oneof![
        Just(Learned::Nothing),
        Just(Learned::Known),
        Just(Learned::Snoozed),
        Just(Learned::DismissedLongAgo),
    ]
}

/// Few distinct priorities and goals, so that many lessons tie.
fn spec(lessons: usize) -> impl Strategy<Value = Spec> {
    (
        prop::collection::vec((0..GOALS.len(), 1..=5u8), 0..3),
        prop_oneof![Just(0u8), Just(50), Just(55), 0..=100u8],
        prop::collection::vec(0..lessons + 2, 0..3),
        presence(),
        learned(),
    )
        .prop_map(|(goals, priority, prerequisites, presence, state)| Spec {
            goals,
            priority,
            prerequisites,
            presence,
            state,
        })
}

fn world() -> impl Strategy<Value = World> {
    (1..12usize)
        .prop_flat_map(|n| {
            (
                prop::collection::vec(spec(n), n),
                prop::sample::subsequence(&GOALS[..3], 0..=3),
                prop::option::of(prop_oneof![Just("admin"), Just("finance")]),
                prop::sample::subsequence(&["admin", "finance"][..], 0..=2),
            )
        })
        .prop_map(|(lessons, chosen, role, new_goal_roles)| World {
            lessons,
            chosen,
            role,
            new_goal_roles,
        })
}

fn id(i: usize) -> String {
    format!("l{i}")
}

impl World {
    fn pack(&self) -> Pack {
        let lessons: Vec<_> = self
            .lessons
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let goals: serde_json::Map<String, serde_json::Value> = s
                    .goals
                    .iter()
                    .map(|(g, w)| (GOALS[*g].to_string(), json!(w)))
                    .collect();
                json!({
                    "id": id(i), "title": id(i), "objective": "", "minutes": 1 + i % 4,
                    "why": [], "what": [], "how": [],
                    "goals": goals,
                    "prerequisites": s.prerequisites.iter().map(|&p| id(p)).collect::<Vec<_>>(),
                    "priority": s.priority,
                })
            })
            .collect();
        Pack::from_json(
            &json!({
                "format": pathlight::model::pack::FORMAT, "id": "generated", "title": "Generated",
                "goals": [
                    { "id": "g0", "title": "Goal zero", "roles": ["admin"] },
                    { "id": "g1", "title": "Goal one" },
                    { "id": "g2", "title": "Goal two", "roles": ["finance"] },
                    { "id": "new", "title": "New goal", "roles": self.new_goal_roles },
                ],
                "lessons": lessons,
            })
            .to_string(),
        )
        .unwrap()
    }

    fn progress(&self, chosen: &[&str]) -> Progress {
        let mut p = Progress::default();
        for (i, s) in self.lessons.iter().enumerate() {
            match s.state {
                Learned::Nothing => {}
                Learned::Completed => p.complete(&id(i), Via::Event, NOW - 1),
                Learned::Known => p.know(&id(i), NOW - 1),
                Learned::Snoozed => p.dismiss(&id(i), NOW - 1, NOW - 1 + 3 * DAY_MS),
                Learned::DismissedLongAgo => {
                    p.dismiss(&id(i), NOW - 30 * DAY_MS, NOW - 27 * DAY_MS)
                }
            }
        }
        p.set_goals(chosen.iter().map(|g| g.to_string()).collect(), NOW - 1);
        p
    }

    fn candidates<'a>(&self, pack: &'a Pack) -> Vec<Candidate<'a>> {
        pack.lessons
            .iter()
            .zip(&self.lessons)
            .map(|(lesson, s)| Candidate {
                lesson,
                presence: s.presence,
            })
            .collect()
    }
}

fn ranked<'a>(
    world: &World,
    pack: &'a Pack,
    candidates: &[Candidate<'a>],
    chosen: &[&str],
) -> Vec<Suggestion<'a>> {
    let progress = world.progress(chosen);
    let learner = Learner {
        progress: &progress,
        role: world.role,
        now: NOW,
    };
    rank(pack, candidates, &learner)
}

/// Whether the learner's ranking follows only the goals they chose: with none chosen,
/// coaching may follow a guessed goal, and choosing one replaces the guess (a chosen goal
/// always wins), so a lesson the guess needed may rightly fall behind.
fn follows_only_choices(world: &World, pack: &Pack) -> bool {
    let progress = world.progress(&world.chosen);
    !world.chosen.is_empty() || guess(pack, &progress, world.role).is_none()
}

fn position(ranked: &[Suggestion], id: &str) -> usize {
    ranked.iter().position(|s| s.lesson.id == id).unwrap()
}

/// The world, with lesson 0 new to the learner, ready, and serving only the `new` goal at
/// weight `weight`, and no other lesson serving it more than `others_at_most`.
fn serving_only_new(mut world: World, weight: u8, others_at_most: u8) -> World {
    world.lessons[0].goals = vec![(3, weight)];
    world.lessons[0].prerequisites.clear();
    world.lessons[0].state = Learned::Nothing;
    for s in &mut world.lessons[1..] {
        for (g, w) in &mut s.goals {
            if *g == 3 {
                *w = (*w).min(others_at_most);
            }
        }
    }
    world
}

proptest! {
    #[test]
    fn adding_a_goal_never_ranks_lower_a_lesson_that_serves_only_that_goal(
        world in world(),
        weight in 1..=5u8,
    ) {
        // Lessons serving the goal more than this one may rightly pass it: weights say how
        // much a lesson serves a goal. So the others serve it at most as much.
        let world = serving_only_new(world, weight, weight);
        let pack = world.pack();
        // Found by proptest: with no goal chosen, a guess that needed l0 as a prerequisite
        // ranked it first; choosing `new` ends the guess, and a lesson serving `new` as much
        // at a higher priority rightly passes it.
        prop_assume!(follows_only_choices(&world, &pack));
        let candidates = world.candidates(&pack);
        let before = ranked(&world, &pack, &candidates, &world.chosen);
        let with_new: Vec<&str> = world.chosen.iter().copied().chain(["new"]).collect();
        let after = ranked(&world, &pack, &candidates, &with_new);
        prop_assert!(position(&after, "l0") <= position(&before, "l0"));
        prop_assert!(after[position(&after, "l0")].score > before[position(&before, "l0")].score);
    }

    #[test]
    fn adding_a_goal_lets_only_lessons_moving_the_goals_as_much_pass_a_lesson_serving_only_it(
        world in world(),
        weight in 1..=5u8,
    ) {
        let world = serving_only_new(world, weight, 5);
        let pack = world.pack();
        prop_assume!(follows_only_choices(&world, &pack));
        let candidates = world.candidates(&pack);
        let before = ranked(&world, &pack, &candidates, &world.chosen);
        let with_new: Vec<&str> = world.chosen.iter().copied().chain(["new"]).collect();
        let after = ranked(&world, &pack, &candidates, &with_new);
        let l0 = &after[position(&after, "l0")];
        let value = |s: &Suggestion| s.way.map_or(0, |w| w.value);
        for passed in &after[..position(&after, "l0")] {
            let was_behind = position(&before, &passed.lesson.id) > position(&before, "l0");
            // A lesson passes only by being, like l0, new, ready and on the way, and by
            // unblocking at least as much goal weight.
            let moves_as_much = passed.toward_goal() == 2 && value(passed) >= value(l0);
            prop_assert!(!was_behind || moves_as_much, "{} passed l0", passed.lesson.id);
        }
    }

    #[test]
    fn a_completed_lesson_never_outranks_an_otherwise_equal_uncompleted_one(
        world in world(),
        twin in spec(12),
        open in not_completed(),
    ) {
        let mut world = world;
        // Ids sort the completed twin first, so only the score can put it second.
        let n = world.lessons.len();
        world.lessons.push(Spec { state: Learned::Completed, ..twin.clone() });
        world.lessons.push(Spec { state: open, ..twin });
        let pack = world.pack();
        let (done, open) = (id(n), id(n + 1));
        prop_assume!(done < open);
        let candidates = world.candidates(&pack);
        let ranked = ranked(&world, &pack, &candidates, &world.chosen);
        prop_assert!(position(&ranked, &open) < position(&ranked, &done));
    }

    #[test]
    fn the_same_lessons_in_any_order_rank_the_same(
        (world, order) in world().prop_flat_map(|w| {
            let n = w.lessons.len();
            (Just(w), Just((0..n).collect::<Vec<_>>()).prop_shuffle())
        }),
    ) {
        let pack = world.pack();
        let candidates = world.candidates(&pack);
        let shuffled: Vec<Candidate> = order.iter().map(|&i| candidates[i]).collect();
        prop_assert_eq!(
            ranked(&world, &pack, &candidates, &world.chosen),
            ranked(&world, &pack, &shuffled, &world.chosen)
        );
    }

    #[test]
    fn a_ready_new_lesson_on_the_way_never_ranks_below_one_off_the_way_or_one_waiting(
        world in world(),
    ) {
        let pack = world.pack();
        let candidates = world.candidates(&pack);
        let ranked = ranked(&world, &pack, &candidates, &world.chosen);
        let progress = world.progress(&world.chosen);
        let way = Way::new(&pack, &world.chosen, &progress);
        for (at, s) in ranked.iter().enumerate() {
            let Some(leg) = way.leg(s.lesson) else { continue };
            if !s.fresh || !leg.ready {
                continue;
            }
            for below in &ranked[..at] {
                let off = way.leg(below.lesson).is_none();
                let waiting = way.leg(below.lesson).is_some_and(|w| !w.ready);
                prop_assert!(!off && !waiting, "{} above {}", below.lesson.id, s.lesson.id);
            }
        }
    }

    #[test]
    fn a_lesson_on_the_way_that_is_not_ready_says_what_it_waits_for_and_a_ready_one_what_it_unlocks(
        world in world(),
    ) {
        let pack = world.pack();
        let candidates = world.candidates(&pack);
        let ranked = ranked(&world, &pack, &candidates, &world.chosen);
        let progress = world.progress(&world.chosen);
        for s in ranked.iter().filter(|s| s.way.is_some()) {
            let step = s.way.unwrap();
            let waits_for = s.reasons.iter().find_map(|r| match r {
                pathlight::decide::ranking::Reason::After(p) => Some(*p),
                _ => None,
            });
            prop_assert_eq!(waits_for.is_some(), !step.ready, "{}", s.lesson.id);
            if let Some(p) = waits_for {
                prop_assert!(s.lesson.prerequisites.iter().any(|q| q == p));
                prop_assert!(!progress.state(p).is_done());
            }
            let unlocks = s.reasons.iter().any(|r| matches!(r, pathlight::decide::ranking::Reason::Unlocks(_)));
            prop_assert_eq!(unlocks, step.unlocks.is_some());
        }
    }

    #[test]
    fn of_twins_on_the_way_the_one_on_screen_comes_first(
        world in world(),
        twin in spec(12),
    ) {
        // Equal goal value: the feature in view decides, as it does off the way.
        let mut world = world;
        let n = world.lessons.len();
        // Neither twin is anyone's prerequisite, which would carry that lesson's weight.
        for s in &mut world.lessons {
            s.prerequisites.retain(|&p| p < n);
        }
        let twin = Spec { state: Learned::Nothing, prerequisites: vec![], ..twin };
        world.lessons.push(Spec { presence: Presence::OnPage, ..twin.clone() });
        world.lessons.push(Spec { presence: Presence::Visible, ..twin });
        let pack = world.pack();
        let candidates = world.candidates(&pack);
        let ranked = ranked(&world, &pack, &candidates, &world.chosen);
        prop_assert!(position(&ranked, &id(n + 1)) < position(&ranked, &id(n)));
    }

    #[test]
    fn the_map_lists_each_lesson_once_in_an_order_the_learner_can_follow(
        world in world(),
        goal in 0..GOALS.len(),
    ) {
        // Prerequisites point only to later lessons: no cycle, and pack order is never
        // already the order of the way.
        let mut world = world;
        for (i, s) in world.lessons.iter_mut().enumerate() {
            s.prerequisites.retain(|&p| p > i);
        }
        let pack = world.pack();
        let progress = world.progress(&world.chosen);
        let map = learning_map(&pack, GOALS[goal], &progress).unwrap();
        let ids: Vec<&str> = map.stops.iter().map(|s| s.lesson.id.as_str()).collect();
        for (at, stop) in map.stops.iter().enumerate() {
            prop_assert!(!ids[at + 1..].contains(&stop.lesson.id.as_str()));
            if stop.state.is_done() {
                continue;
            }
            for p in &stop.lesson.prerequisites {
                if pack.lesson(p).is_some() {
                    let before = ids[..at].contains(&p.as_str());
                    prop_assert!(before || progress.state(p).is_done(), "{} before {}", p, stop.lesson.id);
                }
            }
        }
        for lesson in pack.lessons.iter().filter(|l| l.goals.contains_key(GOALS[goal])) {
            prop_assert!(ids.contains(&lesson.id.as_str()));
        }
        prop_assert_eq!(map.next.is_some(), map.lessons_left > 0);
        if let Some(next) = map.next {
            prop_assert!(!map.stops[next].state.is_done());
            prop_assert!(map.stops[..next].iter().all(|s| s.state.is_done()));
        }
        // The next stop is a right next lesson, and none unblocks more of the goal.
        let way = Way::new(&pack, &[GOALS[goal]], &progress);
        if let Some(best) = way.best() {
            let next = map.stops[map.next.unwrap()].lesson;
            let leg = way.leg(next);
            prop_assert!(leg.is_some_and(|s| s.ready && s.value == best), "{} is next", next.id);
        }
    }
}
