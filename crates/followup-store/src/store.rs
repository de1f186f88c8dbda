//! The [`Store`] trait: what the commands need from storage, whatever the backend.

use followup_core::Process;
use jiff::Timestamp;

use crate::change::{Applied, Change, ChangeInfo, TimelineEntry};
use crate::error::StoreError;

/// Processes and their event log. Implemented by [`crate::SqliteStore`] (a file) and
/// [`crate::MemoryStore`] (demos, tests); both pass the same test suite.
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

    /// Every visible process, in the order they were added, with their live events. Loads
    /// everything in a constant number of queries, whatever the number of processes.
    fn processes(&self) -> Result<Vec<Process>, StoreError>;

    /// The visible process with this handle; an unknown handle names the closest one.
    fn process(&self, handle: &str) -> Result<Process, StoreError>;

    /// Every event ever written to the process with this handle, undone ones included.
    fn timeline(&self, handle: &str) -> Result<Vec<TimelineEntry>, StoreError>;

    /// The handles of the visible processes, in the order they were added.
    fn handles(&self) -> Result<Vec<String>, StoreError>;

    /// The whole history of changes, oldest first.
    fn history(&self) -> Result<Vec<ChangeInfo>, StoreError>;
}
