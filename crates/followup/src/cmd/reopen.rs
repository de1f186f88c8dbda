//! `followup reopen HANDLE`: opens a closed process again (the `reopened` event).

use std::process::ExitCode;

use followup_core::EventKind;

use super::log::print_recorded;
use super::{Context, Run};
use crate::cli::ReopenArgs;

impl Run for ReopenArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let kind = EventKind::Reopened { note: self.note };
        let summary = format!("reopen {}", self.handle);
        let (recorded, now) = app.record_at(&self.handle, self.at.at.as_deref(), summary, kind)?;
        print_recorded(&self.handle, &recorded, now, self.json)
    }
}
