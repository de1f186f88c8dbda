//! `self-promotion.attachment`: re-sending the CV.
//!
//! A phrase table: `rules/<language>/phrases/self-promotion.attachment.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "self-promotion.attachment",
    category: Category::SelfPromotion,
    severity: Severity::Error,
    description: "Re-attaching or re-sending the resume.",
    message: "They already have your resume; sending it again looks like you doubt they read it.",
    suggestion: "(delete it; they have your resume)",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "self-promotion.attachment",
            &[
                "I've attached my resume again for your convenience.",
                "Please find attached my CV.",
                "Here is my resume again.",
                "In case you need it, I have attached an updated resume.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "self-promotion.attachment",
            &[
                "I've attached the code sample you asked for.",
                "I look forward to hearing about my application.",
                "Thank you for reviewing my application.",
            ],
        );
    }

    #[test]
    fn the_reel_sent_for_another_look() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.attachment",
            &[
                "btw here's my updated reel in case u want another look",
                "My latest portfolio is at the link below.",
                "In case you would like another look, it is attached.",
            ],
        );
        silent(
            "self-promotion.attachment",
            &[
                "Thank you for another look at the schedule.",
                "The reel you showed from the Nike campaign was great.",
            ],
        );
    }

    #[test]
    fn the_work_mentioned_attached() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.attachment",
            &["I've attached the itinerary campaign I mentioned."],
        );
        silent(
            "self-promotion.attachment",
            &["I've attached the references you asked for."],
        );
    }
}
