//! `timing.too-early`: with `--process`, a follow-up or final written while the advisor says to
//! wait: inside the promised timeline, or under the policy's business days after the last
//! unanswered message. An error on the whole message.

use crate::context::TimingProblem;
use crate::finding::{Category, Finding, Severity};
use crate::rules::{Check, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: TooEarly = TooEarly;

/// See the module documentation.
pub struct TooEarly;

impl Rule for TooEarly {
    fn id(&self) -> &'static str {
        "timing.too-early"
    }

    fn category(&self) -> Category {
        Category::Timing
    }

    fn description(&self) -> &'static str {
        "A follow-up inside the promised timeline or too soon after the last message."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        let Some(context) = cx.context else {
            return;
        };
        let (due, message) = match &context.timing {
            Some(TimingProblem::TooEarly { due, because }) => (
                *due,
                format!("Too early: {because}. Writing inside that timeline reads as impatience."),
            ),
            Some(TimingProblem::TooSoonAfterMessage { due, because }) => {
                (*due, format!("Too soon: {because}."))
            }
            _ => return,
        };
        out.push(Finding::whole(
            self.id(),
            Category::Timing,
            Severity::Error,
            cx.len(),
            message,
            format!("Wait until {}, then send it.", context.spell(due)),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::context::ProcessContext;
    use crate::context::tests::{example, sent};
    use crate::rules::testing::findings_of;
    use followup_core::{MessageKind, Policy};
    use jiff::Timestamp;

    const TEXT: &str = "Hi Ana, any news on the Backend Engineer role since Friday?";

    fn found(process: &followup_core::Process, now: &str, kind: MessageKind) -> Vec<String> {
        let now: Timestamp = now.parse().unwrap();
        let cx = ProcessContext::new(process, &Policy::default(), now, kind);
        findings_of("timing.too-early", kind, Some(&cx), TEXT)
            .into_iter()
            .map(|f| f.suggestion.into_owned())
            .collect()
    }

    #[test]
    fn fires_inside_the_timeline_and_too_soon() {
        let process = example(vec![]);
        assert_eq!(
            found(&process, "2026-05-06T09:00:00Z", MessageKind::FollowUp),
            ["Wait until Monday 11 May, then send it."]
        );
        let process = example(vec![sent(11, MessageKind::FollowUp)]);
        assert_eq!(
            found(&process, "2026-05-13T09:00:00Z", MessageKind::Final),
            ["Wait until Thursday 14 May, then send it."]
        );
    }

    #[test]
    fn dont_flag_when_due() {
        let process = example(vec![]);
        assert!(found(&process, "2026-05-11T09:00:00Z", MessageKind::FollowUp).is_empty());
        let process = example(vec![sent(11, MessageKind::FollowUp)]);
        assert!(found(&process, "2026-05-14T09:00:00Z", MessageKind::Final).is_empty());
        assert!(findings_of("timing.too-early", MessageKind::FollowUp, None, TEXT).is_empty());
    }
}
