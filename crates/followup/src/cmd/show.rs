//! `followup show HANDLE`: the timeline (events numbered `#N` as edit and rm read them, undone
//! entries marked) and the advice with its reason.

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
use crate::describe;

impl Run for ShowArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let mut process = app.process(&self.handle)?;
        let timeline = app
            .store()?
            .timeline(&self.handle)
            .map_err(db::store_error)?;
        let now = app.now_for(&process)?;
        let advice = app.advise(&mut process, now);
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
        // Events are numbered as edit and rm read `#N`: 1-based over those not removed.
        let mut number = 0;
        for entry in &timeline {
            let mut line = describe::event_line(&entry.event, &process, today);
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
        }
        writeln!(out)?;
        writeln!(out, "{}", advice.headline())?;
        writeln!(out, "Rule: {}", advice.rule.id())?;
        Ok(ExitCode::SUCCESS)
    }
}
