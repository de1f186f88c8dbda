//! Day parts placed on the calendar: which Friday, which 20th, which 8 May, from today and the
//! direction the field looks in. Weeks run Monday to Sunday.

use jiff::civil::{Date, Time, Weekday};
use jiff::{Span, ZonedDateTime};

use super::grammar::DayPart;
use super::{DateOrder, Direction, PhraseError};
use crate::time::instant::{InstantError, local_to_timestamp};
use crate::time::spell_date;

/// How far a day and month without a year may land from today before it is more likely a
/// slip than a plan ("1 may" typed on 6 May is not next year's).
const NEAREST_MONTHS: i64 = 6;

/// The local date `day` names, seen from `today` in `direction`. Instants (`now`,
/// `an hour ago`) are placed by the caller; here they stand on today.
pub(super) fn place_day(
    day: DayPart,
    direction: Direction,
    today: Date,
    order: DateOrder,
    text: &str,
) -> Result<Date, PhraseError> {
    // `weekday` of the week `weeks` away from this one (0: this week, -1: last week).
    let day_of_week = |weeks: i64, weekday: Weekday| {
        let monday = add_days(monday_of(today, text)?, weeks * 7, text)?;
        add_days(monday, i64::from(Weekday::Monday.until(weekday)), text)
    };
    match day {
        DayPart::Now | DayPart::MinutesAgo(_) => Ok(today),
        DayPart::Iso(date) => Ok(date),
        DayPart::Offset(days) | DayPart::In(days) => add_days(today, days, text),
        DayPart::DaysAgo(days) => add_days(today, -days, text),
        // `a.until(b)` counts days forward from weekday a to weekday b (0..=6).
        DayPart::Weekday(weekday) => match direction {
            Direction::Past => add_days(today, -i64::from(weekday.until(today.weekday())), text),
            Direction::Future => {
                let ahead = match today.weekday().until(weekday) {
                    0 => 7,
                    n => n,
                };
                add_days(today, i64::from(ahead), text)
            }
        },
        DayPart::This(weekday) => day_of_week(0, weekday),
        DayPart::Next(weekday) => day_of_week(1, weekday),
        DayPart::Last(weekday) => day_of_week(-1, weekday),
        DayPart::EndOfWeek => {
            let friday = day_of_week(0, Weekday::Friday)?;
            if friday < today {
                return Err(PhraseError::Passed {
                    text: text.to_owned(),
                    friday: spell_date(friday, today),
                });
            }
            Ok(friday)
        }
        DayPart::EndOfMonth => Ok(today.last_of_month()),
        DayPart::MonthDay { month, day } => month_day(month, day, direction, today, text),
        DayPart::Numeric {
            first,
            second,
            year,
        } => {
            let no_such_day = || PhraseError::NoSuchDay {
                text: text.to_owned(),
            };
            let (month, day) = month_and_day(first, second, order).ok_or_else(no_such_day)?;
            match year {
                Some(year) => Date::new(year, month, day).map_err(|_| no_such_day()),
                None => month_day(month, day, direction, today, text),
            }
        }
        DayPart::Ordinal(day) => ordinal(day, direction, today, text),
    }
}

/// Which of two numbers is the month: a number above 12 can only be the day; when both could
/// be either, the configured order decides. `None` when neither can be a month.
fn month_and_day(first: i8, second: i8, order: DateOrder) -> Option<(i8, i8)> {
    match (first > 12, second > 12) {
        (true, true) => None,
        (true, false) => Some((second, first)),
        (false, true) => Some((first, second)),
        (false, false) => match order {
            DateOrder::Dmy => Some((second, first)),
            DateOrder::Mdy => Some((first, second)),
        },
    }
}

/// Whether `date` is on the side of `today` that `direction` looks at (today counts).
fn on_side(date: Date, today: Date, direction: Direction) -> bool {
    match direction {
        Direction::Past => date <= today,
        Direction::Future => date >= today,
    }
}

/// The month-day nearest today in `direction` (the day itself counts), refused when it is more
/// than [`NEAREST_MONTHS`] away: then the nearest one on the other side is offered instead.
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
    let found =
        nearest_month_day(month, day, direction, today).ok_or_else(|| PhraseError::OutOfRange {
            text: text.to_owned(),
        })?;
    let months = match direction {
        Direction::Past => -NEAREST_MONTHS,
        Direction::Future => NEAREST_MONTHS,
    };
    let within = today
        .checked_add(Span::new().months(months))
        .ok()
        // At the edge of the calendar there is no other side to prefer.
        .is_none_or(|limit| match direction {
            Direction::Past => found >= limit,
            Direction::Future => found <= limit,
        });
    if within {
        return Ok(found);
    }
    let other = match direction {
        Direction::Past => Direction::Future,
        Direction::Future => Direction::Past,
    };
    Err(PhraseError::FarAway {
        text: text.to_owned(),
        found,
        other: nearest_month_day(month, day, other, today),
        direction,
    })
}

/// The nearest `month`/`day` on `direction`'s side of today, if the calendar has one.
fn nearest_month_day(month: i8, day: i8, direction: Direction, today: Date) -> Option<Date> {
    let step: i16 = match direction {
        Direction::Past => -1,
        Direction::Future => 1,
    };
    // 29 February can be eight years away (around 2100); nine tries always find it.
    let mut year = today.year();
    for _ in 0..9 {
        if let Ok(date) = Date::new(year, month, day)
            && on_side(date, today, direction)
        {
            return Some(date);
        }
        year = year.checked_add(step)?;
    }
    None
}

/// The nearest month's `day` on `direction`'s side of today (today counts), skipping months
/// that lack it (`the 31st` in April is 31 May ahead, 31 March back).
fn ordinal(day: i8, direction: Direction, today: Date, text: &str) -> Result<Date, PhraseError> {
    let out_of_range = || PhraseError::OutOfRange {
        text: text.to_owned(),
    };
    let step = match direction {
        Direction::Past => Span::new().months(-1),
        Direction::Future => Span::new().months(1),
    };
    let mut month = today.first_of_month();
    // Every day 1–31 is in one of any two consecutive months; three tries always find it.
    for _ in 0..3 {
        if let Ok(date) = Date::new(month.year(), month.month(), day)
            && on_side(date, today, direction)
        {
            return Ok(date);
        }
        month = month.checked_add(step).map_err(|_| out_of_range())?;
    }
    Err(out_of_range())
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

/// The instant `minutes` before the reference (`an hour ago`).
pub(super) fn minutes_before(
    reference: &ZonedDateTime,
    minutes: i64,
    text: &str,
) -> Result<ZonedDateTime, PhraseError> {
    let out_of_range = || PhraseError::OutOfRange {
        text: text.to_owned(),
    };
    let span = Span::new()
        .try_minutes(minutes)
        .map_err(|_| out_of_range())?;
    reference.checked_sub(span).map_err(|_| out_of_range())
}

/// Places a local date and time in the reference's zone: a gap is an error, a fold takes the
/// earlier instant.
pub(super) fn place(
    date: Date,
    time: Time,
    text: &str,
    reference: &ZonedDateTime,
) -> Result<ZonedDateTime, PhraseError> {
    let zone = reference.time_zone();
    let zone_name = zone.iana_name().unwrap_or("this time zone");
    if !crate::time::instant::YEARS.contains(&date.year()) {
        return Err(PhraseError::OutOfRange {
            text: text.to_owned(),
        });
    }
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
    use jiff::civil::date;

    use Direction::{Future, Past};

    #[test]
    fn a_number_above_twelve_is_the_day_whatever_the_order() {
        for order in [DateOrder::Dmy, DateOrder::Mdy] {
            assert_eq!(month_and_day(20, 5, order), Some((5, 20)));
            assert_eq!(month_and_day(5, 20, order), Some((5, 20)));
            assert_eq!(month_and_day(13, 13, order), None);
        }
        assert_eq!(month_and_day(5, 8, DateOrder::Dmy), Some((8, 5)));
        assert_eq!(month_and_day(5, 8, DateOrder::Mdy), Some((5, 8)));
    }

    #[test]
    fn six_months_is_near_enough_one_day_more_is_not() {
        let today = date(2026, 5, 6);
        assert_eq!(
            month_day(11, 6, Future, today, "6 nov"),
            Ok(date(2026, 11, 6))
        );
        assert!(matches!(
            month_day(11, 7, Future, today, "7 nov"),
            Err(PhraseError::FarAway { .. })
        ));
        assert_eq!(
            month_day(11, 6, Past, today, "6 nov"),
            Ok(date(2025, 11, 6))
        );
        assert_eq!(
            month_day(11, 5, Past, today, "5 nov"),
            Err(PhraseError::FarAway {
                text: "5 nov".into(),
                found: date(2025, 11, 5),
                other: Some(date(2026, 11, 5)),
                direction: Past,
            })
        );
    }

    #[test]
    fn ordinals_skip_months_without_that_day() {
        let april = date(2026, 4, 10);
        assert_eq!(ordinal(31, Future, april, "31st"), Ok(date(2026, 5, 31)));
        assert_eq!(ordinal(31, Past, april, "31st"), Ok(date(2026, 3, 31)));
        let march = date(2026, 3, 1);
        assert_eq!(ordinal(30, Past, march, "30th"), Ok(date(2026, 1, 30)));
        assert_eq!(ordinal(1, Past, march, "1st"), Ok(march));
        assert_eq!(ordinal(1, Future, march, "1st"), Ok(march));
        let end = date(9999, 12, 2);
        assert!(matches!(
            ordinal(1, Future, end, "1st"),
            Err(PhraseError::OutOfRange { .. })
        ));
    }
}
