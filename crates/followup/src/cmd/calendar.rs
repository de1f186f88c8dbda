//! `followup calendar`: the next actions and booked interviews as an RFC 5545 calendar, on
//! standard output or replacing `--out FILE` whole; `followup calendar import FILE.ics` books
//! an interview from an invitation.

use std::io::Write;
use std::process::ExitCode;

use super::{Context, Run};
use crate::cli::{CalendarAction, CalendarArgs};
use crate::replace::replace_file;

impl Run for CalendarArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        if let Some(CalendarAction::Import(args)) = self.action {
            return import::run(args, ctx);
        }
        let text = ctx.app(self.now.now.as_deref())?.calendar()?;
        match self.out.as_ref().filter(|p| p.as_os_str() != "-") {
            Some(path) => {
                // Written beside the target, then renamed over it (see `replace`).
                replace_file(path, text.as_bytes())?;
                let events = text.matches("BEGIN:VEVENT\r\n").count();
                eprintln!("Wrote {events} events to {}", path.display());
            }
            None => anstream::stdout().lock().write_all(text.as_bytes())?,
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// `followup calendar import FILE.ics`.
mod import {
    use followup_app::calendar::invite::{Imported, Outcome};
    use followup_app::input;
    use followup_calendar::InvitationMatch;

    use super::*;
    use crate::cli::CalendarImportArgs;

    /// Exit code when nothing was booked because no process matches.
    const EXIT_UNMATCHED: u8 = 1;

    pub(super) fn run(args: CalendarImportArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
        let text = input::read_text(&args.file)?;
        let source = if args.file == "-" {
            "standard input"
        } else {
            args.file.as_str()
        };
        let me: Vec<String> = args
            .me
            .iter()
            .map(|m| m.trim().to_ascii_lowercase())
            .collect();
        let imported = ctx
            .app(args.now.now.as_deref())?
            .import_invitation(source, &text, &me)?;
        let mut out = anstream::stdout().lock();
        if args.json {
            serde_json::to_writer_pretty(&mut out, &imported)?;
            writeln!(out)?;
        } else {
            write!(out, "{}", describe(&imported))?;
        }
        Ok(if imported.outcome == Outcome::Unmatched {
            ExitCode::from(EXIT_UNMATCHED)
        } else {
            ExitCode::SUCCESS
        })
    }

    /// What happened, in a line or two.
    fn describe(imported: &Imported) -> String {
        let when = imported.start.strftime("%A %-d %B %Y at %H:%M").to_string();
        let zone = imported.start.time_zone().iana_name().unwrap_or("UTC");
        let with = if imported.with.is_empty() {
            String::new()
        } else {
            format!(", with {}", imported.with.join(", "))
        };
        let handle = imported.matched.handle().unwrap_or("?");
        let how = match &imported.matched {
            InvitationMatch::Uid { .. } => "it holds this invitation".to_owned(),
            InvitationMatch::Contact { email, .. } => format!("{email} is its contact"),
            InvitationMatch::Domain { domain, .. } => format!("its contacts write from {domain}"),
            InvitationMatch::Company { .. } => "the title names its company".to_owned(),
            InvitationMatch::Unmatched { .. } => String::new(),
        };
        let mut text = match imported.outcome {
            Outcome::Booked => format!(
                "Booked in {handle}: interview on {when} ({zone}){with} (matched: {how}).\n"
            ),
            Outcome::Updated => format!(
                "Updated in {handle}: the interview is now on {when} ({zone}){with} \
                 (SEQUENCE {}).\n",
                imported.sequence
            ),
            Outcome::Cancelled => {
                format!("Cancelled in {handle}: the interview of {when} ({zone}) is removed.\n")
            }
            Outcome::Unchanged => format!(
                "Unchanged in {handle}: this invitation is already booked (SEQUENCE {} \
                 or newer).\n",
                imported.sequence
            ),
            Outcome::NotBooked => format!(
                "Nothing to cancel in {handle}: no interview was booked from this invitation.\n"
            ),
            Outcome::Unmatched => {
                let InvitationMatch::Unmatched { candidates, why } = &imported.matched else {
                    return String::new();
                };
                let mut text = format!("Unmatched: nothing booked ({why}).\n");
                if !candidates.is_empty() {
                    text.push_str(&format!("Candidates: {}\n", candidates.join(", ")));
                }
                text.push_str(&format!(
                    "Log it yourself: followup log HANDLE interview --on \"{}\" ({zone})\n",
                    imported.start.strftime("%Y-%m-%dT%H:%M")
                ));
                return text;
            }
        };
        if let Some(contact) = &imported.new_contact {
            text.push_str(&format!("Added {contact} as a contact of {handle}.\n"));
        }
        text
    }
}
