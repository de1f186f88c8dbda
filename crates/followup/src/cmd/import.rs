//! `followup import FILE [--dry-run]`: merges an export (or one process document) into the
//! tracker by id, field by field, in one transaction, reading the file as a stream; each
//! change to what was tracked is listed. Importing the same file twice changes nothing.

use std::io::Write;
use std::process::ExitCode;

use serde_json::json;

use super::{Context, Run};
use crate::cli::ImportArgs;

impl Run for ImportArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let shown = if self.file == "-" {
            "<stdin>"
        } else {
            self.file.as_str()
        };
        let imported = app.import_with(&self.file, self.dry_run)?;
        let count = imported.processes;
        let mut out = anstream::stdout().lock();
        if self.json {
            let value = json!({
                "processes": count,
                "created": imported.created,
                "merged": imported.merged,
                "events_added": imported.events_added,
                "change": imported.change,
                "changes": imported.changes,
                "dry_run": self.dry_run,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        } else if self.dry_run {
            for line in &imported.changes {
                writeln!(out, "{line}")?;
            }
            writeln!(
                out,
                "Dry run of {shown}: it would add {} new processes and {} new events, and update {} existing processes; nothing was written.",
                imported.created, imported.events_added, imported.merged
            )?;
        } else if imported.change.is_none() {
            writeln!(
                out,
                "Nothing new: all {count} processes in {shown} are already tracked."
            )?;
        } else {
            for line in &imported.changes {
                writeln!(out, "{line}")?;
            }
            writeln!(
                out,
                "Imported {shown}: {} new processes, {} new events ({} existing processes updated). followup undo reverses it.",
                imported.created, imported.events_added, imported.merged
            )?;
        }
        Ok(ExitCode::SUCCESS)
    }
}
