//! The pages that list and change processes: Processes and the board, New process, and the
//! process page's forms (every entry, the confirmation step, close and reopen, undo), each
//! valid, invalid, without CSRF, from a foreign origin, and with hostile text in every field.

use axum::http::StatusCode;

use crate::hostile::{BREAKOUT, RTL, SCRIPT, assert_inert};
use crate::labels::unlabelled;
use crate::support::{Client, Reply, acme, globex, process, select_attr, select_text};

const FOREIGN: &[(&str, &str)] = &[("origin", "http://evil.example")];

/// A closed process, to sort and filter by stage.
fn initech() -> followup_core::Process {
    process(serde_json::json!({
        "company": "Initech", "role": "SRE", "handle": "initech-sre",
        "events": [
            {"type": "interview", "at": "2026-05-04T10:00:00Z", "stage": "technical"},
            {"type": "closed", "at": "2026-05-06T10:00:00Z", "outcome": "rejected"}
        ]
    }))
}

async fn client() -> Client {
    Client::new(vec![acme(), globex(), initech()]).await
}

fn assert_labelled(reply: &Reply, what: &str) {
    assert_eq!(unlabelled(&reply.html()), Vec::<String>::new(), "{what}");
}

// --- Processes and the board -------------------------------------------------------------

#[tokio::test]
async fn the_list_shows_every_column_sorted_by_the_next_date() {
    let client = client().await;
    let reply = client.get("/processes").await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = reply.html();
    assert_eq!(
        select_text(&html, "th a")
            .iter()
            .map(|t| t
                .split(" (")
                .next()
                .unwrap()
                .trim_end_matches([' ', '▲', '▼']))
            .collect::<Vec<_>>(),
        [
            "Company",
            "Role",
            "Stage",
            "Last contact",
            "Next step",
            "Date"
        ]
    );
    let rows = select_text(&html, "tbody tr td:first-child");
    assert_eq!(
        rows,
        ["Acme", "Globex", "Initech"],
        "due first, undated last"
    );
    let acme: Vec<String> = select_text(&html, "tbody tr:first-child td");
    assert_eq!(
        acme,
        [
            "Acme",
            "Backend Engineer",
            "interviewing",
            "Tuesday 5 May",
            "Follow-up",
            "Monday 11 May"
        ]
    );
    assert_eq!(
        select_text(&html, "tbody tr.closed td:nth-child(3)"),
        ["closed: rejected"]
    );
    assert_eq!(
        select_attr(&html, "th[aria-sort]", "aria-sort"),
        ["ascending"]
    );
    assert_eq!(
        select_attr(&html, "nav a[aria-current=page]", "href"),
        ["/processes"]
    );
}

#[tokio::test]
async fn any_column_sorts_both_ways_by_its_link() {
    let client = client().await;
    let html = client.get("/processes").await.html();
    let links = select_attr(&html, "th a", "href");
    assert_eq!(links[0], "/processes?sort=company&dir=asc");
    let desc = client.get("/processes?sort=company&dir=desc").await.html();
    assert_eq!(
        select_text(&desc, "tbody tr td:first-child"),
        ["Initech", "Globex", "Acme"]
    );
    assert_eq!(
        select_attr(&desc, "th[aria-sort]", "aria-sort"),
        ["descending"]
    );
    // The sorted column's link flips the direction.
    assert_eq!(
        select_attr(&desc, "th[aria-sort] a", "href"),
        ["/processes?sort=company&dir=asc"]
    );
    let by_stage = client.get("/processes?sort=stage").await.html();
    assert_eq!(
        select_text(&by_stage, "tbody tr td:nth-child(3)"),
        ["closed: rejected", "interviewing", "interviewing"]
    );
    let by_last = client.get("/processes?sort=last&dir=desc").await.html();
    assert_eq!(
        select_text(&by_last, "tbody tr td:first-child"),
        ["Globex", "Acme", "Initech"]
    );
    // A column that does not exist falls back to the date.
    let odd = client
        .get("/processes?sort=%3Cscript%3E&dir=sideways")
        .await;
    assert_eq!(odd.status, StatusCode::OK);
    assert_inert(&odd.html(), "odd sort");
}

#[tokio::test]
async fn the_list_filters_by_text_and_stage_with_a_get_form() {
    let client = client().await;
    let html = client.get("/processes").await.html();
    assert_eq!(select_attr(&html, "form.filters", "method"), ["get"]);
    let stages = select_attr(&html, "#stage option", "value");
    assert_eq!(stages, ["", "interviewing", "closed: rejected"]);
    let found = client.get("/processes?q=glob").await.html();
    assert_eq!(select_text(&found, "tbody tr td:first-child"), ["Globex"]);
    assert_eq!(select_attr(&found, "#q", "value"), ["glob"]);
    let closed = client
        .get("/processes?stage=closed%3A+rejected")
        .await
        .html();
    assert_eq!(select_text(&closed, "tbody tr td:first-child"), ["Initech"]);
    let none = client.get("/processes?q=nothing-like-it").await.html();
    assert_eq!(select_text(&none, ".empty a"), ["Show all"]);
    // Sorting keeps the filter.
    let sorted = client.get("/processes?q=e&sort=role").await.html();
    assert!(select_attr(&sorted, "th a", "href")[0].contains("q=e"));
    let hostile = client
        .get("/processes?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&stage=%3Cscript%3E")
        .await;
    assert_eq!(hostile.status, StatusCode::OK);
    assert_inert(&hostile.html(), "hostile filter");
    assert_eq!(select_attr(&hostile.html(), "#q", "value"), [BREAKOUT]);
}

#[tokio::test]
async fn the_board_has_a_column_per_stage_closed_last() {
    let client = client().await;
    let reply = client.get("/board").await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = reply.html();
    assert_eq!(
        select_text(&html, ".column h2"),
        ["interviewing (2)", "closed: rejected (1)"]
    );
    assert_eq!(
        select_attr(&html, ".column .card a", "href"),
        ["/p/acme-backend", "/p/globex-design", "/p/initech-sre"]
    );
    assert_eq!(
        select_text(&html, ".card-next")[0],
        "Follow-up · Monday 11 May"
    );
    let empty = Client::new(vec![]).await;
    assert_eq!(
        select_text(&empty.get("/board").await.html(), ".empty a"),
        ["Add your first process"]
    );
}

// --- New process -------------------------------------------------------------------------

#[tokio::test]
async fn a_new_process_is_created_and_leads_to_its_page() {
    let client = client().await;
    let form = client.get("/new").await;
    assert_eq!(form.status, StatusCode::OK);
    assert_labelled(&form, "/new");
    assert_eq!(
        select_attr(&form.html(), "form.form [name]", "name"),
        ["csrf", "company", "role", "contact", "zone", "url"]
    );
    let reply = client
        .post(
            "/new",
            &[
                ("company", "  Hooli "),
                ("role", "Platform Engineer"),
                ("contact", "Gavin Belson <gavin@hooli.example>"),
                ("zone", "America/Los_Angeles"),
                ("url", "https://hooli.example/jobs/1"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let to = reply.header("location").unwrap().to_owned();
    assert_eq!(to, "/p/hooli-platform");
    let page = client.get(&to).await;
    let html = page.html();
    assert_eq!(select_text(&html, "h1"), ["Hooli — Platform Engineer"]);
    assert!(select_text(&html, ".meta")[0].contains("America/Los_Angeles"));
    assert!(select_text(&html, ".contacts")[0].contains("gavin@hooli.example"));
    assert!(select_text(&html, ".facts")[0].contains("https://hooli.example/jobs/1"));
    let list = client.get("/processes?q=hooli").await.html();
    assert_eq!(select_text(&list, "tbody tr td:nth-child(3)"), ["added"]);
}

#[tokio::test]
async fn a_bad_field_is_shown_beside_it_with_the_form_as_typed() {
    let client = client().await;
    for (fields, id, says) in [
        (
            vec![("company", " "), ("role", "Dev")],
            "company",
            "must not be empty",
        ),
        (
            vec![("company", "Acme"), ("role", "")],
            "role",
            "must not be empty",
        ),
        (
            vec![
                ("company", "Acme"),
                ("role", "Dev"),
                ("zone", "Mars/Olympus"),
            ],
            "zone",
            "unknown time zone",
        ),
        (
            vec![
                ("company", "Acme"),
                ("role", "Dev"),
                ("contact", "Ana <ana@acme"),
            ],
            "contact",
            "missing '>'",
        ),
    ] {
        let reply = client.post("/new", &fields).await;
        assert_eq!(reply.status, StatusCode::OK, "{id}");
        let html = reply.html();
        assert_eq!(select_attr(&html, "[aria-invalid=true]", "id"), [id]);
        let error = select_text(&html, &format!("#{id}-error"));
        assert!(error[0].starts_with("Error: "), "{error:?}");
        assert!(error[0].contains(says), "{id}: {error:?}");
        assert_eq!(
            select_attr(&html, ".error-summary a", "href"),
            [format!("#{id}")]
        );
        assert!(select_text(&html, "title")[0].starts_with("Error: "));
        for (name, value) in &fields {
            let shown = select_attr(&html, &format!("#{name}"), "value");
            assert_eq!(shown, [*value], "{name} kept as typed");
        }
        assert_labelled(&reply, id);
    }
    assert_eq!(
        client
            .get("/processes")
            .await
            .html()
            .select(&scraper::Selector::parse("tbody tr").unwrap())
            .count(),
        3
    );
}

#[tokio::test]
async fn new_needs_the_csrf_token_and_a_same_origin_page() {
    let client = client().await;
    let fields = [("company", "Evil"), ("role", "Dev")];
    let no_csrf = client
        .post_raw("/new", &fields, &[("origin", "http://127.0.0.1:7878")])
        .await;
    assert_eq!(no_csrf.status, StatusCode::FORBIDDEN);
    let csrf = client.csrf.clone();
    let mut with_csrf = vec![("csrf", csrf.as_str())];
    with_csrf.extend_from_slice(&fields);
    let foreign = client.post_raw("/new", &with_csrf, FOREIGN).await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);
    let list = client.get("/processes?q=evil").await.html();
    assert!(
        select_text(&list, "tbody tr").is_empty(),
        "nothing was created"
    );
}

#[tokio::test]
async fn hostile_text_in_every_new_process_field_stays_text() {
    let big = "x".repeat(64 * 1024);
    for text in [SCRIPT, BREAKOUT, RTL, big.as_str(), "../../etc/passwd"] {
        let client = Client::new(vec![]).await;
        let fields = [
            ("company", text),
            ("role", text),
            ("contact", text),
            ("zone", text),
            ("url", text),
        ];
        let reply = client.post("/new", &fields).await;
        assert!(
            matches!(reply.status, StatusCode::OK | StatusCode::SEE_OTHER),
            "{}",
            reply.status
        );
        assert_inert(&reply.html(), "POST /new");
        if reply.status == StatusCode::OK {
            // Refused: every field is given back as typed, as an attribute value.
            let html = reply.html();
            for (name, _) in fields {
                assert_eq!(select_attr(&html, &format!("#{name}"), "value"), [text]);
            }
        }
        // Without a zone and contact, markup in the names is accepted and shown as text.
        let reply = client
            .post("/new", &[("company", text), ("role", text)])
            .await;
        if reply.status == StatusCode::SEE_OTHER {
            let to = reply.header("location").unwrap().to_owned();
            assert!(to.starts_with("/p/") && !to[3..].contains('/'), "{to}");
            let page = client.get(&to).await;
            assert_eq!(page.status, StatusCode::OK);
            assert_inert(&page.html(), &to);
            assert_eq!(select_text(&page.html(), "h1 bdi")[0], text);
            for path in ["/", "/processes", "/board"] {
                assert_inert(&client.get(path).await.html(), path);
            }
        } else {
            assert_eq!(reply.status, StatusCode::OK);
            assert_inert(&reply.html(), "refused");
        }
    }
}

// --- The process page's forms ------------------------------------------------------------

/// The fields a valid entry of each kind posts.
fn valid(kind: &str) -> Vec<(&'static str, &'static str)> {
    match kind {
        "interview" => vec![
            ("at", "yesterday 15:00"),
            ("rapport", "personal"),
            ("stage", "final"),
            ("topics", "caching, SLOs"),
        ],
        "promise" => vec![("by", "by friday")],
        "sent" => vec![
            ("kind", "follow-up"),
            ("subject", "Following up"),
            ("body", "Hello"),
        ],
        "reply" => vec![
            ("asks", "answer"),
            ("respond_by", "friday"),
            ("body", "Can you?"),
        ],
        "offer" => vec![("deadline", "in 3 days")],
        "away" => vec![("until", "monday")],
        "applied" => vec![("at", "8 may"), ("url", "https://acme.example/jobs/1")],
        "change" => vec![
            ("reason", "competing-offer"),
            ("real", "yes"),
            ("deadline", "friday"),
        ],
        "close" => vec![("outcome", "rejected")],
        _ => vec![],
    }
}

const KINDS: [&str; 10] = [
    "interview",
    "promise",
    "sent",
    "reply",
    "offer",
    "away",
    "applied",
    "change",
    "close",
    "reopen",
];

/// Posts `fields` to the log form of `kind`, then confirms what the page understood.
async fn log_and_confirm(
    client: &Client,
    handle: &str,
    kind: &str,
    fields: &[(&str, &str)],
) -> Reply {
    let mut all = vec![("entry", kind)];
    all.extend_from_slice(fields);
    let path = format!("/p/{handle}/log");
    let step = client.post(&path, &all).await;
    assert_eq!(step.status, StatusCode::OK, "{kind}: {}", step.body);
    let html = step.html();
    let save = scraper::Selector::parse("form.confirm-save input[type=hidden]").unwrap();
    let hidden: Vec<(String, String)> = html
        .select(&save)
        .map(|i| {
            let v = i.value();
            (
                v.attr("name").unwrap().to_owned(),
                v.attr("value").unwrap_or("").to_owned(),
            )
        })
        .filter(|(name, _)| name != "csrf")
        .collect();
    assert!(
        !hidden.is_empty(),
        "{kind}: no confirmation form in {}",
        step.body
    );
    let pairs: Vec<(&str, &str)> = hidden
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    client.post(&path, &pairs).await
}

#[tokio::test]
async fn a_promise_by_friday_is_confirmed_with_its_date_before_it_is_saved() {
    let client = client().await;
    let page = client.get("/p/globex-design").await;
    assert_labelled(&page, "process page");
    let ids = select_attr(&page.html(), "details[id^=form-]", "id");
    assert_eq!(
        ids,
        [
            "form-interview",
            "form-promise",
            "form-sent",
            "form-reply",
            "form-offer",
            "form-away",
            "form-applied",
            "form-change",
            "form-close"
        ]
    );
    let before = select_text(&page.html(), ".event").len();
    // Choices default as on the command line; one without a default must be chosen.
    let html = page.html();
    assert_eq!(
        select_attr(&html, "#interview-rapport option[selected]", "value"),
        ["formal"]
    );
    assert_eq!(
        select_attr(&html, "#reply-asks option[selected]", "value"),
        ["nothing"]
    );
    assert_eq!(
        select_attr(&html, "#sent-kind option[selected]", "value"),
        [""]
    );
    let unchosen = client
        .post("/p/globex-design/log", &[("entry", "sent"), ("kind", "")])
        .await;
    assert_eq!(
        select_attr(&unchosen.html(), "[aria-invalid=true]", "id"),
        ["sent-kind"]
    );

    let step = client
        .post(
            "/p/globex-design/log",
            &[("entry", "promise"), ("by", "by friday")],
        )
        .await;
    assert_eq!(step.status, StatusCode::OK);
    let html = step.html();
    assert_eq!(select_text(&html, "h1"), ["Check the date before saving"]);
    let understood = select_text(&html, ".understood li");
    assert!(
        understood[0].contains("Promise: an answer by Friday 15 May"),
        "{understood:?}"
    );
    assert!(
        understood[0].contains("Wednesday 13 May at 12:00"),
        "{understood:?}"
    );
    assert_labelled(&step, "confirmation");
    let after_step = client.get("/p/globex-design").await;
    assert_eq!(
        select_text(&after_step.html(), ".event").len(),
        before,
        "nothing saved yet"
    );

    let saved = log_and_confirm(&client, "globex-design", "promise", &[("by", "by friday")]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(
        saved.header("location"),
        Some("/p/globex-design?saved=promise#timeline")
    );
    let page = client.get("/p/globex-design?saved=promise").await.html();
    assert_eq!(select_text(&page, ".event").len(), before + 1);
    assert!(select_text(&page, ".saved")[0].starts_with("Saved: the promise is saved"));
    let heads = select_text(&page, ".event-head strong");
    assert!(
        heads.contains(&"Promise: an answer by Friday 15 May".to_owned()),
        "{heads:?}"
    );
}

#[tokio::test]
async fn every_entry_kind_confirms_then_saves() {
    for kind in KINDS {
        let closed = Client::new(vec![initech()]).await;
        let open = Client::new(vec![acme()]).await;
        let (client, handle) = if kind == "reopen" {
            (&closed, "initech-sre")
        } else {
            (&open, "acme-backend")
        };
        let saved = log_and_confirm(client, handle, kind, &valid(kind)).await;
        assert_eq!(
            saved.status,
            StatusCode::SEE_OTHER,
            "{kind}: {}",
            saved.body
        );
        let page = client.get(&format!("/p/{handle}")).await;
        let count = select_text(&page.html(), ".event").len();
        assert_eq!(count, 3, "{kind}: one event more");
    }
}

#[tokio::test]
async fn a_booked_interview_is_read_forward_and_said_to_come() {
    let client = client().await;
    let step = client
        .post(
            "/p/acme-backend/log",
            &[("entry", "interview"), ("on", "thursday 15:00")],
        )
        .await;
    let text = select_text(&step.html(), ".understood li")[0].clone();
    assert!(text.contains("Thursday 14 May at 15:00"), "{text}");
    assert!(text.contains("Booked"), "{text}");
    let both = client
        .post(
            "/p/acme-backend/log",
            &[
                ("entry", "interview"),
                ("on", "thursday"),
                ("at", "yesterday"),
            ],
        )
        .await;
    assert_eq!(
        select_attr(&both.html(), "[aria-invalid=true]", "id"),
        ["interview-on"]
    );
}

#[tokio::test]
async fn a_bad_date_is_shown_beside_its_field_with_the_form_open() {
    let client = client().await;
    for (kind, fields, id) in [
        ("promise", vec![("by", "the day after never")], "promise-by"),
        ("promise", vec![("by", "")], "promise-by"),
        (
            "promise",
            vec![("by", "friday"), ("at", "next blursday")],
            "promise-at",
        ),
        ("interview", vec![("on", "yesterday")], "interview-on"),
        (
            "reply",
            vec![("respond_by", "last monday")],
            "reply-respond_by",
        ),
        ("away", vec![("until", "")], "away-until"),
        ("sent", vec![("kind", "love-letter")], "sent-kind"),
        ("close", vec![("outcome", "exploded")], "close-outcome"),
    ] {
        let mut all = vec![("entry", kind)];
        all.extend_from_slice(&fields);
        let reply = client.post("/p/acme-backend/log", &all).await;
        assert_eq!(reply.status, StatusCode::OK, "{kind}");
        let html = reply.html();
        assert_eq!(
            select_attr(&html, "[aria-invalid=true]", "id"),
            [id],
            "{kind} {fields:?}"
        );
        assert!(select_text(&html, &format!("#{id}-error"))[0].starts_with("Error: "));
        assert_eq!(
            select_attr(&html, "details[open]", "id"),
            [format!("form-{kind}")]
        );
        for (name, value) in &fields {
            let field = format!("#{kind}-{name}");
            let shown = select_attr(&html, &field, "value");
            if !shown.is_empty() {
                assert_eq!(shown, [*value], "{field}");
            }
        }
        assert_labelled(&reply, id);
    }
    let page = client.get("/p/acme-backend").await;
    assert_eq!(
        select_text(&page.html(), ".event").len(),
        2,
        "nothing saved"
    );
}

#[tokio::test]
async fn change_it_reopens_the_form_as_typed_and_a_stale_confirmation_asks_again() {
    let client = client().await;
    let edit = client
        .post(
            "/p/acme-backend/log",
            &[
                ("entry", "promise"),
                ("by", "next week"),
                ("note", "said Tuesday"),
                ("edit", "yes"),
            ],
        )
        .await;
    assert_eq!(edit.status, StatusCode::OK);
    let html = edit.html();
    assert_eq!(select_attr(&html, "details[open]", "id"), ["form-promise"]);
    assert_eq!(select_attr(&html, "#promise-by", "value"), ["next week"]);
    assert_eq!(
        select_attr(&html, "#promise-note", "value"),
        ["said Tuesday"]
    );

    let stale = client
        .post(
            "/p/acme-backend/log",
            &[
                ("entry", "promise"),
                ("by", "friday"),
                ("confirm", "yes"),
                ("understood", "2026-01-01 2026-01-02"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::OK);
    assert!(select_text(&stale.html(), ".error")[0].contains("check them again"));
    let page = client.get("/p/acme-backend").await;
    assert_eq!(
        select_text(&page.html(), ".event").len(),
        2,
        "nothing saved"
    );
}

#[tokio::test]
async fn close_then_reopen_swaps_the_form() {
    let client = client().await;
    let closed = log_and_confirm(
        &client,
        "acme-backend",
        "close",
        &[("outcome", "no-answer"), ("note", "silence")],
    )
    .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let page = client.get("/p/acme-backend").await.html();
    assert_eq!(select_text(&page, "#status-title"), ["Reopen"]);
    assert!(select_text(&page, ".event-head strong").contains(&"Closed: no-answer".to_owned()));
    let list = client.get("/processes?q=acme").await.html();
    assert_eq!(
        select_text(&list, "tbody tr td:nth-child(3)"),
        ["closed: no-answer"]
    );
    let reopened = log_and_confirm(&client, "acme-backend", "reopen", &[]).await;
    assert_eq!(reopened.status, StatusCode::SEE_OTHER);
    let page = client.get("/p/acme-backend").await.html();
    assert_eq!(select_text(&page, "#status-title"), ["Close"]);
}

#[tokio::test]
async fn undo_reverses_the_last_change_and_says_which() {
    let client = client().await;
    log_and_confirm(&client, "acme-backend", "promise", &[("by", "monday")]).await;
    let reply = client.post("/undo", &[("back", "/p/acme-backend")]).await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = reply.html();
    assert_eq!(select_text(&html, "h1"), ["Undone"]);
    assert!(select_text(&html, "[role=status]")[0].contains("log acme-backend promise"));
    assert_eq!(select_attr(&html, "main a", "href")[0], "/p/acme-backend");
    let page = client.get("/p/acme-backend").await.html();
    assert!(select_text(&page, ".tag").contains(&"undone".to_owned()));
    // A `back` that leaves the server is not followed.
    for back in [
        "//evil.example/",
        "https://evil.example/",
        "javascript:alert(1)",
        "/\\evil",
    ] {
        let reply = client.post("/undo", &[("back", back)]).await;
        assert_eq!(
            select_attr(&reply.html(), "main a", "href")[0],
            "/",
            "{back}"
        );
    }
    let nothing = Client::new(vec![]).await;
    let reply = nothing.post("/undo", &[]).await;
    assert_eq!(select_text(&reply.html(), "h1"), ["Nothing to undo"]);
}

#[tokio::test]
async fn every_form_needs_the_csrf_token_and_a_same_origin_page() {
    let client = client().await;
    let csrf = client.csrf.clone();
    for (path, fields) in [
        (
            "/p/acme-backend/log",
            vec![("entry", "promise"), ("by", "friday"), ("confirm", "yes")],
        ),
        (
            "/p/acme-backend/log",
            vec![("entry", "close"), ("outcome", "rejected")],
        ),
        ("/undo", vec![("back", "/")]),
        ("/new", vec![("company", "X"), ("role", "Y")]),
    ] {
        let same = [("origin", "http://127.0.0.1:7878")];
        let no_csrf = client.post_raw(path, &fields, &same).await;
        assert_eq!(no_csrf.status, StatusCode::FORBIDDEN, "{path}");
        let mut forged = vec![("csrf", "forged")];
        forged.extend_from_slice(&fields);
        assert_eq!(
            client.post_raw(path, &forged, &same).await.status,
            StatusCode::FORBIDDEN
        );
        let mut good = vec![("csrf", csrf.as_str())];
        good.extend_from_slice(&fields);
        let foreign = client.post_raw(path, &good, FOREIGN).await;
        assert_eq!(foreign.status, StatusCode::FORBIDDEN, "{path}");
        assert!(foreign.body.starts_with("Forbidden: "));
    }
    // Nothing changed: the last change is still the fixture.
    let page = client.get("/p/acme-backend").await;
    assert_eq!(select_text(&page.html(), ".event").len(), 2);
    // GET never changes state: the forms' addresses take no GET.
    assert_eq!(
        client.get("/undo").await.status,
        StatusCode::METHOD_NOT_ALLOWED
    );
    assert_eq!(
        client
            .get("/p/acme-backend/log?entry=close&outcome=rejected&confirm=yes")
            .await
            .status,
        StatusCode::METHOD_NOT_ALLOWED
    );
}

#[tokio::test]
async fn unknown_forms_and_handles_are_refused() {
    let client = client().await;
    let unknown = client
        .post(
            "/p/acme-backend/log",
            &[("entry", "<script>alert(1)</script>")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert_inert(&unknown.html(), "unknown entry");
    for path in [
        "/p/..%2F..%2Fetc%2Fpasswd/log",
        "/p/%3Cscript%3E/log",
        "/p/nobody/log",
    ] {
        let reply = client
            .post(path, &[("entry", "promise"), ("by", "friday")])
            .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert_inert(&reply.html(), path);
    }
}

#[tokio::test]
async fn hostile_text_in_every_entry_field_stays_text() {
    let big = "y".repeat(64 * 1024);
    let texts = [SCRIPT, BREAKOUT, RTL, big.as_str(), "../../etc/passwd"];
    let names = [
        "at",
        "on",
        "rapport",
        "reinforce",
        "stage",
        "topics",
        "with",
        "by",
        "note",
        "kind",
        "subject",
        "to",
        "body",
        "from",
        "asks",
        "respond_by",
        "promise",
        "deadline",
        "until",
        "url",
        "source",
        "reason",
        "real",
        "outcome",
    ];
    let client = client().await;
    for kind in KINDS {
        for text in texts {
            let mut fields = vec![("entry", kind)];
            fields.extend(names.iter().map(|name| (*name, text)));
            let reply = client.post("/p/acme-backend/log", &fields).await;
            assert_eq!(reply.status, StatusCode::OK, "{kind}");
            assert_inert(&reply.html(), kind);
            // Text fields that are not dates are accepted as they are, and shown as text.
            let mut plain: Vec<(&str, &str)> = valid(kind);
            for name in ["note", "subject", "body", "from", "stage", "source"] {
                if text.len() < 1000 {
                    plain.push((name, text));
                }
            }
            let saved = log_and_confirm_any(&client, kind, &plain).await;
            let shown = match saved.header("location") {
                Some(to) => client.get(to).await,
                None => saved,
            };
            assert_eq!(shown.status, StatusCode::OK, "{kind}");
            assert_inert(&shown.html(), kind);
        }
    }
    for path in ["/p/acme-backend", "/", "/processes", "/board"] {
        let page = client.get(path).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_inert(&page.html(), path);
    }
}

/// Like [`log_and_confirm`], for entries that may be refused at the first step.
async fn log_and_confirm_any(client: &Client, kind: &str, fields: &[(&str, &str)]) -> Reply {
    let mut all = vec![("entry", kind)];
    all.extend_from_slice(fields);
    let step = client.post("/p/acme-backend/log", &all).await;
    if select_text(&step.html(), "h1") != ["Check the date before saving"] {
        return step;
    }
    log_and_confirm(client, "acme-backend", kind, fields).await
}

// --- Corrections: edit and delete an event, contacts, redo --------------------------------

/// The action of the edit form of the timeline's event number `n` (from 0).
fn edit_action(html: &scraper::Html, n: usize) -> String {
    select_attr(html, &format!("#event-{n} form.form"), "action")
        .pop()
        .unwrap()
}

#[tokio::test]
async fn an_event_is_edited_from_its_form_prefilled() {
    let client = client().await;
    let page = client.get("/p/acme-backend").await;
    assert_labelled(&page, "process page with edit forms");
    let html = page.html();
    assert_eq!(select_attr(&html, "#edit-1-by", "value"), ["2026-05-08"]);
    assert_eq!(
        select_attr(&html, "#edit-1-at", "value"),
        ["2026-05-05 15:00"]
    );
    assert_eq!(select_attr(&html, "#edit-1-note", "value"), ["said Friday"]);
    let action = edit_action(&html, 1);
    assert!(action.starts_with("/p/acme-backend/events/"), "{action}");
    let saved = client
        .post(
            &action,
            &[
                ("by", "2026-05-22"),
                ("at", "2026-05-05 15:00"),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = client.get("/p/acme-backend?done=edited").await.html();
    assert!(select_text(&page, ".saved")[0].contains("the event was changed"));
    let heads = select_text(&page, ".event:not(.undone) .event-head strong");
    assert!(
        heads.contains(&"Promise: an answer by Friday 22 May".to_owned()),
        "{heads:?}"
    );
    // A bad date is shown beside the field of that event's form, kept as typed.
    let page = client.get("/p/acme-backend").await.html();
    let live = select_attr(&page, "details.tools form.form", "action");
    let action = live.last().unwrap().clone();
    let refused = client.post(&action, &[("by", "the day after never")]).await;
    assert_eq!(refused.status, StatusCode::OK);
    let html = refused.html();
    let invalid = select_attr(&html, "[aria-invalid=true]", "id");
    assert_eq!(invalid.len(), 1, "{invalid:?}");
    assert!(invalid[0].ends_with("-by"), "{invalid:?}");
    assert_eq!(
        select_attr(&html, &format!("#{}", invalid[0]), "value"),
        ["the day after never"]
    );
    assert_labelled(&refused, "refused edit");
}

#[tokio::test]
async fn an_event_is_deleted_and_undo_brings_it_back() {
    let client = client().await;
    let html = client.get("/p/acme-backend").await.html();
    let action = edit_action(&html, 0);
    let deleted = client.post(&format!("{action}/delete"), &[]).await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    let page = client.get("/p/acme-backend").await.html();
    let live = select_text(&page, ".event:not(.undone) .event-head strong");
    assert_eq!(live, ["Promise: an answer by Friday 8 May"]);
    client.post("/undo", &[("back", "/p/acme-backend")]).await;
    let page = client.get("/p/acme-backend").await.html();
    assert_eq!(select_text(&page, ".event:not(.undone)").len(), 2);
    let redone = client.post("/redo", &[("back", "/p/acme-backend")]).await;
    assert_eq!(select_text(&redone.html(), "h1"), ["Redone"]);
    let page = client.get("/p/acme-backend").await.html();
    assert_eq!(select_text(&page, ".event:not(.undone)").len(), 1);
    let nothing = client.post("/redo", &[]).await;
    assert_eq!(select_text(&nothing.html(), "h1"), ["Nothing to redo"]);
    // Gone already, or never there.
    let again = client.post(&format!("{action}/delete"), &[]).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    let hostile = client
        .post("/p/acme-backend/events/..%2F..%2Fx/delete", &[])
        .await;
    assert_eq!(hostile.status, StatusCode::NOT_FOUND);
    assert_inert(&hostile.html(), "hostile event id");
}

#[tokio::test]
async fn contacts_are_added_and_removed() {
    let client = client().await;
    let added = client
        .post(
            "/p/acme-backend/contacts",
            &[
                ("contact", "Bruno Lima <bruno@acme.example>"),
                ("main", "yes"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let page = client.get("/p/acme-backend").await.html();
    let contacts = select_text(&page, ".contacts li");
    assert!(
        contacts[0].starts_with("Bruno Lima"),
        "main comes first: {contacts:?}"
    );
    let refused = client
        .post("/p/acme-backend/contacts", &[("contact", "Ana <ana@acme")])
        .await;
    assert_eq!(refused.status, StatusCode::OK);
    assert_eq!(
        select_attr(&refused.html(), "[aria-invalid=true]", "id"),
        ["contact-new"]
    );
    assert_eq!(
        select_attr(&refused.html(), "#contact-new", "value"),
        ["Ana <ana@acme"]
    );
    let removed = client
        .post(
            "/p/acme-backend/contacts/remove",
            &[("who", "ana@acme.example")],
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    let page = client.get("/p/acme-backend").await.html();
    assert_eq!(select_text(&page, ".contacts li").len(), 1);
    for text in [SCRIPT, BREAKOUT, RTL] {
        let reply = client
            .post("/p/acme-backend/contacts", &[("contact", text)])
            .await;
        let shown = match reply.header("location") {
            Some(to) => client.get(to).await,
            None => reply,
        };
        assert_inert(&shown.html(), "hostile contact");
    }
}

#[tokio::test]
async fn corrections_need_the_csrf_token_and_a_same_origin_page() {
    let client = client().await;
    let html = client.get("/p/acme-backend").await.html();
    let action = edit_action(&html, 0);
    let csrf = client.csrf.clone();
    let same = [("origin", "http://127.0.0.1:7878")];
    for (path, fields) in [
        (action.clone(), vec![("at", "2026-05-04 10:00")]),
        (format!("{action}/delete"), vec![]),
        (
            "/p/acme-backend/contacts".to_owned(),
            vec![("contact", "Eve")],
        ),
        (
            "/p/acme-backend/contacts/remove".to_owned(),
            vec![("who", "ana@acme.example")],
        ),
        ("/redo".to_owned(), vec![]),
    ] {
        assert_eq!(
            client.post_raw(&path, &fields, &same).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        let mut good = vec![("csrf", csrf.as_str())];
        good.extend_from_slice(&fields);
        assert_eq!(
            client.post_raw(&path, &good, FOREIGN).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    let page = client.get("/p/acme-backend").await.html();
    assert_eq!(select_text(&page, ".event:not(.undone)").len(), 2);
    assert_eq!(select_text(&page, ".contacts li").len(), 1);
}
