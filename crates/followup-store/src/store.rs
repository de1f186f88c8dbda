//! The [`Store`] trait: what the commands need from storage.

use followup_core::Process;
use jiff::Timestamp;

use crate::change::{Applied, Change, ChangeInfo, Purged, TimelineEntry};
use crate::error::StoreError;

/// Processes and their event log, as the commands use them. [`crate::SqliteStore`] implements
/// it, on a file or in memory.
///
/// Loaders return only visible processes (not hidden by an undone `add`) and only events that
/// were not undone, ordered by time (ties in the order they were written).
pub trait Store {
    /// Applies every op of `change` in one transaction: all or nothing.
    fn apply(&mut self, change: &Change) -> Result<Applied, StoreError>;

    /// Reverses the latest change that is neither an undo nor already undone, recording the
    /// undo as a new history entry at `at`. Returns the change undone, or `None` if there is
    /// nothing left to undo.
    fn undo(&mut self, at: Timestamp) -> Result<Option<ChangeInfo>, StoreError>;

    /// Re-applies the change the latest undo reversed, if no new change was made since (a new
    /// change clears what can be redone), recording the redo as a new history entry at `at`.
    /// Repeatable: each redo re-applies the next undone change, most recently undone first.
    /// Returns the change re-applied, or `None` if there is nothing to redo.
    fn redo(&mut self, at: Timestamp) -> Result<Option<ChangeInfo>, StoreError>;

    /// Erases for good every hidden row (removed, replaced by an edit, or undone), the former
    /// versions of edited fields, and the history before now, which becomes one entry at `at`:
    /// undo and redo cannot go back past it. The file is compacted so that erased data leaves no
    /// bytes behind. Nothing hidden: nothing is written.
    fn purge(&mut self, at: Timestamp) -> Result<Purged, StoreError>;

    /// Every visible process, in the order they were added, with their live events (what
    /// `export` writes).
    fn processes(&self) -> Result<Vec<Process>, StoreError>;

    /// Every visible process as [`Store::processes`] returns it, less what advising never
    /// reads ([`followup_core::advisor::for_advice`]): what the agenda loads.
    fn processes_for_advice(&self) -> Result<Vec<Process>, StoreError>;

    /// The visible process with this handle; an unknown handle names the closest one.
    fn process(&self, handle: &str) -> Result<Process, StoreError>;

    /// Every event written to the process with this handle, undone ones included; versions an
    /// edit replaced and events removed are left out.
    fn timeline(&self, handle: &str) -> Result<Vec<TimelineEntry>, StoreError>;
}
