//! The morning agenda: every stored process advised, and what needs attention in the order
//! `next` (and the web agenda) shows it, grouped in sections: "Your move" (answer them, or
//! withdraw), "Act now" (a message is due), "Coming up" (a booked interview), "Waiting" (a date,
//! or an answer to an application), "Move on".

use followup_core::{Action, Advice, Outside, Process, Rule, Step};
use jiff::civil::{Date, DateTime};

/// A process with its advice.
#[derive(Clone, Debug)]
pub struct Advised {
    /// The process as the agenda loads it (its own holidays: the advice counted the configured
    /// ones too; without what advising never reads: see [`followup_core::advisor::for_advice`]).
    /// Never holds what the other processes bring: that is [`Advised::outside`].
    pub process: Process,
    /// What to do now.
    pub advice: Advice,
    /// What the other tracked processes bring to it (an offer elsewhere, a hire elsewhere),
    /// derived for this advice and never stored.
    pub outside: Outside,
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
    /// The ball is in your court: answer their question or offer, or withdraw (oldest due
    /// first).
    YourMove,
    /// Messages due now (oldest due first).
    ActNow,
    /// Booked interviews (soonest first).
    ComingUp,
    /// Waiting for a date, or for an answer to an application (soonest date first, then the
    /// applications).
    Waiting,
    /// Processes to close: no more messages.
    MoveOn,
}

impl Section {
    /// Every section, in display order.
    pub const ALL: &'static [Section] = &[
        Section::YourMove,
        Section::ActNow,
        Section::ComingUp,
        Section::Waiting,
        Section::MoveOn,
    ];

    /// The section an advice belongs in; `None` for "nothing to do", which the agenda leaves
    /// out (an application awaiting their answer is waiting, not nothing).
    pub fn of(advice: &Advice) -> Option<Section> {
        match advice.action {
            Action::Act {
                step: Step::Respond(_) | Step::RespondOffer | Step::Withdraw,
                ..
            } => Some(Section::YourMove),
            Action::Act { .. } => Some(Section::ActNow),
            Action::UpcomingInterview { .. } => Some(Section::ComingUp),
            Action::Wait { .. } => Some(Section::Waiting),
            Action::Nothing if advice.rule == Rule::AppliedWaiting => Some(Section::Waiting),
            Action::MoveOn => Some(Section::MoveOn),
            Action::Nothing => None,
        }
    }

    /// The section's heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::YourMove => "Your move",
            Section::ActNow => "Act now",
            Section::ComingUp => "Coming up",
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
    /// The processes that need attention, section by section in [`Section`] order, each
    /// section by date (due, interview, wait; applications last); ties by handle, so the order
    /// is stable.
    pub items: Vec<Advised>,
}

impl Agenda {
    /// Orders `advised` into an agenda, leaving out the processes with nothing to do.
    pub fn of(advised: Vec<Advised>) -> Agenda {
        let tracked = advised.len();
        let mut items: Vec<Advised> = advised
            .into_iter()
            .filter(|a| Section::of(&a.advice).is_some())
            .collect();
        items.sort_by(|a, b| order(a).cmp(&order(b)));
        Agenda { tracked, items }
    }

    /// The items section by section, each section once, in order.
    pub fn sections(&self) -> impl Iterator<Item = (Section, &[Advised])> {
        self.items
            .chunk_by(|a, b| Section::of(&a.advice) == Section::of(&b.advice))
            .filter_map(|chunk| Some((Section::of(&chunk.first()?.advice)?, chunk)))
    }
}

/// The sort key of an agenda item: its section, then its date and time (none sorts last).
fn order(item: &Advised) -> (Option<Section>, DateTime, &str) {
    let day = |date: Date| date.to_datetime(jiff::civil::Time::midnight());
    let when = match item.advice.action {
        Action::Act { due, .. } => day(due),
        Action::Wait { until, .. } => day(until),
        Action::UpcomingInterview { at } => at,
        Action::MoveOn | Action::Nothing => DateTime::MAX,
    };
    (Section::of(&item.advice), when, item.handle())
}
