//! `no-question.missing`: a follow-up, final or align with no sentence ending in `?` and no
//! explicit request ("Could you let me know whether..."). "Looking forward to hearing from
//! you" is not one. An error on the whole message.

use followup_core::MessageKind;

use crate::finding::{Category, Finding, Severity};
use crate::rules::{Check, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: Missing = Missing;

/// See the module documentation.
pub struct Missing;

impl Rule for Missing {
    fn id(&self) -> &'static str {
        "no-question.missing"
    }

    fn category(&self) -> Category {
        Category::NoQuestion
    }

    fn description(&self) -> &'static str {
        "No objective question or explicit request."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        if !matches!(
            cx.kind,
            MessageKind::FollowUp | MessageKind::Final | MessageKind::Align
        ) || cx.asks_something()
        {
            return;
        }
        let suggestion = if cx.kind == MessageKind::Align {
            "Ask one question about timing: \"Is there any chance of an update before then?\""
        } else {
            "Ask one objective question: \"Is there any news on the timeline?\""
        };
        out.push(Finding::whole(
            self.id(),
            Category::NoQuestion,
            Severity::Error,
            cx.len(),
            "There is no question or request, so there is nothing concrete to answer.",
            suggestion,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent, silent_as};
    use followup_core::MessageKind;

    #[test]
    fn fires_on_examples() {
        fires(
            "no-question.missing",
            &[
                "I'm following up on the Backend Engineer role. Looking forward to hearing from you.",
                "Just checking in on the role.",
                // A sign-off or a politeness that informs asks nothing.
                "I remain interested in the Analyst position. Awaiting your response.",
                "Kindly note that my notice period for the Analyst role is now one month.",
                "Regarding the Analyst role: please be advised my number changed. Await your reply.",
                // Telling, forbidding, or a reply nobody gave.
                "About the Analyst role: let me recall that I speak four languages. I hope to have your news.",
                "I'm keen on the Analyst role. Please don't feel any pressure at all.",
                "My Analyst interview was on 3 May. Nobody has bothered to get back to me.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "no-question.missing",
            &[
                "Is there any news on the role?",
                "I would appreciate an update on the timeline.",
                "Could you let me know whether the timeline has changed.",
                "Please let me know if you need anything else from me.",
                "Awaiting your reply on the next steps for the Analyst role.",
            ],
        );
        silent_as(
            "no-question.missing",
            MessageKind::ThankYou,
            &["Thank you for the conversation today."],
        );
    }

    #[test]
    fn knowing_how_busy_they_are_asks_nothing() {
        use crate::rules::testing::{fires, silent};
        fires(
            "no-question.missing",
            &[
                "Hi Mr. Takeda, I'm so sorry for writing again, I know how busy you must be. I interviewed on 14 February for the Lab Technician role. Yuki",
            ],
        );
        silent(
            "no-question.missing",
            &[
                "Hi Mr. Takeda, I interviewed on 14 February for the Lab Technician role. I wanted to know how long the process usually takes. Yuki",
            ],
        );
    }
}
