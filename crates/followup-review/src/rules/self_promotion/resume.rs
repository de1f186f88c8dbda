//! `self-promotion.resume`: repeating the resume: experience, achievements, degrees.
//!
//! A phrase table: `rules/<language>/phrases/self-promotion.resume.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "self-promotion.resume",
    category: Category::SelfPromotion,
    severity: Severity::Error,
    description: "Repeating the resume: years of experience, achievements, degrees.",
    message: "They have your resume; repeating it reads as a second application instead of a follow-up.",
    suggestion: "(delete it; they have your resume)",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "self-promotion.resume",
            &[
                // Years of something, listed without a verb.
                "For context: HubSpot certified, 4 years of event marketing.",
                "Reminder: 6 years of B2B sales in the region.",
                "Ten years of hands-on Kubernetes, as we discussed.",
                "I have 10 years of experience in backend development.",
                "As you can see from my resume, I led many projects.",
                "I increased revenue by 40% at my last job.",
                "I hold a master's degree in computer science.",
                "My track record speaks for itself.",
                "I led a team of 12 engineers.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "self-promotion.resume",
            &[
                "After 2 years of waiting, the visa came through.",
                "The company celebrates 10 years of the product this month.",
                "We discussed how the team handles on-call.",
                "I enjoyed learning about your experience with event sourcing.",
                "Is there anything else you need from me?",
                "It was useful to hear how the team plans to cut the backlog by 20% before Q3.",
            ],
        );
    }

    #[test]
    fn a_clean_record_and_promotions_counted() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.resume",
            &[
                "I've driven buses for eleven years without a single complaint.",
                "Worth knowing I was promoted twice in two years at my current place.",
            ],
        );
        silent(
            "self-promotion.resume",
            &["You mentioned the team went a year without a single outage."],
        );
    }
}
