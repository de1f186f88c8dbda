//! The composer (`/p/{handle}/compose`), the plain checker (`/check`) and `/api/check`: the
//! draft it opens with, the review without JavaScript, the JSON contract, "Mark as sent".

use axum::body::Body;
use axum::http::{Method, StatusCode, header};
use followup_core::MessageKind;
use serde_json::Value;

use crate::support::{Client, Reply, acme, globex, now, select_attr, select_text};

const ORIGIN: (&str, &str) = ("origin", "http://127.0.0.1:7878");
const WEAK: &str = "Hi Ana,\n\nI am so anxious, I can't sleep! Please reply ASAP.\n\nMaria";

async fn api(client: &Client, json: Value, csrf: Option<&str>) -> Reply {
    let mut request = client
        .request(Method::POST, "/api/check")
        .header(ORIGIN.0, ORIGIN.1)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = csrf {
        request = request.header("x-csrf-token", token);
    }
    client
        .send(request.body(Body::from(json.to_string())).unwrap())
        .await
}

async fn form(client: &Client, path: &str, fields: &[(&str, &str)]) -> Reply {
    let mut all: Vec<(&str, &str)> = fields.to_vec();
    all.push(("csrf", &client.csrf));
    let body = serde_urlencoded::to_string(&all).unwrap();
    let request = client
        .request(Method::POST, path)
        .header(ORIGIN.0, ORIGIN.1)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    client.send(request).await
}

/// What `followup check --json` prints for `text`: the engine's review object.
fn check_json(text: &str, kind: MessageKind, with_acme: bool) -> Value {
    let process = acme();
    let policy = followup_core::Policy::default();
    let context =
        with_acme.then(|| followup_review::ProcessContext::new(&process, &policy, now(), kind));
    serde_json::to_value(followup_review::Reviewer::new().review(text, kind, context.as_ref()))
        .unwrap()
}

#[tokio::test]
async fn the_composer_opens_with_the_due_follow_up_draft() {
    let client = Client::new(vec![acme(), globex()]).await;
    let reply = client.get("/p/acme-backend/compose").await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = reply.html();
    let body = select_text(&html, "textarea#body").join("");
    assert!(body.starts_with("Hi Ana,"), "{body}");
    assert_eq!(
        select_attr(&html, "#composer input[name=kind]", "value"),
        ["follow-up"]
    );
    assert_eq!(
        select_attr(&html, "input#to", "value"),
        ["ana@acme.example"]
    );
    assert_eq!(
        select_attr(&html, "#draft-kind option[selected]", "value"),
        ["follow-up"]
    );
    // Every form carries the session's CSRF token, so a browser's POST passes the guard.
    assert_eq!(
        select_attr(&html, "form[method=post] input[name=csrf]", "value"),
        [client.csrf.clone(), client.csrf.clone()]
    );
    let mailto = select_attr(&html, "a#mailto", "href").pop().unwrap();
    assert!(
        mailto.starts_with("mailto:ana@acme.example?subject="),
        "{mailto}"
    );
    assert_eq!(
        select_attr(&html, "script[src='/static/compose.js']", "src").len(),
        1
    );
}

#[tokio::test]
async fn choosing_a_kind_tone_and_variant_re_drafts() {
    let client = Client::new(vec![acme()]).await;
    let first = client.get("/p/acme-backend/compose").await.html();
    let second = client
        .get("/p/acme-backend/compose?kind=follow-up&tone=formal&variant=2")
        .await
        .html();
    let a = select_text(&first, "textarea#body").join("");
    let b = select_text(&second, "textarea#body").join("");
    assert_ne!(a, b);
    assert!(b.starts_with("Dear"), "{b}");
    // A kind that cannot be drafted honestly says why, and leaves the editor empty.
    let align = client.get("/p/acme-backend/compose?kind=align").await;
    assert_eq!(align.status, StatusCode::OK);
    let html = align.html();
    assert!(
        select_text(&html, "p.note").join("").contains("align"),
        "{}",
        align.body
    );
    assert_eq!(select_text(&html, "textarea#body").join(""), "");
}

#[tokio::test]
async fn api_check_needs_the_csrf_header_and_answers_check_json() {
    let client = Client::new(vec![acme()]).await;
    let request = serde_json::json!({ "text": WEAK, "kind": "follow-up" });
    assert_eq!(
        api(&client, request.clone(), None).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        api(&client, request.clone(), Some("wrong")).await.status,
        StatusCode::FORBIDDEN
    );
    let reply = api(&client, request, Some(&client.csrf)).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply
            .header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    let got: Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(got, check_json(WEAK, MessageKind::FollowUp, false));
    assert_eq!(got["verdict"], "weak");

    // With the process: the same as `check --process acme-backend --json`.
    let request =
        serde_json::json!({ "text": WEAK, "kind": "follow-up", "process": "acme-backend" });
    let got: Value =
        serde_json::from_str(&api(&client, request, Some(&client.csrf)).await.body).unwrap();
    assert_eq!(got, check_json(WEAK, MessageKind::FollowUp, true));

    // With fix: the review and then "fixed", which reviews strong.
    let request = serde_json::json!({ "text": WEAK, "kind": "follow-up", "process": "acme-backend", "fix": true });
    let got: Value =
        serde_json::from_str(&api(&client, request, Some(&client.csrf)).await.body).unwrap();
    let fixed = got["fixed"].as_str().unwrap();
    assert_eq!(
        check_json(fixed, MessageKind::FollowUp, true)["verdict"],
        "strong",
        "{fixed}"
    );
}

#[tokio::test]
async fn api_check_refuses_bad_requests_with_a_reason() {
    let client = Client::new(vec![acme()]).await;
    let csrf = Some(client.csrf.as_str());
    let kind = api(
        &client,
        serde_json::json!({ "text": "Hi", "kind": "poem" }),
        csrf,
    )
    .await;
    assert_eq!(kind.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(kind.body.contains("kind: unknown value"), "{}", kind.body);
    let empty = api(&client, serde_json::json!({ "text": " \u{200b}\n" }), csrf).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let nobody = api(
        &client,
        serde_json::json!({ "text": "Hi", "process": "nobody" }),
        csrf,
    )
    .await;
    assert_eq!(nobody.status, StatusCode::NOT_FOUND);
    let garbage = client
        .send(
            client
                .request(Method::POST, "/api/check")
                .header(ORIGIN.0, ORIGIN.1)
                .header("x-csrf-token", &client.csrf)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{not json"))
                .unwrap(),
        )
        .await;
    assert!(garbage.status.is_client_error(), "{}", garbage.status);
}

#[tokio::test]
async fn without_javascript_check_and_fix_post_the_form() {
    let client = Client::new(vec![acme()]).await;
    let path = "/p/acme-backend/compose";
    let fields = [
        ("kind", "follow-up"),
        ("to", "ana@acme.example"),
        ("subject", "Backend Engineer"),
        ("body", WEAK),
    ];
    let mut check = fields.to_vec();
    check.push(("action", "check"));
    let reply = form(&client, path, &check).await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = reply.html();
    assert_eq!(select_text(&html, "textarea#body").join(""), WEAK);
    assert_eq!(
        select_attr(&html, "#verdict", "data-verdict"),
        ["weak"],
        "{}",
        reply.body
    );
    let items = select_text(&html, "#findings li.sev-error");
    assert!(items.iter().any(|i| i.contains("anxious")), "{items:?}");
    assert!(select_attr(&html, "#fixed-panel", "hidden").len() == 1);

    let mut fix = fields.to_vec();
    fix.push(("action", "fix"));
    let html = form(&client, path, &fix).await.html();
    assert!(select_attr(&html, "#fixed-panel", "hidden").is_empty());
    let fixed = select_text(&html, "textarea#fixed-text").join("");
    assert!(fixed.starts_with("Hi Ana,"), "{fixed}");
    assert!(!fixed.contains("anxious"), "{fixed}");
}

#[tokio::test]
async fn mark_as_sent_logs_the_message_and_returns_to_the_process() {
    let client = Client::new(vec![acme()]).await;
    let body = "Hi Ana,\n\nIs there any update on the Backend Engineer role?\n\nMaria";
    let reply = form(
        &client,
        "/p/acme-backend/compose",
        &[
            ("kind", "follow-up"),
            ("to", "ana@acme.example"),
            ("subject", "Backend Engineer"),
            ("body", body),
            ("action", "sent"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.header("location"), Some("/p/acme-backend"));
    let page = client.get("/p/acme-backend").await;
    assert!(
        page.body
            .contains("Is there any update on the Backend Engineer role?"),
        "{}",
        page.body
    );
    // Without the CSRF field nothing is logged.
    let request = client
        .request(Method::POST, "/p/acme-backend/compose")
        .header(ORIGIN.0, ORIGIN.1)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("kind=follow-up&body=x&action=sent"))
        .unwrap();
    assert_eq!(client.send(request).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_checker_without_a_process_has_a_kind_selector() {
    let client = Client::new(vec![]).await;
    let page = client.get("/check?kind=thank-you").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.html();
    assert_eq!(
        select_attr(&html, "#check-kind option[selected]", "value"),
        ["thank-you"]
    );
    assert!(select_attr(&html, "#sent-button", "value").is_empty());
    let reply = form(
        &client,
        "/check",
        &[("kind", "thank-you"), ("body", WEAK), ("action", "check")],
    )
    .await;
    let html = reply.html();
    assert_eq!(select_attr(&html, "#verdict", "data-verdict"), ["weak"]);
    let bad = form(&client, "/check", &[("kind", "poem"), ("body", "x")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}
