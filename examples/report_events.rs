//! Collected records of simulated learners, for `pathlight report`'s benchmark and the
//! tests that check its figures against SQL: deterministic for a seed.
//!
//! `cargo run --release --example report_events -- EVENTS [--pack lessons] [--seed N]
//! [--days D] > events.ndjson`
//!
//! Each learner may choose goals, then meets lessons along their goal's learning map (or
//! any), and for each is shown its beacon, opens it, reads layers, follows "Show me",
//! completes it, knows it or dismisses it, each by chance; some records are sent twice, as
//! a retried batch would be.

use pathlight::decide::learning_map::learning_map;
use pathlight::model::pack::Pack;
use pathlight::model::progress::Progress;
use std::io::{BufWriter, Write};

/// xorshift64*: enough for a simulation, and the same numbers everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// True with probability `p` percent.
    fn chance(&mut self, p: u64) -> bool {
        self.below(100) < p
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut events: u64 = 100_000;
    let mut pack_dir = "lessons".to_string();
    let mut seed: u64 = 7;
    let mut days: u64 = 30;
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        match a.as_str() {
            "--pack" => pack_dir = rest.next().expect("--pack DIR").clone(),
            "--seed" => seed = rest.next().and_then(|s| s.parse().ok()).expect("--seed N"),
            "--days" => days = rest.next().and_then(|s| s.parse().ok()).expect("--days N"),
            n => events = n.replace('_', "").parse().expect("EVENTS is a number"),
        }
    }
    let pack = load(&pack_dir);
    let lessons: Vec<&str> = pack.lessons.iter().map(|l| l.id.as_str()).collect();
    let maps: Vec<(&str, Vec<&str>)> = pack
        .goals
        .iter()
        .filter_map(|g| {
            let map = learning_map(&pack, &g.id, &Progress::default())?;
            Some((
                g.id.as_str(),
                map.stops.iter().map(|s| s.lesson.id.as_str()).collect(),
            ))
        })
        .collect();
    // How likely each lesson is to be completed once opened, and known: so that some get
    // flagged.
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let finish: Vec<u64> = lessons.iter().map(|_| 10 + rng.below(70)).collect();
    let know: Vec<u64> = lessons
        .iter()
        .map(|_| if rng.chance(15) { 60 } else { 8 })
        .collect();

    let start: i64 = 1_764_547_200_000; // 2025-12-01T00:00:00Z
    let out = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, out.lock());
    let mut written = 0u64;
    let mut learner = 0u64;
    while written < events {
        learner += 1;
        let key = format!("{:016x}", rng.next() ^ learner);
        let visit = format!("{:08x}", rng.next() as u32);
        let mut t = start + (rng.below(days) as i64) * 86_400_000 + rng.below(86_400_000) as i64;
        let mut emit = |t: i64, kind: &str, detail: &str, copies: u64| {
            let line = format!(
                "{{\"v\":1,\"t\":{t},\"type\":\"{kind}\",\"detail\":{{{detail}}},\"pack\":\"{}\",\"pack_version\":\"3f2a9c1e\",\"learner\":\"{key}\",\"visit\":\"{visit}\"}}\n",
                pack.id
            );
            for _ in 0..copies {
                out.write_all(line.as_bytes()).expect("stdout");
            }
            written += copies;
        };
        let mut step = |rng: &mut Rng| {
            t += 2_000 + rng.below(600_000) as i64;
            t
        };
        let path: Vec<&str> = if !maps.is_empty() && rng.chance(40) {
            let (goal, stops) = &maps[rng.below(maps.len() as u64) as usize];
            emit(
                step(&mut rng),
                "goal_changed",
                &format!("\"goals\":[\"{goal}\"]"),
                1,
            );
            stops.clone()
        } else {
            let n = 1 + rng.below(6);
            (0..n)
                .map(|_| lessons[rng.below(lessons.len() as u64) as usize])
                .collect()
        };
        if rng.chance(30) {
            emit(step(&mut rng), "panel_opened", "", 1);
        }
        for id in path {
            let i = lessons.iter().position(|l| *l == id).unwrap_or(0);
            let lesson = format!("\"lesson\":\"{id}\"");
            if rng.chance(70) {
                emit(step(&mut rng), "shown", &lesson, 1);
            }
            if !rng.chance(65) {
                if rng.chance(5) {
                    // Completed without opening: doing the thing needs no card.
                    emit(
                        step(&mut rng),
                        "completed",
                        &format!("{lesson},\"how\":\"event\""),
                        1,
                    );
                    continue;
                }
                break;
            }
            // A retried batch sends the same record twice.
            let copies = if rng.chance(2) { 2 } else { 1 };
            emit(step(&mut rng), "opened", &lesson, copies);
            for layer in ["why", "what", "how"] {
                if layer == "why" || rng.chance(45) {
                    emit(
                        step(&mut rng),
                        "layer_viewed",
                        &format!("{lesson},\"layer\":\"{layer}\""),
                        1,
                    );
                }
            }
            if rng.chance(30) {
                for s in 1..=1 + rng.below(4) {
                    emit(
                        step(&mut rng),
                        "step_shown",
                        &format!("{lesson},\"step\":{s}"),
                        1,
                    );
                }
            }
            if rng.chance(know[i]) {
                emit(step(&mut rng), "known", &lesson, 1);
            } else if rng.chance(finish[i]) {
                emit(
                    step(&mut rng),
                    "completed",
                    &format!("{lesson},\"how\":\"click\""),
                    1,
                );
                emit(
                    step(&mut rng),
                    "closed",
                    &format!("{lesson},\"how\":\"completed\""),
                    1,
                );
            } else if rng.chance(30) {
                emit(step(&mut rng), "dismissed", &lesson, 1);
            } else {
                let how = ["button", "escape", "command"][rng.below(3) as usize];
                emit(
                    step(&mut rng),
                    "closed",
                    &format!("{lesson},\"how\":\"{how}\""),
                    1,
                );
                if rng.chance(50) {
                    break;
                }
            }
        }
    }
    out.flush().expect("stdout");
}

fn load(dir: &str) -> Pack {
    let path = std::path::Path::new(dir);
    if let Some(text) = pathlight::compiler::read_if_built(path) {
        return Pack::from_json(&text).expect("a built pack");
    }
    match pathlight::compiler::compile(path) {
        Ok((Some(pack), _)) => pack,
        _ => panic!("{dir} is not a pack without errors"),
    }
}
