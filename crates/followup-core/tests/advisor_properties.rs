//! Properties of the advisor over random timelines: it never panics, never asks for a third
//! unanswered message, never puts a follow-up on or before the promised date, only on business
//! days, and always gives the same answer for the same input.

#![allow(clippy::unwrap_used)]

use followup_core::process::{
    ChangeReason, Event, EventKind, Interview, MessageKind, Outcome, Process, Rapport,
    TimezoneSource,
};
use followup_core::time::BusinessCalendar;
use followup_core::{Action, Policy, Step, advise};
use jiff::civil::{Date, date};
use jiff::tz::{TimeZone, TimeZoneDatabase};
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

const ZONES: [&str; 4] = ["America/Sao_Paulo", "Asia/Tokyo", "America/New_York", "UTC"];
const START: Date = date(2026, 3, 2);

fn kind_strategy() -> impl Strategy<Value = EventKind> {
    prop_oneof![
        4 => (0..3u8, any::<bool>()).prop_map(|(r, reinforce)| EventKind::Interview(Interview {
            rapport: [Rapport::Personal, Rapport::BackAndForth, Rapport::Formal][r as usize],
            reinforce_interest: reinforce,
            ..Interview::default()
        })),
        3 => (0..20i64).prop_map(|days| EventKind::Promise {
            by: START.checked_add(SignedDuration::from_hours(24 * days)).unwrap(),
            note: None,
        }),
        6 => (0..5u8).prop_map(|k| EventKind::Sent {
            kind: MessageKind::ALL[k as usize],
            subject: None,
            body: None,
            to: vec![],
        }),
        3 => Just(EventKind::Reply { body: None, from: None }),
        2 => (0..3u8, any::<bool>(), proptest::option::of(0..40i64)).prop_map(|(r, real, d)| {
            EventKind::ContextChange {
                reason: ChangeReason::ALL[r as usize],
                real,
                deadline: d.map(|d| START.checked_add(SignedDuration::from_hours(24 * d)).unwrap()),
                note: None,
            }
        }),
        1 => Just(EventKind::Closed { outcome: Outcome::NoAnswer, note: None }),
        1 => Just(EventKind::Reopened { note: None }),
    ]
}

prop_compose! {
    fn timeline()(
        zone in 0..ZONES.len(),
        raw in proptest::collection::vec((0..(60 * 24 * 60i64), kind_strategy()), 0..14),
        holidays in proptest::collection::vec(0..60i64, 0..4),
        now_minutes in 0..(70 * 24 * 60i64),
    ) -> (Process, Timestamp) {
        let name = ZONES[zone];
        let tz = TimeZoneDatabase::bundled().get(name).unwrap();
        let base = START.to_zoned_datetime(tz.clone()).unwrap().timestamp();
        let minutes = |m: i64| base + SignedDuration::from_mins(m);
        let mut events: Vec<Event> = raw
            .into_iter()
            .map(|(m, kind)| Event { id: None, at: minutes(m), kind })
            .collect();
        // Promises are never before the day they were made (the document rejects that).
        for e in &mut events {
            let made = e.at.to_zoned_datetime(tz.clone()).date();
            if let EventKind::Promise { by, .. } = &mut e.kind && *by < made {
                *by = made;
            }
        }
        let mut process = Process {
            id: None, handle: None, company: "Acme".into(), role: "Engineer".into(),
            timezone_name: name.into(), timezone_source: TimezoneSource::Document, timezone: tz,
            contacts: vec![],
            holidays: holidays.into_iter()
                .map(|d| START.checked_add(SignedDuration::from_hours(24 * d)).unwrap())
                .collect(),
            events,
        };
        process.sort_events();
        (process, minutes(now_minutes))
    }
}

/// Unanswered messages and the promise in force, computed independently of the advisor.
fn unanswered_and_promise(process: &Process, now: Timestamp) -> (usize, Option<Date>) {
    let events: Vec<&Event> = process.events.iter().filter(|e| e.at <= now).collect();
    let anchor = events
        .iter()
        .rposition(|e| matches!(e.kind, EventKind::Interview(_) | EventKind::Reply { .. }));
    let after = anchor.map_or(0, |i| i + 1);
    let unanswered = events[after..]
        .iter()
        .filter(|e| {
            matches!(e.kind, EventKind::Sent { kind, .. }
                if matches!(kind, MessageKind::FollowUp | MessageKind::Final | MessageKind::Align))
        })
        .count();
    let anchor_at = anchor.map(|i| events[i].at);
    let promise = events.iter().rev().find_map(|e| match e.kind {
        EventKind::Promise { by, .. } if anchor_at.is_none_or(|a| e.at >= a) => Some(by),
        _ => None,
    });
    (unanswered, promise)
}

fn zone_of(process: &Process) -> TimeZone {
    process.timezone.clone()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_a_third_unanswered_message((process, now) in timeline()) {
        let advice = advise(&process, &Policy::default(), now);
        let (unanswered, _) = unanswered_and_promise(&process, now);
        if unanswered >= 2 {
            prop_assert!(matches!(advice.action, Action::MoveOn | Action::Nothing), "{advice:?}");
        }
    }

    #[test]
    fn follow_ups_come_after_the_promise_on_business_days((process, now) in timeline()) {
        let advice = advise(&process, &Policy::default(), now);
        let calendar = BusinessCalendar::new(process.holidays.iter().copied());
        let (_, promise) = unanswered_and_promise(&process, now);
        let due = match advice.action {
            Action::Wait { until, then: Step::FollowUp | Step::FinalFollowUp } => Some(until),
            Action::Act { step: Step::FollowUp | Step::FinalFollowUp, due } => Some(due),
            _ => None,
        };
        if let Some(due) = due {
            prop_assert!(calendar.is_business_day(due), "{due} is not a business day: {advice:?}");
            if let Some(by) = promise {
                prop_assert!(due > by, "due {due} on or before promise {by}");
            }
        }
        if let Action::Wait { until, .. } = advice.action {
            let today = now.to_zoned_datetime(zone_of(&process)).date();
            prop_assert!(until > today);
        }
    }

    #[test]
    fn same_input_same_advice((process, now) in timeline()) {
        let first = advise(&process, &Policy::default(), now);
        let again = advise(&process.clone(), &Policy::default(), now);
        prop_assert_eq!(&first, &again);
        prop_assert!(!first.reason().is_empty());
    }
}
