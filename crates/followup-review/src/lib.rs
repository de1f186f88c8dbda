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
//! - `language`: one language's lexicon and phrase tables, compiled from `rules/<code>/` by
//!   the build ([`Language`]).
//! - `text`: the message analysed once (normalised tokens, sentences, dates).
//! - `phrase`: the phrase-table language and the matcher over an index of anchor words.
//! - `rules`: the [`Rule`] trait, one rule per file, and the [`registry`].
//! - `context`: what `--process` adds ([`ProcessContext`]).
//! - `reviewer`, `verdict`, `finding`: running the rules, and the result.
//! - `tone`: the learned reading of tone behind the `<category>.tone` rules ([`ToneModel`]).
//! - `fix`: the strong version of the user's own message ([`Fix`], `check --fix`).
//!
//! No I/O and no clock: the caller passes the text, the kind and, optionally, the context.

// Tests may unwrap: a panic there is a failing test, which is the point.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod context;
mod finding;
mod fix;
mod language;
mod phrase;
mod reviewer;
mod rules;
mod text;
mod tone;
mod verdict;

pub use context::{ProcessContext, TimingProblem};
pub use finding::{Category, Finding, Severity};
pub use fix::Fix;
pub use language::{LANGUAGES, Language};
pub use reviewer::{MAX_REPEATS, Reviewer};
pub use rules::{Check, Rule, registry};
pub use tone::ToneModel;
pub use verdict::{Review, Verdict};
