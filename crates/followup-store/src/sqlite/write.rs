//! Writing: one change is one `BEGIN IMMEDIATE` transaction ([`Writer`]). An edit or a removal
//! hides the old row (naming the change in `removed_by`) instead of deleting it, so `undo`
//! (module `history`) can show it again.

use std::path::Path;
use std::sync::LazyLock;

use followup_core::{Event, Process};
use jiff::Timestamp;
use jiff::tz::TimeZoneDatabase;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::event_row::{self, EventColumns};
use super::{Failure, encode_contacts, encode_holidays};
use crate::change::{Op, ProcessOutcome};
use crate::error::StoreError;
use crate::handle::{base_handle, closest, unique_handle};
use crate::ids::fresh_id;

/// One change being written, inside its transaction. [`Writer::finish`] commits it; dropping
/// the writer (after an error, say) rolls everything back.
pub struct Writer<'a> {
    tx: Transaction<'a>,
    path: &'a Path,
    zones: &'a TimeZoneDatabase,
    change_id: i64,
    wrote: bool,
}

/// What one op did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpOutcome {
    /// The process it wrote to.
    pub process: ProcessOutcome,
    /// The ids of the events it wrote, in order.
    pub event_ids: Vec<String>,
}

impl<'a> Writer<'a> {
    pub(super) fn begin(
        conn: &'a mut Connection,
        path: &'a Path,
        zones: &'a TimeZoneDatabase,
        at: Timestamp,
        summary: &str,
    ) -> Result<Writer<'a>, StoreError> {
        let err = |e| StoreError::from_sqlite(e, path);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        tx.execute(
            "INSERT INTO changes (at, summary) VALUES (?1, ?2)",
            params![at.to_string(), summary],
        )
        .map_err(err)?;
        let change_id = tx.last_insert_rowid();
        Ok(Writer {
            tx,
            path,
            zones,
            change_id,
            wrote: false,
        })
    }

    /// Applies one op (see [`Op`]); on an error the whole change is to be dropped.
    pub fn apply(&mut self, op: &Op) -> Result<OpOutcome, StoreError> {
        let outcome = match op {
            Op::AddProcess(process) => self.add_process(process, false),
            Op::MergeProcess(process) => self.add_process(process, true),
            Op::AddEvent { handle, event } => self.add_event(handle, event),
            Op::UpdateProcess { handle, process } => self.update_process(handle, process),
            Op::UpdateEvent { handle, event } => self.update_event(handle, event),
            Op::RemoveEvent { handle, id } => self.remove_event(handle, id, None),
            Op::RemoveProcess { handle } => self.remove_process(handle),
            Op::MailSeen { message_id, handle } => self.mail_seen(message_id, handle.as_deref()),
        };
        let outcome = outcome.map_err(|e| e.at(self.path))?;
        self.wrote |= outcome.process.created || !outcome.event_ids.is_empty();
        Ok(outcome)
    }

    /// Renames the change in the history (an import knows its size only at the end).
    pub fn set_summary(&mut self, summary: &str) -> Result<(), StoreError> {
        self.tx
            .execute(
                "UPDATE changes SET summary = ?1 WHERE id = ?2",
                params![summary, self.change_id],
            )
            .map_err(|e| StoreError::from_sqlite(e, self.path))?;
        Ok(())
    }

    /// Commits what was applied, returning the history entry; when nothing needed writing
    /// (an import of data already there) nothing is kept, not even the entry, and `None`
    /// is returned.
    pub fn finish(self) -> Result<Option<i64>, StoreError> {
        let err = |e| StoreError::from_sqlite(e, self.path);
        if self.wrote {
            self.tx.commit().map_err(err)?;
            Ok(Some(self.change_id))
        } else {
            // Nothing new: leave no empty entry in the history for `undo` to trip on.
            self.tx.rollback().map_err(err)?;
            Ok(None)
        }
    }

    fn add_process(&mut self, process: &Process, merge: bool) -> Result<OpOutcome, Failure> {
        self.zones
            .get(&process.timezone_name)
            .map_err(|_| StoreError::UnknownZone(process.timezone_name.clone()))?;
        let existing = match (&process.id, merge) {
            (Some(id), true) => self
                .tx
                .prepare_cached(
                    "SELECT key, handle FROM processes WHERE id = ?1 AND hidden_by IS NULL",
                )?
                .query_row([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
                .optional()?
                .map(|(key, handle)| {
                    let outcome = ProcessOutcome {
                        id: id.clone(),
                        handle,
                        created: false,
                        events_added: 0,
                    };
                    (key, outcome)
                }),
            _ => None,
        };
        let (key, mut outcome, fresh) = match existing {
            Some((key, outcome)) => (key, outcome, false),
            None => {
                let (key, outcome) = self.create(process, !merge)?;
                (key, outcome, true)
            }
        };
        let event_ids = self.add_missing(key, &process.events, fresh)?;
        outcome.events_added = event_ids.len();
        Ok(OpOutcome {
            process: outcome,
            event_ids,
        })
    }

    /// The key and stable id of the visible process `handle`.
    fn find(&self, handle: &str) -> Result<(i64, String), Failure> {
        let found = self
            .tx
            .prepare_cached(
                "SELECT key, id FROM processes WHERE handle = ?1 AND hidden_by IS NULL",
            )?
            .query_row([handle], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .optional()?;
        match found {
            Some(found) => Ok(found),
            None => Err(self.unknown(handle)?.into()),
        }
    }

    fn add_event(&mut self, handle: &str, event: &Event) -> Result<OpOutcome, Failure> {
        let (key, id) = self.find(handle)?;
        let event_id = event.id.clone().unwrap_or_else(fresh_id);
        self.insert_event(key, &event_id, event)?;
        Ok(OpOutcome {
            process: ProcessOutcome {
                id,
                handle: handle.to_owned(),
                created: false,
                events_added: 1,
            },
            event_ids: vec![event_id],
        })
    }

    /// Replaces the process's fields, keeping the old ones in `process_edits` for undo.
    fn update_process(&mut self, handle: &str, process: &Process) -> Result<OpOutcome, Failure> {
        self.zones
            .get(&process.timezone_name)
            .map_err(|_| StoreError::UnknownZone(process.timezone_name.clone()))?;
        let (key, id) = self.find(handle)?;
        let new = Fields::of(process);
        let old = Fields::read(&self.tx, key)?;
        if old != new {
            old.journal(&self.tx, self.change_id, key)?;
            new.write(&self.tx, key)?;
            self.wrote = true;
        }
        Ok(OpOutcome {
            process: ProcessOutcome {
                id,
                handle: handle.to_owned(),
                created: false,
                events_added: 0,
            },
            event_ids: Vec::new(),
        })
    }

    /// Replaces the event with `event`'s id: the old row is hidden, the new one written.
    fn update_event(&mut self, handle: &str, event: &Event) -> Result<OpOutcome, Failure> {
        let id = event.id.clone().unwrap_or_default();
        let mut outcome = self.remove_event(handle, &id, Some(event))?;
        outcome.event_ids.push(id);
        Ok(outcome)
    }

    /// Hides the visible event `id` (naming this change as its remover), then writes
    /// `replacement` under the same id, if any.
    fn remove_event(
        &mut self,
        handle: &str,
        id: &str,
        replacement: Option<&Event>,
    ) -> Result<OpOutcome, Failure> {
        let (key, process_id) = self.find(handle)?;
        let hidden = self
            .tx
            .prepare_cached(
                "UPDATE events SET undone_by = ?1, removed_by = ?1
                 WHERE process = ?2 AND id = ?3 AND undone_by IS NULL",
            )?
            .execute(params![self.change_id, key, id])?;
        if hidden == 0 {
            return Err(StoreError::UnknownEvent {
                handle: handle.to_owned(),
                id: id.to_owned(),
            }
            .into());
        }
        if let Some(event) = replacement {
            self.insert_event(key, id, event)?;
        }
        self.wrote = true;
        Ok(OpOutcome {
            process: ProcessOutcome {
                id: process_id,
                handle: handle.to_owned(),
                created: false,
                events_added: usize::from(replacement.is_some()),
            },
            event_ids: Vec::new(),
        })
    }

    /// Records a message mail import read (undo flags the row like an event).
    fn mail_seen(&mut self, message_id: &str, handle: Option<&str>) -> Result<OpOutcome, Failure> {
        let (key, id) = match handle {
            Some(handle) => {
                let (key, id) = self.find(handle)?;
                (Some(key), id)
            }
            None => (None, String::new()),
        };
        self.tx
            .prepare_cached(
                "INSERT INTO mail_seen (message_id, process, change) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![message_id, key, self.change_id])?;
        self.wrote = true;
        Ok(OpOutcome {
            process: ProcessOutcome {
                id,
                handle: handle.unwrap_or_default().to_owned(),
                created: false,
                events_added: 0,
            },
            event_ids: Vec::new(),
        })
    }

    /// Hides the visible process `handle` (its events go with it), naming this change.
    fn remove_process(&mut self, handle: &str) -> Result<OpOutcome, Failure> {
        let (key, id) = self.find(handle)?;
        self.tx
            .prepare_cached("UPDATE processes SET hidden_by = ?1, removed_by = ?1 WHERE key = ?2")?
            .execute(params![self.change_id, key])?;
        self.wrote = true;
        Ok(OpOutcome {
            process: ProcessOutcome {
                id,
                handle: handle.to_owned(),
                created: false,
                events_added: 0,
            },
            event_ids: Vec::new(),
        })
    }

    fn unknown(&self, handle: &str) -> rusqlite::Result<StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT handle FROM processes WHERE hidden_by IS NULL ORDER BY key")?;
        let handles = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(StoreError::UnknownHandle {
            handle: handle.to_owned(),
            closest: closest(handle, handles.iter().map(String::as_str)),
        })
    }

    fn handle_taken(&self, handle: &str) -> rusqlite::Result<bool> {
        self.tx
            .prepare_cached("SELECT 1 FROM processes WHERE handle = ?1 AND hidden_by IS NULL")?
            .exists([handle])
    }

    /// Inserts a process row (no events); `exact_handle` makes a taken handle an error instead
    /// of a reason to number it.
    fn create(
        &self,
        process: &Process,
        exact_handle: bool,
    ) -> Result<(i64, ProcessOutcome), Failure> {
        let id = process.id.clone().unwrap_or_else(fresh_id);
        let id_taken = self
            .tx
            .prepare_cached("SELECT 1 FROM processes WHERE id = ?1 AND hidden_by IS NULL")?
            .exists([&id])?;
        if id_taken {
            return Err(StoreError::DuplicateId { id }.into());
        }
        let handle = match &process.handle {
            Some(h) if exact_handle => {
                if self.handle_taken(h)? {
                    return Err(StoreError::HandleTaken { handle: h.clone() }.into());
                }
                h.clone()
            }
            Some(h) => unique_handle(h, |c| self.handle_taken(c))?,
            None => unique_handle(&base_handle(&process.company, &process.role), |c| {
                self.handle_taken(c)
            })?,
        };
        self.tx
            .prepare_cached(
                "INSERT INTO processes (id, handle, company, role, timezone, contacts, holidays, created_by,
                     url, location, salary, notes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(params![
                id,
                handle,
                process.company,
                process.role,
                process.timezone_name,
                encode_contacts(&process.contacts),
                encode_holidays(&process.holidays),
                self.change_id,
                process.details.url,
                process.details.location,
                process.details.salary,
                process.details.notes,
            ])?;
        let outcome = ProcessOutcome {
            id,
            handle,
            created: true,
            events_added: 0,
        };
        Ok((self.tx.last_insert_rowid(), outcome))
    }

    fn insert_event(&self, key: i64, id: &str, event: &Event) -> rusqlite::Result<()> {
        static SQL: LazyLock<String> = LazyLock::new(|| {
            let values: Vec<String> = (1..=3 + event_row::INSERT_COUNT)
                .map(|i| format!("?{i}"))
                .collect();
            format!(
                "INSERT INTO events (process, change, id, {}) VALUES ({})",
                event_row::INSERT,
                values.join(", ")
            )
        });
        let columns = EventColumns::of(event);
        let mut stmt = self.tx.prepare_cached(&SQL)?;
        let mut values: Vec<&dyn rusqlite::types::ToSql> = vec![&key, &self.change_id, &id];
        values.extend(columns.params());
        stmt.execute(values.as_slice())?;
        Ok(())
    }

    /// Inserts the events the process lacks: matched by id, or by content (time and every
    /// field) for events without one, each stored event matching one at most. A process
    /// created by this op lacks them all.
    fn add_missing(&self, key: i64, events: &[Event], fresh: bool) -> Result<Vec<String>, Failure> {
        let mut live: Vec<Event> = Vec::new();
        if !fresh && !events.is_empty() {
            let sql = format!(
                "SELECT {} FROM events e WHERE e.process = ?1 AND e.undone_by IS NULL",
                event_row::ALL
            );
            let mut stmt = self.tx.prepare_cached(&sql)?;
            let mut rows = stmt.query([key])?;
            while let Some(r) = rows.next()? {
                live.push(event_row::read_event(r, 0)?);
            }
        }
        let mut added = Vec::new();
        // Each stored event matches at most one event without id: two identical events of a
        // document stay two, as advising the file reads them.
        let mut used = vec![false; live.len()];
        for event in events {
            let known = match &event.id {
                Some(id) => live.iter().any(|e| e.id.as_ref() == Some(id)),
                None => match (0..used.len())
                    .find(|&i| !used[i] && live[i].at == event.at && live[i].kind == event.kind)
                {
                    Some(i) => {
                        used[i] = true;
                        true
                    }
                    None => false,
                },
            };
            if known {
                continue;
            }
            let id = event.id.clone().unwrap_or_else(fresh_id);
            self.insert_event(key, &id, event)?;
            added.push(id.clone());
            // Later events of the same document are matched against this one too.
            live.push(Event {
                id: Some(id),
                ..event.clone()
            });
        }
        Ok(added)
    }
}

/// The editable fields of a process row, as stored.
#[derive(PartialEq, Eq)]
pub(super) struct Fields {
    company: String,
    role: String,
    timezone: String,
    contacts: String,
    holidays: String,
    url: Option<String>,
    location: Option<String>,
    salary: Option<String>,
    notes: Option<String>,
}

/// The columns of [`Fields`], in order, as both `processes` and `process_edits` name them.
const FIELDS: &str = "company, role, timezone, contacts, holidays, url, location, salary, notes";

impl Fields {
    fn of(process: &Process) -> Fields {
        Fields {
            company: process.company.clone(),
            role: process.role.clone(),
            timezone: process.timezone_name.clone(),
            contacts: encode_contacts(&process.contacts),
            holidays: encode_holidays(&process.holidays),
            url: process.details.url.clone(),
            location: process.details.location.clone(),
            salary: process.details.salary.clone(),
            notes: process.details.notes.clone(),
        }
    }

    fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Fields> {
        Ok(Fields {
            company: r.get(0)?,
            role: r.get(1)?,
            timezone: r.get(2)?,
            contacts: r.get(3)?,
            holidays: r.get(4)?,
            url: r.get(5)?,
            location: r.get(6)?,
            salary: r.get(7)?,
            notes: r.get(8)?,
        })
    }

    /// The fields of the process row `key`.
    pub(super) fn read(conn: &Connection, key: i64) -> rusqlite::Result<Fields> {
        conn.prepare_cached(&format!("SELECT {FIELDS} FROM processes WHERE key = ?1"))?
            .query_row([key], Fields::from_row)
    }

    /// The fields kept in the journal row `seq`.
    pub(super) fn read_journal(conn: &Connection, seq: i64) -> rusqlite::Result<Fields> {
        conn.prepare_cached(&format!(
            "SELECT {FIELDS} FROM process_edits WHERE seq = ?1"
        ))?
        .query_row([seq], Fields::from_row)
    }

    fn values(&self) -> [&dyn rusqlite::types::ToSql; 9] {
        [
            &self.company,
            &self.role,
            &self.timezone,
            &self.contacts,
            &self.holidays,
            &self.url,
            &self.location,
            &self.salary,
            &self.notes,
        ]
    }

    /// Writes these fields into the process row `key`.
    pub(super) fn write(&self, conn: &Connection, key: i64) -> rusqlite::Result<()> {
        let mut stmt = conn.prepare_cached(
            "UPDATE processes SET company = ?1, role = ?2, timezone = ?3, contacts = ?4,
                 holidays = ?5, url = ?6, location = ?7, salary = ?8, notes = ?9
             WHERE key = ?10",
        )?;
        let mut values = self.values().to_vec();
        values.push(&key);
        stmt.execute(values.as_slice())?;
        Ok(())
    }

    /// Writes these fields into the journal row `seq`.
    pub(super) fn write_journal(&self, conn: &Connection, seq: i64) -> rusqlite::Result<()> {
        let mut stmt = conn.prepare_cached(
            "UPDATE process_edits SET company = ?1, role = ?2, timezone = ?3, contacts = ?4,
                 holidays = ?5, url = ?6, location = ?7, salary = ?8, notes = ?9
             WHERE seq = ?10",
        )?;
        let mut values = self.values().to_vec();
        values.push(&seq);
        stmt.execute(values.as_slice())?;
        Ok(())
    }

    /// Keeps these (former) fields of process `key` in the journal of change `change`.
    fn journal(&self, conn: &Connection, change: i64, key: i64) -> rusqlite::Result<()> {
        let mut stmt = conn.prepare_cached(&format!(
            "INSERT INTO process_edits (change, process, {FIELDS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
        ))?;
        let mut values: Vec<&dyn rusqlite::types::ToSql> = vec![&change, &key];
        values.extend(self.values());
        stmt.execute(values.as_slice())?;
        Ok(())
    }
}
