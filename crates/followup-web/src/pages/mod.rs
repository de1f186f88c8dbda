//! The pages: one file per page, the shared layout, and the error pages. Handlers ask the
//! [`crate::Backend`] and render; all user text goes through maud, which escapes it.

mod agenda;
mod compose;
mod correct;
mod data;
mod forms;
mod layout;
mod new;
mod process;
mod processes;
mod record;
mod stats;

use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

pub use layout::{Chrome, Nav};

use crate::Web;
use crate::backend::BackendError;

/// Every page's route.
pub fn routes() -> Router<Web> {
    Router::new()
        .route("/", get(agenda::page))
        .route("/p/{handle}", get(process::page))
        .route("/p/{handle}/log", post(record::log))
        .route("/p/{handle}/events/{id}", post(correct::edit))
        .route("/p/{handle}/events/{id}/delete", post(correct::delete))
        .route("/p/{handle}/contacts", post(correct::add_contact))
        .route("/p/{handle}/contacts/remove", post(correct::remove_contact))
        .route("/undo", post(record::undo))
        .route("/redo", post(correct::redo))
        .route("/processes", get(processes::list))
        .route("/board", get(processes::board))
        .route("/new", get(new::page).post(new::create))
        .route("/stats", get(stats::page))
        .route(
            "/p/{handle}/compose",
            get(compose::page).post(compose::submit),
        )
        .route(
            "/check",
            get(compose::check_page).post(compose::check_submit),
        )
        .route("/api/check", post(compose::api_check))
        .route("/data", get(data::page))
        .route("/data/export.json", get(data::export_json))
        .route("/data/log.csv", get(data::export_csv))
        .route("/data/import", post(data::preview))
        .route("/data/import/apply", post(data::apply))
        .fallback(not_found)
}

/// The 401 page: how to get in. `stale` when the link's token is not the current one.
pub fn unauthorized(stale: bool) -> Response {
    let body = layout::bare(
        "Open the link from followup serve",
        html! {
            h1 { "Open the link printed by followup serve" }
            @if stale {
                p { "This link's token is not the current one: " code { "followup serve" }
                    " prints a new link each time it starts." }
            }
            p { "This page needs the address that " code { "followup serve" }
                " printed in its terminal when it started (it ends in " code { "?token=…" }
                "). Open that address in this browser; it works in any number of browsers while the server runs." }
        },
    );
    (StatusCode::UNAUTHORIZED, body).into_response()
}

/// A page for a failed backend call.
fn backend_error(chrome: &Chrome, err: BackendError) -> Response {
    match err {
        BackendError::NotFound { handle, closest } => {
            let body = html! {
                h1 { "No such process" }
                p { "Nothing is tracked under the handle " code { (user(&handle)) } "." }
                @if let Some(closest) = closest {
                    p { "Did you mean " a href=(process_href(&closest)) { (user(&closest)) } "?" }
                }
                p { a href="/" { "Back to the agenda" } }
            };
            let page = layout::page("No such process", Nav::None, chrome, body);
            (StatusCode::NOT_FOUND, page).into_response()
        }
        BackendError::Failed { message, hint } => {
            tracing::error!(message, "a page failed");
            let body = html! {
                h1 { "Something went wrong" }
                p { (message) }
                p { (hint) }
            };
            let page = layout::page("Error", Nav::None, chrome, body);
            (StatusCode::INTERNAL_SERVER_ERROR, page).into_response()
        }
    }
}

async fn not_found(chrome: Chrome) -> Response {
    let body = html! {
        h1 { "Page not found" }
        p { a href="/" { "Back to the agenda" } }
    };
    let page = layout::page("Page not found", Nav::None, &chrome, body);
    (StatusCode::NOT_FOUND, page).into_response()
}

/// Text the user typed (or a company wrote), isolated so a right-to-left mark inside it cannot
/// reorder the words around it.
pub fn user(text: &str) -> Markup {
    html! { bdi { (text) } }
}

/// Bytes kept as they are in a path segment; everything else is percent-encoded.
pub(crate) const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.');

/// The process page's address for a handle, whatever characters the handle holds.
pub fn process_href(handle: &str) -> String {
    format!("/p/{}", utf8_percent_encode(handle, SEGMENT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_are_encoded_as_one_segment() {
        assert_eq!(process_href("acme-backend"), "/p/acme-backend");
        assert_eq!(process_href("../etc"), "/p/..%2Fetc");
        assert_eq!(process_href("a b?c#d"), "/p/a%20b%3Fc%23d");
        assert_eq!(process_href("café"), "/p/caf%C3%A9");
    }
}
