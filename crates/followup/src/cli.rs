//! The command-line interface as clap types, and nothing else: commands live in [`crate::cmd`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Coaches you through the weeks after an interview: when to wait, when to follow up, what to
/// write, and when to move on.
#[derive(Debug, Parser)]
#[command(name = "followup", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub db: DbArg,
}

/// The subcommands.
// One is parsed per run: the size of the largest (`edit`'s options) costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Say what to do now for a hiring process: wait, thank, follow up, align, or move on.
    Advise(AdviseArgs),
    /// Draft the message the advice asks for (or --kind): short, calm, easy to answer.
    Draft(DraftArgs),
    /// Review a message: point at the words that hurt, say why, and suggest better ones.
    Check(CheckArgs),
    /// Print a shell completion script (bash, zsh, fish, ...) to standard output.
    Completions(CompletionsArgs),
    /// Print the man page (roff) to standard output: followup man | man -l -
    Man(ManArgs),
    /// Start tracking a hiring process; prints its handle (acme-backend).
    Add(AddArgs),
    /// Record what happened in a tracked process: applied, interview (past or booked), promise,
    /// sent, reply, offer, away, change.
    Log(LogArgs),
    /// Close a tracked process with its outcome.
    Close(CloseArgs),
    /// Open a closed process again.
    Reopen(ReopenArgs),
    /// Today's agenda across open processes: what to send, what to wait for, what to drop.
    Next(NextArgs),
    /// One line per process: company, role, stage, last contact, advice.
    List(ListArgs),
    /// A process's timeline and the advice with its reason.
    Show(ShowArgs),
    /// Write every tracked process as JSON (or a CSV log with --csv).
    Export(ExportArgs),
    /// Merge processes from an export back in, field by field (by id; importing twice changes
    /// nothing).
    Import(ImportArgs),
    /// Reverse the last change; the history keeps that it happened.
    Undo(UndoArgs),
    /// Learn what happened from your own mail files (.eml, mbox, Maildir).
    Mail(MailArgs),
    /// Re-apply what undo reversed (repeatable, until a new change is made).
    Redo(RedoArgs),
    /// Correct a process's fields, or one event (EVENT: #3 or its id) with the options log
    /// takes for its type.
    Edit(Box<EditArgs>),
    /// Remove one event (EVENT: #3 or its id), or a whole process; undo brings it back.
    Rm(RmArgs),
    /// Add, change or remove a process's contacts.
    Contact(ContactArgs),
    /// Record a note (free text; notes never change the advice).
    Note(NoteArgs),
    /// Erase removed, replaced and undone data, and the history, for good.
    Purge(PurgeArgs),
    /// Serve the tracker as a web app on this machine; prints the URL to open.
    Serve(ServeArgs),
    /// Write the next actions and booked interviews as a calendar (.ics); `calendar import`
    /// books an interview from an invitation.
    Calendar(CalendarArgs),
    /// What your search tells you: reply rates by kind and delay, time to reply, the funnel.
    Stats(StatsArgs),
}

/// `--now`, shared by every time-dependent command.
#[derive(Debug, Clone, Args)]
pub struct NowArg {
    /// The moment to advise for: 2026-05-11 (09:00 local), 2026-05-11T14:00 (local) or RFC 3339.
    /// Defaults to the clock.
    #[arg(long, value_name = "WHEN")]
    pub now: Option<String>,
}

/// Arguments of `followup advise`.
#[derive(Debug, Args)]
pub struct AdviseArgs {
    /// The process document (JSON), or - for standard input.
    #[arg(value_name = "FILE", required_unless_present = "demo")]
    pub file: Option<String>,
    /// Advise on built-in sample processes dated relative to today.
    #[arg(long, conflicts_with = "file")]
    pub demo: bool,
    /// Print one JSON object (an array with --demo) instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The message to review, or - for standard input. A header block (a first line `To:` or
    /// `Subject:`, up to the first blank line) is not reviewed; positions still count from the
    /// start of the file.
    #[arg(value_name = "FILE", default_value = "-")]
    pub file: String,
    /// The kind of message: length aims and required parts depend on it [default: with
    /// --process, the kind the advice asks for (for a wait, the one it waits for); else
    /// follow-up].
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Option<CheckKind>,
    /// The process the message belongs to (a document file or a tracked handle): adds timing,
    /// volume, the promised date, the contact's name, and whether an outside offer is recorded
    /// as real.
    #[arg(long, value_name = "FILE|HANDLE")]
    pub process: Option<String>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// After the review, print the strong version of the message: unflagged sentences kept
    /// word for word, flagged ones removed or rewritten, missing parts added (with --json:
    /// "fixed"). The exit code is still the original message's.
    #[arg(long)]
    pub fix: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// The kinds of message `followup check` reviews: the drafted kinds, plus an answer to them
/// and a withdrawal (neither needs a question; timing and volume do not apply).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckKind {
    /// Right after a warm interview: thanks, no question.
    ThankYou,
    /// After the promised date: one objective question.
    FollowUp,
    /// The last attempt.
    Final,
    /// A real outside change with its deadline: one question about timing.
    Align,
    /// An answer to their message.
    Reply,
    /// Withdrawing from the process.
    Withdraw,
}

impl From<CheckKind> for followup_core::MessageKind {
    fn from(kind: CheckKind) -> Self {
        match kind {
            CheckKind::ThankYou => followup_core::MessageKind::ThankYou,
            CheckKind::FollowUp => followup_core::MessageKind::FollowUp,
            CheckKind::Final => followup_core::MessageKind::Final,
            CheckKind::Align => followup_core::MessageKind::Align,
            CheckKind::Reply => followup_core::MessageKind::Reply,
            CheckKind::Withdraw => followup_core::MessageKind::Withdraw,
        }
    }
}

/// Arguments of `followup completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// Arguments of `followup man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// A subcommand whose page to print (followup-advise(1)); the main page without it.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

/// `--db`, shared by every command that reads or writes the tracker.
#[derive(Debug, Clone, Default, Args)]
pub struct DbArg {
    /// The tracker database [default: $XDG_DATA_HOME/followup/followup.db].
    #[arg(long, value_name = "PATH", env = "FOLLOWUP_DB", global = true)]
    pub db: Option<PathBuf>,
}

/// Arguments of `followup add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The company's name.
    #[arg(value_name = "COMPANY")]
    pub company: String,
    /// The role applied for.
    #[arg(long, value_name = "ROLE")]
    pub role: String,
    /// A contact, as "Ana Souza <ana@acme.example>" (repeat for several; the first is the main
    /// one).
    #[arg(long = "contact", value_name = "CONTACT")]
    pub contacts: Vec<String>,
    /// The process's time zone (IANA name) [default: the configured zone, else the system's].
    #[arg(long = "tz", value_name = "ZONE")]
    pub timezone: Option<String>,
    /// The job posting's address.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Where the job is ("Lisbon", "remote").
    #[arg(long, value_name = "TEXT")]
    pub location: Option<String>,
    /// The salary, as you want to remember it.
    #[arg(long, value_name = "TEXT")]
    pub salary: Option<String>,
    /// You applied (records an `applied` event): when, read back like --at [default: now].
    #[arg(long, value_name = "WHEN", num_args = 0..=1, default_missing_value = "now")]
    pub applied: Option<String>,
    /// Track a second process for a company and role already open (a new application).
    #[arg(long)]
    pub again: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// The process's handle (see followup list).
    #[arg(value_name = "HANDLE")]
    pub handle: String,
    /// What happened.
    #[command(subcommand)]
    pub event: LogEvent,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    /// The moment "today" and "now" mean: 2026-05-11 (09:00 local), 2026-05-11T14:00 or RFC
    /// 3339. Defaults to the clock.
    #[arg(long, value_name = "WHEN", global = true)]
    pub now: Option<String>,
}

/// `--at`: when something happened, as people say it (yesterday 15:00, friday, 2026-05-05 14:00).
#[derive(Debug, Clone, Args)]
pub struct AtArg {
    /// When it happened: now, 14:00, an hour ago, yesterday 15:00, friday, last tuesday,
    /// 2 days ago, 8 may, 2026-05-05 14:00 [default: now].
    #[arg(long, value_name = "WHEN")]
    pub at: Option<String>,
}

/// The events `followup log` records.
#[derive(Debug, Subcommand)]
pub enum LogEvent {
    /// An interview took place (--at), or is booked (--on).
    Interview {
        #[command(flatten)]
        at: AtArg,
        /// A booked interview: when it will be, read forward ("thursday 15:00" is the coming
        /// Thursday; a day alone is midday).
        #[arg(long, value_name = "WHEN", conflicts_with = "at")]
        on: Option<String>,
        /// How it felt: personal, back-and-forth or formal [default: formal].
        #[arg(long, value_name = "RAPPORT")]
        rapport: Option<String>,
        /// You want to reinforce your interest with a thank-you.
        #[arg(long)]
        reinforce_interest: bool,
        /// The stage ("technical", "final").
        #[arg(long, value_name = "TEXT")]
        stage: Option<String>,
        /// A topic discussed (repeat for several).
        #[arg(long = "topic", value_name = "TEXT")]
        topics: Vec<String>,
        /// An interviewer's name (repeat for several).
        #[arg(long = "with", value_name = "NAME")]
        with: Vec<String>,
    },
    /// They promised an answer by a date: friday, next friday, in 2 weeks, 2026-05-08.
    Promise {
        /// By when: friday, next week, early next week, the 20th, 20/05, in 3 days, 2026-05-08.
        #[arg(value_name = "WHEN")]
        by: String,
        #[command(flatten)]
        at: AtArg,
        /// Free text.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// You sent a message.
    Sent {
        /// Its kind: thank-you, follow-up, final, align, other, reply (your answer to them) or
        /// withdraw (you leave the process: it is closed as withdrew in the same change)
        /// [default: the kind the advice asks for; for a wait, the one it waits for].
        #[arg(value_name = "KIND")]
        kind: Option<String>,
        /// A file holding the message (- for standard input): a first line `To:` or `Subject:`
        /// starts a header block, up to the first blank line, read into --to and --subject
        /// (what `followup draft` prints); the rest is the body.
        #[arg(long, value_name = "FILE", conflicts_with = "body")]
        file: Option<String>,
        /// The body.
        #[arg(long, value_name = "TEXT")]
        body: Option<String>,
        /// The subject line.
        #[arg(long, value_name = "TEXT")]
        subject: Option<String>,
        /// A recipient (repeat for several).
        #[arg(long = "to", value_name = "ADDRESS")]
        to: Vec<String>,
        #[command(flatten)]
        at: AtArg,
    },
    /// They replied.
    Reply {
        #[command(flatten)]
        at: AtArg,
        /// The reply promised a new date: friday, next week, the 20th, 2026-05-22 ...
        #[arg(long, value_name = "WHEN")]
        promise: Option<String>,
        /// What it asks of you: nothing, answer, schedule or assignment [default: nothing].
        #[arg(long, value_name = "ASKS")]
        asks: Option<String>,
        /// By when they want your answer: friday, tomorrow, 2026-05-22 ...
        #[arg(long, value_name = "WHEN")]
        respond_by: Option<String>,
        /// A file holding the reply's text (- for standard input).
        #[arg(long, value_name = "FILE", conflicts_with = "body")]
        file: Option<String>,
        /// The reply's text.
        #[arg(long, value_name = "TEXT")]
        body: Option<String>,
        /// Who wrote.
        #[arg(long, value_name = "NAME")]
        from: Option<String>,
    },
    /// You applied for the role.
    Applied {
        #[command(flatten)]
        at: AtArg,
        /// The posting applied to.
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        /// Where you found it (free text).
        #[arg(long, value_name = "TEXT")]
        source: Option<String>,
        /// Free text.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// They made an offer.
    Offer {
        #[command(flatten)]
        at: AtArg,
        /// By when they want your answer: friday, in 3 days, 2026-05-22 ...
        #[arg(long, value_name = "WHEN")]
        deadline: Option<String>,
        /// Free text.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Your contact is away (an out-of-office reply).
    Away {
        #[command(flatten)]
        at: AtArg,
        /// Their last day away ("back on Monday" means until Sunday): sunday, the 20th ...
        #[arg(long, value_name = "WHEN")]
        until: String,
    },
    /// Something changed outside this process (an offer, a final round elsewhere).
    Change {
        /// competing-offer, final-round-elsewhere or availability-changed.
        #[arg(value_name = "REASON")]
        reason: String,
        /// The outside deadline: friday, in 3 days, tuesday or wednesday (the earlier), 2026-05-20 ...
        #[arg(long, value_name = "WHEN")]
        deadline: Option<String>,
        /// The change is real, not leverage (only real changes justify a message).
        #[arg(long)]
        real: bool,
        /// Free text.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        #[command(flatten)]
        at: AtArg,
    },
}

/// Arguments of `followup close`.
#[derive(Debug, Args)]
pub struct CloseArgs {
    /// The process's handle.
    #[arg(value_name = "HANDLE")]
    pub handle: String,
    /// How it ended: hired, rejected, withdrew, no-answer or declined.
    #[arg(value_name = "OUTCOME")]
    pub outcome: String,
    /// Free text.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[command(flatten)]
    pub at: AtArg,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup reopen`.
#[derive(Debug, Args)]
pub struct ReopenArgs {
    /// The process's handle.
    #[arg(value_name = "HANDLE")]
    pub handle: String,
    /// Free text.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[command(flatten)]
    pub at: AtArg,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup next`.
#[derive(Debug, Args)]
pub struct NextArgs {
    /// Run on built-in sample processes (dated relative to today) in a throwaway store.
    #[arg(long)]
    pub demo: bool,
    /// Print a JSON array of {handle, company, role, advice} instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Include closed processes.
    #[arg(long)]
    pub all: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print one JSON object (processes, by_outcome, funnel, reply_rate, reply_rate_by_delay,
    /// median_business_days_to_reply, went_silent) instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The process's handle.
    #[arg(value_name = "HANDLE")]
    pub handle: String,
    /// Print each event's stable id after its number (edit and rm take either).
    #[arg(long)]
    pub ids: bool,
    /// One line per event, without the messages' text and the notes under them.
    #[arg(long)]
    pub brief: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// A flat CSV log (date, company, role, contact, event, outcome) instead of JSON.
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
    /// JSON: an array of process documents (the default).
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `followup import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// An export (a JSON array of process documents) or one process document; - for stdin.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Print the changes the import would make, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup mail`.
#[derive(Debug, Args)]
pub struct MailArgs {
    /// What to do with mail.
    #[command(subcommand)]
    pub command: MailCommand,
}

/// The subcommands of `followup mail`.
#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Read mail files and log what happened: replies, offers, declines, out-of-office, your own
    /// messages (one change: followup undo reverses it; importing twice changes nothing).
    Import(MailImportArgs),
}

/// Arguments of `followup mail import`.
#[derive(Debug, Args)]
pub struct MailImportArgs {
    /// .eml files, mbox files and Maildir folders, read in the order given.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Print what each message is and where it goes; log nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// One JSON object per message (JSON Lines), in input order.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup undo`.
#[derive(Debug, Args)]
pub struct UndoArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup draft`.
#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The process: a document (JSON) file, - for standard input, or a tracked handle.
    #[arg(value_name = "FILE|HANDLE")]
    pub file: String,
    /// The kind of message [default: the one the advice says is due now].
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Option<DraftKind>,
    /// What to mention in a thank-you [default: the latest interview's first topic].
    #[arg(long, value_name = "TEXT")]
    pub topic: Option<String>,
    /// How formal the message reads.
    #[arg(long, value_enum, value_name = "TONE", default_value = "neutral")]
    pub tone: DraftTone,
    /// Which wording to use, from 1 (each kind and tone has at least three).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub variant: usize,
    /// The name to sign with [default: `name` in the configuration; none: unsigned].
    #[arg(long, value_name = "NAME")]
    pub from: Option<String>,
    /// Also record the draft as sent now (its kind, subject, body and recipients), for a
    /// message sent right away by copy and paste. Needs a tracked handle.
    #[arg(long)]
    pub log: bool,
    /// Print {"kind", "subject", "body", "to", "mailto"} instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// The kinds of message `followup draft` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DraftKind {
    /// Right after a warm interview: thanks, no question.
    ThankYou,
    /// After the promised date: one objective question.
    FollowUp,
    /// The last attempt.
    Final,
    /// A real outside change with its deadline: one question about timing.
    Align,
    /// You leave the process: thanks, the decision, the door kept open; no question.
    Withdraw,
}

impl From<DraftKind> for followup_core::MessageKind {
    fn from(kind: DraftKind) -> Self {
        match kind {
            DraftKind::ThankYou => followup_core::MessageKind::ThankYou,
            DraftKind::FollowUp => followup_core::MessageKind::FollowUp,
            DraftKind::Final => followup_core::MessageKind::Final,
            DraftKind::Align => followup_core::MessageKind::Align,
            DraftKind::Withdraw => followup_core::MessageKind::Withdraw,
        }
    }
}

/// The tones of `followup draft`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DraftTone {
    /// "Dear Ms. Souza," and careful wording.
    Formal,
    /// "Hi Ana," and plain wording.
    Neutral,
    /// "Hi Ana," and a friendlier touch.
    Warm,
}

/// Arguments of `followup serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address and port to listen on; port 0 picks a free one (the printed URL names it).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:7878")]
    pub listen: String,
    /// Open the default browser at the URL.
    #[arg(long)]
    pub open: bool,
    /// Serve built-in sample processes from memory: changes work and are lost at exit.
    #[arg(long)]
    pub demo: bool,
    /// Allow a --listen address that other machines can reach (the token is still required).
    #[arg(long)]
    pub allow_remote: bool,
    /// Make a new calendar feed token (printed on the second line); the old feed URL stops
    /// working.
    #[arg(long)]
    pub rotate_feed_token: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup calendar`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct CalendarArgs {
    /// Read an invitation instead of writing the calendar.
    #[command(subcommand)]
    pub action: Option<CalendarAction>,
    /// Write the calendar to FILE (replaced whole, never half-written; 0600 when new) instead
    /// of standard output (- prints).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub now: NowArg,
}

/// What `followup calendar` can do besides writing the calendar.
#[derive(Debug, Subcommand)]
pub enum CalendarAction {
    /// Book, update or cancel an interview from an invitation (.ics) sent by a calendar
    /// program.
    Import(CalendarImportArgs),
}

/// Arguments of `followup calendar import`.
#[derive(Debug, Args)]
pub struct CalendarImportArgs {
    /// The invitation (.ics), or - for standard input.
    #[arg(value_name = "FILE.ics")]
    pub file: String,
    /// Your own address (repeatable): never taken for an interviewer or the company's contact.
    #[arg(long, value_name = "ADDRESS")]
    pub me: Vec<String>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup redo`.
#[derive(Debug, Args)]
pub struct RedoArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup edit`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The process's handle.
    #[arg(value_name = "HANDLE")]
    pub handle: String,
    /// The event to change: #3 (its number in followup show; quote it: '#3', or write 3) or
    /// its id (followup show --ids). Without it, the process's own fields change.
    #[arg(value_name = "EVENT")]
    pub event: Option<String>,
    /// The company's name.
    #[arg(long, value_name = "TEXT", help_heading = "Process options")]
    pub company: Option<String>,
    /// The role.
    #[arg(long, value_name = "TEXT", help_heading = "Process options")]
    pub role: Option<String>,
    /// The posting's address (with EVENT: an applied event's posting); "" clears it.
    #[arg(long, value_name = "URL", help_heading = "Process options")]
    pub url: Option<String>,
    /// Where the job is; "" clears it.
    #[arg(long, value_name = "TEXT", help_heading = "Process options")]
    pub location: Option<String>,
    /// The salary; "" clears it.
    #[arg(long, value_name = "TEXT", help_heading = "Process options")]
    pub salary: Option<String>,
    /// The process's time zone (IANA name): every event keeps its instant; nothing is re-read.
    #[arg(long = "tz", value_name = "ZONE", help_heading = "Process options")]
    pub timezone: Option<String>,
    #[command(flatten)]
    pub event_options: EventOptions,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// The options of `edit HANDLE EVENT`: each event type takes those `log` takes for it (a
/// list option replaces the list; "" clears an optional field).
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Event options")]
pub struct EventOptions {
    /// When it happened, read like log --at.
    #[arg(long, value_name = "WHEN")]
    pub at: Option<String>,
    /// interview: when it is booked, read ahead like log --on.
    #[arg(long, value_name = "WHEN")]
    pub on: Option<String>,
    /// interview: personal, back-and-forth or formal.
    #[arg(long, value_name = "RAPPORT")]
    pub rapport: Option<String>,
    /// interview: reinforce your interest with a thank-you (--reinforce-interest=false to undo).
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub reinforce_interest: Option<bool>,
    /// interview: the stage.
    #[arg(long, value_name = "TEXT")]
    pub stage: Option<String>,
    /// interview: a topic (repeat; replaces the list).
    #[arg(long = "topic", value_name = "TEXT")]
    pub topics: Option<Vec<String>>,
    /// interview: an interviewer (repeat; replaces the list).
    #[arg(long = "with", value_name = "NAME")]
    pub with: Option<Vec<String>>,
    /// promise: the promised date, read like log promise WHEN.
    #[arg(long, value_name = "WHEN")]
    pub by: Option<String>,
    /// promise, applied, offer, change, closed, reopened: free text.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// sent: the message's kind, like log sent KIND.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// sent: the subject line.
    #[arg(long, value_name = "TEXT")]
    pub subject: Option<String>,
    /// sent, reply: the text.
    #[arg(long, value_name = "TEXT")]
    pub body: Option<String>,
    /// sent, reply: a file holding the text (- for standard input).
    #[arg(long, value_name = "FILE")]
    pub file: Option<String>,
    /// sent: a recipient (repeat; replaces the list).
    #[arg(long = "to", value_name = "ADDRESS")]
    pub to: Option<Vec<String>>,
    /// reply: nothing, answer, schedule or assignment.
    #[arg(long, value_name = "ASKS")]
    pub asks: Option<String>,
    /// reply: by when they want your answer.
    #[arg(long, value_name = "WHEN")]
    pub respond_by: Option<String>,
    /// reply: who wrote.
    #[arg(long, value_name = "NAME")]
    pub from: Option<String>,
    /// applied: where you found it.
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,
    /// offer, change: the deadline.
    #[arg(long, value_name = "WHEN")]
    pub deadline: Option<String>,
    /// away: their last day away.
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
    /// change: competing-offer, final-round-elsewhere or availability-changed.
    #[arg(long, value_name = "REASON")]
    pub reason: Option<String>,
    /// change: the change is real (--real=false: it is not).
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub real: Option<bool>,
    /// closed: hired, rejected, withdrew, no-answer or declined.
    #[arg(long, value_name = "OUTCOME")]
    pub outcome: Option<String>,
    /// note: its text.
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
    /// sent, reply, offer, away: the mail's Message-ID.
    #[arg(long, value_name = "ID")]
    pub message_id: Option<String>,
}

/// Arguments of `followup rm`.
#[derive(Debug, Args)]
pub struct RmArgs {
    /// The process's handle.
    #[arg(value_name = "HANDLE")]
    pub handle: String,
    /// The event to remove: #3 (quote it, or write 3) or its id. Without it, the whole process.
    #[arg(value_name = "EVENT")]
    pub event: Option<String>,
    /// Remove a whole process without asking (needed when not on a terminal).
    #[arg(long)]
    pub yes: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup contact`.
#[derive(Debug, Args)]
pub struct ContactArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: ContactAction,
    /// The moment the history records: 2026-05-11T14:00 or RFC 3339. Defaults to the clock.
    #[arg(long, value_name = "WHEN", global = true)]
    pub now: Option<String>,
}

/// The actions of `followup contact`.
#[derive(Debug, clap::Subcommand)]
pub enum ContactAction {
    /// Add a contact: "Ana Souza <ana@acme.example>", a name or an address.
    Add {
        /// The process's handle.
        #[arg(value_name = "HANDLE")]
        handle: String,
        /// The contact.
        #[arg(value_name = "CONTACT")]
        contact: String,
        /// Their title ("Recruiter").
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// How to address them formally ("Ms.").
        #[arg(long, value_name = "TEXT")]
        honorific: Option<String>,
        /// Make it the main contact (the first: drafts are addressed to it).
        #[arg(long)]
        main: bool,
    },
    /// Change a contact (WHO: its email or its name).
    Edit {
        /// The process's handle.
        #[arg(value_name = "HANDLE")]
        handle: String,
        /// The contact: its email or its name.
        #[arg(value_name = "WHO")]
        who: String,
        /// Their name.
        #[arg(long, value_name = "TEXT")]
        name: Option<String>,
        /// Their address; "" clears it.
        #[arg(long, value_name = "ADDRESS")]
        email: Option<String>,
        /// Their title; "" clears it.
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// How to address them formally; "" clears it.
        #[arg(long, value_name = "TEXT")]
        honorific: Option<String>,
        /// Make it the main contact.
        #[arg(long)]
        main: bool,
    },
    /// Remove a contact (WHO: its email or its name).
    Rm {
        /// The process's handle.
        #[arg(value_name = "HANDLE")]
        handle: String,
        /// The contact: its email or its name.
        #[arg(value_name = "WHO")]
        who: String,
    },
}

/// Arguments of `followup note`.
#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The process's handle.
    #[arg(value_name = "HANDLE")]
    pub handle: String,
    /// The note.
    #[arg(value_name = "TEXT")]
    pub text: String,
    #[command(flatten)]
    pub at: AtArg,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}

/// Arguments of `followup purge`.
#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// Erase without asking (needed when not on a terminal).
    #[arg(long)]
    pub yes: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub now: NowArg,
}
