//! The base layout every page shares: the head (assets, CSRF token for scripts), the skip
//! link, the navigation, the demo banner.

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use maud::{DOCTYPE, Markup, html};

use crate::Web;
use crate::security::Session;

/// What the layout needs from the request: the session's CSRF token and the demo flag.
pub struct Chrome {
    /// The session's CSRF token, for forms (hidden field `csrf`) and scripts (a meta tag).
    pub csrf: String,
    /// The data is the demo's.
    pub demo: bool,
}

impl FromRequestParts<Web> for Chrome {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, web: &Web) -> Result<Self, Self::Rejection> {
        // The guard puts the session there before any page runs.
        let session = parts
            .extensions
            .get::<Session>()
            .ok_or(StatusCode::UNAUTHORIZED)?;
        Ok(Chrome {
            csrf: session.csrf().to_owned(),
            demo: web.demo(),
        })
    }
}

/// The navigation's entries; `None` for pages outside it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// `/`.
    Agenda,
    /// `/processes`.
    Processes,
    /// `/board`.
    Board,
    /// `/new`.
    New,
    /// `/stats`.
    Stats,
    /// `/check`.
    Check,
    /// `/data`.
    Data,
    /// Any other page.
    None,
}

const ENTRIES: [(Nav, &str, &str); 7] = [
    (Nav::Agenda, "/", "Agenda"),
    (Nav::Processes, "/processes", "Processes"),
    (Nav::Board, "/board", "Board"),
    (Nav::New, "/new", "New"),
    (Nav::Check, "/check", "Check"),
    (Nav::Stats, "/stats", "Stats"),
    (Nav::Data, "/data", "Data"),
];

/// A page of the app: `title` (already about the page, "Agenda"), the entry to mark current,
/// and the main content.
pub fn page(title: &str, current: Nav, chrome: &Chrome, main: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            (head(title, Some(&chrome.csrf)))
            body {
                a.skip href="#main" { "Skip to content" }
                header.top {
                    a.brand href="/" { "followup" }
                    nav aria-label="Main" {
                        ul {
                            @for (entry, href, label) in ENTRIES {
                                li {
                                    @if entry == current {
                                        a href=(href) aria-current="page" { (label) }
                                    } @else {
                                        a href=(href) { (label) }
                                    }
                                }
                            }
                        }
                    }
                }
                @if chrome.demo {
                    p.demo role="note" { "Demo: changes are lost when the server stops" }
                }
                main #main tabindex="-1" { (main) }
            }
        }
    }
}

/// A page for someone without a session: no navigation, no token.
pub fn bare(title: &str, main: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            (head(title, None))
            body {
                header.top { span.brand { "followup" } }
                main #main { (main) }
            }
        }
    }
}

fn head(title: &str, csrf: Option<&str>) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            @if let Some(csrf) = csrf {
                meta name="csrf-token" content=(csrf);
            }
            title { (title) " · followup" }
            link rel="icon" href="/static/icon.svg" type="image/svg+xml";
            link rel="stylesheet" href="/static/style.css";
            script src="/static/app.js" defer {}
        }
    }
}
