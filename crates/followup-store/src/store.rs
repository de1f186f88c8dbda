//! The [`Store`] trait: what the commands need from storage.

use followup_core::Process;
use jiff::Timestamp;

use crate::change::{Applied, Change, ChangeInfo, TimelineEntry};
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

    /// Every visible process, in the order they were added, with their live events (what
    /// `export` writes).
    fn processes(&self) -> Result<Vec<Process>, StoreError>;

    /// Every visible process as [`Store::processes`] returns it, less what advising never
    /// reads ([`followup_core::advisor::for_advice`]): what the agenda loads.
    fn processes_for_advice(&self) -> Result<Vec<Process>, StoreError>;

    /// The visible process with this handle; an unknown handle names the closest one.
    fn process(&self, handle: &str) -> Result<Process, StoreError>;

    /// Every event ever written to the process with this handle, undone ones included.
    fn timeline(&self, handle: &str) -> Result<Vec<TimelineEntry>, StoreError>;
}
