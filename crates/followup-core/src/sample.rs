//! Built-in sample processes whose dates are relative to `now`, so `--demo` always shows a
//! meaningful spread of advice: a follow-up due, a thank-you, a wait, a final attempt ahead,
//! a real change to align, and one to move on from.

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::process::{
    ChangeReason, Contact, Event, EventKind, Interview, MessageKind, Process, Rapport,
    TimezoneSource,
};
use crate::time::BusinessCalendar;

/// The demo processes as of `now`, in `zone` (named `zone_name`).
pub fn demo_processes(now: Timestamp, zone: &TimeZone, zone_name: &str) -> Vec<Process> {
    let today = now.to_zoned_datetime(zone.clone()).date();
    let cal = BusinessCalendar::default();
    // Every sample day is a business day: an offset landing on a weekend moves to the business
    // day before it, so the demo never shows an interview or a promise on a Sunday.
    let on_business_day = |date: Date| {
        let mut d = date;
        while !cal.is_business_day(d) {
            d = d.yesterday().unwrap_or(d);
        }
        d
    };
    let day = |offset: i64| {
        on_business_day(
            today
                .checked_add(SignedDuration::from_hours(24 * offset))
                .unwrap_or(today),
        )
    };
    let at = |date: Date, hour: i8| -> Timestamp {
        let local = date.to_datetime(Time::constant(hour, 0, 0, 0));
        zone.to_ambiguous_timestamp(local)
            .compatible()
            .unwrap_or(now)
            .min(now)
    };
    let last_business_day_before = |date: Date| {
        let mut d = date;
        loop {
            d = d.yesterday().unwrap_or(d);
            if cal.is_business_day(d) {
                return d;
            }
        }
    };
    let process = |handle: &str,
                   company: &str,
                   role: &str,
                   contact: Contact,
                   events: Vec<(Timestamp, EventKind)>| Process {
        id: Some(format!("demo-{handle}")),
        handle: Some(handle.to_owned()),
        company: company.to_owned(),
        role: role.to_owned(),
        timezone_name: zone_name.to_owned(),
        timezone_source: TimezoneSource::Document,
        timezone: zone.clone(),
        contacts: vec![contact],
        holidays: Vec::new(),
        details: Default::default(),
        events: events
            .into_iter()
            .enumerate()
            .map(|(i, (at, kind))| Event {
                id: Some(format!("demo-{handle}-{i}")),
                at,
                kind,
            })
            .collect(),
    };
    let contact = |name: &str, honorific: &str, email: &str| Contact {
        name: name.to_owned(),
        honorific: Some(honorific.to_owned()),
        email: Some(email.to_owned()),
        title: Some("Recruiter".to_owned()),
    };
    let interview = |rapport: Rapport, topic: &str| {
        EventKind::Interview(Interview {
            rapport,
            topics: vec![topic.to_owned()],
            ..Interview::default()
        })
    };
    let promise = |by: Date| EventKind::Promise { by, note: None };
    let sent = |kind: MessageKind| EventKind::Sent {
        kind,
        subject: None,
        body: None,
        to: Vec::new(),
        message_id: None,
    };

    // A promise that has just passed: follow up.
    let acme_by = last_business_day_before(today);
    let acme_interview = last_business_day_before(last_business_day_before(acme_by));
    // An unanswered follow-up from yesterday: wait, then the final attempt.
    let wayne_follow_up = last_business_day_before(today);
    // A warm interview three hours ago, or late on the last business day when that was a
    // weekend (a thank-you is still due on a Saturday, no longer on a Sunday).
    let three_hours_ago = now - SignedDuration::from_hours(3);
    let globex_interview =
        if cal.is_business_day(three_hours_ago.to_zoned_datetime(zone.clone()).date()) {
            three_hours_ago
        } else {
            at(
                on_business_day(three_hours_ago.to_zoned_datetime(zone.clone()).date()),
                17,
            )
        };

    let mut processes = vec![
        process(
            "acme-backend",
            "Acme",
            "Backend Engineer",
            contact("Ana Souza", "Ms.", "ana@acme.example"),
            vec![
                (
                    at(acme_interview, 14),
                    interview(Rapport::Formal, "event sourcing"),
                ),
                (at(acme_interview, 15), promise(acme_by)),
            ],
        ),
        process(
            "globex-design",
            "Globex",
            "Product Designer",
            contact("Bruno Lima", "Mr.", "bruno@globex.example"),
            vec![(
                globex_interview,
                interview(Rapport::Personal, "the onboarding redesign"),
            )],
        ),
        process(
            "initech-data",
            "Initech",
            "Data Analyst",
            contact("Carla Mendes", "Ms.", "carla@initech.example"),
            vec![
                (
                    at(day(-1), 10),
                    interview(Rapport::Formal, "churn dashboards"),
                ),
                (at(day(-1), 11), promise(cal.add_business_days(today, 5))),
            ],
        ),
        process(
            "wayne-platform",
            "Wayne Enterprises",
            "Platform Engineer",
            contact("Diego Alves", "Mr.", "diego@wayne.example"),
            vec![
                (
                    at(day(-16), 10),
                    interview(Rapport::Formal, "Kubernetes upgrades"),
                ),
                (at(day(-16), 11), promise(day(-9))),
                (at(wayne_follow_up, 9), sent(MessageKind::FollowUp)),
            ],
        ),
        process(
            "hooli-frontend",
            "Hooli",
            "Frontend Engineer",
            contact("Elena Costa", "Dr.", "elena@hooli.example"),
            vec![
                (
                    at(day(-7), 16),
                    interview(Rapport::Formal, "design systems"),
                ),
                (at(day(-7), 17), promise(day(10))),
                (
                    at(day(-1), 18),
                    EventKind::ContextChange {
                        reason: ChangeReason::CompetingOffer,
                        real: true,
                        deadline: Some(day(4)),
                        note: Some(
                            "offer from another company, answer due in four days".to_owned(),
                        ),
                    },
                ),
            ],
        ),
        process(
            "umbrella-sre",
            "Umbrella",
            "Site Reliability Engineer",
            contact("Fabio Rocha", "Mr.", "fabio@umbrella.example"),
            vec![
                (
                    at(day(-30), 10),
                    interview(Rapport::Formal, "incident reviews"),
                ),
                (at(day(-30), 11), promise(day(-23))),
                (at(day(-20), 9), sent(MessageKind::FollowUp)),
                (at(day(-14), 9), sent(MessageKind::Final)),
            ],
        ),
    ];
    for p in &mut processes {
        p.sort_events();
    }
    processes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Policy, advise};

    /// The action advised for each demo process at `now`, in the demo's order.
    fn demo_actions(now: Timestamp, zone: &TimeZone) -> Vec<&'static str> {
        demo_processes(now, zone, "UTC")
            .iter()
            .map(|p| advise(p, &Policy::default(), now).action.name())
            .collect()
    }

    #[test]
    fn demo_covers_the_main_actions_on_a_weekday() {
        let zone = TimeZone::UTC;
        // Wednesday 13 May 2026, 12:00 UTC.
        let now: Timestamp = "2026-05-13T12:00:00Z".parse().unwrap();
        let actions = demo_actions(now, &zone);
        assert_eq!(
            actions,
            [
                "follow-up",
                "send-thank-you",
                "wait",
                "wait",
                "align-decision",
                "move-on"
            ]
        );
    }

    #[test]
    fn demo_days_are_business_days() {
        let zone = TimeZone::UTC;
        let cal = BusinessCalendar::default();
        // A Saturday, a Sunday, a Monday just after midnight, and a Wednesday.
        for now in [
            "2026-11-07T12:00:00Z",
            "2026-11-08T12:00:00Z",
            "2026-11-09T00:30:00Z",
            "2026-05-13T12:00:00Z",
        ] {
            let now: Timestamp = now.parse().unwrap();
            for p in demo_processes(now, &zone, "UTC") {
                for e in &p.events {
                    let day = p.local_date(e.at);
                    assert!(cal.is_business_day(day), "{} {day} at {now}", p.company);
                    let promised = match e.kind {
                        EventKind::Promise { by, .. } => Some(by),
                        EventKind::ContextChange { deadline, .. } => deadline,
                        _ => None,
                    };
                    if let Some(by) = promised {
                        assert!(cal.is_business_day(by), "{} {by} at {now}", p.company);
                    }
                }
            }
        }
    }

    #[test]
    fn demo_keeps_its_variety_on_a_saturday() {
        let zone = TimeZone::UTC;
        let now: Timestamp = "2026-11-07T12:00:00Z".parse().unwrap();
        let actions = demo_actions(now, &zone);
        // Acme's promise was Friday: its follow-up waits for Monday, never a weekend.
        assert_eq!(
            actions,
            [
                "wait",
                "send-thank-you",
                "wait",
                "wait",
                "align-decision",
                "move-on"
            ]
        );
    }

    #[test]
    fn demo_never_has_future_events() {
        let zone = TimeZone::UTC;
        for now in [
            "2026-05-16T12:00:00Z",
            "2026-05-18T00:30:00Z",
            "2026-01-01T23:00:00Z",
        ] {
            let now: Timestamp = now.parse().unwrap();
            for p in demo_processes(now, &zone, "UTC") {
                assert!(p.events.iter().all(|e| e.at <= now), "{}", p.company);
            }
        }
    }
}
