//! The process document: the public JSON format of one hiring process (format 2; format 1
//! documents are read too, since format 2 only adds to them).
//!
//! [`parse_document`] turns text into a validated [`Process`], naming the JSON path of
//! anything wrong (`events[3].kind: unknown value "folow-up", expected one of ...`).
//! [`to_document`] writes a process back, losslessly, with instants as RFC 3339 in the
//! process's zone. The format is documented in `docs/format.md`.

mod raw;
mod unique;

pub use unique::{UniqueValue, duplicate_path};

use jiff::tz::{TimeZone, TimeZoneDatabase};
use serde_json::Value;

use crate::process::{
    Asks, Contact, Details, Event, EventKind, Interview, Process, TimezoneSource,
};
use crate::time::{parse_at, parse_date};
use raw::{
    RawApplied, RawAway, RawChange, RawClosed, RawContact, RawDocument, RawEvent, RawInterview,
    RawNote, RawOffer, RawPromise, RawReopened, RawReply, RawSent,
};

/// The format version this build writes.
pub const FORMAT_VERSION: u32 = 2;

/// The format versions this build reads: format 2 only adds to format 1.
pub const READ_FORMATS: [u32; 2] = [1, 2];

/// A problem in a process document, located by its JSON path (`events[2].at`) or line; a
/// problem with the whole text (an array where one document belongs) has an empty path.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", if path.is_empty() { String::new() } else { format!("{path}: ") })]
pub struct DocumentError {
    /// Where: a JSON path, or `line L column C` for syntax errors.
    pub path: String,
    /// What is wrong, in one sentence.
    pub message: String,
}

impl DocumentError {
    fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        DocumentError {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// The zone to use when a document names none: the user's configured zone, else the system's.
#[derive(Clone, Debug)]
pub struct ZoneDefault {
    /// IANA name (or a description such as `UTC` when the system has none).
    pub name: String,
    /// The zone.
    pub zone: TimeZone,
    /// Where it came from.
    pub source: TimezoneSource,
}

/// Parses and validates a process document.
///
/// `zones` resolves IANA names (pass the bundled database for deterministic results);
/// `default_zone` applies when the document has no `timezone`.
pub fn parse_document(
    text: &str,
    zones: &TimeZoneDatabase,
    default_zone: &ZoneDefault,
) -> Result<Process, DocumentError> {
    let value = serde_json::from_str::<UniqueValue>(text)
        .map_err(|err| {
            let message = err.to_string();
            match duplicate_path(&message) {
                Some(path) => DocumentError::at(
                    path,
                    "this key appears twice in one object; keep one (JSON would keep the last silently)",
                ),
                None => DocumentError::at(
                    format!("line {} column {}", err.line(), err.column()),
                    format!("not valid JSON ({})", strip_position(&message)),
                ),
            }
        })?
        .0;
    // An export (what `followup export` writes) is an array of documents: say so, instead of
    // what serde makes of an array where an object belongs.
    if let Value::Array(items) = &value {
        return Err(DocumentError::at(
            "",
            match items.len() {
                0 => "an empty array is not a process document".to_owned(),
                n => format!(
                    "this is an export (an array of {n} process{}); advise reads one process: \
                     use followup import, or pick one with jq '.[0]'",
                    if n == 1 { "" } else { "es" }
                ),
            },
        ));
    }
    parse_value(value, zones, default_zone)
}

/// Like [`parse_document`], for a document already parsed as JSON (an element of an export).
pub fn parse_value(
    value: Value,
    zones: &TimeZoneDatabase,
    default_zone: &ZoneDefault,
) -> Result<Process, DocumentError> {
    let raw: RawDocument = deserialize_at("", value)?;
    if let Some(format) = raw.format
        && !READ_FORMATS.contains(&format)
    {
        return Err(DocumentError::at(
            "format",
            format!("unsupported format {format}; this followup reads formats 1 and 2"),
        ));
    }
    non_empty("company", &raw.company)?;
    non_empty("role", &raw.role)?;

    let (timezone_name, timezone, timezone_source) = match &raw.timezone {
        Some(name) => {
            let zone = zones.get(name).map_err(|_| {
                DocumentError::at(
                    "timezone",
                    format!("unknown time zone {name:?}; use an IANA name like \"Europe/Lisbon\""),
                )
            })?;
            (name.clone(), zone, TimezoneSource::Document)
        }
        None => (
            default_zone.name.clone(),
            default_zone.zone.clone(),
            default_zone.source,
        ),
    };

    let contacts = raw
        .contacts
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            non_empty(&format!("contacts[{i}].name"), &c.name)?;
            Ok(Contact {
                name: c.name,
                honorific: c.honorific,
                email: c.email,
                title: c.title,
            })
        })
        .collect::<Result<Vec<_>, DocumentError>>()?;

    let holidays = raw
        .holidays
        .iter()
        .enumerate()
        .map(|(i, text)| {
            parse_date(text).map_err(|e| DocumentError::at(format!("holidays[{i}]"), e.to_string()))
        })
        .collect::<Result<Vec<_>, _>>()?;

    let mut events = Vec::with_capacity(raw.events.len());
    for (i, value) in raw.events.into_iter().enumerate() {
        events.push(parse_event(i, value, &timezone, &timezone_name)?);
    }

    let mut process = Process {
        id: raw.id,
        handle: raw.handle,
        company: raw.company,
        role: raw.role,
        timezone_name,
        timezone_source,
        timezone,
        contacts,
        holidays,
        details: Details {
            url: raw.url,
            location: raw.location,
            salary: raw.salary,
            notes: raw.notes,
        },
        events,
    };
    for (i, event) in process.events.iter().enumerate() {
        // A date the event sets cannot be before the day it happened.
        let (field, date, what, day) = match &event.kind {
            EventKind::Promise { by, .. } => (
                "by",
                *by,
                "the promised date",
                "the day the promise was made",
            ),
            EventKind::Reply {
                respond_by: Some(by),
                ..
            } => (
                "respond_by",
                *by,
                "the date to answer by",
                "the reply's day",
            ),
            EventKind::Offer {
                deadline: Some(deadline),
                ..
            } => (
                "deadline",
                *deadline,
                "the offer's deadline",
                "the offer's day",
            ),
            EventKind::Away { until, .. } => {
                ("until", *until, "the last day away", "the day they said so")
            }
            EventKind::ContextChange {
                deadline: Some(deadline),
                ..
            } => (
                "deadline",
                *deadline,
                "the change's deadline",
                "the day of the change",
            ),
            _ => continue,
        };
        let made = process.local_date(event.at);
        if date < made {
            return Err(DocumentError::at(
                format!("events[{i}].{field}"),
                format!("{what} {date} is before {day} ({made})"),
            ));
        }
    }
    // Before sorting, so `events[i]` names the document's own order.
    crate::process::limits::check_process(&process)
        .map_err(|err| DocumentError::at(err.field, err.message))?;
    process.sort_events();
    Ok(process)
}

/// Writes a process as a document (format 2), with instants in the process's zone.
pub fn to_document(process: &Process) -> Value {
    let zone = &process.timezone;
    let at = |event: &Event| {
        let offset = event.at.to_zoned_datetime(zone.clone()).offset();
        event.at.display_with_offset(offset).to_string()
    };
    let events = process
        .events
        .iter()
        .map(|event| {
            let id = event.id.clone();
            let at = at(event);
            match &event.kind {
                EventKind::Interview(i) => RawEvent::Interview(RawInterview {
                    id,
                    at,
                    rapport: Some(i.rapport),
                    reinforce_interest: Some(i.reinforce_interest),
                    stage: i.stage.clone(),
                    topics: i.topics.clone(),
                    with: i.with.clone(),
                    invitation_uid: i.invitation_uid.clone(),
                    invitation_sequence: i.invitation_sequence,
                }),
                EventKind::Promise { by, note } => RawEvent::Promise(RawPromise {
                    id,
                    at,
                    by: by.to_string(),
                    note: note.clone(),
                }),
                EventKind::Applied { url, source, note } => RawEvent::Applied(RawApplied {
                    id,
                    at,
                    url: url.clone(),
                    source: source.clone(),
                    note: note.clone(),
                }),
                EventKind::Sent {
                    kind,
                    subject,
                    body,
                    to,
                    message_id,
                } => RawEvent::Sent(RawSent {
                    id,
                    at,
                    kind: *kind,
                    subject: subject.clone(),
                    body: body.clone(),
                    to: to.clone(),
                    message_id: message_id.clone(),
                }),
                EventKind::Reply {
                    body,
                    from,
                    asks,
                    respond_by,
                    message_id,
                } => RawEvent::Reply(RawReply {
                    id,
                    at,
                    body: body.clone(),
                    from: from.clone(),
                    asks: (*asks != Asks::Nothing).then_some(*asks),
                    respond_by: respond_by.map(|d| d.to_string()),
                    message_id: message_id.clone(),
                }),
                EventKind::Offer {
                    deadline,
                    note,
                    message_id,
                } => RawEvent::Offer(RawOffer {
                    id,
                    at,
                    deadline: deadline.map(|d| d.to_string()),
                    note: note.clone(),
                    message_id: message_id.clone(),
                }),
                EventKind::Note { text } => RawEvent::Note(RawNote {
                    id,
                    at,
                    text: text.clone(),
                }),
                EventKind::Away { until, message_id } => RawEvent::Away(RawAway {
                    id,
                    at,
                    until: until.to_string(),
                    message_id: message_id.clone(),
                }),
                EventKind::ContextChange {
                    reason,
                    real,
                    deadline,
                    note,
                } => RawEvent::ContextChange(RawChange {
                    id,
                    at,
                    reason: *reason,
                    real: *real,
                    deadline: deadline.map(|d| d.to_string()),
                    note: note.clone(),
                }),
                EventKind::Closed { outcome, note } => RawEvent::Closed(RawClosed {
                    id,
                    at,
                    outcome: *outcome,
                    note: note.clone(),
                }),
                EventKind::Reopened { note } => RawEvent::Reopened(RawReopened {
                    id,
                    at,
                    note: note.clone(),
                }),
            }
        })
        .collect();
    let doc = RawDocument {
        format: Some(FORMAT_VERSION),
        id: process.id.clone(),
        handle: process.handle.clone(),
        company: process.company.clone(),
        role: process.role.clone(),
        timezone: Some(process.timezone_name.clone()),
        contacts: process
            .contacts
            .iter()
            .map(|c| RawContact {
                name: c.name.clone(),
                honorific: c.honorific.clone(),
                email: c.email.clone(),
                title: c.title.clone(),
            })
            .collect(),
        holidays: process.holidays.iter().map(|d| d.to_string()).collect(),
        url: process.details.url.clone(),
        location: process.details.location.clone(),
        salary: process.details.salary.clone(),
        notes: process.details.notes.clone(),
        events: Vec::new(),
    };
    let mut value = serde_json::to_value(doc).unwrap_or(Value::Null);
    let events: Vec<RawEvent> = events;
    if let Value::Object(map) = &mut value {
        map.insert(
            "events".to_owned(),
            serde_json::to_value(events).unwrap_or(Value::Array(Vec::new())),
        );
    }
    value
}

fn parse_event(
    index: usize,
    value: Value,
    zone: &TimeZone,
    zone_name: &str,
) -> Result<Event, DocumentError> {
    let path = format!("events[{index}]");
    let Value::Object(mut map) = value else {
        return Err(DocumentError::at(
            path,
            "each event must be an object with a \"type\"",
        ));
    };
    let type_name = match map.remove("type") {
        Some(Value::String(t)) => t,
        Some(_) => {
            return Err(DocumentError::at(
                format!("{path}.type"),
                "must be a string",
            ));
        }
        None => return Err(DocumentError::at(path, "missing field \"type\"")),
    };
    let value = Value::Object(map);
    let at_of = |at: &str| {
        parse_at(at, zone, zone_name)
            .map_err(|e| DocumentError::at(format!("{path}.at"), e.to_string()))
    };
    let date_of = |field: &str, text: &str| {
        parse_date(text).map_err(|e| DocumentError::at(format!("{path}.{field}"), e.to_string()))
    };
    let optional_date =
        |field: &str, text: Option<&str>| text.map(|text| date_of(field, text)).transpose();
    let (id, at, kind) = match type_name.as_str() {
        "interview" => {
            let r: RawInterview = deserialize_at(&path, value)?;
            let kind = EventKind::Interview(Interview {
                rapport: r.rapport.unwrap_or_default(),
                reinforce_interest: r.reinforce_interest.unwrap_or(false),
                stage: r.stage,
                topics: r.topics,
                with: r.with,
                invitation_uid: r.invitation_uid,
                invitation_sequence: r.invitation_sequence,
            });
            (r.id, at_of(&r.at)?, kind)
        }
        "promise" => {
            let r: RawPromise = deserialize_at(&path, value)?;
            let by = date_of("by", &r.by)?;
            (r.id, at_of(&r.at)?, EventKind::Promise { by, note: r.note })
        }
        "applied" => {
            let r: RawApplied = deserialize_at(&path, value)?;
            let kind = EventKind::Applied {
                url: r.url,
                source: r.source,
                note: r.note,
            };
            (r.id, at_of(&r.at)?, kind)
        }
        "sent" => {
            let r: RawSent = deserialize_at(&path, value)?;
            let kind = EventKind::Sent {
                kind: r.kind,
                subject: r.subject,
                body: r.body,
                to: r.to,
                message_id: r.message_id,
            };
            (r.id, at_of(&r.at)?, kind)
        }
        "reply" => {
            let r: RawReply = deserialize_at(&path, value)?;
            let respond_by = optional_date("respond_by", r.respond_by.as_deref())?;
            let kind = EventKind::Reply {
                body: r.body,
                from: r.from,
                asks: r.asks.unwrap_or_default(),
                respond_by,
                message_id: r.message_id,
            };
            (r.id, at_of(&r.at)?, kind)
        }
        "offer" => {
            let r: RawOffer = deserialize_at(&path, value)?;
            let deadline = optional_date("deadline", r.deadline.as_deref())?;
            let kind = EventKind::Offer {
                deadline,
                note: r.note,
                message_id: r.message_id,
            };
            (r.id, at_of(&r.at)?, kind)
        }
        "note" => {
            let r: RawNote = deserialize_at(&path, value)?;
            (r.id, at_of(&r.at)?, EventKind::Note { text: r.text })
        }
        "away" => {
            let r: RawAway = deserialize_at(&path, value)?;
            let until = date_of("until", &r.until)?;
            let kind = EventKind::Away {
                until,
                message_id: r.message_id,
            };
            (r.id, at_of(&r.at)?, kind)
        }
        "context-change" => {
            let r: RawChange = deserialize_at(&path, value)?;
            let deadline = optional_date("deadline", r.deadline.as_deref())?;
            let kind = EventKind::ContextChange {
                reason: r.reason,
                real: r.real,
                deadline,
                note: r.note,
            };
            (r.id, at_of(&r.at)?, kind)
        }
        "closed" => {
            let r: RawClosed = deserialize_at(&path, value)?;
            (
                r.id,
                at_of(&r.at)?,
                EventKind::Closed {
                    outcome: r.outcome,
                    note: r.note,
                },
            )
        }
        "reopened" => {
            let r: RawReopened = deserialize_at(&path, value)?;
            (r.id, at_of(&r.at)?, EventKind::Reopened { note: r.note })
        }
        other => {
            let expected = EventKind::TYPE_NAMES
                .iter()
                .map(|t| format!("\"{t}\""))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(DocumentError::at(
                format!("{path}.type"),
                format!("unknown value \"{other}\", expected one of {expected}"),
            ));
        }
    };
    Ok(Event { id, at, kind })
}

/// Deserializes `value`, reporting errors at `prefix` + the path inside the value.
fn deserialize_at<T: serde::de::DeserializeOwned>(
    prefix: &str,
    value: Value,
) -> Result<T, DocumentError> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let inner = err.path().to_string();
        let path = match (prefix.is_empty(), inner.as_str()) {
            (true, ".") => "document".to_owned(),
            (true, _) => inner,
            (false, ".") => prefix.to_owned(),
            (false, _) if inner.starts_with('[') => format!("{prefix}{inner}"),
            (false, _) => format!("{prefix}.{inner}"),
        };
        DocumentError::at(path, humanize_serde(&err.into_inner().to_string()))
    })
}

/// Rewrites serde's wording into the format's own ("unknown field", "unknown value").
fn humanize_serde(message: &str) -> String {
    let message = strip_position(message);
    let message = message.replace('`', "\"");
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return format!("unknown value {rest}");
    }
    message
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

fn non_empty(path: &str, text: &str) -> Result<(), DocumentError> {
    if text.trim().is_empty() {
        Err(DocumentError::at(path, "must not be empty"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests;
