//! `emotion.punctuation`: runs of `!!`, `??`, `?!`: one warning per run.

use crate::finding::{Category, Finding, Severity};
use crate::rules::{Check, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: Punctuation = Punctuation;

/// See the module documentation.
pub struct Punctuation;

impl Rule for Punctuation {
    fn id(&self) -> &'static str {
        "emotion.punctuation"
    }

    fn category(&self) -> Category {
        Category::Emotion
    }

    fn description(&self) -> &'static str {
        "Runs of exclamation or question marks."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        // The tokenizer records the runs as it passes them.
        for &(start, end, question) in &cx.doc.punctuation_runs {
            {
                out.push(Finding::at(
                    self.id(),
                    Category::Emotion,
                    Severity::Warning,
                    (start, end),
                    "A run of exclamation or question marks reads as raised voice or impatience.",
                    if question { "?" } else { "." },
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings_of, fires, silent};
    use followup_core::MessageKind;

    #[test]
    fn fires_on_examples() {
        fires(
            "emotion.punctuation",
            &["Any news??", "Thank you!!", "Really?!"],
        );
    }

    #[test]
    fn one_warning_per_run_with_a_replacement() {
        let found = findings_of(
            "emotion.punctuation",
            MessageKind::FollowUp,
            None,
            "Hi!!! News??",
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].suggestion, ".");
        assert_eq!(found[1].suggestion, "?");
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "emotion.punctuation",
            &["Thank you! Is there any news?", "Wait... what?"],
        );
    }
}
