//! `followup calendar import FILE.ics`: an interview invitation read into a plain value.
//!
//! calcard reads the file (it is tolerant of what real programs write, and knows Outlook's
//! Windows zone names and `X-MICROSOFT-CDO-TZID`). [`parse_invitation`] keeps what a booked
//! interview needs: the event's UID and SEQUENCE (so an update replaces the interview it
//! updates), whether it is a request or a cancellation, its start in its own zone, the
//! organizer and the attendees. Recurring and all-day events are refused: an interview is
//! one meeting at one time. [`matching`] finds the process it belongs to.

pub mod matching;

use calcard::common::PartialDateTime;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarMethod,
    ICalendarParameterName, ICalendarParameterValue, ICalendarProperty, ICalendarStatus,
    ICalendarValue, ICalendarValueType,
};
use jiff::ZonedDateTime;
use jiff::civil::DateTime;
use jiff::tz::{Offset, TimeZone};
use serde::Serialize;

pub use matching::match_invitation;

/// What the invitation asks of the tracker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// Book the interview, or update it (`METHOD:REQUEST`, `PUBLISH`, or no method).
    Request,
    /// Remove it (`METHOD:CANCEL`, or an event whose `STATUS` is `CANCELLED`).
    Cancel,
}

/// A person on the invitation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Participant {
    /// The `CN`, when given.
    pub name: Option<String>,
    /// The address, without `mailto:`, lowercased.
    pub email: String,
}

impl Participant {
    /// The name, else the address: how an interviewer is listed in `with`.
    pub fn display(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.email)
    }
}

/// One interview invitation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Invitation {
    /// The event's `UID`: the same interview across updates and the cancellation.
    pub uid: String,
    /// Its `SEQUENCE` (0 when absent): a higher one replaces a lower one.
    pub sequence: u32,
    /// Book (or update), or cancel.
    pub method: Method,
    /// When it starts, in the zone the invitation gave (UTC for `…Z` times).
    pub start: ZonedDateTime,
    /// Who sent it: the company's contact.
    pub organizer: Option<Participant>,
    /// Who is invited, the organizer left out.
    pub attendees: Vec<Participant>,
    /// The event's title.
    pub summary: Option<String>,
}

impl Invitation {
    /// The interviewers for the interview's `with`: the attendees other than the user and
    /// the organizer, by name. `own_addresses` are the user's addresses.
    pub fn interviewers(&self, own_addresses: &[String]) -> Vec<String> {
        self.attendees
            .iter()
            .filter(|a| {
                !own_addresses
                    .iter()
                    .any(|o| o.eq_ignore_ascii_case(&a.email))
            })
            .map(|a| a.display().to_owned())
            .collect()
    }
}

/// Why a file is not an invitation this program can book.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InvitationError {
    /// The text is not an iCalendar file.
    #[error("not a calendar file: {0}")]
    NotCalendar(String),
    /// No `VEVENT` in it.
    #[error("the calendar holds no event (VEVENT)")]
    NoEvent,
    /// Several distinct events.
    #[error("the calendar holds {0} different events; an invitation has one")]
    SeveralEvents(usize),
    /// A required property is missing or unreadable.
    #[error("the event's {0} is missing or unreadable")]
    Property(&'static str),
    /// RRULE, RDATE or RECURRENCE-ID.
    #[error(
        "the event repeats ({0}); an interview is one meeting, so log it with `followup log HANDLE interview --at …`"
    )]
    Recurring(&'static str),
    /// `DTSTART;VALUE=DATE`.
    #[error(
        "the event lasts all day ({0}); an interview has a start time, so log it with `followup log HANDLE interview --at …`"
    )]
    AllDay(String),
    /// A METHOD that is not an invitation.
    #[error("METHOD:{0} is not an invitation (expected REQUEST, PUBLISH or CANCEL)")]
    Method(String),
    /// A TZID neither the file nor the time zone database defines.
    #[error("DTSTART's time zone \"{0}\" is unknown")]
    UnknownZone(String),
}

/// Reads the invitation in `text`. Times without a zone ("floating") are read in
/// `floating_zone`, the user's zone.
pub fn parse_invitation(
    text: &str,
    floating_zone: &TimeZone,
) -> Result<Invitation, InvitationError> {
    let calendar = read_calendar(text)?;
    let method = calendar_method(&calendar)?;
    let events: Vec<&ICalendarComponent> = calendar
        .components
        .iter()
        .filter(|c| c.component_type == ICalendarComponentType::VEvent)
        .collect();
    let Some(event) = events.first() else {
        return Err(InvitationError::NoEvent);
    };
    let uid = text_of(event, ICalendarProperty::Uid).ok_or(InvitationError::Property("UID"))?;
    if let Some(recurring) = events.iter().find_map(|e| recurrence(e)) {
        return Err(InvitationError::Recurring(recurring));
    }
    let distinct = {
        let mut uids: Vec<&str> = events.iter().filter_map(|e| e.uid()).collect();
        uids.sort_unstable();
        uids.dedup();
        uids.len()
    };
    if distinct > 1 {
        return Err(InvitationError::SeveralEvents(distinct));
    }
    let start = start_of(&calendar, event, floating_zone)?;
    let sequence = event
        .property(&ICalendarProperty::Sequence)
        .and_then(|e| e.values.first())
        .and_then(ICalendarValue::as_integer)
        .map_or(0, |n| u32::try_from(n).unwrap_or(0));
    let cancelled = matches!(event.status(), Some(ICalendarStatus::Cancelled));
    let organizer = event
        .property(&ICalendarProperty::Organizer)
        .and_then(participant);
    let attendees = event
        .properties(&ICalendarProperty::Attendee)
        .filter_map(participant)
        .filter(|a| organizer.as_ref().is_none_or(|o| o.email != a.email))
        .collect();
    Ok(Invitation {
        uid,
        sequence,
        method: if cancelled { Method::Cancel } else { method },
        start,
        organizer,
        attendees,
        summary: text_of(event, ICalendarProperty::Summary),
    })
}

fn read_calendar(text: &str) -> Result<ICalendar, InvitationError> {
    match calcard::Parser::new(text).entry() {
        calcard::Entry::ICalendar(calendar) => Ok(calendar),
        calcard::Entry::VCard(_) => Err(InvitationError::NotCalendar(
            "it is a contact card (vCard)".into(),
        )),
        calcard::Entry::InvalidLine(line) => Err(InvitationError::NotCalendar(format!(
            "unreadable line \"{}\"",
            line.chars().take(60).collect::<String>()
        ))),
        calcard::Entry::Eof => Err(InvitationError::NotCalendar("the file is empty".into())),
        other => Err(InvitationError::NotCalendar(format!("{other:?}"))),
    }
}

fn calendar_method(calendar: &ICalendar) -> Result<Method, InvitationError> {
    let method = calendar
        .components
        .iter()
        .find(|c| c.component_type == ICalendarComponentType::VCalendar)
        .and_then(|c| c.property(&ICalendarProperty::Method))
        .and_then(|e| e.values.first());
    match method {
        None => Ok(Method::Request),
        Some(ICalendarValue::Method(ICalendarMethod::Request | ICalendarMethod::Publish)) => {
            Ok(Method::Request)
        }
        Some(ICalendarValue::Method(ICalendarMethod::Cancel)) => Ok(Method::Cancel),
        Some(other) => Err(InvitationError::Method(
            other.as_text().unwrap_or("?").to_ascii_uppercase(),
        )),
    }
}

fn recurrence(event: &ICalendarComponent) -> Option<&'static str> {
    event.entries.iter().find_map(|e| match e.name {
        ICalendarProperty::Rrule => Some("RRULE"),
        ICalendarProperty::Rdate => Some("RDATE"),
        ICalendarProperty::RecurrenceId => Some("RECURRENCE-ID"),
        _ => None,
    })
}

fn text_of(event: &ICalendarComponent, property: ICalendarProperty) -> Option<String> {
    event
        .property(&property)
        .and_then(|e| e.values.first())
        .and_then(ICalendarValue::as_text)
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
}

fn participant(entry: &ICalendarEntry) -> Option<Participant> {
    let email = entry.calendar_address()?.trim().to_ascii_lowercase();
    if !email.contains('@') {
        return None;
    }
    let name = entry
        .parameter(&ICalendarParameterName::Cn)
        .and_then(|v| match v {
            ICalendarParameterValue::Text(name) => Some(name.trim().to_owned()),
            _ => None,
        })
        .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case(&email));
    Some(Participant { name, email })
}

/// DTSTART in its zone: a `TZID` (IANA, a Windows name, or a `VTIMEZONE` calcard maps), a
/// UTC or fixed offset, or floating.
fn start_of(
    calendar: &ICalendar,
    event: &ICalendarComponent,
    floating_zone: &TimeZone,
) -> Result<ZonedDateTime, InvitationError> {
    let entry = event
        .property(&ICalendarProperty::Dtstart)
        .ok_or(InvitationError::Property("DTSTART"))?;
    let value = match entry.values.first() {
        Some(ICalendarValue::PartialDateTime(value)) => value,
        _ => return Err(InvitationError::Property("DTSTART")),
    };
    let date_only = entry
        .parameters(&ICalendarParameterName::Value)
        .any(|v| matches!(v, ICalendarParameterValue::Value(ICalendarValueType::Date)));
    if date_only || value.hour.is_none() {
        return Err(InvitationError::AllDay(date_text(value)));
    }
    let local = civil(value).ok_or(InvitationError::Property("DTSTART"))?;
    let zone = if value.tz_hour.is_some() {
        offset_zone(value)
    } else if let Some(tzid) = entry.tz_id() {
        zone_named(calendar, tzid)?
    } else {
        floating_zone.clone()
    };
    local
        .to_zoned_datetime(zone)
        .map_err(|_| InvitationError::Property("DTSTART"))
}

fn date_text(value: &PartialDateTime) -> String {
    match (value.year, value.month, value.day) {
        (Some(y), Some(m), Some(d)) => format!("DTSTART {y:04}-{m:02}-{d:02}"),
        _ => "DTSTART has no time".into(),
    }
}

fn civil(value: &PartialDateTime) -> Option<DateTime> {
    let part = |v: Option<u8>| i8::try_from(v.unwrap_or(0)).ok();
    DateTime::new(
        i16::try_from(value.year?).ok()?,
        i8::try_from(value.month?).ok()?,
        i8::try_from(value.day?).ok()?,
        part(value.hour)?,
        part(value.minute)?,
        part(value.second.map(|s| s.min(59)))?,
        0,
    )
    .ok()
}

fn offset_zone(value: &PartialDateTime) -> TimeZone {
    let seconds =
        i32::from(value.tz_hour.unwrap_or(0)) * 3600 + i32::from(value.tz_minute.unwrap_or(0)) * 60;
    let seconds = if value.tz_minus { -seconds } else { seconds };
    match Offset::from_seconds(seconds) {
        Ok(offset) if seconds != 0 => TimeZone::fixed(offset),
        _ => TimeZone::UTC,
    }
}

/// The zone a TZID names, through the file's `VTIMEZONE`s and calcard's table of IANA and
/// Windows names, then the bundled database.
fn zone_named(calendar: &ICalendar, tzid: &str) -> Result<TimeZone, InvitationError> {
    let unknown = || InvitationError::UnknownZone(tzid.to_owned());
    let resolved = calendar.build_tz_resolver().resolve(tzid);
    let name = match resolved {
        Some(calcard::common::timezone::Tz::Fixed(offset)) => {
            return Offset::from_seconds(offset.local_minus_utc())
                .map(TimeZone::fixed)
                .map_err(|_| unknown());
        }
        Some(tz) => tz.name().map(|n| n.into_owned()),
        None => None,
    };
    let name = name.unwrap_or_else(|| tzid.to_owned());
    jiff::tz::db().get(&name).map_err(|_| unknown())
}
