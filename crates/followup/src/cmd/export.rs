//! `followup export`: every process as a JSON array of process documents (lossless, with ids),
//! or with `--csv` a flat log (date, company, role, contact, event, outcome) to prove a job
//! search to an unemployment office.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use followup_app::db;

use super::{Context, Run};
use crate::cli::ExportArgs;
use crate::replace::replace_file;

impl Run for ExportArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        // A damaged row never holds the rest hostage: every readable process is exported,
        // each unreadable row is named, and the exit code says something was left out.
        let salvaged = ctx
            .app(None)?
            .reader()?
            .processes_salvaged()
            .map_err(db::store_error)?;
        let processes = salvaged.processes;
        let text = if self.csv {
            followup_app::export::csv(&processes)
        } else {
            followup_app::export::json(&processes)?
        };
        match self.out.as_deref().filter(|path| *path != Path::new("-")) {
            Some(path) => {
                // A temp file beside the target, renamed over it: a failed export never leaves
                // half a file where the last good one was (see `replace`).
                replace_file(path, text.as_bytes())?;
                let what = if self.csv { "CSV log" } else { "export" };
                eprintln!(
                    "Wrote the {what} of {} processes to {}",
                    processes.len(),
                    path.display()
                );
            }
            None => anstream::stdout().lock().write_all(text.as_bytes())?,
        }
        if salvaged.bad_rows.is_empty() {
            return Ok(ExitCode::SUCCESS);
        }
        let mut stderr = anstream::stderr().lock();
        for row in &salvaged.bad_rows {
            writeln!(stderr, "error: cannot read {row}")?;
        }
        writeln!(
            stderr,
            "hint: {} damaged row(s) named above were left out; everything else is in the \
             export: keep it, and report the damage",
            salvaged.bad_rows.len()
        )?;
        Ok(ExitCode::from(crate::error::EXIT_USAGE))
    }
}
