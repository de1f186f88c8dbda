use super::*;
use crate::process::{MessageKind, TimezoneSource};
use jiff::tz::TimeZoneDatabase;

fn utc_default() -> ZoneDefault {
    ZoneDefault {
        name: "UTC".into(),
        zone: TimeZone::UTC,
        source: TimezoneSource::System,
    }
}

fn parse(text: &str) -> Result<Process, DocumentError> {
    parse_document(text, &TimeZoneDatabase::bundled(), &utc_default())
}

fn err(text: &str) -> String {
    parse(text).unwrap_err().to_string()
}

const EXAMPLE: &str = r#"{
  "format": 1, "id": "p1", "handle": "acme-backend",
  "company": "Acme", "role": "Backend Engineer", "timezone": "America/Sao_Paulo",
  "contacts": [{ "name": "Ana Souza", "honorific": "Ms.", "email": "ana@acme.example", "title": "Recruiter" }],
  "holidays": ["2026-05-01"],
  "events": [
    { "type": "reply", "at": "2026-05-12T11:00:00", "body": "..." },
    { "type": "interview", "at": "2026-05-05T14:00:00", "rapport": "formal", "topics": ["event sourcing"] },
    { "type": "promise", "at": "2026-05-05T15:00:00", "by": "2026-05-08" },
    { "type": "sent", "at": "2026-05-11T10:00:00Z", "kind": "follow-up", "subject": "s", "body": "b" },
    { "type": "context-change", "at": "2026-05-12T12:00:00", "reason": "competing-offer", "real": true, "deadline": "2026-05-20" },
    { "type": "closed", "at": "2026-05-30T12:00:00", "outcome": "no-answer" },
    { "type": "reopened", "at": "2026-05-31T12:00:00", "id": "e7" }
  ]
}"#;

#[test]
fn reads_every_event_type_and_sorts_by_time() {
    let p = parse(EXAMPLE).unwrap();
    assert_eq!(p.company, "Acme");
    assert_eq!(p.timezone_source, TimezoneSource::Document);
    let types: Vec<_> = p.events.iter().map(|e| e.kind.type_name()).collect();
    assert_eq!(
        types,
        [
            "interview",
            "promise",
            "sent",
            "reply",
            "context-change",
            "closed",
            "reopened"
        ]
    );
    assert_eq!(p.events[0].at.to_string(), "2026-05-05T17:00:00Z");
    assert!(matches!(
        p.events[2].kind,
        EventKind::Sent {
            kind: MessageKind::FollowUp,
            ..
        }
    ));
    assert_eq!(p.events[6].id.as_deref(), Some("e7"));
}

#[test]
fn round_trips_through_to_document() {
    let p = parse(EXAMPLE).unwrap();
    let doc = to_document(&p);
    let again = parse(&doc.to_string()).unwrap();
    assert_eq!(p.events, again.events);
    assert_eq!(p.contacts, again.contacts);
    assert_eq!(p.holidays, again.holidays);
    assert_eq!(to_document(&again), doc);
}

#[test]
fn ties_keep_document_order() {
    let p = parse(
        r#"{"company":"A","role":"R","events":[
        {"type":"sent","at":"2026-05-11T10:00","kind":"other"},
        {"type":"reply","at":"2026-05-11T10:00"}]}"#,
    )
    .unwrap();
    assert_eq!(p.events[0].kind.type_name(), "sent");
    assert_eq!(p.timezone_source, TimezoneSource::System);
}

#[test]
fn misspelled_kind_names_the_path() {
    let e = err(r#"{"company":"A","role":"R","events":[
        {"type":"interview","at":"2026-05-05T14:00"},
        {"type":"sent","at":"2026-05-11T10:00","kind":"folow-up"}]}"#);
    assert!(
        e.starts_with("events[1].kind: unknown value \"folow-up\", expected one of"),
        "{e}"
    );
}

#[test]
fn unknown_type_field_and_zone_are_errors() {
    let e =
        err(r#"{"company":"A","role":"R","events":[{"type":"lunch","at":"2026-05-05T14:00"}]}"#);
    assert!(
        e.starts_with("events[0].type: unknown value \"lunch\""),
        "{e}"
    );
    let e = err(
        r#"{"company":"A","role":"R","events":[{"type":"reply","at":"2026-05-05T14:00","mood":"x"}]}"#,
    );
    assert!(
        e.starts_with("events[0].mood: unknown field \"mood\""),
        "{e}"
    );
    let e = err(r#"{"company":"A","role":"R","colour":1,"events":[]}"#);
    assert!(e.starts_with("colour: unknown field \"colour\""), "{e}");
    let e = err(r#"{"company":"A","role":"R","timezone":"Mars/Olympus","events":[]}"#);
    assert!(e.starts_with("timezone: unknown time zone"), "{e}");
    let e = err(r#"{"company":"A","role":"R","contacts":[{"email":"x"}],"events":[]}"#);
    assert!(e.starts_with("contacts[0]: missing field \"name\""), "{e}");
}

#[test]
fn impossible_dates_and_times_are_errors() {
    let e = err(
        r#"{"company":"A","role":"R","events":[{"type":"promise","at":"2026-05-05T14:00","by":"2026-02-30"}]}"#,
    );
    assert!(e.starts_with("events[0].by: "), "{e}");
    let e =
        err(r#"{"company":"A","role":"R","events":[{"type":"reply","at":"2026-05-05 25:00"}]}"#);
    assert!(e.starts_with("events[0].at: "), "{e}");
    let e = err(r#"{"company":"A","role":"R","holidays":["May 1"],"events":[]}"#);
    assert!(e.starts_with("holidays[0]: "), "{e}");
    let e = err(
        r#"{"company":"A","role":"R","timezone":"America/New_York","events":[{"type":"reply","at":"2026-03-08T02:30"}]}"#,
    );
    assert!(e.contains("does not exist"), "{e}");
}

#[test]
fn promise_before_it_was_made_is_an_error() {
    let e = err(
        r#"{"company":"A","role":"R","events":[{"type":"promise","at":"2026-05-05T14:00","by":"2026-05-04"}]}"#,
    );
    assert!(
        e.starts_with("events[0].by: the promised date 2026-05-04 is before"),
        "{e}"
    );
}

#[test]
fn malformed_json_names_the_line() {
    let e = err("{\n\"company\": \"A\",\n\"role\": }");
    assert!(e.starts_with("line 3 column"), "{e}");
    let e = err(
        r#"{"company":"A","role":"R","events":[{"type":"reply","at":"2026-05-05T14:00"}], "format": 3}"#,
    );
    assert!(e.starts_with("format: unsupported format 3"), "{e}");
    let e = err(r#"{"company":" ","role":"R","events":[]}"#);
    assert_eq!(e, "company: must not be empty");
    let e = err(r#"{"role":"R","events":[]}"#);
    assert!(e.starts_with("document: missing field \"company\""), "{e}");
    let e = err(r#"{"company":"A","role":"R","events":[3]}"#);
    assert!(
        e.starts_with("events[0]: each event must be an object"),
        "{e}"
    );
}
