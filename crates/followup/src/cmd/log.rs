//! `followup log HANDLE EVENT`: records what happened and echoes it with dates resolved.

use std::io::Write;
use std::process::ExitCode;

use followup_app::{Recorded, dates, input};
use followup_core::time::phrase::{DateOrder, Field};
use followup_core::{ChangeReason, Event, EventKind, Interview, MessageKind, Process, Rapport};
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
        let (type_name, events) = events_of(self.event, now, &process, app.config.date_order())?;
        let summary = format!("log {} {type_name}", self.handle);
        let recorded = app.record(&self.handle, summary, events, now)?;
        print_recorded(&self.handle, &recorded, now, self.json)
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
    } = recorded;
    let today = process.local_date(now);
    let mut out = anstream::stdout().lock();
    if json {
        let value = json!({
            "handle": handle,
            "events": events.iter().map(|e| describe::event_json(e, process)).collect::<Vec<_>>(),
            "advice": advice,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
    } else {
        for event in events {
            writeln!(out, "{}", describe::event_line(event, process, today))?;
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
            rapport,
            reinforce_interest,
            stage,
            topics,
            with,
        } => {
            let rapport = match rapport {
                Some(text) => Rapport::parse(text.trim()).ok_or_else(|| {
                    UserError::new(
                        format!("--rapport: unknown value {text:?}"),
                        format!("use one of {}", Rapport::expected()),
                    )
                })?,
                None => Rapport::default(),
            };
            let when = at(when.at)?;
            let kind = EventKind::Interview(Interview {
                rapport,
                reinforce_interest,
                stage,
                topics,
                with,
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
            let kind = MessageKind::parse(kind.trim()).ok_or_else(|| {
                UserError::new(
                    format!("KIND: unknown value {kind:?}"),
                    format!("use one of {}", MessageKind::expected()),
                )
            })?;
            let body = match file {
                Some(file) => Some(input::read_text(&file)?),
                None => body,
            };
            let when = at(when.at)?;
            let kind = EventKind::Sent {
                kind,
                subject,
                body,
                to,
                message_id: None,
            };
            ("sent", vec![make(&when, kind)])
        }
        LogEvent::Reply {
            at: when,
            promise,
            body,
            from,
        } => {
            let when = at(when.at)?;
            let reply = EventKind::Reply {
                body,
                from,
                asks: Default::default(),
                respond_by: None,
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
            let reason = ChangeReason::parse(reason.trim()).ok_or_else(|| {
                UserError::new(
                    format!("REASON: unknown value {reason:?}"),
                    format!("use one of {}", ChangeReason::expected()),
                )
            })?;
            let when = at(when.at)?;
            let deadline = deadline
                .map(|text| dates::resolve_due(&text, Field::Deadline, "--deadline", &when, order))
                .transpose()?;
            let kind = EventKind::ContextChange {
                reason,
                real,
                deadline,
                note,
            };
            ("change", vec![make(&when, kind)])
        }
    })
}

/// A promised date, which cannot be before the day the promise was made.
fn promise_date(
    text: &str,
    field: &str,
    said: &jiff::ZonedDateTime,
    process: &Process,
    order: DateOrder,
) -> Result<jiff::civil::Date, UserError> {
    let by = dates::resolve_due(text, Field::Promise, field, said, order)?;
    let made = said.date();
    if by < made {
        return Err(UserError::new(
            format!(
                "{field}: {text:?} is {}, before the promise was made ({})",
                followup_core::time::spell_date(by, made),
                followup_core::time::spell_date(made, made)
            ),
            format!(
                "give a date on or after {made}, or set --at to when they said it (zone {})",
                process.timezone_name
            ),
        ));
    }
    Ok(by)
}
