//! The store's test suite, run against a database file and against one in memory.

#![allow(clippy::unwrap_used)]

use followup_core::{
    Asks, ChangeReason, Contact, Details, Event, EventKind, Interview, MessageKind, Outcome,
    Process, Rapport, TimezoneSource, to_document,
};
use jiff::Timestamp;
use jiff::civil::date;
use jiff::tz::TimeZoneDatabase;

use crate::{Change, Op, Store, StoreError};

pub(crate) fn zones() -> TimeZoneDatabase {
    TimeZoneDatabase::bundled()
}

pub(crate) fn ts(text: &str) -> Timestamp {
    text.parse().unwrap()
}

pub(crate) fn process(company: &str, role: &str) -> Process {
    let zone = zones().get("America/Sao_Paulo").unwrap();
    Process {
        details: Default::default(),
        id: None,
        handle: None,
        company: company.to_owned(),
        role: role.to_owned(),
        timezone_name: "America/Sao_Paulo".to_owned(),
        timezone_source: TimezoneSource::Document,
        timezone: zone,
        contacts: vec![Contact {
            name: "Ana Souza".to_owned(),
            honorific: Some("Ms.".to_owned()),
            email: Some("ana@acme.example".to_owned()),
            title: None,
        }],
        holidays: vec![date(2026, 5, 1)],
        events: Vec::new(),
    }
}

pub(crate) fn event(at: &str, kind: EventKind) -> Event {
    Event {
        id: None,
        at: ts(at),
        kind,
    }
}

pub(crate) fn interview(at: &str) -> Event {
    event(at, EventKind::Interview(Interview::default()))
}

pub(crate) fn promise(at: &str, by: jiff::civil::Date) -> Event {
    event(at, EventKind::Promise { by, note: None })
}

pub(crate) fn change(summary: &str, ops: Vec<Op>) -> Change {
    Change {
        at: ts("2026-05-06T12:00:00Z"),
        summary: summary.to_owned(),
        ops,
    }
}

pub(crate) fn add(store: &mut crate::SqliteStore, p: Process) -> String {
    let applied = store
        .apply(&change("add", vec![Op::AddProcess(p)]))
        .unwrap();
    applied.processes[0].handle.clone()
}

pub(crate) fn log(store: &mut crate::SqliteStore, handle: &str, e: Event) {
    store
        .apply(&change(
            "log",
            vec![Op::AddEvent {
                handle: handle.to_owned(),
                event: e,
            }],
        ))
        .unwrap();
}

/// One event of every format-2 type and field, every optional field given, at `at` (their
/// dates are after it), plus the process details.
pub(crate) fn format_2(p: &mut Process, at: &str) {
    let text = |t: &str| Some(t.to_owned());
    p.details = Details {
        url: text("https://acme.example/jobs/42"),
        location: text("Lisbon, hybrid"),
        salary: text("€60k–70k"),
        notes: text("Referred by Bia.\nAsk about the team."),
    };
    let kinds = [
        EventKind::Applied {
            url: text("https://acme.example/apply"),
            source: text("LinkedIn"),
            note: text("cover letter v2"),
        },
        EventKind::Sent {
            kind: MessageKind::Reply,
            subject: text("Re: next steps"),
            body: text("Thursday works."),
            to: vec!["ana@acme.example".to_owned()],
            message_id: text("<m1@mail.example>"),
        },
        EventKind::Sent {
            kind: MessageKind::Withdraw,
            subject: None,
            body: None,
            to: Vec::new(),
            message_id: None,
        },
        EventKind::Reply {
            body: text("Could we talk Thursday?"),
            from: text("Ana Souza"),
            asks: Asks::Schedule,
            respond_by: Some(date(2026, 6, 3)),
            message_id: text("<r1@acme.example>"),
        },
        EventKind::Reply {
            body: None,
            from: None,
            asks: Asks::Assignment,
            respond_by: None,
            message_id: None,
        },
        EventKind::Offer {
            deadline: Some(date(2026, 6, 5)),
            note: text("base + bonus"),
            message_id: text("<o1@acme.example>"),
        },
        EventKind::Offer {
            deadline: None,
            note: None,
            message_id: None,
        },
        EventKind::Note {
            text: "Ana mentioned a reorg.".to_owned(),
        },
        EventKind::Away {
            until: date(2026, 6, 7),
            message_id: text("<ooo@acme.example>"),
        },
    ];
    p.events
        .extend(kinds.into_iter().map(|kind| event(at, kind)));
}

/// Generates the shared tests for a store built by `$make` (an expression).
macro_rules! storage_tests {
    ($make:expr) => {
        use super::*;

        #[test]
        fn added_process_loads_back_with_ids_and_derived_handle() {
            let mut store = $make;
            let mut p = process("Acme Inc.", "Senior Backend Engineer");
            p.events = vec![
                promise("2026-05-05T18:00:00Z", date(2026, 5, 8)),
                interview("2026-05-05T17:00:00Z"),
            ];
            let applied = store
                .apply(&change("add", vec![Op::AddProcess(p.clone())]))
                .unwrap();
            assert!(applied.change_id.is_some());
            assert_eq!(applied.processes[0].handle, "acme-backend");
            assert!(applied.processes[0].created);
            assert_eq!(applied.event_ids.len(), 2);
            let loaded = store.process("acme-backend").unwrap();
            assert_eq!(loaded.id.as_deref(), Some(applied.processes[0].id.as_str()));
            assert_eq!(loaded.company, "Acme Inc.");
            assert_eq!(loaded.contacts, p.contacts);
            assert_eq!(loaded.holidays, p.holidays);
            assert_eq!(loaded.timezone_name, "America/Sao_Paulo");
            let types: Vec<&str> = loaded.events.iter().map(|e| e.kind.type_name()).collect();
            assert_eq!(types, ["interview", "promise"]);
            assert!(loaded.events.iter().all(|e| e.id.is_some()));
            assert_eq!(store.processes().unwrap().len(), 1);
        }

        #[test]
        fn colliding_handles_get_numbers() {
            let mut store = $make;
            assert_eq!(
                add(&mut store, process("Acme", "Backend Engineer")),
                "acme-backend"
            );
            assert_eq!(
                add(&mut store, process("Acme", "Backend Dev")),
                "acme-backend-2"
            );
            assert_eq!(
                add(&mut store, process("ACME", "backend")),
                "acme-backend-3"
            );
            assert_eq!(
                store.handles().unwrap(),
                ["acme-backend", "acme-backend-2", "acme-backend-3"]
            );
        }

        #[test]
        fn events_sort_by_time_and_ties_keep_write_order() {
            let mut store = $make;
            let h = add(&mut store, process("Acme", "Backend"));
            log(&mut store, &h, interview("2026-05-05T17:00:00Z"));
            log(
                &mut store,
                &h,
                promise("2026-05-05T17:00:00Z", date(2026, 5, 8)),
            );
            log(&mut store, &h, interview("2026-05-01T17:00:00Z"));
            let types: Vec<(String, &str)> = store
                .process(&h)
                .unwrap()
                .events
                .iter()
                .map(|e| (e.at.to_string(), e.kind.type_name()))
                .collect();
            assert_eq!(
                types,
                [
                    ("2026-05-01T17:00:00Z".to_owned(), "interview"),
                    ("2026-05-05T17:00:00Z".to_owned(), "interview"),
                    ("2026-05-05T17:00:00Z".to_owned(), "promise"),
                ]
            );
        }

        #[test]
        fn unknown_handle_names_the_closest() {
            let mut store = $make;
            add(&mut store, process("Acme", "Backend"));
            add(&mut store, process("Globex", "Design"));
            match store.process("acme-bakend") {
                Err(StoreError::UnknownHandle { closest, .. }) => {
                    assert_eq!(closest.as_deref(), Some("acme-backend"))
                }
                other => panic!("{other:?}"),
            }
            let err = store
                .apply(&change(
                    "log",
                    vec![Op::AddEvent {
                        handle: "globx-design".to_owned(),
                        event: interview("2026-05-05T17:00:00Z"),
                    }],
                ))
                .unwrap_err();
            assert!(
                err.to_string().contains("did you mean \"globex-design\""),
                "{err}"
            );
            assert!(matches!(
                store.timeline("nope"),
                Err(StoreError::UnknownHandle { .. })
            ));
        }

        #[test]
        fn a_failing_op_leaves_nothing_written() {
            let mut store = $make;
            add(&mut store, process("Acme", "Backend"));
            let mut taken = process("Other", "Role");
            taken.handle = Some("acme-backend".to_owned());
            let err = store
                .apply(&change(
                    "two",
                    vec![
                        Op::AddProcess(process("Globex", "Design")),
                        Op::AddEvent {
                            handle: "acme-backend".to_owned(),
                            event: interview("2026-05-05T17:00:00Z"),
                        },
                        Op::AddProcess(taken),
                    ],
                ))
                .unwrap_err();
            assert!(matches!(err, StoreError::HandleTaken { .. }), "{err}");
            assert_eq!(store.handles().unwrap(), ["acme-backend"]);
            assert!(store.process("acme-backend").unwrap().events.is_empty());
            assert_eq!(store.history().unwrap().len(), 1);
        }

        #[test]
        fn duplicate_ids_and_unknown_zones_are_refused() {
            let mut store = $make;
            let mut p = process("Acme", "Backend");
            p.id = Some("fixed".to_owned());
            add(&mut store, p.clone());
            assert!(matches!(
                store.apply(&change("again", vec![Op::AddProcess(p)])),
                Err(StoreError::DuplicateId { .. })
            ));
            let mut bad = process("Globex", "Design");
            bad.timezone_name = "Mars/Olympus".to_owned();
            assert!(matches!(
                store.apply(&change("bad", vec![Op::AddProcess(bad)])),
                Err(StoreError::UnknownZone(_))
            ));
            assert_eq!(store.handles().unwrap(), ["acme-backend"]);
        }

        #[test]
        fn undo_flags_instead_of_deleting() {
            let mut store = $make;
            let h = add(&mut store, process("Acme", "Backend"));
            log(&mut store, &h, interview("2026-05-05T17:00:00Z"));
            log(
                &mut store,
                &h,
                promise("2026-05-05T18:00:00Z", date(2026, 5, 8)),
            );

            let undone = store.undo(ts("2026-05-07T12:00:00Z")).unwrap().unwrap();
            assert_eq!(undone.summary, "log");
            let live = store.process(&h).unwrap();
            assert_eq!(live.events.len(), 1);
            let timeline = store.timeline(&h).unwrap();
            assert_eq!(timeline.len(), 2);
            assert!(timeline[1].undone && !timeline[0].undone);

            // Undo walks back: the interview, then the add itself.
            store.undo(ts("2026-05-07T12:01:00Z")).unwrap().unwrap();
            assert!(store.process(&h).unwrap().events.is_empty());
            let undone = store.undo(ts("2026-05-07T12:02:00Z")).unwrap().unwrap();
            assert_eq!(undone.summary, "add");
            assert!(store.processes().unwrap().is_empty());
            assert!(matches!(
                store.process(&h),
                Err(StoreError::UnknownHandle { closest: None, .. })
            ));
            assert_eq!(store.undo(ts("2026-05-07T12:03:00Z")).unwrap(), None);

            let history = store.history().unwrap();
            assert_eq!(history.len(), 6);
            assert!(history[..3].iter().all(|c| c.undone_by.is_some()));
            assert_eq!(history[3].undoes, Some(history[2].id));
            assert_eq!(history[5].summary, "undo: add");

            // The hidden process's handle is free again.
            assert_eq!(add(&mut store, process("Acme", "Backend")), "acme-backend");
        }

        #[test]
        fn merge_is_idempotent_and_adds_only_missing_events() {
            let mut store = $make;
            let mut p = process("Acme", "Backend");
            p.id = Some("p1".to_owned());
            p.handle = Some("acme-backend".to_owned());
            let mut with_id = interview("2026-05-05T17:00:00Z");
            with_id.id = Some("e1".to_owned());
            p.events = vec![with_id, promise("2026-05-05T18:00:00Z", date(2026, 5, 8))];

            let first = store
                .apply(&change("import", vec![Op::MergeProcess(p.clone())]))
                .unwrap();
            assert_eq!(first.event_ids.len(), 2);
            assert_eq!(first.event_ids[0], "e1");
            let second = store
                .apply(&change("import", vec![Op::MergeProcess(p.clone())]))
                .unwrap();
            assert_eq!(second.change_id, None);
            assert_eq!(second.event_ids.len(), 0);
            assert!(!second.processes[0].created);
            assert_eq!(store.history().unwrap().len(), 1);

            p.events.push(event(
                "2026-05-11T13:00:00Z",
                EventKind::Sent {
                    message_id: None,
                    kind: MessageKind::FollowUp,
                    subject: None,
                    body: Some("Hi".to_owned()),
                    to: vec![],
                },
            ));
            let third = store
                .apply(&change("import", vec![Op::MergeProcess(p.clone())]))
                .unwrap();
            assert_eq!(third.event_ids.len(), 1);
            assert_eq!(store.process("acme-backend").unwrap().events.len(), 3);
        }

        #[test]
        fn merge_of_a_new_process_with_a_taken_handle_numbers_it() {
            let mut store = $make;
            add(&mut store, process("Acme", "Backend"));
            let mut other = process("Acme", "Backend");
            other.id = Some("elsewhere".to_owned());
            other.handle = Some("acme-backend".to_owned());
            let applied = store
                .apply(&change("import", vec![Op::MergeProcess(other)]))
                .unwrap();
            assert_eq!(applied.processes[0].handle, "acme-backend-2");
            assert!(applied.processes[0].created);
        }

        #[test]
        fn undone_import_can_be_imported_again() {
            let mut store = $make;
            let mut p = process("Acme", "Backend");
            p.id = Some("p1".to_owned());
            p.events = vec![interview("2026-05-05T17:00:00Z")];
            store
                .apply(&change("import", vec![Op::MergeProcess(p.clone())]))
                .unwrap();
            store.undo(ts("2026-05-07T12:00:00Z")).unwrap();
            assert!(store.processes().unwrap().is_empty());
            let again = store
                .apply(&change("import", vec![Op::MergeProcess(p)]))
                .unwrap();
            assert!(again.processes[0].created);
            assert_eq!(store.processes().unwrap()[0].events.len(), 1);
        }

        #[test]
        fn processes_for_advice_are_the_processes_less_what_advice_never_reads() {
            let mut store = $make;
            let rich = |at: &str| {
                vec![
                    event(
                        at,
                        EventKind::Interview(Interview {
                            rapport: Rapport::Personal,
                            reinforce_interest: true,
                            stage: Some("final".to_owned()),
                            topics: vec!["caching".to_owned()],
                            with: vec!["Ana".to_owned()],
                        }),
                    ),
                    event(
                        at,
                        EventKind::Sent {
                            message_id: None,
                            kind: MessageKind::ThankYou,
                            subject: Some("Thanks".to_owned()),
                            body: Some("Thank you \"for\" today.\n".to_owned()),
                            to: vec!["ana@acme.example".to_owned()],
                        },
                    ),
                    event(
                        "2026-05-02T10:00:00Z",
                        EventKind::ContextChange {
                            reason: ChangeReason::CompetingOffer,
                            real: true,
                            deadline: Some(date(2026, 5, 20)),
                            note: Some("offer".to_owned()),
                        },
                    ),
                ]
            };
            let mut acme = process("Acme", "Backend");
            acme.events = rich("2026-05-05T17:00:00Z");
            format_2(&mut acme, "2026-05-04T09:00:00Z");
            let acme = add(&mut store, acme);
            let mut globex = process("Globex", "Design");
            globex.holidays = Vec::new();
            globex.events = rich("2026-05-04T12:00:00Z");
            let globex = add(&mut store, globex);
            // Written after Globex's events and out of time order: a backdated reply, a tie
            // with the interview, a promise, a close and a reopen.
            log(
                &mut store,
                &acme,
                event(
                    "2026-05-01T09:00:00Z",
                    EventKind::Reply {
                        asks: Default::default(),
                        message_id: None,
                        respond_by: None,
                        body: Some("Hi".to_owned()),
                        from: Some("Ana".to_owned()),
                    },
                ),
            );
            log(&mut store, &acme, interview("2026-05-05T17:00:00Z"));
            log(
                &mut store,
                &globex,
                event(
                    "2026-05-06T09:00:00Z",
                    EventKind::Closed {
                        outcome: Outcome::Rejected,
                        note: Some("n".to_owned()),
                    },
                ),
            );
            log(
                &mut store,
                &globex,
                event(
                    "2026-05-07T09:00:00Z",
                    EventKind::Reopened {
                        note: Some("n".to_owned()),
                    },
                ),
            );
            log(
                &mut store,
                &acme,
                promise("2026-05-06T09:00:00Z", date(2026, 5, 8)),
            );
            // Neither an undone event nor a hidden process shows.
            log(&mut store, &acme, interview("2026-05-09T09:00:00Z"));
            store.undo(ts("2026-05-10T12:00:00Z")).unwrap();
            let mut hidden = process("Initech", "Ops");
            hidden.events = rich("2026-05-03T12:00:00Z");
            add(&mut store, hidden);
            store.undo(ts("2026-05-10T12:01:00Z")).unwrap();

            let mut expected = store.processes().unwrap();
            assert_eq!(expected.len(), 2);
            assert_eq!(expected[0].events.len(), 15);
            expected
                .iter_mut()
                .for_each(followup_core::advisor::for_advice);
            let light = store.processes_for_advice().unwrap();
            assert_eq!(light.len(), expected.len());
            for (got, want) in light.iter().zip(&expected) {
                assert_eq!(got.id, want.id);
                assert_eq!(got.handle, want.handle);
                assert_eq!(got.company, want.company);
                assert_eq!(got.role, want.role);
                assert_eq!(got.timezone_name, want.timezone_name);
                assert_eq!(got.timezone_source, want.timezone_source);
                assert_eq!(got.contacts, want.contacts);
                assert!(got.contacts.is_empty());
                assert_eq!(got.holidays, want.holidays);
                assert!(got.details.is_empty());
                assert_eq!(got.events, want.events);
            }
            assert!(light[0].events.iter().all(|e| e.id.is_none()));
        }

        #[test]
        fn stored_processes_round_trip_through_the_document() {
            let mut store = $make;
            let mut p = process("Acme", "Backend");
            p.id = Some("p1".to_owned());
            p.handle = Some("acme".to_owned());
            p.events = vec![
                Event {
                    id: Some("e1".to_owned()),
                    ..interview("2026-05-05T17:00:00.123456789Z")
                },
                Event {
                    id: Some("e2".to_owned()),
                    ..event(
                        "2026-05-20T12:00:00Z",
                        EventKind::Closed {
                            outcome: Outcome::Rejected,
                            note: Some("after the final round".to_owned()),
                        },
                    )
                },
            ];
            store
                .apply(&change("add", vec![Op::AddProcess(p.clone())]))
                .unwrap();
            let loaded = store.process("acme").unwrap();
            assert_eq!(to_document(&loaded), to_document(&p));
        }

        #[test]
        fn every_format_2_event_and_field_loads_back_as_written() {
            let mut store = $make;
            let mut p = process("Acme", "Backend");
            p.events = vec![interview("2026-05-05T17:00:00Z")];
            format_2(&mut p, "2026-05-06T09:00:00Z");
            let handle = add(&mut store, p.clone());
            let mut logged = process("Globex", "Design");
            format_2(&mut logged, "2026-05-06T09:00:00Z");
            let globex = add(&mut store, process("Globex", "Design"));
            for e in &logged.events {
                log(&mut store, &globex, e.clone());
            }

            let loaded = store.process(&handle).unwrap();
            assert_eq!(loaded.details, p.details);
            let kinds = |p: &Process| p.events.iter().map(|e| e.kind.clone()).collect::<Vec<_>>();
            assert_eq!(kinds(&loaded), kinds(&p));
            let doc = to_document(&loaded);
            assert_eq!(doc["format"], 2);
            assert_eq!(doc["salary"], "€60k–70k");
            assert_eq!(kinds(&store.process(&globex).unwrap()), kinds(&logged));
            // Importing the export again finds every event already there.
            let again = store
                .apply(&change("import", vec![Op::MergeProcess(loaded)]))
                .unwrap();
            assert_eq!(again.processes[0].events_added, 0);
        }

        #[test]
        fn mail_import_ops_apply_in_one_change_and_undo_reverses_them() {
            let mut store = $make;
            let acme = add(&mut store, process("Acme", "Backend"));
            let mut sent = event(
                "2026-05-05T18:00:00Z",
                EventKind::Sent {
                    kind: MessageKind::FollowUp,
                    subject: Some("Following up".to_owned()),
                    body: None,
                    to: Vec::new(),
                    message_id: None,
                },
            );
            sent.id = Some("ev-1".to_owned());
            log(&mut store, &acme, sent);
            let before = store.process(&acme).unwrap();
            let rafael = Contact {
                name: "Rafael Costa".to_owned(),
                honorific: None,
                email: Some("rafael@acme.example".to_owned()),
                title: None,
            };
            let applied = store
                .apply(&change(
                    "mail import",
                    vec![
                        Op::AddContact {
                            handle: acme.clone(),
                            contact: rafael.clone(),
                        },
                        Op::SetMessageId {
                            handle: acme.clone(),
                            event_id: "ev-1".to_owned(),
                            message_id: "m1@example.org".to_owned(),
                        },
                        Op::MailSeen {
                            message_id: "m1@example.org".to_owned(),
                            handle: Some(acme.clone()),
                        },
                        Op::MailSeen {
                            message_id: "list-7@news.example".to_owned(),
                            handle: None,
                        },
                    ],
                ))
                .unwrap();
            assert!(applied.change_id.is_some(), "edits alone are a change");
            let after = store.process(&acme).unwrap();
            assert_eq!(after.contacts.last(), Some(&rafael));
            assert!(matches!(
                &after.events[0].kind,
                EventKind::Sent { message_id: Some(id), .. } if id == "m1@example.org"
            ));
            assert_eq!(after.events.len(), 1, "no second event");
            assert_eq!(
                store.mail_seen().unwrap(),
                vec![
                    ("m1@example.org".to_owned(), Some(acme.clone())),
                    ("list-7@news.example".to_owned(), None),
                ]
            );
            assert!(store.undo(ts("2026-05-07T12:00:00Z")).unwrap().is_some());
            let undone = store.process(&acme).unwrap();
            assert_eq!(undone.contacts, before.contacts);
            assert_eq!(undone.events, before.events);
            assert!(store.mail_seen().unwrap().is_empty());
            // An unknown event is an error and writes nothing.
            let bad = store.apply(&change(
                "mail import",
                vec![
                    Op::MailSeen {
                        message_id: "m2".to_owned(),
                        handle: None,
                    },
                    Op::SetMessageId {
                        handle: acme.clone(),
                        event_id: "no-such".to_owned(),
                        message_id: "m2".to_owned(),
                    },
                ],
            ));
            assert!(bad.is_err());
            assert!(store.mail_seen().unwrap().is_empty());
        }
    };
}

mod memory {
    storage_tests!(crate::SqliteStore::in_memory(zones()).unwrap());
}

mod sqlite {
    /// A store in a fresh temp file; the folder lives as long as the test (leaked on purpose).
    fn open() -> crate::SqliteStore {
        let dir = tempfile::tempdir().unwrap().keep();
        crate::SqliteStore::open(&dir.join("followup.db"), super::zones()).unwrap()
    }

    storage_tests!(open());
}
