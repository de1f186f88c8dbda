//! `VTIMEZONE` components written from jiff's time zone database.
//!
//! icalendar 0.17 writes `TZID` parameters but has no time zone component, so this module
//! writes one: every transition of the zone that is in effect between the first and the last
//! timed event, as explicit observances (no `RRULE`), which is exact for past and planned
//! transitions alike and readable by every calendar program.

use jiff::Timestamp;
use jiff::tz::{Offset, TimeZone};

/// A zone as the calendar names it.
pub(crate) enum Zone {
    /// Times are written in UTC (`…Z`): the zone is UTC, or has no IANA name to refer to.
    Utc,
    /// Times are written as local times with `TZID=name`, defined by a `VTIMEZONE`.
    Named(String),
}

impl Zone {
    /// How times in `tz` are written.
    pub(crate) fn of(tz: &TimeZone) -> Zone {
        match tz.iana_name() {
            Some(name) if !is_utc(name) => Zone::Named(name.to_owned()),
            _ => Zone::Utc,
        }
    }
}

fn is_utc(name: &str) -> bool {
    matches!(
        name,
        "UTC"
            | "Etc/UTC"
            | "Etc/UCT"
            | "UCT"
            | "Etc/Universal"
            | "Universal"
            | "Zulu"
            | "Etc/Zulu"
            | "GMT"
            | "Etc/GMT"
            | "Etc/GMT0"
            | "Etc/GMT+0"
            | "Etc/GMT-0"
            | "Etc/Greenwich"
            | "Greenwich"
            | "GMT0"
            | "GMT+0"
            | "GMT-0"
    )
}

/// The `VTIMEZONE` lines (CRLF-terminated) for `tz`, named `tzid`, covering `[from, to]`.
pub(crate) fn vtimezone(tzid: &str, tz: &TimeZone, from: Timestamp, to: Timestamp) -> String {
    let mut out = String::new();
    out.push_str("BEGIN:VTIMEZONE\r\n");
    out.push_str(&format!("TZID:{tzid}\r\n"));
    let in_effect = tz.preceding(from).next();
    let mut wrote = false;
    for transition in in_effect.into_iter().chain(
        tz.following(from)
            .take_while(|t| t.timestamp() <= to)
            .collect::<Vec<_>>(),
    ) {
        let at = transition.timestamp();
        let before = at
            .checked_sub(jiff::SignedDuration::from_secs(1))
            .map_or(transition.offset(), |just_before| tz.to_offset(just_before));
        observance(
            &mut out,
            transition.dst().is_dst(),
            local_start(at, before),
            before,
            transition.offset(),
            transition.abbreviation(),
        );
        wrote = true;
    }
    if !wrote {
        // A zone with no transition at all: one observance from the epoch.
        let offset = tz.to_offset(from);
        let abbreviation = tz.to_offset_info(from).abbreviation().to_owned();
        observance(
            &mut out,
            false,
            "19700101T000000".to_owned(),
            offset,
            offset,
            &abbreviation,
        );
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

fn observance(
    out: &mut String,
    daylight: bool,
    start: String,
    from: Offset,
    to: Offset,
    name: &str,
) {
    let kind = if daylight { "DAYLIGHT" } else { "STANDARD" };
    out.push_str(&format!("BEGIN:{kind}\r\n"));
    out.push_str(&format!("DTSTART:{start}\r\n"));
    out.push_str(&format!("TZOFFSETFROM:{}\r\n", utc_offset(from)));
    out.push_str(&format!("TZOFFSETTO:{}\r\n", utc_offset(to)));
    // Abbreviations such as "-03" are not names; RFC 5545 allows any text, but keep it plain.
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-".contains(c))
    {
        out.push_str(&format!("TZNAME:{name}\r\n"));
    }
    out.push_str(&format!("END:{kind}\r\n"));
}

/// The local date-time at which a transition happens, read with the offset before it, as
/// RFC 5545 wants for an observance's `DTSTART`.
fn local_start(at: Timestamp, before: Offset) -> String {
    before.to_datetime(at).strftime("%Y%m%dT%H%M%S").to_string()
}

/// `+HHMM`, or `+HHMMSS` for the historical offsets that have seconds.
pub(crate) fn utc_offset(offset: Offset) -> String {
    let total = offset.seconds();
    let sign = if total < 0 { '-' } else { '+' };
    let total = total.unsigned_abs();
    let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60);
    if seconds == 0 {
        format!("{sign}{hours:02}{minutes:02}")
    } else {
        format!("{sign}{hours:02}{minutes:02}{seconds:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> TimeZone {
        jiff::tz::db().get(name).unwrap_or(TimeZone::UTC)
    }

    #[test]
    fn lisbon_across_the_march_change_has_both_observances() {
        let tz = zone("Europe/Lisbon");
        let from: Timestamp = "2026-03-20T10:00:00Z".parse().unwrap_or_default();
        let to: Timestamp = "2026-04-02T10:00:00Z".parse().unwrap_or_default();
        let text = vtimezone("Europe/Lisbon", &tz, from, to);
        // In effect at `from`: winter time, which began in October 2025.
        assert!(text.contains("BEGIN:STANDARD\r\nDTSTART:20251026T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\n"), "{text}");
        // The change of 29 March 2026 at 01:00 local.
        assert!(text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\n"), "{text}");
        assert_eq!(text.matches("BEGIN:STANDARD").count(), 1);
    }

    #[test]
    fn offsets_with_seconds_keep_them() {
        let offset = Offset::from_seconds(-(3 * 3600 + 6 * 60 + 28)).unwrap_or(Offset::UTC);
        assert_eq!(utc_offset(offset), "-030628");
        assert_eq!(utc_offset(Offset::UTC), "+0000");
    }

    #[test]
    fn utc_zones_are_written_in_utc() {
        assert!(matches!(Zone::of(&TimeZone::UTC), Zone::Utc));
        assert!(matches!(Zone::of(&zone("Etc/UTC")), Zone::Utc));
        assert!(matches!(Zone::of(&zone("Asia/Tokyo")), Zone::Named(n) if n == "Asia/Tokyo"));
    }
}
