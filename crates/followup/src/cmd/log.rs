//! `followup log HANDLE EVENT`: records what happened and echoes it with dates resolved.

use std::io::Write;
use std::process::ExitCode;

use followup_core::time::phrase::{DateOrder, Field};
use followup_core::{ChangeReason, Event, EventKind, Interview, MessageKind, Process, Rapport};
use followup_store::{Change, Op, Store};
use serde_json::json;

use super::{Context, Run};
use crate::cli::{LogArgs, LogEvent};
use crate::clock::Clock;
use crate::config::Config;
use crate::error::UserError;
use crate::input;
use crate::tracker::{self, dates, describe};

impl Run for LogArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let config = Config::load_from_env()?;
        let clock = Clock::new(self.now.as_deref());
        let mut store = tracker::open(&ctx.db)?;
        let process = store.process(&self.handle).map_err(tracker::store_error)?;
        let now = clock.at(&process.timezone, &process.timezone_name)?;
        let (type_name, events) = events_of(self.event, now, &process, config.date_order())?;
        let summary = format!("log {} {type_name}", self.handle);
        let written = Written {
            handle: &self.handle,
            config: &config,
            now,
            json: self.json,
        };
        record(&mut store, &clock, summary, events, &written)?;
        Ok(ExitCode::SUCCESS)
    }
}

/// What a recording command reports on: the process, the configuration, now, the format.
pub struct Written<'a> {
    /// The process's handle.
    pub handle: &'a str,
    /// The configuration (holidays and policy for the advice).
    pub config: &'a Config,
    /// The command's "now".
    pub now: jiff::Timestamp,
    /// Print JSON instead of text.
    pub json: bool,
}

/// Records `events` as one change (one transaction) and reports them with the new advice.
/// Shared by `log`, `close` and `reopen`.
pub fn record(
    store: &mut impl Store,
    clock: &Clock,
    summary: String,
    mut events: Vec<Event>,
    written: &Written<'_>,
) -> anyhow::Result<()> {
    let change = Change {
        at: tracker::change_time(clock)?,
        summary,
        ops: events
            .iter()
            .map(|event| Op::AddEvent {
                handle: written.handle.to_owned(),
                event: event.clone(),
            })
            .collect(),
    };
    let applied = store.apply(&change).map_err(tracker::store_error)?;
    for (event, id) in events.iter_mut().zip(&applied.event_ids) {
        event.id = Some(id.clone());
    }
    report(
        store,
        written.handle,
        &events,
        written.config,
        written.now,
        written.json,
    )
}

/// Prints the events as understood, then the advice they lead to.
pub fn report(
    store: &impl Store,
    handle: &str,
    events: &[Event],
    config: &Config,
    now: jiff::Timestamp,
    json: bool,
) -> anyhow::Result<()> {
    let mut process = store.process(handle).map_err(tracker::store_error)?;
    let advice = config.advise(&mut process, now);
    let today = process.local_date(now);
    let mut out = anstream::stdout().lock();
    if json {
        let value = json!({
            "handle": handle,
            "events": events.iter().map(|e| describe::event_json(e, &process)).collect::<Vec<_>>(),
            "advice": advice,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
    } else {
        for event in events {
            writeln!(out, "{}", describe::event_line(event, &process, today))?;
        }
        writeln!(out, "Now: {}", advice.headline())?;
    }
    Ok(())
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
