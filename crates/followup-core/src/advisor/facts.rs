//! What the advisor needs to know about a timeline, derived in two short passes.
//!
//! The terms are the product's (README, "The rules in plain words"):
//! - *their open requests*: the latest offer, and every reply that asks something, not yet
//!   answered. Any later `sent` other than a thank-you answers them all; a later interview,
//!   booked or past, also answers a request to schedule.
//! - the *anchor*: the latest interview that happened, reply, offer, or the `sent` that answered
//!   an open request;
//! - the *promise in force*: the latest promise at or after their latest interview, reply or
//!   offer (your answer does not drop it);
//! - the *unanswered messages*: follow-ups, finals and aligns after the anchor, none while an
//!   interview is booked;
//! - the latest real outside change after the anchor that no align answered yet.
//!
//! Only events at or before `now` count, except a *booked* interview (`at` after now).

use jiff::Timestamp;
use jiff::civil::Date;

use crate::process::{
    Asks, ChangeReason, Event, EventKind, Interview, MessageKind, Outcome, Process,
};

/// The facts of one process at one instant. The advisor decides on them, and the reviewer's
/// process rules read the same ones.
#[derive(Debug)]
pub struct Facts<'a> {
    /// The outcome when the latest of closed/reopened is closed.
    pub closed: Option<Outcome>,
    /// The withdraw message sent with no reopening after it.
    pub withdrawn: Option<&'a Event>,
    /// The latest interview (happened), reply, offer or answering message.
    pub anchor: Option<&'a Event>,
    /// The latest interview that happened, with its details.
    pub latest_interview: Option<(&'a Event, &'a Interview)>,
    /// Whether any message was sent after the latest interview.
    pub sent_after_interview: bool,
    /// The earliest interview after now.
    pub booked_interview: Option<&'a Event>,
    /// Unanswered follow-ups, finals and aligns after the anchor, oldest first.
    pub unanswered: Vec<&'a Event>,
    /// For each unanswered align whose latest earlier real change has a deadline: that deadline.
    pub align_deadlines: Vec<Date>,
    /// The promise in force and its date.
    pub promise: Option<(&'a Event, Date)>,
    /// Their latest interview (happened), reply or offer: what a promise must follow to be in
    /// force.
    pub theirs: Option<&'a Event>,
    /// Whether a promise was made before [`Facts::theirs`] and none since, so "nothing new was
    /// promised" rather than "nothing was promised".
    pub promise_dropped: bool,
    /// The latest real change after the anchor that no align answered yet.
    pub real_change: Option<RealChange<'a>>,
    /// A change marked not real after the anchor, mentioned so the user knows it was ignored.
    pub unreal_change: Option<ChangeReason>,
    /// Their offer, when it is the latest and not answered yet.
    pub open_offer: Option<OpenOffer<'a>>,
    /// Their latest offer with no close after it, answered or not: a reply you sent ("I will
    /// answer by Friday") answers the offer but does not decide it, so its deadline still holds.
    pub offer_to_decide: Option<OpenOffer<'a>>,
    /// Their replies that ask something and are not answered yet, oldest first.
    pub open_requests: Vec<OpenRequest<'a>>,
    /// The latest application.
    pub applied: Option<&'a Event>,
    /// The latest message sent (any kind).
    pub last_sent: Option<&'a Event>,
    /// Whether [`Facts::last_sent`] came after [`Facts::applied`].
    pub sent_after_applied: bool,
    /// The last day away of the latest out-of-office after the anchor.
    pub away_until: Option<Date>,
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

/// An offer waiting for the user's answer.
#[derive(Debug, Clone, Copy)]
pub struct OpenOffer<'a> {
    /// The offer.
    pub event: &'a Event,
    /// When they want the answer, if they said.
    pub deadline: Option<Date>,
}

/// A reply that asks something of the user, not answered yet.
#[derive(Debug, Clone, Copy)]
pub struct OpenRequest<'a> {
    /// The reply.
    pub event: &'a Event,
    /// What it asks.
    pub asks: Asks,
    /// When they want the answer, if they said.
    pub respond_by: Option<Date>,
}

impl<'a> Facts<'a> {
    /// Derives the facts of `process` as of `now`.
    pub fn of(process: &'a Process, now: Timestamp) -> Self {
        let past = process.events.partition_point(|e| e.at <= now);
        let events = &process.events[..past];
        let booked_interview = process.events[past..]
            .iter()
            .find(|e| matches!(e.kind, EventKind::Interview(_)));

        // Pass 1: state, the anchor and the open requests, in timeline order.
        let mut closed = None;
        let mut withdrawn = None;
        let mut anchor_index = None;
        let mut theirs_index = None;
        let mut interview_index = None;
        let mut latest_interview = None;
        let mut applied_index = None;
        let mut last_sent_index = None;
        let mut open_offer = None;
        let mut offer_to_decide = None;
        let mut open_requests: Vec<OpenRequest<'a>> = Vec::new();
        for (i, event) in events.iter().enumerate() {
            match &event.kind {
                EventKind::Closed { outcome, .. } => {
                    closed = Some(*outcome);
                    // A close decides the offer; a later reopening does not bring it back.
                    offer_to_decide = None;
                }
                EventKind::Reopened { .. } => {
                    closed = None;
                    withdrawn = None;
                }
                EventKind::Interview(details) => {
                    anchor_index = Some(i);
                    theirs_index = Some(i);
                    interview_index = Some(i);
                    latest_interview = Some((event, details));
                    open_requests.retain(|r| r.asks != Asks::Schedule);
                }
                EventKind::Reply {
                    asks, respond_by, ..
                } => {
                    anchor_index = Some(i);
                    theirs_index = Some(i);
                    if *asks != Asks::Nothing {
                        open_requests.push(OpenRequest {
                            event,
                            asks: *asks,
                            respond_by: *respond_by,
                        });
                    }
                }
                EventKind::Offer { deadline, .. } => {
                    anchor_index = Some(i);
                    theirs_index = Some(i);
                    open_offer = Some(OpenOffer {
                        event,
                        deadline: *deadline,
                    });
                    offer_to_decide = open_offer;
                }
                EventKind::Sent { kind, .. } => {
                    last_sent_index = Some(i);
                    if *kind == MessageKind::Withdraw {
                        withdrawn = Some(event);
                    }
                    if *kind != MessageKind::ThankYou
                        && (open_offer.is_some() || !open_requests.is_empty())
                    {
                        anchor_index = Some(i);
                        open_offer = None;
                        open_requests.clear();
                    }
                }
                EventKind::Applied { .. } => applied_index = Some(i),
                EventKind::Promise { .. }
                | EventKind::Note { .. }
                | EventKind::Away { .. }
                | EventKind::ContextChange { .. } => {}
            }
        }
        if booked_interview.is_some() {
            open_requests.retain(|r| r.asks != Asks::Schedule);
        }
        let anchor = anchor_index.map(|i| &events[i]);
        let after_anchor = anchor_index.map_or(0, |i| i + 1);

        let sent_after_interview = interview_index.is_some_and(|start| {
            events[start + 1..]
                .iter()
                .any(|e| matches!(e.kind, EventKind::Sent { .. }))
        });

        let theirs_at = theirs_index.map(|i| events[i].at);
        let latest_promise = events.iter().rev().find_map(|e| match e.kind {
            EventKind::Promise { by, .. } => Some((e, by)),
            _ => None,
        });
        let promise = latest_promise.filter(|(e, _)| theirs_at.is_none_or(|at| e.at >= at));
        let promise_dropped = latest_promise.is_some() && promise.is_none();

        // Pass 2: what happened after the anchor.
        let mut unanswered = Vec::new();
        let mut align_deadlines = Vec::new();
        let mut latest_real_deadline = None;
        let mut real_change = None;
        let mut unreal_change = None;
        let mut away_until = None;
        for (i, event) in events.iter().enumerate() {
            let after = i >= after_anchor;
            match &event.kind {
                EventKind::ContextChange {
                    reason,
                    real: true,
                    deadline,
                    ..
                } => {
                    latest_real_deadline = *deadline;
                    if after {
                        real_change = Some(RealChange {
                            event,
                            reason: *reason,
                            deadline: *deadline,
                        });
                    }
                }
                EventKind::ContextChange {
                    reason,
                    real: false,
                    ..
                } if after => unreal_change = Some(*reason),
                EventKind::Sent { kind, .. } if after => {
                    if kind.counts_as_unanswered() && booked_interview.is_none() {
                        unanswered.push(event);
                        if *kind == MessageKind::Align
                            && let Some(deadline) = latest_real_deadline
                        {
                            align_deadlines.push(deadline);
                        }
                    }
                    if *kind == MessageKind::Align {
                        real_change = None;
                    }
                }
                EventKind::Away { until, .. } if after => away_until = Some(*until),
                _ => {}
            }
        }

        Facts {
            closed,
            withdrawn,
            anchor,
            latest_interview,
            sent_after_interview,
            booked_interview,
            unanswered,
            align_deadlines,
            promise,
            theirs: theirs_index.map(|i| &events[i]),
            promise_dropped,
            real_change,
            unreal_change,
            open_offer,
            offer_to_decide,
            open_requests,
            applied: applied_index.map(|i| &events[i]),
            last_sent: last_sent_index.map(|i| &events[i]),
            sent_after_applied: matches!((last_sent_index, applied_index), (Some(s), Some(a)) if s > a),
            away_until,
        }
    }
}
