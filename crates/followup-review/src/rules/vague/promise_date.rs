//! `vague.promise-date`: with `--process` and a promise in force, a follow-up or final that does
//! not mention the promised date. Weekday names, "8 May", "May 8", "the 8th", "05/08",
//! "last week", "end of the week", "yesterday"... all count when they can denote that date.

use crate::finding::{Category, Finding, Severity};
use crate::rules::vague::needs_time_anchor;
use crate::rules::{Check, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: PromiseDate = PromiseDate;

/// See the module documentation.
pub struct PromiseDate;

impl Rule for PromiseDate {
    fn id(&self) -> &'static str {
        "vague.promise-date"
    }

    fn category(&self) -> Category {
        Category::Vague
    }

    fn description(&self) -> &'static str {
        "A follow-up that does not mention the date the company promised."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        if !needs_time_anchor(cx.kind) {
            return;
        }
        let Some(context) = cx.context else {
            return;
        };
        let Some(promise) = context.promise else {
            return;
        };
        if cx
            .dates
            .iter()
            .any(|d| d.meaning.denotes(promise, context.today))
        {
            return;
        }
        let spelled = context.spell(promise);
        out.push(Finding::whole(
            self.id(),
            Category::Vague,
            Severity::Warning,
            cx.len(),
            format!(
                "The message does not mention the promised date ({spelled}), so it floats free \
                 of the timeline."
            ),
            format!("Anchor it: \"You mentioned you expected to have an update by {spelled}.\""),
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

    fn found(text: &str) -> usize {
        let process = example(vec![]);
        // Wednesday 13 May; the promise was for Friday 8 May.
        let now: Timestamp = "2026-05-13T09:00:00Z".parse().unwrap();
        let cx = ProcessContext::new(&process, &Policy::default(), now, MessageKind::FollowUp);
        findings_of("vague.promise-date", MessageKind::FollowUp, Some(&cx), text).len()
    }

    #[test]
    fn fires_on_examples() {
        for text in [
            "Any news on the Backend Engineer role?",
            "You mentioned an update by Monday. Any news on the role?",
            "You mentioned an update by 12 May. Any news on the role?",
        ] {
            assert_eq!(found(text), 1, "{text}");
        }
    }

    #[test]
    fn dont_flag_examples() {
        for text in [
            "You mentioned an update by Friday. Any news on the role?",
            "You mentioned an update by Friday 8 May. Any news?",
            "You expected news by May 8th. Any news?",
            "You expected news by the 8th. Any news?",
            "You expected news by 08/05. Any news?",
            "You expected news by 2026-05-08. Any news?",
            "You expected news last week. Any news?",
            "You expected news by the end of last week. Any news?",
            "You expected news five days ago. Any news?",
        ] {
            assert_eq!(found(text), 0, "{text}");
        }
    }
}
