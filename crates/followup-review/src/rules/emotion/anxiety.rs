//! `emotion.anxiety`: the sender's own worry, nerves, stress or lost sleep.
//!
//! A phrase table: `rules/<language>/phrases/emotion.anxiety.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "emotion.anxiety",
    category: Category::Emotion,
    severity: Severity::Error,
    description: "The sender's anxiety, nerves, stress or lost sleep.",
    message: "Your worry becomes something the recruiter has to manage, and it reads as pressure.",
    suggestion: "(leave your feelings out; state the facts and ask your question)",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "emotion.anxiety",
            &[
                "I'm really anxious about this.",
                "I’ve been so nervous since the interview.",
                "I have been worried sick.",
                "Honestly, I'm losing sleep over it.",
                "The waiting is killing me.",
                "It is making me so anxious.",
                "I can't sleep until I know.",
                "I feel a bit stressed about the timeline.",
                "My anxiety is through the roof.",
                "I am on edge.",
                "I AM SO NERVOUS",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "emotion.anxiety",
            &[
                "I built an app that helps people manage anxiety.",
                "I am not worried about the timeline.",
                "We discussed stress testing and the release deadline challenges.",
                "I'm still very interested in the role.",
                "Your customers are anxious about outages, which is why the SRE work matters.",
                "I'm afraid I can't make Tuesday.",
            ],
        );
    }

    #[test]
    fn the_wait_as_a_weight() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.anxiety",
            &[
                "Every day without news is a little heavier to carry.",
                "Each morning without a word from you, I check again.",
                "It gets harder to bear.",
            ],
        );
        silent(
            "emotion.anxiety",
            &[
                "Every day without meetings is a focus day at my current team, as I mentioned.",
                "The box was heavy, but the move went fine.",
            ],
        );
    }

    #[test]
    fn every_ping_of_the_inbox() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.anxiety",
            &[
                "Every time my inbox pings I hope it is you.",
                "Every time my phone buzzes, I check.",
            ],
        );
        silent(
            "emotion.anxiety",
            &["Every time the build runs, the tests pass, as you showed."],
        );
    }

    #[test]
    fn hope_said_as_a_plea() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.anxiety",
            &["that went so much better than i expected, really hope i get it"],
        );
        silent(
            "emotion.anxiety",
            &["I hope the team enjoys the new release."],
        );
    }
}
