//! `vague.wrong-name`: with `--process`, a greeting to someone who is not among the process's
//! contacts or interviewers ("Hi Anna," when the recruiter is Ana). Generic greetings ("Hi
//! there", "Dear Hiring Manager") are fine, and honorifics are never taken for the name:
//! common ones (Mr, Ms, Dr, Sra, Herr, Mme, M. ...) and whatever the process records as a
//! contact's `honorific`.

use crate::context::ProcessContext;
use crate::finding::{Category, Finding, Severity};
use crate::language::Lexicon;
use crate::rules::{Check, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: WrongName = WrongName;

/// See the module documentation.
pub struct WrongName;

/// A title before the name: a common honorific, or one the process records for a contact.
fn is_title(lexicon: &Lexicon, word: &str, context: &ProcessContext) -> bool {
    lexicon.honorifics.contains(word) || context.honorifics.iter().any(|h| h == word)
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
        let lexicon = cx.lexicon();
        if !lexicon.greetings.contains(first.text.as_str()) {
            return;
        }
        // The first word after the greeting words and titles, in the greeting's sentence.
        let mut sentence = first.sentence;
        let mut after_title_end = None;
        let mut name = None;
        for token in doc.tokens.iter().skip(1) {
            if token.sentence != sentence {
                // A title the tokenizer does not know as an abbreviation ("Dott.") ends a
                // sentence with its dot; the name still follows it on the same line.
                let same_line = after_title_end.is_some_and(|end| {
                    doc.text
                        .get(end..token.start)
                        .is_some_and(|gap| !gap.contains('\n'))
                });
                if !same_line {
                    break;
                }
                sentence = token.sentence;
            }
            let word = token.text.as_str();
            if is_title(lexicon, word, context) {
                after_title_end = Some(token.end);
                continue;
            }
            after_title_end = None;
            if !lexicon.greetings.contains(word) {
                name = Some(token);
                break;
            }
        }
        let Some(name) = name else {
            return;
        };
        let word = name.text.as_str();
        if !name.capitalised
            || lexicon.generic_addressees.contains(word)
            || context.names.iter().any(|n| n == word)
        {
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
    use followup_core::{Contact, MessageKind, Policy};
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

    fn found_with(contacts: &[(&str, Option<&str>)], text: &str) -> Vec<String> {
        let mut process = example(vec![]);
        process.contacts = contacts
            .iter()
            .map(|(name, honorific)| Contact {
                name: (*name).to_owned(),
                honorific: honorific.map(str::to_owned),
                email: None,
                title: None,
            })
            .collect();
        let now: Timestamp = "2026-05-13T09:00:00Z".parse().unwrap();
        let cx = ProcessContext::new(&process, &Policy::default(), now, MessageKind::FollowUp);
        findings_of("vague.wrong-name", MessageKind::FollowUp, Some(&cx), text)
            .into_iter()
            .map(|f| f.excerpt)
            .collect()
    }

    #[test]
    fn honorifics_are_never_names() {
        let ines = [("Inés Ålvarez-Núñez", Some("Sra."))];
        assert!(found_with(&ines, "Dear Sra. Ålvarez-Núñez,\n\nAny news?").is_empty());
        assert!(found_with(&ines, "Dear Sra Ålvarez-Núñez, any news?").is_empty());
        assert_eq!(
            found_with(&ines, "Dear Sra. Souza,\n\nAny news?"),
            ["Souza"],
            "the name after the honorific is still checked"
        );
        // Bruno Lima is the example process's interviewer.
        let bruno = [("Bruno Lima", None)];
        for title in [
            "Mr.", "Mrs", "Miss", "Dr.", "Prof.", "Sr.", "Srta.", "Herr", "Frau", "Mme.", "M.",
        ] {
            let right = format!("Dear {title} Lima,\n\nAny news?");
            assert!(found_with(&bruno, &right).is_empty(), "{right}");
            let wrong = format!("Hello {title} Pereira,\n\nAny news?");
            assert_eq!(found_with(&bruno, &wrong), ["Pereira"], "{wrong}");
        }
        // An honorific the tokenizer does not know ends a sentence with its dot, yet it is
        // still a title when the process records it, and the name after it still counts.
        let dott = [("Giulia Rossi", Some("Dott.ssa"))];
        assert!(found_with(&dott, "Dear Dott.ssa Rossi, any news?").is_empty());
        let ing = [("Marco Bianchi", Some("Ing."))];
        assert!(found_with(&ing, "Dear Ing. Bianchi,\n\nAny news?").is_empty());
        assert_eq!(found_with(&ing, "Dear Ing. Verdi,\n\nAny news?"), ["Verdi"]);
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
