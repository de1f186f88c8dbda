//! What advising reads of a process, said once here so a store can load no more than that for
//! the agenda: [`for_advice`] drops the rest, and `advise` gives the same answer either way
//! (a property test holds it to that).

use crate::process::{EventKind, Process};

/// Drops from `process` what [`super::advise`] and the agenda never read: contacts, event ids,
/// notes, message subjects, bodies and recipients, reply senders, interview topics and
/// interviewers, note texts. Kept: the process's id, handle, company, role, zone and holidays, and every
/// event's time, type and the fields the rules decide on (rapport, reinforce-interest and
/// stage of interviews, promised dates, message kinds, change reasons, reality and deadlines,
/// outcomes).
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
