//! A message cut into its greeting, its body sentences and its close (sign-off and
//! signature), as `check --fix` rebuilds it and as rules that judge only the body read it.

use crate::language::Language;
use crate::text::Document;

/// A stretch of the message: its byte span.
pub(crate) type Span = (usize, usize);

/// Words a close opens with ("Best regards,", "Thanks,").
pub(crate) const SIGN_OFFS: &[&str] = &[
    "best",
    "regards",
    "kind",
    "warm",
    "thanks",
    "thank",
    "cheers",
    "sincerely",
    "respectfully",
    "cordially",
    "yours",
    "all",
    "many",
    "take",
    "with",
    "bye",
    "ciao",
    "love",
    "talk",
    "speak",
    "see",
    "greetings",
    "salutations",
    "respect",
];

/// The message cut into greeting, body sentences and close.
pub(crate) struct Parts {
    pub greeting: Option<Span>,
    /// The greeting opened the first sentence ("Hi Jess, day 12…"): the text between them.
    pub inline: Option<Span>,
    pub body: Vec<Span>,
    pub close: Vec<Span>,
    /// The close opens with the user's own sign-off line.
    pub signed: bool,
}

impl Parts {
    pub fn of(text: &str, language: &'static Language) -> Parts {
        Parts::of_doc(&Document::new(text, language), language)
    }

    /// The parts of a message already analysed.
    pub fn of_doc(doc: &Document<'_>, language: &'static Language) -> Parts {
        let text = doc.text;
        let mut spans: Vec<Span> = doc.sentences.iter().map(|s| (s.start, s.end)).collect();
        let mut greeting = None;
        let mut inline = None;
        if let Some(&(start, end)) = spans.first() {
            let first = &text[start..end];
            let opens = first
                .split(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|w| {
                    language
                        .lexicon
                        .greetings
                        .contains(w.to_lowercase().as_str())
                });
            // "Laura," alone on its line: a greeting that is only the name.
            let name_only = alone(text, (start, end)) && first.trim_end().ends_with(',') && {
                let words: Vec<&str> = first.trim_end_matches(',').split_whitespace().collect();
                (1..=NAME_GREETING_WORDS).contains(&words.len())
                    && words.iter().all(|w| w.starts_with(char::is_uppercase))
            };
            if name_only && spans.len() > 1 {
                greeting = Some((start, end));
                spans.remove(0);
            } else if opens {
                // "Hi Jess, day 12 and counting…": the greeting ends at its comma.
                match first.find(',') {
                    Some(comma) if start + comma + 1 < end => {
                        greeting = Some((start, start + comma + 1));
                        let rest = start + comma + 1;
                        let rest =
                            rest + text[rest..end].len() - text[rest..end].trim_start().len();
                        inline = Some((start + comma + 1, rest));
                        spans[0] = (rest, end);
                    }
                    _ => {
                        greeting = Some((start, end));
                        spans.remove(0);
                    }
                }
            }
        }
        // A sign-off line of the user's ("Thanks so much in advance,", "Cheers,") is the
        // close, whatever its words: with the short lines after it (their name); what else
        // follows it is body, reviewed like the rest, and the close stays last.
        if let Some(at) = sign_off_line(text, &spans) {
            let mut close = vec![spans[at]];
            let mut body = spans[..at].to_vec();
            for &span in &spans[at + 1..] {
                if signature_line(text, span) {
                    close.push(span);
                } else {
                    body.push(span);
                }
            }
            return Parts {
                greeting,
                inline,
                body,
                close,
                signed: true,
            };
        }
        // The close: the last short lines that stand alone and ask nothing ("Let me know."
        // and "Please advise." ask, and are body).
        let lexicon = &language.lexicon;
        let asks = |piece: &str| {
            let first = piece
                .split_whitespace()
                .next()
                .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
                .unwrap_or_default();
            !piece.ends_with(',')
                && (lexicon.request_verbs.contains(first.as_str())
                    || lexicon.politeness.contains(first.as_str()))
        };
        let mut close = Vec::new();
        while let Some(&(start, end)) = spans.last() {
            let piece = &text[start..end];
            if !alone(text, (start, end))
                || piece.split_whitespace().count() > 4
                || piece.contains('?')
                || asks(piece)
                || spans.len() == 1
            {
                break;
            }
            close.insert(0, (start, end));
            spans.pop();
        }
        Parts {
            greeting,
            inline,
            body: spans,
            close,
            signed: false,
        }
    }
}

/// Most words a sign-off line has ("Thanks so much in advance," has five).
const SIGN_OFF_WORDS: usize = 6;

/// Most words of a sign-off line that says "regards", "thanks" or "wishes".
const LONG_SIGN_OFF_WORDS: usize = 9;

/// Most words of a greeting that is only a name ("Laura,", "Mr Okafor,").
const NAME_GREETING_WORDS: usize = 3;

/// Whether the span is on a line of its own.
fn alone(text: &str, (start, end): Span) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    let after = text[end..].trim_start_matches([' ', '\t']);
    (before.is_empty() || before.ends_with('\n'))
        && (after.is_empty() || after.starts_with(['\n', '\r']))
}

/// The last body line that is a sign-off: short, alone on its line, ending in a comma and
/// asking nothing, after a finished sentence or a blank line (not a wrapped sentence's first
/// line), and not followed by a line that carries on in lower case.
fn sign_off_line(text: &str, spans: &[Span]) -> Option<usize> {
    (1..spans.len()).rev().find(|&i| {
        let (start, end) = spans[i];
        let piece = &text[start..end];
        let before = text[..start].trim_end();
        let next = spans.get(i + 1).map(|&(s, _)| &text[s..]);
        let words = piece.split_whitespace().count();
        // "With my very best regards and thanks in advance," is longer, and as plainly one.
        let signs_off = |w: &str| {
            let w = w.trim_end_matches(',').to_lowercase();
            matches!(w.as_str(), "regards" | "thanks" | "wishes")
        };
        piece.ends_with(',')
            && !piece.contains('?')
            && (words <= SIGN_OFF_WORDS
                || (words <= LONG_SIGN_OFF_WORDS && piece.split_whitespace().any(signs_off)))
            && alone(text, spans[i])
            && (before.ends_with(['.', '?', '!', '…', ')', '"'])
                || text[spans[i - 1].1..start].matches('\n').count() >= 2)
            && !next.is_some_and(|n| n.starts_with(char::is_lowercase))
    })
}

/// A line after the sign-off that signs (a name, a title, a phone number), not a sentence.
fn signature_line(text: &str, span: Span) -> bool {
    let piece = &text[span.0..span.1];
    alone(text, span)
        && piece.split_whitespace().count() <= 4
        && !piece.ends_with(['.', '?', '!', ',', ':', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::EN;

    fn cut(text: &str) -> (Option<String>, Vec<String>, Vec<String>) {
        let parts = Parts::of(text, &EN);
        let piece = |(s, e): Span| text[s..e].to_string();
        (
            parts.greeting.map(piece),
            parts.body.into_iter().map(piece).collect(),
            parts.close.into_iter().map(piece).collect(),
        )
    }

    #[test]
    fn a_greeting_that_is_only_the_name() {
        let (greeting, body, _) = cut("Laura,\n\nAny news on the Analyst role?\n\nSam");
        assert_eq!(greeting.as_deref(), Some("Laura,"));
        assert_eq!(body, ["Any news on the Analyst role?"]);
        // A sentence that opens with a name is no greeting.
        let (greeting, _, _) = cut("Laura, Tom and I enjoyed the talk.\n\nSam");
        assert_eq!(greeting, None);
    }

    #[test]
    fn a_closing_request_is_body() {
        let (_, body, close) = cut("Hi Kevin,\n\nI have another offer.\n\nLet me know.\nRavi");
        assert_eq!(body, ["I have another offer.", "Let me know."]);
        assert_eq!(close, ["Ravi"]);
    }

    #[test]
    fn a_long_sign_off_that_says_regards() {
        let (_, body, close) = cut(
            "Dear Ms. Lambert,\n\nIs a decision possible before 3 June?\n\nWith my very best \
             regards and thanks in advance,\nClaire Dubois",
        );
        assert_eq!(body, ["Is a decision possible before 3 June?"]);
        assert_eq!(
            close,
            [
                "With my very best regards and thanks in advance,",
                "Claire Dubois"
            ]
        );
    }
}
