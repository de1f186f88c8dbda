//! `followup close HANDLE OUTCOME`: records how a process ended.

use std::process::ExitCode;

use followup_app::dates;
use followup_core::{Event, EventKind, Outcome};

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
        let process = app.process(&self.handle)?;
        let now = app.now_for(&process)?;
        let at = dates::resolve_at(
            self.at.at.as_deref(),
            now,
            &process,
            app.config.date_order(),
        )?;
        let event = Event {
            id: None,
            at: at.timestamp(),
            kind: EventKind::Closed {
                outcome,
                note: self.note,
            },
        };
        let recorded = app.record(
            &self.handle,
            format!("close {} {outcome}", self.handle),
            vec![event],
            now,
        )?;
        print_recorded(&self.handle, &recorded, now, self.json)
    }
}
