//! Advice in words: the human sentence, and the stable JSON object of `advise --json`.

use jiff::civil::Date;
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{Action, Advice, Step};
use crate::process::{ChangeReason, Event, EventKind, Outcome, Process, Rapport};
use crate::time::spell_date;

/// What the user should do for a step, as an imperative clause ("send one short follow-up").
pub fn step_instruction(step: Step) -> &'static str {
    match step {
        Step::ThankYou => "send a short thank-you",
        Step::FollowUp => "send one short follow-up",
        Step::FinalFollowUp => "make one final, short attempt",
        Step::AlignDecision => "send one plain message to align their timeline with your deadline",
    }
}

impl Advice {
    /// The reason as one sentence.
    pub fn reason(&self) -> String {
        format!("{}.", capitalize(&self.because))
    }

    /// The advice for people: the action and its date, why, and what comes next.
    ///
    /// "Wait until Monday 11 May — they promised an answer by Friday 8 May. Then send one short
    /// follow-up."
    pub fn headline(&self) -> String {
        let spell = |date: Date| spell_date(date, self.today);
        match self.action {
            Action::Wait { until, then } => format!(
                "Wait until {} — {}. Then {}.",
                spell(until),
                self.because,
                step_instruction(then)
            ),
            Action::Act { step, due } => {
                let when = if due == self.today {
                    "today".to_owned()
                } else {
                    format!("now (due since {})", spell(due))
                };
                format!(
                    "{} {when} — {}.",
                    capitalize(step_instruction(step)),
                    self.because
                )
            }
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
            Action::Act { due, .. } => map.serialize_entry("due", &due.to_string())?,
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

/// "since your interview on Tuesday 5 May" / "their reply on ...".
pub(super) fn anchor_phrase(anchor: Option<&Event>, process: &Process, today: Date) -> String {
    match anchor {
        Some(event) => {
            let date = spell_date(process.local_date(event.at), today);
            match event.kind {
                EventKind::Reply { .. } => format!("their reply on {date}"),
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

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
