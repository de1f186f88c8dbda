//! Merging an export (or one process document) into the tracker, by id, in one transaction.
//!
//! The file is streamed: each process document is parsed and merged as the reader reaches it,
//! so memory holds one document at a time, not the file, whatever its size. Any bad document
//! rolls back everything written before it. Importing the same file twice changes nothing.
//!
//! A true merge, field by field (issue 9, item 3): the file wins for every field and event it
//! carries, and each change to what was tracked is listed; nothing absent from the file is
//! deleted. A document without an id is matched by company, role and first interview time, so
//! it is never added twice; two documents with one id, or two events with one id in a
//! document, are refused naming both places. A dry run applies everything inside the
//! transaction and rolls it back.

use std::collections::HashMap;

use std::fmt;
use std::io::{BufReader, Read};

use followup_core::document::parse_value;
use followup_core::document::{UniqueValue, duplicate_path};
use followup_core::{Event, EventKind, Process, ZoneDefault};
use followup_store::{Op, Store, Writer};
use jiff::Timestamp;
use serde::Deserialize as _;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::error::UserError;
use crate::{App, db, input};

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// The processes in the file.
    pub processes: usize,
    /// How many were new.
    pub created: usize,
    /// How many existed and got new events.
    pub merged: usize,
    /// The events written.
    pub events_added: usize,
    /// The history entry, or `None` when everything was already tracked (or a dry run).
    pub change: Option<i64>,
    /// Each change to what was tracked, one line each (`updated acme-backend: role "A" → "B"`).
    pub changes: Vec<String>,
}

/// The hint for a file that is not an export.
const HINT: &str = "import reads what followup export writes: a JSON array of process documents";

impl App {
    /// Imports the export at `source` (`-`: standard input); see the module docs.
    pub fn import(&mut self, source: &str) -> Result<Imported, UserError> {
        self.import_with(source, false)
    }

    /// [`App::import`], or with `dry_run` the changes it would make, writing nothing.
    pub fn import_with(&mut self, source: &str, dry_run: bool) -> Result<Imported, UserError> {
        let shown = if source == "-" { "<stdin>" } else { source };
        let reader: Box<dyn Read> = if source == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(std::fs::File::open(source).map_err(|err| {
                UserError::new(
                    format!("cannot read {source}: {err}"),
                    "check the path and permissions",
                )
            })?)
        };
        self.import_from(reader, shown, dry_run)
    }

    /// [`App::import_with`] over any reader (an uploaded file), named `shown` in messages and
    /// in the history.
    pub fn import_from(
        &mut self,
        reader: impl Read,
        shown: &str,
        dry_run: bool,
    ) -> Result<Imported, UserError> {
        let zone = self.config.zone_default();
        let at = self.change_time()?;
        let known = Known::of(self.store()?.processes().map_err(db::store_error)?);
        let mut writer = self
            .store()?
            .begin(at, &format!("import {shown}"))
            .map_err(db::store_error)?;
        let mut merge = Merge {
            writer: &mut writer,
            zone: &zone,
            shown,
            imported: Imported::default(),
            in_array: false,
            failure: None,
            known,
            seen: HashMap::new(),
            now: at,
        };
        let mut json = serde_json::Deserializer::from_reader(BufReader::new(reader));
        let read = (&mut merge)
            .deserialize(&mut json)
            .and_then(|()| json.end());
        let Merge {
            imported,
            failure,
            in_array,
            ..
        } = merge;
        if let Some(failure) = failure {
            return Err(failure);
        }
        read.map_err(|err| match err.classify() {
            serde_json::error::Category::Io => UserError::new(
                format!("cannot read {shown}: {err}"),
                "check the path and permissions",
            ),
            serde_json::error::Category::Data
                if let Some(path) = duplicate_path(&err.to_string()) =>
            {
                let place = if in_array {
                    format!("[{}].{path}", imported.processes)
                } else {
                    path.to_owned()
                };
                UserError::new(
                    format!(
                        "{shown}: {place}: this key appears twice in one object (line {})",
                        err.line()
                    ),
                    "keep one of the two; JSON readers would silently keep the last",
                )
            }
            serde_json::error::Category::Data => UserError::new(
                format!("{shown}: expected an array of process documents"),
                HINT,
            ),
            _ => UserError::new(
                format!(
                    "{shown}: line {} column {}: not valid JSON",
                    err.line(),
                    err.column()
                ),
                HINT,
            ),
        })?;
        let count = imported.processes;
        if dry_run {
            drop(writer); // Rolls back.
            return Ok(imported);
        }
        writer
            .set_summary(&format!("import {shown} ({count} processes)"))
            .map_err(db::store_error)?;
        let change = writer.finish().map_err(db::store_error)?;
        Ok(Imported { change, ..imported })
    }
}

/// The visitor that merges each document as the JSON reader reaches it.
struct Merge<'w, 'a> {
    writer: &'w mut Writer<'a>,
    zone: &'w ZoneDefault,
    shown: &'w str,
    imported: Imported,
    /// Whether the file is an array (so a document's place is `[i]`).
    in_array: bool,
    /// The failure that stopped the reading (a bad document, the store), reported as is.
    failure: Option<UserError>,
    /// The processes tracked, as this import has left them so far.
    known: Known,
    /// The place of each process id seen in the file (`[3]`), for duplicates.
    seen: HashMap<String, String>,
    /// When the import runs (dates in the change lines are spelled from its day).
    now: Timestamp,
}

/// The tracked processes by id, and the ids by company, role and first interview time.
struct Known {
    by_id: HashMap<String, Process>,
    by_key: HashMap<MatchKey, String>,
}

/// What matches a document without an id to a tracked process.
type MatchKey = (String, String, Option<Timestamp>);

fn match_key(process: &Process) -> MatchKey {
    let first_interview = process
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Interview(_)))
        .map(|e| e.at)
        .min();
    (
        process.company.trim().to_lowercase(),
        process.role.trim().to_lowercase(),
        first_interview,
    )
}

impl Known {
    fn of(processes: Vec<Process>) -> Known {
        let mut known = Known {
            by_id: HashMap::new(),
            by_key: HashMap::new(),
        };
        for process in processes {
            known.insert(process);
        }
        known
    }

    fn insert(&mut self, process: Process) {
        if let Some(id) = process.id.clone() {
            self.by_key.entry(match_key(&process)).or_insert(id.clone());
            self.by_id.insert(id, process);
        }
    }

    /// The tracked process `process` is to merge into: by id, else (no id) by its key.
    fn target(&self, process: &Process) -> Option<&Process> {
        match &process.id {
            Some(id) => self.by_id.get(id),
            None => self
                .by_key
                .get(&match_key(process))
                .and_then(|id| self.by_id.get(id)),
        }
    }
}

/// The top-level fields of the document format the file may carry, beside events.
const FIELDS: &[&str] = &[
    "company", "role", "timezone", "contacts", "holidays", "url", "location", "salary", "notes",
];

impl Merge<'_, '_> {
    /// Parses and merges one document; `index` is its place in the array (`None`: the file is
    /// one document).
    fn merge(&mut self, index: Option<usize>, document: Value) -> Result<(), UserError> {
        let place = index.map(|i| format!("[{i}]")).unwrap_or_default();
        self.check_ids(&place, &document)?;
        let carried: Vec<&str> = FIELDS
            .iter()
            .copied()
            .filter(|f| document.get(f).is_some())
            .collect();
        let process: Process = parse_value(document, input::zones(), self.zone).map_err(|err| {
            let path = match (index, err.path.starts_with('[')) {
                (None, _) => err.path.clone(),
                (Some(i), true) => format!("[{i}]{}", err.path),
                (Some(i), false) if err.path == "document" => format!("[{i}]"),
                (Some(i), false) => format!("[{i}].{}", err.path),
            };
            UserError::new(format!("{}: {path}: {}", self.shown, err.message), HINT)
        })?;
        self.imported.processes += 1;
        let Some(existing) = self.known.target(&process).cloned() else {
            return self.create(process);
        };
        let handle = existing.handle.clone().unwrap_or_default();
        let mut merged = existing.clone();
        for field in carried {
            match field {
                "company" => merged.company = process.company.clone(),
                "role" => merged.role = process.role.clone(),
                "timezone" => {
                    merged.timezone_name = process.timezone_name.clone();
                    merged.timezone = process.timezone.clone();
                }
                "contacts" => merged.contacts = process.contacts.clone(),
                "holidays" => merged.holidays = process.holidays.clone(),
                "url" => merged.details.url = process.details.url.clone(),
                "location" => merged.details.location = process.details.location.clone(),
                "salary" => merged.details.salary = process.details.salary.clone(),
                _ => merged.details.notes = process.details.notes.clone(),
            }
        }
        let fields = crate::correct::diff::process(&existing, &merged);
        if !fields.is_empty() {
            self.apply(Op::UpdateProcess {
                handle: handle.clone(),
                process: merged.clone(),
            })?;
            let line = crate::correct::diff::line(&fields);
            self.imported
                .changes
                .push(format!("updated {handle}: {line}"));
        }
        // Events: by id (the file's version wins), else by time and content, each tracked
        // event matching at most one of the file's (identical events stay distinct).
        let mut used = vec![false; existing.events.len()];
        let mut added = 0;
        let mut updated_events = false;
        for event in &process.events {
            let found = match &event.id {
                Some(id) => existing
                    .events
                    .iter()
                    .position(|e| e.id.as_ref() == Some(id)),
                None => (0..existing.events.len()).find(|&i| {
                    !used[i]
                        && existing.events[i].at == event.at
                        && existing.events[i].kind == event.kind
                }),
            };
            match found {
                Some(i) => {
                    used[i] = true;
                    let old = &existing.events[i];
                    let changes = crate::correct::diff::event(old, event, &merged, self.now);
                    if event.id.is_some() && !changes.is_empty() {
                        self.apply(Op::UpdateEvent {
                            handle: handle.clone(),
                            event: event.clone(),
                        })?;
                        let id = event.id.as_deref().unwrap_or_default();
                        let line = crate::correct::diff::line(&changes);
                        self.imported
                            .changes
                            .push(format!("updated {handle} event {id}: {line}"));
                        merged.events.retain(|e| e.id != event.id);
                        merged.events.push(event.clone());
                        updated_events = true;
                    }
                }
                None => {
                    let outcome = self.apply(Op::AddEvent {
                        handle: handle.clone(),
                        event: event.clone(),
                    })?;
                    merged.events.push(Event {
                        id: outcome.event_ids.first().cloned(),
                        ..event.clone()
                    });
                    added += 1;
                }
            }
        }
        self.imported.events_added += added;
        if added > 0 || updated_events || !fields.is_empty() {
            self.imported.merged += 1;
        }
        merged.sort_events();
        self.known.insert(merged);
        Ok(())
    }

    /// A new process: created as the file has it (a taken handle is numbered).
    fn create(&mut self, process: Process) -> Result<(), UserError> {
        let outcome = self.apply(Op::MergeProcess(process.clone()))?;
        self.imported.events_added += outcome.event_ids.len();
        if outcome.process.created {
            self.imported.created += 1;
        }
        let mut stored = process;
        stored.id = Some(outcome.process.id.clone());
        stored.handle = Some(outcome.process.handle.clone());
        for (event, id) in stored.events.iter_mut().zip(&outcome.event_ids) {
            event.id = Some(id.clone());
        }
        self.known.insert(stored);
        Ok(())
    }

    fn apply(&mut self, op: Op) -> Result<followup_store::OpOutcome, UserError> {
        self.writer.apply(&op).map_err(db::store_error)
    }

    /// Refuses a process id already seen in the file, or an event id twice in one document,
    /// naming both places.
    fn check_ids(&mut self, place: &str, document: &Value) -> Result<(), UserError> {
        let shown = self.shown;
        let twice = |id: &str, here: String, there: &str| {
            UserError::new(
                format!("{shown}: {here}: the id {id:?} is also used at {there}"),
                "each process and each event of a process needs its own id: remove or change one",
            )
        };
        let here_id = if place.is_empty() {
            "id".to_owned()
        } else {
            format!("{place}.id")
        };
        if let Some(id) = document.get("id").and_then(Value::as_str) {
            if let Some(there) = self.seen.get(id) {
                return Err(twice(id, here_id, there));
            }
            self.seen.insert(id.to_owned(), here_id);
        }
        let prefix = if place.is_empty() {
            String::new()
        } else {
            format!("{place}.")
        };
        let mut events: HashMap<&str, String> = HashMap::new();
        let list = document.get("events").and_then(Value::as_array);
        for (i, event) in list.into_iter().flatten().enumerate() {
            if let Some(id) = event.get("id").and_then(Value::as_str) {
                let here = format!("{prefix}events[{i}].id");
                if let Some(there) = events.get(id) {
                    return Err(twice(id, here, there));
                }
                events.insert(id, here);
            }
        }
        Ok(())
    }

    /// Keeps `result`'s failure and stops the reader with a placeholder error.
    fn stop<E: serde::de::Error>(&mut self, result: Result<(), UserError>) -> Result<(), E> {
        result.map_err(|failure| {
            self.failure = Some(failure);
            E::custom("stopped")
        })
    }
}

impl<'de> DeserializeSeed<'de> for &mut Merge<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for &mut Merge<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of process documents")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        self.in_array = true;
        // A key given twice in one document is an error naming its path, never "last wins".
        while let Some(UniqueValue(document)) = seq.next_element::<UniqueValue>()? {
            let merged = self.merge(Some(index), document);
            self.stop(merged)?;
            index += 1;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let UniqueValue(document) =
            UniqueValue::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        let merged = self.merge(None, document);
        self.stop(merged)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use followup_store::{SqliteStore, Store};

    use crate::{App, Clock, Config, input};

    fn app() -> App {
        let store = SqliteStore::in_memory(input::zones().clone()).unwrap();
        App::with_store(
            Config::default(),
            Clock::Given("2026-06-01T12:00:00Z".to_owned()),
            store,
        )
    }

    fn document(company: &str, event_type: &str) -> String {
        let by = if event_type == "promise" {
            r#","by":"2026-05-08""#
        } else {
            ""
        };
        format!(
            r#"{{"id":"{company}","company":"{company}","role":"Dev","timezone":"UTC",
               "events":[{{"type":"{event_type}","at":"2026-05-05T14:00:00Z"{by}}}]}}"#
        )
    }

    fn import(app: &mut App, text: &str) -> Result<super::Imported, crate::UserError> {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("export.json");
        std::fs::write(&file, text).unwrap();
        app.import(file.to_str().unwrap())
    }

    #[test]
    fn an_array_is_merged_document_by_document_and_twice_is_nothing_new() {
        let mut app = app();
        let text = format!(
            "[{}, {}]",
            document("Acme", "interview"),
            document("Globex", "promise")
        );
        let first = import(&mut app, &text).unwrap();
        assert_eq!(
            (first.processes, first.created, first.events_added),
            (2, 2, 2)
        );
        assert!(first.change.is_some());
        let again = import(&mut app, &text).unwrap();
        assert_eq!(
            (again.processes, again.created, again.events_added),
            (2, 0, 0)
        );
        assert_eq!(again.change, None);
        let history = app.store().unwrap().history().unwrap();
        assert_eq!(history.len(), 1);
        assert!(
            history[0].summary.ends_with("(2 processes)"),
            "{}",
            history[0].summary
        );
    }

    #[test]
    fn a_bad_document_names_its_place_and_nothing_is_written() {
        let mut app = app();
        let text = format!(
            "[{}, {}]",
            document("Acme", "interview"),
            document("Globex", "party")
        );
        let err = import(&mut app, &text).unwrap_err();
        assert!(err.message().contains(": [1].events[0]"), "{err}");
        assert!(app.store().unwrap().processes().unwrap().is_empty());
        let err = import(&mut app, "[{}, ").unwrap_err();
        assert!(err.message().contains(": [0]"), "{err}");
        let err = import(&mut app, "42").unwrap_err();
        assert!(
            err.message()
                .ends_with("expected an array of process documents"),
            "{err}"
        );
        let err = import(&mut app, "[] x").unwrap_err();
        assert!(err.message().contains("not valid JSON"), "{err}");
    }

    #[test]
    fn one_document_is_an_import_of_one() {
        let mut app = app();
        let imported = import(&mut app, &document("Solo", "interview")).unwrap();
        assert_eq!((imported.processes, imported.created), (1, 1));
    }
}
