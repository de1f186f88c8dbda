//! Every number the advisor uses, in one value, so configuration can change any of them.

use serde::{Deserialize, Serialize};

/// The timing rules' numbers. [`Policy::default`] holds the product's defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Hours after an interview during which a thank-you still helps.
    pub thank_you_window_hours: u32,
    /// Business days after the promised date when the follow-up is due (1 = the next one).
    pub business_days_after_promise: u32,
    /// Business days after the last interview or reply when nothing was promised.
    pub business_days_without_promise: u32,
    /// Business days to leave after an unanswered message before the next one.
    pub business_days_between_messages: u32,
    /// Unanswered messages after which the advice is to move on.
    pub max_unanswered: u32,
    /// Business days after your latest message before an align about a new real change
    /// (1 = the next working day), so two messages never go out the same day.
    pub business_days_align_spacing: u32,
    /// Business days of silence after an application (or your last message about it) after
    /// which the advice is to move on.
    pub business_days_application_silence: u32,
    /// Business days a due answer or follow-up may be overdue before writing would be out of
    /// context and the advice is to move on.
    pub business_days_overdue_before_quiet: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            thank_you_window_hours: 24,
            business_days_after_promise: 1,
            business_days_without_promise: 5,
            business_days_between_messages: 3,
            max_unanswered: 2,
            business_days_align_spacing: 1,
            business_days_application_silence: 20,
            business_days_overdue_before_quiet: 15,
        }
    }
}

/// A policy value outside its range: which key, the value, and the range allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutOfRange {
    /// The key as the configuration file spells it.
    pub key: &'static str,
    /// The value given.
    pub value: u32,
    /// The smallest value allowed.
    pub min: u32,
    /// The largest value allowed.
    pub max: u32,
}

impl Policy {
    /// Every key with the range it allows (the README's policy table says the same). A value
    /// outside would make the advice absurd: `max_unanswered = 0` moves on before the first
    /// message, a window of a million hours never ends.
    pub fn ranges(&self) -> [(&'static str, u32, u32, u32); 8] {
        const DAYS: (u32, u32) = (0, 60);
        [
            (
                "thank_you_window_hours",
                self.thank_you_window_hours,
                1,
                168,
            ),
            (
                "business_days_after_promise",
                self.business_days_after_promise,
                DAYS.0,
                DAYS.1,
            ),
            (
                "business_days_without_promise",
                self.business_days_without_promise,
                DAYS.0,
                DAYS.1,
            ),
            (
                "business_days_between_messages",
                self.business_days_between_messages,
                DAYS.0,
                DAYS.1,
            ),
            ("max_unanswered", self.max_unanswered, 1, 5),
            (
                "business_days_align_spacing",
                self.business_days_align_spacing,
                DAYS.0,
                DAYS.1,
            ),
            (
                "business_days_application_silence",
                self.business_days_application_silence,
                DAYS.0,
                DAYS.1,
            ),
            (
                "business_days_overdue_before_quiet",
                self.business_days_overdue_before_quiet,
                DAYS.0,
                DAYS.1,
            ),
        ]
    }

    /// The first value outside its range, if any.
    pub fn out_of_range(&self) -> Option<OutOfRange> {
        self.ranges()
            .into_iter()
            .find(|(_, value, min, max)| !(*min..=*max).contains(value))
            .map(|(key, value, min, max)| OutOfRange {
                key,
                value,
                min,
                max,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_in_range() {
        assert_eq!(Policy::default().out_of_range(), None);
    }

    #[test]
    fn item9_zero_unanswered_is_out_of_range() {
        let policy = Policy {
            max_unanswered: 0,
            ..Policy::default()
        };
        let found = policy
            .out_of_range()
            .map(|o| (o.key, o.value, o.min, o.max));
        assert_eq!(found, Some(("max_unanswered", 0, 1, 5)));
    }
}
