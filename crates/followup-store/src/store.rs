//! The [`Store`] trait: what the commands need from storage, whatever the backend.

use followup_core::{EventKind, Process};
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

    /// Every visible process as [`Store::processes`] returns it, but carrying only what the
    /// advisor and the agenda read (see [`for_advice`]): the lighter load of `next` and `list`,
    /// which advise thousands of processes and print no message text.
    fn processes_for_advice(&self) -> Result<Vec<Process>, StoreError> {
        let mut processes = self.processes()?;
        processes.iter_mut().for_each(for_advice);
        Ok(processes)
    }

    /// [`Store::processes_for_advice`] one process at a time, in the same order: a caller that
    /// keeps only a summary of each process never holds every timeline at once.
    fn each_for_advice(&self, each: &mut dyn FnMut(Process)) -> Result<(), StoreError> {
        self.processes_for_advice()?.into_iter().for_each(each);
        Ok(())
    }

    /// The visible process with this handle; an unknown handle names the closest one.
    fn process(&self, handle: &str) -> Result<Process, StoreError>;

    /// Every event ever written to the process with this handle, undone ones included.
    fn timeline(&self, handle: &str) -> Result<Vec<TimelineEntry>, StoreError>;

    /// The handles of the visible processes, in the order they were added.
    fn handles(&self) -> Result<Vec<String>, StoreError>;

    /// The whole history of changes, oldest first.
    fn history(&self) -> Result<Vec<ChangeInfo>, StoreError>;
}

/// Drops from `process` what advising it never reads, as [`Store::processes_for_advice`] leaves
/// it out: contacts, event ids, notes, message subjects, bodies and recipients, reply senders,
/// interview topics and interviewers. Kept: the process's id, handle, company, role, zone and
/// holidays, and every event's time, type and the fields the rules decide on (rapport,
/// reinforce-interest and stage of interviews, promised dates, message kinds, change reasons,
/// reality and deadlines, outcomes).
pub fn for_advice(process: &mut Process) {
    process.contacts = Vec::new();
    for event in &mut process.events {
        event.id = None;
        match &mut event.kind {
            EventKind::Interview(interview) => {
                interview.topics = Vec::new();
                interview.with = Vec::new();
            }
            EventKind::Sent {
                subject, body, to, ..
            } => {
                *subject = None;
                *body = None;
                *to = Vec::new();
            }
            EventKind::Reply { body, from, .. } => {
                *body = None;
                *from = None;
            }
            EventKind::Promise { note, .. }
            | EventKind::ContextChange { note, .. }
            | EventKind::Closed { note, .. }
            | EventKind::Reopened { note }
            | EventKind::Applied { note, .. }
            | EventKind::Offer { note, .. } => *note = None,
            EventKind::Note { text } => text.clear(),
            EventKind::Away { .. } => {}
        }
    }
}
