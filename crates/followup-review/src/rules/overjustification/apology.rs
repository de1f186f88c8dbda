//! `overjustification.apology`: apologising for writing, or apologising too much.
//!
//! A structure: its table (`rules/<language>/phrases/overjustification.apology.txt`) holds
//! the apologies for writing at all ("sorry to bother you"); the code reads an apology the
//! sender intensifies, whatever it is for ("I'm so, so sorry to do this", "I am very sorry,
//! I know…"): a plain "sorry for the delay" is courtesy, a heightened one is a plea. Sympathy
//! ("so sorry to hear about…") is no apology.

use crate::finding::{Category, Severity};
use crate::rules::{Check, PhraseRule, StructureRule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: StructureRule = StructureRule {
    rule: PhraseRule {
        id: "overjustification.apology",
        category: Category::Overjustification,
        severity: Severity::Warning,
        description: "Apologising for writing (\"sorry to bother you\"), or apologising too much \
                      (\"I'm so, so sorry\").",
        message: "Apologising for writing suggests the message is an imposition; it is not.",
        suggestion: "(delete it)",
    },
    keep: crate::rules::keep_all,
    structure: intensified_apologies,
};

/// Words of apology.
const APOLOGY: &[&str] = &["sorry", "apologise", "apologize", "apologies", "apologetic"];
/// Intensifiers of the lexicon that are courtesy rather than degree ("I sincerely apologise",
/// "just sorry").
const NOT_DEGREE: &[&str] = &[
    "sincerely",
    "just",
    "actually",
    "honestly",
    "frankly",
    "simply",
    "genuinely",
    "quite",
    "somewhat",
];
/// What follows "sorry" in sympathy rather than apology.
const SYMPATHY: &[&str] = &["hear", "learn", "read", "see", "hearing", "learning"];

/// Each apology with an intensifier of degree just before it ("very sorry", "so, so sorry",
/// "terribly apologetic"), from the intensifier to the apology.
fn intensified_apologies(cx: &Check<'_>) -> Vec<(usize, usize)> {
    let tokens = &cx.doc.tokens;
    let mut spans = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if i == 0 || !APOLOGY.contains(&token.text.as_str()) {
            continue;
        }
        let before = &tokens[i - 1];
        let degree = before.intensifier
            && before.sentence == token.sentence
            && !NOT_DEGREE.contains(&before.text.as_str());
        let sympathy = tokens.get(i + 1).is_some_and(|n| n.text == "to")
            && tokens
                .get(i + 2)
                .is_some_and(|n| SYMPATHY.contains(&n.text.as_str()));
        if degree && !sympathy {
            spans.push((before.start, token.end));
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent};

    #[test]
    fn fires_on_examples() {
        fires(
            "overjustification.apology",
            &[
                "Apologies in advance for the lengthy note.",
                // Apologising for the message in chat words; hating to do it.
                "sorry for the long msg",
                "Sorry about the DM out of the blue.",
                "I really hate to do this, but I must withdraw.",
                "Sorry to bother you again.",
                "Apologies for following up.",
                "I hate to bother you, but",
                "Forgive me for writing again.",
                "Sorry for taking up your time.",
                // An apology heightened, whatever it is for.
                "I'm so, so sorry to do this.",
                "I am very sorry, I know it is late.",
                "Terribly apologetic about the mix-up with the dates.",
                "Truly, truly sorry about the confusion on my side.",
            ],
        );
    }

    #[test]
    fn dont_flag_examples() {
        silent(
            "overjustification.apology",
            &[
                "Sorry for the delay in replying to your scheduling email.",
                "I was sorry to hear about the reorg.",
                "Thank you for your time.",
                "I sincerely apologise for the short notice.",
                "I was so sorry to hear about the office flood.",
                "I regret to say I must withdraw.",
            ],
        );
    }

    #[test]
    fn apology_in_other_words() {
        fires(
            "overjustification.apology",
            &[
                "Excuse my message for the trouble.",
                "I hope you will not take it badly.",
                "It is not my intention to pressure you.",
                "Please do not be annoyed by my question.",
            ],
        );
        silent(
            "overjustification.apology",
            &[
                "Thank you for taking the time to meet me.",
                "The intention of the project, you said, is to cut costs.",
            ],
        );
    }

    #[test]
    fn the_late_reply_explained() {
        fires(
            "overjustification.apology",
            &[
                "Sorry for the late reply, I was travelling and my phone had no signal.",
                "Apologies for the delayed response, I have been unwell and then my laptop broke.",
                "Sorry for my slow answer, I was stuck at a family event and also ill.",
            ],
        );
        silent(
            "overjustification.apology",
            &[
                "Thank you for your quick reply; I was glad to hear from you.",
                "Sorry for the late reply. My availability is Monday and Tuesday.",
                "Apologies for the slow reply, I was travelling yesterday.",
            ],
        );
    }

    #[test]
    fn formal_apologies_for_the_message() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.apology",
            &[
                "I apologise in advance for the disturbance.",
                "I apologize deeply for taking from your precious time.",
                "Sorry for the disturbance.",
            ],
        );
        silent(
            "overjustification.apology",
            &[
                "I apologise for the typo in my last email: the date is 3 March.",
                "The disturbance in the network was the case study.",
            ],
        );
    }

    #[test]
    fn forgiveness_for_their_time() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.apology",
            &[
                "Forgive me for disturbing your valuable time once more.",
                "Forgive me for taking your time again.",
            ],
        );
        silent(
            "overjustification.apology",
            &["Forgive me: the date in my last email should be 4 March."],
        );
    }

    #[test]
    fn the_disturbance_itself() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.apology",
            &[
                "Sorry for the repeated mails.",
                "Please pardon my writing again.",
                "I do not want to constitute a disturbance to your schedule.",
                "Excuse me for insisting.",
                "Pole for disturbing you again.",
            ],
        );
        silent(
            "overjustification.apology",
            &["Sorry, the mails from our server were delayed, so I resent the form you asked for."],
        );
    }

    #[test]
    fn ashamed_to_write() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.apology",
            &["I feel very bad and ashamed to write this."],
        );
        silent(
            "overjustification.apology",
            &["I feel ready to start in March."],
        );
    }

    #[test]
    fn permission_asked_to_write() {
        use crate::rules::testing::{fires, silent};
        fires(
            "overjustification.apology",
            &[
                "I hope it's okay that I'm writing.",
                "I really don't want to take up your time.",
            ],
        );
        silent(
            "overjustification.apology",
            &["I hope the move to the new office went well."],
        );
    }
}
