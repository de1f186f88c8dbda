//! What the pages read, as one trait: the seam between the web app and the application layer.
//!
//! Handlers call a [`Backend`] and render what it returns; they hold no SQL and no rules. The
//! binary implements it over the tracker (the same store, configuration and agenda as `followup
//! next`), tests implement it over hand-made processes. Every method is synchronous and may do
//! I/O: handlers call it on tokio's blocking pool.

use followup_core::draft::{Draft, Tone};
use followup_core::{Action, Advice, MessageKind, Process, Step};
use followup_review::Review;
use followup_store::TimelineEntry;
use jiff::Timestamp;

/// The application layer as the pages see it.
pub trait Backend: Send + Sync + 'static {
    /// Today's agenda across the tracked processes, in sections, as `followup next` orders it.
    fn agenda(&self) -> Result<Agenda, BackendError>;

    /// One tracked process, its whole timeline (undone entries included) and its advice now.
    fn process(&self, handle: &str) -> Result<ProcessView, BackendError>;

    /// The calendar feed's text (RFC 5545): what `followup calendar` writes now. A backend
    /// without a calendar has none to give.
    fn calendar(&self) -> Result<String, BackendError> {
        Err(BackendError::Failed {
            message: "this server has no calendar feed".to_owned(),
            hint: "use followup calendar --out FILE instead".to_owned(),
        })
    }

    /// Whether `token` is the calendar feed's current token (calendar programs cannot log in,
    /// so the feed has its own). A backend without a feed token refuses every one.
    fn feed_token_matches(&self, token: &str) -> Result<bool, BackendError> {
        let _ = token;
        Ok(false)
    }
    /// What the whole search tells: the figures of `followup stats`.
    fn stats(&self) -> Result<followup_core::stats::Stats, BackendError>;

    /// The composer's opening draft for a process: the due step's message, or the kind, tone
    /// and variant chosen, as `followup draft` writes it.
    fn compose(&self, handle: &str, choice: &DraftChoice) -> Result<Composed, BackendError>;

    /// The review of a message, as `followup check --json` gives it (with `--process` when a
    /// handle is given, and `--fix` when asked).
    fn review(&self, request: &ReviewRequest) -> Result<Checked, BackendError>;

    /// Records a message as sent in a process (`followup log HANDLE sent`), now.
    fn mark_sent(&self, handle: &str, message: &SentMessage) -> Result<(), BackendError>;
}

/// What the composer asks to draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftChoice {
    /// The kind; `None` drafts what the advice says is due.
    pub kind: Option<MessageKind>,
    /// How formal it reads.
    pub tone: Tone,
    /// Which variant, from 1.
    pub variant: usize,
}

/// The composer's opening state for a process.
#[derive(Clone, Debug)]
pub struct Composed {
    /// The process.
    pub process: Process,
    /// What to do now.
    pub advice: Advice,
    /// The draft, or why there is none (the advice is to wait, the kind cannot be drafted
    /// honestly, the variant does not exist), in one sentence.
    pub draft: Result<Draft, String>,
}

/// A message to review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewRequest {
    /// The message.
    pub text: String,
    /// The kind to review it as.
    pub kind: MessageKind,
    /// The process whose timing and contacts the review reads, if any.
    pub handle: Option<String>,
    /// Whether to add the strong version of the message.
    pub fix: bool,
}

/// A review, and the fixed message when asked for.
#[derive(Clone, Debug)]
pub struct Checked {
    /// `followup check --json`'s object.
    pub review: Review,
    /// `check --fix`'s version.
    pub fixed: Option<String>,
}

/// A message the user sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentMessage {
    /// Its kind.
    pub kind: MessageKind,
    /// The subject line, if any.
    pub subject: Option<String>,
    /// The text.
    pub body: String,
    /// The recipients.
    pub to: Vec<String>,
}

/// The agenda page's data.
#[derive(Clone, Debug)]
pub struct Agenda {
    /// How many processes are tracked (open or closed): tells "nothing tracked yet" from
    /// "nothing to do today".
    pub tracked: usize,
    /// The sections that have something in them, in display order.
    pub sections: Vec<Section>,
}

/// One section of the agenda.
#[derive(Clone, Debug)]
pub struct Section {
    /// Which section.
    pub kind: SectionKind,
    /// Its processes, in order.
    pub items: Vec<AgendaItem>,
}

/// The agenda's sections, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionKind {
    /// The ball is in the user's court: answer them.
    YourMove,
    /// A message is due.
    ActNow,
    /// Something is scheduled soon.
    ComingUp,
    /// Nothing to send before a date.
    Waiting,
    /// Stop writing and close it.
    MoveOn,
}

impl SectionKind {
    /// Every section, in display order.
    pub const ALL: &'static [SectionKind] = &[
        SectionKind::YourMove,
        SectionKind::ActNow,
        SectionKind::ComingUp,
        SectionKind::Waiting,
        SectionKind::MoveOn,
    ];

    /// The section an advice belongs in; `None` for nothing to do. (The agenda's grouping
    /// belongs to the application layer; it lives here until that layer exists.)
    pub fn of(action: &Action) -> Option<SectionKind> {
        Some(match action {
            Action::Act {
                step: Step::Respond(_) | Step::RespondOffer | Step::Withdraw,
                ..
            } => SectionKind::YourMove,
            Action::Act { .. } => SectionKind::ActNow,
            Action::UpcomingInterview { .. } => SectionKind::ComingUp,
            Action::Wait { .. } => SectionKind::Waiting,
            Action::MoveOn => SectionKind::MoveOn,
            Action::Nothing => return None,
        })
    }

    /// The section's heading.
    pub fn title(self) -> &'static str {
        match self {
            SectionKind::YourMove => "Your move",
            SectionKind::ActNow => "Act now",
            SectionKind::ComingUp => "Coming up",
            SectionKind::Waiting => "Waiting",
            SectionKind::MoveOn => "Move on",
        }
    }
}

/// One process on the agenda.
#[derive(Clone, Debug)]
pub struct AgendaItem {
    /// Its handle (`acme-backend`).
    pub handle: String,
    /// The company.
    pub company: String,
    /// The role.
    pub role: String,
    /// What to do now, and why.
    pub advice: Advice,
}

/// The process page's data.
#[derive(Clone, Debug)]
pub struct ProcessView {
    /// The process, its live events in order (its own holidays; the advice counts the configured
    /// ones too).
    pub process: Process,
    /// Every event ever written, undone ones included, in timeline order.
    pub timeline: Vec<TimelineEntry>,
    /// What to do now.
    pub advice: Advice,
    /// The instant the advice was given for: events after it are planned.
    pub now: Timestamp,
}

/// Why a backend call gave no page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackendError {
    /// No process has this handle.
    NotFound {
        /// What was asked for.
        handle: String,
        /// The closest handle that exists, if any.
        closest: Option<String>,
    },
    /// Anything else: the store or the configuration failed. Shown to the user as is.
    Failed {
        /// One line naming the problem.
        message: String,
        /// What to do about it.
        hint: String,
    },
}
