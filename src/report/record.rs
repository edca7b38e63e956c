//! The collected record, format 1: what the widget's `collect` option sends and what
//! `pathlight report` reads. This is the one place that defines it; docs/analytics.md
//! describes it for the teams that store it.
//!
//! NDJSON, one record per line, batches concatenated:
//!
//! ```text
//! {"v":1,"t":1765100000000,"type":"opened","detail":{"lesson":"invoice-basics"},"pack":"acme","pack_version":"3f2a9c1e","learner":"k3f9…","visit":"v8a1…"}
//! ```
//!
//! - `v`: the format version, 1. A record of another version is skipped.
//! - `t`: when it happened, in milliseconds since the Unix epoch.
//! - `type`: the lifecycle event: `shown`, `opened`, `layer_viewed` (`detail.layer`: `why`,
//!   `what` or `how`), `step_shown` (`detail.step`, from 1), `completed` (`detail.how`),
//!   `known`, `dismissed`, `goal_changed` (`detail.goals`: the whole list of goal ids),
//!   `closed` (`detail.how`: `button`, `escape`, `command` or `completed`), `panel_opened`
//!   (no lesson), and `dropped` (`detail.count`: how many records the widget's bounded queue
//!   dropped before this batch). Every event about a lesson has `detail.lesson`.
//! - `learner`: a pseudonymous key; `visit`: the page visit; `pack`: the pack's id;
//!   `pack_version`: its version. All opaque strings.
//!
//! Unknown types and unknown fields are ignored, so older reports read newer records.
//!
//! The reader also takes the Segment-style records of the forwarding example in
//! docs/api.md, as a Segment export gives them: `{"type":"track","event":"Pathlight
//! completed","userId":"u1","timestamp":"2026-12-01T10:00:00.000Z","properties":{"type":
//! "completed","lesson":"a","how":"click"}}`. The learner is `userId`, else `anonymousId`;
//! the time is `timestamp` (else `originalTimestamp`, else `receivedAt`); the event is
//! `properties.type`, else the event's name after "Pathlight ".

use super::calendar;
use crate::api::lifecycle::EventKind;
use serde::Deserialize;
use std::borrow::Cow;

/// The format version this reader reads.
pub const VERSION: u32 = 1;

/// A lifecycle event the report counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A lesson's beacon appeared.
    Shown,
    /// A lesson card opened.
    Opened,
    /// A layer of the card was shown: Why, What or How.
    LayerViewed,
    /// "Show me" highlighted a step.
    StepShown,
    /// The learner did what the lesson teaches.
    Completed,
    /// "I know this".
    Known,
    /// "Not now".
    Dismissed,
    /// The learner's goals changed: the whole new list.
    GoalChanged,
    /// A card closed, and how.
    Closed,
    /// The panel opened.
    PanelOpened,
    /// The widget's queue dropped records before this batch.
    Dropped,
    /// An event the figures do not use yet (coaching's guesses, clips): read, and counted
    /// only as the learner's activity that day.
    Uncounted,
}

impl Kind {
    /// The kind named `name`, if the report knows it. Every lifecycle event is decided
    /// here, so an event added to the widget cannot go unread by the report unnoticed.
    pub fn named(name: &str) -> Option<Kind> {
        if name == "dropped" {
            return Some(Kind::Dropped);
        }
        Some(match EventKind::parse(name)? {
            EventKind::Shown => Kind::Shown,
            EventKind::Opened => Kind::Opened,
            EventKind::LayerViewed => Kind::LayerViewed,
            EventKind::StepShown => Kind::StepShown,
            EventKind::Completed => Kind::Completed,
            EventKind::Known => Kind::Known,
            EventKind::Dismissed => Kind::Dismissed,
            EventKind::GoalChanged => Kind::GoalChanged,
            EventKind::Closed => Kind::Closed,
            EventKind::PanelOpened => Kind::PanelOpened,
            EventKind::ClipPlayed | EventKind::ClipFinished | EventKind::GoalGuessed => {
                Kind::Uncounted
            }
        })
    }

    /// Whether records of this kind are about one lesson, and so need `lesson`.
    pub fn has_lesson(self) -> bool {
        !matches!(
            self,
            Kind::GoalChanged | Kind::PanelOpened | Kind::Dropped | Kind::Uncounted
        )
    }
}

/// One record read from a line, borrowing its text from the line where it can.
#[derive(Debug, Clone, PartialEq)]
pub struct Record<'a> {
    /// Milliseconds since the Unix epoch.
    pub t: i64,
    /// The event.
    pub kind: Kind,
    /// The pseudonymous learner key.
    pub learner: Cow<'a, str>,
    /// The pack's id, when the record says it.
    pub pack: Option<Cow<'a, str>>,
    /// The lesson's id, for events about a lesson.
    pub lesson: Option<Cow<'a, str>>,
    /// `layer`, `how`: the one word of detail some events carry.
    pub word: Option<Cow<'a, str>>,
    /// `step` of `step_shown`, `count` of `dropped`.
    pub number: u64,
    /// The goal ids of `goal_changed`.
    pub goals: Vec<Cow<'a, str>>,
}

/// What a line holds.
#[derive(Debug, PartialEq)]
pub enum Read<'a> {
    /// A record the report counts.
    Record(Record<'a>),
    /// A blank line, a record of another version or of an event the report does not know:
    /// skipped without a word, as newer widgets may send more.
    Skipped,
    /// Not a record: why, for the warning.
    Malformed(String),
}

/// A string of the line, borrowed unless it has escapes. (serde borrows a `Cow` only when
/// it is a field's whole type, not inside an `Option`: a copy per field per line.)
struct Text<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visit<'a> {
            type Value = Text<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        d.deserialize_str(Visit(std::marker::PhantomData))
    }
}

fn text(t: Option<Text>) -> Option<Cow<str>> {
    t.map(|t| t.0)
}

// Every field is optional here so that a missing one gets a message of our own, and a
// record may be of either shape. Fields not named are skipped by serde.
#[derive(Deserialize)]
struct Line<'a> {
    v: Option<u32>,
    t: Option<f64>,
    #[serde(rename = "type", borrow)]
    kind: Option<Text<'a>>,
    #[serde(borrow)]
    detail: Option<Detail<'a>>,
    #[serde(borrow)]
    pack: Option<Text<'a>>,
    #[serde(borrow)]
    learner: Option<Text<'a>>,
    // Segment's.
    #[serde(borrow)]
    event: Option<Text<'a>>,
    #[serde(rename = "userId", borrow)]
    user_id: Option<Text<'a>>,
    #[serde(rename = "anonymousId", borrow)]
    anonymous_id: Option<Text<'a>>,
    #[serde(borrow)]
    timestamp: Option<Text<'a>>,
    #[serde(rename = "originalTimestamp", borrow)]
    original_timestamp: Option<Text<'a>>,
    #[serde(rename = "receivedAt", borrow)]
    received_at: Option<Text<'a>>,
    #[serde(borrow)]
    properties: Option<Detail<'a>>,
}

#[derive(Deserialize, Default)]
struct Detail<'a> {
    #[serde(rename = "type", borrow)]
    kind: Option<Text<'a>>,
    #[serde(borrow)]
    lesson: Option<Text<'a>>,
    #[serde(borrow)]
    layer: Option<Text<'a>>,
    #[serde(borrow)]
    how: Option<Text<'a>>,
    step: Option<f64>,
    count: Option<f64>,
    #[serde(borrow)]
    goals: Option<Vec<Text<'a>>>,
    // Segment's copy of the pack, when a forwarder adds it.
    #[serde(borrow)]
    pack: Option<Text<'a>>,
}

/// Reads one line (without its line break).
pub fn read(line: &[u8]) -> Read<'_> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Read::Skipped;
    }
    let parsed: Line = match serde_json::from_slice(line) {
        Ok(parsed) => parsed,
        Err(e) => return Read::Malformed(format!("not a JSON record: {e}")),
    };
    if parsed.kind.as_ref().is_some_and(|k| k.0 == "track") && parsed.event.is_some() {
        segment(parsed)
    } else {
        collected(parsed)
    }
}

fn collected(line: Line) -> Read {
    match line.v {
        Some(VERSION) => {}
        Some(_) => return Read::Skipped,
        None => return Read::Malformed("no `v`: not a Pathlight record".into()),
    }
    let Some(Text(name)) = line.kind else {
        return Read::Malformed("no `type`".into());
    };
    let Some(kind) = Kind::named(&name) else {
        return Read::Skipped;
    };
    let Some(t) = line.t.filter(|t| t.is_finite() && *t >= 0.0) else {
        return Read::Malformed("no `t`, or not a time in milliseconds".into());
    };
    let Some(Text(learner)) = line.learner else {
        return Read::Malformed("no `learner`".into());
    };
    record(
        kind,
        t as i64,
        learner,
        text(line.pack),
        line.detail.unwrap_or_default(),
    )
}

fn segment(line: Line) -> Read {
    let mut properties = line.properties.unwrap_or_default();
    let name = match (&properties.kind, &line.event) {
        (Some(kind), _) => kind.0.as_ref(),
        (None, Some(event)) => event.0.strip_prefix("Pathlight ").unwrap_or(""),
        (None, None) => "",
    };
    let Some(kind) = Kind::named(name) else {
        return Read::Skipped;
    };
    let Some(Text(learner)) = line.user_id.or(line.anonymous_id) else {
        return Read::Malformed("a Segment record with neither `userId` nor `anonymousId`".into());
    };
    let stamp = line
        .timestamp
        .or(line.original_timestamp)
        .or(line.received_at);
    let Some(t) = stamp.and_then(|s| calendar::parse_iso(&s.0)) else {
        return Read::Malformed("a Segment record without an ISO 8601 `timestamp`".into());
    };
    let pack = properties.pack.take();
    record(kind, t, learner, text(pack), properties)
}

fn record<'a>(
    kind: Kind,
    t: i64,
    learner: Cow<'a, str>,
    pack: Option<Cow<'a, str>>,
    detail: Detail<'a>,
) -> Read<'a> {
    if kind.has_lesson() && detail.lesson.is_none() {
        return Read::Malformed(format!("a `{}` record without `detail.lesson`", name(kind)));
    }
    let number = match kind {
        Kind::StepShown => detail.step,
        Kind::Dropped => detail.count,
        _ => None,
    };
    Read::Record(Record {
        t,
        kind,
        learner,
        pack,
        lesson: text(detail.lesson),
        word: text(detail.layer.or(detail.how)),
        number: number.filter(|n| n.is_finite() && *n >= 0.0).unwrap_or(0.0) as u64,
        goals: detail
            .goals
            .unwrap_or_default()
            .into_iter()
            .map(|g| g.0)
            .collect(),
    })
}

/// The name records give `kind`.
pub fn name(kind: Kind) -> &'static str {
    match kind {
        Kind::Shown => "shown",
        Kind::Opened => "opened",
        Kind::LayerViewed => "layer_viewed",
        Kind::StepShown => "step_shown",
        Kind::Completed => "completed",
        Kind::Known => "known",
        Kind::Dismissed => "dismissed",
        Kind::GoalChanged => "goal_changed",
        Kind::Closed => "closed",
        Kind::PanelOpened => "panel_opened",
        Kind::Dropped => "dropped",
        Kind::Uncounted => "event",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(line: &str) -> Record<'_> {
        match read(line.as_bytes()) {
            Read::Record(r) => r,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_collected_record_is_read_with_its_detail() {
        let r = record(
            r#"{"v":1,"t":1765100000000,"type":"layer_viewed","detail":{"lesson":"a","layer":"how"},"pack":"p","pack_version":"x","learner":"k","visit":"v","extra":[1]}"#,
        );
        assert_eq!(
            (
                r.t,
                r.kind,
                &*r.learner,
                r.lesson.as_deref(),
                r.word.as_deref()
            ),
            (
                1765100000000,
                Kind::LayerViewed,
                "k",
                Some("a"),
                Some("how")
            )
        );
        assert!(matches!(r.learner, Cow::Borrowed(_)), "no copy per line");
    }

    #[test]
    fn a_segment_record_takes_its_learner_time_and_event_from_segment_fields() {
        let r = record(
            r#"{"type":"track","event":"Pathlight completed","anonymousId":"anon","receivedAt":"2026-12-01T10:00:00.500Z","properties":{"lesson":"a","how":"click"}}"#,
        );
        assert_eq!(
            (r.t, r.kind, &*r.learner, r.word.as_deref()),
            (1796119200500, Kind::Completed, "anon", Some("click"))
        );
    }

    #[test]
    fn unknown_events_and_versions_are_skipped_and_broken_lines_are_malformed() {
        assert_eq!(
            read(br#"{"v":1,"t":1,"type":"new_thing","learner":"k"}"#),
            Read::Skipped
        );
        assert_eq!(
            read(br#"{"v":2,"t":1,"type":"opened","learner":"k"}"#),
            Read::Skipped
        );
        assert_eq!(read(b"  "), Read::Skipped);
        for bad in [
            r#"{"v":1,"t":1,"type":"opened","learner":"k"}"#,
            r#"{"v":1,"type":"opened","learner":"k","detail":{"lesson":"a"}}"#,
            r#"{"v":1,"t":1,"type":"opened","detail":{"lesson":"a"}}"#,
            r#"{"v":1,"t":1,"type":"opened","#,
            r#"{"t":1,"type":"opened","learner":"k","detail":{"lesson":"a"}}"#,
        ] {
            assert!(matches!(read(bad.as_bytes()), Read::Malformed(_)), "{bad}");
        }
    }
}
