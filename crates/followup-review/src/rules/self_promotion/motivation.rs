//! `self-promotion.motivation`: motivation-letter passages (passion, "team player").
//!
//! A phrase table: `rules/<language>/phrases/self-promotion.motivation.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "self-promotion.motivation",
    category: Category::SelfPromotion,
    severity: Severity::Error,
    description: "Motivation-letter passages: \"I am passionate about\", \"team player\", \"hit the ground running\".",
    message: "Motivation-letter phrases repeat the application and say nothing specific.",
    suggestion: "(delete it; mention one specific thing from your conversation instead)",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "self-promotion.motivation",
            &[
                // Motivation-letter lines said with more words.
                "Since my studies I have always been passionate about controlling.",
                "Your values of precision match exactly my personal values.",
                "The culture you described aligns so well with my beliefs.",
                "Your mission mirrors my own passion for access to care.",
                "I am passionate about technology.",
                "I am a highly motivated engineer.",
                "I'm a team player and a fast learner.",
                "I can hit the ground running.",
                "Ever since I was a child, I have loved computers.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "self-promotion.motivation",
            &[
                "The schedule you proposed fits my calendar.",
                "I am happy the start date matches my notice period.",
                "I enjoyed our conversation about event sourcing.",
                "The team's passion for reliability came through.",
                "I have always been on call in my current role.",
            ],
        );
    }

    #[test]
    fn motivation_told_again_in_other_words() {
        fires(
            "self-promotion.motivation",
            &[
                "I have a real love for logistics since school.",
                "Teaching has always been my vocation.",
                "I promise I will work very hard for the company.",
            ],
        );
        silent(
            "self-promotion.motivation",
            &[
                "Thank you for telling me about the team's passion for open source.",
                "The hard work your team put into the migration was impressive.",
            ],
        );
    }

    #[test]
    fn motivation_letters_and_driving_goals() {
        fires(
            "self-promotion.motivation",
            &[
                "Please find my letter of motivation below.",
                "Ever since my degree, this field has fascinated me.",
                "Data is the passion that drives me.",
            ],
        );
        silent(
            "self-promotion.motivation",
            &[
                "Thank you for explaining the motivation behind the migration.",
                "Since my interview I have read the article you mentioned.",
            ],
        );
    }

    #[test]
    fn credentials_told_to_match_them() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.motivation",
            &[
                "My training corresponds exactly to your expectations.",
                "My experience matches perfectly your requirements.",
                "Permit me to recall that I trained in Bordeaux.",
            ],
        );
        silent(
            "self-promotion.motivation",
            &[
                "Could you tell me whether my notice period fits your timeline?",
                "Permit me a question about the schedule.",
            ],
        );
    }

    #[test]
    fn interest_reaffirmed_as_a_cover_letter_would() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.motivation",
            &[
                "I wish to reaffirm my keen interest and my readiness to commence work at short notice.",
            ],
        );
        silent(
            "self-promotion.motivation",
            &["I remain interested in the Accounts Officer role."],
        );
    }
}
