//! Recording what happened (`followup log`, `close`, `reopen`, and the web app's forms): the
//! fields as typed, their date phrases resolved in the process's zone, checked once here.
//!
//! [`App::resolve_entry`] reads an entry without writing anything (the web app shows the dates
//! it understood before saving); [`App::log_entry`] resolves and records it as one change.

use followup_core::process::standing;
use followup_core::time::phrase::{DateOrder, Field};
use followup_core::{
    Asks, ChangeReason, Event, EventKind, Interview, MessageKind, Outcome, Process, Rapport,
};
use jiff::{Timestamp, ZonedDateTime};

use crate::adding::FieldError;
use crate::error::UserError;
use crate::{App, Recorded, dates};

/// One thing to record, every field as typed (date phrases included). Bodies are text, not
/// files: the command line reads `--file` before building one.
#[derive(Clone, Debug)]
pub enum LogEntry {
    /// An interview that took place (`at`) or is booked (`on`).
    Interview {
        /// When it took place (`--at`).
        at: Option<String>,
        /// When it is booked (`--on`), read forward.
        on: Option<String>,
        /// `--rapport`.
        rapport: Option<String>,
        /// `--reinforce-interest`.
        reinforce_interest: bool,
        /// `--stage`.
        stage: Option<String>,
        /// `--topic`, each.
        topics: Vec<String>,
        /// `--with`, each.
        with: Vec<String>,
    },
    /// They promised an answer by a date.
    Promise {
        /// `WHEN`.
        by: String,
        /// `--at`.
        at: Option<String>,
        /// `--note`.
        note: Option<String>,
    },
    /// You sent a message.
    Sent {
        /// `KIND`.
        kind: String,
        /// `--body`.
        body: Option<String>,
        /// `--subject`.
        subject: Option<String>,
        /// `--to`, each.
        to: Vec<String>,
        /// `--at`.
        at: Option<String>,
    },
    /// They replied.
    Reply {
        /// `--at`.
        at: Option<String>,
        /// `--promise`.
        promise: Option<String>,
        /// `--asks`.
        asks: Option<String>,
        /// `--respond-by`.
        respond_by: Option<String>,
        /// `--body`.
        body: Option<String>,
        /// `--from`.
        from: Option<String>,
    },
    /// Something changed outside this process.
    Change {
        /// `REASON`.
        reason: String,
        /// `--deadline`.
        deadline: Option<String>,
        /// `--real`.
        real: bool,
        /// `--note`.
        note: Option<String>,
        /// `--at`.
        at: Option<String>,
    },
    /// You applied.
    Applied {
        /// `--at`.
        at: Option<String>,
        /// `--url`.
        url: Option<String>,
        /// `--source`.
        source: Option<String>,
        /// `--note`.
        note: Option<String>,
    },
    /// They made an offer.
    Offer {
        /// `--at`.
        at: Option<String>,
        /// `--deadline`.
        deadline: Option<String>,
        /// `--note`.
        note: Option<String>,
    },
    /// Your contact is away.
    Away {
        /// `--at`.
        at: Option<String>,
        /// `--until`.
        until: String,
    },
    /// The process ended (`followup close`).
    Close {
        /// `OUTCOME`.
        outcome: String,
        /// `--note`.
        note: Option<String>,
        /// `--at`.
        at: Option<String>,
    },
    /// The process is open again (`followup reopen`).
    Reopen {
        /// `--note`.
        note: Option<String>,
        /// `--at`.
        at: Option<String>,
    },
}

/// An entry read: the events it makes (a reply with a promise makes two), the history's name
/// for it, and the "now" its phrases were read at.
#[derive(Clone, Debug)]
pub struct Resolved {
    /// The process the entry is for (configured holidays not applied).
    pub process: Process,
    /// The events to write, in order, without ids.
    pub events: Vec<Event>,
    /// The change's summary in the history ("log acme-backend promise").
    pub summary: String,
    /// The instant the phrases were read at.
    pub now: Timestamp,
}

impl App {
    /// Reads `entry` for the process `handle` at now, without writing anything.
    pub fn resolve_entry(
        &mut self,
        handle: &str,
        entry: &LogEntry,
    ) -> Result<Resolved, FieldError> {
        let process = self
            .process(handle)
            .map_err(|e| FieldError::new("HANDLE", e))?;
        let now = self
            .now_for(&process)
            .map_err(|e| FieldError::new("--now", e))?;
        let (name, events) = events_of(entry, now, &process, self.config.date_order())?;
        for event in &events {
            followup_core::process::limits::check_event("--", event)
                .map_err(|e| FieldError::new(limit_field(&e.to_string()), UserError::from(e)))?;
        }
        // Closing a closed process or reopening an open one is refused here already, so the
        // web app says so on the form (about the form as a whole), not after "Save".
        if let Err(err) = standing::settle(&process, events.clone(), now) {
            return Err(FieldError::new(
                "",
                crate::standing_error(err, handle, &process, now),
            ));
        }
        let summary = match (entry, &events[..]) {
            (
                LogEntry::Close { .. },
                [
                    Event {
                        kind: EventKind::Closed { outcome, .. },
                        ..
                    },
                ],
            ) => format!("close {handle} {outcome}"),
            (LogEntry::Reopen { .. }, _) => format!("reopen {handle}"),
            _ => format!("log {handle} {name}"),
        };
        Ok(Resolved {
            process,
            events,
            summary,
            now,
        })
    }

    /// Reads `entry` and records its events as one change; returns what was recorded.
    pub fn log_entry(&mut self, handle: &str, entry: &LogEntry) -> Result<Recorded, FieldError> {
        let resolved = self.resolve_entry(handle, entry)?;
        self.record(handle, resolved.summary, resolved.events, resolved.now)
            .map_err(|e| FieldError::new("--db", e))
    }
}

/// The option a limit error names ("--note: longer than …" names `--note`).
fn limit_field(message: &str) -> &'static str {
    const FIELDS: [&str; 10] = [
        "--note",
        "--body",
        "--subject",
        "--to",
        "--from",
        "--stage",
        "--topic",
        "--with",
        "--url",
        "--source",
    ];
    FIELDS
        .into_iter()
        .find(|field| message.starts_with(field))
        .unwrap_or("--")
}

/// The events an entry records (a reply with `--promise` records two), and the name used in
/// the history.
fn events_of(
    entry: &LogEntry,
    now: Timestamp,
    process: &Process,
    order: DateOrder,
) -> Result<(&'static str, Vec<Event>), FieldError> {
    let at = |text: &Option<String>| {
        dates::resolve_at(text.as_deref(), now, process, order)
            .map_err(|e| FieldError::new("--at", e))
    };
    let make = |at: &ZonedDateTime, kind: EventKind| Event {
        id: None,
        at: at.timestamp(),
        kind,
    };
    Ok(match entry.clone() {
        LogEntry::Interview {
            at: when,
            on,
            rapport,
            reinforce_interest,
            stage,
            topics,
            with,
        } => {
            let rapport = match rapport {
                Some(text) => value_of("--rapport", &text, Rapport::parse, Rapport::expected)?,
                None => Rapport::default(),
            };
            let when = match on {
                Some(text) => {
                    if when.is_some() {
                        return Err(FieldError::new(
                            "--on",
                            UserError::new(
                                "--on: give either when it took place or when it is booked",
                                "--at is for an interview that took place, --on for one to come",
                            ),
                        ));
                    }
                    let booked = dates::resolve_on(&text, now, process, order)
                        .map_err(|e| FieldError::new("--on", e))?;
                    if booked.timestamp() <= now {
                        return Err(FieldError::new(
                            "--on",
                            UserError::new(
                                format!("--on: {text:?} is not in the future"),
                                "--on books an interview to come; use --at for one that took place",
                            ),
                        ));
                    }
                    booked
                }
                None => at(&when)?,
            };
            let kind = EventKind::Interview(Interview {
                rapport,
                reinforce_interest,
                stage,
                topics,
                with,
                ..Interview::default()
            });
            ("interview", vec![make(&when, kind)])
        }
        LogEntry::Promise { by, at: when, note } => {
            let when = at(&when)?;
            let by = promise_date(&by, "promise", &when, process, order)?;
            (
                "promise",
                vec![make(&when, EventKind::Promise { by, note })],
            )
        }
        LogEntry::Sent {
            kind,
            body,
            subject,
            to,
            at: when,
        } => {
            let kind = value_of("KIND", &kind, MessageKind::parse, MessageKind::expected)?;
            let when = at(&when)?;
            let sent = EventKind::Sent {
                kind,
                subject,
                body,
                to,
                message_id: None,
            };
            ("sent", sent_events(when.timestamp(), sent))
        }
        LogEntry::Reply {
            at: when,
            promise,
            asks,
            respond_by,
            body,
            from,
        } => {
            let asks = match asks {
                Some(text) => value_of("--asks", &text, Asks::parse, Asks::expected)?,
                None => Asks::default(),
            };
            let when = at(&when)?;
            let respond_by = respond_by
                .map(|text| {
                    date_from(
                        &text,
                        Field::Deadline,
                        "--respond-by",
                        &when,
                        process,
                        order,
                    )
                })
                .transpose()?;
            let reply = EventKind::Reply {
                body,
                from,
                asks,
                respond_by,
                message_id: None,
            };
            let mut events = vec![make(&when, reply)];
            if let Some(text) = promise {
                let by = promise_date(&text, "--promise", &when, process, order)?;
                events.push(make(&when, EventKind::Promise { by, note: None }));
            }
            ("reply", events)
        }
        LogEntry::Change {
            reason,
            deadline,
            real,
            note,
            at: when,
        } => {
            let reason = value_of(
                "REASON",
                &reason,
                ChangeReason::parse,
                ChangeReason::expected,
            )?;
            let when = at(&when)?;
            // A change's deadline is refused before the change, like a promise's date.
            let deadline = deadline
                .map(|text| date_from(&text, Field::Deadline, "--deadline", &when, process, order))
                .transpose()?;
            let kind = EventKind::ContextChange {
                reason,
                real,
                deadline,
                note,
            };
            ("change", vec![make(&when, kind)])
        }
        LogEntry::Applied {
            at: when,
            url,
            source,
            note,
        } => {
            let when = at(&when)?;
            let kind = EventKind::Applied { url, source, note };
            ("applied", vec![make(&when, kind)])
        }
        LogEntry::Offer {
            at: when,
            deadline,
            note,
        } => {
            let when = at(&when)?;
            let deadline = deadline
                .map(|text| date_from(&text, Field::Deadline, "--deadline", &when, process, order))
                .transpose()?;
            let kind = EventKind::Offer {
                deadline,
                note,
                message_id: None,
            };
            ("offer", vec![make(&when, kind)])
        }
        LogEntry::Away { at: when, until } => {
            let when = at(&when)?;
            let until = date_from(&until, Field::Promise, "--until", &when, process, order)?;
            let kind = EventKind::Away {
                until,
                message_id: None,
            };
            ("away", vec![make(&when, kind)])
        }
        LogEntry::Close {
            outcome,
            note,
            at: when,
        } => {
            let outcome = value_of("OUTCOME", &outcome, Outcome::parse, Outcome::expected)?;
            let when = at(&when)?;
            (
                "close",
                vec![make(&when, EventKind::Closed { outcome, note })],
            )
        }
        LogEntry::Reopen { note, at: when } => {
            let when = at(&when)?;
            ("reopen", vec![make(&when, EventKind::Reopened { note })])
        }
    })
}

/// One of an enum's spellings, given as `name` on the command line.
pub fn value_of<T>(
    name: &'static str,
    text: &str,
    parse: fn(&str) -> Option<T>,
    expected: fn() -> String,
) -> Result<T, FieldError> {
    parse(text.trim()).ok_or_else(|| {
        FieldError::new(
            name,
            UserError::new(
                format!("{name}: unknown value {text:?}"),
                format!("use one of {}", expected()),
            ),
        )
    })
}

/// A date an event names ahead of it (a reply's --respond-by, an offer's --deadline, an away
/// --until), which cannot be before the event's own day.
fn date_from(
    text: &str,
    field: Field,
    name: &'static str,
    said: &ZonedDateTime,
    process: &Process,
    order: DateOrder,
) -> Result<jiff::civil::Date, FieldError> {
    let wording = ("the event it belongs to", "when it happened");
    not_before_said(text, field, name, said, process, order, wording)
}

/// A promised date, which cannot be before the day the promise was made.
fn promise_date(
    text: &str,
    name: &'static str,
    said: &ZonedDateTime,
    process: &Process,
    order: DateOrder,
) -> Result<jiff::civil::Date, FieldError> {
    let wording = ("the promise was made", "when they said it");
    not_before_said(text, Field::Promise, name, said, process, order, wording)
}

/// Reads `text` as a date on or after the local day of `said`; `(before, when)` word the
/// error ("before {before}", "set --at to {when}").
fn not_before_said(
    text: &str,
    field: Field,
    name: &'static str,
    said: &ZonedDateTime,
    process: &Process,
    order: DateOrder,
    (before, when): (&str, &str),
) -> Result<jiff::civil::Date, FieldError> {
    let date =
        dates::resolve_due(text, field, name, said, order).map_err(|e| FieldError::new(name, e))?;
    let day = said.date();
    if date < day {
        return Err(FieldError::new(
            name,
            UserError::new(
                format!(
                    "{name}: {text:?} is {}, before {before} ({})",
                    followup_core::time::spell_date(date, day),
                    followup_core::time::spell_date(day, day)
                ),
                format!(
                    "give a date on or after {day}, or set --at to {when} (zone {})",
                    process.timezone_name
                ),
            ),
        ));
    }
    Ok(date)
}

/// The events a message sent at `at` records: the `sent` itself, and for a withdrawal the
/// close as `withdrew`, in the same change (leaving the process closes it; one undo reverses
/// both), however the message is logged (`log sent`, `draft --log`).
pub fn sent_events(at: Timestamp, sent: EventKind) -> Vec<Event> {
    let withdraw = matches!(
        sent,
        EventKind::Sent {
            kind: MessageKind::Withdraw,
            ..
        }
    );
    let mut events = vec![Event {
        id: None,
        at,
        kind: sent,
    }];
    if withdraw {
        events.push(Event {
            id: None,
            at,
            kind: EventKind::Closed {
                outcome: Outcome::Withdrew,
                note: None,
            },
        });
    }
    events
}
