//! [`MemoryStore`]: the store kept in plain vectors, for `--demo` and tests.
//!
//! It mirrors the SQLite tables row for row (changes, processes, events with their undo flags)
//! so both implementations pass the same test suite. A failed change leaves it untouched,
//! because every change is applied to a copy that replaces the original only on success.

use std::collections::HashSet;

use followup_core::{Event, Process, TimezoneSource};
use jiff::Timestamp;
use jiff::tz::TimeZoneDatabase;

use crate::change::{Applied, Change, ChangeInfo, Op, ProcessOutcome, TimelineEntry};
use crate::codec::encode_event;
use crate::error::StoreError;
use crate::handle::{base_handle, closest, unique_handle};
use crate::ids::fresh_id;
use crate::store::Store;

#[derive(Clone, Debug)]
struct ProcessRow {
    /// The process as added (its events live in `events`).
    process: Process,
    id: String,
    handle: String,
    created_by: i64,
    hidden_by: Option<i64>,
}

#[derive(Clone, Debug)]
struct EventRow {
    process: usize,
    event: Event,
    change: i64,
    undone_by: Option<i64>,
}

#[derive(Clone, Debug, Default)]
struct Tables {
    changes: Vec<ChangeInfo>,
    processes: Vec<ProcessRow>,
    events: Vec<EventRow>,
}

/// A store that lives in memory and vanishes with the program.
#[derive(Clone, Debug)]
pub struct MemoryStore {
    tables: Tables,
    zones: TimeZoneDatabase,
}

impl MemoryStore {
    /// An empty store resolving zone names with `zones`.
    pub fn new(zones: TimeZoneDatabase) -> Self {
        MemoryStore {
            tables: Tables::default(),
            zones,
        }
    }
}

impl Tables {
    fn visible(&self, handle: &str) -> Option<usize> {
        self.processes
            .iter()
            .position(|p| p.hidden_by.is_none() && p.handle == handle)
    }

    fn visible_by_id(&self, id: &str) -> Option<usize> {
        self.processes
            .iter()
            .position(|p| p.hidden_by.is_none() && p.id == id)
    }

    fn unknown(&self, handle: &str) -> StoreError {
        let handles = self
            .processes
            .iter()
            .filter(|p| p.hidden_by.is_none())
            .map(|p| p.handle.as_str());
        StoreError::UnknownHandle {
            handle: handle.to_owned(),
            closest: closest(handle, handles),
        }
    }

    fn create(
        &mut self,
        process: &Process,
        change: i64,
        exact_handle: bool,
    ) -> Result<(usize, ProcessOutcome), StoreError> {
        let id = process.id.clone().unwrap_or_else(fresh_id);
        if self.visible_by_id(&id).is_some() {
            return Err(StoreError::DuplicateId { id });
        }
        let handle = match &process.handle {
            Some(h) if exact_handle => {
                if self.visible(h).is_some() {
                    return Err(StoreError::HandleTaken { handle: h.clone() });
                }
                h.clone()
            }
            Some(h) => unique_handle(h, |c| Ok::<_, StoreError>(self.visible(c).is_some()))?,
            None => unique_handle(&base_handle(&process.company, &process.role), |c| {
                Ok::<_, StoreError>(self.visible(c).is_some())
            })?,
        };
        let mut stored = process.clone();
        stored.events.clear();
        stored.id = Some(id.clone());
        stored.handle = Some(handle.clone());
        stored.timezone_source = TimezoneSource::Document;
        self.processes.push(ProcessRow {
            process: stored,
            id: id.clone(),
            handle: handle.clone(),
            created_by: change,
            hidden_by: None,
        });
        let key = self.processes.len() - 1;
        Ok((
            key,
            ProcessOutcome {
                id,
                handle,
                created: true,
                events_added: 0,
            },
        ))
    }

    /// Appends the events of `events` that the process lacks; returns their ids.
    fn add_missing(&mut self, key: usize, events: &[Event], change: i64) -> Vec<String> {
        let live = || {
            self.events
                .iter()
                .filter(move |e| e.process == key && e.undone_by.is_none())
        };
        let mut ids: HashSet<String> = live().filter_map(|e| e.event.id.clone()).collect();
        let mut contents: HashSet<(Timestamp, &'static str, String)> = live()
            .map(|e| {
                let (t, json) = encode_event(&e.event.kind);
                (e.event.at, t, json)
            })
            .collect();
        let mut added = Vec::new();
        for event in events {
            let (t, json) = encode_event(&event.kind);
            let content = (event.at, t, json);
            let new = match &event.id {
                Some(id) => !ids.contains(id),
                None => !contents.contains(&content),
            };
            if !new {
                continue;
            }
            let id = event.id.clone().unwrap_or_else(fresh_id);
            ids.insert(id.clone());
            contents.insert(content);
            self.events.push(EventRow {
                process: key,
                event: Event {
                    id: Some(id.clone()),
                    ..event.clone()
                },
                change,
                undone_by: None,
            });
            added.push(id);
        }
        added
    }

    fn load(&self, key: usize) -> Process {
        let row = &self.processes[key];
        let mut process = row.process.clone();
        process.events = self
            .events
            .iter()
            .filter(|e| e.process == key && e.undone_by.is_none())
            .map(|e| e.event.clone())
            .collect();
        process.sort_events();
        process
    }
}

impl Store for MemoryStore {
    fn apply(&mut self, change: &Change) -> Result<Applied, StoreError> {
        crate::codec::check_storable(&change.ops)?;
        let mut t = self.tables.clone();
        let change_id = t.changes.last().map_or(1, |c| c.id + 1);
        let mut applied = Applied::default();
        for op in &change.ops {
            match op {
                Op::AddProcess(process) | Op::MergeProcess(process) => {
                    self.zones
                        .get(&process.timezone_name)
                        .map_err(|_| StoreError::UnknownZone(process.timezone_name.clone()))?;
                    let merge = matches!(op, Op::MergeProcess(_));
                    let existing = match (&process.id, merge) {
                        (Some(id), true) => t.visible_by_id(id),
                        _ => None,
                    };
                    let (key, mut outcome) = match existing {
                        Some(key) => {
                            let row = &t.processes[key];
                            let outcome = ProcessOutcome {
                                id: row.id.clone(),
                                handle: row.handle.clone(),
                                created: false,
                                events_added: 0,
                            };
                            (key, outcome)
                        }
                        None => t.create(process, change_id, !merge)?,
                    };
                    let ids = t.add_missing(key, &process.events, change_id);
                    outcome.events_added = ids.len();
                    applied.event_ids.extend(ids);
                    applied.processes.push(outcome);
                }
                Op::AddEvent { handle, event } => {
                    let key = t.visible(handle).ok_or_else(|| t.unknown(handle))?;
                    let id = event.id.clone().unwrap_or_else(fresh_id);
                    t.events.push(EventRow {
                        process: key,
                        event: Event {
                            id: Some(id.clone()),
                            ..event.clone()
                        },
                        change: change_id,
                        undone_by: None,
                    });
                    let row = &t.processes[key];
                    applied.processes.push(ProcessOutcome {
                        id: row.id.clone(),
                        handle: row.handle.clone(),
                        created: false,
                        events_added: 1,
                    });
                    applied.event_ids.push(id);
                }
            }
        }
        let wrote = !applied.event_ids.is_empty() || applied.processes.iter().any(|p| p.created);
        if !wrote {
            return Ok(applied);
        }
        t.changes.push(ChangeInfo {
            id: change_id,
            at: change.at,
            summary: change.summary.clone(),
            undoes: None,
            undone_by: None,
        });
        applied.change_id = Some(change_id);
        self.tables = t;
        Ok(applied)
    }

    fn undo(&mut self, at: Timestamp) -> Result<Option<ChangeInfo>, StoreError> {
        let t = &mut self.tables;
        let Some(target) = t
            .changes
            .iter()
            .rev()
            .find(|c| c.undoes.is_none() && c.undone_by.is_none())
            .map(|c| c.id)
        else {
            return Ok(None);
        };
        let undo_id = t.changes.last().map_or(1, |c| c.id + 1);
        let target_summary = t
            .changes
            .iter()
            .find(|c| c.id == target)
            .map(|c| c.summary.clone())
            .unwrap_or_default();
        t.changes.push(ChangeInfo {
            id: undo_id,
            at,
            summary: format!("undo: {target_summary}"),
            undoes: Some(target),
            undone_by: None,
        });
        for e in t.events.iter_mut() {
            if e.change == target && e.undone_by.is_none() {
                e.undone_by = Some(undo_id);
            }
        }
        for p in t.processes.iter_mut() {
            if p.created_by == target && p.hidden_by.is_none() {
                p.hidden_by = Some(undo_id);
            }
        }
        let mut undone = None;
        for c in t.changes.iter_mut() {
            if c.id == target {
                c.undone_by = Some(undo_id);
                undone = Some(c.clone());
            }
        }
        Ok(undone)
    }

    fn processes(&self) -> Result<Vec<Process>, StoreError> {
        let t = &self.tables;
        Ok((0..t.processes.len())
            .filter(|&k| t.processes[k].hidden_by.is_none())
            .map(|k| t.load(k))
            .collect())
    }

    fn process(&self, handle: &str) -> Result<Process, StoreError> {
        let t = &self.tables;
        let key = t.visible(handle).ok_or_else(|| t.unknown(handle))?;
        Ok(t.load(key))
    }

    fn timeline(&self, handle: &str) -> Result<Vec<TimelineEntry>, StoreError> {
        let t = &self.tables;
        let key = t.visible(handle).ok_or_else(|| t.unknown(handle))?;
        let mut entries: Vec<TimelineEntry> = t
            .events
            .iter()
            .filter(|e| e.process == key)
            .map(|e| TimelineEntry {
                event: e.event.clone(),
                change_id: e.change,
                undone: e.undone_by.is_some(),
            })
            .collect();
        entries.sort_by_key(|e| e.event.at);
        Ok(entries)
    }

    fn handles(&self) -> Result<Vec<String>, StoreError> {
        Ok(self
            .tables
            .processes
            .iter()
            .filter(|p| p.hidden_by.is_none())
            .map(|p| p.handle.clone())
            .collect())
    }

    fn history(&self) -> Result<Vec<ChangeInfo>, StoreError> {
        Ok(self.tables.changes.clone())
    }
}
