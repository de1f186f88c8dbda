//! `followup import FILE`: merges an export (or one process document) into the tracker by id,
//! in one transaction. Importing the same file twice changes nothing.

use std::io::Write;
use std::process::ExitCode;

use followup_core::document::parse_value;
use followup_store::{Change, Op, Store};
use serde_json::{Value, json};

use super::{Context, Run};
use crate::cli::ImportArgs;
use crate::clock::Clock;
use crate::config::Config;
use crate::error::UserError;
use crate::{input, tracker};

impl Run for ImportArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let config = Config::load_from_env()?;
        let clock = Clock::new(self.now.now.as_deref());
        let shown = if self.file == "-" {
            "<stdin>"
        } else {
            self.file.as_str()
        };
        let hint = "import reads what followup export writes: a JSON array of process documents";
        let text = input::read_text(&self.file)?;
        let value: Value = serde_json::from_str(&text).map_err(|err| {
            UserError::new(
                format!(
                    "{shown}: line {} column {}: not valid JSON",
                    err.line(),
                    err.column()
                ),
                hint,
            )
        })?;
        let (documents, prefix): (Vec<Value>, bool) = match value {
            Value::Array(items) => (items, true),
            Value::Object(_) => (vec![value], false),
            _ => {
                return Err(UserError::new(
                    format!("{shown}: expected an array of process documents"),
                    hint,
                )
                .into());
            }
        };
        let zone = config.zone_default();
        let mut ops = Vec::with_capacity(documents.len());
        for (i, document) in documents.into_iter().enumerate() {
            let process = parse_value(document, input::zones(), &zone).map_err(|err| {
                let path = match (prefix, err.path.starts_with('[')) {
                    (false, _) => err.path.clone(),
                    (true, true) => format!("[{i}]{}", err.path),
                    (true, false) if err.path == "document" => format!("[{i}]"),
                    (true, false) => format!("[{i}].{}", err.path),
                };
                UserError::new(format!("{shown}: {path}: {}", err.message), hint)
            })?;
            ops.push(Op::MergeProcess(process));
        }
        let count = ops.len();
        let mut store = tracker::open(&ctx.db)?;
        let applied = store
            .apply(&Change {
                at: tracker::change_time(&clock)?,
                summary: format!("import {shown} ({count} processes)"),
                ops,
            })
            .map_err(tracker::store_error)?;
        let created = applied.processes.iter().filter(|p| p.created).count();
        let merged = applied
            .processes
            .iter()
            .filter(|p| !p.created && p.events_added > 0)
            .count();
        let events = applied.event_ids.len();
        let mut out = anstream::stdout().lock();
        if self.json {
            let value = json!({
                "processes": count,
                "created": created,
                "merged": merged,
                "events_added": events,
                "change": applied.change_id,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        } else if applied.change_id.is_none() {
            writeln!(
                out,
                "Nothing new: all {count} processes in {shown} are already tracked."
            )?;
        } else {
            writeln!(
                out,
                "Imported {shown}: {created} new processes, {events} new events ({merged} existing processes updated). followup undo reverses it."
            )?;
        }
        Ok(ExitCode::SUCCESS)
    }
}
