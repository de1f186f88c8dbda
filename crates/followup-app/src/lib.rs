//! The application layer of followup: what the command line, the local web app and the mail
//! importer share between parsing their input and showing a result.
//!
//! An [`App`] is built once per command from the configuration, the clock and the store (the
//! database is opened when first used). Its methods are the operations people perform —
//! advise every tracked process for the agenda, load a process by handle or file, record
//! events, import an export — with the configured holidays and policy applied in one place.
//! Failures are [`UserError`]s: one line naming the problem and a hint.
//!
//! - [`config`]: `config.toml` (name, zone, holidays, policy).
//! - [`clock`]: "now", read once or given with `--now`.
//! - [`agenda`]: the morning agenda's sections and order.
//! - [`dates`]: the date phrases people type for events ("friday", "yesterday 15:00").
//! - [`db`]: where the database lives and its errors in words.
//! - [`input`]: process documents and text from files or standard input.
//! - [`import`]: merging an export, streamed.
//! - [`adding`]: a new process as typed (`add`, the web app's New process form), checked.
//! - [`logging`]: events as typed (`log`, `close`, `reopen`, the web app's forms), resolved.
//! - [`overview`]: each process's stage and last contact (`list`, the web app's board).
//! - [`correct`]: edit, rm, contacts, notes, redo and purge; `#N` event references.

pub mod adding;
pub mod agenda;
pub mod clock;
pub mod config;
pub mod correct;
pub mod dates;
pub mod db;
mod error;
pub mod import;
pub mod input;
pub mod logging;
pub mod overview;

use std::path::{Path, PathBuf};

use followup_core::{Advice, Event, EventKind, Process};
use followup_store::{Change, Op, SqliteStore, Store};
use jiff::Timestamp;
use jiff::tz::TimeZone;

pub use adding::{Added, FieldError, NewProcess};
pub use agenda::{Advised, Agenda, Section};
pub use clock::Clock;
pub use config::Config;
pub use error::UserError;
pub use logging::{LogEntry, Resolved};

/// What [`App::new`] is built from: the options every command shares.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `--now`: the moment to act for, as typed; `None` reads the clock once.
    pub now: Option<String>,
    /// `--db` / `FOLLOWUP_DB`: the database file; `None` means the default location.
    pub db: Option<PathBuf>,
}

/// One command's world: the configuration, the clock and the store.
#[derive(Debug)]
pub struct App {
    /// The user's configuration.
    pub config: Config,
    /// "Now" for this command.
    pub clock: Clock,
    db: Option<PathBuf>,
    store: Option<SqliteStore>,
}

impl App {
    /// Reads the configuration named by the environment (see [`config`]) and the clock; the
    /// database is opened when first used, so commands on files never create one.
    pub fn new(options: Options) -> Result<App, UserError> {
        Ok(App {
            config: Config::load_from_env()?,
            clock: Clock::new(options.now.as_deref()),
            db: options.db,
            store: None,
        })
    }

    /// An app over `store` instead of the database file: the demo's throwaway store, tests.
    pub fn with_store(config: Config, clock: Clock, store: SqliteStore) -> App {
        App {
            config,
            clock,
            db: None,
            store: Some(store),
        }
    }

    /// The built-in sample processes, dated relative to now in the configured zone, in a store
    /// in memory: `next --demo`. Nothing is written to disk.
    pub fn demo(options: Options) -> Result<App, UserError> {
        let mut app = App::new(options)?;
        let zone = app.config.zone_default();
        let now = app.clock.at(&zone.zone, &zone.name)?;
        let samples = followup_core::sample::demo_processes(now, &zone.zone, &zone.name);
        let mut store = SqliteStore::in_memory(input::zones().clone()).map_err(db::store_error)?;
        store
            .apply(&Change {
                at: now,
                summary: "demo".to_owned(),
                ops: samples.into_iter().map(Op::AddProcess).collect(),
            })
            .map_err(db::store_error)?;
        app.store = Some(store);
        Ok(app)
    }

    /// The store, opened (created if needed, migrated) on first use.
    pub fn store(&mut self) -> Result<&mut SqliteStore, UserError> {
        let store = match self.store.take() {
            Some(store) => store,
            None => db::open(self.db.as_deref())?,
        };
        Ok(self.store.insert(store))
    }

    /// Now as an instant, local `--now` forms read in `process`'s zone.
    pub fn now_for(&self, process: &Process) -> Result<Timestamp, UserError> {
        self.clock.at(&process.timezone, &process.timezone_name)
    }

    /// Now as the history records it (local `--now` forms read in UTC).
    pub fn change_time(&self) -> Result<Timestamp, UserError> {
        self.clock.at(&TimeZone::UTC, "UTC")
    }

    /// The advice for `process` at `now`: the configured holidays are added to its own and the
    /// configured policy decides. Every surface that advises goes through here.
    pub fn advise(&self, process: &mut Process, now: Timestamp) -> Advice {
        self.config.advise(process, now)
    }

    /// The tracked process with this handle, with every field; an unknown handle names the
    /// closest one.
    pub fn process(&mut self, handle: &str) -> Result<Process, UserError> {
        self.store()?.process(handle).map_err(db::store_error)
    }

    /// Loads the process an argument names: `-` is standard input, an existing file is a
    /// process document, anything else is a handle in the tracker. The configured holidays
    /// are not added yet ([`App::advise`] adds them), so stored processes work like files.
    pub fn load_process(&mut self, arg: &str) -> Result<Process, UserError> {
        let path = Path::new(arg);
        // Something that can only be a path (a folder separator, a .json name) is read as a
        // file so a typo gets the file's error, not "no process named ...".
        let looks_like_file = arg.contains(std::path::MAIN_SEPARATOR)
            || arg.contains('/')
            || arg.to_ascii_lowercase().ends_with(".json");
        if arg == "-" || path.is_file() || looks_like_file {
            return input::load_process(arg, &self.config.zone_default());
        }
        self.process(arg)
    }

    /// Every tracked process advised at now (local `--now` forms read in each one's zone), in
    /// the order they were added, loaded with what advising reads
    /// ([`followup_core::advisor::for_advice`]).
    ///
    /// The first process whose zone cannot place `--now` names the error.
    pub fn advise_all(&mut self) -> Result<Vec<Advised>, UserError> {
        let processes = self
            .store()?
            .processes_for_advice()
            .map_err(db::store_error)?;
        // `--now` is read once per zone, not once per process: thousands of processes share a
        // handful of zones.
        let mut instants: Vec<(String, Timestamp)> = Vec::new();
        let mut advised = Vec::with_capacity(processes.len());
        for mut process in processes {
            let known = instants
                .iter()
                .find(|(name, _)| *name == process.timezone_name)
                .map(|(_, now)| *now);
            let now = match known {
                Some(now) => now,
                None => {
                    let now = self.now_for(&process)?;
                    instants.push((process.timezone_name.clone(), now));
                    now
                }
            };
            let advice = self.advise(&mut process, now);
            advised.push(Advised { process, advice });
        }
        Ok(advised)
    }

    /// Today's agenda: what needs attention across the tracked processes, in order.
    pub fn agenda(&mut self) -> Result<Agenda, UserError> {
        Ok(Agenda::of(self.advise_all()?))
    }

    /// Records one event of `kind` in the process `handle` at `at` (a date phrase people type,
    /// read in the process's zone; `None`: now), as one change named `summary`; returns what
    /// was recorded and the "now" it was advised at.
    pub fn record_at(
        &mut self,
        handle: &str,
        at: Option<&str>,
        summary: String,
        kind: EventKind,
    ) -> Result<(Recorded, Timestamp), UserError> {
        let process = self.process(handle)?;
        let now = self.now_for(&process)?;
        let at = dates::resolve_at(at, now, &process, self.config.date_order())?;
        let event = Event {
            id: None,
            at: at.timestamp(),
            kind,
        };
        Ok((self.record(handle, summary, vec![event], now)?, now))
    }

    /// Records `events` in the process `handle` as one change named `summary` (one
    /// transaction), then reloads the process and advises it at `now`.
    pub fn record(
        &mut self,
        handle: &str,
        summary: String,
        mut events: Vec<Event>,
        now: Timestamp,
    ) -> Result<Recorded, UserError> {
        for event in &events {
            // Fields named as the options that set them (`--note`, `--body`).
            followup_core::process::limits::check_event("--", event)?;
        }
        let change = Change {
            at: self.change_time()?,
            summary,
            ops: events
                .iter()
                .map(|event| Op::AddEvent {
                    handle: handle.to_owned(),
                    event: event.clone(),
                })
                .collect(),
        };
        let applied = self.store()?.apply(&change).map_err(db::store_error)?;
        for (event, id) in events.iter_mut().zip(&applied.event_ids) {
            event.id = Some(id.clone());
        }
        let mut process = self.process(handle)?;
        let advice = self.advise(&mut process, now);
        Ok(Recorded {
            process,
            events,
            advice,
        })
    }
}

/// What [`App::record`] wrote and what it leads to.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// The process after the change (configured holidays applied).
    pub process: Process,
    /// The events written, with their ids.
    pub events: Vec<Event>,
    /// The advice now.
    pub advice: Advice,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The demo's processes in a store in memory, advised at a fixed moment in UTC.
    fn sample_app() -> App {
        let now: Timestamp = "2026-05-11T12:00:00Z".parse().unwrap();
        let mut store = SqliteStore::in_memory(input::zones().clone()).unwrap();
        let samples = followup_core::sample::demo_processes(now, &TimeZone::UTC, "UTC");
        store
            .apply(&Change {
                at: now,
                summary: "samples".to_owned(),
                ops: samples.into_iter().map(Op::AddProcess).collect(),
            })
            .unwrap();
        App::with_store(Config::default(), Clock::Read(now), store)
    }

    #[test]
    fn the_agenda_is_sections_in_order_each_sorted_by_date_then_handle() {
        let mut app = sample_app();
        let all = app.advise_all().unwrap();
        let agenda = app.agenda().unwrap();
        assert_eq!(agenda.tracked, all.len());
        let expected = all
            .iter()
            .filter(|a| Section::of(a.advice.action).is_some())
            .count();
        assert_eq!(agenda.items.len(), expected);
        let sections: Vec<Section> = agenda.sections().map(|(s, _)| s).collect();
        assert!(sections.windows(2).all(|w| w[0] < w[1]), "{sections:?}");
        assert!(sections.len() >= 2, "the samples cover several sections");
        let keys: Vec<_> = agenda
            .items
            .iter()
            .map(|a| {
                let date = match a.advice.action {
                    followup_core::Action::Act { due, .. } => Some(due),
                    followup_core::Action::Wait { until, .. } => Some(until),
                    _ => None,
                };
                (Section::of(a.advice.action), date, a.handle().to_owned())
            })
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
    }

    #[test]
    fn a_handle_or_a_file_loads_the_same_process() {
        let mut app = sample_app();
        let handle = app.advise_all().unwrap()[0].handle().to_owned();
        let stored = app.load_process(&handle).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("process.json");
        std::fs::write(&file, followup_core::to_document(&stored).to_string()).unwrap();
        let read = app.load_process(file.to_str().unwrap()).unwrap();
        assert_eq!(read.events, stored.events);
        assert!(app.load_process("no-such-process").is_err());
    }
}
