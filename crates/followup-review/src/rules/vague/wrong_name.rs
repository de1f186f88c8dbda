//! `vague.wrong-name`: with `--process`, a greeting to someone who is not among the process's
//! contacts or interviewers ("Hi Anna," when the recruiter is Ana). Generic greetings ("Hi
//! there", "Dear Hiring Manager") are fine.

use crate::finding::{Category, Finding, Severity};
use crate::rules::{Check, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: WrongName = WrongName;

/// See the module documentation.
pub struct WrongName;

fn is_greeting(word: &str) -> bool {
    matches!(
        word,
        "hi" | "hello"
            | "dear"
            | "hey"
            | "greetings"
            | "morning"
            | "afternoon"
            | "evening"
            | "good"
    )
}

fn is_title(word: &str) -> bool {
    matches!(
        word,
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "mx"
            | "dr"
            | "prof"
            | "professor"
            | "morning"
            | "afternoon"
            | "evening"
    )
}

fn is_generic(word: &str) -> bool {
    matches!(
        word,
        "team"
            | "there"
            | "all"
            | "everyone"
            | "everybody"
            | "hiring"
            | "recruiter"
            | "recruiting"
            | "recruitment"
            | "talent"
            | "sir"
            | "madam"
            | "folks"
            | "again"
            | "friends"
            | "colleagues"
            | "people"
            | "hr"
            | "human"
            | "whom"
            | "to"
    )
}

impl Rule for WrongName {
    fn id(&self) -> &'static str {
        "vague.wrong-name"
    }

    fn category(&self) -> Category {
        Category::Vague
    }

    fn description(&self) -> &'static str {
        "A greeting to someone who is not a contact of the process."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        let Some(context) = cx.context else {
            return;
        };
        if context.names.is_empty() {
            return;
        }
        let doc = cx.doc;
        let Some(first) = doc.tokens.first() else {
            return;
        };
        if !is_greeting(doc.word(first)) {
            return;
        }
        let sentence = first.sentence;
        let name = doc
            .tokens
            .iter()
            .take_while(|t| t.sentence == sentence)
            .skip(1)
            .find(|t| !is_title(doc.word(t)) && !is_greeting(doc.word(t)));
        let Some(name) = name else {
            return;
        };
        let word = doc.word(name);
        if !name.is_capitalised() || is_generic(word) || context.names.iter().any(|n| n == word) {
            return;
        }
        let first_name = context
            .names
            .first()
            .map(|n| capitalise(n))
            .unwrap_or_default();
        out.push(Finding::at(
            self.id(),
            Category::Vague,
            Severity::Warning,
            (name.start, name.end),
            format!(
                "\"{}\" is not among this process's contacts, so the message may reach the \
                 wrong person or look careless.",
                doc.original(name)
            ),
            first_name,
        ));
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::context::ProcessContext;
    use crate::context::tests::example;
    use crate::rules::testing::findings_of;
    use followup_core::{MessageKind, Policy};
    use jiff::Timestamp;

    fn found(text: &str) -> Vec<String> {
        let process = example(vec![]);
        let now: Timestamp = "2026-05-13T09:00:00Z".parse().unwrap();
        let cx = ProcessContext::new(&process, &Policy::default(), now, MessageKind::FollowUp);
        findings_of("vague.wrong-name", MessageKind::FollowUp, Some(&cx), text)
            .into_iter()
            .map(|f| format!("{} -> {}", f.excerpt, f.suggestion))
            .collect()
    }

    #[test]
    fn fires_on_examples() {
        assert_eq!(found("Hi Anna,\n\nAny news?"), ["Anna -> Ana"]);
        assert_eq!(found("Dear Ms. Carla Dias,\n\nAny news?"), ["Carla -> Ana"]);
    }

    #[test]
    fn dont_flag_examples() {
        for text in [
            "Hi Ana,\n\nAny news?",
            "Dear Ms. Souza,\n\nAny news?",
            "Hello Bruno, any news?",
            "Hi there, any news?",
            "Dear Hiring Manager,\n\nAny news?",
            "Good morning Ana, any news?",
            "Any news?",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }
}
