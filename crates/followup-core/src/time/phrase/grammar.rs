//! Words into meaning: the table of forms a date phrase may take ("next <weekday>",
//! "<count> <unit> ago"), matched on lowercase tokens.
//!
//! Reading happens in steps, each one small: split the text into tokens, drop a leading
//! `by`/`on`/`until`/`before`, take a trailing time of day off, then find the first form in
//! [`FORMS`] whose words fit what is left. What a form means on the calendar (which Friday,
//! which 20th) is decided in `calendar.rs`; which field may use it, in the parent module.

use jiff::civil::{Date, Time, Weekday};

use super::{day_of_month, month, weekday};

/// What the day part of a phrase says, before it is placed relative to today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DayPart {
    /// `now`: the reference instant itself.
    Now,
    /// `2026-05-08`.
    Iso(Date),
    /// Days from today: `today` (0), `yesterday` (-1), `tomorrow` (1).
    Offset(i64),
    /// `2 days ago`, `3 weeks ago`: days before today.
    DaysAgo(i64),
    /// `friday`: the nearest one in the field's direction.
    Weekday(Weekday),
    /// `this friday`: that day of the current week (Monday to Sunday).
    This(Weekday),
    /// `next friday`, `next week` (its Friday): that day of the following week.
    Next(Weekday),
    /// `last tuesday`: that day of the previous week.
    Last(Weekday),
    /// `end of week`, `this week`: this week's Friday.
    EndOfWeek,
    /// `end of month`: its last day.
    EndOfMonth,
    /// `in 3 days`, `in 2 weeks`: days ahead.
    In(i64),
    /// `an hour ago`, `20 minutes ago`: minutes before the reference instant.
    MinutesAgo(i64),
    /// `8 may`, `may 8`.
    MonthDay {
        /// 1–12.
        month: i8,
        /// 1–31, checked against the month later.
        day: i8,
    },
    /// `20/05`, `05/20`, `20.05`, `20/05/2026`: which number is the day is decided later.
    Numeric {
        /// The number before the separator.
        first: i8,
        /// The number after it.
        second: i8,
        /// A four-digit year, when given.
        year: Option<i16>,
    },
    /// `the 20th`, `20th`.
    Ordinal(i8),
}

/// Which fields a day part fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Reach {
    /// Past moments and dates ahead alike.
    Both,
    /// Only a date ahead (a promise, a deadline): `next friday`, `in 3 days`.
    Ahead,
    /// Only a past moment: `last tuesday`, `2 days ago`.
    Back,
}

impl DayPart {
    /// Which fields this day part fits.
    pub(super) fn reach(self) -> Reach {
        match self {
            DayPart::Next(_) | DayPart::EndOfWeek | DayPart::EndOfMonth | DayPart::In(_) => {
                Reach::Ahead
            }
            DayPart::Last(_) | DayPart::DaysAgo(_) | DayPart::MinutesAgo(_) => Reach::Back,
            _ => Reach::Both,
        }
    }
}

/// A span unit as people type it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Minute,
    Hour,
    Day,
    Week,
}

/// The values a form's `<slots>` read.
#[derive(Clone, Copy, Debug, Default)]
struct Slots {
    weekday: Option<Weekday>,
    month: Option<i8>,
    day: Option<i8>,
    count: Option<i64>,
    unit: Option<Unit>,
    date: Option<Date>,
    numeric: Option<(i8, i8, Option<i16>)>,
}

/// One way a phrase can be said. `words` are matched token by token: a plain word must be
/// there, `word?` may be left out, and `<slot>` reads a value (see [`fill`]). `means` turns the
/// slots into a day part, or refuses (`in 3 hours` reads its slots but means no day).
struct Form {
    words: &'static str,
    means: fn(&Slots) -> Option<DayPart>,
}

const fn form(words: &'static str, means: fn(&Slots) -> Option<DayPart>) -> Form {
    Form { words, means }
}

/// Every form, first match wins. The parent module's doc lists what each means per field.
const FORMS: &[Form] = &[
    form("now", |_| Some(DayPart::Now)),
    form("today", |_| Some(DayPart::Offset(0))),
    form("yesterday", |_| Some(DayPart::Offset(-1))),
    form("tomorrow", |_| Some(DayPart::Offset(1))),
    form("the? day after tomorrow", |_| Some(DayPart::Offset(2))),
    form("the? day before yesterday", |_| Some(DayPart::Offset(-2))),
    form("<date>", |s| s.date.map(DayPart::Iso)),
    form("<weekday>", |s| s.weekday.map(DayPart::Weekday)),
    form("this <weekday>", |s| s.weekday.map(DayPart::This)),
    form("next <weekday>", |s| s.weekday.map(DayPart::Next)),
    form("last <weekday>", |s| s.weekday.map(DayPart::Last)),
    form("this week", |_| Some(DayPart::EndOfWeek)),
    form("the? end of the? this? week", |_| Some(DayPart::EndOfWeek)),
    form("the? end of the? this? month", |_| {
        Some(DayPart::EndOfMonth)
    }),
    form("next week", |_| Some(DayPart::Next(Weekday::Friday))),
    form("the? end of the? next week", |_| {
        Some(DayPart::Next(Weekday::Friday))
    }),
    form("late next week", |_| Some(DayPart::Next(Weekday::Friday))),
    form("early next week", |_| Some(DayPart::Next(Weekday::Tuesday))),
    form("mid next week", |_| Some(DayPart::Next(Weekday::Wednesday))),
    form("the? middle of next week", |_| {
        Some(DayPart::Next(Weekday::Wednesday))
    }),
    form("in <count> <unit>", |s| match s.unit? {
        Unit::Day => Some(DayPart::In(s.count?)),
        Unit::Week => Some(DayPart::In(s.count?.checked_mul(7)?)),
        Unit::Hour | Unit::Minute => None,
    }),
    form("<count> <unit> ago", |s| {
        let count = s.count?;
        match s.unit? {
            Unit::Minute => Some(DayPart::MinutesAgo(count)),
            Unit::Hour => Some(DayPart::MinutesAgo(count.checked_mul(60)?)),
            Unit::Day => Some(DayPart::DaysAgo(count)),
            Unit::Week => Some(DayPart::DaysAgo(count.checked_mul(7)?)),
        }
    }),
    form("the? <ordinal>", |s| s.day.map(DayPart::Ordinal)),
    form("the? <day> of? <month>", month_day),
    form("<month> the? <day>", month_day),
    form("<numeric>", |s| {
        let (first, second, year) = s.numeric?;
        Some(DayPart::Numeric {
            first,
            second,
            year,
        })
    }),
];

/// `8 may`, `may the 8th`.
fn month_day(slots: &Slots) -> Option<DayPart> {
    Some(DayPart::MonthDay {
        month: slots.month?,
        day: slots.day?,
    })
}

/// Words before a date that say nothing about which day it is ("by friday").
const LEAD_WORDS: &[&str] = &["by", "on", "until", "before"];

/// Numbers spelled out, for counts ("two days ago", "in a week").
const COUNT_WORDS: &[(&str, i64)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
];

/// Span units and their spellings.
const UNIT_WORDS: &[(&str, Unit)] = &[
    ("minute", Unit::Minute),
    ("minutes", Unit::Minute),
    ("min", Unit::Minute),
    ("mins", Unit::Minute),
    ("hour", Unit::Hour),
    ("hours", Unit::Hour),
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
];

/// Splits lowercase text on whitespace, drops trailing commas, and splits `2026-05-08t14:00`
/// so its time reads like `2026-05-08 14:00`.
pub(super) fn tokenize(normalized: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    for token in normalized.split_whitespace() {
        let token = token.trim_end_matches(',');
        if token.is_empty() {
            continue;
        }
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

/// Drops one leading `by`, `on`, `until` or `before`: "by friday" is "friday".
pub(super) fn skip_lead_word<'a, 'b>(tokens: &'b [&'a str]) -> &'b [&'a str] {
    match tokens.split_first() {
        Some((first, rest)) if LEAD_WORDS.contains(first) => rest,
        _ => tokens,
    }
}

/// Splits `tuesday or wednesday` at its first `or`, when both sides have words.
pub(super) fn split_either<'a, 'b>(
    tokens: &'b [&'a str],
) -> Option<(&'b [&'a str], &'b [&'a str])> {
    let at = tokens.iter().position(|t| *t == "or")?;
    let (first, rest) = tokens.split_at(at);
    let second = rest.get(1..)?;
    (!first.is_empty() && !second.is_empty()).then_some((first, second))
}

/// Splits a trailing time of day (`9am`, `9 am`, `15:00`, `noon`, optionally after `at`) off
/// the tokens. A bare number is never a time, so `may 8` keeps its day.
pub(super) fn split_time<'a, 'b>(tokens: &'b [&'a str]) -> (&'b [&'a str], Option<Time>) {
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

/// Reads `15:00`, `15:00:30`, `9am`, `9:30pm`, `12am` (midnight), `noon`, `midnight`.
fn read_time(token: &str) -> Option<Time> {
    match token {
        "noon" => return Some(Time::constant(12, 0, 0, 0)),
        "midnight" => return Some(Time::midnight()),
        _ => {}
    }
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

/// The day part the tokens say, by the first form of [`FORMS`] that fits.
pub(super) fn read_day(tokens: &[&str]) -> Option<DayPart> {
    read_form(tokens).map(|(_, day)| day)
}

/// The first form that fits the tokens and means a day: its index in [`FORMS`], and the day.
fn read_form(tokens: &[&str]) -> Option<(usize, DayPart)> {
    FORMS.iter().enumerate().find_map(|(index, form)| {
        let words: Vec<&str> = form.words.split_whitespace().collect();
        let mut slots = Slots::default();
        if fits(&words, tokens, &mut slots) {
            (form.means)(&slots).map(|day| (index, day))
        } else {
            None
        }
    })
}

/// Whether `tokens` are said by `words` (a form's pattern), filling `slots` on the way.
fn fits(words: &[&str], tokens: &[&str], slots: &mut Slots) -> bool {
    let Some((word, more_words)) = words.split_first() else {
        return tokens.is_empty();
    };
    if let Some(optional) = word.strip_suffix('?') {
        if let Some((token, more_tokens)) = tokens.split_first()
            && *token == optional
            && fits(more_words, more_tokens, slots)
        {
            return true;
        }
        return fits(more_words, tokens, slots);
    }
    let Some((token, more_tokens)) = tokens.split_first() else {
        return false;
    };
    let matched = match word.strip_prefix('<').and_then(|w| w.strip_suffix('>')) {
        Some(slot) => fill(slot, token, slots),
        None => word == token,
    };
    matched && fits(more_words, more_tokens, slots)
}

/// Reads one token into the slot named `slot`; false when it is not such a value.
fn fill(slot: &str, token: &str, slots: &mut Slots) -> bool {
    fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
        *slot = value;
        slot.is_some()
    }
    match slot {
        "weekday" => set(&mut slots.weekday, weekday(token)),
        "month" => set(&mut slots.month, month(token)),
        "day" => set(&mut slots.day, day_of_month(token)),
        "ordinal" => set(&mut slots.day, ordinal(token)),
        "count" => set(&mut slots.count, count(token)),
        "unit" => set(&mut slots.unit, lookup(UNIT_WORDS, token)),
        "date" => set(&mut slots.date, iso_date(token)),
        "numeric" => set(&mut slots.numeric, numeric(token)),
        _ => false,
    }
}

fn lookup<T: Copy>(table: &[(&str, T)], token: &str) -> Option<T> {
    table
        .iter()
        .find_map(|(word, value)| (*word == token).then_some(*value))
}

/// A count: digits (up to nine) or a small number spelled out.
fn count(token: &str) -> Option<i64> {
    lookup(COUNT_WORDS, token).or_else(|| number(token, 1, 9).map(i64::from))
}

/// A day of the month said as an ordinal (`20th`, `1st`); a bare number is not one.
fn ordinal(token: &str) -> Option<i8> {
    let suffixed = ["st", "nd", "rd", "th"]
        .iter()
        .any(|suffix| token.len() > suffix.len() && token.ends_with(suffix));
    if suffixed { day_of_month(token) } else { None }
}

/// `20/05`, `20.05`, `20/05/2026`: two numbers of one or two digits and an optional
/// four-digit year, with one separator throughout.
fn numeric(token: &str) -> Option<(i8, i8, Option<i16>)> {
    let separator = if token.contains('/') { '/' } else { '.' };
    let mut parts = token.split(separator);
    let first = number(parts.next()?, 1, 2)?;
    let second = number(parts.next()?, 1, 2)?;
    let year = match parts.next() {
        Some(year) => Some(i16::try_from(number(year, 4, 4)?).ok()?),
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some((i8::try_from(first).ok()?, i8::try_from(second).ok()?, year))
}

/// Reads `YYYY-MM-DD`.
fn iso_date(token: &str) -> Option<Date> {
    // Any year: the phrase's reader says "out of range" for one outside 1900–2200.
    crate::time::instant::parse_any_year(token).ok()
}

/// Reads an ASCII number of `min..=max` digits.
pub(super) fn number(text: &str, min: usize, max: usize) -> Option<u32> {
    if (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests fail loudly on purpose.
mod tests {
    use super::*;

    fn read(text: &str) -> Option<DayPart> {
        let tokens = tokenize(text);
        read_day(skip_lead_word(&tokens))
    }

    #[test]
    fn every_form_is_reachable() {
        // One phrase per form, in table order: a form shadowed by an earlier one fails here.
        let examples = [
            "now",
            "today",
            "yesterday",
            "tomorrow",
            "the day after tomorrow",
            "day before yesterday",
            "2026-05-08",
            "friday",
            "this friday",
            "next friday",
            "last tuesday",
            "this week",
            "end of the week",
            "end of this month",
            "next week",
            "end of next week",
            "late next week",
            "early next week",
            "mid next week",
            "the middle of next week",
            "in 3 days",
            "2 days ago",
            "the 20th",
            "20th of may",
            "may the 20th",
            "20/05",
        ];
        assert_eq!(examples.len(), FORMS.len());
        for (index, (example, form)) in examples.iter().zip(FORMS).enumerate() {
            let read_by = read_form(&tokenize(example)).map(|(i, _)| FORMS[i].words);
            assert_eq!(read_by, Some(form.words), "{example:?} (form {index})");
        }
    }

    #[test]
    fn lead_words_are_dropped_once() {
        assert_eq!(read("by friday"), Some(DayPart::Weekday(Weekday::Friday)));
        assert_eq!(read("until the 20th"), Some(DayPart::Ordinal(20)));
        assert_eq!(read("before 20/05"), read("20/05"));
        assert_eq!(read("on 8 may"), read("8 may"));
        assert_eq!(read("by by friday"), None);
    }

    #[test]
    fn next_week_and_its_parts_name_a_day_of_next_week() {
        assert_eq!(read("next week"), Some(DayPart::Next(Weekday::Friday)));
        assert_eq!(
            read("end of next week"),
            Some(DayPart::Next(Weekday::Friday))
        );
        assert_eq!(
            read("early next week"),
            Some(DayPart::Next(Weekday::Tuesday))
        );
        assert_eq!(
            read("mid next week"),
            Some(DayPart::Next(Weekday::Wednesday))
        );
    }

    #[test]
    fn counts_and_units() {
        assert_eq!(read("an hour ago"), Some(DayPart::MinutesAgo(60)));
        assert_eq!(read("20 minutes ago"), Some(DayPart::MinutesAgo(20)));
        assert_eq!(read("3 weeks ago"), Some(DayPart::DaysAgo(21)));
        assert_eq!(read("two days ago"), Some(DayPart::DaysAgo(2)));
        assert_eq!(read("in a week"), Some(DayPart::In(7)));
        assert_eq!(read("in 3 hours"), None);
        assert_eq!(read("in 999999999 weeks"), Some(DayPart::In(6_999_999_993)));
        assert_eq!(read("few days ago"), None);
    }

    #[test]
    fn numeric_dates() {
        let numeric = |first, second, year| {
            Some(DayPart::Numeric {
                first,
                second,
                year,
            })
        };
        assert_eq!(read("20/05"), numeric(20, 5, None));
        assert_eq!(read("05/20"), numeric(5, 20, None));
        assert_eq!(read("20.05"), numeric(20, 5, None));
        assert_eq!(read("5/8/2026"), numeric(5, 8, Some(2026)));
        assert_eq!(read("20/05/26"), None);
        assert_eq!(read("20/05.2026"), None);
        assert_eq!(read("20/05/2026/1"), None);
        assert_eq!(read("200/5"), None);
        assert_eq!(read("20-05"), None);
    }

    #[test]
    fn ordinals_need_their_suffix() {
        assert_eq!(read("20th"), Some(DayPart::Ordinal(20)));
        assert_eq!(read("the 1st"), Some(DayPart::Ordinal(1)));
        assert_eq!(read("20"), None);
        assert_eq!(read("the 20"), None);
        assert_eq!(read("32nd"), None);
        assert_eq!(read("th"), None);
    }

    #[test]
    fn either_splits_at_the_first_or() {
        let tokens = tokenize("tuesday or wednesday");
        assert_eq!(split_either(&tokens), Some((&tokens[..1], &tokens[2..])));
        assert_eq!(split_either(&tokenize("or friday")), None);
        assert_eq!(split_either(&tokenize("friday or")), None);
        assert_eq!(split_either(&tokenize("friday")), None);
    }

    #[test]
    fn times_of_day() {
        let tokens = tokenize("at noon");
        assert_eq!(
            split_time(&tokens),
            (&tokens[..0], Some(Time::constant(12, 0, 0, 0)))
        );
        let tokens = tokenize("2pm");
        assert_eq!(split_time(&tokens).1, Some(Time::constant(14, 0, 0, 0)));
        let tokens = tokenize("9:30am");
        assert_eq!(split_time(&tokens).1, Some(Time::constant(9, 30, 0, 0)));
        let tokens = tokenize("friday, 9 am");
        assert_eq!(
            split_time(&tokens),
            (&tokens[..1], Some(Time::constant(9, 0, 0, 0)))
        );
    }
}
