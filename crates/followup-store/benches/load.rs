//! Store benchmarks on a database of 10,000 processes × 10 events: loading every process with
//! its events (what `export` does), the light load for advising (what `next` and `list` do),
//! and appending one event (what `log` does).

#![allow(clippy::unwrap_used, missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use followup_core::{Event, EventKind, Interview, MessageKind, Process, TimezoneSource};
use followup_store::{Change, Op, SqliteStore, Store};
use jiff::Timestamp;
use jiff::tz::TimeZoneDatabase;

const PROCESSES: usize = 10_000;
const EVENTS: usize = 10;

fn sample(i: usize, zones: &TimeZoneDatabase) -> Process {
    let start = 1_767_571_200 + (i as i64 % 97) * 86_400;
    let events = (0..EVENTS)
        .map(|n| Event {
            id: None,
            at: Timestamp::from_second(start + n as i64 * 90_000).unwrap(),
            kind: if n % 2 == 0 {
                EventKind::Interview(Interview::default())
            } else {
                EventKind::Sent {
                    message_id: None,
                    kind: MessageKind::ThankYou,
                    subject: Some("Thanks".to_owned()),
                    body: Some("Thank you for your time today.".to_owned()),
                    to: vec![],
                }
            },
        })
        .collect();
    Process {
        details: Default::default(),
        id: None,
        handle: None,
        company: format!("Company {i}"),
        role: "Backend Engineer".to_owned(),
        timezone_name: "America/Sao_Paulo".to_owned(),
        timezone_source: TimezoneSource::Document,
        timezone: zones.get("America/Sao_Paulo").unwrap(),
        contacts: vec![],
        holidays: vec![],
        events,
    }
}

fn store(c: &mut Criterion) {
    let zones = TimeZoneDatabase::bundled();
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("bench.db"), zones.clone()).unwrap();
    let now: Timestamp = "2026-06-01T12:00:00Z".parse().unwrap();
    store
        .apply(&Change {
            at: now,
            summary: "bench data".to_owned(),
            ops: (0..PROCESSES)
                .map(|i| Op::AddProcess(sample(i, &zones)))
                .collect(),
        })
        .unwrap();

    let mut group = c.benchmark_group("store");
    group.sample_size(20);
    group.bench_function("processes (10k × 10 events)", |b| {
        b.iter(|| store.processes().unwrap().len())
    });
    group.bench_function("processes_for_advice (10k × 10 events)", |b| {
        b.iter(|| store.processes_for_advice().unwrap().len())
    });
    group.bench_function("process by handle", |b| {
        b.iter(|| store.process("company-5000-backend").unwrap().events.len())
    });
    group.bench_function("log one event", |b| {
        b.iter(|| {
            store
                .apply(&Change {
                    at: now,
                    summary: "log".to_owned(),
                    ops: vec![Op::AddEvent {
                        handle: "company-42-backend".to_owned(),
                        event: Event {
                            id: None,
                            at: now,
                            kind: EventKind::Reply {
                                asks: Default::default(),
                                message_id: None,
                                respond_by: None,
                                body: None,
                                from: None,
                            },
                        },
                    }],
                })
                .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, store);
criterion_main!(benches);
