//! What the advisor needs to know about a timeline, derived in one pass.
//!
//! The terms are the product's: the *anchor* (latest interview or reply), the *unanswered
//! messages* (follow-up, final or align sent after the anchor), the *promise in force* (latest
//! promise at or after the anchor), and the latest real outside change.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::process::{ChangeReason, Event, EventKind, Interview, MessageKind, Outcome, Process};

/// The facts of one process at one instant; only events at or before `now` count. The advisor
/// decides on them, and the reviewer's process rules read the same ones.
#[derive(Debug)]
pub struct Facts<'a> {
    /// The outcome when the latest of closed/reopened is closed.
    pub closed: Option<Outcome>,
    /// The latest interview or reply.
    pub anchor: Option<&'a Event>,
    /// The latest interview, with its details.
    pub latest_interview: Option<(&'a Event, &'a Interview)>,
    /// Whether any message was sent after the latest interview.
    pub sent_after_interview: bool,
    /// Unanswered follow-ups, finals and aligns after the anchor, oldest first.
    pub unanswered: Vec<&'a Event>,
    /// The promise in force and its date.
    pub promise: Option<(&'a Event, Date)>,
    /// The latest real change after the anchor that no align answered yet.
    pub real_change: Option<RealChange<'a>>,
    /// A change marked not real after the anchor, mentioned so the user knows it was ignored.
    pub unreal_change: Option<ChangeReason>,
}

/// A real outside change waiting for an align message.
#[derive(Debug, Clone, Copy)]
pub struct RealChange<'a> {
    /// The `context-change` event.
    pub event: &'a Event,
    /// What changed.
    pub reason: ChangeReason,
    /// The outside deadline, if any.
    pub deadline: Option<Date>,
}

impl<'a> Facts<'a> {
    /// Derives the facts of `process` as of `now`.
    pub fn of(process: &'a Process, now: Timestamp) -> Self {
        let events: Vec<&Event> = process.events_until(now).collect();

        let mut closed = None;
        let mut anchor_index = None;
        let mut latest_interview = None;
        let mut interview_index = None;
        for (i, event) in events.iter().enumerate() {
            match &event.kind {
                EventKind::Closed { outcome, .. } => closed = Some(*outcome),
                EventKind::Reopened { .. } => closed = None,
                EventKind::Interview(details) => {
                    anchor_index = Some(i);
                    interview_index = Some(i);
                    latest_interview = Some((*event, details));
                }
                EventKind::Reply { .. } => anchor_index = Some(i),
                _ => {}
            }
        }
        let anchor = anchor_index.map(|i| events[i]);
        let after_anchor = anchor_index.map_or(0, |i| i + 1);

        let sent_after_interview = interview_index.is_some_and(|start| {
            events[start + 1..]
                .iter()
                .any(|e| matches!(e.kind, EventKind::Sent { .. }))
        });

        let unanswered = events[after_anchor..]
            .iter()
            .copied()
            .filter(
                |e| matches!(e.kind, EventKind::Sent { kind, .. } if kind.counts_as_unanswered()),
            )
            .collect();

        let promise = events
            .iter()
            .rev()
            .filter(|e| anchor.is_none_or(|a| e.at >= a.at))
            .find_map(|e| match e.kind {
                EventKind::Promise { by, .. } => Some((*e, by)),
                _ => None,
            });

        let mut real_change = None;
        let mut unreal_change = None;
        for event in &events[after_anchor..] {
            match &event.kind {
                EventKind::ContextChange {
                    reason,
                    real: true,
                    deadline,
                    ..
                } => {
                    real_change = Some(RealChange {
                        event,
                        reason: *reason,
                        deadline: *deadline,
                    });
                }
                EventKind::ContextChange {
                    reason,
                    real: false,
                    ..
                } => {
                    unreal_change = Some(*reason);
                }
                EventKind::Sent {
                    kind: MessageKind::Align,
                    ..
                } => real_change = None,
                _ => {}
            }
        }

        Facts {
            closed,
            anchor,
            latest_interview,
            sent_after_interview,
            unanswered,
            promise,
            real_change,
            unreal_change,
        }
    }
}
