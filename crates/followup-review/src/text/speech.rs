//! Speech acts that are not questions: requests in the imperative, polite ("Kindly share the
//! status", "Please revert", "Do let me know") or bare ("Let me know where things stand").
//!
//! Indirect questions ("I wanted to confirm whether…", "I would appreciate an update") are
//! phrase patterns of the `marker.request` table; this is the part a table cannot say: where
//! in the sentence the verb stands.

use super::{Document, Sentence};
use crate::language::Lexicon;

/// Words that may open a sentence before its verb ("So, please share…", "Also kindly…").
const OPENERS: &[&str] = &[
    "so", "and", "also", "but", "just", "now", "then", "ok", "okay",
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
    let verb = |w: &&str| lexicon.request_verbs.contains(*w);
    if let Some(at) = first {
        // "Let me know…", "Share the status…"; not "Thanks", not "Looking forward…".
        if words.get(at).is_some_and(verb) && words.len() > at + 1 {
            return true;
        }
    }
    words.iter().any(|w| lexicon.politeness.contains(*w)) && words.iter().any(verb)
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
        ] {
            assert!(!asks(text), "{text}");
        }
    }
}
