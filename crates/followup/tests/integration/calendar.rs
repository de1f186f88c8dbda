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

/// The invitations of the calendar crate's tests, written here in the shapes Google Calendar,
/// Outlook (Exchange) and Zoom send.
fn invitation(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../followup-calendar/tests/invitations")
        .join(name);
    path.to_str().unwrap().to_owned()
}

const INVITED: &str = r#"[
  {"id":"p-initech","handle":"initech-sre","company":"Initech","role":"Site Reliability Engineer",
   "timezone":"America/New_York",
   "contacts":[{"name":"Ana Souza","email":"ana.souza@initech.example"}],
   "events":[{"type":"interview","at":"2026-03-02T10:00:00"}]},
  {"id":"p-globex","handle":"globex-design","company":"Globex","role":"Product Designer",
   "timezone":"Europe/Berlin",
   "contacts":[{"name":"Globex HR","email":"hr@globex.example"}],
   "events":[{"type":"interview","at":"2026-03-16T10:00:00"}]},
  {"id":"p-hooli","handle":"hooli-data","company":"Hooli","role":"Data Engineer",
   "timezone":"UTC","events":[{"type":"interview","at":"2026-03-02T10:00:00"}]}
]"#;

fn invited() -> Tracker {
    let t = Tracker::new();
    let file = t.dir().join("invited.json");
    std::fs::write(&file, INVITED).unwrap();
    t.ok(&["import", file.to_str().unwrap()]);
    t
}

/// An interview as the export has it: (instant, with, invitation uid, sequence).
type Booked = (i64, Vec<String>, Option<String>, Option<u64>);

/// The interviews of `handle` in the export.
fn interviews(t: &Tracker, handle: &str) -> Vec<Booked> {
    let export: serde_json::Value = serde_json::from_str(&t.ok(&["export"])).unwrap();
    let process = export
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["handle"] == handle)
        .unwrap()
        .clone();
    process["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "interview")
        .map(|e| {
            let at: Timestamp = e["at"].as_str().unwrap().parse().unwrap();
            let with = e["with"]
                .as_array()
                .map(|w| w.iter().map(|n| n.as_str().unwrap().to_owned()).collect())
                .unwrap_or_default();
            (
                at.as_second(),
                with,
                e["invitation_uid"].as_str().map(str::to_owned),
                e["invitation_sequence"].as_u64(),
            )
        })
        .collect()
}

const GOOGLE_UID: &str = "4kq8v0m2b1c9d7e6f5a3h2g1j0@google.com";

#[test]
fn a_google_invite_books_then_updates_then_cancels_the_interview() {
    let t = invited();
    let me = [
        "--me",
        "Maria.Silva@gmail.com",
        "--now",
        "2026-03-03T09:00:00Z",
    ];
    let mut args = vec!["calendar", "import"];
    let request = invitation("google-request.ics");
    args.push(&request);
    args.extend(me);
    let out = t.ok(&args);
    assert!(out.starts_with("Booked in initech-sre: interview on Tuesday 10 March 2026 at 14:00 (America/New_York), with Bruno Lima"), "{out}");
    assert!(
        out.contains("ana.souza@initech.example is its contact"),
        "{out}"
    );
    let booked = interviews(&t, "initech-sre");
    assert_eq!(booked.len(), 2);
    assert_eq!(
        booked[1],
        (
            seconds("2026-03-10T18:00:00Z"),
            vec!["Bruno Lima".to_owned()],
            Some(GOOGLE_UID.to_owned()),
            Some(0)
        )
    );
    // It is in the calendar, at its instant (New York changed to summer time on 8 March).
    let calendar = read(&t.ok(&["calendar", "--now", "2026-03-03T09:00:00Z"]));
    let event = by_summary(&calendar, "Interview: Initech, Site Reliability Engineer");
    assert_eq!(event.len(), 1);
    assert_eq!(
        instant(&calendar, event[0]),
        seconds("2026-03-10T18:00:00Z")
    );

    // The same invitation again changes nothing.
    assert!(t.ok(&args).starts_with("Unchanged in initech-sre"));
    assert_eq!(interviews(&t, "initech-sre").len(), 2);

    // The update (SEQUENCE 1) moves it to Thursday 12 March, 16:00 in New York.
    let update = invitation("google-update.ics");
    args[2] = &update;
    let out = t.ok(&args);
    assert!(
        out.starts_with(
            "Updated in initech-sre: the interview is now on Thursday 12 March 2026 at 16:00"
        ),
        "{out}"
    );
    let booked = interviews(&t, "initech-sre");
    assert_eq!(booked.len(), 2, "replaced, not added");
    assert_eq!(booked[1].0, seconds("2026-03-12T20:00:00Z"));
    assert_eq!(booked[1].3, Some(1));
    // The older request, read again, does not undo the update.
    args[2] = &request;
    assert!(t.ok(&args).starts_with("Unchanged"));
    assert_eq!(interviews(&t, "initech-sre")[1].3, Some(1));

    // The cancellation (METHOD:CANCEL, SEQUENCE 2) removes it.
    let cancel = invitation("google-cancel.ics");
    args[2] = &cancel;
    let out = t.ok(&args);
    assert!(out.starts_with("Cancelled in initech-sre"), "{out}");
    assert_eq!(interviews(&t, "initech-sre").len(), 1);
    assert!(t.ok(&args).starts_with("Nothing to cancel in initech-sre"));

    // Each import was one change: undo brings the cancelled interview back.
    t.ok(&["undo"]);
    assert_eq!(interviews(&t, "initech-sre")[1].3, Some(1));
}

#[test]
fn an_outlook_invite_with_a_windows_zone_matches_by_domain_and_adds_the_organizer() {
    let t = invited();
    let outlook = invitation("outlook-request.ics");
    let json = t.json(&[
        "calendar",
        "import",
        &outlook,
        "--me",
        "maria@silva.example",
    ]);
    assert_eq!(json["outcome"], "booked");
    assert_eq!(json["match"]["by"], "domain");
    assert_eq!(json["match"]["handle"], "globex-design");
    assert_eq!(json["start"], "2026-03-30T09:30:00+02:00");
    assert_eq!(json["new_contact"], "Weber, Jonas");
    let booked = interviews(&t, "globex-design");
    assert_eq!(booked[1].0, seconds("2026-03-30T07:30:00Z"));
    assert_eq!(booked[1].1, ["Lena Fischer"]);
    let export: serde_json::Value = serde_json::from_str(&t.ok(&["export"])).unwrap();
    let contacts = &export[1]["contacts"];
    assert_eq!(
        contacts[1]["email"], "jonas.weber@globex.example",
        "{contacts}"
    );
}

#[test]
fn an_invite_without_method_in_utc_matches_the_company_named_in_its_title() {
    let t = invited();
    let zoom = invitation("utc-no-method.ics");
    let out = t.ok(&["calendar", "import", &zoom]);
    assert!(out.contains("Booked in hooli-data"), "{out}");
    assert!(out.contains("the title names its company"), "{out}");
    assert!(
        out.contains("Added talent as a contact of hooli-data."),
        "{out}"
    );
    assert_eq!(
        interviews(&t, "hooli-data")[1].0,
        seconds("2026-03-17T13:00:00Z")
    );
}

#[test]
fn an_invite_no_process_matches_is_listed_and_books_nothing() {
    let t = invited();
    let file = t.dir().join("other.ics");
    std::fs::write(
        &file,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:x-1\r\n\
         DTSTAMP:20260301T100000Z\r\nDTSTART:20260317T130000Z\r\n\
         ORGANIZER:mailto:someone@vandelay.example\r\nSUMMARY:Coffee chat\r\nEND:VEVENT\r\n\
         END:VCALENDAR\r\n",
    )
    .unwrap();
    let before = t.ok(&["export"]);
    let run = t
        .cmd(&["calendar", "import", file.to_str().unwrap()])
        .assert()
        .code(1);
    let out = String::from_utf8(run.get_output().stdout.clone()).unwrap();
    assert!(
        out.starts_with("Unmatched: nothing booked (no contact, domain or company name matches)."),
        "{out}"
    );
    assert!(
        out.contains("followup log HANDLE interview --on \"2026-03-17T13:00\" (UTC)"),
        "{out}"
    );
    assert_eq!(t.ok(&["export"]), before, "nothing written");
}

#[test]
fn recurring_and_all_day_events_are_refused_with_exit_2() {
    let t = invited();
    for (name, says) in [
        ("recurring.ics", "the event repeats (RRULE)"),
        ("all-day.ics", "the event lasts all day"),
    ] {
        let file = invitation(name);
        let err = t.fails(&["calendar", "import", &file]);
        assert!(err.contains(says), "{name}: {err}");
        assert!(err.contains("hint:"), "{err}");
    }
    let missing = t.fails(&["calendar", "import", "no-such.ics"]);
    assert!(missing.contains("cannot read no-such.ics"), "{missing}");
}

/// The calendar is advised across processes, as `next` is: a hire in one process puts the
/// withdrawal from the other in the calendar, not the answer it would otherwise be.
#[test]
fn a_hire_elsewhere_puts_the_withdrawal_in_the_calendar() {
    let t = Tracker::new();
    let now = "2026-05-20T12:00";
    for (company, role) in [("Acme", "Backend Engineer"), ("Hooli", "Frontend Engineer")] {
        let handle = t.ok(&[
            "add",
            company,
            "--role",
            role,
            "--tz",
            "UTC",
            "--now",
            "2026-05-04",
        ]);
        let handle = handle.lines().next().unwrap().to_owned();
        t.ok(&[
            "log",
            &handle,
            "interview",
            "--at",
            "2026-05-05 10:00",
            "--now",
            now,
        ]);
    }
    t.ok(&[
        "log",
        "hooli-frontend",
        "offer",
        "--deadline",
        "2026-05-22",
        "--at",
        "2026-05-15 10:00",
        "--now",
        now,
    ]);
    t.ok(&["close", "hooli-frontend", "hired", "--now", now]);
    let next = t.ok(&["next", "--now", now]);
    assert!(next.contains("Withdraw"), "{next}");
    let calendar = t.ok(&["calendar", "--now", now]);
    assert!(
        calendar.contains("SUMMARY:Withdraw: Acme\\, Backend Engineer"),
        "{calendar}"
    );
}
