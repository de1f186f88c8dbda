//! What the pages read, as one trait: the seam between the web app and the application layer.
//!
//! Handlers call a [`Backend`] and render what it returns; they hold no SQL and no rules. The
//! [`crate::Tracker`] implements it over the application layer (the same store, configuration and
//! agenda as `followup next`); tests may implement it over hand-made processes. Every method is
//! synchronous and may do I/O: handlers call it on tokio's blocking pool.
//!
//! What people type reaches the backend as typed ([`NewProcess`], [`LogEntry`]): the
//! application layer reads and checks it, exactly as for the command line.

pub use followup_app::correct::EventPatch;
pub use followup_app::{LogEntry, NewProcess};
use followup_core::draft::{Draft, Tone};
use followup_core::{Action, Advice, Event, MessageKind, Process, Step};
use followup_review::Review;
use followup_store::TimelineEntry;
use jiff::Timestamp;
use jiff::civil::Date;

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

    /// Every tracked process (open and closed), in the order they were added, with where it
    /// stands.
    fn processes(&self) -> Result<Vec<Listed>, BackendError>;

    /// Starts tracking `new`; returns its handle.
    fn add(&self, new: NewProcess) -> Result<String, FormError>;

    /// What `entry` would record in the process `handle` now, with its dates resolved; nothing
    /// is written.
    fn preview(&self, handle: &str, entry: LogEntry) -> Result<Preview, FormError>;

    /// Records `entry` in the process `handle` as one change.
    fn log(&self, handle: &str, entry: LogEntry) -> Result<(), FormError>;

    /// Reverses the latest change (as a new history entry); `None` when there is nothing to
    /// undo.
    fn undo(&self) -> Result<Option<Undone>, BackendError>;

    /// Re-applies what the latest undo reversed; `None` when there is nothing to redo.
    fn redo(&self) -> Result<Option<Undone>, BackendError>;

    /// Changes the event with this id in the process `handle` as `patch` says.
    fn edit_event(&self, handle: &str, id: &str, patch: EventPatch) -> Result<(), FormError>;

    /// Removes the event with this id from the process `handle` (undo brings it back).
    fn remove_event(&self, handle: &str, id: &str) -> Result<(), FormError>;

    /// Adds a contact, typed as "Ana Souza <ana@acme.example>", first when `main`.
    fn add_contact(&self, handle: &str, contact: &str, main: bool) -> Result<(), FormError>;

    /// Removes the contact `who` (an email or a name) names.
    fn remove_contact(&self, handle: &str, who: &str) -> Result<(), FormError>;

    /// Every process as `followup export` writes it: the JSON export, or with `csv` the log.
    fn export(&self, csv: bool) -> Result<String, BackendError>;

    /// Merges an export (`followup import`); with `dry_run` only lists what it would change.
    fn import(&self, export: &str, dry_run: bool) -> Result<Imported, BackendError>;
}

pub use followup_app::import::Imported;

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

/// One row of the Processes page and one card of the board.
#[derive(Clone, Debug)]
pub struct Listed {
    /// Its handle.
    pub handle: String,
    /// The company.
    pub company: String,
    /// The role.
    pub role: String,
    /// Where it stands: `added`, an interview's stage, `reopened`, `closed: OUTCOME`.
    pub stage: String,
    /// Whether it is closed.
    pub closed: bool,
    /// The day of the latest interview, message or reply.
    pub last_contact: Option<Date>,
    /// What to do now.
    pub advice: Advice,
}

/// What an entry would record.
#[derive(Clone, Debug)]
pub struct Preview {
    /// The process it is for.
    pub process: Process,
    /// The events, dates resolved, in order.
    pub events: Vec<Event>,
    /// Today in the process's zone.
    pub today: Date,
    /// The instant the entry was read at.
    pub now: Timestamp,
}

/// What an undo reversed.
#[derive(Clone, Debug)]
pub struct Undone {
    /// The change's number.
    pub id: i64,
    /// What it was ("log acme-backend promise").
    pub summary: String,
    /// When it was made.
    pub at: Timestamp,
}

/// Why a form was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormError {
    /// A field is wrong: shown beside it, the form kept as typed.
    Field {
        /// The field, named as the command line names it (`--role`, `--at`, `COMPANY`).
        field: &'static str,
        /// What is wrong, without the field's name.
        message: String,
        /// What to do about it.
        hint: String,
    },
    /// The backend failed or the process is unknown.
    Backend(BackendError),
}

impl From<BackendError> for FormError {
    fn from(err: BackendError) -> Self {
        FormError::Backend(err)
    }
}

impl From<followup_app::UserError> for FormError {
    /// A field error when the message starts with an option's name (`--at: …`), else one
    /// about the form as a whole (field "").
    fn from(err: followup_app::UserError) -> Self {
        let message = err.message();
        let named = message
            .split_once(": ")
            .filter(|(name, _)| name.starts_with("--") && !name.contains(' '));
        let (field, message) = match named {
            Some((name, rest)) => (option_name(name), rest.to_owned()),
            None => ("", message.to_owned()),
        };
        FormError::Field {
            field,
            message,
            hint: err.hint().to_owned(),
        }
    }
}

/// The options edits name, as `'static` strings.
fn option_name(name: &str) -> &'static str {
    const OPTIONS: &[&str] = &[
        "--at",
        "--on",
        "--rapport",
        "--reinforce-interest",
        "--stage",
        "--topic",
        "--with",
        "--by",
        "--note",
        "--kind",
        "--subject",
        "--body",
        "--to",
        "--asks",
        "--respond-by",
        "--from",
        "--url",
        "--source",
        "--deadline",
        "--until",
        "--reason",
        "--real",
        "--outcome",
        "--text",
    ];
    let name = name.split('[').next().unwrap_or(name);
    OPTIONS
        .iter()
        .find(|option| **option == name || name.strip_suffix('s') == Some(option))
        .copied()
        .unwrap_or("")
}

impl From<followup_app::FieldError> for FormError {
    fn from(err: followup_app::FieldError) -> Self {
        FormError::Field {
            field: err.field,
            message: err.detail().to_owned(),
            hint: err.error.hint().to_owned(),
        }
    }
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
