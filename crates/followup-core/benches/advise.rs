//! Advisor speed: one process in-process (budget: under 5 µs median) and 100,000 generated
//! processes (budget: under 0.5 s on one core).

#![allow(missing_docs)] // criterion_main! generates an undocumented main.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use followup_core::sample::demo_processes;
use followup_core::{Policy, Process, advise};
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
