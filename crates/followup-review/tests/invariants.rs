//! Invariants over arbitrary input: the reviewer never panics, every span lies on char
//! boundaries with `start <= end <= len`, line and column agree with the span, and a paste of
//! several megabytes is reviewed (linear time, checked by completing, not timed) with each
//! repeated finding reported once.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use followup_core::MessageKind;
use followup_review::{Review, Reviewer};
use proptest::prelude::*;

fn check_spans(text: &str, review: &Review) {
    // Findings come in text order, so line and column are recomputed in one sweep.
    let (mut at, mut line, mut column) = (0usize, 1usize, 1usize);
    for f in &review.findings {
        assert!(f.start <= f.end && f.end <= text.len(), "{f:?}");
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "{f:?}"
        );
        assert!(f.start >= at, "findings out of order: {f:?}");
        for c in text[at..f.start].chars() {
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        at = f.start;
        assert_eq!((f.line, f.column), (line, column), "{f:?}");
        assert!(!f.message.is_empty() && !f.suggestion.is_empty(), "{f:?}");
    }
    let json = serde_json::to_value(review).unwrap();
    assert_eq!(
        json["findings"].as_array().unwrap().len(),
        review.findings.len()
    );
}

const KINDS: [MessageKind; 4] = [
    MessageKind::ThankYou,
    MessageKind::FollowUp,
    MessageKind::Final,
    MessageKind::Align,
];

/// Words the rules care about, so random text actually triggers findings.
const WORDS: &[&str] = &[
    "I'm",
    "I’m",
    "so",
    "anxious",
    "dream",
    "job",
    "still",
    "no",
    "answer",
    "!!",
    "??",
    "NEED",
    "THIS",
    "JOB",
    "sorry",
    "to",
    "bother",
    "you",
    "10",
    "days",
    "without",
    "news",
    "perfect",
    "fit",
    "Friday",
    "8",
    "May",
    "the",
    "8th",
    "05/08",
    "role",
    "interview",
    "é",
    "ß",
    "🙂",
    "\n",
    "\n\n",
    ",",
    ".",
    "?",
    "Hi",
    "Ana",
    "offer",
    "another",
    "Ms.",
    "years",
    "of",
    "experience",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics_and_spans_are_valid(text in any::<String>(), k in 0usize..4) {
        let review = Reviewer::new().review(&text, KINDS[k], None);
        check_spans(&text, &review);
    }

    #[test]
    fn word_salad_spans_are_valid(
        picks in proptest::collection::vec(0usize..WORDS.len(), 0..80),
        seps in proptest::collection::vec(0usize..4, 80),
        k in 0usize..4,
    ) {
        let mut text = String::new();
        for (i, p) in picks.iter().enumerate() {
            text.push_str(WORDS[*p]);
            text.push_str([" ", "", "  ", "\u{a0}"][seps[i]]);
        }
        let review = Reviewer::new().review(&text, KINDS[k], None);
        check_spans(&text, &review);
    }
}

#[test]
fn a_four_megabyte_paste_completes() {
    let message = "Hi Ana,\n\nI'm so anxious!! It's been 10 days without news and still nothing. \
        Sorry to bother you, I know you're busy. I have 10 years of experience and I'm the \
        perfect fit. Is there any news on the Backend Engineer role since Friday?\n\n";
    let text = message.repeat(4 * 1024 * 1024 / message.len());
    let review = Reviewer::new().review(&text, MessageKind::FollowUp, None);
    // Each repeated finding is reported once, with its count.
    let occurrences: usize = review.findings.iter().map(|f| f.count).sum();
    assert!(occurrences > 10_000, "{occurrences}");
    assert!(review.findings.len() < 20, "{}", review.findings.len());
    check_spans(&text, &review);
    // One long unbroken line and a long run of intensifiers must not be quadratic either.
    let line = "so ".repeat(1_000_000) + "anxious";
    let review = Reviewer::new().review(&line, MessageKind::FollowUp, None);
    check_spans(&line, &review);
}
