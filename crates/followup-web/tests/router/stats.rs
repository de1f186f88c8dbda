//! `/stats`: the figures of a fixture with known counts, each drawn and tabled.

use axum::http::StatusCode;
use followup_core::Process;

use crate::support::{Client, acme, process, select_text};

/// Acme's follow-up went out one business day after its Friday promise and got nothing.
fn acme_followed_up() -> Process {
    let mut acme = acme();
    let sent = process(serde_json::json!({
        "company": "x", "role": "y",
        "events": [{"type": "sent", "at": "2026-05-11T10:00:00Z", "kind": "follow-up", "body": "Hi Ana"}]
    }));
    acme.events.extend(sent.events);
    acme
}

/// A thank-you answered two business days later.
fn thanked() -> Process {
    process(serde_json::json!({
        "company": "Initech", "role": "SRE", "handle": "initech-sre",
        "events": [
            {"type": "interview", "at": "2026-05-04T10:00:00Z"},
            {"type": "sent", "at": "2026-05-04T18:00:00Z", "kind": "thank-you", "body": "Thank you"},
            {"type": "reply", "at": "2026-05-06T09:00:00Z", "body": "Thanks, Maria"}
        ]
    }))
}

/// An application that ended in a rejection.
fn rejected() -> Process {
    process(serde_json::json!({
        "company": "Hooli", "role": "PM", "handle": "hooli-pm",
        "events": [
            {"type": "applied", "at": "2026-05-01T09:00:00Z"},
            {"type": "closed", "at": "2026-05-07T09:00:00Z", "outcome": "rejected"}
        ]
    }))
}

#[tokio::test]
async fn stats_draw_and_table_every_figure() {
    let client = Client::new(vec![acme_followed_up(), thanked(), rejected()]).await;
    let reply = client.get("/stats").await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = reply.html();
    assert_eq!(select_text(&html, "h1"), ["What your search tells you"]);
    let lead = select_text(&html, "p.lead").join(" ");
    assert!(
        lead.contains("3 processes: 2 open, 0 hired, 1 rejected"),
        "{lead}"
    );
    let figures = select_text(&html, ".figures dd");
    assert_eq!(figures, ["2 business days", "0 of 3 processes (0%)"]);
    // Three charts, each an SVG with a table of its numbers beneath.
    assert_eq!(select_text(&html, "section.chart h2").len(), 3);
    assert_eq!(
        html.select(&scraper::Selector::parse("svg.bars").unwrap())
            .count(),
        3
    );
    let cells = select_text(&html, "table.numbers td");
    // Funnel: applied, interviewed, offered, hired.
    assert_eq!(cells[..4], ["3", "2", "0", "0"]);
    // By kind (sent, replied, rate): thank-you 1/1, follow-up 0/1, final none, align none.
    assert_eq!(cells[4..7], ["1", "1", "100%"]);
    assert_eq!(cells[7..10], ["1", "0", "0%"]);
    assert_eq!(cells[10..13], ["0", "0", "—"]);
    // By delay: the one follow-up went out one business day late.
    assert_eq!(cells[16..19], ["0", "0", "—"], "on the day");
    assert_eq!(cells[19..22], ["1", "0", "0%"], "one day late");
    let values = select_text(&html, "svg .bar-value");
    assert!(values.contains(&"1/1 (100%)".to_owned()), "{values:?}");
    assert!(values.contains(&"none sent".to_owned()), "{values:?}");
}

#[tokio::test]
async fn stats_with_nothing_tracked_point_to_the_new_form() {
    let client = Client::new(vec![]).await;
    let html = client.get("/stats").await.html();
    assert_eq!(select_text(&html, "p.empty a"), ["Add your first process"]);
}
