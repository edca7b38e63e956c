//! Simulated learners on a built pack: how often the ranking offers them a right next
//! lesson toward their goal, and whether the learning map starts at the best one.
//!
//! `cargo run --release --example learners -- lessons.json [learners]`, after
//! `pathlight build`. Without a file it runs on generated packs, as the tests do. Exits
//! with 1 when the figures fall below what the principle asks (90%, 98%, 100%).

use pathlight::decide::learners::{generate, pages, simulate, Outcome, Rng, World};
use pathlight::model::pack::Pack;

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next();
    let learners: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(2000);
    let mut rng = Rng::new(12);
    let mut report = Outcome::default();
    match file {
        Some(path) => {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                eprintln!("error: cannot read {path}: {e}");
                std::process::exit(2)
            });
            let pack = Pack::from_json(&text).unwrap_or_else(|e| {
                eprintln!("error: {path}: {e}");
                std::process::exit(2)
            });
            let world = World {
                pages: pages(&pack),
                pack,
            };
            println!(
                "{path}: {} lessons, {} goals, {} pages.",
                world.pack.lessons.len(),
                world.pack.goals.len(),
                world.pages.len()
            );
            simulate(&world, learners, &mut rng, &mut report);
        }
        None => {
            for _ in 0..learners.div_ceil(25) {
                simulate(&generate(&mut rng), 25, &mut rng, &mut report);
            }
        }
    }
    println!("{report}");
    if !report.passes() {
        std::process::exit(1);
    }
}
