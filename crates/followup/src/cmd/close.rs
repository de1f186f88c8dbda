//! `followup close HANDLE OUTCOME`: records how a process ended.

use std::process::ExitCode;

use followup_core::{Event, EventKind, Outcome};
use followup_store::Store;

use super::log::{Written, record};
use super::{Context, Run};
use crate::cli::CloseArgs;
use crate::clock::Clock;
use crate::config::Config;
use crate::error::UserError;
use crate::tracker::{self, dates};

impl Run for CloseArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let config = Config::load_from_env()?;
        let clock = Clock::new(self.now.now.as_deref());
        let outcome = Outcome::parse(self.outcome.trim()).ok_or_else(|| {
            UserError::new(
                format!("OUTCOME: unknown value {:?}", self.outcome),
                format!("use one of {}", Outcome::expected()),
            )
        })?;
        let mut store = tracker::open(&ctx.db)?;
        let process = store.process(&self.handle).map_err(tracker::store_error)?;
        let now = clock.at(&process.timezone, &process.timezone_name)?;
        let at = dates::resolve_at(self.at.at.as_deref(), now, &process, config.date_order())?;
        let event = Event {
            id: None,
            at: at.timestamp(),
            kind: EventKind::Closed {
                outcome,
                note: self.note,
            },
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
            format!("close {} {outcome}", self.handle),
            vec![event],
            &written,
        )?;
        Ok(ExitCode::SUCCESS)
    }
}
