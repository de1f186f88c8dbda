//! Hostile text in every field a process can hold, and hostile handles in the address: all of
//! it is shown as text, never as markup, and cannot reorder the page around it.

use axum::http::StatusCode;
use followup_core::{EventKind, Process};
use scraper::Html;

use crate::support::{Client, Document, acme, process, select_attr, select_text};

pub const SCRIPT: &str = "<script>alert(1)</script>";
pub const BREAKOUT: &str = "\"><img src=x onerror=alert(1)>";
/// A right-to-left override and an isolate that never closes.
pub const RTL: &str = "\u{202E}gnp.exe\u{2067} \u{200F}";

/// A process whose every text field holds `text` (and whose handle is `handle`).
fn hostile(text: &str, handle: &str) -> Process {
    let x = "placeholder";
    let mut process = process(serde_json::json!({
        "company": x, "role": x, "handle": "placeholder",
        "contacts": [{"name": x, "email": "x@x.example", "title": x, "honorific": x}],
        "events": [
            {"type": "interview", "at": "2026-05-05T14:00:00Z", "stage": x, "topics": [x], "with": [x]},
            {"type": "promise", "at": "2026-05-05T15:00:00Z", "by": "2026-05-08", "note": x},
            {"type": "sent", "at": "2026-05-06T09:00:00Z", "kind": "other", "subject": x, "body": x, "to": ["x@x.example"]},
            {"type": "reply", "at": "2026-05-06T10:00:00Z", "body": x, "from": x},
            {"type": "context-change", "at": "2026-05-06T11:00:00Z", "reason": "competing-offer", "real": false, "note": x},
            {"type": "closed", "at": "2026-05-06T12:00:00Z", "outcome": "withdrew", "note": x},
            {"type": "reopened", "at": "2026-05-06T13:00:00Z", "note": x}
        ]
    }));
    // Documents refuse such text now (issue 9); a database written before may still hold it,
    // so the pages must show it safely: every field is set past the document's checks.
    let t = || text.to_owned();
    process.company = t();
    process.role = t();
    process.handle = Some(handle.to_owned());
    for contact in &mut process.contacts {
        (contact.name, contact.email) = (t(), Some(t()));
        (contact.title, contact.honorific) = (Some(t()), Some(t()));
    }
    for event in &mut process.events {
        match &mut event.kind {
            EventKind::Interview(i) => {
                (i.stage, i.topics, i.with) = (Some(t()), vec![t()], vec![t()])
            }
            EventKind::Sent {
                subject, body, to, ..
            } => (*subject, *body, *to) = (Some(t()), Some(t()), vec![t()]),
            EventKind::Reply { body, from, .. } => (*body, *from) = (Some(t()), Some(t())),
            EventKind::Promise { note, .. }
            | EventKind::ContextChange { note, .. }
            | EventKind::Closed { note, .. }
            | EventKind::Reopened { note } => *note = Some(t()),
            _ => {}
        }
    }
    process
}

/// No element or attribute came from the hostile text: the only script is ours, no image, no
/// handler attribute.
pub fn assert_inert(html: &Html, page: &str) {
    assert_eq!(
        select_attr(html, "script", "src"),
        ["/static/app.js"],
        "{page}"
    );
    assert!(select_attr(html, "img", "src").is_empty(), "{page}");
    for node in html.root_element().descendants() {
        if let Some(element) = node.value().as_element() {
            assert!(
                element.attrs().all(|(name, _)| !name.starts_with("on")),
                "{page}: {element:?}"
            );
        }
    }
}

#[tokio::test]
async fn markup_in_every_field_is_shown_as_text() {
    for (i, text) in [SCRIPT, BREAKOUT, RTL].into_iter().enumerate() {
        let handle = format!("hostile-{i}");
        let client = Client::new(vec![hostile(text, &handle), acme()]).await;
        for page in ["/".to_owned(), format!("/p/{handle}")] {
            let reply = client.get(&page).await;
            assert_eq!(reply.status, StatusCode::OK, "{page}");
            assert!(!reply.body.contains(SCRIPT) && !reply.body.contains("<img"));
            let html = reply.html();
            assert_inert(&html, &page);
            // The text survives whole: the company in its link or heading, as written.
            let company = if page == "/" {
                select_text(&html, ".item-title bdi")
            } else {
                select_text(&html, "h1 bdi")
            };
            assert!(company.iter().any(|c| c == text), "{page}: {company:?}");
        }
        let page = client.get(&format!("/p/{handle}")).await;
        let html = page.html();
        // Every user field is isolated from the text around it.
        let isolated = select_text(&html, "bdi");
        let expected = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>();
        let count = isolated
            .iter()
            .filter(|t| t.chars().filter(|c| !c.is_whitespace()).collect::<String>() == expected)
            .count();
        assert!(count >= 14, "{count} isolated fields for {text:?}");
        let messages = select_text(&html, ".message");
        assert_eq!(messages, [text, text], "sent and reply bodies");
        assert_eq!(
            select_text(&html, "title")[0],
            format!("{text} — {text} · followup")
        );
    }
}

/// The fields of format 2 (details, applied, offer, note, away, what a reply asks), shown by
/// the process page of a backend that keeps them.
#[tokio::test]
async fn markup_in_the_format_2_fields_is_shown_as_text() {
    let t = BREAKOUT;
    let process = process(serde_json::json!({
        "format": 2, "company": "Acme", "role": "SRE", "handle": "acme-sre",
        "url": t, "location": t, "salary": t, "notes": t,
        "events": [
            {"type": "applied", "at": "2026-05-01T09:00:00Z", "url": t, "source": t, "note": t},
            {"type": "interview", "at": "2026-05-05T14:00:00Z"},
            {"type": "reply", "at": "2026-05-06T10:00:00Z", "body": t, "asks": "answer", "respond_by": "2026-05-15"},
            {"type": "away", "at": "2026-05-07T10:00:00Z", "until": "2026-05-08"},
            {"type": "note", "at": "2026-05-07T11:00:00Z", "text": t},
            {"type": "offer", "at": "2026-05-08T11:00:00Z", "deadline": "2026-05-20", "note": t}
        ]
    }));
    let client = Client::with(Document(process), false).await;
    let reply = client.get("/p/acme-sre").await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = reply.html();
    assert_inert(&html, "/p/acme-sre");
    let shown = select_text(&html, "bdi").iter().filter(|b| *b == t).count();
    assert_eq!(shown, 9, "{}", reply.body);
    assert_eq!(select_text(&html, ".message"), [t]);
    let heads = select_text(&html, ".event-head strong");
    assert_eq!(
        heads,
        [
            "Applied",
            "Interview",
            "Reply",
            "Out of office",
            "Note",
            "Offer"
        ]
    );
    let details = select_text(&html, ".details");
    assert!(details.contains(&"They ask: answer · answer by Friday 15 May".to_owned()));
    assert!(details.contains(&"Away until Friday 8 May".to_owned()));
    assert!(details.contains(&"Answer by Wednesday 20 May".to_owned()));
}

#[tokio::test]
async fn sixty_four_kib_in_every_field_renders_whole() {
    let big = "x".repeat(64 * 1024);
    let words = "word ".repeat(64 * 1024 / 5);
    let mut process = hostile(&big, "big");
    if let followup_core::EventKind::Sent { body, .. } = &mut process.events[2].kind {
        *body = Some(words.clone());
    }
    let client = Client::new(vec![process]).await;
    let reply = client.get("/p/big").await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = reply.html();
    assert_eq!(select_text(&html, "h1 bdi"), [big.clone(), big.clone()]);
    // Long messages are folded, not cut.
    let folded = select_text(&html, "details.message .text");
    assert_eq!(folded, [words.clone(), big.clone()]);
    let agenda = client.get("/").await;
    assert_eq!(agenda.status, StatusCode::OK);
}

#[tokio::test]
async fn hostile_handles_are_encoded_in_links_and_echoed_as_text() {
    let handle = "a/../b?c=<d>#e";
    let client = Client::new(vec![hostile("Acme", handle)]).await;
    let html = client.get("/").await.html();
    let href = select_attr(&html, ".item-title", "href");
    assert_eq!(href, ["/p/a%2F..%2Fb%3Fc%3D%3Cd%3E%23e"]);
    let page = client.get(&href[0]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(select_text(&page.html(), ".meta code"), [handle]);

    for path in [
        "/p/..%2F..%2Fetc%2Fpasswd",
        "/p/%2E%2E",
        "/p/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/p/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "/p/../../etc/passwd",
        "/p/..",
    ] {
        let reply = client.get(path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!reply.body.contains("<script>a") && !reply.body.contains("<img"));
        assert_inert(&reply.html(), path);
    }
    let echoed = client.get("/p/..%2F..%2Fetc%2Fpasswd").await.html();
    assert_eq!(select_text(&echoed, "main code"), ["../../etc/passwd"]);
    let long = format!("/p/{}", "a".repeat(60_000));
    assert_eq!(client.get(&long).await.status, StatusCode::NOT_FOUND);
}
