//! The headers every response carries, whatever produced it (a page, an asset, a refusal).

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::middleware::Next;
use axum::response::Response;

/// No inline script or style, no eval, nothing from elsewhere, never framed, forms only here.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
                       img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";

/// Adds the security headers, and keeps pages (private data) out of caches. Nothing here
/// answers CORS: no `Access-Control-*` header is ever sent.
pub async fn secure(request: Request, next: Next) -> Response {
    let is_asset = request.uri().path().starts_with("/static/");
    // The path only: the query may hold the start-up token.
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    let started = std::time::Instant::now();
    let mut response = next.run(request).await;
    tracing::debug!(%method, path, status = response.status().as_u16(), elapsed = ?started.elapsed());
    let headers = response.headers_mut();
    headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // Other sites may not embed or read anything of ours, even as an image or a script.
    headers.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    // The feed is revalidated by its ETag on every poll, and kept out of shared caches.
    let cache = if is_asset {
        "no-cache"
    } else if path == crate::feed::PATH {
        "private, no-cache"
    } else {
        "no-store"
    };
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}
