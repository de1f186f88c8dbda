//! Built-in sample processes whose dates are relative to `now`, so `--demo` always shows a
//! meaningful spread of advice: a follow-up due, a thank-you, a wait, a final attempt ahead,
//! an offer elsewhere to align with (Stark's, derived across processes), one to move on from,
//! a question to answer, an offer to answer, a booked interview, and an application awaiting
//! an answer.

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::process::{
    Asks, Contact, Event, EventKind, Interview, MessageKind, Process, Rapport, TimezoneSource,
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

    // The k-th business day before today.
    let business_days_ago = |k: usize| {
        let mut d = today;
        for _ in 0..k {
            d = last_business_day_before(d);
        }
        d
    };
    // Stark's offer, three business days ago, early: after Hooli's interview (so Hooli has a
    // real change to align on) and before Acme's, Initech's, Globex's and Wayne's latest news.
    let stark_offer = business_days_ago(3);
    let reply = |asks: Asks, respond_by: Option<Date>| EventKind::Reply {
        body: None,
        from: None,
        asks,
        respond_by,
        message_id: None,
    };
    let applied = || EventKind::Applied {
        url: None,
        source: None,
        note: None,
    };
    // Oscorp's interview, booked two business days ahead: the one event after now.
    let oscorp_interview = zone
        .to_ambiguous_timestamp(
            cal.add_business_days(today, 2)
                .to_datetime(Time::constant(15, 0, 0, 0)),
        )
        .compatible()
        .unwrap_or(now)
        .max(now);

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
                // "Still deciding, an answer by Thursday": after Stark's offer, so Wayne has
                // heard nothing the user has not answered since.
                (at(business_days_ago(3), 11), reply(Asks::Nothing, None)),
                (at(business_days_ago(3), 11), promise(business_days_ago(2))),
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
                    at(business_days_ago(5), 16),
                    interview(Rapport::Formal, "design systems"),
                ),
                (at(business_days_ago(5), 17), promise(day(10))),
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
        process(
            "cyberdyne-ml",
            "Cyberdyne",
            "Machine Learning Engineer",
            contact("Hugo Prado", "Mr.", "hugo@cyberdyne.example"),
            vec![
                (
                    at(business_days_ago(6), 14),
                    interview(Rapport::BackAndForth, "model monitoring"),
                ),
                // "Could you send two references by Wednesday?": their question, your move.
                (
                    at(business_days_ago(1), 15),
                    reply(Asks::Answer, Some(cal.add_business_days(today, 2))),
                ),
            ],
        ),
        process(
            "stark-mobile",
            "Stark Industries",
            "Mobile Engineer",
            contact("Gina Reis", "Ms.", "gina@stark.example"),
            vec![
                (
                    at(business_days_ago(8), 10),
                    interview(Rapport::Personal, "offline sync"),
                ),
                (
                    at(stark_offer, 9),
                    EventKind::Offer {
                        deadline: Some(cal.add_business_days(today, 3)),
                        note: Some("the offer letter came by mail".to_owned()),
                        message_id: None,
                    },
                ),
            ],
        ),
        process(
            "oscorp-qa",
            "Oscorp",
            "QA Engineer",
            contact("Iris Nunes", "Ms.", "iris@oscorp.example"),
            vec![
                (at(business_days_ago(6), 10), applied()),
                (at(business_days_ago(2), 10), reply(Asks::Schedule, None)),
                (
                    oscorp_interview,
                    interview(Rapport::Formal, "test automation"),
                ),
            ],
        ),
        process(
            "massive-data",
            "Massive Dynamic",
            "Data Engineer",
            contact("Joana Lopes", "Ms.", "joana@massive.example"),
            vec![(at(business_days_ago(3), 10), applied())],
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
    use crate::advisor::Landscape;
    use crate::{Policy, advise_with};

    /// The action advised for each demo process at `now`, in the demo's order, across
    /// processes as the tracker advises them.
    fn demo_actions(now: Timestamp, zone: &TimeZone) -> Vec<&'static str> {
        let all = demo_processes(now, zone, "UTC");
        let landscape = Landscape::of(all.iter().map(|p| (p, now)));
        all.iter()
            .map(|p| {
                let outside = landscape.outside(p, now);
                advise_with(p, &Policy::default(), now, &outside)
                    .action
                    .name()
            })
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
                "move-on",
                "respond",
                "respond-offer",
                "upcoming-interview",
                "none"
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
                "move-on",
                "respond",
                "respond-offer",
                "upcoming-interview",
                "none"
            ]
        );
    }

    #[test]
    fn demo_never_has_future_events_but_the_booked_interview() {
        let zone = TimeZone::UTC;
        for now in [
            "2026-05-16T12:00:00Z",
            "2026-05-18T00:30:00Z",
            "2026-01-01T23:00:00Z",
        ] {
            let now: Timestamp = now.parse().unwrap();
            for p in demo_processes(now, &zone, "UTC") {
                let future: Vec<_> = p.events.iter().filter(|e| e.at > now).collect();
                if p.company == "Oscorp" {
                    assert!(
                        matches!(future.as_slice(), [e] if matches!(e.kind, EventKind::Interview(_))),
                        "{future:?}"
                    );
                } else {
                    assert!(future.is_empty(), "{}", p.company);
                }
            }
        }
    }
}
