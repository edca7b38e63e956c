//! A model-based test of sessions over a simulated browser: several page views of one
//! learner (some of them stale, as after Back), reloads, `identify` to other users,
//! `reset`, and a vendor's backend that answers late or not at all, interleaved at random.
//!
//! The simulated edge carries out each session's effects as the real one does: a save
//! merges with what is stored and writes the result, other live pages hear it (stale ones
//! do not), and the backend answers loads whenever the test says so.
//!
//! It checks the two promises the README makes about progress:
//! - no completion is ever lost, unless a reset for that learner came after it;
//! - no learner's progress reaches another learner.
//!
//! And coaching's (issue #23): a "Not this" to a guessed goal is kept like a completion,
//! and no page's guess ever names a goal its learner said "Not this" to.
//!
//! Time moves forward 10 ms or more between two steps, as it does between two things a
//! person does; that keeps "after" the same whether told by the clock or by the order of
//! steps.
#![cfg(not(target_arch = "wasm32"))]

use pathlight::decide::session::keys::storage_key;
use pathlight::decide::session::{Effects, Options, Session};
use pathlight::model::pack::Pack;
use pathlight::model::progress::{Progress, Stored};
use pathlight::model::trigger::Traits;
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

const LESSONS: [&str; 3] = ["a", "b", "c"];
const USERS: [Option<&str>; 3] = [None, Some("ann"), Some("bob")];
const START: u64 = 1_800_000_000_000;

fn pack() -> Arc<Pack> {
    let lessons: Vec<serde_json::Value> = LESSONS
        .iter()
        .map(|id| {
            // a and b lead to goal g, c to goal h: three lessons done, coaching guesses g.
            let goal = if *id == "c" { "h" } else { "g" };
            serde_json::json!({
                "id": id, "title": id, "objective": "", "minutes": 1,
                "why": [], "what": [], "how": [],
                "complete": { "event": format!("did_{id}") },
                "goals": { goal: 1 },
            })
        })
        .collect();
    let goals = serde_json::json!([{ "id": "g", "title": "G" }, { "id": "h", "title": "H" }]);
    let pack = serde_json::json!({
        "format": pathlight::model::pack::FORMAT, "id": "p", "title": "P", "goals": goals,
        "lessons": lessons,
    });
    Arc::new(Pack::from_json(&pack.to_string()).unwrap())
}

#[derive(Debug, Clone)]
enum Step {
    /// The learner does lesson `1`'s real action on page `0`.
    Do(usize, usize),
    Reset(usize),
    Identify(usize, usize),
    Reload(usize),
    /// The page goes into the back/forward cache: it hears nothing until restored.
    Leave(usize),
    /// Back to the page: `pageshow` with `persisted`, which re-reads what is stored.
    Restore(usize),
    /// The backend answers the oldest pending load (or drops it when `false`).
    Answer(bool),
    /// "Not this" to the goal page `0` guesses.
    NotThis(usize),
    /// "Yes" to the goal page `0` guesses.
    Yes(usize),
}

fn step() -> impl Strategy<Value = Step> {
    let page = 0..3usize;
    prop_oneof![
        6 => (page.clone(), 0..LESSONS.len()).prop_map(|(p, l)| Step::Do(p, l)),
        1 => page.clone().prop_map(Step::Reset),
        2 => (page.clone(), 0..USERS.len()).prop_map(|(p, u)| Step::Identify(p, u)),
        1 => page.clone().prop_map(Step::Reload),
        2 => page.clone().prop_map(Step::Leave),
        2 => page.clone().prop_map(Step::Restore),
        3 => any::<bool>().prop_map(Step::Answer),
        2 => page.clone().prop_map(Step::NotThis),
        1 => page.clone().prop_map(Step::Yes),
    ]
}

struct Page {
    session: Session,
    user: Option<&'static str>,
    stale: bool,
}

/// What happened to whom, in order: the truth the stored progress is checked against.
#[derive(Default)]
struct Ledger {
    /// (key, lesson, step) of every completion a session reported.
    completions: Vec<(String, String, usize)>,
    /// (key, goal, step) of every "Not this".
    rejections: Vec<(String, String, usize)>,
    /// (key, step) of every reset.
    resets: Vec<(String, usize)>,
    /// Keys whose anonymous progress was carried into a user's: key -> from keys.
    carried: BTreeMap<String, Vec<String>>,
}

struct World {
    pack: Arc<Pack>,
    store: BTreeMap<String, String>,
    backend: BTreeMap<String, String>,
    /// Loads the backend has not answered: (user).
    loads: Vec<String>,
    pages: Vec<Page>,
    now: u64,
    step: usize,
    ledger: Ledger,
}

impl World {
    fn new() -> World {
        let pack = pack();
        let mut world = World {
            pack: pack.clone(),
            store: BTreeMap::new(),
            backend: BTreeMap::new(),
            loads: vec![],
            pages: vec![],
            now: START,
            step: 0,
            ledger: Ledger::default(),
        };
        for _ in 0..3 {
            let session = world.open(None);
            world.pages.push(Page {
                session,
                user: None,
                stale: false,
            });
        }
        world
    }

    fn stored(&self, key: &str) -> Progress {
        self_stored(&self.store, key)
    }

    fn open(&mut self, user: Option<&str>) -> Session {
        let stored = self.stored(&storage_key(&self.pack.id, user));
        let options = Options {
            user: user.map(str::to_owned),
            ..Options::default()
        };
        let session = Session::new(self.pack.clone(), options, stored, "/", self.now);
        if let Some(user) = user {
            self.loads.push(user.to_owned());
        }
        session
    }

    fn run(&mut self, step: &Step) {
        self.now += 10;
        self.step += 1;
        let now = self.now;
        match *step {
            Step::Do(p, l) => {
                let key = self.pages[p].session.key();
                let effects = self.pages[p]
                    .session
                    .track(&format!("did_{}", LESSONS[l]), now);
                for lesson in completed(&effects) {
                    self.ledger
                        .completions
                        .push((key.clone(), lesson, self.step));
                }
                self.carry_out(p, effects);
            }
            Step::Reset(p) => {
                self.ledger
                    .resets
                    .push((self.pages[p].session.key(), self.step));
                let effects = self.pages[p].session.reset(now);
                self.carry_out(p, effects);
            }
            Step::Identify(p, u) => {
                let from = self.pages[p].session.key();
                let key = storage_key(&self.pack.id, USERS[u]);
                let World { pages, .. } = self;
                let read = |k: &str| self_stored(&self.store, k);
                let effects =
                    pages[p]
                        .session
                        .identify(USERS[u].map(str::to_owned), Traits::default(), read);
                pages[p].user = USERS[u];
                if effects.remove.contains(&from) {
                    self.ledger.carried.entry(key).or_default().push(from);
                }
                self.carry_out(p, effects);
            }
            Step::Reload(p) => {
                let user = self.pages[p].user;
                self.pages[p] = Page {
                    session: self.open(user),
                    user,
                    stale: false,
                };
            }
            Step::NotThis(p) => {
                let key = self.pages[p].session.key();
                let guessed = self.pages[p].session.guessed_goal().map(|g| g.id.clone());
                let effects = self.pages[p].session.reject_guess(now);
                if let Some(goal) = guessed {
                    self.ledger.rejections.push((key, goal, self.step));
                }
                self.carry_out(p, effects);
            }
            Step::Yes(p) => {
                let effects = self.pages[p].session.accept_guess(now);
                self.carry_out(p, effects);
            }
            Step::Leave(p) => self.pages[p].stale = true,
            Step::Restore(p) => {
                let key = self.pages[p].session.key();
                let stored = self.stored(&key);
                let _ = self.pages[p].session.other_tab_saved(&key, &stored);
                self.pages[p].stale = false;
            }
            Step::Answer(ok) => {
                if self.loads.is_empty() {
                    return;
                }
                let user = self.loads.remove(0);
                let theirs = self.backend.get(&user).cloned();
                if let (true, Some(text)) = (ok, theirs) {
                    let Stored::Writable(theirs) = Progress::load(&text) else {
                        panic!("the backend holds what was saved");
                    };
                    // Every live page of that backend's client gets the answer; in the
                    // real widget only the page that asked does, which is a subset.
                    for p in 0..self.pages.len() {
                        if !self.pages[p].stale {
                            let effects = self.pages[p].session.remote_loaded(&user, &theirs);
                            self.carry_out(p, effects);
                        }
                    }
                }
            }
        }
    }

    /// What the browser edge does with a session's effects.
    fn carry_out(&mut self, p: usize, effects: Effects) {
        if let Some(save) = effects.save {
            let merged = save
                .progress
                .over(self.store.get(&save.key).map(String::as_str))
                .expect("this build's format");
            let text = merged.to_json();
            self.store.insert(save.key.clone(), text.clone());
            self.pages[p].session.stored(&save.key, &merged);
            if let Some(user) = save.user {
                self.backend.insert(user, text);
            }
            // Other live pages hear the `storage` event; stale ones do not.
            for other in 0..self.pages.len() {
                if other != p && !self.pages[other].stale {
                    let _ = self.pages[other]
                        .session
                        .other_tab_saved(&save.key, &merged);
                }
            }
            for key in effects.remove {
                self.store.remove(&key);
            }
        }
        if let Some(user) = effects.load_remote {
            self.loads.push(user);
        }
    }

    fn check(&self) -> Result<(), TestCaseError> {
        let facts = self.ledger.completions.iter().map(|f| (f, true));
        let answers = self.ledger.rejections.iter().map(|f| (f, false));
        for ((key, lesson, at), is_lesson) in facts.chain(answers) {
            let reset_after = self
                .ledger
                .resets
                .iter()
                .any(|(k, r)| (k == key || self.carried_into(k, key)) && r > at);
            // Carried into a user's key when leaving the anonymous state: look there too.
            let homes: Vec<&String> = std::iter::once(key)
                .chain(
                    self.ledger
                        .carried
                        .iter()
                        .filter(|(_, from)| from.contains(key))
                        .map(|(to, _)| to),
                )
                .collect();
            let kept = homes.iter().any(|k| match is_lesson {
                true => self.stored(k).state(lesson).is_done(),
                false => self.stored(k).rejected(lesson),
            });
            let reset_any_home = self
                .ledger
                .resets
                .iter()
                .any(|(k, r)| homes.contains(&k) && r > at);
            prop_assert!(
                kept || reset_after || reset_any_home,
                "{lesson} completed under {key} at step {at} was lost"
            );
        }
        for page in &self.pages {
            let progress = page.session.progress();
            if let Some(goal) = page.session.guessed_goal() {
                prop_assert!(
                    !progress.rejected(&goal.id),
                    "{} was guessed after Not this",
                    goal.id
                );
            }
        }
        for (key, value) in &self.store {
            let Stored::Writable(progress) = Progress::load(value) else {
                continue;
            };
            for lesson in LESSONS {
                if progress.state(lesson).is_done() {
                    let sources: Vec<&String> = std::iter::once(key)
                        .chain(self.ledger.carried.get(key).into_iter().flatten())
                        .collect();
                    prop_assert!(
                        self.ledger
                            .completions
                            .iter()
                            .any(|(k, l, _)| l == lesson && sources.contains(&k)),
                        "{lesson} is done under {key}, but no learner of that key did it"
                    );
                }
            }
        }
        Ok(())
    }

    fn carried_into(&self, to: &str, from: &str) -> bool {
        self.ledger
            .carried
            .get(to)
            .is_some_and(|f| f.iter().any(|k| k == from))
    }
}

fn self_stored(store: &BTreeMap<String, String>, key: &str) -> Progress {
    match store.get(key).map(|s| Progress::load(s)) {
        Some(Stored::Writable(p) | Stored::ReadOnly(p)) => p,
        _ => Progress::default(),
    }
}

fn completed(effects: &Effects) -> Vec<String> {
    effects
        .emit
        .iter()
        .filter(|e| e.kind == pathlight::api::lifecycle::EventKind::Completed)
        .filter_map(|e| e.detail[0].1.as_str().map(str::to_owned))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn no_completion_is_lost_and_no_learner_s_progress_reaches_another(
        steps in prop::collection::vec(step(), 1..60)
    ) {
        let mut world = World::new();
        for step in &steps {
            world.run(step);
            world.check()?;
        }
        // Every page comes back and every answer arrives: still nothing lost.
        for p in 0..world.pages.len() {
            world.run(&Step::Restore(p));
        }
        while !world.loads.is_empty() {
            world.run(&Step::Answer(true));
        }
        world.check()?;
    }
}
