//! The advisor: for one process at one instant, whose move is it and what should the job
//! seeker do now?
//!
//! [`advise`] applies the product's rules in order; the first that applies decides:
//! 1. closed, or you withdrew → nothing to do;
//! 2. you accepted another offer → withdraw (decided by the tracker, across processes: see
//!    [`across`]);
//! 3. their offer is open → answer it; once answered but not decided (no close), its deadline
//!    still holds: no wait runs past the last business day before it, and from that day on the
//!    decision is due (rule `offer-deadline`, applied over rules 4–10);
//! 4. they asked something → answer them;
//! 5. too many unanswered messages → move on (or wait out the deadline you told them);
//! 6. a real outside change with a live deadline → align the decision, a day after your last
//!    message;
//! 7. a warm interview less than a day ago → thank-you;
//! 8. an interview is booked → nothing to send before it;
//! 9. otherwise a follow-up (or the final one), due after the promise or after a quiet spell,
//!    and after their out-of-office; or, with only an application, wait for them;
//! 10. an answer or follow-up overdue for weeks → move on: writing now would be out of context.
//!
//! The answer is an [`Advice`] that carries its rule and reason, never a bare flag.

pub mod across;
mod explain;
mod facts;
mod reads;

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};

use crate::policy::Policy;
use crate::process::{Asks, MessageKind, Process, Rapport, TimezoneSource};
use crate::time::{BusinessCalendar, spell_date};
pub use across::{Accepted, Landscape, Outside, OutsideOffer};
pub use explain::step_instruction;
pub use facts::{Facts, OpenOffer, OpenRequest, RealChange};
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
    /// Your answer to what they asked.
    Respond(Request),
    /// Your answer to their offer: accept, decline, or ask for what you need.
    RespondOffer,
    /// A short, gracious message leaving the process.
    Withdraw,
}

/// What an answer is for: the open requests of a `respond` step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Request {
    /// A question, or a request for information or documents.
    Question,
    /// Booking a call or an interview.
    Scheduling,
    /// A task to do.
    Assignment,
    /// Several requests of different kinds.
    Several,
}

impl Request {
    /// The request a reply's `asks` makes (`None` for nothing).
    fn of(asks: Asks) -> Option<Request> {
        match asks {
            Asks::Nothing => None,
            Asks::Answer => Some(Request::Question),
            Asks::Schedule => Some(Request::Scheduling),
            Asks::Assignment => Some(Request::Assignment),
        }
    }
}

impl Step {
    /// The `action` name when this step is due.
    pub fn action_name(self) -> &'static str {
        match self {
            Step::ThankYou => "send-thank-you",
            Step::FollowUp => "follow-up",
            Step::FinalFollowUp => "final-follow-up",
            Step::AlignDecision => "align-decision",
            Step::Respond(_) => "respond",
            Step::RespondOffer => "respond-offer",
            Step::Withdraw => "withdraw",
        }
    }

    /// The kind of message this step sends.
    pub fn message_kind(self) -> MessageKind {
        match self {
            Step::ThankYou => MessageKind::ThankYou,
            Step::FollowUp => MessageKind::FollowUp,
            Step::FinalFollowUp => MessageKind::Final,
            Step::AlignDecision => MessageKind::Align,
            Step::Respond(_) | Step::RespondOffer => MessageKind::Reply,
            Step::Withdraw => MessageKind::Withdraw,
        }
    }
}

/// What comes after a wait.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Then {
    /// A message becomes due.
    Step(Step),
    /// Nothing more to send: move on if they stay silent.
    MoveOn,
}

impl Then {
    /// The `then` name of the JSON output.
    pub fn action_name(self) -> &'static str {
        match self {
            Then::Step(step) => step.action_name(),
            Then::MoveOn => "move-on",
        }
    }

    /// The message kind awaited, if a message comes next.
    pub fn message_kind(self) -> Option<MessageKind> {
        match self {
            Then::Step(step) => Some(step.message_kind()),
            Then::MoveOn => None,
        }
    }

    /// The step that comes next, if any.
    pub fn step(self) -> Option<Step> {
        match self {
            Then::Step(step) => Some(step),
            Then::MoveOn => None,
        }
    }
}

/// What to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Do nothing until `until`, then `then`.
    Wait {
        /// The first day on which `then` applies.
        until: Date,
        /// What comes next.
        then: Then,
    },
    /// Take `step` now; it has been due since `due`.
    Act {
        /// What to send.
        step: Step,
        /// The day it became due.
        due: Date,
        /// The day they asked for an answer by, for answers (shown even once passed).
        by: Option<Date>,
    },
    /// An interview is booked: nothing to send before it.
    UpcomingInterview {
        /// Its local date and time.
        at: DateTime,
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
            Action::UpcomingInterview { .. } => "upcoming-interview",
            Action::MoveOn => "move-on",
            Action::Nothing => "none",
        }
    }

    /// The message kind of the step due or awaited.
    pub fn message_kind(self) -> Option<MessageKind> {
        match self {
            Action::Wait { then, .. } => then.message_kind(),
            Action::Act { step, .. } => Some(step.message_kind()),
            Action::UpcomingInterview { .. } | Action::MoveOn | Action::Nothing => None,
        }
    }

    /// The step due now, if any.
    pub fn due_step(self) -> Option<Step> {
        match self {
            Action::Act { step, .. } => Some(step),
            _ => None,
        }
    }

    fn act(step: Step, due: Date) -> Action {
        Action::Act {
            step,
            due,
            by: None,
        }
    }
}

/// The rule that decided, as a stable id (listed in the README).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Rule 1: the process is closed.
    Closed,
    /// Rule 1: you sent a withdraw message.
    Withdrawn,
    /// Rule 2: you accepted an offer elsewhere (decided by the tracker, across processes).
    AcceptedElsewhere,
    /// Rule 3: their offer waits for your answer.
    OfferOpen,
    /// Rule 3: you answered their offer without deciding, and its deadline is close.
    OfferDeadline,
    /// Rule 4: they asked something and wait for your answer.
    YourTurn,
    /// Rule 5: too many unanswered messages.
    UnansweredLimit,
    /// Rule 5: they know your outside deadline; wait it out.
    AwaitingOutsideDeadline,
    /// Rule 6: a real outside change.
    RealChange,
    /// Rule 7: the thank-you window after a warm interview.
    ThankYouWindow,
    /// Rule 8: an interview is booked.
    InterviewScheduled,
    /// Rule 9, due date set by the promise in force.
    PromisePassed,
    /// Rule 9, no promise: a quiet spell after the anchor.
    NoPromise,
    /// Rule 9, due date set by the spacing after the last unanswered message.
    MessageSpacing,
    /// Rule 9, due date moved after their out-of-office.
    ContactAway,
    /// Rule 9, only an application: wait for their answer.
    AppliedWaiting,
    /// Rule 9, an application long unanswered.
    ApplicationSilence,
    /// Rule 9 with nothing to anchor a follow-up.
    NothingYet,
    /// Rule 10: an answer or follow-up overdue for weeks.
    WentQuiet,
}

impl Rule {
    /// Every rule, in decision order.
    pub const ALL: &'static [Rule] = &[
        Rule::Closed,
        Rule::Withdrawn,
        Rule::AcceptedElsewhere,
        Rule::OfferOpen,
        Rule::OfferDeadline,
        Rule::YourTurn,
        Rule::UnansweredLimit,
        Rule::AwaitingOutsideDeadline,
        Rule::RealChange,
        Rule::ThankYouWindow,
        Rule::InterviewScheduled,
        Rule::PromisePassed,
        Rule::NoPromise,
        Rule::MessageSpacing,
        Rule::ContactAway,
        Rule::AppliedWaiting,
        Rule::ApplicationSilence,
        Rule::NothingYet,
        Rule::WentQuiet,
    ];

    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            Rule::Closed => "closed",
            Rule::Withdrawn => "withdrawn",
            Rule::AcceptedElsewhere => "accepted-elsewhere",
            Rule::OfferOpen => "offer-open",
            Rule::OfferDeadline => "offer-deadline",
            Rule::YourTurn => "your-turn",
            Rule::UnansweredLimit => "unanswered-limit",
            Rule::AwaitingOutsideDeadline => "awaiting-outside-deadline",
            Rule::RealChange => "real-change",
            Rule::ThankYouWindow => "thank-you-window",
            Rule::InterviewScheduled => "interview-scheduled",
            Rule::PromisePassed => "promise-passed",
            Rule::NoPromise => "no-promise",
            Rule::MessageSpacing => "message-spacing",
            Rule::ContactAway => "contact-away",
            Rule::AppliedWaiting => "applied-waiting",
            Rule::ApplicationSilence => "application-silence",
            Rule::NothingYet => "nothing-yet",
            Rule::WentQuiet => "went-quiet",
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
    /// Why, as one to three short sentences, without the first capital and the last full stop
    /// ("they promised an answer by Friday 8 May. Your follow-up of Monday 11 May is still
    /// unanswered"): [`Advice::reason`] and the headline add them. An act advice says why now is
    /// the time; a wait says why not yet.
    pub because: String,
    /// The local date of `now` in the process's zone.
    pub today: Date,
    /// The zone dates were read in.
    pub timezone: String,
    /// Where that zone came from.
    pub timezone_source: TimezoneSource,
    /// The company, for sentences that name it ("answer Globex's question").
    pub company: String,
}

/// Decides what to do for `process` at `now` under `policy`, on its own (a process document).
pub fn advise(process: &Process, policy: &Policy, now: Timestamp) -> Advice {
    advise_with_holidays(process, policy, now, &[])
}

/// [`advise`], with `shared` holidays (sorted, without duplicates: the configured ones) on
/// top of the process's own. They are borrowed, not copied, so advising thousands of
/// processes under a long holiday list costs one binary search per date looked at.
pub fn advise_with_holidays(
    process: &Process,
    policy: &Policy,
    now: Timestamp,
    shared: &[Date],
) -> Advice {
    decide_for(process, policy, now, shared, None)
}

/// Decides what to do for `process` at `now` under `policy`, with what the other tracked
/// processes bring to it ([`across`]): an offer elsewhere is a real change here, a hire
/// elsewhere asks to withdraw.
pub fn advise_with(
    process: &Process,
    policy: &Policy,
    now: Timestamp,
    outside: &Outside,
) -> Advice {
    advise_across(process, policy, now, &[], outside)
}

/// [`advise_with`] under `shared` holidays as [`advise_with_holidays`] reads them.
pub fn advise_across(
    process: &Process,
    policy: &Policy,
    now: Timestamp,
    shared: &[Date],
    outside: &Outside,
) -> Advice {
    if outside.offers.is_empty() {
        return decide_for(process, policy, now, shared, outside.accepted.as_ref());
    }
    let mut seen = process.clone();
    outside.add_to(&mut seen);
    decide_for(&seen, policy, now, shared, outside.accepted.as_ref())
}

fn decide_for(
    process: &Process,
    policy: &Policy,
    now: Timestamp,
    shared: &[Date],
    accepted: Option<&Accepted>,
) -> Advice {
    let today = process.local_date(now);
    let facts = Facts::of(process, now);
    let calendar = BusinessCalendar::new(process.holidays.iter().copied()).with_shared(shared);
    let decision = Decision {
        process,
        policy,
        now,
        today,
        facts: &facts,
        calendar: &calendar,
        accepted,
    };
    let (action, rule, because) = decision.decide();
    let because = match facts.unreal_change {
        Some(reason) if !matches!(rule, Rule::Closed | Rule::Withdrawn | Rule::RealChange) => {
            explain::and_then(
                &because,
                &format!(
                    "the {} you logged is not marked real, so it does not justify a message",
                    explain::change_name(reason)
                ),
            )
        }
        _ => because,
    };
    Advice {
        action,
        rule,
        because,
        today,
        timezone: process.timezone_name.clone(),
        timezone_source: process.timezone_source,
        company: process.company.clone(),
    }
}

/// Everything one decision reads.
struct Decision<'a> {
    process: &'a Process,
    policy: &'a Policy,
    now: Timestamp,
    today: Date,
    facts: &'a Facts<'a>,
    calendar: &'a BusinessCalendar<'a>,
    /// The offer accepted in another process, if any (rule 2).
    accepted: Option<&'a Accepted>,
}

type Decided = (Action, Rule, String);

impl Decision<'_> {
    fn spell(&self, date: Date) -> String {
        spell_date(date, self.today)
    }

    fn date_of(&self, event: &crate::process::Event) -> Date {
        self.process.local_date(event.at)
    }

    fn decide(&self) -> Decided {
        self.closed()
            .or_else(|| self.accepted_elsewhere())
            .or_else(|| self.offer_open())
            .unwrap_or_else(|| self.within_offer_deadline(self.after_offer()))
    }

    /// Rules 4 to 10, in order.
    fn after_offer(&self) -> Decided {
        self.your_turn()
            .or_else(|| self.unanswered_limit())
            .or_else(|| self.real_change())
            .or_else(|| self.thank_you_window())
            .or_else(|| self.interview_scheduled())
            .unwrap_or_else(|| self.follow_up())
    }

    /// Rule 3, `offer-deadline`: an offer you answered ("I will answer by Friday", "please send
    /// it in writing") is still yours to decide until the process is closed (hired, declined,
    /// withdrew). Its decision day is the last business day before the deadline, so a day is
    /// left to answer: from that day until the deadline the decision is due whatever rules 4–10
    /// say; before it, a wait never runs past that day, and names the deadline. A deadline
    /// already passed changes nothing (rule 3 already warned while the offer was open), nor
    /// does one they moved: a promise of theirs after the offer, for a day after its deadline
    /// ("a revised number by Monday"), puts the next move on them.
    fn within_offer_deadline(&self, decided: Decided) -> Decided {
        let Some((offer, deadline)) = self
            .facts
            .offer_to_decide
            .and_then(|offer| Some((offer.event, offer.deadline?)))
            .filter(|(_, deadline)| *deadline >= self.today)
        else {
            return decided;
        };
        let moved = self
            .facts
            .promise
            .is_some_and(|(promise, by)| promise.at >= offer.at && by > deadline);
        if moved {
            return decided;
        }
        let decision_day = self.business_day_before(deadline);
        let decide = format!(
            "the decision on their offer is still yours, and their deadline is {}",
            self.spell(deadline)
        );
        if self.today >= decision_day {
            let action = Action::Act {
                step: Step::RespondOffer,
                due: decision_day,
                by: Some(deadline),
            };
            let because = explain::and_then(&decide, "accept or decline now");
            return (action, Rule::OfferDeadline, because);
        }
        match decided {
            (Action::Wait { until, .. }, _, _) if until > decision_day => (
                Action::Wait {
                    until: decision_day,
                    then: Then::Step(Step::RespondOffer),
                },
                Rule::OfferDeadline,
                explain::and_then(
                    &decide,
                    &format!(
                        "take until {} to decide, a business day before it",
                        self.spell(decision_day)
                    ),
                ),
            ),
            (action @ Action::Wait { .. }, rule, because) => {
                (action, rule, explain::and_then(&because, &decide))
            }
            other => other,
        }
    }

    /// The last business day before `date` (`date` itself when none is found in a year).
    fn business_day_before(&self, date: Date) -> Date {
        let mut day = date;
        for _ in 0..366 {
            match day.yesterday() {
                Ok(earlier) => day = earlier,
                Err(_) => return date,
            }
            if self.calendar.is_business_day(day) {
                return day;
            }
        }
        date
    }

    /// Rule 1: closed, or withdrawn.
    fn closed(&self) -> Option<Decided> {
        if let Some(outcome) = self.facts.closed {
            return Some((
                Action::Nothing,
                Rule::Closed,
                format!("the process is closed ({})", explain::outcome_name(outcome)),
            ));
        }
        self.facts.withdrawn.map(|event| {
            (
                Action::Nothing,
                Rule::Withdrawn,
                format!(
                    "you withdrew from the process on {}",
                    self.spell(self.date_of(event))
                ),
            )
        })
    }

    /// Rule 2: you accepted an offer in another process; leave this one gracefully, from the
    /// day of that close until this process is closed or a withdraw message is logged (rule 1).
    fn accepted_elsewhere(&self) -> Option<Decided> {
        let accepted = self.accepted?;
        let due = self.process.local_date(accepted.at);
        Some((
            Action::act(Step::Withdraw, due),
            Rule::AcceptedElsewhere,
            explain::and_then(
                &format!(
                    "you accepted {}'s offer on {}",
                    accepted.company,
                    self.spell(due)
                ),
                "withdraw from this process with a short, gracious message that keeps the door open",
            ),
        ))
    }

    /// Rule 3: their offer waits for an answer.
    fn offer_open(&self) -> Option<Decided> {
        let offer = self.facts.open_offer?;
        let due = self.date_of(offer.event);
        let because = match offer.deadline {
            Some(deadline) if deadline < self.today => format!(
                "they asked for an answer by {}, and that day has passed. Answer their offer now: accept, decline, or ask for what you need",
                self.spell(deadline)
            ),
            Some(deadline) => format!(
                "answer their offer by {}: accept, decline, or ask for what you need",
                self.spell(deadline)
            ),
            None => format!(
                "they made you an offer on {}: accept, decline, or ask for what you need",
                self.spell(due)
            ),
        };
        let action = Action::Act {
            step: Step::RespondOffer,
            due,
            by: offer.deadline,
        };
        Some(self.unless_quiet(action, Rule::OfferOpen, because))
    }

    /// Rule 4: they asked something.
    fn your_turn(&self) -> Option<Decided> {
        let requests = &self.facts.open_requests;
        let first = requests.first()?;
        let mut kinds = requests.iter().filter_map(|r| Request::of(r.asks));
        let first_kind = kinds.next().unwrap_or(Request::Question);
        let request = if kinds.all(|k| k == first_kind) {
            first_kind
        } else {
            Request::Several
        };
        let due = self.date_of(first.event);
        let by = requests.iter().filter_map(|r| r.respond_by).min();
        let asked = match request {
            Request::Question if requests.len() == 1 => "they asked you a question",
            Request::Question => "they asked you questions",
            Request::Scheduling => "they asked to book a time",
            Request::Assignment => "they gave you an assignment",
            Request::Several => "they asked you for several things",
        };
        let by_phrase = match by {
            Some(by) if by < self.today => format!(
                " and wanted your answer by {}, which has passed",
                self.spell(by)
            ),
            Some(by) => format!(" and want your answer by {}", self.spell(by)),
            None => String::new(),
        };
        // The day first: "on Tuesday 26 May they asked to book a time", not a meeting that day.
        let because = explain::and_then(
            &format!("on {} {asked}{by_phrase}", self.spell(due)),
            "the ball is in your court",
        );
        let action = Action::Act {
            step: Step::Respond(request),
            due,
            by,
        };
        Some(self.unless_quiet(action, Rule::YourTurn, because))
    }

    /// Rule 5: no third unanswered message, ever; but wait out a deadline they know about.
    fn unanswered_limit(&self) -> Option<Decided> {
        let facts = self.facts;
        let unanswered = u32::try_from(facts.unanswered.len()).unwrap_or(u32::MAX);
        if unanswered < self.policy.max_unanswered.max(1) {
            return None;
        }
        let live_deadline = facts
            .align_deadlines
            .iter()
            .copied()
            .filter(|deadline| *deadline >= self.today)
            .max();
        if let Some(deadline) = live_deadline {
            return Some((
                Action::Wait {
                    until: deadline.tomorrow().unwrap_or(deadline),
                    then: Then::MoveOn,
                },
                Rule::AwaitingOutsideDeadline,
                format!(
                    "they know your deadline is {}; send nothing more",
                    self.spell(deadline)
                ),
            ));
        }
        Some((
            Action::MoveOn,
            Rule::UnansweredLimit,
            explain::and_then(
                &format!(
                    "{} messages since {} went unanswered",
                    explain::number_word(unanswered),
                    explain::anchor_phrase(facts.anchor, self.process, self.today)
                ),
                "another would hurt more than help",
            ),
        ))
    }

    /// Rule 6: a real outside change, once, while its deadline is alive, a day after your last
    /// message.
    fn real_change(&self) -> Option<Decided> {
        let change = self
            .facts
            .real_change
            .filter(|c| c.deadline.is_none_or(|deadline| deadline >= self.today))?;
        let changed = self.date_of(change.event);
        let deadline_phrase = change
            .deadline
            .map(|d| format!(" with a deadline on {}", self.spell(d)))
            .unwrap_or_default();
        let real = format!(
            "you have a real change: a {}{deadline_phrase}",
            explain::change_name(change.reason)
        );
        let last_sent = self
            .facts
            .last_sent
            .map(|e| self.date_of(e))
            .filter(|sent| *sent >= changed);
        let due = match last_sent {
            Some(sent) => {
                let spaced = self
                    .calendar
                    .add_business_days(sent, self.policy.business_days_align_spacing);
                change
                    .deadline
                    .map_or(spaced, |deadline| spaced.min(deadline))
            }
            None => changed,
        };
        if let Some(sent) = last_sent
            && self.today < due
        {
            return Some((
                Action::Wait {
                    until: due,
                    then: Then::Step(Step::AlignDecision),
                },
                Rule::RealChange,
                explain::and_then(
                    &real,
                    &format!(
                        "you already wrote on {}, and one message a day is plenty",
                        self.spell(sent)
                    ),
                ),
            ));
        }
        Some((
            Action::act(Step::AlignDecision, due),
            Rule::RealChange,
            explain::and_then(&real, "it is news worth telling them once"),
        ))
    }

    /// Rule 7: a thank-you, only right after a warm interview.
    fn thank_you_window(&self) -> Option<Decided> {
        let (event, interview) = self.facts.latest_interview?;
        let warm = interview.rapport != Rapport::Formal || interview.reinforce_interest;
        let elapsed = self.now.as_second() - event.at.as_second();
        let window = i64::from(self.policy.thank_you_window_hours) * 3600;
        if !warm || self.facts.sent_after_interview || !(0..window).contains(&elapsed) {
            return None;
        }
        let why = if interview.reinforce_interest && interview.rapport == Rapport::Formal {
            "you want to reinforce your interest".to_owned()
        } else {
            format!(
                "the interview was {}",
                explain::rapport_name(interview.rapport)
            )
        };
        Some((
            Action::act(Step::ThankYou, self.date_of(event)),
            Rule::ThankYouWindow,
            format!("{why}, and a short thank-you within a day helps"),
        ))
    }

    /// Rule 8: an interview is booked; nothing to send before it.
    fn interview_scheduled(&self) -> Option<Decided> {
        let event = self.facts.booked_interview?;
        let local = event.at.to_zoned_datetime(self.process.timezone.clone());
        Some((
            Action::UpcomingInterview {
                at: local.datetime(),
            },
            Rule::InterviewScheduled,
            explain::and_then(
                &format!(
                    "your interview is booked for {}",
                    explain::interview_when(local.datetime(), self.today, "")
                ),
                "nothing needs sending before it",
            ),
        ))
    }

    /// Rule 9: the follow-up, or the final attempt; or waiting on an application.
    fn follow_up(&self) -> Decided {
        let (facts, policy, calendar) = (self.facts, self.policy, self.calendar);
        let unanswered = u32::try_from(facts.unanswered.len()).unwrap_or(u32::MAX);
        // The message that reaches the limit is the final one.
        let step = if unanswered + 1 >= policy.max_unanswered.max(1) {
            Step::FinalFollowUp
        } else {
            Step::FollowUp
        };
        let (base_due, base_rule) = match (facts.promise, facts.anchor) {
            (Some((_, by)), _) => (
                calendar.add_business_days(by, policy.business_days_after_promise),
                Rule::PromisePassed,
            ),
            (None, Some(anchor)) => (
                calendar
                    .add_business_days(self.date_of(anchor), policy.business_days_without_promise),
                Rule::NoPromise,
            ),
            (None, None) => return self.application(),
        };
        let last = facts.unanswered.last().copied();
        let spaced = last.map(|last| {
            calendar.add_business_days(self.date_of(last), policy.business_days_between_messages)
        });
        let (mut due, mut rule) = match spaced {
            Some(spaced) if spaced > base_due => (spaced, Rule::MessageSpacing),
            _ => (base_due, base_rule),
        };
        let spacing_decides = rule == Rule::MessageSpacing;
        let away = facts.away_until.filter(|until| *until >= due);
        if let Some(until) = away {
            due = calendar.add_business_days(until, 1);
            rule = Rule::ContactAway;
        }
        let acting = self.today >= due;
        let because = self.follow_up_reason(acting, spacing_decides, last, away);
        if acting {
            self.unless_quiet(Action::act(step, due), rule, because)
        } else {
            (
                Action::Wait {
                    until: due,
                    then: Then::Step(step),
                },
                rule,
                because,
            )
        }
    }

    /// Why a follow-up is due now (`acting`) or not yet, in short sentences: what sets the day
    /// (the promise, the quiet spell, or the spacing after `last`, your latest unanswered
    /// message), then their out-of-office when it moved the day.
    fn follow_up_reason(
        &self,
        acting: bool,
        spacing_decides: bool,
        last: Option<&crate::process::Event>,
        away: Option<Date>,
    ) -> String {
        let (facts, policy) = (self.facts, self.policy);
        let message = last.map(|last| explain::sent_phrase(last, self.process, self.today));
        let mut because = match (&message, facts.promise, facts.anchor) {
            (Some(message), _, _) if spacing_decides => {
                let days = explain::business_days(policy.business_days_between_messages);
                if acting {
                    format!(
                        "{} since {message} without an answer",
                        explain::business_days_passed(policy.business_days_between_messages)
                    )
                } else {
                    explain::and_then(
                        &format!("{message} is still unanswered"),
                        &format!("give it {days} before writing again"),
                    )
                }
            }
            (_, Some((_, by)), _) => {
                let promised = format!("they promised an answer by {}", self.spell(by));
                let promised = if acting {
                    format!("{promised}, and that day has passed")
                } else {
                    promised
                };
                match &message {
                    Some(message) => {
                        explain::and_then(&promised, &format!("{message} is still unanswered"))
                    }
                    None => promised,
                }
            }
            (_, None, anchor) => {
                let days = policy.business_days_without_promise;
                let anchor_words = explain::anchor_phrase(anchor, self.process, self.today);
                // A reply or interview dropped an older promise: say nothing *new* came.
                let theirs = facts.theirs.filter(|_| facts.promise_dropped);
                let nothing = match theirs {
                    Some(theirs) => format!(
                        "nothing new was promised since {}",
                        explain::anchor_phrase(Some(theirs), self.process, self.today)
                    ),
                    None => "nothing was promised".to_owned(),
                };
                let same_event =
                    matches!((theirs, anchor), (Some(t), Some(a)) if std::ptr::eq(t, a));
                let since = if same_event {
                    String::new()
                } else {
                    format!(" since {anchor_words}")
                };
                let after = if same_event {
                    "it".to_owned()
                } else {
                    anchor_words
                };
                let reason = if acting {
                    format!(
                        "{nothing}, and {}{since}",
                        explain::business_days_passed(days)
                    )
                } else {
                    explain::and_then(
                        &nothing,
                        &format!(
                            "{} after {after} is a fair time to ask",
                            explain::business_days(days)
                        ),
                    )
                };
                match &message {
                    Some(message) => {
                        explain::and_then(&reason, &format!("{message} is still unanswered"))
                    }
                    None => reason,
                }
            }
        };
        if let Some(until) = away {
            let until = self.spell(until);
            let away = if acting {
                format!("their out-of-office ran until {until}, so they are back")
            } else {
                format!("their out-of-office says they are away until {until}")
            };
            because = explain::and_then(&because, &away);
        }
        because
    }

    /// Rule 9 without anchor or promise: an application waits for their answer, until a long
    /// silence says move on.
    fn application(&self) -> Decided {
        let Some(applied) = self.facts.applied else {
            return (
                Action::Nothing,
                Rule::NothingYet,
                "nothing to follow up yet: no interview, reply or promise is recorded".to_owned(),
            );
        };
        let applied_on = self.date_of(applied);
        let since = match self.facts.last_sent {
            Some(sent) if self.facts.sent_after_applied => self.date_of(sent),
            _ => applied_on,
        };
        let days = self.policy.business_days_application_silence;
        if self.today >= self.calendar.add_business_days(since, days) {
            let last = if since == applied_on {
                format!("your application on {}", self.spell(applied_on))
            } else {
                format!("your last message on {}", self.spell(since))
            };
            return (
                Action::MoveOn,
                Rule::ApplicationSilence,
                format!(
                    "{} since {last} without an answer",
                    explain::business_days_passed(days)
                ),
            );
        }
        (
            Action::Nothing,
            Rule::AppliedWaiting,
            format!(
                "waiting for them to answer your application of {}",
                self.spell(applied_on)
            ),
        )
    }

    /// Rule 10: an answer or follow-up overdue for weeks is out of context; move on instead.
    fn unless_quiet(&self, action: Action, rule: Rule, because: String) -> Decided {
        let Action::Act { step, due, by } = action else {
            return (action, rule, because);
        };
        let since = by.unwrap_or(due);
        let limit = self.policy.business_days_overdue_before_quiet;
        // Quiet once more than N business days passed: from the (N + 1)th on. Business days
        // never outnumber calendar days, so a recent due date needs no counting.
        if i64::from((self.today - since).get_days()) <= i64::from(limit)
            || self.today
                < self
                    .calendar
                    .add_business_days(since, limit.saturating_add(1))
        {
            return (action, rule, because);
        }
        (
            Action::MoveOn,
            Rule::WentQuiet,
            format!(
                "it has been {} since {} was due on {}; writing now would be out of context",
                explain::elapsed_words(since, self.today),
                explain::step_noun(step),
                self.spell(since)
            ),
        )
    }
}

#[cfg(test)]
mod tests;
