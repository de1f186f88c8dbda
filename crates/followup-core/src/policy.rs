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
