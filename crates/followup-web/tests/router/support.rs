//! A server over a fixture backend, signed in like a browser, and the HTML checks tests share.

use std::sync::Mutex;

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use followup_core::{Process, ZoneDefault, advise, parse_document};
use followup_store::{Change, Op, SqliteStore, Store, StoreError};
use followup_web::{
    Agenda, AgendaItem, Backend, BackendError, Checked, Composed, DraftChoice, Options,
    ProcessView, ReviewRequest, Section, SectionKind, SentMessage, Web, app,
};
use http_body_util::BodyExt;
use jiff::Timestamp;
use jiff::tz::{TimeZone, TimeZoneDatabase};
use scraper::{Html, Selector};
use tower::ServiceExt;

/// The fixed "now" of every test: Wednesday 13 May 2026, 12:00 UTC.
pub const NOW: &str = "2026-05-13T12:00:00Z";
/// The address the test server pretends to be bound to.
pub const HOST: &str = "127.0.0.1:7878";

pub fn now() -> Timestamp {
    NOW.parse().unwrap()
}

/// A process from a document (the public format), in UTC unless it names a zone.
pub fn process(doc: serde_json::Value) -> Process {
    let default = ZoneDefault {
        name: "UTC".to_owned(),
        zone: TimeZone::UTC,
        source: followup_core::TimezoneSource::Config,
    };
    parse_document(&doc.to_string(), &TimeZoneDatabase::bundled(), &default).unwrap()
}

/// The README's worked example, a follow-up due on 13 May: interview, promise, nothing since.
pub fn acme() -> Process {
    process(serde_json::json!({
        "company": "Acme", "role": "Backend Engineer", "handle": "acme-backend",
        "contacts": [{"name": "Ana Souza", "email": "ana@acme.example", "title": "Recruiter"}],
        "events": [
            {"type": "interview", "at": "2026-05-05T14:00:00Z", "topics": ["event sourcing"]},
            {"type": "promise", "at": "2026-05-05T15:00:00Z", "by": "2026-05-08", "note": "said Friday"}
        ]
    }))
}

/// A process waiting on a promise for next week.
pub fn globex() -> Process {
    process(serde_json::json!({
        "company": "Globex", "role": "Designer", "handle": "globex-design",
        "events": [
            {"type": "interview", "at": "2026-05-12T10:00:00Z"},
            {"type": "promise", "at": "2026-05-12T11:00:00Z", "by": "2026-05-20"}
        ]
    }))
}

/// The calendar feed token every [`Fixture`] starts with.
pub const FEED_TOKEN: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/// A feed token's SHA-256 in hex, as the store keeps it.
pub fn feed_digest(token: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The backend of the tests: processes in a real in-memory store, advised at [`NOW`].
pub struct Fixture {
    store: Mutex<SqliteStore>,
}

impl Fixture {
    pub fn new(processes: Vec<Process>) -> Fixture {
        let mut store = SqliteStore::in_memory(TimeZoneDatabase::bundled()).unwrap();
        store
            .apply(&Change {
                at: now(),
                summary: "fixture".to_owned(),
                ops: processes.into_iter().map(Op::AddProcess).collect(),
            })
            .unwrap();
        store
            .set_feed_token_digest(&feed_digest(FEED_TOKEN), now())
            .unwrap();
        Fixture {
            store: Mutex::new(store),
        }
    }

    /// Replaces the feed token, as `serve --rotate-feed-token` does.
    pub fn rotate_feed_token(&self, token: &str) {
        let mut store = self.store.lock().unwrap();
        store
            .set_feed_token_digest(&feed_digest(token), now())
            .unwrap();
    }

    /// Records an event, as a change made while the server runs.
    pub fn add_event(&self, handle: &str, event: followup_core::Event) {
        let change = Change {
            at: now(),
            summary: "test".to_owned(),
            ops: vec![Op::AddEvent {
                handle: handle.to_owned(),
                event,
            }],
        };
        self.store.lock().unwrap().apply(&change).unwrap();
    }
}

impl Backend for Fixture {
    fn compose(&self, handle: &str, choice: &DraftChoice) -> Result<Composed, BackendError> {
        let process = self.process(handle)?.process;
        Ok(composed(process, choice))
    }

    fn review(&self, request: &ReviewRequest) -> Result<Checked, BackendError> {
        let process = match &request.handle {
            Some(handle) => Some(self.process(handle)?.process),
            None => None,
        };
        Ok(checked(process.as_ref(), request))
    }

    fn mark_sent(&self, handle: &str, message: &SentMessage) -> Result<(), BackendError> {
        self.process(handle)?;
        let event = followup_core::Event {
            id: None,
            at: now(),
            kind: followup_core::EventKind::Sent {
                kind: message.kind,
                subject: message.subject.clone(),
                body: Some(message.body.clone()),
                to: message.to.clone(),
                message_id: None,
            },
        };
        self.store
            .lock()
            .unwrap()
            .apply(&Change {
                at: now(),
                summary: format!("log {handle} sent"),
                ops: vec![Op::AddEvent {
                    handle: handle.to_owned(),
                    event,
                }],
            })
            .unwrap();
        Ok(())
    }

    fn stats(&self) -> Result<followup_core::stats::Stats, BackendError> {
        Ok(stats_of(&self.store.lock().unwrap().processes().unwrap()))
    }

    fn agenda(&self) -> Result<Agenda, BackendError> {
        Ok(agenda_of(&self.store.lock().unwrap().processes().unwrap()))
    }

    fn process(&self, handle: &str) -> Result<ProcessView, BackendError> {
        let store = self.store.lock().unwrap();
        let found = store
            .process(handle)
            .and_then(|p| Ok((p, store.timeline(handle)?)));
        match found {
            Ok((process, timeline)) => Ok(ProcessView {
                advice: advise(&process, &Default::default(), now()),
                process,
                timeline,
                now: now(),
            }),
            Err(StoreError::UnknownHandle { handle, closest }) => {
                Err(BackendError::NotFound { handle, closest })
            }
            Err(other) => Err(BackendError::Failed {
                message: other.to_string(),
                hint: "a test".to_owned(),
            }),
        }
    }

    fn calendar(&self) -> Result<String, BackendError> {
        let processes = self.store.lock().unwrap().processes().unwrap();
        let entries: Vec<followup_calendar::Entry> = processes
            .iter()
            .map(|p| followup_calendar::Entry::of(p, advise(p, &Default::default(), now()), now()))
            .collect();
        Ok(followup_calendar::write_calendar(&entries, now()))
    }

    fn feed_token_matches(&self, token: &str) -> Result<bool, BackendError> {
        let kept = self.store.lock().unwrap().feed_token_digest().unwrap();
        Ok(kept == Some(feed_digest(token)))
    }
}

/// A backend holding one process as a document, for what the store cannot keep yet (format 2).
pub struct Document(pub Process);

impl Backend for Document {
    fn compose(&self, _handle: &str, choice: &DraftChoice) -> Result<Composed, BackendError> {
        Ok(composed(self.0.clone(), choice))
    }

    fn review(&self, request: &ReviewRequest) -> Result<Checked, BackendError> {
        Ok(checked(Some(&self.0), request))
    }

    fn mark_sent(&self, _handle: &str, _message: &SentMessage) -> Result<(), BackendError> {
        Err(BackendError::Failed {
            message: "a document is read-only".to_owned(),
            hint: "a test".to_owned(),
        })
    }

    fn stats(&self) -> Result<followup_core::stats::Stats, BackendError> {
        Ok(stats_of(std::slice::from_ref(&self.0)))
    }

    fn agenda(&self) -> Result<Agenda, BackendError> {
        Ok(agenda_of(std::slice::from_ref(&self.0)))
    }

    fn process(&self, _handle: &str) -> Result<ProcessView, BackendError> {
        let timeline = self
            .0
            .events
            .iter()
            .map(|event| followup_store::TimelineEntry {
                event: event.clone(),
                change_id: 1,
                undone: false,
            });
        Ok(ProcessView {
            advice: advise(&self.0, &Default::default(), now()),
            timeline: timeline.collect(),
            process: self.0.clone(),
            now: now(),
        })
    }
}

/// The composer's opening draft for `process` at [`NOW`], from the built-in templates.
fn composed(process: Process, choice: &DraftChoice) -> Composed {
    let advice = advise(&process, &Default::default(), now());
    let request = followup_core::draft::DraftRequest {
        kind: choice.kind,
        tone: choice.tone,
        variant: choice.variant.max(1),
        topic: None,
        from: Some("Maria".to_owned()),
    };
    let templates = followup_core::draft::Templates::english().unwrap();
    let draft = followup_core::draft::compose(&process, &advice, &request, templates, now())
        .map_err(|err| err.to_string());
    Composed {
        process,
        advice,
        draft,
    }
}

/// The review `followup check --json` gives, with `--process` when there is one.
fn checked(process: Option<&Process>, request: &ReviewRequest) -> Checked {
    let policy = followup_core::Policy::default();
    let context =
        process.map(|p| followup_review::ProcessContext::new(p, &policy, now(), request.kind));
    let reviewer = followup_review::Reviewer::new();
    Checked {
        review: reviewer.review(&request.text, request.kind, context.as_ref()),
        fixed: request.fix.then(|| {
            reviewer
                .fix(&request.text, request.kind, context.as_ref())
                .text
        }),
    }
}

/// The figures of `processes` advised at [`NOW`], as the binary's backend computes them.
fn stats_of(processes: &[Process]) -> followup_core::stats::Stats {
    let advised: Vec<_> = processes
        .iter()
        .map(|p| (p, advise(p, &Default::default(), now())))
        .collect();
    followup_core::stats::stats(advised.iter().map(|(p, a)| (*p, a)), now())
}

/// The agenda of `processes` at [`NOW`]: each advised, in the sections of the binary's backend.
fn agenda_of(processes: &[Process]) -> Agenda {
    let tracked = processes.len();
    let mut sections: Vec<Section> = Vec::new();
    for &kind in SectionKind::ALL {
        let items: Vec<AgendaItem> = processes
            .iter()
            .map(|p| (p, advise(p, &Default::default(), now())))
            .filter(|(_, advice)| SectionKind::of(&advice.action) == Some(kind))
            .map(|(p, advice)| AgendaItem {
                handle: p.handle.clone().unwrap(),
                company: p.company.clone(),
                role: p.role.clone(),
                advice,
            })
            .collect();
        if !items.is_empty() {
            sections.push(Section { kind, items });
        }
    }
    Agenda { tracked, sections }
}

/// A response, its body read.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }
}

/// A server as a signed-in browser sees it.
pub struct Client {
    pub web: Web,
    /// `name=value` of the session cookie.
    pub cookie: String,
    /// The session's CSRF token, read from a page.
    pub csrf: String,
}

impl Client {
    pub async fn new(processes: Vec<Process>) -> Client {
        Client::with(Fixture::new(processes), false).await
    }

    pub async fn with(backend: impl Backend, demo: bool) -> Client {
        let bound = HOST.parse().unwrap();
        let web = Web::new(backend, Options { bound, demo }).unwrap();
        let cookie = sign_in(&web).await;
        let mut client = Client {
            web,
            cookie,
            csrf: String::new(),
        };
        let page = client.get("/").await;
        client.csrf = select_attr(&page.html(), r#"meta[name="csrf-token"]"#, "content")
            .pop()
            .unwrap();
        client
    }

    /// A request from the browser: right host, session cookie.
    pub fn request(&self, method: Method, path: &str) -> axum::http::request::Builder {
        Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, HOST)
            .header(header::COOKIE, &self.cookie)
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(self.request(Method::GET, path).body(Body::empty()).unwrap())
            .await
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        send(&self.web, request).await
    }
}

/// Any request, through the whole app.
pub async fn send(web: &Web, request: Request<Body>) -> Reply {
    let response = app(web.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// The start-up URL's path and query.
pub fn start_up_path(web: &Web) -> String {
    web.url().replacen(&format!("http://{HOST}"), "", 1)
}

/// Opens the start-up URL and returns the session cookie's `name=value`.
pub async fn sign_in(web: &Web) -> String {
    let request = Request::get(start_up_path(web))
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap();
    let reply = send(web, request).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let cookie = reply.header("set-cookie").unwrap();
    cookie.split(';').next().unwrap().to_owned()
}

/// The values of `attr` on the elements matching `selector`.
pub fn select_attr(html: &Html, selector: &str, attr: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    html.select(&selector)
        .filter_map(|e| e.value().attr(attr).map(str::to_owned))
        .collect()
}

/// The text of the elements matching `selector`, whitespace as written.
pub fn select_text(html: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    html.select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect()
}

/// Every page a signed-in user can reach with the fixture of [`acme`] and [`globex`].
pub const PAGES: &[&str] = &[
    "/",
    "/p/acme-backend",
    "/p/globex-design",
    "/processes",
    "/board",
    "/new",
    "/stats",
    "/check",
    "/p/acme-backend/compose",
    "/p/nobody",
    "/no/such/page",
];
