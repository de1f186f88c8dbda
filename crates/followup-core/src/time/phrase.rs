//! Date phrases people type on the command line ("friday", "in 2 weeks", "yesterday 15:00"),
//! resolved against a reference instant in the process's zone.
//!
//! Past phrases say when something happened (`--at`); future phrases say when something is
//! due (a promise, a deadline). Which phrases mean what in each direction is the table of
//! issue 5 ("Dates people type"):
//!
//! | phrase | past | future |
//! |---|---|---|
//! | `2026-05-08`, `2026-05-08 14:00` | that date | that date |
//! | `8 may`, `may 8` | the most recent one not after the reference day | the next one not before it |
//! | `today`, `yesterday`, `tomorrow`, `now` | as said | as said |
//! | `friday` | the most recent Friday, the reference day allowed | the first Friday strictly after |
//! | `next friday` | — | the Friday of the following calendar week (weeks start Monday) |
//! | `end of week`, `end of month` | — | Friday of this week / last day of this month |
//! | `in 3 days`, `in 2 weeks` | — | reference day + that span |
//! | `monday 9am`, `yesterday 15:00` | that date, that time | — |
//!
//! Names may be short (`fri`, `sept`), any case, with extra spaces. Nothing here reads the
//! clock: the reference instant is passed in, and its zone is the zone dates are read in.

use jiff::civil::{Date, Time, Weekday};
use jiff::{Span, ZonedDateTime};

use super::instant::{InstantError, local_to_timestamp};
use super::spell::spell_date;

/// Which way a phrase points: when something happened, or when something is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// When something happened (`--at`): weekdays and month-days look back.
    Past,
    /// When something is due (a promise, a deadline): weekdays and month-days look ahead.
    Future,
}

/// A phrase resolved to a local date, and to an instant when the phrase named a time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The local date in the reference's zone.
    pub date: Date,
    /// The instant, when the phrase named a time (`now`, `yesterday 15:00`,
    /// `2026-05-08 14:00`); in the reference's zone.
    pub at: Option<ZonedDateTime>,
}

impl Resolved {
    /// The instant the phrase names, or `date` at `default_time` when it named only a day.
    ///
    /// `reference` supplies the zone (the one the phrase was parsed with). A default time that
    /// the zone skips (a DST gap) is an error; one that happens twice takes the earlier.
    pub fn instant_or(
        &self,
        default_time: Time,
        reference: &ZonedDateTime,
    ) -> Result<ZonedDateTime, PhraseError> {
        match &self.at {
            Some(at) => Ok(at.clone()),
            None => place(self.date, default_time, &self.date.to_string(), reference),
        }
    }
}

/// Why a phrase could not be resolved. Messages are one line and quote the phrase.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PhraseError {
    /// The phrase is in no accepted form.
    #[error("cannot read {text:?} as a date; accepted: {}", accepted_forms(*direction))]
    Unknown {
        /// What was given.
        text: String,
        /// The direction it was read in, which decides the forms listed.
        direction: Direction,
    },
    /// A phrase for dates ahead (`next friday`, `in 3 days`, ...) given for a past event.
    #[error(
        "{text:?} names a date ahead; it fits a promise or a deadline, not when something happened"
    )]
    FutureOnly {
        /// What was given.
        text: String,
    },
    /// A phrase with a time (`monday 9am`) given for a date ahead.
    #[error(
        "{text:?} has a time of day; promises and deadlines take a date (like friday or 2026-05-08)"
    )]
    PastOnly {
        /// What was given.
        text: String,
    },
    /// A day that does not exist in that month (`31 april`, `30 feb`).
    #[error("{text:?} is not a day of the calendar")]
    NoSuchDay {
        /// What was given.
        text: String,
    },
    /// `end of week` said on a weekend, when this week's Friday has passed.
    #[error("{text:?} was {friday}, already past; say next friday or give a date")]
    Passed {
        /// What was given.
        text: String,
        /// The Friday that has passed, spelled.
        friday: String,
    },
    /// The phrase resolves outside the calendar jiff supports (`in 99999999 weeks`).
    #[error("{text:?} is too far away")]
    OutOfRange {
        /// What was given.
        text: String,
    },
    /// A local time that the zone skips (a DST gap).
    #[error("{text:?} does not exist in {zone} (the clocks skip it)")]
    Skipped {
        /// What was given.
        text: String,
        /// The zone's name.
        zone: String,
    },
}

/// The accepted forms for a direction, as one line for errors and hints.
pub fn accepted_forms(direction: Direction) -> &'static str {
    match direction {
        Direction::Past => {
            "2026-05-08, 2026-05-08 14:00, 8 may, may 8, today, yesterday, now, friday, \
             monday 9am, yesterday 15:00"
        }
        Direction::Future => {
            "2026-05-08, 8 may, may 8, today, tomorrow, friday, next friday, end of week, \
             end of month, in 3 days, in 2 weeks"
        }
    }
}

/// Resolves `text` in `direction`, relative to `reference` and in its zone.
///
/// The reference day is `reference`'s local date: today for `--at`, the day a promise was
/// made for its date.
pub fn parse_phrase(
    text: &str,
    direction: Direction,
    reference: &ZonedDateTime,
) -> Result<Resolved, PhraseError> {
    let normalized = text.trim().to_lowercase();
    let tokens = tokenize(&normalized);
    let unknown = || PhraseError::Unknown {
        text: text.to_owned(),
        direction,
    };
    let (day_tokens, time) = split_time(&tokens);
    if day_tokens.is_empty() {
        return Err(unknown());
    }
    let day = read_day(day_tokens).ok_or_else(unknown)?;
    let today = reference.date();

    if time.is_some() {
        match (&day, direction) {
            (DayPart::Now, _) => return Err(unknown()),
            (DayPart::Iso(_), _) | (_, Direction::Past) => {}
            (_, Direction::Future) => {
                return Err(PhraseError::PastOnly {
                    text: text.to_owned(),
                });
            }
        }
    }
    if direction == Direction::Past && day.looks_ahead() {
        return Err(PhraseError::FutureOnly {
            text: text.to_owned(),
        });
    }

    let date = match day {
        DayPart::Now => {
            return Ok(Resolved {
                date: today,
                at: Some(reference.clone()),
            });
        }
        DayPart::Iso(date) => date,
        DayPart::Offset(days) => add_days(today, days, text)?,
        DayPart::Weekday(weekday) => match direction {
            // `a.until(b)` counts days forward from weekday a to weekday b (0..=6).
            Direction::Past => add_days(today, -i64::from(weekday.until(today.weekday())), text)?,
            Direction::Future => {
                let ahead = match today.weekday().until(weekday) {
                    0 => 7,
                    n => n,
                };
                add_days(today, i64::from(ahead), text)?
            }
        },
        DayPart::Next(weekday) => {
            let next_monday = add_days(monday_of(today, text)?, 7, text)?;
            add_days(next_monday, i64::from(Weekday::Monday.until(weekday)), text)?
        }
        DayPart::EndOfWeek => {
            let friday = add_days(monday_of(today, text)?, 4, text)?;
            if friday < today {
                return Err(PhraseError::Passed {
                    text: text.to_owned(),
                    friday: spell_date(friday, today),
                });
            }
            friday
        }
        DayPart::EndOfMonth => today.last_of_month(),
        DayPart::In(days) => add_days(today, days, text)?,
        DayPart::MonthDay { month, day } => month_day(month, day, direction, today, text)?,
    };

    match time {
        None => Ok(Resolved { date, at: None }),
        Some(time) => Ok(Resolved {
            date,
            at: Some(place(date, time, text, reference)?),
        }),
    }
}

/// Spells a resolved phrase for people: "Friday 8 May", "Tuesday 5 May at 15:00"; the year
/// appears when it differs from `today`'s.
pub fn describe(resolved: &Resolved, today: Date) -> String {
    let day = spell_date(resolved.date, today);
    match &resolved.at {
        Some(at) => format!("{day} at {}", at.strftime("%H:%M")),
        None => day,
    }
}

/// What the day part of a phrase says, before it is placed relative to the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DayPart {
    Now,
    Iso(Date),
    /// `today` (0), `yesterday` (-1), `tomorrow` (1).
    Offset(i64),
    Weekday(Weekday),
    Next(Weekday),
    EndOfWeek,
    EndOfMonth,
    /// `in N days|weeks`, in days.
    In(i64),
    MonthDay {
        month: i8,
        day: i8,
    },
}

impl DayPart {
    /// Phrases that only make sense for a date ahead (the "—" of the past column).
    fn looks_ahead(self) -> bool {
        matches!(
            self,
            DayPart::Next(_) | DayPart::EndOfWeek | DayPart::EndOfMonth | DayPart::In(_)
        )
    }
}

/// Splits on whitespace, and splits `2026-05-08t14:00` so its time reads like `2026-05-08 14:00`.
fn tokenize(normalized: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    for token in normalized.split_whitespace() {
        match token.split_once('t') {
            Some((day, time)) if iso_date(day).is_some() && !time.is_empty() => {
                tokens.push(day);
                tokens.push(time);
            }
            _ => tokens.push(token),
        }
    }
    tokens
}

/// Splits a trailing time of day (`9am`, `9 am`, `15:00`, optionally after `at`) off the
/// tokens. A bare number is never a time, so `may 8` keeps its day.
fn split_time<'a, 'b>(tokens: &'b [&'a str]) -> (&'b [&'a str], Option<Time>) {
    let n = tokens.len();
    let (rest, time) = if n >= 2
        && matches!(tokens[n - 1], "am" | "pm")
        && let Some(time) = read_time(&format!("{}{}", tokens[n - 2], tokens[n - 1]))
    {
        (&tokens[..n - 2], Some(time))
    } else if n >= 1
        && let Some(time) = read_time(tokens[n - 1])
    {
        (&tokens[..n - 1], Some(time))
    } else {
        return (tokens, None);
    };
    match rest.split_last() {
        Some((&"at", before)) => (before, time),
        _ => (rest, time),
    }
}

/// Reads `15:00`, `15:00:30`, `9am`, `9:30pm`, `12am` (midnight).
fn read_time(token: &str) -> Option<Time> {
    let (clock, meridiem) = if let Some(c) = token.strip_suffix("am") {
        (c, Some(false))
    } else if let Some(c) = token.strip_suffix("pm") {
        (c, Some(true))
    } else {
        (token, None)
    };
    let mut parts = clock.split(':');
    let hour = number(parts.next()?, 1, 2)?;
    let minute = parts.next().map(|m| number(m, 2, 2)).unwrap_or(Some(0))?;
    let second = parts.next().map(|s| number(s, 2, 2)).unwrap_or(Some(0))?;
    if parts.next().is_some() {
        return None;
    }
    let hour = match meridiem {
        // A bare hour is a number, not a time: `9` alone could be a day of the month.
        None if !clock.contains(':') => return None,
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(pm) => hour % 12 + if pm { 12 } else { 0 },
    };
    let hour = i8::try_from(hour).ok()?;
    let minute = i8::try_from(minute).ok()?;
    let second = i8::try_from(second).ok()?;
    Time::new(hour, minute, second, 0).ok()
}

/// Reads an ASCII number of `min..=max` digits.
fn number(text: &str, min: usize, max: usize) -> Option<u32> {
    if (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

fn read_day(tokens: &[&str]) -> Option<DayPart> {
    match tokens {
        ["now"] => Some(DayPart::Now),
        ["today"] => Some(DayPart::Offset(0)),
        ["yesterday"] => Some(DayPart::Offset(-1)),
        ["tomorrow"] => Some(DayPart::Offset(1)),
        [one] => {
            if let Some(weekday) = weekday(one) {
                return Some(DayPart::Weekday(weekday));
            }
            iso_date(one).map(DayPart::Iso)
        }
        ["next", name] => weekday(name).map(DayPart::Next),
        ["end", "of", "week"] | ["end", "of", "the", "week"] => Some(DayPart::EndOfWeek),
        ["end", "of", "month"] | ["end", "of", "the", "month"] => Some(DayPart::EndOfMonth),
        ["in", count, unit] => {
            let count: i64 = match *count {
                "a" | "one" => 1,
                digits => i64::from(number(digits, 1, 9)?),
            };
            let per = match *unit {
                "day" | "days" => 1,
                "week" | "weeks" => 7,
                _ => return None,
            };
            Some(DayPart::In(count * per))
        }
        [a, b] => {
            let (month, day) = match (month(a), month(b)) {
                (Some(m), None) => (m, day_of_month(b)?),
                (None, Some(m)) => (m, day_of_month(a)?),
                _ => return None,
            };
            Some(DayPart::MonthDay { month, day })
        }
        _ => None,
    }
}

/// Reads `YYYY-MM-DD`.
fn iso_date(token: &str) -> Option<Date> {
    super::instant::parse_date(token).ok()
}

/// English weekday names, Monday first: the full name and its abbreviations. The one table
/// of weekday names: the date phrases people type read it, and so does the message reviewer.
pub const WEEKDAY_NAMES: [(Weekday, &str, &[&str]); 7] = [
    (Weekday::Monday, "monday", &["mon"]),
    (Weekday::Tuesday, "tuesday", &["tue", "tues"]),
    (Weekday::Wednesday, "wednesday", &["wed", "weds"]),
    (Weekday::Thursday, "thursday", &["thu", "thur", "thurs"]),
    (Weekday::Friday, "friday", &["fri"]),
    (Weekday::Saturday, "saturday", &["sat"]),
    (Weekday::Sunday, "sunday", &["sun"]),
];

/// English month names, January first: the full name and its abbreviations. The one table of
/// month names, shared like [`WEEKDAY_NAMES`].
pub const MONTH_NAMES: [(&str, &[&str]); 12] = [
    ("january", &["jan"]),
    ("february", &["feb"]),
    ("march", &["mar"]),
    ("april", &["apr"]),
    ("may", &[]),
    ("june", &["jun"]),
    ("july", &["jul"]),
    ("august", &["aug"]),
    ("september", &["sep", "sept"]),
    ("october", &["oct"]),
    ("november", &["nov"]),
    ("december", &["dec"]),
];

/// A weekday from its lowercase English name or abbreviation ("friday", "fri").
pub fn weekday(name: &str) -> Option<Weekday> {
    WEEKDAY_NAMES
        .iter()
        .find(|(_, full, short)| *full == name || short.contains(&name))
        .map(|(day, _, _)| *day)
}

/// A month's number (1–12) from its lowercase English name or abbreviation ("sept" is 9).
pub fn month(name: &str) -> Option<i8> {
    let index = MONTH_NAMES
        .iter()
        .position(|(full, short)| *full == name || short.contains(&name))?;
    i8::try_from(index + 1).ok()
}

/// Reads `8`, `08` or `8th` as a day number 1..=31 (whether the month has it is checked later).
fn day_of_month(text: &str) -> Option<i8> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| text.strip_suffix(suffix))
        .unwrap_or(text);
    let day = number(digits, 1, 2)?;
    if (1..=31).contains(&day) {
        i8::try_from(day).ok()
    } else {
        None
    }
}

/// The month-day nearest the reference day in `direction` (the day itself counts).
fn month_day(
    month: i8,
    day: i8,
    direction: Direction,
    today: Date,
    text: &str,
) -> Result<Date, PhraseError> {
    // 2000 is a leap year: a day it lacks exists in no year (`30 feb`, `31 april`).
    if Date::new(2000, month, day).is_err() {
        return Err(PhraseError::NoSuchDay {
            text: text.to_owned(),
        });
    }
    let step: i16 = match direction {
        Direction::Past => -1,
        Direction::Future => 1,
    };
    // 29 February can be eight years away (around 2100); nine tries always find it.
    let mut year = today.year();
    for _ in 0..9 {
        if let Ok(date) = Date::new(year, month, day) {
            let fits = match direction {
                Direction::Past => date <= today,
                Direction::Future => date >= today,
            };
            if fits {
                return Ok(date);
            }
        }
        year = match year.checked_add(step) {
            Some(y) => y,
            None => break,
        };
    }
    Err(PhraseError::OutOfRange {
        text: text.to_owned(),
    })
}

fn monday_of(date: Date, text: &str) -> Result<Date, PhraseError> {
    add_days(
        date,
        -i64::from(Weekday::Monday.until(date.weekday())),
        text,
    )
}

fn add_days(date: Date, days: i64, text: &str) -> Result<Date, PhraseError> {
    let out_of_range = || PhraseError::OutOfRange {
        text: text.to_owned(),
    };
    let span = Span::new().try_days(days).map_err(|_| out_of_range())?;
    date.checked_add(span).map_err(|_| out_of_range())
}

/// Places a local date and time in the reference's zone: a gap is an error, a fold takes the
/// earlier instant.
fn place(
    date: Date,
    time: Time,
    text: &str,
    reference: &ZonedDateTime,
) -> Result<ZonedDateTime, PhraseError> {
    let zone = reference.time_zone();
    let zone_name = zone.iana_name().unwrap_or("this time zone");
    local_to_timestamp(date.to_datetime(time), text, zone, zone_name)
        .map(|ts| ts.to_zoned_datetime(zone.clone()))
        .map_err(|err| match err {
            InstantError::Skipped { text, zone } => PhraseError::Skipped { text, zone },
            _ => PhraseError::OutOfRange {
                text: text.to_owned(),
            },
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests fail loudly on purpose.
mod tests {
    use super::*;
    use jiff::tz::TimeZoneDatabase;
    use proptest::prelude::*;
    use rstest::rstest;

    use Direction::{Future, Past};

    /// A local instant in a named zone.
    fn at(local: &str, zone: &str) -> ZonedDateTime {
        let zone = TimeZoneDatabase::bundled().get(zone).unwrap();
        local
            .parse::<jiff::civil::DateTime>()
            .unwrap()
            .to_zoned_datetime(zone)
            .unwrap()
    }

    /// The reference of the table tests: Wednesday 6 May 2026, 10:30 in São Paulo.
    fn wednesday() -> ZonedDateTime {
        at("2026-05-06T10:30", "America/Sao_Paulo")
    }

    /// Resolves and prints `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` (local) for compact tables.
    fn resolve(text: &str, direction: Direction, reference: &ZonedDateTime) -> String {
        let resolved = parse_phrase(text, direction, reference)
            .unwrap_or_else(|e| panic!("{text:?} {direction:?}: {e}"));
        match resolved.at {
            Some(at) => {
                assert_eq!(at.date(), resolved.date);
                at.strftime("%Y-%m-%d %H:%M").to_string()
            }
            None => resolved.date.to_string(),
        }
    }

    // One test per row of issue 5's table "Dates people type"; each case is one cell.
    #[rstest]
    #[case::iso_date_past("2026-05-08", Past, "2026-05-08")]
    #[case::iso_date_future("2026-05-08", Future, "2026-05-08")]
    #[case::iso_date_time_past("2026-05-08 14:00", Past, "2026-05-08 14:00")]
    #[case::iso_date_time_future("2026-05-08 14:00", Future, "2026-05-08 14:00")]
    #[case::iso_t_separator("2026-05-04T09:15", Past, "2026-05-04 09:15")]
    #[case::day_month_past_is_last_year("8 may", Past, "2025-05-08")]
    #[case::day_month_past_this_year("4 may", Past, "2026-05-04")]
    #[case::day_month_future("8 may", Future, "2026-05-08")]
    #[case::month_day_past("may 8", Past, "2025-05-08")]
    #[case::month_day_future("may 8", Future, "2026-05-08")]
    #[case::month_day_future_next_year("may 4", Future, "2027-05-04")]
    fn row_dates(#[case] text: &str, #[case] direction: Direction, #[case] expected: &str) {
        assert_eq!(resolve(text, direction, &wednesday()), expected);
    }

    #[rstest]
    #[case::today_past("today", Past, "2026-05-06")]
    #[case::today_future("today", Future, "2026-05-06")]
    #[case::yesterday_past("yesterday", Past, "2026-05-05")]
    #[case::yesterday_future("yesterday", Future, "2026-05-05")]
    #[case::tomorrow_past("tomorrow", Past, "2026-05-07")]
    #[case::tomorrow_future("tomorrow", Future, "2026-05-07")]
    #[case::now_past("now", Past, "2026-05-06 10:30")]
    #[case::now_future("now", Future, "2026-05-06 10:30")]
    fn row_relative_days(#[case] text: &str, #[case] direction: Direction, #[case] expected: &str) {
        assert_eq!(resolve(text, direction, &wednesday()), expected);
    }

    #[test]
    fn row_relative_days_now_is_the_reference_instant() {
        let reference = at("2026-05-06T10:30:17.5", "America/Sao_Paulo");
        let resolved = parse_phrase("now", Past, &reference).unwrap();
        assert_eq!(resolved.at, Some(reference));
    }

    #[rstest]
    #[case::past_before("friday", Past, "2026-05-01")]
    #[case::past_today_allowed("wednesday", Past, "2026-05-06")]
    #[case::past_yesterday("tuesday", Past, "2026-05-05")]
    #[case::future_after("friday", Future, "2026-05-08")]
    #[case::future_strictly_after_today("wednesday", Future, "2026-05-13")]
    #[case::future_tomorrow("thursday", Future, "2026-05-07")]
    #[case::short_name("fri", Future, "2026-05-08")]
    fn row_weekday(#[case] text: &str, #[case] direction: Direction, #[case] expected: &str) {
        assert_eq!(resolve(text, direction, &wednesday()), expected);
    }

    #[rstest]
    #[case::friday("next friday", "2026-05-15")]
    #[case::monday("next monday", "2026-05-11")]
    #[case::same_weekday("next wednesday", "2026-05-13")]
    #[case::sunday("next sunday", "2026-05-17")]
    fn row_next_weekday(#[case] text: &str, #[case] expected: &str) {
        assert_eq!(resolve(text, Future, &wednesday()), expected);
        assert!(matches!(
            parse_phrase(text, Past, &wednesday()),
            Err(PhraseError::FutureOnly { .. })
        ));
    }

    #[rstest]
    #[case::end_of_week("end of week", "2026-05-08")]
    #[case::end_of_the_week("end of the week", "2026-05-08")]
    #[case::end_of_month("end of month", "2026-05-31")]
    fn row_end_of(#[case] text: &str, #[case] expected: &str) {
        assert_eq!(resolve(text, Future, &wednesday()), expected);
        assert!(matches!(
            parse_phrase(text, Past, &wednesday()),
            Err(PhraseError::FutureOnly { .. })
        ));
    }

    #[rstest]
    #[case::days("in 3 days", "2026-05-09")]
    #[case::weeks("in 2 weeks", "2026-05-20")]
    #[case::one_day("in 1 day", "2026-05-07")]
    #[case::a_week("in a week", "2026-05-13")]
    fn row_in_span(#[case] text: &str, #[case] expected: &str) {
        assert_eq!(resolve(text, Future, &wednesday()), expected);
        assert!(matches!(
            parse_phrase(text, Past, &wednesday()),
            Err(PhraseError::FutureOnly { .. })
        ));
    }

    #[rstest]
    #[case::weekday_am("monday 9am", "2026-05-04 09:00")]
    #[case::yesterday_24h("yesterday 15:00", "2026-05-05 15:00")]
    #[case::spaced_pm("tuesday 3 pm", "2026-05-05 15:00")]
    #[case::minutes_pm("today 1:45pm", "2026-05-06 13:45")]
    #[case::with_at("yesterday at 9am", "2026-05-05 09:00")]
    #[case::noon("yesterday 12pm", "2026-05-05 12:00")]
    #[case::midnight("yesterday 12am", "2026-05-05 00:00")]
    #[case::month_day("4 may 10:00", "2026-05-04 10:00")]
    fn row_day_with_time(#[case] text: &str, #[case] expected: &str) {
        assert_eq!(resolve(text, Past, &wednesday()), expected);
        assert!(matches!(
            parse_phrase(text, Future, &wednesday()),
            Err(PhraseError::PastOnly { .. })
        ));
    }

    #[rstest]
    #[case::empty("")]
    #[case::spaces("   ")]
    #[case::word("soon")]
    #[case::bare_number("8")]
    #[case::bare_time("15:00")]
    #[case::now_with_time("now 15:00")]
    #[case::bad_hour("yesterday 25:00")]
    #[case::thirteen_pm("yesterday 13pm")]
    #[case::next_month("next may")]
    #[case::in_months("in 2 months")]
    #[case::slashes("05/08/2026")]
    #[case::two_months("may june")]
    #[case::day_zero("0 may")]
    fn anything_else_lists_the_accepted_forms(#[case] text: &str) {
        for direction in [Past, Future] {
            let err = parse_phrase(text, direction, &wednesday()).unwrap_err();
            assert!(
                matches!(err, PhraseError::Unknown { .. }),
                "{text:?}: {err}"
            );
            let message = err.to_string();
            assert!(message.contains(accepted_forms(direction)), "{message}");
            assert!(!message.contains('\n'));
        }
    }

    #[test]
    fn case_and_spaces_do_not_matter() {
        assert_eq!(resolve("  Next   FRI ", Future, &wednesday()), "2026-05-15");
        assert_eq!(resolve("END of Month", Future, &wednesday()), "2026-05-31");
        assert_eq!(resolve("Sept 8", Future, &wednesday()), "2026-09-08");
        assert_eq!(resolve("8th MAY", Future, &wednesday()), "2026-05-08");
        assert_eq!(
            resolve("Monday 9AM", Past, &wednesday()),
            "2026-05-04 09:00"
        );
    }

    #[test]
    fn month_day_on_the_reference_day_is_that_day_both_ways() {
        assert_eq!(resolve("6 may", Past, &wednesday()), "2026-05-06");
        assert_eq!(resolve("may 6", Future, &wednesday()), "2026-05-06");
    }

    #[test]
    fn february_29_goes_to_the_nearest_leap_year() {
        assert_eq!(resolve("29 feb", Past, &wednesday()), "2024-02-29");
        assert_eq!(resolve("feb 29", Future, &wednesday()), "2028-02-29");
        // 2100 is not a leap year: the next 29 February after 2096 is in 2104.
        let reference = at("2097-01-01T12:00", "UTC");
        assert_eq!(resolve("29 feb", Future, &reference), "2104-02-29");
        assert_eq!(resolve("29 feb", Past, &reference), "2096-02-29");
    }

    #[rstest]
    #[case::thirty_feb("30 feb")]
    #[case::thirty_one_april("april 31")]
    #[case::thirty_two("32 may")]
    fn days_missing_from_the_calendar_are_errors(#[case] text: &str) {
        let err = parse_phrase(text, Future, &wednesday()).unwrap_err();
        assert!(
            matches!(
                err,
                PhraseError::NoSuchDay { .. } | PhraseError::Unknown { .. }
            ),
            "{err}"
        );
    }

    #[test]
    fn year_wraps() {
        let new_year_eve = at("2026-12-30T18:00", "Europe/Lisbon"); // a Wednesday
        assert_eq!(resolve("jan 5", Future, &new_year_eve), "2027-01-05");
        assert_eq!(resolve("dec 31", Past, &new_year_eve), "2025-12-31");
        assert_eq!(resolve("next friday", Future, &new_year_eve), "2027-01-08");
        assert_eq!(resolve("in 1 week", Future, &new_year_eve), "2027-01-06");
        assert_eq!(resolve("end of week", Future, &new_year_eve), "2027-01-01");
        let january = at("2027-01-02T09:00", "Europe/Lisbon");
        assert_eq!(resolve("dec 31", Past, &january), "2026-12-31");
        assert_eq!(resolve("wednesday", Past, &january), "2026-12-30");
    }

    #[test]
    fn end_of_week_on_a_weekend_has_passed() {
        let saturday = at("2026-05-09T10:00", "America/Sao_Paulo");
        let err = parse_phrase("end of week", Future, &saturday).unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"end of week\" was Friday 8 May, already past; say next friday or give a date"
        );
        let friday = at("2026-05-08T10:00", "America/Sao_Paulo");
        assert_eq!(resolve("end of week", Future, &friday), "2026-05-08");
        // On a Sunday the following calendar week starts tomorrow.
        let sunday = at("2026-05-10T10:00", "America/Sao_Paulo");
        assert_eq!(resolve("next friday", Future, &sunday), "2026-05-15");
    }

    #[test]
    fn dates_are_read_in_the_reference_zone() {
        // 23:30 on Tuesday in São Paulo is already Wednesday in UTC.
        let late = at("2026-05-05T23:30", "America/Sao_Paulo");
        assert_eq!(resolve("today", Past, &late), "2026-05-05");
        let utc = late.with_time_zone(jiff::tz::TimeZone::UTC);
        assert_eq!(resolve("today", Past, &utc), "2026-05-06");
    }

    #[test]
    fn a_skipped_local_time_is_an_error() {
        let ny = at("2026-03-09T12:00", "America/New_York");
        let err = parse_phrase("2026-03-08 02:30", Past, &ny).unwrap_err();
        assert_eq!(
            err,
            PhraseError::Skipped {
                text: "2026-03-08 02:30".into(),
                zone: "America/New_York".into()
            }
        );
        let err = parse_phrase("yesterday 2:30am", Past, &ny).unwrap_err();
        assert!(matches!(err, PhraseError::Skipped { .. }), "{err}");
        // The day itself is fine without the missing hour.
        assert_eq!(resolve("yesterday 3:30am", Past, &ny), "2026-03-08 03:30");
    }

    #[test]
    fn a_repeated_local_time_takes_the_earlier() {
        let ny = at("2026-11-02T12:00", "America/New_York");
        let resolved = parse_phrase("yesterday 1:30am", Past, &ny).unwrap();
        let at = resolved.at.unwrap();
        assert_eq!(at.timestamp().to_string(), "2026-11-01T05:30:00Z");
    }

    #[test]
    fn too_far_is_an_error_not_a_panic() {
        let err = parse_phrase("in 999999999 weeks", Future, &wednesday()).unwrap_err();
        assert!(matches!(err, PhraseError::OutOfRange { .. }), "{err}");
        let end = at("9999-12-30T12:00", "UTC");
        let err = parse_phrase("in 3 days", Future, &end).unwrap_err();
        assert!(matches!(err, PhraseError::OutOfRange { .. }), "{err}");
        assert!(parse_phrase("next friday", Future, &end).is_err());
    }

    #[test]
    fn instant_or_places_a_bare_day_at_the_default_time() {
        let reference = wednesday();
        let nine = Time::constant(9, 0, 0, 0);
        let day = parse_phrase("yesterday", Past, &reference).unwrap();
        let placed = day.instant_or(nine, &reference).unwrap();
        assert_eq!(placed.timestamp().to_string(), "2026-05-05T12:00:00Z");
        let timed = parse_phrase("yesterday 15:00", Past, &reference).unwrap();
        let placed = timed.instant_or(nine, &reference).unwrap();
        assert_eq!(placed.strftime("%H:%M").to_string(), "15:00");
    }

    #[test]
    fn describe_echoes_the_date_back() {
        let reference = wednesday();
        let today = reference.date();
        let friday = parse_phrase("friday", Future, &reference).unwrap();
        assert_eq!(describe(&friday, today), "Friday 8 May");
        let timed = parse_phrase("yesterday 15:00", Past, &reference).unwrap();
        assert_eq!(describe(&timed, today), "Tuesday 5 May at 15:00");
        let later = parse_phrase("jan 8", Future, &reference).unwrap();
        assert_eq!(describe(&later, today), "Friday 8 January 2027");
    }

    proptest! {
        #[test]
        fn weekdays_and_month_days_land_on_the_right_side(
            days in 0i64..60_000,
            weekday in 1i8..=7,
            month in 1i8..=12,
            day in 1i8..=28,
        ) {
            let today = Date::constant(1900, 1, 1).checked_add(Span::new().days(days)).unwrap();
            let reference = today
                .to_datetime(Time::constant(12, 0, 0, 0))
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .unwrap();
            let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
            let name = names[usize::try_from(weekday - 1).unwrap()];
            let past = parse_phrase(name, Past, &reference).unwrap().date;
            let future = parse_phrase(name, Future, &reference).unwrap().date;
            prop_assert!(past <= today && (today - past).get_days() < 7);
            prop_assert!(future > today && (future - today).get_days() <= 7);
            prop_assert_eq!(past.weekday().to_monday_one_offset(), weekday);
            prop_assert_eq!(future.weekday().to_monday_one_offset(), weekday);

            let phrase = format!("{day} {}", Date::constant(2001, month, 1).strftime("%B"));
            let past = parse_phrase(&phrase, Past, &reference).unwrap().date;
            let future = parse_phrase(&phrase, Future, &reference).unwrap().date;
            prop_assert!(past <= today && (today - past).get_days() < 366);
            prop_assert!(future >= today && (future - today).get_days() < 366);
            prop_assert_eq!((past.month(), past.day()), (month, day));
            prop_assert_eq!((future.month(), future.day()), (month, day));
        }
    }
}
