//! Progress: what this learner has done, kept per user and per pack.
//!
//! The browser keeps it as a versioned envelope, `{"v": 2, "data": {...}}`, under a key made
//! of the pack id and the user id ([`storage_key`]). Every tab and device writes its own copy,
//! so every part of the model merges without coordination: [`Progress::merge`] is commutative,
//! associative and idempotent, and no completion is ever lost to a race between two tabs.

use crate::json::{self, FromJson, Json, Mismatch, Object, ToJson};
use crate::keyed::Keyed;
use crate::layer::Layer;
use crate::pack::Completion;

/// The storage format this build writes.
///
/// Format 1 kept only the ids of completed lessons; format 2 keeps how and when each lesson
/// was completed, what the learner knows, dismissed and viewed, and their preferences.
pub const VERSION: u32 = 2;

const DAY_MS: u64 = 24 * 60 * 60 * 1000;

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

impl From<&Completion> for Via {
    fn from(rule: &Completion) -> Via {
        match rule {
            Completion::Click(_) => Via::Click,
            Completion::Event(_) => Via::Event,
            Completion::Url(_) => Via::Url,
            Completion::Appears(_) => Via::Appears,
        }
    }
}

impl From<Status> for crate::trigger::LessonStatus {
    fn from(status: Status) -> Self {
        use crate::trigger::LessonStatus;
        match status {
            Status::NotStarted => LessonStatus::NotStarted,
            Status::Completed(_) => LessonStatus::Completed,
            Status::Known => LessonStatus::Known,
            Status::Dismissed { at, .. } => LessonStatus::Dismissed { at_ms: at as f64 },
        }
    }
}

/// When and how a lesson was completed.
// `at` comes first so that the derived order is "earliest first", the order merges keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Completed {
    /// Milliseconds since the Unix epoch; 0 when format 1 did not record it.
    pub at: u64,
    pub via: Via,
}

/// Where a lesson stands for the trigger engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    Completed(Completed),
    /// The learner said "I know this".
    Known,
    /// The learner dismissed it at `at` and snoozed it until `until` (ms; `at` for none).
    Dismissed {
        at: u64,
        until: u64,
    },
}

impl Status {
    /// Completed or known: the lesson is behind the learner, and lessons building on it
    /// are ready.
    pub fn is_done(self) -> bool {
        matches!(self, Status::Completed(_) | Status::Known)
    }
}

// `at` first: the latest dismissal wins a merge, and the later snooze breaks a tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Dismissal {
    at: u64,
    until: u64,
}

/// Everything known about one lesson; absent parts stay out of the stored JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Record {
    completed: Option<Completed>,
    known: bool,
    dismissed: Option<Dismissal>,
    shows: u32,
    /// The layers viewed, in [`Layer::ALL`] order.
    layers: Vec<Layer>,
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
}

/// The times kept per tracked event: enough for any sensible "at least N" trigger.
pub const MAX_EVENTS: usize = 100;

/// What [`Progress::load`] found in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// This build's format, or an older one migrated to it: use it and save changes.
    Writable(Progress),
    /// A newer build's format: use what this build understands, and never save over it,
    /// so the newer build finds its data intact.
    ReadOnly(Progress),
    /// Not progress this build can read, for this reason: keep the stored text under
    /// [`backup_key`] and start afresh.
    Corrupt(String),
}

impl Progress {
    /// Records that the learner completed a lesson; the earliest completion is kept.
    pub fn complete(&mut self, id: &str, via: Via, now: u64) {
        let record = self.record(id);
        record.completed = earliest(record.completed, Some(Completed { at: now, via }));
    }

    /// Records that the host tracked `name` at `now`.
    pub fn record_event(&mut self, name: &str, now: u64) {
        let times = self.events.entry(name);
        *times = latest_events(times, &[now]);
    }

    /// How many times `name` was tracked at or after `since_ms` (negative infinity: ever).
    pub fn event_count(&self, name: &str, since_ms: f64) -> u32 {
        self.events.get(name).map_or(0, |times| {
            times.iter().filter(|&&t| t as f64 >= since_ms).count() as u32
        })
    }

    /// Records "I know this". It lets later lessons count on this one, but never earns a
    /// skill mark, which takes completing by doing.
    pub fn mark_known(&mut self, id: &str) {
        self.record(id).known = true;
    }

    /// Records a dismissal; the lesson is snoozed for `snooze_days` (none for 0).
    pub fn dismiss(&mut self, id: &str, now: u64, snooze_days: u32) {
        let until = now.saturating_add(u64::from(snooze_days) * DAY_MS);
        let dismissal = Some(Dismissal { at: now, until });
        let record = self.record(id);
        record.dismissed = record.dismissed.max(dismissal);
    }

    /// Counts one more showing of the lesson's card.
    pub fn record_show(&mut self, id: &str) {
        let record = self.record(id);
        record.shows = record.shows.saturating_add(1);
    }

    pub fn record_layer(&mut self, id: &str, layer: Layer) {
        let record = self.record(id);
        record.layers = union(&record.layers, &[layer]);
    }

    pub fn set_goals(&mut self, goals: Vec<String>, now: u64) {
        self.goals = goals;
        self.goals_at = now;
    }

    pub fn set_preferred_layer(&mut self, layer: Layer, now: u64) {
        self.layer = Some(layer);
        self.layer_at = now;
    }

    /// Completion comes first, then "I know this", then a dismissal.
    pub fn status(&self, id: &str) -> Status {
        let Some(record) = self.lessons.get(id) else {
            return Status::NotStarted;
        };
        match (record.completed, record.known, record.dismissed) {
            (Some(completed), _, _) => Status::Completed(completed),
            (None, true, _) => Status::Known,
            (None, false, Some(d)) => Status::Dismissed {
                at: d.at,
                until: d.until,
            },
            (None, false, None) => Status::NotStarted,
        }
    }

    /// Whether a dismissal asked not to show the lesson again before a time after `now`.
    pub fn is_snoozed(&self, id: &str, now: u64) -> bool {
        self.lessons
            .get(id)
            .and_then(|r| r.dismissed)
            .is_some_and(|d| now < d.until)
    }

    /// How many times the lesson's card was shown.
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

    pub fn goals(&self) -> &[String] {
        &self.goals
    }

    pub fn preferred_layer(&self) -> Option<Layer> {
        self.layer
    }

    /// Progress that holds everything either side holds: the earliest completion of each
    /// lesson, the latest dismissal, the highest counts, the latest preferences.
    ///
    /// Used for two tabs or devices writing the same key, and on identify, to carry the
    /// anonymous progress into the user's.
    pub fn merge(&self, other: &Progress) -> Progress {
        let mut lessons = self.lessons.clone();
        for (id, theirs) in &other.lessons {
            let merged = match lessons.get(id) {
                Some(ours) => ours.merge(theirs),
                None => theirs.clone(),
            };
            lessons.insert(id.clone(), merged);
        }
        // On equal times the larger value wins, so that the result never depends on which
        // side is `self`.
        let (goals, goals_at) = if (other.goals_at, &other.goals) > (self.goals_at, &self.goals) {
            (other.goals.clone(), other.goals_at)
        } else {
            (self.goals.clone(), self.goals_at)
        };
        let layer_order = |l: Option<Layer>| l.map(Layer::key);
        let (layer, layer_at) = if (other.layer_at, layer_order(other.layer))
            > (self.layer_at, layer_order(self.layer))
        {
            (other.layer, other.layer_at)
        } else {
            (self.layer, self.layer_at)
        };
        let mut events = self.events.clone();
        for (name, theirs) in &other.events {
            let ours = events.entry(name);
            *ours = latest_events(ours, theirs);
        }
        Progress {
            lessons,
            goals,
            goals_at,
            layer,
            layer_at,
            events,
        }
    }

    /// Reads what [`Progress::to_json`] stored, by this or any earlier build.
    pub fn load(stored: &str) -> Loaded {
        let envelope = match json::parse(stored) {
            Ok(envelope) => envelope,
            Err(e) => return Loaded::Corrupt(e.to_string()),
        };
        let data = envelope.get("data").unwrap_or(&Json::Null);
        let v = match envelope.fields().and_then(|f| f.required::<u32>("v")) {
            Ok(v) => v,
            Err(e) => return Loaded::Corrupt(e.to_string()),
        };
        let read = match v {
            1 => V1::from_json(data).map(V1::migrate),
            VERSION => Progress::from_json(data),
            0 => return Loaded::Corrupt("progress format 0 does not exist".into()),
            // Newer formats only add to this one by convention, so what this build
            // understands of them is still right; if not even that parses, it starts empty.
            _ => return Loaded::ReadOnly(Progress::from_json(data).unwrap_or_default()),
        };
        match read {
            Ok(progress) => Loaded::Writable(progress),
            Err(e) => Loaded::Corrupt(e.to_string()),
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

impl Record {
    fn merge(&self, other: &Record) -> Record {
        Record {
            completed: earliest(self.completed, other.completed),
            known: self.known || other.known,
            dismissed: self.dismissed.max(other.dismissed),
            shows: self.shows.max(other.shows),
            layers: union(&self.layers, &other.layers),
        }
    }
}

/// Both lists of event times as one, ascending, without repeats, the latest [`MAX_EVENTS`]:
/// the same whichever side merges into which, and however often.
fn latest_events(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut all: Vec<u64> = a.iter().chain(b).copied().collect();
    crate::order::sort_by(&mut all, u64::cmp);
    all.dedup();
    let skip = all.len().saturating_sub(MAX_EVENTS);
    all.split_off(skip)
}

fn earliest(a: Option<Completed>, b: Option<Completed>) -> Option<Completed> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
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

/// The storage key of a learner's progress through a pack; `None` (or an empty id) is the
/// anonymous learner, whose key is the same on every visit to the same browser.
///
/// On identify, merge the anonymous progress into the user's with [`Progress::merge`], save
/// it under the user's key, then remove the anonymous key (unless the user's progress was
/// [`Loaded::ReadOnly`]: then keep both as they are).
pub fn storage_key(pack: &str, user: Option<&str>) -> String {
    match user.filter(|id| !id.is_empty()) {
        Some(id) => format!("pathlight:{}:user:{}", escape(pack), escape(id)),
        None => format!("pathlight:{}:anonymous", escape(pack)),
    }
}

/// Ids may hold the separator: escaping it keeps two (pack, user) pairs from sharing a key.
fn escape(part: &str) -> String {
    part.replace('%', "%25").replace(':', "%3A")
}

/// Where to keep a corrupt value found under `key` before starting afresh: a key stamped
/// with the time, numbered when `taken` says that key is already used, so no earlier backup
/// is ever overwritten.
pub fn backup_key(key: &str, now: u64, taken: &dyn Fn(&str) -> bool) -> String {
    let stamped = format!("{key}:corrupt:{now}");
    let mut candidate = stamped.clone();
    let mut n = 1u32;
    while taken(&candidate) {
        n += 1;
        candidate = format!("{stamped}:{n}");
    }
    candidate
}

#[cfg(test)]
mod event_tests {
    use super::*;

    #[test]
    fn tracked_events_are_counted_within_a_window_and_survive_a_round_trip() {
        let mut p = Progress::default();
        for at in [1_000, 2_000, 3_000] {
            p.record_event("report_exported", at);
        }
        assert_eq!(p.event_count("report_exported", f64::NEG_INFINITY), 3);
        assert_eq!(p.event_count("report_exported", 2_000.0), 2);
        assert_eq!(p.event_count("other", f64::NEG_INFINITY), 0);
        let Loaded::Writable(back) = Progress::load(&p.to_json()) else {
            panic!()
        };
        assert_eq!(back.event_count("report_exported", 0.0), 3);
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
        assert_eq!(
            merged.event_count("e", f64::NEG_INFINITY) as usize,
            MAX_EVENTS
        );
        assert_eq!(merged.event_count("e", 159.0), 1, "the latest time is kept");
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

impl FromJson for Via {
    fn from_json(value: &Json) -> Result<Via, Mismatch> {
        value.name_of("completion", &VIAS)
    }
}

impl ToJson for Via {
    fn to_json(&self) -> Json {
        VIAS.iter()
            .find(|(_, via)| via == self)
            .map_or(Json::Null, |(name, _)| name.to_json())
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

impl FromJson for Record {
    fn from_json(value: &Json) -> Result<Record, Mismatch> {
        let f = value.fields()?;
        Ok(Record {
            completed: f.optional("completed")?,
            known: f.or_default("known")?,
            dismissed: f.optional("dismissed")?,
            shows: f.or_default("shows")?,
            layers: f.or_default("layers")?,
        })
    }
}

impl ToJson for Record {
    fn to_json(&self) -> Json {
        let mut record = Object::new().with_some("completed", &self.completed);
        if self.known {
            record = record.with("known", &true);
        }
        record = record.with_some("dismissed", &self.dismissed);
        if self.shows > 0 {
            record = record.with("shows", &self.shows);
        }
        record.with_some("layers", &self.layers).build()
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
        })
    }
}

impl Progress {
    /// The envelope's `data`.
    fn data(&self) -> Json {
        Object::new()
            .with("lessons", &self.lessons)
            .with("goals", &self.goals)
            .with("goals_at", &self.goals_at)
            .with("layer", &self.layer)
            .with("layer_at", &self.layer_at)
            .with_some("events", &self.events)
            .build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Anchor;

    const NOW: u64 = 1_764_000_000_000;

    #[test]
    fn the_earliest_completion_is_kept() {
        let mut p = Progress::default();
        p.complete("send-invoice", Via::Event, NOW);
        p.complete("send-invoice", Via::Click, NOW - 5);
        p.complete("send-invoice", Via::Url, NOW + 5);
        assert_eq!(
            p.status("send-invoice"),
            Status::Completed(Completed {
                at: NOW - 5,
                via: Via::Click
            })
        );
    }

    #[test]
    fn status_puts_completion_before_knowing_and_knowing_before_dismissal() {
        let mut p = Progress::default();
        assert_eq!(p.status("a"), Status::NotStarted);
        p.dismiss("a", NOW, 0);
        assert_eq!(
            p.status("a"),
            Status::Dismissed {
                at: NOW,
                until: NOW
            }
        );
        p.mark_known("a");
        assert_eq!(p.status("a"), Status::Known);
        p.complete("a", Via::Appears, NOW + 1);
        assert!(matches!(p.status("a"), Status::Completed(_)));
    }

    #[test]
    fn viewing_a_lesson_does_not_start_it_for_the_trigger_engine() {
        let mut p = Progress::default();
        p.record_show("a");
        p.record_layer("a", Layer::How);
        assert_eq!(p.status("a"), Status::NotStarted);
    }

    #[test]
    fn a_snooze_ends_after_its_days_and_zero_days_is_no_snooze() {
        let mut p = Progress::default();
        p.dismiss("a", NOW, 2);
        p.dismiss("b", NOW, 0);
        assert!(p.is_snoozed("a", NOW + 2 * DAY_MS - 1));
        assert!(!p.is_snoozed("a", NOW + 2 * DAY_MS));
        assert!(!p.is_snoozed("b", NOW));
        assert!(!p.is_snoozed("never-dismissed", NOW));
    }

    #[test]
    fn a_huge_snooze_saturates_instead_of_overflowing() {
        let mut p = Progress::default();
        p.dismiss("a", u64::MAX - 1, u32::MAX);
        assert!(p.is_snoozed("a", u64::MAX - 1));
    }

    #[test]
    fn shows_count_and_layers_are_kept_once_in_tab_order() {
        let mut p = Progress::default();
        p.record_show("a");
        p.record_show("a");
        p.record_layer("a", Layer::How);
        p.record_layer("a", Layer::Why);
        p.record_layer("a", Layer::How);
        assert_eq!(p.shows("a"), 2);
        assert_eq!(p.layers("a"), &[Layer::Why, Layer::How]);
        assert_eq!(p.shows("b"), 0);
        assert!(p.layers("b").is_empty());
    }

    #[test]
    fn via_follows_the_lessons_completion_rule() {
        let anchor = Anchor::Feature("invoices.send".into());
        assert_eq!(Via::from(&Completion::Click(anchor.clone())), Via::Click);
        assert_eq!(Via::from(&Completion::Event("x".into())), Via::Event);
        assert_eq!(Via::from(&Completion::Url("/x".into())), Via::Url);
        assert_eq!(Via::from(&Completion::Appears(anchor)), Via::Appears);
    }

    fn sample() -> Progress {
        let mut p = Progress::default();
        p.complete("create-invoice", Via::Event, NOW);
        p.mark_known("import-customers");
        p.dismiss("api-key", NOW, 7);
        p.record_show("send-invoice");
        p.record_layer("send-invoice", Layer::What);
        p.set_goals(vec!["get-paid-faster".into()], NOW);
        p.set_preferred_layer(Layer::How, NOW);
        p
    }

    #[test]
    fn progress_survives_a_round_trip_through_storage() {
        let p = sample();
        assert_eq!(Progress::load(&p.to_json()), Loaded::Writable(p));
    }

    #[test]
    fn the_stored_form_is_a_versioned_envelope_without_empty_fields() {
        let mut p = Progress::default();
        p.complete("a", Via::Url, 7);
        assert_eq!(
            p.to_json(),
            r#"{"v":2,"data":{"lessons":{"a":{"completed":{"at":7,"via":"url"}}},"goals":[],"goals_at":0,"layer":null,"layer_at":0}}"#
        );
    }

    #[test]
    fn format_1_completions_migrate_as_completed_by_doing_at_an_unknown_time() {
        let Loaded::Writable(p) = Progress::load(r#"{"v":1,"data":{"completed":["a","b"]}}"#)
        else {
            panic!("format 1 must migrate");
        };
        let done = Status::Completed(Completed {
            at: 0,
            via: Via::Unrecorded,
        });
        assert_eq!(p.status("a"), done);
        assert_eq!(p.status("b"), done);
        assert_eq!(p.status("c"), Status::NotStarted);
        assert!(p.goals().is_empty());
    }

    #[test]
    fn a_migrated_completion_stays_the_earliest_after_merging_with_a_newer_tab() {
        let Loaded::Writable(old) = Progress::load(r#"{"v":1,"data":{"completed":["a"]}}"#) else {
            panic!("format 1 must migrate");
        };
        let mut new = Progress::default();
        new.complete("a", Via::Click, NOW);
        assert!(matches!(
            old.merge(&new).status("a"),
            Status::Completed(Completed {
                via: Via::Unrecorded,
                ..
            })
        ));
    }

    #[test]
    fn a_newer_format_is_read_only_and_keeps_what_this_build_understands() {
        let stored = r#"{"v":3,"data":{"lessons":{"a":{"completed":{"at":5,"via":"event"},"streak":4}},"badges":["x"]}}"#;
        let Loaded::ReadOnly(p) = Progress::load(stored) else {
            panic!("a newer format must load read-only");
        };
        assert!(matches!(p.status("a"), Status::Completed(_)));
    }

    #[test]
    fn a_newer_format_this_build_cannot_read_at_all_is_still_read_only_never_corrupt() {
        assert_eq!(
            Progress::load(r#"{"v":9,"data":{"lessons":[1,2]}}"#),
            Loaded::ReadOnly(Progress::default())
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
                matches!(Progress::load(stored), Loaded::Corrupt(_)),
                "{stored:?} must be corrupt"
            );
        }
    }

    #[test]
    fn keys_separate_packs_and_users_even_when_ids_hold_the_separator() {
        assert_eq!(
            storage_key("acme-ledger", Some("u1")),
            "pathlight:acme-ledger:user:u1"
        );
        assert_ne!(
            storage_key("a:user", Some("b")),
            storage_key("a", Some("user:b"))
        );
        assert_ne!(
            storage_key("a", Some("x:y")),
            storage_key("a", Some("x%3Ay"))
        );
    }

    #[test]
    fn the_anonymous_key_is_stable_and_distinct_from_any_user() {
        assert_eq!(storage_key("p", None), "pathlight:p:anonymous");
        assert_eq!(storage_key("p", Some("")), storage_key("p", None));
        assert_ne!(storage_key("p", Some("anonymous")), storage_key("p", None));
    }

    #[test]
    fn anonymous_progress_carries_over_on_identify() {
        let mut anonymous = Progress::default();
        anonymous.complete("create-invoice", Via::Event, NOW);
        let mut user = Progress::default();
        user.complete("send-invoice", Via::Event, NOW - 1);
        let merged = anonymous.merge(&user);
        assert!(matches!(
            merged.status("create-invoice"),
            Status::Completed(_)
        ));
        assert!(matches!(
            merged.status("send-invoice"),
            Status::Completed(_)
        ));
    }

    #[test]
    fn a_backup_key_never_overwrites_an_earlier_backup() {
        let key = "pathlight:p:anonymous";
        assert_eq!(
            backup_key(key, 42, &|_| false),
            "pathlight:p:anonymous:corrupt:42"
        );
        let taken = [
            "pathlight:p:anonymous:corrupt:42",
            "pathlight:p:anonymous:corrupt:42:2",
        ];
        assert_eq!(
            backup_key(key, 42, &|k| taken.contains(&k)),
            "pathlight:p:anonymous:corrupt:42:3"
        );
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
        a.dismiss("x", NOW, 30);
        a.record_show("x");
        let mut b = Progress::default();
        b.dismiss("x", NOW + 1, 0);
        b.record_show("x");
        b.record_show("x");
        let merged = a.merge(&b);
        assert_eq!(
            merged.status("x"),
            Status::Dismissed {
                at: NOW + 1,
                until: NOW + 1
            }
        );
        assert!(!merged.is_snoozed("x", NOW + 2));
        assert_eq!(merged.shows("x"), 2);
    }
}
