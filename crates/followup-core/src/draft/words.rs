//! Counting words the way the reviewer does, and the length each kind of message aims for.

use std::ops::RangeInclusive;

use crate::process::MessageKind;

/// Whitespace-separated tokens that contain a letter or a digit ("—" is not a word).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|token| token.chars().any(char::is_alphanumeric))
        .count()
}

/// The words a drafted body of `kind` aims for: thank-you 25–70, withdraw 25–80, follow-up and
/// final 25–90, align 25–110, reply 25–120 (the reviewer's aims, with a floor so a draft is
/// never curt; a skeleton is shorter, its answer being the user's).
pub fn length_aim(kind: MessageKind) -> RangeInclusive<usize> {
    match kind {
        MessageKind::ThankYou => 25..=70,
        MessageKind::Align => 25..=110,
        MessageKind::Withdraw => 25..=80,
        MessageKind::Reply => 25..=120,
        MessageKind::FollowUp | MessageKind::Final | MessageKind::Other => 25..=90,
    }
}

/// The words a subject line has: 3 to 6.
pub const SUBJECT_WORDS: RangeInclusive<usize> = 3..=6;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_not_dashes() {
        assert_eq!(word_count("Backend Engineer — following up"), 4);
        assert_eq!(word_count("  Olá,\n\nJoão  3 ... "), 3);
        assert_eq!(word_count(""), 0);
    }
}
