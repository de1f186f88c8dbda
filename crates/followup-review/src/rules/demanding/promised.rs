//! `demanding.promised`: holding the company to its word ("you promised").
//!
//! A phrase table: `rules/<language>/phrases/demanding.promised.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "demanding.promised",
    category: Category::Demanding,
    severity: Severity::Error,
    description: "\"You promised\", \"you were supposed to\": holding the company to its word.",
    message: "\"You promised\" reads as an accusation; the recruiter may not control the timeline.",
    suggestion: "You mentioned you expected to have an update by then",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "demanding.promised",
            &[
                "You promised an answer by Friday.",
                "You were supposed to call me.",
                "As you promised, I expect an answer today.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "demanding.promised",
            &[
                "You mentioned you expected to have an update by Friday.",
                "As you said, the team is growing.",
                "You said the on-call rotation is shared, which I liked.",
                // Recalling the agreed timeline is the point of a follow-up, not a reproach.
                "You said you would have news by Friday, so I wanted to check in.",
                "You told me you would decide by Monday; is there an update?",
            ],
        );
    }

    #[test]
    fn a_promise_in_other_words() {
        fires(
            "demanding.promised",
            &[
                "You committed to let me know by the 10th.",
                "You had agreed to send me the feedback.",
                "You undertook to revert within a week.",
            ],
        );
        silent(
            "demanding.promised",
            &[
                "I agreed to send the references by Friday.",
                "The team committed to the new stack last year, you said.",
            ],
        );
    }

    #[test]
    fn their_date_quoted_back() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.promised",
            &["You said I would hear back by today."],
        );
        silent(
            "demanding.promised",
            &[
                "You said the office is near the station, which helps.",
                "You mentioned you expected to have an update by yesterday.",
            ],
        );
    }
}
