//! Calendar speed: the whole calendar of 500 processes (budget: well under the 50 ms a
//! calendar app's refresh of the feed would notice), and reading one Outlook invitation.

#![allow(missing_docs)] // criterion_main! generates an undocumented main.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use followup_calendar::{Entry, parse_invitation, write_calendar};
use followup_core::sample::demo_processes;
use followup_core::{Policy, advise};
use jiff::tz::{TimeZone, TimeZoneDatabase};
use jiff::{SignedDuration, Timestamp};

fn entries(count: usize, now: Timestamp) -> Vec<Entry> {
    let zone = TimeZoneDatabase::bundled()
        .get("America/Sao_Paulo")
        .unwrap_or(TimeZone::UTC);
    let samples = demo_processes(now, &zone, "America/Sao_Paulo");
    (0..count)
        .map(|i| {
            let mut p = samples[i % samples.len()].clone();
            p.id = Some(format!("p{i}"));
            let shift = SignedDuration::from_hours((i % 97) as i64);
            for e in &mut p.events {
                e.at -= shift;
            }
            let advice = advise(&p, &Policy::default(), now);
            Entry::of(&p, advice, now)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let now: Timestamp = "2026-05-13T12:00:00Z".parse().unwrap_or_default();
    let many = entries(500, now);
    c.bench_function("write_calendar 500 processes", |b| {
        b.iter(|| write_calendar(black_box(&many), now))
    });
    let outlook = include_str!("../tests/invitations/outlook-request.ics");
    c.bench_function("parse_invitation outlook", |b| {
        b.iter(|| parse_invitation(black_box(outlook), &TimeZone::UTC))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
