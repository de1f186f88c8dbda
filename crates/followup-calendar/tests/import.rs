//! Invitations in the shapes common programs export (written here to those shapes), read
//! into [`Invitation`] values and matched to processes.

use followup_calendar::{
    InvitationError, InvitationMatch, KnownProcess, Method, match_invitation, parse_invitation,
};
use jiff::Timestamp;
use jiff::tz::TimeZone;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/invitations/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"))
}

/// The fixture read both as written (LF) and with the CRLF lines RFC 5545 requires.
fn both_line_endings(name: &str) -> [String; 2] {
    let text = fixture(name);
    let crlf = text.replace('\n', "\r\n");
    [text, crlf]
}

fn parse(name: &str) -> followup_calendar::Invitation {
    let [lf, crlf] = both_line_endings(name);
    let zone = TimeZone::UTC;
    let from_lf = parse_invitation(&lf, &zone).unwrap_or_else(|err| panic!("{name}: {err}"));
    let from_crlf = parse_invitation(&crlf, &zone).unwrap_or_else(|err| panic!("{name}: {err}"));
    assert_eq!(from_lf, from_crlf, "{name}: line endings change nothing");
    from_lf
}

fn refused(name: &str) -> InvitationError {
    match parse_invitation(&fixture(name), &TimeZone::UTC) {
        Ok(invitation) => panic!("{name} was accepted: {invitation:?}"),
        Err(err) => err,
    }
}

fn instant(at: &str) -> Timestamp {
    at.parse().unwrap_or_default()
}

#[test]
fn a_google_invite_with_its_vtimezone() {
    let invitation = parse("google-request.ics");
    assert_eq!(invitation.uid, "4kq8v0m2b1c9d7e6f5a3h2g1j0@google.com");
    assert_eq!(invitation.sequence, 0);
    assert_eq!(invitation.method, Method::Request);
    // 14:00 in New York two days after the US change to summer time: UTC-4.
    assert_eq!(
        invitation.start.timestamp(),
        instant("2026-03-10T18:00:00Z")
    );
    assert_eq!(
        invitation.start.time_zone().iana_name(),
        Some("America/New_York")
    );
    let organizer = invitation
        .organizer
        .clone()
        .unwrap_or_else(|| panic!("organizer"));
    assert_eq!(organizer.name.as_deref(), Some("Ana Souza"));
    assert_eq!(organizer.email, "ana.souza@initech.example");
    // The organizer is not listed again among the attendees; a CN equal to the address is
    // no name.
    let emails: Vec<&str> = invitation
        .attendees
        .iter()
        .map(|a| a.email.as_str())
        .collect();
    assert_eq!(
        emails,
        ["maria.silva@gmail.com", "bruno.lima@initech.example"]
    );
    assert_eq!(invitation.attendees[0].name, None);
    assert_eq!(
        invitation.interviewers(&["Maria.Silva@gmail.com".to_owned()]),
        ["Bruno Lima"]
    );
    assert_eq!(
        invitation.summary.as_deref(),
        Some("Interview: Maria Silva <> Initech (Site Reliability Engineer)")
    );
}

#[test]
fn an_outlook_invite_with_a_windows_zone_and_cdo_fields() {
    let invitation = parse("outlook-request.ics");
    assert!(
        invitation
            .uid
            .starts_with("040000008200E00074C5B7101A82E008")
    );
    assert!(
        invitation.uid.ends_with("8F90"),
        "the folded UID is unfolded"
    );
    assert_eq!(invitation.method, Method::Request);
    // "W. Europe Standard Time" is Berlin; 30 March is after the 29 March change: UTC+2.
    assert_eq!(
        invitation.start.timestamp(),
        instant("2026-03-30T07:30:00Z")
    );
    assert_eq!(
        invitation.start.time_zone().iana_name(),
        Some("Europe/Berlin")
    );
    let organizer = invitation
        .organizer
        .clone()
        .unwrap_or_else(|| panic!("organizer"));
    assert_eq!(organizer.name.as_deref(), Some("Weber, Jonas"));
    assert_eq!(
        organizer.email, "jonas.weber@globex.example",
        "addresses are lowercased"
    );
    assert_eq!(
        invitation.summary.as_deref(),
        Some("Second interview – Product Designer")
    );
    assert_eq!(invitation.attendees.len(), 2);
}

#[test]
fn an_update_has_the_same_uid_and_a_higher_sequence() {
    let original = parse("google-request.ics");
    let update = parse("google-update.ics");
    assert_eq!(update.uid, original.uid);
    assert!(update.sequence > original.sequence);
    assert_eq!(update.method, Method::Request);
    assert_eq!(update.start.timestamp(), instant("2026-03-12T20:00:00Z"));
}

#[test]
fn a_cancellation_names_the_interview_it_removes() {
    let original = parse("google-request.ics");
    let cancel = parse("google-cancel.ics");
    assert_eq!(cancel.method, Method::Cancel);
    assert_eq!(cancel.uid, original.uid);
    assert_eq!(cancel.sequence, 2);
    // STATUS:CANCELLED alone (a program that sends REQUEST for it) is a cancellation too.
    let text = fixture("google-cancel.ics").replace("METHOD:CANCEL", "METHOD:REQUEST");
    let status_only = parse_invitation(&text, &TimeZone::UTC).map(|i| i.method);
    assert_eq!(status_only, Ok(Method::Cancel));
}

#[test]
fn recurring_events_are_refused_with_a_clear_message() {
    let err = refused("recurring.ics");
    assert_eq!(err, InvitationError::Recurring("RRULE"));
    let message = err.to_string();
    assert!(message.contains("repeats (RRULE)"), "{message}");
    assert!(
        message.contains("followup log HANDLE interview"),
        "{message}"
    );
}

#[test]
fn all_day_events_are_refused_with_a_clear_message() {
    let err = refused("all-day.ics");
    let message = err.to_string();
    assert!(
        message.contains("lasts all day (DTSTART 2026-03-15)"),
        "{message}"
    );
}

#[test]
fn no_method_and_utc_times_are_an_invitation() {
    let invitation = parse("utc-no-method.ics");
    assert_eq!(invitation.method, Method::Request);
    assert_eq!(
        invitation.start.timestamp(),
        instant("2026-03-17T13:00:00Z")
    );
    assert_eq!(invitation.start.time_zone().iana_name(), Some("UTC"));
    let organizer = invitation
        .organizer
        .clone()
        .unwrap_or_else(|| panic!("organizer"));
    assert_eq!(organizer.name, None);
    assert_eq!(invitation.interviewers(&[]), ["Gavin Belson"]);
}

#[test]
fn floating_times_are_read_in_the_given_zone() {
    let text = fixture("utc-no-method.ics").replace("20260317T130000Z", "20260317T130000");
    let lisbon = jiff::tz::db().get("Europe/Lisbon").unwrap_or(TimeZone::UTC);
    let invitation = parse_invitation(&text, &lisbon).map(|i| i.start.timestamp());
    assert_eq!(invitation, Ok(instant("2026-03-17T13:00:00Z")));
    let sao_paulo = jiff::tz::db()
        .get("America/Sao_Paulo")
        .unwrap_or(TimeZone::UTC);
    let invitation = parse_invitation(&text, &sao_paulo).map(|i| i.start.timestamp());
    assert_eq!(invitation, Ok(instant("2026-03-17T16:00:00Z")));
}

#[test]
fn what_is_not_an_invitation_says_why() {
    let cases = [
        ("", "not a calendar file: the file is empty"),
        (
            "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n",
            "the calendar holds no event (VEVENT)",
        ),
        (
            "BEGIN:VCALENDAR\nMETHOD:REPLY\nBEGIN:VEVENT\nUID:a\nDTSTART:20260310T150000Z\nEND:VEVENT\nEND:VCALENDAR\n",
            "METHOD:REPLY is not an invitation (expected REQUEST, PUBLISH or CANCEL)",
        ),
        (
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260310T150000Z\nEND:VEVENT\nEND:VCALENDAR\n",
            "the event's UID is missing or unreadable",
        ),
        (
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VEVENT\nEND:VCALENDAR\n",
            "the event's DTSTART is missing or unreadable",
        ),
        (
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART;TZID=Mars/Olympus:20260310T150000\nEND:VEVENT\nEND:VCALENDAR\n",
            "DTSTART's time zone \"Mars/Olympus\" is unknown",
        ),
        (
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20260310T150000Z\nEND:VEVENT\nBEGIN:VEVENT\nUID:b\nDTSTART:20260311T150000Z\nEND:VEVENT\nEND:VCALENDAR\n",
            "the calendar holds 2 different events; an invitation has one",
        ),
        (
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20260310T150000Z\nEND:VEVENT\nBEGIN:VEVENT\nUID:a\nRECURRENCE-ID:20260317T150000Z\nDTSTART:20260317T160000Z\nEND:VEVENT\nEND:VCALENDAR\n",
            "the event repeats (RECURRENCE-ID); an interview is one meeting, so log it with `followup log HANDLE interview --at …`",
        ),
        (
            "BEGIN:VCARD\nVERSION:4.0\nFN:Ana\nEND:VCARD\n",
            "not a calendar file: it is a contact card (vCard)",
        ),
    ];
    for (text, expected) in cases {
        let got = parse_invitation(text, &TimeZone::UTC).map(|i| i.uid);
        assert_eq!(
            got.map_err(|e| e.to_string()),
            Err(expected.to_owned()),
            "{text:?}"
        );
    }
}

fn known(handle: &str, company: &str, open: bool, emails: &[&str]) -> KnownProcess {
    KnownProcess {
        handle: handle.into(),
        company: company.into(),
        open,
        contact_emails: emails.iter().map(|e| (*e).to_owned()).collect(),
        invitation_uids: Vec::new(),
    }
}

fn tracker() -> Vec<KnownProcess> {
    vec![
        known(
            "initech-sre",
            "Initech",
            true,
            &["Ana.Souza@initech.example"],
        ),
        known("globex-design", "Globex", true, &[]),
        known("hooli-data", "Hooli", true, &["recruiting@hooli.example"]),
        known("hooli-ml", "Hooli", true, &["people@hooli.example"]),
        known("acme-old", "Acme", false, &["ana@acme.example"]),
    ]
}

const ME: &str = "maria.silva@gmail.com";

#[test]
fn a_contact_among_organizer_and_attendees_decides() {
    let invitation = parse("google-request.ics");
    let found = match_invitation(&invitation, &tracker(), &[ME.to_owned()]);
    assert_eq!(
        found,
        InvitationMatch::Contact {
            handle: "initech-sre".into(),
            email: "ana.souza@initech.example".into()
        }
    );
}

#[test]
fn the_company_domain_decides_when_no_contact_matches() {
    let invitation = parse("google-request.ics");
    let mut processes = tracker();
    processes[0].contact_emails = vec!["someone.else@initech.example".into()];
    let found = match_invitation(&invitation, &processes, &[ME.to_owned()]);
    assert_eq!(
        found,
        InvitationMatch::Domain {
            handle: "initech-sre".into(),
            domain: "initech.example".into()
        }
    );
}

#[test]
fn the_company_named_in_the_title_decides_when_exactly_one_open_process_has_it() {
    // Globex has no contact yet: the title "… Globex …" picks it.
    let mut invitation = parse("outlook-request.ics");
    invitation.summary = Some("Globex: second interview (Product Designer)".into());
    let found = match_invitation(&invitation, &tracker(), &["maria@silva.example".to_owned()]);
    assert_eq!(
        found,
        InvitationMatch::Company {
            handle: "globex-design".into()
        }
    );

    // Two open Hooli processes and a shared domain with neither: unmatched, with both.
    let invitation = parse("utc-no-method.ics");
    let found = match_invitation(&invitation, &tracker(), &[]);
    match found {
        InvitationMatch::Unmatched { candidates, why } => {
            assert_eq!(candidates, ["hooli-data", "hooli-ml"]);
            assert_eq!(why, "hooli.example is shared by 2 open processes");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_update_or_cancellation_goes_to_the_process_holding_its_uid() {
    let cancel = parse("google-cancel.ics");
    let mut processes = tracker();
    processes[1].invitation_uids = vec![cancel.uid.clone()];
    let found = match_invitation(&cancel, &processes, &[ME.to_owned()]);
    assert_eq!(
        found,
        InvitationMatch::Uid {
            handle: "globex-design".into()
        }
    );
}

#[test]
fn nothing_matches_lists_no_candidate_and_says_why() {
    let invitation = parse("google-request.ics");
    let processes = vec![known("acme-old", "Acme", false, &["ana@acme.example"])];
    let found = match_invitation(&invitation, &processes, &[ME.to_owned()]);
    assert_eq!(
        found,
        InvitationMatch::Unmatched {
            candidates: Vec::new(),
            why: "no contact, domain or company name matches".into()
        }
    );
    // A free-mail organizer never matches by domain.
    let mut invitation = invitation;
    if let Some(organizer) = invitation.organizer.as_mut() {
        organizer.email = "recruiter.ana@gmail.com".into();
    }
    invitation.attendees.clear();
    invitation.summary = Some("Quick chat".into());
    let found = match_invitation(&invitation, &processes, &[ME.to_owned()]);
    assert_eq!(
        found,
        InvitationMatch::Unmatched {
            candidates: Vec::new(),
            why: "the organizer writes from gmail.com, which names no company".into()
        }
    );
}

#[test]
fn a_contact_of_only_a_closed_process_still_matches_it() {
    let mut invitation = parse("utc-no-method.ics");
    if let Some(organizer) = invitation.organizer.as_mut() {
        organizer.email = "ana@acme.example".into();
    }
    invitation.attendees.clear();
    let found = match_invitation(&invitation, &tracker(), &[]);
    assert_eq!(found.handle(), Some("acme-old"));
}
