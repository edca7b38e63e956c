//! Simulated learners: do the ranking and the learning map lead toward the goal on a pack
//! nobody tuned by hand?
//!
//! Each learner picks a goal, starts knowing some lessons (never one without what it builds
//! on), and walks the pages of the product. On a page that has a right next lesson (ready,
//! on the way to the goal: see [`crate::decide::way`]; [`right_next`], which works it out
//! again from the definition) the [`Outcome`] notes whether the ranking put
//! one first and in the top three, and the learner takes the first one it offers. Each time
//! their progress changes, it notes whether the learning map's next stop is the best right
//! next lesson.
//!
//! [`generate`] builds random packs to run them on; [`pages`] finds the pages of a built
//! pack, for `cargo run --release --example learners -- lessons.json`. Native only.

use crate::decide::learning_map::learning_map;
use crate::decide::ranking::{rank, Candidate, Learner, Presence};
use crate::model::pack::{Goal, Lesson, Pack, FORMAT};
use crate::model::progress::{Progress, Via};
use crate::model::trigger::Rule;
use crate::support::keyed::Keyed;
use std::fmt;

/// A small, seeded random source (SplitMix64): the same seed walks the same way.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator whose seed makes a simulation run repeatable.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next pseudo-random number.
    pub fn draw(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + (self.draw() % (high - low + 1) as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.draw() % 100 < percent
    }
}

/// A pack and its pages, each the lessons (by index) that may show there.
#[derive(Debug, Clone)]
pub struct World {
    /// The Pack the simulated learners take.
    pub pack: Pack,
    /// For each page, the Lessons whose Anchors are on it.
    pub pages: Vec<Vec<usize>>,
}

/// A random pack: 40–80 lessons on 5–8 pages, 3–6 goals that lessons serve at weights 1–5,
/// a random prerequisite graph without cycles whose chains cross pages, and author
/// priorities that know nothing of goals.
pub fn generate(rng: &mut Rng) -> World {
    let lessons = rng.between(40, 80);
    let pages = rng.between(5, 8);
    let goals = rng.between(3, 6);
    // Prerequisites point back in a shuffled order, so chains run across pack order too.
    let mut order: Vec<usize> = (0..lessons).collect();
    for i in (1..lessons).rev() {
        order.swap(i, rng.between(0, i));
    }
    let mut generated: Vec<Lesson> = (0..lessons).map(|i| lesson(i, rng, goals)).collect();
    for (at, &i) in order.iter().enumerate().skip(1) {
        let count = match rng.draw() % 10 {
            0..=2 => 0,
            3..=6 => 1,
            7..=8 => 2,
            _ => 3,
        };
        for _ in 0..count {
            let id = format!("l{:02}", order[rng.between(0, at - 1)]);
            if !generated[i].prerequisites.contains(&id) {
                generated[i].prerequisites.push(id);
            }
        }
    }
    let mut on_page = vec![vec![]; pages];
    for i in 0..lessons {
        on_page[rng.between(0, pages - 1)].push(i);
    }
    let pack = Pack {
        format: FORMAT,
        id: "generated".into(),
        title: "Generated".into(),
        locale: "en".into(),
        goals: (0..goals)
            .map(|g| Goal {
                id: format!("g{g}"),
                title: format!("Goal {g}"),
                description: String::new(),
                roles: vec![],
                locales: Keyed::new(),
            })
            .collect(),
        lessons: generated,
    };
    World {
        pack,
        pages: on_page,
    }
}

fn lesson(i: usize, rng: &mut Rng, goals: usize) -> Lesson {
    let mut serves = Keyed::new();
    if rng.chance(45) {
        serves.insert(format!("g{}", rng.between(0, goals - 1)), weight(rng));
        if rng.chance(15) {
            serves.insert(format!("g{}", rng.between(0, goals - 1)), weight(rng));
        }
    }
    Lesson {
        id: format!("l{i:02}"),
        title: format!("Lesson {i}"),
        objective: String::new(),
        minutes: rng.between(1, 5) as u16,
        anchor: None,
        why: vec![],
        what: vec![],
        how: vec![],
        goals: serves,
        prerequisites: vec![],
        related: vec![],
        when: None,
        complete: None,
        priority: rng.between(0, 100) as u8,
        locales: Keyed::new(),
    }
}

fn weight(rng: &mut Rng) -> u8 {
    rng.between(1, 5) as u8
}

/// The pages of a built pack: one per path pattern its triggers name (`:id` and `*` filled
/// in), each with the lessons that may show there; lessons without a page show on all.
/// A pack whose triggers name no page is one page.
pub fn pages(pack: &Pack) -> Vec<Vec<usize>> {
    let mut paths: Vec<String> = vec![];
    for lesson in &pack.lessons {
        if let Some(trigger) = &lesson.when {
            page_patterns(&trigger.rule, &mut paths);
        }
    }
    if paths.is_empty() {
        return vec![(0..pack.lessons.len()).collect()];
    }
    paths
        .iter()
        .map(|path| {
            (0..pack.lessons.len())
                .filter(|&i| {
                    pack.lessons[i]
                        .when
                        .as_ref()
                        .is_none_or(|t| t.rule.may_hold_at(path))
                })
                .collect()
        })
        .filter(|page: &Vec<usize>| !page.is_empty())
        .collect()
}

fn page_patterns(rule: &Rule, paths: &mut Vec<String>) {
    match rule {
        Rule::Page(pattern) => {
            let path: Vec<&str> = pattern
                .split('/')
                .map(|s| match s {
                    "*" => "x",
                    s if s.starts_with(':') => "1",
                    s => s,
                })
                .collect();
            let path = path.join("/");
            if !paths.contains(&path) {
                paths.push(path);
            }
        }
        Rule::All(rules) | Rule::Any(rules) => {
            for r in rules {
                page_patterns(r, paths);
            }
        }
        _ => {}
    }
}

/// What the simulated learners saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    /// How many Packs were simulated.
    pub packs: usize,
    /// How many learners were simulated per Pack.
    pub learners: usize,
    /// Visits to a page with a right next lesson among those that may show there.
    pub pages: usize,
    /// Of those, visits where the ranking put a right next lesson first.
    pub first: usize,
    /// And where one was in its top three.
    pub top3: usize,
    /// Learning maps looked at while some lesson on the way was ready.
    pub maps: usize,
    /// Of those, maps whose next stop was a best right next lesson.
    pub map_best: usize,
}

impl Outcome {
    /// Percent of `part` in `whole`; a hundred when there was nothing to get wrong.
    pub fn percent(part: usize, whole: usize) -> f64 {
        match whole {
            0 => 100.0,
            _ => 100.0 * part as f64 / whole as f64,
        }
    }

    /// How often the ranking put a right next Lesson first, in percent of the page visits that had one.
    pub fn first_percent(&self) -> f64 {
        Outcome::percent(self.first, self.pages)
    }

    /// How often a right next Lesson was in the ranking's top three, in percent of those visits.
    pub fn top3_percent(&self) -> f64 {
        Outcome::percent(self.top3, self.pages)
    }

    /// How often a learning map's next stop was a best right next Lesson, in percent.
    pub fn map_percent(&self) -> f64 {
        Outcome::percent(self.map_best, self.maps)
    }

    /// Whether the figures reach what the principle asks: a right next lesson first 90% of
    /// the time, in the top three 98%, and the map's next stop the best one always.
    pub fn passes(&self) -> bool {
        self.first_percent() >= 90.0 && self.top3_percent() >= 98.0 && self.map_percent() >= 100.0
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} learners on {} pack{}; {} page visits offered a right next lesson.",
            self.learners,
            self.packs,
            if self.packs == 1 { "" } else { "s" },
            self.pages
        )?;
        writeln!(
            f,
            "  a right next lesson ranked first:    {:6.2}%  ({} of {}; needs 90%)",
            self.first_percent(),
            self.first,
            self.pages
        )?;
        writeln!(
            f,
            "  a right next lesson in the top 3:    {:6.2}%  ({} of {}; needs 98%)",
            self.top3_percent(),
            self.top3,
            self.pages
        )?;
        write!(
            f,
            "  map's next stop the best right next: {:6.2}%  ({} of {}; needs 100%)",
            self.map_percent(),
            self.map_best,
            self.maps
        )
    }
}

/// Runs `learners` simulated learners on `world`, adding what they saw to `report`.
pub fn simulate(world: &World, learners: usize, rng: &mut Rng, report: &mut Outcome) {
    let pack = &world.pack;
    let served: Vec<&Goal> = pack
        .goals
        .iter()
        .filter(|g| pack.lessons.iter().any(|l| l.goals.contains_key(&g.id)))
        .collect();
    if served.is_empty() || world.pages.is_empty() {
        return;
    }
    report.packs += 1;
    for _ in 0..learners {
        report.learners += 1;
        let goal = served[rng.between(0, served.len() - 1)].id.as_str();
        let mut progress = prior_knowledge(pack, rng);
        progress.set_goals(vec![goal.to_owned()], 1);
        let mut changed = true;
        // Enough visits to finish any goal on a pack of this size, with room to wander.
        for _ in 0..pack.lessons.len() * world.pages.len() * 2 {
            let right = right_next(pack, goal, &progress);
            let Some(best) = right.iter().map(|&(_, v)| v).max() else {
                break;
            };
            if changed {
                report.maps += 1;
                let map = learning_map(pack, goal, &progress).expect("the goal is in the pack");
                let next = map.next.map(|i| map.stops[i].lesson.id.as_str());
                report.map_best += usize::from(
                    right
                        .iter()
                        .any(|&(i, v)| v == best && Some(pack.lessons[i].id.as_str()) == next),
                );
                changed = false;
            }
            let page = &world.pages[rng.between(0, world.pages.len() - 1)];
            let is_right = |l: &Lesson| right.iter().any(|&(i, _)| pack.lessons[i].id == l.id);
            if !page.iter().any(|&i| is_right(&pack.lessons[i])) {
                continue;
            }
            let candidates: Vec<Candidate> = page
                .iter()
                .map(|&i| Candidate {
                    lesson: &pack.lessons[i],
                    presence: if rng.chance(50) {
                        Presence::Visible
                    } else {
                        Presence::OnPage
                    },
                })
                .collect();
            let learner = Learner {
                progress: &progress,
                role: None,
                now: 1,
            };
            let ranked = rank(pack, &candidates, &learner);
            report.pages += 1;
            report.first += usize::from(is_right(ranked[0].lesson));
            report.top3 += usize::from(ranked.iter().take(3).any(|s| is_right(s.lesson)));
            // The learner follows the suggestions: the first right next lesson offered.
            let taken = ranked
                .iter()
                .find(|s| is_right(s.lesson))
                .expect("one is here");
            let id = taken.lesson.id.clone();
            progress.complete(&id, Via::Click, 2);
            changed = true;
        }
    }
}

/// What learners who never pick a goal saw, counted after their third lesson on the way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coached {
    /// How many learners worked toward one hidden goal.
    pub learners: usize,
    /// Their page visits with a right next lesson for the hidden goal.
    pub pages: usize,
    /// Of those, visits where the ranking put one first.
    pub first: usize,
    /// And where one was in its top three.
    pub top3: usize,
    /// Their visits where coaching guessed a goal (and the line would show).
    pub shown: usize,
    /// Of those, visits where it guessed the hidden goal.
    pub named_right: usize,
    /// How many learners acted evenly across two goals.
    pub even_learners: usize,
    /// Their page visits.
    pub even_visits: usize,
    /// Of those, visits where coaching guessed nothing.
    pub even_unguessed: usize,
}

impl Coached {
    /// A right next lesson first, in percent of the visits that had one.
    pub fn first_percent(&self) -> f64 {
        Outcome::percent(self.first, self.pages)
    }

    /// A right next lesson in the top three, in percent of the visits that had one.
    pub fn top3_percent(&self) -> f64 {
        Outcome::percent(self.top3, self.pages)
    }

    /// The guessed goal the hidden one, in percent of the visits that showed a guess.
    pub fn named_percent(&self) -> f64 {
        Outcome::percent(self.named_right, self.shown)
    }

    /// No guess for a learner acting on two goals, in percent of their visits.
    pub fn even_percent(&self) -> f64 {
        Outcome::percent(self.even_unguessed, self.even_visits)
    }

    /// Whether the figures reach what issue #23 asks: top three 95%, first 80%, the named
    /// goal right 90%, and no guess for two-goal learners 80%.
    pub fn passes(&self) -> bool {
        self.top3_percent() >= 95.0
            && self.first_percent() >= 80.0
            && self.named_percent() >= 90.0
            && self.even_percent() >= 80.0
    }
}

impl fmt::Display for Coached {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} learners without a goal, {} acting on two; after their third lesson on the way:",
            self.learners, self.even_learners
        )?;
        writeln!(
            f,
            "  a right next lesson ranked first:    {:6.2}%  ({} of {}; needs 80%)",
            self.first_percent(),
            self.first,
            self.pages
        )?;
        writeln!(
            f,
            "  a right next lesson in the top 3:    {:6.2}%  ({} of {}; needs 95%)",
            self.top3_percent(),
            self.top3,
            self.pages
        )?;
        writeln!(
            f,
            "  the guessed goal the hidden one:     {:6.2}%  ({} of {}; needs 90%)",
            self.named_percent(),
            self.named_right,
            self.shown
        )?;
        write!(
            f,
            "  no guess when acting on two goals:   {:6.2}%  ({} of {}; needs 80%)",
            self.even_percent(),
            self.even_unguessed,
            self.even_visits
        )
    }
}

/// Runs `learners` simulated learners who never pick a goal on `world`: each works toward
/// a hidden goal (every fourth, evenly toward two), taking the first right next lesson the
/// ranking offers on the page, opening its card first; one time in ten they take a lesson
/// off the way instead. `coach` off answers "Not this" to every goal up front, which
/// turns guessing off: the figures before coaching.
pub fn simulate_without_goal(
    world: &World,
    learners: usize,
    coach: bool,
    rng: &mut Rng,
    report: &mut Coached,
) {
    use crate::decide::coaching::guess;
    use crate::model::layer::Layer;
    let pack = &world.pack;
    let served: Vec<&str> = pack
        .goals
        .iter()
        .filter(|g| pack.lessons.iter().any(|l| l.goals.contains_key(&g.id)))
        .map(|g| g.id.as_str())
        .collect();
    if served.len() < 2 || world.pages.is_empty() {
        return;
    }
    for n in 0..learners {
        let even = n % 4 == 3;
        let first = served[rng.between(0, served.len() - 1)];
        let other = loop {
            let g = served[rng.between(0, served.len() - 1)];
            if g != first {
                break g;
            }
        };
        let hidden: Vec<&str> = if even {
            vec![first, other]
        } else {
            vec![first]
        };
        if even {
            report.even_learners += 1;
        } else {
            report.learners += 1;
        }
        let mut progress = prior_knowledge(pack, rng);
        if !coach {
            for g in &pack.goals {
                progress.reject_goal(&g.id, 1);
            }
        }
        let mut on_way = 0;
        let mut now = 2;
        for visit in 0..pack.lessons.len() * world.pages.len() * 2 {
            let goal = hidden[visit % hidden.len()];
            let right = right_next(pack, goal, &progress);
            if right.is_empty() {
                break;
            }
            let page = &world.pages[rng.between(0, world.pages.len() - 1)];
            let is_right = |l: &Lesson| right.iter().any(|&(i, _)| pack.lessons[i].id == l.id);
            let candidates: Vec<Candidate> = page
                .iter()
                .map(|&i| Candidate {
                    lesson: &pack.lessons[i],
                    presence: if rng.chance(50) {
                        Presence::Visible
                    } else {
                        Presence::OnPage
                    },
                })
                .collect();
            let learner = Learner {
                progress: &progress,
                role: None,
                now,
            };
            let ranked = rank(pack, &candidates, &learner);
            if on_way >= 3 {
                let guessed = guess(pack, &progress, None)
                    .filter(|g| g.clear)
                    .map(|g| g.goal.id.as_str());
                if even {
                    report.even_visits += 1;
                    report.even_unguessed += usize::from(guessed.is_none());
                } else {
                    if let Some(g) = guessed {
                        report.shown += 1;
                        report.named_right += usize::from(g == goal);
                    }
                    if page.iter().any(|&i| is_right(&pack.lessons[i])) {
                        report.pages += 1;
                        report.first += usize::from(is_right(ranked[0].lesson));
                        report.top3 +=
                            usize::from(ranked.iter().take(3).any(|s| is_right(s.lesson)));
                    }
                }
            }
            let fresh = |s: &&crate::decide::ranking::Suggestion| s.fresh;
            let taken = if rng.chance(10) {
                ranked.iter().filter(fresh).find(|s| !is_right(s.lesson))
            } else {
                ranked.iter().find(|s| is_right(s.lesson))
            };
            let Some(taken) = taken else {
                continue;
            };
            let id = taken.lesson.id.clone();
            on_way += usize::from(is_right(taken.lesson));
            now += 1;
            progress.record_layer(&id, Layer::default(), now);
            now += 1;
            progress.complete(&id, Via::Click, now);
        }
    }
}

/// The right next lessons toward `goal` and the goal weight each unblocks, straight from
/// the definition and apart from [`crate::decide::way::Way`], so the simulation checks it too: lessons still to
/// do, ready, and either serving the goal or needed (through lessons still to do) by one
/// that does; worth the heaviest weight among itself and those that need it.
pub fn right_next(pack: &Pack, goal: &str, progress: &Progress) -> Vec<(usize, u32)> {
    let lessons = &pack.lessons;
    let to_do = |i: usize| !progress.state(&lessons[i].id).is_done();
    let mut value: Vec<Option<u32>> = vec![None; lessons.len()];
    for (g, lesson) in lessons.iter().enumerate() {
        let Some(&weight) = lesson.goals.get(goal) else {
            continue;
        };
        if !to_do(g) {
            continue;
        }
        let mut seen = vec![false; lessons.len()];
        let mut pending = vec![g];
        while let Some(i) = pending.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            let v = value[i].get_or_insert(0);
            *v = (*v).max(u32::from(weight));
            for p in &lessons[i].prerequisites {
                if let Some(j) = lessons.iter().position(|l| &l.id == p) {
                    if to_do(j) {
                        pending.push(j);
                    }
                }
            }
        }
    }
    (0..lessons.len())
        .filter_map(|i| value[i].map(|v| (i, v)))
        .filter(|&(i, _)| {
            lessons[i]
                .prerequisites
                .iter()
                .all(|p| progress.state(p).is_done())
        })
        .collect()
}

/// What a learner knows before they start: each lesson whose prerequisites they know, a
/// quarter of the time.
fn prior_knowledge(pack: &Pack, rng: &mut Rng) -> Progress {
    let mut progress = Progress::default();
    let mut decided = vec![false; pack.lessons.len()];
    // In prerequisite order: a lesson is decided once all it builds on is.
    loop {
        let mut any = false;
        for (i, lesson) in pack.lessons.iter().enumerate() {
            let ready = lesson.prerequisites.iter().all(|p| {
                pack.lessons
                    .iter()
                    .position(|l| &l.id == p)
                    .is_none_or(|j| decided[j])
            });
            if decided[i] || !ready {
                continue;
            }
            decided[i] = true;
            any = true;
            let knows_all = lesson
                .prerequisites
                .iter()
                .all(|p| progress.state(p).is_done());
            if knows_all && rng.chance(25) {
                progress.know(&lesson.id, 1);
            }
        }
        if !any {
            return progress;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_packs_have_the_shape_asked_for() {
        let mut rng = Rng::new(7);
        for _ in 0..20 {
            let world = generate(&mut rng);
            let pack = &world.pack;
            assert!((40..=80).contains(&pack.lessons.len()));
            assert!((5..=8).contains(&world.pages.len()));
            assert!((3..=6).contains(&pack.goals.len()));
            assert_eq!(
                world.pages.iter().map(Vec::len).sum::<usize>(),
                pack.lessons.len()
            );
            let mut weights = pack.lessons.iter().flat_map(|l| l.goals.iter());
            assert!(weights.all(|(_, w)| (1..=5).contains(w)));
            // Every prerequisite is in the pack, and following them never loops: lessons
            // can be taken one by one, each after all it builds on.
            let mut taken: Vec<&str> = vec![];
            while let Some(next) = pack.lessons.iter().find(|l| {
                !taken.contains(&l.id.as_str())
                    && l.prerequisites.iter().all(|p| taken.contains(&p.as_str()))
            }) {
                taken.push(&next.id);
            }
            assert_eq!(
                taken.len(),
                pack.lessons.len(),
                "a cycle in a generated pack"
            );
        }
    }

    #[test]
    fn pages_of_a_built_pack_follow_its_triggers() {
        let mut pack = generate(&mut Rng::new(1)).pack;
        pack.lessons.truncate(3);
        let json = |page: &str| {
            crate::support::json::parse(&format!(r#"{{"rule": {{"page": "{page}"}}}}"#)).unwrap()
        };
        use crate::support::json::FromJson;
        pack.lessons[0].when =
            Some(crate::model::trigger::Trigger::from_json(&json("/invoices/:id")).unwrap());
        pack.lessons[1].when =
            Some(crate::model::trigger::Trigger::from_json(&json("/reports/*")).unwrap());
        assert_eq!(pages(&pack), [vec![0, 2], vec![1, 2]]);
    }
}
