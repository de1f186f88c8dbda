//! `followup undo`: reverses the last change as a new history entry (nothing is deleted).

use std::io::Write;
use std::process::ExitCode;

use followup_app::db;
use followup_store::Store;
use serde_json::json;

use super::{Context, Run};
use crate::cli::UndoArgs;

impl Run for UndoArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let at = app.change_time()?;
        let undone = app.store()?.undo(at).map_err(db::store_error)?;
        let mut out = anstream::stdout().lock();
        if self.json {
            let value = json!({
                "undone": undone.as_ref().map(|c| json!({
                    "change": c.id,
                    "summary": c.summary,
                    "at": c.at.to_string(),
                })),
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
            return Ok(ExitCode::SUCCESS);
        }
        match undone {
            Some(change) => writeln!(
                out,
                "Undid change {}: {} (made {}). The history keeps both; run undo again to go further back.",
                change.id,
                change.summary,
                change.at.strftime("%Y-%m-%d %H:%M UTC")
            )?,
            None => writeln!(out, "Nothing to undo.")?,
        }
        Ok(ExitCode::SUCCESS)
    }
}
