//! The advisor: for one process at one instant, what should the job seeker do now?
//!
//! [`advise`] applies the product's rules in order; the first that applies decides:
//! 1. closed → nothing to do;
//! 2. too many unanswered messages → move on;
//! 3. a real outside change with a live deadline → align the decision;
//! 4. a warm interview less than a day ago → thank-you;
//! 5. otherwise a follow-up (or the final one), due after the promise or after a quiet spell.
//!
//! The answer is an [`Advice`] that carries its rule and reason, never a bare flag.

mod explain;
mod facts;
mod reads;

use jiff::Timestamp;
use jiff::civil::Date;

use crate::policy::Policy;
use crate::process::{MessageKind, Process, Rapport, TimezoneSource};
use crate::time::{BusinessCalendar, spell_date};
pub use explain::step_instruction;
pub use facts::{Facts, RealChange};
pub use reads::for_advice;

/// A message-sending step the advisor can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// A short thank-you right after a warm interview.
    ThankYou,
    /// One short follow-up after the promised date.
    FollowUp,
    /// The last attempt.
    FinalFollowUp,
    /// A message aligning the decision with a real outside deadline.
    AlignDecision,
}

impl Step {
    /// The `action` name when this step is due.
    pub fn action_name(self) -> &'static str {
        match self {
            Step::ThankYou => "send-thank-you",
            Step::FollowUp => "follow-up",
            Step::FinalFollowUp => "final-follow-up",
            Step::AlignDecision => "align-decision",
        }
    }

    /// The kind of message this step sends.
    pub fn message_kind(self) -> MessageKind {
        match self {
            Step::ThankYou => MessageKind::ThankYou,
            Step::FollowUp => MessageKind::FollowUp,
            Step::FinalFollowUp => MessageKind::Final,
            Step::AlignDecision => MessageKind::Align,
        }
    }
}

/// What to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Do nothing until `until`, then take `then`.
    Wait {
        /// The first day on which `then` is due.
        until: Date,
        /// What comes next.
        then: Step,
    },
    /// Take `step` now; it has been due since `due`.
    Act {
        /// What to send.
        step: Step,
        /// The day it became due.
        due: Date,
    },
    /// Stop writing; close the process and put the energy elsewhere.
    MoveOn,
    /// Nothing to do (closed, or nothing to follow up yet).
    Nothing,
}

impl Action {
    /// The stable `action` name of the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Action::Wait { .. } => "wait",
            Action::Act { step, .. } => step.action_name(),
            Action::MoveOn => "move-on",
            Action::Nothing => "none",
        }
    }

    /// The message kind of the step due or awaited.
    pub fn message_kind(self) -> Option<MessageKind> {
        match self {
            Action::Wait { then: step, .. } | Action::Act { step, .. } => Some(step.message_kind()),
            Action::MoveOn | Action::Nothing => None,
        }
    }

    /// The step due now, if any.
    pub fn due_step(self) -> Option<Step> {
        match self {
            Action::Act { step, .. } => Some(step),
            _ => None,
        }
    }
}

/// The rule that decided, as a stable id (listed in the README).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Step 1: the process is closed.
    Closed,
    /// Step 2: too many unanswered messages.
    UnansweredLimit,
    /// Step 3: a real outside change.
    RealChange,
    /// Step 4: the thank-you window after a warm interview.
    ThankYouWindow,
    /// Step 5, due date set by the promise in force.
    PromisePassed,
    /// Step 5, no promise: a quiet spell after the last interview or reply.
    NoPromise,
    /// Step 5, due date set by the spacing after the last unanswered message.
    MessageSpacing,
    /// Step 5 with nothing to anchor a follow-up.
    NothingYet,
}

impl Rule {
    /// Every rule, in decision order.
    pub const ALL: &'static [Rule] = &[
        Rule::Closed,
        Rule::UnansweredLimit,
        Rule::RealChange,
        Rule::ThankYouWindow,
        Rule::PromisePassed,
        Rule::NoPromise,
        Rule::MessageSpacing,
        Rule::NothingYet,
    ];

    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            Rule::Closed => "closed",
            Rule::UnansweredLimit => "unanswered-limit",
            Rule::RealChange => "real-change",
            Rule::ThankYouWindow => "thank-you-window",
            Rule::PromisePassed => "promise-passed",
            Rule::NoPromise => "no-promise",
            Rule::MessageSpacing => "message-spacing",
            Rule::NothingYet => "nothing-yet",
        }
    }
}

/// The advisor's answer for one process at one instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advice {
    /// What to do.
    pub action: Action,
    /// Which rule decided.
    pub rule: Rule,
    /// Why, as a clause without capital or full stop ("they promised an answer by Friday 8 May").
    pub because: String,
    /// The local date of `now` in the process's zone.
    pub today: Date,
    /// The zone dates were read in.
    pub timezone: String,
    /// Where that zone came from.
    pub timezone_source: TimezoneSource,
}

/// Decides what to do for `process` at `now` under `policy`.
pub fn advise(process: &Process, policy: &Policy, now: Timestamp) -> Advice {
    let today = process.local_date(now);
    let facts = Facts::of(process, now);
    let (action, rule, because) = decide(process, policy, now, today, &facts);
    let because = match facts.unreal_change {
        Some(reason) if !matches!(rule, Rule::Closed | Rule::RealChange) => format!(
            "{because} (the {} you logged is not marked real, so it does not justify a message)",
            explain::change_name(reason)
        ),
        _ => because,
    };
    Advice {
        action,
        rule,
        because,
        today,
        timezone: process.timezone_name.clone(),
        timezone_source: process.timezone_source,
    }
}

fn decide(
    process: &Process,
    policy: &Policy,
    now: Timestamp,
    today: Date,
    facts: &Facts<'_>,
) -> (Action, Rule, String) {
    let spell = |date: Date| spell_date(date, today);

    // 1. Closed.
    if let Some(outcome) = facts.closed {
        return (
            Action::Nothing,
            Rule::Closed,
            format!("the process is closed ({})", explain::outcome_name(outcome)),
        );
    }

    // 2. No third unanswered message, ever.
    let unanswered = u32::try_from(facts.unanswered.len()).unwrap_or(u32::MAX);
    if unanswered >= policy.max_unanswered.max(1) {
        return (
            Action::MoveOn,
            Rule::UnansweredLimit,
            format!(
                "{} messages since {} went unanswered, and another would hurt more than help",
                explain::number_word(unanswered),
                explain::anchor_phrase(facts.anchor, process, today)
            ),
        );
    }

    // 3. A real outside change, once, while its deadline is alive.
    if let Some(change) = facts.real_change
        && change.deadline.is_none_or(|deadline| deadline >= today)
    {
        let due = process.local_date(change.event.at);
        let deadline = change
            .deadline
            .map(|d| format!(" with a deadline on {}", spell(d)))
            .unwrap_or_default();
        return (
            Action::Act {
                step: Step::AlignDecision,
                due,
            },
            Rule::RealChange,
            format!(
                "you have a real change ({}{deadline}), so one plain message about their timeline is fair",
                explain::change_name(change.reason)
            ),
        );
    }

    // 4. A thank-you, only right after a warm interview.
    if let Some((event, interview)) = facts.latest_interview {
        let warm = interview.rapport != Rapport::Formal || interview.reinforce_interest;
        let elapsed = now.as_second() - event.at.as_second();
        let window = i64::from(policy.thank_you_window_hours) * 3600;
        if warm && !facts.sent_after_interview && (0..window).contains(&elapsed) {
            let why = if interview.reinforce_interest && interview.rapport == Rapport::Formal {
                "you want to reinforce your interest".to_owned()
            } else {
                format!(
                    "the interview was {}",
                    explain::rapport_name(interview.rapport)
                )
            };
            return (
                Action::Act {
                    step: Step::ThankYou,
                    due: process.local_date(event.at),
                },
                Rule::ThankYouWindow,
                format!("{why}, and a short thank-you within a day helps"),
            );
        }
    }

    // 5. The follow-up, or the final attempt.
    let calendar = BusinessCalendar::new(process.holidays.iter().copied());
    // The message that reaches the limit is the final one.
    let step = if unanswered + 1 >= policy.max_unanswered.max(1) {
        Step::FinalFollowUp
    } else {
        Step::FollowUp
    };
    let (base_due, base_rule, base_because) = match (facts.promise, facts.anchor) {
        (Some((_, by)), _) => (
            calendar.add_business_days(by, policy.business_days_after_promise),
            Rule::PromisePassed,
            format!("they promised an answer by {}", spell(by)),
        ),
        (None, Some(anchor)) => (
            calendar.add_business_days(
                process.local_date(anchor.at),
                policy.business_days_without_promise,
            ),
            Rule::NoPromise,
            format!(
                "nothing was promised, and {} business days after {} is a fair time to ask",
                explain::number_word(policy.business_days_without_promise),
                explain::anchor_phrase(Some(anchor), process, today)
            ),
        ),
        (None, None) => {
            return (
                Action::Nothing,
                Rule::NothingYet,
                "nothing to follow up yet: no interview, reply or promise is recorded".to_owned(),
            );
        }
    };
    let (due, rule, because) = match facts.unanswered.last() {
        Some(last) => {
            let sent = process.local_date(last.at);
            let spaced = calendar.add_business_days(sent, policy.business_days_between_messages);
            if spaced > base_due {
                (
                    spaced,
                    Rule::MessageSpacing,
                    format!(
                        "your message of {} is still unanswered, and {} business days should pass before the next",
                        spell(sent),
                        explain::number_word(policy.business_days_between_messages)
                    ),
                )
            } else {
                (
                    base_due,
                    base_rule,
                    format!(
                        "{base_because}, and your message of {} is still unanswered",
                        spell(sent)
                    ),
                )
            }
        }
        None => (base_due, base_rule, base_because),
    };
    if today < due {
        (
            Action::Wait {
                until: due,
                then: step,
            },
            rule,
            because,
        )
    } else {
        (Action::Act { step, due }, rule, because)
    }
}

#[cfg(test)]
mod tests;
