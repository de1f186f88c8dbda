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
//! - [`export`]: the JSON export and the CSV log.
//! - [`import`]: merging an export, streamed.
//! - [`mail`]: mail import over the tracker (the classifier is `followup-mail`).
//! - [`calendar`]: the calendar of next actions and booked interviews, and its feed.
//! - [`adding`]: a new process as typed (`add`, the web app's New process form), checked.
//! - [`booked`]: a past interview logged on a booked one's day completes the booking.
//! - [`logging`]: events as typed (`log`, `close`, `reopen`, the web app's forms), resolved.
//! - [`overview`]: each process's stage and last contact (`list`, the web app's board).
//! - [`correct`]: edit, rm, contacts, notes, redo and purge; `#N` event references.
//! - [`templates`]: the draft templates, built in or the user's own.
//! - [`review`]: the process a review reads (`check --process`, the web composer).

pub mod adding;
pub mod agenda;
pub mod booked;
pub mod calendar;
pub mod clock;
pub mod config;
pub mod correct;
pub mod dates;
pub mod db;
mod error;
pub mod export;
pub mod import;
pub mod input;
pub mod logging;
pub mod mail;
pub mod overview;
pub mod review;
pub mod templates;

use std::path::{Path, PathBuf};

use followup_core::process::standing::{self, Standing};
use followup_core::{Advice, Event, EventKind, Landscape, Outside, Process};
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
    /// Whether `store` was opened by [`App::reader`] (read-only, or empty in memory).
    read_only: bool,
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
            read_only: false,
        })
    }

    /// An app over `store` instead of the database file: the demo's throwaway store, tests.
    pub fn with_store(config: Config, clock: Clock, store: SqliteStore) -> App {
        App {
            config,
            clock,
            db: None,
            store: Some(store),
            read_only: false,
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

    /// The store, opened for writing (created if needed, migrated) on first use; a store
    /// opened by [`App::reader`] is reopened for writing.
    pub fn store(&mut self) -> Result<&mut SqliteStore, UserError> {
        let store = match self.store.take() {
            Some(store) if !self.read_only => store,
            _ => db::open(self.db.as_deref())?,
        };
        self.read_only = false;
        Ok(self.store.insert(store))
    }

    /// The store for a command that only reads: opened read-only, so it works in a read-only
    /// folder and never writes a byte (see [`db::open_read_only`]); no database yet reads as an
    /// empty one, without creating the file.
    pub fn reader(&mut self) -> Result<&SqliteStore, UserError> {
        let store = match self.store.take() {
            Some(store) => store,
            None => {
                self.read_only = true;
                db::open_read_only(self.db.as_deref())?
            }
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

    /// The advice for `process` at `now`, on its own (a process document): the configured
    /// holidays count with its own (the advisor borrows them; the process is left as loaded)
    /// and the configured policy decides.
    pub fn advise(&self, process: &mut Process, now: Timestamp) -> Advice {
        self.config.advise(process, now)
    }

    /// The advice for a tracked `process` at `now` with what the other tracked processes bring
    /// to it (an offer elsewhere, a hire elsewhere; see [`followup_core::advisor::across`]),
    /// derived now and never stored. Every surface that advises a tracked process goes
    /// through here or [`App::advise_all`].
    pub fn advise_tracked(
        &mut self,
        process: &mut Process,
        now: Timestamp,
    ) -> Result<(Advice, Outside), UserError> {
        let outside = self.outside_of(process, now)?;
        let advice = self.config.advise_with(process, now, &outside);
        Ok((advice, outside))
    }

    /// What the other tracked processes bring to `process` at `now`.
    pub fn outside_of(&mut self, process: &Process, now: Timestamp) -> Result<Outside, UserError> {
        let all = self
            .store()?
            .processes_for_advice()
            .map_err(db::store_error)?;
        Ok(Landscape::of(all.iter().map(|p| (p, now))).outside(process, now))
    }

    /// Loads and advises what an argument names (see [`App::load_process`]): a tracked process
    /// with what the others bring to it, a process document on its own.
    pub fn load_advised(&mut self, arg: &str) -> Result<(Advised, Timestamp), UserError> {
        let tracked = !names_file(arg);
        let mut process = self.load_process(arg)?;
        let now = self.now_for(&process)?;
        let (advice, outside) = if tracked {
            self.advise_tracked(&mut process, now)?
        } else {
            (self.advise(&mut process, now), Outside::default())
        };
        Ok((
            Advised {
                process,
                advice,
                outside,
            },
            now,
        ))
    }

    /// The tracked process with this handle, with every field; an unknown handle names the
    /// closest one.
    pub fn process(&mut self, handle: &str) -> Result<Process, UserError> {
        self.reader()?.process(handle).map_err(db::store_error)
    }

    /// Loads the process an argument names: `-` is standard input, an existing file is a
    /// process document, anything else is a handle in the tracker. The configured holidays
    /// are not added ([`App::advise`] counts them), so stored processes work like files.
    pub fn load_process(&mut self, arg: &str) -> Result<Process, UserError> {
        if names_file(arg) {
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
            .reader()?
            .processes_for_advice()
            .map_err(db::store_error)?;
        self.advise_together(processes)
    }

    /// `processes` advised together at now, as [`App::advise_all`] advises the tracked ones:
    /// each with what the others bring to it.
    pub fn advise_together(&self, processes: Vec<Process>) -> Result<Vec<Advised>, UserError> {
        // `--now` is read once per zone, not once per process: thousands of processes share a
        // handful of zones.
        let mut instants: Vec<(String, Timestamp)> = Vec::new();
        let mut nows = Vec::with_capacity(processes.len());
        for process in &processes {
            let known = instants
                .iter()
                .find(|(name, _)| *name == process.timezone_name)
                .map(|(_, now)| *now);
            let now = match known {
                Some(now) => now,
                None => {
                    let now = self.now_for(process)?;
                    instants.push((process.timezone_name.clone(), now));
                    now
                }
            };
            nows.push(now);
        }
        // What each process means for the others, read once for all of them.
        let landscape = Landscape::of(processes.iter().zip(nows.iter().copied()));
        let mut advised = Vec::with_capacity(processes.len());
        for (mut process, now) in processes.into_iter().zip(nows) {
            let outside = landscape.outside(&process, now);
            let advice = self.config.advise_with(&mut process, now, &outside);
            advised.push(Advised {
                process,
                advice,
                outside,
            });
        }
        Ok(advised)
    }

    /// What the whole search tells: reply rates, funnel, outcomes
    /// ([`followup_core::stats`]), over every tracked process advised at now.
    pub fn stats(&mut self) -> Result<followup_core::stats::Stats, UserError> {
        let now = self.change_time()?;
        let advised = self.advise_all()?;
        Ok(followup_core::stats::stats(
            advised.iter().map(|item| (&item.process, &item.advice)),
            now,
        ))
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
    ///
    /// The process's standing is checked first ([`standing::settle`]): closing a closed
    /// process or reopening an open one is refused, and a reply or an interview on a process
    /// closed `no-answer` writes a `reopened` event before it, in the same change, so one
    /// undo reverses both. An interview that took place on the day of a booked one updates
    /// that booking instead of adding a second ([`booked`]).
    pub fn record(
        &mut self,
        handle: &str,
        summary: String,
        events: Vec<Event>,
        now: Timestamp,
    ) -> Result<Recorded, UserError> {
        let before = self.process(handle)?;
        let standing::Settled {
            mut events,
            reopened,
        } = standing::settle(&before, events, now)
            .map_err(|err| standing_error(err, handle, &before, now))?;
        for event in &events {
            // Fields named as the options that set them (`--note`, `--body`).
            followup_core::process::limits::check_event("--", event)?;
        }
        // An interview that took place on a booked one's day is that one: it is updated.
        let mut completed = None;
        if let [.., last] = &mut events[..]
            && let Some(found) = self.booking_completed_by(handle, &before, last, now)?
        {
            *last = booked::completed(&found.booked, last);
            completed = Some(found);
        }
        let count = events.len();
        let change = Change {
            at: self.change_time()?,
            summary,
            ops: events
                .iter()
                .enumerate()
                .map(|(i, event)| {
                    let handle = handle.to_owned();
                    let event = event.clone();
                    if completed.is_some() && i + 1 == count {
                        Op::UpdateEvent { handle, event }
                    } else {
                        Op::AddEvent { handle, event }
                    }
                })
                .collect(),
        };
        let applied = self.store()?.apply(&change).map_err(db::store_error)?;
        for (event, id) in events.iter_mut().zip(&applied.event_ids) {
            event.id = Some(id.clone());
        }
        let mut process = self.process(handle)?;
        let (advice, _) = self.advise_tracked(&mut process, now)?;
        Ok(Recorded {
            process,
            events,
            advice,
            reopened,
            completed,
        })
    }

    /// The open tracked process for the same company and role, if any (compared without case
    /// or extra spaces): `add` refuses to track it twice unless asked (`--again`).
    pub fn open_posting(&mut self, company: &str, role: &str) -> Result<Option<String>, UserError> {
        let processes = self
            .store()?
            .processes_for_advice()
            .map_err(db::store_error)?;
        Ok(processes
            .into_iter()
            .find(|p| {
                standing::same_posting(&p.company, &p.role, company, role)
                    && Standing::of(&p.events) == Standing::Open
            })
            .and_then(|p| p.handle))
    }
}

/// A refused close or reopen in words, naming the process and what to do instead.
pub(crate) fn standing_error(
    err: standing::StandingError,
    handle: &str,
    process: &Process,
    now: Timestamp,
) -> UserError {
    match err {
        standing::StandingError::AlreadyClosed { outcome, at } => {
            let today = process.local_date(now);
            UserError::new(
                format!(
                    "{handle} is already closed ({outcome}, {})",
                    followup_core::time::spell_date(process.local_date(at), today)
                ),
                format!(
                    "followup reopen {handle} opens it again; followup undo takes the close back"
                ),
            )
        }
        _ => UserError::new(
            format!("{handle} is open: there is nothing to reopen"),
            format!(
                "followup close {handle} OUTCOME closes it ({})",
                followup_core::Outcome::expected()
            ),
        ),
    }
}

/// Whether an argument names a process document rather than a handle: `-` (standard input),
/// an existing file, or something that can only be a path (a folder separator, a .json name),
/// so a typo gets the file's error, not "no process named ...".
fn names_file(arg: &str) -> bool {
    arg == "-"
        || Path::new(arg).is_file()
        || arg.contains(std::path::MAIN_SEPARATOR)
        || arg.contains('/')
        || arg.to_ascii_lowercase().ends_with(".json")
}

/// What [`App::record`] wrote and what it leads to.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// The process after the change (as stored; [`App::advise`] counts the configured holidays).
    pub process: Process,
    /// The events written, with their ids.
    pub events: Vec<Event>,
    /// The advice now.
    pub advice: Advice,
    /// Whether a `reopened` event was written first (a reply or an interview on a process
    /// closed `no-answer`), so the output can say so.
    pub reopened: bool,
    /// The booked interview the last event completed (updated rather than added; see
    /// [`booked`]), as it was, so the output can say so.
    pub completed: Option<booked::Completed>,
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
            .filter(|a| Section::of(&a.advice).is_some())
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
                    followup_core::Action::UpcomingInterview { at } => Some(at.date()),
                    _ => None,
                };
                // Undated items sort last in their section.
                (
                    Section::of(&a.advice),
                    date.is_none(),
                    date,
                    a.handle().to_owned(),
                )
            })
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
    }

    /// A reply on a process closed as no-answer writes `reopened` then `reply` in one change,
    /// which one undo reverses, on a database file as in memory; a second close is refused.
    #[test]
    fn a_reply_reopens_a_close_for_silence_in_one_change_on_either_store() {
        let dir = tempfile::tempdir().unwrap();
        let on_file = SqliteStore::open(&dir.path().join("t.db"), input::zones().clone()).unwrap();
        let in_memory = SqliteStore::in_memory(input::zones().clone()).unwrap();
        for mut store in [on_file, in_memory] {
            let now: Timestamp = "2026-05-20T12:00:00Z".parse().unwrap();
            let mut process =
                followup_core::sample::demo_processes(now, &TimeZone::UTC, "UTC").remove(0);
            process.handle = Some("p".to_owned());
            process.events.clear();
            store
                .apply(&Change {
                    at: now,
                    summary: "add".to_owned(),
                    ops: vec![Op::AddProcess(process)],
                })
                .unwrap();
            let mut app = App::with_store(Config::default(), Clock::Read(now), store);
            let event = |at: &str, kind: EventKind| Event {
                id: None,
                at: at.parse().unwrap(),
                kind,
            };
            let closed = || EventKind::Closed {
                outcome: followup_core::Outcome::NoAnswer,
                note: None,
            };
            let close = vec![event("2026-05-18T09:00:00Z", closed())];
            app.record("p", "close".into(), close, now).unwrap();
            let again = vec![event("2026-05-19T09:00:00Z", closed())];
            assert!(app.record("p", "close".into(), again, now).is_err());
            let reply = EventKind::Reply {
                body: Some("Sorry for the wait".into()),
                from: None,
                asks: followup_core::Asks::Nothing,
                respond_by: None,
                message_id: None,
            };
            let recorded = app
                .record(
                    "p",
                    "reply".into(),
                    vec![event("2026-05-20T10:00:00Z", reply)],
                    now,
                )
                .unwrap();
            assert!(recorded.reopened);
            let types: Vec<&str> = recorded
                .process
                .events
                .iter()
                .map(|e| e.kind.type_name())
                .collect();
            assert_eq!(types, ["closed", "reopened", "reply"]);
            app.store().unwrap().undo(now).unwrap();
            let after = app.process("p").unwrap();
            let types: Vec<&str> = after.events.iter().map(|e| e.kind.type_name()).collect();
            assert_eq!(types, ["closed"]);
        }
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
