//! `followup calendar` over a tracker: the output read back with calcard (an independent
//! parser), `--out` replacing a file whole, and `calendar import` booking invitations.

use calcard::common::timezone::Tz;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarProperty, ICalendarValue,
};
use jiff::Timestamp;

use crate::tracker::Tracker;

const NOW: &str = "2026-03-26T09:00:00Z";

/// Act, respond, wait, booked interviews either side of Lisbon's 29 March change, a UTC
/// interview, and a closed process with a booked interview.
const FIXTURE: &str = r#"[
  {"id":"p-acme","handle":"acme-backend","company":"Acme","role":"Backend Engineer",
   "timezone":"Europe/Lisbon","events":[
   {"type":"interview","at":"2026-03-10T14:00:00"},
   {"type":"promise","at":"2026-03-10T15:00:00","by":"2026-03-20"}]},
  {"format":2,"id":"p-globex","handle":"globex-design","company":"Globex","role":"Product Designer",
   "timezone":"Europe/Lisbon","events":[
   {"type":"interview","at":"2026-03-16T10:00:00"},
   {"type":"reply","at":"2026-03-25T11:00:00","asks":"answer"}]},
  {"id":"p-hooli","handle":"hooli-data","company":"Hooli","role":"Data Engineer",
   "timezone":"Europe/Lisbon","events":[
   {"type":"interview","at":"2026-03-24T10:00:00"},
   {"type":"promise","at":"2026-03-24T11:00:00","by":"2026-04-03"}]},
  {"id":"p-initech","handle":"initech-sre","company":"Initech","role":"Site Reliability Engineer",
   "timezone":"Europe/Lisbon","events":[
   {"type":"interview","at":"2026-03-27T10:00:00","with":["Bill Lumbergh"],"stage":"technical"},
   {"type":"interview","at":"2026-03-31T10:00:00","with":["Peter Gibbons"]}]},
  {"id":"p-umbrella","handle":"umbrella-qa","company":"Umbrella","role":"QA Lead",
   "timezone":"UTC","events":[{"type":"interview","at":"2026-04-02T15:30:00"}]},
  {"id":"p-vandelay","handle":"vandelay-ops","company":"Vandelay","role":"Importer",
   "timezone":"Europe/Lisbon","events":[
   {"type":"interview","at":"2026-03-02T10:00:00"},
   {"type":"closed","at":"2026-03-05T10:00:00","outcome":"rejected"},
   {"type":"interview","at":"2026-04-01T10:00:00"}]}
]"#;

fn tracker() -> Tracker {
    let t = Tracker::new();
    let file = t.dir().join("fixture.json");
    std::fs::write(&file, FIXTURE).unwrap();
    t.ok(&["import", file.to_str().unwrap()]);
    t
}

fn read(text: &str) -> ICalendar {
    match calcard::Parser::new(text).entry() {
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

fn by_summary<'a>(calendar: &'a ICalendar, summary: &str) -> Vec<&'a ICalendarComponent> {
    events(calendar)
        .into_iter()
        .filter(|e| text(e, ICalendarProperty::Summary) == summary)
        .collect()
}

/// DTSTART's date, TZID and whether it is all day, as calcard reads them.
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

/// The start instant calcard computes from the event's TZID and the file's VTIMEZONE.
fn instant(calendar: &ICalendar, event: &ICalendarComponent) -> i64 {
    let index = calendar
        .components
        .iter()
        .position(|c| std::ptr::eq(c, event))
        .unwrap();
    let expanded = calendar.expand_dates(Tz::UTC, 100);
    expanded
        .events
        .iter()
        .find(|e| e.comp_id as usize == index)
        .map(|e| e.timestamps().0)
        .unwrap_or_else(|| panic!("calcard expanded no start: {:?}", expanded.errors))
}

fn seconds(at: &str) -> i64 {
    at.parse::<Timestamp>().unwrap().as_second()
}

fn uids(text: &str) -> Vec<String> {
    let calendar = read(text);
    let mut uids: Vec<String> = events(&calendar)
        .iter()
        .map(|e| self::text(e, ICalendarProperty::Uid))
        .collect();
    uids.sort();
    uids
}

#[test]
fn every_event_is_on_its_date_and_interviews_at_their_instant_across_dst() {
    let t = tracker();
    let out = t.ok(&["calendar", "--now", NOW]);
    assert!(
        out.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{out}"
    );
    for line in out.split("\r\n") {
        assert!(!line.contains('\n'), "a bare LF in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    assert!(out.contains("DTSTAMP:20260326T090000Z\r\n"));
    let calendar = read(&out);
    assert_eq!(events(&calendar).len(), 6, "{out}");

    let follow_up = by_summary(&calendar, "Follow up: Acme, Backend Engineer");
    assert_eq!(start(follow_up[0]), ("2026-03-23".into(), None, true));
    assert!(
        text(follow_up[0], ICalendarProperty::Description).contains("followup draft acme-backend")
    );
    assert_eq!(
        text(follow_up[0], ICalendarProperty::Uid),
        "p-acme.promise-passed.20260323@followup"
    );
    let answer = by_summary(&calendar, "Answer: Globex, Product Designer");
    assert_eq!(start(answer[0]), ("2026-03-25".into(), None, true));
    let wait = by_summary(&calendar, "Hooli: follow-up due");
    assert_eq!(start(wait[0]), ("2026-04-06".into(), None, true));

    let initech = by_summary(&calendar, "Interview: Initech, Site Reliability Engineer");
    assert_eq!(initech.len(), 2);
    let lisbon = Some("Europe/Lisbon".to_owned());
    assert_eq!(
        start(initech[0]),
        ("2026-03-27".into(), lisbon.clone(), false)
    );
    assert_eq!(
        instant(&calendar, initech[0]),
        seconds("2026-03-27T10:00:00Z")
    );
    assert_eq!(start(initech[1]), ("2026-03-31".into(), lisbon, false));
    assert_eq!(
        instant(&calendar, initech[1]),
        seconds("2026-03-31T09:00:00Z")
    );
    assert!(text(initech[0], ICalendarProperty::Description).contains("with Bill Lumbergh"));
    assert!(
        out.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Lisbon\r\n"),
        "{out}"
    );

    let umbrella = by_summary(&calendar, "Interview: Umbrella, QA Lead");
    assert_eq!(
        start(umbrella[0]).1,
        None,
        "a UTC process is written in UTC"
    );
    assert_eq!(
        instant(&calendar, umbrella[0]),
        seconds("2026-04-02T15:30:00Z")
    );

    assert!(
        !out.contains("Vandelay"),
        "a closed process has no events: {out}"
    );
}

#[test]
fn uids_are_stable_between_two_runs() {
    let t = tracker();
    let first = t.ok(&["calendar", "--now", NOW]);
    assert_eq!(
        first,
        t.ok(&["calendar", "--now", NOW]),
        "same input, same bytes"
    );
    let later = t.ok(&["calendar", "--now", "2026-03-26T10:00:00Z"]);
    assert!(later.contains("DTSTAMP:20260326T100000Z\r\n"));
    assert_eq!(uids(&first), uids(&later));
    let mut unique = uids(&first);
    unique.dedup();
    assert_eq!(unique.len(), 6);
}

#[test]
fn out_replaces_the_file_whole_and_a_new_one_is_private() {
    let t = tracker();
    let path = t.dir().join("followup.ics");
    let run = t
        .cmd(&["calendar", "--now", NOW, "--out", path.to_str().unwrap()])
        .assert()
        .success();
    let stderr = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("Wrote 6 events to"), "{stderr}");
    assert!(run.get_output().stdout.is_empty());
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, t.ok(&["calendar", "--now", NOW]));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let names: Vec<_> = std::fs::read_dir(t.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "{names:?}");

    let blocked = t.dir().join("fixture.json").join("x.ics");
    let err = t.fails(&["calendar", "--now", NOW, "--out", blocked.to_str().unwrap()]);
    assert!(err.contains("--out") && err.contains("hint:"), "{err}");
}

#[test]
fn an_empty_tracker_is_an_empty_calendar() {
    let t = Tracker::new();
    let out = t.ok(&["calendar", "--now", NOW]);
    assert!(events(&read(&out)).is_empty());
    assert!(out.ends_with("END:VCALENDAR\r\n"));
}

/// The feed URL's path and query from serve's second line, when it shows the token.
fn feed_path(server: &crate::serve::Server) -> String {
    let line = &server.feed_line;
    let url = line
        .strip_prefix("Calendar feed: ")
        .unwrap_or_else(|| panic!("{line}"));
    url.strip_prefix(&server.origin).unwrap().to_owned()
}

#[test]
fn serve_prints_the_feed_on_its_second_line_and_rotation_revokes_the_old_token() {
    use crate::serve::{Server, get};
    let t = tracker();
    let db = t.db();
    let args = ["--db", db.to_str().unwrap(), "--now", NOW];
    let server = Server::start(t.dir(), &args);
    let path = feed_path(&server);
    assert!(path.starts_with("/calendar.ics?feed="), "{path}");
    let reply = get(server.addr, &path, None);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(
        reply.header("content-type"),
        Some("text/calendar; charset=utf-8")
    );
    assert_eq!(
        reply.body,
        t.ok(&["calendar", "--now", NOW]),
        "the feed is `followup calendar`"
    );
    assert_eq!(get(server.addr, "/calendar.ics", None).status, 401);
    drop(server);

    // The token is stored hashed: a later start cannot show it, and says how to get a new one.
    let stored = std::fs::read(&db).unwrap();
    let token = path.rsplit('=').next().unwrap();
    assert!(!stored.windows(token.len()).any(|w| w == token.as_bytes()));
    let again = Server::start(t.dir(), &args);
    assert!(
        again.feed_line.contains("--rotate-feed-token"),
        "{}",
        again.feed_line
    );
    assert!(!again.feed_line.contains(token));
    assert_eq!(
        get(again.addr, &path, None).status,
        200,
        "the old token still works"
    );
    drop(again);

    let mut rotated_args = args.to_vec();
    rotated_args.push("--rotate-feed-token");
    let rotated = Server::start(t.dir(), &rotated_args);
    let new_path = feed_path(&rotated);
    assert_ne!(new_path, path);
    assert_eq!(
        get(rotated.addr, &path, None).status,
        401,
        "rotation revokes the old token"
    );
    assert_eq!(get(rotated.addr, &new_path, None).status, 200);
}
