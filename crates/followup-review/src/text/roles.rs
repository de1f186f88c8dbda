//! Who a stretch of a sentence speaks about: the sender ("I", "me", "my"), them (the
//! recruiter or the company: "you", "your team", "nobody"), or the process ("the silence",
//! "the wait", "no reply"). Rules read a negative word through the role of the words before
//! it: aimed at them or at the wait it is a reproach; at the sender's own state, an emotion.

use super::Document;

/// What a sentence, up to a token, speaks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The person writing.
    Sender,
    /// The recruiter, the company, or nobody there.
    Them,
    /// The hiring process, the silence, the wait.
    Process,
}

const SENDER: &[&str] = &["i", "me", "my", "myself", "mine"];
const THEM: &[&str] = &[
    "you",
    "your",
    "yours",
    "yourself",
    "nobody",
    "they",
    "their",
    "team",
    "company",
    "recruiter",
    "recruiters",
    "hr",
    "management",
];
const PROCESS: &[&str] = &[
    "process",
    "silence",
    "wait",
    "waiting",
    "delay",
    "delays",
    "communication",
    "treatment",
    "experience",
    "situation",
    "uncertainty",
    "reply",
    "response",
    "decision",
];

/// The role of one word, if it names one.
pub fn role_of(word: &str) -> Option<Role> {
    if SENDER.contains(&word) {
        Some(Role::Sender)
    } else if THEM.contains(&word) {
        Some(Role::Them)
    } else if PROCESS.contains(&word) {
        Some(Role::Process)
    } else {
        None
    }
}

/// Words that may stand between a role and what is said of it: "I am so", "I feel a bit",
/// "the wait has been", "I would".
const LINKING: &[&str] = &[
    "am",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "feel",
    "feels",
    "feeling",
    "felt",
    "get",
    "gets",
    "getting",
    "got",
    "become",
    "becoming",
    "grow",
    "growing",
    "seem",
    "seems",
    "seemed",
    "has",
    "have",
    "had",
    "would",
    "will",
    "do",
    "did",
    "a",
    "bit",
    "little",
    "kind",
    "sort",
    "of",
    "in",
    "such",
    "starting",
    "beginning",
    "to",
    "the",
    "now",
    "still",
    "just",
    "also",
    "quite",
    "pretty",
    "totally",
    "completely",
    "absolutely",
    "utterly",
    "deeply",
];

/// The role a word at `at` is said of: the role word before it with only linking words (and
/// intensifiers) between, within the sentence; none past a negator or another word.
pub fn said_of(doc: &Document<'_>, at: usize) -> Option<(Role, usize)> {
    let sentence = doc.tokens.get(at)?.sentence;
    for i in (at.saturating_sub(8)..at).rev() {
        let token = &doc.tokens[i];
        if token.sentence != sentence || token.negator {
            return None;
        }
        if let Some(role) = role_of(&token.text) {
            return Some((role, i));
        }
        if !token.intensifier && !LINKING.contains(&token.text.as_str()) {
            return None;
        }
    }
    None
}
