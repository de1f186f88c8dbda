//! How process details and event payloads are written in storage rows.
//!
//! Events are stored as a `type` plus a compact JSON object of that kind's fields (the same
//! names as the process document), so new optional fields need no schema change. Instants are
//! stored apart, as seconds and nanoseconds, so they sort and index as integers.

use followup_core::{
    Asks, ChangeReason, Contact, Event, EventKind, Interview, MessageKind, Outcome, Process,
    Rapport,
};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::change::Op;
use crate::error::StoreError;

/// The fields of every event kind; each kind uses its own subset.
#[derive(Default, Serialize, Deserialize)]
struct EventData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rapport: Option<Rapport>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    reinforce_interest: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    stage: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    topics: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    with: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    by: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<MessageKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    body: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    to: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<ChangeReason>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    real: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    deadline: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outcome: Option<Outcome>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

/// Refuses what this store cannot keep yet without losing it: format-2-only events (applied,
/// offer, note, away), a reply's `asks`, `respond_by` or `message_id`, a message's
/// `message_id`, and the process details (url, location, salary, notes).
pub(crate) fn check_storable(ops: &[Op]) -> Result<(), StoreError> {
    let refuse = |what: String| Err(StoreError::NotStorable(what));
    let event_problem = |event: &Event| -> Option<String> {
        match &event.kind {
            EventKind::Applied { .. }
            | EventKind::Offer { .. }
            | EventKind::Note { .. }
            | EventKind::Away { .. } => Some(format!("{} events", event.kind.type_name())),
            EventKind::Reply {
                asks,
                respond_by,
                message_id,
                ..
            } if *asks != Asks::Nothing || respond_by.is_some() || message_id.is_some() => {
                Some("a reply's asks, respond_by or message_id".to_owned())
            }
            EventKind::Sent {
                message_id: Some(_),
                ..
            } => Some("a message's message_id".to_owned()),
            _ => None,
        }
    };
    for op in ops {
        let (process, events): (Option<&Process>, &[Event]) = match op {
            Op::AddProcess(p) | Op::MergeProcess(p) => (Some(p), &p.events),
            Op::AddEvent { event, .. } => (None, std::slice::from_ref(event)),
        };
        if process.is_some_and(|p| !p.details.is_empty()) {
            return refuse("a process's url, location, salary or notes".to_owned());
        }
        if let Some(what) = events.iter().find_map(event_problem) {
            return refuse(what);
        }
    }
    Ok(())
}

/// The stored `type` and JSON payload of an event kind.
pub(crate) fn encode_event(kind: &EventKind) -> (&'static str, String) {
    let mut d = EventData::default();
    match kind.clone() {
        EventKind::Interview(i) => {
            d.rapport = Some(i.rapport);
            d.reinforce_interest = i.reinforce_interest;
            d.stage = i.stage;
            d.topics = i.topics;
            d.with = i.with;
        }
        EventKind::Promise { by, note } => {
            d.by = Some(by);
            d.note = note;
        }
        EventKind::Sent {
            kind,
            subject,
            body,
            to,
            message_id: _,
        } => {
            d.kind = Some(kind);
            d.subject = subject;
            d.body = body;
            d.to = to;
        }
        EventKind::Reply { body, from, .. } => {
            d.body = body;
            d.from = from;
        }
        EventKind::ContextChange {
            reason,
            real,
            deadline,
            note,
        } => {
            d.reason = Some(reason);
            d.real = real;
            d.deadline = deadline;
            d.note = note;
        }
        EventKind::Closed { outcome, note } => {
            d.outcome = Some(outcome);
            d.note = note;
        }
        EventKind::Reopened { note } => d.note = note,
        // Refused by `check_storable` before anything is written (issue 11 stores them).
        EventKind::Applied { .. }
        | EventKind::Offer { .. }
        | EventKind::Note { .. }
        | EventKind::Away { .. } => {}
    }
    // Serializing plain strings, dates and enums cannot fail.
    let json = serde_json::to_string(&d).unwrap_or_else(|_| "{}".to_owned());
    (kind.type_name(), json)
}

/// Reads back what [`encode_event`] wrote.
pub(crate) fn decode_event(type_name: &str, json: &str) -> Result<EventKind, StoreError> {
    let d: EventData = serde_json::from_str(json)
        .map_err(|e| StoreError::Data(format!("event payload {json:?}: {e}")))?;
    let missing = |field: &str| StoreError::Data(format!("{type_name} event without {field}"));
    Ok(match type_name {
        "interview" => EventKind::Interview(Interview {
            rapport: d.rapport.unwrap_or_default(),
            reinforce_interest: d.reinforce_interest,
            stage: d.stage,
            topics: d.topics,
            with: d.with,
        }),
        "promise" => EventKind::Promise {
            by: d.by.ok_or_else(|| missing("by"))?,
            note: d.note,
        },
        "sent" => EventKind::Sent {
            kind: d.kind.ok_or_else(|| missing("kind"))?,
            subject: d.subject,
            body: d.body,
            to: d.to,
            message_id: None,
        },
        "reply" => EventKind::Reply {
            body: d.body,
            from: d.from,
            asks: Asks::Nothing,
            respond_by: None,
            message_id: None,
        },
        "context-change" => EventKind::ContextChange {
            reason: d.reason.ok_or_else(|| missing("reason"))?,
            real: d.real,
            deadline: d.deadline,
            note: d.note,
        },
        "closed" => EventKind::Closed {
            outcome: d.outcome.ok_or_else(|| missing("outcome"))?,
            note: d.note,
        },
        "reopened" => EventKind::Reopened { note: d.note },
        other => return Err(StoreError::Data(format!("unknown event type {other:?}"))),
    })
}

/// The fields of [`EventData`] the advisor reads (see [`crate::for_advice`]); the others (bodies,
/// subjects, notes, ...) are skipped by the parser without being copied.
#[derive(Deserialize)]
struct AdviceData {
    #[serde(default)]
    rapport: Option<Rapport>,
    #[serde(default)]
    reinforce_interest: bool,
    #[serde(default)]
    stage: Option<String>,
    #[serde(default)]
    by: Option<Date>,
    #[serde(default)]
    kind: Option<MessageKind>,
    #[serde(default)]
    reason: Option<ChangeReason>,
    #[serde(default)]
    real: bool,
    #[serde(default)]
    deadline: Option<Date>,
    #[serde(default)]
    outcome: Option<Outcome>,
}

/// Reads what [`encode_event`] wrote, keeping only what the advisor reads: the event
/// [`decode_event`] returns with [`crate::for_advice`] applied, for less work.
pub(crate) fn decode_event_for_advice(
    type_name: &str,
    json: &str,
) -> Result<EventKind, StoreError> {
    let d: AdviceData = serde_json::from_str(json)
        .map_err(|e| StoreError::Data(format!("event payload {json:?}: {e}")))?;
    let missing = |field: &str| StoreError::Data(format!("{type_name} event without {field}"));
    Ok(match type_name {
        "interview" => EventKind::Interview(Interview {
            rapport: d.rapport.unwrap_or_default(),
            reinforce_interest: d.reinforce_interest,
            stage: d.stage,
            topics: Vec::new(),
            with: Vec::new(),
        }),
        "promise" => EventKind::Promise {
            by: d.by.ok_or_else(|| missing("by"))?,
            note: None,
        },
        "sent" => EventKind::Sent {
            kind: d.kind.ok_or_else(|| missing("kind"))?,
            subject: None,
            body: None,
            to: Vec::new(),
            message_id: None,
        },
        "reply" => EventKind::Reply {
            body: None,
            from: None,
            asks: Asks::Nothing,
            respond_by: None,
            message_id: None,
        },
        "context-change" => EventKind::ContextChange {
            reason: d.reason.ok_or_else(|| missing("reason"))?,
            real: d.real,
            deadline: d.deadline,
            note: None,
        },
        "closed" => EventKind::Closed {
            outcome: d.outcome.ok_or_else(|| missing("outcome"))?,
            note: None,
        },
        "reopened" => EventKind::Reopened { note: None },
        other => return Err(StoreError::Data(format!("unknown event type {other:?}"))),
    })
}

#[derive(Serialize, Deserialize)]
struct StoredContact {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    honorific: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
}

/// Contacts as a JSON array.
pub(crate) fn encode_contacts(contacts: &[Contact]) -> String {
    let stored: Vec<StoredContact> = contacts
        .iter()
        .map(|c| StoredContact {
            name: c.name.clone(),
            honorific: c.honorific.clone(),
            email: c.email.clone(),
            title: c.title.clone(),
        })
        .collect();
    serde_json::to_string(&stored).unwrap_or_else(|_| "[]".to_owned())
}

/// Reads back what [`encode_contacts`] wrote.
pub(crate) fn decode_contacts(json: &str) -> Result<Vec<Contact>, StoreError> {
    let stored: Vec<StoredContact> = serde_json::from_str(json)
        .map_err(|e| StoreError::Data(format!("contacts {json:?}: {e}")))?;
    Ok(stored
        .into_iter()
        .map(|c| Contact {
            name: c.name,
            honorific: c.honorific,
            email: c.email,
            title: c.title,
        })
        .collect())
}

/// Holidays as a JSON array of `YYYY-MM-DD`.
pub(crate) fn encode_holidays(holidays: &[Date]) -> String {
    serde_json::to_string(holidays).unwrap_or_else(|_| "[]".to_owned())
}

/// Reads back what [`encode_holidays`] wrote.
pub(crate) fn decode_holidays(json: &str) -> Result<Vec<Date>, StoreError> {
    // Most processes have none: no parser for the common case.
    if json == "[]" {
        return Ok(Vec::new());
    }
    serde_json::from_str(json).map_err(|e| StoreError::Data(format!("holidays {json:?}: {e}")))
}

/// An instant as (seconds, nanoseconds) since the Unix epoch.
pub(crate) fn split_instant(at: Timestamp) -> (i64, i32) {
    (at.as_second(), at.subsec_nanosecond())
}

/// Reads back what [`split_instant`] wrote.
pub(crate) fn join_instant(seconds: i64, nanos: i32) -> Result<Timestamp, StoreError> {
    Timestamp::new(seconds, nanos)
        .map_err(|e| StoreError::Data(format!("instant {seconds}.{nanos}: {e}")))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use followup_core::Event;
    use jiff::civil::date;

    #[test]
    fn every_kind_round_trips() {
        let kinds = [
            EventKind::Interview(Interview {
                rapport: Rapport::Personal,
                reinforce_interest: true,
                stage: Some("final".into()),
                topics: vec!["a".into(), "b".into()],
                with: vec!["Ana".into()],
            }),
            EventKind::Interview(Interview::default()),
            EventKind::Promise {
                by: date(2026, 5, 8),
                note: Some("n".into()),
            },
            EventKind::Sent {
                message_id: None,
                kind: MessageKind::FollowUp,
                subject: Some("s".into()),
                body: Some("b\n\"q\"".into()),
                to: vec!["x@y".into()],
            },
            EventKind::Reply {
                asks: Default::default(),
                message_id: None,
                respond_by: None,
                body: None,
                from: Some("Ana".into()),
            },
            EventKind::ContextChange {
                reason: ChangeReason::CompetingOffer,
                real: true,
                deadline: Some(date(2026, 6, 1)),
                note: None,
            },
            EventKind::ContextChange {
                reason: ChangeReason::AvailabilityChanged,
                real: false,
                deadline: None,
                note: None,
            },
            EventKind::Closed {
                outcome: Outcome::NoAnswer,
                note: None,
            },
            EventKind::Reopened { note: None },
        ];
        for kind in kinds {
            let (t, json) = encode_event(&kind);
            assert_eq!(decode_event(t, &json).unwrap(), kind, "{json}");
            let mut light = Event {
                id: None,
                at: Timestamp::UNIX_EPOCH,
                kind: kind.clone(),
            };
            let mut process = crate::tests::process("Acme", "Backend");
            process.events.push(light.clone());
            crate::for_advice(&mut process);
            light.kind = decode_event_for_advice(t, &json).unwrap();
            assert_eq!(process.events[0], light, "{json}");
        }
    }

    #[test]
    fn bad_payloads_are_data_errors() {
        assert!(matches!(
            decode_event("promise", "{}"),
            Err(StoreError::Data(_))
        ));
        assert!(matches!(
            decode_event("party", "{}"),
            Err(StoreError::Data(_))
        ));
        assert!(matches!(
            decode_event("reply", "not json"),
            Err(StoreError::Data(_))
        ));
        for (t, json) in [("promise", "{}"), ("party", "{}"), ("reply", "not json")] {
            assert!(matches!(
                decode_event_for_advice(t, json),
                Err(StoreError::Data(_))
            ));
        }
    }
}
