//! Advice in words: the human sentence, and the stable JSON object of `advise --json`.

use jiff::civil::{Date, DateTime};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{Action, Advice, Request, Rule, Step, Then};
use crate::process::{ChangeReason, Event, EventKind, MessageKind, Outcome, Process, Rapport};
use crate::time::spell_date;

/// What the user should do for a step, as an imperative clause ("send one short follow-up").
pub fn step_instruction(step: Step) -> &'static str {
    match step {
        Step::ThankYou => "send a short thank-you",
        Step::FollowUp => "send one short follow-up",
        Step::FinalFollowUp => "make one final, short attempt",
        Step::AlignDecision => "send one plain message to align their timeline with your deadline",
        Step::Respond(Request::Question) => "answer their question",
        Step::Respond(Request::Scheduling) => "answer them to book a time",
        Step::Respond(Request::Assignment) => "do their assignment and send it",
        Step::Respond(Request::Several) => "answer what they asked",
        Step::RespondOffer => "answer their offer",
        Step::Withdraw => "send a short, gracious message withdrawing from the process",
    }
}

/// [`step_instruction`] naming the company where it reads better ("answer Globex's question").
fn instruction(step: Step, company: &str) -> String {
    match step {
        Step::Respond(Request::Question) => format!("answer {company}'s question"),
        Step::Respond(Request::Scheduling) => format!("answer {company} to book a time"),
        Step::Respond(Request::Assignment) => format!("do {company}'s assignment and send it"),
        Step::Respond(Request::Several) => format!("answer what {company} asked"),
        Step::RespondOffer => format!("answer {company}'s offer"),
        other => step_instruction(other).to_owned(),
    }
}

/// Whose move it is, the first words of [`Advice::summary`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Turn {
    /// The user has something to do (write, answer, prepare, or stop writing).
    Yours,
    /// The company has the ball: the user waits.
    Theirs,
    /// Nobody: the process is over, or nothing has started.
    Nobody,
}

impl Turn {
    /// "Your move", "Their move", "Nobody's move".
    pub fn words(self) -> &'static str {
        match self {
            Turn::Yours => "Your move",
            Turn::Theirs => "Their move",
            Turn::Nobody => "Nobody's move",
        }
    }
}

impl Advice {
    /// The reason as it is shown: one to three short sentences.
    pub fn reason(&self) -> String {
        format!("{}.", capitalize(&self.because))
    }

    /// Whose move it is.
    pub fn turn(&self) -> Turn {
        match self.action {
            Action::Act { .. } | Action::UpcomingInterview { .. } | Action::MoveOn => Turn::Yours,
            Action::Wait { .. } => Turn::Theirs,
            Action::Nothing if self.rule == Rule::AppliedWaiting => Turn::Theirs,
            Action::Nothing => Turn::Nobody,
        }
    }

    /// The advice for people, opening with whose move it is:
    ///
    /// "Their move: wait until Monday 11 May — they promised an answer by Friday 8 May. Then
    /// send one short follow-up."
    pub fn summary(&self) -> String {
        format!(
            "{}: {}",
            self.turn().words(),
            decapitalize(&self.headline())
        )
    }

    /// The advice for people: the action and its date, why, and what comes next.
    ///
    /// "Wait until Monday 11 May — they promised an answer by Friday 8 May. Then send one short
    /// follow-up."
    pub fn headline(&self) -> String {
        let spell = |date: Date| spell_date(date, self.today);
        match self.action {
            Action::Wait { until, then } => {
                let then = match then {
                    Then::Step(step) => instruction(step, &self.company),
                    Then::MoveOn => "move on if they have not answered".to_owned(),
                };
                format!(
                    "Wait until {} — {}. Then {then}.",
                    spell(until),
                    self.because,
                )
            }
            Action::Act {
                step: Step::RespondOffer,
                due,
                by,
            } => {
                let company = &self.company;
                let choices = "accept, decline, or ask for what you need";
                match by {
                    Some(by) if by == self.today => {
                        format!("Answer {company}'s offer today (their deadline): {choices}.")
                    }
                    Some(by) if by > self.today => {
                        format!("Answer {company}'s offer by {}: {choices}.", spell(by))
                    }
                    Some(by) => format!(
                        "Answer {company}'s offer now: {choices}. They asked for an answer by {}, and that day has passed.",
                        spell(by)
                    ),
                    None if due == self.today => {
                        format!("Answer {company}'s offer today: {choices}.")
                    }
                    None => format!(
                        "Answer {company}'s offer now (it came on {}): {choices}.",
                        spell(due)
                    ),
                }
            }
            Action::Act { step, due, .. } => {
                let when = if due == self.today {
                    "today".to_owned()
                } else {
                    format!("now (due since {})", spell(due))
                };
                format!(
                    "{} {when} — {}.",
                    capitalize(&instruction(step, &self.company)),
                    self.because
                )
            }
            Action::UpcomingInterview { at } => format!(
                "Prepare for your interview {} — nothing needs sending before it.",
                interview_when(at, self.today, "on ")
            ),
            Action::MoveOn => format!(
                "Move on — {}. Close it and put your energy into other processes; a reply would reopen it.",
                self.because
            ),
            Action::Nothing => format!("Nothing to do — {}.", self.because),
        }
    }
}

impl Serialize for Advice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("action", self.action.name())?;
        match self.action {
            Action::Wait { until, then } => {
                map.serialize_entry("until", &until.to_string())?;
                map.serialize_entry("then", then.action_name())?;
            }
            Action::Act { due, by, .. } => {
                map.serialize_entry("due", &due.to_string())?;
                if let Some(by) = by {
                    map.serialize_entry("by", &by.to_string())?;
                }
            }
            Action::UpcomingInterview { at } => {
                map.serialize_entry("at", &at.strftime("%Y-%m-%dT%H:%M").to_string())?;
            }
            Action::MoveOn | Action::Nothing => {}
        }
        if let Some(kind) = self.action.message_kind() {
            map.serialize_entry("kind", kind.as_str())?;
        }
        map.serialize_entry("rule", self.rule.id())?;
        map.serialize_entry("reason", &self.reason())?;
        map.serialize_entry("timezone", &self.timezone)?;
        map.serialize_entry("today", &self.today.to_string())?;
        map.end()
    }
}

/// What a step's message is called, for "since the follow-up was due".
pub(super) fn step_noun(step: Step) -> &'static str {
    match step {
        Step::ThankYou => "the thank-you",
        Step::FollowUp => "the follow-up",
        Step::FinalFollowUp => "the final attempt",
        Step::AlignDecision => "the align message",
        Step::Respond(_) => "your answer",
        Step::RespondOffer => "your answer to their offer",
        Step::Withdraw => "your withdrawal",
    }
}

/// "three weeks", "six months": the time from `since` to `today`, in the unit people use.
pub(super) fn elapsed_words(since: Date, today: Date) -> String {
    let days = (today - since).get_days().max(0);
    let weeks = u32::try_from(days / 7).unwrap_or(u32::MAX);
    if weeks < 9 {
        return format!("{} weeks", number_word(weeks));
    }
    let months = u32::try_from(days * 12 / 365).unwrap_or(u32::MAX);
    format!("{} months", number_word(months))
}

/// What changed, without an article: "competing offer".
pub(super) fn change_name(reason: ChangeReason) -> &'static str {
    match reason {
        ChangeReason::CompetingOffer => "competing offer",
        ChangeReason::FinalRoundElsewhere => "final round elsewhere",
        ChangeReason::AvailabilityChanged => "change in availability",
    }
}

pub(super) fn outcome_name(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Hired => "hired",
        Outcome::Rejected => "rejected",
        Outcome::Withdrew => "you withdrew",
        Outcome::NoAnswer => "no answer",
        Outcome::Declined => "you declined",
    }
}

pub(super) fn rapport_name(rapport: Rapport) -> &'static str {
    match rapport {
        Rapport::Personal => "personal",
        Rapport::BackAndForth => "a real back-and-forth",
        Rapport::Formal => "formal",
    }
}

/// When a booked interview is, for a sentence: "today at 14:00", "tomorrow at 09:30", or
/// `{on}Tuesday 19 May at 10:00` further away (`on` is "on " after "interview", "" after "for").
pub(super) fn interview_when(at: DateTime, today: Date, on: &str) -> String {
    let time = at.strftime("%H:%M");
    let date = at.date();
    if date == today {
        format!("today at {time}")
    } else if today.tomorrow().is_ok_and(|tomorrow| tomorrow == date) {
        format!("tomorrow at {time}")
    } else {
        format!("{on}{} at {time}", spell_date(date, today))
    }
}

/// "one business day", "three business days", "20 business days".
pub(super) fn business_days(n: u32) -> String {
    if n == 1 {
        "one business day".to_owned()
    } else {
        format!("{} business days", number_word(n))
    }
}

/// "one business day has passed", "five business days have passed".
pub(super) fn business_days_passed(n: u32) -> String {
    let have = if n == 1 { "has" } else { "have" };
    format!("{} {have} passed", business_days(n))
}

/// A message you sent, by its kind: "your follow-up of Monday 11 May".
pub(super) fn sent_phrase(event: &Event, process: &Process, today: Date) -> String {
    let date = spell_date(process.local_date(event.at), today);
    let what = match event.kind {
        EventKind::Sent {
            kind: MessageKind::FollowUp,
            ..
        } => "follow-up",
        EventKind::Sent {
            kind: MessageKind::Final,
            ..
        } => "final attempt",
        EventKind::Sent {
            kind: MessageKind::Align,
            ..
        } => "align message",
        _ => "message",
    };
    format!("your {what} of {date}")
}

/// Adds one short sentence to a reason: `reason` stays without its first capital and last full
/// stop (they are added where it is shown), `next` gets its capital.
pub(super) fn and_then(reason: &str, next: &str) -> String {
    format!("{reason}. {}", capitalize(next))
}

/// "your interview on Tuesday 5 May" / "their reply on ..." / "your answer on ...".
pub(super) fn anchor_phrase(anchor: Option<&Event>, process: &Process, today: Date) -> String {
    match anchor {
        Some(event) => {
            let date = spell_date(process.local_date(event.at), today);
            match event.kind {
                EventKind::Reply { .. } => format!("their reply on {date}"),
                EventKind::Offer { .. } => format!("their offer on {date}"),
                EventKind::Sent { .. } => format!("your answer on {date}"),
                _ => format!("your interview on {date}"),
            }
        }
        None => "the start".to_owned(),
    }
}

pub(super) fn number_word(n: u32) -> String {
    const WORDS: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n as usize)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

fn decapitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
