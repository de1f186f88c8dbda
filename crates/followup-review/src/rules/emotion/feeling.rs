//! `emotion.feeling`: the sender's own distress in words nobody listed ("fed up", "sick of
//! waiting", "heartbroken", "I'd hate to lose this chance", "I'm in a bad state").
//!
//! A structure: its table holds idioms the sentiment lexicon cannot score ("fed up", "let
//! down"); the code reads every strongly negative word of the lexicon said of the sender (the
//! sender as subject, then only linking words: "I am so", "I feel", "I would"), and pleading
//! or crying emoji (folded hands beside thanks are gratitude, not a plea). The same word said
//! of them or of the wait is `demanding.reproach`.

use crate::finding::{Category, Severity};
use crate::rules::{Check, PhraseRule, StructureRule};
use crate::text::roles::Role;
use followup_core::MessageKind;

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: StructureRule = StructureRule {
    rule: PhraseRule {
        id: "emotion.feeling",
        category: Category::Emotion,
        severity: Severity::Error,
        description: "The sender's distress, in any words: a strongly negative feeling of their own.",
        message: "Your feelings become something the recruiter has to manage, and they read as \
                  pressure.",
        suggestion: "(leave your feelings out; state the facts and ask your question)",
    },
    keep: crate::rules::keep_all,
    structure: said_of_the_sender,
};

/// Emoji that plead or cry.
const NEEDY_EMOJI: &[char] = &[
    '🙏', '😭', '😢', '😩', '😞', '😔', '😟', '😰', '😥', '💔', '😫', '🥺', '😵',
];

fn said_of_the_sender(cx: &Check<'_>) -> Vec<(usize, usize)> {
    let doc = cx.doc;
    let mut spans = crate::rules::negative_words(cx, |role| role == Role::Sender);
    // Answering their decision, "I'm disappointed, but I appreciated…" is grace, not distress.
    if matches!(cx.kind, MessageKind::Reply | MessageKind::Withdraw) {
        spans.retain(|&(_, end)| !turned_with_but(cx, end));
    }
    for (at, c) in doc.text.char_indices() {
        if NEEDY_EMOJI.contains(&c) && !(c == '🙏' && thanks_beside(cx, at)) {
            spans.push((at, at + c.len_utf8()));
        }
    }
    spans
}

/// Whether the feeling ending at byte `end` is turned at once: "but" within the next few
/// words of its sentence.
fn turned_with_but(cx: &Check<'_>, end: usize) -> bool {
    let doc = cx.doc;
    let next = doc.tokens.partition_point(|t| t.start < end);
    let Some(sentence) = doc.tokens.get(next).map(|t| t.sentence) else {
        return false;
    };
    doc.tokens[next..]
        .iter()
        .take(3)
        .any(|t| t.sentence == sentence && t.text == "but")
}

/// Words of thanks.
const THANKS: &[&str] = &[
    "thanks",
    "thank",
    "thx",
    "ty",
    "appreciate",
    "appreciated",
    "grateful",
];

/// Whether the sentence holding byte `at` (or the one just before it) thanks them.
fn thanks_beside(cx: &Check<'_>, at: usize) -> bool {
    let doc = cx.doc;
    let sentence = doc.sentences.partition_point(|s| s.start <= at);
    let range = sentence.saturating_sub(2)..sentence;
    doc.sentences[range].iter().any(|s| {
        doc.tokens[s.first_token..s.end_token]
            .iter()
            .any(|t| THANKS.contains(&t.text.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, fires_as, silent, silent_as};
    use followup_core::MessageKind;

    #[test]
    fn fires_on_feelings_said_many_ways() {
        fires(
            "emotion.feeling",
            &[
                "Honestly I'm fed up with waiting.",
                "I am sick of waiting for news.",
                "I was so sad when I heard nothing.",
                "I'd hate to lose this chance.",
                "I'm in a bad state since the interview.",
                "I feel so miserable about it.",
                "i really need this one 🙏",
                // The feeling several linking words after the sender.
                "I've been a bit of a wreck since the call.",
                "I have honestly been feeling a little bit hopeless lately.",
                "I have just been sort of a disaster all week.",
                // The wait's weight on the sender, with "it" as subject; sleep lost.
                "It has been very stressful waiting for the result.",
                "It is honestly exhausting not knowing where I stand.",
                "I am not able to sleep properly.",
                "Since Friday my husband says I do not sleep.",
            ],
        );
    }

    #[test]
    fn negative_words_not_said_of_the_sender_stay_quiet() {
        silent(
            "emotion.feeling",
            &[
                "Is there any news on the role?",
                "I am not upset at all; I just wanted to check the timeline.",
                "I'm afraid I can't make Tuesday.",
                "I fixed the bug that was frustrating the team.",
                "thanks for everything on the sales engineer process 🙏 i accepted an offer elsewhere",
                "It was painful to debug, but the migration worked.",
            ],
        );
        silent_as(
            "emotion.feeling",
            MessageKind::ThankYou,
            &["Thank you; the outage story you told was painful to hear about and fascinating."],
        );
    }

    #[test]
    fn shame_loss_and_disappointment_the_sender_reports() {
        fires(
            "emotion.feeling",
            &[
                "I feel completely lost since the final round.",
                "Honestly I was gutted when the date passed.",
                "I am embarrassed and sorry about my answer on SQL.",
                "Please don't be upset with me for asking.",
            ],
        );
        silent(
            "emotion.feeling",
            &[
                "The candidates felt lost in the old portal, the team told me, which is why the redesign matters.",
                "Thank you for walking me through the disappointing Q3 numbers so openly.",
            ],
        );
    }

    #[test]
    fn a_feeling_turned_at_once_in_an_answer_is_grace() {
        silent_as(
            "emotion.feeling",
            MessageKind::Reply,
            &[
                "Thanks for telling me. I'm disappointed, but I enjoyed meeting the team.",
                "I feel dreadful but grateful for the chance.",
            ],
        );
        fires_as(
            "emotion.feeling",
            MessageKind::FollowUp,
            &["I feel dreadful but still waiting for news on the analyst role."],
        );
        fires_as(
            "emotion.feeling",
            MessageKind::Reply,
            &["I feel dreadful and cannot stop thinking about the analyst role."],
        );
    }

    #[test]
    fn the_body_and_tears_tell_it() {
        fires(
            "emotion.feeling",
            &[
                "my stomach has been doing backflips all week",
                "With many tears I have to say goodbye to the process.",
                "Honestly it breaks me to let this go.",
                "This is crushing me, to be honest.",
                "My stomach dropped when I saw your name in my inbox.",
            ],
        );
        silent(
            "emotion.feeling",
            &[
                "The stomach flu kept me home on Monday, so I rescheduled.",
                "The film moved the audience to tears, as I mentioned.",
                "It breaks the build when the cache is stale, as we discussed.",
            ],
        );
    }

    #[test]
    fn pain_heart_and_pieces() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.feeling",
            &[
                "I won't pretend this hasn't been agony.",
                "Since that day my heart has been hanging on your answer.",
                "Honestly I'm in pieces about it.",
                "I am in limbo until I hear.",
            ],
        );
        silent(
            "emotion.feeling",
            &[
                "The project has been a success.",
                "The pieces of the puzzle fit together in the case study.",
                "My heart is in product design, which we discussed.",
            ],
        );
    }

    #[test]
    fn spirals_and_scattered_thinking() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.feeling",
            &[
                "I'm honestly in a spiral.",
                "I have been in a daze since the interview.",
                "I can't think straight about the choice.",
            ],
        );
        silent(
            "emotion.feeling",
            &[
                "The design spiral in your logo is lovely.",
                "I can think of three questions for the next round.",
            ],
        );
    }

    #[test]
    fn the_heart_jumping() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.feeling",
            &[
                "My heart jumps every time my inbox pings.",
                "My heart leapt when I saw your name.",
            ],
        );
        silent(
            "emotion.feeling",
            &["The heart monitor project sounds great."],
        );
    }

    #[test]
    fn the_heart_in_the_hand() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.feeling",
            &[
                "Since the interview I am with the heart in the hand.",
                "My heart is in my mouth.",
            ],
        );
        silent(
            "emotion.feeling",
            &["The heart of the product is in the hands of the users, you said."],
        );
    }

    #[test]
    fn losing_my_mind() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.feeling",
            &[
                "ngl kinda losing my mind over here",
                "I've lost my sanity waiting.",
            ],
        );
        silent(
            "emotion.feeling",
            &["I lost my keys on the way, but I arrived on time."],
        );
    }

    #[test]
    fn a_weight_carried() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.feeling",
            &[
                "I've been carrying this around like a stone in my chest all week.",
                "I can't stop thinking about it.",
                "My heart is heavy.",
            ],
        );
        silent(
            "emotion.feeling",
            &[
                "The stone in the lobby was beautiful.",
                "I can stop by the office on Monday if that helps.",
            ],
        );
    }

    #[test]
    fn feelings_said_without_i() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.feeling",
            &["Really gutted not to hear anything about the Head Chef role."],
        );
        silent(
            "emotion.feeling",
            &["The team was gutted by the flood last year, and rebuilt the kitchen."],
        );
    }

    #[test]
    fn the_wait_weighing_on_the_sender() {
        use crate::rules::testing::{fires, silent};
        fires(
            "emotion.feeling",
            &[
                "any news on the kitchen manager role from the 7th? it's been weighing on me a lot tbh",
            ],
        );
        silent(
            "emotion.feeling",
            &["I am weighing the two offers and would like to align on timing."],
        );
    }
}
