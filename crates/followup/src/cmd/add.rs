//! `followup add`: starts tracking a process and prints its handle.

use std::io::Write;
use std::process::ExitCode;

use followup_app::NewProcess;
use serde_json::json;

use super::{Context, Run};
use crate::cli::AddArgs;
use crate::error::UserError;

impl Run for AddArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let new = NewProcess {
            company: self.company.clone(),
            role: self.role.clone(),
            contacts: self.contacts.clone(),
            zone: self.timezone.clone(),
            url: self.url.clone(),
            location: self.location.clone(),
            salary: self.salary.clone(),
            applied: self.applied.clone(),
            again: self.again,
        };
        let added = app.add_process(&new).map_err(UserError::from)?;
        let process = &added.process;
        let (company, role, timezone_name) =
            (&process.company, &process.role, &process.timezone_name);
        let applied_on = process.events.first().map(|e| {
            followup_core::time::spell_date(process.local_date(e.at), process.local_date(e.at))
        });
        let details = process.details.clone();
        let outcome = &added;
        let mut out = anstream::stdout().lock();
        if self.json {
            let value = json!({
                "handle": outcome.handle,
                "id": outcome.id,
                "company": company,
                "role": role,
                "timezone": timezone_name,
                "url": details.url,
                "location": details.location,
                "salary": details.salary,
                "applied": applied_on,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        } else {
            writeln!(out, "{}", outcome.handle)?;
            writeln!(
                out,
                "Tracking {company} — {role} ({timezone_name}). Next: followup log {} interview --at \"yesterday 15:00\"",
                outcome.handle
            )?;
            let understood: Vec<String> = [
                details.url.as_ref().map(|u| format!("posting {u}")),
                details.location.as_ref().map(|l| format!("in {l}")),
                details.salary.as_ref().map(|s| format!("salary {s}")),
                applied_on.as_ref().map(|d| format!("applied {d}")),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !understood.is_empty() {
                writeln!(out, "Noted: {}.", understood.join("; "))?;
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}
