//! The morning agenda: every stored process advised, and what needs attention in the order
//! `next` shows it, grouped in sections.

use followup_core::{Action, Advice, Process, Rule};
use jiff::civil::Date;

/// A process with its advice.
#[derive(Clone, Debug)]
pub struct Advised {
    /// The process as the agenda loads it (its own holidays; the advice counted the configured ones too; without what advising
    /// never reads: see [`followup_core::advisor::for_advice`]).
    pub process: Process,
    /// What to do now.
    pub advice: Advice,
}

impl Advised {
    /// The handle, or `?` for a process without one (never the case for stored ones).
    pub fn handle(&self) -> &str {
        self.process.handle.as_deref().unwrap_or("?")
    }

    /// Whether the latest of closed/reopened is closed (as of the advice).
    pub fn is_closed(&self) -> bool {
        self.advice.rule == Rule::Closed
    }
}

/// A part of the agenda, in the order they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// Messages due now (oldest due first).
    ActNow,
    /// Waiting for a date or a booked interview (soonest first).
    Waiting,
    /// Processes to close: no more messages.
    MoveOn,
}

impl Section {
    /// The section an action belongs in; `None` for "nothing to do", which the agenda leaves
    /// out.
    pub fn of(action: Action) -> Option<Section> {
        match action {
            Action::Act { .. } => Some(Section::ActNow),
            Action::Wait { .. } | Action::UpcomingInterview { .. } => Some(Section::Waiting),
            Action::MoveOn => Some(Section::MoveOn),
            Action::Nothing => None,
        }
    }

    /// The section's heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::ActNow => "Act now",
            Section::Waiting => "Waiting",
            Section::MoveOn => "Move on",
        }
    }
}

/// What needs attention today across the tracked processes.
#[derive(Clone, Debug, Default)]
pub struct Agenda {
    /// How many processes are tracked (open or closed).
    pub tracked: usize,
    /// The processes that need attention, ordered: actions due (oldest due first), then waits
    /// (soonest first), then move-ons; ties by handle, so the order is stable.
    pub items: Vec<Advised>,
}

impl Agenda {
    /// Orders `advised` into an agenda, leaving out the processes with nothing to do.
    pub fn of(advised: Vec<Advised>) -> Agenda {
        let tracked = advised.len();
        let mut items: Vec<Advised> = advised
            .into_iter()
            .filter(|a| Section::of(a.advice.action).is_some())
            .collect();
        items.sort_by(|a, b| order(a).cmp(&order(b)));
        Agenda { tracked, items }
    }

    /// The items section by section, each section once, in order.
    pub fn sections(&self) -> impl Iterator<Item = (Section, &[Advised])> {
        self.items
            .chunk_by(|a, b| Section::of(a.advice.action) == Section::of(b.advice.action))
            .filter_map(|chunk| Some((Section::of(chunk.first()?.advice.action)?, chunk)))
    }
}

/// The sort key of an agenda item.
fn order(item: &Advised) -> (Option<Section>, Option<Date>, &str) {
    let date = match item.advice.action {
        Action::Act { due, .. } => Some(due),
        Action::Wait { until, .. } => Some(until),
        Action::UpcomingInterview { at } => Some(at.date()),
        Action::MoveOn | Action::Nothing => None,
    };
    (Section::of(item.advice.action), date, item.handle())
}
