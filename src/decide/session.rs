//! One learner's session on one page: the pack, their progress, who they are, and this
//! page visit. Every host command and page event is a method that changes the session and
//! returns the [`Effects`] the browser edge carries out: what to store and where, what to
//! tell the host, and what to warn about. What to show is the session itself ([`Surface`],
//! [`Session::offer`]).
//!
//! Nothing here touches the browser, so every rule that keeps progress safe (merges on
//! save, resets that last, identify never mixing learners) is tested natively.

use crate::api::lifecycle::EventKind;
use crate::author::explain::{explain, Said};
use crate::decide::eligibility::eligibility;
use crate::decide::ranking::{self, Attention, Candidate, Learner, Moment, Presence};
use crate::i18n::{self, Strings};
use crate::model::anchor::Anchor;
use crate::model::layer::Layer;
use crate::model::pack::{Completion, Lesson, Pack};
use crate::model::progress::{storage_key, LessonState, Progress, Via};
use crate::model::trigger::{ElementState, Facts, Traits};
use crate::model::url_pattern::{path_matches, Location};
use crate::support::json::Json;
use std::sync::Arc;

/// What the page shows of one anchor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnchorFacts {
    /// Whether the Anchor's element is in the page.
    pub present: bool,
    /// Whether it is visible.
    pub visible: bool,
    /// Whether the learner clicked it.
    pub clicked: bool,
}

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

/// One lifecycle event for the host, with its detail fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Emit {
    /// Which lifecycle event to send.
    pub kind: EventKind,
    /// The event's detail fields.
    pub detail: Vec<(&'static str, Json)>,
}

/// What the browser edge does after a change, in this order: store, tell, warn.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Effects {
    /// Merge this progress into what is stored under `key` and write the result.
    pub save: Option<Save>,
    /// Keys to remove once the save succeeded.
    pub remove: Vec<String>,
    /// Ask the vendor's backend for this user's progress.
    pub load_remote: Option<String>,
    /// Lifecycle events for the host.
    pub emit: Vec<Emit>,
    /// Warnings for the host's console.
    pub warn: Vec<String>,
    /// A new page began: the clicks the page watcher saw belong to the last one.
    pub new_page: bool,
}

/// A save: the edge writes `progress` merged with what `key` holds, hands the result back
/// with [`Session::stored`], and sends it to the vendor's backend for `user`.
#[derive(Debug, Clone, PartialEq)]
pub struct Save {
    /// Storage key the Progress goes under, per Pack and learner.
    pub key: String,
    /// The Progress to save.
    pub progress: Progress,
    /// The learner it belongs to, so a remote store can file it.
    pub user: Option<String>,
}

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
    /// ([`preview_key`]), so simulating a learner never touches real data.
    pub preview: bool,
}

/// Where a preview keeps the progress it simulates, beside the learner's own `key`.
pub fn preview_key(key: &str) -> String {
    format!("{key}:author-preview")
}

/// Where `user`'s progress in `pack` is stored, or a preview's beside it.
pub fn progress_key(pack: &str, user: Option<&str>, preview: bool) -> String {
    let key = storage_key(pack, user);
    match preview {
        true => preview_key(&key),
        false => key,
    }
}

/// This page visit: a new path is a new visit.
#[derive(Debug, Clone, Default, PartialEq)]
struct Visit {
    /// The URL from the path on.
    url: String,
    entered: u64,
    /// Lessons whose beacon showed on this visit: one visit is one show, so the show being
    /// counted does not hide the beacon showing it.
    shown: Vec<String>,
    anchors: Vec<(Anchor, AnchorFacts)>,
}

/// One learner's session.
#[derive(Debug)]
pub struct Session {
    pack: Arc<Pack>,
    /// The widget's words in the learner's language.
    t: &'static Strings,
    preview: bool,
    attention: Attention,
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
    clock: u64,
}

impl Session {
    /// Starts a session on `url` with the progress stored for `options.user`.
    pub fn new(pack: Arc<Pack>, options: Options, stored: Progress, url: &str, now: u64) -> Self {
        let clock = now.max(stored.latest());
        Session {
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
            clock,
        }
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

    /// Where this learner's progress is stored.
    pub fn key(&self) -> String {
        progress_key(&self.pack.id, self.user.as_deref(), self.preview)
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

    /// The anchors worth watching on this page: those of lessons whose URL conditions hold,
    /// and the features of the open lesson's How steps, which "Show me" rings.
    pub fn watched_anchors(&self) -> Vec<Anchor> {
        let mut anchors: Vec<Anchor> = vec![];
        let how = self.lesson_on_card().into_iter().flat_map(|l| &l.how);
        let steps = how.flat_map(|block| match block {
            crate::model::content::Block::Steps(steps) => steps.as_slice(),
            _ => &[],
        });
        for anchor in steps.filter_map(|step| step.anchor.as_ref()) {
            if !anchors.contains(anchor) {
                anchors.push(anchor.clone());
            }
        }
        let here = self.pack.lessons.iter().filter(|l| {
            l.when
                .as_ref()
                .is_none_or(|t| t.rule.may_hold_at(&self.visit.url))
        });
        for lesson in here {
            let trigger = lesson
                .when
                .as_ref()
                .map(|t| t.rule.anchors())
                .unwrap_or_default();
            let complete = match &lesson.complete {
                Some(Completion::Click(a) | Completion::Appears(a)) => Some(a),
                _ => None,
            };
            for anchor in lesson.anchor.iter().chain(trigger).chain(complete) {
                if !anchors.contains(anchor) {
                    anchors.push(anchor.clone());
                }
            }
        }
        anchors
    }

    fn anchor(&self, anchor: &Anchor) -> AnchorFacts {
        self.visit
            .anchors
            .iter()
            .find(|(a, _)| a == anchor)
            .map(|(_, f)| *f)
            .unwrap_or_default()
    }

    /// A time for something recorded now: never before one handed out already.
    fn tick(&mut self, now: u64) -> u64 {
        self.clock = now.max(self.clock + 1);
        self.clock
    }

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

    // Host commands.

    /// The widget is up: ask the vendor's backend for what it knows of this learner.
    pub fn started(&self) -> Effects {
        Effects {
            load_remote: self.user.clone(),
            ..Effects::default()
        }
    }

    /// `identify`: switches to `user`; `stored` reads what a storage key holds. Traits are
    /// replaced. The anonymous learner's progress, as this page and the store know it,
    /// goes along when leaving the anonymous state, and only then: one user's progress
    /// never reaches another.
    pub fn identify(
        &mut self,
        user: Option<String>,
        traits: Traits,
        stored: impl Fn(&str) -> Progress,
    ) -> Effects {
        let user = user.filter(|u| !u.is_empty());
        self.traits = traits;
        let mut effects = Effects::default();
        if user == self.user {
            return effects;
        }
        let leaving_anonymous = self.user.is_none();
        let before = self.key();
        self.user = user;
        let theirs = stored(&self.key());
        self.progress = if leaving_anonymous {
            // Another tab may have done more anonymously than this page heard of.
            theirs.merge(&self.progress.merge(&stored(&before)).carried())
        } else {
            theirs
        };
        self.clock = self.clock.max(self.progress.latest());
        self.just_completed = None;
        self.visit.shown.clear();
        effects.save = self.save();
        if leaving_anonymous {
            effects.remove.push(before);
        }
        effects.load_remote = self.user.clone();
        effects
    }

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
        if self.surface == Surface::Closed {
            self.just_completed = None;
            self.surface = Surface::Panel;
        } else {
            self.surface = Surface::Closed;
        }
        Effects::default()
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
        effects
            .emit
            .push(event(EventKind::GoalChanged, &[("goals", list)]));
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

    /// "Show me" highlighted How step `index` (from 0) of the open lesson.
    pub fn step_shown(&self, index: usize) -> Effects {
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

    // Page events.

    /// The host navigated: a new path is a new page, whose URL may complete lessons.
    pub fn navigated(&mut self, url: &str, now: u64) -> Effects {
        if self.visit.url == url {
            return Effects::default();
        }
        let mut effects = Effects::default();
        if Location::parse(&self.visit.url).path != Location::parse(url).path {
            self.visit.entered = now;
            self.visit.shown.clear();
            for (_, facts) in &mut self.visit.anchors {
                facts.clicked = false;
            }
            effects.new_page = true;
        }
        self.visit.url = url.to_owned();
        let path = Location::parse(url).path;
        let due = self.due(|rule| matches!(rule, Completion::Url(p) if path_matches(p, path)));
        self.complete(due, Via::Url, now, &mut effects);
        effects
    }

    /// The watched anchors changed: appeared, went, showed, hid or were clicked.
    pub fn anchors_changed(&mut self, anchors: Vec<(Anchor, AnchorFacts)>, now: u64) -> Effects {
        self.visit.anchors = anchors;
        let mut effects = Effects::default();
        let clicked =
            self.due(|rule| matches!(rule, Completion::Click(a) if self.anchor(a).clicked));
        let appeared =
            self.due(|rule| matches!(rule, Completion::Appears(a) if self.anchor(a).present));
        self.complete(clicked, Via::Click, now, &mut effects);
        self.complete(appeared, Via::Appears, now, &mut effects);
        effects
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

    /// Another tab (or this page, restored from the back/forward cache) found this progress
    /// stored under `key`; nothing is saved back, as what is stored holds it already.
    pub fn other_tab_saved(&mut self, key: &str, theirs: &Progress) -> Effects {
        if key != self.key() {
            return Effects::default();
        }
        self.adopt(theirs);
        // Tabs see each other's writes late: a save merged with an older copy of the store
        // drops what this tab saved meanwhile. Write back what theirs lacks, so it lasts.
        // Merges only add, so two tabs agree after one round and stop.
        if self.progress == *theirs {
            return Effects::default();
        }
        Effects {
            save: self.save(),
            ..Effects::default()
        }
    }

    /// The vendor's backend answered with `user`'s progress. An answer for someone who is
    /// no longer the learner is dropped.
    pub fn remote_loaded(&mut self, user: &str, theirs: &Progress) -> Effects {
        if self.user.as_deref() != Some(user) {
            return Effects::default();
        }
        let before = self.progress.clone();
        self.adopt(theirs);
        if self.progress == before {
            return Effects::default();
        }
        Effects {
            save: self.save(),
            ..Effects::default()
        }
    }

    /// The edge stored `merged` under `key` for a save this session asked for.
    pub fn stored(&mut self, key: &str, merged: &Progress) {
        if key == self.key() {
            self.adopt(merged);
        }
    }

    fn adopt(&mut self, theirs: &Progress) {
        let reset = self.progress.reset_at();
        self.progress = self.progress.merge(theirs);
        self.clock = self.clock.max(self.progress.latest());
        if self.progress.reset_at() > reset {
            // Reset elsewhere: this page's beacons count afresh too.
            self.visit.shown.clear();
            self.just_completed = None;
        }
    }

    fn save(&self) -> Option<Save> {
        Some(Save {
            key: self.key(),
            progress: self.progress.clone(),
            user: self.user.clone(),
        })
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
            if matches!(&self.surface, Surface::Lesson { id: open, .. } if *open == id) {
                self.surface = Surface::Closed;
            }
            effects.save = self.save();
            effects.emit.push(event(
                EventKind::Completed,
                &[("lesson", id.as_str().into()), ("how", via.name().into())],
            ));
            self.just_completed = Some(id);
        }
    }
}

impl Effects {
    /// Both sets of effects, `later`'s after these; the later save holds the newer progress.
    pub fn merge(&mut self, later: Effects) {
        if later.save.is_some() {
            self.save = later.save;
        }
        self.remove.extend(later.remove);
        self.load_remote = later.load_remote.or(self.load_remote.take());
        self.emit.extend(later.emit);
        self.warn.extend(later.warn);
        self.new_page |= later.new_page;
    }
}

fn event(kind: EventKind, detail: &[(&'static str, Json)]) -> Emit {
    Emit {
        kind,
        detail: detail.to_vec(),
    }
}

/// The facts triggers are evaluated against, all from the session.
struct SessionFacts<'a> {
    session: &'a Session,
    now: u64,
}

impl Facts for SessionFacts<'_> {
    fn url(&self) -> &str {
        &self.session.visit.url
    }

    fn element(&self, anchor: &Anchor, state: ElementState) -> bool {
        let facts = self.session.anchor(anchor);
        match state {
            ElementState::Present => facts.present,
            ElementState::Visible => facts.visible,
            ElementState::Clicked => facts.clicked,
        }
    }

    fn event_count(&self, name: &str, since: u64) -> u32 {
        self.session.progress.event_count(name, since)
    }

    fn trait_value(&self, key: &str) -> Option<&Json> {
        self.session.traits.get(key)
    }

    fn lesson(&self, id: &str) -> LessonState {
        self.session.progress.state(id)
    }

    fn now_ms(&self) -> u64 {
        self.now
    }

    fn page_entered_ms(&self) -> u64 {
        self.session.visit.entered
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::support::test_pack::{lesson, pack, NOW};
    use serde_json::json;

    fn session(user: Option<&str>, stored: Progress) -> Session {
        let pack = pack(json!([
            lesson(
                "create",
                json!({ "goals": { "paid": 3 }, "complete": { "event": "invoice_created" } })
            ),
            lesson(
                "send",
                json!({
                    "anchor": { "feature": "invoices.send" },
                    "prerequisites": ["create"],
                    "complete": { "click": { "feature": "invoices.send" } },
                    "when": { "rule": { "page": "/invoices/:id" }, "snooze_days": 2 },
                })
            ),
            lesson("reports", json!({ "complete": { "url": "/reports" } })),
        ]));
        let options = Options {
            user: user.map(str::to_owned),
            ..Options::default()
        };
        Session::new(Arc::new(pack), options, stored, "/", NOW)
    }

    fn traits(value: serde_json::Value) -> Traits {
        use crate::support::json::FromJson;
        Traits::from_json(&crate::support::json::parse(&value.to_string()).unwrap()).unwrap()
    }

    fn completed(effects: &Effects) -> Vec<String> {
        effects
            .emit
            .iter()
            .filter(|e| e.kind == EventKind::Completed)
            .filter_map(|e| e.detail[0].1.as_str().map(str::to_owned))
            .collect()
    }

    #[test]
    fn a_preview_keeps_its_progress_apart_from_the_learners_own() {
        // Pins author mode's simulation writing over a real learner's progress.
        let real = session(Some("u1"), Progress::default());
        let options = Options {
            user: Some("u1".into()),
            preview: true,
            ..Options::default()
        };
        let mut preview = Session::new(real.pack().clone(), options, Progress::default(), "/", NOW);
        assert_eq!(preview.key(), preview_key(&real.key()));
        assert_ne!(preview.key(), real.key());
        let saved = preview.know("create", NOW).save.unwrap();
        assert_eq!(saved.key, preview_key(&real.key()));
        let switched = preview.identify(Some("u2".into()), Traits::new(), |_| Progress::default());
        assert!(switched.save.unwrap().key.ends_with(":author-preview"));
    }

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
    fn a_click_on_the_feature_completes_and_closes_its_card() {
        let mut s = session(None, Progress::default());
        s.navigated("/invoices/7", NOW);
        s.open("send", NOW);
        let send = Anchor::Feature("invoices.send".into());
        let clicked = AnchorFacts {
            present: true,
            visible: true,
            clicked: true,
        };
        let effects = s.anchors_changed(vec![(send, clicked)], NOW);
        assert_eq!(completed(&effects), ["send"]);
        assert_eq!(s.surface(), &Surface::Closed);
    }

    #[test]
    fn reaching_the_url_completes_and_a_new_path_is_a_new_visit() {
        let mut s = session(None, Progress::default());
        assert_eq!(completed(&s.navigated("/reports", NOW + 5)), ["reports"]);
        assert_eq!(s.visit.entered, NOW + 5);
        let effects = s.navigated("/reports?tab=aging", NOW + 9);
        assert_eq!(s.visit.entered, NOW + 5, "a new query is the same page");
        assert!(!effects.new_page);
        assert!(s.navigated("/invoices/1", NOW + 12).new_page);
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

    // Bug: identify extended the traits, so user B kept user A's role.
    #[test]
    fn identify_replaces_the_traits() {
        let mut s = session(Some("a"), Progress::default());
        s.identify(Some("a".into()), traits(json!({ "role": "admin" })), |_| {
            Progress::default()
        });
        assert_eq!(s.role(), Some("admin"));
        s.identify(Some("b".into()), traits(json!({ "plan": "trial" })), |_| {
            Progress::default()
        });
        assert_eq!(s.role(), None);
    }

    // Bug (found by the model test): the anonymous learner's reset went along on identify
    // and wiped what the user had done before it.
    #[test]
    fn an_anonymous_reset_never_reaches_the_user_s_progress() {
        let mut mine = Progress::default();
        mine.complete("send", Via::Click, NOW);
        let mut s = session(None, Progress::default());
        s.reset(NOW + 50);
        s.identify(Some("u".into()), Traits::default(), |key| {
            if key.ends_with(":u") {
                mine.clone()
            } else {
                Progress::default()
            }
        });
        assert!(s.progress().state("send").is_done());
    }

    #[test]
    fn leaving_the_anonymous_state_carries_progress_along_and_removes_the_anonymous_key() {
        let mut s = session(None, Progress::default());
        s.track("invoice_created", NOW);
        let effects = s.identify(Some("u1".into()), Traits::default(), |_| {
            Progress::default()
        });
        assert!(s.progress().state("create").is_done());
        assert_eq!(effects.remove, ["pathlight:acme:anonymous"]);
        assert_eq!(effects.save.unwrap().key, "pathlight:acme:user:u1");
        assert_eq!(effects.load_remote.as_deref(), Some("u1"));
    }

    // Bug: switching users merged one learner's progress into the next one's.
    #[test]
    fn switching_between_users_never_moves_progress() {
        let mut s = session(Some("a"), Progress::default());
        s.track("invoice_created", NOW);
        let effects = s.identify(Some("b".into()), Traits::default(), |_| Progress::default());
        assert!(!s.progress().state("create").is_done());
        assert!(effects.remove.is_empty());
    }

    // Bug: a remote load for user A that answered after identify('B') was merged into B.
    #[test]
    fn a_late_remote_answer_for_a_previous_user_is_dropped() {
        let mut s = session(Some("a"), Progress::default());
        s.identify(Some("b".into()), Traits::default(), |_| Progress::default());
        let mut theirs = Progress::default();
        theirs.complete("create", Via::Event, NOW);
        assert_eq!(s.remote_loaded("a", &theirs), Effects::default());
        assert!(!s.progress().state("create").is_done());
        let effects = s.remote_loaded("b", &theirs);
        assert!(s.progress().state("create").is_done());
        assert!(effects.save.is_some());
    }

    // Bug: reset removed one key, and the next save wrote the old progress straight back.
    #[test]
    fn a_reset_outlasts_a_stale_tab_and_a_late_remote_answer() {
        let mut stale = session(Some("u"), Progress::default());
        stale.track("invoice_created", NOW);
        let before = stale.progress().clone();
        let mut here = session(Some("u"), before.clone());
        let reset = here.reset(NOW + 10).save.unwrap().progress;
        assert!(!reset.state("create").is_done());
        // The stale tab's next save merges with what is stored: the reset wins.
        let written = before.over(Some(&reset.to_json())).unwrap();
        assert!(!written.state("create").is_done());
        // The backend answers with what it had before the reset.
        here.remote_loaded("u", &before);
        assert!(!here.progress().state("create").is_done());
        // What the learner does after the reset counts.
        let effects = here.track("invoice_created", NOW + 20);
        assert_eq!(completed(&effects), ["create"]);
    }

    #[test]
    fn another_tab_s_progress_is_merged_only_for_this_learner_s_key() {
        let mut s = session(Some("u"), Progress::default());
        let mut theirs = Progress::default();
        theirs.complete("create", Via::Event, NOW);
        let _ = s.other_tab_saved("pathlight:acme:user:v", &theirs);
        assert!(!s.progress().state("create").is_done());
        let _ = s.other_tab_saved("pathlight:acme:user:u", &theirs);
        assert!(s.progress().state("create").is_done());
    }

    #[test]
    fn a_stale_save_from_another_tab_is_healed() {
        // Bug: tab A merged its save with an older copy of the store and dropped B's
        // completion; B adopted A's save but never wrote its completion back.
        let mut b = session(Some("u"), Progress::default());
        let completed = b.track("invoice_created", NOW).save.unwrap().progress;
        assert!(completed.state("create").is_done());
        let stale = Progress::default();
        let heal = b.other_tab_saved("pathlight:acme:user:u", &stale).save;
        assert!(heal
            .expect("a save back")
            .progress
            .state("create")
            .is_done());
        // Once the store holds all B knows, hearing it again writes nothing.
        assert_eq!(
            b.other_tab_saved("pathlight:acme:user:u", &completed),
            Effects::default()
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

    #[test]
    fn watched_anchors_are_values_each_once() {
        let s = session(None, Progress::default());
        assert!(
            s.watched_anchors().is_empty(),
            "send's page does not match /"
        );
        let mut s = s;
        s.navigated("/invoices/7", NOW);
        assert_eq!(
            s.watched_anchors(),
            [Anchor::Feature("invoices.send".into())]
        );
    }
}
