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
        fn merge_keeps_identical_events_without_ids_apart() {
            let mut store = $make;
            let mut p = process("Acme", "Backend");
            p.id = Some("p1".to_owned());
            let note = || {
                event(
                    "2026-05-05T17:00:00Z",
                    EventKind::Note {
                        text: "same".to_owned(),
                    },
                )
            };
            p.events = vec![note(), note()];
            let first = store
                .apply(&change("import", vec![Op::MergeProcess(p.clone())]))
                .unwrap();
            assert_eq!(first.event_ids.len(), 2);
            let again = store
                .apply(&change("import", vec![Op::MergeProcess(p.clone())]))
                .unwrap();
            assert_eq!(again.event_ids.len(), 0);
            p.events.push(note());
            let third = store
                .apply(&change("import", vec![Op::MergeProcess(p)]))
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
                            ..Interview::default()
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
        fn edit_process_replaces_fields_keeps_instants_and_undo_redo_swap_them() {
            let mut store = $make;
            let h = add(&mut store, process("Acme", "Backend"));
            log(&mut store, &h, interview("2026-05-05T17:00:00Z"));
            let before = store.process(&h).unwrap();
            let mut edited = before.clone();
            edited.company = "Acme Corp".to_owned();
            edited.role = "Staff Backend".to_owned();
            edited.timezone_name = "Europe/Lisbon".to_owned();
            edited.details.salary = Some("70k".to_owned());
            store
                .apply(&change(
                    "edit",
                    vec![Op::UpdateProcess {
                        handle: h.clone(),
                        process: edited,
                    }],
                ))
                .unwrap();
            let after = store.process(&h).unwrap();
            assert_eq!(after.id, before.id);
            assert_eq!(after.handle, before.handle);
            assert_eq!(
                (after.company.as_str(), after.role.as_str()),
                ("Acme Corp", "Staff Backend")
            );
            assert_eq!(after.timezone_name, "Europe/Lisbon");
            assert_eq!(after.details.salary.as_deref(), Some("70k"));
            assert_eq!(after.events, before.events, "instants are kept");

            store.undo(ts("2026-05-07T12:00:00Z")).unwrap().unwrap();
            let undone = store.process(&h).unwrap();
            assert_eq!(undone.company, "Acme");
            assert_eq!(undone.timezone_name, "America/Sao_Paulo");
            assert_eq!(undone.details, before.details);
            let redone = store.redo(ts("2026-05-07T12:01:00Z")).unwrap().unwrap();
            assert_eq!(redone.summary, "edit");
            assert_eq!(store.process(&h).unwrap().company, "Acme Corp");
            store.undo(ts("2026-05-07T12:02:00Z")).unwrap().unwrap();
            assert_eq!(store.process(&h).unwrap().company, "Acme");
        }

        #[test]
        fn two_edits_of_one_process_in_one_change_undo_together() {
            let mut store = $make;
            let h = add(&mut store, process("Acme", "Backend"));
            let mut first = store.process(&h).unwrap();
            first.role = "One".to_owned();
            let mut second = first.clone();
            second.role = "Two".to_owned();
            store
                .apply(&change(
                    "edit twice",
                    vec![
                        Op::UpdateProcess {
                            handle: h.clone(),
                            process: first,
                        },
                        Op::UpdateProcess {
                            handle: h.clone(),
                            process: second,
                        },
                    ],
                ))
                .unwrap();
            assert_eq!(store.process(&h).unwrap().role, "Two");
            store.undo(ts("2026-05-07T12:00:00Z")).unwrap();
            assert_eq!(store.process(&h).unwrap().role, "Backend");
            store.redo(ts("2026-05-07T12:01:00Z")).unwrap();
            assert_eq!(store.process(&h).unwrap().role, "Two");
        }

        #[test]
        fn contact_changes_are_process_edits() {
            let mut store = $make;
            let h = add(&mut store, process("Acme", "Backend"));
            let mut p = store.process(&h).unwrap();
            let bruno = Contact {
                name: "Bruno Lima".to_owned(),
                honorific: None,
                email: Some("bruno@acme.example".to_owned()),
                title: Some("Hiring Manager".to_owned()),
            };
            // Added as the main contact, then the first one removed, in two changes.
            p.contacts.insert(0, bruno.clone());
            let edit = |p: &Process| {
                change(
                    "contact",
                    vec![Op::UpdateProcess {
                        handle: h.clone(),
                        process: p.clone(),
                    }],
                )
            };
            store.apply(&edit(&p)).unwrap();
            assert_eq!(store.process(&h).unwrap().contacts[0], bruno);
            assert_eq!(store.process(&h).unwrap().contacts.len(), 2);
            p.contacts.remove(1);
            store.apply(&edit(&p)).unwrap();
            assert_eq!(store.process(&h).unwrap().contacts, vec![bruno.clone()]);
            // An edit that changes nothing writes nothing.
            let same = store.apply(&edit(&p)).unwrap();
            assert_eq!(same.change_id, None);
            store.undo(ts("2026-05-07T12:00:00Z")).unwrap();
            assert_eq!(store.process(&h).unwrap().contacts.len(), 2);
            store.undo(ts("2026-05-07T12:01:00Z")).unwrap();
            assert_eq!(store.process(&h).unwrap().contacts[0].name, "Ana Souza");
        }

        #[test]
        fn edit_event_keeps_its_id_and_undo_redo_swap_the_versions() {
            let mut store = $make;
            let h = add(&mut store, process("Acme", "Backend"));
            log(&mut store, &h, interview("2026-05-05T17:00:00Z"));
            log(
                &mut store,
                &h,
                promise("2026-05-05T18:00:00Z", date(2026, 5, 8)),
            );
            let original = store.process(&h).unwrap().events[0].clone();
            let mut moved = original.clone();
            moved.at = ts("2026-05-06T12:00:00Z");
            let applied = store
                .apply(&change(
                    "edit #1",
                    vec![Op::UpdateEvent {
                        handle: h.clone(),
                        event: moved.clone(),
                    }],
                ))
                .unwrap();
            assert_eq!(applied.event_ids, vec![original.id.clone().unwrap()]);
            let events = store.process(&h).unwrap().events;
            assert_eq!(events.len(), 2);
            assert_eq!(events[1], moved, "the new time orders it after the promise");
            let timeline = store.timeline(&h).unwrap();
            assert_eq!(
                timeline.len(),
                2,
                "the replaced version is not in the timeline"
            );
            assert!(timeline.iter().all(|e| !e.undone));

            store.undo(ts("2026-05-07T12:00:00Z")).unwrap().unwrap();
            assert_eq!(store.process(&h).unwrap().events[0], original);
            let timeline = store.timeline(&h).unwrap();
            assert_eq!(timeline.len(), 3);
            assert!(timeline.iter().any(|e| e.undone && e.event == moved));
            store.redo(ts("2026-05-07T12:01:00Z")).unwrap().unwrap();
            assert_eq!(store.process(&h).unwrap().events[1], moved);
            assert_eq!(store.redo(ts("2026-05-07T12:02:00Z")).unwrap(), None);

            // An unknown id is refused and writes nothing.
            let mut stray = moved.clone();
            stray.id = Some("nope".to_owned());
            let err = store
                .apply(&change(
                    "edit",
                    vec![Op::UpdateEvent {
                        handle: h.clone(),
                        event: stray,
                    }],
                ))
                .unwrap_err();
            assert!(matches!(err, StoreError::UnknownEvent { .. }), "{err}");
            assert!(matches!(
                store.apply(&change(
                    "rm",
                    vec![Op::RemoveEvent {
                        handle: h.clone(),
                        id: "nope".to_owned()
                    }]
                )),
                Err(StoreError::UnknownEvent { .. })
            ));
            assert_eq!(store.process(&h).unwrap().events.len(), 2);
        }

        #[test]
        fn rm_event_and_rm_process_hide_and_undo_shows_again() {
            let mut store = $make;
            let h = add(&mut store, process("Acme", "Backend"));
            log(&mut store, &h, interview("2026-05-05T17:00:00Z"));
            log(
                &mut store,
                &h,
                promise("2026-05-05T18:00:00Z", date(2026, 5, 8)),
            );
            let id = store.process(&h).unwrap().events[0].id.clone().unwrap();
            store
                .apply(&change(
                    "rm #1",
                    vec![Op::RemoveEvent {
                        handle: h.clone(),
                        id: id.clone(),
                    }],
                ))
                .unwrap();
            let left = store.process(&h).unwrap().events;
            assert_eq!(left.len(), 1);
            assert_eq!(left[0].kind.type_name(), "promise");
            assert_eq!(
                store.timeline(&h).unwrap().len(),
                1,
                "a removed event is not listed"
            );
            store.undo(ts("2026-05-07T12:00:00Z")).unwrap();
            assert_eq!(
                store.process(&h).unwrap().events[0].id.as_deref(),
                Some(id.as_str())
            );
            store.redo(ts("2026-05-07T12:01:00Z")).unwrap();
            assert_eq!(store.process(&h).unwrap().events.len(), 1);

            store
                .apply(&change("rm", vec![Op::RemoveProcess { handle: h.clone() }]))
                .unwrap();
            assert!(store.processes().unwrap().is_empty());
            assert!(matches!(
                store.process(&h),
                Err(StoreError::UnknownHandle { .. })
            ));
            // The handle is free while the process is removed...
            let other = add(&mut store, process("Acme", "Backend"));
            assert_eq!(other, h);
            store.undo(ts("2026-05-07T12:02:00Z")).unwrap();
            // ...and the removed one comes back with its events once that add is undone.
            store.undo(ts("2026-05-07T12:03:00Z")).unwrap();
            let back = store.process(&h).unwrap();
            assert_eq!(back.events.len(), 1);
            assert_eq!(store.processes().unwrap().len(), 1);
        }

        #[test]
        fn undo_and_redo_chains_and_a_new_change_clears_redo() {
            let mut store = $make;
            let h = add(&mut store, process("Acme", "Backend"));
            for day in ["2026-05-05", "2026-05-06", "2026-05-07"] {
                log(&mut store, &h, interview(&format!("{day}T17:00:00Z")));
            }
            let count = |s: &crate::SqliteStore| s.process(&h).unwrap().events.len();
            let at = |n: u32| ts(&format!("2026-05-08T12:{n:02}:00Z"));
            for expected in [2, 1, 0] {
                store.undo(at(0)).unwrap().unwrap();
                assert_eq!(count(&store), expected);
            }
            for expected in [1, 2] {
                store.redo(at(1)).unwrap().unwrap();
                assert_eq!(count(&store), expected);
            }
            // Undo after a redo takes the redone change again, and redo follows.
            store.undo(at(2)).unwrap().unwrap();
            assert_eq!(count(&store), 1);
            store.redo(at(3)).unwrap().unwrap();
            store.redo(at(4)).unwrap().unwrap();
            assert_eq!(count(&store), 3);
            assert_eq!(store.redo(at(5)).unwrap(), None);
            // Redo never re-applies an undone add past a new change.
            store.undo(at(6)).unwrap().unwrap();
            store.undo(at(7)).unwrap().unwrap();
            log(
                &mut store,
                &h,
                promise("2026-05-08T09:00:00Z", date(2026, 5, 12)),
            );
            assert_eq!(store.redo(at(8)).unwrap(), None);
            assert_eq!(count(&store), 2);
            let history = store.history().unwrap();
            assert!(history.iter().any(|c| c.summary == "redo: log"));
            // Undo walks on to the end, then redo replays every step back.
            let mut undone = 0;
            while store.undo(at(9)).unwrap().is_some() {
                undone += 1;
            }
            assert_eq!(undone, 3, "the promise, the first interview and the add");
            assert!(store.processes().unwrap().is_empty());
            for _ in 0..undone {
                store.redo(at(10)).unwrap().unwrap();
            }
            assert_eq!(count(&store), 2);
        }

        #[test]
        fn purge_erases_hidden_rows_and_the_history_for_good() {
            let mut store = $make;
            let secret = |what: &str| format!("SECRET-{what}-7f3a");
            // A removed process, an edited event, an undone log and an edited company.
            let mut gone = process(&secret("company"), "Ops");
            gone.contacts[0].email = Some(format!("{}@x.example", secret("mail")));
            let gone = add(&mut store, gone);
            log(&mut store, &gone, interview("2026-05-05T17:00:00Z"));
            store
                .apply(&change(
                    "rm",
                    vec![Op::RemoveProcess {
                        handle: gone.clone(),
                    }],
                ))
                .unwrap();
            let h = add(&mut store, process(&secret("oldname"), "Backend"));
            log(
                &mut store,
                &h,
                event(
                    "2026-05-05T17:00:00Z",
                    EventKind::Note {
                        text: secret("note"),
                    },
                ),
            );
            let mut note = store.process(&h).unwrap().events[0].clone();
            note.kind = EventKind::Note {
                text: "kept".to_owned(),
            };
            store
                .apply(&change(
                    "edit",
                    vec![Op::UpdateEvent {
                        handle: h.clone(),
                        event: note,
                    }],
                ))
                .unwrap();
            let mut renamed = store.process(&h).unwrap();
            renamed.company = "Acme".to_owned();
            store
                .apply(&change(
                    "edit",
                    vec![Op::UpdateProcess {
                        handle: h.clone(),
                        process: renamed,
                    }],
                ))
                .unwrap();
            log(
                &mut store,
                &h,
                event(
                    "2026-05-06T17:00:00Z",
                    EventKind::Note {
                        text: secret("undone"),
                    },
                ),
            );
            store.undo(ts("2026-05-07T12:00:00Z")).unwrap();
            let visible = store.processes().unwrap();

            let would = store.purgeable().unwrap();
            let purged = store.purge(ts("2026-05-07T13:00:00Z")).unwrap();
            assert_eq!(purged, would);
            assert_eq!((purged.processes, purged.events, purged.edits), (1, 3, 1));
            let docs = |ps: Vec<Process>| ps.iter().map(to_document).collect::<Vec<_>>();
            assert_eq!(
                docs(store.processes().unwrap()),
                docs(visible),
                "what is visible stays"
            );
            assert_eq!(store.timeline(&h).unwrap().len(), 1);
            let history = store.history().unwrap();
            assert_eq!(history.len(), 1);
            assert_eq!(history[0].summary, "purge");
            assert_eq!(store.undo(ts("2026-05-07T13:01:00Z")).unwrap(), None);
            assert_eq!(store.redo(ts("2026-05-07T13:01:00Z")).unwrap(), None);
            assert!(store.purgeable().unwrap().is_empty());
            assert_eq!(
                store.purge(ts("2026-05-07T13:02:00Z")).unwrap(),
                Default::default()
            );

            // Not a byte of the erased text is left in the file or its log.
            let path = store.path().to_owned();
            if path != std::path::Path::new(":memory:") {
                for file in [path.clone(), path.with_extension("db-wal")] {
                    let Ok(bytes) = std::fs::read(&file) else {
                        continue;
                    };
                    let found = bytes.windows(b"SECRET-".len()).any(|w| w == b"SECRET-");
                    assert!(!found, "{} still holds erased text", file.display());
                }
            }
            // Work goes on after a purge, and undo reaches no further back than it.
            log(&mut store, &h, interview("2026-05-08T17:00:00Z"));
            store.undo(ts("2026-05-08T18:00:00Z")).unwrap().unwrap();
            assert_eq!(store.undo(ts("2026-05-08T18:01:00Z")).unwrap(), None);
            assert_eq!(store.process(&h).unwrap().events.len(), 1);
        }

        #[test]
        fn mail_import_in_one_change_with_edits_and_undo_redo_reverse_it_all() {
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
            log(&mut store, &acme, sent.clone());
            let before = store.process(&acme).unwrap();
            let mut with_contact = before.clone();
            with_contact.contacts.push(Contact {
                name: "Rafael Costa".to_owned(),
                honorific: None,
                email: Some("rafael@acme.example".to_owned()),
                title: None,
            });
            let mut attached = sent;
            if let EventKind::Sent { message_id, .. } = &mut attached.kind {
                *message_id = Some("m1@example.org".to_owned());
            }
            let seen = |id: &str, handle: Option<&str>| Op::MailSeen {
                message_id: id.to_owned(),
                handle: handle.map(str::to_owned),
            };
            let applied = store
                .apply(&change(
                    "mail import",
                    vec![
                        Op::UpdateEvent {
                            handle: acme.clone(),
                            event: attached.clone(),
                        },
                        seen("m1@example.org", Some(&acme)),
                        seen("list-7@news.example", None),
                        Op::UpdateProcess {
                            handle: acme.clone(),
                            process: with_contact.clone(),
                        },
                    ],
                ))
                .unwrap();
            assert!(applied.change_id.is_some());
            let after = store.process(&acme).unwrap();
            assert_eq!(after.contacts, with_contact.contacts);
            assert_eq!(after.events, vec![attached], "no second event");
            let all_seen = vec![
                ("m1@example.org".to_owned(), Some(acme.clone())),
                ("list-7@news.example".to_owned(), None),
            ];
            assert_eq!(store.mail_seen().unwrap(), all_seen);
            assert!(store.undo(ts("2026-05-07T12:00:00Z")).unwrap().is_some());
            let undone = store.process(&acme).unwrap();
            assert_eq!(undone.contacts, before.contacts);
            assert_eq!(undone.events, before.events);
            assert!(store.mail_seen().unwrap().is_empty());
            assert!(store.redo(ts("2026-05-07T12:01:00Z")).unwrap().is_some());
            assert_eq!(store.mail_seen().unwrap(), all_seen);
            // Seen-only changes count as changes; a purge keeps what is live.
            store
                .apply(&change("mail import", vec![seen("m2", None)]))
                .unwrap();
            assert!(store.undo(ts("2026-05-07T12:02:00Z")).unwrap().is_some());
            store.purge(ts("2026-05-07T12:03:00Z")).unwrap();
            assert_eq!(store.mail_seen().unwrap(), all_seen);
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
