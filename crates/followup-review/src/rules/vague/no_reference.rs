//! `vague.no-reference`: nothing ties the message to the process: no role, position, process,
//! interview or conversation ("Any news?", "Just checking in"). An error on the whole message.
//! With `--process`, naming the role or the company counts too.

use std::borrow::Cow;

use crate::finding::{Category, Finding, Severity};
use crate::rules::{Check, Marker, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: NoReference = NoReference;

/// See the module documentation.
pub struct NoReference;

impl Rule for NoReference {
    fn id(&self) -> &'static str {
        "vague.no-reference"
    }

    fn category(&self) -> Category {
        Category::Vague
    }

    fn description(&self) -> &'static str {
        "No reference to the process: no role, interview or conversation."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        // "An offer from another company" is not this process.
        let other = cx.marker(Marker::Offer);
        let refers = cx
            .marker(Marker::Reference)
            .iter()
            .any(|r| !other.iter().any(|o| o.first <= r.first && r.last <= o.last));
        if refers {
            return;
        }
        let doc = cx.doc;
        if let Some(context) = cx.context {
            let named = doc
                .tokens
                .iter()
                .any(|t| context.process_words.contains(&t.text));
            if named {
                return;
            }
        }
        let suggestion: Cow<'static, str> = match cx.context {
            Some(context) => format!(
                "Name the process: \"I'm following up on the {} position at {}.\"",
                context.role, context.company
            )
            .into(),
            None => {
                "Name the process: \"I'm following up on the <role> position we discussed.\"".into()
            }
        };
        out.push(Finding::whole(
            self.id(),
            Category::Vague,
            Severity::Error,
            cx.len(),
            "Nothing ties this message to your process: no role, interview or conversation is \
             named.",
            suggestion,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "vague.no-reference",
            &[
                "Any news?",
                "Hi, just checking in. Thanks!",
                "Hello, any update from your side?",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "vague.no-reference",
            &[
                "Any news on the Backend Engineer role?",
                "Thank you for the conversation today.",
                "I enjoyed our interview on Tuesday.",
                "Is there an update on the hiring process?",
            ],
        );
    }
}
