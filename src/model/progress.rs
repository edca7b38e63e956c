//! Progress: what this learner has done, kept per user and per pack.
//!
//! The browser keeps it as a versioned envelope, `{"v": 3, "data": {...}}`, under a key made
//! of the pack id and the user id (the session's
//! [`keys`](crate::decide::session::keys)). Every tab and device may hold a stale copy, so
//! every part of the model merges without coordination ([`Progress::merge`]), and every
//! save merges with what is stored ([`Progress::over`]): no completion is ever lost to a
//! race between two page views. A reset is a time, not an absence, so that it wins over the
//! copies that still hold what it forgot.

use crate::model::layer::Layer;
use crate::support::json::{self, FromJson, Json, Mismatch, Object, ToJson};
use crate::support::keyed::Keyed;

/// The storage format this build writes.
///
/// Format 1 kept only the ids of completed lessons; format 2 keeps how and when each lesson
/// was completed, what the learner knows, dismissed and viewed, and their preferences;
/// format 3 adds when each of those happened and when the progress was reset; format 4 adds
/// the goals the learner said they are not working on (coaching's "Not this"), which a
/// format 3 build would drop on its next save.
pub const VERSION: u32 = 4;

/// A day in milliseconds, the unit of snoozes.
pub const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// How a lesson was completed: always by doing the real thing in the host app, which is
/// why there is no way to complete a lesson by reading it or by saying "I know this".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Via {
    /// The learner clicked the feature.
    Click,
    /// The host reported the lesson's event.
    Event,
    /// The learner reached the lesson's URL.
    Url,
    /// The lesson's feature appeared on the page.
    Appears,
    /// Completed under format 1, which did not record how (it completed lessons only by
    /// doing, too).
    Unrecorded,
}

/// When and how a lesson was completed.
// `at` comes first so that the derived order is "earliest first", the order merges keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Completed {
    /// Milliseconds since the Unix epoch; 0 when format 1 did not record it.
    pub at: u64,
    /// Whether the learner finished the Lesson in the widget or did the task in the app.
    pub via: Via,
}

/// Where a learner is with a lesson: the one model triggers, ranking, the learning map and
/// the card all read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonState {
    /// The learner has not yet finished, known or dismissed the Lesson.
    New,
    /// The learner finished the Lesson.
    Completed(Completed),
    /// The learner said "I know this".
    Known,
    /// The learner said "Not now"; the lesson stays aside until `until` (ms), which was
    /// fixed when they dismissed it ([`FOR_GOOD`] when its trigger has no snooze).
    Dismissed {
        /// When the snooze ends, in ms since the epoch.
        until: u64,
    },
}

/// The end of a dismissal that has no snooze.
pub const FOR_GOOD: u64 = u64::MAX;

impl LessonState {
    /// Completed or known: the lesson is behind the learner, and lessons building on it
    /// are ready.
    pub fn is_done(self) -> bool {
        matches!(self, LessonState::Completed(_) | LessonState::Known)
    }

    /// Dismissed, and still set aside at `now`.
    pub fn is_aside(self, now: u64) -> bool {
        matches!(self, LessonState::Dismissed { until } if now < until)
    }
}

/// A completion as stored: the earliest, and the latest time the lesson was done, so that
/// a reset between the two keeps the lesson completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Done {
    first: Completed,
    last: u64,
}

// `at` first: the latest dismissal wins a merge, and the later snooze breaks a tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Dismissal {
    at: u64,
    until: u64,
}

/// Everything known about one lesson; absent parts stay out of the stored JSON.
///
/// Every fact carries a time, so that a reset can drop exactly what came before it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Record {
    completed: Option<Done>,
    /// When the learner last said "I know this".
    known: Option<u64>,
    dismissed: Option<Dismissal>,
    shows: u32,
    /// The layers viewed, in [`Layer::ALL`] order.
    layers: Vec<Layer>,
    /// The latest show or layer view: the time of `shows` and `layers`.
    seen: u64,
}

/// One learner's progress through one pack.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    lessons: Keyed<Record>,
    /// The goal ids the learner chose, in their order.
    goals: Vec<String>,
    /// When the goals were chosen (ms); preferences merge by latest change.
    goals_at: u64,
    layer: Option<Layer>,
    layer_at: u64,
    /// When the host tracked each event (ms, ascending), the latest [`MAX_EVENTS`] of each,
    /// so that "at least N times within D days" triggers outlive the page.
    events: Keyed<Vec<u64>>,
    /// When the learner's progress was last reset (ms; 0 for never): everything recorded
    /// at or before it is forgotten, whichever tab, device or backend still holds it.
    reset: u64,
    /// The goals the learner answered "Not this" to when coaching guessed them, and when
    /// (ms): never guessed again for this learner. Kept, merged and reset as the events'
    /// times are, so that the widget carries that code once.
    not_goals: Keyed<Vec<u64>>,
}

/// The times kept per tracked event: enough for any sensible "at least N" trigger.
pub const MAX_EVENTS: usize = 100;

/// What [`Progress::load`] found in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// This build's format, or an older one migrated to it: use it and save changes.
    Writable(Progress),
    /// A newer build's format: use what this build understands, and never save over it,
    /// so the newer build finds its data intact.
    ReadOnly(Progress),
    /// Not progress this build can read, for this reason: keep the stored text under
    /// [`backup_key`](crate::decide::session::keys::backup_key) and start afresh.
    Corrupt(String),
}

impl Progress {
    /// Records that the learner completed a lesson; the earliest completion is kept.
    pub fn complete(&mut self, id: &str, via: Via, now: u64) {
        let record = self.record(id);
        let done = Done {
            first: Completed { at: now, via },
            last: now,
        };
        record.completed = Some(record.completed.map_or(done, |d| d.merge(done)));
    }

    /// Records that the host tracked `name` at `now`.
    pub fn record_event(&mut self, name: &str, now: u64) {
        let times = self.events.entry(name);
        *times = latest_events(times, &[now]);
    }

    /// How many times `name` was tracked at or after `since` (ms; 0: ever).
    pub fn event_count(&self, name: &str, since: u64) -> u32 {
        self.events.get(name).map_or(0, |times| {
            times.iter().filter(|&&t| t >= since).count() as u32
        })
    }

    /// Records "I know this". It lets later lessons count on this one, but never earns a
    /// skill mark, which takes completing by doing.
    pub fn know(&mut self, id: &str, now: u64) {
        let record = self.record(id);
        record.known = record.known.max(Some(now));
    }

    /// Records a dismissal; the lesson is set aside until `until` ([`FOR_GOOD`], or `now`
    /// for not at all).
    pub fn dismiss(&mut self, id: &str, now: u64, until: u64) {
        let dismissal = Some(Dismissal { at: now, until });
        let record = self.record(id);
        record.dismissed = record.dismissed.max(dismissal);
    }

    /// Counts one more showing of the lesson's beacon.
    pub fn record_show(&mut self, id: &str, now: u64) {
        let record = self.record(id);
        record.shows = record.shows.saturating_add(1);
        record.seen = record.seen.max(now);
    }

    /// Records the Layer the learner read, so the Lesson reopens there.
    pub fn record_layer(&mut self, id: &str, layer: Layer, now: u64) {
        let record = self.record(id);
        record.layers = union(&record.layers, &[layer]);
        record.seen = record.seen.max(now);
    }

    /// Stores the learner's chosen Goals, which steer the ranking.
    pub fn set_goals(&mut self, goals: Vec<String>, now: u64) {
        self.goals = goals;
        self.goals_at = now;
    }

    /// The learner said they are not working on `goal`: coaching never guesses it again.
    pub fn reject_goal(&mut self, goal: &str, now: u64) {
        let times = self.not_goals.entry(goal);
        *times = latest_events(times, &[now]);
    }

    /// Whether the learner said "Not this" to a guess of `goal`.
    pub fn rejected(&self, goal: &str) -> bool {
        self.not_goals.contains_key(goal)
    }

    /// Stores the Layer the learner prefers, which new Lessons open on.
    pub fn set_preferred_layer(&mut self, layer: Layer, now: u64) {
        self.layer = Some(layer);
        self.layer_at = now;
    }

    /// Forgets everything recorded up to `now`, here and, once merged, everywhere.
    pub fn reset(&mut self, now: u64) {
        *self = Progress {
            reset: self.reset.max(now),
            ..Progress::default()
        };
    }

    /// What carries into another learner's progress (the anonymous learner's, on identify):
    /// the facts, not the reset, which forgot this learner's past and no one else's.
    pub fn carried(&self) -> Progress {
        Progress {
            reset: 0,
            ..self.clone()
        }
    }

    /// When the progress was last reset (ms; 0 for never).
    pub fn reset_at(&self) -> u64 {
        self.reset
    }

    /// The latest time anything in this progress was recorded, reset included.
    pub fn latest(&self) -> u64 {
        let lessons = self.lessons.iter().map(|(_, r)| {
            let done = r.completed.map_or(0, |d| d.last);
            let dismissed = r.dismissed.map_or(0, |d| d.at);
            done.max(dismissed).max(r.known.unwrap_or(0)).max(r.seen)
        });
        let events = self.events.iter().filter_map(|(_, t)| t.last().copied());
        let not_goals = self.not_goals.iter().filter_map(|(_, t)| t.last().copied());
        lessons
            .chain(events)
            .chain(not_goals)
            .fold(self.reset.max(self.goals_at).max(self.layer_at), u64::max)
    }

    /// Completion comes first, then "I know this", then a dismissal.
    pub fn state(&self, id: &str) -> LessonState {
        let Some(record) = self.lessons.get(id) else {
            return LessonState::New;
        };
        match (record.completed, record.known, record.dismissed) {
            (Some(done), _, _) => LessonState::Completed(done.first),
            (None, Some(_), _) => LessonState::Known,
            (None, None, Some(d)) => LessonState::Dismissed { until: d.until },
            (None, None, None) => LessonState::New,
        }
    }

    /// How many times the lesson's beacon was shown.
    pub fn shows(&self, id: &str) -> u32 {
        self.lessons.get(id).map_or(0, |r| r.shows)
    }

    /// The layers of the lesson the learner viewed, in [`Layer::ALL`] order.
    pub fn layers(&self, id: &str) -> &[Layer] {
        self.lessons.get(id).map_or(&[], |r| &r.layers)
    }

    /// Whether the learner ever answered the goal question, if only to skip it.
    pub fn goals_chosen(&self) -> bool {
        self.goals_at > 0
    }

    /// The learner's chosen Goal ids.
    pub fn goals(&self) -> &[String] {
        &self.goals
    }

    /// The Layer the learner prefers, once they have chosen one.
    pub fn preferred_layer(&self) -> Option<Layer> {
        self.layer
    }

    /// Progress that holds everything either side holds since the later reset: the
    /// earliest completion of each lesson, the latest dismissal, the highest counts, the
    /// latest preferences.
    ///
    /// Commutative and idempotent; associative too, but for the exact time of a completion
    /// made both before and after a reset (the lesson stays completed either way). Used
    /// for every save (merged with what is stored), for other tabs' saves and the
    /// vendor's backend, and on identify, to carry the anonymous progress into the user's.
    pub fn merge(&self, other: &Progress) -> Progress {
        let reset = self.reset.max(other.reset);
        let (ours, theirs) = (self.since(reset), other.since(reset));
        let mut lessons = ours.lessons.clone();
        for (id, record) in &theirs.lessons {
            let merged = match lessons.get(id) {
                Some(o) => o.merge(record),
                None => record.clone(),
            };
            lessons.insert(id.clone(), merged);
        }
        // On equal times the larger value wins, so that the result never depends on which
        // side is `self`.
        let (goals, goals_at) = if (theirs.goals_at, &theirs.goals) > (ours.goals_at, &ours.goals) {
            (theirs.goals.clone(), theirs.goals_at)
        } else {
            (ours.goals.clone(), ours.goals_at)
        };
        let layer_order = |l: Option<Layer>| l.map(Layer::key);
        let (layer, layer_at) = if (theirs.layer_at, layer_order(theirs.layer))
            > (ours.layer_at, layer_order(ours.layer))
        {
            (theirs.layer, theirs.layer_at)
        } else {
            (ours.layer, ours.layer_at)
        };
        let events = merge_times(&ours.events, &theirs.events);
        let not_goals = merge_times(&ours.not_goals, &theirs.not_goals);
        Progress {
            lessons,
            goals,
            goals_at,
            layer,
            layer_at,
            events,
            reset,
            not_goals,
        }
    }

    /// What is left of this progress after a reset at `reset`.
    fn since(&self, reset: u64) -> std::borrow::Cow<'_, Progress> {
        use std::borrow::Cow;
        if reset <= self.reset {
            return Cow::Borrowed(self);
        }
        let after = |at: u64| at > reset;
        let mut lessons = Keyed::default();
        for (id, r) in &self.lessons {
            let seen = after(r.seen);
            let record = Record {
                completed: r.completed.and_then(|d| {
                    let first = if after(d.first.at) {
                        d.first
                    } else {
                        Completed {
                            at: d.last,
                            ..d.first
                        }
                    };
                    after(d.last).then_some(Done {
                        first,
                        last: d.last,
                    })
                }),
                known: r.known.filter(|&at| after(at)),
                dismissed: r.dismissed.filter(|d| after(d.at)),
                shows: if seen { r.shows } else { 0 },
                layers: if seen { r.layers.clone() } else { vec![] },
                seen: if seen { r.seen } else { 0 },
            };
            if record != Record::default() {
                lessons.insert(id.clone(), record);
            }
        }
        let events = times_after(&self.events, reset);
        let not_goals = times_after(&self.not_goals, reset);
        let (goals, goals_at) = if after(self.goals_at) {
            (self.goals.clone(), self.goals_at)
        } else {
            (vec![], 0)
        };
        let (layer, layer_at) = if after(self.layer_at) {
            (self.layer, self.layer_at)
        } else {
            (None, 0)
        };
        Cow::Owned(Progress {
            lessons,
            goals,
            goals_at,
            layer,
            layer_at,
            events,
            reset,
            not_goals,
        })
    }

    /// Reads what [`Progress::to_json`] stored, by this or any earlier build.
    pub fn load(stored: &str) -> Stored {
        let envelope = match json::parse(stored) {
            Ok(envelope) => envelope,
            Err(e) => return Stored::Corrupt(e.to_string()),
        };
        let data = envelope.get("data").unwrap_or(&Json::Null);
        let v = match envelope.fields().and_then(|f| f.required::<u32>("v")) {
            Ok(v) => v,
            Err(e) => return Stored::Corrupt(e.to_string()),
        };
        let read = match v {
            1 => V1::from_json(data).map(V1::migrate),
            // Format 3 only adds times (and a reset) to format 2, which reads as untimed;
            // format 4 only adds "Not this" answers to format 3, which had none.
            2 | 3 | VERSION => Progress::from_json(data),
            0 => return Stored::Corrupt("progress format 0 does not exist".into()),
            // Newer formats only add to this one by convention, so what this build
            // understands of them is still right; if not even that parses, it starts empty.
            _ => return Stored::ReadOnly(Progress::from_json(data).unwrap_or_default()),
        };
        match read {
            Ok(progress) => Stored::Writable(progress),
            Err(e) => Stored::Corrupt(e.to_string()),
        }
    }

    /// What to write under a key that holds `stored`: this progress merged with it, so that
    /// no page view, however stale, drops what another saved. `None` when a newer build
    /// wrote it, which this one must not overwrite. A corrupt value counts as nothing:
    /// opening the key kept it aside already.
    pub fn over(&self, stored: Option<&str>) -> Option<Progress> {
        match stored.map(Progress::load) {
            None | Some(Stored::Corrupt(_)) => Some(self.clone()),
            Some(Stored::Writable(theirs)) => Some(self.merge(&theirs)),
            Some(Stored::ReadOnly(_)) => None,
        }
    }

    /// The stored form: the envelope of this build's format.
    pub fn to_json(&self) -> String {
        Object::new()
            .with("v", &VERSION)
            .with("data", &self.data())
            .build()
            .to_string()
    }

    fn record(&mut self, id: &str) -> &mut Record {
        self.lessons.entry(id)
    }
}

impl Done {
    fn merge(self, other: Done) -> Done {
        Done {
            first: self.first.min(other.first),
            last: self.last.max(other.last),
        }
    }
}

impl Record {
    fn merge(&self, other: &Record) -> Record {
        Record {
            completed: match (self.completed, other.completed) {
                (Some(a), Some(b)) => Some(a.merge(b)),
                (a, b) => a.or(b),
            },
            known: self.known.max(other.known),
            dismissed: self.dismissed.max(other.dismissed),
            shows: self.shows.max(other.shows),
            layers: union(&self.layers, &other.layers),
            seen: self.seen.max(other.seen),
        }
    }
}

/// Both lists of event times as one, ascending, without repeats, the latest [`MAX_EVENTS`]:
/// the same whichever side merges into which, and however often.
/// Both sides' times of each name, the latest [`MAX_EVENTS`] of each.
fn merge_times(ours: &Keyed<Vec<u64>>, theirs: &Keyed<Vec<u64>>) -> Keyed<Vec<u64>> {
    let mut merged = ours.clone();
    for (name, times) in theirs {
        let e = merged.entry(name);
        *e = latest_events(e, times);
    }
    merged
}

/// The times after `reset` of each name; names left without any go.
fn times_after(all: &Keyed<Vec<u64>>, reset: u64) -> Keyed<Vec<u64>> {
    let mut kept = Keyed::default();
    for (name, times) in all {
        let after: Vec<u64> = times.iter().copied().filter(|&t| t > reset).collect();
        if !after.is_empty() {
            kept.insert(name.clone(), after);
        }
    }
    kept
}

fn latest_events(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut all: Vec<u64> = a.iter().chain(b).copied().collect();
    crate::support::order::sort_by(&mut all, u64::cmp);
    all.dedup();
    let skip = all.len().saturating_sub(MAX_EVENTS);
    all.split_off(skip)
}

/// Both sets of layers, in [`Layer::ALL`] order, so equal sets are equal vectors.
fn union(a: &[Layer], b: &[Layer]) -> Vec<Layer> {
    Layer::ALL
        .into_iter()
        .filter(|l| a.contains(l) || b.contains(l))
        .collect()
}

/// Format 1: the ids of completed lessons, nothing else.
struct V1 {
    completed: Vec<String>,
}

impl FromJson for V1 {
    fn from_json(value: &Json) -> Result<V1, Mismatch> {
        Ok(V1 {
            completed: value.fields()?.required("completed")?,
        })
    }
}

impl V1 {
    fn migrate(self) -> Progress {
        let mut progress = Progress::default();
        for id in &self.completed {
            progress.complete(id, Via::Unrecorded, 0);
        }
        progress
    }
}

#[cfg(test)]
mod event_tests {
    use super::*;

    #[test]
    fn not_this_answers_merge_across_tabs_survive_a_round_trip_and_a_reset_forgets_them() {
        let mut a = Progress::default();
        a.reject_goal("paid", 10);
        let mut b = Progress::default();
        b.reject_goal("close", 20);
        let merged = a.merge(&b);
        assert_eq!(merged, b.merge(&a));
        assert!(merged.rejected("paid") && merged.rejected("close"));
        let Stored::Writable(back) = Progress::load(&merged.to_json()) else {
            panic!("format 4 must load")
        };
        assert_eq!(back, merged);
        let mut reset = Progress::default();
        reset.reset(15);
        let after = merged.merge(&reset);
        assert!(!after.rejected("paid") && after.rejected("close"));
    }

    #[test]
    fn format_3_migrates_as_progress_without_not_this_answers() {
        let stored = r#"{"v":3,"data":{"lessons":{"a":{"completed":{"at":7,"via":"url"}}},"goals":[],"goals_at":0,"layer":null,"layer_at":0}}"#;
        let Stored::Writable(p) = Progress::load(stored) else {
            panic!("format 3 must migrate")
        };
        assert!(p.state("a").is_done() && !p.rejected("paid"));
    }

    #[test]
    fn tracked_events_are_counted_within_a_window_and_survive_a_round_trip() {
        let mut p = Progress::default();
        for at in [1_000, 2_000, 3_000] {
            p.record_event("report_exported", at);
        }
        assert_eq!(p.event_count("report_exported", 0), 3);
        assert_eq!(p.event_count("report_exported", 2_000), 2);
        assert_eq!(p.event_count("other", 0), 0);
        let Stored::Writable(back) = Progress::load(&p.to_json()) else {
            panic!()
        };
        assert_eq!(back.event_count("report_exported", 0), 3);
    }

    #[test]
    fn merged_event_times_are_unioned_and_capped_at_the_latest() {
        let (mut a, mut b) = (Progress::default(), Progress::default());
        for t in 0..80 {
            a.record_event("e", t * 2);
            b.record_event("e", t * 2 + 1);
        }
        let merged = a.merge(&b);
        assert_eq!(merged, b.merge(&a));
        assert_eq!(merged.event_count("e", 0) as usize, MAX_EVENTS);
        assert_eq!(merged.event_count("e", 159), 1, "the latest time is kept");
    }
}

// The stored JSON forms; what is absent reads back as nothing recorded.

const VIAS: [(&str, Via); 5] = [
    ("click", Via::Click),
    ("event", Via::Event),
    ("url", Via::Url),
    ("appears", Via::Appears),
    ("unrecorded", Via::Unrecorded),
];

impl Via {
    /// The name the stored form and the `completed` event's `how` use.
    pub fn name(self) -> &'static str {
        VIAS.iter()
            .find(|(_, via)| *via == self)
            .map_or("unrecorded", |(name, _)| name)
    }
}

impl FromJson for Via {
    fn from_json(value: &Json) -> Result<Via, Mismatch> {
        value.name_of("completion", &VIAS)
    }
}

impl ToJson for Via {
    fn to_json(&self) -> Json {
        self.name().to_json()
    }
}

impl FromJson for Completed {
    fn from_json(value: &Json) -> Result<Completed, Mismatch> {
        let f = value.fields()?;
        Ok(Completed {
            at: f.required("at")?,
            via: f.required("via")?,
        })
    }
}

impl ToJson for Completed {
    fn to_json(&self) -> Json {
        Object::new()
            .with("at", &self.at)
            .with("via", &self.via)
            .build()
    }
}

impl FromJson for Dismissal {
    fn from_json(value: &Json) -> Result<Dismissal, Mismatch> {
        let f = value.fields()?;
        Ok(Dismissal {
            at: f.required("at")?,
            until: f.required("until")?,
        })
    }
}

impl ToJson for Dismissal {
    fn to_json(&self) -> Json {
        Object::new()
            .with("at", &self.at)
            .with("until", &self.until)
            .build()
    }
}

impl FromJson for Done {
    fn from_json(value: &Json) -> Result<Done, Mismatch> {
        let first = Completed::from_json(value)?;
        let last = value.fields()?.optional("last")?.unwrap_or(first.at);
        Ok(Done { first, last })
    }
}

impl ToJson for Done {
    fn to_json(&self) -> Json {
        let mut done = Object::new()
            .with("at", &self.first.at)
            .with("via", &self.first.via);
        if self.last != self.first.at {
            done = done.with("last", &self.last);
        }
        done.build()
    }
}

impl FromJson for Record {
    fn from_json(value: &Json) -> Result<Record, Mismatch> {
        let f = value.fields()?;
        // Format 2 said `"known": true`, without a time.
        let known = match value.get("known") {
            None | Some(Json::Bool(false)) => None,
            Some(Json::Bool(true)) => Some(0),
            Some(_) => Some(f.required("known")?),
        };
        Ok(Record {
            completed: f.optional("completed")?,
            known,
            dismissed: f.optional("dismissed")?,
            shows: f.or_default("shows")?,
            layers: f.or_default("layers")?,
            seen: f.or_default("seen")?,
        })
    }
}

impl ToJson for Record {
    fn to_json(&self) -> Json {
        let mut record = Object::new()
            .with_some("completed", &self.completed)
            .with_some("known", &self.known)
            .with_some("dismissed", &self.dismissed);
        if self.shows > 0 {
            record = record.with("shows", &self.shows);
        }
        record = record.with_some("layers", &self.layers);
        if self.seen > 0 {
            record = record.with("seen", &self.seen);
        }
        record.build()
    }
}

impl FromJson for Progress {
    fn from_json(value: &Json) -> Result<Progress, Mismatch> {
        let f = value.fields()?;
        Ok(Progress {
            lessons: f.or_default("lessons")?,
            goals: f.or_default("goals")?,
            goals_at: f.or_default("goals_at")?,
            layer: f.optional("layer")?,
            layer_at: f.or_default("layer_at")?,
            events: f.or_default("events")?,
            reset: f.or_default("reset")?,
            not_goals: f.or_default("not_goals")?,
        })
    }
}

#[cfg(test)]
impl Stored {
    fn writable(self) -> Progress {
        match self {
            Stored::Writable(p) => p,
            other => panic!("expected writable progress, got {other:?}"),
        }
    }
}

impl Progress {
    /// The envelope's `data`.
    fn data(&self) -> Json {
        let mut data = Object::new()
            .with("lessons", &self.lessons)
            .with("goals", &self.goals)
            .with("goals_at", &self.goals_at)
            .with("layer", &self.layer)
            .with("layer_at", &self.layer_at)
            .with_some("events", &self.events)
            .with_some("not_goals", &self.not_goals);
        if self.reset > 0 {
            data = data.with("reset", &self.reset);
        }
        data.build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_764_000_000_000;

    #[test]
    fn the_earliest_completion_is_kept() {
        let mut p = Progress::default();
        p.complete("send-invoice", Via::Event, NOW);
        p.complete("send-invoice", Via::Click, NOW - 5);
        p.complete("send-invoice", Via::Url, NOW + 5);
        assert_eq!(
            p.state("send-invoice"),
            LessonState::Completed(Completed {
                at: NOW - 5,
                via: Via::Click
            })
        );
    }

    #[test]
    fn state_puts_completion_before_knowing_and_knowing_before_dismissal() {
        let mut p = Progress::default();
        assert_eq!(p.state("a"), LessonState::New);
        p.dismiss("a", NOW, NOW);
        assert_eq!(p.state("a"), LessonState::Dismissed { until: NOW });
        p.know("a", NOW);
        assert_eq!(p.state("a"), LessonState::Known);
        p.complete("a", Via::Appears, NOW + 1);
        assert!(matches!(p.state("a"), LessonState::Completed(_)));
    }

    #[test]
    fn viewing_a_lesson_does_not_start_it_for_the_trigger_engine() {
        let mut p = Progress::default();
        p.record_show("a", NOW);
        p.record_layer("a", Layer::How, NOW);
        assert_eq!(p.state("a"), LessonState::New);
    }

    #[test]
    fn a_dismissal_sets_the_lesson_aside_until_the_end_fixed_when_dismissed() {
        let mut p = Progress::default();
        p.dismiss("a", NOW, NOW + 2 * DAY_MS);
        p.dismiss("b", NOW, NOW);
        p.dismiss("c", NOW, FOR_GOOD);
        let aside = |id, at| p.state(id).is_aside(at);
        assert!(aside("a", NOW + 2 * DAY_MS - 1));
        assert!(!aside("a", NOW + 2 * DAY_MS));
        assert!(!aside("b", NOW));
        assert!(aside("c", u64::MAX - 1));
        assert!(!aside("never-dismissed", NOW));
    }

    #[test]
    fn shows_count_and_layers_are_kept_once_in_tab_order() {
        let mut p = Progress::default();
        p.record_show("a", NOW);
        p.record_show("a", NOW);
        p.record_layer("a", Layer::How, NOW);
        p.record_layer("a", Layer::Why, NOW);
        p.record_layer("a", Layer::How, NOW);
        assert_eq!(p.shows("a"), 2);
        assert_eq!(p.layers("a"), &[Layer::Why, Layer::How]);
        assert_eq!(p.shows("b"), 0);
        assert!(p.layers("b").is_empty());
    }

    fn sample() -> Progress {
        let mut p = Progress::default();
        p.complete("create-invoice", Via::Event, NOW);
        p.know("import-customers", NOW);
        p.dismiss("api-key", NOW, NOW + 7 * DAY_MS);
        p.record_show("send-invoice", NOW);
        p.record_layer("send-invoice", Layer::What, NOW);
        p.set_goals(vec!["get-paid-faster".into()], NOW);
        p.set_preferred_layer(Layer::How, NOW);
        p
    }

    #[test]
    fn progress_survives_a_round_trip_through_storage() {
        let p = sample();
        assert_eq!(Progress::load(&p.to_json()), Stored::Writable(p));
    }

    #[test]
    fn the_stored_form_is_a_versioned_envelope_without_empty_fields() {
        let mut p = Progress::default();
        p.complete("a", Via::Url, 7);
        assert_eq!(
            p.to_json(),
            r#"{"v":4,"data":{"lessons":{"a":{"completed":{"at":7,"via":"url"}}},"goals":[],"goals_at":0,"layer":null,"layer_at":0}}"#
        );
    }

    #[test]
    fn format_1_completions_migrate_as_completed_by_doing_at_an_unknown_time() {
        let Stored::Writable(p) = Progress::load(r#"{"v":1,"data":{"completed":["a","b"]}}"#)
        else {
            panic!("format 1 must migrate");
        };
        let done = LessonState::Completed(Completed {
            at: 0,
            via: Via::Unrecorded,
        });
        assert_eq!(p.state("a"), done);
        assert_eq!(p.state("b"), done);
        assert_eq!(p.state("c"), LessonState::New);
        assert!(p.goals().is_empty());
    }

    #[test]
    fn a_migrated_completion_stays_the_earliest_after_merging_with_a_newer_tab() {
        let Stored::Writable(old) = Progress::load(r#"{"v":1,"data":{"completed":["a"]}}"#) else {
            panic!("format 1 must migrate");
        };
        let mut new = Progress::default();
        new.complete("a", Via::Click, NOW);
        assert!(matches!(
            old.merge(&new).state("a"),
            LessonState::Completed(Completed {
                via: Via::Unrecorded,
                ..
            })
        ));
    }

    #[test]
    fn a_newer_format_is_read_only_and_keeps_what_this_build_understands() {
        let stored = r#"{"v":5,"data":{"lessons":{"a":{"completed":{"at":5,"via":"event"},"streak":4}},"badges":["x"]}}"#;
        let Stored::ReadOnly(p) = Progress::load(stored) else {
            panic!("a newer format must load read-only");
        };
        assert!(matches!(p.state("a"), LessonState::Completed(_)));
    }

    #[test]
    fn a_newer_format_this_build_cannot_read_at_all_is_still_read_only_never_corrupt() {
        assert_eq!(
            Progress::load(r#"{"v":9,"data":{"lessons":[1,2]}}"#),
            Stored::ReadOnly(Progress::default())
        );
    }

    #[test]
    fn unreadable_values_are_reported_corrupt() {
        for stored in [
            "",
            "not json",
            "{}",
            r#"{"v":2}"#,
            r#"{"v":0,"data":{}}"#,
            r#"{"v":-1,"data":{}}"#,
            r#"{"v":"2","data":{}}"#,
            r#"{"v":1,"data":{"completed":"a"}}"#,
            r#"{"v":2,"data":{"lessons":{"a":{"completed":true}}}}"#,
            r#"["v",2]"#,
        ] {
            assert!(
                matches!(Progress::load(stored), Stored::Corrupt(_)),
                "{stored:?} must be corrupt"
            );
        }
    }

    #[test]
    fn anonymous_progress_carries_over_on_identify() {
        let mut anonymous = Progress::default();
        anonymous.complete("create-invoice", Via::Event, NOW);
        let mut user = Progress::default();
        user.complete("send-invoice", Via::Event, NOW - 1);
        let merged = anonymous.merge(&user);
        assert!(matches!(
            merged.state("create-invoice"),
            LessonState::Completed(_)
        ));
        assert!(matches!(
            merged.state("send-invoice"),
            LessonState::Completed(_)
        ));
    }

    #[test]
    fn the_latest_preference_wins_a_merge_each_on_its_own() {
        let mut a = Progress::default();
        a.set_goals(vec!["close-the-month".into()], NOW + 10);
        a.set_preferred_layer(Layer::Why, NOW);
        let mut b = Progress::default();
        b.set_goals(vec!["get-paid-faster".into()], NOW);
        b.set_preferred_layer(Layer::How, NOW + 10);
        for merged in [a.merge(&b), b.merge(&a)] {
            assert_eq!(merged.goals(), &["close-the-month".to_string()]);
            assert_eq!(merged.preferred_layer(), Some(Layer::How));
        }
    }

    #[test]
    fn the_latest_dismissal_and_highest_count_win_a_merge() {
        let mut a = Progress::default();
        a.dismiss("x", NOW, NOW + 30 * DAY_MS);
        a.record_show("x", NOW);
        let mut b = Progress::default();
        b.dismiss("x", NOW + 1, NOW + 1);
        b.record_show("x", NOW);
        b.record_show("x", NOW);
        let merged = a.merge(&b);
        assert_eq!(merged.state("x"), LessonState::Dismissed { until: NOW + 1 });
        assert!(!merged.state("x").is_aside(NOW + 2));
        assert_eq!(merged.shows("x"), 2);
    }

    #[test]
    fn format_2_reads_as_untimed_facts_that_any_reset_forgets() {
        let stored = r#"{"v":2,"data":{"lessons":{"a":{"known":true,"shows":2,"layers":["why"]},"b":{"completed":{"at":5,"via":"event"}}},"goals":["g"],"goals_at":9,"layer":null,"layer_at":0}}"#;
        let Stored::Writable(mut p) = Progress::load(stored) else {
            panic!("format 2 must load");
        };
        assert_eq!(p.state("a"), LessonState::Known);
        assert_eq!(p.shows("a"), 2);
        assert_eq!(Progress::load(&p.to_json()), Stored::Writable(p.clone()));
        p.reset(NOW);
        assert_eq!(p.merge(&Progress::load(stored).writable()), p);
    }

    // Bug: reset removed one key and another tab's save (or the backend) brought it all back.
    #[test]
    fn a_reset_wins_over_a_stale_copy_but_keeps_what_came_after_it() {
        let mut stale = sample();
        let mut reset = sample();
        reset.reset(NOW + 1);
        stale.complete("send-invoice", Via::Click, NOW + 2);
        stale.record_event("invoice_sent", NOW + 2);
        for merged in [stale.merge(&reset), reset.merge(&stale)] {
            assert_eq!(merged.state("create-invoice"), LessonState::New);
            assert_eq!(merged.state("import-customers"), LessonState::New);
            assert_eq!(merged.state("api-key"), LessonState::New);
            assert_eq!(merged.shows("send-invoice"), 0);
            assert!(merged.goals().is_empty() && !merged.goals_chosen());
            assert_eq!(merged.preferred_layer(), None);
            assert!(matches!(
                merged.state("send-invoice"),
                LessonState::Completed(Completed { at, .. }) if at == NOW + 2
            ));
            assert_eq!(merged.event_count("invoice_sent", 0), 1);
            assert_eq!(merged.reset_at(), NOW + 1);
        }
    }

    #[test]
    fn a_lesson_completed_before_and_after_a_reset_stays_completed() {
        let mut early = Progress::default();
        early.complete("a", Via::Click, 1);
        let mut late = Progress::default();
        late.complete("a", Via::Click, 6);
        let mut reset = Progress::default();
        reset.reset(3);
        let merged = early.merge(&late).merge(&reset);
        assert!(merged.state("a").is_done());
    }

    // Bug: a stale page view wrote its whole progress over a completion another one saved.
    #[test]
    fn a_save_merges_with_what_is_stored_and_never_overwrites_a_newer_format() {
        let mut stored = Progress::default();
        stored.complete("a", Via::Click, NOW);
        let mut ours = Progress::default();
        ours.complete("b", Via::Event, NOW);
        let written = ours.over(Some(&stored.to_json())).unwrap();
        assert!(written.state("a").is_done() && written.state("b").is_done());
        assert_eq!(ours.over(None), Some(ours.clone()));
        assert_eq!(ours.over(Some("garbage")), Some(ours.clone()));
        assert_eq!(ours.over(Some(r#"{"v":99,"data":{}}"#)), None);
    }
}
