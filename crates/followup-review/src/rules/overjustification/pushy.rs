//! `overjustification.pushy`: "I don't want to be pushy": naming the worry plants it.
//!
//! A phrase table: `rules/<language>/phrases/overjustification.pushy.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "overjustification.pushy",
    category: Category::Overjustification,
    severity: Severity::Warning,
    description: "\"I don't want to be pushy\", \"I hope I'm not bothering you\".",
    message: "Saying you do not want to be pushy makes the reader wonder whether you are.",
    suggestion: "(delete it)",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "overjustification.pushy",
            &[
                // Worrying aloud how the message lands.
                "I hope it doesn't come across the wrong way.",
                "I don't want this to come across as rude.",
                "Please don't take this the wrong way.",
                "I don't want to be pushy.",
                "I hope I'm not being annoying.",
                "Not trying to rush you, but",
                "No pressure, but",
                "I hope this isn't too much.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "overjustification.pushy",
            &[
                "I came across your talk on event sourcing and loved it.",
                "The data flowed the right way after the fix.",
                "I don't want to miss the chance to say thank you.",
                "I hope you're well.",
                "There is no pressure test in the stack.",
            ],
        );
    }

    #[test]
    fn promising_it_is_the_last_time() {
        fires(
            "overjustification.pushy",
            &[
                "This is the last time I will chase you about this.",
                "I really do not want to be that applicant.",
                "I don't want to be a pest, but is there news?",
            ],
        );
        silent(
            "overjustification.pushy",
            &[
                "Thank you; last time we spoke you mentioned the budget.",
                "I do not want to miss the deadline for the form, so I sent it today.",
            ],
        );
    }

    #[test]
    fn the_sender_as_a_nuisance() {
        fires(
            "overjustification.pushy",
            &[
                "I really hate to be that person who keeps emailing.",
                "I hate to be the candidate chasing you.",
                "Hate to be this guy, but any news?",
            ],
        );
        silent(
            "overjustification.pushy",
            &[
                "I would hate to miss the call, so I set a reminder.",
                "The person who interviewed me was kind.",
            ],
        );
    }

    #[test]
    fn the_last_time_promised() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.pushy",
            &[
                "I promise this is the last time.",
                "Promise it will be the last one.",
                "hi Aaron, last msg i promise!! any news on the warehouse job?",
            ],
        );
        silent(
            "overjustification.pushy",
            &["You promised the last round would be short, and it was."],
        );
    }
}
