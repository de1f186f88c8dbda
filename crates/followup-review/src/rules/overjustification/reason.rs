//! `overjustification.reason`: explaining at length why one is writing.
//!
//! A phrase table: `rules/<language>/phrases/overjustification.reason.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "overjustification.reason",
    category: Category::Overjustification,
    severity: Severity::Warning,
    description: "Explaining why one is writing (\"I'm writing because...\").",
    message: "Explaining why you are writing delays the point; the role and the question say it.",
    suggestion: "(delete the reason; name the role and ask your question)",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "overjustification.reason",
            &[
                // Justifying the asking itself.
                "I'm only asking because I genuinely have no other choice.",
                "I'm just writing because my visa runs out.",
                "I have no other option but to ask directly.",
                "I'm writing again because I haven't heard back.",
                "The reason I am writing is to ask about the role.",
                "I wanted to reach out because it has been a while.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "overjustification.reason",
            &[
                "I am only available on Tuesday because of a trip.",
                "I asked because the role mentioned on-call; thanks for explaining.",
                "I'm writing once more about the Backend Engineer position at Acme, as we last spoke on 5 May.",
                "I'm following up on the Backend Engineer position at Acme.",
                "I wanted to let you know that I have received an offer.",
            ],
        );
    }

    #[test]
    fn a_withdrawals_private_reasons() {
        fires(
            "overjustification.reason",
            &[
                "This is not a reflection on your company in any way.",
                "After a great deal of thought, I decided to stay.",
                "Following long talks with my partner, I will stay in Lyon.",
                "It lets me spend more time with my kids.",
            ],
        );
        silent(
            "overjustification.reason",
            &["After careful consideration, I have decided to withdraw from the process."],
        );
    }

    #[test]
    fn a_decision_or_a_message_explained_at_length() {
        fires(
            "overjustification.reason",
            &[
                "To clarify my reasons: the commute is long and the hours are late.",
                "I wanted to be open with you about everything.",
                "Please do not feel pressured by my situation.",
                "I hope my reasoning makes sense to you.",
                "I trust it does not come across as greedy.",
                "I had a lot of things going on and did not want to reply too quickly.",
                "Please share an update as I need to plan my move.",
                "I did not want you to learn about it from someone else.",
            ],
        );
        silent(
            "overjustification.reason",
            &[
                "Thank you for taking the time to explain the on-call rota.",
                "Thanks for the chance to explain my portfolio in detail.",
                "I am happy to explain the gap on my resume if useful.",
            ],
        );
    }

    #[test]
    fn why_one_writes_or_is_late_in_other_words() {
        fires(
            "overjustification.reason",
            &[
                "I am writing only because I have a deadline.",
                "I prefer to be honest with you.",
                "It has been a crazy month at work.",
                "I talked with my wife about the offer first.",
            ],
        );
        silent(
            "overjustification.reason",
            &[
                "It has been a pleasure to meet the team.",
                "I prefer the Tuesday slot for the call.",
            ],
        );
    }

    #[test]
    fn writing_justified_and_the_number_defended() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.reason",
            &[
                "Please do not take it as disrespect that I am writing.",
                "I just felt I owe you honesty.",
                "I want to be transparent about how I arrived at my number.",
                "I don't want it to seem arbitrary or greedy.",
                "I hope that explanation makes sense.",
            ],
        );
        silent(
            "overjustification.reason",
            &[
                "I am open about relocating, as we discussed.",
                "I permit myself to contact you about the Financial Controller position.",
                "My number is 85k, based on the range you shared.",
            ],
        );
    }

    #[test]
    fn hesitation_told() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.reason",
            &[
                "I went back and forth about it.",
                "I really don't want to seem like someone who can't take a hint.",
                "I went back and forth over whether to write.",
            ],
        );
        silent(
            "overjustification.reason",
            &[
                "The team goes back and forth between Berlin and Lisbon, you said.",
                "I want to seem prepared, so I read the handbook.",
            ],
        );
    }

    #[test]
    fn circumstances_told() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.reason",
            &[
                "I've been juggling childcare this week because our nanny quit.",
                "I must explain that in my current company the contract is project-based.",
                "Our daycare closed on Monday.",
            ],
        );
        silent(
            "overjustification.reason",
            &[
                "I have been juggling Kafka and Flink at work, which we discussed.",
                "I can explain the case study on the call if useful.",
            ],
        );
    }

    #[test]
    fn the_history_explained() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.reason",
            &["I want to explain that I came in 2021 after the earthquake."],
        );
        silent(
            "overjustification.reason",
            &["I want to ask whether the start date is fixed."],
        );
    }

    #[test]
    fn writing_again_explained_and_the_familys_advice() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.reason",
            &[
                "I write you again because I am nervous.",
                "I'd like to explain how I got to my number.",
                "Please don't worry, I will ask for early release.",
                "My father also told me not to miss this chance.",
            ],
        );
        silent(
            "overjustification.reason",
            &[
                "Could you explain how the bonus is calculated?",
                "My father is a nurse too, which is how I found the field.",
            ],
        );
    }

    #[test]
    fn the_number_apologised_for() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.reason",
            &[
                "I feel a bit awkward naming a figure.",
                "I checked with friends to make sure I wasn't being unreasonable.",
                "I really don't want to come across as greedy.",
            ],
        );
        silent(
            "overjustification.reason",
            &["My figure is 42k, based on the range you shared."],
        );
    }

    #[test]
    fn why_the_figure_and_how_not_to_read_it() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.reason",
            &[
                "I only mention that figure because my rent went up last month.",
                "Please do not read this as any kind of complaint.",
            ],
        );
        silent(
            "overjustification.reason",
            &["Could you read the attached case study before Monday?"],
        );
    }

    #[test]
    fn the_figure_justified() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.reason",
            &["I would like to humbly justify this expectation by my years in banking."],
        );
        silent(
            "overjustification.reason",
            &["My expected salary for the Analyst role is 26 LPA."],
        );
    }
}
