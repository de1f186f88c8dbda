//! `demanding.deadline`: deadlines imposed on the recruiter, urgency, "I expect".
//!
//! A phrase table: `rules/<language>/phrases/demanding.deadline.txt`.

use crate::finding::{Category, Severity};
use crate::rules::PhraseRule;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PhraseRule = PhraseRule {
    id: "demanding.deadline",
    category: Category::Demanding,
    severity: Severity::Error,
    description: "Deadlines imposed on the recruiter, ASAP, urgency, \"I expect a reply\".",
    message: "Setting the recruiter a deadline or urgency turns a request into a demand.",
    suggestion: "Is there any news on the timeline?",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "demanding.deadline",
            &[
                "I expect a reply by Friday.",
                "Please reply by end of day.",
                "Let me know ASAP.",
                "This is urgent.",
                "I need an answer by tomorrow.",
                "Please get back to me immediately.",
                "I look forward to your prompt reply.",
                "Let me know as soon as possible.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "demanding.deadline",
            &[
                "I can start ASAP.",
                "I can start as soon as possible.",
                "I need to give them an answer by Friday 15 May.",
                "Thank you for your prompt reply.",
                "Could you let me know whether a decision is possible before then?",
                "I would appreciate an update when you have one.",
            ],
        );
    }

    #[test]
    fn speed_asked_of_them_as_a_condition() {
        fires(
            "demanding.deadline",
            &[
                "I would appreciate a prompt decision from your side.",
                "I need a fast answer on this one.",
                "If you are interested you will have to act quickly.",
                "You may need to decide soon.",
            ],
        );
        silent(
            "demanding.deadline",
            &[
                "Thank you for the quick reply yesterday.",
                "I appreciate your prompt response to my questions.",
                "Thanks for such a speedy turnaround on the paperwork.",
            ],
        );
    }

    #[test]
    fn speed_ordered() {
        fires(
            "demanding.deadline",
            &[
                "I thank you to confirm the date.",
                "Please revert promptly on the decision.",
                "Kindly expedite my file.",
            ],
        );
        silent(
            "demanding.deadline",
            &[
                "Thank you for replying so quickly to my question.",
                "The team responded quickly to the outage, you said.",
            ],
        );
    }

    #[test]
    fn an_expectation_imposed_on_them() {
        fires(
            "demanding.deadline",
            &[
                "I request you to provide the result immediately.",
                "I therefore expect a binding statement.",
                "I expect a clear answer from you.",
                "We urge you to decide promptly on my candidacy.",
            ],
        );
        silent(
            "demanding.deadline",
            &[
                "I therefore expect to be available from 1 March.",
                "I now need to decide on the relocation, and I will let you know.",
                "Could you tell me when you expect a decision?",
            ],
        );
    }

    #[test]
    fn their_answer_wanted_by_a_day() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.deadline",
            &[
                "I need your final answer and compensation figure by Monday.",
                "I want a decision from your side by Friday.",
            ],
        );
        silent(
            "demanding.deadline",
            &[
                "I need a day to review the offer letter, if that is fine.",
                "Could you let me know if I need an answer for the other firm by Friday?",
            ],
        );
    }

    #[test]
    fn told_to_hurry() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.deadline",
            &[
                "kinda need u guys to hurry up on the mobile dev role lol",
                "I need you to speed this up.",
            ],
        );
        silent(
            "demanding.deadline",
            &["Do you need me to send anything before Monday?"],
        );
    }

    #[test]
    fn something_in_writing_by_a_date() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.deadline",
            &[
                "I'll need something in writing by the 15th.",
                "I want the offer in writing by Friday.",
            ],
        );
        silent(
            "demanding.deadline",
            &["Could I have the offer in writing when it is ready?"],
        );
    }

    #[test]
    fn a_quick_decision_said_to_help() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.deadline",
            &["A quick decision from your side would help me decide."],
        );
        silent(
            "demanding.deadline",
            &["Could you tell me when a decision is expected?"],
        );
    }

    #[test]
    fn hurry_advised_or_wished() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.deadline",
            &[
                "Candidates like me get snapped up, so I'd suggest moving fast.",
                "I have another offer pending, so I'd need you to move fast.",
                "Interviews elsewhere are next week, so the earlier the better.",
                "got another offer. need answer by tmrw re the analyst job",
            ],
        );
        silent(
            "demanding.deadline",
            &[
                "When can I expect a decision on the Analyst role?",
                "I would suggest we move the call to Friday if that works for you.",
            ],
        );
    }

    #[test]
    fn answers_requested_or_awaited_by_a_date() {
        use crate::rules::testing::{fires, silent};
        fires(
            "demanding.deadline",
            &[
                "I must respectfully request your answer by 31 October.",
                "I got another offer. I will wait your answer until Thursday.",
                "I need to know rapidly about the Kitchen Porter position.",
            ],
        );
        silent(
            "demanding.deadline",
            &[
                "Is there anything you need from me, or a date I should expect to hear?",
                "I would like to know more about the Kitchen Porter rota.",
            ],
        );
    }
}
