//! `emotion.shouting`: words in capitals. Three or more shouted words in a row are an error;
//! one or two emphasised words ("I REALLY need") are a warning. Acronyms (API, ASAP, CV) and
//! signatures in capitals ("MARIA SILVA") are not shouting.

use crate::finding::{Category, Finding, Severity};
use crate::language::Lexicon;
use crate::rules::{Check, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: Shouting = Shouting;

/// See the module documentation.
pub struct Shouting;

/// A word in capitals, as written.
struct CapsWord {
    start: usize,
    end: usize,
    letters: usize,
    word: String,
}

impl Rule for Shouting {
    fn id(&self) -> &'static str {
        "emotion.shouting"
    }

    fn category(&self) -> Category {
        Category::Emotion
    }

    fn description(&self) -> &'static str {
        "Words in capitals: shouting."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if !doc.has_capitals {
            return;
        }
        let mut run: Vec<CapsWord> = Vec::new();
        let mut run_sentence = usize::MAX;
        let mut last_start = usize::MAX;
        for token in &doc.tokens {
            // Contractions expand to several tokens sharing one original word.
            if token.start == last_start {
                continue;
            }
            last_start = token.start;
            if !token.all_caps || token.sentence != run_sentence {
                self.flush(cx.lexicon(), &mut run, out);
            }
            if token.all_caps {
                run_sentence = token.sentence;
                let original = doc.original(token);
                run.push(CapsWord {
                    start: token.start,
                    end: token.end,
                    letters: original.chars().filter(|c| c.is_alphabetic()).count(),
                    word: original.to_lowercase().replace(['’', '\''], ""),
                });
            } else {
                run_sentence = usize::MAX;
            }
        }
        self.flush(cx.lexicon(), &mut run, out);
    }
}

impl Shouting {
    fn flush(&self, lexicon: &Lexicon, run: &mut Vec<CapsWord>, out: &mut Vec<Finding>) {
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            return;
        };
        let span = (first.start, last.end);
        let shouted = run
            .iter()
            .filter(|w| w.letters >= 2 && !lexicon.acronyms.contains(w.word.as_str()))
            .count();
        let plain = run.iter().any(|w| {
            lexicon.function_words.contains(w.word.as_str())
                || lexicon.emphasis.contains(w.word.as_str())
        });
        if run.len() >= 3 && shouted >= 2 && plain {
            out.push(Finding::at(
                self.id(),
                Category::Emotion,
                Severity::Error,
                span,
                "Whole phrases in capitals read as shouting.",
                "Write it in normal case.",
            ));
        } else if run.len() <= 2
            && run
                .iter()
                .any(|w| w.letters >= 2 && lexicon.emphasis.contains(w.word.as_str()))
        {
            out.push(Finding::at(
                self.id(),
                Category::Emotion,
                Severity::Warning,
                span,
                "A word in capitals reads as raised voice.",
                "Write it in normal case.",
            ));
        }
        run.clear();
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::rules::testing::{findings_of, fires, silent};
    use followup_core::MessageKind;

    #[test]
    fn fires_on_examples() {
        fires(
            "emotion.shouting",
            &[
                "WHY IS THIS TAKING SO LONG",
                "Is there ANY news on the role?",
                "PLEASE ANSWER ME NOW",
            ],
        );
    }

    #[test]
    fn severity_depends_on_the_run() {
        let one = findings_of(
            "emotion.shouting",
            MessageKind::FollowUp,
            None,
            "I REALLY need it.",
        );
        assert_eq!(one[0].severity, Severity::Warning);
        let run = findings_of(
            "emotion.shouting",
            MessageKind::FollowUp,
            None,
            "WHY IS THIS SO SLOW",
        );
        assert_eq!(run[0].severity, Severity::Error);
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "emotion.shouting",
            &[
                "We discussed the API and AWS costs.",
                "Best regards,\nMARIA SILVA",
                "RE: SENIOR BACKEND ENGINEER",
                "I can start ASAP.",
                "I am in the UK.",
            ],
        );
    }

    #[test]
    fn counts_in_capitals_shout() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.shouting",
            &[
                "This is my FOURTH email about the Administrator role.",
                "I have emailed THREE times about the Sous Chef job.",
            ],
        );
        silent(
            "emotion.shouting",
            &["I interviewed for the Administrator role on 3 March."],
        );
    }
}
