//! The light load behind [`Store::processes_for_advice`] and [`Store::each_for_advice`]: every
//! visible process with what the advisor reads, for `next` and `list` over thousands of
//! processes.
//!
//! One scan of the process rows, without contacts: each row carries its live timeline in the
//! `advice_timeline` column ([`super::advice_timeline`]), so no event row and no JSON payload
//! is read. A process whose column is stale (NULL) or does not decode is read from the events
//! table instead, in the same read transaction, so the result never depends on the cache.
//!
//! [`Store::processes_for_advice`]: crate::Store::processes_for_advice
//! [`Store::each_for_advice`]: crate::Store::each_for_advice

use std::collections::HashMap;

use followup_core::{Process, TimezoneSource};
use rusqlite::types::ValueRef;

use super::SqliteStore;
use super::advice_timeline::{decode, read_events};
use crate::codec::decode_holidays;
use crate::error::StoreError;

impl SqliteStore {
    /// Calls `each` with every visible process, in the order they were added (see the module
    /// docs).
    pub(super) fn load_for_advice(&self, each: &mut dyn FnMut(Process)) -> Result<(), StoreError> {
        // One snapshot for the rows and any fallback reads of the events table.
        let tx = self.conn.unchecked_transaction().map_err(|e| self.err(e))?;
        let mut stmt = tx
            .prepare_cached(
                "SELECT key, id, handle, company, role, timezone, holidays, advice_timeline
                 FROM processes WHERE hidden_by IS NULL ORDER BY key",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        let mut zones = HashMap::new();
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let read = |r: &rusqlite::Row<'_>| -> rusqlite::Result<_> {
                let events = match r.get_ref(7)? {
                    ValueRef::Blob(bytes) => decode(bytes),
                    _ => None,
                };
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    decode_holidays(r.get_ref(6)?.as_str()?),
                    events,
                ))
            };
            let (key, id, handle, company, role, tz, holidays, events) =
                read(r).map_err(|e| self.err(e))?;
            let events = match events {
                Some(events) => events,
                None => read_events(&tx, key).map_err(|e| e.at(&self.path))?,
            };
            let timezone = self.zone(&tz, &mut zones)?;
            each(Process {
                id: Some(id),
                handle: Some(handle),
                company,
                role,
                timezone_name: tz,
                timezone_source: TimezoneSource::Document,
                timezone,
                contacts: Vec::new(),
                holidays: holidays?,
                details: Default::default(),
                events,
            });
        }
        Ok(())
    }
}
