//! `followup close HANDLE OUTCOME`: records how a process ended.

use std::process::ExitCode;

use followup_core::{EventKind, Outcome};

use super::log::print_recorded;
use super::{Context, Run};
use crate::cli::CloseArgs;
use crate::error::UserError;

impl Run for CloseArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let outcome = Outcome::parse(self.outcome.trim()).ok_or_else(|| {
            UserError::new(
                format!("OUTCOME: unknown value {:?}", self.outcome),
                format!("use one of {}", Outcome::expected()),
            )
        })?;
        let kind = EventKind::Closed {
            outcome,
            note: self.note,
        };
        let summary = format!("close {} {outcome}", self.handle);
        let (recorded, now) = app.record_at(&self.handle, self.at.at.as_deref(), summary, kind)?;
        print_recorded(&self.handle, &recorded, now, self.json)
    }
}
