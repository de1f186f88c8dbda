//! Business days: Monday to Friday, minus the holidays the process or the user lists.

use std::collections::BTreeSet;

use jiff::civil::{Date, Weekday};

/// Which local dates are working days.
#[derive(Clone, Debug, Default)]
pub struct BusinessCalendar {
    holidays: BTreeSet<Date>,
}

impl BusinessCalendar {
    /// A calendar whose non-working days are weekends plus `holidays`.
    pub fn new(holidays: impl IntoIterator<Item = Date>) -> Self {
        BusinessCalendar {
            holidays: holidays.into_iter().collect(),
        }
    }

    /// Whether `date` is a working day.
    pub fn is_business_day(&self, date: Date) -> bool {
        !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
            && !self.holidays.contains(&date)
    }

    /// The date `n` business days after `date`, counting strictly after it (so `n = 1` is the
    /// next working day). Saturates at the end of the calendar instead of failing.
    pub fn add_business_days(&self, date: Date, n: u32) -> Date {
        let mut day = date;
        let mut left = n;
        while left > 0 {
            match day.tomorrow() {
                Ok(next) => day = next,
                Err(_) => return day,
            }
            if self.is_business_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// The number of business days in `(from, to]`, zero when `to <= from`.
    pub fn business_days_between(&self, from: Date, to: Date) -> u32 {
        let mut count = 0;
        let mut day = from;
        while day < to {
            match day.tomorrow() {
                Ok(next) => day = next,
                Err(_) => break,
            }
            if self.is_business_day(day) {
                count += 1;
            }
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn friday_plus_one_is_monday() {
        let cal = BusinessCalendar::default();
        assert_eq!(
            cal.add_business_days(date(2026, 5, 8), 1),
            date(2026, 5, 11)
        );
    }

    #[test]
    fn holidays_are_skipped() {
        let cal = BusinessCalendar::new([date(2026, 5, 11)]);
        assert_eq!(
            cal.add_business_days(date(2026, 5, 8), 1),
            date(2026, 5, 12)
        );
        assert!(!cal.is_business_day(date(2026, 5, 11)));
    }

    #[test]
    fn counting_starts_strictly_after_a_weekend_day() {
        let cal = BusinessCalendar::default();
        // Saturday + 5 business days = the next Friday.
        assert_eq!(
            cal.add_business_days(date(2026, 5, 9), 5),
            date(2026, 5, 15)
        );
        assert_eq!(cal.add_business_days(date(2026, 5, 9), 0), date(2026, 5, 9));
    }

    #[test]
    fn between_counts_half_open_interval() {
        let cal = BusinessCalendar::default();
        assert_eq!(
            cal.business_days_between(date(2026, 5, 8), date(2026, 5, 11)),
            1
        );
        assert_eq!(
            cal.business_days_between(date(2026, 5, 11), date(2026, 5, 8)),
            0
        );
    }

    #[test]
    fn end_of_calendar_saturates() {
        let cal = BusinessCalendar::default();
        assert_eq!(cal.add_business_days(Date::MAX, 3), Date::MAX);
    }
}
