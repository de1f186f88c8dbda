//! `self-promotion.resend`: the resume or portfolio sent again, with or without a subject
//! ("CV attached one more time", "re-attaching my portfolio", "here is my resume again").
//!
//! A structure of its table alone: the document and a word of sending again, in either order.

use crate::finding::{Category, Severity};
use crate::rules::{PhraseRule, StructureRule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: StructureRule = StructureRule {
    rule: PhraseRule {
        id: "self-promotion.resend",
        category: Category::SelfPromotion,
        severity: Severity::Error,
        description: "The resume, CV or portfolio sent again.",
        message: "They have your resume; sending it again says you think they lost it or did not \
                  read it.",
        suggestion: "(delete it; they have your resume)",
    },
    keep: |cx, first, _| !asked_for(cx, first),
    structure: crate::rules::table_only,
};

/// Words that say they asked for it ("my portfolio link is below, as you requested").
const ASKED_FOR: &[&str] = &["requested", "asked", "request"];

/// Whether the sentence of the match says they asked for the document.
fn asked_for(cx: &crate::rules::Check<'_>, first: usize) -> bool {
    let doc = cx.doc;
    let sentence = &doc.sentences[doc.tokens[first].sentence];
    doc.tokens[sentence.first_token..sentence.end_token]
        .iter()
        .any(|t| ASKED_FOR.contains(&t.text.as_str()))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_resends_said_many_ways() {
        fires(
            "self-promotion.resend",
            &[
                "CV attached one more time.",
                "My portfolio, once more, for your reference.",
                "The latest CV is below once more.",
                "Once again sending my CV in case it helps.",
                "Another copy of my résumé is below.",
            ],
        );
    }

    #[test]
    fn other_uses_stay_quiet() {
        silent(
            "self-promotion.resend",
            &[
                "We can resume the conversation once you are back.",
                "Please let me know if you need references from me.",
                "Is there any news on the role?",
            ],
        );
    }

    #[test]
    fn the_cv_joined_again() {
        fires(
            "self-promotion.resend",
            &[
                "I send again my resume for your file.",
                "Sending again my resume below.",
                "I join again my CV.",
            ],
        );
        silent(
            "self-promotion.resend",
            &["Thank you for sending again the address of the office."],
        );
    }

    #[test]
    fn the_cv_re_attached_or_kept_on_file() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.resend",
            &[
                "You'll want to keep my CV on file, which I've re-attached.",
                "My resume, which I have re-sent, covers it.",
            ],
        );
        silent(
            "self-promotion.resend",
            &[
                "Thank you for keeping the process moving.",
                "I attached the references you asked for.",
            ],
        );
    }

    #[test]
    fn the_link_sent_again() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.resend",
            &[
                "Sending the link again in case.",
                "Here is the deck once more.",
            ],
        );
        silent(
            "self-promotion.resend",
            &[
                "Here is the link to the references you asked for.",
                "My portfolio link is below, as you requested.",
            ],
        );
    }

    #[test]
    fn sent_again_further_from_the_document() {
        use crate::rules::testing::{fires, silent};
        fires(
            "self-promotion.resend",
            &[
                "I have also prepared a short portfolio of my plated dishes, which I have attached again.",
            ],
        );
        silent(
            "self-promotion.resend",
            &["I attached the portfolio you asked for, and I can send the references again."],
        );
    }
}
