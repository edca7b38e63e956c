//! Eligibility of a whole pack on one page, as the widget decides it after each navigation
//! or observed change: 100, 1,000 and 10,000 lessons with realistic triggers.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pathlight::decide::eligibility::eligibility;
use pathlight::model::anchor::Anchor;
use pathlight::model::pack::Lesson;
use pathlight::model::progress::{Completed, LessonState, Via};
use pathlight::model::trigger::Traits;
use pathlight::model::trigger::{Bounds, ElementState, Facts, Frequency, Rule, TraitTest, Trigger};
use pathlight::support::json::{FromJson, Json};
use std::collections::HashMap;
use std::hint::black_box;

const NOW: u64 = 1_800_000_000_000;
const DAY: u64 = 86_400_000;

/// What the browser edge would know on an invoice page, a month into a trial.
struct Page {
    url: String,
    visible: Vec<Anchor>,
    events: HashMap<String, Vec<u64>>,
    traits: Traits,
    lessons: HashMap<String, LessonState>,
}

impl Facts for Page {
    fn url(&self) -> &str {
        &self.url
    }
    fn element(&self, anchor: &Anchor, state: ElementState) -> bool {
        state != ElementState::Clicked && self.visible.contains(anchor)
    }
    fn event_count(&self, name: &str, since: u64) -> u32 {
        self.events.get(name).map_or(0, |times| {
            times.iter().filter(|t| **t >= since).count() as u32
        })
    }
    fn trait_value(&self, key: &str) -> Option<&Json> {
        self.traits.get(key)
    }
    fn lesson(&self, id: &str) -> LessonState {
        self.lessons.get(id).copied().unwrap_or(LessonState::New)
    }
    fn now_ms(&self) -> u64 {
        NOW
    }
    fn page_entered_ms(&self) -> u64 {
        NOW - 45_000
    }
}

fn page() -> Page {
    let traits = serde_json::json!({
        "role": "admin", "plan": "trial", "seats": 4, "signed_up_at": "2027-01-02T09:30:00Z",
    });
    Page {
        url: "/invoices/INV-2041?tab=activity#payments".into(),
        visible: (0..40)
            .map(|i| Anchor::Feature(format!("feature.{i}")))
            .collect(),
        events: (0..20)
            .map(|i| {
                (
                    format!("event_{i}"),
                    (0..i).map(|d| NOW - d * DAY).collect(),
                )
            })
            .collect(),
        traits: Traits::from_json(&pathlight::support::json::parse(&traits.to_string()).unwrap())
            .unwrap(),
        lessons: (0..10_000)
            .step_by(3)
            .map(|i| {
                let status = match i % 4 {
                    0 => LessonState::Completed(Completed {
                        at: NOW - DAY,
                        via: Via::Click,
                    }),
                    1 => LessonState::Known,
                    _ => LessonState::Dismissed { until: NOW + DAY },
                };
                (format!("lesson-{i}"), status)
            })
            .collect(),
    }
}

/// The kinds of trigger a product team writes, in turn: page only, page and role, a
/// feature in view, an event habit, new users, and a nudge after time on a page.
fn lesson(i: usize) -> Lesson {
    let page = Rule::Page(
        [
            "/invoices/:id",
            "/reports/*",
            "/settings/billing",
            "/customers/:id/edit",
            "/",
        ][i % 5]
            .into(),
    );
    let rule = match i % 6 {
        0 => page,
        1 => Rule::All(vec![
            page,
            Rule::Trait {
                key: "role".into(),
                test: TraitTest::OneOf(vec!["admin".into(), "finance".into()]),
            },
        ]),
        2 => Rule::All(vec![
            page,
            Rule::Element {
                anchor: Anchor::Feature(format!("feature.{}", i % 60)),
                state: ElementState::Visible,
            },
        ]),
        3 => Rule::All(vec![
            page,
            Rule::Event {
                name: format!("event_{}", i % 20),
                at_least: 2,
                within_days: Some(7),
            },
            Rule::Not(Box::new(Rule::Completed(format!(
                "lesson-{}",
                i.saturating_sub(1)
            )))),
        ]),
        4 => Rule::All(vec![
            Rule::Any(vec![page, Rule::Hash("#payments".into())]),
            Rule::Trait {
                key: "signed_up_at".into(),
                test: TraitTest::DaysSince(Bounds {
                    lt: Some(30.0),
                    ..Bounds::default()
                }),
            },
        ]),
        _ => Rule::All(vec![
            page,
            Rule::Query([("tab".to_string(), "activity".to_string())].into()),
            Rule::TimeOnPage(30),
        ]),
    };
    Lesson {
        id: format!("lesson-{i}"),
        title: format!("Lesson {i}"),
        objective: "Do the thing.".into(),
        minutes: 2,
        anchor: Some(Anchor::Feature(format!("feature.{}", i % 60))),
        why: vec![],
        what: vec![],
        how: vec![],
        goals: Default::default(),
        prerequisites: vec![],
        related: vec![],
        when: Some(Trigger {
            rule,
            frequency: Frequency {
                max_shows: Some(3),
                snooze_days: Some(7),
            },
        }),
        complete: None,
        priority: (i % 100) as u8,
        locales: Default::default(),
    }
}

fn bench(c: &mut Criterion) {
    let facts = page();
    let mut group = c.benchmark_group("eligibility");
    for n in [100, 1_000, 10_000] {
        let lessons: Vec<Lesson> = (0..n).map(lesson).collect();
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &lessons, |b, lessons| {
            b.iter(|| {
                lessons
                    .iter()
                    .enumerate()
                    .filter(|(i, l)| {
                        eligibility(l, black_box(&facts), (*i % 4) as u32).is_eligible()
                    })
                    .count()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
