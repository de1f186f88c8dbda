//! `followup reopen HANDLE`: opens a closed process again (the `reopened` event).

use std::process::ExitCode;

use followup_core::{Event, EventKind};
use followup_store::{Change, Op, Store};

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
        let at = dates::resolve_at(self.at.at.as_deref(), now, &process)?;
        let event = Event {
            id: None,
            at: at.timestamp(),
            kind: EventKind::Reopened { note: self.note },
        };
        let change = Change {
            at: tracker::change_time(&clock)?,
            summary: format!("reopen {}", self.handle),
            ops: vec![Op::AddEvent {
                handle: self.handle.clone(),
                event: event.clone(),
            }],
        };
        let applied = store.apply(&change).map_err(tracker::store_error)?;
        let event = Event {
            id: applied.event_ids.first().cloned(),
            ..event
        };
        super::log::report(&store, &self.handle, &[event], &config, now, self.json)?;
        Ok(ExitCode::SUCCESS)
    }
}
