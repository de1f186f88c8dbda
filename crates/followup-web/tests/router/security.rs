//! Every rule of the Security section, request by request.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use followup_web::security::CSP;

use crate::support::{Client, HOST, PAGES, Reply, acme, globex, select_attr, send, start_up_path};

async fn client() -> Client {
    Client::new(vec![acme(), globex()]).await
}

#[tokio::test]
async fn the_start_up_token_sets_a_strict_session_cookie_and_redirects_home() {
    let client = client().await;
    let request = Request::get(start_up_path(&client.web))
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap();
    let reply = send(&client.web, request).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.header("location"), Some("/"));
    let cookie = reply.header("set-cookie").unwrap();
    assert!(cookie.starts_with("followup-7878="), "{cookie}");
    let attributes: Vec<&str> = cookie.split("; ").skip(1).collect();
    assert_eq!(attributes, ["HttpOnly", "SameSite=Strict", "Path=/"]);

    // Each exchange opens its own session: any number of browsers.
    let other = crate::support::sign_in(&client.web).await;
    assert_ne!(other, client.cookie);
    for cookie in [&other, &client.cookie] {
        let request = Request::get("/")
            .header(header::HOST, HOST)
            .header(header::COOKIE, cookie.as_str())
            .body(Body::empty())
            .unwrap();
        assert_eq!(send(&client.web, request).await.status, StatusCode::OK);
    }
}

#[tokio::test]
async fn a_wrong_token_gets_the_401_page_and_no_cookie() {
    let client = client().await;
    for query in ["/?token=0123", "/?token=", "/?token=%3Cscript%3E"] {
        let request = Request::get(query)
            .header(header::HOST, HOST)
            .body(Body::empty())
            .unwrap();
        let reply = send(&client.web, request).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{query}");
        assert!(reply.header("set-cookie").is_none());
        assert!(reply.body.contains("not the current one"), "{}", reply.body);
    }
}

#[tokio::test]
async fn without_a_live_session_every_page_is_the_401_page() {
    let client = client().await;
    let cookies = [
        None,
        Some("followup-7878=0000"),
        Some("followup-7879=0000"),
        Some("other=1"),
    ];
    for path in PAGES {
        for cookie in cookies {
            let mut request = Request::get(*path).header(header::HOST, HOST);
            if let Some(cookie) = cookie {
                request = request.header(header::COOKIE, cookie);
            }
            let reply = send(&client.web, request.body(Body::empty()).unwrap()).await;
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{path} {cookie:?}");
            assert!(
                reply
                    .body
                    .contains("Open the link printed by followup serve")
            );
            assert!(!reply.body.contains("Acme"), "no data leaks: {path}");
            assert!(!reply.body.contains("csrf-token"));
        }
    }
}

#[tokio::test]
async fn assets_are_compiled_in_and_public() {
    let client = client().await;
    for (path, kind) in [
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/static/app.js", "text/javascript; charset=utf-8"),
        ("/static/icon.svg", "image/svg+xml"),
    ] {
        let request = Request::get(path)
            .header(header::HOST, HOST)
            .body(Body::empty())
            .unwrap();
        let reply = send(&client.web, request).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(reply.header("content-type"), Some(kind));
        // Nothing fetched from elsewhere: no URL in the style or the script (the icon's only
        // one is the SVG namespace).
        let external = ["https://", "http://", "@import", "url("];
        if !path.ends_with(".svg") {
            assert!(external.iter().all(|e| !reply.body.contains(e)), "{path}");
        }
    }
    let missing = client.get("/static/../Cargo.toml").await;
    assert_ne!(missing.status, StatusCode::OK);
    assert_eq!(
        client.get("/static/nothing.css").await.status,
        StatusCode::NOT_FOUND
    );
}

/// Hosts a DNS-rebinding page (or a stray request) may send: all refused, signed in or not,
/// even with the right token.
#[tokio::test]
async fn a_foreign_host_gets_403_with_one_line() {
    let client = client().await;
    let hosts = [
        Some("evil.example"),
        Some("evil.example:7878"),
        Some("127.0.0.1.nip.io:7878"),
        Some("7f000001.c0a80001.rbndr.us:7878"),
        Some("localhost.:7878"),
        Some("localhost:7879"),
        Some("127.0.0.1"),
        Some("0.0.0.0:7878"),
        Some("[::ffff:127.0.0.1]:7878"),
        None,
    ];
    let token_path = start_up_path(&client.web);
    for host in hosts {
        for path in [
            "/",
            "/p/acme-backend",
            "/static/style.css",
            token_path.as_str(),
        ] {
            let mut request = Request::get(path).header(header::COOKIE, &client.cookie);
            if let Some(host) = host {
                request = request.header(header::HOST, host);
            }
            let reply = send(&client.web, request.body(Body::empty()).unwrap()).await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{host:?} {path}");
            assert_eq!(reply.body.lines().count(), 1, "{}", reply.body);
            assert!(reply.header("set-cookie").is_none());
        }
    }
    for host in [
        "127.0.0.1:7878",
        "localhost:7878",
        "LocalHost:7878",
        "[::1]:7878",
    ] {
        let request = client
            .request(Method::GET, "/")
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap();
        assert_eq!(
            send(&client.web, request).await.status,
            StatusCode::OK,
            "{host}"
        );
    }
}

/// A POST with the given CSRF token (as header or form field) and origin headers.
async fn post(client: &Client, csrf: Csrf<'_>, origin: &[(&str, &str)]) -> Reply {
    let mut request = client.request(Method::POST, "/");
    for (name, value) in origin {
        request = request.header(*name, *value);
    }
    let body = match csrf {
        Csrf::Header(token) => {
            request = request.header("x-csrf-token", token);
            Body::empty()
        }
        Csrf::Field(token) => {
            request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Body::from(format!("note=hello&csrf={token}"))
        }
        Csrf::None => Body::from("note=hello"),
    };
    client.send(request.body(body).unwrap()).await
}

#[derive(Clone, Copy)]
enum Csrf<'a> {
    Header(&'a str),
    Field(&'a str),
    None,
}

const SAME: &[(&str, &str)] = &[("origin", "http://127.0.0.1:7878")];

/// Passing the guard is seen as reaching the router: `/` has no POST, so 405.
const PASSED: StatusCode = StatusCode::METHOD_NOT_ALLOWED;

#[tokio::test]
async fn a_post_needs_the_session_csrf_token() {
    let client = client().await;
    let token = client.csrf.clone();
    assert_eq!(
        post(&client, Csrf::Header(&token), SAME).await.status,
        PASSED
    );
    assert_eq!(
        post(&client, Csrf::Field(&token), SAME).await.status,
        PASSED
    );

    let other = Client::new(vec![acme()]).await;
    let wrong = ["", "0", &token[..63], &other.csrf, &token.to_uppercase()];
    for bad in wrong {
        for csrf in [Csrf::Header(bad), Csrf::Field(bad)] {
            let reply = post(&client, csrf, SAME).await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{bad:?}");
            assert_eq!(reply.body.lines().count(), 1);
        }
    }
    let missing = post(&client, Csrf::None, SAME).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    assert!(missing.body.contains("security token"), "{}", missing.body);
}

#[tokio::test]
async fn a_post_needs_a_same_origin_page() {
    let client = client().await;
    let token = client.csrf.clone();
    let foreign: &[&[(&str, &str)]] = &[
        &[("origin", "http://evil.example")],
        &[("origin", "http://localhost:7879")],
        &[("origin", "null")],
        &[("origin", "null"), ("sec-fetch-site", "cross-site")],
        &[("referer", "http://evil.example/page")],
        &[("sec-fetch-site", "same-site")],
        &[],
    ];
    for headers in foreign {
        let reply = post(&client, Csrf::Header(&token), headers).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{headers:?}");
        assert_eq!(reply.body.lines().count(), 1);
    }
    let same: &[&[(&str, &str)]] = &[
        SAME,
        &[("referer", "http://127.0.0.1:7878/p/acme-backend")],
        // What Chromium sends for a form post from a page with `Referrer-Policy: no-referrer`.
        &[("origin", "null"), ("sec-fetch-site", "same-origin")],
    ];
    for headers in same {
        let reply = post(&client, Csrf::Field(&token), headers).await;
        assert_eq!(reply.status, PASSED, "{headers:?}");
    }
}

#[tokio::test]
async fn a_post_without_a_session_is_refused() {
    let client = client().await;
    let request = Request::post("/")
        .header(header::HOST, HOST)
        .header("origin", "http://127.0.0.1:7878")
        .header("x-csrf-token", &client.csrf)
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        send(&client.web, request).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Other methods that could change state pass the same checks.
    for method in [Method::PUT, Method::DELETE, Method::PATCH] {
        let request = client
            .request(method.clone(), "/")
            .body(Body::empty())
            .unwrap();
        assert_eq!(
            client.send(request).await.status,
            StatusCode::FORBIDDEN,
            "{method}"
        );
    }
}

/// The security headers, on pages, redirects, refusals, errors and assets alike; never CORS.
#[tokio::test]
async fn every_response_carries_the_security_headers_and_no_cors() {
    let client = client().await;
    let mut replies = Vec::new();
    for path in PAGES.iter().chain(&["/static/style.css", "/static/none"]) {
        replies.push(client.get(path).await);
    }
    let bare = |method: Method, path: &str, host: &str| {
        Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, host)
            .header("origin", "http://evil.example")
            .header("access-control-request-method", "POST")
            .body(Body::empty())
            .unwrap()
    };
    for request in [
        bare(Method::GET, &start_up_path(&client.web), HOST),
        bare(Method::GET, "/?token=bad", HOST),
        bare(Method::GET, "/", HOST),
        bare(Method::GET, "/", "evil.example"),
        bare(Method::OPTIONS, "/", HOST),
        bare(Method::POST, "/", HOST),
    ] {
        replies.push(send(&client.web, request).await);
    }
    replies.push(post(&client, Csrf::None, SAME).await);
    replies.push(post(&client, Csrf::Header(&client.csrf), SAME).await);
    let statuses: Vec<u16> = replies.iter().map(|r| r.status.as_u16()).collect();
    for code in [200, 303, 401, 403, 404, 405] {
        assert!(statuses.contains(&code), "{code} in {statuses:?}");
    }
    for reply in &replies {
        assert_eq!(reply.header("content-security-policy"), Some(CSP));
        assert_eq!(
            CSP,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             frame-ancestors 'none'; form-action 'self'"
        );
        assert_eq!(reply.header("x-frame-options"), Some("DENY"));
        assert_eq!(reply.header("referrer-policy"), Some("no-referrer"));
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
        let cors: Vec<_> = reply
            .headers
            .keys()
            .filter(|k| k.as_str().starts_with("access-control-"))
            .collect();
        assert!(cors.is_empty(), "{cors:?}");
    }
}

/// CSP `'self'` only works if the pages need nothing else: no inline script or style, no
/// handler attributes, nothing loaded from another origin.
#[tokio::test]
async fn pages_need_no_inline_script_or_style_and_nothing_external() {
    let client = client().await;
    for path in PAGES {
        let html = client.get(path).await.html();
        // Every page loads the app's script; the editors also load the composer's.
        let scripts = select_attr(&html, "script", "src");
        let editor = *path == "/check" || path.ends_with("/compose");
        let expected: &[&str] = if editor {
            &["/static/app.js", "/static/compose.js"]
        } else {
            &["/static/app.js"]
        };
        assert_eq!(scripts, expected, "{path}");
        assert!(
            crate::support::select_text(&html, "script")
                .iter()
                .all(String::is_empty)
        );
        assert!(select_attr(&html, "[style]", "style").is_empty(), "{path}");
        assert!(crate::support::select_text(&html, "style").is_empty());
        for element in html
            .root_element()
            .descendants()
            .filter_map(|n| n.value().as_element().cloned())
        {
            for (name, value) in element.attrs() {
                assert!(!name.starts_with("on"), "{path}: {name}");
                if name == "src" || name == "href" {
                    // A `mailto:` link opens the user's mail program; it loads nothing.
                    let mail = name == "href" && value.starts_with("mailto:");
                    assert!(
                        value.starts_with('/') || value.starts_with('#') || mail,
                        "{path}: {value}"
                    );
                }
            }
        }
    }
}
