//! Changes are values: what one command wants written, and what the store reports back.

use followup_core::{Event, Process};
use jiff::Timestamp;

/// Everything one command writes, applied in a single transaction (all or nothing).
#[derive(Clone, Debug)]
pub struct Change {
    /// When the command ran (its `--now`), kept in the history.
    pub at: Timestamp,
    /// What the command was, for the history and `undo` ("log acme-backend promise").
    pub summary: String,
    /// The edits, applied in order.
    pub ops: Vec<Op>,
}

/// One edit inside a [`Change`].
#[derive(Clone, Debug)]
pub enum Op {
    /// Creates a process with its events. A missing id is generated; a missing handle is
    /// derived from company and role (made unique); a given handle that is taken is an error.
    AddProcess(Process),
    /// Import: merges into the visible process with the same id (adding only the events it
    /// lacks, matched by id, or by content for events without id); creates it when absent,
    /// keeping its handle when free and deriving a unique one otherwise.
    MergeProcess(Process),
    /// Appends an event to the visible process with this handle (a missing id is generated).
    AddEvent {
        /// The process's handle.
        handle: String,
        /// The event.
        event: Event,
    },
    /// Replaces the fields of the visible process with this handle by `process`'s: company,
    /// role, time zone, contacts, holidays and details. Its id, handle and events stay (the
    /// events of `process` are ignored); event instants are kept, so a new zone re-reads nothing.
    UpdateProcess {
        /// The process's handle.
        handle: String,
        /// The new fields.
        process: Process,
    },
    /// Replaces the visible event with `event`'s id (required) in the process with this
    /// handle: the old version is hidden and the new one written under the same id.
    UpdateEvent {
        /// The process's handle.
        handle: String,
        /// The new version, with the id of the one it replaces.
        event: Event,
    },
    /// Removes (hides) the visible event with this id from the process with this handle.
    RemoveEvent {
        /// The process's handle.
        handle: String,
        /// The event's stable id.
        id: String,
    },
    /// Removes (hides) the visible process with this handle, with its events.
    RemoveProcess {
        /// The process's handle.
        handle: String,
    },
    /// Remembers that mail import read the message `message_id`, for the process `handle`
    /// when it matched one: a second import of it is a duplicate (undo forgets it).
    MailSeen {
        /// The mail's `Message-ID` (or its hash).
        message_id: String,
        /// The process it went to.
        handle: Option<String>,
    },
}

/// What a change did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// The history entry recorded, or `None` when nothing needed writing (an import of data
    /// already there), in which case no history entry is made either.
    pub change_id: Option<i64>,
    /// One entry per process op, in op order.
    pub processes: Vec<ProcessOutcome>,
    /// Ids of the events written, in op order.
    pub event_ids: Vec<String>,
}

/// What happened to one process of a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcessOutcome {
    /// The process's stable id.
    pub id: String,
    /// Its handle.
    pub handle: String,
    /// Whether the change created it (false: it existed and was merged into or appended to).
    pub created: bool,
    /// How many events were written to it.
    pub events_added: usize,
}

/// One entry of the history, as `undo` reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeInfo {
    /// Its number (increasing).
    pub id: i64,
    /// When the command ran.
    pub at: Timestamp,
    /// What it was.
    pub summary: String,
    /// For an undo entry: the change it reversed.
    pub undoes: Option<i64>,
    /// The undo entry that reversed it, if any.
    pub undone_by: Option<i64>,
}

/// What [`crate::Store::purge`] erased (or, from [`crate::SqliteStore::purgeable`], would erase).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Purged {
    /// Event rows erased: removed, replaced by an edit, undone, or of an erased process.
    pub events: usize,
    /// Process rows erased: removed or undone.
    pub processes: usize,
    /// Former versions of edited process fields erased.
    pub edits: usize,
    /// History entries erased (the whole history before the purge).
    pub changes: usize,
}

impl Purged {
    /// Whether anything hidden is left to erase (history alone does not count).
    pub fn is_empty(&self) -> bool {
        self.events == 0 && self.processes == 0 && self.edits == 0
    }
}

/// An event of a process's full timeline, including undone ones (for `show`).
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEntry {
    /// The event.
    pub event: Event,
    /// The history entry that wrote it.
    pub change_id: i64,
    /// Whether it was undone (the advisor and export ignore it).
    pub undone: bool,
}
