//! Writing: one change is one `BEGIN IMMEDIATE` transaction ([`Writer`]), and `undo` flags
//! what the latest change wrote instead of deleting it.

use std::path::Path;
use std::sync::LazyLock;

use followup_core::{Contact, Event, Process};
use jiff::Timestamp;
use jiff::tz::TimeZoneDatabase;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::event_row::{self, EventColumns};
use super::{Failure, decode_contacts, encode_contacts, encode_holidays, parse_instant};
use crate::change::{ChangeInfo, Op, ProcessOutcome};
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
            Op::AddContact { handle, contact } => self.add_contact(handle, contact),
            Op::SetMessageId {
                handle,
                event_id,
                message_id,
            } => self.set_message_id(handle, event_id, message_id),
            Op::MailSeen { message_id, handle } => self.mail_seen(message_id, handle.as_deref()),
        };
        let outcome = outcome.map_err(|e| e.at(self.path))?;
        let edits = matches!(
            op,
            Op::AddContact { .. } | Op::SetMessageId { .. } | Op::MailSeen { .. }
        );
        self.wrote |= edits || outcome.process.created || !outcome.event_ids.is_empty();
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

    /// The key and id of the visible process `handle`; an unknown handle names the closest.
    fn visible(&self, handle: &str) -> Result<(i64, String), Failure> {
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

    fn touched(id: String, handle: &str) -> OpOutcome {
        OpOutcome {
            process: ProcessOutcome {
                id,
                handle: handle.to_owned(),
                created: false,
                events_added: 0,
            },
            event_ids: Vec::new(),
        }
    }

    /// Records the value a change overwrites, for undo.
    fn keep_before(
        &self,
        process: Option<i64>,
        event: Option<i64>,
        column: &str,
        before: Option<String>,
    ) -> rusqlite::Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO edits (change, process, event, column_name, before)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![self.change_id, process, event, column, before])?;
        Ok(())
    }

    fn add_contact(&mut self, handle: &str, contact: &Contact) -> Result<OpOutcome, Failure> {
        let (key, id) = self.visible(handle)?;
        let json: String = self
            .tx
            .prepare_cached("SELECT contacts FROM processes WHERE key = ?1")?
            .query_row([key], |r| r.get(0))?;
        let mut contacts = decode_contacts(&json)?;
        contacts.push(contact.clone());
        self.keep_before(Some(key), None, "contacts", Some(json))?;
        self.tx
            .prepare_cached("UPDATE processes SET contacts = ?1 WHERE key = ?2")?
            .execute(params![encode_contacts(&contacts), key])?;
        Ok(Self::touched(id, handle))
    }

    fn set_message_id(
        &mut self,
        handle: &str,
        event_id: &str,
        message_id: &str,
    ) -> Result<OpOutcome, Failure> {
        let (key, id) = self.visible(handle)?;
        let found = self
            .tx
            .prepare_cached(
                "SELECT seq, message_id FROM events
                 WHERE process = ?1 AND id = ?2 AND undone_by IS NULL",
            )?
            .query_row(params![key, event_id], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))
            })
            .optional()?;
        let Some((seq, before)) = found else {
            return Err(StoreError::Data(format!("{handle} has no event {event_id}")).into());
        };
        self.keep_before(None, Some(seq), "message_id", before)?;
        self.tx
            .prepare_cached("UPDATE events SET message_id = ?1 WHERE seq = ?2")?
            .execute(params![message_id, seq])?;
        Ok(Self::touched(id, handle))
    }

    fn mail_seen(&mut self, message_id: &str, handle: Option<&str>) -> Result<OpOutcome, Failure> {
        let (key, id) = match handle {
            Some(handle) => {
                let (key, id) = self.visible(handle)?;
                (Some(key), id)
            }
            None => (None, String::new()),
        };
        self.tx
            .prepare_cached(
                "INSERT INTO mail_seen (message_id, process, change) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![message_id, key, self.change_id])?;
        Ok(Self::touched(id, handle.unwrap_or_default()))
    }

    fn add_event(&mut self, handle: &str, event: &Event) -> Result<OpOutcome, Failure> {
        let (key, id) = self.visible(handle)?;
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
    /// field) for events without one. A process created by this op lacks them all.
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
        for event in events {
            let known = match &event.id {
                Some(id) => live.iter().any(|e| e.id.as_ref() == Some(id)),
                None => live
                    .iter()
                    .any(|e| e.at == event.at && e.kind == event.kind),
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

/// Puts back what `change` overwrote, latest edit first.
fn restore_edits(tx: &Transaction<'_>, change: i64) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "SELECT process, event, column_name, before FROM edits WHERE change = ?1 ORDER BY seq DESC",
    )?;
    let edits = stmt
        .query_map([change], |r| {
            Ok((
                r.get::<_, Option<i64>>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for (process, event, column, before) in edits {
        match (process, event, column.as_str()) {
            (Some(key), _, "contacts") => {
                tx.execute(
                    "UPDATE processes SET contacts = ?1 WHERE key = ?2",
                    params![before, key],
                )?;
            }
            (_, Some(seq), "message_id") => {
                tx.execute(
                    "UPDATE events SET message_id = ?1 WHERE seq = ?2",
                    params![before, seq],
                )?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// Reverses the latest change that is neither an undo nor already undone (see
/// [`crate::Store::undo`]).
pub(super) fn undo(
    conn: &mut Connection,
    path: &Path,
    at: Timestamp,
) -> Result<Option<ChangeInfo>, StoreError> {
    let mut run = || -> Result<Option<ChangeInfo>, Failure> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
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
            .optional()?;
        let Some((target, target_at, summary)) = target else {
            return Ok(None);
        };
        tx.execute(
            "INSERT INTO changes (at, summary, undoes) VALUES (?1, ?2, ?3)",
            params![at.to_string(), format!("undo: {summary}"), target],
        )?;
        let undo_id = tx.last_insert_rowid();
        tx.execute(
            "UPDATE changes SET undone_by = ?1 WHERE id = ?2",
            params![undo_id, target],
        )?;
        tx.execute(
            "UPDATE events SET undone_by = ?1 WHERE change = ?2 AND undone_by IS NULL",
            params![undo_id, target],
        )?;
        tx.execute(
            "UPDATE processes SET hidden_by = ?1 WHERE created_by = ?2 AND hidden_by IS NULL",
            params![undo_id, target],
        )?;
        tx.execute(
            "UPDATE mail_seen SET undone_by = ?1 WHERE change = ?2 AND undone_by IS NULL",
            params![undo_id, target],
        )?;
        restore_edits(&tx, target)?;
        tx.commit()?;
        Ok(Some(ChangeInfo {
            id: target,
            at: parse_instant(&target_at)?,
            summary,
            undoes: None,
            undone_by: Some(undo_id),
        }))
    };
    run().map_err(|e| e.at(path))
}
