//! Correcting the record: `followup edit`, `rm`, `redo`, `note` and `purge`. Each echoes what it
//! changed in one line; the work is `followup_app::correct`'s.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use followup_app::correct::{self, EventPatch, FieldChange, ProcessEdit};
use serde_json::json;

use super::log::print_recorded;
use super::{Context, Run};
use crate::cli::{EditArgs, EventOptions, NoteArgs, PurgeArgs, RedoArgs, RmArgs};
use crate::describe;
use crate::error::UserError;

impl Run for EditArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let handle = self.handle.as_str();
        let mut out = anstream::stdout().lock();
        let Some(reference) = &self.event else {
            if let Some(name) = event_option(&self.event_options) {
                return Err(UserError::new(
                    format!(
                        "{name} changes an event: name it (followup edit {handle} '#3' {name} ...)"
                    ),
                    format!("followup show {handle} numbers the events"),
                )
                .into());
            }
            let edit = ProcessEdit {
                company: self.company,
                role: self.role,
                url: self.url,
                location: self.location,
                salary: self.salary,
                tz: self.timezone,
            };
            if [
                &edit.company,
                &edit.role,
                &edit.url,
                &edit.location,
                &edit.salary,
                &edit.tz,
            ]
            .iter()
            .all(|o| o.is_none())
            {
                return Err(UserError::new(
                    "nothing to change: give --company, --role, --url, --location, --salary or --tz",
                    format!("to change an event, name it: followup edit {handle} '#3' --at ..."),
                )
                .into());
            }
            let edited = app.edit_process(handle, edit)?;
            if self.json {
                let value = json!({ "handle": handle, "changes": changes_json(&edited.changes) });
                writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
            } else if edited.changes.is_empty() {
                writeln!(out, "{handle} already reads so: nothing changed.")?;
            } else {
                writeln!(
                    out,
                    "edited {handle}: {}",
                    correct::diff::line(&edited.changes)
                )?;
            }
            return Ok(ExitCode::SUCCESS);
        };
        let process_only = [
            ("--company", self.company.is_some()),
            ("--role", self.role.is_some()),
            ("--location", self.location.is_some()),
            ("--salary", self.salary.is_some()),
            ("--tz", self.timezone.is_some()),
        ];
        if let Some((name, _)) = process_only.iter().find(|(_, given)| *given) {
            return Err(UserError::new(
                format!("{name} is a field of the process, not of an event"),
                format!("followup edit {handle} {name} ... (without EVENT)"),
            )
            .into());
        }
        let patch = patch_of(self.event_options, self.url);
        let (found, changes) = app.edit_event(handle, reference, patch)?;
        if self.json {
            let value = json!({
                "handle": handle,
                "event": found.number,
                "id": found.event.id,
                "changes": changes_json(&changes),
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        } else if changes.is_empty() {
            writeln!(
                out,
                "{handle} #{} already reads so: nothing changed.",
                found.number
            )?;
        } else {
            writeln!(
                out,
                "edited {handle} #{}: {}",
                found.number,
                correct::diff::line(&changes)
            )?;
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// The first event option given, by name, if any.
fn event_option(o: &EventOptions) -> Option<&'static str> {
    patch_of(o.clone(), None).given().first().copied()
}

fn patch_of(o: EventOptions, url: Option<String>) -> EventPatch {
    EventPatch {
        at: o.at,
        on: o.on,
        rapport: o.rapport,
        reinforce_interest: o.reinforce_interest,
        stage: o.stage,
        topics: o.topics,
        with: o.with,
        by: o.by,
        note: o.note,
        kind: o.kind,
        subject: o.subject,
        body: o.body,
        file: o.file,
        to: o.to,
        asks: o.asks,
        respond_by: o.respond_by,
        from: o.from,
        url,
        source: o.source,
        deadline: o.deadline,
        until: o.until,
        reason: o.reason,
        real: o.real,
        outcome: o.outcome,
        text: o.text,
        message_id: o.message_id,
    }
}

fn changes_json(changes: &[FieldChange]) -> serde_json::Value {
    changes
        .iter()
        .map(|c| json!({ "field": c.field, "before": c.before, "after": c.after }))
        .collect()
}

impl Run for RmArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let handle = self.handle.as_str();
        let mut out = anstream::stdout().lock();
        if let Some(reference) = &self.event {
            let removed = app.remove_event(handle, reference)?;
            let now = app.now_for(&removed.process)?;
            let today = removed.process.local_date(now);
            let event = &removed.removed;
            if self.json {
                let value = json!({
                    "handle": handle,
                    "removed": event.number,
                    "event": describe::event_json(&event.event, &removed.process),
                });
                writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
            } else {
                writeln!(
                    out,
                    "removed {handle} #{}: {}. followup undo brings it back.",
                    event.number,
                    describe::event_line(&event.event, &removed.process, today)
                )?;
            }
            return Ok(ExitCode::SUCCESS);
        }
        let process = app.process(handle)?;
        let what = format!(
            "({} — {}, {})",
            process.company,
            process.role,
            plural(process.events.len(), "event")
        );
        let what = followup_core::process::limits::escape_line(&what).into_owned();
        if !confirm(
            &format!("Remove {handle} {what}? followup undo brings it back."),
            &format!("rm {handle} removes the whole process {what}: not confirmed"),
            self.yes,
            &format!("followup rm {handle} --yes"),
        )? {
            writeln!(out, "Nothing removed.")?;
            return Ok(ExitCode::SUCCESS);
        }
        app.remove_process(handle)?;
        if self.json {
            let value = json!({ "handle": handle, "removed": "process" });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        } else {
            writeln!(
                out,
                "removed {handle} {what}. followup undo brings it back; followup purge erases it for good."
            )?;
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// Asks `question` on the terminal (yes: go on). Without a terminal, `--yes` is needed:
/// exit 2 with `refused` and the command that confirms (`with_yes`).
fn confirm(question: &str, refused: &str, yes: bool, with_yes: &str) -> Result<bool, UserError> {
    if yes {
        return Ok(true);
    }
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(UserError::new(
            format!("{refused} (not on a terminal, and no --yes)"),
            format!("to confirm, run {with_yes}"),
        ));
    }
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "{question} [y/N] ");
    let _ = stderr.flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| UserError::new(format!("cannot read the answer: {e}"), "answer y or n"))?;
    Ok(matches!(
        answer.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}

impl Run for RedoArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let redone = app.redo()?;
        let mut out = anstream::stdout().lock();
        if self.json {
            let value = json!({
                "redone": redone.as_ref().map(|c| json!({
                    "change": c.id,
                    "summary": c.summary,
                    "at": c.at.to_string(),
                })),
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
            return Ok(ExitCode::SUCCESS);
        }
        match redone {
            Some(change) => writeln!(
                out,
                "Redid change {}: {} (made {}). Run redo again for the next one; undo reverses it.",
                change.id,
                change.summary,
                change.at.strftime("%Y-%m-%d %H:%M UTC")
            )?,
            None => writeln!(
                out,
                "Nothing to redo (redo re-applies what undo reversed, until a new change is made)."
            )?,
        }
        Ok(ExitCode::SUCCESS)
    }
}

impl Run for NoteArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let (recorded, now) = app.note(&self.handle, &self.text, self.at.at.as_deref())?;
        print_recorded(&self.handle, &recorded, now, self.json)
    }
}

impl Run for PurgeArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let mut app = ctx.app(self.now.now.as_deref())?;
        let would = app.purgeable()?;
        let mut out = anstream::stdout().lock();
        if would.is_empty() {
            if self.json {
                writeln!(out, "{}", json!({ "purged": null }))?;
            } else {
                writeln!(
                    out,
                    "Nothing to purge: nothing removed, replaced or undone is kept."
                )?;
            }
            return Ok(ExitCode::SUCCESS);
        }
        let what = format!(
            "{}, {} and {}",
            plural(would.events, "event"),
            plural(would.processes, "process"),
            plural(would.edits, "former version of process fields"),
        );
        if !confirm(
            &format!("Erase {what} for good, with the history (undo will not go back past this)?"),
            &format!("purge erases {what} for good: not confirmed"),
            self.yes,
            "followup purge --yes",
        )? {
            writeln!(out, "Nothing erased.")?;
            return Ok(ExitCode::SUCCESS);
        }
        let purged = app.purge()?;
        if self.json {
            let value = json!({
                "purged": {
                    "events": purged.events,
                    "processes": purged.processes,
                    "edits": purged.edits,
                    "changes": purged.changes,
                }
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        } else {
            writeln!(
                out,
                "Erased for good: {}, {}, {} and {}; the file was compacted.",
                plural(purged.events, "event"),
                plural(purged.processes, "process"),
                plural(purged.edits, "former version"),
                plural(purged.changes, "history entry"),
            )?;
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// `1 event`, `2 events`, `1 history entry`, `2 history entries`.
fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        return format!("1 {one}");
    }
    let many = if let Some(stem) = one.strip_suffix("entry") {
        format!("{stem}entries")
    } else if one.ends_with("process") {
        format!("{one}es")
    } else if let Some((head, tail)) = one.split_once(" of ") {
        format!("{head}s of {tail}")
    } else {
        format!("{one}s")
    };
    format!("{n} {many}")
}
