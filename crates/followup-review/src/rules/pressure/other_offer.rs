//! `pressure.other-offer`: a calm, factual mention of another offer or process. Info only: a
//! reminder that it must be real. With `--process` and no real change recorded,
//! `pressure.unrecorded-change` reports it as an error instead.

use crate::finding::{Category, Finding, Severity};
use crate::rules::{Check, Marker, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: OtherOffer = OtherOffer;

/// See the module documentation.
pub struct OtherOffer;

impl Rule for OtherOffer {
    fn id(&self) -> &'static str {
        "pressure.other-offer"
    }

    fn category(&self) -> Category {
        Category::Pressure
    }

    fn description(&self) -> &'static str {
        "A factual mention of another offer or process (a reminder that it must be real)."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        if cx.context.is_some_and(|c| !c.real_change) {
            return;
        }
        for m in cx.marker(Marker::Offer) {
            out.push(Finding::at(
                self.id(),
                Category::Pressure,
                Severity::Info,
                cx.span(m),
                "Mention another offer only when it is real; invented, it reads as leverage.",
                "Keep it factual, with the real deadline: \"I have received an offer from another \
                 company with a deadline of <date>.\"",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::rules::testing::{findings_of, fires_as, silent_as};
    use followup_core::MessageKind;

    #[test]
    fn fires_on_examples() {
        fires_as(
            "pressure.other-offer",
            MessageKind::Align,
            &[
                "Hi Ana, thank you again for the Data Analyst interview. I have received an offer \
                 from another company, with a deadline of Friday 15 May. Could you tell me \
                 whether a decision is likely before then?",
                "Hi Ana, a quick update on my side: I am in a final round elsewhere next week. \
                 Is there an updated timeline for the Data Analyst role?",
                "Dear Mr. Okafor, I have a competing offer that I need to answer by 20 May. \
                 Would you be able to share where the Data Analyst process stands?",
            ],
        );
    }

    #[test]
    fn it_is_only_a_reminder() {
        let found = findings_of(
            "pressure.other-offer",
            MessageKind::Align,
            None,
            "Hi Ana, I have received another offer and need to reply to it by Friday 15 May. \
             Is there an updated timeline for the Data Analyst role?",
        );
        assert_eq!(found[0].severity, Severity::Info);
    }

    #[test]
    fn dont_flag_examples() {
        silent_as(
            "pressure.other-offer",
            MessageKind::ThankYou,
            &[
                "Thank you for the offer to meet the team again.",
                "I hope to have an offer conversation soon.",
                "I look forward to another interview with the team.",
            ],
        );
    }
}
