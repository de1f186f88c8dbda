//! [`SqliteStore`]: the store in one SQLite file (WAL, busy timeout, foreign keys).
//!
//! Opening checks the file before writing anything: a file that is not SQLite, is damaged, or
//! belongs to another program is refused untouched; a database from a newer followup is
//! refused; an older one is copied to `<db>.bak-v<N>` and then migrated. Every write is one
//! `BEGIN IMMEDIATE` transaction, so concurrent commands queue instead of losing updates.
//!
//! The events table is the record; each process row also caches its live timeline as the
//! advisor reads it (module `advice_timeline`), which `next` and `list` load instead of every
//! event row (module `for_advice`). Triggers mark the cache stale and every write rebuilds it.

mod advice_timeline;
mod for_advice;
mod open;
pub mod schema;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use followup_core::{Event, Process, TimezoneSource};
use jiff::Timestamp;
use jiff::tz::{TimeZone, TimeZoneDatabase};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use crate::change::{Applied, Change, ChangeInfo, Op, ProcessOutcome, TimelineEntry};
use crate::codec::{
    check_storable, decode_contacts, decode_event, decode_holidays, encode_contacts, encode_event,
    encode_holidays, join_instant, split_instant,
};
use crate::error::StoreError;
use crate::handle::{base_handle, closest, unique_handle};
use crate::ids::fresh_id;
use crate::store::Store;

pub use open::backup_path;

/// A store in an SQLite file.
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

/// Columns of `processes` read by the loaders, in this order.
const PROCESS_COLUMNS: &str = "key, id, handle, company, role, timezone, contacts, holidays";
/// Columns of `events` read by the loaders, in this order.
const EVENT_COLUMNS: &str = "process, id, at_s, at_ns, type, data, change, undone_by";

impl SqliteStore {
    /// Opens (creating if needed, with its folder) the database at `path`, migrating an older
    /// schema after backing it up. `zones` resolves the stored zone names.
    pub fn open(path: &Path, zones: TimeZoneDatabase) -> Result<SqliteStore, StoreError> {
        let conn = open::open(path)?;
        Ok(SqliteStore {
            conn,
            path: path.to_owned(),
            zones,
        })
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        open::user_version(&self.conn).map_err(|e| self.err(e))
    }

    fn err(&self, err: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(err, &self.path)
    }

    fn zone(
        &self,
        name: &str,
        cache: &mut HashMap<String, TimeZone>,
    ) -> Result<TimeZone, StoreError> {
        if let Some(zone) = cache.get(name) {
            return Ok(zone.clone());
        }
        let zone = self
            .zones
            .get(name)
            .map_err(|_| StoreError::UnknownZone(name.to_owned()))?;
        cache.insert(name.to_owned(), zone.clone());
        Ok(zone)
    }

    /// Reads process rows (without events) matching `filter` (an SQL condition).
    fn process_rows(
        &self,
        filter: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<(i64, Process)>, StoreError> {
        let sql = format!("SELECT {PROCESS_COLUMNS} FROM processes WHERE {filter} ORDER BY key");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(args, |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut zones = HashMap::new();
        let mut out = Vec::new();
        for row in rows {
            let (key, id, handle, company, role, tz, contacts, holidays) =
                row.map_err(|e| self.err(e))?;
            let timezone = self.zone(&tz, &mut zones)?;
            out.push((
                key,
                Process {
                    id: Some(id),
                    handle: Some(handle),
                    company,
                    role,
                    timezone_name: tz,
                    timezone_source: TimezoneSource::Document,
                    timezone,
                    contacts: decode_contacts(&contacts)?,
                    holidays: decode_holidays(&holidays)?,
                    details: Default::default(),
                    events: Vec::new(),
                },
            ));
        }
        Ok(out)
    }

    /// Reads event rows matching `filter`, in timeline order, calling `each` with the process
    /// key, the event, its change and whether it was undone.
    fn event_rows(
        &self,
        filter: &str,
        args: impl rusqlite::Params,
        mut each: impl FnMut(i64, Event, i64, bool),
    ) -> Result<(), StoreError> {
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events WHERE {filter} ORDER BY process, at_s, at_ns, seq"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let mut rows = stmt.query(args).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            // Type and payload are decoded straight from SQLite's buffers: no copy per row.
            let read = |r: &rusqlite::Row<'_>| -> rusqlite::Result<_> {
                let kind = decode_event(r.get_ref(4)?.as_str()?, r.get_ref(5)?.as_str()?);
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i32>(3)?,
                    kind,
                    r.get::<_, i64>(6)?,
                    r.get::<_, Option<i64>>(7)?,
                ))
            };
            let (key, id, at_s, at_ns, kind, change, undone_by) =
                read(r).map_err(|e| self.err(e))?;
            let event = Event {
                id: Some(id),
                at: join_instant(at_s, at_ns)?,
                kind: kind?,
            };
            each(key, event, change, undone_by.is_some());
        }
        Ok(())
    }

    fn unknown(&self, handle: &str) -> Result<StoreError, StoreError> {
        let handles = self.handles()?;
        Ok(StoreError::UnknownHandle {
            handle: handle.to_owned(),
            closest: closest(handle, handles.iter().map(String::as_str)),
        })
    }

    fn visible_row(&self, handle: &str) -> Result<(i64, Process), StoreError> {
        let mut rows = self.process_rows("handle = ?1 AND hidden_by IS NULL", [handle])?;
        match rows.pop() {
            Some(row) => Ok(row),
            None => Err(self.unknown(handle)?),
        }
    }
}

impl Store for SqliteStore {
    fn apply(&mut self, change: &Change) -> Result<Applied, StoreError> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| StoreError::from_sqlite(e, &path);
        check_storable(&change.ops)?;
        for op in &change.ops {
            if let Op::AddProcess(p) | Op::MergeProcess(p) = op {
                self.zones
                    .get(&p.timezone_name)
                    .map_err(|_| StoreError::UnknownZone(p.timezone_name.clone()))?;
            }
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        tx.execute(
            "INSERT INTO changes (at, summary) VALUES (?1, ?2)",
            params![change.at.to_string(), change.summary],
        )
        .map_err(err)?;
        let change_id = tx.last_insert_rowid();
        let mut applied = Applied::default();
        for op in &change.ops {
            match op {
                Op::AddProcess(process) | Op::MergeProcess(process) => {
                    let merge = matches!(op, Op::MergeProcess(_));
                    let existing = match (&process.id, merge) {
                        (Some(id), true) => tx
                            .prepare_cached(
                                "SELECT key, handle FROM processes WHERE id = ?1 AND hidden_by IS NULL",
                            )
                            .and_then(|mut s| {
                                s.query_row([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
                                    .optional()
                            })
                            .map_err(err)?
                            .map(|(key, handle)| (key, id.clone(), handle)),
                        _ => None,
                    };
                    let (key, mut outcome) = match existing {
                        Some((key, id, handle)) => (
                            key,
                            ProcessOutcome {
                                id,
                                handle,
                                created: false,
                                events_added: 0,
                            },
                        ),
                        None => create(&tx, process, change_id, !merge).map_err(|e| e.at(&path))?,
                    };
                    let ids = add_missing(&tx, key, &process.events, change_id).map_err(err)?;
                    outcome.events_added = ids.len();
                    applied.event_ids.extend(ids);
                    applied.processes.push(outcome);
                }
                Op::AddEvent { handle, event } => {
                    let found = tx
                        .prepare_cached(
                            "SELECT key, id FROM processes WHERE handle = ?1 AND hidden_by IS NULL",
                        )
                        .and_then(|mut s| {
                            s.query_row([handle], |r| {
                                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                            })
                            .optional()
                        })
                        .map_err(err)?;
                    let Some((key, id)) = found else {
                        drop(tx);
                        return Err(self.unknown(handle)?);
                    };
                    let event_id = event.id.clone().unwrap_or_else(fresh_id);
                    insert_event(&tx, key, &event_id, event, change_id).map_err(err)?;
                    applied.processes.push(ProcessOutcome {
                        id,
                        handle: handle.clone(),
                        created: false,
                        events_added: 1,
                    });
                    applied.event_ids.push(event_id);
                }
            }
        }
        let wrote = !applied.event_ids.is_empty() || applied.processes.iter().any(|p| p.created);
        if wrote {
            advice_timeline::refresh_stale(&tx).map_err(err)?;
            tx.commit().map_err(err)?;
            applied.change_id = Some(change_id);
        } else {
            // Nothing new: leave no empty entry in the history for `undo` to trip on.
            tx.rollback().map_err(err)?;
        }
        Ok(applied)
    }

    fn undo(&mut self, at: Timestamp) -> Result<Option<ChangeInfo>, StoreError> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| StoreError::from_sqlite(e, &path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let target = tx
            .query_row(
                "SELECT id, at, summary FROM changes
                 WHERE undoes IS NULL AND undone_by IS NULL ORDER BY id DESC LIMIT 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                },
            )
            .optional()
            .map_err(err)?;
        let Some((target, target_at, summary)) = target else {
            return Ok(None);
        };
        tx.execute(
            "INSERT INTO changes (at, summary, undoes) VALUES (?1, ?2, ?3)",
            params![at.to_string(), format!("undo: {summary}"), target],
        )
        .map_err(err)?;
        let undo_id = tx.last_insert_rowid();
        tx.execute(
            "UPDATE changes SET undone_by = ?1 WHERE id = ?2",
            params![undo_id, target],
        )
        .map_err(err)?;
        tx.execute(
            "UPDATE events SET undone_by = ?1 WHERE change = ?2 AND undone_by IS NULL",
            params![undo_id, target],
        )
        .map_err(err)?;
        tx.execute(
            "UPDATE processes SET hidden_by = ?1 WHERE created_by = ?2 AND hidden_by IS NULL",
            params![undo_id, target],
        )
        .map_err(err)?;
        advice_timeline::refresh_stale(&tx).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(Some(ChangeInfo {
            id: target,
            at: parse_instant(&target_at)?,
            summary,
            undoes: None,
            undone_by: Some(undo_id),
        }))
    }

    fn processes(&self) -> Result<Vec<Process>, StoreError> {
        // Two queries whatever the number of processes: the rows, then every live event in
        // timeline order (the `events_timeline` index), dealt out by process key.
        let rows = self.process_rows("hidden_by IS NULL", [])?;
        let index: HashMap<i64, usize> =
            rows.iter().enumerate().map(|(i, (k, _))| (*k, i)).collect();
        let mut processes: Vec<Process> = rows.into_iter().map(|(_, p)| p).collect();
        self.event_rows("undone_by IS NULL", [], |key, event, _, _| {
            if let Some(&i) = index.get(&key) {
                processes[i].events.push(event);
            }
        })?;
        Ok(processes)
    }

    fn processes_for_advice(&self) -> Result<Vec<Process>, StoreError> {
        let mut processes = Vec::new();
        self.load_for_advice(&mut |p| processes.push(p))?;
        Ok(processes)
    }

    fn each_for_advice(&self, each: &mut dyn FnMut(Process)) -> Result<(), StoreError> {
        self.load_for_advice(each)
    }

    fn process(&self, handle: &str) -> Result<Process, StoreError> {
        let (key, mut process) = self.visible_row(handle)?;
        self.event_rows(
            "process = ?1 AND undone_by IS NULL",
            [key],
            |_, event, _, _| {
                process.events.push(event);
            },
        )?;
        Ok(process)
    }

    fn timeline(&self, handle: &str) -> Result<Vec<TimelineEntry>, StoreError> {
        let (key, _) = self.visible_row(handle)?;
        let mut entries = Vec::new();
        self.event_rows("process = ?1", [key], |_, event, change_id, undone| {
            entries.push(TimelineEntry {
                event,
                change_id,
                undone,
            });
        })?;
        Ok(entries)
    }

    fn handles(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT handle FROM processes WHERE hidden_by IS NULL ORDER BY key")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.err(e))
    }

    fn history(&self) -> Result<Vec<ChangeInfo>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, at, summary, undoes, undone_by FROM changes ORDER BY id")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                    r.get::<_, Option<i64>>(4)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, at, summary, undoes, undone_by) = row.map_err(|e| self.err(e))?;
            out.push(ChangeInfo {
                id,
                at: parse_instant(&at)?,
                summary,
                undoes,
                undone_by,
            });
        }
        Ok(out)
    }
}

fn parse_instant(text: &str) -> Result<Timestamp, StoreError> {
    text.parse()
        .map_err(|e| StoreError::Data(format!("change time {text:?}: {e}")))
}

/// An error inside a write transaction before the path is known to the caller.
enum TxError {
    Sqlite(rusqlite::Error),
    Store(StoreError),
}

impl TxError {
    fn at(self, path: &Path) -> StoreError {
        match self {
            TxError::Sqlite(e) => StoreError::from_sqlite(e, path),
            TxError::Store(e) => e,
        }
    }
}

impl From<rusqlite::Error> for TxError {
    fn from(e: rusqlite::Error) -> Self {
        TxError::Sqlite(e)
    }
}

fn handle_taken(tx: &Transaction<'_>, handle: &str) -> rusqlite::Result<bool> {
    tx.prepare_cached("SELECT 1 FROM processes WHERE handle = ?1 AND hidden_by IS NULL")?
        .exists([handle])
}

/// Inserts a process row (no events); `exact_handle` makes a taken handle an error instead of
/// a reason to number it.
fn create(
    tx: &Transaction<'_>,
    process: &Process,
    change: i64,
    exact_handle: bool,
) -> Result<(i64, ProcessOutcome), TxError> {
    let id = process.id.clone().unwrap_or_else(fresh_id);
    let id_taken = tx
        .prepare_cached("SELECT 1 FROM processes WHERE id = ?1 AND hidden_by IS NULL")?
        .exists([&id])?;
    if id_taken {
        return Err(TxError::Store(StoreError::DuplicateId { id }));
    }
    let handle = match &process.handle {
        Some(h) if exact_handle => {
            if handle_taken(tx, h)? {
                return Err(TxError::Store(StoreError::HandleTaken {
                    handle: h.clone(),
                }));
            }
            h.clone()
        }
        Some(h) => unique_handle(h, |c| handle_taken(tx, c))?,
        None => unique_handle(&base_handle(&process.company, &process.role), |c| {
            handle_taken(tx, c)
        })?,
    };
    tx.prepare_cached(
        "INSERT INTO processes (id, handle, company, role, timezone, contacts, holidays, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id,
        handle,
        process.company,
        process.role,
        process.timezone_name,
        encode_contacts(&process.contacts),
        encode_holidays(&process.holidays),
        change
    ])?;
    Ok((
        tx.last_insert_rowid(),
        ProcessOutcome {
            id,
            handle,
            created: true,
            events_added: 0,
        },
    ))
}

fn insert_event(
    tx: &Transaction<'_>,
    key: i64,
    id: &str,
    event: &Event,
    change: i64,
) -> rusqlite::Result<()> {
    let (type_name, data) = encode_event(&event.kind);
    let (at_s, at_ns) = split_instant(event.at);
    tx.prepare_cached(
        "INSERT INTO events (process, id, at_s, at_ns, type, data, change)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![key, id, at_s, at_ns, type_name, data, change])?;
    Ok(())
}

/// Inserts the events the process lacks (by id, or by content for events without one).
fn add_missing(
    tx: &Transaction<'_>,
    key: i64,
    events: &[Event],
    change: i64,
) -> rusqlite::Result<Vec<String>> {
    if events.is_empty() {
        return Ok(Vec::new());
    }
    let mut ids = HashSet::new();
    let mut contents = HashSet::new();
    {
        let mut stmt = tx.prepare_cached(
            "SELECT id, at_s, at_ns, type, data FROM events WHERE process = ?1 AND undone_by IS NULL",
        )?;
        let mut rows = stmt.query([key])?;
        while let Some(r) = rows.next()? {
            ids.insert(r.get::<_, String>(0)?);
            contents.insert((
                r.get::<_, i64>(1)?,
                r.get::<_, i32>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ));
        }
    }
    let mut added = Vec::new();
    for event in events {
        let (type_name, data) = encode_event(&event.kind);
        let (at_s, at_ns) = split_instant(event.at);
        let content = (at_s, at_ns, type_name.to_owned(), data);
        let new = match &event.id {
            Some(id) => !ids.contains(id),
            None => !contents.contains(&content),
        };
        if !new {
            continue;
        }
        let id = event.id.clone().unwrap_or_else(fresh_id);
        insert_event(tx, key, &id, event, change)?;
        ids.insert(id.clone());
        contents.insert(content);
        added.push(id);
    }
    Ok(added)
}

#[cfg(test)]
mod tests;
