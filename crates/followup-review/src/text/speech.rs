//! Speech acts that are not questions: requests in the imperative, polite ("Kindly share the
//! status", "Please revert", "Do let me know") or bare ("Let me know where things stand").
//!
//! Indirect questions ("I wanted to confirm whether…", "I would appreciate an update") are
//! phrase patterns of the `marker.request` table; this is the part a table cannot say: where
//! in the sentence the verb stands, and a verb of asking with what is asked after it however
//! the sentence frames it ("I ask if…", "I beg leave to enquire, for the last time, whether…").

use super::{Document, Sentence, Token};
use crate::language::Lexicon;

/// Words that may open a sentence before its verb ("So, please share…", "Also kindly…").
const OPENERS: &[&str] = &[
    "so", "and", "also", "but", "just", "now", "then", "ok", "okay",
];

/// Verbs that, after "please" or "kindly", inform rather than ask ("Kindly note that I have
/// received another offer with a reply deadline").
const INFORMING: &[&str] = &[
    "note",
    "find",
    "see",
    "be",
    "accept",
    "excuse",
    "forgive",
    "ignore",
    "disregard",
];

/// Verbs after "let me" or "let us" that inform ("Let me recall that I speak four
/// languages"): "let me know" asks, these tell.
const LET_INFORMING: &[&str] = &[
    "recall",
    "remind",
    "add",
    "say",
    "mention",
    "point",
    "explain",
    "reiterate",
    "repeat",
    "introduce",
    "emphasise",
    "emphasize",
    "stress",
    "highlight",
    "be",
    "tell",
    "assure",
    "thank",
    "start",
    "begin",
    "summarise",
    "summarize",
    "underline",
    "note",
];

/// Words before a noun: a request verb right after one, or after one and an adjective of
/// [`ADJECTIVES`], is a noun ("a reply", "my humble request"), so "Please sir, I am praying
/// for a positive reply" asks nothing.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "my", "your", "our", "his", "her", "their", "any", "some", "this", "that",
];

/// Adjectives of a reply or a request ("a positive reply", "my humble request").
const ADJECTIVES: &[&str] = &[
    "positive",
    "quick",
    "kind",
    "favourable",
    "favorable",
    "humble",
    "early",
    "prompt",
    "swift",
    "good",
    "final",
    "formal",
];

/// Verbs that, said by the sender, ask: what follows them is the question.
const ASKING: &[&str] = &[
    "ask",
    "asking",
    "enquire",
    "enquiring",
    "inquire",
    "inquiring",
    "query",
    "wonder",
    "wondering",
];

/// Words that open what is asked ("…whether a decision has been reached").
const ASKED: &[&str] = &[
    "whether", "if", "when", "what", "how", "where", "which", "who",
];

/// Whether some sentence of `doc` is a request in the imperative.
pub fn has_request(doc: &Document<'_>, lexicon: &Lexicon) -> bool {
    doc.sentences.iter().any(|s| is_request(doc, lexicon, s))
}

/// A sentence that opens with a request verb, or holds a word of politeness and one
/// ("kindly share", "reply please", "kindly treat it as urgent and revert").
pub fn is_request(doc: &Document<'_>, lexicon: &Lexicon, sentence: &Sentence) -> bool {
    let tokens = &doc.tokens[sentence.first_token..sentence.end_token];
    let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
    let first = words.iter().position(|w| !OPENERS.contains(w));
    let plain_verb = |w: &str| w != "do" && lexicon.request_verbs.contains(w);
    // "Do" asks only before the verb it stresses ("Do let me know"), not in "I don't wish to
    // disturb" or "Do not hesitate".
    let verb_at = |i: usize| {
        let w = words[i];
        plain_verb(w) || (w == "do" && words.get(i + 1).is_some_and(|n| plain_verb(n)))
    };
    if let Some(at) = first {
        // "Let me know…", "Share the status…"; not "Thanks", not "Looking forward…", not
        // "Let me recall that…".
        let informs = words[at] == "let"
            && matches!(words.get(at + 1), Some(&"me" | &"us"))
            && words.get(at + 2).is_some_and(|w| LET_INFORMING.contains(w));
        if verb_at(at) && words.len() > at + 1 && !informs {
            return true;
        }
    }
    // "Kindly note that…", "Please find attached…": politeness that informs, asking nothing;
    // "please don't feel any pressure" forbids, asking nothing either.
    let polite = words.iter().enumerate().any(|(i, w)| {
        let informs = words.get(i + 1).is_some_and(|n| INFORMING.contains(n));
        let negated = |j: usize| tokens.get(j).is_some_and(|t| t.negator);
        let forbids = negated(i + 1) || (words.get(i + 1) == Some(&"do") && negated(i + 2));
        lexicon.politeness.contains(*w) && !informs && !forbids
    });
    let determined = |i: usize| i >= 1 && DETERMINERS.contains(&words[i - 1]);
    let verb_used = |i: usize| {
        verb_at(i)
            && !determined(i)
            && !(i >= 2 && ADJECTIVES.contains(&words[i - 1]) && determined(i - 1))
    };
    (polite && (0..words.len()).any(verb_used)) || asks_indirectly(tokens, &words)
}

/// A verb of asking (present or progressive: "I asked him whether" tells a story) followed,
/// later in the sentence, by what is asked: "I ask if a decision is possible", "may I enquire,
/// for the last time, whether…". Not an offer to them ("feel free to ask if…"), not a verb
/// negated ("I did not want to ask whether…").
fn asks_indirectly(tokens: &[Token], words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        let before = &tokens[i.saturating_sub(3)..i];
        // The sender asks ("may I enquire", "allow me to query"), not someone they tell of
        // ("my mum keeps asking if I've heard anything").
        let by_sender = tokens[i.saturating_sub(5)..i]
            .iter()
            .any(|t| matches!(t.text.as_str(), "i" | "we" | "me" | "us"));
        ASKING.contains(w)
            && by_sender
            && !before.iter().any(|t| t.negator || t.text == "free")
            && words[i + 1..].iter().take(10).any(|n| ASKED.contains(n))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::EN;

    fn asks(text: &str) -> bool {
        has_request(&Document::new(text, &EN), &EN.lexicon)
    }

    #[test]
    fn imperatives_polite_or_bare_are_requests() {
        for text in [
            "Kindly share the status of my candidature.",
            "Please revert at your convenience.",
            "Do let me know where things stand.",
            "Let me know the status when you can.",
            "Reply ASAP please.",
            "So, please keep me posted.",
            // A verb of asking, however framed, then what is asked.
            "So I ask if a decision is possible before that date.",
            "I beg leave to enquire, for the last time, whether a decision has been reached.",
            "We are inquiring, on behalf of my client, when the panel will meet.",
            "Allow me to query how the second stage is going.",
            "Please, at your convenience, share an update.",
            "Kindly send a reply on the status.",
        ] {
            assert!(asks(text), "{text}");
        }
    }

    #[test]
    fn statements_and_sign_offs_are_not() {
        for text in [
            "Looking forward to hearing from you.",
            "Thanks for your time.",
            "I enjoyed our conversation about the roadmap.",
            "Please find attached the form.",
            "I will send the references tomorrow.",
            "I asked the team whether they use Rust during the interview.",
            "Ask me anything about the migration project.",
            "Feel free to ask if you need anything else.",
            "Kindly note that I have received another offer with a reply deadline of 20 May.",
            "Please be informed that I can reply to any question on Monday.",
            "Please see the attached form; I will send the rest when you reply.",
            "I did not want to ask whether the role was filled.",
            "Please sir, I am praying for a positive reply.",
            "Please, this is my humble request to the panel.",
            "My mum keeps asking if I've heard anything.",
            "Let me recall that I speak four languages.",
            "Please don't feel any pressure at all.",
            "Please do not feel obliged to reply quickly.",
            "Please pardon me for writing once more, I know you are busy and I don't wish to disturb.",
            "Do not hesitate to contact me.",
        ] {
            assert!(!asks(text), "{text}");
        }
    }
}
