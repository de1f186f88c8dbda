//! `pressure.unrecorded-change`: with `--process`, a message that mentions another offer while
//! the process records no real context change: that is leverage, an error.

use crate::finding::{Category, Finding, Severity};
use crate::rules::{Check, Marker, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: UnrecordedChange = UnrecordedChange;

/// See the module documentation.
pub struct UnrecordedChange;

impl Rule for UnrecordedChange {
    fn id(&self) -> &'static str {
        "pressure.unrecorded-change"
    }

    fn category(&self) -> Category {
        Category::Pressure
    }

    fn description(&self) -> &'static str {
        "Mentions another offer while the process records no real change."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        let Some(context) = cx.context else {
            return;
        };
        if context.real_change {
            return;
        }
        for m in cx.marker(Marker::Offer) {
            out.push(Finding::at(
                self.id(),
                Category::Pressure,
                Severity::Error,
                cx.span(m),
                "The process records no real outside change, so mentioning another offer reads \
                 as leverage.",
                "Delete it; if the offer is real, record it as a context-change with \"real\": \
                 true first.",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::context::ProcessContext;
    use crate::context::tests::example;
    use crate::rules::testing::findings_of;
    use followup_core::{ChangeReason, Event, EventKind, MessageKind, Policy};
    use jiff::Timestamp;

    const TEXT: &str = "Hi Ana, I have received an offer from another company. Could you share \
        an update on the Backend Engineer role?";

    fn now() -> Timestamp {
        "2026-05-12T09:00:00Z".parse().unwrap()
    }

    #[test]
    fn fires_without_a_real_change() {
        let process = example(vec![]);
        let cx = ProcessContext::new(&process, &Policy::default(), now(), MessageKind::Align);
        let found = findings_of(
            "pressure.unrecorded-change",
            MessageKind::Align,
            Some(&cx),
            TEXT,
        );
        assert_eq!(found.len(), 1);
        // The info reminder gives way to the error.
        assert!(
            findings_of("pressure.other-offer", MessageKind::Align, Some(&cx), TEXT).is_empty()
        );
    }

    #[test]
    fn dont_flag_a_recorded_real_change() {
        let mut process = example(vec![Event {
            id: None,
            at: "2026-05-11T12:00:00Z".parse().unwrap(),
            kind: EventKind::ContextChange {
                reason: ChangeReason::CompetingOffer,
                real: true,
                deadline: None,
                note: None,
            },
        }]);
        process.sort_events();
        let cx = ProcessContext::new(&process, &Policy::default(), now(), MessageKind::Align);
        assert!(
            findings_of(
                "pressure.unrecorded-change",
                MessageKind::Align,
                Some(&cx),
                TEXT
            )
            .is_empty()
        );
        assert!(
            findings_of("pressure.unrecorded-change", MessageKind::Align, None, TEXT).is_empty()
        );
    }
}
