//! `followup show HANDLE`: the timeline (events numbered `#N` as edit and rm read them, undone
//! entries marked; each message's text and each note under its event, unless `--brief`) and
//! the advice with its reason.

use std::io::Write;
use std::process::ExitCode;

use followup_app::db;
use followup_core::TimezoneSource;
use followup_core::process::limits::escape_line;
use followup_store::Store;
use owo_colors::OwoColorize;
use serde_json::json;

use super::{Context, Run};
use crate::cli::ShowArgs;
use crate::{describe, said};

impl Run for ShowArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let mut process = app.process(&self.handle)?;
        let timeline = app
            .reader()?
            .timeline(&self.handle)
            .map_err(db::store_error)?;
        let now = app.now_for(&process)?;
        let (advice, outside) = app.advise_tracked(&mut process, now)?;
        let today = advice.today;

        let mut out = anstream::stdout().lock();
        if self.json {
            let undone: Vec<_> = timeline
                .iter()
                .filter(|e| e.undone)
                .map(|e| describe::event_json(&e.event, &process))
                .collect();
            let value = json!({
                "process": followup_core::to_document(&process),
                "undone_events": undone,
                "from_other_processes": outside_lines(&outside, &process, today),
                "advice": advice,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
            return Ok(ExitCode::SUCCESS);
        }
        writeln!(
            out,
            "{}",
            format!(
                "{} — {} ({})",
                escape_line(&process.company),
                escape_line(&process.role),
                escape_line(&self.handle)
            )
            .bold()
        )?;
        let zone_note = match advice.timezone_source {
            TimezoneSource::Document => String::new(),
            _ => " (default)".to_owned(),
        };
        writeln!(out, "Zone: {}{zone_note}", process.timezone_name)?;
        for (i, contact) in process.contacts.iter().enumerate() {
            let role = if i == 0 { "Contact" } else { "Also" };
            let email = contact
                .email
                .as_deref()
                .map(|e| format!(" <{}>", escape_line(e)))
                .unwrap_or_default();
            writeln!(out, "{role}: {}{email}", escape_line(&contact.name))?;
        }
        writeln!(out)?;
        if timeline.is_empty() {
            writeln!(
                out,
                "No events yet: followup log {} interview --at \"yesterday 15:00\"",
                self.handle
            )?;
        }
        // Events are numbered as edit and rm read `#N`: 1-based over those not removed. The
        // messages' text and the notes go under their events, unless --brief.
        let width = said::terminal_width();
        let mut number = 0;
        for entry in &timeline {
            let text = said::text_of(&entry.event).filter(|_| !self.brief && !entry.undone);
            let mut line = match text {
                Some(_) => describe::event_header(&entry.event, &process, today),
                None => describe::event_line(&entry.event, &process, today),
            };
            if !entry.undone {
                number += 1;
                let id = match (&entry.event.id, self.ids) {
                    (Some(id), true) => format!(" [{}]", escape_line(id)),
                    _ => String::new(),
                };
                line = format!("#{number}{id} {line}");
            }
            if entry.undone {
                writeln!(
                    out,
                    "  {}",
                    format!("{line} [undone]").dimmed().strikethrough()
                )?;
            } else if entry.event.at > now {
                writeln!(out, "  {line} [planned]")?;
            } else {
                writeln!(out, "  {line}")?;
            }
            if let Some(text) = text {
                for line in said::block(text, width) {
                    writeln!(out, "{line}")?;
                }
            }
        }
        for line in outside_lines(&outside, &process, today) {
            writeln!(out, "  {line}")?;
        }
        writeln!(out)?;
        writeln!(out, "{}", advice.headline())?;
        writeln!(out, "Rule: {}", advice.rule.id())?;
        Ok(ExitCode::SUCCESS)
    }
}

/// What the other processes bring, one line each in the timeline's words, naming where it
/// comes from: "change (competing-offer): Friday 15 May 16:00, real: Hooli's offer, deadline
/// Friday 22 May — from hooli-frontend, not stored here".
fn outside_lines(
    outside: &followup_core::Outside,
    process: &followup_core::Process,
    today: jiff::civil::Date,
) -> Vec<String> {
    let when = |at: jiff::Timestamp| describe::spell_instant(at, process, today);
    let from = |handle: &Option<String>| match handle {
        Some(handle) => format!(" — from {}, not stored here", escape_line(handle)),
        None => " — from another process, not stored here".to_owned(),
    };
    let mut lines: Vec<String> = outside
        .offers
        .iter()
        .map(|offer| {
            let deadline = offer
                .deadline
                .map(|d| format!(", deadline {}", followup_core::time::spell_date(d, today)))
                .unwrap_or_default();
            format!(
                "change (competing-offer): {}, real: {}'s offer{deadline}{}",
                when(offer.at),
                escape_line(&offer.company),
                from(&offer.handle)
            )
        })
        .collect();
    if let Some(accepted) = &outside.accepted {
        lines.push(format!(
            "accepted elsewhere: {}, you accepted {}'s offer (closed hired){}",
            when(accepted.at),
            escape_line(&accepted.company),
            from(&accepted.handle)
        ));
    }
    lines
}
