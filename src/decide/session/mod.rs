//! One learner's session on one page: the pack, their progress, who they are, and this
//! page visit. Every host command and page event is a method that changes the session and
//! returns the [`Effects`] the browser edge carries out: what to store and where, what to
//! tell the host, and what to warn about. What to show is the session itself ([`Surface`],
//! [`Session::offer`]).
//!
//! Nothing here touches the browser, so every rule that keeps progress safe (merges on
//! save, resets that last, identify never mixing learners) is tested natively.
//!
//! The session's parts, each in its own file: [`effects`] (what the edge carries out),
//! [`offer`] (what is offered, and why), [`facts`] (what the page shows), [`sync`] (whose
//! progress, kept in step with every copy) and [`keys`] (where progress is stored). This
//! file holds the session itself and the learner's commands.

mod clips;
pub mod closing;
mod coaching;
pub mod effects;
pub mod facts;
#[cfg(test)]
pub(crate) mod fixture;
pub mod keys;
pub mod offer;
pub mod sync;

pub use closing::Closing;
pub use effects::{Effects, Emit, Save};
pub use facts::AnchorFacts;
pub use offer::{Offer, Suggested};

use crate::api::lifecycle::EventKind;
use crate::decide::ranking::Attention;
use crate::i18n::{self, Strings};
use crate::model::layer::Layer;
use crate::model::pack::{Completion, Lesson, Pack};
use crate::model::progress::{Progress, Via};
use crate::model::trigger::Traits;
use crate::support::json::Json;
use effects::event;
use facts::Visit;
use std::sync::Arc;

/// Which surface the learner sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Surface {
    /// Nothing open: only Beacons show.
    Closed,
    /// The Lesson panel is open.
    Panel,
    /// A lesson card; `from_panel` offers the way back to the list, and `by_itself` says
    /// the card came up without the learner asking, so it must not take focus.
    Lesson {
        /// The open Lesson's id.
        id: String,
        /// The card was opened from the panel.
        from_panel: bool,
        /// The card came up through a Trigger, not the learner.
        by_itself: bool,
    },
}

/// How the host set the session up.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Host's id for the learner; none stays anonymous.
    pub user: Option<String>,
    /// Traits Triggers and ranking test.
    pub traits: Traits,
    /// How many Beacons and cards may compete for the learner's attention.
    pub attention: Attention,
    /// The learner's language, a BCP 47 tag: the reasons for suggestions are put into its
    /// words (English when the widget does not speak it).
    pub locale: String,
    /// Author mode's preview: progress is kept apart from the learner's own
    /// ([`keys::preview_key`]), so simulating a learner never touches real data.
    pub preview: bool,
}

/// One learner's session.
#[derive(Debug)]
pub struct Session {
    pub(crate) pack: Arc<Pack>,
    /// The widget's words in the learner's language.
    t: &'static Strings,
    preview: bool,
    pub(crate) attention: Attention,
    user: Option<String>,
    traits: Traits,
    progress: Progress,
    visit: Visit,
    surface: Surface,
    /// Lessons opened without the learner asking, this session.
    auto_opened: usize,
    /// The last completion, for the acknowledgement.
    just_completed: Option<String>,
    /// The latest time handed out: times recorded by one session only go forward, so two
    /// events in the same millisecond both count and nothing recorded after a reset is
    /// taken for something before it.
    last_tick: u64,
    /// The goal coaching named last, so that the host hears of each new guess once.
    guessed: Option<String>,
}

impl Session {
    /// Starts a session on `url` with the progress stored for `options.user`.
    pub fn new(pack: Arc<Pack>, options: Options, stored: Progress, url: &str, now: u64) -> Self {
        let last_tick = now.max(stored.latest());
        let mut session = Session {
            pack,
            t: i18n::strings(&options.locale),
            preview: options.preview,
            attention: options.attention,
            user: options.user.filter(|u| !u.is_empty()),
            traits: options.traits,
            progress: stored,
            visit: Visit {
                url: url.to_owned(),
                entered: now,
                ..Visit::default()
            },
            surface: Surface::Closed,
            auto_opened: 0,
            just_completed: None,
            last_tick,
            guessed: None,
        };
        // A guess stored from an earlier visit is not news.
        session.guessed = session.guessed_id();
        session
    }

    /// The Pack the Session runs.
    pub fn pack(&self) -> &Arc<Pack> {
        &self.pack
    }

    /// Puts a new edition of the pack in place (author mode, on each build of
    /// `pathlight dev`): progress, the page and the open lesson stay; a lesson that is gone
    /// closes its card.
    pub fn replace_pack(&mut self, pack: Arc<Pack>) {
        self.pack = pack;
        if let Surface::Lesson { id, .. } = &self.surface {
            if self.pack.lesson(id).is_none() {
                self.surface = Surface::Closed;
            }
        }
    }

    /// The learner's Progress.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// What the widget shows now.
    pub fn surface(&self) -> &Surface {
        &self.surface
    }

    /// The Lesson just completed, for the celebration and the next suggestion.
    pub fn just_completed(&self) -> Option<&str> {
        self.just_completed.as_deref()
    }

    /// The learner's id and traits, as the host set them.
    pub fn user(&self) -> (Option<&str>, &Traits) {
        (self.user.as_deref(), &self.traits)
    }

    /// The learner's role, as the host's `traits.role` gives it.
    pub fn role(&self) -> Option<&str> {
        self.traits.get("role").and_then(Json::as_str)
    }

    /// The lesson on the card, if a card is open.
    pub fn lesson_on_card(&self) -> Option<&Lesson> {
        match &self.surface {
            Surface::Lesson { id, .. } => self.pack.lesson(id),
            _ => None,
        }
    }

    /// The layer the learner prefers, for the next card.
    pub fn preferred_layer(&self) -> Layer {
        self.progress.preferred_layer().unwrap_or_default()
    }

    /// Whether some lesson waits for time on the page, which no DOM event reports.
    pub fn needs_clock(&self) -> bool {
        self.pack
            .lessons
            .iter()
            .any(|l| l.when.as_ref().is_some_and(|t| t.rule.uses_time_on_page()))
    }

    /// A time for something recorded now: never before one handed out already.
    fn tick(&mut self, now: u64) -> u64 {
        self.last_tick = now.max(self.last_tick + 1);
        self.last_tick
    }

    // Host commands.

    /// `track`: the host reports something the learner did. Only events that some trigger
    /// or completion counts are kept, so storage stays bounded whatever the host tracks.
    pub fn track(&mut self, name: &str, now: u64) -> Effects {
        let counted = self.pack.lessons.iter().any(|l| {
            matches!(&l.complete, Some(Completion::Event(e)) if e == name)
                || l.when.as_ref().is_some_and(|t| t.rule.counts_event(name))
        });
        let mut effects = Effects::default();
        if counted {
            let at = self.tick(now);
            self.progress.record_event(name, at);
            effects.save = self.save();
        }
        let due = self.due(|rule| matches!(rule, Completion::Event(e) if e == name));
        self.complete(due, Via::Event, now, &mut effects);
        effects
    }

    /// `open`, a beacon, a suggestion or a connection: opens a lesson's card.
    pub fn open(&mut self, id: &str, now: u64) -> Effects {
        self.open_card(id, false, now)
    }

    /// Opens a lesson without being asked, counting it against the session's budget.
    pub fn open_by_itself(&mut self, id: &str, now: u64) -> Effects {
        self.auto_opened += 1;
        self.open_card(id, true, now)
    }

    fn open_card(&mut self, id: &str, by_itself: bool, now: u64) -> Effects {
        let mut effects = Effects::default();
        if self.pack.lesson(id).is_none() {
            effects.warn.push(format!(
                "there is no lesson `{id}` in the pack; check the id given to open."
            ));
            return effects;
        }
        let from_panel = match &self.surface {
            Surface::Closed => false,
            Surface::Panel => true,
            Surface::Lesson { from_panel, .. } => *from_panel,
        };
        self.just_completed = None;
        self.surface = Surface::Lesson {
            id: id.to_owned(),
            from_panel,
            by_itself,
        };
        effects
            .emit
            .push(event(EventKind::Opened, &[("lesson", id.into())]));
        let layer = self.preferred_layer();
        effects.merge(self.show_layer(layer, now));
        effects
    }

    /// `close`, Esc or ×: closes whatever is open.
    pub fn close(&mut self) -> Effects {
        self.surface = Surface::Closed;
        Effects::default()
    }

    /// The launcher: opens the lesson list, or closes what is open.
    pub fn toggle_panel(&mut self) -> Effects {
        let mut effects = Effects::default();
        if self.surface == Surface::Closed {
            self.just_completed = None;
            self.surface = Surface::Panel;
            effects.emit.push(event(EventKind::PanelOpened, &[]));
        } else {
            self.surface = Surface::Closed;
        }
        effects
    }

    /// "Back" from a card to the lesson list.
    pub fn back(&mut self) -> Effects {
        self.surface = Surface::Panel;
        Effects::default()
    }

    /// The learner put the acknowledgement away.
    pub fn dismiss_toast(&mut self) {
        self.just_completed = None;
    }

    /// "Not now": closes the lesson and sets it aside until its snooze ends, or for good.
    pub fn dismiss(&mut self, id: &str, now: u64) -> Effects {
        let Some(lesson) = self.pack.lesson(id) else {
            return Effects::default();
        };
        let frequency = lesson
            .when
            .as_ref()
            .map(|t| t.frequency)
            .unwrap_or_default();
        let at = self.tick(now);
        self.progress.dismiss(id, at, frequency.snooze_until(at));
        self.surface = Surface::Closed;
        Effects {
            save: self.save(),
            emit: vec![event(EventKind::Dismissed, &[("lesson", id.into())])],
            ..Effects::default()
        }
    }

    /// "I know this": done, but not earned by doing; kept apart from completed.
    pub fn know(&mut self, id: &str, now: u64) -> Effects {
        if self.pack.lesson(id).is_none() {
            return Effects::default();
        }
        let at = self.tick(now);
        self.progress.know(id, at);
        self.surface = Surface::Closed;
        Effects {
            save: self.save(),
            emit: vec![event(EventKind::Known, &[("lesson", id.into())])],
            ..Effects::default()
        }
    }

    /// `setGoals` or the goal picker: the goals the learner chose, in their order. Ids the
    /// pack does not have are left out, with a warning.
    pub fn set_goals(&mut self, goals: Vec<String>, now: u64) -> Effects {
        let (known, unknown): (Vec<String>, Vec<String>) = goals
            .into_iter()
            .partition(|g| self.pack.goals.iter().any(|x| &x.id == g));
        let mut effects = Effects::default();
        if !unknown.is_empty() {
            effects.warn.push(format!(
                "setGoals: the pack has no goal {}; they were left out.",
                unknown.join(", ")
            ));
        }
        let at = self.tick(now);
        let list = Json::Array(known.iter().map(|g| g.as_str().into()).collect());
        self.progress.set_goals(known, at);
        effects.save = self.save();
        effects.emit.push(event(
            EventKind::GoalChanged,
            &[("goals", list), ("guessed", Json::Bool(false))],
        ));
        effects
    }

    /// Whether to offer the goal picker: until the learner answers it once, even with "skip".
    pub fn asks_for_goals(&self) -> bool {
        !self.pack.goals.is_empty() && !self.progress.goals_chosen()
    }

    /// The learner is done with the goal picker: choosing nothing counts as an answer.
    pub fn close_goals(&mut self, now: u64) -> Effects {
        if self.progress.goals_chosen() {
            return Effects::default();
        }
        let at = self.tick(now);
        self.progress.set_goals(Vec::new(), at);
        Effects {
            save: self.save(),
            ..Effects::default()
        }
    }

    /// The learner picked a layer: show it, and open their next lessons on it too.
    pub fn view_layer(&mut self, layer: Layer, now: u64) -> Effects {
        let at = self.tick(now);
        self.progress.set_preferred_layer(layer, at);
        let mut effects = self.show_layer(layer, now);
        effects.save = self.save();
        effects
    }

    fn show_layer(&mut self, layer: Layer, now: u64) -> Effects {
        let Surface::Lesson { id, .. } = self.surface.clone() else {
            return Effects::default();
        };
        let at = self.tick(now);
        self.progress.record_layer(&id, layer, at);
        Effects {
            save: self.save(),
            emit: vec![event(
                EventKind::LayerViewed,
                &[
                    ("lesson", id.as_str().into()),
                    ("layer", layer.key().into()),
                ],
            )],
            ..Effects::default()
        }
    }

    /// "Show me": the learner asked for How step `index` (from 0) of the open lesson.
    pub fn show_step(&self, index: usize) -> Effects {
        let Surface::Lesson { id, .. } = &self.surface else {
            return Effects::default();
        };
        Effects {
            emit: vec![event(
                EventKind::StepShown,
                &[
                    ("lesson", id.as_str().into()),
                    ("step", Json::Number(index as f64 + 1.0)),
                ],
            )],
            ..Effects::default()
        }
    }

    /// `reset`: forgets this learner's progress in this pack, here, in every tab that
    /// later merges with it, and in the vendor's backend.
    pub fn reset(&mut self, now: u64) -> Effects {
        let at = self.tick(now);
        self.progress.reset(at);
        self.just_completed = None;
        self.visit.shown.clear();
        Effects {
            save: self.save(),
            ..Effects::default()
        }
    }
    /// The lessons not done yet whose completion rule `matches`.
    fn due(&self, matches: impl Fn(&Completion) -> bool) -> Vec<String> {
        self.pack
            .lessons
            .iter()
            .filter(|l| {
                l.complete.as_ref().is_some_and(&matches) && !self.progress.state(&l.id).is_done()
            })
            .map(|l| l.id.clone())
            .collect()
    }

    fn complete(&mut self, due: Vec<String>, via: Via, now: u64, effects: &mut Effects) {
        for id in due {
            let at = self.tick(now);
            self.progress.complete(&id, via, at);
            // The learner did it: the card has done its job.
            let on_card = matches!(&self.surface, Surface::Lesson { id: open, .. } if *open == id);
            if on_card {
                self.surface = Surface::Closed;
            }
            effects.save = self.save();
            effects.emit.push(event(
                EventKind::Completed,
                &[("lesson", id.as_str().into()), ("how", via.name().into())],
            ));
            if on_card {
                effects.emit.push(closing::closed(&id, Closing::Completed));
            }
            self.just_completed = Some(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::{completed, session, NOW};
    use super::*;
    use crate::model::progress::LessonState;

    #[test]
    fn a_new_edition_of_the_pack_keeps_the_open_lesson_and_closes_one_that_is_gone() {
        let mut s = session(None, Progress::default());
        let _ = s.open("reports", NOW);
        let mut edited = (**s.pack()).clone();
        edited.lessons[2].title = "Reports, edited".into();
        s.replace_pack(Arc::new(edited.clone()));
        assert_eq!(s.lesson_on_card().unwrap().title, "Reports, edited");
        edited.lessons.remove(2);
        s.replace_pack(Arc::new(edited));
        assert_eq!(s.surface(), &Surface::Closed);
    }

    #[test]
    fn a_tracked_event_completes_its_lesson_once_and_asks_for_a_save() {
        let mut s = session(None, Progress::default());
        let effects = s.track("invoice_created", NOW);
        assert_eq!(completed(&effects), ["create"]);
        assert_eq!(
            effects.save.as_ref().unwrap().key,
            "pathlight:acme:anonymous"
        );
        assert!(s.progress().state("create").is_done());
        assert_eq!(s.just_completed(), Some("create"));
        assert!(completed(&s.track("invoice_created", NOW)).is_empty());
    }

    // Bug: two `track` calls in the same millisecond counted once.
    #[test]
    fn two_tracks_in_the_same_millisecond_both_count() {
        let mut s = session(None, Progress::default());
        s.track("invoice_created", NOW);
        s.track("invoice_created", NOW);
        assert_eq!(s.progress().event_count("invoice_created", 0), 2);
    }

    // Bug: any event name the host tracked was stored, so storage grew without bound.
    #[test]
    fn only_events_some_trigger_or_completion_counts_are_kept() {
        let mut s = session(None, Progress::default());
        let effects = s.track("page_scrolled", NOW);
        assert_eq!(effects, Effects::default());
        assert_eq!(s.progress(), &Progress::default());
    }

    #[test]
    fn a_dismissal_stores_the_snooze_end_from_the_trigger() {
        let mut s = session(None, Progress::default());
        s.dismiss("send", NOW);
        let LessonState::Dismissed { until } = s.progress().state("send") else {
            panic!("dismissed");
        };
        assert!(until >= NOW + 2 * crate::model::progress::DAY_MS);
        s.dismiss("create", NOW);
        assert_eq!(
            s.progress().state("create"),
            LessonState::Dismissed {
                until: crate::model::progress::FOR_GOOD
            }
        );
    }

    #[test]
    fn unknown_goals_are_left_out_with_a_warning() {
        let mut s = session(None, Progress::default());
        let effects = s.set_goals(vec!["paid".into(), "fly".into()], NOW);
        assert_eq!(s.progress().goals(), ["paid".to_string()]);
        assert_eq!(effects.warn.len(), 1);
        assert!(effects.warn[0].contains("fly"));
    }

    #[test]
    fn opening_an_unknown_lesson_warns_and_changes_nothing() {
        let mut s = session(None, Progress::default());
        let effects = s.open("nope", NOW);
        assert_eq!(effects.warn.len(), 1);
        assert_eq!(s.surface(), &Surface::Closed);
    }
}
