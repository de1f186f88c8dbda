//! The morning agenda: every open process advised, in the order `next` prints them.

use followup_core::{Action, Advice, Policy, Process, advise};

use crate::clock::Clock;
use crate::config::Config;
use crate::error::UserError;

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
        let handle = self.handle();
        match self.advice.action {
            Action::Act { .. } => format!("followup draft {handle}"),
            Action::Wait { .. } => format!("followup show {handle}"),
            Action::MoveOn => format!("followup close {handle} no-answer"),
            Action::Nothing => format!("followup show {handle}"),
        }
    }

    /// Whether the latest of closed/reopened is closed (as of the advice).
    pub fn is_closed(&self) -> bool {
        self.advice.rule == followup_core::Rule::Closed
    }
}

/// Advises every process at the clock's instant (local `--now` forms read in each zone).
pub fn advise_all(
    processes: Vec<Process>,
    config: &Config,
    clock: &Clock,
) -> Result<Vec<Advised>, UserError> {
    let policy: &Policy = config.policy();
    processes
        .into_iter()
        .map(|mut process| {
            config.apply_holidays(&mut process);
            let now = clock.at(&process.timezone, &process.timezone_name)?;
            let advice = advise(&process, policy, now);
            Ok(Advised { process, advice })
        })
        .collect()
}

/// Keeps what needs attention, ordered: actions due (oldest due first), then waits (soonest
/// first), then move-ons; ties by handle so the order is stable.
pub fn agenda(advised: Vec<Advised>) -> Vec<Advised> {
    let mut items: Vec<Option<Advised>> = advised
        .into_iter()
        .filter(|a| !matches!(a.advice.action, Action::Nothing))
        .map(Some)
        .collect();
    // Sort small indices, not the large values: moving 10,000 processes around during a sort
    // costs more than the comparisons.
    let mut order: Vec<usize> = (0..items.len()).collect();
    let key = |i: usize| items[i].as_ref().map(|a| (sort_key(&a.advice), a.handle()));
    order.sort_by(|&a, &b| key(a).cmp(&key(b)));
    order.into_iter().filter_map(|i| items[i].take()).collect()
}

fn sort_key(advice: &Advice) -> (u8, Option<jiff::civil::Date>) {
    match advice.action {
        Action::Act { due, .. } => (0, Some(due)),
        Action::Wait { until, .. } => (1, Some(until)),
        Action::MoveOn => (2, None),
        Action::Nothing => (3, None),
    }
}
