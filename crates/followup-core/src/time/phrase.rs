//! Date phrases people type on the command line ("friday", "in 2 weeks", "by the 20th",
//! "2 days ago"), resolved against a reference instant in the process's zone.
//!
//! A phrase fills a [`Field`]: when something happened (`--at`) looks back, a promise or a
//! deadline looks ahead. What each phrase means per field (weeks run Monday to Sunday):
//!
//! | phrase | `--at` (past moment) | promise, deadline |
//! |---|---|---|
//! | `2026-05-08`, `2026-05-08 14:00` | that date | that date |
//! | `8 may`, `may 8`, `20/05`, `05/20`, `20.05` | the most recent one, today allowed | the next one, today allowed |
//! | `the 20th`, `20th` | the most recent 20th, today allowed | the next 20th, today allowed |
//! | `today`, `yesterday`, `tomorrow`, `now` | as said | as said |
//! | `friday` | the most recent Friday, today allowed | the first Friday strictly after today |
//! | `this friday` | the Friday of this week, before or after today | the same |
//! | `next friday` | — | the Friday of next week |
//! | `next week`, `end of next week` | — | the Friday of next week |
//! | `early next week`, `mid next week` | — | its Tuesday, its Wednesday |
//! | `end of week`, `end of month` | — | Friday of this week / last day of this month |
//! | `in 3 days`, `in 2 weeks` | — | today + that span |
//! | `last tuesday` | the Tuesday of last week | — |
//! | `2 days ago`, `3 weeks ago` | that day | — |
//! | `an hour ago`, `20 minutes ago` | that instant | — |
//! | `14:00`, `2pm`, `9:30am` | today at that time | — |
//! | `monday 9am`, `yesterday 15:00` | that date, that time | — |
//! | `tuesday or wednesday` | — | a promise: the later day; a deadline: the earlier |
//!
//! A leading `by`, `on`, `until` or `before` is ignored. A day and month without a year that
//! would land more than six months away is refused with the nearest one on the other side
//! offered instead, never moved silently to another year. Two numbers that could each be the
//! month (`05/08`) are read in the configured [`DateOrder`]; a number above 12 is always the
//! day. Vague phrases (`soon`, `in a few days`) are refused with two phrases that do read.
//!
//! Names may be short (`fri`, `sept`), any case, with extra spaces. Nothing here reads the
//! clock or the configuration: the reference instant and the date order are passed in, and
//! the reference's zone is the zone dates are read in.
//!
//! The words are read in `grammar.rs` (the table of forms), placed on the calendar in
//! `calendar.rs`, and vague phrases are listed with their suggestions in `vague.rs`.

mod calendar;
mod grammar;
mod vague;

use jiff::ZonedDateTime;
use jiff::civil::{Date, Time, Weekday};

use self::grammar::{DayPart, Reach};
use super::spell::spell_date;

/// Which way a phrase points: when something happened, or when something is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// When something happened (`--at`): weekdays and month-days look back.
    Past,
    /// When something is due (a promise, a deadline): weekdays and month-days look ahead.
    Future,
}

/// The field a phrase fills, which decides its direction and how a choice of two days
/// (`tuesday or wednesday`) is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// When something happened (`--at`): looks back; a choice of two days is refused.
    At,
    /// When the company said it would answer: looks ahead; of two days, the later, so the
    /// follow-up never comes before the time they asked for.
    Promise,
    /// An outside deadline (a competing offer's): looks ahead; of two days, the earlier, so a
    /// decision is never aligned too late.
    Deadline,
    /// When something is booked to happen (`log interview --on`): looks ahead, takes a time of
    /// day ("thursday 15:00" is the coming Thursday at 15:00); a choice of two days is refused.
    Booked,
}

impl Field {
    /// The way the field looks from today.
    pub fn direction(self) -> Direction {
        match self {
            Field::At => Direction::Past,
            Field::Promise | Field::Deadline | Field::Booked => Direction::Future,
        }
    }
}

/// How two numbers that could each be the month are read (`05/08`): configured as
/// `date_order`. A number above 12 is the day whatever the order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// Day first: `05/08` is 5 August.
    #[default]
    Dmy,
    /// Month first: `05/08` is 8 May.
    Mdy,
}

/// A phrase resolved to a local date, and to an instant when the phrase named a time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The local date in the reference's zone.
    pub date: Date,
    /// The instant, when the phrase named a time (`now`, `yesterday 15:00`,
    /// `2026-05-08 14:00`, `an hour ago`); in the reference's zone.
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
            None => calendar::place(self.date, default_time, &self.date.to_string(), reference),
        }
    }
}

/// Why a phrase could not be resolved. Messages are one line and quote the phrase;
/// [`PhraseError::hint`] says what to type instead.
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
    /// A phrase that names no day (`soon`, `in a few days`).
    #[error("{text:?} is too vague to be a date")]
    Vague {
        /// What was given.
        text: String,
        /// Two phrases that read in the field's direction.
        instead: [&'static str; 2],
    },
    /// A phrase for dates ahead (`next friday`, `next week`, `in 3 days`, ...) given for a
    /// past event.
    #[error(
        "{text:?} names a date ahead; it fits a promise or a deadline, not when something happened"
    )]
    FutureOnly {
        /// What was given.
        text: String,
    },
    /// A phrase for past moments (`last tuesday`, `2 days ago`) given for a date ahead.
    #[error(
        "{text:?} names a day that has passed; it fits when something happened, not a promise or a deadline"
    )]
    LooksBack {
        /// What was given.
        text: String,
    },
    /// A phrase with a time (`monday 9am`, `2pm`) given for a date ahead.
    #[error(
        "{text:?} has a time of day; promises and deadlines take a date (like friday or 2026-05-08)"
    )]
    PastOnly {
        /// What was given.
        text: String,
    },
    /// A choice of two days (`tuesday or wednesday`) given for when something happened.
    #[error("{text:?} names two days; when something happened is one of them")]
    Either {
        /// What was given.
        text: String,
        /// The two choices, as typed.
        choices: [String; 2],
    },
    /// A day that does not exist in that month (`31 april`, `30 feb`, `13/13`).
    #[error("{text:?} is not a day of the calendar")]
    NoSuchDay {
        /// What was given.
        text: String,
    },
    /// A day and month without a year that lands more than six months away.
    #[error("{}", far_away(text, *found, *other, *direction))]
    FarAway {
        /// What was given.
        text: String,
        /// The nearest such day in the field's direction.
        found: Date,
        /// The nearest one on the other side of today, if the calendar has one.
        other: Option<Date>,
        /// The field's direction.
        direction: Direction,
    },
    /// `end of week` said on a weekend, when this week's Friday has passed.
    #[error("{text:?} was {friday}, already past; say next friday or give a date")]
    Passed {
        /// What was given.
        text: String,
        /// The Friday that has passed, spelled.
        friday: String,
    },
    /// The phrase resolves outside years 1900–2200 (`9999-12-31`, `in 99999999 weeks`).
    #[error("{text:?} is out of range (years 1900–2200)")]
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

impl PhraseError {
    /// What to type instead, as one line (the `hint:` under the error).
    pub fn hint(&self) -> String {
        match self {
            PhraseError::Unknown { .. } => {
                "the README (Tracking your processes) shows how dates are read, with examples"
                    .to_owned()
            }
            PhraseError::Vague { instead, .. } => {
                format!("say which day, like {:?} or {:?}", instead[0], instead[1])
            }
            PhraseError::FutureOnly { .. } => {
                "say when it happened, like \"yesterday\" or \"last tuesday\"".to_owned()
            }
            PhraseError::LooksBack { .. } => {
                "say the day it is due, like \"friday\" or \"next week\"".to_owned()
            }
            PhraseError::PastOnly { .. } => {
                "give the day alone, like \"today\" or \"friday\"".to_owned()
            }
            PhraseError::Either { choices, .. } => {
                format!("give the one it was: {:?} or {:?}", choices[0], choices[1])
            }
            PhraseError::NoSuchDay { .. } => {
                "check the day and the month (a number above 12 is always the day)".to_owned()
            }
            PhraseError::FarAway { found, other, .. } => match other {
                Some(other) => format!("give the year to be sure: {found} or {other}"),
                None => format!("give the year to be sure, like {found}"),
            },
            PhraseError::Passed { .. } => {
                "say \"next friday\" or \"next week\", or give a date".to_owned()
            }
            PhraseError::OutOfRange { .. } => "give a date like 2026-05-08".to_owned(),
            PhraseError::Skipped { .. } => {
                "give a time outside the hour the clocks skip".to_owned()
            }
        }
    }
}

/// The message of [`PhraseError::FarAway`]: "\"1 may\" would be Saturday 1 May 2027, more than
/// 6 months ahead; did you mean 1 May 2026, which has passed?"
fn far_away(text: &str, found: Date, other: Option<Date>, direction: Direction) -> String {
    let (side, other_side) = match direction {
        Direction::Past => ("ago", "is still ahead"),
        Direction::Future => ("ahead", "has passed"),
    };
    let found = found.strftime("%A %-d %B %Y");
    match other {
        Some(other) => format!(
            "{text:?} would be {found}, more than 6 months {side}; did you mean {}, which {other_side}?",
            other.strftime("%-d %B %Y")
        ),
        None => format!("{text:?} would be {found}, more than 6 months {side}"),
    }
}

/// The accepted forms for a direction, as one line for errors and hints.
pub fn accepted_forms(direction: Direction) -> &'static str {
    match direction {
        Direction::Past => {
            "2026-05-08, 2026-05-08 14:00, 8 may, may 8, 20/05, the 20th, today, yesterday, now, \
             friday, last tuesday, 2 days ago, an hour ago, 14:00, monday 9am, yesterday 15:00"
        }
        Direction::Future => {
            "2026-05-08, 8 may, may 8, 20/05, the 20th, today, tomorrow, friday, this friday, \
             next friday, next week, early next week, end of week, end of month, in 3 days, \
             in 2 weeks, tuesday or wednesday"
        }
    }
}

/// Resolves `text` for `field`, relative to `reference` and in its zone; `order` reads
/// numeric dates whose order only the configuration can tell (`05/08`).
///
/// The reference day is `reference`'s local date: today for `--at`, the day a promise was
/// made for its date.
pub fn parse_phrase(
    text: &str,
    field: Field,
    reference: &ZonedDateTime,
    order: DateOrder,
) -> Result<Resolved, PhraseError> {
    let normalized = text.trim().to_lowercase();
    let tokens = grammar::tokenize(&normalized);
    let resolved = resolve(text, &tokens, field, reference, order)?;
    if !super::instant::YEARS.contains(&resolved.date.year()) {
        return Err(PhraseError::OutOfRange {
            text: text.to_owned(),
        });
    }
    Ok(resolved)
}

/// Resolves the tokens of `text` (the phrase as quoted in errors).
fn resolve(
    text: &str,
    tokens: &[&str],
    field: Field,
    reference: &ZonedDateTime,
    order: DateOrder,
) -> Result<Resolved, PhraseError> {
    let direction = field.direction();
    let tokens = grammar::skip_lead_word(tokens);
    if let Some(instead) = vague::instead_of(&tokens.join(" "), direction) {
        return Err(PhraseError::Vague {
            text: text.to_owned(),
            instead,
        });
    }
    if let Some((first, second)) = grammar::split_either(tokens) {
        return either(text, [first, second], field, reference, order);
    }

    let unknown = || PhraseError::Unknown {
        text: text.to_owned(),
        direction,
    };
    let (day_tokens, time) = grammar::split_time(tokens);
    let day = match (day_tokens, time) {
        ([], None) => return Err(unknown()),
        // A time alone is today at that time.
        ([], Some(_)) => DayPart::Offset(0),
        (words, _) => grammar::read_day(words).ok_or_else(unknown)?,
    };
    // A typed year outside 1900–2200 is a typo: say so before anything about direction.
    if let DayPart::Iso(date) = day
        && !super::instant::YEARS.contains(&date.year())
    {
        return Err(PhraseError::OutOfRange {
            text: text.to_owned(),
        });
    }

    if time.is_some() {
        match (day, direction) {
            (DayPart::Now | DayPart::MinutesAgo(_), _) => return Err(unknown()),
            (DayPart::Iso(_), _) | (_, Direction::Past) => {}
            _ if field == Field::Booked => {}
            (_, Direction::Future) => {
                return Err(PhraseError::PastOnly {
                    text: text.to_owned(),
                });
            }
        }
    }
    match (day.reach(), direction) {
        (Reach::Ahead, Direction::Past) => {
            return Err(PhraseError::FutureOnly {
                text: text.to_owned(),
            });
        }
        (Reach::Back, Direction::Future) => {
            return Err(PhraseError::LooksBack {
                text: text.to_owned(),
            });
        }
        _ => {}
    }

    match day {
        DayPart::Now => {
            return Ok(Resolved {
                date: reference.date(),
                at: Some(reference.clone()),
            });
        }
        DayPart::MinutesAgo(minutes) => {
            let at = calendar::minutes_before(reference, minutes, text)?;
            return Ok(Resolved {
                date: at.date(),
                at: Some(at),
            });
        }
        _ => {}
    }
    let date = calendar::place_day(day, direction, reference.date(), order, text)?;
    match time {
        None => Ok(Resolved { date, at: None }),
        Some(time) => Ok(Resolved {
            date,
            at: Some(calendar::place(date, time, text, reference)?),
        }),
    }
}

/// `tuesday or wednesday`: each side read on its own (and quoted on its own in errors), then
/// the later for a promise, the earlier for a deadline; refused for when something happened.
fn either(
    text: &str,
    sides: [&[&str]; 2],
    field: Field,
    reference: &ZonedDateTime,
    order: DateOrder,
) -> Result<Resolved, PhraseError> {
    let choices = sides.map(|side| side.join(" "));
    let [first, second] = [0, 1].map(|i| resolve(&choices[i], sides[i], field, reference, order));
    let (first, second) = (first?, second?);
    let key = |r: &Resolved| (r.date, r.at.as_ref().map(ZonedDateTime::timestamp));
    match field {
        Field::At | Field::Booked => Err(PhraseError::Either {
            text: text.to_owned(),
            choices,
        }),
        Field::Promise => Ok(std::cmp::max_by_key(first, second, key)),
        Field::Deadline => Ok(std::cmp::min_by_key(first, second, key)),
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
    let day = grammar::number(digits, 1, 2)?;
    if (1..=31).contains(&day) {
        i8::try_from(day).ok()
    } else {
        None
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests fail loudly on purpose.
mod tests {
    use super::*;
    use jiff::Span;
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

    /// Reads with the default date order, a past moment as `--at` and a date ahead as a promise.
    fn parse(
        text: &str,
        direction: Direction,
        reference: &ZonedDateTime,
    ) -> Result<Resolved, PhraseError> {
        let field = match direction {
            Past => Field::At,
            Future => Field::Promise,
        };
        parse_phrase(text, field, reference, DateOrder::Dmy)
    }

    /// The reference of the table tests: Wednesday 6 May 2026, 10:30 in São Paulo.
    fn wednesday() -> ZonedDateTime {
        at("2026-05-06T10:30", "America/Sao_Paulo")
    }

    /// Resolves and prints `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` (local) for compact tables.
    fn resolve(text: &str, direction: Direction, reference: &ZonedDateTime) -> String {
        let resolved = parse(text, direction, reference)
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
    #[case::day_month_past_last_year("8 nov", Past, "2025-11-08")]
    #[case::day_month_past_this_year("4 may", Past, "2026-05-04")]
    #[case::day_month_future("8 may", Future, "2026-05-08")]
    #[case::month_day_past("nov 8", Past, "2025-11-08")]
    #[case::month_day_future("may 8", Future, "2026-05-08")]
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
        let resolved = parse("now", Past, &reference).unwrap();
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
            parse(text, Past, &wednesday()),
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
            parse(text, Past, &wednesday()),
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
            parse(text, Past, &wednesday()),
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
            parse(text, Future, &wednesday()),
            Err(PhraseError::PastOnly { .. })
        ));
    }

    #[rstest]
    #[case::empty("")]
    #[case::spaces("   ")]
    #[case::word("someday")]
    #[case::bare_number("8")]
    #[case::bare_hour("15")]
    #[case::now_with_time("now 15:00")]
    #[case::bad_hour("yesterday 25:00")]
    #[case::thirteen_pm("yesterday 13pm")]
    #[case::next_month("next may")]
    #[case::in_months("in 2 months")]
    #[case::two_digit_year("05/08/26")]
    #[case::dashes("05-08")]
    #[case::two_months("may june")]
    #[case::day_zero("0 may")]
    fn anything_else_lists_the_accepted_forms(#[case] text: &str) {
        for direction in [Past, Future] {
            let err = parse(text, direction, &wednesday()).unwrap_err();
            assert!(
                matches!(err, PhraseError::Unknown { .. }),
                "{text:?}: {err}"
            );
            let message = err.to_string();
            assert!(message.contains(accepted_forms(direction)), "{message}");
            assert!(!message.contains('\n'));
        }
    }

    /// Resolves for `field` (date order `dmy`) as [`resolve`] prints it.
    fn resolve_for(text: &str, field: Field, order: DateOrder) -> String {
        let resolved = parse_phrase(text, field, &wednesday(), order)
            .unwrap_or_else(|e| panic!("{text:?} {field:?}: {e}"));
        match resolved.at {
            Some(at) => at.strftime("%Y-%m-%d %H:%M").to_string(),
            None => resolved.date.to_string(),
        }
    }

    // Issue 12 ("Dates as people say them"), from Wednesday 6 May 2026 10:30.
    #[rstest]
    #[case::by("by friday", Field::Promise, "2026-05-08")]
    #[case::on("on friday", Field::At, "2026-05-01")]
    #[case::until("until next friday", Field::Deadline, "2026-05-15")]
    #[case::before("before end of month", Field::Promise, "2026-05-31")]
    #[case::this_friday_ahead("this friday", Field::Promise, "2026-05-08")]
    #[case::this_friday_at("this friday", Field::At, "2026-05-08")]
    #[case::this_monday_behind("this monday", Field::At, "2026-05-04")]
    #[case::next_week("next week", Field::Promise, "2026-05-15")]
    #[case::next_week_deadline("next week", Field::Deadline, "2026-05-15")]
    #[case::end_of_next_week("by the end of next week", Field::Promise, "2026-05-15")]
    #[case::early_next_week("early next week", Field::Promise, "2026-05-12")]
    #[case::mid_next_week("mid next week", Field::Promise, "2026-05-13")]
    #[case::the_20th_ahead("the 20th", Field::Promise, "2026-05-20")]
    #[case::the_20th_behind("the 20th", Field::At, "2026-04-20")]
    #[case::bare_ordinal("20th", Field::Deadline, "2026-05-20")]
    #[case::ordinal_today_ahead("the 6th", Field::Promise, "2026-05-06")]
    #[case::ordinal_today_behind("the 6th", Field::At, "2026-05-06")]
    #[case::ordinal_missing_in_april("the 31st", Field::At, "2026-03-31")]
    #[case::slash_day_first("20/05", Field::Promise, "2026-05-20")]
    #[case::slash_month_first("05/20", Field::Promise, "2026-05-20")]
    #[case::dots("20.05", Field::Promise, "2026-05-20")]
    #[case::slash_behind("4/5", Field::At, "2026-05-04")]
    #[case::last_tuesday("last tuesday", Field::At, "2026-04-28")]
    #[case::last_wednesday("last wednesday", Field::At, "2026-04-29")]
    #[case::days_ago("2 days ago", Field::At, "2026-05-04")]
    #[case::hour_ago("an hour ago", Field::At, "2026-05-06 09:30")]
    #[case::weeks_ago("3 weeks ago", Field::At, "2026-04-15")]
    #[case::time_24h("14:00", Field::At, "2026-05-06 14:00")]
    #[case::time_pm("2pm", Field::At, "2026-05-06 14:00")]
    #[case::time_am_minutes("9:30am", Field::At, "2026-05-06 09:30")]
    #[case::at_time("at noon", Field::At, "2026-05-06 12:00")]
    #[case::either_promise("tuesday or wednesday", Field::Promise, "2026-05-13")]
    #[case::either_deadline("tuesday or wednesday", Field::Deadline, "2026-05-12")]
    #[case::either_promise_later("friday or monday", Field::Promise, "2026-05-11")]
    #[case::either_deadline_earlier("friday or monday", Field::Deadline, "2026-05-08")]
    fn issue_12_phrases(#[case] text: &str, #[case] field: Field, #[case] expected: &str) {
        assert_eq!(resolve_for(text, field, DateOrder::Dmy), expected);
    }

    #[test]
    fn tuesday_or_wednesday_takes_the_later_for_a_promise() {
        // From a Monday both days are this week.
        let monday = at("2026-05-04T10:00", "UTC");
        let read = |field| parse_phrase("tuesday or wednesday", field, &monday, DateOrder::Dmy);
        assert_eq!(
            read(Field::Promise).unwrap().date,
            Date::constant(2026, 5, 6)
        );
        assert_eq!(
            read(Field::Deadline).unwrap().date,
            Date::constant(2026, 5, 5)
        );
        let err = read(Field::At).unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"tuesday or wednesday\" names two days; when something happened is one of them"
        );
        assert_eq!(
            err.hint(),
            "give the one it was: \"tuesday\" or \"wednesday\""
        );
        // Each side is read, and refused, on its own.
        let err =
            parse_phrase("friday or soonish", Field::Promise, &monday, DateOrder::Dmy).unwrap_err();
        assert_eq!(
            err,
            PhraseError::Unknown {
                text: "soonish".into(),
                direction: Future
            }
        );
    }

    #[test]
    fn two_numbers_that_could_each_be_the_month_follow_the_date_order() {
        for (text, field, order, expected) in [
            ("05/08", Field::Promise, DateOrder::Dmy, "2026-08-05"),
            ("05/08", Field::Promise, DateOrder::Mdy, "2026-05-08"),
            ("20/05", Field::Promise, DateOrder::Mdy, "2026-05-20"),
            ("05/20", Field::Promise, DateOrder::Dmy, "2026-05-20"),
            ("8.5.2026", Field::At, DateOrder::Dmy, "2026-05-08"),
        ] {
            assert_eq!(
                resolve_for(text, field, order),
                expected,
                "{text} {order:?}"
            );
        }
        for text in ["13/13", "31/04", "0/5", "20/20/2026"] {
            let err = parse_phrase(text, Field::Promise, &wednesday(), DateOrder::Dmy).unwrap_err();
            assert_eq!(err, PhraseError::NoSuchDay { text: text.into() }, "{text}");
        }
    }

    #[rstest]
    #[case::next_week("next week", Field::At)]
    #[case::early_next_week("early next week", Field::At)]
    #[case::mid_next_week("mid next week", Field::At)]
    #[case::end_of_next_week("end of next week", Field::At)]
    fn next_week_is_refused_for_a_past_moment_with_a_hint(
        #[case] text: &str,
        #[case] field: Field,
    ) {
        let err = parse_phrase(text, field, &wednesday(), DateOrder::Dmy).unwrap_err();
        assert_eq!(err, PhraseError::FutureOnly { text: text.into() });
        assert!(err.hint().contains("\"yesterday\""), "{}", err.hint());
    }

    #[rstest]
    #[case::last_tuesday("last tuesday")]
    #[case::days_ago("2 days ago")]
    #[case::an_hour_ago("an hour ago")]
    #[case::weeks_ago("3 weeks ago")]
    fn past_phrases_are_refused_for_a_date_ahead(#[case] text: &str) {
        for field in [Field::Promise, Field::Deadline] {
            let err = parse_phrase(text, field, &wednesday(), DateOrder::Dmy).unwrap_err();
            assert_eq!(err, PhraseError::LooksBack { text: text.into() });
        }
    }

    #[rstest]
    #[case::soon("soon")]
    #[case::in_a_few_days("in a few days")]
    #[case::later("later")]
    #[case::asap("ASAP")]
    #[case::with_lead_word("by soon")]
    fn vague_phrases_are_refused_with_two_that_read(#[case] text: &str) {
        for field in [Field::At, Field::Promise, Field::Deadline] {
            let err = parse_phrase(text, field, &wednesday(), DateOrder::Dmy).unwrap_err();
            let PhraseError::Vague { instead, .. } = &err else {
                panic!("{text:?}: {err}");
            };
            assert_eq!(
                err.to_string(),
                format!("{text:?} is too vague to be a date")
            );
            for phrase in instead {
                assert!(err.hint().contains(&format!("{phrase:?}")));
                assert!(parse_phrase(phrase, field, &wednesday(), DateOrder::Dmy).is_ok());
            }
        }
    }

    #[test]
    fn a_time_alone_is_today_and_has_no_place_in_a_promise() {
        let late = at("2026-05-06T23:50", "America/Sao_Paulo");
        let resolved = parse_phrase("9:30am", Field::At, &late, DateOrder::Dmy).unwrap();
        assert_eq!(resolved.date, late.date());
        let err = parse_phrase("2pm", Field::Promise, &late, DateOrder::Dmy).unwrap_err();
        assert_eq!(err, PhraseError::PastOnly { text: "2pm".into() });
        assert!(parse_phrase("an hour ago 14:00", Field::At, &late, DateOrder::Dmy).is_err());
        assert_eq!(
            parse_phrase("2 days ago at 9am", Field::At, &late, DateOrder::Dmy)
                .unwrap()
                .at
                .unwrap()
                .strftime("%Y-%m-%d %H:%M")
                .to_string(),
            "2026-05-04 09:00"
        );
    }

    #[test]
    fn an_hour_ago_can_be_yesterday() {
        let early = at("2026-05-06T00:20", "America/Sao_Paulo");
        let resolved = parse_phrase("an hour ago", Field::At, &early, DateOrder::Dmy).unwrap();
        assert_eq!(resolved.date, Date::constant(2026, 5, 5));
        assert_eq!(resolved.at.unwrap().strftime("%H:%M").to_string(), "23:20");
    }

    #[test]
    fn last_and_next_mirror_each_other_across_the_week() {
        // Sunday 10 May: last week began Monday 27 April, next week begins tomorrow.
        let sunday = at("2026-05-10T10:00", "UTC");
        let read = |text, field| {
            parse_phrase(text, field, &sunday, DateOrder::Dmy)
                .unwrap()
                .date
        };
        assert_eq!(read("last monday", Field::At), Date::constant(2026, 4, 27));
        assert_eq!(read("this monday", Field::At), Date::constant(2026, 5, 4));
        assert_eq!(
            read("next monday", Field::Promise),
            Date::constant(2026, 5, 11)
        );
        assert_eq!(
            read("next week", Field::Promise),
            Date::constant(2026, 5, 15)
        );
        assert_eq!(
            read("early next week", Field::Promise),
            Date::constant(2026, 5, 12)
        );
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
    fn february_29_is_read_near_a_leap_year_and_refused_far_from_one() {
        let january = at("2028-01-15T12:00", "UTC");
        assert_eq!(resolve("feb 29", Future, &january), "2028-02-29");
        let june = at("2028-06-01T12:00", "UTC");
        assert_eq!(resolve("29 feb", Past, &june), "2028-02-29");
        // From 2026 the nearest 29 February ahead is in 2028, the one behind in 2024.
        let err = parse("feb 29", Future, &wednesday()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"feb 29\" would be Tuesday 29 February 2028, more than 6 months ahead; \
             did you mean 29 February 2024, which has passed?"
        );
        // 2100 is not a leap year: the next 29 February after 2096 is in 2104.
        let reference = at("2097-01-01T12:00", "UTC");
        assert!(matches!(
            parse("29 feb", Future, &reference),
            Err(PhraseError::FarAway { found, other: Some(other), .. })
                if found == Date::constant(2104, 2, 29) && other == Date::constant(2096, 2, 29)
        ));
    }

    #[test]
    fn a_day_and_month_more_than_six_months_away_is_refused_never_moved_a_year() {
        // The issue's case: "1 may" typed on 6 May as a promise.
        let err = parse("1 may", Future, &wednesday()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"1 may\" would be Saturday 1 May 2027, more than 6 months ahead; \
             did you mean 1 May 2026, which has passed?"
        );
        assert_eq!(
            err.hint(),
            "give the year to be sure: 2027-05-01 or 2026-05-01"
        );
        let err = parse("may 8", Past, &wednesday()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"may 8\" would be Thursday 8 May 2025, more than 6 months ago; \
             did you mean 8 May 2026, which is still ahead?"
        );
        // The same rule for numbers, and a year makes any date fine.
        assert!(matches!(
            parse("01/05", Future, &wednesday()),
            Err(PhraseError::FarAway { .. })
        ));
        assert_eq!(resolve("01/05/2027", Future, &wednesday()), "2027-05-01");
        assert_eq!(resolve("1 may", Past, &wednesday()), "2026-05-01");
    }

    #[rstest]
    #[case::thirty_feb("30 feb")]
    #[case::thirty_one_april("april 31")]
    #[case::thirty_two("32 may")]
    fn days_missing_from_the_calendar_are_errors(#[case] text: &str) {
        let err = parse(text, Future, &wednesday()).unwrap_err();
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
        assert!(matches!(
            parse("dec 31", Past, &new_year_eve),
            Err(PhraseError::FarAway { .. })
        ));
        assert_eq!(resolve("dec 31", Future, &new_year_eve), "2026-12-31");
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
        let err = parse("end of week", Future, &saturday).unwrap_err();
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
        let err = parse("2026-03-08 02:30", Past, &ny).unwrap_err();
        assert_eq!(
            err,
            PhraseError::Skipped {
                text: "2026-03-08 02:30".into(),
                zone: "America/New_York".into()
            }
        );
        let err = parse("yesterday 2:30am", Past, &ny).unwrap_err();
        assert!(matches!(err, PhraseError::Skipped { .. }), "{err}");
        // The day itself is fine without the missing hour.
        assert_eq!(resolve("yesterday 3:30am", Past, &ny), "2026-03-08 03:30");
    }

    #[test]
    fn a_repeated_local_time_takes_the_earlier() {
        let ny = at("2026-11-02T12:00", "America/New_York");
        let resolved = parse("yesterday 1:30am", Past, &ny).unwrap();
        let at = resolved.at.unwrap();
        assert_eq!(at.timestamp().to_string(), "2026-11-01T05:30:00Z");
    }

    #[test]
    fn item8_a_far_year_is_out_of_range() {
        for far in ["9999-12-31", "0000-01-01", "9999-12-31 10:00"] {
            let err = parse(far, Past, &wednesday()).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("{far:?} is out of range (years 1900–2200)"),
                "item 8"
            );
        }
    }

    #[test]
    fn too_far_is_an_error_not_a_panic() {
        let err = parse("in 999999999 weeks", Future, &wednesday()).unwrap_err();
        assert!(matches!(err, PhraseError::OutOfRange { .. }), "{err}");
        let end = at("9999-12-30T12:00", "UTC");
        let err = parse("in 3 days", Future, &end).unwrap_err();
        assert!(matches!(err, PhraseError::OutOfRange { .. }), "{err}");
        assert!(parse("next friday", Future, &end).is_err());
    }

    #[test]
    fn instant_or_places_a_bare_day_at_the_default_time() {
        let reference = wednesday();
        let nine = Time::constant(9, 0, 0, 0);
        let day = parse("yesterday", Past, &reference).unwrap();
        let placed = day.instant_or(nine, &reference).unwrap();
        assert_eq!(placed.timestamp().to_string(), "2026-05-05T12:00:00Z");
        let timed = parse("yesterday 15:00", Past, &reference).unwrap();
        let placed = timed.instant_or(nine, &reference).unwrap();
        assert_eq!(placed.strftime("%H:%M").to_string(), "15:00");
    }

    #[test]
    fn describe_echoes_the_date_back() {
        let reference = wednesday();
        let today = reference.date();
        let friday = parse("friday", Future, &reference).unwrap();
        assert_eq!(describe(&friday, today), "Friday 8 May");
        let timed = parse("yesterday 15:00", Past, &reference).unwrap();
        assert_eq!(describe(&timed, today), "Tuesday 5 May at 15:00");
        let later = parse("2027-01-08", Future, &reference).unwrap();
        assert_eq!(describe(&later, today), "Friday 8 January 2027");
    }

    proptest! {
        #[test]
        fn weekdays_and_month_days_land_on_the_right_side(
            // A year inside the supported range: "1 July" read back from January 1900 is 1899.
            days in 366i64..60_000,
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
            let past = parse(name, Past, &reference).unwrap().date;
            let future = parse(name, Future, &reference).unwrap().date;
            prop_assert!(past <= today && (today - past).get_days() < 7);
            prop_assert!(future > today && (future - today).get_days() <= 7);
            prop_assert_eq!(past.weekday().to_monday_one_offset(), weekday);
            prop_assert_eq!(future.weekday().to_monday_one_offset(), weekday);

            let phrase = format!("{day} {}", Date::constant(2001, month, 1).strftime("%B"));
            let six_months = Span::new().months(6);
            for direction in [Past, Future] {
                let (nearest, other) = match parse(&phrase, direction, &reference) {
                    Ok(resolved) => (resolved.date, None),
                    Err(PhraseError::FarAway { found, other, .. }) => (found, other),
                    Err(err) => panic!("{phrase:?}: {err}"),
                };
                prop_assert_eq!((nearest.month(), nearest.day()), (month, day));
                let near = match direction {
                    Past => {
                        prop_assert!(nearest <= today && (today - nearest).get_days() < 366);
                        nearest >= today.checked_sub(six_months).unwrap()
                    }
                    Future => {
                        prop_assert!(nearest >= today && (nearest - today).get_days() < 366);
                        nearest <= today.checked_add(six_months).unwrap()
                    }
                };
                // Refused exactly when too far, offering the one on the other side.
                prop_assert_eq!(near, other.is_none());
                if let Some(other) = other {
                    prop_assert_eq!((other.month(), other.day()), (month, day));
                    let other_side = match direction {
                        Past => other > today,
                        Future => other < today,
                    };
                    prop_assert!(other_side);
                }
            }
        }
    }
}
