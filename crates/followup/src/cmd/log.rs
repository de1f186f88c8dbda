//! `followup log HANDLE EVENT`: records what happened and echoes it with dates resolved.

use std::io::Write;
use std::process::ExitCode;

use followup_app::{LogEntry, Recorded, input};
use serde_json::json;

use super::{Context, Run};
use crate::cli::{LogArgs, LogEvent};
use crate::describe;
use crate::error::UserError;

impl Run for LogArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.as_deref())?;
        let entry = entry_of(self.event)?;
        let resolved = app
            .resolve_entry(&self.handle, &entry)
            .map_err(UserError::from)?;
        let now = resolved.now;
        let recorded = app.record(&self.handle, resolved.summary, resolved.events, now)?;
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

/// The entry a `log` subcommand describes, with `--file` bodies read.
fn entry_of(event: LogEvent) -> Result<LogEntry, UserError> {
    let body = |file: Option<String>, body: Option<String>| match file {
        Some(file) => input::read_text(&file).map(Some),
        None => Ok(body),
    };
    Ok(match event {
        LogEvent::Interview {
            at,
            on,
            rapport,
            reinforce_interest,
            stage,
            topics,
            with,
        } => LogEntry::Interview {
            at: at.at,
            on,
            rapport,
            reinforce_interest,
            stage,
            topics,
            with,
        },
        LogEvent::Promise { by, at, note } => LogEntry::Promise {
            by,
            at: at.at,
            note,
        },
        LogEvent::Sent {
            kind,
            file,
            body: text,
            subject,
            to,
            at,
        } => LogEntry::Sent {
            kind,
            body: body(file, text)?,
            subject,
            to,
            at: at.at,
        },
        LogEvent::Reply {
            at,
            promise,
            asks,
            respond_by,
            file,
            body: text,
            from,
        } => LogEntry::Reply {
            at: at.at,
            promise,
            asks,
            respond_by,
            body: body(file, text)?,
            from,
        },
        LogEvent::Change {
            reason,
            deadline,
            real,
            note,
            at,
        } => LogEntry::Change {
            reason,
            deadline,
            real,
            note,
            at: at.at,
        },
        LogEvent::Applied {
            at,
            url,
            source,
            note,
        } => LogEntry::Applied {
            at: at.at,
            url,
            source,
            note,
        },
        LogEvent::Offer { at, deadline, note } => LogEntry::Offer {
            at: at.at,
            deadline,
            note,
        },
        LogEvent::Away { at, until } => LogEntry::Away { at: at.at, until },
    })
}
