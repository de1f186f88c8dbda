//! `timing.thank-you-late`: with `--process`, a thank-you written after its window (24 hours
//! after the interview by default). An error on the whole message.

use crate::context::TimingProblem;
use crate::finding::{Category, Finding, Severity};
use crate::rules::{Check, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: ThankYouLate = ThankYouLate;

/// See the module documentation.
pub struct ThankYouLate;

impl Rule for ThankYouLate {
    fn id(&self) -> &'static str {
        "timing.thank-you-late"
    }

    fn category(&self) -> Category {
        Category::Timing
    }

    fn description(&self) -> &'static str {
        "A thank-you after its window."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        let Some(context) = cx.context else {
            return;
        };
        let Some(TimingProblem::ThankYouLate {
            interview,
            window_hours,
        }) = &context.timing
        else {
            return;
        };
        out.push(Finding::whole(
            self.id(),
            Category::Timing,
            Severity::Error,
            cx.len(),
            format!(
                "The interview was on {}; a thank-you helps within {window_hours} hours and \
                 reads as an afterthought later.",
                context.spell(*interview)
            ),
            "Skip the thank-you; follow up when the promised date has passed.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::context::ProcessContext;
    use crate::context::tests::example;
    use crate::rules::testing::findings_of;
    use followup_core::{MessageKind, Policy};
    use jiff::Timestamp;

    const TEXT: &str = "Hi Ana, thank you for the conversation about the Backend Engineer role.";

    fn found(now: &str) -> usize {
        let process = example(vec![]);
        let now: Timestamp = now.parse().unwrap();
        let cx = ProcessContext::new(&process, &Policy::default(), now, MessageKind::ThankYou);
        findings_of(
            "timing.thank-you-late",
            MessageKind::ThankYou,
            Some(&cx),
            TEXT,
        )
        .len()
    }

    #[test]
    fn fires_after_the_window() {
        assert_eq!(found("2026-05-06T14:00:00Z"), 1);
        assert_eq!(found("2026-05-08T09:00:00Z"), 1);
    }

    #[test]
    fn dont_flag_within_the_window() {
        assert_eq!(found("2026-05-05T16:00:00Z"), 0);
        assert_eq!(found("2026-05-06T13:59:00Z"), 0);
    }
}
