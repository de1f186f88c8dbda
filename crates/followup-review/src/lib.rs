//! The message reviewer of followup: points at the exact words that hurt a thank-you,
//! follow-up, final attempt or align message, says why in one sentence, and offers a better
//! phrasing.
//!
//! ```
//! use followup_core::MessageKind;
//! use followup_review::{Reviewer, Verdict};
//!
//! let reviewer = Reviewer::new();
//! let review = reviewer.review("Any news??", MessageKind::FollowUp, None);
//! assert_eq!(review.verdict, Verdict::Weak);
//! ```
//!
//! - [`text`]: the message analysed once (normalised tokens, sentences, dates).
//! - [`phrase`]: phrase tables compiled into one index of anchor words.
//! - [`rules`]: the [`Rule`] trait, one rule per file, and the registry.
//! - [`context`]: what `--process` adds ([`ProcessContext`]).
//! - [`reviewer`], [`review`], [`finding`]: running the rules and the result.
//!
//! No I/O and no clock: the caller passes the text, the kind and, optionally, the context.

// Tests may unwrap: a panic there is a failing test, which is the point.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod context;
pub mod finding;
pub mod phrase;
pub mod review;
pub mod reviewer;
pub mod rules;
pub mod text;

pub use context::{ProcessContext, TimingProblem};
pub use finding::{Category, Finding, Severity};
pub use review::{Review, Verdict};
pub use reviewer::{ReviewError, Reviewer};
pub use rules::{Check, Rule, registry};

/// The length a message of `kind` should stay within, in words.
pub fn word_aim(kind: followup_core::MessageKind) -> usize {
    rules::length::aim(kind)
}
