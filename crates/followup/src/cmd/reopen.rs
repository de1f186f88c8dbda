//! `followup reopen HANDLE`: opens a closed process again (the `reopened` event).

use std::process::ExitCode;

use followup_core::{Event, EventKind};
use followup_store::Store;

use super::log::{Written, record};
use super::{Context, Run};
use crate::cli::ReopenArgs;
use crate::clock::Clock;
use crate::config::Config;
use crate::tracker::{self, dates};

impl Run for ReopenArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let config = Config::load_from_env()?;
        let clock = Clock::new(self.now.now.as_deref());
        let mut store = tracker::open(&ctx.db)?;
        let process = store.process(&self.handle).map_err(tracker::store_error)?;
        let now = clock.at(&process.timezone, &process.timezone_name)?;
        let at = dates::resolve_at(self.at.at.as_deref(), now, &process, config.date_order())?;
        let event = Event {
            id: None,
            at: at.timestamp(),
            kind: EventKind::Reopened { note: self.note },
        };
        let written = Written {
            handle: &self.handle,
            config: &config,
            now,
            json: self.json,
        };
        record(
            &mut store,
            &clock,
            format!("reopen {}", self.handle),
            vec![event],
            &written,
        )?;
        Ok(ExitCode::SUCCESS)
    }
}
