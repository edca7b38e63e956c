//! Ranking: which eligible lessons to suggest first, and why.
//!
//! [`rank`] orders the lessons the trigger engine found eligible, and every [`Suggestion`]
//! keeps the [`Reason`]s behind its place so the widget can say why it suggests it.
//! [`Attention`] then caps how many of them the widget puts in front of the learner at once.
//! All of it is deterministic: the same lessons, in any order, come out in the same order.
//!
//! With goals chosen, the [`Way`] to them comes first: new lessons on the way that the
//! learner can take now, the one that unblocks the most goal weight first; then new lessons
//! on the way that wait for another; then the rest by score. The feature on screen and the
//! author's priority order lessons of equal goal value.
//!
//! A learner without chosen goals may have a goal [guessed](crate::decide::coaching) from
//! what they did. A guess weighs less than a choice: only the lessons on its way that the
//! learner can take now come first, and they earn no goal points in the score. A chosen
//! goal always wins: with one, nothing is guessed.

use crate::decide::way::{Leg, Way};
use crate::model::pack::{Goal, Lesson, Pack};
use crate::model::progress::{LessonState, Progress};
use std::cmp::Reverse;

// Points per factor. Being new outweighs the feature on screen and readiness together, so a
// lesson already done sinks below a new one; a goal counts per weight point, so a lesson
// central to a goal beats one that touches it; the author's priority only separates
// lessons that are otherwise close.
const NEW: u32 = 100;
const SNOOZED: u32 = 30;
const KNOWN: u32 = 10;
const PER_GOAL_WEIGHT: u32 = 10;
const VISIBLE: u32 = 40;
const ON_PAGE: u32 = 20;
const READY: u32 = 30;
const FOR_ROLE: u32 = 20;
const PRIORITY_DIVISOR: u8 = 10;

/// Where a lesson's feature is, seen from the learner's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// In view now.
    Visible,
    /// On this page, out of view; also for a lesson without anchor that applies here.
    OnPage,
    /// On another page.
    Elsewhere,
}

/// An eligible lesson and where its feature is.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    /// The Lesson that may be suggested.
    pub lesson: &'a Lesson,
    /// Where its Anchor is on the page, which weighs in the score.
    pub presence: Presence,
}

/// Who the lessons are ranked for.
#[derive(Debug, Clone, Copy)]
pub struct Learner<'a> {
    /// Their progress, which holds the goals they chose.
    pub progress: &'a Progress,
    /// Their role, as the host's `traits.role` gives it.
    pub role: Option<&'a str>,
    /// Milliseconds since the Unix epoch, to tell whether a snooze is over.
    pub now: u64,
}

/// One reason behind a suggestion's place, for the widget to put into words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason<'a> {
    /// Serves a goal the learner chose.
    Goal(&'a Goal),
    /// Needed first by this lesson, which serves a chosen goal more.
    Unlocks(&'a Lesson),
    /// Serves a goal meant for the learner's role.
    Role,
    /// Its feature is in view now.
    OnScreen,
    /// Its feature is on this page.
    OnPage,
    /// Builds on lessons the learner has done or knows.
    Ready,
    /// This prerequisite (a lesson id) is still to do.
    After(&'a str),
    /// The learner snoozed the Lesson.
    Snoozed,
    /// The learner said they know the Lesson.
    Known,
    /// The learner completed the Lesson.
    Completed,
}

/// A lesson in ranked order, with its score and the reasons for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion<'a> {
    /// The suggested Lesson.
    pub lesson: &'a Lesson,
    /// Where its Anchor is on the page.
    pub presence: Presence,
    /// Where the learner is with it.
    pub state: LessonState,
    /// New to the learner: not done, and not set aside now.
    pub fresh: bool,
    /// Its ranking score; higher comes first.
    pub score: u32,
    /// Where it stands on the way to the chosen goals; none when off the way.
    pub way: Option<Leg<'a>>,
    /// The chosen goals first, strongest first, and the lesson it unlocks; then role,
    /// place, readiness and novelty.
    pub reasons: Vec<Reason<'a>>,
}

impl Suggestion<'_> {
    /// How it stands toward the chosen goals, for the order: 2 for a new lesson on the way
    /// that the learner can take now, 1 for one that waits for another, 0 otherwise.
    pub fn toward_goal(&self) -> u8 {
        match self.way {
            Some(leg) if self.fresh => 1 + u8::from(leg.ready),
            _ => 0,
        }
    }

    /// The goal weight it unblocks, when it counts for the order.
    fn goal_value(&self) -> u32 {
        match self.toward_goal() {
            0 => 0,
            _ => self.way.map_or(0, |s| s.value),
        }
    }
}

/// Ranks the eligible lessons: new ones on the way to the chosen goals first (ready, then
/// waiting; each by the goal weight they unblock), then highest score, then highest
/// priority, then by id.
pub fn rank<'a>(
    pack: &'a Pack,
    candidates: &[Candidate<'a>],
    learner: &Learner,
) -> Vec<Suggestion<'a>> {
    let chosen = learner.progress.goals();
    let chosen: Vec<&Goal> = pack
        .goals
        .iter()
        .filter(|g| chosen.contains(&g.id))
        .collect();
    let for_role: Vec<&str> = pack
        .goals
        .iter()
        .filter(|g| {
            learner
                .role
                .is_some_and(|role| g.roles.iter().any(|r| r == role))
        })
        .map(|g| g.id.as_str())
        .collect();
    let guessed = match chosen.is_empty() {
        true => {
            crate::decide::coaching::guess(pack, learner.progress, learner.role).map(|g| g.goal)
        }
        false => None,
    };
    let goals: Vec<&Goal> = match guessed {
        Some(goal) => vec![goal],
        None => chosen,
    };
    let goal_ids: Vec<&str> = goals.iter().map(|g| g.id.as_str()).collect();
    let way = Way::new(pack, &goal_ids, learner.progress);
    let mut ranked: Vec<Suggestion> = candidates
        .iter()
        .map(|c| suggestion(c, &goals, guessed.is_some(), &for_role, &way, learner))
        .collect();
    crate::support::order::sort_by(&mut ranked, |a, b| {
        let key = |s: &Suggestion| (s.toward_goal(), s.goal_value(), s.score, s.lesson.priority);
        key(b)
            .cmp(&key(a))
            .then_with(|| a.lesson.id.cmp(&b.lesson.id))
    });
    ranked
}

fn suggestion<'a>(
    candidate: &Candidate<'a>,
    chosen: &[&'a Goal],
    guessed: bool,
    for_role: &[&str],
    way: &Way<'a>,
    learner: &Learner,
) -> Suggestion<'a> {
    let lesson = candidate.lesson;
    let progress = learner.progress;
    let mut score = u32::from(lesson.priority.min(100) / PRIORITY_DIVISOR);
    let mut reasons = Vec::new();

    let mut served: Vec<(u8, &Goal)> = chosen
        .iter()
        .filter_map(|g| lesson.goals.get(&g.id).map(|w| (*w, *g)))
        .collect();
    crate::support::order::sort_by_key(&mut served, |&(weight, _)| Reverse(weight));
    for (weight, goal) in served {
        if !guessed {
            score += PER_GOAL_WEIGHT * u32::from(weight);
        }
        reasons.push(Reason::Goal(goal));
    }
    let leg = way.leg(lesson).filter(|leg| leg.ready || !guessed);
    if let Some(heavier) = leg.and_then(|s| s.unlocks) {
        reasons.push(Reason::Unlocks(heavier));
    }

    if lesson.goals.keys().any(|g| for_role.contains(&g.as_str())) {
        score += FOR_ROLE;
        reasons.push(Reason::Role);
    }

    match candidate.presence {
        Presence::Visible => {
            score += VISIBLE;
            reasons.push(Reason::OnScreen);
        }
        Presence::OnPage => {
            score += ON_PAGE;
            reasons.push(Reason::OnPage);
        }
        Presence::Elsewhere => {}
    }

    match lesson
        .prerequisites
        .iter()
        .find(|p| !progress.state(p).is_done())
    {
        Some(missing) => reasons.push(Reason::After(missing)),
        None => {
            score += READY;
            // Every lesson without prerequisites is ready: only say so when it means something.
            if !lesson.prerequisites.is_empty() {
                reasons.push(Reason::Ready);
            }
        }
    }

    let state = progress.state(&lesson.id);
    let fresh = !state.is_done() && !state.is_aside(learner.now);
    let (points, reason) = match state {
        LessonState::Completed(_) => (0, Some(Reason::Completed)),
        LessonState::Known => (KNOWN, Some(Reason::Known)),
        _ if !fresh => (SNOOZED, Some(Reason::Snoozed)),
        _ => (NEW, None),
    };
    score += points;
    reasons.extend(reason);

    Suggestion {
        lesson,
        presence: candidate.presence,
        state,
        fresh,
        score,
        way: leg,
        reasons,
    }
}

/// How much the widget may ask of the learner at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attention {
    /// Suggestions for the current screen, at most.
    pub suggestions: usize,
    /// Lessons opened without the learner asking, per session, at most.
    pub auto_opens: usize,
}

impl Default for Attention {
    /// Three suggestions, and nothing opens by itself: interrupting is the host's decision.
    fn default() -> Attention {
        Attention {
            suggestions: 3,
            auto_opens: 0,
        }
    }
}

/// What the learner is doing, as far as interrupting them goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Moment {
    /// Typing in a field of the host app: never open anything over it.
    pub typing: bool,
    /// Lessons already opened without asking in this session.
    pub auto_opened: usize,
}

/// What to show now.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan<'r, 'a> {
    /// New lessons for this screen, best first.
    pub suggest: Vec<&'r Suggestion<'a>>,
    /// The best of them, to open at once: its feature in view and its card never shown.
    pub auto_open: Option<&'a Lesson>,
}

impl Attention {
    /// Picks from `ranked` (as [`rank`] returns it) what to show at this moment; `shows` counts
    /// the times a lesson was offered before.
    pub fn plan<'r, 'a>(
        &self,
        ranked: &'r [Suggestion<'a>],
        shows: impl Fn(&str) -> u32,
        moment: Moment,
    ) -> Plan<'r, 'a> {
        let suggest: Vec<&Suggestion> = ranked
            .iter()
            .filter(|s| s.fresh && s.presence != Presence::Elsewhere)
            .take(self.suggestions)
            .collect();
        let auto_open = suggest
            .first()
            .filter(|s| {
                !moment.typing
                    && moment.auto_opened < self.auto_opens
                    && s.presence == Presence::Visible
                    && shows(&s.lesson.id) == 0
            })
            .map(|s| s.lesson);
        Plan { suggest, auto_open }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::progress::{Via, DAY_MS};
    use crate::model::test_pack::{lesson, pack, NOW};
    use serde_json::json;

    /// The ids in ranked order, with the features of `visible` in view and the rest on the page.
    fn order(
        pack: &Pack,
        progress: &Progress,
        role: Option<&str>,
        visible: &[&str],
    ) -> Vec<String> {
        ranked(pack, progress, role, visible)
            .iter()
            .map(|s| s.lesson.id.clone())
            .collect()
    }

    fn ranked<'a>(
        pack: &'a Pack,
        progress: &Progress,
        role: Option<&str>,
        visible: &[&str],
    ) -> Vec<Suggestion<'a>> {
        let candidates: Vec<Candidate> = pack
            .lessons
            .iter()
            .map(|lesson| Candidate {
                lesson,
                presence: if visible.contains(&lesson.id.as_str()) {
                    Presence::Visible
                } else {
                    Presence::OnPage
                },
            })
            .collect();
        let learner = Learner {
            progress,
            role,
            now: NOW,
        };
        rank(pack, &candidates, &learner)
    }

    fn with_goals(goals: &[&str]) -> Progress {
        let mut p = Progress::default();
        p.set_goals(goals.iter().map(|g| g.to_string()).collect(), NOW);
        p
    }

    #[test]
    fn a_lesson_for_a_chosen_goal_ranks_above_one_for_another_goal() {
        let pack = pack(json!([
            lesson("a", json!({ "goals": { "close": 3 } })),
            lesson("b", json!({ "goals": { "paid": 3 } })),
        ]));
        assert_eq!(order(&pack, &with_goals(&["paid"]), None, &[]), ["b", "a"]);
        assert_eq!(order(&pack, &with_goals(&["close"]), None, &[]), ["a", "b"]);
    }

    #[test]
    fn a_heavier_goal_weight_ranks_higher() {
        let pack = pack(json!([
            lesson("a", json!({ "goals": { "paid": 2 } })),
            lesson("b", json!({ "goals": { "paid": 5 } })),
        ]));
        assert_eq!(order(&pack, &with_goals(&["paid"]), None, &[]), ["b", "a"]);
    }

    #[test]
    fn a_lesson_serving_two_chosen_goals_ranks_above_one_serving_one() {
        let pack = pack(json!([
            lesson("a", json!({ "goals": { "paid": 3 } })),
            lesson("b", json!({ "goals": { "paid": 3, "close": 1 } })),
        ]));
        let progress = with_goals(&["paid", "close"]);
        assert_eq!(order(&pack, &progress, None, &[]), ["b", "a"]);
    }

    #[test]
    fn a_chosen_goal_missing_from_the_pack_is_ignored() {
        let pack = pack(json!([lesson("a", json!({ "goals": { "gone": 5 } }))]));
        let s = &ranked(&pack, &with_goals(&["gone"]), None, &[])[0];
        assert!(!s.reasons.iter().any(|r| matches!(r, Reason::Goal(_))));
    }

    #[test]
    fn a_visible_feature_beats_one_on_the_page_which_beats_one_elsewhere() {
        let pack = pack(json!([
            lesson("a", json!({})),
            lesson("b", json!({})),
            lesson("c", json!({}))
        ]));
        let presences = [Presence::Elsewhere, Presence::Visible, Presence::OnPage];
        let candidates: Vec<Candidate> = pack
            .lessons
            .iter()
            .zip(presences)
            .map(|(lesson, presence)| Candidate { lesson, presence })
            .collect();
        let progress = Progress::default();
        let learner = Learner {
            progress: &progress,
            role: None,
            now: NOW,
        };
        let ids: Vec<&str> = rank(&pack, &candidates, &learner)
            .iter()
            .map(|s| s.lesson.id.as_str())
            .collect();
        assert_eq!(ids, ["b", "c", "a"]);
    }

    #[test]
    fn a_lesson_whose_prerequisites_are_done_or_known_ranks_above_one_still_waiting() {
        let pack = pack(json!([
            lesson("a", json!({ "prerequisites": ["x"] })),
            lesson("b", json!({ "prerequisites": ["y", "z"] })),
        ]));
        let mut progress = Progress::default();
        progress.complete("y", Via::Event, NOW);
        progress.know("z", NOW);
        assert_eq!(order(&pack, &progress, None, &[]), ["b", "a"]);
        let waiting = &ranked(&pack, &progress, None, &[])[1];
        assert!(waiting.reasons.contains(&Reason::After("x")));
    }

    #[test]
    fn new_beats_snoozed_beats_known_beats_completed() {
        let pack = pack(json!([
            lesson("completed", json!({})),
            lesson("known", json!({})),
            lesson("new", json!({})),
            lesson("snoozed", json!({})),
        ]));
        let mut progress = Progress::default();
        progress.complete("completed", Via::Click, NOW);
        progress.know("known", NOW);
        progress.dismiss("snoozed", NOW, NOW + DAY_MS);
        assert_eq!(
            order(&pack, &progress, None, &[]),
            ["new", "snoozed", "known", "completed"]
        );
    }

    #[test]
    fn a_dismissal_whose_snooze_is_over_is_new_again() {
        let pack = pack(json!([lesson("a", json!({}))]));
        let mut progress = Progress::default();
        progress.dismiss("a", NOW - 2 * DAY_MS, NOW - DAY_MS);
        assert!(ranked(&pack, &progress, None, &[])[0].fresh);
    }

    #[test]
    fn a_lesson_for_a_goal_meant_for_the_learners_role_ranks_higher() {
        let pack = pack(json!([
            lesson("a", json!({ "goals": { "close": 3 } })),
            lesson("b", json!({ "goals": { "setup": 3 } })),
            lesson("c", json!({ "goals": { "paid": 3 } })),
        ]));
        let none = Progress::default();
        assert_eq!(order(&pack, &none, Some("admin"), &[]), ["b", "a", "c"]);
        assert_eq!(order(&pack, &none, Some("finance"), &[]), ["c", "a", "b"]);
        assert_eq!(order(&pack, &none, None, &[]), ["a", "b", "c"]);
    }

    #[test]
    fn priority_never_outweighs_a_chosen_goal() {
        let pack = pack(json!([
            lesson("a", json!({ "priority": 10 })),
            lesson("b", json!({ "priority": 90 })),
            lesson("c", json!({ "priority": 0, "goals": { "paid": 1 } })),
        ]));
        // c's weakest goal (10 points) still beats b's top priority (9 points).
        assert_eq!(
            order(&pack, &with_goals(&["paid"]), None, &[]),
            ["c", "b", "a"]
        );
    }

    #[test]
    fn equal_scores_fall_back_to_priority_then_id() {
        let pack = pack(json!([
            lesson("b", json!({ "priority": 51 })),
            lesson("c", json!({ "priority": 50 })),
            lesson("a", json!({ "priority": 50 })),
        ]));
        // 51 and 50 score the same (5 points each), so the raw priority decides first.
        assert_eq!(
            order(&pack, &Progress::default(), None, &[]),
            ["b", "a", "c"]
        );
    }

    #[test]
    fn reasons_list_the_goals_strongest_first_then_role_place_and_readiness() {
        let pack = pack(json!([
            lesson("first", json!({})),
            lesson(
                "a",
                json!({ "goals": { "close": 5, "paid": 2 }, "prerequisites": ["first"] })
            ),
        ]));
        let progress = with_goals(&["paid", "close"]);
        let ranked = ranked(&pack, &progress, Some("finance"), &["a"]);
        let a = ranked.iter().find(|s| s.lesson.id == "a").unwrap();
        let goal = |id: &str| Reason::Goal(pack.goals.iter().find(|g| g.id == id).unwrap());
        assert_eq!(
            a.reasons,
            [
                goal("close"),
                goal("paid"),
                Reason::Role,
                Reason::OnScreen,
                Reason::After("first")
            ]
        );
        let first = ranked.iter().find(|s| s.lesson.id == "first").unwrap();
        assert_eq!(first.reasons[0], Reason::Unlocks(pack.lesson("a").unwrap()));
    }

    /// The demo's problem in small: the heavy goal lesson waits for a lesson that serves no
    /// goal, and an unrelated lesson is on screen.
    fn chain() -> Pack {
        pack(json!([
            lesson("unrelated", json!({ "priority": 100 })),
            lesson("create", json!({})),
            lesson(
                "send",
                json!({ "goals": { "paid": 5 }, "prerequisites": ["create"] })
            ),
            lesson("filter", json!({ "goals": { "paid": 1 } })),
        ]))
    }

    #[test]
    fn a_prerequisite_of_a_goal_lesson_outranks_lessons_off_the_way_even_on_screen() {
        // Bug pinned: goal points went only to lessons naming the goal, so `create` ranked
        // with the unrelated lessons while `send`, which the learner cannot take yet, led.
        let pack = chain();
        let progress = with_goals(&["paid"]);
        assert_eq!(
            order(&pack, &progress, None, &["unrelated"]),
            ["create", "filter", "send", "unrelated"]
        );
        let ranked = ranked(&pack, &progress, None, &["unrelated"]);
        assert_eq!(
            ranked[0].reasons[0],
            Reason::Unlocks(pack.lesson("send").unwrap())
        );
        assert!(ranked[2].reasons.contains(&Reason::After("create")));
    }

    #[test]
    fn without_goals_the_way_changes_nothing() {
        let pack = chain();
        assert_eq!(
            order(&pack, &Progress::default(), None, &["unrelated"]),
            ["unrelated", "create", "filter", "send"]
        );
    }

    #[test]
    fn once_the_prerequisite_is_done_the_goal_lesson_leads() {
        let pack = chain();
        let mut progress = with_goals(&["paid"]);
        progress.complete("create", Via::Event, NOW);
        assert_eq!(
            order(&pack, &progress, None, &[]),
            ["send", "filter", "unrelated", "create"]
        );
    }

    #[test]
    fn the_screen_then_priority_order_lessons_of_equal_goal_value() {
        let pack = pack(json!([
            lesson("a", json!({ "goals": { "paid": 3 }, "priority": 90 })),
            lesson("b", json!({ "goals": { "paid": 3 }, "priority": 10 })),
            lesson("c", json!({ "goals": { "paid": 3 }, "priority": 50 })),
        ]));
        let progress = with_goals(&["paid"]);
        assert_eq!(order(&pack, &progress, None, &["b"]), ["b", "a", "c"]);
    }

    fn screen() -> Pack {
        pack(json!([
            lesson("a", json!({ "priority": 90 })),
            lesson("b", json!({ "priority": 80 })),
            lesson("c", json!({ "priority": 70 })),
            lesson("d", json!({ "priority": 60 })),
            lesson("done", json!({ "priority": 100 })),
        ]))
    }

    fn plan_ids<'a>(plan: &Plan<'_, 'a>) -> (Vec<&'a str>, Option<&'a str>) {
        (
            plan.suggest.iter().map(|s| s.lesson.id.as_str()).collect(),
            plan.auto_open.map(|l| l.id.as_str()),
        )
    }

    #[test]
    fn at_most_three_new_suggestions_and_nothing_opens_by_default() {
        let pack = screen();
        let mut progress = Progress::default();
        progress.complete("done", Via::Event, NOW);
        let ranked = ranked(&pack, &progress, None, &["a", "done"]);
        let plan = Attention::default().plan(&ranked, |id| progress.shows(id), Moment::default());
        assert_eq!(plan_ids(&plan), (vec!["a", "b", "c"], None));
    }

    #[test]
    fn lessons_elsewhere_are_never_suggested_for_this_screen() {
        let pack = screen();
        let candidates: Vec<Candidate> = pack
            .lessons
            .iter()
            .map(|lesson| Candidate {
                lesson,
                presence: Presence::Elsewhere,
            })
            .collect();
        let progress = Progress::default();
        let learner = Learner {
            progress: &progress,
            role: None,
            now: NOW,
        };
        let ranked = rank(&pack, &candidates, &learner);
        let plan = Attention::default().plan(&ranked, |id| progress.shows(id), Moment::default());
        assert!(plan.suggest.is_empty());
    }

    #[test]
    fn auto_open_stays_within_the_sessions_budget_and_never_while_typing() {
        let pack = screen();
        let progress = Progress::default();
        let ranked = ranked(&pack, &progress, None, &["a"]);
        let one = Attention {
            auto_opens: 1,
            ..Attention::default()
        };
        let open = |moment| plan_ids(&one.plan(&ranked, |id| progress.shows(id), moment)).1;
        assert_eq!(open(Moment::default()), Some("a"));
        assert_eq!(
            open(Moment {
                typing: true,
                auto_opened: 0
            }),
            None
        );
        assert_eq!(
            open(Moment {
                typing: false,
                auto_opened: 1
            }),
            None
        );
    }

    #[test]
    fn auto_open_needs_the_feature_in_view_and_a_card_never_shown() {
        let pack = screen();
        let one = Attention {
            auto_opens: 1,
            ..Attention::default()
        };
        let progress = Progress::default();
        let out_of_view = ranked(&pack, &progress, None, &[]);
        assert_eq!(
            one.plan(&out_of_view, |id| progress.shows(id), Moment::default())
                .auto_open,
            None
        );
        let mut shown = Progress::default();
        shown.record_show("a", NOW);
        let in_view = ranked(&pack, &shown, None, &["a"]);
        assert_eq!(
            one.plan(&in_view, |id| shown.shows(id), Moment::default())
                .auto_open,
            None
        );
    }
}
