//! Walking the history: `undo` reverses the latest change, `redo` re-applies what undo reversed,
//! `purge` erases what is hidden for good. Each is one `BEGIN IMMEDIATE` transaction.
//!
//! A change's effect is recorded on the rows themselves: the rows it created name it (`change`
//! for events, `created_by` for processes), the rows it hid name it in `removed_by`, and
//! `process_edits` holds, for each process it edited, the fields not applied now. Undoing hides
//! what it created, shows what it hid and swaps the edited fields back; redoing does the
//! opposite. Undo always takes the latest change still applied and redo the latest one undone
//! since the last new change, so both always land on a state that existed.

use std::path::Path;

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::write::Fields;
use super::{Failure, parse_instant};
use crate::change::{ChangeInfo, Purged};
use crate::error::StoreError;

/// Reverses the latest change that is neither an undo, a redo, a purge nor already undone (see
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
                 WHERE undoes IS NULL AND redoes IS NULL AND purge = 0 AND undone_by IS NULL
                 ORDER BY id DESC LIMIT 1",
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
        // Hide what it created before showing what it hid: a replaced event's two versions
        // share an id, and only one may be visible at a time.
        tx.execute(
            "UPDATE events SET undone_by = ?1 WHERE change = ?2 AND undone_by IS NULL",
            params![undo_id, target],
        )?;
        tx.execute(
            "UPDATE processes SET hidden_by = ?1 WHERE created_by = ?2 AND hidden_by IS NULL",
            params![undo_id, target],
        )?;
        tx.execute(
            "UPDATE events SET undone_by = NULL WHERE removed_by = ?1",
            [target],
        )?;
        tx.execute(
            "UPDATE processes SET hidden_by = NULL WHERE removed_by = ?1",
            [target],
        )?;
        tx.execute(
            "UPDATE mail_seen SET undone_by = ?1 WHERE change = ?2 AND undone_by IS NULL",
            params![undo_id, target],
        )?;
        swap_edits(&tx, target, "DESC")?;
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

/// Re-applies the change the latest undo reversed, if no new change came after that undo (see
/// [`crate::Store::redo`]).
pub(super) fn redo(
    conn: &mut Connection,
    path: &Path,
    at: Timestamp,
) -> Result<Option<ChangeInfo>, StoreError> {
    let mut run = || -> Result<Option<ChangeInfo>, Failure> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // The undo entries after the latest new change (or purge) whose change is still undone
        // by them; the latest is redone first.
        let target = tx
            .query_row(
                "SELECT u.id, c.id, c.at, c.summary FROM changes u JOIN changes c ON c.id = u.undoes
                 WHERE c.undone_by = u.id
                   AND u.id > coalesce(
                       (SELECT max(id) FROM changes WHERE undoes IS NULL AND redoes IS NULL), 0)
                 ORDER BY u.id DESC LIMIT 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                },
            )
            .optional()?;
        let Some((undo_id, target, target_at, summary)) = target else {
            return Ok(None);
        };
        tx.execute(
            "INSERT INTO changes (at, summary, redoes) VALUES (?1, ?2, ?3)",
            params![at.to_string(), format!("redo: {summary}"), target],
        )?;
        tx.execute(
            "UPDATE changes SET undone_by = NULL WHERE id = ?1",
            [target],
        )?;
        // Hide what it hid before showing what it created (see `undo`).
        tx.execute(
            "UPDATE events SET undone_by = ?1 WHERE removed_by = ?1",
            [target],
        )?;
        tx.execute(
            "UPDATE processes SET hidden_by = ?1 WHERE removed_by = ?1",
            [target],
        )?;
        tx.execute(
            "UPDATE events SET undone_by = NULL WHERE change = ?1 AND undone_by = ?2",
            params![target, undo_id],
        )?;
        tx.execute(
            "UPDATE processes SET hidden_by = NULL WHERE created_by = ?1 AND hidden_by = ?2",
            params![target, undo_id],
        )?;
        tx.execute(
            "UPDATE mail_seen SET undone_by = NULL WHERE change = ?1 AND undone_by = ?2",
            params![target, undo_id],
        )?;
        swap_edits(&tx, target, "ASC")?;
        tx.commit()?;
        Ok(Some(ChangeInfo {
            id: target,
            at: parse_instant(&target_at)?,
            summary,
            undoes: None,
            undone_by: None,
        }))
    };
    run().map_err(|e| e.at(path))
}

/// Swaps the fields of each process `change` edited with those kept in its journal, in `order`
/// (`DESC` to undo, `ASC` to redo), so several edits of one process in a change compose.
fn swap_edits(tx: &Transaction<'_>, change: i64, order: &str) -> Result<(), Failure> {
    let edits: Vec<(i64, i64)> = tx
        .prepare(&format!(
            "SELECT seq, process FROM process_edits WHERE change = ?1 ORDER BY seq {order}"
        ))?
        .query_map([change], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (seq, key) in edits {
        let applied = Fields::read(tx, key)?;
        let kept = Fields::read_journal(tx, seq)?;
        kept.write(tx, key)?;
        applied.write_journal(tx, seq)?;
    }
    Ok(())
}

/// How much [`purge`] would erase, read in `conn` (inside its transaction or not).
pub(super) fn purgeable(conn: &Connection) -> rusqlite::Result<Purged> {
    let count = |sql: &str| -> rusqlite::Result<usize> {
        conn.query_row(sql, [], |r| r.get::<_, i64>(0))
            .map(|n| usize::try_from(n).unwrap_or(0))
    };
    Ok(Purged {
        events: count(
            "SELECT count(*) FROM events e JOIN processes p ON p.key = e.process
             WHERE e.undone_by IS NOT NULL OR p.hidden_by IS NOT NULL",
        )?,
        processes: count("SELECT count(*) FROM processes WHERE hidden_by IS NOT NULL")?,
        edits: count("SELECT count(*) FROM process_edits")?,
        changes: count("SELECT count(*) FROM changes")?,
    })
}

/// Erases every hidden row and the history (see [`crate::Store::purge`]), then compacts the
/// file: freed pages are zeroed (`secure_delete`), the file is rebuilt (`VACUUM`) and the
/// write-ahead log is emptied, so erased text survives in neither file.
pub(super) fn purge(
    conn: &mut Connection,
    path: &Path,
    at: Timestamp,
) -> Result<Purged, StoreError> {
    let mut run = || -> Result<Purged, Failure> {
        conn.pragma_update(None, "secure_delete", true)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let purged = purgeable(&tx)?;
        if purged.is_empty() {
            return Ok(Purged::default());
        }
        tx.execute_batch(
            "DELETE FROM events WHERE undone_by IS NOT NULL
                 OR process IN (SELECT key FROM processes WHERE hidden_by IS NOT NULL);
             DELETE FROM process_edits;
             DELETE FROM mail_seen WHERE undone_by IS NOT NULL;
             UPDATE mail_seen SET process = NULL
                 WHERE process IN (SELECT key FROM processes WHERE hidden_by IS NOT NULL);
             DELETE FROM processes WHERE hidden_by IS NOT NULL;",
        )?;
        tx.execute(
            "INSERT INTO changes (at, summary, purge) VALUES (?1, 'purge', 1)",
            [at.to_string()],
        )?;
        let purge_id = tx.last_insert_rowid();
        // What is left was written by changes whose entries go: it now dates from the purge.
        tx.execute(
            "UPDATE events SET change = ?1, removed_by = NULL",
            [purge_id],
        )?;
        tx.execute(
            "UPDATE processes SET created_by = ?1, removed_by = NULL",
            [purge_id],
        )?;
        tx.execute("UPDATE mail_seen SET change = ?1", [purge_id])?;
        tx.execute("DELETE FROM changes WHERE id <> ?1", [purge_id])?;
        tx.commit()?;
        conn.execute_batch("VACUUM")?;
        // Not a database in memory: there is no log to empty.
        if conn.path().is_some_and(|p| !p.is_empty()) {
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(purged)
    };
    run().map_err(|e| e.at(path))
}
