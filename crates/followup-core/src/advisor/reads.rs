//! What advising reads of a process, said once here so a store can load no more than that for
//! the agenda: [`for_advice`] drops the rest, and `advise` gives the same answer either way
//! (a property test holds it to that).

use crate::process::{Details, EventKind, Process};

/// Drops from `process` what [`super::advise`] and the agenda never read: contacts, the
/// process's details, event ids, notes, message subjects, bodies and recipients, reply senders,
/// mail message ids, application links and sources, interview topics and interviewers, note
/// texts. Kept: the process's id, handle, company, role, zone and holidays, and every event's
/// time, type and the fields the rules decide on (rapport, reinforce-interest and stage of
/// interviews, promised dates, message kinds, what replies ask and by when, change reasons,
/// reality and deadlines, offer deadlines, away dates, outcomes).
pub fn for_advice(process: &mut Process) {
    process.contacts = Vec::new();
    process.details = Details::default();
    for event in &mut process.events {
        event.id = None;
        match &mut event.kind {
            EventKind::Interview(interview) => {
                interview.topics = Vec::new();
                interview.with = Vec::new();
            }
            EventKind::Sent {
                subject,
                body,
                to,
                message_id,
                ..
            } => {
                *subject = None;
                *body = None;
                *to = Vec::new();
                *message_id = None;
            }
            EventKind::Reply {
                body,
                from,
                message_id,
                ..
            } => {
                *body = None;
                *from = None;
                *message_id = None;
            }
            EventKind::Applied { url, source, note } => {
                *url = None;
                *source = None;
                *note = None;
            }
            EventKind::Offer {
                note, message_id, ..
            } => {
                *note = None;
                *message_id = None;
            }
            EventKind::Away { message_id, .. } => *message_id = None,
            EventKind::Promise { note, .. }
            | EventKind::ContextChange { note, .. }
            | EventKind::Closed { note, .. }
            | EventKind::Reopened { note } => *note = None,
            EventKind::Note { text } => text.clear(),
        }
    }
}
