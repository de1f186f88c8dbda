//! Business days: Monday to Friday, minus the holidays the process or the user lists.
//!
//! Holidays are a set (a sorted, deduplicated `Vec`): each date is looked up once, by binary
//! search, so a thousand configured holidays cost ten comparisons a date, not a thousand
//! (issue 9, item 2). The configured holidays are borrowed by every process's calendar
//! ([`BusinessCalendar::with_shared`]), never copied into it; [`merge_holidays`] adds one
//! sorted set to another without a search per holiday, for surfaces that show them.

use jiff::civil::{Date, Weekday};

/// Which local dates are working days.
#[derive(Clone, Debug, Default)]
pub struct BusinessCalendar<'a> {
    /// The process's own holidays: sorted, without duplicates (a handful).
    own: Vec<Date>,
    /// Holidays shared by every process (the configured ones), sorted, borrowed: advising
    /// thousands of processes never copies them.
    shared: &'a [Date],
}

impl<'a> BusinessCalendar<'a> {
    /// A calendar whose non-working days are weekends plus `holidays` (in any order).
    pub fn new(holidays: impl IntoIterator<Item = Date>) -> Self {
        let mut own: Vec<Date> = holidays.into_iter().collect();
        own.sort_unstable();
        own.dedup();
        BusinessCalendar { own, shared: &[] }
    }

    /// This calendar with `shared` holidays too; `shared` must be sorted (as
    /// [`sorted_holidays`] makes it), and is borrowed, not copied.
    pub fn with_shared(self, shared: &'a [Date]) -> Self {
        BusinessCalendar { shared, ..self }
    }

    /// Whether `date` is a working day.
    pub fn is_business_day(&self, date: Date) -> bool {
        !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) && !self.is_holiday(date)
    }

    /// Whether `date` is one of the holidays: one binary search in each set (none for a date
    /// outside the set's first and last day, as most are for a list spanning years).
    fn is_holiday(&self, date: Date) -> bool {
        let find = |set: &[Date]| match (set.first(), set.last()) {
            (Some(first), Some(last)) if *first <= date && date <= *last => set
                .binary_search_by(|probe| {
                    probes::count();
                    probe.cmp(&date)
                })
                .is_ok(),
            _ => false,
        };
        find(&self.own) || find(self.shared)
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

/// `holidays` as a set: sorted, without duplicates, ready for [`BusinessCalendar::with_shared`].
pub fn sorted_holidays(holidays: impl IntoIterator<Item = Date>) -> Vec<Date> {
    let mut set: Vec<Date> = holidays.into_iter().collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// Adds the holidays of `extra` (sorted, without duplicates) to `holidays`, keeping
/// `holidays` sorted and without duplicates, never with a search of the whole list per holiday:
/// a copy when the process has none, a binary search per own holiday when it has a few, and
/// one pass over both otherwise.
pub fn merge_holidays(holidays: &mut Vec<Date>, extra: &[Date]) {
    if extra.is_empty() {
        return;
    }
    if !holidays.is_sorted() {
        holidays.sort_unstable();
    }
    holidays.dedup();
    if holidays.len().saturating_mul(16) <= extra.len() {
        let own = std::mem::replace(holidays, extra.to_vec());
        for day in own {
            if let Err(at) = holidays.binary_search_by(|probe| {
                probes::count();
                probe.cmp(&day)
            }) {
                holidays.insert(at, day);
            }
        }
        return;
    }
    let own = std::mem::take(holidays);
    let mut merged = Vec::with_capacity(own.len() + extra.len());
    let (mut a, mut b) = (own.iter().peekable(), extra.iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => {
                probes::count();
                if x <= y { a.next() } else { b.next() }
            }
            (Some(_), None) => a.next(),
            (None, Some(_)) => b.next(),
            (None, None) => break,
        };
        if let Some(&day) = next
            && merged.last() != Some(&day)
        {
            merged.push(day);
        }
    }
    *holidays = merged;
}

/// Counts the holiday comparisons made on this thread, so a test can prove that advising
/// does not scan the holiday list. Compiled to nothing without the `probes` feature.
pub mod probes {
    #[cfg(feature = "probes")]
    thread_local! {
        static COMPARISONS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }

    /// One comparison of a date with a holiday.
    #[inline(always)]
    pub(super) fn count() {
        #[cfg(feature = "probes")]
        COMPARISONS.with(|c| c.set(c.get() + 1));
    }

    /// The comparisons counted on this thread so far (always 0 without the `probes` feature).
    pub fn comparisons() -> u64 {
        #[cfg(feature = "probes")]
        return COMPARISONS.with(std::cell::Cell::get);
        #[cfg(not(feature = "probes"))]
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn merging_keeps_one_sorted_set() {
        let mut own = vec![date(2026, 5, 11), date(2026, 1, 1)];
        merge_holidays(
            &mut own,
            &[date(2026, 1, 1), date(2026, 3, 1), date(2026, 12, 25)],
        );
        assert_eq!(
            own,
            [
                date(2026, 1, 1),
                date(2026, 3, 1),
                date(2026, 5, 11),
                date(2026, 12, 25)
            ]
        );
        let mut none = Vec::new();
        merge_holidays(&mut none, &[date(2026, 3, 1)]);
        assert_eq!(none, [date(2026, 3, 1)]);
        // A few own holidays among many configured ones: inserted by binary search.
        let many: Vec<Date> = (0..100)
            .map(|i| date(2026, 1, 1) + jiff::Span::new().days(i))
            .collect();
        let mut few = vec![date(2030, 1, 1), date(2026, 1, 5)];
        merge_holidays(&mut few, &many);
        assert_eq!(few.len(), 101);
        assert!(few.is_sorted());
    }

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
