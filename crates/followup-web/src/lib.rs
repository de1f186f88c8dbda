//! The local web app: `followup serve`'s pages over the same store and advisor as the CLI,
//! for one person on their own machine.
//!
//! - [`app`] builds the router from a [`Web`] state; [`serve`] runs it on a bound listener.
//! - [`backend`]: what the pages read, as one trait ([`Backend`]) — the seam between the pages
//!   and the application layer. Handlers hold no SQL and no rules.
//! - [`Tracker`]: the backend over the application layer (`followup_app::App`).
//! - [`security`]: the `Host` check, the start-up token and session cookie, CSRF and
//!   same-origin checks, and the headers every response carries.
//! - `pages`: the maud templates and their handlers; `assets`: CSS, script and icon, compiled in.
//! - `feed`: `/calendar.ics?feed=TOKEN`, the calendar programs subscribe to.

mod assets;
pub mod backend;
mod feed;
mod pages;
pub mod security;
mod state;
mod tracker;

use std::future::Future;

use axum::Router;
use axum::middleware;
use axum::routing::get;
use tokio::net::TcpListener;

pub use backend::{
    Agenda, AgendaItem, Backend, BackendError, Checked, Composed, DraftChoice, EventPatch,
    FormError, Listed, LogEntry, NewProcess, Preview, ProcessView, ReviewRequest, Section,
    SectionKind, SentMessage, Undone,
};
pub use state::{Options, StartError, Web, check_listen};
pub use tracker::Tracker;

/// The whole app: the pages and assets behind the security guard, every response stamped with
/// the security headers.
pub fn app(web: Web) -> Router {
    pages::routes()
        .route("/static/{name}", get(assets::asset))
        .route(feed::PATH, get(feed::calendar))
        .layer(middleware::from_fn_with_state(web.clone(), security::guard))
        .layer(middleware::from_fn(security::secure))
        .with_state(web)
}

/// Serves [`app`] on `listener` until `shutdown` completes, then lets requests in flight finish.
pub async fn serve(
    listener: TcpListener,
    web: Web,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(web))
        .with_graceful_shutdown(shutdown)
        .await
}
