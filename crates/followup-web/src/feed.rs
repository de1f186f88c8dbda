//! `GET /calendar.ics?feed=TOKEN`: the tracker's calendar for calendar programs to subscribe
//! to. They cannot log in, so the session guard lets this path through and the feed checks
//! its own long-lived token (401 when missing or wrong). The Host check still applies.
//!
//! Calendar programs poll. The `ETag` is a digest of the calendar without its `DTSTAMP` lines
//! (which change at every request), so it changes only when an event does, and a poll that
//! sends it back in `If-None-Match` gets 304 with no body.

use axum::extract::{Query, State};
use axum::http::header::{CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::Web;
use crate::backend::BackendError;

/// The feed's path.
pub const PATH: &str = "/calendar.ics";

/// The feed URL's query.
#[derive(Deserialize)]
pub(crate) struct Feed {
    feed: Option<String>,
}

/// The calendar, or 401, or 304.
pub(crate) async fn calendar(
    State(web): State<Web>,
    Query(query): Query<Feed>,
    headers: HeaderMap,
) -> Response {
    let Some(token) = query.feed.filter(|t| !t.is_empty()) else {
        return refuse("this feed needs its token: ?feed=TOKEN");
    };
    let answer = web
        .backend(move |backend| {
            if !backend.feed_token_matches(&token)? {
                return Ok(None);
            }
            backend.calendar().map(Some)
        })
        .await;
    let text = match answer {
        Ok(Some(text)) => text,
        Ok(None) => {
            tracing::warn!("refused a calendar feed request with a wrong token");
            return refuse(
                "this feed token is not the current one (followup serve --rotate-feed-token \
                 makes a new one and prints it)",
            );
        }
        Err(BackendError::Failed { message, hint }) => {
            tracing::error!(message, "the calendar feed failed");
            let body = format!("{message}\n{hint}\n");
            return (StatusCode::INTERNAL_SERVER_ERROR, body).into_response();
        }
        Err(BackendError::NotFound { .. }) => return StatusCode::NOT_FOUND.into_response(),
    };
    let tag = etag(&text);
    // Only hex digits in quotes: always a valid header value.
    let tag_value = HeaderValue::from_str(&tag).unwrap_or(HeaderValue::from_static("\"\""));
    if matches_any(&headers, &tag) {
        return (StatusCode::NOT_MODIFIED, [(ETAG, tag_value)]).into_response();
    }
    (
        StatusCode::OK,
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (ETAG, tag_value),
        ],
        text,
    )
        .into_response()
}

/// The strong ETag of a calendar: the SHA-256 of its lines other than `DTSTAMP`.
pub fn etag(calendar: &str) -> String {
    let mut hash = Sha256::new();
    for line in calendar.split("\r\n") {
        if !line.starts_with("DTSTAMP") {
            hash.update(line.as_bytes());
            hash.update(b"\r\n");
        }
    }
    let digest: String = hash
        .finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("\"{digest}\"")
}

/// Whether `If-None-Match` names `tag` (or is `*`); weak tags compare by their value.
fn matches_any(headers: &HeaderMap, tag: &str) -> bool {
    headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == tag || t == "*")
}

fn refuse(why: &str) -> Response {
    (StatusCode::UNAUTHORIZED, format!("Unauthorized: {why}.\n")).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_etag_ignores_dtstamp_only() {
        let a = "BEGIN:VEVENT\r\nDTSTAMP:20260101T000000Z\r\nUID:x\r\nEND:VEVENT\r\n";
        let b = "BEGIN:VEVENT\r\nDTSTAMP:20260102T000000Z\r\nUID:x\r\nEND:VEVENT\r\n";
        let c = "BEGIN:VEVENT\r\nDTSTAMP:20260102T000000Z\r\nUID:y\r\nEND:VEVENT\r\n";
        assert_eq!(etag(a), etag(b));
        assert_ne!(etag(a), etag(c));
        assert!(etag(a).starts_with('"') && etag(a).len() == 34);
    }
}
