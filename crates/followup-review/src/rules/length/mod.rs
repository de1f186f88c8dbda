//! `length`: longer than the kind's aim (warning; error above 1.5× the aim), and sentences
//! over 35 words.

pub mod message;
pub mod sentence;

use followup_core::MessageKind;

/// The kind's aim in words: thank-you 70, withdraw 80, follow-up and final 90, align 110,
/// reply 120.
pub fn aim(kind: MessageKind) -> usize {
    match kind {
        MessageKind::ThankYou => 70,
        MessageKind::Withdraw => 80,
        MessageKind::FollowUp | MessageKind::Final => 90,
        MessageKind::Align | MessageKind::Other => 110,
        MessageKind::Reply => 120,
    }
}

/// Words above which one sentence is too long to read at a glance.
pub const SENTENCE_WORDS: usize = 35;
