//! `demanding.threat`: threats: public reviews, lawyers, going over someone's head.
//!
//! A phrase table: `rules/<language>/phrases/demanding.threat.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "demanding.threat",
    category: Category::Demanding,
    severity: Severity::Error,
    description: "Threats: a public review, a lawyer, going over the recruiter's head.",
    message: "A threat ends the process and your reputation with it.",
    suggestion: "(delete it; if you are done, withdraw politely)",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "demanding.threat",
            &[
                // Telling the world, in any tense.
                "If I don't hear back by Friday, I'll be sharing my candidate experience on Glassdoor.",
                "I am writing up my story for LinkedIn this weekend.",
                "I will be posting about my experiences with your process online.",
                "I will leave a review on Glassdoor.",
                "I'll share my experience publicly.",
                "My lawyer will hear about this.",
                "I will contact your CEO.",
                "I may have to go over your head.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "demanding.threat",
            &[
                "I shared my experience with the team during the interview.",
                "I am writing to follow up on the Analyst role.",
                "The role would report to the CTO, which I liked.",
                "I read about Acme on Glassdoor before applying.",
                "I would love to tell you more about my experience with Kafka.",
            ],
        );
    }

    #[test]
    fn reporting_them_is_a_threat() {
        fires(
            "demanding.threat",
            &[
                "I will be reporting my experience to Glassdoor.",
                "Otherwise I am reporting it to the labour ministry.",
                "I plan to report the process on Glassdoor.",
            ],
        );
        silent(
            "demanding.threat",
            &[
                "The role reports to the head of finance.",
                "I read the report on your LinkedIn page with interest.",
            ],
        );
    }

    #[test]
    fn their_reputation_held_over_them() {
        fires(
            "demanding.threat",
            &[
                "My friends keep asking about your hiring process.",
                "I will tell my classmates about this experience.",
                "I'll let the others in my network know what to expect.",
                "I'm writing a review of this process tonight.",
            ],
        );
        silent(
            "demanding.threat",
            &[
                "My classmates recommended your company warmly.",
                "I will tell my references to expect your call.",
            ],
        );
    }

    #[test]
    fn reputation_held_over_them_without_a_verb() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.threat",
            &[
                "Candidates talk, and this kind of treatment tends to end up on Glassdoor.",
                "Word travels fast in this industry.",
                "Stories like mine usually wind up on Reddit.",
            ],
        );
        silent(
            "demanding.threat",
            &[
                "I read your Glassdoor page before the interview and liked it.",
                "People talk about the new office a lot, you said.",
            ],
        );
    }

    #[test]
    fn escalation_and_an_honest_review() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.threat",
            &[
                "I'll raise this with your HR director.",
                "I will leave an honest review of the process.",
                "I may escalate it to your management.",
            ],
        );
        silent(
            "demanding.threat",
            &[
                "I raised this with my manager, who approved the notice period.",
                "Thank you for the honest review of my case study.",
            ],
        );
    }

    #[test]
    fn others_told_or_the_experience_described() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.threat",
            &[
                "Other applicants deserve to know about it.",
                "I'd hate to have to describe this experience on Glassdoor.",
                "If nobody responds, I'll be writing up my experience of your hiring process on Glassdoor.",
            ],
        );
        silent(
            "demanding.threat",
            &[
                "I saw your post on LinkedIn about the role.",
                "I read good reviews on Glassdoor before applying.",
            ],
        );
    }
}
