//! A server over a fixture backend, signed in like a browser, and the HTML checks tests share.

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use followup_app::{App, Clock, Config};
use followup_core::{Process, ZoneDefault, advise, parse_document};
use followup_store::{Change, Op, SqliteStore, Store};
use followup_web::{
    Agenda, AgendaItem, Backend, BackendError, Checked, Composed, DraftChoice, EventPatch,
    FormError, Listed, LogEntry, NewProcess, Options, Preview, ProcessView, ReviewRequest, Section,
    SectionKind, SentMessage, Tracker, Undone, Web, app,
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

/// The backend of the tests: the real [`Tracker`] over the application layer, its processes
/// in a real in-memory store, advised at [`NOW`].
pub struct Fixture;

impl Fixture {
    #[allow(clippy::new_ret_no_self)]
    pub fn new(processes: Vec<Process>) -> Tracker {
        let mut store = SqliteStore::in_memory(TimeZoneDatabase::bundled()).unwrap();
        store
            .apply(&Change {
                at: now(),
                summary: "fixture".to_owned(),
                ops: processes.into_iter().map(Op::AddProcess).collect(),
            })
            .unwrap();
        let app = App::with_store(Config::default(), Clock::Given(NOW.to_owned()), store);
        Tracker::new(app, Some(NOW.to_owned()))
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

    fn processes(&self) -> Result<Vec<Listed>, BackendError> {
        let advice = advise(&self.0, &Default::default(), now());
        Ok(vec![Listed {
            handle: self.0.handle.clone().unwrap(),
            company: self.0.company.clone(),
            role: self.0.role.clone(),
            stage: followup_app::overview::stage(&self.0, advice.today),
            closed: false,
            last_contact: followup_app::overview::last_contact(&self.0, advice.today),
            advice,
        }])
    }

    fn add(&self, _: NewProcess) -> Result<String, FormError> {
        Err(read_only())
    }

    fn preview(&self, _: &str, _: LogEntry) -> Result<Preview, FormError> {
        Err(read_only())
    }

    fn log(&self, _: &str, _: LogEntry) -> Result<(), FormError> {
        Err(read_only())
    }

    fn undo(&self) -> Result<Option<Undone>, BackendError> {
        Err(read_only().into_backend())
    }

    fn redo(&self) -> Result<Option<Undone>, BackendError> {
        Err(read_only().into_backend())
    }

    fn edit_event(&self, _: &str, _: &str, _: EventPatch) -> Result<(), FormError> {
        Err(read_only())
    }

    fn remove_event(&self, _: &str, _: &str) -> Result<(), FormError> {
        Err(read_only())
    }

    fn add_contact(&self, _: &str, _: &str, _: bool) -> Result<(), FormError> {
        Err(read_only())
    }

    fn remove_contact(&self, _: &str, _: &str) -> Result<(), FormError> {
        Err(read_only())
    }

    fn export(&self, _: bool) -> Result<String, BackendError> {
        Err(read_only().into_backend())
    }

    fn import(&self, _: &str, _: bool) -> Result<followup_web::backend::Imported, BackendError> {
        Err(read_only().into_backend())
    }
}

fn read_only() -> FormError {
    FormError::Backend(BackendError::Failed {
        message: "a document is read-only".to_owned(),
        hint: "a test".to_owned(),
    })
}

trait IntoBackend {
    fn into_backend(self) -> BackendError;
}

impl IntoBackend for FormError {
    fn into_backend(self) -> BackendError {
        match self {
            FormError::Backend(err) => err,
            FormError::Field { message, hint, .. } => BackendError::Failed { message, hint },
        }
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

    /// A form posted from one of our pages: same origin, the session's CSRF token first.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let mut all = vec![("csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all, &[("origin", "http://127.0.0.1:7878")])
            .await
    }

    /// A form posted with exactly these fields and extra headers.
    pub async fn post_raw(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut request = self
            .request(Method::POST, path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let body = serde_urlencoded::to_string(fields).unwrap();
        self.send(request.body(Body::from(body)).unwrap()).await
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
    "/processes?q=acme&sort=company&dir=desc",
    "/board",
    "/new",
    "/stats",
    "/data",
    "/check",
    "/p/acme-backend/compose",
    "/p/nobody",
    "/no/such/page",
];
