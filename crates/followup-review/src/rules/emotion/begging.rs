//! `emotion.begging`: neediness and begging: the recruiter is asked to rescue the sender.
//!
//! A phrase table: `rules/<language>/phrases/emotion.begging.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "emotion.begging",
    category: Category::Emotion,
    severity: Severity::Error,
    description: "Neediness: begging, \"I really need an answer\", \"it would mean everything\".",
    message: "Neediness puts the recruiter in the position of rescuing you, which weakens your candidacy.",
    suggestion: "Is there any news on the timeline?",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "emotion.begging",
            &[
                // Prayer for the outcome.
                "I pray I will be the lucky one.",
                "Praying for good news on Friday.",
                "Hoping so much that I am the lucky candidate this time.",
                "Any news at all would help me a lot.",
                "I really need this job.",
                "I really need an answer.",
                "It would mean the world to me.",
                "Please, please let me know.",
                "I'm begging you to reconsider.",
                "I would do anything to join Acme.",
                "I keep checking my inbox every hour.",
                "Just give me a chance.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "emotion.begging",
            &[
                "I pray this finds you well.",
                "Our team was lucky to have the launch go well.",
                "Is there anything else you need from me?",
                "I need to give them an answer by Friday 15 May.",
                "Please let me know if anything is missing.",
                "It would mean a lot of changes for the team, as you said.",
                "Thank you for the chance to meet the team.",
                // Formal idioms of "beg", no pleading.
                "I beg leave to enquire whether a decision has been reached.",
                "We beg to differ on one point of the brief, as discussed.",
                "I beg to inform you that I have accepted another position.",
            ],
        );
    }

    #[test]
    fn family_and_prayer() {
        fires(
            "emotion.begging",
            &[
                "My kids are depending on me finding work.",
                "My parents are relying on this offer.",
                "I pray every night for a good answer.",
            ],
        );
        silent(
            "emotion.begging",
            &["My family and I are moving to Leeds in May, so Tuesday suits me."],
        );
    }

    #[test]
    fn pleading_to_be_chosen() {
        fires(
            "emotion.begging",
            &[
                "Please consider me, madam.",
                "Kindly please select me for this post.",
                "I would be so thankful to be selected.",
            ],
        );
        silent(
            "emotion.begging",
            &[
                "I was happy to be asked to present the case study.",
                "Please consider my availability of Monday or Tuesday for the call.",
            ],
        );
    }

    #[test]
    fn need_for_the_job_said_without_i() {
        fires(
            "emotion.begging",
            &[
                "Really need this role for my kids.",
                "You have no idea how hard this month was.",
                "We are down to our last savings.",
                "Thank you, you cannot imagine how much I needed this offer and how much I need it.",
            ],
        );
        silent(
            "emotion.begging",
            &[
                "Thank you for the interview; I understand the team really needs the role filled by March.",
                "You mentioned the project is down to its last sprint.",
            ],
        );
    }

    #[test]
    fn the_chance_asked_for_the_familys_sake() {
        fires(
            "emotion.begging",
            &[
                "Please give me that opportunity.",
                "This job means so much to me and my parents.",
                "It is crucial for me and my kids.",
            ],
        );
        silent(
            "emotion.begging",
            &[
                "Thank you for the chance to meet the team.",
                "I told my family about the relocation and they are glad.",
            ],
        );
    }

    #[test]
    fn begging_the_question_is_an_idiom() {
        use crate::rules::testing::{fires, silent};
        fires("emotion.begging", &["I am begging you to reconsider."]);
        silent(
            "emotion.begging",
            &["Your point that the churn numbers were begging the question stayed with me."],
        );
    }

    #[test]
    fn prayer_and_importance() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.begging",
            &[
                "I have been fasting and praying over this opportunity.",
                "This opportunity is very important for me.",
            ],
        );
        silent(
            "emotion.begging",
            &["Thank you for the prayer room tour; the office is lovely."],
        );
    }

    #[test]
    fn the_products_need_is_not_the_senders() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.begging",
            &["I desperately need news on the Designer role."],
        );
        silent(
            "emotion.begging",
            &["Fun to hear that offline mode is the feature users desperately need."],
        );
    }
}
