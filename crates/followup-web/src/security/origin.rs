//! Same-origin checks for requests that change state.
//!
//! The `Origin` header decides when it names an origin. Chromium sends `Origin: null` on form
//! posts from pages served with `Referrer-Policy: no-referrer` (ours), and no `Referer` either;
//! then `Sec-Fetch-Site`, a header pages cannot set, must say `same-origin`.

use axum::http::HeaderMap;
use axum::http::header::{ORIGIN, REFERER};

/// Whether the request comes from a page of `host` (the request's own, already checked, `Host`).
pub fn same_origin(headers: &HeaderMap, host: &str) -> bool {
    let expected = format!("http://{host}");
    let value = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    match value(ORIGIN.as_str()) {
        Some(origin) if origin != "null" => return origin.eq_ignore_ascii_case(&expected),
        _ => {}
    }
    if let Some(referer) = value(REFERER.as_str()) {
        let rest = referer
            .get(..expected.len())
            .filter(|head| head.eq_ignore_ascii_case(&expected))
            .map(|_| &referer[expected.len()..]);
        return matches!(rest, Some(rest) if rest.is_empty() || rest.starts_with('/'));
    }
    value("sec-fetch-site") == Some("same-origin")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    const HOST: &str = "127.0.0.1:7878";

    #[test]
    fn origin_decides_when_it_names_one() {
        assert!(same_origin(
            &headers(&[("origin", "http://127.0.0.1:7878")]),
            HOST
        ));
        assert!(same_origin(
            &headers(&[("origin", "HTTP://127.0.0.1:7878")]),
            HOST
        ));
        for bad in [
            "http://evil.example",
            "http://127.0.0.1:7879",
            "https://127.0.0.1:7878",
            "http://127.0.0.1:7878.evil.example",
        ] {
            let map = headers(&[("origin", bad), ("sec-fetch-site", "same-origin")]);
            assert!(!same_origin(&map, HOST), "{bad}");
        }
    }

    #[test]
    fn referer_then_fetch_metadata_without_an_origin() {
        assert!(same_origin(
            &headers(&[("referer", "http://127.0.0.1:7878/p/acme")]),
            HOST
        ));
        assert!(!same_origin(
            &headers(&[("referer", "http://127.0.0.1:7878.evil/")]),
            HOST
        ));
        assert!(!same_origin(
            &headers(&[("referer", "http://evil.example/")]),
            HOST
        ));
        let chromium = headers(&[("origin", "null"), ("sec-fetch-site", "same-origin")]);
        assert!(same_origin(&chromium, HOST));
        let framed = headers(&[("origin", "null"), ("sec-fetch-site", "cross-site")]);
        assert!(!same_origin(&framed, HOST));
        assert!(!same_origin(&headers(&[("origin", "null")]), HOST));
        assert!(!same_origin(&HeaderMap::new(), HOST));
    }
}
