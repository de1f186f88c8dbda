//! `emotion.dream-job`: "dream job", "dream company": longing instead of fit.
//!
//! A phrase table: `rules/<language>/phrases/emotion.dream-job.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "emotion.dream-job",
    category: Category::Emotion,
    severity: Severity::Error,
    description: "\"Dream job\" and the like: the sender's longing instead of the company's need.",
    message: "\"Dream job\" centres your longing, not what you bring, and adds pressure.",
    suggestion: "I remain very interested in the role",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "emotion.dream-job",
            &[
                // The job as the dream of a life.
                "Working with your team would be the dream of my life.",
                "This role is the dream of my whole career.",
                "It has been a dream of my childhood to build rockets.",
                "It's my dream job.",
                "Acme is my dream company.",
                "This is the job of my dreams.",
                "I have dreamed of working at Acme for years.",
                "My dream is to work on payments.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "emotion.dream-job",
            &[
                "I dreamt up a better dashboard for my own team last year.",
                "We talked about the dream team behind your launch.",
                "I enjoyed the conversation about your roadmap.",
                "I'm still very interested in the Backend Engineer role.",
            ],
        );
    }

    #[test]
    fn dreams_of_the_sender() {
        fires(
            "emotion.dream-job",
            &[
                "I have dreamt about building products like yours.",
                "Since school I dreamed of helping people through law.",
                "I have always been dreaming of a place like this.",
            ],
        );
        silent(
            "emotion.dream-job",
            &["The sleep app you showed tracks dreams, which was fascinating."],
        );
    }

    #[test]
    fn a_dream_come_true() {
        fires(
            "emotion.dream-job",
            &["Getting this role would be an absolute dream come true."],
        );
    }

    #[test]
    fn a_life_goal_in_other_words() {
        fires(
            "emotion.dream-job",
            &[
                "Working at your hospital is my dream.",
                "This role is the greatest wish of my life.",
                "Joining a team like yours is the ultimate aim of my career.",
            ],
        );
        silent(
            "emotion.dream-job",
            &[
                "My goal for the first quarter would be to learn the billing system.",
                "Thank you for sharing the team's goals for the year.",
            ],
        );
    }

    #[test]
    fn born_for_it() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.dream-job",
            &[
                "This is the role I was born for.",
                "Teaching is the thing that gets me out of bed.",
                "I was born to do this work.",
            ],
        );
        silent(
            "emotion.dream-job",
            &[
                "I was born in Lagos and moved to Leeds.",
                "The alarm gets the team out of the building in drills.",
            ],
        );
    }

    #[test]
    fn the_heart_set_on_it() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.dream-job",
            &[
                "Yours is the one my heart is set on.",
                "My heart has been set on this team.",
            ],
        );
        silent(
            "emotion.dream-job",
            &["The table is set on the terrace for lunch, you said."],
        );
    }

    #[test]
    fn pictured_since_childhood() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.dream-job",
            &[
                "It is something I've pictured since I was ten years old.",
                "I have wanted this since I was a child.",
            ],
        );
        silent(
            "emotion.dream-job",
            &["I have lived in Leeds since I was 12, so relocation is not needed."],
        );
    }

    #[test]
    fn a_career_steered_toward_this() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.dream-job",
            &[
                "My ten years have all been steering toward this harbour.",
                "It has all been leading to this role.",
            ],
        );
        silent(
            "emotion.dream-job",
            &["The roadmap is all pointing to the migration, you said."],
        );
    }

    #[test]
    fn a_lifelong_passion() {
        use crate::rules::testing::{fires_as, silent_as};
        use followup_core::MessageKind;
        fires_as(
            "emotion.dream-job",
            MessageKind::ThankYou,
            &["Working at your esteemed organisation has been my lifelong passion."],
        );
        silent_as(
            "emotion.dream-job",
            MessageKind::ThankYou,
            &["We talked about the lifelong learning budget for the Analyst role."],
        );
    }
}
