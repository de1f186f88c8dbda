//! Where each process stands, for `followup list` and the web app's Processes page and board:
//! its stage (closed with its outcome, else the latest interview's stage) and its last contact.

use followup_core::{EventKind, Process};
use jiff::civil::Date;

/// Where the process stands on `today`: `closed: OUTCOME`, `reopened`, the latest interview's
/// stage (`interviewed` without one), or `added`.
pub fn stage(process: &Process, today: Date) -> String {
    let mut stage = "added".to_owned();
    // Only the kinds that set the stage need their local date (a time-zone lookup each).
    for event in process
        .events
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::Interview(_) | EventKind::Closed { .. } | EventKind::Reopened { .. }
            )
        })
        .filter(|e| process.local_date(e.at) <= today)
    {
        match &event.kind {
            EventKind::Interview(i) => {
                stage = i.stage.clone().unwrap_or_else(|| "interviewed".to_owned())
            }
            EventKind::Closed { outcome, .. } => stage = format!("closed: {outcome}"),
            EventKind::Reopened { .. } => stage = "reopened".to_owned(),
            _ => {}
        }
    }
    stage
}

/// The local date of the latest interview, message or reply up to today.
pub fn last_contact(process: &Process, today: Date) -> Option<Date> {
    process
        .events
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::Interview(_) | EventKind::Sent { .. } | EventKind::Reply { .. }
            )
        })
        .map(|e| process.local_date(e.at))
        .filter(|d| *d <= today)
        .max()
}
