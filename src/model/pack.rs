//! The compiled lesson pack: what `pathlight build` writes and the widget loads.

use crate::model::anchor::Anchor;
use crate::model::content::{self, Block, Unknown};
use crate::model::trigger::{Frequency, Trigger};
use crate::support::json::{self, member_mut, FromJson, Json, Mismatch, Object, ToJson};
use crate::support::keyed::Keyed;
use std::fmt::Write;

/// The pack format this build reads and writes. A pack of another format is refused whole,
/// with a message that says which build reads it. Format 2 added the trigger's frequency
/// and the full rule tree.
pub const FORMAT: u32 = 2;

/// The largest lessons file the widget reads: 5 MB. Past this a pack costs learners seconds
/// of download and parsing and the widget its memory, so it is refused whole, before it is
/// parsed, with a message that says how to make it smaller. (The demo pack of 21 lessons
/// with translations is 57 KB.)
pub const MAX_PACK_BYTES: u64 = 5_000_000;

/// A set of lessons and goals for one product.
#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    /// Pack format version, so a widget refuses a Pack it cannot read.
    pub format: u32,
    /// Stable Pack id, which keys the learner's saved Progress.
    pub id: String,
    /// Title the panel heading shows.
    pub title: String,
    /// Language the Lessons are written in, set as `lang` on their text for screen readers.
    pub locale: String,
    /// Goals a learner can choose, which steer the ranking.
    pub goals: Vec<Goal>,
    /// Every Lesson in the Pack, in authoring order.
    pub lessons: Vec<Lesson>,
}

/// Something a learner wants to get done, served by several lessons.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    /// Stable Goal id, stored in Progress when the learner chooses it.
    pub id: String,
    /// Goal title shown in the Goal picker and on the learning map.
    pub title: String,
    /// One-line description that helps the learner pick the Goal.
    pub description: String,
    /// Roles the goal is meant for; empty means everyone.
    pub roles: Vec<String>,
    /// Translations by BCP 47 tag, as for lessons: the learner chooses goals, and reads
    /// them in the reasons and on the map, in their language where the pack has it.
    pub locales: Keyed<GoalTranslation>,
}

/// A goal's text in another language: each part given replaces the default language's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoalTranslation {
    /// Translated Goal title; none keeps the source one.
    pub title: Option<String>,
    /// Translated Goal description; none keeps the source one.
    pub description: Option<String>,
}

/// One micro-lesson with a single objective.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    /// Stable Lesson id, which keys its Progress and Triggers.
    pub id: String,
    /// Lesson title shown in the panel, on the card and on the Beacon.
    pub title: String,
    /// What the learner can do after the Lesson, shown under its title.
    pub objective: String,
    /// Estimated minutes.
    pub minutes: u16,
    /// The feature the Lesson is about, where its Beacon and card attach; none means panel only.
    pub anchor: Option<Anchor>,
    /// Why Layer: the reason the feature matters.
    pub why: Vec<Block>,
    /// What Layer: what the feature is and does.
    pub what: Vec<Block>,
    /// How Layer: the steps to use the feature.
    pub how: Vec<Block>,
    /// Goal id to weight (1–5): how much this lesson serves the goal.
    pub goals: Keyed<u8>,
    /// Ids of the Lessons to take first, which order the learning map.
    pub prerequisites: Vec<String>,
    /// Ids of Lessons worth taking alongside this one.
    pub related: Vec<String>,
    /// When the lesson is relevant and how often it may show by itself; none means
    /// everywhere, with no limit.
    pub when: Option<Trigger>,
    /// How the Lesson completes by the learner's action in the app; none completes on finishing it.
    pub complete: Option<Completion>,
    /// Higher first, among lessons that could show at the same time.
    pub priority: u8,
    /// Translations by BCP 47 tag (`de`, `pt-BR`); what a translation leaves out stays in
    /// the pack's default language. [`Pack::localized`] applies them.
    pub locales: Keyed<Translation>,
}

/// A lesson's text in another language: each part given replaces the default language's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Translation {
    /// Translated Lesson title; none keeps the source one.
    pub title: Option<String>,
    /// Translated objective; none keeps the source one.
    pub objective: Option<String>,
    /// Translated Why Layer; none keeps the source one.
    pub why: Option<Vec<Block>>,
    /// Translated What Layer; none keeps the source one.
    pub what: Option<Vec<Block>>,
    /// Translated How Layer; none keeps the source one.
    pub how: Option<Vec<Block>>,
}

/// The real action that completes a lesson: doing the thing, not clicking "Next".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completion {
    /// The learner clicked this feature.
    Click(Anchor),
    /// The host reported this event with `pathlight('track', name)`.
    Event(String),
    /// The learner reached a URL matching this path pattern.
    Url(String),
    /// This feature appeared on the page.
    Appears(Anchor),
}

/// Why a pack could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackError {
    /// The Pack is not valid JSON or does not fit the Pack shape.
    Json(String),
    /// The Pack declares a format version this widget cannot read.
    Format(u32),
    /// The size of the file in bytes, over [`MAX_PACK_BYTES`].
    TooBig(u64),
    /// Every id that more than one lesson has.
    DuplicateIds(Vec<Duplicate>),
}

/// Lessons that share an id: progress is kept by lesson id, so they cannot be told apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The id used by more than one Lesson or Goal.
    pub id: String,
    /// The places of the lessons in `lessons`, in order.
    pub lessons: Vec<usize>,
}

/// As in "lessons[3] and lessons[7] both have id \`send-invoice\`".
impl std::fmt::Display for Duplicate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let last = self.lessons.len().saturating_sub(1);
        for (n, i) in self.lessons.iter().enumerate() {
            let joint = match n {
                0 => "",
                n if n < last => ", ",
                _ => " and ",
            };
            write!(f, "{joint}lessons[{i}]")?;
        }
        let verb = if self.lessons.len() > 2 {
            "all"
        } else {
            "both"
        };
        write!(f, " {verb} have id `{}`", self.id)
    }
}

/// Bytes as people read a file's size: `6.2 MB`, rounded up so that a size over the limit
/// never reads as the limit.
pub fn megabytes(bytes: u64) -> String {
    let tenths = bytes.div_ceil(100_000);
    match tenths % 10 {
        0 => format!("{} MB", tenths / 10),
        d => format!("{}.{d} MB", tenths / 10),
    }
}

/// Refuses a lessons file of `bytes` over [`MAX_PACK_BYTES`]. The widget asks before it
/// reads the file (its `Content-Length`) and again once it has (its text), because a
/// server may not say, or say the compressed size.
pub fn check_size(bytes: u64) -> Result<(), PackError> {
    match bytes > MAX_PACK_BYTES {
        true => Err(PackError::TooBig(bytes)),
        false => Ok(()),
    }
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackError::Json(e) => write!(
                f,
                "the lessons file is not a valid pack ({e}). Build it with `pathlight build` and check it with `pathlight lint`."
            ),
            PackError::Format(v) => write!(
                f,
                "the lessons file has format {v}, but this Pathlight reads format {FORMAT}. Rebuild the pack with the `pathlight` CLI of the same release as the widget."
            ),
            PackError::TooBig(bytes) => write!(
                f,
                "the lessons file is {}, over the {} a pack may have, so it was not read. Make it smaller: split it into several packs (one per area of the product, each given to init on its own pages) or remove translations no learner uses, then rebuild it with `pathlight build`.",
                megabytes(*bytes),
                megabytes(MAX_PACK_BYTES)
            ),
            PackError::DuplicateIds(duplicates) => {
                f.write_str("the lessons file has lessons with the same id (")?;
                for (n, d) in duplicates.iter().enumerate() {
                    let joint = if n == 0 { "" } else { "; " };
                    write!(f, "{joint}{d}")?;
                }
                f.write_str("), so it was not read: progress is kept by lesson id. Give each lesson its own id and rebuild the pack with `pathlight build`, which refuses duplicates.")
            }
        }
    }
}

/// A pack as the widget read it, with the parts of its lessons it left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The Pack as loaded, ready for a Session.
    pub pack: Pack,
    /// Blocks and inlines of kinds this version does not know, in file order.
    pub unknown: Vec<Unknown>,
}

impl Loaded {
    /// The one warning for the whole pack about what was left out, if anything was.
    pub fn notice(&self) -> Option<String> {
        let first = self.unknown.first()?;
        let more = match self.unknown.len() - 1 {
            0 => String::new(),
            n => format!(", and {n} more"),
        };
        Some(format!(
            "this pack has content this version of Pathlight does not know (`{}` in {}{more}), so those parts are left out. Update the widget, or rebuild the pack with the `pathlight` CLI of the widget's release.",
            first.tag, first.path
        ))
    }
}

impl Pack {
    /// Calls `f` with every media URL of every lesson and translation
    /// ([`content::each_media_url`]).
    pub fn each_media_url(&mut self, f: &mut dyn FnMut(&mut String)) {
        for lesson in &mut self.lessons {
            for layer in [&mut lesson.why, &mut lesson.what, &mut lesson.how] {
                content::each_media_url(layer, f);
            }
            for (_, t) in lesson.locales.iter_mut() {
                for layer in [&mut t.why, &mut t.what, &mut t.how].into_iter().flatten() {
                    content::each_media_url(layer, f);
                }
            }
        }
    }

    /// Reads a compiled pack as the widget does. It refuses a file over [`MAX_PACK_BYTES`]
    /// before parsing it, then one of another [`FORMAT`], one that is not a pack, and one
    /// whose lessons share an id. Content of kinds this version does not know is left out
    /// and listed in [`Loaded::unknown`], so that a newer pack still loads.
    pub fn read(text: &str) -> Result<Loaded, PackError> {
        Pack::read_parsed(Pack::parse_text(text)?)
    }

    /// The first half of [`Pack::read`]: the size, then the text read as JSON. The widget
    /// gives the host its main thread back between the halves: each takes tens of
    /// milliseconds for a pack of hundreds of lessons on a slow machine.
    pub fn parse_text(text: &str) -> Result<Json, PackError> {
        check_size(text.len() as u64)?;
        json::parse(text).map_err(|e| PackError::Json(e.to_string()))
    }

    /// The second half of [`Pack::read`], on what [`Pack::parse_text`] read.
    pub fn read_parsed(value: Json) -> Result<Loaded, PackError> {
        let loaded = Pack::from_value(value)?;
        let duplicates = loaded.pack.duplicate_ids();
        if !duplicates.is_empty() {
            return Err(PackError::DuplicateIds(duplicates));
        }
        Ok(loaded)
    }

    /// The pack [`Pack::read`] reads, without the list of what it left out.
    pub fn from_json(text: &str) -> Result<Pack, PackError> {
        Pack::read(text).map(|loaded| loaded.pack)
    }

    /// The part of [`Pack::read`] that needs the text: the format, checked before anything
    /// else, and the shape; content of unknown kinds is left out. Neither the size nor the
    /// ids are checked, so that `pathlight lint` can report them with everything else.
    pub fn parse(text: &str) -> Result<Loaded, PackError> {
        Pack::from_value(json::parse(text).map_err(|e| PackError::Json(e.to_string()))?)
    }

    /// [`Pack::parse`] on the JSON already read.
    fn from_value(mut value: Json) -> Result<Loaded, PackError> {
        let invalid = |e: Mismatch| PackError::Json(e.to_string());
        let format: u32 = value
            .fields()
            .and_then(|f| f.required("format"))
            .map_err(invalid)?;
        if format != FORMAT {
            return Err(PackError::Format(format));
        }
        let mut unknown = Vec::new();
        drop_unknown_content(&mut value, &mut unknown);
        let pack = Pack::from_json_value(&value).map_err(invalid)?;
        Ok(Loaded { pack, unknown })
    }

    /// Every id that more than one lesson has, in the order of their first lesson.
    pub fn duplicate_ids(&self) -> Vec<Duplicate> {
        let lessons = &self.lessons;
        let mut order: Vec<usize> = (0..lessons.len()).collect();
        crate::support::order::sort_by(&mut order, |a, b| lessons[*a].id.cmp(&lessons[*b].id));
        let mut found: Vec<Duplicate> = order
            .chunk_by(|a, b| lessons[*a].id == lessons[*b].id)
            .filter(|same| same.len() > 1)
            .map(|same| Duplicate {
                id: lessons[same[0]].id.clone(),
                lessons: same.to_vec(),
            })
            .collect();
        crate::support::order::sort_by_key(&mut found, |d| d.lessons[0]);
        found
    }

    fn from_json_value(value: &Json) -> Result<Pack, Mismatch> {
        let f = value.fields()?;
        Ok(Pack {
            format: f.required("format")?,
            id: f.required("id")?,
            title: f.required("title")?,
            locale: f.optional("locale")?.unwrap_or_else(|| "en".into()),
            goals: f.or_default("goals")?,
            lessons: f.required("lessons")?,
        })
    }

    /// The compiled form that [`Pack::from_json`] reads.
    pub fn to_json(&self) -> String {
        Object::new()
            .with("format", &self.format)
            .with("id", &self.id)
            .with("title", &self.title)
            .with("locale", &self.locale)
            .with("goals", &self.goals)
            .with("lessons", &self.lessons)
            .build()
            .to_string()
    }

    /// Finds a Lesson by id, for commands and Progress that name it.
    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id)
    }
}

/// Leaves out of every lesson's layers, and of its translations', the blocks and inlines
/// this version does not know, noting each in `found`.
fn drop_unknown_content(pack: &mut Json, found: &mut Vec<Unknown>) {
    let Some(Json::Array(lessons)) = member_mut(pack, "lessons") else {
        return;
    };
    let mut path = String::new();
    for (i, lesson) in lessons.iter_mut().enumerate() {
        path.clear();
        let _ = write!(path, "lessons[{i}]");
        drop_unknown_layers(lesson, &mut path, found);
        if let Some(Json::Object(locales)) = member_mut(lesson, "locales") {
            for (tag, translation) in locales.iter_mut() {
                let len = path.len();
                let _ = write!(path, ".locales.{tag}");
                drop_unknown_layers(translation, &mut path, found);
                path.truncate(len);
            }
        }
    }
}

fn drop_unknown_layers(lesson: &mut Json, path: &mut String, found: &mut Vec<Unknown>) {
    for name in ["why", "what", "how"] {
        if let Some(layer) = member_mut(lesson, name) {
            let len = path.len();
            path.push('.');
            path.push_str(name);
            content::drop_unknown(layer, path, found);
            path.truncate(len);
        }
    }
}

impl Lesson {
    /// How often the widget may bring this lesson up by itself.
    pub fn frequency(&self) -> Frequency {
        self.when.as_ref().map(|t| t.frequency).unwrap_or_default()
    }
}

// The JSON forms of a pack's parts; absent optional parts stay out of the file.

impl FromJson for Goal {
    fn from_json(value: &Json) -> Result<Goal, Mismatch> {
        let f = value.fields()?;
        Ok(Goal {
            id: f.required("id")?,
            title: f.required("title")?,
            description: f.or_default("description")?,
            roles: f.or_default("roles")?,
            locales: f.or_default("locales")?,
        })
    }
}

impl FromJson for GoalTranslation {
    fn from_json(value: &Json) -> Result<GoalTranslation, Mismatch> {
        let f = value.fields()?;
        Ok(GoalTranslation {
            title: f.optional("title")?,
            description: f.optional("description")?,
        })
    }
}

impl ToJson for GoalTranslation {
    fn to_json(&self) -> Json {
        Object::new()
            .with_some("title", &self.title)
            .with_some("description", &self.description)
            .build()
    }
}

impl ToJson for Goal {
    fn to_json(&self) -> Json {
        Object::new()
            .with("id", &self.id)
            .with("title", &self.title)
            .with("description", &self.description)
            .with_some("roles", &self.roles)
            .with_some("locales", &self.locales)
            .build()
    }
}

impl FromJson for Lesson {
    fn from_json(value: &Json) -> Result<Lesson, Mismatch> {
        let f = value.fields()?;
        Ok(Lesson {
            id: f.required("id")?,
            title: f.required("title")?,
            objective: f.required("objective")?,
            minutes: f.required("minutes")?,
            anchor: f.optional("anchor")?,
            why: f.required("why")?,
            what: f.required("what")?,
            how: f.required("how")?,
            goals: f.or_default("goals")?,
            prerequisites: f.or_default("prerequisites")?,
            related: f.or_default("related")?,
            when: f.optional("when")?,
            complete: f.optional("complete")?,
            priority: f.or_default("priority")?,
            locales: f.or_default("locales")?,
        })
    }
}

impl ToJson for Lesson {
    fn to_json(&self) -> Json {
        Object::new()
            .with("id", &self.id)
            .with("title", &self.title)
            .with("objective", &self.objective)
            .with("minutes", &self.minutes)
            .with_some("anchor", &self.anchor)
            .with("why", &self.why)
            .with("what", &self.what)
            .with("how", &self.how)
            .with_some("goals", &self.goals)
            .with_some("prerequisites", &self.prerequisites)
            .with_some("related", &self.related)
            .with_some("when", &self.when)
            .with_some("complete", &self.complete)
            .with("priority", &self.priority)
            .with_some("locales", &self.locales)
            .build()
    }
}

impl FromJson for Translation {
    fn from_json(value: &Json) -> Result<Translation, Mismatch> {
        let f = value.fields()?;
        Ok(Translation {
            title: f.optional("title")?,
            objective: f.optional("objective")?,
            why: f.optional("why")?,
            what: f.optional("what")?,
            how: f.optional("how")?,
        })
    }
}

impl ToJson for Translation {
    fn to_json(&self) -> Json {
        Object::new()
            .with_some("title", &self.title)
            .with_some("objective", &self.objective)
            .with_some("why", &self.why)
            .with_some("what", &self.what)
            .with_some("how", &self.how)
            .build()
    }
}

impl FromJson for Completion {
    fn from_json(value: &Json) -> Result<Completion, Mismatch> {
        let (tag, v) = value.variant()?;
        Ok(match tag {
            "click" => Completion::Click(v.payload(tag)?),
            "event" => Completion::Event(v.payload(tag)?),
            "url" => Completion::Url(v.payload(tag)?),
            "appears" => Completion::Appears(v.payload(tag)?),
            _ => {
                let forms = ["click", "event", "url", "appears"];
                return Err(Mismatch::unknown("completion", tag, &forms));
            }
        })
    }
}

impl ToJson for Completion {
    fn to_json(&self) -> Json {
        let (tag, payload) = match self {
            Completion::Click(anchor) => ("click", anchor.to_json()),
            Completion::Event(name) => ("event", name.to_json()),
            Completion::Url(pattern) => ("url", pattern.to_json()),
            Completion::Appears(anchor) => ("appears", anchor.to_json()),
        };
        Json::tagged(tag, payload)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;

    pub(crate) fn lesson(id: &str, page: Option<&str>, priority: u8) -> serde_json::Value {
        let mut l = json!({
            "id": id, "title": id, "objective": "Do it.", "minutes": 1,
            "why": [{"p": [{"text": "w"}]}], "what": [{"p": [{"text": "w"}]}], "how": [{"p": [{"text": "h"}]}],
            "priority": priority,
        });
        if let Some(page) = page {
            l["when"] = json!({"rule": {"page": page}});
        }
        l
    }

    pub(crate) fn pack(lessons: Vec<serde_json::Value>) -> String {
        json!({"format": FORMAT, "id": "p", "title": "P", "lessons": lessons}).to_string()
    }

    pub(crate) fn para(text: &str) -> Vec<Block> {
        vec![Block::P(vec![crate::model::content::Inline::Text(
            text.into(),
        )])]
    }

    #[test]
    fn a_pack_of_another_format_is_refused_with_the_format_named() {
        let old = json!({"format": 1, "id": "p", "title": "P", "lessons": []}).to_string();
        assert_eq!(Pack::from_json(&old), Err(PackError::Format(1)));
        assert!(PackError::Format(1)
            .to_string()
            .contains(&format!("reads format {FORMAT}")));
        assert!(matches!(Pack::from_json("{"), Err(PackError::Json(_))));
    }

    /// Bug pinned: a lessons file of any size was downloaded whole and parsed, freezing the
    /// host page and filling the widget's memory for a pack no learner could use.
    #[test]
    fn a_pack_over_5_mb_is_refused_unparsed_with_its_size_the_limit_and_the_fix() {
        assert_eq!(MAX_PACK_BYTES, 5_000_000);
        assert_eq!(check_size(MAX_PACK_BYTES), Ok(()));
        assert_eq!(check_size(0), Ok(()));
        assert_eq!(
            check_size(MAX_PACK_BYTES + 1),
            Err(PackError::TooBig(MAX_PACK_BYTES + 1))
        );
        // Not JSON at all: refused for its size, so it was never parsed.
        let big = "x".repeat(6_200_000);
        let e = Pack::read(&big).unwrap_err();
        assert_eq!(e, PackError::TooBig(6_200_000));
        let message = e.to_string();
        for part in [
            "is 6.2 MB",
            "over the 5 MB",
            "split it",
            "remove translations",
            "pathlight build",
        ] {
            assert!(message.contains(part), "{part:?} in {message}");
        }
        // A valid pack made big by its text is refused too, however it is counted.
        let mut padded = lesson("a", None, 0);
        padded["objective"] = json!("é".repeat(2_600_000));
        let text = pack(vec![padded]);
        assert!(text.chars().count() < 5_000_000 && text.len() > 5_000_000);
        assert!(
            matches!(Pack::from_json(&text), Err(PackError::TooBig(n)) if n == text.len() as u64)
        );
    }

    #[test]
    fn sizes_read_in_megabytes_rounded_up() {
        assert_eq!(megabytes(5_000_000), "5 MB");
        assert_eq!(megabytes(5_000_001), "5.1 MB");
        assert_eq!(megabytes(6_200_000), "6.2 MB");
        assert_eq!(megabytes(123_456_789), "123.5 MB");
        assert_eq!(megabytes(1), "0.1 MB");
    }

    /// Bug pinned: two lessons with one id loaded, so progress, completion and `open` of
    /// one went to the other. Every duplicate is named, with all of its places.
    #[test]
    fn lessons_sharing_an_id_are_refused_with_every_duplicate_named() {
        let ids = ["a", "send-invoice", "b", "a", "c", "send-invoice", "a"];
        let text = pack(ids.iter().map(|id| lesson(id, None, 0)).collect());
        let e = Pack::from_json(&text).unwrap_err();
        let duplicates = vec![
            Duplicate {
                id: "a".into(),
                lessons: vec![0, 3, 6],
            },
            Duplicate {
                id: "send-invoice".into(),
                lessons: vec![1, 5],
            },
        ];
        assert_eq!(e, PackError::DuplicateIds(duplicates));
        let message = e.to_string();
        assert!(
            message.contains("(lessons[0], lessons[3] and lessons[6] all have id `a`; lessons[1] and lessons[5] both have id `send-invoice`)"),
            "{message}"
        );
        assert!(message.contains("Give each lesson its own id"), "{message}");
        // parse leaves them to the caller, as `pathlight lint` needs.
        let parsed = Pack::parse(&text).unwrap().pack;
        assert_eq!(parsed.lessons.len(), 7);
        let unique = pack(
            ["a", "b", "A"]
                .iter()
                .map(|id| lesson(id, None, 0))
                .collect(),
        );
        assert_eq!(Pack::from_json(&unique).unwrap().duplicate_ids(), []);
    }

    /// Bug pinned: one block or inline of a newer pack format (`table`, `kbd`) made the
    /// whole pack fail to load. Now those parts alone are left out, and the pack says so
    /// in one notice that names the first and counts the rest.
    #[test]
    fn content_of_unknown_kinds_is_left_out_with_one_notice_and_the_rest_loads() {
        let mut newer = lesson("newer", None, 0);
        newer["why"] = json!([
            {"p": [{"text": "Before "}, {"kbd": "Ctrl"}, {"text": "after."}]},
            {"table": {"rows": [["a"]]}},
            {"p": [{"text": "Kept."}]},
        ]);
        newer["locales"] = json!({"de": {"how": [{"video": "v.mp4"}, {"p": [{"text": "Wie."}]}]}});
        let text = pack(vec![lesson("plain", None, 0), newer]);
        let loaded = Pack::read(&text).unwrap();
        let found: Vec<(&str, &str)> = loaded
            .unknown
            .iter()
            .map(|u| (u.tag.as_str(), u.path.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("kbd", "lessons[1].why[0].p[1]"),
                ("table", "lessons[1].why[1]"),
                ("video", "lessons[1].locales.de.how[0]"),
            ]
        );
        let notice = loaded.notice().unwrap();
        assert!(
            notice.contains("(`kbd` in lessons[1].why[0].p[1], and 2 more), so those parts are left out. Update the widget, or rebuild the pack"),
            "{notice}"
        );
        let l = &loaded.pack.lessons[1];
        assert_eq!(
            l.why,
            [
                Block::P(vec![
                    crate::model::content::Inline::Text("Before ".into()),
                    crate::model::content::Inline::Text("after.".into())
                ]),
                para("Kept.")[0].clone(),
            ]
        );
        assert_eq!(l.locales["de"].how, Some(para("Wie.")));
        assert_eq!(
            loaded.pack.lessons[0],
            Pack::from_json(&pack(vec![lesson("plain", None, 0)]))
                .unwrap()
                .lessons[0]
        );
        // A pack without unknown content has nothing to say.
        assert_eq!(
            Pack::read(&pack(vec![lesson("plain", None, 0)]))
                .unwrap()
                .notice(),
            None
        );
    }

    /// Bug pinned: forgiving unknown content turning into forgiving anything unknown. A
    /// trigger, completion or anchor of an unknown kind still refuses the pack.
    #[test]
    fn only_content_is_forgiven_other_unknown_kinds_still_refuse_the_pack() {
        for (field, value) in [
            ("complete", json!({"hover": {"feature": "f"}})),
            ("anchor", json!({"xpath": "//a"})),
            ("when", json!({"rule": {"moon_phase": "full"}})),
        ] {
            let mut l = lesson("a", None, 0);
            l[field] = value;
            let e = Pack::read(&pack(vec![l])).unwrap_err();
            assert!(matches!(e, PackError::Json(_)), "{field}: {e:?}");
        }
    }

    #[test]
    fn lessons_on_a_path_come_by_priority_then_pack_order_with_untriggered_ones_everywhere() {
        let p = Pack::from_json(&pack(vec![
            lesson("low", Some("/reports/*"), 10),
            lesson("anywhere", None, 10),
            lesson("high", Some("/reports/:id"), 90),
            lesson("elsewhere", Some("/settings"), 99),
            lesson("broken", Some("reports"), 99),
        ]))
        .unwrap();
        let ids: Vec<&str> = p
            .lessons_on("/reports/aging")
            .iter()
            .map(|l| l.id.as_str())
            .collect();
        assert_eq!(ids, ["high", "low", "anywhere"]);
        assert_eq!(p.lesson("high").map(|l| l.priority), Some(90));
    }

    mod properties {
        use super::*;
        use proptest::collection::{btree_map, vec};
        use proptest::prelude::*;
        use serde_json::Value;

        /// JSON built from the pack's own vocabulary, so random values reach deep into it.
        fn json_value() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::from),
                any::<i64>().prop_map(Value::from),
                any::<u8>().prop_map(Value::from),
                (-1e12f64..1e12).prop_map(Value::from),
                "[a-z:/#*.> \\[\\]\"=-]{0,10}".prop_map(Value::from),
            ];
            let key = prop_oneof![
                "(id|title|objective|minutes|why|what|how|p|h|ul|ol|steps|content|text|em|link|href|children|image|src|alt|break)",
                "(anchor|feature|selector|when|rule|frequency|max_shows|snooze_days|page|query|hash|element|state|event|name|at_least|within_days)",
                "(trait|key|test|equals|one_of|number|days_since|gt|lt|completed|dismissed|time_on_page|all|any|not|complete|click|url|appears|goals|priority|locales|de|de-CH)",
            ];
            leaf.prop_recursive(5, 48, 6, move |inner| {
                prop_oneof![
                    vec(inner.clone(), 0..5).prop_map(Value::Array),
                    btree_map(key.clone(), inner, 0..5)
                        .prop_map(|m| Value::Object(m.into_iter().collect())),
                ]
            })
        }

        proptest! {
            #[test]
            fn no_text_makes_loading_panic(text in any::<String>()) {
                let _ = Pack::from_json(&text);
            }

            #[test]
            fn no_lesson_shaped_json_makes_loading_or_listing_panic(lessons in vec(json_value(), 0..4), path in "[/a-z:*]{0,12}") {
                if let Ok(p) = Pack::from_json(&pack(lessons)) {
                    let _ = p.lessons_on(&path);
                    let _ = p.localized("de-CH").lessons_on(&path);
                }
            }

            #[test]
            fn no_truncation_of_a_valid_pack_makes_loading_panic(cut in 0usize..400) {
                let text = pack(vec![lesson("a", Some("/x/:id"), 1)]);
                let cut = text.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(text.len());
                let _ = Pack::from_json(&text[..cut]);
            }
        }
    }
}
