//! The process page (`/p/{handle}`): the advice with its reason, the contacts, the timeline
//! with each message's text (folded when long) and notes, and the forms that record what
//! happened ([`super::record`]), close or reopen it, and undo.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use followup_core::time::spell_date;
use followup_core::{Asks, Event, EventKind, Process, Rule, TimezoneSource};
use followup_store::TimelineEntry;
use jiff::Timestamp;
use jiff::civil::Date;
use maud::{Markup, html};

use super::agenda::summary;
use super::forms::Values;
use super::layout::{Chrome, Nav, page as layout};
use super::record::{Draft, KINDS, Kind};
use super::{backend_error, process_href, user};
use crate::Web;
use crate::backend::ProcessView;

/// A message longer than this many characters, or lines, is folded behind a summary.
const FOLD_CHARS: usize = 600;
const FOLD_LINES: usize = 8;

/// The process page's query: which entry was just saved, if any.
#[derive(serde::Deserialize)]
pub struct Saved {
    saved: Option<String>,
    done: Option<String>,
}

/// What a correction's redirect says was done.
fn done_notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "edited" => "the event was changed",
        "deleted" => "the event was deleted (undo brings it back)",
        "contact-added" => "the contact was added",
        "contact-removed" => "the contact was removed",
        _ => return None,
    })
}

/// `GET /p/{handle}`.
pub async fn page(
    chrome: Chrome,
    State(web): State<Web>,
    Path(handle): Path<String>,
    Query(saved): Query<Saved>,
) -> Response {
    let notice = match (
        saved.saved.as_deref().and_then(Kind::named),
        saved.done.as_deref(),
    ) {
        (Some(kind), _) => Some(kind.done.to_owned()),
        (None, Some(done)) => done_notice(done).map(str::to_owned),
        (None, None) => None,
    };
    show(&chrome, &web, handle, None, notice).await
}

/// The page with one form open as typed, its problems beside the fields (200).
pub async fn with_draft(chrome: &Chrome, web: &Web, handle: String, draft: Draft<'_>) -> Response {
    show(chrome, web, handle, Some(draft), None).await
}

async fn show(
    chrome: &Chrome,
    web: &Web,
    handle: String,
    draft: Option<Draft<'_>>,
    notice: Option<String>,
) -> Response {
    let href = process_href(&handle);
    match web.backend(move |b| b.process(&handle)).await {
        Ok(view) => {
            let title = format!("{} — {}", view.process.company, view.process.role);
            let title = match &draft {
                Some(draft) if !draft.problems.is_empty() => format!("Error: {title}"),
                _ => title,
            };
            let tools: Vec<Markup> = view
                .timeline
                .iter()
                .enumerate()
                .map(|(i, entry)| {
                    super::correct::tools(i, entry, &view.process, &href, chrome, draft.as_ref())
                })
                .collect();
            let main = html! {
                (body(&view, notice.as_deref(), &tools))
                (forms(&view, &href, chrome, draft.as_ref()))
            };
            layout(&title, Nav::None, chrome, main).into_response()
        }
        Err(err) => backend_error(chrome, err),
    }
}

/// The forms under the timeline: every entry (the one in `draft` open), close or reopen, undo.
fn forms(view: &ProcessView, href: &str, chrome: &Chrome, draft: Option<&Draft>) -> Markup {
    let closed = view.advice.rule == Rule::Closed;
    let empty = Values::default();
    let form = |kind: &Kind| match draft {
        Some(draft) if draft.event.is_none() && draft.kind.name == kind.name => {
            kind.form(href, chrome, draft.values, &draft.problems)
        }
        _ => kind.form(href, chrome, &empty, &[]),
    };
    let open = |kind: &Kind| draft.is_some_and(|d| d.event.is_none() && d.kind.name == kind.name);
    let status = if closed { "reopen" } else { "close" };
    html! {
        section #record .record aria-labelledby="record-title" {
            h2 #record-title { "Record what happened" }
            p.hint {
                "Type dates as you would say them: yesterday 15:00, friday, by friday, in 2 weeks, 2026-05-20. "
                "Times are in the process's zone (" (view.process.timezone_name) "). "
                "You see the date understood before anything is saved."
            }
            @for kind in KINDS.iter().filter(|k| !matches!(k.name, "close" | "reopen")) {
                details #{ "form-" (kind.name) } open[open(kind)] {
                    summary { (kind.title) }
                    (form(kind))
                }
            }
        }
        @if let Some(kind) = Kind::named(status) {
            section #status .record aria-labelledby="status-title" {
                h2 #status-title { @if closed { "Reopen" } @else { "Close" } }
                details #{ "form-" (kind.name) } open[open(kind)] {
                    summary { (kind.title) }
                    (form(kind))
                }
            }
        }
        (super::correct::contacts(&view.process, href, chrome, draft))
        section #history .record aria-labelledby="history-title" {
            h2 #history-title { "Undo and redo" }
            div.actions {
                form method="post" action="/undo" {
                    (super::forms::csrf(chrome))
                    input type="hidden" name="back" value=(href);
                    button.button.secondary type="submit" { "Undo the last change" }
                }
                form method="post" action="/redo" {
                    (super::forms::csrf(chrome))
                    input type="hidden" name="back" value=(href);
                    button.button.secondary type="submit" { "Redo" }
                }
            }
            p.hint { "Undo reverses the latest change anywhere in the tracker, as followup undo does; redo makes it again until something new is recorded. The history keeps every step." }
        }
    }
}

fn body(view: &ProcessView, notice: Option<&str>, tools: &[Markup]) -> Markup {
    let process = &view.process;
    let advice = &view.advice;
    let today = advice.today;
    html! {
        @if let Some(notice) = notice {
            p.saved role="status" { strong { "Saved: " } (notice) "." }
        }
        h1 { (user(&process.company)) " — " (user(&process.role)) }
        p.meta {
            @if let Some(handle) = &process.handle { "Handle " code { (user(handle)) } " · " }
            "Zone " (process.timezone_name)
            @if process.timezone_source != TimezoneSource::Document { " (default)" }
        }
        @let details = &process.details;
        @if !details.is_empty() {
            ul.facts {
                @if let Some(location) = &details.location { li { "Location: " (user(location)) } }
                @if let Some(salary) = &details.salary { li { "Salary: " (user(salary)) } }
                @if let Some(url) = &details.url { li { "Posting: " (user(url)) } }
                @if let Some(notes) = &details.notes { li.note { (user(notes)) } }
            }
        }
        section #advice .advice aria-labelledby="advice-title" {
            h2 #advice-title { "What to do now" }
            p.advice-action { (summary(advice)) }
            p { (advice.reason()) }
            p.rule { "Rule: " code { (advice.rule.id()) } }
            @if let Some(handle) = &process.handle {
                @if matches!(advice.action, followup_core::Action::Act { .. }) {
                    p { a.button href={ (super::process_href(handle)) "/compose" } { "Write it" } }
                } @else {
                    p { a href={ (super::process_href(handle)) "/compose" } { "Write a message anyway" } }
                }
            }
        }
        @if !process.contacts.is_empty() {
            section aria-labelledby="contacts-title" {
                h2 #contacts-title { "Contacts" }
                ul.contacts {
                    @for contact in &process.contacts {
                        li {
                            (user(&contact.name))
                            @if let Some(title) = &contact.title { ", " (user(title)) }
                            @if let Some(email) = &contact.email { " " span.email { "<" (user(email)) ">" } }
                        }
                    }
                }
            }
        }
        section #timeline aria-labelledby="timeline-title" {
            h2 #timeline-title { "Timeline" }
            @if view.timeline.is_empty() {
                p.empty { "No events yet." }
            } @else {
                ol.timeline {
                    @for (entry, tools) in view.timeline.iter().zip(tools) {
                        (event(entry, process, view.now, today, tools))
                    }
                }
            }
        }
    }
}

fn event(
    entry: &TimelineEntry,
    process: &Process,
    now: Timestamp,
    today: Date,
    tools: &Markup,
) -> Markup {
    let event = &entry.event;
    let spell = |date| spell_date(date, today);
    let state = if entry.undone {
        Some("undone")
    } else if event.at > now {
        Some("planned")
    } else {
        None
    };
    html! {
        li.event.undone[entry.undone] {
            p.event-head {
                strong { (heading(event, &spell)) }
                " · " (instant(event.at, process, today))
                @if let Some(state) = state { " " span.tag { (state) } }
            }
            @match &event.kind {
                EventKind::Interview(interview) => {
                    p.details {
                        "Rapport: " (interview.rapport)
                        @if interview.reinforce_interest { " · reinforce interest" }
                        @if let Some(stage) = &interview.stage { " · stage: " (user(stage)) }
                    }
                    @if !interview.topics.is_empty() {
                        p.details { "Topics: " (list(&interview.topics)) }
                    }
                    @if !interview.with.is_empty() {
                        p.details { "With: " (list(&interview.with)) }
                    }
                }
                EventKind::Promise { note, .. } => { (note_text(note.as_deref())) }
                EventKind::Sent { subject, body, to, .. } => {
                    @if !to.is_empty() { p.details { "To: " (list(to)) } }
                    @if let Some(subject) = subject { p.details { "Subject: " (user(subject)) } }
                    @if let Some(body) = body { (message(body)) }
                }
                EventKind::Reply { body, from, asks, respond_by, .. } => {
                    @if let Some(from) = from { p.details { "From: " (user(from)) } }
                    @if *asks != Asks::Nothing || respond_by.is_some() {
                        p.details {
                            "They ask: " (asks)
                            @if let Some(by) = respond_by { " · answer by " (spell(*by)) }
                        }
                    }
                    @if let Some(body) = body { (message(body)) }
                }
                EventKind::Applied { url, source, note } => {
                    @if let Some(url) = url { p.details { "Posting: " (user(url)) } }
                    @if let Some(source) = source { p.details { "Found via " (user(source)) } }
                    (note_text(note.as_deref()))
                }
                EventKind::Offer { deadline, note, .. } => {
                    @if let Some(deadline) = deadline {
                        p.details { "Answer by " (spell(*deadline)) }
                    }
                    (note_text(note.as_deref()))
                }
                EventKind::Note { text } => { p.note { (user(text)) } }
                EventKind::Away { until, .. } => {
                    p.details { "Away until " (spell(*until)) }
                }
                EventKind::ContextChange { real, deadline, note, .. } => {
                    p.details {
                        @if *real { "Real" } @else { "Not marked real: it justifies no message" }
                        @if let Some(deadline) = deadline { " · deadline " (spell(*deadline)) }
                    }
                    (note_text(note.as_deref()))
                }
                EventKind::Closed { note, .. } | EventKind::Reopened { note } => {
                    (note_text(note.as_deref()))
                }
            }
            (tools)
        }
    }
}

/// "Promise: by Friday 8 May", "Sent follow-up", "Closed: rejected".
pub fn heading(event: &Event, spell: &dyn Fn(Date) -> String) -> String {
    match &event.kind {
        EventKind::Interview(_) => "Interview".to_owned(),
        EventKind::Promise { by, .. } => format!("Promise: an answer by {}", spell(*by)),
        EventKind::Sent { kind, .. } => format!("Sent: {kind}"),
        EventKind::Reply { .. } => "Reply".to_owned(),
        EventKind::ContextChange { reason, .. } => {
            format!("Outside change: {}", reason.as_str().replace('-', " "))
        }
        EventKind::Closed { outcome, .. } => format!("Closed: {outcome}"),
        EventKind::Reopened { .. } => "Reopened".to_owned(),
        EventKind::Applied { .. } => "Applied".to_owned(),
        EventKind::Offer { .. } => "Offer".to_owned(),
        EventKind::Note { .. } => "Note".to_owned(),
        EventKind::Away { .. } => "Out of office".to_owned(),
    }
}

/// "Tuesday 5 May at 14:00" in the process's zone, with the exact instant for machines.
pub fn instant(at: Timestamp, process: &Process, today: Date) -> Markup {
    let local = at.to_zoned_datetime(process.timezone.clone());
    html! {
        time datetime=(at.to_string()) {
            (spell_date(local.date(), today)) " at " (local.strftime("%H:%M"))
        }
    }
}

fn list(items: &[String]) -> Markup {
    html! {
        @for (i, item) in items.iter().enumerate() {
            @if i > 0 { ", " }
            (user(item))
        }
    }
}

fn note_text(note: Option<&str>) -> Markup {
    html! {
        @if let Some(note) = note { p.note { "Note: " (user(note)) } }
    }
}

/// A message's text, as written (line breaks kept), folded when long.
fn message(body: &str) -> Markup {
    let long = body.chars().count() > FOLD_CHARS || body.lines().count() > FOLD_LINES;
    let words = body.split_whitespace().count();
    html! {
        @if long {
            details.message {
                summary { "The message (" (words) " words)" }
                div.text dir="auto" { (body) }
            }
        } @else {
            div.message.text dir="auto" { (body) }
        }
    }
}
