//! The light load behind [`Store::processes_for_advice`]: every visible process with what the
//! advisor reads, for `next` and `list` over thousands of processes.
//!
//! Two scans, both in storage order: the process rows (without contacts), then the live events
//! in write order (`seq`, the table's own order, so SQLite walks the table once instead of an
//! index plus a lookup per row). Only the five event columns the advisor needs are read, and
//! payloads are parsed for the advisor's fields only, skipping bodies and notes uncopied.
//! Rows arrive grouped by process (a process's events are mostly written together), so each
//! run of rows is gathered in one scratch vector and moved into its process at the exact size;
//! a process whose events were written out of time order, or in several runs, is sorted
//! afterwards, by time with ties in write order, like [`Store::processes`].
//!
//! [`Store::processes_for_advice`]: crate::Store::processes_for_advice
//! [`Store::processes`]: crate::Store::processes

use std::collections::HashMap;

use followup_core::{Event, Process, TimezoneSource};

use super::SqliteStore;
use crate::codec::{decode_event_for_advice, decode_holidays, join_instant};
use crate::error::StoreError;

impl SqliteStore {
    /// See the module docs.
    pub(super) fn load_for_advice(&self) -> Result<Vec<Process>, StoreError> {
        let (keys, mut processes) = self.process_rows_for_advice()?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT process, at_s, at_ns, type, data FROM events
                 WHERE undone_by IS NULL ORDER BY seq",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        let mut run: Vec<Event> = Vec::new();
        let mut run_key = None;
        // Moves the gathered run into its process (dropped if the process is hidden).
        let mut flush = |key: Option<i64>, run: &mut Vec<Event>| {
            let Some(i) = key.and_then(|k| keys.binary_search(&k).ok()) else {
                run.clear();
                return;
            };
            let events = &mut processes[i].events;
            if events.is_empty() {
                // Exactly sized, and the scratch keeps its capacity for the next run.
                events.reserve_exact(run.len());
            }
            events.append(run);
        };
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            // Type and payload are read straight from SQLite's buffers: no copy per row.
            let read = |r: &rusqlite::Row<'_>| -> rusqlite::Result<_> {
                let kind =
                    decode_event_for_advice(r.get_ref(3)?.as_str()?, r.get_ref(4)?.as_str()?);
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i32>(2)?,
                    kind,
                ))
            };
            let (key, at_s, at_ns, kind) = read(r).map_err(|e| self.err(e))?;
            if run_key != Some(key) {
                flush(run_key, &mut run);
                run_key = Some(key);
            }
            run.push(Event {
                id: None,
                at: join_instant(at_s, at_ns)?,
                kind: kind?,
            });
        }
        flush(run_key, &mut run);
        for process in &mut processes {
            if !process.events.is_sorted_by_key(|e| e.at) {
                // Stable: events at the same instant keep their write order.
                process.events.sort_by_key(|e| e.at);
            }
        }
        Ok(processes)
    }

    /// The visible processes without events or contacts, with their keys (ascending).
    fn process_rows_for_advice(&self) -> Result<(Vec<i64>, Vec<Process>), StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT key, id, handle, company, role, timezone, holidays FROM processes
                 WHERE hidden_by IS NULL ORDER BY key",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        let mut zones = HashMap::new();
        let mut keys = Vec::new();
        let mut processes = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let read = |r: &rusqlite::Row<'_>| -> rusqlite::Result<_> {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    decode_holidays(r.get_ref(6)?.as_str()?),
                ))
            };
            let (key, id, handle, company, role, tz, holidays) =
                read(r).map_err(|e| self.err(e))?;
            let timezone = self.zone(&tz, &mut zones)?;
            keys.push(key);
            processes.push(Process {
                id: Some(id),
                handle: Some(handle),
                company,
                role,
                timezone_name: tz,
                timezone_source: TimezoneSource::Document,
                timezone,
                contacts: Vec::new(),
                holidays: holidays?,
                events: Vec::new(),
            });
        }
        Ok((keys, processes))
    }
}
