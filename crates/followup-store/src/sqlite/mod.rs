//! [`SqliteStore`]: the store in one SQLite database, a file (WAL, busy timeout, foreign keys)
//! or memory (demos and tests).
//!
//! Opening a file checks it before writing anything: a file that is not SQLite, is damaged, or
//! belongs to another program is refused untouched; a database from a newer followup is
//! refused; an older one is copied to `<db>.bak-v<N>` and then migrated. Every write is one
//! `BEGIN IMMEDIATE` transaction ([`Writer`]), so concurrent commands queue instead of losing
//! updates.
//!
//! Events are rows with a typed column per field (module `event_row`); loading every process is one
//! query that walks the processes and their events in timeline order.

mod event_row;
mod feed;
mod history;
mod open;
pub mod schema;
mod write;

use std::path::{Path, PathBuf};

use followup_core::{Contact, Details, Process, TimezoneSource};
use jiff::Timestamp;
use jiff::tz::{TimeZone, TimeZoneDatabase};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::change::{Applied, Change, ChangeInfo, Purged, TimelineEntry};
use crate::error::StoreError;
use crate::handle::closest;
use crate::store::Store;

pub use open::backup_path;
pub use write::{OpOutcome, Writer};

/// A store in an SQLite database.
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    zones: TimeZoneDatabase,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// What a load reads: every field, or what advising reads.
#[derive(Clone, Copy)]
enum Load {
    All,
    ForAdvice,
}

impl Load {
    /// The columns of `processes p` read, in [`SqliteStore::process_row`]'s order.
    fn process_columns(self) -> &'static str {
        match self {
            Load::All => {
                "p.key, p.id, p.handle, p.company, p.role, p.timezone, p.contacts, p.holidays, \
                 p.url, p.location, p.salary, p.notes"
            }
            // No contacts or details: advising never reads them.
            Load::ForAdvice => {
                "p.key, p.id, p.handle, p.company, p.role, p.timezone, '[]', p.holidays, \
                 NULL, NULL, NULL, NULL"
            }
        }
    }

    /// The columns of `events e` read, in [`event_row::read_event`]'s order.
    fn event_columns(self) -> &'static str {
        match self {
            Load::All => event_row::ALL,
            Load::ForAdvice => event_row::FOR_ADVICE,
        }
    }
}

/// How many columns [`Load::process_columns`] names.
const PROCESS_COUNT: usize = 12;

impl SqliteStore {
    /// Opens (creating if needed, with its folder) the database at `path`, migrating an older
    /// schema after backing it up. `zones` resolves the stored zone names.
    pub fn open(path: &Path, zones: TimeZoneDatabase) -> Result<SqliteStore, StoreError> {
        Ok(SqliteStore {
            conn: open::open(path)?,
            path: path.to_owned(),
            zones,
        })
    }

    /// Opens the existing database at `path` only to read it (see the `open` module): nothing
    /// is written, not even the WAL index when the folder is read-only. `None` when reading
    /// needs a writer first (no file, an empty one, an older schema to migrate): use
    /// [`SqliteStore::open`] then.
    pub fn open_read_only(
        path: &Path,
        zones: TimeZoneDatabase,
    ) -> Result<Option<SqliteStore>, StoreError> {
        Ok(open::open_read_only(path)?.map(|conn| SqliteStore {
            conn,
            path: path.to_owned(),
            zones,
        }))
    }

    /// Whether this store was opened read-only (writes fail).
    pub fn is_read_only(&self) -> bool {
        self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false)
    }

    /// An empty store in memory, gone when dropped: the same schema and code as a file.
    pub fn in_memory(zones: TimeZoneDatabase) -> Result<SqliteStore, StoreError> {
        Ok(SqliteStore {
            conn: open::open_in_memory()?,
            path: PathBuf::from(open::MEMORY),
            zones,
        })
    }

    /// The file this store lives in (`:memory:` for one in memory).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        open::user_version(&self.conn).map_err(|e| self.err(e))
    }

    /// Starts one change (a history entry at `at` named `summary`) in one transaction: apply
    /// its ops one at a time with [`Writer::apply`], then [`Writer::finish`]. Dropping the
    /// writer unfinished writes nothing. For changes too large to hold as one [`Change`].
    pub fn begin(&mut self, at: Timestamp, summary: &str) -> Result<Writer<'_>, StoreError> {
        Writer::begin(&mut self.conn, &self.path, &self.zones, at, summary)
    }

    /// The handles of the visible processes, in the order they were added.
    pub fn handles(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT handle FROM processes WHERE hidden_by IS NULL ORDER BY key")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.err(e))
    }

    /// How much [`Store::purge`] would erase now.
    pub fn purgeable(&self) -> Result<Purged, StoreError> {
        history::purgeable(&self.conn).map_err(|e| self.err(e))
    }

    /// The whole history of changes, oldest first.
    pub fn history(&self) -> Result<Vec<ChangeInfo>, StoreError> {
        let read = || -> Result<Vec<ChangeInfo>, Failure> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, at, summary, undoes, undone_by FROM changes ORDER BY id",
            )?;
            let mut rows = stmt.query([])?;
            let mut out = Vec::new();
            while let Some(r) = rows.next()? {
                out.push(ChangeInfo {
                    id: r.get(0)?,
                    at: parse_instant(&r.get::<_, String>(1)?)?,
                    summary: r.get(2)?,
                    undoes: r.get(3)?,
                    undone_by: r.get(4)?,
                });
            }
            Ok(out)
        };
        read().map_err(|e| e.at(&self.path))
    }

    /// Every message mail import read and no undo reversed: its `message_id` and the handle
    /// of the process it went to, if any (in the order read).
    pub fn mail_seen(&self) -> Result<Vec<(String, Option<String>)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT m.message_id, p.handle FROM mail_seen m
                 LEFT JOIN processes p ON p.key = m.process AND p.hidden_by IS NULL
                 WHERE m.undone_by IS NULL ORDER BY m.seq",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.err(e))
    }

    fn err(&self, err: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(err, &self.path)
    }

    /// Visible processes matching `filter` (on `p`, the process row), in the order they were
    /// added, each with its events matching `events` (on `e`) in timeline order, and, with
    /// `with_written`, for each event the change that wrote it and whether it was undone. One
    /// query: the process rows joined to their events through the timeline index.
    fn load(
        &self,
        load: Load,
        filter: &str,
        events: &str,
        with_written: bool,
        args: impl rusqlite::Params,
    ) -> Result<Vec<(Process, Vec<Written>)>, StoreError> {
        self.load_salvaging(load, filter, events, with_written, args, None)
    }

    /// [`SqliteStore::load`]; with `bad`, a stored row that cannot be read (a value damaged
    /// outside followup) is described there and skipped instead of failing the whole load: a
    /// process row with all its events, or one event row.
    fn load_salvaging(
        &self,
        load: Load,
        filter: &str,
        events: &str,
        with_written: bool,
        args: impl rusqlite::Params,
        mut bad: Option<&mut Vec<String>>,
    ) -> Result<Vec<(Process, Vec<Written>)>, StoreError> {
        let (process_columns, event_columns) = (load.process_columns(), load.event_columns());
        let sql = format!(
            "SELECT {process_columns}, e.seq, e.change, e.undone_by, {event_columns}
             FROM processes p LEFT JOIN events e ON e.process = p.key AND {events}
             WHERE p.hidden_by IS NULL AND {filter}
             ORDER BY p.key, e.at_s, e.at_ns, e.seq"
        );
        let read = || -> Result<Vec<(Process, Vec<Written>)>, Failure> {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut rows = stmt.query(args)?;
            let mut out: Vec<(Process, Vec<Written>)> = Vec::new();
            let mut current_key = None;
            // Thousands of processes share a handful of zones: each is looked up once.
            let mut zones: Vec<TimeZone> = Vec::new();
            // A process's events gather here, then move out in one allocation of their size.
            let mut events = Vec::new();
            // Salvaging: the current process row could not be read, so its events are skipped.
            let mut skipping = false;
            while let Some(r) = rows.next()? {
                let key: i64 = r.get(0)?;
                if current_key != Some(key) {
                    current_key = Some(key);
                    if let Some((process, _)) = out.last_mut().filter(|_| !skipping) {
                        #[expect(
                            clippy::drain_collect,
                            reason = "an exact-size copy; the buffer is kept for the next process"
                        )]
                        let exact = events.drain(..).collect();
                        process.events = exact;
                    }
                    events.clear();
                    skipping = false;
                    match (self.process_row(r, &mut zones), bad.as_deref_mut()) {
                        (Ok(process), _) => out.push((process, Vec::new())),
                        (Err(err), Some(bad)) => {
                            bad.push(format!(
                                "process row {key}{}: {}",
                                row_handle(r),
                                err.at(&self.path)
                            ));
                            skipping = true;
                            continue;
                        }
                        (Err(err), None) => return Err(err),
                    }
                }
                if skipping {
                    continue;
                }
                let seq: Option<i64> = r.get(PROCESS_COUNT)?;
                let Some((_, written)) = out.last_mut().filter(|_| seq.is_some()) else {
                    continue; // A process without events.
                };
                match (
                    event_row::read_event(r, PROCESS_COUNT + 3),
                    bad.as_deref_mut(),
                ) {
                    (Ok(event), _) => events.push(event),
                    (Err(err), Some(bad)) => {
                        bad.push(format!(
                            "event row {} of process row {key}{}: {}",
                            seq.unwrap_or_default(),
                            row_handle(r),
                            err.at(&self.path)
                        ));
                        continue;
                    }
                    (Err(err), None) => return Err(err),
                }
                if with_written {
                    written.push(Written {
                        change: r.get(PROCESS_COUNT + 1)?,
                        undone: r.get::<_, Option<i64>>(PROCESS_COUNT + 2)?.is_some(),
                    });
                }
            }
            if let Some((process, _)) = out.last_mut().filter(|_| !skipping) {
                process.events = events;
            }
            Ok(out)
        };
        read().map_err(|e| e.at(&self.path))
    }

    fn process_row(
        &self,
        r: &rusqlite::Row<'_>,
        zones: &mut Vec<TimeZone>,
    ) -> Result<Process, Failure> {
        let zone_name: String = r.get(5)?;
        let known = zones
            .iter()
            .find(|z| z.iana_name() == Some(zone_name.as_str()));
        let timezone = match known {
            Some(zone) => zone.clone(),
            None => {
                let zone = self
                    .zones
                    .get(&zone_name)
                    .map_err(|_| StoreError::UnknownZone(zone_name.clone()))?;
                zones.push(zone.clone());
                zone
            }
        };
        Ok(Process {
            id: Some(r.get(1)?),
            handle: Some(r.get(2)?),
            company: r.get(3)?,
            role: r.get(4)?,
            timezone_name: zone_name,
            timezone_source: TimezoneSource::Document,
            timezone,
            contacts: decode_contacts(r.get_ref(6)?.as_str()?)?,
            holidays: decode_holidays(r.get_ref(7)?.as_str()?)?,
            details: Details {
                url: r.get(8)?,
                location: r.get(9)?,
                salary: r.get(10)?,
                notes: r.get(11)?,
            },
            events: Vec::new(),
        })
    }

    fn all(&self, load: Load) -> Result<Vec<Process>, StoreError> {
        let loaded = self.load(load, "1", "e.undone_by IS NULL", false, [])?;
        Ok(loaded.into_iter().map(|(p, _)| p).collect())
    }

    /// Every visible process that can be read, as [`Store::processes`] returns them, and a
    /// description of each stored row that cannot (a value damaged outside followup): what
    /// `export` writes when the database is partly damaged, so the rest is never held hostage.
    pub fn processes_salvaged(&self) -> Result<Salvaged, StoreError> {
        let mut bad = Vec::new();
        let loaded = self.load_salvaging(
            Load::All,
            "1",
            "e.undone_by IS NULL",
            false,
            [],
            Some(&mut bad),
        )?;
        Ok(Salvaged {
            processes: loaded.into_iter().map(|(p, _)| p).collect(),
            bad_rows: bad,
        })
    }

    fn unknown(&self, handle: &str) -> Result<StoreError, StoreError> {
        let handles = self.handles()?;
        Ok(StoreError::UnknownHandle {
            handle: handle.to_owned(),
            closest: closest(handle, handles.iter().map(String::as_str)),
        })
    }

    /// The visible process `handle` with its events matching `events`.
    fn one(&self, handle: &str, events: &str) -> Result<(Process, Vec<Written>), StoreError> {
        match self
            .load(Load::All, "p.handle = ?1", events, true, [handle])?
            .pop()
        {
            Some(found) => Ok(found),
            None => Err(self.unknown(handle)?),
        }
    }
}

/// What [`SqliteStore::processes_salvaged`] could read, and what it could not.
#[derive(Debug, Default)]
pub struct Salvaged {
    /// The processes read, in the order they were added.
    pub processes: Vec<Process>,
    /// One line per stored row that could not be read, naming the row (and its process's
    /// handle when that much is readable) and why.
    pub bad_rows: Vec<String>,
}

/// ` (handle)` for a row whose handle column reads, else nothing.
fn row_handle(r: &rusqlite::Row<'_>) -> String {
    r.get::<_, String>(2)
        .map(|h| format!(" ({})", followup_core::process::limits::escape_line(&h)))
        .unwrap_or_default()
}

/// Who wrote an event and whether it was undone, for [`Store::timeline`].
struct Written {
    change: i64,
    undone: bool,
}

impl Store for SqliteStore {
    fn apply(&mut self, change: &Change) -> Result<Applied, StoreError> {
        let mut writer = self.begin(change.at, &change.summary)?;
        let mut applied = Applied::default();
        for op in &change.ops {
            let outcome = writer.apply(op)?;
            applied.event_ids.extend(outcome.event_ids);
            applied.processes.push(outcome.process);
        }
        applied.change_id = writer.finish()?;
        Ok(applied)
    }

    fn undo(&mut self, at: Timestamp) -> Result<Option<ChangeInfo>, StoreError> {
        history::undo(&mut self.conn, &self.path, at)
    }

    fn redo(&mut self, at: Timestamp) -> Result<Option<ChangeInfo>, StoreError> {
        history::redo(&mut self.conn, &self.path, at)
    }

    fn purge(&mut self, at: Timestamp) -> Result<Purged, StoreError> {
        history::purge(&mut self.conn, &self.path, at)
    }

    fn processes(&self) -> Result<Vec<Process>, StoreError> {
        self.all(Load::All)
    }

    fn processes_for_advice(&self) -> Result<Vec<Process>, StoreError> {
        self.all(Load::ForAdvice)
    }

    fn process(&self, handle: &str) -> Result<Process, StoreError> {
        Ok(self.one(handle, "e.undone_by IS NULL")?.0)
    }

    fn timeline(&self, handle: &str) -> Result<Vec<TimelineEntry>, StoreError> {
        // Versions an edit replaced and events a removal hid are history, not the timeline.
        let (process, written) = self.one(
            handle,
            "(e.undone_by IS NULL OR e.removed_by IS NULL OR e.undone_by <> e.removed_by)",
        )?;
        Ok(process
            .events
            .into_iter()
            .zip(written)
            .map(|(event, w)| TimelineEntry {
                event,
                change_id: w.change,
                undone: w.undone,
            })
            .collect())
    }
}

/// A failure while reading or writing rows: from SQLite, or a value the store refuses. The
/// path is added at the end, where it is known.
pub(crate) enum Failure {
    Sqlite(rusqlite::Error),
    Store(StoreError),
}

impl Failure {
    pub(crate) fn at(self, path: &Path) -> StoreError {
        match self {
            Failure::Sqlite(e) => StoreError::from_sqlite(e, path),
            Failure::Store(e) => e,
        }
    }
}

impl From<rusqlite::Error> for Failure {
    fn from(e: rusqlite::Error) -> Self {
        Failure::Sqlite(e)
    }
}

impl From<rusqlite::types::FromSqlError> for Failure {
    fn from(e: rusqlite::types::FromSqlError) -> Self {
        Failure::Sqlite(e.into())
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

fn parse_instant(text: &str) -> Result<Timestamp, StoreError> {
    text.parse()
        .map_err(|e| StoreError::Data(format!("change time {text:?}: {e}")))
}

/// A contact as stored in the `contacts` JSON array.
#[derive(Serialize, Deserialize)]
struct StoredContact {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    honorific: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
}

/// Contacts as a JSON array.
fn encode_contacts(contacts: &[Contact]) -> String {
    let stored: Vec<StoredContact> = contacts
        .iter()
        .map(|c| StoredContact {
            name: c.name.clone(),
            honorific: c.honorific.clone(),
            email: c.email.clone(),
            title: c.title.clone(),
        })
        .collect();
    serde_json::to_string(&stored).unwrap_or_else(|_| "[]".to_owned())
}

fn decode_contacts(json: &str) -> Result<Vec<Contact>, StoreError> {
    if json == "[]" {
        return Ok(Vec::new());
    }
    let stored: Vec<StoredContact> = serde_json::from_str(json)
        .map_err(|e| StoreError::Data(format!("contacts {json:?}: {e}")))?;
    Ok(stored
        .into_iter()
        .map(|c| Contact {
            name: c.name,
            honorific: c.honorific,
            email: c.email,
            title: c.title,
        })
        .collect())
}

/// Holidays as a JSON array of `YYYY-MM-DD`.
fn encode_holidays(holidays: &[jiff::civil::Date]) -> String {
    serde_json::to_string(holidays).unwrap_or_else(|_| "[]".to_owned())
}

fn decode_holidays(json: &str) -> Result<Vec<jiff::civil::Date>, StoreError> {
    if json == "[]" {
        return Ok(Vec::new());
    }
    serde_json::from_str(json).map_err(|e| StoreError::Data(format!("holidays {json:?}: {e}")))
}

#[cfg(test)]
mod tests;
