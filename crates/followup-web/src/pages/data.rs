//! Your data (`/data`): download the JSON export and the CSV log; upload an export to merge,
//! seeing the list of changes (the import's dry run) before anything is written.

use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use super::backend_error;
use super::layout::{Chrome, Nav, page as layout};
use crate::Web;
use crate::backend::{BackendError, Imported};

/// `GET /data`.
pub async fn page(chrome: Chrome) -> Response {
    layout("Your data", Nav::Data, &chrome, body(&chrome, None)).into_response()
}

/// `GET /data/export.json`: the export, as a file to save.
pub async fn export_json(chrome: Chrome, State(web): State<Web>) -> Response {
    download(&chrome, &web, false).await
}

/// `GET /data/log.csv`: the CSV log, as a file to save.
pub async fn export_csv(chrome: Chrome, State(web): State<Web>) -> Response {
    download(&chrome, &web, true).await
}

async fn download(chrome: &Chrome, web: &Web, csv: bool) -> Response {
    let (kind, name) = if csv {
        ("text/csv; charset=utf-8", "followup-log.csv")
    } else {
        ("application/json", "followup-export.json")
    };
    match web.backend(move |b| b.export(csv)).await {
        Ok(text) => (
            [
                (CONTENT_TYPE, kind.to_owned()),
                (
                    CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}\""),
                ),
            ],
            text,
        )
            .into_response(),
        Err(err) => backend_error(chrome, err),
    }
}

/// `POST /data/import` (an upload): the changes the file would make, and a button to apply
/// them. Nothing is written yet.
pub async fn preview(chrome: Chrome, State(web): State<Web>, mut form: Multipart) -> Response {
    let mut export = None;
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some("export") {
            export = Some(field.bytes().await);
        }
    }
    let text = match export {
        Some(Ok(bytes)) => match String::from_utf8(bytes.to_vec()) {
            Ok(text) => text,
            Err(_) => return refused(&chrome, "the file is not UTF-8 text, so not an export"),
        },
        _ => return refused(&chrome, "choose the export file to upload"),
    };
    if text.trim().is_empty() {
        return refused(&chrome, "the file is empty");
    }
    let checked = text.clone();
    match web.backend(move |b| b.import(&checked, true)).await {
        Ok(imported) => {
            let main = html! {
                h1 { "Merge this export?" }
                (changes(&imported, true))
                form method="post" action="/data/import/apply" {
                    input type="hidden" name="csrf" value=(chrome.csrf);
                    input type="hidden" name="export" value=(text);
                    div.buttons {
                        button.button type="submit" { "Merge it" }
                        a.button.secondary href="/data" { "Cancel" }
                    }
                }
            };
            layout("Merge this export?", Nav::Data, &chrome, main).into_response()
        }
        Err(err) => import_failed(&chrome, err),
    }
}

/// The confirmed merge's form.
#[derive(serde::Deserialize)]
pub struct Apply {
    export: String,
}

/// `POST /data/import/apply`: merges the export shown in the preview.
pub async fn apply(
    chrome: Chrome,
    State(web): State<Web>,
    axum::Form(form): axum::Form<Apply>,
) -> Response {
    match web.backend(move |b| b.import(&form.export, false)).await {
        Ok(imported) => {
            let main = html! {
                h1 { "Merged" }
                (changes(&imported, false))
                p { a href="/" { "Back to the agenda" } " · " "followup undo (or Undo on a process page) takes the whole merge back." }
            };
            layout("Merged", Nav::Data, &chrome, main).into_response()
        }
        Err(err) => import_failed(&chrome, err),
    }
}

/// The list of changes and the counts, as `followup import` prints them.
fn changes(imported: &Imported, dry_run: bool) -> Markup {
    let nothing = imported.created == 0 && imported.merged == 0 && imported.events_added == 0;
    html! {
        @if nothing {
            p.empty { "Nothing new: all " (imported.processes) " processes in the file are already tracked as they are." }
        } @else {
            p {
                (if dry_run { "It would add " } else { "Added " })
                (imported.created) " new processes and " (imported.events_added) " new events, and "
                (if dry_run { "update " } else { "updated " }) (imported.merged) " existing processes."
                @if dry_run { " Nothing is written until you merge it." }
            }
            @if !imported.changes.is_empty() {
                ul.changes { @for line in &imported.changes { li { (line) } } }
            }
        }
    }
}

fn import_failed(chrome: &Chrome, err: BackendError) -> Response {
    match err {
        BackendError::Failed { message, hint } => {
            let main = html! {
                h1 { "Your data" }
                p.error role="alert" { "Error: " (message) }
                p { (hint) }
                (upload_form(chrome))
            };
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                layout("Your data", Nav::Data, chrome, main),
            )
                .into_response()
        }
        other => backend_error(chrome, other),
    }
}

fn refused(chrome: &Chrome, why: &str) -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        layout("Your data", Nav::Data, chrome, body(chrome, Some(why))),
    )
        .into_response()
}

fn body(chrome: &Chrome, error: Option<&str>) -> Markup {
    html! {
        h1 { "Your data" }
        p { "Everything stays on this machine. Keep a copy, or bring one back." }
        section aria-labelledby="download" {
            h2 #download { "Download" }
            ul {
                li { a href="/data/export.json" download="followup-export.json" { "The export (JSON)" }
                    " — every process, lossless; " code { "followup import" } " or the form below reads it back." }
                li { a href="/data/log.csv" download="followup-log.csv" { "The log (CSV)" }
                    " — one row per event, to show your search to an unemployment office." }
            }
        }
        section aria-labelledby="upload" {
            h2 #upload { "Merge an export" }
            @if let Some(error) = error { p.error role="alert" { "Error: " (error) } }
            (upload_form(chrome))
        }
    }
}

fn upload_form(chrome: &Chrome) -> Markup {
    html! {
        form.upload method="post" action="/data/import" enctype="multipart/form-data" {
            input type="hidden" name="csrf" value=(chrome.csrf);
            div.field {
                label for="export" { "Export file" }
                input #export type="file" name="export" accept=".json,application/json" required;
                p.hint { "The changes it would make are listed first; nothing is written until you confirm." }
            }
            button.button type="submit" { "Show the changes" }
        }
    }
}
