//! What a draft needs to know about a timeline as of `now`: the latest interview, the last
//! conversation, the promise in force and the outside change, in the advisor's terms (the
//! anchor is the latest interview, reply or offer; the promise in force is the latest one at or
//! after it).

use jiff::Timestamp;
use jiff::civil::Date;

use crate::process::{ChangeReason, Event, EventKind, Interview, Process};

/// The facts a draft is written from. Only events at or before `now` count.
#[derive(Debug, Default)]
pub(crate) struct Story<'a> {
    /// The latest interview and its details.
    pub interview: Option<(&'a Event, &'a Interview)>,
    /// The latest interview or reply.
    pub anchor: Option<&'a Event>,
    /// The promised date in force.
    pub promise: Option<Date>,
    /// The latest outside change marked real.
    pub real_change: Option<Change>,
    /// The latest outside change not marked real, to explain a refusal.
    pub unreal_change: Option<ChangeReason>,
}

/// An outside change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Change {
    pub reason: ChangeReason,
    pub deadline: Option<Date>,
}

impl<'a> Story<'a> {
    /// Reads the story of `process` as of `now`.
    pub fn of(process: &'a Process, now: Timestamp) -> Story<'a> {
        let mut story = Story::default();
        let mut latest_promise: Option<(&Event, Date)> = None;
        for event in process.events_until(now) {
            match &event.kind {
                EventKind::Interview(details) => {
                    story.interview = Some((event, details));
                    story.anchor = Some(event);
                }
                EventKind::Reply { .. } | EventKind::Offer { .. } => story.anchor = Some(event),
                EventKind::Promise { by, .. } => latest_promise = Some((event, *by)),
                EventKind::ContextChange {
                    reason,
                    real,
                    deadline,
                    ..
                } => {
                    if *real {
                        story.real_change = Some(Change {
                            reason: *reason,
                            deadline: *deadline,
                        });
                    } else {
                        story.unreal_change = Some(*reason);
                    }
                }
                EventKind::Sent { .. }
                | EventKind::Closed { .. }
                | EventKind::Reopened { .. }
                | EventKind::Applied { .. }
                | EventKind::Note { .. }
                | EventKind::Away { .. } => {}
            }
        }
        // A new conversation drops a promise made before it (events are sorted by time).
        story.promise = latest_promise
            .filter(|(event, _)| story.anchor.is_none_or(|anchor| event.at >= anchor.at))
            .map(|(_, by)| by);
        story
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ZoneDefault, parse_document};
    use jiff::tz::{TimeZone, TimeZoneDatabase};

    fn process(events: &str) -> Process {
        let text = format!(
            r#"{{"company":"Acme","role":"Backend Engineer","timezone":"UTC","events":[{events}]}}"#
        );
        let zone = ZoneDefault {
            name: "UTC".into(),
            zone: TimeZone::UTC,
            source: crate::TimezoneSource::System,
        };
        parse_document(&text, &TimeZoneDatabase::bundled(), &zone).unwrap()
    }

    #[test]
    fn a_reply_drops_the_older_promise_and_future_events_do_not_count() {
        let p = process(
            r#"{"type":"interview","at":"2026-05-05T14:00"},
               {"type":"promise","at":"2026-05-05T15:00","by":"2026-05-08"},
               {"type":"reply","at":"2026-05-12T10:00"},
               {"type":"promise","at":"2026-06-01T10:00","by":"2026-06-05"}"#,
        );
        let now: Timestamp = "2026-05-13T09:00:00Z".parse().unwrap();
        let story = Story::of(&p, now);
        assert_eq!(story.promise, None);
        assert!(matches!(
            story.anchor.map(|e| &e.kind),
            Some(EventKind::Reply { .. })
        ));
        assert!(story.interview.is_some());

        let later: Timestamp = "2026-06-02T09:00:00Z".parse().unwrap();
        assert_eq!(
            Story::of(&p, later).promise,
            Some("2026-06-05".parse().unwrap())
        );
    }

    #[test]
    fn real_and_unreal_changes_are_told_apart() {
        let p = process(
            r#"{"type":"interview","at":"2026-05-05T14:00"},
               {"type":"context-change","at":"2026-05-06T10:00","reason":"competing-offer","real":false}"#,
        );
        let now: Timestamp = "2026-05-07T09:00:00Z".parse().unwrap();
        let story = Story::of(&p, now);
        assert_eq!(story.real_change, None);
        assert_eq!(story.unreal_change, Some(ChangeReason::CompetingOffer));
    }
}
