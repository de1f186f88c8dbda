//! `followup log HANDLE EVENT`: records what happened and echoes it with dates resolved.

use std::io::Write;
use std::process::ExitCode;

use followup_app::{Recorded, dates, input};
use followup_core::time::phrase::{DateOrder, Field};
use followup_core::{
    Asks, ChangeReason, Event, EventKind, Interview, MessageKind, Outcome, Process, Rapport,
};
use serde_json::json;

use super::{Context, Run};
use crate::cli::{LogArgs, LogEvent};
use crate::describe;
use crate::error::UserError;

impl Run for LogArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.as_deref())?;
        let process = app.process(&self.handle)?;
        let now = app.now_for(&process)?;
        let mut event = self.event;
        if let LogEvent::Sent {
            kind: kind @ None, ..
        } = &mut event
        {
            *kind = Some(advised_kind(&mut app, &self.handle, process.clone(), now)?);
        }
        let (type_name, events) = events_of(event, now, &process, app.config.date_order())?;
        let summary = format!("log {} {type_name}", self.handle);
        let recorded = app.record(&self.handle, summary, events, now)?;
        print_recorded(&self.handle, &recorded, now, self.json)
    }
}

/// The kind of message the advice asks for now (for a wait, the one it waits for): what `sent`
/// records when no kind is given.
fn advised_kind(
    app: &mut followup_app::App,
    handle: &str,
    mut process: Process,
    now: jiff::Timestamp,
) -> Result<String, UserError> {
    let (advice, _) = app.advise_tracked(&mut process, now)?;
    match advice.action.message_kind() {
        Some(kind) => Ok(kind.as_str().to_owned()),
        None => Err(UserError::new(
            format!(
                "KIND: the advice asks for no message now ({})",
                advice.action.name()
            ),
            format!(
                "name the kind: followup log {handle} sent follow-up (or one of {})",
                MessageKind::expected()
            ),
        )),
    }
}

/// Prints the events as understood, then the advice they lead to. Shared by `log`, `close`
/// and `reopen`.
pub fn print_recorded(
    handle: &str,
    recorded: &Recorded,
    now: jiff::Timestamp,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let Recorded {
        process,
        events,
        advice,
        reopened,
    } = recorded;
    let today = process.local_date(now);
    let mut out = anstream::stdout().lock();
    if json {
        let value = json!({
            "handle": handle,
            "events": events.iter().map(|e| describe::event_json(e, process)).collect::<Vec<_>>(),
            "reopened": reopened,
            "advice": advice,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
    } else {
        for event in events {
            writeln!(out, "{}", describe::event_line(event, process, today))?;
        }
        if *reopened {
            writeln!(
                out,
                "Reopened {handle}: it was closed as no-answer, and this shows the silence is over."
            )?;
        }
        writeln!(out, "Now: {}", advice.headline())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The events a `log` subcommand records (a reply with `--promise` records two), and the name
/// used in the history.
fn events_of(
    event: LogEvent,
    now: jiff::Timestamp,
    process: &Process,
    order: DateOrder,
) -> Result<(&'static str, Vec<Event>), UserError> {
    let at = |text: Option<String>| dates::resolve_at(text.as_deref(), now, process, order);
    let make = |at: &jiff::ZonedDateTime, kind: EventKind| Event {
        id: None,
        at: at.timestamp(),
        kind,
    };
    Ok(match event {
        LogEvent::Interview {
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
                    let booked = dates::resolve_on(&text, now, process, order)?;
                    if booked.timestamp() <= now {
                        return Err(UserError::new(
                            format!("--on: {text:?} is not in the future"),
                            "--on books an interview to come; use --at for one that took place",
                        ));
                    }
                    booked
                }
                None => at(when.at)?,
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
        LogEvent::Promise { by, at: when, note } => {
            let when = at(when.at)?;
            let by = promise_date(&by, "promise", &when, process, order)?;
            (
                "promise",
                vec![make(&when, EventKind::Promise { by, note })],
            )
        }
        LogEvent::Sent {
            kind,
            file,
            body,
            subject,
            to,
            at: when,
        } => {
            let kind = value_of(
                "KIND",
                kind.as_deref().unwrap_or_default(),
                MessageKind::parse,
                MessageKind::expected,
            )?;
            let Message { body, subject, to } = match file {
                Some(file) => message_from_file(&file, subject, to)?,
                None => Message { body, subject, to },
            };
            let when = at(when.at)?;
            let withdraw = kind == MessageKind::Withdraw;
            let sent = EventKind::Sent {
                kind,
                subject,
                body,
                to,
                message_id: None,
            };
            let mut events = vec![make(&when, sent)];
            if withdraw {
                // Leaving the process closes it, in the same change: one undo reverses both.
                let closed = EventKind::Closed {
                    outcome: Outcome::Withdrew,
                    note: None,
                };
                events.push(make(&when, closed));
            }
            ("sent", events)
        }
        LogEvent::Reply {
            at: when,
            promise,
            asks,
            respond_by,
            file,
            body,
            from,
        } => {
            let asks = match asks {
                Some(text) => value_of("--asks", &text, Asks::parse, Asks::expected)?,
                None => Asks::default(),
            };
            let body = match file {
                Some(file) => Some(input::read_text(&file)?),
                None => body,
            };
            let when = at(when.at)?;
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
        LogEvent::Change {
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
            let when = at(when.at)?;
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
        LogEvent::Applied {
            at: when,
            url,
            source,
            note,
        } => {
            let when = at(when.at)?;
            let kind = EventKind::Applied { url, source, note };
            ("applied", vec![make(&when, kind)])
        }
        LogEvent::Offer {
            at: when,
            deadline,
            note,
        } => {
            let when = at(when.at)?;
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
        LogEvent::Away { at: when, until } => {
            let when = at(when.at)?;
            let until = date_from(&until, Field::Promise, "--until", &when, process, order)?;
            let kind = EventKind::Away {
                until,
                message_id: None,
            };
            ("away", vec![make(&when, kind)])
        }
    })
}

/// A sent message's body, subject and recipients from `--file`: a header block gives the
/// subject and recipients (an option giving them too is refused, so neither is silently
/// dropped); the body is the rest, without the file's final line break.
fn message_from_file(
    file: &str,
    subject: Option<String>,
    to: Vec<String>,
) -> Result<Message, UserError> {
    let text = input::read_text(file)?;
    let message = input::message_file(&text, file)?;
    let both = |option: &str, header: &str| {
        UserError::new(
            format!("{option} and the {header} line of {file} both give it"),
            format!("drop {option}, or the {header} line from the file"),
        )
    };
    if subject.is_some() && message.subject.is_some() {
        return Err(both("--subject", "Subject:"));
    }
    if !to.is_empty() && !message.to.is_empty() {
        return Err(both("--to", "To:"));
    }
    let body = message.body_text();
    let body = (!input::is_blank(body)).then(|| body.to_owned());
    let to = if to.is_empty() { message.to } else { to };
    Ok(Message {
        body,
        subject: subject.or(message.subject),
        to,
    })
}

/// A sent message's parts as `log sent` records them.
struct Message {
    body: Option<String>,
    subject: Option<String>,
    to: Vec<String>,
}

/// One of an enum's spellings, given as `name` on the command line.
fn value_of<T>(
    name: &str,
    text: &str,
    parse: fn(&str) -> Option<T>,
    expected: fn() -> String,
) -> Result<T, UserError> {
    parse(text.trim()).ok_or_else(|| {
        UserError::new(
            format!("{name}: unknown value {text:?}"),
            format!("use one of {}", expected()),
        )
    })
}

/// A date an event names ahead of it (a reply's --respond-by, an offer's --deadline, an away
/// --until), which cannot be before the event's own day.
fn date_from(
    text: &str,
    field: Field,
    name: &str,
    said: &jiff::ZonedDateTime,
    process: &Process,
    order: DateOrder,
) -> Result<jiff::civil::Date, UserError> {
    let wording = ("the event it belongs to", "when it happened");
    not_before_said(text, field, name, said, process, order, wording)
}

/// A promised date, which cannot be before the day the promise was made.
fn promise_date(
    text: &str,
    field: &str,
    said: &jiff::ZonedDateTime,
    process: &Process,
    order: DateOrder,
) -> Result<jiff::civil::Date, UserError> {
    let wording = ("the promise was made", "when they said it");
    not_before_said(text, Field::Promise, field, said, process, order, wording)
}

/// Reads `text` as a date on or after the local day of `said`; `(before, when)` word the
/// error ("before {before}", "set --at to {when}").
fn not_before_said(
    text: &str,
    field: Field,
    name: &str,
    said: &jiff::ZonedDateTime,
    process: &Process,
    order: DateOrder,
    (before, when): (&str, &str),
) -> Result<jiff::civil::Date, UserError> {
    let date = dates::resolve_due(text, field, name, said, order)?;
    let day = said.date();
    if date < day {
        return Err(UserError::new(
            format!(
                "{name}: {text:?} is {}, before {before} ({})",
                followup_core::time::spell_date(date, day),
                followup_core::time::spell_date(day, day)
            ),
            format!(
                "give a date on or after {day}, or set --at to {when} (zone {})",
                process.timezone_name
            ),
        ));
    }
    Ok(date)
}
