//! Sentences of a folded text, as byte ranges.
//!
//! A sentence ends at `.`, `!` or `?` followed by a space or the end, at a blank line, and
//! before a list item; a single line break inside a paragraph (plain text wrapped at 72
//! columns) does not end one.

/// The byte ranges of the sentences of `text`, each trimmed of surrounding whitespace.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let next = bytes.get(i + 1).copied();
        let ends = match b {
            b'.' | b'!' | b'?' => next.is_none_or(|n| n.is_ascii_whitespace()),
            b'\n' => {
                let rest = &text[i + 1..];
                let trimmed = rest.trim_start_matches([' ', '\t']);
                trimmed.starts_with('\n')
                    || trimmed.starts_with("- ")
                    || trimmed.starts_with("* ")
                    || trimmed.starts_with('\u{2022}')
                    || i.checked_sub(1)
                        .is_some_and(|p| bytes[p] == b':' || bytes[p] == b',')
            }
            _ => false,
        };
        if ends {
            push(text, start, i + 1, &mut spans);
            start = i + 1;
        }
        i += 1;
    }
    push(text, start, text.len(), &mut spans);
    spans
}

fn push(text: &str, start: usize, end: usize, spans: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        spans.push((start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn splits_on_punctuation_and_paragraphs_not_wrapped_lines() {
        assert_eq!(
            split("hi maria,\ncould you send\nyour times? thanks.\n\nnew paragraph"),
            [
                "hi maria,",
                "could you send\nyour times?",
                "thanks.",
                "new paragraph"
            ]
        );
        assert_eq!(
            split("options:\n- tuesday\n- wednesday"),
            ["options:", "- tuesday", "- wednesday"]
        );
        assert_eq!(split("at 10.30 ok"), ["at 10.30 ok"]);
    }
}
