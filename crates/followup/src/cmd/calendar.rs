//! `followup calendar`: the next actions and booked interviews as an RFC 5545 calendar, on
//! standard output or replacing `--out FILE` whole; `followup calendar import FILE.ics` books
//! an interview from an invitation.

use std::io::Write;
use std::process::ExitCode;

use followup_app::atomic::write_atomic;

use super::{Context, Run};
use crate::cli::{CalendarAction, CalendarArgs};
use crate::error::UserError;

impl Run for CalendarArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        if let Some(CalendarAction::Import(args)) = self.action {
            return import::run(args, ctx);
        }
        let text = ctx.app(self.now.now.as_deref())?.calendar()?;
        match &self.out {
            Some(path) => {
                write_atomic(path, text.as_bytes()).map_err(|err| {
                    UserError::new(
                        format!("--out {}: {err}", path.display()),
                        "choose a writable file, or leave out --out to print",
                    )
                })?;
                let events = text.matches("BEGIN:VEVENT\r\n").count();
                eprintln!("Wrote {events} events to {}", path.display());
            }
            None => anstream::stdout().lock().write_all(text.as_bytes())?,
        }
        Ok(ExitCode::SUCCESS)
    }
}

mod import {
    use super::*;
    use crate::cli::CalendarImportArgs;

    pub(super) fn run(_args: CalendarImportArgs, _ctx: &Context) -> anyhow::Result<ExitCode> {
        Err(UserError::new(
            "calendar import is not built yet",
            "log the interview with followup log",
        )
        .into())
    }
}
