//! The report's figures, from what was counted and the pack: every count is of learners,
//! never of events. docs/analytics.md defines each one, and gives the same as SQL.

use super::calendar;
use super::input::Problems;
use super::tally::{bit, Pair, Tally};
use crate::decide::learning_map::learning_map;
use crate::model::pack::Pack;
use crate::model::progress::Progress;
use serde_json::{json, Value};

/// Below this many learners who opened a lesson, it gets no flag: too few to tell.
pub const FLAG_MIN_OPENED: u64 = 5;

/// Something a product team should look at in a lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// At least [`FLAG_MIN_OPENED`] learners opened it, and under a quarter of them
    /// completed it: the content, or a completion rule that never fires.
    RarelyCompleted,
    /// At least [`FLAG_MIN_OPENED`] learners opened it, and more of them than half marked
    /// it "I know this": cut it, or show it to other learners.
    MostlyKnown,
    /// In the pack, and no learner has any record of it: its trigger or anchor never
    /// matches.
    NeverShown,
}

impl Flag {
    /// Its name in the JSON.
    pub fn id(self) -> &'static str {
        match self {
            Flag::RarelyCompleted => "opened_rarely_completed",
            Flag::MostlyKnown => "mostly_known",
            Flag::NeverShown => "never_shown",
        }
    }

    /// Its words in the HTML.
    pub fn words(self) -> &'static str {
        match self {
            Flag::RarelyCompleted => "opened, rarely completed",
            Flag::MostlyKnown => "mostly known",
            Flag::NeverShown => "never shown",
        }
    }
}

/// What was read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Input {
    /// Files read.
    pub files: u64,
    /// Records counted (events, not learners: reading a file twice doubles it).
    pub records: u64,
    /// What was wrong with the input.
    pub problems: Problems,
    /// Records the widget said it dropped.
    pub dropped_by_widget: u64,
}

/// The whole product at a glance.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overview {
    /// Learners shown at least one beacon.
    pub shown: u64,
    /// Learners who opened at least one lesson.
    pub opened: u64,
    /// Learners who completed at least one lesson.
    pub completed: u64,
    /// Learners who opened the panel.
    pub panel_opened: u64,
    /// Lessons shown to at least one learner.
    pub lessons_shown: u64,
    /// Lessons opened by at least one learner.
    pub lessons_opened: u64,
    /// Lessons completed by at least one learner.
    pub lessons_completed: u64,
    /// Learner-lesson pairs where the learner opened the lesson.
    pub pairs_opened: u64,
    /// Of those, the pairs where the learner completed it too.
    pub pairs_opened_completed: u64,
    /// The lower median of the times from first opened to first completed, in ms.
    pub median_ms: Option<i64>,
}

/// One lesson.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LessonFigures {
    /// Its id.
    pub id: String,
    /// Its title, from the pack.
    pub title: Option<String>,
    /// Its place in the pack, if it is in it.
    pub in_pack: Option<usize>,
    /// Learners with any record of it.
    pub met: u64,
    /// Learners shown its beacon.
    pub shown: u64,
    /// Learners who opened it.
    pub opened: u64,
    /// Learners who completed it.
    pub completed: u64,
    /// Learners who marked it "I know this".
    pub known: u64,
    /// Learners who pressed "Not now".
    pub dismissed: u64,
    /// Learners who opened it and completed it.
    pub opened_completed: u64,
    /// Learners who were shown or opened it, and neither completed nor knew it.
    pub dropped_off: u64,
    /// Learners who read Why, What, How.
    pub layers: [u64; 3],
    /// `steps[k]`: learners whom "Show me" showed step k + 1 or a later one.
    pub steps: Vec<u64>,
    /// Learners who closed its card with ×, Escape, `close`, or by completing it.
    pub closed: [u64; 4],
    /// The lower median time from first opened to first completed, in ms.
    pub median_ms: Option<i64>,
    /// What to look at.
    pub flags: Vec<Flag>,
}

/// A stop on a goal's learning map.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StopFigures {
    /// The lesson's id.
    pub lesson: String,
    /// Its title.
    pub title: String,
    /// Learners who chose the goal and completed or knew this lesson.
    pub past: u64,
    /// Learners who chose the goal and are past this stop and every one before it.
    pub through: u64,
}

/// One goal.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoalFigures {
    /// Its id.
    pub id: String,
    /// Its title, from the pack.
    pub title: Option<String>,
    /// Learners who ever chose it.
    pub chosen: u64,
    /// Its learning map for a new learner, with how far learners got (pack given only).
    pub stops: Vec<StopFigures>,
    /// The stop where most learners who chose the goal stall: the first stop they are not
    /// past. None when no one stalls.
    pub stall: Option<usize>,
}

/// One day, in UTC.
#[derive(Debug, Clone, PartialEq)]
pub struct DayFigures {
    /// Days since 1970-01-01.
    pub number: i64,
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Learners with any record that day.
    pub active: u64,
    /// Learner-lesson pairs completed that day.
    pub completions: u64,
}

/// Every figure of the report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// What was read.
    pub input: Input,
    /// The pack's id and title, when given.
    pub pack: Option<(String, String)>,
    /// Learners with any record.
    pub learners: u64,
    /// The whole product.
    pub overview: Overview,
    /// Per lesson, those where most learners drop off first.
    pub lessons: Vec<LessonFigures>,
    /// Per goal, in the pack's order, then those only the records name.
    pub goals: Vec<GoalFigures>,
    /// Per day with records, in order.
    pub days: Vec<DayFigures>,
}

/// `num ÷ den`, none for nothing to divide.
pub fn rate(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// The lower median: the ⌈n/2⌉-th smallest, as SQL's `PERCENTILE_DISC(0.5)` gives it.
fn lower_median(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    let mid = (values.len() - 1) / 2;
    Some(*values.select_nth_unstable(mid).1)
}

fn count(pairs: &[&Pair], bits: u16) -> u64 {
    pairs.iter().filter(|p| p.bits & bits != 0).count() as u64
}

/// The time from first opened to first completed, when the learner completed the lesson
/// no earlier than they first opened it.
fn time_to_complete(p: &Pair) -> Option<i64> {
    (p.bits & bit::OPENED != 0
        && p.bits & bit::COMPLETED != 0
        && p.first_completed >= p.first_opened)
        .then(|| p.first_completed - p.first_opened)
}

/// The figures of `tally`, with titles, goals, maps and never-shown lessons from `pack`.
pub fn figures(tally: &Tally, input: Input, pack: Option<&Pack>) -> Figures {
    let n_lessons = tally.lessons.len();
    // Pairs by lesson, in one pass over the map.
    let mut by_lesson: Vec<Vec<&Pair>> = vec![Vec::new(); n_lessons];
    let mut learner_bits = vec![0u16; tally.learners.len()];
    for (key, pair) in &tally.pairs {
        by_lesson[(key & 0xffff_ffff) as usize].push(pair);
        learner_bits[(key >> 32) as usize] |= pair.bits;
    }
    let mut all_times = Vec::new();
    let mut lessons: Vec<LessonFigures> = Vec::with_capacity(n_lessons);
    for (index, pairs) in by_lesson.iter().enumerate() {
        let id = &tally.lessons.names[index];
        let mut times: Vec<i64> = pairs.iter().filter_map(|p| time_to_complete(p)).collect();
        all_times.extend_from_slice(&times);
        let top = pairs.iter().map(|p| p.max_step).max().unwrap_or(0) as usize;
        let mut steps = vec![0u64; top];
        for p in pairs {
            for s in &mut steps[..p.max_step as usize] {
                *s += 1;
            }
        }
        lessons.push(LessonFigures {
            id: id.to_string(),
            met: pairs.len() as u64,
            shown: count(pairs, bit::SHOWN),
            opened: count(pairs, bit::OPENED),
            completed: count(pairs, bit::COMPLETED),
            known: count(pairs, bit::KNOWN),
            dismissed: count(pairs, bit::DISMISSED),
            opened_completed: pairs
                .iter()
                .filter(|p| p.bits & (bit::OPENED | bit::COMPLETED) == bit::OPENED | bit::COMPLETED)
                .count() as u64,
            dropped_off: pairs
                .iter()
                .filter(|p| {
                    p.bits & (bit::SHOWN | bit::OPENED) != 0
                        && p.bits & (bit::COMPLETED | bit::KNOWN) == 0
                })
                .count() as u64,
            layers: [bit::WHY, bit::WHAT, bit::HOW].map(|b| count(pairs, b)),
            steps,
            closed: [
                bit::CLOSED_BUTTON,
                bit::CLOSED_ESCAPE,
                bit::CLOSED_COMMAND,
                bit::CLOSED_COMPLETED,
            ]
            .map(|b| count(pairs, b)),
            median_ms: lower_median(&mut times),
            ..LessonFigures::default()
        });
    }
    let overview = Overview {
        shown: learner_bits.iter().filter(|b| *b & bit::SHOWN != 0).count() as u64,
        opened: learner_bits
            .iter()
            .filter(|b| *b & bit::OPENED != 0)
            .count() as u64,
        completed: learner_bits
            .iter()
            .filter(|b| *b & bit::COMPLETED != 0)
            .count() as u64,
        panel_opened: tally.panel.len() as u64,
        lessons_shown: lessons.iter().filter(|l| l.shown > 0).count() as u64,
        lessons_opened: lessons.iter().filter(|l| l.opened > 0).count() as u64,
        lessons_completed: lessons.iter().filter(|l| l.completed > 0).count() as u64,
        pairs_opened: lessons.iter().map(|l| l.opened).sum(),
        pairs_opened_completed: lessons.iter().map(|l| l.opened_completed).sum(),
        median_ms: lower_median(&mut all_times),
    };
    if let Some(pack) = pack {
        for (place, lesson) in pack.lessons.iter().enumerate() {
            match lessons.iter_mut().find(|l| l.id == lesson.id) {
                Some(l) => {
                    l.title = Some(lesson.title.clone());
                    l.in_pack = Some(place);
                }
                None => lessons.push(LessonFigures {
                    id: lesson.id.clone(),
                    title: Some(lesson.title.clone()),
                    in_pack: Some(place),
                    flags: vec![Flag::NeverShown],
                    ..LessonFigures::default()
                }),
            }
        }
    }
    for l in &mut lessons {
        if l.opened >= FLAG_MIN_OPENED && l.opened_completed * 4 < l.opened {
            l.flags.push(Flag::RarelyCompleted);
        }
        if l.opened >= FLAG_MIN_OPENED && l.known * 2 > l.opened {
            l.flags.push(Flag::MostlyKnown);
        }
    }
    lessons.sort_by(|a, b| {
        b.dropped_off
            .cmp(&a.dropped_off)
            .then(
                a.in_pack
                    .unwrap_or(usize::MAX)
                    .cmp(&b.in_pack.unwrap_or(usize::MAX)),
            )
            .then(a.id.cmp(&b.id))
    });

    Figures {
        input: Input {
            records: tally.records,
            dropped_by_widget: tally.dropped,
            ..input
        },
        pack: pack.map(|p| (p.id.clone(), p.title.clone())),
        learners: tally.learners.len() as u64,
        overview,
        lessons,
        goals: goals(tally, pack),
        days: days(tally),
    }
}

fn goals(tally: &Tally, pack: Option<&Pack>) -> Vec<GoalFigures> {
    let mut chosen_by: Vec<Vec<u32>> = vec![Vec::new(); tally.goals.len()];
    for key in &tally.chose {
        chosen_by[(key & 0xffff_ffff) as usize].push((key >> 32) as u32);
    }
    let figures_of = |id: &str, title: Option<String>| -> GoalFigures {
        let learners: &[u32] = tally.goals.get(id).map_or(&[], |g| &chosen_by[g as usize]);
        let mut goal = GoalFigures {
            id: id.to_owned(),
            title,
            chosen: learners.len() as u64,
            ..GoalFigures::default()
        };
        let Some(map) = pack.and_then(|p| learning_map(p, id, &Progress::default())) else {
            return goal;
        };
        let stops: Vec<(Option<u32>, &crate::model::pack::Lesson)> = map
            .stops
            .iter()
            .map(|s| (tally.lessons.get(&s.lesson.id), s.lesson))
            .collect();
        let mut past = vec![0u64; stops.len()];
        let mut through = vec![0u64; stops.len()];
        for &learner in learners {
            let mut all_so_far = true;
            for (k, (lesson, _)) in stops.iter().enumerate() {
                let done = lesson
                    .and_then(|l| tally.pair(learner, l))
                    .is_some_and(|p| p.bits & (bit::COMPLETED | bit::KNOWN) != 0);
                past[k] += u64::from(done);
                all_so_far &= done;
                through[k] += u64::from(all_so_far);
            }
        }
        goal.stops = stops
            .iter()
            .enumerate()
            .map(|(k, (_, lesson))| StopFigures {
                lesson: lesson.id.clone(),
                title: lesson.title.clone(),
                past: past[k],
                through: through[k],
            })
            .collect();
        // Learners stalled at stop k: through the stop before, not through this one.
        let mut before = goal.chosen;
        let mut most = 0;
        for (k, stop) in goal.stops.iter().enumerate() {
            let stalled = before - stop.through;
            if stalled > most {
                most = stalled;
                goal.stall = Some(k);
            }
            before = stop.through;
        }
        goal
    };
    let mut out: Vec<GoalFigures> = Vec::new();
    if let Some(pack) = pack {
        out.extend(
            pack.goals
                .iter()
                .map(|g| figures_of(&g.id, Some(g.title.clone()))),
        );
    }
    let mut others: Vec<&str> = tally
        .goals
        .names
        .iter()
        .map(|g| &**g)
        .filter(|g| !out.iter().any(|o| o.id == *g))
        .collect();
    others.sort_unstable();
    out.extend(others.into_iter().map(|g| figures_of(g, None)));
    out
}

fn days(tally: &Tally) -> Vec<DayFigures> {
    let mut by_day: std::collections::BTreeMap<u32, (u64, u64)> = Default::default();
    for (day, _) in &tally.active {
        by_day.entry(*day).or_default().0 += 1;
    }
    for (day, _) in &tally.completions {
        by_day.entry(*day).or_default().1 += 1;
    }
    by_day
        .into_iter()
        .map(|(day, (active, completions))| DayFigures {
            number: i64::from(day),
            day: calendar::date(i64::from(day)),
            active,
            completions,
        })
        .collect()
}

impl Figures {
    /// The figures as `pathlight report --json` prints them.
    pub fn to_json(&self) -> Value {
        let ratio = |v: Option<f64>| v.map_or(Value::Null, |v| json!(v));
        let o = &self.overview;
        json!({
            "format": 1,
            "pack": self.pack.as_ref().map(|(id, title)| json!({ "id": id, "title": title })),
            "input": {
                "files": self.input.files,
                "records": self.input.records,
                "malformed": self.input.problems.malformed,
                "skipped": self.input.problems.skipped,
                "dropped_by_widget": self.input.dropped_by_widget,
            },
            "learners": self.learners,
            "overview": {
                "shown": o.shown,
                "opened": o.opened,
                "completed": o.completed,
                "panel_opened": o.panel_opened,
                "lessons_shown": o.lessons_shown,
                "lessons_opened": o.lessons_opened,
                "lessons_completed": o.lessons_completed,
                "pairs_opened": o.pairs_opened,
                "pairs_opened_completed": o.pairs_opened_completed,
                "completion_rate": ratio(rate(o.pairs_opened_completed, o.pairs_opened)),
                "median_ms_opened_to_completed": o.median_ms,
            },
            "lessons": self.lessons.iter().map(|l| json!({
                "id": l.id,
                "title": l.title,
                "in_pack": l.in_pack.is_some(),
                "met": l.met,
                "shown": l.shown,
                "opened": l.opened,
                "completed": l.completed,
                "known": l.known,
                "dismissed": l.dismissed,
                "opened_completed": l.opened_completed,
                "completion_rate": ratio(rate(l.opened_completed, l.opened)),
                "dropped_off": l.dropped_off,
                "layers": { "why": l.layers[0], "what": l.layers[1], "how": l.layers[2] },
                "steps": l.steps,
                "closed": {
                    "button": l.closed[0],
                    "escape": l.closed[1],
                    "command": l.closed[2],
                    "completed": l.closed[3],
                },
                "median_ms_opened_to_completed": l.median_ms,
                "flags": l.flags.iter().map(|f| f.id()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "goals": self.goals.iter().map(|g| json!({
                "id": g.id,
                "title": g.title,
                "chosen": g.chosen,
                "share": ratio(rate(g.chosen, self.learners)),
                "stops": g.stops.iter().map(|s| json!({
                    "lesson": s.lesson,
                    "past": s.past,
                    "through": s.through,
                })).collect::<Vec<_>>(),
                "stall": g.stall.map(|k| &g.stops[k].lesson),
            })).collect::<Vec<_>>(),
            "days": self.days.iter().map(|d| json!({
                "day": d.day,
                "active": d.active,
                "completions": d.completions,
            })).collect::<Vec<_>>(),
        })
    }
}
