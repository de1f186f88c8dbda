//! `emotion.gushing`: mild gushing ("I can't wait", "so excited"): a warning.
//!
//! A phrase table: `rules/<language>/phrases/emotion.gushing.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "emotion.gushing",
    category: Category::Emotion,
    severity: Severity::Warning,
    description: "Mild gushing: \"I can't wait\", \"so excited\", \"fingers crossed\".",
    message: "Gushing reads as eager rather than professional; one calm sentence of interest is enough.",
    suggestion: "I look forward to it",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "emotion.gushing",
            &[
                // Gratitude beyond words.
                "I cannot find words to express my gratitude.",
                "I don't have words to describe how grateful I am.",
                "I am grateful beyond words.",
                "I can't wait to hear back!",
                "I'm so excited about this!",
                "Fingers crossed!",
                "I'm over the moon about the offer stage.",
                "I could not be more excited.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "emotion.gushing",
            &[
                "I could not find the words in the brief, so I asked.",
                "Thank you for your time today.",
                "I'm excited about the role.",
                "I enjoyed our conversation about event sourcing.",
                "I'm really excited about the roadmap you described.",
            ],
        );
    }

    #[test]
    fn gushing_in_other_words() {
        fires(
            "emotion.gushing",
            &[
                "Truly the best interview of my whole life!",
                "I am still glowing after the call.",
                "That was the best chat of my career.",
            ],
        );
        silent(
            "emotion.gushing",
            &[
                "Thank you for the interview; the best part of the day was meeting the team.",
                "The office is still buzzing after the launch, you said.",
            ],
        );
    }

    #[test]
    fn gratitude_beyond_the_occasion() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.gushing",
            &[
                "Thank you for the golden opportunity to attend the interview.",
                "Thank you for sparing your time for a small person like me.",
                "I will be ever thankful.",
                "I am grateful and obliged to you.",
            ],
        );
        silent(
            "emotion.gushing",
            &[
                "Thank you for your time today; I am grateful for the conversation.",
                "The golden ratio came up in the design exercise.",
            ],
        );
    }

    #[test]
    fn the_ornate_register() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.gushing",
            &[
                "I shall count myself blessed beyond measure.",
                "I remain deeply moved by the kindness shown.",
                "Permit me to express my most humble gratitude.",
                "Your most obedient servant.",
            ],
        );
        silent(
            "emotion.gushing",
            &[
                "Thank you for your time; the session on measurement was useful.",
                "Most of the team works in Lagos, you said.",
            ],
        );
    }

    #[test]
    fn arrival_metaphors_and_chat_superlatives() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.gushing",
            &[
                "Walking out I felt like a sailor who has finally sighted the lighthouse.",
                "literally the best convo ever",
                "manifesting this",
            ],
        );
        silent(
            "emotion.gushing",
            &[
                "I felt like a quick walk after the interview, so I took the stairs.",
                "Your best interview tip was useful.",
            ],
        );
    }
}
