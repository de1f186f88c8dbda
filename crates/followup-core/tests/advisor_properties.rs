//! Properties of the advisor over random timelines (every event type, booked interviews,
//! offers and requests): it never panics, never asks for a third unanswered message, never
//! moves on while an unanswered align's outside deadline is alive, never asks for an answer
//! once you wrote after every open request, never puts a follow-up on or before the promised
//! date, only on business days, and always gives the same answer for the same input.

#![allow(clippy::unwrap_used)]

use followup_core::process::{
    Asks, ChangeReason, Event, EventKind, Interview, MessageKind, Outcome, Process, Rapport,
    TimezoneSource,
};
use followup_core::time::BusinessCalendar;
use followup_core::{Action, Policy, Rule, Step, Then, advise};
use jiff::civil::{Date, date};
use jiff::tz::TimeZoneDatabase;
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

const ZONES: [&str; 4] = ["America/Sao_Paulo", "Asia/Tokyo", "America/New_York", "UTC"];
const START: Date = date(2026, 3, 2);

fn day(offset: i64) -> Date {
    START
        .checked_add(SignedDuration::from_hours(24 * offset))
        .unwrap()
}

fn kind_strategy() -> impl Strategy<Value = EventKind> {
    prop_oneof![
        4 => (0..3u8, any::<bool>()).prop_map(|(r, reinforce)| EventKind::Interview(Interview {
            rapport: [Rapport::Personal, Rapport::BackAndForth, Rapport::Formal][r as usize],
            reinforce_interest: reinforce,
            ..Interview::default()
        })),
        3 => (0..20i64).prop_map(|days| EventKind::Promise { by: day(days), note: None }),
        7 => (0..MessageKind::ALL.len()).prop_map(|k| EventKind::Sent {
            kind: MessageKind::ALL[k],
            subject: None,
            body: None,
            to: vec![],
            message_id: None,
        }),
        4 => (0..Asks::ALL.len(), proptest::option::of(0..60i64)).prop_map(|(a, by)| {
            EventKind::Reply {
                body: None,
                from: None,
                asks: Asks::ALL[a],
                respond_by: by.map(day),
                message_id: None,
            }
        }),
        1 => proptest::option::of(0..60i64).prop_map(|d| EventKind::Offer {
            deadline: d.map(day),
            note: None,
            message_id: None,
        }),
        1 => Just(EventKind::Applied { url: None, source: None, note: None }),
        1 => Just(EventKind::Note { text: "n".into() }),
        1 => (0..60i64).prop_map(|d| EventKind::Away { until: day(d), message_id: None }),
        2 => (0..3u8, any::<bool>(), proptest::option::of(0..40i64)).prop_map(|(r, real, d)| {
            EventKind::ContextChange {
                reason: ChangeReason::ALL[r as usize],
                real,
                deadline: d.map(day),
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
        raw in proptest::collection::vec((0..(60 * 24 * 60i64), kind_strategy()), 0..16),
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
        // Dates an event sets are never before its day (the document rejects that).
        for e in &mut events {
            let made = e.at.to_zoned_datetime(tz.clone()).date();
            match &mut e.kind {
                EventKind::Promise { by: date, .. }
                | EventKind::Reply { respond_by: Some(date), .. }
                | EventKind::Offer { deadline: Some(date), .. }
                | EventKind::Away { until: date, .. } if *date < made => *date = made,
                _ => {}
            }
        }
        let mut process = Process {
            id: None, handle: None, company: "Acme".into(), role: "Engineer".into(),
            timezone_name: name.into(), timezone_source: TimezoneSource::Document, timezone: tz,
            contacts: vec![],
            holidays: holidays.into_iter().map(day).collect(),
            details: Default::default(),
            events,
        };
        process.sort_events();
        (process, minutes(now_minutes))
    }
}

/// The product's terms, computed here independently of the advisor.
struct Model<'a> {
    past: Vec<&'a Event>,
    /// Indexes into `past` of the unanswered follow-ups, finals and aligns.
    unanswered: Vec<usize>,
    /// The promise in force.
    promise: Option<Date>,
}

fn model(process: &Process, now: Timestamp) -> Model<'_> {
    let past: Vec<&Event> = process.events.iter().filter(|e| e.at <= now).collect();
    let booked = process
        .events
        .iter()
        .any(|e| e.at > now && matches!(e.kind, EventKind::Interview(_)));
    // Open requests as (index, asks); an offer is stored with asks = Answer.
    let mut open: Vec<(usize, bool)> = Vec::new(); // (index, is a schedule request)
    let mut anchor = None;
    let mut theirs = None;
    for (i, e) in past.iter().enumerate() {
        match &e.kind {
            EventKind::Interview(_) => {
                anchor = Some(i);
                theirs = Some(i);
                open.retain(|(_, schedule)| !schedule);
            }
            EventKind::Reply { asks, .. } => {
                anchor = Some(i);
                theirs = Some(i);
                if *asks != Asks::Nothing {
                    open.push((i, *asks == Asks::Schedule));
                }
            }
            EventKind::Offer { .. } => {
                anchor = Some(i);
                theirs = Some(i);
                open.retain(|(j, _)| !matches!(past[*j].kind, EventKind::Offer { .. }));
                open.push((i, false));
            }
            EventKind::Sent { kind, .. } if *kind != MessageKind::ThankYou && !open.is_empty() => {
                anchor = Some(i);
                open.clear();
            }
            _ => {}
        }
    }
    let unanswered = if booked {
        Vec::new()
    } else {
        (anchor.map_or(0, |a| a + 1)..past.len())
            .filter(|&i| {
                matches!(past[i].kind, EventKind::Sent { kind, .. }
                    if matches!(kind, MessageKind::FollowUp | MessageKind::Final | MessageKind::Align))
            })
            .collect()
    };
    let theirs_at = theirs.map(|i| past[i].at);
    let promise = past.iter().rev().find_map(|e| match e.kind {
        EventKind::Promise { by, .. } if theirs_at.is_none_or(|a| e.at >= a) => Some(by),
        _ => None,
    });
    Model {
        past,
        unanswered,
        promise,
    }
}

fn today_of(process: &Process, now: Timestamp) -> Date {
    now.to_zoned_datetime(process.timezone.clone()).date()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn never_a_third_unanswered_follow_up_or_final((process, now) in timeline()) {
        let advice = advise(&process, &Policy::default(), now);
        let m = model(&process, now);
        let asks_for_another = matches!(
            advice.action,
            Action::Act { step: Step::FollowUp | Step::FinalFollowUp | Step::AlignDecision, .. }
                | Action::Wait {
                    then: Then::Step(Step::FollowUp | Step::FinalFollowUp | Step::AlignDecision),
                    ..
                }
        );
        if asks_for_another {
            prop_assert!(m.unanswered.len() < 2, "{} unanswered: {advice:?}", m.unanswered.len());
        }
    }

    #[test]
    fn no_move_on_while_an_unanswered_aligns_deadline_is_alive((process, now) in timeline()) {
        let advice = advise(&process, &Policy::default(), now);
        if advice.rule != Rule::UnansweredLimit {
            return Ok(());
        }
        let m = model(&process, now);
        let today = today_of(&process, now);
        for &i in &m.unanswered {
            if !matches!(m.past[i].kind, EventKind::Sent { kind: MessageKind::Align, .. }) {
                continue;
            }
            let deadline = m.past[..i].iter().rev().find_map(|e| match e.kind {
                EventKind::ContextChange { real: true, deadline, .. } => Some(deadline),
                _ => None,
            });
            if let Some(Some(deadline)) = deadline {
                prop_assert!(deadline < today, "moved on before {deadline}: {advice:?}");
            }
        }
    }

    #[test]
    fn no_answer_asked_once_you_wrote_after_every_open_request((process, now) in timeline()) {
        let advice = advise(&process, &Policy::default(), now);
        if !matches!(advice.action, Action::Act { step: Step::Respond(_) | Step::RespondOffer, .. }) {
            return Ok(());
        }
        let past: Vec<&Event> = process.events.iter().filter(|e| e.at <= now).collect();
        if advice.rule == Rule::OfferDeadline {
            // An answered offer is still to decide: its deadline is alive and no close came
            // after it.
            let latest_offer = past.iter().rposition(|e| matches!(e.kind, EventKind::Offer { .. }));
            let alive = latest_offer.is_some_and(|o| {
                matches!(past[o].kind, EventKind::Offer { deadline: Some(d), .. } if d >= advice.today)
                    && !past[o..].iter().any(|e| matches!(e.kind, EventKind::Closed { .. }))
            });
            prop_assert!(alive, "{advice:?}");
            return Ok(());
        }
        let last_written = past.iter().rposition(|e| {
            matches!(e.kind, EventKind::Sent { kind, .. } if kind != MessageKind::ThankYou)
        });
        let unanswered_request = past.iter().enumerate().any(|(i, e)| {
            last_written.is_none_or(|w| i > w)
                && matches!(
                    e.kind,
                    EventKind::Offer { .. } | EventKind::Reply { asks: Asks::Answer | Asks::Schedule | Asks::Assignment, .. }
                )
        });
        prop_assert!(unanswered_request, "{advice:?}");
    }

    #[test]
    fn follow_ups_come_after_the_promise_on_business_days((process, now) in timeline()) {
        let advice = advise(&process, &Policy::default(), now);
        let calendar = BusinessCalendar::new(process.holidays.iter().copied());
        let m = model(&process, now);
        let due = match advice.action {
            Action::Wait { until, then: Then::Step(Step::FollowUp | Step::FinalFollowUp) } => Some(until),
            Action::Act { step: Step::FollowUp | Step::FinalFollowUp, due, .. } => Some(due),
            _ => None,
        };
        if let Some(due) = due {
            prop_assert!(calendar.is_business_day(due), "{due} is not a business day: {advice:?}");
            if let Some(by) = m.promise {
                prop_assert!(due > by, "due {due} on or before promise {by}");
            }
        }
        if let Action::Wait { until, .. } = advice.action {
            prop_assert!(until > today_of(&process, now));
        }
    }

    #[test]
    fn same_input_same_advice((process, now) in timeline()) {
        let first = advise(&process, &Policy::default(), now);
        let again = advise(&process.clone(), &Policy::default(), now);
        prop_assert_eq!(&first, &again);
        prop_assert!(!first.reason().is_empty());
        prop_assert!(!first.summary().is_empty());
    }
}
