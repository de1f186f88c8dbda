//! What the reviewer knows about the process a message belongs to (`check --process`).
//!
//! Built once from `(process, policy, now, kind)` with the core's advisor and its `Facts`, so the
//! context rules only read facts: who the contacts are, the role and company, the promise in
//! force, whether now is the wrong moment for this kind of message, whether it would be one
//! message too many, and whether a real outside change is recorded.

use followup_core::advisor::{self, Action, Facts, Step, Then};
use followup_core::time::spell_date;
use followup_core::{Advice, EventKind, MessageKind, Policy, Process, advise};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::language::EN;
use crate::text::Document;

/// Why now is the wrong moment for this message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimingProblem {
    /// A follow-up or final inside the promised timeline (or the quiet spell).
    TooEarly {
        /// The first day it would be fair to write.
        due: Date,
        /// The advisor's reason, as a clause.
        because: String,
    },
    /// Less than the policy's business days after the last unanswered message.
    TooSoonAfterMessage {
        /// The first day it would be fair to write.
        due: Date,
        /// The advisor's reason, as a clause.
        because: String,
    },
    /// A thank-you after its window closed.
    ThankYouLate {
        /// The interview's local date.
        interview: Date,
        /// The window, in hours.
        window_hours: u32,
    },
}

/// The facts the context rules use.
#[derive(Clone, Debug)]
pub struct ProcessContext {
    /// The kind of message the context was built for.
    pub kind: MessageKind,
    /// Today's local date in the process's zone.
    pub today: Date,
    /// Normalised words of every contact's and interviewer's name.
    pub names: Vec<String>,
    /// The main contact's first name as written ("Ana"), for a greeting the fix writes.
    pub first_name: Option<String>,
    /// Normalised words of the contacts' honorifics ("Sra." → `sra`): titles, never names.
    pub honorifics: Vec<String>,
    /// The role as written.
    pub role: String,
    /// The company as written.
    pub company: String,
    /// Normalised distinctive words of the role and company.
    pub process_words: Vec<String>,
    /// The date of the promise in force, if any.
    pub promise: Option<Date>,
    /// Why now is the wrong moment, if it is.
    pub timing: Option<TimingProblem>,
    /// Unanswered messages already sent, when this one would exceed the limit.
    pub too_many: Option<u32>,
    /// A context change marked real is recorded (up to now).
    pub real_change: bool,
    /// The advisor's answer for the process now.
    pub advice: Advice,
}

impl ProcessContext {
    /// Derives the context of a `kind` message written at `now`.
    pub fn new(process: &Process, policy: &Policy, now: Timestamp, kind: MessageKind) -> Self {
        let advice = advise(process, policy, now);
        let today = advice.today;
        let events: Vec<_> = process.events_until(now).collect();

        let mut names = Vec::new();
        let mut add_names = |text: &str| {
            let doc = Document::new(text, &EN);
            for token in &doc.tokens {
                let word = token.text.as_str();
                if word.chars().count() >= 2 && !names.iter().any(|n| n == word) {
                    names.push(word.to_owned());
                }
            }
        };
        for contact in &process.contacts {
            add_names(&contact.name);
        }
        let mut honorifics: Vec<String> = Vec::new();
        for honorific in process
            .contacts
            .iter()
            .filter_map(|c| c.honorific.as_deref())
        {
            let doc = Document::new(honorific, &EN);
            for token in &doc.tokens {
                let word = token.text.as_str();
                if !honorifics.iter().any(|h| h == word) {
                    honorifics.push(word.to_owned());
                }
            }
        }
        for event in &events {
            if let EventKind::Interview(interview) = &event.kind {
                for person in &interview.with {
                    add_names(person);
                }
            }
        }

        let mut process_words = Vec::new();
        for text in [&process.role, &process.company] {
            let doc = Document::new(text, &EN);
            for token in &doc.tokens {
                let word = token.text.as_str();
                if word.chars().count() >= 3
                    && !matches!(
                        word,
                        "the" | "and" | "for" | "inc" | "ltd" | "llc" | "senior"
                    )
                    && !process_words.iter().any(|w| w == word)
                {
                    process_words.push(word.to_owned());
                }
            }
        }

        // The promise in force and the unanswered messages, as the advisor reads them.
        let facts = Facts::of(process, now);
        let promise = facts.promise.map(|(_, by)| by);
        let unanswered = u32::try_from(facts.unanswered.len()).unwrap_or(u32::MAX);
        let real_change = events
            .iter()
            .any(|e| matches!(e.kind, EventKind::ContextChange { real: true, .. }));

        let too_many = (kind.counts_as_unanswered()
            && (matches!(advice.action, Action::MoveOn)
                || unanswered >= policy.max_unanswered.max(1)))
        .then_some(unanswered);

        let timing = if too_many.is_some() {
            None
        } else {
            timing_problem(process, policy, now, kind, &advice, &facts)
        };

        let first_name = process
            .contacts
            .first()
            .and_then(|c| c.name.split_whitespace().next())
            .map(str::to_owned);
        ProcessContext {
            kind,
            today,
            names,
            first_name,
            honorifics,
            role: process.role.clone(),
            company: process.company.clone(),
            process_words,
            promise,
            timing,
            too_many,
            real_change,
            advice,
        }
    }

    /// A date spelled for people relative to today ("Friday 8 May").
    pub fn spell(&self, date: Date) -> String {
        spell_date(date, self.today)
    }
}

fn timing_problem(
    process: &Process,
    policy: &Policy,
    now: Timestamp,
    kind: MessageKind,
    advice: &Advice,
    facts: &Facts<'_>,
) -> Option<TimingProblem> {
    match kind {
        MessageKind::ThankYou => {
            let (interview, _) = facts.latest_interview?;
            let elapsed = now.as_second() - interview.at.as_second();
            let window = i64::from(policy.thank_you_window_hours) * 3600;
            (elapsed >= window).then(|| TimingProblem::ThankYouLate {
                interview: process.local_date(interview.at),
                window_hours: policy.thank_you_window_hours,
            })
        }
        MessageKind::FollowUp | MessageKind::Final => {
            // A warm interview's thank-you window hides when the follow-up falls due: ask the
            // advisor again without it.
            let follow_up_advice;
            let advice = if matches!(advice.rule, advisor::Rule::ThankYouWindow) {
                let without_window = Policy {
                    thank_you_window_hours: 0,
                    ..policy.clone()
                };
                follow_up_advice = advise(process, &without_window, now);
                &follow_up_advice
            } else {
                advice
            };
            match advice.action {
                Action::Wait {
                    until,
                    then: Then::Step(Step::FollowUp | Step::FinalFollowUp),
                } => {
                    let because = advice.because.clone();
                    Some(if matches!(advice.rule, advisor::Rule::MessageSpacing) {
                        TimingProblem::TooSoonAfterMessage {
                            due: until,
                            because,
                        }
                    } else {
                        TimingProblem::TooEarly {
                            due: until,
                            because,
                        }
                    })
                }
                _ => None,
            }
        }
        MessageKind::Align | MessageKind::Other | MessageKind::Reply | MessageKind::Withdraw => {
            None
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use followup_core::{Contact, Event, Interview, Rapport, TimezoneSource};
    use jiff::civil::date;
    use jiff::tz::TimeZone;

    fn at(y: i16, m: i8, d: i8, h: i8) -> Timestamp {
        date(y, m, d)
            .at(h, 0, 0, 0)
            .to_zoned_datetime(TimeZone::UTC)
            .unwrap()
            .timestamp()
    }

    /// The README's worked example: interview Tue 5 May, promise by Fri 8 May.
    pub(crate) fn example(extra: Vec<Event>) -> Process {
        let mut events = vec![
            Event {
                id: None,
                at: at(2026, 5, 5, 14),
                kind: EventKind::Interview(Interview {
                    rapport: Rapport::Formal,
                    with: vec!["Bruno Lima".to_owned()],
                    ..Interview::default()
                }),
            },
            Event {
                id: None,
                at: at(2026, 5, 5, 15),
                kind: EventKind::Promise {
                    by: date(2026, 5, 8),
                    note: None,
                },
            },
        ];
        events.extend(extra);
        let mut process = Process {
            id: None,
            handle: None,
            company: "Acme".to_owned(),
            role: "Backend Engineer".to_owned(),
            timezone_name: "UTC".to_owned(),
            timezone_source: TimezoneSource::Document,
            timezone: TimeZone::UTC,
            contacts: vec![Contact {
                name: "Ana Souza".to_owned(),
                honorific: None,
                email: None,
                title: None,
            }],
            holidays: vec![],
            details: Default::default(),
            events,
        };
        process.sort_events();
        process
    }

    pub(crate) fn sent(day: i8, kind: MessageKind) -> Event {
        Event {
            id: None,
            at: at(2026, 5, day, 10),
            kind: EventKind::Sent {
                message_id: None,
                kind,
                subject: None,
                body: None,
                to: vec![],
            },
        }
    }

    fn context(process: &Process, day: i8, kind: MessageKind) -> ProcessContext {
        ProcessContext::new(process, &Policy::default(), at(2026, 5, day, 9), kind)
    }

    #[test]
    fn facts_of_the_worked_example() {
        let process = example(vec![]);
        let cx = context(&process, 11, MessageKind::FollowUp);
        assert_eq!(cx.promise, Some(date(2026, 5, 8)));
        assert_eq!(cx.names, ["ana", "souza", "bruno", "lima"]);
        assert_eq!(cx.process_words, ["backend", "engineer", "acme"]);
        assert!(cx.honorifics.is_empty());
        assert_eq!(cx.timing, None);
        assert_eq!(cx.too_many, None);
        assert!(!cx.real_change);
    }

    #[test]
    fn honorifics_are_recorded_apart_from_names() {
        let mut process = example(vec![]);
        process.contacts[0].honorific = Some("Sra.".to_owned());
        process.contacts.push(Contact {
            name: "Giulia Rossi".to_owned(),
            honorific: Some("Dott.ssa".to_owned()),
            email: None,
            title: None,
        });
        let cx = context(&process, 11, MessageKind::FollowUp);
        assert_eq!(cx.honorifics, ["sra", "dott", "ssa"]);
        assert_eq!(
            cx.names,
            ["ana", "souza", "giulia", "rossi", "bruno", "lima"]
        );
    }

    #[test]
    fn inside_the_timeline_is_too_early() {
        let process = example(vec![]);
        let cx = context(&process, 6, MessageKind::FollowUp);
        assert!(matches!(
            cx.timing,
            Some(TimingProblem::TooEarly { due, .. }) if due == date(2026, 5, 11)
        ));
    }

    #[test]
    fn a_second_message_too_soon_is_spacing() {
        let process = example(vec![sent(11, MessageKind::FollowUp)]);
        let cx = context(&process, 13, MessageKind::Final);
        assert!(matches!(
            cx.timing,
            Some(TimingProblem::TooSoonAfterMessage { due, .. }) if due == date(2026, 5, 14)
        ));
        assert_eq!(context(&process, 14, MessageKind::Final).timing, None);
    }

    #[test]
    fn a_third_message_is_too_many() {
        let process = example(vec![
            sent(11, MessageKind::FollowUp),
            sent(14, MessageKind::Final),
        ]);
        let cx = context(&process, 20, MessageKind::FollowUp);
        assert_eq!(cx.too_many, Some(2));
        assert_eq!(cx.timing, None);
        assert_eq!(context(&process, 20, MessageKind::ThankYou).too_many, None);
    }

    #[test]
    fn thank_you_window() {
        let process = example(vec![]);
        let late = ProcessContext::new(
            &process,
            &Policy::default(),
            at(2026, 5, 6, 15),
            MessageKind::ThankYou,
        );
        assert!(matches!(
            late.timing,
            Some(TimingProblem::ThankYouLate { .. })
        ));
        let fine = ProcessContext::new(
            &process,
            &Policy::default(),
            at(2026, 5, 5, 18),
            MessageKind::ThankYou,
        );
        assert_eq!(fine.timing, None);
    }

    #[test]
    fn a_reply_without_a_new_promise_drops_the_old_one() {
        let mut process = example(vec![Event {
            id: None,
            at: at(2026, 5, 12, 11),
            kind: EventKind::Reply {
                asks: Default::default(),
                message_id: None,
                respond_by: None,
                body: None,
                from: None,
            },
        }]);
        process.sort_events();
        let cx = context(&process, 20, MessageKind::FollowUp);
        assert_eq!(cx.promise, None);
    }
}
