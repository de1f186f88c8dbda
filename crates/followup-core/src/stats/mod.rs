//! What your search tells you: reply rates, how long companies take, how processes end.
//!
//! [`stats`] reads every tracked process with its advice at one instant and returns the
//! figures `followup stats --json` prints and `/stats` draws. The definitions (README, "What
//! your search tells you"):
//! - a message *got a reply* when a `reply`, `offer` or `interview` of the same process
//!   came after it and before the user's next message;
//! - `reply_rate` by kind: replied ÷ sent, for thank-you, follow-up, final and align;
//! - `reply_rate_by_delay`: follow-ups grouped by how many business days after the promised
//!   date (or after the anchor with no promise, or the application with neither) they were
//!   sent: 0 (on the day or earlier), 1, 2, 3–5, over 5;
//! - `median_business_days_to_reply`: from each message (any kind) that got a reply to it;
//! - `went_silent`: the share of processes closed `no-answer` or advised `move-on` by
//!   `unanswered-limit` or `went-quiet`;
//! - `funnel`: processes that reached each stage; a later stage implies the earlier ones
//!   (an offer means an interview happened), so the funnel never widens;
//! - `by_outcome`: processes per close outcome, plus `open` (a `withdraw` message counts as
//!   `withdrew`, as the advisor treats it).
//!
//! Only events at or before "now" count: a booked interview is not a reply yet. Dates are
//! local to each process's zone and business days skip its holidays.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use crate::advisor::{Action, Advice, Rule};
use crate::process::{Asks, Event, EventKind, MessageKind, Outcome, Process};
use crate::time::BusinessCalendar;

/// The figures of a whole search; serializes to exactly the keys of `stats --json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    /// How many processes were read.
    pub processes: u32,
    /// Processes per close outcome, plus the open ones.
    pub by_outcome: ByOutcome,
    /// Processes that reached each stage.
    pub funnel: Funnel,
    /// Replied ÷ sent per message kind.
    pub reply_rate: ReplyRates,
    /// Follow-ups' reply rate by how late they were sent.
    pub reply_rate_by_delay: DelayRates,
    /// From a message to the reply it got, in business days; `None` when no message got one.
    pub median_business_days_to_reply: Option<f64>,
    /// The share of processes that ended in silence.
    pub went_silent: Rate,
}

/// Processes per outcome.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ByOutcome {
    /// Closed `hired`.
    pub hired: u32,
    /// Closed `rejected`.
    pub rejected: u32,
    /// Closed `withdrew`, or left with a `withdraw` message.
    pub withdrew: u32,
    /// Closed `no-answer`.
    #[serde(rename = "no-answer")]
    pub no_answer: u32,
    /// Closed `declined`.
    pub declined: u32,
    /// Not closed.
    pub open: u32,
}

/// Processes that reached each stage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Funnel {
    /// An `applied` event, or any later stage.
    pub applied: u32,
    /// An interview that happened, or a later stage.
    pub interviewed: u32,
    /// An offer, or hired.
    pub offered: u32,
    /// Closed `hired`.
    pub hired: u32,
}

/// Replied out of sent: serializes as the ratio (0 to 1), or `null` when nothing was sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rate {
    /// Messages (or processes) that count.
    pub hits: u32,
    /// Out of how many.
    pub of: u32,
}

impl Rate {
    /// The ratio, or `None` out of nothing.
    pub fn ratio(self) -> Option<f64> {
        (self.of > 0).then(|| f64::from(self.hits) / f64::from(self.of))
    }

    fn count(&mut self, hit: bool) {
        self.of += 1;
        self.hits += u32::from(hit);
    }
}

impl Serialize for Rate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.ratio().serialize(serializer)
    }
}

/// Reply rates per message kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ReplyRates {
    /// Thank-yous.
    #[serde(rename = "thank-you")]
    pub thank_you: Rate,
    /// Follow-ups.
    #[serde(rename = "follow-up")]
    pub follow_up: Rate,
    /// Final attempts.
    #[serde(rename = "final")]
    pub final_attempt: Rate,
    /// Decision alignments.
    pub align: Rate,
}

/// Follow-ups' reply rates by business days after the promised date (or the anchor).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DelayRates {
    /// On the day, or earlier.
    #[serde(rename = "0")]
    pub on_the_day: Rate,
    /// One business day after.
    #[serde(rename = "1")]
    pub one: Rate,
    /// Two business days after.
    #[serde(rename = "2")]
    pub two: Rate,
    /// Three to five.
    #[serde(rename = "3-5")]
    pub three_to_five: Rate,
    /// More than five.
    #[serde(rename = "over-5")]
    pub over_five: Rate,
}

impl DelayRates {
    fn bucket(&mut self, days: u32) -> &mut Rate {
        match days {
            0 => &mut self.on_the_day,
            1 => &mut self.one,
            2 => &mut self.two,
            3..=5 => &mut self.three_to_five,
            _ => &mut self.over_five,
        }
    }
}

/// The figures of `tracked` (each process with its advice at `now`) at `now`.
pub fn stats<'a>(
    tracked: impl IntoIterator<Item = (&'a Process, &'a Advice)>,
    now: Timestamp,
) -> Stats {
    let mut out = Stats::default();
    let mut reply_days = Vec::new();
    for (process, advice) in tracked {
        out.processes += 1;
        let events: Vec<&Event> = process.events_until(now).collect();
        let calendar = BusinessCalendar::new(process.holidays.iter().copied());
        let local = |event: &Event| process.local_date(event.at);

        let outcome = outcome_of(&events, advice);
        match outcome {
            Some(Outcome::Hired) => out.by_outcome.hired += 1,
            Some(Outcome::Rejected) => out.by_outcome.rejected += 1,
            Some(Outcome::Withdrew) => out.by_outcome.withdrew += 1,
            Some(Outcome::NoAnswer) => out.by_outcome.no_answer += 1,
            Some(Outcome::Declined) => out.by_outcome.declined += 1,
            None => out.by_outcome.open += 1,
        }
        let silent = outcome == Some(Outcome::NoAnswer)
            || (advice.action == Action::MoveOn
                && matches!(advice.rule, Rule::UnansweredLimit | Rule::WentQuiet));
        out.went_silent.count(silent);

        let hired = outcome == Some(Outcome::Hired);
        let offered = hired
            || events
                .iter()
                .any(|e| matches!(e.kind, EventKind::Offer { .. }));
        let interviewed = offered
            || events
                .iter()
                .any(|e| matches!(e.kind, EventKind::Interview(_)));
        let applied = interviewed
            || events
                .iter()
                .any(|e| matches!(e.kind, EventKind::Applied { .. }));
        out.funnel.hired += u32::from(hired);
        out.funnel.offered += u32::from(offered);
        out.funnel.interviewed += u32::from(interviewed);
        out.funnel.applied += u32::from(applied);

        for (i, event) in events.iter().enumerate() {
            let EventKind::Sent { kind, .. } = event.kind else {
                continue;
            };
            let reply = reply_to(&events[i + 1..]);
            if let Some(reply) = reply {
                reply_days.push(calendar.business_days_between(local(event), local(reply)));
            }
            let replied = reply.is_some();
            match kind {
                MessageKind::ThankYou => out.reply_rate.thank_you.count(replied),
                MessageKind::FollowUp => out.reply_rate.follow_up.count(replied),
                MessageKind::Final => out.reply_rate.final_attempt.count(replied),
                MessageKind::Align => out.reply_rate.align.count(replied),
                MessageKind::Other | MessageKind::Reply | MessageKind::Withdraw => {}
            }
            if kind == MessageKind::FollowUp
                && let Some(base) = follow_up_base(&events[..i], |e| local(e))
            {
                let days = calendar.business_days_between(base, local(event));
                out.reply_rate_by_delay.bucket(days).count(replied);
            }
        }
    }
    out.median_business_days_to_reply = median(&mut reply_days);
    out
}

/// How the process ended, if it did: its latest close not reopened, or a withdraw message.
fn outcome_of(events: &[&Event], advice: &Advice) -> Option<Outcome> {
    let mut outcome = None;
    for event in events {
        match event.kind {
            EventKind::Closed { outcome: o, .. } => outcome = Some(o),
            EventKind::Reopened { .. } => outcome = None,
            _ => {}
        }
    }
    outcome.or((advice.rule == Rule::Withdrawn).then_some(Outcome::Withdrew))
}

/// Their answer to a message: the first reply, offer or interview among `later` before the
/// user's next message.
fn reply_to<'a>(later: &[&'a Event]) -> Option<&'a Event> {
    later
        .iter()
        .take_while(|e| !matches!(e.kind, EventKind::Sent { .. }))
        .find(|e| {
            matches!(
                e.kind,
                EventKind::Reply { .. } | EventKind::Offer { .. } | EventKind::Interview(_)
            )
        })
        .copied()
}

/// The day a follow-up's lateness counts from, as the advisor saw it just before it was sent:
/// the promise in force, else the anchor, else the application.
fn follow_up_base(before: &[&Event], local: impl Fn(&Event) -> Date) -> Option<Date> {
    let mut theirs: Option<&Event> = None;
    let mut anchor: Option<&Event> = None;
    let mut applied: Option<&Event> = None;
    let mut open_requests: Vec<Asks> = Vec::new();
    for event in before {
        match &event.kind {
            EventKind::Interview(_) => {
                theirs = Some(event);
                anchor = Some(event);
                open_requests.retain(|asks| *asks != Asks::Schedule);
            }
            EventKind::Reply { asks, .. } => {
                theirs = Some(event);
                anchor = Some(event);
                if *asks != Asks::Nothing {
                    open_requests.push(*asks);
                }
            }
            EventKind::Offer { .. } => {
                theirs = Some(event);
                anchor = Some(event);
                // An offer is an open request of its own.
                open_requests.push(Asks::Answer);
            }
            EventKind::Sent { kind, .. }
                if *kind != MessageKind::ThankYou && !open_requests.is_empty() =>
            {
                anchor = Some(event);
                open_requests.clear();
            }
            EventKind::Applied { .. } => applied = Some(event),
            _ => {}
        }
    }
    let promise = before
        .iter()
        .rev()
        .filter(|e| theirs.is_none_or(|t| e.at >= t.at))
        .find_map(|e| match e.kind {
            EventKind::Promise { by, .. } => Some(by),
            _ => None,
        });
    promise.or_else(|| anchor.or(applied).map(local))
}

fn median(values: &mut [u32]) -> Option<f64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(values[n / 2])),
        _ => Some((f64::from(values[n / 2 - 1]) + f64::from(values[n / 2])) / 2.0),
    }
}

#[cfg(test)]
mod tests;
