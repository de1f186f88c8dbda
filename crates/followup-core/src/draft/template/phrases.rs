//! Reading a language's `phrases.txt`: greetings, date wording, outside changes and fallback
//! subjects, as `key = text` lines. Every key is required and each offers its own placeholders.

use std::collections::BTreeMap;

use super::TemplateError;
use super::pattern::Pattern;
use crate::draft::Tone;
use crate::draft::when::Relation;
use crate::process::{ChangeReason, MessageKind};

/// A placeholder of a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hole {
    /// A person's name in a greeting.
    Name,
    /// Weekday name.
    Weekday,
    /// Day of the month.
    Day,
    /// Month name.
    Month,
    /// Year.
    Year,
    /// A day phrase ("on Tuesday") inside a conversation phrase.
    On,
    /// A deadline phrase ("by Friday") inside a change sentence.
    Deadline,
    /// The role, inside a skeleton's sentences and subjects.
    Role,
}

impl Hole {
    fn name(self) -> &'static str {
        match self {
            Hole::Name => "name",
            Hole::Weekday => "weekday",
            Hole::Day => "day",
            Hole::Month => "month",
            Hole::Year => "year",
            Hole::On => "on",
            Hole::Deadline => "deadline",
            Hole::Role => "role",
        }
    }
}

const DATE_HOLES: &[Hole] = &[Hole::Weekday, Hole::Day, Hole::Month, Hole::Year];

/// The three ways to greet, by what is known about the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Greeting {
    /// One named person.
    Person,
    /// Several interviewers, no contact named.
    Group,
    /// No name known.
    Nobody,
}

impl Greeting {
    const ALL: [Greeting; 3] = [Greeting::Person, Greeting::Group, Greeting::Nobody];

    fn key(self) -> &'static str {
        match self {
            Greeting::Person => "person",
            Greeting::Group => "group",
            Greeting::Nobody => "nobody",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The phrases of one language, checked.
#[derive(Clone, Debug)]
pub(crate) struct Phrases {
    pub weekdays: Vec<String>,
    pub months: Vec<String>,
    greetings: Vec<Vec<Pattern<Hole>>>,
    by: Vec<Pattern<Hole>>,
    on: Vec<Pattern<Hole>>,
    pub talk_interview: Pattern<Hole>,
    pub talk_reply: Pattern<Hole>,
    changes: Vec<(Pattern<Hole>, Pattern<Hole>)>,
    subjects: Vec<String>,
    /// "and", joining the last two names of a list.
    pub and: String,
    /// Whom a withdrawal thanks when no name is recorded ("everyone I met").
    pub everyone_met: String,
    /// The skeleton of an answer the user completes (`draft` for respond, respond-offer).
    pub skeleton: Skeleton,
}

/// The phrases of a skeleton: the answer to their message or offer is the user's to write, so
/// the draft is the frame around a marked gap.
#[derive(Clone, Debug)]
pub(crate) struct Skeleton {
    /// The subject answering a message, then an offer (with `{role}`).
    pub subject: Pattern<Hole>,
    /// See [`Skeleton::subject`].
    pub subject_offer: Pattern<Hole>,
    /// Thanks for their message, by tone (with `{role}`).
    pub thanks: Vec<Pattern<Hole>>,
    /// Thanks for their offer, by tone (with `{role}`).
    pub thanks_offer: Vec<Pattern<Hole>>,
    /// The marked gap: `[your answer]`.
    pub gap: String,
    /// The line offering times, with its own gap (for a request to schedule).
    pub times: String,
    /// The close, by tone.
    pub close: Vec<String>,
}

const REASONS: [ChangeReason; 3] = [
    ChangeReason::CompetingOffer,
    ChangeReason::FinalRoundElsewhere,
    ChangeReason::AvailabilityChanged,
];

const KINDS: [MessageKind; 5] = [
    MessageKind::ThankYou,
    MessageKind::FollowUp,
    MessageKind::Final,
    MessageKind::Align,
    MessageKind::Withdraw,
];

impl Phrases {
    /// The greeting pattern for a tone and situation.
    pub fn greeting(&self, tone: Tone, greeting: Greeting) -> &Pattern<Hole> {
        &self.greetings[tone.index()][greeting.index()]
    }

    /// The "by ..." pattern of a date relation.
    pub fn by(&self, relation: Relation) -> &Pattern<Hole> {
        &self.by[relation.index()]
    }

    /// The "on ..." pattern of a date relation (the end of last week reads as last week).
    pub fn on(&self, relation: Relation) -> &Pattern<Hole> {
        let relation = match relation {
            Relation::EndOfLastWeek => Relation::LastWeek,
            other => other,
        };
        &self.on[relation.index()]
    }

    /// The sentence stating an outside change, with or without its deadline.
    pub fn change(&self, reason: ChangeReason, with_deadline: bool) -> &Pattern<Hole> {
        let index = REASONS.iter().position(|r| *r == reason).unwrap_or(0);
        let (plain, deadline) = &self.changes[index];
        if with_deadline { deadline } else { plain }
    }

    /// The subject used when a variant's subject is not 3–6 words long.
    pub fn fallback_subject(&self, kind: MessageKind) -> &str {
        let index = KINDS.iter().position(|k| *k == kind).unwrap_or(0);
        &self.subjects[index]
    }

    /// Parses and checks `phrases.txt`.
    pub fn parse(file: &str, text: &str) -> Result<Phrases, TemplateError> {
        let error = |line: usize, message: String| TemplateError {
            file: file.to_owned(),
            line,
            message,
        };
        let mut entries: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
        for (index, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (key, value) = line
                .split_once('=')
                .ok_or_else(|| error(index + 1, "expected `key = text`".to_owned()))?;
            let (key, value) = (key.trim(), value.trim());
            if value.is_empty() {
                return Err(error(index + 1, format!("{key} has no text")));
            }
            if entries.insert(key, (index + 1, value)).is_some() {
                return Err(error(index + 1, format!("{key} is given twice")));
            }
        }
        let mut reader = Reader {
            file,
            entries,
            used: Vec::new(),
        };

        let weekdays = reader.list("weekdays", 7)?;
        let months = reader.list("months", 12)?;
        let mut greetings = Vec::new();
        for tone in Tone::ALL {
            let mut row = Vec::new();
            for greeting in Greeting::ALL {
                let holes: &[Hole] = match greeting {
                    Greeting::Person => &[Hole::Name],
                    _ => &[],
                };
                row.push(reader.pattern(&format!("greeting.{tone}.{}", greeting.key()), holes)?);
            }
            greetings.push(row);
        }
        let mut by = Vec::new();
        let mut on = Vec::new();
        for relation in Relation::ALL {
            by.push(reader.pattern(&format!("by.{}", relation.key()), DATE_HOLES)?);
            if relation != Relation::EndOfLastWeek {
                on.push(reader.pattern(&format!("on.{}", relation.key()), DATE_HOLES)?);
            } else {
                // Never read: `on()` maps the end of last week to last week.
                on.push(Pattern::literal(""));
            }
        }
        let talk_interview = reader.pattern("talk.interview", &[Hole::On])?;
        let talk_reply = reader.pattern("talk.reply", &[Hole::On])?;
        let mut changes = Vec::new();
        for reason in REASONS {
            let plain = reader.pattern(&format!("change.{reason}"), &[])?;
            let with = reader.pattern(&format!("change.{reason}.deadline"), &[Hole::Deadline])?;
            changes.push((plain, with));
        }
        let mut subjects = Vec::new();
        for kind in KINDS {
            let subject = reader.pattern(&format!("subject.{kind}"), &[])?;
            subjects.push(subject.literal_text());
        }
        let and = reader.get("list.and")?.1.to_owned();
        let everyone_met = reader.get("withdraw.everyone")?.1.to_owned();
        let by_tone = |reader: &mut Reader<'_>, key: &str| {
            Tone::ALL
                .iter()
                .map(|tone| reader.pattern(&format!("{key}.{tone}"), &[Hole::Role]))
                .collect::<Result<Vec<_>, _>>()
        };
        let skeleton = Skeleton {
            subject: reader.pattern("skeleton.subject", &[Hole::Role])?,
            subject_offer: reader.pattern("skeleton.subject.offer", &[Hole::Role])?,
            thanks: by_tone(&mut reader, "skeleton.thanks")?,
            thanks_offer: by_tone(&mut reader, "skeleton.thanks.offer")?,
            gap: reader.get("skeleton.gap")?.1.to_owned(),
            times: reader.get("skeleton.times")?.1.to_owned(),
            close: Tone::ALL
                .iter()
                .map(|tone| Ok(reader.get(&format!("skeleton.close.{tone}"))?.1.to_owned()))
                .collect::<Result<Vec<_>, TemplateError>>()?,
        };
        reader.no_unknown_keys()?;
        Ok(Phrases {
            and,
            everyone_met,
            skeleton,
            weekdays,
            months,
            greetings,
            by,
            on,
            talk_interview,
            talk_reply,
            changes,
            subjects,
        })
    }
}

/// Hands out keys, remembering which were used so unknown ones can be reported.
struct Reader<'t> {
    file: &'t str,
    entries: BTreeMap<&'t str, (usize, &'t str)>,
    used: Vec<String>,
}

impl Reader<'_> {
    fn get(&mut self, key: &str) -> Result<(usize, &str), TemplateError> {
        self.used.push(key.to_owned());
        self.entries.get(key).copied().ok_or_else(|| TemplateError {
            file: self.file.to_owned(),
            line: 0,
            message: format!("missing phrase `{key} = ...`"),
        })
    }

    fn pattern(&mut self, key: &str, holes: &[Hole]) -> Result<Pattern<Hole>, TemplateError> {
        let (line, text) = self.get(key)?;
        let known = || {
            if holes.is_empty() {
                "none".to_owned()
            } else {
                holes
                    .iter()
                    .map(|h| format!("{{{}}}", h.name()))
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        };
        Pattern::parse(
            text,
            |name| holes.iter().copied().find(|h| h.name() == name),
            known,
        )
        .map_err(|message| TemplateError {
            file: self.file.to_owned(),
            line,
            message: format!("{key}: {message}"),
        })
    }

    fn list(&mut self, key: &str, count: usize) -> Result<Vec<String>, TemplateError> {
        let (line, text) = self.get(key)?;
        let items: Vec<String> = text.split(',').map(|s| s.trim().to_owned()).collect();
        if items.len() != count || items.iter().any(String::is_empty) {
            return Err(TemplateError {
                file: self.file.to_owned(),
                line,
                message: format!("{key} needs {count} names separated by commas"),
            });
        }
        Ok(items)
    }

    fn no_unknown_keys(&self) -> Result<(), TemplateError> {
        match self
            .entries
            .iter()
            .find(|(key, _)| !self.used.iter().any(|used| used == *key))
        {
            Some((key, (line, _))) => Err(TemplateError {
                file: self.file.to_owned(),
                line: *line,
                message: format!("unknown phrase key {key}"),
            }),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = include_str!("../../../templates/en/phrases.txt");

    #[test]
    fn english_phrases_load() {
        let p = Phrases::parse("en/phrases.txt", EN).unwrap();
        assert_eq!(p.weekdays[0], "Monday");
        assert_eq!(p.months[11], "December");
        assert_eq!(
            p.greeting(Tone::Formal, Greeting::Person)
                .render(|_| "Ms. Souza"),
            "Dear Ms. Souza,"
        );
        assert_eq!(
            p.fallback_subject(MessageKind::Final),
            "A final note on my application"
        );
    }

    #[test]
    fn unknown_missing_and_wrong_placeholders_are_errors() {
        let err = Phrases::parse("p", &EN.replace("Hi {name},", "Hi {first_name},")).unwrap_err();
        assert!(
            err.to_string().contains("unknown placeholder {first_name}"),
            "{err}"
        );
        let err = Phrases::parse("p", &EN.replace("talk.reply", "talk.replied")).unwrap_err();
        assert!(
            err.to_string().contains("missing phrase `talk.reply"),
            "{err}"
        );
        let err = Phrases::parse("p", &format!("{EN}\nextra.key = x\n")).unwrap_err();
        assert!(
            err.to_string().contains("unknown phrase key extra.key"),
            "{err}"
        );
        let err = Phrases::parse("p", &format!("{EN}\ntalk.reply = x\n")).unwrap_err();
        assert!(err.to_string().contains("given twice"), "{err}");
        let err = Phrases::parse("p", &EN.replace("Sunday", "")).unwrap_err();
        assert!(err.to_string().contains("weekdays needs 7"), "{err}");
        let err = Phrases::parse("p", &EN.replace("by.today = by today", "by.today = {name}"))
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("by.today: unknown placeholder {name}"),
            "{err}"
        );
    }
}
