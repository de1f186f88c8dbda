//! `demanding.silence`: counting the days of silence, "still nothing", feeling ignored.
//!
//! A phrase table: `rules/<language>/phrases/demanding.silence.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "demanding.silence",
    category: Category::Demanding,
    severity: Severity::Error,
    description: "Counting the days of silence, \"still no answer\", feeling ignored.",
    message: "Counting the days of silence sounds like a reproach, and reproaches get no replies.",
    suggestion: "Is there any news on the timeline?",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "demanding.silence",
            &[
                "It's been a week and still nothing.",
                "10 days without news.",
                "Two weeks and still no answer.",
                "I still haven't heard anything.",
                "Still no reply?",
                "I have sent three emails already.",
                "It has been two weeks since I heard from you.",
                "I feel ignored.",
                "Nobody has replied to my messages.",
                "This is my third email about the role.",
                "Not even an acknowledgement.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "demanding.silence",
            &[
                "It has been a week since our interview, and I enjoyed it.",
                "I'm still very interested in the role.",
                "Is there still a chance to join the team?",
                "I have no doubt the team is busy with the launch.",
                "Two weeks and no doubt a busy launch.",
            ],
        );
    }
}
