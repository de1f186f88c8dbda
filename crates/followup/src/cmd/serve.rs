//! `followup serve`: the tracker as a web app on this machine. The first line on stdout is the
//! URL to open, with a token made fresh at each start; the second is the calendar feed's URL,
//! whose token lives until `--rotate-feed-token` replaces it (only its digest is stored, so the
//! token itself is printed when made, and elided later). Ctrl-C stops the server.
//!
//! The pages live in `followup-web`; this file starts them and implements their
//! [`Backend`] over `followup_app::App`: the same store, configuration and agenda as
//! `followup next`.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use followup_app::calendar::feed::FeedToken;
use followup_app::{App, Clock, db};
use followup_core::draft::{DraftError, DraftRequest, compose};
use followup_review::Reviewer;
use followup_store::{Store, StoreError};
use followup_web::{
    Agenda, AgendaItem, Backend, BackendError, Checked, Composed, DraftChoice, Options,
    ProcessView, ReviewRequest, Section, SectionKind, SentMessage, Web,
};
use tokio::net::TcpListener;
use tokio::sync::Notify;

use super::{Context, Run};
use crate::cli::ServeArgs;
use crate::error::UserError;
use crate::logs;

/// How long requests in flight may take to finish after Ctrl-C.
const GRACE: Duration = Duration::from_secs(5);

impl Run for ServeArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        logs::init_default("warn,followup=info,followup_web=info");
        let now = self.now.now;
        let options = ctx.options(now.as_deref());
        let mut app = if self.demo {
            App::demo(options)?
        } else {
            App::new(options)?
        };
        let listen = parse_listen(&self.listen)?;
        followup_web::check_listen(listen, self.allow_remote).map_err(|err| {
            UserError::new(
                format!("--listen: {err}"),
                "keep the default 127.0.0.1, or add --allow-remote if other machines should reach it",
            )
        })?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        // Open the database now, so a bad file is reported before the server starts.
        app.store()?;
        let feed = app.feed_token(self.rotate_feed_token)?;
        let start = Start {
            listen,
            demo: self.demo,
            open: self.open,
            feed,
        };
        runtime.block_on(start.serve(Tracker::new(app, now)))?;
        Ok(ExitCode::SUCCESS)
    }
}

/// `--listen`: an address and port, `localhost:PORT` meaning `127.0.0.1:PORT`.
fn parse_listen(text: &str) -> Result<SocketAddr, UserError> {
    let text = text.trim();
    let resolved = match text.strip_prefix("localhost:") {
        Some(port) => format!("127.0.0.1:{port}"),
        None => text.to_owned(),
    };
    resolved.parse().map_err(|_| {
        UserError::new(
            format!("--listen: cannot read {text:?} as an address and port"),
            "use 127.0.0.1:7878, [::1]:7878, or port 0 for any free port (127.0.0.1:0)",
        )
    })
}

/// How the server starts.
struct Start {
    listen: SocketAddr,
    demo: bool,
    open: bool,
    feed: FeedToken,
}

impl Start {
    /// Binds, prints the URL, opens the browser if asked, and serves until Ctrl-C (or SIGTERM).
    async fn serve(self, backend: impl Backend) -> Result<(), UserError> {
        let listener = TcpListener::bind(self.listen).await.map_err(|err| {
            UserError::new(
                format!("cannot listen on {}: {err}", self.listen),
                "another program may hold that port: pick another with --listen 127.0.0.1:PORT \
                 (0 picks a free one)",
            )
        })?;
        let bound = listener.local_addr().map_err(io_error)?;
        let options = Options {
            bound,
            demo: self.demo,
        };
        let web = Web::new(backend, options).map_err(|err| {
            UserError::new(err.to_string(), "the system's random source is unavailable")
        })?;
        let url = web.url();
        println!("{url}");
        let feed = format!("http://{bound}/calendar.ics?feed=");
        match &self.feed {
            FeedToken::Fresh(token) => println!("Calendar feed: {feed}{token}"),
            FeedToken::Kept => println!(
                "Calendar feed: {feed}… (its token was printed when made; \
                 --rotate-feed-token makes a new one)"
            ),
        }
        tracing::info!(address = %bound, demo = self.demo, "serving; Ctrl-C stops");
        if self.open
            && let Err(err) = open::that_detached(&url)
        {
            tracing::warn!(%err, "cannot open a browser: open the URL above yourself");
        }

        let stopping = Arc::new(Notify::new());
        let signal = {
            let stopping = Arc::clone(&stopping);
            async move {
                stop_signal().await;
                tracing::info!("stopping");
                stopping.notify_one();
            }
        };
        let server = tokio::spawn(followup_web::serve(listener, web, signal));
        let overdue = async {
            stopping.notified().await;
            tokio::time::sleep(GRACE).await;
        };
        tokio::select! {
            served = server => served.map_err(|err| io_error(std::io::Error::other(err)))?.map_err(io_error)?,
            () = overdue => tracing::warn!("requests still open after {GRACE:?}; stopping anyway"),
        }
        tracing::info!("stopped");
        Ok(())
    }
}

fn io_error(err: std::io::Error) -> UserError {
    UserError::new(
        format!("the server failed: {err}"),
        "start it again; FOLLOWUP_LOG=debug shows more",
    )
}

/// Ctrl-C, or SIGTERM where there is one.
async fn stop_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                term.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

/// The pages' backend over the tracker. Each request reads the clock (or `--now`) afresh, so a
/// server left running overnight advises for the new day.
struct Tracker {
    app: Mutex<App>,
    now: Option<String>,
}

impl Tracker {
    fn new(app: App, now: Option<String>) -> Self {
        Tracker {
            app: Mutex::new(app),
            now,
        }
    }

    /// The app, its clock read for this request.
    fn app(&self) -> std::sync::MutexGuard<'_, App> {
        let mut app = self.app.lock().unwrap_or_else(PoisonError::into_inner);
        app.clock = Clock::new(self.now.as_deref());
        app
    }
}

impl Backend for Tracker {
    fn stats(&self) -> Result<followup_core::stats::Stats, BackendError> {
        self.app().stats().map_err(failed)
    }

    fn compose(&self, handle: &str, choice: &DraftChoice) -> Result<Composed, BackendError> {
        let mut app = self.app();
        let templates = super::draft::LoadedTemplates::of(&app.config).map_err(failed)?;
        let mut process = tracked(&mut app, handle)?;
        let now = app.now_for(&process).map_err(failed)?;
        // What the other processes bring (an offer elsewhere) is part of this one's advice.
        let (advice, outside) = app.advise_tracked(&mut process, now).map_err(failed)?;
        outside.add_to(&mut process);
        let request = DraftRequest {
            kind: choice.kind,
            tone: choice.tone,
            variant: choice.variant.max(1),
            topic: None,
            from: app.config.name().map(str::to_owned),
        };
        let draft =
            compose(&process, &advice, &request, templates.get(), now).map_err(|err| match err {
                DraftError::NothingToDraft => {
                    "Nothing to send now: pick a kind to draft one anyway.".to_owned()
                }
                other => format!("{}.", capitalised(&other.to_string())),
            });
        Ok(Composed {
            process,
            advice,
            draft,
        })
    }

    fn review(&self, request: &ReviewRequest) -> Result<Checked, BackendError> {
        let context = match &request.handle {
            Some(handle) => {
                let mut app = self.app();
                tracked(&mut app, handle)?;
                let (_, context) = super::check::load_context(&mut app, handle, Some(request.kind))
                    .map_err(failed)?;
                Some(context)
            }
            None => None,
        };
        let reviewer = Reviewer::new();
        let review = reviewer.review(&request.text, request.kind, context.as_ref());
        let fixed = request.fix.then(|| {
            reviewer
                .fix(&request.text, request.kind, context.as_ref())
                .text
        });
        Ok(Checked { review, fixed })
    }

    fn mark_sent(&self, handle: &str, message: &SentMessage) -> Result<(), BackendError> {
        let mut app = self.app();
        let process = tracked(&mut app, handle)?;
        let now = app.now_for(&process).map_err(failed)?;
        let events = followup_app::sent::sent_events(
            now,
            message.kind,
            message.subject.clone().filter(|s| !s.trim().is_empty()),
            Some(message.body.clone()),
            message.to.clone(),
        );
        app.record(handle, format!("log {handle} sent"), events, now)
            .map_err(failed)?;
        Ok(())
    }

    fn agenda(&self) -> Result<Agenda, BackendError> {
        let agenda = self.app().agenda().map_err(failed)?;
        // The agenda's order within each section, the sections in display order.
        let mut sections: Vec<Section> = SectionKind::ALL
            .iter()
            .map(|&kind| Section {
                kind,
                items: Vec::new(),
            })
            .collect();
        for (section, items) in agenda.sections() {
            let kind = section_kind(section);
            let Some(section) = sections.iter_mut().find(|s| s.kind == kind) else {
                continue;
            };
            section.items.extend(items.iter().map(|item| AgendaItem {
                handle: item.handle().to_owned(),
                company: item.process.company.clone(),
                role: item.process.role.clone(),
                advice: item.advice.clone(),
            }));
        }
        sections.retain(|section| !section.items.is_empty());
        Ok(Agenda {
            tracked: agenda.tracked,
            sections,
        })
    }

    fn process(&self, handle: &str) -> Result<ProcessView, BackendError> {
        let mut app = self.app();
        let store = app.store().map_err(failed)?;
        let (mut process, timeline) = store
            .process(handle)
            .and_then(|process| Ok((process, store.timeline(handle)?)))
            .map_err(|err| match err {
                StoreError::UnknownHandle { handle, closest } => {
                    BackendError::NotFound { handle, closest }
                }
                other => failed(db::store_error(other)),
            })?;
        let now = app.now_for(&process).map_err(failed)?;
        let (advice, _) = app.advise_tracked(&mut process, now).map_err(failed)?;
        Ok(ProcessView {
            process,
            timeline,
            advice,
            now,
        })
    }

    fn calendar(&self) -> Result<String, BackendError> {
        self.app().calendar().map_err(failed)
    }

    fn feed_token_matches(&self, token: &str) -> Result<bool, BackendError> {
        self.app().feed_token_matches(token).map_err(failed)
    }
}

/// The tracked process `handle` as the app loads it (holidays applied); an unknown handle is
/// the pages' 404 with the closest one.
fn tracked(app: &mut App, handle: &str) -> Result<followup_core::Process, BackendError> {
    let store = app.store().map_err(failed)?;
    match store.process(handle) {
        Ok(_) => app.process(handle).map_err(failed),
        Err(StoreError::UnknownHandle { handle, closest }) => {
            Err(BackendError::NotFound { handle, closest })
        }
        Err(other) => Err(failed(db::store_error(other))),
    }
}

/// "nothing to draft" → "Nothing to draft".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The web page's section for the agenda's: the application layer decides which section an
/// advice belongs in, for `next` and the web agenda alike.
fn section_kind(section: followup_app::Section) -> SectionKind {
    match section {
        followup_app::Section::YourMove => SectionKind::YourMove,
        followup_app::Section::ActNow => SectionKind::ActNow,
        followup_app::Section::ComingUp => SectionKind::ComingUp,
        followup_app::Section::Waiting => SectionKind::Waiting,
        followup_app::Section::MoveOn => SectionKind::MoveOn,
    }
}

fn failed(err: UserError) -> BackendError {
    BackendError::Failed {
        message: err.to_string(),
        hint: err.hint().to_owned(),
    }
}
