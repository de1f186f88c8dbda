//! `pressure.ultimatum`: a condition on them with a consequence for them ("Give me until
//! Friday or I will sign with them", "Unless you can match it, I'm out", "otherwise I sign
//! elsewhere"), scarcity ("candidates like me get snapped up fast"), and an offer in one
//! sentence with the threat or a near deadline in the next.
//!
//! A structure: its table pairs the condition and the consequence in one sentence; the code
//! reads an offer (the `marker.offer` table) followed, in the same or the next sentence, by a
//! consequence, a deadline imposed on them, a reproach or guilt (the `demanding` tables), or a
//! call for speed ("…an offer from Databricks next week, so it would be great to move
//! quickly"): an offer beside "hurry" is leverage, whatever the politeness.

use crate::finding::{Category, Severity};
use crate::rules::{Check, Marker, PhraseRule, StructureRule};
use followup_core::MessageKind;

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
    // "…or whether I should withdraw" weighs the sender's choice aloud, asking them.
    keep: |cx, first, last| {
        !cx.doc.tokens[first..=last]
            .iter()
            .any(|t| t.text == "whether")
    },
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
    "gone",
    "out",
];

/// Verbs of concluding: what follows them is what the sender will believe, not do.
const ASSUMING: &[&str] = &[
    "assume",
    "understand",
    "conclude",
    "consider",
    "guess",
    "presume",
    "know",
];

/// Words that make what the sender says next a decision already taken: "I will", "I'll
/// have no choice but to", "I'm going", "I'm gone".
const RESOLVE: &[&str] = &["will", "shall", "going", "must", "choice", "am"];

/// Where a sentence's condition on them stands: "unless", "otherwise", or "if" with a
/// negation close after it ("if you can't match", "if your organisation does not give me an
/// offer", "if I don't hear back", "if there is no answer").
fn condition_at(tokens: &[crate::text::Token]) -> Option<usize> {
    tokens.iter().enumerate().position(|(i, t)| {
        CONDITIONS.contains(&t.text.as_str())
            || (t.text == "if"
                && tokens[i + 1..tokens.len().min(i + 6)]
                    .iter()
                    .any(|n| n.negator || n.text == "no"))
    })
}

/// The sender's resolve to act against them at token `i` ("i"), as the index of its last
/// word: "I will accept", "I'll have no choice but to accept", "I'm gone". After "unless" or
/// "otherwise" the verb alone is resolve enough ("otherwise I sign elsewhere"); after "if" it
/// needs a word of resolve ("if it is not too late, I would love to join" is a wish).
fn consequence_at(tokens: &[crate::text::Token], i: usize, need_resolve: bool) -> Option<usize> {
    if tokens[i].text != "i" {
        return None;
    }
    let reach = if need_resolve { 8 } else { 5 };
    let window = &tokens[i + 1..tokens.len().min(i + reach)];
    let resolved = !need_resolve
        || window
            .iter()
            .take(3)
            .any(|n| RESOLVE.contains(&n.text.as_str()));
    let verb = window
        .iter()
        .position(|n| CONSEQUENCES.contains(&n.text.as_str()))?;
    // "I'm out of office" is no consequence, and "I will take it that you moved on" an
    // assumption, not a threat.
    let next = |k: usize| window.get(verb + k).map(|n| n.text.as_str());
    if window[verb].text == "out" && next(1) == Some("of") {
        return None;
    }
    // "I'll assume you've gone with another candidate" is the sender's conclusion.
    if window[..verb]
        .iter()
        .any(|n| ASSUMING.contains(&n.text.as_str()))
    {
        return None;
    }
    if matches!(window[verb].text.as_str(), "take" | "taking")
        && matches!(next(1), Some("it" | "that"))
        && matches!(next(2), Some("that" | "as"))
    {
        return None;
    }
    resolved.then_some(i + 1 + verb)
}

/// "unless you can improve the base by 15% by Wednesday, I'll be going with them", "I will
/// accept it on Monday if I do not hear from you": a condition on them and, after it or just
/// before it in the sentence, the sender resolved to a consequence for them.
pub(crate) fn conditional_consequences(cx: &Check<'_>) -> Vec<(usize, usize)> {
    let doc = cx.doc;
    let mut spans = Vec::new();
    for sentence in &doc.sentences {
        let tokens = &doc.tokens[sentence.first_token..sentence.end_token];
        let Some(condition) = condition_at(tokens) else {
            continue;
        };
        let need_resolve = tokens[condition].text == "if";
        // The span runs from the condition to a few words past "i", or to the verb if later.
        let after = (condition + 1..tokens.len()).find_map(|i| {
            consequence_at(tokens, i, need_resolve)
                .map(|verb| (condition, verb.max((i + 3).min(tokens.len() - 1))))
        });
        let before =
            (0..condition).find_map(|i| consequence_at(tokens, i, true).map(|_| (i, condition)));
        if let Some((first, last)) = after.or(before) {
            spans.push((tokens[first].start, tokens[last].end));
        }
    }
    spans
}

/// What turns an offer into leverage: a deadline imposed on them or ASAP, a reproach, guilt,
/// the wait counted.
const LEVERAGE: &[&str] = &[
    "demanding.imposed-deadline",
    "demanding.deadline",
    "demanding.reproach",
    "demanding.accusation",
    "demanding.guilt",
    "demanding.elapsed",
];

/// The tables of a demand for an answer, which an offer named after it in the same sentence
/// turns into leverage.
const DEMANDS: &[&str] = &["demanding.imposed-deadline", "demanding.deadline"];

/// Words that ask them to go faster ("quick" and "fast" are not: "a quick update", "a fast
/// learner").
const SPEED: &[&str] = &[
    "quickly",
    "faster",
    "quicker",
    "swiftly",
    "sooner",
    "expedite",
    "expedited",
    "expediting",
    "speed",
    "hurry",
    "accelerate",
];

/// What the sender takes after an offer, when it is the other offer: "take that one", "go
/// with them", "accept theirs" ("I will accept or decline by Friday" takes nothing yet).
const TAKEN: &[&str] = &[
    "that",
    "it",
    "theirs",
    "them",
    "one",
    "elsewhere",
    "instead",
];

/// A floor at token `i`, as the index of its last word: "anything under 150k won't work",
/// "anything lower is not an option", "anything below that I would decline".
fn floor_at(tokens: &[crate::text::Token], i: usize) -> Option<usize> {
    if !matches!(tokens[i].text.as_str(), "anything" | "everything") {
        return None;
    }
    let sentence = tokens[i].sentence;
    let same = |t: &&crate::text::Token| t.sentence == sentence;
    let below = tokens[i + 1..].iter().take(2).filter(same).any(|t| {
        matches!(
            t.text.as_str(),
            "below" | "under" | "less" | "lower" | "short"
        )
    });
    let refused = tokens[i + 1..]
        .iter()
        .take(7)
        .filter(same)
        .position(|t| t.negator || matches!(t.text.as_str(), "decline" | "refuse" | "pass"));
    // "…so I wouldn't consider anything lower": the refusal before the floor.
    let refused_before = tokens[i.saturating_sub(4)..i]
        .iter()
        .filter(same)
        .any(|t| t.negator);
    let last = match refused {
        Some(at) => i + 1 + at,
        None => (i + 2).min(tokens.len() - 1),
    };
    (below && (refused.is_some() || refused_before)).then_some(last)
}

fn offer_then_threat(cx: &Check<'_>) -> Vec<(usize, usize)> {
    let doc = cx.doc;
    let sentence_of = |token: usize| doc.tokens.get(token).map_or(usize::MAX, |t| t.sentence);
    // The last token of each threat, by sentence (a sentence holds a few at most).
    let mut threats: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    // The tables' threats by sentence, first and last token: one before the offer in its own
    // sentence is leverage too ("Kindly update me at the earliest as I have another offer").
    let mut demands: std::collections::BTreeMap<usize, Vec<(usize, usize)>> = Default::default();
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
    for m in DEMANDS.iter().flat_map(|id| cx.table(id)) {
        demands
            .entry(sentence_of(m.first))
            .or_default()
            .push((m.first, m.last));
    }
    // Asked, speed is an align request ("Can we speed things up?"); told, it is leverage.
    for (i, token) in doc.tokens.iter().enumerate() {
        let asked = doc
            .sentences
            .get(token.sentence)
            .is_some_and(|s| s.question);
        if SPEED.contains(&token.text.as_str()) && !asked {
            threats.entry(token.sentence).or_default().push(i);
        }
    }
    // "…so I'll just take that one": the sender resolved to take what was offered elsewhere.
    for sentence in &doc.sentences {
        let tokens = &doc.tokens[sentence.first_token..sentence.end_token];
        for i in 0..tokens.len() {
            let Some(verb) = consequence_at(tokens, i, true) else {
                continue;
            };
            let taken = tokens[verb + 1..tokens.len().min(verb + 3)]
                .iter()
                .any(|t| TAKEN.contains(&t.text.as_str()));
            if taken {
                threats
                    .entry(tokens[verb].sentence)
                    .or_default()
                    .push(sentence.first_token + verb);
            }
        }
    }
    // "…so anything under 150k won't work": a floor set by the other offer.
    for (i, token) in doc.tokens.iter().enumerate() {
        if let Some(last) = floor_at(&doc.tokens, i) {
            threats.entry(token.sentence).or_default().push(last);
        }
    }
    let mut spans = conditional_consequences(cx);
    // A withdrawal's offer is taken: what follows it threatens nothing ("I will be joining
    // them in March" is the news; "I accepted a role with a company that actually replies" is
    // a jab, `demanding`).
    let offers = if cx.kind == MessageKind::Withdraw {
        &[][..]
    } else {
        cx.marker(Marker::Offer)
    };
    for offer in offers {
        let at = sentence_of(offer.first);
        // Each threat after the offer, in its sentence or the next.
        for sentence in [at, at.saturating_add(1)] {
            for &last in threats.get(&sentence).into_iter().flatten() {
                if last > offer.first {
                    spans.push((doc.tokens[offer.first].start, doc.tokens[last].end));
                }
            }
        }
        for &(first, last) in demands.get(&at).into_iter().flatten() {
            if last < offer.first {
                spans.push((doc.tokens[first].start, doc.tokens[offer.last].end));
            }
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::MessageKind;
    use crate::rules::testing::{fires, silent, silent_as};

    #[test]
    fn fires_on_ultimatums_said_many_ways() {
        fires(
            "pressure.ultimatum",
            &[
                // Conditions on their commitment; patience with an end; their offer told what to be.
                "If Brightside is serious, this would be the moment to show it.",
                "If you want me, you will need to move.",
                "I cannot keep that door open indefinitely.",
                "My decision will naturally reflect how quickly each party moves.",
                "Your salary will need to reflect that.",
                "If you cannot match it, I am going with them.",
                "Unless you can match it, I'm out.",
                "Match the offer, else I walk.",
                "Candidates like me get snapped up fast.",
                "I will take silence past Thursday as a no.",
                "I have another offer. I need your final answer within 24 hours.",
                "After that, it goes to the other company.",
                // An offer and a call for speed.
                "I'm also expecting an offer from Databricks next week, so it would be great to move quickly.",
                "I hold another job offer. Please speed this up.",
                "A competing offer arrived today, so the sooner you decide the better.",
                "My patience has an expiry date.",
                // A condition on them and the sender's resolve, in either order.
                "not gonna lie if you guys can't match i'm gone.",
                "I will accept them on Friday if I don't receive any update from you.",
                "If your organisation does not give me an offer by Friday, I will have no choice but to accept one of them.",
                "I shall sign with the other firm on Monday if there is no answer by then.",
                // An offer, then the sender resolved to take it.
                "I already have an offer at 28, so anything lower won't work and I'll just take that one.",
                "Got an offer from a fintech yesterday. If the numbers are close I'll go with them.",
                "Another firm made me an offer; I will probably accept it next week.",
                // An offer, then a floor.
                "I have another offer at 145k, so anything under 150k won't work.",
                "A competing offer came in at 90k. Anything lower is not an option for me.",
                "I hold an offer from a bank; anything below that I would decline.",
                "Another agency has that on the table, so I wouldn't consider anything lower.",
            ],
        );
    }

    #[test]
    fn conditions_without_a_threat_stay_quiet() {
        silent(
            "pressure.ultimatum",
            &[
                "If you want me to send references, I can do it today.",
                "I can't wait to hear more; I'll be forever grateful for the chance.",
                "The salary range you shared reflects the market, thank you.",
                "If you need anything else, I will be happy to help.",
                "If it helps, I can take the assessment on Monday.",
                "Could you let me know if there is any news?",
                "If it is not too late, I would love to join the team call.",
                "If I don't hear back, I will follow up next week.",
                "If you do not need anything else, I am out of office on Friday.",
                "If I do not hear back, I will take it that you have proceeded with other candidates.",
                "I will understand if the team has decided to go another way.",
                "If I don't hear back, I'll assume you've gone with another candidate.",
                "I liked how quickly the team ships; thank you for the interview.",
                "I received an offer from another company with a deadline of Friday. A quick update: the other process is in its final round.",
                "I have another offer on the table. I am a fast learner, as you saw.",
                "I've received an offer with a deadline of July 12. Can we speed things up?",
                "I received another offer, and I will need to accept or decline it by Friday.",
                "I have another offer. Anything you can share about the timeline would help.",
                "My expectation is 80k; anything under that is not something I have considered.",
                "I accepted an offer elsewhere. I will take this chance to thank you.",
            ],
        );
        silent_as(
            "pressure.ultimatum",
            MessageKind::Withdraw,
            &[
                "I have accepted another offer, and I will be joining them next month.",
                "I accepted a role with a company that actually respects candidates' time.",
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

    #[test]
    fn an_exit_held_open_for_a_price() {
        fires(
            "pressure.ultimatum",
            &[
                "If you could match their salary, I would stay in the process.",
                "If you raise the offer by 5k I might reconsider.",
                "I'm leaving the process, but if you beat it I will reconsider.",
            ],
        );
        silent(
            "pressure.ultimatum",
            &[
                "If the offer letter arrives on Monday, I will sign it that day.",
                "I will reconsider the relocation question if you think it helps.",
            ],
        );
    }

    #[test]
    fn no_option_left_or_a_better_number() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.ultimatum",
            &[
                "If your side can confirm this week, I will prefer you, otherwise I will have no option.",
                "If your side wants to come back with a better number before Friday, I could reconsider.",
                "Or I would have no choice.",
            ],
        );
        silent(
            "pressure.ultimatum",
            &[
                "A better number of interviews per week would help the team, you said.",
                "Otherwise, I am happy to meet on Monday.",
            ],
        );
    }

    #[test]
    fn after_a_day_the_other_offer() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.ultimatum",
            &[
                "After that I'll be taking one of the other offers on my desk.",
                "After Friday I am taking one of the other offers.",
                "If you can put an offer in front of me this week with similar pay, I'd reconsider.",
                // The demand first, the offer as its reason.
                "Kindly update me about the status at the earliest as I have another offer in hand.",
            ],
        );
        silent(
            "pressure.ultimatum",
            &[
                "After that I will take a few days off before starting.",
                "If the offer letter mentions the pay date, I would be glad to know it.",
            ],
        );
    }

    #[test]
    fn the_senders_kind_as_scarce() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.ultimatum",
            &[
                "Candidates with this profile are hard to find.",
                "Engineers with my Kubernetes background are rare.",
            ],
        );
        silent(
            "pressure.ultimatum",
            &["Candidates with questions about the case study can write to you, the brief says."],
        );
    }

    #[test]
    fn the_other_offer_irresistible_unless() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.ultimatum",
            &[
                "Honestly I cannot refuse it unless your side comes with something comparable soon.",
                "I couldn't turn it down if nothing changes.",
            ],
        );
        silent(
            "pressure.ultimatum",
            &["I cannot refuse a good coffee, as you saw."],
        );
    }

    #[test]
    fn beat_it_or_else() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.ultimatum",
            &[
                "Unless you're able to beat that, please consider this my withdrawal.",
                "Unless you can match the package, I will decline.",
            ],
        );
        silent(
            "pressure.ultimatum",
            &["Unless you need anything else, I will see you on Monday."],
        );
    }

    #[test]
    fn softer_consequences_after_unless() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.ultimatum",
            &[
                "Unless there's movement on your side soon I'll most likely stay where I am.",
                "I may need to commit to one of them unless something happens on your side soon.",
                "If you could come back with something above 60k, I'd be willing to reconsider.",
                "If you want to secure me, now is the time.",
                "Should you wish to secure my services, I would expect a proposal.",
            ],
        );
        silent(
            "pressure.ultimatum",
            &[
                "Unless you need anything else, I will stay available on Friday.",
                "If you want to keep my references on file, that is fine.",
            ],
        );
    }

    #[test]
    fn staying_in_at_a_price() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.ultimatum",
            &["I'd need at least £100k to keep going with your process."],
        );
        silent(
            "pressure.ultimatum",
            &["I need at least two weeks to move, so a March start is best."],
        );
    }

    #[test]
    fn scarcity_as_not_waiting_and_coming_in_strong() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.ultimatum",
            &[
                "Engineers with my automation experience don't wait around.",
                "You'd need to come in strong.",
                "Unless, of course, you'd like to make me a better offer by tomorrow.",
            ],
        );
        silent(
            "pressure.ultimatum",
            &[
                "Please come in through the side door, you said; noted.",
                "My experience with Kafka does not stop at streaming, as we discussed.",
            ],
        );
    }

    #[test]
    fn a_floor_set_by_the_other_figure() {
        fires(
            "pressure.ultimatum",
            &[
                "My rate is $55/hr. Another hospital already offered $58, so that's really the floor.",
            ],
        );
        silent(
            "pressure.ultimatum",
            &["The notice period is one month, which is the minimum in my contract."],
        );
    }

    #[test]
    fn the_sender_as_rare() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.ultimatum",
            &["Worth saying paramedics like me are pretty rare round here."],
        );
        silent(
            "pressure.ultimatum",
            &["Roles like this one are rare, and I enjoyed hearing about it."],
        );
    }

    #[test]
    fn a_choice_weighed_aloud_is_no_threat() {
        silent(
            "pressure.ultimatum",
            &["Could the post be partly remote, or whether I should withdraw?"],
        );
    }

    #[test]
    fn staying_only_at_a_price_or_forget_it() {
        use crate::rules::testing::{fires, silent};
        fires(
            "pressure.ultimatum",
            &[
                "To be honest, if you can't beat their number I don't see much point continuing.",
                "Decide by tomorrow or forget it!!",
            ],
        );
        silent(
            "pressure.ultimatum",
            &["I don't see the point of the second question, but happy to answer it."],
        );
    }
}
