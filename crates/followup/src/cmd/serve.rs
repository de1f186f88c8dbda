//! `followup serve`: the tracker as a web app on this machine. The first line on stdout is the
//! URL to open, with a token made fresh at each start; the second is the calendar feed's URL,
//! whose token lives until `--rotate-feed-token` replaces it (only its digest is stored, so the
//! token itself is printed when made, and elided later). Ctrl-C stops the server.
//!
//! The pages live in `followup-web`; this file starts them over a [`Tracker`]: the same store,
//! configuration and agenda as `followup next`.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use followup_app::App;
use followup_app::calendar::feed::FeedToken;
use followup_web::{Backend, Options, Tracker, Web};
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
