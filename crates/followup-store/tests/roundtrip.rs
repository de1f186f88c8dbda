//! Properties: export → import into an empty database → export gives the same document; and
//! a process loaded for the agenda is advised exactly as its full document.
//!
//! "Export" is what `followup export` does (each stored process through
//! `followup_core::to_document`); "import" is what `followup import` does (`parse_value`, then a
//! merge op). Random processes cover every event kind, odd text, ties and sub-second instants.

#![allow(clippy::unwrap_used)]

use followup_core::document::parse_value;
use followup_core::{
    Asks, ChangeReason, Contact, Details, Event, EventKind, Interview, MessageKind, Outcome,
    Process, Rapport, TimezoneSource, ZoneDefault, to_document,
};
use followup_core::{Policy, advise};
use followup_store::{Change, Op, SqliteStore, Store};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::{TimeZone, TimeZoneDatabase};
use proptest::prelude::*;
use serde_json::Value;

const ZONES: &[&str] = &["UTC", "America/Sao_Paulo", "Asia/Tokyo", "Europe/Lisbon"];

/// Text for bodies and notes, which keep their newlines.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z][a-zA-Z ]{0,11}",
        Just("Olá, \"quoted\", ação\nnew line".to_owned()),
        Just("=1+2, with comma".to_owned()),
    ]
}

/// Text for single-line fields (names, subjects): no control characters.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z][a-zA-Z ]{0,11}",
        Just("Olá, \"quoted\", ação".to_owned()),
        Just("=1+2, with comma".to_owned()),
    ]
}

fn address() -> impl Strategy<Value = String> {
    "[a-z]{1,5}@x\\.example"
}

fn date() -> impl Strategy<Value = Date> {
    (2025i16..2028, 1i8..13, 1i8..29).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn kind() -> impl Strategy<Value = EventKind> {
    prop_oneof![
        (
            prop::sample::select(Rapport::ALL),
            any::<bool>(),
            prop::option::of(line()),
            prop::collection::vec(line(), 0..3),
            prop::collection::vec(line(), 0..2),
            prop::option::of((line(), any::<u32>())),
        )
            .prop_map(
                |(rapport, reinforce_interest, stage, topics, with, invitation)| {
                    EventKind::Interview(Interview {
                        rapport,
                        reinforce_interest,
                        stage,
                        topics,
                        with,
                        invitation_uid: invitation.as_ref().map(|(uid, _)| uid.clone()),
                        invitation_sequence: invitation.map(|(_, sequence)| sequence),
                    })
                },
            ),
        (prop::option::of(text())).prop_map(|note| EventKind::Reopened { note }),
        (
            prop::sample::select(MessageKind::ALL),
            prop::option::of(line()),
            prop::option::of(text()),
            prop::collection::vec(address(), 0..2),
            prop::option::of(message_id()),
        )
            .prop_map(|(kind, subject, body, to, message_id)| EventKind::Sent {
                message_id,
                kind,
                subject,
                body,
                to,
            }),
        (
            prop::option::of(text()),
            prop::option::of(line()),
            prop::sample::select(Asks::ALL),
            prop::option::of(date()),
            prop::option::of(message_id()),
        )
            .prop_map(|(body, from, asks, respond_by, message_id)| {
                EventKind::Reply {
                    asks,
                    message_id,
                    respond_by,
                    body,
                    from,
                }
            }),
        (
            prop::option::of(line()),
            prop::option::of(line()),
            prop::option::of(text()),
        )
            .prop_map(|(url, source, note)| EventKind::Applied { url, source, note }),
        (
            prop::option::of(date()),
            prop::option::of(text()),
            prop::option::of(message_id()),
        )
            .prop_map(|(deadline, note, message_id)| EventKind::Offer {
                deadline,
                note,
                message_id,
            }),
        text().prop_map(|text| EventKind::Note { text }),
        (date(), prop::option::of(message_id()))
            .prop_map(|(until, message_id)| EventKind::Away { until, message_id }),
        (
            prop::sample::select(ChangeReason::ALL),
            any::<bool>(),
            prop::option::of(date()),
            prop::option::of(text()),
        )
            .prop_map(|(reason, real, deadline, note)| EventKind::ContextChange {
                reason,
                real,
                deadline,
                note,
            }),
        (prop::sample::select(Outcome::ALL), prop::option::of(text()))
            .prop_map(|(outcome, note)| EventKind::Closed { outcome, note }),
    ]
}

fn message_id() -> impl Strategy<Value = String> {
    "<[a-z0-9.]{1,12}@[a-z]{1,6}\\.example>"
}

/// Moves a date an event names (a reply's `respond_by`, an offer's or a change's `deadline`,
/// an away's `until`) to no earlier than the event's local date, as the format requires.
fn not_before(kind: &mut EventKind, day: Date) {
    let date = match kind {
        EventKind::Reply { respond_by: d, .. }
        | EventKind::Offer { deadline: d, .. }
        | EventKind::ContextChange { deadline: d, .. } => d.as_mut(),
        EventKind::Away { until, .. } => Some(until),
        _ => None,
    };
    if let Some(date) = date {
        *date = (*date).max(day);
    }
}

/// Instants from 2025 to 2028 (whole seconds or with nanoseconds), a few repeated for ties.
fn instant() -> impl Strategy<Value = Timestamp> {
    (
        1_735_689_600i64..1_830_000_000,
        prop_oneof![Just(0i32), 0i32..1_000_000_000],
    )
        .prop_map(|(s, ns)| Timestamp::new(s, ns).unwrap())
}

fn process() -> impl Strategy<Value = Process> {
    (
        line(),
        line(),
        prop::sample::select(ZONES),
        prop::collection::vec((line(), prop::option::of("[a-z]{1,5}@x\\.example")), 0..3),
        prop::collection::vec(date(), 0..3),
        prop::collection::vec((instant(), kind(), any::<bool>()), 0..8),
        any::<bool>(),
        prop::collection::vec(prop::option::of(line()), 4),
    )
        .prop_map(
            |(company, role, zone, contacts, holidays, events, promise, details)| {
                let timezone = TimeZoneDatabase::bundled().get(zone).unwrap();
                let mut events: Vec<Event> = events
                    .into_iter()
                    .enumerate()
                    .map(|(i, (at, mut kind, with_id))| {
                        not_before(&mut kind, at.to_zoned_datetime(timezone.clone()).date());
                        Event {
                            id: with_id.then(|| format!("ev-{i}")),
                            at,
                            kind,
                        }
                    })
                    .collect();
                if promise && let Some(first) = events.first().cloned() {
                    // A promise made at the same instant as the first event: a tie kept in order.
                    let made = first.at.to_zoned_datetime(timezone.clone()).date();
                    events.push(Event {
                        id: None,
                        at: first.at,
                        kind: EventKind::Promise {
                            by: made.tomorrow().unwrap(),
                            note: None,
                        },
                    });
                }
                let [url, location, salary, notes]: [Option<String>; 4] =
                    details.try_into().unwrap();
                let mut p = Process {
                    details: Details {
                        url,
                        location,
                        salary,
                        notes,
                    },
                    id: None,
                    handle: None,
                    company,
                    role,
                    timezone_name: zone.to_owned(),
                    timezone_source: TimezoneSource::Document,
                    timezone,
                    contacts: contacts
                        .into_iter()
                        .map(|(name, email)| Contact {
                            name,
                            honorific: None,
                            email,
                            title: Some("Recruiter".to_owned()),
                        })
                        .collect(),
                    holidays,
                    events,
                };
                p.sort_events();
                p
            },
        )
}

fn export(store: &impl Store) -> Value {
    Value::Array(store.processes().unwrap().iter().map(to_document).collect())
}

/// The default zone for documents that name none (every stored one does).
fn utc() -> ZoneDefault {
    ZoneDefault {
        name: "UTC".to_owned(),
        zone: TimeZone::UTC,
        source: TimezoneSource::System,
    }
}

fn add_all(store: &mut impl Store, processes: Vec<Process>) {
    store
        .apply(&Change {
            at: "2026-05-06T12:00:00Z".parse().unwrap(),
            summary: "add".to_owned(),
            ops: processes.into_iter().map(Op::AddProcess).collect(),
        })
        .unwrap();
}

fn import(store: &mut impl Store, exported: &Value) {
    let zone = utc();
    let ops = exported
        .as_array()
        .unwrap()
        .iter()
        .map(|doc| {
            Op::MergeProcess(parse_value(doc.clone(), &TimeZoneDatabase::bundled(), &zone).unwrap())
        })
        .collect();
    store
        .apply(&Change {
            at: "2026-05-06T12:00:00Z".parse().unwrap(),
            summary: "import".to_owned(),
            ops,
        })
        .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn export_import_export_is_identity(processes in prop::collection::vec(process(), 1..4)) {
        let dir = tempfile::tempdir().unwrap();
        let zones = TimeZoneDatabase::bundled();
        let mut first = SqliteStore::open(&dir.path().join("a.db"), zones.clone()).unwrap();
        add_all(&mut first, processes);
        let exported = export(&first);

        let mut second = SqliteStore::open(&dir.path().join("b.db"), zones).unwrap();
        import(&mut second, &exported);
        prop_assert_eq!(&export(&second), &exported);

        // Importing again changes nothing.
        import(&mut second, &exported);
        prop_assert_eq!(&export(&second), &exported);
        prop_assert_eq!(second.history().unwrap().len(), 1);
    }

    #[test]
    fn advising_the_agenda_load_equals_advising_the_full_document(
        processes in prop::collection::vec(process(), 1..4),
        nows in prop::collection::vec(instant(), 1..6),
    ) {
        let zones = TimeZoneDatabase::bundled();
        let mut store = SqliteStore::in_memory(zones.clone()).unwrap();
        add_all(&mut store, processes);
        let zone = utc();
        let full: Vec<Process> = store
            .processes()
            .unwrap()
            .iter()
            .map(|p| parse_value(to_document(p), &zones, &zone).unwrap())
            .collect();
        let agenda = store.processes_for_advice().unwrap();
        prop_assert_eq!(agenda.len(), full.len());
        let policy = Policy::default();
        for (light, full) in agenda.iter().zip(&full) {
            for now in &nows {
                prop_assert_eq!(advise(light, &policy, *now), advise(full, &policy, *now));
            }
        }
    }
}
