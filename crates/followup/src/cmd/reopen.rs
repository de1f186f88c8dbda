//! `followup reopen HANDLE`: opens a closed process again (the `reopened` event).

use std::process::ExitCode;

use followup_app::dates;
use followup_core::{Event, EventKind};

use super::log::print_recorded;
use super::{Context, Run};
use crate::cli::ReopenArgs;

impl Run for ReopenArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
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
            kind: EventKind::Reopened { note: self.note },
        };
        let recorded = app.record(
            &self.handle,
            format!("reopen {}", self.handle),
            vec![event],
            now,
        )?;
        print_recorded(&self.handle, &recorded, now, self.json)
    }
}
