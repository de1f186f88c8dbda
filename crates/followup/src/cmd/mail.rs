//! `followup mail import PATH... [--dry-run] [--json]`: reads the user's own mail files and
//! logs what happened (the application layer decides; see `followup_app::mail`). Prints one
//! JSON line per message with `--json`; otherwise one line per event logged, then the
//! messages that matched no process (with `--dry-run`, one line per message). Warnings name
//! the file and the message on stderr; exit 2 when no message could be read.

use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

use followup_app::App;
use followup_app::mail::{MailImport, events_of};
use followup_core::Process;
use followup_mail::{Class, Effect};

use super::{Context, Run};
use crate::cli::{MailArgs, MailCommand, MailImportArgs};
use crate::describe::event_line;

impl Run for MailArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        match self.command {
            MailCommand::Import(args) => args.run(ctx),
        }
    }
}

impl Run for MailImportArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let import = app.mail_import(&self.paths, self.dry_run)?;
        {
            let mut err = anstream::stderr().lock();
            for warning in &import.warnings {
                writeln!(err, "warning: {warning}")?;
            }
        }
        let mut out = anstream::stdout().lock();
        if self.json {
            for line in &import.lines {
                writeln!(out, "{}", line.to_json())?;
            }
        } else if self.dry_run {
            for line in &import.lines {
                let process = line.process.as_deref().unwrap_or("unmatched");
                writeln!(
                    out,
                    "{} [{}] {} {:?}: {} ({process}); {}",
                    line.date,
                    line.file,
                    line.from,
                    line.subject,
                    line.class.as_str(),
                    line.reason
                )?;
            }
        } else {
            print_applied(&mut app, &import, &mut out)?;
        }
        if import.read() == 0 {
            writeln!(
                anstream::stderr().lock(),
                "error: no message could be read\nhint: give .eml files, mbox files or Maildir folders"
            )?;
            return Ok(ExitCode::from(2));
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// One line per event logged, then the unmatched messages, then what the change was.
fn print_applied(app: &mut App, import: &MailImport, out: &mut impl Write) -> anyhow::Result<()> {
    let mut processes: HashMap<String, Process> = HashMap::new();
    let mut events = 0;
    for effect in &import.logged {
        let handle = effect.handle();
        if !processes.contains_key(handle) {
            processes.insert(handle.to_owned(), app.process(handle)?);
        }
        let Some(process) = processes.get(handle) else {
            continue;
        };
        let today = process.local_date(app.now_for(process)?);
        match effect {
            Effect::Contact { name, email, .. } => {
                writeln!(out, "{handle}: contact added: {name} <{email}>")?;
            }
            Effect::SentMessageId { message_id, .. } => {
                writeln!(
                    out,
                    "{handle}: the sent message logged by hand gets message_id {message_id}"
                )?;
            }
            _ => {
                for event in events_of(effect) {
                    events += 1;
                    writeln!(out, "{handle}: {}", event_line(&event, process, today))?;
                }
            }
        }
    }
    let unmatched: Vec<_> = import
        .lines
        .iter()
        .filter(|l| l.process.is_none() && !matches!(l.class, Class::Ignored | Class::Duplicate))
        .collect();
    if !unmatched.is_empty() {
        writeln!(out, "Unmatched ({}), nothing logged:", unmatched.len())?;
        for line in unmatched {
            let candidates = match &line.candidates {
                Some(c) if !c.is_empty() => format!("; could be {}", c.join(", ")),
                _ => String::new(),
            };
            writeln!(
                out,
                "  {} [{}] {} {:?}: {}; {}{candidates}",
                line.date,
                line.file,
                line.from,
                line.subject,
                line.class.as_str(),
                line.reason
            )?;
        }
    }
    let duplicates = import
        .lines
        .iter()
        .filter(|l| l.class == Class::Duplicate)
        .count();
    match import.change {
        Some(change) => writeln!(
            out,
            "Read {} messages ({duplicates} seen before): {events} events logged as change {change}. followup undo reverses it.",
            import.read()
        )?,
        None => writeln!(
            out,
            "Read {} messages ({duplicates} seen before): nothing new to log.",
            import.read()
        )?,
    }
    Ok(())
}
