//! What the agenda and process pages show, and the layout around them.

use axum::http::StatusCode;
use followup_core::Process;

use crate::support::{Client, Fixture, PAGES, acme, globex, process, select_attr, select_text};

/// Globex's promise answered: a reply, then a follow-up sent and undone, plus a long message.
fn talkative() -> Process {
    let long = "A line of the reply that goes on.\n".repeat(30);
    process(serde_json::json!({
        "company": "Initech", "role": "SRE", "handle": "initech-sre",
        "contacts": [{"name": "Bill Lumbergh", "title": "Manager"}, {"name": "Milton"}],
        "events": [
            {"type": "interview", "at": "2026-05-04T10:00:00Z", "rapport": "back-and-forth",
             "stage": "technical", "topics": ["on-call", "SLOs"], "with": ["Bill", "Peter"]},
            {"type": "sent", "at": "2026-05-04T18:00:00Z", "kind": "thank-you",
             "subject": "Thanks", "body": "Thank you for today.\nBest, Maria", "to": ["bill@initech.example"]},
            {"type": "reply", "at": "2026-05-06T09:00:00Z", "from": "Bill", "body": long},
            {"type": "context-change", "at": "2026-05-07T09:00:00Z", "reason": "competing-offer",
             "real": false, "note": "just a rumour"},
            {"type": "interview", "at": "2026-05-20T15:00:00Z", "stage": "final"}
        ]
    }))
}

#[tokio::test]
async fn the_agenda_shows_each_section_with_its_rows() {
    let client = Client::new(vec![acme(), globex()]).await;
    let reply = client.get("/").await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = reply.html();
    assert_eq!(select_text(&html, "h1"), ["Agenda"]);
    assert_eq!(
        select_text(&html, "h2"),
        ["Act now (1)", "Waiting (1)"],
        "sections in order, with counts"
    );
    assert_eq!(
        select_attr(&html, ".item-title", "href"),
        ["/p/acme-backend", "/p/globex-design"]
    );
    let actions = select_text(&html, ".item-action");
    assert_eq!(actions[0], "Follow-up due since Monday 11 May");
    assert_eq!(
        actions[1],
        "Wait until Thursday 21 May, then send one short follow-up"
    );
    let reasons = select_text(&html, ".item-reason");
    assert_eq!(
        reasons[0],
        "They promised an answer by Friday 8 May, and that day has passed."
    );
    let buttons = select_text(&html, ".item .button");
    assert_eq!(buttons[0], "Draft: Acme, Backend Engineer");
    assert_eq!(buttons[1], "View: Globex, Designer");
    assert_eq!(
        select_attr(&html, "nav a[aria-current=page]", "href"),
        ["/"]
    );
}

#[tokio::test]
async fn the_agenda_says_when_nothing_is_tracked_or_due() {
    let empty = Client::new(vec![]).await.get("/").await;
    assert!(
        empty.body.contains("Nothing tracked yet."),
        "{}",
        empty.body
    );
    let mut closed = acme();
    closed.events.push(followup_core::Event {
        id: None,
        at: "2026-05-12T09:00:00Z".parse().unwrap(),
        kind: followup_core::EventKind::Closed {
            outcome: followup_core::Outcome::Rejected,
            note: None,
        },
    });
    let quiet = Client::new(vec![closed]).await.get("/").await;
    assert!(
        quiet
            .body
            .contains("Nothing to do today across 1 tracked processes."),
        "{}",
        quiet.body
    );
}

#[tokio::test]
async fn the_process_page_shows_the_advice_contacts_and_timeline() {
    let client = Client::new(vec![acme(), talkative()]).await;
    let html = client.get("/p/acme-backend").await.html();
    assert_eq!(select_text(&html, "h1"), ["Acme — Backend Engineer"]);
    assert_eq!(
        select_text(&html, "title"),
        ["Acme — Backend Engineer · followup"]
    );
    let advice = select_text(&html, "#advice p");
    assert_eq!(advice[0], "Follow-up due since Monday 11 May");
    assert_eq!(
        advice[1],
        "They promised an answer by Friday 8 May, and that day has passed."
    );
    assert_eq!(advice[2], "Rule: promise-passed");
    assert_eq!(
        select_text(&html, ".contacts li"),
        ["Ana Souza, Recruiter <ana@acme.example>"]
    );
    assert_eq!(
        select_text(&html, ".event-head"),
        [
            "Interview · Tuesday 5 May at 14:00",
            "Promise: an answer by Friday 8 May · Tuesday 5 May at 15:00",
        ]
    );
    assert_eq!(select_text(&html, ".note"), ["Note: said Friday"]);
    assert_eq!(
        select_attr(&html, "time", "datetime")[0],
        "2026-05-05T14:00:00Z"
    );

    let html = client.get("/p/initech-sre").await.html();
    let heads = select_text(&html, ".event-head");
    assert_eq!(heads.len(), 5);
    assert_eq!(heads[1], "Sent: thank-you · Monday 4 May at 18:00");
    assert_eq!(heads[4], "Interview · Wednesday 20 May at 15:00 planned");
    let details = select_text(&html, ".details");
    assert!(details.contains(&"Rapport: back-and-forth · stage: technical".to_owned()));
    assert!(details.contains(&"Topics: on-call, SLOs".to_owned()));
    assert!(details.contains(&"To: bill@initech.example".to_owned()));
    assert!(details.contains(&"Not marked real: it justifies no message".to_owned()));
    // A short message is shown whole, a long one folded behind its word count.
    assert_eq!(
        select_text(&html, "div.message"),
        ["Thank you for today.\nBest, Maria"]
    );
    assert_eq!(
        select_text(&html, "details.message summary"),
        ["The message (240 words)"]
    );
    assert_eq!(
        select_text(&html, ".contacts li"),
        ["Bill Lumbergh, Manager", "Milton"]
    );
}

#[tokio::test]
async fn an_unknown_handle_is_404_with_the_closest_one() {
    let client = Client::new(vec![acme()]).await;
    let reply = client.get("/p/acme-backnd").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let html = reply.html();
    assert_eq!(select_text(&html, "h1"), ["No such process"]);
    assert_eq!(
        select_attr(&html, "main a", "href"),
        ["/p/acme-backend", "/"]
    );
}

#[tokio::test]
async fn every_page_has_the_navigation_and_the_demo_banner_only_in_demo() {
    let client = Client::new(vec![acme(), globex()]).await;
    let demo = Client::with(Fixture::new(vec![acme(), globex()]), true).await;
    for path in PAGES {
        let html = client.get(path).await.html();
        assert_eq!(
            select_text(&html, "nav a"),
            [
                "Agenda",
                "Processes",
                "Board",
                "New",
                "Check",
                "Stats",
                "Data"
            ],
            "{path}"
        );
        assert_eq!(select_text(&html, "a.skip"), ["Skip to content"]);
        assert_eq!(select_attr(&html, "main", "id"), ["main"]);
        assert!(select_text(&html, ".demo").is_empty());
        assert_eq!(select_attr(&html, "html", "lang"), ["en"]);
        assert_eq!(
            select_attr(&html, "meta[name=viewport]", "content"),
            ["width=device-width, initial-scale=1"]
        );

        let html = demo.get(path).await.html();
        assert_eq!(
            select_text(&html, ".demo"),
            ["Demo: changes are lost when the server stops"],
            "{path}"
        );
    }
}

#[tokio::test]
async fn an_interview_ahead_is_coming_up() {
    let booked = process(serde_json::json!({
        "company": "Umbrella", "role": "SRE", "handle": "umbrella-sre",
        "events": [
            {"type": "interview", "at": "2026-05-04T10:00:00Z"},
            {"type": "interview", "at": "2026-05-20T15:00:00Z", "stage": "final"}
        ]
    }));
    let client = Client::new(vec![acme(), booked]).await;
    let html = client.get("/").await.html();
    assert_eq!(select_text(&html, "h2"), ["Act now (1)", "Coming up (1)"]);
    let actions = select_text(&html, ".item-action");
    assert_eq!(
        actions[1],
        "Interview Wednesday 20 May at 15:00: nothing to send before it"
    );
    assert_eq!(
        select_text(&html, ".item .button")[1],
        "View: Umbrella, SRE"
    );
}

#[tokio::test]
async fn a_question_of_theirs_is_your_move() {
    let asked = process(serde_json::json!({
        "format": 2, "company": "Globex", "role": "Designer", "handle": "globex-design",
        "events": [
            {"type": "interview", "at": "2026-05-04T10:00:00Z"},
            {"type": "reply", "at": "2026-05-12T09:00:00Z", "asks": "answer", "respond_by": "2026-05-14"}
        ]
    }));
    let client = Client::with(crate::support::Document(asked), false).await;
    let html = client.get("/").await.html();
    assert_eq!(select_text(&html, "h2"), ["Your move (1)"]);
    assert_eq!(
        select_text(&html, ".item-action"),
        ["Answer them due since Tuesday 12 May · they asked by Thursday 14 May"]
    );
    assert_eq!(
        select_text(&html, ".item .button"),
        ["Respond: Globex, Designer"]
    );
}
