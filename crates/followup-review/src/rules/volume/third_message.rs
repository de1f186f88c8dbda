//! `volume.third-message`: with `--process`, a follow-up, final or align when the unanswered
//! messages already reached the limit (two by default): the advice is to move on.

use crate::finding::{Category, Finding, Severity};
use crate::rules::{Check, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: ThirdMessage = ThirdMessage;

/// See the module documentation.
pub struct ThirdMessage;

impl Rule for ThirdMessage {
    fn id(&self) -> &'static str {
        "volume.third-message"
    }

    fn category(&self) -> Category {
        Category::Volume
    }

    fn description(&self) -> &'static str {
        "A third unanswered message."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        let Some(unanswered) = cx.context.and_then(|c| c.too_many) else {
            return;
        };
        out.push(Finding::whole(
            self.id(),
            Category::Volume,
            Severity::Error,
            cx.len(),
            format!(
                "{unanswered} messages already went unanswered; another one hurts more than it \
                 helps."
            ),
            "Don't send it: close the process and put the energy into the next one.",
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

    const TEXT: &str = "Hi Ana, is there any news on the Backend Engineer role since Friday?";

    fn found(extra: Vec<followup_core::Event>, kind: MessageKind) -> usize {
        let process = example(extra);
        let now: Timestamp = "2026-05-20T09:00:00Z".parse().unwrap();
        let cx = ProcessContext::new(&process, &Policy::default(), now, kind);
        findings_of("volume.third-message", kind, Some(&cx), TEXT).len()
    }

    #[test]
    fn fires_on_a_third_message() {
        let two = || {
            vec![
                sent(11, MessageKind::FollowUp),
                sent(14, MessageKind::Final),
            ]
        };
        assert_eq!(found(two(), MessageKind::FollowUp), 1);
        assert_eq!(found(two(), MessageKind::Align), 1);
    }

    #[test]
    fn dont_flag_a_second_message_or_a_thank_you() {
        assert_eq!(
            found(vec![sent(11, MessageKind::FollowUp)], MessageKind::Final),
            0
        );
        let two = vec![
            sent(11, MessageKind::FollowUp),
            sent(14, MessageKind::Final),
        ];
        assert_eq!(found(two, MessageKind::ThankYou), 0);
    }
}
