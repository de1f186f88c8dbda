//! Dates as a message says them, relative to the day it is written: "by Friday", "by the end
//! of last week", "on Tuesday last week", "on 6 March". The words come from the language's
//! phrases; this module only decides which relation holds.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::template::pattern::Pattern;
use super::template::phrases::{Hole, Phrases};

/// How a date sits relative to today, in weeks that start on Monday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Relation {
    Today,
    Yesterday,
    Tomorrow,
    /// Another day of this week.
    ThisWeek,
    /// Friday, Saturday or Sunday of last week (for "by": "by the end of last week").
    EndOfLastWeek,
    /// Another day of last week.
    LastWeek,
    /// A day of next week.
    NextWeek,
    /// Further away, this year.
    Date,
    /// Further away, another year.
    DateYear,
}

impl Relation {
    pub const ALL: [Relation; 9] = [
        Relation::Today,
        Relation::Yesterday,
        Relation::Tomorrow,
        Relation::ThisWeek,
        Relation::EndOfLastWeek,
        Relation::LastWeek,
        Relation::NextWeek,
        Relation::Date,
        Relation::DateYear,
    ];

    /// The phrase key suffix (`by.<key>`, `on.<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Relation::Today => "today",
            Relation::Yesterday => "yesterday",
            Relation::Tomorrow => "tomorrow",
            Relation::ThisWeek => "this-week",
            Relation::EndOfLastWeek => "end-of-last-week",
            Relation::LastWeek => "last-week",
            Relation::NextWeek => "next-week",
            Relation::Date => "date",
            Relation::DateYear => "date-year",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// The relation of `date` to `today`.
    pub fn of(date: Date, today: Date) -> Relation {
        let days = (date - today).get_days();
        match days {
            0 => return Relation::Today,
            -1 => return Relation::Yesterday,
            1 => return Relation::Tomorrow,
            _ => {}
        }
        let weeks = (week_start(date) - week_start(today))
            .get_days()
            .div_euclid(7);
        match weeks {
            0 => Relation::ThisWeek,
            -1 if matches!(
                date.weekday(),
                Weekday::Friday | Weekday::Saturday | Weekday::Sunday
            ) =>
            {
                Relation::EndOfLastWeek
            }
            -1 => Relation::LastWeek,
            1 => Relation::NextWeek,
            _ if date.year() == today.year() => Relation::Date,
            _ => Relation::DateYear,
        }
    }
}

/// The Monday of `date`'s week (or `date` itself at the start of the calendar).
fn week_start(date: Date) -> Date {
    let back = i64::from(date.weekday().to_monday_zero_offset());
    date.checked_sub(back.days()).unwrap_or(date)
}

/// "by Friday", "by the end of last week", "by 6 March".
pub(crate) fn by(date: Date, today: Date, phrases: &Phrases) -> String {
    spell(phrases.by(Relation::of(date, today)), date, phrases)
}

/// "today", "on Tuesday", "on Tuesday last week", "on 6 March".
pub(crate) fn on(date: Date, today: Date, phrases: &Phrases) -> String {
    spell(phrases.on(Relation::of(date, today)), date, phrases)
}

fn spell(pattern: &Pattern<Hole>, date: Date, phrases: &Phrases) -> String {
    let day = date.day().to_string();
    let year = date.year().to_string();
    let weekday = usize::try_from(date.weekday().to_monday_zero_offset()).unwrap_or(0);
    let month = usize::try_from(date.month() - 1).unwrap_or(0);
    pattern.render(|hole| match hole {
        Hole::Weekday => phrases.weekdays.get(weekday).map_or("", String::as_str),
        Hole::Month => phrases.months.get(month).map_or("", String::as_str),
        Hole::Day => &day,
        Hole::Year => &year,
        // Date phrases are checked at load to offer only the four date holes.
        Hole::Name | Hole::On | Hole::Deadline | Hole::Role => "",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn english() -> Phrases {
        Phrases::parse("en", include_str!("../../templates/en/phrases.txt")).unwrap()
    }

    #[test]
    fn relations_in_monday_weeks() {
        // Wednesday 13 May 2026.
        let today = date(2026, 5, 13);
        let rel = |d| Relation::of(d, today);
        assert_eq!(rel(today), Relation::Today);
        assert_eq!(rel(date(2026, 5, 12)), Relation::Yesterday);
        assert_eq!(rel(date(2026, 5, 14)), Relation::Tomorrow);
        assert_eq!(rel(date(2026, 5, 11)), Relation::ThisWeek);
        assert_eq!(rel(date(2026, 5, 17)), Relation::ThisWeek);
        assert_eq!(rel(date(2026, 5, 8)), Relation::EndOfLastWeek);
        assert_eq!(rel(date(2026, 5, 10)), Relation::EndOfLastWeek);
        assert_eq!(rel(date(2026, 5, 5)), Relation::LastWeek);
        assert_eq!(rel(date(2026, 5, 18)), Relation::NextWeek);
        assert_eq!(rel(date(2026, 5, 4)), Relation::LastWeek);
        assert_eq!(rel(date(2026, 5, 3)), Relation::Date);
        assert_eq!(rel(date(2026, 5, 25)), Relation::Date);
        assert_eq!(rel(date(2025, 12, 30)), Relation::DateYear);
    }

    #[test]
    fn english_wording() {
        let p = english();
        let today = date(2026, 5, 11); // Monday
        assert_eq!(by(date(2026, 5, 8), today, &p), "by the end of last week");
        assert_eq!(on(date(2026, 5, 8), today, &p), "on Friday last week");
        assert_eq!(on(date(2026, 5, 5), today, &p), "on Tuesday last week");
        assert_eq!(by(date(2026, 5, 14), today, &p), "by Thursday");
        assert_eq!(by(date(2026, 5, 10), today, &p), "by Sunday");
        assert_eq!(on(date(2026, 5, 10), today, &p), "yesterday");
        assert_eq!(on(today, today, &p), "today");
        assert_eq!(by(date(2026, 5, 22), today, &p), "by Friday next week");
        assert_eq!(on(date(2026, 3, 6), today, &p), "on 6 March");
        assert_eq!(by(date(2025, 3, 6), today, &p), "by 6 March 2025");
        let wednesday = date(2026, 5, 13);
        assert_eq!(by(date(2026, 5, 12), wednesday, &p), "by Tuesday");
        assert_eq!(on(date(2026, 5, 11), wednesday, &p), "on Monday");
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        let p = english();
        let _ = by(Date::MIN, Date::MAX, &p);
        let _ = on(Date::MAX, Date::MIN, &p);
        assert_eq!(week_start(Date::MIN), Date::MIN);
    }
}
