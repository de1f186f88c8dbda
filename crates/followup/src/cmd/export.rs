//! `followup export`: every process as a JSON array of process documents (lossless, with ids),
//! or with `--csv` a flat log (date, company, role, contact, event, outcome) to prove a job
//! search to an unemployment office.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use followup_app::db;
use followup_core::{EventKind, Process};

use super::{Context, Run};
use crate::cli::ExportArgs;
use crate::replace::replace_file;

impl Run for ExportArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        // A damaged row never holds the rest hostage: every readable process is exported,
        // each unreadable row is named, and the exit code says something was left out.
        let salvaged = ctx
            .app(None)?
            .reader()?
            .processes_salvaged()
            .map_err(db::store_error)?;
        let processes = salvaged.processes;
        let text = if self.csv {
            csv(&processes)
        } else {
            let docs: Vec<_> = processes.iter().map(followup_core::to_document).collect();
            let mut text = serde_json::to_string_pretty(&docs)?;
            text.push('\n');
            text
        };
        match self.out.as_deref().filter(|path| *path != Path::new("-")) {
            Some(path) => {
                // A temp file beside the target, renamed over it: a failed export never leaves
                // half a file where the last good one was (see `replace`).
                replace_file(path, text.as_bytes())?;
                let what = if self.csv { "CSV log" } else { "export" };
                eprintln!(
                    "Wrote the {what} of {} processes to {}",
                    processes.len(),
                    path.display()
                );
            }
            None => anstream::stdout().lock().write_all(text.as_bytes())?,
        }
        if salvaged.bad_rows.is_empty() {
            return Ok(ExitCode::SUCCESS);
        }
        let mut stderr = anstream::stderr().lock();
        for row in &salvaged.bad_rows {
            writeln!(stderr, "error: cannot read {row}")?;
        }
        writeln!(
            stderr,
            "hint: {} damaged row(s) named above were left out; everything else is in the \
             export: keep it, and report the damage",
            salvaged.bad_rows.len()
        )?;
        Ok(ExitCode::from(crate::error::EXIT_USAGE))
    }
}

/// The CSV log: one row per event, in each process's timeline order.
fn csv(processes: &[Process]) -> String {
    let mut out = String::from("date,company,role,contact,event,outcome\r\n");
    for process in processes {
        let contact = process
            .contacts
            .first()
            .map(|c| match &c.email {
                Some(email) => format!("{} <{email}>", c.name),
                None => c.name.clone(),
            })
            .unwrap_or_default();
        for event in &process.events {
            let local = event.at.to_zoned_datetime(process.timezone.clone());
            let date = local.strftime("%Y-%m-%d %H:%M").to_string();
            let (what, outcome) = match &event.kind {
                EventKind::Interview(i) => match &i.stage {
                    Some(stage) => (format!("interview ({stage})"), String::new()),
                    None => ("interview".to_owned(), String::new()),
                },
                EventKind::Promise { by, .. } => (format!("promise (by {by})"), String::new()),
                EventKind::Sent { kind, .. } => (format!("sent {kind}"), String::new()),
                EventKind::Reply { .. } => ("reply".to_owned(), String::new()),
                EventKind::ContextChange { reason, .. } => {
                    (format!("context change ({reason})"), String::new())
                }
                EventKind::Closed { outcome, .. } => ("closed".to_owned(), outcome.to_string()),
                EventKind::Reopened { .. } => ("reopened".to_owned(), String::new()),
                other => (other.type_name().to_owned(), String::new()),
            };
            let fields = [
                date.as_str(),
                process.company.as_str(),
                process.role.as_str(),
                contact.as_str(),
                what.as_str(),
                outcome.as_str(),
            ];
            let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// Quotes a field per RFC 4180 when needed, and defuses text a spreadsheet would run as a
/// formula (`=`, `+`, `-`, `@` at the start) by prefixing an apostrophe.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("Acme"), "Acme");
        assert_eq!(csv_field("Acme, Inc."), "\"Acme, Inc.\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
    }
}
