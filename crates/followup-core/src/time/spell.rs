//! Dates spelled for people: "Monday 11 May", "Friday 8 May 2027" when the year differs.

use jiff::civil::Date;

/// Spells `date` as "Monday 11 May", adding the year when it differs from `today`'s.
pub fn spell_date(date: Date, today: Date) -> String {
    if date.year() == today.year() {
        date.strftime("%A %-d %B").to_string()
    } else {
        date.strftime("%A %-d %B %Y").to_string()
    }
}

/// Spells a past or future date relative to `today` the way a message would:
/// "today", "yesterday", "on Friday" (within the week), "on 6 March" further away.
pub fn spell_relative(date: Date, today: Date) -> String {
    let days = (date - today).get_days();
    match days {
        0 => "today".to_owned(),
        -1 => "yesterday".to_owned(),
        1 => "tomorrow".to_owned(),
        -6..=6 => format!("on {}", date.strftime("%A")),
        _ if date.year() == today.year() => format!("on {}", date.strftime("%-d %B")),
        _ => format!("on {}", date.strftime("%-d %B %Y")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn spells_weekday_day_month() {
        assert_eq!(
            spell_date(date(2026, 5, 11), date(2026, 5, 6)),
            "Monday 11 May"
        );
        assert_eq!(
            spell_date(date(2027, 1, 8), date(2026, 12, 30)),
            "Friday 8 January 2027"
        );
    }

    #[test]
    fn relative_spelling() {
        let today = date(2026, 5, 13);
        assert_eq!(spell_relative(today, today), "today");
        assert_eq!(spell_relative(date(2026, 5, 12), today), "yesterday");
        assert_eq!(spell_relative(date(2026, 5, 8), today), "on Friday");
        assert_eq!(spell_relative(date(2026, 3, 6), today), "on 6 March");
    }
}
