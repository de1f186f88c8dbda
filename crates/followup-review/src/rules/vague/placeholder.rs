//! `vague.placeholder`: a gap left in the message, `[your answer]` or `[two or three times]`,
//! as a draft skeleton marks what the sender must write. Sent as is, it tells the reader the
//! message was never finished: an error at the gap.

use crate::finding::{Category, Finding, Severity};
use crate::rules::{Check, Rule};

/// The rule, registered in [`crate::rules::registry`].
pub static RULE: Placeholder = Placeholder;

/// See the module documentation.
pub struct Placeholder;

/// The longest gap read as one: a longer bracketed span is prose, not a marker.
const MAX_GAP_CHARS: usize = 80;

impl Rule for Placeholder {
    fn id(&self) -> &'static str {
        "vague.placeholder"
    }

    fn category(&self) -> Category {
        Category::Vague
    }

    fn description(&self) -> &'static str {
        "A gap left in the message, such as [your answer]."
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        for (start, end) in gaps(cx.doc.text) {
            out.push(Finding::at(
                self.id(),
                Category::Vague,
                Severity::Error,
                (start, end),
                "A gap is still in the message: it reads as unfinished.",
                "Replace the placeholder with your own words, then check again.",
            ));
        }
    }
}

/// The byte spans of `[...]` gaps, and of `{...}` / `{{...}}` mail-merge fields left unfilled:
/// a bracket pair on one line, at most [`MAX_GAP_CHARS`] inside, with a letter inside (so `[1]`
/// and `[ ]` are not gaps).
fn gaps(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    // Where the open gap starts, and the bracket that closes it.
    let mut open: Option<(usize, char)> = None;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        match c {
            '[' => open = Some((i, ']')),
            // The second brace of `{{` belongs to the gap the first one opened.
            '{' if open.is_some_and(|(start, _)| start + 1 == i && bytes[start] == b'{') => {}
            '{' => open = Some((i, '}')),
            '\n' => open = None,
            ']' | '}' => {
                if let Some((start, _)) = open.take().filter(|&(_, close)| close == c) {
                    let inside = text[start + 1..i].trim_start_matches('{');
                    let end = if c == '}' && bytes.get(i + 1) == Some(&b'}') {
                        i + 2
                    } else {
                        i + 1
                    };
                    if inside.chars().count() <= MAX_GAP_CHARS
                        && inside.chars().any(char::is_alphabetic)
                    {
                        found.push((start, end));
                    }
                }
            }
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires_as, silent_as};
    use followup_core::MessageKind;

    #[test]
    fn fires_on_examples() {
        for kind in [MessageKind::Reply, MessageKind::FollowUp] {
            fires_as(
                "vague.placeholder",
                kind,
                &[
                    "Hi Ana,\n\nThank you for your message about the Backend Engineer role.\n\n[your answer]\n\nBest regards,",
                    "I could talk on [two or three times that suit you] about the role.",
                    "Thanks for the interview. [Add your answer here]",
                    "Dear {{recruiter_name}},\n\nThank you for the interview for the analyst role.",
                    "Hi {first_name}, thanks for the call about the role.",
                ],
            );
        }
    }

    #[test]
    fn dont_flag_examples() {
        silent_as(
            "vague.placeholder",
            MessageKind::Reply,
            &[
                "Thank you for your message about the Backend Engineer role. Tuesday at 10:00 works for me.",
                "As noted in [1], the interview covered event sourcing.",
                "A checkbox [ ] and a lone bracket ] and [ an unclosed one about the role.",
                "The list [a\nb] spans lines in the message about the role.",
            ],
        );
    }

    #[test]
    fn the_gap_is_the_span() {
        let text = "About the role: [your answer] thanks.";
        let found =
            crate::rules::testing::findings_of("vague.placeholder", MessageKind::Reply, None, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "[your answer]");
    }

    #[test]
    fn a_mail_merge_field_is_a_gap_braces_and_all() {
        let text = "Dear {{recruiter_name}}, about the role.";
        assert_eq!(super::gaps(text), vec![(5, 23)]);
        assert_eq!(super::gaps("Hi {name}}"), vec![(3, 10)]);
        assert!(super::gaps("A score of {1} is fine.").is_empty());
    }
}
