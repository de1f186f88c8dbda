//! Correcting the record from the process page: edit or delete an event, add or remove a
//! contact, redo what undo reversed. The application layer (`followup_app::correct`) checks
//! every change as it checks `followup edit`, `rm` and `contact`; a refused edit shows the
//! page again (200) with that event's form open, as typed, the error beside the field.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use followup_core::{Event, EventKind, Process};
use followup_store::TimelineEntry;
use maud::{Markup, html};
use percent_encoding::utf8_percent_encode;

use super::forms::{Field, Problem, Values, csrf};
use super::layout::{Chrome, Nav, page as layout};
use super::record::{Draft, EntryField, Kind};
use super::{SEGMENT, backend_error, process_href, user};
use crate::Web;
use crate::backend::{EventPatch, FormError};

/// The form of an entry kind that edits an event of this type; `None` for types the page
/// does not edit (notes: delete and log again).
fn kind_of(event: &Event) -> Option<&'static Kind> {
    let name = match &event.kind {
        EventKind::Interview(_) => "interview",
        EventKind::Promise { .. } => "promise",
        EventKind::Sent { .. } => "sent",
        EventKind::Reply { .. } => "reply",
        EventKind::Offer { .. } => "offer",
        EventKind::Away { .. } => "away",
        EventKind::Applied { .. } => "applied",
        EventKind::ContextChange { .. } => "change",
        EventKind::Closed { .. } => "close",
        EventKind::Reopened { .. } => "reopen",
        EventKind::Note { .. } => return None,
    };
    Kind::named(name)
}

/// The fields an edit shows: the entry's, less the ones that make another event (a reply's
/// promise) or say the same as `at` (a booked interview's `on`).
fn edit_fields(kind: &Kind) -> impl Iterator<Item = &EntryField> {
    kind.fields
        .iter()
        .filter(|f| f.name != "on" && !(kind.name == "reply" && f.name == "promise"))
}

/// The command line's option for a form field, as edit errors name it.
fn option_of(name: &str) -> String {
    match name {
        "reinforce" => "--reinforce-interest".to_owned(),
        "topics" => "--topic".to_owned(),
        other => format!("--{}", other.replace('_', "-")),
    }
}

/// An event's fields as its edit form shows them: dates written out in full, so they read the
/// same when posted back.
fn values_of(event: &Event, process: &Process) -> Values {
    let local = event.at.to_zoned_datetime(process.timezone.clone());
    let mut v: Vec<(&str, String)> = vec![("at", local.strftime("%Y-%m-%d %H:%M").to_string())];
    let opt = |text: &Option<String>| text.clone().unwrap_or_default();
    let date = |date: &Option<jiff::civil::Date>| date.map(|d| d.to_string()).unwrap_or_default();
    match &event.kind {
        EventKind::Interview(i) => {
            v.push(("rapport", i.rapport.as_str().to_owned()));
            let reinforce = if i.reinforce_interest { "yes" } else { "" };
            v.push(("reinforce", reinforce.to_owned()));
            v.push(("stage", opt(&i.stage)));
            v.push(("topics", i.topics.join(", ")));
            v.push(("with", i.with.join(", ")));
        }
        EventKind::Promise { by, note } => {
            v.push(("by", by.to_string()));
            v.push(("note", opt(note)));
        }
        EventKind::Sent {
            kind,
            subject,
            body,
            to,
            ..
        } => {
            v.push(("kind", kind.as_str().to_owned()));
            v.push(("subject", opt(subject)));
            v.push(("to", to.join(", ")));
            v.push(("body", opt(body)));
        }
        EventKind::Reply {
            body,
            from,
            asks,
            respond_by,
            ..
        } => {
            v.push(("from", opt(from)));
            v.push(("asks", asks.as_str().to_owned()));
            v.push(("respond_by", date(respond_by)));
            v.push(("body", opt(body)));
        }
        EventKind::Offer { deadline, note, .. } => {
            v.push(("deadline", date(deadline)));
            v.push(("note", opt(note)));
        }
        EventKind::Away { until, .. } => v.push(("until", until.to_string())),
        EventKind::Applied { url, source, note } => {
            v.push(("url", opt(url)));
            v.push(("source", opt(source)));
            v.push(("note", opt(note)));
        }
        EventKind::ContextChange {
            reason,
            real,
            deadline,
            note,
        } => {
            v.push(("reason", reason.as_str().to_owned()));
            v.push(("real", if *real { "yes" } else { "" }.to_owned()));
            v.push(("deadline", date(deadline)));
            v.push(("note", opt(note)));
        }
        EventKind::Closed { outcome, note } => {
            v.push(("outcome", outcome.as_str().to_owned()));
            v.push(("note", opt(note)));
        }
        EventKind::Reopened { note } => v.push(("note", opt(note))),
        EventKind::Note { text } => v.push(("text", text.clone())),
    }
    Values(v.into_iter().map(|(n, t)| (n.to_owned(), t)).collect())
}

/// The patch the posted edit form describes: every field it shows, an empty text clearing an
/// optional one, an empty date keeping the old one.
fn patch_of(kind: &Kind, v: &Values) -> EventPatch {
    let mut patch = EventPatch::default();
    let has = |name: &str| edit_fields(kind).any(|f| f.name == name);
    let text = |name: &str| has(name).then(|| v.get(name).to_owned());
    let kept = |name: &str| v.line(name).filter(|_| has(name));
    let list = |name: &str| has(name).then(|| v.items(name));
    let check = |name: &str| has(name).then(|| v.checked(name));
    patch.at = kept("at");
    patch.rapport = kept("rapport");
    patch.reinforce_interest = check("reinforce");
    patch.stage = text("stage");
    patch.topics = list("topics");
    patch.with = list("with");
    patch.by = kept("by");
    patch.note = text("note");
    patch.kind = kept("kind");
    patch.subject = text("subject");
    patch.body = text("body");
    patch.to = list("to");
    patch.asks = kept("asks");
    patch.respond_by = text("respond_by");
    patch.from = text("from");
    patch.url = text("url");
    patch.source = text("source");
    patch.deadline = text("deadline");
    patch.until = kept("until");
    patch.reason = kept("reason");
    patch.real = check("real");
    patch.outcome = kept("outcome");
    patch
}

/// The address of an event's edit form.
fn event_href(handle_href: &str, id: &str) -> String {
    format!("{handle_href}/events/{}", utf8_percent_encode(id, SEGMENT))
}

/// Under an event of the timeline: its edit form and its delete button, folded.
pub fn tools(
    number: usize,
    entry: &TimelineEntry,
    process: &Process,
    href: &str,
    chrome: &Chrome,
    draft: Option<&Draft>,
) -> Markup {
    let event = &entry.event;
    let Some(id) = event.id.as_deref().filter(|_| !entry.undone) else {
        return html! {};
    };
    let action = event_href(href, id);
    let mine = draft.filter(|d| d.event.as_deref() == Some(id));
    let stored = values_of(event, process);
    let values = mine.map_or(&stored, |d| d.values);
    let problems: &[Problem] = mine.map_or(&[], |d| &d.problems);
    html! {
        details.tools #{ "event-" (number) } open[mine.is_some()] {
            summary { "Edit or delete" span.visually-hidden { " this event" } }
            @if let Some(kind) = kind_of(event) {
                form.form method="post" action=(action) {
                    (csrf(chrome))
                    (super::forms::summary(problems))
                    @for field in edit_fields(kind) {
                        @let id = format!("edit-{number}-{}", field.name);
                        @let problem = problems.iter().find(|p| p.id.as_deref() == Some(id.as_str()));
                        @let shown = Field {
                            id: &id,
                            name: field.name,
                            label: field.label,
                            hint: field.hint,
                            control: field.control,
                            required: field.required,
                        };
                        (shown.render(values.get(field.name), problem))
                    }
                    button.button type="submit" { "Save the changes" }
                }
            }
            form.delete method="post" action={ (action) "/delete" } {
                (csrf(chrome))
                button.button.danger type="submit" { "Delete this event" }
                " " span.hint { "Undo brings it back." }
            }
        }
    }
}

/// `POST /p/{handle}/events/{id}`: saves an edit.
pub async fn edit(
    chrome: Chrome,
    State(web): State<Web>,
    Path((handle, id)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let values = Values(fields);
    let view = {
        let handle = handle.clone();
        web.backend(move |b| b.process(&handle)).await
    };
    let view = match view {
        Ok(view) => view,
        Err(err) => return backend_error(&chrome, err),
    };
    // The event's place in the timeline, as `tools` numbers its fields.
    let Some((number, kind)) = view
        .timeline
        .iter()
        .enumerate()
        .find(|(_, e)| !e.undone && e.event.id.as_deref() == Some(id.as_str()))
        .and_then(|(i, e)| Some((i, kind_of(&e.event)?)))
    else {
        return gone(&chrome, &handle);
    };
    let patch = patch_of(kind, &values);
    let (asked, event) = (handle.clone(), id.clone());
    match web
        .backend(move |b| b.edit_event(&asked, &event, patch))
        .await
    {
        Ok(()) => done(&handle, "edited"),
        Err(FormError::Field {
            field,
            message,
            hint,
        }) => {
            let found = edit_fields(kind).find(|f| option_of(f.name) == field);
            let problem = Problem {
                id: found.map(|f| format!("edit-{number}-{}", f.name)),
                label: found.map_or("", |f| f.label).to_owned(),
                message,
                hint,
            };
            let draft = Draft {
                kind,
                values: &values,
                problems: vec![problem],
                event: Some(id),
            };
            super::process::with_draft(&chrome, &web, handle, draft).await
        }
        Err(FormError::Backend(err)) => backend_error(&chrome, err),
    }
}

/// `POST /p/{handle}/events/{id}/delete`.
pub async fn delete(
    chrome: Chrome,
    State(web): State<Web>,
    Path((handle, id)): Path<(String, String)>,
) -> Response {
    let asked = handle.clone();
    match web.backend(move |b| b.remove_event(&asked, &id)).await {
        Ok(()) => done(&handle, "deleted"),
        Err(FormError::Field { .. }) => gone(&chrome, &handle),
        Err(FormError::Backend(err)) => backend_error(&chrome, err),
    }
}

/// `POST /p/{handle}/contacts`: adds a contact.
pub async fn add_contact(
    chrome: Chrome,
    State(web): State<Web>,
    Path(handle): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let values = Values(fields);
    let contact = values.get("contact").to_owned();
    let main = values.checked("main");
    let asked = handle.clone();
    match web
        .backend(move |b| b.add_contact(&asked, &contact, main))
        .await
    {
        Ok(()) => done(&handle, "contact-added"),
        Err(FormError::Field { message, hint, .. }) => {
            let problem = Problem {
                id: Some("contact-new".to_owned()),
                label: "Contact".to_owned(),
                message,
                hint,
            };
            let draft = Draft {
                kind: contact_kind(),
                values: &values,
                problems: vec![problem],
                event: None,
            };
            super::process::with_draft(&chrome, &web, handle, draft).await
        }
        Err(FormError::Backend(err)) => backend_error(&chrome, err),
    }
}

/// `POST /p/{handle}/contacts/remove`: removes the contact `who` names.
pub async fn remove_contact(
    chrome: Chrome,
    State(web): State<Web>,
    Path(handle): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let who = Values(fields).get("who").to_owned();
    let asked = handle.clone();
    match web.backend(move |b| b.remove_contact(&asked, &who)).await {
        Ok(()) => done(&handle, "contact-removed"),
        Err(FormError::Field { .. }) => gone(&chrome, &handle),
        Err(FormError::Backend(err)) => backend_error(&chrome, err),
    }
}

/// The pseudo-kind a contact draft is filed under (its form is not an entry's).
fn contact_kind() -> &'static Kind {
    static CONTACT: Kind = Kind {
        name: "contact",
        title: "A contact",
        action: "Add the contact",
        done: "the contact is added",
        fields: &[],
    };
    &CONTACT
}

/// Whether a draft is the contact form's.
pub fn is_contact(draft: &Draft) -> bool {
    draft.kind.name == "contact"
}

/// The contact forms: remove each, add one.
pub fn contacts(process: &Process, href: &str, chrome: &Chrome, draft: Option<&Draft>) -> Markup {
    let mine = draft.filter(|d| is_contact(d));
    let problem = mine.and_then(|d| d.problems.first());
    let typed = mine.map_or("", |d| d.values.get("contact"));
    html! {
        section #contacts-edit .record aria-labelledby="contacts-edit-title" {
            h2 #contacts-edit-title { "Change the contacts" }
            @if !process.contacts.is_empty() {
                ul.contact-tools {
                    @for contact in &process.contacts {
                        @let who = contact.email.clone().unwrap_or_else(|| contact.name.clone());
                        li {
                            form method="post" action={ (href) "/contacts/remove" } {
                                (csrf(chrome))
                                input type="hidden" name="who" value=(who);
                                (user(&contact.name)) " "
                                button.button.secondary type="submit" {
                                    "Remove" span.visually-hidden { " " (contact.name) }
                                }
                            }
                        }
                    }
                }
            }
            details open[mine.is_some()] {
                summary { "Add a contact" }
                form.form method="post" action={ (href) "/contacts" } {
                    (csrf(chrome))
                    @let field = Field {
                        id: "contact-new",
                        name: "contact",
                        label: "Contact",
                        hint: "Ana Souza <ana@acme.example>, a name, or an address",
                        control: super::forms::Control::Line,
                        required: true,
                    };
                    (field.render(typed, problem))
                    @let main = Field {
                        id: "contact-main",
                        name: "main",
                        label: "The main contact (drafts are addressed to them)",
                        hint: "",
                        control: super::forms::Control::Check,
                        required: false,
                    };
                    (main.render(mine.map_or("", |d| d.values.get("main")), None))
                    button.button type="submit" { "Add the contact" }
                }
            }
        }
    }
}

/// `POST /redo`: re-applies what the latest undo reversed.
pub async fn redo(
    chrome: Chrome,
    State(web): State<Web>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let back = super::record::local_path(Values(fields).get("back"));
    match web.backend(|b| b.redo()).await {
        Ok(redone) => {
            let body = html! {
                @match redone {
                    Some(change) => {
                        h1 { "Redone" }
                        p role="status" {
                            "Made change " (change.id) " again: " code { (user(&change.summary)) } "."
                        }
                    }
                    None => {
                        h1 { "Nothing to redo" }
                        p role="status" { "Redo re-applies what undo reversed, until something new is recorded." }
                    }
                }
                p { a href=(back) { "Back" } " · " a href="/" { "The agenda" } }
            };
            layout("Redo", Nav::None, &chrome, body).into_response()
        }
        Err(err) => backend_error(&chrome, err),
    }
}

/// Back to the process page, saying what was done.
fn done(handle: &str, what: &str) -> Response {
    let to = format!("{}?done={what}#timeline", process_href(handle));
    (StatusCode::SEE_OTHER, [(LOCATION, to)]).into_response()
}

/// The event or contact is not there any more (another tab changed it): 404 with a way back.
fn gone(chrome: &Chrome, handle: &str) -> Response {
    let body = html! {
        h1 { "Not found" }
        p { "That event or contact is not on this process any more (it may have been changed in another window)." }
        p { a href=(process_href(handle)) { "Back to the process" } }
    };
    (
        StatusCode::NOT_FOUND,
        layout("Not found", Nav::None, chrome, body),
    )
        .into_response()
}
