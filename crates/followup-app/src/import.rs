//! Merging an export (or one process document) into the tracker, by id, in one transaction.
//!
//! The file is streamed: each process document is parsed and merged as the reader reaches it,
//! so memory holds one document at a time, not the file, whatever its size. Any bad document
//! rolls back everything written before it. Importing the same file twice changes nothing.

use std::fmt;
use std::io::{BufReader, Read};

use followup_core::document::parse_value;
use followup_core::document::{UniqueValue, duplicate_path};
use followup_core::{Process, ZoneDefault};
use followup_store::{Op, Writer};
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
    /// The history entry, or `None` when everything was already tracked.
    pub change: Option<i64>,
}

/// The hint for a file that is not an export.
const HINT: &str = "import reads what followup export writes: a JSON array of process documents";

impl App {
    /// Imports the export at `source` (`-`: standard input); see the module docs.
    pub fn import(&mut self, source: &str) -> Result<Imported, UserError> {
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
        let zone = self.config.zone_default();
        let at = self.change_time()?;
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
}

impl Merge<'_, '_> {
    /// Parses and merges one document; `index` is its place in the array (`None`: the file is
    /// one document).
    fn merge(&mut self, index: Option<usize>, document: Value) -> Result<(), UserError> {
        let process: Process = parse_value(document, input::zones(), self.zone).map_err(|err| {
            let path = match (index, err.path.starts_with('[')) {
                (None, _) => err.path.clone(),
                (Some(i), true) => format!("[{i}]{}", err.path),
                (Some(i), false) if err.path == "document" => format!("[{i}]"),
                (Some(i), false) => format!("[{i}].{}", err.path),
            };
            UserError::new(format!("{}: {path}: {}", self.shown, err.message), HINT)
        })?;
        let outcome = self
            .writer
            .apply(&Op::MergeProcess(process))
            .map_err(db::store_error)?;
        let added = outcome.event_ids.len();
        self.imported.processes += 1;
        self.imported.events_added += added;
        if outcome.process.created {
            self.imported.created += 1;
        } else if added > 0 {
            self.imported.merged += 1;
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
