//! How long ranking takes as packs grow: 100, 1,000 and 10,000 eligible lessons.
//!
//! `cargo bench --bench ranking -- --warm-up-time 1 --measurement-time 2`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use pathlight::decide::ranking::{rank, Candidate, Learner, Presence};
use pathlight::model::pack::Pack;
use pathlight::model::progress::{Progress, Via};
use serde_json::json;
use std::hint::black_box;

const NOW: u64 = 1_764_000_000_000;
const GOALS: usize = 8;

/// A pack shaped like a large real one: every lesson serves one or two of eight goals, most
/// build on an earlier lesson, and priorities repeat so that many scores tie.
fn pack(lessons: usize) -> Pack {
    let goals: Vec<_> = (0..GOALS)
        .map(|g| json!({ "id": format!("g{g}"), "title": format!("Goal {g}"), "roles": if g % 3 == 0 { vec!["admin"] } else { vec![] } }))
        .collect();
    let lessons: Vec<_> = (0..lessons)
        .map(|i| {
            let mut served = serde_json::Map::new();
            served.insert(format!("g{}", i % GOALS), json!(1 + i % 5));
            if i % 3 == 0 {
                served.insert(format!("g{}", (i / 3) % GOALS), json!(1 + i % 4));
            }
            let prerequisites: Vec<String> = (1..=i % 3).map(|k| format!("l{}", i / (k + 1))).collect();
            json!({
                "id": format!("l{i}"), "title": format!("Lesson {i}"), "objective": "",
                "minutes": 1 + i % 4, "why": [], "what": [], "how": [],
                "goals": served, "prerequisites": prerequisites, "priority": (i * 37) % 101 / 10 * 10,
            })
        })
        .collect();
    Pack::from_json(&json!({
        "format": pathlight::model::pack::FORMAT, "id": "bench", "title": "Bench", "goals": goals, "lessons": lessons,
    }).to_string())
        .unwrap()
}

/// A learner a fifth of the way through, with two goals chosen.
fn progress(lessons: usize) -> Progress {
    let mut p = Progress::default();
    for i in 0..lessons {
        let id = format!("l{i}");
        match i % 10 {
            0 | 5 => p.complete(&id, Via::Event, NOW - 1),
            3 => p.know(&id, NOW - 1),
            7 => p.dismiss(&id, NOW - 1, NOW + 3 * 86_400_000),
            _ => {}
        }
    }
    p.set_goals(vec!["g1".into(), "g4".into()], NOW - 1);
    p
}

fn ranking(c: &mut Criterion) {
    let mut group = c.benchmark_group("rank");
    for n in [100, 1_000, 10_000] {
        let pack = pack(n);
        let progress = progress(n);
        let presences = [Presence::Visible, Presence::OnPage, Presence::Elsewhere];
        let candidates: Vec<Candidate> = pack
            .lessons
            .iter()
            .enumerate()
            .map(|(i, lesson)| Candidate {
                lesson,
                presence: presences[i % 7 % 3],
            })
            .collect();
        let learner = Learner {
            progress: &progress,
            role: Some("admin"),
            now: NOW,
        };
        group.bench_with_input(
            BenchmarkId::from_parameter(n),
            &candidates,
            |b, candidates| {
                b.iter(|| rank(black_box(&pack), black_box(candidates), black_box(&learner)))
            },
        );
    }
    group.finish();
}

criterion_group!(benches, ranking);
criterion_main!(benches);
