//! `/calendar.ics?feed=TOKEN`: its own token instead of the session, the Host check, the
//! calendar as `text/calendar`, and polls answered 304 while nothing changed.

use std::path::PathBuf;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use followup_app::{App, Clock, Config};
use followup_store::{Change, Op, SqliteStore, Store};
use followup_web::{Options, Tracker, Web};
use jiff::tz::TimeZoneDatabase;

use crate::support::{FEED_TOKEN, HOST, NOW, Reply, acme, feed_digest, globex, now, send};

/// The tracker's database file, which the test changes while the server runs, as another
/// `followup` command would (`serve --rotate-feed-token`, `log`).
struct Database {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Database {
    fn open(&self) -> SqliteStore {
        SqliteStore::open(&self.path, TimeZoneDatabase::bundled()).unwrap()
    }

    /// Replaces the feed token, as `serve --rotate-feed-token` does.
    fn rotate_feed_token(&self, token: &str) {
        self.open()
            .set_feed_token_digest(&feed_digest(token), now())
            .unwrap();
    }

    /// Records an event, as a change made while the server runs.
    fn add_event(&self, handle: &str, event: followup_core::Event) {
        let change = Change {
            at: now(),
            summary: "test".to_owned(),
            ops: vec![Op::AddEvent {
                handle: handle.to_owned(),
                event,
            }],
        };
        self.open().apply(&change).unwrap();
    }
}

/// The real tracker over a database file holding Acme and Globex and the feed token.
fn server() -> (Web, Database) {
    let dir = tempfile::tempdir().unwrap();
    let database = Database {
        path: dir.path().join("followup.db"),
        _dir: dir,
    };
    let mut store = database.open();
    store
        .apply(&Change {
            at: now(),
            summary: "fixture".to_owned(),
            ops: vec![Op::AddProcess(acme()), Op::AddProcess(globex())],
        })
        .unwrap();
    store
        .set_feed_token_digest(&feed_digest(FEED_TOKEN), now())
        .unwrap();
    let app = App::with_store(Config::default(), Clock::Given(NOW.to_owned()), store);
    let options = Options {
        bound: HOST.parse().unwrap(),
        demo: false,
    };
    let web = Web::new(Tracker::new(app, Some(NOW.to_owned())), options).unwrap();
    (web, database)
}

/// A calendar program's poll: no cookie, the feed URL, maybe an ETag.
async fn poll(web: &Web, query: &str, etag: Option<&str>) -> Reply {
    let mut request = Request::get(format!("/calendar.ics{query}")).header(header::HOST, HOST);
    if let Some(etag) = etag {
        request = request.header(header::IF_NONE_MATCH, etag);
    }
    send(web, request.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn the_feed_token_opens_the_calendar_without_a_session() {
    let (web, _) = server();
    let reply = poll(&web, &format!("?feed={FEED_TOKEN}"), None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        reply.header("content-type"),
        Some("text/calendar; charset=utf-8")
    );
    assert!(
        reply.body.starts_with("BEGIN:VCALENDAR\r\n"),
        "{}",
        reply.body
    );
    assert!(
        reply
            .body
            .contains("SUMMARY:Follow up: Acme\\, Backend Engineer\r\n"),
        "{}",
        reply.body
    );
    assert!(reply.body.contains("SUMMARY:Globex: follow-up due\r\n"));
    assert!(reply.header("etag").is_some_and(|t| t.starts_with('"')));
    assert_eq!(reply.header("cache-control"), Some("private, no-cache"));
    assert!(reply.header("set-cookie").is_none());
}

#[tokio::test]
async fn the_token_is_required_and_a_wrong_one_is_401() {
    let (web, _) = server();
    let wrong = FEED_TOKEN.replace('0', "1");
    for query in [
        String::new(),
        "?feed=".to_owned(),
        "?token=whatever".to_owned(),
        format!("?feed={wrong}"),
        format!("?feed={}", &FEED_TOKEN[..63]),
    ] {
        let reply = poll(&web, &query, None).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{query}");
        assert!(!reply.body.contains("VCALENDAR"), "{query}");
    }
    // The session's start-up token is not the feed's.
    let startup = web.url();
    let startup = startup.split("token=").nth(1).unwrap();
    let reply = poll(&web, &format!("?feed={startup}"), None).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_host_check_still_applies() {
    let (web, _) = server();
    let request = Request::get(format!("/calendar.ics?feed={FEED_TOKEN}"))
        .header(header::HOST, "evil.example:7878")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&web, request).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_rotated_token_invalidates_the_old_one() {
    let (web, fixture) = server();
    let query = format!("?feed={FEED_TOKEN}");
    assert_eq!(poll(&web, &query, None).await.status, StatusCode::OK);
    let new = "f".repeat(64);
    fixture.rotate_feed_token(&new);
    assert_eq!(
        poll(&web, &query, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        poll(&web, &format!("?feed={new}"), None).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_matching_if_none_match_is_304_until_an_event_changes() {
    let (web, fixture) = server();
    let query = format!("?feed={FEED_TOKEN}");
    let first = poll(&web, &query, None).await;
    let tag = first.header("etag").unwrap().to_owned();

    let again = poll(&web, &query, Some(&tag)).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert_eq!(again.header("etag"), Some(tag.as_str()));
    // Another tag, a list holding ours, and a weak form of ours.
    assert_eq!(
        poll(&web, &query, Some("\"other\"")).await.status,
        StatusCode::OK
    );
    let list = format!("\"other\", {tag}");
    assert_eq!(
        poll(&web, &query, Some(&list)).await.status,
        StatusCode::NOT_MODIFIED
    );
    assert_eq!(
        poll(&web, &query, Some(&format!("W/{tag}"))).await.status,
        StatusCode::NOT_MODIFIED
    );
    // The token still counts on a poll with an ETag.
    let wrong = poll(&web, "?feed=nope", Some(&tag)).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);

    // An interview booked since: a new calendar, a new tag.
    let interview = followup_core::Event {
        id: None,
        at: "2026-05-20T10:00:00Z".parse().unwrap(),
        kind: followup_core::EventKind::Interview(followup_core::Interview::default()),
    };
    fixture.add_event("globex-design", interview);
    let changed = poll(&web, &query, Some(&tag)).await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_ne!(changed.header("etag"), Some(tag.as_str()));
    assert!(
        changed
            .body
            .contains("SUMMARY:Interview: Globex\\, Designer\r\n")
    );
}
