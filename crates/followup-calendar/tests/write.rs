//! The calendar of a fixture of processes (act, respond, wait, booked interviews across a
//! DST change, closed), read back with calcard, an independent parser.

use calcard::common::timezone::Tz;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarProperty, ICalendarValue,
};
use followup_calendar::{Entry, PRODID, write_calendar};
use followup_core::{Policy, Process, ZoneDefault, advise, parse_document};
use jiff::Timestamp;
use jiff::tz::{TimeZone, TimeZoneDatabase};

const NOW: &str = "2026-03-26T09:00:00Z";

fn process(json: &str) -> Process {
    let default = ZoneDefault {
        name: "UTC".into(),
        zone: TimeZone::UTC,
        source: followup_core::TimezoneSource::System,
    };
    match parse_document(json, &TimeZoneDatabase::bundled(), &default) {
        Ok(process) => process,
        Err(err) => panic!("fixture: {err}"),
    }
}

fn fixture() -> Vec<Process> {
    [
        // Follow-up due Monday 23 March (promise Friday 20).
        r#"{"id":"p-acme","handle":"acme-backend","company":"Acme","role":"Backend Engineer",
            "timezone":"Europe/Lisbon","events":[
            {"type":"interview","at":"2026-03-10T14:00:00"},
            {"type":"promise","at":"2026-03-10T15:00:00","by":"2026-03-20"}]}"#,
        // They asked a question on Wednesday 25 March: answer.
        r#"{"format":2,"id":"p-globex","handle":"globex-design","company":"Globex","role":"Product Designer",
            "timezone":"Europe/Lisbon","events":[
            {"type":"interview","at":"2026-03-16T10:00:00"},
            {"type":"reply","at":"2026-03-25T11:00:00","asks":"answer"}]}"#,
        // Promise for Friday 3 April: wait until Monday 6 April.
        r#"{"id":"p-hooli","handle":"hooli-data","company":"Hooli","role":"Data Engineer",
            "timezone":"Europe/Lisbon","events":[
            {"type":"interview","at":"2026-03-24T10:00:00"},
            {"type":"promise","at":"2026-03-24T11:00:00","by":"2026-04-03"}]}"#,
        // Two interviews booked at 10:00 Lisbon time, either side of the 29 March change.
        r#"{"id":"p-initech","handle":"initech-sre","company":"Initech","role":"Site Reliability Engineer",
            "timezone":"Europe/Lisbon","events":[
            {"type":"interview","at":"2026-03-27T10:00:00","with":["Bill Lumbergh"],"stage":"technical"},
            {"type":"interview","at":"2026-03-31T10:00:00","with":["Peter Gibbons","Milton W."]}]}"#,
        // A booked interview in a UTC process: written in UTC.
        r#"{"id":"p-umbrella","handle":"umbrella-qa","company":"Umbrella","role":"QA Lead",
            "timezone":"UTC","events":[
            {"type":"interview","at":"2026-04-02T15:30:00"}]}"#,
        // Closed: nothing, not even its booked interview.
        r#"{"id":"p-vandelay","handle":"vandelay-ops","company":"Vandelay","role":"Importer",
            "timezone":"Europe/Lisbon","events":[
            {"type":"interview","at":"2026-03-02T10:00:00"},
            {"type":"closed","at":"2026-03-05T10:00:00","outcome":"rejected"},
            {"type":"interview","at":"2026-04-01T10:00:00"}]}"#,
    ]
    .iter()
    .map(|json| process(json))
    .collect()
}

fn calendar_at(now: &str) -> String {
    let now: Timestamp = now.parse().unwrap_or_default();
    let entries: Vec<Entry> = fixture()
        .iter()
        .map(|p| Entry::of(p, advise(p, &Policy::default(), now), now))
        .collect();
    write_calendar(&entries, now)
}

fn read(text: &str) -> ICalendar {
    match // calcard's strict mode refuses every nested BEGIN (0.3.14), so read tolerantly.
    calcard::Parser::new(text).entry() {
        calcard::Entry::ICalendar(calendar) => calendar,
        other => panic!("calcard could not read the calendar: {other:?}"),
    }
}

fn events(calendar: &ICalendar) -> Vec<&ICalendarComponent> {
    calendar
        .components
        .iter()
        .filter(|c| c.component_type == ICalendarComponentType::VEvent)
        .collect()
}

fn text(event: &ICalendarComponent, property: ICalendarProperty) -> String {
    event
        .property(&property)
        .and_then(|e| e.values.first())
        .and_then(ICalendarValue::as_text)
        .unwrap_or_default()
        .to_owned()
}

fn by_summary<'a>(calendar: &'a ICalendar, summary: &str) -> &'a ICalendarComponent {
    let found: Vec<_> = events(calendar)
        .into_iter()
        .filter(|e| text(e, ICalendarProperty::Summary) == summary)
        .collect();
    assert_eq!(found.len(), 1, "one event named {summary:?}");
    found[0]
}

/// DTSTART as calcard reads it: its raw value and its TZID, if any.
fn start(event: &ICalendarComponent) -> (String, Option<String>, bool) {
    let entry = event.property(&ICalendarProperty::Dtstart);
    let value = entry
        .and_then(|e| e.values.first())
        .and_then(|v| match v {
            ICalendarValue::PartialDateTime(dt) => Some(dt.as_ref().clone()),
            _ => None,
        })
        .unwrap_or_default();
    let date = format!(
        "{:04}-{:02}-{:02}",
        value.year.unwrap_or(0),
        value.month.unwrap_or(0),
        value.day.unwrap_or(0)
    );
    (
        date,
        entry.and_then(|e| e.tz_id()).map(str::to_owned),
        value.hour.is_none(),
    )
}

/// Each event's start instant (seconds) as calcard computes it from the TZIDs.
fn instant(calendar: &ICalendar, event: &ICalendarComponent) -> i64 {
    let index = calendar
        .components
        .iter()
        .position(|c| std::ptr::eq(c, event))
        .unwrap_or(usize::MAX);
    let expanded = calendar.expand_dates(Tz::UTC, 100);
    let found = expanded
        .events
        .iter()
        .find(|e| e.comp_id as usize == index)
        .map(|e| e.timestamps().0);
    found.unwrap_or_else(|| panic!("calcard expanded no start: {:?}", expanded.errors))
}

fn seconds(at: &str) -> i64 {
    at.parse::<Timestamp>().map(|t| t.as_second()).unwrap_or(0)
}

#[test]
fn the_calendar_is_rfc_5545_text() {
    let text = calendar_at(NOW);
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{text}"
    );
    assert!(text.contains(&format!("\r\nPRODID:{PRODID}\r\n")));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(!line.contains('\n'), "a bare LF in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    // Every line folded by the writer: long descriptions are there.
    assert!(text.contains("\r\n "), "expected folded lines");
    let calendar = read(&text);
    assert_eq!(events(&calendar).len(), 6, "{text}");
}

#[test]
fn actions_and_waits_are_all_day_events_on_their_dates() {
    let calendar = read(&calendar_at(NOW));

    let follow_up = by_summary(&calendar, "Follow up: Acme, Backend Engineer");
    assert_eq!(start(follow_up), ("2026-03-23".into(), None, true));
    let description = text(follow_up, ICalendarProperty::Description);
    assert!(
        description.contains("promised an answer by Friday 20 March, and that day has passed."),
        "{description}"
    );
    assert!(
        description.contains("followup draft acme-backend"),
        "{description}"
    );
    assert_eq!(
        text(follow_up, ICalendarProperty::Uid),
        "p-acme.promise-passed.20260323@followup"
    );

    let answer = by_summary(&calendar, "Answer: Globex, Product Designer");
    assert_eq!(start(answer), ("2026-03-25".into(), None, true));
    assert!(text(answer, ICalendarProperty::Description).contains("followup show globex-design"));

    let wait = by_summary(&calendar, "Hooli: follow-up due");
    assert_eq!(start(wait), ("2026-04-06".into(), None, true));

    // An all-day event ends the next day (DTEND is exclusive).
    let raw = calendar_at(NOW);
    assert!(raw.contains("DTSTART;VALUE=DATE:20260406\r\n"), "{raw}");
    assert!(raw.contains("DTEND;VALUE=DATE:20260407\r\n"), "{raw}");
}

#[test]
fn interviews_are_at_the_right_instant_across_a_dst_change() {
    let calendar = read(&calendar_at(NOW));
    let initech: Vec<_> = events(&calendar)
        .into_iter()
        .filter(|e| {
            text(e, ICalendarProperty::Summary) == "Interview: Initech, Site Reliability Engineer"
        })
        .collect();
    assert_eq!(initech.len(), 2);
    // 10:00 in Lisbon is 10:00 UTC before 29 March and 09:00 UTC after.
    assert_eq!(
        start(initech[0]),
        ("2026-03-27".into(), Some("Europe/Lisbon".into()), false)
    );
    assert_eq!(
        instant(&calendar, initech[0]),
        seconds("2026-03-27T10:00:00Z")
    );
    assert_eq!(
        start(initech[1]),
        ("2026-03-31".into(), Some("Europe/Lisbon".into()), false)
    );
    assert_eq!(
        instant(&calendar, initech[1]),
        seconds("2026-03-31T09:00:00Z")
    );
    let description = text(initech[0], ICalendarProperty::Description);
    assert!(
        description.contains("Interview (technical) with Bill Lumbergh"),
        "{description}"
    );

    let umbrella = by_summary(&calendar, "Interview: Umbrella, QA Lead");
    assert_eq!(start(umbrella).1, None, "a UTC process is written in UTC");
    assert_eq!(
        instant(&calendar, umbrella),
        seconds("2026-04-02T15:30:00Z")
    );
}

#[test]
fn the_vtimezone_gives_the_offset_in_force_at_each_interview() {
    let text = calendar_at(NOW);
    let calendar = read(&text);
    let zones: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| c.component_type == ICalendarComponentType::VTimezone)
        .collect();
    assert_eq!(zones.len(), 1, "one VTIMEZONE, for Europe/Lisbon: {text}");
    assert_eq!(text_of_tzid(zones[0]), "Europe/Lisbon");
    // The observances, in order: (local start, offset to), read by calcard.
    let mut observances: Vec<(String, String)> = zones[0]
        .component_ids
        .iter()
        .filter_map(|&id| calendar.components.get(id as usize))
        .map(|o| {
            let start = o
                .property(&ICalendarProperty::Dtstart)
                .and_then(|e| e.values.first())
                .and_then(|v| match v {
                    ICalendarValue::PartialDateTime(dt) => dt.to_date_time(),
                    _ => None,
                })
                .map(|dt| dt.date_time.format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default();
            let to = o
                .property(&ICalendarProperty::Tzoffsetto)
                .and_then(|e| e.values.first())
                .map(|v| format!("{v:?}"))
                .unwrap_or_default();
            (start, to)
        })
        .collect();
    observances.sort();
    assert_eq!(observances.len(), 2, "{observances:?}");
    // Before the first interview: winter time from October 2025; then summer time.
    assert!(
        observances[0].0.starts_with("2025-10-26"),
        "{observances:?}"
    );
    assert!(
        observances[1].0.starts_with("2026-03-29T01:00"),
        "{observances:?}"
    );
    assert!(text.contains(
        "BEGIN:DAYLIGHT\r\nDTSTART:20260329T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\n"
    ));
    // No DTSTAMP or UID leaks into the time zone.
    let block =
        &text[text.find("BEGIN:VTIMEZONE").unwrap_or(0)..text.find("END:VTIMEZONE").unwrap_or(0)];
    assert!(
        !block.contains("DTSTAMP") && !block.contains("UID"),
        "{block}"
    );
}

fn text_of_tzid(zone: &ICalendarComponent) -> String {
    text(zone, ICalendarProperty::Tzid)
}

#[test]
fn closed_processes_have_no_events() {
    let text = calendar_at(NOW);
    assert!(!text.contains("Vandelay"), "{text}");
}

#[test]
fn uids_are_stable_and_dtstamp_comes_from_now() {
    let first = calendar_at(NOW);
    assert_eq!(first, calendar_at(NOW), "same input, same bytes");
    assert!(first.contains("DTSTAMP:20260326T090000Z\r\n"));

    let uids = |text: &str| -> Vec<String> {
        let calendar = read(text);
        let mut uids: Vec<String> = events(&calendar).iter().map(|e| text_uid(e)).collect();
        uids.sort();
        uids
    };
    // An hour later nothing changed but the stamp: the same UIDs.
    let later = calendar_at("2026-03-26T10:00:00Z");
    assert!(later.contains("DTSTAMP:20260326T100000Z\r\n"));
    assert_eq!(uids(&first), uids(&later));
    assert_eq!(uids(&first).len(), 6);
    let mut unique = uids(&first);
    unique.dedup();
    assert_eq!(unique.len(), 6, "UIDs are unique");
}

fn text_uid(event: &ICalendarComponent) -> String {
    text(event, ICalendarProperty::Uid)
}

#[test]
fn an_empty_calendar_is_still_valid() {
    let text = write_calendar(&[], Timestamp::UNIX_EPOCH);
    let calendar = read(&text);
    assert!(events(&calendar).is_empty());
    assert!(text.contains("VERSION:2.0\r\n"));
}

#[test]
fn long_lines_fold_at_75_octets_without_splitting_a_character() {
    let p = process(
        r#"{"id":"p-soc","handle":"societe-generale","company":"Société Générale — Ærøskøbing Øresund Ünïcödé Çà",
            "role":"Ingénieure logicielle principale, équipe des paiements transfrontaliers 🚀",
            "timezone":"Europe/Paris","events":[
            {"type":"interview","at":"2026-03-10T14:00:00"},
            {"type":"promise","at":"2026-03-10T15:00:00","by":"2026-03-20"}]}"#,
    );
    let now: Timestamp = NOW.parse().unwrap_or_default();
    let entry = Entry::of(&p, advise(&p, &Policy::default(), now), now);
    let text = write_calendar(&[entry], now);
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let calendar = read(&text);
    let summary = text_of_event(events(&calendar)[0], ICalendarProperty::Summary);
    assert_eq!(
        summary,
        "Follow up: Société Générale — Ærøskøbing Øresund Ünïcödé Çà, Ingénieure logicielle principale, équipe des paiements transfrontaliers 🚀"
    );
}

fn text_of_event(event: &ICalendarComponent, property: ICalendarProperty) -> String {
    text(event, property)
}

#[test]
fn an_upcoming_interview_advice_alone_gives_its_local_time() {
    let p = &fixture()[3];
    let now: Timestamp = NOW.parse().unwrap_or_default();
    let mut entry = Entry::of(p, advise(p, &Policy::default(), now), now);
    entry.booked.clear();
    let calendar = read(&write_calendar(&[entry], now));
    let only = events(&calendar);
    assert_eq!(only.len(), 1);
    assert_eq!(instant(&calendar, only[0]), seconds("2026-03-27T10:00:00Z"));
    assert_eq!(
        text(only[0], ICalendarProperty::Uid),
        "p-initech.interview.20260327T100000Z@followup",
        "the same UID as when the interview is passed in"
    );
}
