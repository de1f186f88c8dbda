//! Correcting and completing the record (issue 12): edit a process's fields or one event,
//! remove an event or a whole process, add, edit and remove contacts, write notes, redo and
//! purge. Every change is one store change, so `undo` reverses it and `redo` re-applies it.
//!
//! - [`reference`]: which event `#3` or an id names (one resolver for every command).
//! - [`patch`]: an event's new version from the options `log` takes for its type.
//! - [`contacts`]: who `WHO` names, and the contact list after a change.
//! - [`diff`]: what changed, field by field, for the one-line echo.

pub mod contacts;
pub mod diff;
pub mod patch;
pub mod reference;

use followup_core::process::limits;
use followup_core::{Contact, EventKind, Process};
use followup_store::{Change, ChangeInfo, Op, Purged, Store};

use crate::error::UserError;
use crate::{App, db, input};

pub use contacts::ContactEdit;
pub use diff::FieldChange;
pub use patch::EventPatch;
pub use reference::Numbered;

/// New values for a process's own fields (`followup edit HANDLE --company ...`); `None` keeps
/// a field, an empty `url`, `location` or `salary` clears it.
#[derive(Clone, Debug, Default)]
pub struct ProcessEdit {
    /// `--company`.
    pub company: Option<String>,
    /// `--role`.
    pub role: Option<String>,
    /// `--url`.
    pub url: Option<String>,
    /// `--location`.
    pub location: Option<String>,
    /// `--salary`.
    pub salary: Option<String>,
    /// `--tz`: an IANA zone; every event keeps its instant.
    pub tz: Option<String>,
}

/// What an edit did: the fields that changed (empty: nothing to change).
#[derive(Clone, Debug)]
pub struct Edited {
    /// The process after the change.
    pub process: Process,
    /// Each field changed, in order.
    pub changes: Vec<FieldChange>,
}

/// What a removal removed.
#[derive(Clone, Debug)]
pub struct Removed<T> {
    /// The process (before the removal).
    pub process: Process,
    /// What was removed.
    pub removed: T,
}

impl App {
    /// Replaces the fields `edit` names in the process `handle`, as one change.
    pub fn edit_process(&mut self, handle: &str, edit: ProcessEdit) -> Result<Edited, UserError> {
        let before = self.process(handle)?;
        let mut after = before.clone();
        if let Some(company) = edit.company {
            after.company = required("--company", &company)?;
            limits::check_line("--company", &after.company, limits::MAX_NAME)?;
        }
        if let Some(role) = edit.role {
            after.role = required("--role", &role)?;
            limits::check_line("--role", &after.role, limits::MAX_NAME)?;
        }
        for (field, value, slot, max) in [
            ("--url", edit.url, &mut after.details.url, limits::MAX_BODY),
            (
                "--location",
                edit.location,
                &mut after.details.location,
                limits::MAX_NAME,
            ),
            (
                "--salary",
                edit.salary,
                &mut after.details.salary,
                limits::MAX_NAME,
            ),
        ] {
            if let Some(value) = value {
                let value = value.trim().to_owned();
                if !value.is_empty() {
                    limits::check_line(field, &value, max)?;
                }
                *slot = (!value.is_empty()).then_some(value);
            }
        }
        if let Some(name) = edit.tz {
            let name = name.trim().to_owned();
            after.timezone = input::zones().get(&name).map_err(|_| {
                UserError::new(
                    format!("--tz: unknown time zone {name:?}"),
                    "use an IANA name like \"Europe/Lisbon\" or \"America/Sao_Paulo\"",
                )
            })?;
            after.timezone_name = name;
        }
        let changes = diff::process(&before, &after);
        self.update_process(handle, &after, &changes, format!("edit {handle}"))
    }

    /// Writes `after` over the process `handle` when `changes` is not empty.
    fn update_process(
        &mut self,
        handle: &str,
        after: &Process,
        changes: &[FieldChange],
        summary: String,
    ) -> Result<Edited, UserError> {
        if !changes.is_empty() {
            let op = Op::UpdateProcess {
                handle: handle.to_owned(),
                process: after.clone(),
            };
            self.apply_one(summary, op)?;
        }
        Ok(Edited {
            process: self.process(handle)?,
            changes: changes.to_vec(),
        })
    }

    /// Replaces the event `reference` names in the process `handle` by `patch` applied to it,
    /// as one change. Returns the event's number and id with what changed.
    pub fn edit_event(
        &mut self,
        handle: &str,
        reference: &str,
        patch: EventPatch,
    ) -> Result<(Numbered, Vec<FieldChange>), UserError> {
        let process = self.process(handle)?;
        let found = reference::resolve(&process, handle, reference)?;
        let now = self.now_for(&process)?;
        let new = patch.apply(&found.event, now, &process, self.config.date_order())?;
        limits::check_event("--", &new)?;
        let changes = diff::event(&found.event, &new, &process, now);
        if !changes.is_empty() {
            let op = Op::UpdateEvent {
                handle: handle.to_owned(),
                event: new,
            };
            self.apply_one(format!("edit {handle} #{}", found.number), op)?;
        }
        Ok((found, changes))
    }

    /// Removes the event `reference` names from the process `handle`.
    pub fn remove_event(
        &mut self,
        handle: &str,
        reference: &str,
    ) -> Result<Removed<Numbered>, UserError> {
        let process = self.process(handle)?;
        let found = reference::resolve(&process, handle, reference)?;
        let id = found.event.id.clone().unwrap_or_default();
        let op = Op::RemoveEvent {
            handle: handle.to_owned(),
            id,
        };
        self.apply_one(format!("rm {handle} #{}", found.number), op)?;
        Ok(Removed {
            process,
            removed: found,
        })
    }

    /// Removes the whole process `handle` (undo brings it back; purge erases it).
    pub fn remove_process(&mut self, handle: &str) -> Result<Process, UserError> {
        let process = self.process(handle)?;
        let op = Op::RemoveProcess {
            handle: handle.to_owned(),
        };
        self.apply_one(format!("rm {handle}"), op)?;
        Ok(process)
    }

    /// Adds `contact` to the process `handle`: first with `main`, else last.
    pub fn add_contact(
        &mut self,
        handle: &str,
        contact: Contact,
        main: bool,
    ) -> Result<Edited, UserError> {
        let before = self.process(handle)?;
        limits::check_contact("contact ", &contact)?;
        let after = contacts::added(&before, handle, contact, main)?;
        let changes = diff::process(&before, &after);
        self.update_process(handle, &after, &changes, format!("contact add {handle}"))
    }

    /// Changes the contact `who` names (email or name) in the process `handle`.
    pub fn edit_contact(
        &mut self,
        handle: &str,
        who: &str,
        edit: ContactEdit,
    ) -> Result<Edited, UserError> {
        let before = self.process(handle)?;
        let after = contacts::edited(&before, handle, who, edit)?;
        for contact in &after.contacts {
            limits::check_contact("contact ", contact)?;
        }
        let changes = diff::process(&before, &after);
        self.update_process(handle, &after, &changes, format!("contact edit {handle}"))
    }

    /// Removes the contact `who` names from the process `handle`.
    pub fn remove_contact(
        &mut self,
        handle: &str,
        who: &str,
    ) -> Result<Removed<Contact>, UserError> {
        let before = self.process(handle)?;
        let (after, removed) = contacts::removed(&before, handle, who)?;
        let changes = diff::process(&before, &after);
        self.update_process(handle, &after, &changes, format!("contact rm {handle}"))?;
        Ok(Removed {
            process: before,
            removed,
        })
    }

    /// Records a `note` event (free text, never read by the advice) at `at` (default now).
    pub fn note(
        &mut self,
        handle: &str,
        text: &str,
        at: Option<&str>,
    ) -> Result<(crate::Recorded, jiff::Timestamp), UserError> {
        if input::is_blank(text) {
            return Err(UserError::new(
                "TEXT: the note is empty",
                "followup note acme-backend \"Ana said the team is growing\"",
            ));
        }
        let kind = EventKind::Note {
            text: text.to_owned(),
        };
        self.record_at(handle, at, format!("note {handle}"), kind)
    }

    /// Re-applies what the latest undo reversed (see [`Store::redo`]).
    pub fn redo(&mut self) -> Result<Option<ChangeInfo>, UserError> {
        let at = self.change_time()?;
        self.store()?.redo(at).map_err(db::store_error)
    }

    /// What [`App::purge`] would erase.
    pub fn purgeable(&mut self) -> Result<Purged, UserError> {
        self.store()?.purgeable().map_err(db::store_error)
    }

    /// Erases removed, replaced and undone data and the history for good (see
    /// [`Store::purge`]).
    pub fn purge(&mut self) -> Result<Purged, UserError> {
        let at = self.change_time()?;
        self.store()?.purge(at).map_err(db::store_error)
    }

    fn apply_one(&mut self, summary: String, op: Op) -> Result<(), UserError> {
        let change = Change {
            at: self.change_time()?,
            summary,
            ops: vec![op],
        };
        self.store()?.apply(&change).map_err(db::store_error)?;
        Ok(())
    }
}

/// `text` trimmed, refused when empty.
fn required(field: &str, text: &str) -> Result<String, UserError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(UserError::new(
            format!("{field}: must not be empty"),
            "give the new value, like --role \"Staff Engineer\"",
        ));
    }
    Ok(trimmed.to_owned())
}
