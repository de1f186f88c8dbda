//! The process a review reads: `check --process HANDLE|FILE` and the web composer judge a
//! message against the same context (timing, volume, the promised date, the contacts).

use followup_core::MessageKind;
use followup_review::ProcessContext;

use crate::{Advised, App, UserError};

impl App {
    /// The review context of the process `source` names (a tracked handle, with what the other
    /// processes bring to it, or a document on its own), at now, with the configured holidays
    /// and policy. Without `given`, the kind is the one the advice asks for (for a wait, the
    /// one it waits for), else a follow-up; the kind used is returned with the context.
    pub fn review_context(
        &mut self,
        source: &str,
        given: Option<MessageKind>,
    ) -> Result<(MessageKind, ProcessContext), UserError> {
        let (advised, now) = self.load_advised(source)?;
        let Advised {
            mut process,
            advice,
            outside,
        } = advised;
        outside.add_to(&mut process);
        // The advisor borrows the configured holidays; the review's calendar reads the
        // process's own, so they are added here.
        self.config.apply_holidays(&mut process);
        let kind = given
            .or_else(|| advice.action.message_kind())
            .unwrap_or(MessageKind::FollowUp);
        let context = ProcessContext::new(&process, self.config.policy(), now, kind);
        Ok((kind, context))
    }
}
