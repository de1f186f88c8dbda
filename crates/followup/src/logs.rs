//! Diagnostics on standard error, off unless `FOLLOWUP_LOG` asks for them
//! (`FOLLOWUP_LOG=debug followup next` shows which database, config and "now" were used).
//!
//! Nothing is set up when the variable is absent, so a normal run pays nothing for logging.

use tracing_subscriber::EnvFilter;

/// Name of the variable holding the filter (`debug`, `followup=trace`, ...).
const LOG_ENV: &str = "FOLLOWUP_LOG";

/// Starts logging to stderr when `FOLLOWUP_LOG` is set; an unreadable filter means `warn`.
pub fn init() {
    if let Some(filter) = std::env::var_os(LOG_ENV) {
        start(&filter.to_string_lossy());
    }
}

/// For a command that runs until stopped (`serve`): logs with `default` unless `FOLLOWUP_LOG`
/// already chose.
pub fn init_default(default: &str) {
    if std::env::var_os(LOG_ENV).is_none() {
        start(default);
    }
}

fn start(filter: &str) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("warn"));
    // `try_init`: a second call (init, then init_default) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}
