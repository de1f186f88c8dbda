//! `demanding.accusation`: accusation and contempt ("unacceptable", "waste of my time").
//!
//! A phrase table: `rules/<language>/phrases/demanding.accusation.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "demanding.accusation",
    category: Category::Demanding,
    severity: Severity::Error,
    description: "Accusation and contempt: \"unacceptable\", \"unprofessional\", \"a waste of my time\".",
    message: "Accusing the recruiter ends the conversation; nobody answers an indictment.",
    suggestion: "(delete it; ask one neutral question about the timeline)",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "demanding.accusation",
            &[
                "This is unacceptable.",
                "Frankly, it's unprofessional.",
                "This has been a waste of my time.",
                "I deserve an answer.",
                "It's basic courtesy to reply.",
                "How hard is it to send an email?",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "demanding.accusation",
            &[
                "I don't want to be rude.",
                "I learned how hard it is to scale Kafka.",
                "The team's feedback culture impressed me.",
            ],
        );
    }
}
