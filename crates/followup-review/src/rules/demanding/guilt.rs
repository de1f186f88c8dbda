//! `demanding.guilt`: guilt: the sender's sacrifices presented as a debt.
//!
//! A phrase table: `rules/<language>/phrases/demanding.guilt.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "demanding.guilt",
    category: Category::Demanding,
    severity: Severity::Error,
    description: "Guilt: \"I took a day off for you\", \"after all the time I spent\".",
    message: "Listing what you sacrificed makes the recruiter a debtor; it breeds avoidance, not answers.",
    suggestion: "(delete it)",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "demanding.guilt",
            &[
                "I took a day off work for the interview.",
                "I turned down other offers for this.",
                "After all the time I put into the take-home, I expected more.",
                "I spent hours preparing for the interview.",
                "I rearranged my whole schedule.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "demanding.guilt",
            &[
                "Thank you for taking the time to meet me.",
                "I took the time to read your engineering blog.",
                "I enjoyed the afternoon with the team.",
            ],
        );
    }

    #[test]
    fn a_round_turned_down() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.guilt",
            &["I turned down a final round elsewhere last week because of your signals."],
        );
        silent(
            "demanding.guilt",
            &["I turned down the volume on the call, sorry about that."],
        );
    }
}
