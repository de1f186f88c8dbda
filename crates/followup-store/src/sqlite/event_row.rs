//! The one encoding of an event in the store: a row of the `events` table, one typed column
//! per field (schema version 8). [`EventColumns`] writes an [`Event`] as those columns and
//! [`read_event`] reads them back; nothing else knows how an event is stored.
//!
//! Enums are stored as the document spells them, dates as `YYYY-MM-DD`, flags as 0/1, lists as
//! JSON arrays of strings; a field the event's type does not have is NULL. A new field is a new
//! nullable column here and in a migration.

use followup_core::{
    Asks, ChangeReason, Event, EventKind, Interview, MessageKind, Outcome, Rapport,
};
use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::Row;
use rusqlite::types::{ToSql, ValueRef};

use super::Failure;
use crate::error::StoreError;

/// The columns [`read_event`] reads (of `events e`), in its order: every field.
pub(super) const ALL: &str = "e.id, e.at_s, e.at_ns, e.type, e.rapport, e.reinforce_interest, \
     e.stage, e.topics, e.interviewers, e.promised_by, e.message_kind, e.subject, e.body, \
     e.recipients, e.sender, e.reason, e.is_real, e.deadline, e.outcome, e.note, e.asks, \
     e.respond_by, e.message_id, e.url, e.source, e.away_until, e.invitation_uid, \
     e.invitation_sequence";

/// The same positions with NULL for what advising never reads, so the rows decode to the
/// events `followup_core::advisor::for_advice` leaves (no ids, texts, people, topics, links or
/// message ids).
pub(super) const FOR_ADVICE: &str = "NULL, e.at_s, e.at_ns, e.type, e.rapport, \
     e.reinforce_interest, e.stage, NULL, NULL, e.promised_by, e.message_kind, NULL, NULL, NULL, \
     NULL, e.reason, e.is_real, e.deadline, e.outcome, NULL, e.asks, e.respond_by, NULL, NULL, \
     NULL, e.away_until, NULL, NULL";

/// The columns an insert writes beside the process, change and id, in [`EventColumns::params`]
/// order.
pub(super) const INSERT: &str = "at_s, at_ns, type, rapport, reinforce_interest, stage, topics, \
     interviewers, promised_by, message_kind, subject, body, recipients, sender, reason, is_real, \
     deadline, outcome, note, asks, respond_by, message_id, url, source, away_until, \
     invitation_uid, invitation_sequence";

/// How many columns [`INSERT`] names.
pub(super) const INSERT_COUNT: usize = 27;

/// An event as the values of its columns.
#[derive(Default)]
pub(super) struct EventColumns<'a> {
    at_s: i64,
    at_ns: i32,
    type_name: &'static str,
    rapport: Option<&'static str>,
    reinforce_interest: Option<bool>,
    stage: Option<&'a str>,
    topics: Option<String>,
    interviewers: Option<String>,
    promised_by: Option<String>,
    message_kind: Option<&'static str>,
    subject: Option<&'a str>,
    body: Option<&'a str>,
    recipients: Option<String>,
    sender: Option<&'a str>,
    reason: Option<&'static str>,
    is_real: Option<bool>,
    deadline: Option<String>,
    outcome: Option<&'static str>,
    note: Option<&'a str>,
    asks: Option<&'static str>,
    respond_by: Option<String>,
    message_id: Option<&'a str>,
    url: Option<&'a str>,
    source: Option<&'a str>,
    away_until: Option<String>,
    invitation_uid: Option<&'a str>,
    invitation_sequence: Option<u32>,
}

impl<'a> EventColumns<'a> {
    /// The columns of `event`.
    pub(super) fn of(event: &'a Event) -> Self {
        let (at_s, at_ns) = (event.at.as_second(), event.at.subsec_nanosecond());
        let mut c = EventColumns {
            at_s,
            at_ns,
            type_name: event.kind.type_name(),
            ..EventColumns::default()
        };
        match &event.kind {
            EventKind::Interview(i) => {
                c.rapport = Some(i.rapport.as_str());
                c.reinforce_interest = Some(i.reinforce_interest);
                c.stage = i.stage.as_deref();
                c.topics = list(&i.topics);
                c.interviewers = list(&i.with);
                c.invitation_uid = i.invitation_uid.as_deref();
                c.invitation_sequence = i.invitation_sequence;
            }
            EventKind::Promise { by, note } => {
                c.promised_by = Some(by.to_string());
                c.note = note.as_deref();
            }
            EventKind::Sent {
                kind,
                subject,
                body,
                to,
                message_id,
            } => {
                c.message_kind = Some(kind.as_str());
                c.subject = subject.as_deref();
                c.body = body.as_deref();
                c.recipients = list(to);
                c.message_id = message_id.as_deref();
            }
            EventKind::Reply {
                body,
                from,
                asks,
                respond_by,
                message_id,
            } => {
                c.body = body.as_deref();
                c.sender = from.as_deref();
                c.asks = Some(asks.as_str());
                c.respond_by = respond_by.map(|d| d.to_string());
                c.message_id = message_id.as_deref();
            }
            EventKind::Applied { url, source, note } => {
                c.url = url.as_deref();
                c.source = source.as_deref();
                c.note = note.as_deref();
            }
            EventKind::Offer {
                deadline,
                note,
                message_id,
            } => {
                c.deadline = deadline.map(|d| d.to_string());
                c.note = note.as_deref();
                c.message_id = message_id.as_deref();
            }
            EventKind::Note { text } => c.note = Some(text),
            EventKind::Away { until, message_id } => {
                c.away_until = Some(until.to_string());
                c.message_id = message_id.as_deref();
            }
            EventKind::ContextChange {
                reason,
                real,
                deadline,
                note,
            } => {
                c.reason = Some(reason.as_str());
                c.is_real = Some(*real);
                c.deadline = deadline.map(|d| d.to_string());
                c.note = note.as_deref();
            }
            EventKind::Closed { outcome, note } => {
                c.outcome = Some(outcome.as_str());
                c.note = note.as_deref();
            }
            EventKind::Reopened { note } => c.note = note.as_deref(),
        }
        c
    }

    /// The values of [`INSERT`], in order.
    pub(super) fn params(&self) -> [&dyn ToSql; INSERT_COUNT] {
        [
            &self.at_s,
            &self.at_ns,
            &self.type_name,
            &self.rapport,
            &self.reinforce_interest,
            &self.stage,
            &self.topics,
            &self.interviewers,
            &self.promised_by,
            &self.message_kind,
            &self.subject,
            &self.body,
            &self.recipients,
            &self.sender,
            &self.reason,
            &self.is_real,
            &self.deadline,
            &self.outcome,
            &self.note,
            &self.asks,
            &self.respond_by,
            &self.message_id,
            &self.url,
            &self.source,
            &self.away_until,
            &self.invitation_uid,
            &self.invitation_sequence,
        ]
    }
}

/// A list as a JSON array, NULL when empty.
fn list(items: &[String]) -> Option<String> {
    // Serializing strings cannot fail.
    (!items.is_empty()).then(|| serde_json::to_string(items).unwrap_or_default())
}

/// Reads the event in the columns of `row` from `from` on, as [`ALL`] or [`FOR_ADVICE`] name them.
pub(super) fn read_event(row: &Row<'_>, from: usize) -> Result<Event, Failure> {
    // Borrowed from SQLite's buffer: only the texts an event keeps are copied.
    let str_at = |i: usize| -> Result<Option<&str>, Failure> {
        Ok(match row.get_ref(from + i)? {
            ValueRef::Null => None,
            value => Some(value.as_str()?),
        })
    };
    let text = |i: usize| -> Result<Option<String>, Failure> { Ok(str_at(i)?.map(str::to_owned)) };
    let flag = |i: usize| -> rusqlite::Result<bool> {
        Ok(row.get::<_, Option<bool>>(from + i)?.unwrap_or(false))
    };
    let id = text(0)?;
    let (at_s, at_ns): (i64, i32) = (row.get(from + 1)?, row.get(from + 2)?);
    let at = Timestamp::new(at_s, at_ns)
        .map_err(|e| StoreError::Data(format!("instant {at_s}.{at_ns}: {e}")))?;
    let type_name = str_at(3)?.unwrap_or_default();
    let required = |i: usize, field: &str| -> Result<&str, Failure> {
        str_at(i)?
            .ok_or_else(|| StoreError::Data(format!("{type_name} event without {field}")).into())
    };
    let kind = match type_name {
        "interview" => EventKind::Interview(Interview {
            rapport: match str_at(4)? {
                Some(t) => parse_enum(t, Rapport::parse)?,
                None => Rapport::default(),
            },
            reinforce_interest: flag(5)?,
            stage: text(6)?,
            topics: read_list(str_at(7)?)?,
            with: read_list(str_at(8)?)?,
            invitation_uid: text(26)?,
            invitation_sequence: row.get(from + 27)?,
        }),
        "promise" => EventKind::Promise {
            by: read_date(required(9, "promised_by")?)?,
            note: text(19)?,
        },
        "sent" => EventKind::Sent {
            kind: parse_enum(required(10, "message_kind")?, MessageKind::parse)?,
            subject: text(11)?,
            body: text(12)?,
            to: read_list(str_at(13)?)?,
            message_id: text(22)?,
        },
        "reply" => EventKind::Reply {
            body: text(12)?,
            from: text(14)?,
            // Rows written before schema version 5 have none: they asked nothing.
            asks: match str_at(20)? {
                Some(t) => parse_enum(t, Asks::parse)?,
                None => Asks::Nothing,
            },
            respond_by: str_at(21)?.map(read_date).transpose()?,
            message_id: text(22)?,
        },
        "applied" => EventKind::Applied {
            url: text(23)?,
            source: text(24)?,
            note: text(19)?,
        },
        "offer" => EventKind::Offer {
            deadline: str_at(17)?.map(read_date).transpose()?,
            note: text(19)?,
            message_id: text(22)?,
        },
        // Loaded for advice the text is left out (NULL): advising never reads it.
        "note" => EventKind::Note {
            text: text(19)?.unwrap_or_default(),
        },
        "away" => EventKind::Away {
            until: read_date(required(25, "away_until")?)?,
            message_id: text(22)?,
        },
        "context-change" => EventKind::ContextChange {
            reason: parse_enum(required(15, "reason")?, ChangeReason::parse)?,
            real: flag(16)?,
            deadline: str_at(17)?.map(read_date).transpose()?,
            note: text(19)?,
        },
        "closed" => EventKind::Closed {
            outcome: parse_enum(required(18, "outcome")?, Outcome::parse)?,
            note: text(19)?,
        },
        "reopened" => EventKind::Reopened { note: text(19)? },
        other => return Err(StoreError::Data(format!("unknown event type {other:?}")).into()),
    };
    Ok(Event { id, at, kind })
}

fn parse_enum<T>(text: &str, parse: fn(&str) -> Option<T>) -> Result<T, StoreError> {
    parse(text).ok_or_else(|| StoreError::Data(format!("unknown value {text:?}")))
}

fn read_date(text: &str) -> Result<Date, StoreError> {
    text.parse()
        .map_err(|e| StoreError::Data(format!("date {text:?}: {e}")))
}

fn read_list(json: Option<&str>) -> Result<Vec<String>, StoreError> {
    match json {
        None => Ok(Vec::new()),
        Some(json) => {
            serde_json::from_str(json).map_err(|e| StoreError::Data(format!("list {json:?}: {e}")))
        }
    }
}
