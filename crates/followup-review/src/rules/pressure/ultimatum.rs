//! `pressure.ultimatum`: a condition on them with a consequence for them ("Give me until
//! Friday or I will sign with them", "Unless you can match it, I'm out", "otherwise I sign
//! elsewhere"), scarcity ("candidates like me get snapped up fast"), and an offer in one
//! sentence with the threat or a near deadline in the next.
//!
//! A structure: its table pairs the condition and the consequence in one sentence; the code
//! reads an offer (the `marker.offer` table) followed, in the same or the next sentence, by a
//! consequence, a deadline imposed on them, a reproach or guilt (the `demanding` tables).

use crate::finding::{Category, Severity};
use crate::rules::{Check, Marker, PhraseRule, StructureRule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: StructureRule = StructureRule {
    rule: PhraseRule {
        id: "pressure.ultimatum",
        category: Category::Pressure,
        severity: Severity::Error,
        description: "An ultimatum: a condition on them and a consequence for them.",
        message: "An ultimatum forces a quick answer, and the quick answer is usually no.",
        suggestion: "Is there any chance of an update before then?",
    },
    keep: crate::rules::keep_all,
    structure: offer_then_threat,
};

/// Words that put a condition on them, however long the condition.
const CONDITIONS: &[&str] = &["unless", "otherwise"];
/// What the sender will do to them: "I'll be going with them", "I'll take it".
const CONSEQUENCES: &[&str] = &[
    "going",
    "go",
    "take",
    "taking",
    "accept",
    "accepting",
    "sign",
    "signing",
    "join",
    "joining",
    "withdraw",
    "withdrawing",
    "walk",
    "walking",
];

/// "unless you can improve the base by 15% by Wednesday, I'll be going with them": a
/// condition word, then later in the sentence the sender ("i") and within three words a
/// consequence for them.
pub(crate) fn conditional_consequences(cx: &Check<'_>) -> Vec<(usize, usize)> {
    let doc = cx.doc;
    let mut spans = Vec::new();
    for sentence in &doc.sentences {
        let tokens = &doc.tokens[sentence.first_token..sentence.end_token];
        let Some(condition) = tokens
            .iter()
            .position(|t| CONDITIONS.contains(&t.text.as_str()))
        else {
            continue;
        };
        let consequence = tokens
            .iter()
            .enumerate()
            .skip(condition + 1)
            .find(|(i, t)| {
                t.text == "i"
                    && tokens[i + 1..tokens.len().min(i + 5)]
                        .iter()
                        .any(|n| CONSEQUENCES.contains(&n.text.as_str()))
            });
        if let Some((i, _)) = consequence {
            let last = &tokens[tokens.len().min(i + 4) - 1];
            spans.push((tokens[condition].start, last.end));
        }
    }
    spans
}

/// What turns an offer into leverage: a deadline imposed on them, a reproach, guilt.
const LEVERAGE: &[&str] = &[
    "demanding.imposed-deadline",
    "demanding.reproach",
    "demanding.accusation",
    "demanding.guilt",
];

fn offer_then_threat(cx: &Check<'_>) -> Vec<(usize, usize)> {
    let doc = cx.doc;
    let sentence_of = |token: usize| doc.tokens.get(token).map_or(usize::MAX, |t| t.sentence);
    // The last token of each threat, by sentence (a sentence holds a few at most).
    let mut threats: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for m in cx
        .phrases()
        .iter()
        .chain(LEVERAGE.iter().flat_map(|id| cx.table(id)))
    {
        threats
            .entry(sentence_of(m.first))
            .or_default()
            .push(m.last);
    }
    let mut spans = conditional_consequences(cx);
    for offer in cx.marker(Marker::Offer) {
        let at = sentence_of(offer.first);
        // Each threat after the offer, in its sentence or the next.
        for sentence in [at, at.saturating_add(1)] {
            for &last in threats.get(&sentence).into_iter().flatten() {
                if last > offer.first {
                    spans.push((doc.tokens[offer.first].start, doc.tokens[last].end));
                }
            }
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, silent, silent_as};
    use followup_core::MessageKind;

    #[test]
    fn fires_on_ultimatums_said_many_ways() {
        fires(
            "pressure.ultimatum",
            &[
                "If you cannot match it, I am going with them.",
                "Unless you can match it, I'm out.",
                "Match the offer, else I walk.",
                "Candidates like me get snapped up fast.",
                "I will take silence past Thursday as a no.",
                "I have another offer. I need your final answer within 24 hours.",
                "After that, it goes to the other company.",
                "My patience has an expiry date.",
            ],
        );
    }

    #[test]
    fn conditions_without_a_threat_stay_quiet() {
        silent(
            "pressure.ultimatum",
            &[
                "If you need anything else, I will be happy to help.",
                "If it helps, I can take the assessment on Monday.",
                "Could you let me know if there is any news?",
            ],
        );
        silent_as(
            "pressure.ultimatum",
            MessageKind::Align,
            &[
                "I have received an offer from another company with a deadline of Friday 22 May. \
               Is there any chance of an update before then?",
            ],
        );
    }
}
