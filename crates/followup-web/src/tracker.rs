//! [`Tracker`]: the pages' [`Backend`] over the application layer — the same store,
//! configuration, agenda and checks as the command line. `followup serve` builds one over the
//! user's database (or the demo's); router tests build one over a store in memory.

use std::sync::{Mutex, MutexGuard, PoisonError};

use followup_app::adding::parse_contact;
use followup_app::overview::{last_contact, stage};
use followup_app::{App, Clock, FieldError, LogEntry, NewProcess, UserError, db};
use followup_store::ChangeInfo;
use followup_store::{Store, StoreError};

use crate::backend::{
    Agenda, AgendaItem, Backend, BackendError, EventPatch, FormError, Listed, Preview, ProcessView,
    Section, SectionKind, Undone,
};

/// The pages' backend over an [`App`]. Each request reads the clock (or `--now`) afresh, so a
/// server left running overnight advises for the new day.
pub struct Tracker {
    app: Mutex<App>,
    now: Option<String>,
}

impl Tracker {
    /// A backend over `app`; `now` is `--now` as typed (`None`: the clock, read per request).
    pub fn new(app: App, now: Option<String>) -> Self {
        Tracker {
            app: Mutex::new(app),
            now,
        }
    }

    /// The app, its clock read for this request.
    fn app(&self) -> MutexGuard<'_, App> {
        let mut app = self.app.lock().unwrap_or_else(PoisonError::into_inner);
        app.clock = Clock::new(self.now.as_deref());
        app
    }
}

impl Backend for Tracker {
    fn agenda(&self) -> Result<Agenda, BackendError> {
        let agenda = self.app().agenda().map_err(failed)?;
        // The agenda's order within each section, the sections in display order.
        let mut sections: Vec<Section> = SectionKind::ALL
            .iter()
            .map(|&kind| Section {
                kind,
                items: Vec::new(),
            })
            .collect();
        for item in agenda.items {
            let Some(kind) = SectionKind::of(&item.advice.action) else {
                continue;
            };
            let entry = AgendaItem {
                handle: item.handle().to_owned(),
                company: item.process.company,
                role: item.process.role,
                advice: item.advice,
            };
            if let Some(section) = sections.iter_mut().find(|s| s.kind == kind) {
                section.items.push(entry);
            }
        }
        sections.retain(|section| !section.items.is_empty());
        Ok(Agenda {
            tracked: agenda.tracked,
            sections,
        })
    }

    fn process(&self, handle: &str) -> Result<ProcessView, BackendError> {
        let mut app = self.app();
        let store = app.store().map_err(failed)?;
        let (mut process, timeline) = store
            .process(handle)
            .and_then(|process| Ok((process, store.timeline(handle)?)))
            .map_err(store_failed)?;
        let now = app.now_for(&process).map_err(failed)?;
        let advice = app.advise(&mut process, now);
        Ok(ProcessView {
            process,
            timeline,
            advice,
            now,
        })
    }

    fn processes(&self) -> Result<Vec<Listed>, BackendError> {
        let advised = self.app().advise_all().map_err(failed)?;
        Ok(advised
            .into_iter()
            .map(|item| {
                let today = item.advice.today;
                Listed {
                    handle: item.handle().to_owned(),
                    closed: item.is_closed(),
                    stage: stage(&item.process, today),
                    last_contact: last_contact(&item.process, today),
                    company: item.process.company,
                    role: item.process.role,
                    advice: item.advice,
                }
            })
            .collect())
    }

    fn add(&self, new: NewProcess) -> Result<String, FormError> {
        let added = self.app().add_process(&new).map_err(field_failed)?;
        Ok(added.handle)
    }

    fn preview(&self, handle: &str, entry: LogEntry) -> Result<Preview, FormError> {
        let mut app = self.app();
        known(&mut app, handle)?;
        let resolved = app.resolve_entry(handle, &entry).map_err(field_failed)?;
        let today = resolved.process.local_date(resolved.now);
        Ok(Preview {
            process: resolved.process,
            events: resolved.events,
            today,
            now: resolved.now,
        })
    }

    fn log(&self, handle: &str, entry: LogEntry) -> Result<(), FormError> {
        let mut app = self.app();
        known(&mut app, handle)?;
        app.log_entry(handle, &entry).map_err(field_failed)?;
        Ok(())
    }

    fn undo(&self) -> Result<Option<Undone>, BackendError> {
        let mut app = self.app();
        let at = app.change_time().map_err(failed)?;
        let undone = app
            .store()
            .map_err(failed)?
            .undo(at)
            .map_err(|e| failed(db::store_error(e)))?;
        Ok(undone.map(undone_of))
    }

    fn redo(&self) -> Result<Option<Undone>, BackendError> {
        let redone = self.app().redo().map_err(failed)?;
        Ok(redone.map(undone_of))
    }

    fn edit_event(&self, handle: &str, id: &str, patch: EventPatch) -> Result<(), FormError> {
        let mut app = self.app();
        known(&mut app, handle)?;
        app.edit_event(handle, id, patch)?;
        Ok(())
    }

    fn remove_event(&self, handle: &str, id: &str) -> Result<(), FormError> {
        let mut app = self.app();
        known(&mut app, handle)?;
        app.remove_event(handle, id)?;
        Ok(())
    }

    fn add_contact(&self, handle: &str, contact: &str, main: bool) -> Result<(), FormError> {
        let mut app = self.app();
        known(&mut app, handle)?;
        let contact = parse_contact(contact).map_err(|e| FieldError::new("--contact", e))?;
        app.add_contact(handle, contact, main)?;
        Ok(())
    }

    fn remove_contact(&self, handle: &str, who: &str) -> Result<(), FormError> {
        let mut app = self.app();
        known(&mut app, handle)?;
        app.remove_contact(handle, who)?;
        Ok(())
    }
}

fn undone_of(change: ChangeInfo) -> Undone {
    Undone {
        id: change.id,
        summary: change.summary,
        at: change.at,
    }
}

/// Checks the handle names a tracked process, so an unknown one is a 404, not a field error.
fn known(app: &mut App, handle: &str) -> Result<(), BackendError> {
    let store = app.store().map_err(failed)?;
    store.process(handle).map(|_| ()).map_err(store_failed)
}

fn store_failed(err: StoreError) -> BackendError {
    match err {
        StoreError::UnknownHandle { handle, closest } => BackendError::NotFound { handle, closest },
        other => failed(db::store_error(other)),
    }
}

/// A field error, unless it is about no field the user typed (the database, the clock).
fn field_failed(err: FieldError) -> FormError {
    if matches!(err.field, "--db" | "--now" | "HANDLE") {
        FormError::Backend(failed(err.error))
    } else {
        FormError::from(err)
    }
}

fn failed(err: UserError) -> BackendError {
    BackendError::Failed {
        message: err.to_string(),
        hint: err.hint().to_owned(),
    }
}
