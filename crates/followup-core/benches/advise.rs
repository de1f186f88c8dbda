//! Advisor speed: one process in-process (budget: under 5 µs median), including a format 2
//! conversation, and 100,000 generated processes (budget: under 0.5 s on one core).

#![allow(missing_docs)] // criterion_main! generates an undocumented main.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use followup_core::sample::demo_processes;
use followup_core::{Policy, Process, TimezoneSource, ZoneDefault, advise, parse_document};
use jiff::tz::TimeZoneDatabase;
use jiff::{SignedDuration, Timestamp};

fn processes(count: usize, now: Timestamp) -> Vec<Process> {
    let zone = TimeZoneDatabase::bundled()
        .get("America/Sao_Paulo")
        .unwrap_or(jiff::tz::TimeZone::UTC);
    let samples = demo_processes(now, &zone, "America/Sao_Paulo");
    (0..count)
        .map(|i| {
            // Shift each copy by a few hours so the processes differ.
            let mut p = samples[i % samples.len()].clone();
            let shift = SignedDuration::from_hours((i % 97) as i64);
            for e in &mut p.events {
                e.at -= shift;
            }
            p
        })
        .collect()
}

/// A format 2 conversation of ten events: an application, interviews (one booked), their
/// questions, your answers, an out-of-office, an outside change and a note.
const CONVERSATION: &str = r#"{"format":2,"company":"Globex","role":"Designer","timezone":"Europe/Lisbon","events":[
  {"type":"applied","at":"2026-04-27T09:00"},
  {"type":"interview","at":"2026-05-05T14:00","rapport":"personal"},
  {"type":"sent","at":"2026-05-05T18:00","kind":"thank-you"},
  {"type":"promise","at":"2026-05-05T15:00","by":"2026-05-08"},
  {"type":"reply","at":"2026-05-11T10:00","asks":"schedule","respond_by":"2026-05-13"},
  {"type":"reply","at":"2026-05-11T11:00","asks":"answer"},
  {"type":"sent","at":"2026-05-11T15:00","kind":"reply"},
  {"type":"away","at":"2026-05-12T08:00","until":"2026-05-15"},
  {"type":"context-change","at":"2026-05-12T12:00","reason":"competing-offer","real":true,"deadline":"2026-05-20"},
  {"type":"note","at":"2026-05-12T13:00","text":"portfolio sent"},
  {"type":"interview","at":"2026-05-19T10:00"}
]}"#;

fn bench(c: &mut Criterion) {
    let now: Timestamp = "2026-05-13T15:00:00Z"
        .parse()
        .unwrap_or(Timestamp::UNIX_EPOCH);
    let policy = Policy::default();
    let one = processes(6, now);
    c.bench_function("advise/one process (follow-up due)", |b| {
        b.iter(|| advise(black_box(&one[0]), &policy, black_box(now)))
    });
    c.bench_function("advise/one process (move-on, 4 events)", |b| {
        b.iter(|| advise(black_box(&one[5]), &policy, black_box(now)))
    });
    let zone = ZoneDefault {
        name: "UTC".into(),
        zone: jiff::tz::TimeZone::UTC,
        source: TimezoneSource::System,
    };
    if let Ok(conversation) = parse_document(CONVERSATION, &TimeZoneDatabase::bundled(), &zone) {
        c.bench_function(
            "advise/one process (format 2 conversation, 11 events)",
            |b| b.iter(|| advise(black_box(&conversation), &policy, black_box(now))),
        );
    }
    let many = processes(100_000, now);
    let mut group = c.benchmark_group("advise");
    group.sample_size(10);
    group.bench_function("100k processes", |b| {
        b.iter(|| {
            many.iter()
                .map(|p| advise(p, &policy, now).rule as usize)
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
