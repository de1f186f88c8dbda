//! `followup calendar`: the next actions and booked interviews as an RFC 5545 calendar.
//!
//! One all-day event per action due (on its due date), one per wait (on the day it ends),
//! one timed event per booked interview (in the process's zone, with its `VTIMEZONE`, or in
//! UTC). UIDs are the process id, the rule and the date, so a calendar program that reads
//! the file again (or the feed) updates events in place instead of piling up copies.
//!
//! icalendar 0.17 writes the events; this module fixes what it would get wrong for us: it
//! would stamp `DTSTAMP` with the wall clock and invent random UIDs (both set here), its
//! `all_day` ends an event on the day it starts (here it ends the next day, as RFC 5545's
//! exclusive `DTEND` wants), and it has no `VTIMEZONE` (written by [`timezone`]).

mod timezone;

use chrono::{NaiveDate, NaiveDateTime, TimeZone as _, Utc};
use followup_core::{Action, Advice, EventKind, Process, Rule, Step, Then};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike};
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use timezone::Zone;

/// The `PRODID` of every calendar written here.
pub const PRODID: &str = "-//followup//followup calendar//EN";

/// How long a booked interview is shown: the format records only when it starts.
pub const INTERVIEW_LENGTH: SignedDuration = SignedDuration::from_hours(1);

/// What the calendar needs to know about a process besides its advice.
#[derive(Clone, Debug)]
pub struct ProcessSummary {
    /// The stable process id (part of every UID).
    pub id: String,
    /// The handle the user types, for the commands in descriptions.
    pub handle: String,
    /// The company.
    pub company: String,
    /// The role.
    pub role: String,
    /// The zone the process's dates are read in.
    pub zone: TimeZone,
}

/// An interview after now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookedInterview {
    /// When it starts.
    pub at: Timestamp,
    /// The interviewers' names.
    pub with: Vec<String>,
    /// "technical", "final", ...
    pub stage: Option<String>,
}

/// One process as the calendar reads it.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Who and what.
    pub process: ProcessSummary,
    /// Its advice at the calendar's "now".
    pub advice: Advice,
    /// Its interviews after now, earliest first. When empty, an `upcoming-interview` advice
    /// still gives one, at its local time.
    pub booked: Vec<BookedInterview>,
}

impl Entry {
    /// The entry of a tracked process: its summary and its interviews after `now`.
    pub fn of(process: &Process, advice: Advice, now: Timestamp) -> Entry {
        let handle = process
            .handle
            .clone()
            .unwrap_or_else(|| process.company.to_lowercase());
        let booked = process
            .events
            .iter()
            .filter(|e| e.at > now)
            .filter_map(|e| match &e.kind {
                EventKind::Interview(interview) => Some(BookedInterview {
                    at: e.at,
                    with: interview.with.clone(),
                    stage: interview.stage.clone(),
                }),
                _ => None,
            })
            .collect();
        Entry {
            process: ProcessSummary {
                id: process.id.clone().unwrap_or_else(|| handle.clone()),
                handle,
                company: process.company.clone(),
                role: process.role.clone(),
                zone: process.timezone.clone(),
            },
            advice,
            booked,
        }
    }
}

/// The calendar of `entries` at `now`, as RFC 5545 text (CRLF, folded at 75 octets).
pub fn write_calendar(entries: &[Entry], now: Timestamp) -> String {
    let mut items: Vec<Item> = entries.iter().flat_map(items_of).collect();
    items.sort_by(|a, b| (a.sort_key, &a.uid).cmp(&(b.sort_key, &b.uid)));

    let mut calendar = Calendar::empty();
    calendar
        .append_property(icalendar::Property::new("VERSION", "2.0"))
        .append_property(icalendar::Property::new("PRODID", PRODID))
        .append_property(icalendar::Property::new("CALSCALE", "GREGORIAN"))
        .append_property(icalendar::Property::new("X-WR-CALNAME", "followup"));
    let stamp = utc(now);
    for item in &items {
        let mut event = Event::new();
        event
            .uid(&item.uid)
            .timestamp(stamp)
            .summary(&item.summary)
            .description(&item.description);
        match &item.when {
            When::Day(date) => {
                let day = naive_date(*date);
                event.starts(day).ends(day.succ_opt().unwrap_or(day));
            }
            When::Timed { start, zone } => {
                let end = interview_end(*start);
                event.starts(timed(*start, zone)).ends(timed(end, zone));
            }
        }
        calendar.push(event.done());
    }
    let text = calendar.done().to_string();
    with_timezones(text, &items)
}

/// An event before it is written.
struct Item {
    uid: String,
    summary: String,
    description: String,
    when: When,
    sort_key: Timestamp,
}

enum When {
    Day(Date),
    Timed { start: Timestamp, zone: TimeZone },
}

fn items_of(entry: &Entry) -> Vec<Item> {
    let (process, advice) = (&entry.process, &entry.advice);
    if matches!(advice.rule, Rule::Closed | Rule::Withdrawn) {
        return Vec::new();
    }
    let mut items = Vec::new();
    let day_item = |date: Date, summary: String, command: String| Item {
        uid: uid(
            &process.id,
            advice.rule.id(),
            &date.strftime("%Y%m%d").to_string(),
        ),
        summary,
        description: format!("{}\n\n{command}", advice.reason()),
        sort_key: date
            .to_zoned_datetime(process.zone.clone())
            .map(|z| z.timestamp())
            .unwrap_or_default(),
        when: When::Day(date),
    };
    match advice.action {
        Action::Act { step, due, .. } => items.push(day_item(
            due,
            format!("{}: {}, {}", act_title(step), process.company, process.role),
            command_for(Some(step), &process.handle),
        )),
        Action::Wait { until, then } => items.push(day_item(
            until,
            format!("{}: {}", process.company, wait_title(then)),
            command_for(then.step(), &process.handle),
        )),
        Action::UpcomingInterview { at } if entry.booked.is_empty() => {
            if let Some(start) = instant_of(at, &process.zone) {
                items.push(interview_item(process, start, &[], None));
            }
        }
        Action::UpcomingInterview { .. } | Action::MoveOn | Action::Nothing => {}
    }
    items.extend(
        entry
            .booked
            .iter()
            .map(|b| interview_item(process, b.at, &b.with, b.stage.as_deref())),
    );
    items
}

fn interview_item(
    process: &ProcessSummary,
    start: Timestamp,
    with: &[String],
    stage: Option<&str>,
) -> Item {
    let stage = stage.map(|s| format!(" ({s})")).unwrap_or_default();
    let with = if with.is_empty() {
        String::new()
    } else {
        format!(" with {}", with.join(", "))
    };
    Item {
        uid: uid(
            &process.id,
            "interview",
            &utc(start).format("%Y%m%dT%H%M%SZ").to_string(),
        ),
        summary: format!("Interview: {}, {}", process.company, process.role),
        description: format!(
            "Interview{stage}{with} for {}.\n\nfollowup show {}",
            process.role, process.handle
        ),
        when: When::Timed {
            start,
            zone: process.zone.clone(),
        },
        sort_key: start,
    }
}

/// When a booked interview is shown to end.
fn interview_end(start: Timestamp) -> Timestamp {
    start.checked_add(INTERVIEW_LENGTH).unwrap_or(start)
}

/// A UID stable across runs: the process, the rule and the date.
fn uid(process_id: &str, rule: &str, date: &str) -> String {
    format!("{process_id}.{rule}.{date}@followup")
}

fn act_title(step: Step) -> &'static str {
    match step {
        Step::ThankYou => "Thank-you",
        Step::FollowUp => "Follow up",
        Step::FinalFollowUp => "Final follow-up",
        Step::AlignDecision => "Align the decision",
        Step::Respond(_) => "Answer",
        Step::RespondOffer => "Answer the offer",
        Step::Withdraw => "Withdraw",
    }
}

fn wait_title(then: Then) -> &'static str {
    match then {
        Then::Step(Step::ThankYou) => "thank-you due",
        Then::Step(Step::FollowUp) => "follow-up due",
        Then::Step(Step::FinalFollowUp) => "final follow-up due",
        Then::Step(Step::AlignDecision) => "decision message due",
        Then::Step(Step::Respond(_)) => "answer due",
        Then::Step(Step::RespondOffer) => "offer answer due",
        Then::Step(Step::Withdraw) => "withdrawal due",
        Then::MoveOn => "move on if still silent",
    }
}

/// The command a description ends with: `draft` for the messages it writes, else `show`.
fn command_for(step: Option<Step>, handle: &str) -> String {
    match step {
        Some(Step::ThankYou | Step::FollowUp | Step::FinalFollowUp | Step::AlignDecision) => {
            format!("Draft it: followup draft {handle}")
        }
        _ => format!("followup show {handle}"),
    }
}

/// The instant of a local date-time (the earlier one in a fold, the later in a gap).
fn instant_of(at: DateTime, zone: &TimeZone) -> Option<Timestamp> {
    zone.to_ambiguous_timestamp(at).compatible().ok()
}

fn naive_date(date: Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        u32::from(date.month().unsigned_abs()),
        u32::from(date.day().unsigned_abs()),
    )
    .unwrap_or_default()
}

fn utc(at: Timestamp) -> chrono::DateTime<Utc> {
    Utc.timestamp_opt(at.as_second(), 0)
        .single()
        .unwrap_or_default()
}

fn timed(at: Timestamp, zone: &TimeZone) -> CalendarDateTime {
    match Zone::of(zone) {
        Zone::Utc => CalendarDateTime::Utc(utc(at)),
        Zone::Named(tzid) => {
            let local = at.to_zoned_datetime(zone.clone()).datetime();
            CalendarDateTime::WithTimezone {
                date_time: naive_date_time(local),
                tzid,
            }
        }
    }
}

fn naive_date_time(local: DateTime) -> NaiveDateTime {
    naive_date(local.date())
        .and_hms_opt(
            u32::from(local.hour().unsigned_abs()),
            u32::from(local.minute().unsigned_abs()),
            u32::from(local.second().unsigned_abs()),
        )
        .unwrap_or_default()
}

/// Splices one `VTIMEZONE` per named zone of the timed events before the first event.
fn with_timezones(text: String, items: &[Item]) -> String {
    let mut zones: Vec<(String, &TimeZone, Timestamp, Timestamp)> = Vec::new();
    for item in items {
        let When::Timed { start, zone } = &item.when else {
            continue;
        };
        let Zone::Named(tzid) = Zone::of(zone) else {
            continue;
        };
        let end = interview_end(*start);
        match zones.iter_mut().find(|(name, ..)| *name == tzid) {
            Some((_, _, from, to)) => {
                *from = (*from).min(*start);
                *to = (*to).max(end);
            }
            None => zones.push((tzid, zone, *start, end)),
        }
    }
    if zones.is_empty() {
        return text;
    }
    zones.sort_by(|a, b| a.0.cmp(&b.0));
    let blocks: String = zones
        .iter()
        .map(|(tzid, zone, from, to)| timezone::vtimezone(tzid, zone, *from, *to))
        .collect();
    let at = text
        .find("BEGIN:VEVENT\r\n")
        .or_else(|| text.find("END:VCALENDAR\r\n"))
        .unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() + blocks.len());
    out.push_str(&text[..at]);
    out.push_str(&blocks);
    out.push_str(&text[at..]);
    out
}
