//! `overjustification.busy`: "I know you're busy, but".
//!
//! A phrase table: `rules/<language>/phrases/overjustification.busy.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "overjustification.busy",
    category: Category::Overjustification,
    severity: Severity::Warning,
    description: "\"I know you're busy\", \"you must be swamped\".",
    message: "Telling the recruiter they are busy delays your point and sounds apologetic.",
    suggestion: "(delete it)",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "overjustification.busy",
            &[
                // The same in chat spelling.
                "i know ur probably swamped",
                "i bet u are slammed this week",
                "i guess u must be buried in applications",
                "I know you're busy, but any news?",
                "I understand you must be swamped.",
                "You must be very busy.",
                "I know you have a lot on your plate.",
                "I realize you receive many applications.",
                // The sender as a burden, their effort weighed for them.
                "I know I am making trouble for you.",
                "I realise I have been a real nuisance this month.",
                "I know you have invested a lot of energy in my file.",
                "I understand you've put so many hours into this process.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "overjustification.busy",
            &[
                "Thank you for taking time out of your busy schedule.",
                "I know the team is hiring for two roles.",
                "I know I am a good match for the data side of the role.",
                "I appreciate the time you spent walking me through the roadmap.",
                "I know you put the roadmap on the wiki; I read it.",
            ],
        );
    }

    #[test]
    fn busyness_in_other_words() {
        fires(
            "overjustification.busy",
            &[
                "I know you have many things on your plate.",
                "Another email is the last thing you need.",
                "There is so much work on your plate right now.",
            ],
        );
        silent(
            "overjustification.busy",
            &[
                "Thank you for explaining how the projects are planned.",
                "The last thing we discussed was the on-call rota.",
            ],
        );
    }

    #[test]
    fn hiring_slowness_excused() {
        fires(
            "overjustification.busy",
            &[
                "I completely understand that hiring takes time.",
                "I know these things take time.",
                "I appreciate that the process can take time.",
                "You have so many candidates to see.",
            ],
        );
        silent(
            "overjustification.busy",
            &[
                "Do you have many candidates in the final round?",
                "Hiring takes time, the article said; the panel agreed.",
                "I understand the role covers hiring, which I enjoyed discussing.",
            ],
        );
    }

    #[test]
    fn their_many_projects() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.busy",
            &[
                "I understand you are handling many projects.",
                "I imagine you are juggling several searches.",
            ],
        );
        silent(
            "overjustification.busy",
            &["I understand you are handling the payments migration, which sounds interesting."],
        );
    }

    #[test]
    fn their_many_tasks() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.busy",
            &[
                "I know you will be having many tasks.",
                "I know you have many occupations.",
            ],
        );
        silent(
            "overjustification.busy",
            &["Do you know how many tasks the role covers in a week?"],
        );
    }

    #[test]
    fn busy_in_office_words() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.busy",
            &[
                "I appreciate that bandwidth is limited on your side as you drive toward quarter-end.",
                "I want to be respectful of competing priorities across your pipeline.",
            ],
        );
        silent(
            "overjustification.busy",
            &["We discussed how the team's bandwidth planning works each quarter."],
        );
    }

    #[test]
    fn slowness_and_demands_on_their_time_excused() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.busy",
            &[
                "I completely understand that hiring processes can take longer than expected.",
                "I appreciate that the calendar places considerable demands on faculty time.",
            ],
        );
        silent(
            "overjustification.busy",
            &["You mentioned that the process would take two weeks."],
        );
    }
}
