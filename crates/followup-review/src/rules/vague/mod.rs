//! `vague`: no reference to the process, a thank-you that names nothing of the talk, no time
//! anchor, the promise's date missing, a greeting to someone who is not a contact of the
//! process, or a `[...]` gap left in.

pub mod generic_thanks;
pub mod no_reference;
pub mod no_time_anchor;
pub mod placeholder;
pub mod promise_date;
pub mod wrong_name;

use followup_core::MessageKind;

/// Follow-ups and finals are anchored in the timeline; other kinds need not be.
pub(crate) fn needs_time_anchor(kind: MessageKind) -> bool {
    matches!(kind, MessageKind::FollowUp | MessageKind::Final)
}
