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
        let mut event = self.event;
        if let LogEvent::Sent {
            kind: kind @ None, ..
        } = &mut event
        {
            let mut process = app.process(&self.handle)?;
            let now = app.now_for(&process)?;
            *kind = Some(advised_kind(&mut app, &self.handle, &mut process, now)?);
        }
        let entry = entry_of(event)?;
        let resolved = app
            .resolve_entry(&self.handle, &entry)
            .map_err(UserError::from)?;
        let now = resolved.now;
        let recorded = app.record(&self.handle, resolved.summary, resolved.events, now)?;
        print_recorded(&self.handle, &recorded, now, self.json)
    }
}

/// The kind of message the advice asks for now (for a wait, the one it waits for): what `sent`
/// records when no kind is given.
fn advised_kind(
    app: &mut followup_app::App,
    handle: &str,
    process: &mut followup_core::Process,
    now: jiff::Timestamp,
) -> Result<String, UserError> {
    let (advice, _) = app.advise_tracked(process, now)?;
    match advice.action.message_kind() {
        Some(kind) => Ok(kind.as_str().to_owned()),
        None => Err(UserError::new(
            format!(
                "KIND: the advice asks for no message now ({})",
                advice.action.name()
            ),
            format!(
                "name the kind: followup log {handle} sent follow-up (or one of {})",
                followup_core::MessageKind::expected()
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
        completed,
    } = recorded;
    let today = process.local_date(now);
    let mut out = anstream::stdout().lock();
    if json {
        let value = json!({
            "handle": handle,
            "events": events.iter().map(|e| describe::event_json(e, process)).collect::<Vec<_>>(),
            "reopened": reopened,
            "updated_booked": completed.as_ref().map(|c| json!({
                "number": c.number,
                "id": c.booked.id,
                "booked_at": describe::event_json(&c.booked, process)["at"],
            })),
            "advice": advice,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
    } else {
        for (i, event) in events.iter().enumerate() {
            let line = describe::event_line(event, process, today);
            match completed {
                Some(c) if i + 1 == events.len() => writeln!(
                    out,
                    "Updated the booked interview #{} ({}) instead of adding a second one: {line}",
                    c.number,
                    describe::spell_instant(c.booked.at, process, today),
                )?,
                _ => writeln!(out, "{line}")?,
            }
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
        } => {
            let Message { body, subject, to } = match file {
                Some(file) => message_from_file(&file, subject, to)?,
                None => Message {
                    body: text,
                    subject,
                    to,
                },
            };
            LogEntry::Sent {
                kind: kind.unwrap_or_default(),
                body,
                subject,
                to,
                at: at.at,
            }
        }
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
