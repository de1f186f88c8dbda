//! `overjustification.spam`: worrying about spam folders and lost emails.
//!
//! A phrase table: `rules/<language>/phrases/overjustification.spam.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "overjustification.spam",
    category: Category::Overjustification,
    severity: Severity::Warning,
    description: "Worrying about spam folders and lost emails.",
    message: "Worrying that your email got lost sounds anxious; assume it arrived.",
    suggestion: "(delete it; assume your message arrived)",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "overjustification.spam",
            &[
                "Maybe my last email went to spam.",
                "In case you missed my previous email,",
                "Did you receive my last email?",
                "I worry it got lost in your inbox.",
                "Perhaps it fell through the cracks.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "overjustification.spam",
            &[
                "We discussed spam detection models.",
                "I enjoyed the conversation about your inbox product.",
            ],
        );
    }

    #[test]
    fn swallowed_by_a_filter() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.spam",
            &[
                "In case my last note got swallowed by a filter somewhere.",
                "Maybe it landed in junk.",
                "Perhaps my email went to promotions.",
            ],
        );
        silent(
            "overjustification.spam",
            &[
                "The filter design exercise was fun.",
                "I landed in Lisbon on Monday, so I can meet in person.",
            ],
        );
    }
}
