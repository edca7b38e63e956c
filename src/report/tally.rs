//! What the report keeps while it reads: sets of learners, never lists of events. Learner
//! keys, lesson and goal ids are interned to numbers, and each learner-lesson pair keeps a
//! few bits and two times, so memory grows with learners × lessons (and their active
//! days), not with events; and reading the same record twice changes nothing but the count
//! of records read.

use super::calendar;
use super::record::{Kind, Record};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// What a learner did with a lesson, as bits of [`Pair::bits`].
pub mod bit {
    /// The beacon was shown.
    pub const SHOWN: u16 = 1;
    /// The card was opened.
    pub const OPENED: u16 = 1 << 1;
    /// Completed.
    pub const COMPLETED: u16 = 1 << 2;
    /// "I know this".
    pub const KNOWN: u16 = 1 << 3;
    /// "Not now".
    pub const DISMISSED: u16 = 1 << 4;
    /// The Why layer was shown.
    pub const WHY: u16 = 1 << 5;
    /// The What layer was shown.
    pub const WHAT: u16 = 1 << 6;
    /// The How layer was shown.
    pub const HOW: u16 = 1 << 7;
    /// Closed with ×.
    pub const CLOSED_BUTTON: u16 = 1 << 8;
    /// Closed with Escape.
    pub const CLOSED_ESCAPE: u16 = 1 << 9;
    /// Closed by `pathlight('close')`.
    pub const CLOSED_COMMAND: u16 = 1 << 10;
    /// Closed by its completion.
    pub const CLOSED_COMPLETED: u16 = 1 << 11;
}

/// The highest "Show me" step counted; a higher one counts as this one, so that a hostile
/// record cannot make the report allocate.
pub const MAX_STEP: u64 = 255;

/// One learner with one lesson.
#[derive(Debug, Clone, Copy)]
pub struct Pair {
    /// The first `opened`, or `i64::MAX`.
    pub first_opened: i64,
    /// The first `completed`, or `i64::MAX`.
    pub first_completed: i64,
    /// What happened: [`bit`]s.
    pub bits: u16,
    /// The highest "Show me" step shown, 0 for none.
    pub max_step: u8,
}

impl Default for Pair {
    fn default() -> Pair {
        Pair {
            first_opened: i64::MAX,
            first_completed: i64::MAX,
            bits: 0,
            max_step: 0,
        }
    }
}

/// A fast hasher for keys that are already small numbers of our own (interned indexes),
/// where SipHash's protection against chosen keys buys nothing.
#[derive(Default, Clone, Copy)]
pub struct Mix(u64);

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        // FxHash's step, then a final mix so the high bits hashbrown uses vary.
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        self.0 ^= self.0 >> 29;
    }
}

/// A hash map keyed by our own numbers.
pub type NumMap<K, V> = HashMap<K, V, BuildHasherDefault<Mix>>;
/// A hash set of our own numbers.
pub type NumSet<K> = HashSet<K, BuildHasherDefault<Mix>>;

/// Strings numbered in the order first seen.
#[derive(Debug, Default)]
pub struct Names {
    index: HashMap<Box<str>, u32>,
    /// Each name, at its number.
    pub names: Vec<Box<str>>,
}

impl Names {
    /// The number of `name`, given one if it is new.
    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(&n) = self.index.get(name) {
            return n;
        }
        let n = self.names.len() as u32;
        self.names.push(name.into());
        self.index.insert(name.into(), n);
        n
    }

    /// The number of `name`, if it was seen.
    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    /// How many names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// Everything counted so far.
#[derive(Debug, Default)]
pub struct Tally {
    /// Learner keys.
    pub learners: Names,
    /// Lesson ids.
    pub lessons: Names,
    /// Goal ids.
    pub goals: Names,
    /// Each learner-lesson pair met, keyed by `learner << 32 | lesson`.
    pub pairs: NumMap<u64, Pair>,
    /// Learners who opened the panel.
    pub panel: NumSet<u32>,
    /// `learner << 32 | goal` for each goal a learner ever chose.
    pub chose: NumSet<u64>,
    /// `(day, learner)` for each day a learner was active.
    pub active: NumSet<(u32, u32)>,
    /// `(day, learner << 32 | lesson)` for each day a learner completed a lesson.
    pub completions: NumSet<(u32, u64)>,
    /// Records counted.
    pub records: u64,
    /// The sum of the `dropped` records' counts: records the widget could not send.
    pub dropped: u64,
}

/// The key of a learner-lesson pair.
pub fn pair_key(learner: u32, lesson: u32) -> u64 {
    (u64::from(learner) << 32) | u64::from(lesson)
}

impl Tally {
    /// Counts one record.
    pub fn add(&mut self, r: &Record) {
        self.records += 1;
        let learner = self.learners.intern(&r.learner);
        // Days before 1970 or after 11 million years are not worth a wider key.
        let day = calendar::day(r.t).clamp(0, i64::from(u32::MAX)) as u32;
        self.active.insert((day, learner));
        match r.kind {
            Kind::GoalChanged => {
                for goal in &r.goals {
                    let goal = self.goals.intern(goal);
                    self.chose.insert(pair_key(learner, goal));
                }
                return;
            }
            Kind::PanelOpened => {
                self.panel.insert(learner);
                return;
            }
            Kind::Dropped => {
                self.dropped = self.dropped.saturating_add(r.number);
                return;
            }
            Kind::Uncounted => return,
            _ => {}
        }
        let Some(lesson) = r.lesson.as_deref() else {
            return;
        };
        let lesson = self.lessons.intern(lesson);
        let key = pair_key(learner, lesson);
        let pair = self.pairs.entry(key).or_default();
        let word = r.word.as_deref();
        pair.bits |= match r.kind {
            Kind::Shown => bit::SHOWN,
            Kind::Opened => {
                pair.first_opened = pair.first_opened.min(r.t);
                bit::OPENED
            }
            Kind::Completed => {
                pair.first_completed = pair.first_completed.min(r.t);
                self.completions.insert((day, key));
                bit::COMPLETED
            }
            Kind::Known => bit::KNOWN,
            Kind::Dismissed => bit::DISMISSED,
            Kind::LayerViewed => match word {
                Some("why") => bit::WHY,
                Some("what") => bit::WHAT,
                Some("how") => bit::HOW,
                _ => 0,
            },
            Kind::StepShown => {
                if r.number >= 1 {
                    pair.max_step = pair.max_step.max(r.number.min(MAX_STEP) as u8);
                }
                0
            }
            Kind::Closed => match word {
                Some("button") => bit::CLOSED_BUTTON,
                Some("escape") => bit::CLOSED_ESCAPE,
                Some("command") => bit::CLOSED_COMMAND,
                Some("completed") => bit::CLOSED_COMPLETED,
                _ => 0,
            },
            Kind::GoalChanged | Kind::PanelOpened | Kind::Dropped | Kind::Uncounted => 0,
        };
    }

    /// The pair of `learner` and `lesson`, if they met.
    pub fn pair(&self, learner: u32, lesson: u32) -> Option<&Pair> {
        self.pairs.get(&pair_key(learner, lesson))
    }
}
