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

const FORMAT_2: &str = r#"{
  "format": 2, "company": "Globex", "role": "Designer", "timezone": "Europe/Lisbon",
  "url": "https://globex.example/jobs/7", "location": "Lisbon", "salary": "€60k", "notes": "hybrid",
  "events": [
    { "type": "applied", "at": "2026-05-01T09:00", "url": "https://globex.example/jobs/7", "source": "LinkedIn", "note": "n" },
    { "type": "interview", "at": "2026-05-05T14:00" },
    { "type": "reply", "at": "2026-05-06T10:00", "asks": "schedule", "respond_by": "2026-05-08", "message_id": "<a@globex>" },
    { "type": "sent", "at": "2026-05-06T12:00", "kind": "reply", "message_id": "<b@me>" },
    { "type": "offer", "at": "2026-05-12T10:00", "deadline": "2026-05-15", "note": "base + bonus", "message_id": "<c@globex>" },
    { "type": "note", "at": "2026-05-12T11:00", "text": "ask about remote days" },
    { "type": "away", "at": "2026-05-13T08:00", "until": "2026-05-17" },
    { "type": "sent", "at": "2026-05-14T12:00", "kind": "withdraw" },
    { "type": "reply", "at": "2026-05-14T13:00" }
  ]
}"#;

#[test]
fn format_2_round_trips_and_format_1_still_reads() {
    let p = parse(FORMAT_2).unwrap();
    assert_eq!(p.details.location.as_deref(), Some("Lisbon"));
    assert!(matches!(
        p.events[2].kind,
        EventKind::Reply {
            asks: crate::process::Asks::Schedule,
            respond_by: Some(_),
            ..
        }
    ));
    let doc = to_document(&p);
    assert_eq!(doc["format"], 2);
    // `asks` is written only when the reply asks something.
    assert!(doc["events"][8].get("asks").is_none(), "{doc}");
    let again = parse(&doc.to_string()).unwrap();
    assert_eq!(p.events, again.events);
    assert_eq!(p.details, again.details);
    assert_eq!(to_document(&again), doc);
    // A format 1 document reads the same when it says format 2.
    let one = EXAMPLE.replace("\"format\": 1", "\"format\": 2");
    assert_eq!(parse(EXAMPLE).unwrap().events, parse(&one).unwrap().events);
}

#[test]
fn dates_before_their_event_and_unknown_asks_are_errors() {
    let doc = |event: &str| format!(r#"{{"company":"A","role":"R","events":[{event}]}}"#);
    let e = err(&doc(
        r#"{"type":"reply","at":"2026-05-05T14:00","asks":"answer","respond_by":"2026-05-04"}"#,
    ));
    assert!(
        e.starts_with("events[0].respond_by: the date to answer by 2026-05-04 is before"),
        "{e}"
    );
    let e = err(&doc(
        r#"{"type":"offer","at":"2026-05-05T14:00","deadline":"2026-05-01"}"#,
    ));
    assert!(
        e.starts_with("events[0].deadline: the offer's deadline"),
        "{e}"
    );
    let e = err(&doc(
        r#"{"type":"away","at":"2026-05-05T14:00","until":"2026-05-04"}"#,
    ));
    assert!(e.starts_with("events[0].until: the last day away"), "{e}");
    let e = err(&doc(r#"{"type":"away","at":"2026-05-05T14:00"}"#));
    assert!(e.starts_with("events[0]: missing field \"until\""), "{e}");
    let e = err(&doc(r#"{"type":"note","at":"2026-05-05T14:00"}"#));
    assert!(e.starts_with("events[0]: missing field \"text\""), "{e}");
    let e = err(&doc(
        r#"{"type":"reply","at":"2026-05-05T14:00","asks":"money"}"#,
    ));
    assert!(
        e.starts_with("events[0].asks: unknown value \"money\", expected one of \"nothing\", \"answer\", \"schedule\", \"assignment\""),
        "{e}"
    );
    // The same day is fine.
    parse(&doc(
        r#"{"type":"offer","at":"2026-05-05T14:00","deadline":"2026-05-05"}"#,
    ))
    .unwrap();
}

#[test]
fn the_example_of_docs_format_md_reads() {
    let text = include_str!("../../../../docs/format.md");
    let start = text.find("```json\n").unwrap() + "```json\n".len();
    let end = start + text[start..].find("```").unwrap();
    let p = parse(&text[start..end]).unwrap();
    assert_eq!(p.events.len(), 6);
}
