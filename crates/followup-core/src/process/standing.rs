//! Whether a process is open or closed, and what that allows: a process is closed once, opened
//! again once, and a reply or an interview after a close for silence (`no-answer`) proves the
//! silence is over, so it reopens the process.
//!
//! Pure: [`settle`] takes the stored process and the events a command is about to record and
//! says what to write (a `reopened` event put first when the silence ended) or why not.

use jiff::Timestamp;

use super::{Event, EventKind, Outcome, Process};

/// Where a process stands: the latest `closed` or `reopened` event decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Never closed, or reopened since.
    Open,
    /// Closed with `outcome` at `at`.
    Closed {
        /// How it ended.
        outcome: Outcome,
        /// When it was closed.
        at: Timestamp,
    },
}

impl Standing {
    /// The standing after `events`, read in timeline order (the latest close or reopen wins,
    /// ties in the given order).
    pub fn of(events: &[Event]) -> Standing {
        let mut ordered: Vec<&Event> = events.iter().collect();
        ordered.sort_by_key(|e| e.at);
        let mut standing = Standing::Open;
        for event in ordered {
            standing.follow(event);
        }
        standing
    }

    /// The standing once `event` is added after the others.
    fn follow(&mut self, event: &Event) {
        match &event.kind {
            EventKind::Closed { outcome, .. } => {
                *self = Standing::Closed {
                    outcome: *outcome,
                    at: event.at,
                };
            }
            EventKind::Reopened { .. } => *self = Standing::Open,
            _ => {}
        }
    }
}

/// What to write for a command's events: the events, with a `reopened` first when a reply or
/// an interview ends a close for silence.
#[derive(Clone, Debug, PartialEq)]
pub struct Settled {
    /// The events to write, in order.
    pub events: Vec<Event>,
    /// Whether a `reopened` event was put first (the output says so).
    pub reopened: bool,
}

/// Why the events cannot be recorded as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StandingError {
    /// A `closed` event on a process that is already closed.
    #[error("the process is already closed ({outcome})")]
    AlreadyClosed {
        /// How it was closed.
        outcome: Outcome,
        /// When.
        at: Timestamp,
    },
    /// A `reopened` event on a process that is open.
    #[error("the process is open: there is nothing to reopen")]
    NotClosed,
}

/// Checks `events` (what one command records, in order) against `process`'s standing: a close
/// of a closed process or a reopen of an open one is refused; a reply or an interview on a
/// process closed `no-answer` gets a `reopened` event put first, at the reply's time (a booked
/// interview's: `now`, when the booking is learnt). A reply dated before the close leaves the
/// close standing: the record says the silence came after it.
pub fn settle(
    process: &Process,
    events: Vec<Event>,
    now: Timestamp,
) -> Result<Settled, StandingError> {
    let mut standing = Standing::of(&process.events);
    let mut out = Vec::with_capacity(events.len() + 1);
    let mut reopened = false;
    for event in events {
        match (&event.kind, standing) {
            (EventKind::Closed { .. }, Standing::Closed { outcome, at }) => {
                return Err(StandingError::AlreadyClosed { outcome, at });
            }
            (EventKind::Reopened { .. }, Standing::Open) => return Err(StandingError::NotClosed),
            (
                EventKind::Reply { .. } | EventKind::Interview(_),
                Standing::Closed {
                    outcome: Outcome::NoAnswer,
                    at: closed_at,
                },
            ) => {
                let at = event.at.min(now);
                if at >= closed_at {
                    let reopen = Event {
                        id: None,
                        at,
                        kind: EventKind::Reopened { note: None },
                    };
                    standing.follow(&reopen);
                    out.push(reopen);
                    reopened = true;
                }
            }
            _ => {}
        }
        standing.follow(&event);
        out.push(event);
    }
    Ok(Settled {
        events: out,
        reopened,
    })
}

/// Whether two company + role pairs name the same posting: compared without case and with
/// runs of spaces as one, so "ACME  " and "Acme" are one company.
pub fn same_posting(company: &str, role: &str, other_company: &str, other_role: &str) -> bool {
    fn key(text: &str) -> String {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }
    key(company) == key(other_company) && key(role) == key(other_role)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use jiff::tz::TimeZone;

    use super::*;
    use crate::process::{Asks, Details, TimezoneSource};

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    fn event(when: &str, kind: EventKind) -> Event {
        Event {
            id: None,
            at: at(when),
            kind,
        }
    }

    fn closed(outcome: Outcome) -> EventKind {
        EventKind::Closed {
            outcome,
            note: None,
        }
    }

    fn reply() -> EventKind {
        EventKind::Reply {
            body: None,
            from: None,
            asks: Asks::Nothing,
            respond_by: None,
            message_id: None,
        }
    }

    fn process(events: Vec<Event>) -> Process {
        Process {
            id: None,
            handle: None,
            company: "Acme".into(),
            role: "Backend".into(),
            timezone_name: "UTC".into(),
            timezone_source: TimezoneSource::Document,
            timezone: TimeZone::UTC,
            contacts: vec![],
            holidays: vec![],
            details: Details::default(),
            events,
        }
    }

    const NOW: &str = "2026-05-20T12:00:00Z";

    #[test]
    fn the_latest_close_or_reopen_decides() {
        assert_eq!(Standing::of(&[]), Standing::Open);
        let events = vec![
            event("2026-05-10T00:00:00Z", closed(Outcome::Rejected)),
            event("2026-05-12T00:00:00Z", EventKind::Reopened { note: None }),
        ];
        assert_eq!(Standing::of(&events), Standing::Open);
        let closed_again = event("2026-05-14T00:00:00Z", closed(Outcome::NoAnswer));
        let events = [events, vec![closed_again]].concat();
        assert_eq!(
            Standing::of(&events),
            Standing::Closed {
                outcome: Outcome::NoAnswer,
                at: at("2026-05-14T00:00:00Z")
            }
        );
    }

    #[test]
    fn a_second_close_and_a_reopen_of_an_open_process_are_refused() {
        let p = process(vec![event(
            "2026-05-10T00:00:00Z",
            closed(Outcome::Rejected),
        )]);
        let again = vec![event("2026-05-11T00:00:00Z", closed(Outcome::NoAnswer))];
        assert!(matches!(
            settle(&p, again, at(NOW)),
            Err(StandingError::AlreadyClosed {
                outcome: Outcome::Rejected,
                ..
            })
        ));
        let open = process(vec![]);
        let reopen = vec![event(NOW, EventKind::Reopened { note: None })];
        assert_eq!(
            settle(&open, reopen, at(NOW)),
            Err(StandingError::NotClosed)
        );
    }

    #[test]
    fn a_reply_after_a_close_for_silence_reopens_first() {
        let p = process(vec![event(
            "2026-05-10T00:00:00Z",
            closed(Outcome::NoAnswer),
        )]);
        let settled = settle(&p, vec![event("2026-05-19T09:00:00Z", reply())], at(NOW)).unwrap();
        assert!(settled.reopened);
        assert_eq!(settled.events.len(), 2);
        assert!(matches!(settled.events[0].kind, EventKind::Reopened { .. }));
        assert_eq!(settled.events[0].at, at("2026-05-19T09:00:00Z"));
        // A booked interview reopens now, not on the day it will be.
        let booked = event(
            "2026-05-25T09:00:00Z",
            EventKind::Interview(Default::default()),
        );
        let settled = settle(&p, vec![booked], at(NOW)).unwrap();
        assert_eq!(settled.events[0].at, at(NOW));
    }

    #[test]
    fn other_closes_and_earlier_replies_do_not_reopen() {
        let rejected = process(vec![event(
            "2026-05-10T00:00:00Z",
            closed(Outcome::Rejected),
        )]);
        let settled = settle(
            &rejected,
            vec![event("2026-05-19T09:00:00Z", reply())],
            at(NOW),
        )
        .unwrap();
        assert!(!settled.reopened);
        let silent = process(vec![event(
            "2026-05-10T00:00:00Z",
            closed(Outcome::NoAnswer),
        )]);
        let settled = settle(
            &silent,
            vec![event("2026-05-09T09:00:00Z", reply())],
            at(NOW),
        )
        .unwrap();
        assert!(!settled.reopened);
        assert_eq!(settled.events.len(), 1);
    }

    #[test]
    fn postings_compare_without_case_or_extra_spaces() {
        assert!(same_posting(
            "Acme ",
            "Backend  Engineer",
            "acme",
            "backend engineer"
        ));
        assert!(!same_posting("Acme", "Backend", "Acme", "Frontend"));
    }
}
