//! Reading instants and dates as the process document and `--now` write them.
//!
//! - `at`: RFC 3339 with an offset or `Z`, or a local `YYYY-MM-DDTHH:MM[:SS]` read in the
//!   process's zone. A local time skipped by a DST jump is an error; one that happens twice
//!   takes the earlier instant.
//! - dates (`by`, `deadline`, `holidays`): `YYYY-MM-DD`.
//! - `--now`: what `at` accepts, or a date meaning 09:00 local.
//!
//! Every date and instant is in [`YEARS`] (1900–2200): year 0 or 9999 is a typo, and saying so
//! beats a message about the clocks (issue 9, items 8 and 9). An offset is at most ±18:00
//! and, when a zone is bracketed after it (`+09:00[Asia/Tokyo]`), must be that zone's offset
//! at that time.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{AmbiguousOffset, TimeZone};

/// Why a date or time could not be read. The message is one line, without the field name.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InstantError {
    /// The text is not in an accepted form.
    #[error("cannot read {text:?} as {expected}")]
    Malformed {
        /// What was given.
        text: String,
        /// The accepted forms.
        expected: &'static str,
    },
    /// A local time that the zone skips (a DST gap).
    #[error("{text:?} does not exist in {zone} (the clocks skip it)")]
    Skipped {
        /// What was given.
        text: String,
        /// The zone's name.
        zone: String,
    },
    /// A year outside [`YEARS`].
    #[error("{text:?} is out of range (years 1900–2200)")]
    OutOfRange {
        /// What was given.
        text: String,
    },
    /// An offset beyond ±18:00, or one that is not the bracketed zone's at that time.
    #[error("{text:?}: {why}")]
    BadOffset {
        /// What was given.
        text: String,
        /// What is wrong with the offset, in words.
        why: String,
    },
}

/// The years followup accepts in any date or instant.
pub const YEARS: std::ops::RangeInclusive<i16> = 1900..=2200;

/// `Err(OutOfRange)` when `date` is outside [`YEARS`].
pub fn check_year(date: Date, text: &str) -> Result<(), InstantError> {
    if YEARS.contains(&date.year()) {
        Ok(())
    } else {
        Err(InstantError::OutOfRange {
            text: text.to_owned(),
        })
    }
}

const AT_FORMS: &str =
    "a date-time (RFC 3339 like 2026-05-05T14:00:00Z, or local 2026-05-05T14:00[:SS])";
const DATE_FORMS: &str = "a date (YYYY-MM-DD, like 2026-05-08)";
const NOW_FORMS: &str =
    "a date (2026-05-08, meaning 09:00 local) or a date-time (2026-05-08T14:00 or RFC 3339)";

/// Reads an `at` value; local times are read in `zone` (named `zone_name` in errors).
pub fn parse_at(text: &str, zone: &TimeZone, zone_name: &str) -> Result<Timestamp, InstantError> {
    read_at(text, zone, zone_name).ok_or_else(|| InstantError::Malformed {
        text: text.to_owned(),
        expected: AT_FORMS,
    })?
}

/// Reads a `YYYY-MM-DD` date in [`YEARS`].
pub fn parse_date(text: &str) -> Result<Date, InstantError> {
    let date = parse_any_year(text)?;
    check_year(date, text)?;
    Ok(date)
}

/// Reads a `YYYY-MM-DD` date of any year, for readers that check the range of what they end
/// up with (a date phrase) and say so themselves.
pub(crate) fn parse_any_year(text: &str) -> Result<Date, InstantError> {
    let trimmed = text.trim();
    if is_plain_date(trimmed)
        && let Ok(date) = trimmed.parse::<Date>()
    {
        return Ok(date);
    }
    Err(InstantError::Malformed {
        text: text.to_owned(),
        expected: DATE_FORMS,
    })
}

/// Reads a `--now` value: anything [`parse_at`] reads, or a date meaning 09:00 local.
pub fn parse_now(text: &str, zone: &TimeZone, zone_name: &str) -> Result<Timestamp, InstantError> {
    let trimmed = text.trim();
    if is_plain_date(trimmed) {
        let date = parse_date(trimmed).map_err(|err| match err {
            InstantError::Malformed { .. } => InstantError::Malformed {
                text: text.to_owned(),
                expected: NOW_FORMS,
            },
            other => other,
        })?;
        return local_to_timestamp(
            date.to_datetime(Time::constant(9, 0, 0, 0)),
            text,
            zone,
            zone_name,
        );
    }
    read_at(trimmed, zone, zone_name).ok_or_else(|| InstantError::Malformed {
        text: text.to_owned(),
        expected: NOW_FORMS,
    })?
}

/// `None` when the text is in no accepted form; `Some(Err)` when it is but cannot be placed.
fn read_at(
    text: &str,
    zone: &TimeZone,
    zone_name: &str,
) -> Option<Result<Timestamp, InstantError>> {
    let trimmed = text.trim();
    // A date-time needs a time part: a bare date is not an `at`.
    let bytes = trimmed.as_bytes();
    if bytes.len() < 16
        || !matches!(bytes[10], b'T' | b't' | b' ')
        || !is_plain_date(&trimmed[..10])
    {
        return None;
    }
    if let Ok(date) = trimmed[..10].parse::<Date>()
        && let Err(err) = check_year(date, text)
    {
        return Some(Err(err));
    }
    let rest = &trimmed[11..];
    let has_offset = rest.ends_with(['Z', 'z']) || rest.contains(['+', '-']);
    if has_offset {
        return read_with_offset(trimmed, text);
    }
    if !is_plain_time(rest) {
        return None;
    }
    let local = trimmed.replacen(' ', "T", 1).parse::<DateTime>().ok()?;
    Some(local_to_timestamp(local, text, zone, zone_name))
}

/// An RFC 3339 / RFC 9557 instant: the offset within ±18:00 and, with a bracketed zone, equal
/// to that zone's offset at that instant.
fn read_with_offset(trimmed: &str, text: &str) -> Option<Result<Timestamp, InstantError>> {
    let bad = |why: String| {
        Some(Err(InstantError::BadOffset {
            text: text.to_owned(),
            why,
        }))
    };
    let pieces: jiff::fmt::temporal::Pieces = match jiff::fmt::temporal::Pieces::parse(trimmed) {
        Ok(pieces) => pieces,
        Err(_) => {
            return match offset_hours(trimmed) {
                Some(hours) if hours > 18 => {
                    bad("the offset is beyond ±18:00, which no place uses".to_owned())
                }
                _ => None,
            };
        }
    };
    let Some(jiff::fmt::temporal::PiecesOffset::Numeric(numeric)) = pieces.offset() else {
        // `Z` (or `-00:00`): UTC.
        return trimmed.parse::<Timestamp>().ok().map(Ok);
    };
    let offset = numeric.offset();
    if offset.seconds().unsigned_abs() > 18 * 3600 {
        return bad("the offset is beyond ±18:00, which no place uses".to_owned());
    }
    let ts = trimmed.parse::<Timestamp>().ok()?;
    if let Some(annotation) = pieces.time_zone_annotation() {
        let Ok(zone) = annotation.to_time_zone() else {
            return bad("the bracketed time zone is unknown".to_owned());
        };
        let expected = zone.to_offset(ts);
        if expected != offset {
            let name = zone.iana_name().unwrap_or("the bracketed zone");
            return bad(format!(
                "the offset {offset} is not {name}'s at that time ({expected})"
            ));
        }
    }
    Some(Ok(ts))
}

/// The hours of a trailing `±HH:MM` offset, to tell an impossible offset from a typo.
fn offset_hours(text: &str) -> Option<u32> {
    let base = text.split('[').next().unwrap_or(text);
    let sign = base.rfind(['+', '-'])?;
    let digits = base.get(sign + 1..sign + 3)?;
    (sign > 10).then(|| digits.parse().ok()).flatten()
}

/// Places a local date-time in a zone: a gap is an error, a fold takes the earlier instant.
pub fn local_to_timestamp(
    local: DateTime,
    text: &str,
    zone: &TimeZone,
    zone_name: &str,
) -> Result<Timestamp, InstantError> {
    check_year(local.date(), text)?;
    let ambiguous = zone.to_ambiguous_timestamp(local);
    let skipped = || InstantError::Skipped {
        text: text.to_owned(),
        zone: zone_name.to_owned(),
    };
    match ambiguous.offset() {
        AmbiguousOffset::Gap { .. } => Err(skipped()),
        AmbiguousOffset::Unambiguous { offset } | AmbiguousOffset::Fold { before: offset, .. } => {
            offset.to_timestamp(local).map_err(|_| skipped())
        }
    }
}

fn is_plain_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// `HH:MM` or `HH:MM:SS` with an optional fraction.
fn is_plain_time(text: &str) -> bool {
    let b = text.as_bytes();
    let hm = b.len() >= 5 && b[2] == b':' && [0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit());
    match b.len() {
        5 => hm,
        n if n >= 8 => {
            hm && b[5] == b':'
                && b[6].is_ascii_digit()
                && b[7].is_ascii_digit()
                && (n == 8 || (b[8] == b'.' && b[9..].iter().all(u8::is_ascii_digit) && n > 9))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::TimeZoneDatabase;

    fn zone(name: &str) -> TimeZone {
        TimeZoneDatabase::bundled().get(name).unwrap()
    }

    #[test]
    fn local_time_is_read_in_the_zone() {
        let sp = zone("America/Sao_Paulo");
        let ts = parse_at("2026-05-05T14:00", &sp, "America/Sao_Paulo").unwrap();
        assert_eq!(ts.to_string(), "2026-05-05T17:00:00Z");
        let ts = parse_at("2026-05-05T14:00:30", &sp, "America/Sao_Paulo").unwrap();
        assert_eq!(ts.to_string(), "2026-05-05T17:00:30Z");
    }

    #[test]
    fn offsets_are_respected() {
        let sp = zone("America/Sao_Paulo");
        assert_eq!(
            parse_at("2026-05-05T14:00:00Z", &sp, "x")
                .unwrap()
                .to_string(),
            "2026-05-05T14:00:00Z"
        );
        assert_eq!(
            parse_at("2026-05-05T14:00:00+02:00", &sp, "x")
                .unwrap()
                .to_string(),
            "2026-05-05T12:00:00Z"
        );
    }

    #[test]
    fn dst_gap_is_an_error_and_fold_takes_the_earlier() {
        let ny = zone("America/New_York");
        let err = parse_at("2026-03-08T02:30", &ny, "America/New_York").unwrap_err();
        assert!(matches!(err, InstantError::Skipped { .. }), "{err}");
        let fold = parse_at("2026-11-01T01:30", &ny, "America/New_York").unwrap();
        assert_eq!(fold.to_string(), "2026-11-01T05:30:00Z");
    }

    #[test]
    fn malformed_values_are_rejected() {
        let utc = TimeZone::UTC;
        for bad in [
            "",
            "2026-05-05",
            "tomorrow",
            "2026-13-01T10:00",
            "2026-05-05T25:00",
            "2026-05-05T10",
        ] {
            assert!(parse_at(bad, &utc, "UTC").is_err(), "{bad}");
        }
        for bad in ["2026-02-30", "2026-5-1", "05/01/2026"] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn item9_years_outside_1900_to_2200_are_out_of_range() {
        let utc = TimeZone::UTC;
        for bad in [
            "0000-01-01T00:00:00",
            "9999-12-31T10:00:00Z",
            "1899-12-31T23:59",
        ] {
            let err = parse_at(bad, &utc, "UTC").unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("{bad:?} is out of range (years 1900–2200)")
            );
        }
        let err = parse_now("9999-12-31", &utc, "UTC").unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"9999-12-31\" is out of range (years 1900–2200)"
        );
        assert!(matches!(
            parse_date("0000-01-01"),
            Err(InstantError::OutOfRange { .. })
        ));
        assert!(parse_date("1900-01-01").is_ok() && parse_date("2200-12-31").is_ok());
    }

    #[test]
    fn item9_impossible_or_contradicted_offsets_are_errors() {
        let utc = TimeZone::UTC;
        let err = parse_at("2026-05-05T14:00:00+25:00", &utc, "UTC").unwrap_err();
        assert!(err.to_string().contains("beyond ±18:00"), "{err}");
        let err = parse_at("2026-05-05T14:00:00+18:30", &utc, "UTC").unwrap_err();
        assert!(err.to_string().contains("beyond ±18:00"), "{err}");
        let err =
            parse_at("2026-05-05T14:00:00+09:00[America/Sao_Paulo]", &utc, "UTC").unwrap_err();
        assert!(err.to_string().contains("not America/Sao_Paulo's"), "{err}");
        let ok = parse_at("2026-05-05T14:00:00-03:00[America/Sao_Paulo]", &utc, "UTC").unwrap();
        assert_eq!(ok.to_string(), "2026-05-05T17:00:00Z");
        assert!(parse_at("2026-05-05T14:00:00+14:00", &utc, "UTC").is_ok());
    }

    #[test]
    fn now_as_a_date_means_nine_local() {
        let tokyo = zone("Asia/Tokyo");
        let ts = parse_now("2026-05-11", &tokyo, "Asia/Tokyo").unwrap();
        assert_eq!(ts.to_string(), "2026-05-11T00:00:00Z");
    }
}
