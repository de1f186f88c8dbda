//! Where each process stands, for `followup list` and the web app's Processes page and board:
//! its stage (applied, interviewing, offer, closed with its outcome) and its last contact.

use followup_core::{EventKind, Process};
use jiff::civil::Date;

/// Where the process stands on `today`: `applied`, `interviewing` (an interview took place or
/// is booked), `offer`, or `closed: OUTCOME`; `added` before any of these. A reopened process
/// is back at the stage it had.
pub fn stage(process: &Process, today: Date) -> String {
    let mut stage = "added";
    let mut closed: Option<String> = None;
    // Only the kinds that set the stage need their local date (a time-zone lookup each).
    for event in process.events.iter().filter(|e| {
        matches!(
            e.kind,
            EventKind::Applied { .. }
                | EventKind::Interview(_)
                | EventKind::Offer { .. }
                | EventKind::Closed { .. }
                | EventKind::Reopened { .. }
        )
    }) {
        // A booked interview sets the stage before it happens; anything else once it has.
        let booked = matches!(event.kind, EventKind::Interview(_));
        if !booked && process.local_date(event.at) > today {
            continue;
        }
        match &event.kind {
            EventKind::Applied { .. } if stage == "added" => stage = "applied",
            EventKind::Interview(_) if stage != "offer" => stage = "interviewing",
            EventKind::Offer { .. } => stage = "offer",
            EventKind::Closed { outcome, .. } => closed = Some(format!("closed: {outcome}")),
            EventKind::Reopened { .. } => closed = None,
            _ => {}
        }
    }
    closed.unwrap_or_else(|| stage.to_owned())
}

/// The local date of the latest interview, message, reply or offer up to today.
pub fn last_contact(process: &Process, today: Date) -> Option<Date> {
    process
        .events
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::Interview(_)
                    | EventKind::Sent { .. }
                    | EventKind::Reply { .. }
                    | EventKind::Offer { .. }
            )
        })
        .map(|e| process.local_date(e.at))
        .filter(|d| *d <= today)
        .max()
}
