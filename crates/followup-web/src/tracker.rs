//! [`Tracker`]: the pages' [`Backend`] over the application layer — the same store,
//! configuration, agenda and checks as the command line. `followup serve` builds one over the
//! user's database (or the demo's); router tests build one over a store in memory.

use std::sync::{Mutex, MutexGuard, PoisonError};

use followup_app::adding::parse_contact;
use followup_app::overview::{last_contact, stage};
use followup_app::templates::LoadedTemplates;
use followup_app::{App, Clock, FieldError, LogEntry, NewProcess, UserError, db};
use followup_core::draft::{DraftError, DraftRequest, compose};
use followup_review::Reviewer;
use followup_store::ChangeInfo;
use followup_store::{Store, StoreError};

use crate::backend::{
    Agenda, AgendaItem, Backend, BackendError, Checked, Composed, DraftChoice, EventPatch,
    FormError, Imported, Listed, Preview, ProcessView, ReviewRequest, Section, SectionKind,
    SentMessage, Undone,
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
        // The application layer decides each advice's section, for `next` and here alike; the
        // sections in display order, the agenda's order within each.
        let mut sections: Vec<Section> = SectionKind::ALL
            .iter()
            .map(|&kind| Section {
                kind,
                items: Vec::new(),
            })
            .collect();
        for (section, items) in agenda.sections() {
            let kind = section_kind(section);
            let Some(section) = sections.iter_mut().find(|s| s.kind == kind) else {
                continue;
            };
            section.items.extend(items.iter().map(|item| AgendaItem {
                handle: item.handle().to_owned(),
                company: item.process.company.clone(),
                role: item.process.role.clone(),
                advice: item.advice.clone(),
            }));
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
        let (advice, _) = app.advise_tracked(&mut process, now).map_err(failed)?;
        Ok(ProcessView {
            process,
            timeline,
            advice,
            now,
        })
    }

    fn stats(&self) -> Result<followup_core::stats::Stats, BackendError> {
        self.app().stats().map_err(failed)
    }

    fn compose(&self, handle: &str, choice: &DraftChoice) -> Result<Composed, BackendError> {
        let mut app = self.app();
        let templates = LoadedTemplates::of(&app.config).map_err(failed)?;
        known(&mut app, handle)?;
        let mut process = app.process(handle).map_err(failed)?;
        let now = app.now_for(&process).map_err(failed)?;
        // What the other processes bring (an offer elsewhere) is part of this one's advice.
        let (advice, outside) = app.advise_tracked(&mut process, now).map_err(failed)?;
        outside.add_to(&mut process);
        let request = DraftRequest {
            kind: choice.kind,
            tone: choice.tone,
            variant: choice.variant.max(1),
            topic: None,
            from: app.config.name().map(str::to_owned),
        };
        let draft =
            compose(&process, &advice, &request, templates.get(), now).map_err(|err| match err {
                DraftError::NothingToDraft => {
                    "Nothing to send now: pick a kind to draft one anyway.".to_owned()
                }
                other => format!("{}.", capitalised(&other.to_string())),
            });
        Ok(Composed {
            process,
            advice,
            draft,
        })
    }

    fn review(&self, request: &ReviewRequest) -> Result<Checked, BackendError> {
        let context = match &request.handle {
            Some(handle) => {
                let mut app = self.app();
                known(&mut app, handle)?;
                let (_, context) = app
                    .review_context(handle, Some(request.kind))
                    .map_err(failed)?;
                Some(context)
            }
            None => None,
        };
        let reviewer = Reviewer::new();
        let review = reviewer.review(&request.text, request.kind, context.as_ref());
        let fixed = request.fix.then(|| {
            reviewer
                .fix(&request.text, request.kind, context.as_ref())
                .text
        });
        Ok(Checked { review, fixed })
    }

    fn mark_sent(&self, handle: &str, message: &SentMessage) -> Result<(), BackendError> {
        let mut app = self.app();
        known(&mut app, handle)?;
        // The same path as `followup log HANDLE sent` and the log form: limits, a withdrawal
        // closing the process, the close-once rule.
        let entry = LogEntry::Sent {
            kind: message.kind.as_str().to_owned(),
            body: Some(message.body.clone()),
            subject: message.subject.clone().filter(|s| !s.trim().is_empty()),
            to: message.to.clone(),
            at: None,
        };
        app.log_entry(handle, &entry)
            .map_err(|err| failed(err.error))?;
        Ok(())
    }

    fn calendar(&self) -> Result<String, BackendError> {
        self.app().calendar().map_err(failed)
    }

    fn feed_token_matches(&self, token: &str) -> Result<bool, BackendError> {
        self.app().feed_token_matches(token).map_err(failed)
    }

    fn export(&self, csv: bool) -> Result<String, BackendError> {
        let mut app = self.app();
        let processes = app
            .reader()
            .map_err(failed)?
            .processes()
            .map_err(|e| failed(db::store_error(e)))?;
        if csv {
            Ok(followup_app::export::csv(&processes))
        } else {
            followup_app::export::json(&processes).map_err(failed)
        }
    }

    fn import(&self, export: &str, dry_run: bool) -> Result<Imported, BackendError> {
        self.app()
            .import_from(export.as_bytes(), "the uploaded file", dry_run)
            .map_err(failed)
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

/// "nothing to draft" → "Nothing to draft".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The web page's section for the agenda's.
fn section_kind(section: followup_app::Section) -> SectionKind {
    match section {
        followup_app::Section::YourMove => SectionKind::YourMove,
        followup_app::Section::ActNow => SectionKind::ActNow,
        followup_app::Section::ComingUp => SectionKind::ComingUp,
        followup_app::Section::Waiting => SectionKind::Waiting,
        followup_app::Section::MoveOn => SectionKind::MoveOn,
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
