//! `length.message`: the message is longer than its kind's aim (a warning), or more than 1.5×
//! the aim (an error).

use crate::finding::{Category, Finding, Severity};
use crate::rules::length::aim;
use crate::rules::{Check, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: MessageLength = MessageLength;

/// See the module documentation.
pub struct MessageLength;

impl Rule for MessageLength {
    fn id(&self) -> &'static str {
        "length.message"
    }

    fn category(&self) -> Category {
        Category::Length
    }

    fn description(&self) -> &'static str {
        "Longer than the kind's aim (thank-you 70, follow-up/final 90, align 110 words)."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        let aim = aim(cx.kind);
        let words = cx.doc.words;
        if words <= aim {
            return;
        }
        let severity = if words * 2 > aim * 3 {
            Severity::Error
        } else {
            Severity::Warning
        };
        out.push(Finding::whole(
            self.id(),
            Category::Length,
            severity,
            cx.len(),
            format!(
                "{words} words: a {} should stay within {aim}, or it will be skimmed.",
                cx.kind
            ),
            "Keep the context, the role, the timeline and one question; cut the rest.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::rules::testing::findings_of;
    use followup_core::MessageKind;

    fn words(n: usize) -> String {
        vec!["role"; n].join(" ")
    }

    #[test]
    fn fires_above_the_aim() {
        let found = findings_of("length.message", MessageKind::FollowUp, None, &words(91));
        assert_eq!(found[0].severity, Severity::Warning);
        let found = findings_of("length.message", MessageKind::FollowUp, None, &words(136));
        assert_eq!(found[0].severity, Severity::Error);
        let found = findings_of("length.message", MessageKind::ThankYou, None, &words(71));
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn dont_flag_within_the_aim() {
        assert!(findings_of("length.message", MessageKind::FollowUp, None, &words(90)).is_empty());
        assert!(findings_of("length.message", MessageKind::Align, None, &words(110)).is_empty());
        let found = findings_of("length.message", MessageKind::FollowUp, None, &words(135));
        assert_eq!(found[0].severity, Severity::Warning);
    }
}
