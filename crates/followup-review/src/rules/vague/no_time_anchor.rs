//! `vague.no-time-anchor`: a follow-up or final with no time anchor at all (no date, weekday,
//! "last week", "the 12th"...). A warning on the whole message. With `--process` and a
//! promise in force, `vague.promise-date` asks for that date instead.

use crate::finding::{Category, Finding, Severity};
use crate::rules::vague::needs_time_anchor;
use crate::rules::{Check, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: NoTimeAnchor = NoTimeAnchor;

/// See the module documentation.
pub struct NoTimeAnchor;

impl Rule for NoTimeAnchor {
    fn id(&self) -> &'static str {
        "vague.no-time-anchor"
    }

    fn category(&self) -> Category {
        Category::Vague
    }

    fn description(&self) -> &'static str {
        "A follow-up or final with no date, weekday or \"last week\"."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        if !needs_time_anchor(cx.kind) || !cx.dates.is_empty() {
            return;
        }
        if cx.context.is_some_and(|c| c.promise.is_some()) {
            return;
        }
        out.push(Finding::whole(
            self.id(),
            Category::Vague,
            Severity::Warning,
            cx.len(),
            "No time anchor: nothing says which date or promise you are following up on.",
            "Anchor it: \"You mentioned you expected to have an update by Friday.\"",
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
            "vague.no-time-anchor",
            &["I'm following up on the Backend Engineer role. Is there any news?"],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "vague.no-time-anchor",
            &[
                "You mentioned an update by Friday. Any news on the role?",
                "We spoke last week about the role. Any news?",
                "You expected news by the 12th. Any update on the role?",
                "You expected news by 05/08. Any update on the role?",
                "We met 10 days ago about the role. Any update?",
            ],
        );
        silent_as(
            "vague.no-time-anchor",
            MessageKind::ThankYou,
            &["Thank you for the conversation about the role."],
        );
    }
}
