//! Recording a message the user sent: the `sent` event, and for a withdrawal the close it
//! implies, in one change (one undo reverses both).

use followup_core::{Event, EventKind, MessageKind, Outcome};
use jiff::Timestamp;

/// The events a sent message of `kind` writes at `at`: the `sent`, and after a `withdraw` the
/// `closed withdrew` that leaving the process means.
pub fn sent_events(
    at: Timestamp,
    kind: MessageKind,
    subject: Option<String>,
    body: Option<String>,
    to: Vec<String>,
) -> Vec<Event> {
    let event = |kind| Event { id: None, at, kind };
    let mut events = vec![event(EventKind::Sent {
        kind,
        subject,
        body,
        to,
        message_id: None,
    })];
    if kind == MessageKind::Withdraw {
        events.push(event(EventKind::Closed {
            outcome: Outcome::Withdrew,
            note: None,
        }));
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_withdrawal_also_closes_and_other_kinds_do_not() {
        let at = Timestamp::UNIX_EPOCH;
        let withdraw = sent_events(at, MessageKind::Withdraw, None, None, vec![]);
        assert_eq!(withdraw.len(), 2);
        assert!(matches!(
            withdraw[1].kind,
            EventKind::Closed {
                outcome: Outcome::Withdrew,
                ..
            }
        ));
        assert_eq!(
            sent_events(at, MessageKind::FollowUp, None, None, vec![]).len(),
            1
        );
    }
}
