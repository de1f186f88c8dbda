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
    #[error("{text:?} names a date ahead; it fits a promise or a deadline, not when something happened")]
    FutureOnly {
        /// What was given.
        text: String,
    },
    /// A phrase with a time (`monday 9am`) given for a date ahead.
    #[error("{text:?} has a time of day; promises and deadlines take a date (like friday or 2026-05-08)")]
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
            (Day::Now, _) => return Err(unknown()),
            (Day::Iso(_), _) | (_, Direction::Past) => {}
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
        Day::Now => {
            return Ok(Resolved {
                date: today,
                at: Some(reference.clone()),
            });
        }
        Day::Iso(date) => date,
        Day::Offset(days) => add_days(today, days, text)?,
        Day::Weekday(weekday) => match direction {
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
        Day::Next(weekday) => {
            let next_monday = add_days(monday_of(today, text)?, 7, text)?;
            add_days(next_monday, i64::from(Weekday::Monday.until(weekday)), text)?
        }
        Day::EndOfWeek => {
            let friday = add_days(monday_of(today, text)?, 4, text)?;
            if friday < today {
                return Err(PhraseError::Passed {
                    text: text.to_owned(),
                    friday: spell_date(friday, today),
                });
            }
            friday
        }
        Day::EndOfMonth => today.last_of_month(),
        Day::In(days) => add_days(today, days, text)?,
        Day::MonthDay { month, day } => month_day(month, day, direction, today, text)?,
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
enum Day {
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

impl Day {
    /// Phrases that only make sense for a date ahead (the "—" of the past column).
    fn looks_ahead(self) -> bool {
        matches!(
            self,
            Day::Next(_) | Day::EndOfWeek | Day::EndOfMonth | Day::In(_)
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

fn read_day(tokens: &[&str]) -> Option<Day> {
    match tokens {
        ["now"] => Some(Day::Now),
        ["today"] => Some(Day::Offset(0)),
        ["yesterday"] => Some(Day::Offset(-1)),
        ["tomorrow"] => Some(Day::Offset(1)),
        [one] => {
            if let Some(weekday) = weekday(one) {
                return Some(Day::Weekday(weekday));
            }
            iso_date(one).map(Day::Iso)
        }
        ["next", name] => weekday(name).map(Day::Next),
        ["end", "of", "week"] | ["end", "of", "the", "week"] => Some(Day::EndOfWeek),
        ["end", "of", "month"] | ["end", "of", "the", "month"] => Some(Day::EndOfMonth),
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
            Some(Day::In(count * per))
        }
        [a, b] => {
            let (month, day) = match (month(a), month(b)) {
                (Some(m), None) => (m, day_of_month(b)?),
                (None, Some(m)) => (m, day_of_month(a)?),
                _ => return None,
            };
            Some(Day::MonthDay { month, day })
        }
        _ => None,
    }
}

/// Reads `YYYY-MM-DD`.
fn iso_date(token: &str) -> Option<Date> {
    super::instant::parse_date(token).ok()
}

fn weekday(name: &str) -> Option<Weekday> {
    Some(match name {
        "monday" | "mon" => Weekday::Monday,
        "tuesday" | "tue" | "tues" => Weekday::Tuesday,
        "wednesday" | "wed" | "weds" => Weekday::Wednesday,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thursday,
        "friday" | "fri" => Weekday::Friday,
        "saturday" | "sat" => Weekday::Saturday,
        "sunday" | "sun" => Weekday::Sunday,
        _ => return None,
    })
}

fn month(name: &str) -> Option<i8> {
    Some(match name {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
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
    add_days(date, -i64::from(Weekday::Monday.until(date.weekday())), text)
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
mod tests {
}
