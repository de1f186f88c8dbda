//! `length.sentence`: one sentence over 35 words, a warning on that sentence.

use crate::finding::{Category, Finding, Severity};
use crate::rules::length::SENTENCE_WORDS;
use crate::rules::{Check, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: SentenceLength = SentenceLength;

/// See the module documentation.
pub struct SentenceLength;

impl Rule for SentenceLength {
    fn id(&self) -> &'static str {
        "length.sentence"
    }

    fn category(&self) -> Category {
        Category::Length
    }

    fn description(&self) -> &'static str {
        "A sentence over 35 words."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        for sentence in &cx.doc.sentences {
            if sentence.words > SENTENCE_WORDS {
                out.push(Finding::at(
                    self.id(),
                    Category::Length,
                    Severity::Warning,
                    (sentence.start, sentence.end),
                    format!(
                        "This sentence has {} words; past {SENTENCE_WORDS} it is hard to follow.",
                        sentence.words
                    ),
                    "Split it, or cut what the recruiter already knows.",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        let long = format!("{}.", vec!["word"; 36].join(" "));
        fires("length.sentence", &[&long]);
    }

    #[test]
    fn dont_flag_examples() {
        let ok = format!(
            "{}. {}.",
            vec!["word"; 35].join(" "),
            vec!["word"; 20].join(" ")
        );
        silent("length.sentence", &[&ok]);
    }
}
