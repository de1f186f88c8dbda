//! An event's new version from the options `log` takes for its type (`followup edit HANDLE
//! EVENT --at ... --topic ...`). Each type accepts exactly the options that set its fields in
//! the document format; an option of another type is exit 2 naming the ones that apply. A list
//! option (`--topic`, `--with`, `--to`) replaces the whole list; an empty text clears an
//! optional field. Dates read like `log` reads them: `--at` looks back from now, `--on` ahead,
//! a promised or due date ahead from the event's own (new) time, never before its day.

use followup_core::time::phrase::{DateOrder, Field};
use followup_core::time::spell_date;
use followup_core::{Asks, ChangeReason, Event, EventKind, MessageKind, Outcome, Process, Rapport};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::dates;
use crate::error::UserError;
use crate::input;

/// The options given to `edit HANDLE EVENT`; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
#[allow(missing_docs)]
pub struct EventPatch {
    pub at: Option<String>,
    pub on: Option<String>,
    pub rapport: Option<String>,
    pub reinforce_interest: Option<bool>,
    pub stage: Option<String>,
    pub topics: Option<Vec<String>>,
    pub with: Option<Vec<String>>,
    pub by: Option<String>,
    pub note: Option<String>,
    pub kind: Option<String>,
    pub subject: Option<String>,
    pub body: Option<String>,
    pub file: Option<String>,
    pub to: Option<Vec<String>>,
    pub asks: Option<String>,
    pub respond_by: Option<String>,
    pub from: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub deadline: Option<String>,
    pub until: Option<String>,
    pub reason: Option<String>,
    pub real: Option<bool>,
    pub outcome: Option<String>,
    pub text: Option<String>,
    pub message_id: Option<String>,
}

/// The options each event type takes, as `log` names them (`--by`, `--kind`, `--reason`,
/// `--outcome` are `log`'s positional values, named here).
pub fn options_of(type_name: &str) -> &'static [&'static str] {
    match type_name {
        "interview" => &[
            "--at",
            "--on",
            "--rapport",
            "--reinforce-interest",
            "--stage",
            "--topic",
            "--with",
        ],
        "promise" => &["--at", "--by", "--note"],
        "applied" => &["--at", "--url", "--source", "--note"],
        "sent" => &[
            "--at",
            "--kind",
            "--subject",
            "--body",
            "--file",
            "--to",
            "--message-id",
        ],
        "reply" => &[
            "--at",
            "--asks",
            "--respond-by",
            "--body",
            "--file",
            "--from",
            "--message-id",
        ],
        "offer" => &["--at", "--deadline", "--note", "--message-id"],
        "note" => &["--at", "--text"],
        "away" => &["--at", "--until", "--message-id"],
        "context-change" => &["--at", "--reason", "--real", "--deadline", "--note"],
        "closed" => &["--at", "--outcome", "--note"],
        _ => &["--at", "--note"],
    }
}

impl EventPatch {
    /// The options given, by name.
    pub fn given(&self) -> Vec<&'static str> {
        let flags = [
            ("--at", self.at.is_some()),
            ("--on", self.on.is_some()),
            ("--rapport", self.rapport.is_some()),
            ("--reinforce-interest", self.reinforce_interest.is_some()),
            ("--stage", self.stage.is_some()),
            ("--topic", self.topics.is_some()),
            ("--with", self.with.is_some()),
            ("--by", self.by.is_some()),
            ("--note", self.note.is_some()),
            ("--kind", self.kind.is_some()),
            ("--subject", self.subject.is_some()),
            ("--body", self.body.is_some()),
            ("--file", self.file.is_some()),
            ("--to", self.to.is_some()),
            ("--asks", self.asks.is_some()),
            ("--respond-by", self.respond_by.is_some()),
            ("--from", self.from.is_some()),
            ("--url", self.url.is_some()),
            ("--source", self.source.is_some()),
            ("--deadline", self.deadline.is_some()),
            ("--until", self.until.is_some()),
            ("--reason", self.reason.is_some()),
            ("--real", self.real.is_some()),
            ("--outcome", self.outcome.is_some()),
            ("--text", self.text.is_some()),
            ("--message-id", self.message_id.is_some()),
        ];
        flags
            .into_iter()
            .filter(|(_, given)| *given)
            .map(|(name, _)| name)
            .collect()
    }

    /// `old` with the given options applied, dates read at `now` in the process's zone.
    pub fn apply(
        self,
        old: &Event,
        now: Timestamp,
        process: &Process,
        order: DateOrder,
    ) -> Result<Event, UserError> {
        let type_name = old.kind.type_name();
        let allowed = options_of(type_name);
        let given = self.given();
        if given.is_empty() {
            return Err(UserError::new(
                format!("nothing to change: give one of {}", allowed.join(" ")),
                format!("a {type_name} event takes the options log gives it"),
            ));
        }
        if let Some(stray) = given.iter().find(|o| !allowed.contains(o)) {
            return Err(UserError::new(
                format!("{stray}: a {type_name} event has no such field"),
                format!("a {type_name} event takes {}", allowed.join(" ")),
            ));
        }
        if self.body.is_some() && self.file.is_some() {
            return Err(UserError::new(
                "--body and --file both give the text",
                "give one of them",
            ));
        }
        let zone = process.timezone.clone();
        let at = match (&self.at, &self.on) {
            (Some(_), Some(_)) => {
                return Err(UserError::new(
                    "--at and --on both give the time",
                    "--at for an interview that took place, --on for one booked",
                ));
            }
            (Some(text), None) => dates::resolve_at(Some(text), now, process, order)?,
            (None, Some(text)) => {
                let booked = dates::resolve_on(text, now, process, order)?;
                if booked.timestamp() <= now {
                    return Err(UserError::new(
                        format!("--on: {text:?} is not in the future"),
                        "--on books an interview to come; use --at for one that took place",
                    ));
                }
                booked
            }
            (None, None) => old.at.to_zoned_datetime(zone),
        };
        let due = |text: &str, field: Field, name: &str| -> Result<Date, UserError> {
            dates::resolve_due(text, field, name, &at, order)
        };
        let body = match (self.file, self.body) {
            (Some(file), _) => Some(input::read_text(&file)?),
            (None, body) => body,
        };
        let mut kind = old.kind.clone();
        match &mut kind {
            EventKind::Interview(i) => {
                if let Some(text) = self.rapport {
                    i.rapport = value_of("--rapport", &text, Rapport::parse, Rapport::expected)?;
                }
                if let Some(flag) = self.reinforce_interest {
                    i.reinforce_interest = flag;
                }
                set_optional(&mut i.stage, self.stage);
                set_list(&mut i.topics, self.topics);
                set_list(&mut i.with, self.with);
            }
            EventKind::Promise { by, note } => {
                if let Some(text) = self.by {
                    *by = due(&text, Field::Promise, "--by")?;
                }
                set_optional(note, self.note);
            }
            EventKind::Applied { url, source, note } => {
                set_optional(url, self.url);
                set_optional(source, self.source);
                set_optional(note, self.note);
            }
            EventKind::Sent {
                kind,
                subject,
                body: text,
                to,
                message_id,
            } => {
                if let Some(value) = self.kind {
                    *kind = value_of("--kind", &value, MessageKind::parse, MessageKind::expected)?;
                }
                set_optional(subject, self.subject);
                set_optional(text, body);
                set_list(to, self.to);
                set_optional(message_id, self.message_id);
            }
            EventKind::Reply {
                body: text,
                from,
                asks,
                respond_by,
                message_id,
            } => {
                if let Some(value) = self.asks {
                    *asks = value_of("--asks", &value, Asks::parse, Asks::expected)?;
                }
                if let Some(value) = self.respond_by {
                    *respond_by =
                        optional_date(&value, |t| due(t, Field::Deadline, "--respond-by"))?;
                }
                set_optional(text, body);
                set_optional(from, self.from);
                set_optional(message_id, self.message_id);
            }
            EventKind::Offer {
                deadline,
                note,
                message_id,
            } => {
                if let Some(value) = self.deadline {
                    *deadline = optional_date(&value, |t| due(t, Field::Deadline, "--deadline"))?;
                }
                set_optional(note, self.note);
                set_optional(message_id, self.message_id);
            }
            EventKind::Note { text } => {
                if let Some(value) = self.text {
                    if input::is_blank(&value) {
                        return Err(UserError::new(
                            "--text: the note is empty",
                            "give the note's text, or remove the note with followup rm",
                        ));
                    }
                    *text = value;
                }
            }
            EventKind::Away { until, message_id } => {
                if let Some(value) = self.until {
                    *until = due(&value, Field::Promise, "--until")?;
                }
                set_optional(message_id, self.message_id);
            }
            EventKind::ContextChange {
                reason,
                real,
                deadline,
                note,
            } => {
                if let Some(value) = self.reason {
                    *reason = value_of(
                        "--reason",
                        &value,
                        ChangeReason::parse,
                        ChangeReason::expected,
                    )?;
                }
                if let Some(flag) = self.real {
                    *real = flag;
                }
                if let Some(value) = self.deadline {
                    *deadline = optional_date(&value, |t| due(t, Field::Deadline, "--deadline"))?;
                }
                set_optional(note, self.note);
            }
            EventKind::Closed { outcome, note } => {
                if let Some(value) = self.outcome {
                    *outcome = value_of("--outcome", &value, Outcome::parse, Outcome::expected)?;
                }
                set_optional(note, self.note);
            }
            EventKind::Reopened { note } => set_optional(note, self.note),
        }
        let event = Event {
            id: old.id.clone(),
            at: at.timestamp(),
            kind,
        };
        not_before_its_day(&event, process)?;
        Ok(event)
    }
}

/// A date the event names (promise, answer-by, deadline, last day away) on or after the day of
/// the event: moving the event past it, or the date before it, is refused.
fn not_before_its_day(event: &Event, process: &Process) -> Result<(), UserError> {
    let (name, date) = match &event.kind {
        EventKind::Promise { by, .. } => ("--by", *by),
        EventKind::Reply {
            respond_by: Some(by),
            ..
        } => ("--respond-by", *by),
        EventKind::Offer {
            deadline: Some(d), ..
        }
        | EventKind::ContextChange {
            deadline: Some(d), ..
        } => ("--deadline", *d),
        EventKind::Away { until, .. } => ("--until", *until),
        _ => return Ok(()),
    };
    let day = process.local_date(event.at);
    if date < day {
        return Err(UserError::new(
            format!(
                "{name}: {} is before the event's own day ({})",
                spell_date(date, day),
                spell_date(day, day)
            ),
            format!("give {name} on or after {day}, or an --at before it"),
        ));
    }
    Ok(())
}

/// Replaces an optional text: an empty one clears it.
fn set_optional(slot: &mut Option<String>, value: Option<String>) {
    if let Some(value) = value {
        *slot = (!value.trim().is_empty()).then_some(value);
    }
}

/// Replaces a list: empty items are dropped, so `--topic ""` clears it.
fn set_list(slot: &mut Vec<String>, value: Option<Vec<String>>) {
    if let Some(items) = value {
        *slot = items
            .into_iter()
            .map(|item| item.trim().to_owned())
            .filter(|item| !item.is_empty())
            .collect();
    }
}

/// An optional date: empty clears it, anything else is read with `read`.
fn optional_date(
    text: &str,
    read: impl Fn(&str) -> Result<Date, UserError>,
) -> Result<Option<Date>, UserError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        read(text).map(Some)
    }
}

/// One of an enum's spellings, given as `name`.
fn value_of<T>(
    name: &str,
    text: &str,
    parse: fn(&str) -> Option<T>,
    expected: fn() -> String,
) -> Result<T, UserError> {
    parse(text.trim()).ok_or_else(|| {
        UserError::new(
            format!("{name}: unknown value {text:?}"),
            format!("use one of {}", expected()),
        )
    })
}
