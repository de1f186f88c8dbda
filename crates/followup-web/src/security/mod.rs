//! A local server is still a server: the rules every request passes before a page sees it.
//!
//! In order: the `Host` must be this server's (403), assets are public, the start-up token is
//! exchanged for a session cookie, a request that changes state must come from one of our pages
//! (403), every other request needs a live session (401), and a request that changes state must
//! carry the session's CSRF token (403). [`headers::secure`] then stamps every response with the
//! security headers. GET and HEAD never change state, so they need neither token nor origin.

mod headers;
mod host;
mod origin;
mod secret;
mod session;

use axum::body::{Body, to_bytes};
use axum::extract::{FromRequest, Query, Request, State};
use axum::http::header::{CONTENT_TYPE, HOST, LOCATION, SET_COOKIE};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

pub use headers::{CSP, secure};
pub use host::Hosts;
pub use secret::Secret;
pub use session::{Session, Sessions};

use crate::Web;
use crate::pages;

/// The header scripts send the CSRF token in.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// The form field pages send the CSRF token in.
pub const CSRF_FIELD: &str = "csrf";
/// The largest form body read to find its CSRF field; a message of 64 KiB fits many times.
const MAX_FORM_BYTES: usize = 4 << 20;

/// The largest upload (an export to merge on `/data`): hundreds of processes fit many times.
pub const MAX_UPLOAD_BYTES: usize = 32 << 20;

/// The guard: every rule above, before the router sees the request.
pub async fn guard(State(web): State<Web>, mut request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(HOST)
        .and_then(|value| value.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| a.as_str()))
        .unwrap_or_default()
        .to_owned();
    if !web.hosts().allows(&host) {
        tracing::warn!(host, "refused a request for another host");
        return refuse("this server only answers requests addressed to it (Host header)");
    }
    let safe = matches!(*request.method(), Method::GET | Method::HEAD);
    let path = request.uri().path();
    if safe && path.starts_with("/static/") {
        return next.run(request).await;
    }
    // Calendar programs cannot log in: the feed checks its own token instead of a session.
    if safe && path == crate::feed::PATH {
        return next.run(request).await;
    }
    if safe
        && path == "/"
        && let Ok(Query(StartUp { token: Some(token) })) = Query::try_from_uri(request.uri())
    {
        return exchange(&web, &token);
    }
    if !safe && !origin::same_origin(request.headers(), &host) {
        tracing::warn!(path, "refused a request from another origin");
        return refuse("this request did not come from a followup page (Origin)");
    }
    let Some(session) = web.sessions().find(request.headers()) else {
        return pages::unauthorized(false);
    };
    if !safe {
        request = match with_csrf_checked(request, &session).await {
            Ok(request) => request,
            Err(refusal) => return refusal,
        };
    }
    request.extensions_mut().insert(session);
    next.run(request).await
}

/// The start-up URL's query.
#[derive(Deserialize)]
struct StartUp {
    token: Option<String>,
}

/// The start-up token for a session cookie, then the agenda; a wrong token gets the 401 page.
fn exchange(web: &Web, token: &str) -> Response {
    if !web.sessions().token_matches(token) {
        tracing::warn!("refused a start-up link with a wrong token");
        return pages::unauthorized(true);
    }
    match web.sessions().open() {
        Ok((_, cookie)) => {
            tracing::info!("a browser opened a session");
            (
                StatusCode::SEE_OTHER,
                [
                    (SET_COOKIE, cookie),
                    (LOCATION, HeaderValue::from_static("/")),
                ],
            )
                .into_response()
        }
        Err(err) => {
            tracing::error!(%err, "no randomness for a session");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "no randomness for a session\n",
            )
                .into_response()
        }
    }
}

/// The request, its body read and put back, when it carries the session's CSRF token in the
/// `X-CSRF-Token` header or a form's `csrf` field.
async fn with_csrf_checked(request: Request, session: &Session) -> Result<Request, Response> {
    let missing = || refuse("the page's security token is missing or out of date: reload the page");
    if let Some(token) = request.headers().get(CSRF_HEADER) {
        let ok = token.to_str().is_ok_and(|t| session.csrf_matches(t));
        return if ok { Ok(request) } else { Err(missing()) };
    }
    let content_type = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    if content_type.starts_with("multipart/form-data") {
        return with_upload_checked(request, session, &content_type).await;
    }
    if !content_type.starts_with("application/x-www-form-urlencoded") {
        return Err(missing());
    }
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, MAX_FORM_BYTES)
        .await
        .map_err(|_| (StatusCode::PAYLOAD_TOO_LARGE, "the form is too large\n").into_response())?;
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    let ok = fields
        .iter()
        .any(|(name, value)| name == CSRF_FIELD && session.csrf_matches(value));
    if !ok {
        return Err(missing());
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// [`with_csrf_checked`] for an upload (`multipart/form-data`): the `csrf` part must hold the
/// session's token; the body is read (up to [`MAX_UPLOAD_BYTES`]) and put back.
async fn with_upload_checked(
    request: Request,
    session: &Session,
    content_type: &str,
) -> Result<Request, Response> {
    let missing = || refuse("the page's security token is missing or out of date: reload the page");
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, MAX_UPLOAD_BYTES).await.map_err(|_| {
        (StatusCode::PAYLOAD_TOO_LARGE, "the upload is too large\n").into_response()
    })?;
    let copy = Request::builder()
        .header(CONTENT_TYPE, content_type)
        .body(Body::from(bytes.clone()))
        .map_err(|_| missing())?;
    let mut form = axum::extract::Multipart::from_request(copy, &())
        .await
        .map_err(|_| missing())?;
    let mut ok = false;
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some(CSRF_FIELD) {
            ok = field.text().await.is_ok_and(|t| session.csrf_matches(&t));
            break;
        }
    }
    if !ok {
        return Err(missing());
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// 403 with a one-line body.
fn refuse(why: &str) -> Response {
    (StatusCode::FORBIDDEN, format!("Forbidden: {why}.\n")).into_response()
}
