//! `overjustification.apology`: apologising for writing.
//!
//! A phrase table: `rules/<language>/phrases/overjustification.apology.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "overjustification.apology",
    category: Category::Overjustification,
    severity: Severity::Warning,
    description: "Apologising for writing: \"sorry to bother you\", \"apologies for following up\".",
    message: "Apologising for a normal follow-up suggests it is an imposition; it is not.",
    suggestion: "(delete it)",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "overjustification.apology",
            &[
                "Sorry to bother you again.",
                "Apologies for following up.",
                "I hate to bother you, but",
                "Forgive me for writing again.",
                "Sorry for taking up your time.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "overjustification.apology",
            &[
                "Sorry for the delay in replying to your scheduling email.",
                "I was sorry to hear about the reorg.",
                "Thank you for your time.",
            ],
        );
    }
}
