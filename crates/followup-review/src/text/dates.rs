//! Date and time expressions in a message: weekdays, "8 May", "May 8th", "the 8th", "05/08",
//! "2026-05-08", "yesterday", "last week", "10 days ago", "two weeks".
//!
//! They serve two rules: a follow-up needs *some* time anchor, and with a process it should
//! name the date that was promised. [`DateMeaning::denotes`] says whether an expression, read
//! on `today`, can mean a given date.

use jiff::civil::{Date, Weekday};

use super::{Document, Token};
use crate::language::{Lexicon, digits_value};

/// What a date expression means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateMeaning {
    /// "Friday": the nearest such day.
    Weekday(Weekday),
    /// "8 May", "May 8th", "the 8th of May".
    MonthDay {
        /// 1–12.
        month: i8,
        /// 1–31.
        day: i8,
    },
    /// "the 8th".
    DayOfMonth(i8),
    /// "05/08": day and month in either order.
    Numeric(u32, u32),
    /// "2026-05-08".
    Exact(Date),
    /// "in June": a month, too wide to denote a day.
    Month(i8),
    /// "yesterday".
    Yesterday,
    /// "today", "this morning".
    Today,
    /// "tomorrow".
    Tomorrow,
    /// "last week".
    LastWeek,
    /// "this week", "earlier this week".
    ThisWeek,
    /// "next week".
    NextWeek,
    /// "the end of the week".
    EndOfWeek,
    /// "3 days ago".
    DaysAgo(u32),
    /// "two weeks ago".
    WeeksAgo(u32),
    /// "10 days", "last month": a time reference that names no day.
    Span,
}

/// A date expression and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateExpr {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// What it means.
    pub meaning: DateMeaning,
}

/// Days since 1970-01-01, for arithmetic that cannot fail.
fn day_number(date: Date) -> i64 {
    i64::from((date - Date::constant(1970, 1, 1)).get_days())
}

/// Monday-based week number (1970-01-01 was a Thursday).
fn week_number(date: Date) -> i64 {
    (day_number(date) + 3).div_euclid(7)
}

impl DateMeaning {
    /// Whether this expression, written on `today`, can refer to `date`.
    pub fn denotes(self, date: Date, today: Date) -> bool {
        let distance = day_number(today) - day_number(date);
        match self {
            DateMeaning::Weekday(w) => date.weekday() == w && distance.abs() <= 13,
            DateMeaning::MonthDay { month, day } => date.month() == month && date.day() == day,
            DateMeaning::DayOfMonth(day) => date.day() == day,
            DateMeaning::Numeric(a, b) => {
                let (d, m) = (date.day() as u32, date.month() as u32);
                (a == d && b == m) || (a == m && b == d)
            }
            DateMeaning::Exact(exact) => exact == date,
            DateMeaning::Month(_) | DateMeaning::Span => false,
            DateMeaning::Yesterday => distance == 1,
            DateMeaning::Today => distance == 0,
            DateMeaning::Tomorrow => distance == -1,
            DateMeaning::LastWeek => week_number(date) == week_number(today) - 1,
            DateMeaning::ThisWeek => week_number(date) == week_number(today),
            DateMeaning::NextWeek => week_number(date) == week_number(today) + 1,
            DateMeaning::EndOfWeek => {
                let late = matches!(
                    date.weekday(),
                    Weekday::Thursday | Weekday::Friday | Weekday::Saturday | Weekday::Sunday
                );
                let weeks = week_number(today) - week_number(date);
                late && (0..=1).contains(&weeks)
            }
            DateMeaning::DaysAgo(n) => (distance - i64::from(n)).abs() <= 1,
            DateMeaning::WeeksAgo(n) => (distance - 7 * i64::from(n)).abs() <= 3,
        }
    }
}

/// Finds the date expressions of a document, left to right, without overlaps.
pub fn find_dates(doc: &Document<'_>, lexicon: &Lexicon) -> Vec<DateExpr> {
    let mut found = Vec::new();
    let tokens = &doc.tokens;
    let word = |i: usize| doc.word_at(i);
    // The next token, when it is in the same sentence.
    let same = |i: usize, j: usize| {
        tokens
            .get(j)
            .is_some_and(|t| t.sentence == tokens[i].sentence)
    };
    // Only the text between two tokens, to read "05/08" and "2026-05-08".
    let between =
        |a: usize, b: usize| -> &str { doc.text.get(tokens[a].end..tokens[b].start).unwrap_or("") };
    let day_number_at = |j: usize| -> Option<i8> {
        let w = word(j);
        lexicon.ordinal_day(w).map(|d| d as i8).or_else(|| {
            digits_value(w)
                .filter(|d| (1..=31).contains(d))
                .map(|d| d as i8)
        })
    };
    let span = |a: &Token, b: &Token, meaning| DateExpr {
        start: a.start,
        end: b.end,
        meaning,
    };

    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let w = word(i);
        let mut next = i + 1;
        let mut push = |end: usize, meaning: DateMeaning, next_ref: &mut usize| {
            found.push(span(t, &tokens[end], meaning));
            *next_ref = end + 1;
        };

        // "last mon.": after "last" or "next" an abbreviation needs no capital to be a day.
        let day_cue = i > 0
            && same(i - 1, i)
            && matches!(word(i - 1), "last" | "next" | "this" | "coming" | "past");
        if let Some(day) = lexicon.weekday(w, t.capitalised || day_cue) {
            push(i, DateMeaning::Weekday(day), &mut next);
        } else if let Some(m) = lexicon.month(w).filter(|_| w.len() >= 3) {
            // "May 8", "May 8th".
            if same(i, i + 1) && day_number_at(i + 1).is_some() {
                let day = day_number_at(i + 1).unwrap_or(1);
                push(i + 1, DateMeaning::MonthDay { month: m, day }, &mut next);
            } else if lexicon.is_unambiguous_month_name(w)
                || (lexicon.ambiguous_months.contains(&w)
                    && i > 0
                    && same(i - 1, i)
                    && lexicon.month_context.contains(&word(i - 1)))
            {
                push(i, DateMeaning::Month(m), &mut next);
            }
        } else if let Some(day) = day_number_at(i) {
            // "8 May", "8th of May", "the 8th", "05/08", and counts like "10 days".
            let of = usize::from(word(i + 1) == "of" && same(i, i + 1));
            let month_at = i + 1 + of;
            let is_ordinal = lexicon.ordinal_day(w).is_some();
            if same(i, month_at) && lexicon.month(word(month_at)).is_some() {
                let m = lexicon.month(word(month_at)).unwrap_or(1);
                push(month_at, DateMeaning::MonthDay { month: m, day }, &mut next);
            } else if is_ordinal && w.as_bytes()[0].is_ascii_digit() {
                push(i, DateMeaning::DayOfMonth(day), &mut next);
            } else if same(i, i + 1)
                && between(i, i + 1) == "/"
                && digits_value(word(i + 1)).is_some_and(|b| (1..=31).contains(&b))
            {
                let a = day as u32;
                let b = digits_value(word(i + 1)).unwrap_or(0);
                let mut end = i + 1;
                if same(i, i + 2)
                    && between(i + 1, i + 2) == "/"
                    && matches!(word(i + 2).len(), 2 | 4)
                    && digits_value(word(i + 2)).is_some()
                {
                    end = i + 2;
                }
                push(end, DateMeaning::Numeric(a, b), &mut next);
            }
        }
        if next == i + 1 && found.last().is_none_or(|f| f.start != t.start) {
            if let Some(meaning) = iso_date(doc, i) {
                found.push(span(t, &tokens[i + 2], meaning));
                next = i + 3;
            } else if let Some((end, meaning)) = relative(doc, lexicon, i) {
                found.push(span(t, &tokens[end], meaning));
                next = end + 1;
            }
        }
        i = next;
    }
    found
}

/// "2026-05-08" as three tokens joined by hyphens.
fn iso_date(doc: &Document<'_>, i: usize) -> Option<DateMeaning> {
    let tokens = &doc.tokens;
    let (a, b, c) = (tokens.get(i)?, tokens.get(i + 1)?, tokens.get(i + 2)?);
    let joined = |x: &Token, y: &Token| doc.text.get(x.end..y.start) == Some("-");
    let (y, m, d) = (a.text.as_str(), b.text.as_str(), c.text.as_str());
    if y.len() == 4 && m.len() == 2 && d.len() == 2 && joined(a, b) && joined(b, c) {
        let date = Date::new(
            i16::try_from(digits_value(y)?).ok()?,
            i8::try_from(digits_value(m)?).ok()?,
            i8::try_from(digits_value(d)?).ok()?,
        )
        .ok()?;
        return Some(DateMeaning::Exact(date));
    }
    None
}

/// Relative expressions starting at token `i`: the last token they use and their meaning.
fn relative(doc: &Document<'_>, lexicon: &Lexicon, i: usize) -> Option<(usize, DateMeaning)> {
    let tokens = &doc.tokens;
    let sentence = tokens.get(i)?.sentence;
    let word = |j: usize| {
        tokens
            .get(j)
            .filter(|t| t.sentence == sentence)
            .map_or("", |t| t.text.as_str())
    };
    let unit = |w: &str| -> Option<u32> {
        match w {
            "day" | "days" => Some(1),
            "week" | "weeks" => Some(7),
            "month" | "months" | "fortnight" => Some(30),
            _ => None,
        }
    };
    let w = word(i);
    match w {
        "yesterday" => return Some((i, DateMeaning::Yesterday)),
        "today" | "tonight" => return Some((i, DateMeaning::Today)),
        "tomorrow" => return Some((i, DateMeaning::Tomorrow)),
        "last" | "this" | "next" | "past" | "previous" | "coming" | "earlier" => {
            let mut j = i + 1;
            if w == "earlier" && word(j) == "this" {
                j += 1;
            }
            let meaning = match (w, word(j)) {
                ("last" | "previous", "week") => DateMeaning::LastWeek,
                ("this" | "earlier", "week") => DateMeaning::ThisWeek,
                ("next" | "coming", "week") => DateMeaning::NextWeek,
                ("this", "morning" | "afternoon" | "evening") => DateMeaning::Today,
                (_, "week" | "weekend" | "month" | "weeks" | "days" | "months") => {
                    DateMeaning::Span
                }
                _ => return None,
            };
            return Some((j, meaning));
        }
        "end" => {
            // "end of the week", "end of last week", "end of the month".
            if word(i + 1) != "of" {
                return None;
            }
            let mut j = i + 2;
            while matches!(word(j), "the" | "this" | "last") {
                j += 1;
            }
            return match word(j) {
                "week" => Some((j, DateMeaning::EndOfWeek)),
                "month" => Some((j, DateMeaning::Span)),
                _ => None,
            };
        }
        _ => {}
    }
    // "10 days", "a week ago", "a couple of weeks", "three business days ago".
    let count = if matches!(w, "a" | "an" | "one") {
        match word(i + 1) {
            "few" | "couple" => None,
            _ => Some(1),
        }
    } else {
        lexicon.count(w)
    };
    let mut j = i + 1;
    let mut count = count;
    if matches!(w, "a" | "an") && matches!(word(j), "few" | "couple") {
        count = lexicon.count(word(j));
        j += 1;
    }
    let count = count?;
    if word(j) == "of" {
        j += 1;
    }
    let and_a_half =
        |j: usize| word(j) == "and" && matches!(word(j + 1), "a" | "an") && word(j + 2) == "half";
    // "two and a half weeks".
    if and_a_half(j) {
        j += 3;
    }
    if matches!(word(j), "business" | "working" | "full") {
        j += 1;
    }
    let per = unit(word(j))?;
    // "a week and a half ago".
    if and_a_half(j + 1) {
        j += 3;
    }
    if word(j + 1) == "ago" {
        let meaning = if per == 1 {
            DateMeaning::DaysAgo(count)
        } else if per == 7 {
            DateMeaning::WeeksAgo(count)
        } else {
            DateMeaning::Span
        };
        return Some((j + 1, meaning));
    }
    Some((j, DateMeaning::Span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::EN;
    use jiff::civil::date;

    fn meanings(text: &str) -> Vec<DateMeaning> {
        let doc = Document::new(text, &EN);
        find_dates(&doc, &EN.lexicon)
            .into_iter()
            .map(|d| d.meaning)
            .collect()
    }

    #[test]
    fn finds_the_usual_forms() {
        assert_eq!(
            meanings("by Friday"),
            [DateMeaning::Weekday(Weekday::Friday)]
        );
        assert_eq!(
            meanings("on 8 May and May 8th and the 8th of May"),
            [
                DateMeaning::MonthDay { month: 5, day: 8 },
                DateMeaning::MonthDay { month: 5, day: 8 },
                DateMeaning::MonthDay { month: 5, day: 8 }
            ]
        );
        assert_eq!(meanings("by the 8th"), [DateMeaning::DayOfMonth(8)]);
        assert_eq!(meanings("by 05/08"), [DateMeaning::Numeric(5, 8)]);
        assert_eq!(
            meanings("by 2026-05-08."),
            [DateMeaning::Exact(date(2026, 5, 8))]
        );
        assert_eq!(meanings("last week"), [DateMeaning::LastWeek]);
        assert_eq!(meanings("10 days ago"), [DateMeaning::DaysAgo(10)]);
        assert_eq!(meanings("a week ago"), [DateMeaning::WeeksAgo(1)]);
        assert_eq!(meanings("a couple of weeks"), [DateMeaning::Span]);
        assert_eq!(meanings("by the end of the week"), [DateMeaning::EndOfWeek]);
        assert_eq!(
            meanings("two and a half weeks ago"),
            [DateMeaning::WeeksAgo(2)]
        );
        assert_eq!(
            meanings("a week and a half ago"),
            [DateMeaning::WeeksAgo(1)]
        );
        assert_eq!(
            meanings("we spoke last mon."),
            [DateMeaning::Weekday(Weekday::Monday)]
        );
        assert_eq!(
            meanings("the interveiw from last wendesday"),
            [DateMeaning::Weekday(Weekday::Wednesday)]
        );
    }

    #[test]
    fn modal_may_and_plain_numbers_are_not_dates() {
        assert!(meanings("I may be available and have 3 ideas").is_empty());
        assert!(meanings("I sat on the sun deck on wed").is_empty());
        assert_eq!(meanings("back in May"), [DateMeaning::Month(5)]);
    }

    #[test]
    fn denotes_reads_relative_to_today() {
        let today = date(2026, 5, 13); // Wednesday
        let promise = date(2026, 5, 8); // the Friday before
        assert!(DateMeaning::Weekday(Weekday::Friday).denotes(promise, today));
        assert!(!DateMeaning::Weekday(Weekday::Monday).denotes(promise, today));
        assert!(DateMeaning::LastWeek.denotes(promise, today));
        assert!(!DateMeaning::ThisWeek.denotes(promise, today));
        assert!(DateMeaning::EndOfWeek.denotes(promise, today));
        assert!(DateMeaning::DaysAgo(5).denotes(promise, today));
        assert!(DateMeaning::Numeric(8, 5).denotes(promise, today));
        assert!(DateMeaning::Numeric(5, 8).denotes(promise, today));
        assert!(DateMeaning::DayOfMonth(8).denotes(promise, today));
        assert!(!DateMeaning::Span.denotes(promise, today));
    }
}
