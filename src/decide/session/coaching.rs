//! Coaching in the session: the goal the panel names for a learner who never picked one,
//! and their answers to it, "Yes" and "Not this" (see [`crate::decide::coaching`]).

use super::effects::{event, Effects};
use super::Session;
use crate::api::lifecycle::EventKind;
use crate::decide::coaching;
use crate::model::pack::Goal;
use crate::support::json::Json;

impl Session {
    /// The goal the panel names: "Looks like you're working on …", when one clearly leads.
    pub fn guessed_goal(&self) -> Option<&Goal> {
        coaching::guess(&self.pack, &self.progress, self.role())
            .filter(|g| g.clear)
            .map(|g| g.goal)
    }

    /// The id of the goal the panel names.
    pub fn guessed_id(&self) -> Option<String> {
        self.guessed_goal().map(|g| g.id.clone())
    }

    /// After any change: tells the host when coaching names another goal than it last did.
    /// The widget calls it once per change, where it carries out the effects, so that it
    /// carries one copy rather than one per kind of change.
    pub fn announce_guess(&mut self, effects: &mut Effects) {
        let now = self.guessed_id();
        if now != self.guessed {
            if let Some(goal) = &now {
                let id = Json::from(goal.as_str());
                effects
                    .emit
                    .push(event(EventKind::GoalGuessed, &[("goal", id)]));
            }
            self.guessed = now;
        }
    }

    /// Runs `change`, then tells the host when it made coaching name another goal.
    #[cfg(test)]
    pub(crate) fn noticing_guess(
        &mut self,
        change: impl FnOnce(&mut Session) -> Effects,
    ) -> Effects {
        self.guessed = self.guessed_id();
        let mut effects = change(self);
        self.announce_guess(&mut effects);
        effects
    }

    /// "Yes": the guessed goal becomes the learner's chosen goal.
    pub fn accept_guess(&mut self, now: u64) -> Effects {
        let Some(goal) = self.guessed_id() else {
            return Effects::default();
        };
        let mut effects = self.set_goals(vec![goal], now);
        for emit in &mut effects.emit {
            if emit.kind == EventKind::GoalChanged {
                emit.detail.retain(|(name, _)| *name != "guessed");
                emit.detail.push(("guessed", Json::Bool(true)));
            }
        }
        effects
    }

    /// "Not this": coaching never guesses this goal again for this learner.
    pub fn reject_guess(&mut self, now: u64) -> Effects {
        let Some(goal) = self.guessed_id() else {
            return Effects::default();
        };
        let at = self.tick(now);
        self.progress.reject_goal(&goal, at);
        Effects {
            save: self.save(),
            ..Effects::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::NOW;
    use super::super::Options;
    use super::*;
    use crate::model::progress::{Progress, Via};
    use crate::model::test_pack::{lesson, pack};
    use serde_json::json;
    use std::sync::Arc;

    fn coached() -> Session {
        let pack = pack(json!([
            lesson("a", json!({ "goals": { "paid": 3 } })),
            lesson("b", json!({ "goals": { "paid": 3 } })),
            lesson("c", json!({ "goals": { "paid": 3 } })),
            lesson("d", json!({ "goals": { "close": 3 } })),
        ]));
        let mut progress = Progress::default();
        for id in ["a", "b"] {
            progress.complete(id, Via::Click, NOW);
        }
        Session::new(Arc::new(pack), Options::default(), progress, "/", NOW)
    }

    fn kinds(effects: &Effects) -> Vec<(EventKind, Vec<(&'static str, Json)>)> {
        effects
            .emit
            .iter()
            .map(|e| (e.kind, e.detail.clone()))
            .collect()
    }

    #[test]
    fn the_third_lesson_on_a_goals_way_names_it_once() {
        let mut s = coached();
        assert_eq!(s.guessed_goal(), None);
        let effects = s.noticing_guess(|s| {
            s.progress.complete("c", Via::Click, NOW);
            Effects::default()
        });
        assert_eq!(
            kinds(&effects),
            [(EventKind::GoalGuessed, vec![("goal", Json::from("paid"))])]
        );
        assert!(s.noticing_guess(|_| Effects::default()).emit.is_empty());
    }

    #[test]
    fn yes_chooses_the_guess_and_clearing_the_goals_guesses_again() {
        let mut s = coached();
        s.progress.complete("c", Via::Click, NOW);
        let effects = s.accept_guess(NOW);
        assert_eq!(s.progress().goals(), ["paid".to_string()]);
        assert_eq!(
            kinds(&effects),
            [(
                EventKind::GoalChanged,
                vec![
                    ("goals", Json::Array(vec![Json::from("paid")])),
                    ("guessed", Json::Bool(true))
                ]
            )]
        );
        assert_eq!(s.guessed_goal(), None, "a chosen goal always wins");
        s.set_goals(vec![], NOW);
        assert_eq!(s.guessed_goal().map(|g| g.id.as_str()), Some("paid"));
    }

    #[test]
    fn not_this_is_saved_and_never_guessed_again() {
        let mut s = coached();
        s.progress.complete("c", Via::Click, NOW);
        let effects = s.reject_guess(NOW);
        assert!(effects.save.unwrap().progress.rejected("paid"));
        assert_eq!(s.guessed_goal(), None);
        assert_eq!(s.accept_guess(NOW), Effects::default());
    }
}
