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
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            thank_you_window_hours: 24,
            business_days_after_promise: 1,
            business_days_without_promise: 5,
            business_days_between_messages: 3,
            max_unanswered: 2,
        }
    }
}
