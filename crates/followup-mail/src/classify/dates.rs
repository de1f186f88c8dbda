//! Dates written in message bodies, in English, Portuguese and Spanish, and the words before
//! them that say what the date is for.
//!
//! Finding a date ("Monday 12 May", "22 de maio", "el viernes", "15/05", "tomorrow") is done
//! here; placing it on the calendar is followup-core's phrase reader, given the date in its
//! English form ("12 may", "friday", "next friday") and the message's own `Date` as the
//! reference, so "Friday" in a mail means what `followup log … promise friday` means that
//! day: the first Friday strictly after it; a day and month, the nearest one not before it.

use std::sync::LazyLock;

use followup_core::time::{DateOrder, Field, parse_phrase};
use jiff::ZonedDateTime;
use jiff::civil::Date;
use regex::{Captures, Regex};

use super::phrases::{MONTHS, WEEKDAYS, pattern};

/// A date found in folded text, with where it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the mention in the folded text.
    pub start: usize,
    /// Byte offset just after it.
    pub end: usize,
    /// The date it names, read against the message's day.
    pub date: Date,
    /// Whether it named a time of day too ("Tuesday at 10:00").
    pub with_time: bool,
}

/// Full weekday names only: alone, "sun" or "sat" are more often words than days.
const WEEKDAYS_FULL: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|segunda-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira|segunda|terca|quarta|quinta|sexta|sabado|domingo|lunes|martes|miercoles|jueves|viernes";

static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?x)
        \b
        (?: (?:{WEEKDAYS}) \.? ,? \s+ (?:the \s+ | el \s+ | dia \s+)? )?
        (?:
            (?P<iso>\d{{4}}-\d{{2}}-\d{{2}})
          | (?:dia \s+)? (?P<d1>\d{{1,2}}) (?:st|nd|rd|th|º|o)? \s+ (?:of \s+ | de \s+)? (?P<m1>{MONTHS}) \b \.?
                (?: ,? \s+ (?:de \s+)? (?P<y1>\d{{4}}) )?
          | (?P<m2>{MONTHS}) \.? \s+ (?P<d2>\d{{1,2}}) (?:st|nd|rd|th)? \b (?: ,? \s+ (?P<y2>\d{{4}}) )?
          | (?:dia \s+)? (?P<d3>\d{{1,2}}) / (?P<m3>\d{{1,2}}) (?: / (?P<y3>\d{{2,4}}) )? \b
          | dia \s+ (?P<d4>\d{{1,2}}) \b
          | (?P<rel>today|tomorrow|hoje|amanha|hoy|manana|eod|cob
                |end \s+ of \s+ (?:the \s+)? (?:business \s+)? (?:day|week|month)
                |(?:fim|final) \s+ d[oa] \s+ (?:dia|semana|mes)
                |(?:fin|final) \s+ de(?:l)? \s+ (?:dia|mes|la \s+ semana))
          | (?: (?P<next>next|this|proxima|proximo|esta|este|nesta|neste) \s+ )? (?P<wd>{WEEKDAYS_FULL})
        )
        (?P<time> ,? \s+ (?:at|as|a \s+ las|a \s+ la|from|das|de)? \s* \d{{1,2}} (?: [:h] \d\d | \s? [ap]m | h ) \b )?
        "
    ))
});

/// English month abbreviations by number, for the core's phrase reader.
const EN_MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_number(name: &str) -> Option<i8> {
    let name = name.trim_end_matches('.');
    let n = match name {
        "january" | "jan" | "janeiro" | "enero" | "ene" => 1,
        "february" | "feb" | "fevereiro" | "fev" | "febrero" => 2,
        "march" | "mar" | "marco" | "marzo" => 3,
        "april" | "apr" | "abril" | "abr" => 4,
        "may" | "maio" | "mayo" => 5,
        "june" | "jun" | "junho" | "junio" => 6,
        "july" | "jul" | "julho" | "julio" => 7,
        "august" | "aug" | "agosto" | "ago" => 8,
        "september" | "sep" | "sept" | "setembro" | "set" | "septiembre" | "setiembre" => 9,
        "october" | "oct" | "outubro" | "out" | "octubre" => 10,
        "november" | "nov" | "novembro" | "noviembre" => 11,
        "december" | "dec" | "dezembro" | "dez" | "diciembre" | "dic" => 12,
        _ => return None,
    };
    Some(n)
}

/// The English weekday for a folded English, Portuguese or Spanish name.
fn english_weekday(name: &str) -> Option<&'static str> {
    let name = name.trim_end_matches("-feira");
    Some(match name {
        "monday" | "segunda" | "lunes" => "monday",
        "tuesday" | "terca" | "martes" => "tuesday",
        "wednesday" | "quarta" | "miercoles" => "wednesday",
        "thursday" | "quinta" | "jueves" => "thursday",
        "friday" | "sexta" | "viernes" => "friday",
        "saturday" | "sabado" => "saturday",
        "sunday" | "domingo" => "sunday",
        _ => return None,
    })
}

/// Every date mentioned in folded `text`, read against `reference` (the message's date in
/// its own offset). Mentions that name no real day ("31 april") are skipped.
pub fn mentions(text: &str, reference: &ZonedDateTime) -> Vec<Mention> {
    MENTION
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let date = resolve(&caps, reference)?;
            Some(Mention {
                start: whole.start(),
                end: whole.end(),
                date,
                with_time: caps.name("time").is_some(),
            })
        })
        .collect()
}

fn resolve(caps: &Captures<'_>, reference: &ZonedDateTime) -> Option<Date> {
    let future = |phrase: &str| {
        parse_phrase(phrase, Field::Promise, reference, DateOrder::Dmy)
            .ok()
            .map(|r| r.date)
    };
    let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
    let day_month = |day: i16, month: i8, year: Option<i16>| -> Option<Date> {
        let day = i8::try_from(day).ok()?;
        match year {
            Some(year) => {
                let year = if year < 100 { 2000 + year } else { year };
                Date::new(year, month, day).ok()
            }
            None => {
                // The nearest such day, ahead or behind: "by 4 May" written on 6 May is a
                // slip about the past, not next year's 4 May.
                let phrase = format!("{day} {}", EN_MONTHS[usize::try_from(month - 1).ok()?]);
                let ahead = future(&phrase);
                let behind = parse_phrase(&phrase, Field::At, reference, DateOrder::Dmy)
                    .ok()
                    .map(|r| r.date);
                let today = reference.date();
                match (ahead, behind) {
                    (Some(a), Some(b)) if (today - b).get_days() < (a - today).get_days() => {
                        Some(b)
                    }
                    (a, b) => a.or(b),
                }
            }
        }
    };
    if let Some(iso) = caps.name("iso") {
        return followup_core::time::parse_date(iso.as_str()).ok();
    }
    if let (Some(day), Some(month)) = (number("d1"), caps.name("m1")) {
        return day_month(day, month_number(month.as_str())?, number("y1"));
    }
    if let (Some(day), Some(month)) = (number("d2"), caps.name("m2")) {
        return day_month(day, month_number(month.as_str())?, number("y2"));
    }
    if let (Some(first), Some(second)) = (number("d3"), number("m3")) {
        // Day first, as in Portuguese, Spanish and British mail; "5/22" can only be May 22.
        let (day, month) = if second <= 12 {
            (first, second)
        } else {
            (second, first)
        };
        return day_month(
            day,
            i8::try_from(month).ok().filter(|m| (1..=12).contains(m))?,
            number("y3"),
        );
    }
    if let Some(day) = number("d4") {
        let today = reference.date();
        let day = i8::try_from(day).ok()?;
        return Date::new(today.year(), today.month(), day)
            .ok()
            .filter(|d| *d >= today)
            .or_else(|| {
                let next = today.last_of_month().tomorrow().ok()?;
                Date::new(next.year(), next.month(), day).ok()
            });
    }
    if let Some(rel) = caps.name("rel") {
        let rel = rel
            .as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let phrase = match rel.as_str() {
            "today" | "hoje" | "hoy" | "eod" | "cob" => "today",
            "tomorrow" | "amanha" | "manana" => "tomorrow",
            r if r.ends_with("week") || r.ends_with("semana") => "end of week",
            r if r.ends_with("month") || r.ends_with("mes") => "end of month",
            _ => "today",
        };
        return future(phrase);
    }
    if let Some(weekday) = caps.name("wd") {
        let weekday = english_weekday(weekday.as_str())?;
        return match caps.name("next").map(|m| m.as_str()) {
            Some("next") => future(&format!("next {weekday}")),
            _ => future(weekday),
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wednesday 6 May 2026, 10:30 in São Paulo's offset.
    fn wednesday() -> ZonedDateTime {
        "2026-05-06T10:30:00-03:00[-03:00]".parse().unwrap()
    }

    fn dates(text: &str) -> Vec<String> {
        mentions(text, &wednesday())
            .into_iter()
            .map(|m| m.date.to_string())
            .collect()
    }

    #[test]
    fn day_and_month_in_three_languages() {
        assert_eq!(dates("back on monday 11 may"), ["2026-05-11"]);
        assert_eq!(dates("ate 22 de maio de 2026"), ["2026-05-22"]);
        assert_eq!(dates("hasta el 9 de mayo"), ["2026-05-09"]);
        assert_eq!(dates("by may 22nd, 2026"), ["2026-05-22"]);
        assert_eq!(dates("friday, may 8"), ["2026-05-08"]);
        assert_eq!(dates("ate 15/05"), ["2026-05-15"]);
        assert_eq!(dates("by 5/22"), ["2026-05-22"]);
    }

    #[test]
    fn weekdays_and_relative_days_follow_the_core() {
        assert_eq!(dates("please reply by friday"), ["2026-05-08"]);
        assert_eq!(dates("ate sexta-feira"), ["2026-05-08"]);
        assert_eq!(dates("antes del viernes"), ["2026-05-08"]);
        assert_eq!(dates("by next friday"), ["2026-05-15"]);
        assert_eq!(dates("tomorrow"), ["2026-05-07"]);
        assert_eq!(dates("by end of week"), ["2026-05-08"]);
        assert_eq!(dates("until wednesday"), ["2026-05-13"]);
        // "Next week" is not a date.
        assert!(dates("back next week").is_empty());
    }

    #[test]
    fn a_time_is_noted() {
        let found = mentions("would tuesday at 10:00 work", &wednesday());
        assert_eq!(found.len(), 1);
        assert!(found[0].with_time);
        assert_eq!(found[0].date.to_string(), "2026-05-12");
    }

    #[test]
    fn impossible_days_are_skipped() {
        assert!(dates("31 april").is_empty());
    }
}
