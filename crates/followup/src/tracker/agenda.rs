//! The morning agenda: every open process advised, in the order `next` prints them, and the
//! in-memory page `next` and `list` print it on.

use std::fmt;
use std::io::Write;

use followup_core::{Action, Advice, Policy, Process, advise};
use followup_store::Store;
use jiff::Timestamp;

use crate::clock::Clock;
use crate::config::Config;
use crate::error::UserError;
use crate::tracker;

/// A process with its advice.
pub struct Advised {
    /// The process (configured holidays applied).
    pub process: Process,
    /// What to do now.
    pub advice: Advice,
}

impl Advised {
    /// The handle, or `?` for a process without one (never the case for stored ones).
    pub fn handle(&self) -> &str {
        self.process.handle.as_deref().unwrap_or("?")
    }

    /// The command that acts on the advice.
    pub fn command(&self) -> String {
        self.command_display().to_string()
    }

    /// [`Advised::command`] without building a string, for printing thousands of lines.
    pub fn command_display(&self) -> impl fmt::Display + '_ {
        CommandDisplay(self)
    }

    /// The same, its timeline freed: what `next` and `list` keep once a process is advised.
    pub fn without_events(mut self) -> Self {
        self.process.events = Vec::new();
        self
    }

    /// Whether the latest of closed/reopened is closed (as of the advice).
    pub fn is_closed(&self) -> bool {
        self.advice.rule == followup_core::Rule::Closed
    }
}

struct CommandDisplay<'a>(&'a Advised);

impl fmt::Display for CommandDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let handle = self.0.handle();
        match self.0.advice.action {
            Action::Act { .. } => write!(f, "followup draft {handle}"),
            Action::Wait { .. } => write!(f, "followup show {handle}"),
            Action::MoveOn => write!(f, "followup close {handle} no-answer"),
            Action::Nothing => write!(f, "followup show {handle}"),
        }
    }
}

/// Advises every process of `store` at the clock's instant (local `--now` forms read in each
/// zone), one at a time: `keep` gets each advised process, configured holidays applied, and
/// returns what the command keeps of it ([`Advised::without_events`] when it only prints).
/// A timeline is freed before the next one is loaded, so the memory of one serves them all.
///
/// A store error wins over a `--now` error, and the first process whose zone cannot place
/// `--now` names the error, as when every process was loaded before advising any.
pub fn advise_stored<T>(
    store: &impl Store,
    config: &Config,
    clock: &Clock,
    mut keep: impl FnMut(Advised) -> Option<T>,
) -> Result<Vec<T>, UserError> {
    let policy: &Policy = config.policy();
    // `--now` is read once per zone, not once per process: a store resolves each zone name to
    // one zone, and thousands of processes share a handful of zones.
    let mut instants: Vec<(String, Timestamp)> = Vec::new();
    let mut kept = Vec::new();
    let mut failure = None;
    let walked = store.each_for_advice(&mut |mut process| {
        if failure.is_some() {
            return;
        }
        config.apply_holidays(&mut process);
        let found = instants
            .iter()
            .find(|(name, _)| *name == process.timezone_name)
            .map(|(_, now)| *now);
        let now = match found {
            Some(now) => now,
            None => match clock.at(&process.timezone, &process.timezone_name) {
                Ok(now) => {
                    instants.push((process.timezone_name.clone(), now));
                    now
                }
                Err(err) => {
                    failure = Some(err);
                    return;
                }
            },
        };
        let advice = advise(&process, policy, now);
        kept.extend(keep(Advised { process, advice }));
    });
    walked.map_err(tracker::store_error)?;
    match failure {
        Some(err) => Err(err),
        None => Ok(kept),
    }
}

/// Keeps what needs attention, ordered: actions due (oldest due first), then waits (soonest
/// first), then move-ons; ties by handle so the order is stable.
pub fn agenda(advised: &[Advised]) -> Vec<&Advised> {
    // Sorting small keyed references, not the large values: moving 10,000 processes around
    // costs more than the comparisons.
    let mut items: Vec<(u8, Option<jiff::civil::Date>, &str, &Advised)> = advised
        .iter()
        .filter(|a| !matches!(a.advice.action, Action::Nothing))
        .map(|a| {
            let (rank, date) = sort_key(&a.advice);
            (rank, date, a.handle(), a)
        })
        .collect();
    items.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    items.into_iter().map(|(.., a)| a).collect()
}

fn sort_key(advice: &Advice) -> (u8, Option<jiff::civil::Date>) {
    match advice.action {
        Action::Act { due, .. } => (0, Some(due)),
        Action::Wait { until, .. } => (1, Some(until)),
        Action::MoveOn => (2, None),
        Action::Nothing => (3, None),
    }
}

/// A command's whole output, built in memory and written to standard output in one go.
///
/// Styling follows standard output exactly as `anstream::stdout()` would (stripped when it is
/// not a terminal, `NO_COLOR`, `CLICOLOR_FORCE`), but the stripped text lands in memory:
/// through the locked, line-buffered standard output every line would cost a system call.
pub struct Page {
    text: anstream::AutoStream<Vec<u8>>,
}

impl Page {
    /// An empty page styled for standard output.
    pub fn for_stdout() -> Self {
        let choice = anstream::AutoStream::<std::io::Stdout>::choice(&std::io::stdout());
        Page {
            text: anstream::AutoStream::new(Vec::with_capacity(1 << 20), choice),
        }
    }

    /// Writes the page to standard output.
    pub fn print(self) -> std::io::Result<()> {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&self.text.into_inner())?;
        stdout.flush()
    }
}

impl Write for Page {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.text.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.text.write_all(buf)
    }

    fn write_fmt(&mut self, args: fmt::Arguments<'_>) -> std::io::Result<()> {
        self.text.write_fmt(args)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
