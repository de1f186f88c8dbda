//! The composer: drafts the message the advisor asks for, from what is known about the
//! process, so the user edits a good message instead of staring at a blank one.
//!
//! [`compose`] is pure: the process, the advice for `now`, the request (kind, tone, variant,
//! topic, sender) and the [`Templates`] in, a [`Draft`] or a [`DraftError`] out. Every draft
//! has the same four parts: a greeting, the process (the role by name), the agreed timeline in
//! plain words relative to `now`, one objective question (none in a thank-you), and a close
//! signed with the sender's name when it is known.
//!
//! - [`template`]: the text files (one folder per language) and their checks;
//! - `story`: the facts of the timeline a draft is written from;
//! - `greeting`, `when`: who is greeted and how dates read;
//! - `skeleton`: the frame of an answer to their question or offer, with the gap marked;
//! - [`mailto`], [`words`]: the `mailto:` URI and the word counts.

mod compose;
mod greeting;
pub mod mailto;
mod skeleton;
mod story;
pub mod template;
mod tone;
mod when;
pub mod words;

use serde::Serialize;

use crate::process::MessageKind;

pub use compose::compose;
pub use mailto::mailto_uri;
pub use skeleton::SKELETON_VARIANTS;
pub use template::{TemplateError, Templates};
pub use tone::Tone;
pub use words::{SUBJECT_WORDS, length_aim, word_count};

/// What the user asks to draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftRequest {
    /// The kind to draft; `None` drafts the step the advice says is due.
    pub kind: Option<MessageKind>,
    /// How formal the message reads.
    pub tone: Tone,
    /// Which variant of the kind and tone, from 1.
    pub variant: usize,
    /// A topic to mention in a thank-you instead of the interview's first one.
    pub topic: Option<String>,
    /// The sender's name for the signature; `None` leaves the message unsigned.
    pub from: Option<String>,
}

impl Default for DraftRequest {
    fn default() -> Self {
        DraftRequest {
            kind: None,
            tone: Tone::Neutral,
            variant: 1,
            topic: None,
            from: None,
        }
    }
}

/// A drafted message. Serialises as the stable `draft --json` object
/// `{"kind", "subject", "body", "to", "mailto"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Draft {
    /// The kind of message.
    pub kind: MessageKind,
    /// A subject line of 3 to 6 words.
    pub subject: String,
    /// The whole message: greeting, paragraphs, close and signature, lines separated by `\n`.
    pub body: String,
    /// The main contact's address, when known.
    pub to: Vec<String>,
    /// A `mailto:` URI (RFC 6068) with the recipients, subject and body.
    pub mailto: String,
    /// Set when the kind was forced against the advice: why the timing is wrong.
    #[serde(skip)]
    pub warning: Option<String>,
}

/// Why no draft was written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DraftError {
    /// The advice is to wait, move on or do nothing, and no kind was forced.
    #[error("nothing to draft now")]
    NothingToDraft,
    /// The kind cannot be drafted honestly from what is recorded (an align with no real
    /// change, a thank-you with no interview, a follow-up with nothing to follow up).
    #[error("no {kind} to draft: {reason}")]
    Refused {
        /// The kind asked for.
        kind: MessageKind,
        /// Why, as a clause.
        reason: String,
    },
    /// The variant number is not offered for this kind and tone.
    #[error("variant {given} is out of range: a {tone} {kind} has variants 1–{count}")]
    VariantOutOfRange {
        /// The kind drafted.
        kind: MessageKind,
        /// The tone asked for.
        tone: Tone,
        /// The variant asked for.
        given: usize,
        /// How many variants exist.
        count: usize,
    },
    /// The kind is not one a draft can be (`other`).
    #[error(
        "cannot draft a message of kind \"{0}\"; choose thank-you, follow-up, final, align or withdraw"
    )]
    UnsupportedKind(MessageKind),
}

impl DraftError {
    /// Whether this is a refusal about the process (exit 3) rather than bad usage (exit 2).
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            DraftError::NothingToDraft | DraftError::Refused { .. }
        )
    }
}

#[cfg(test)]
mod tests;
