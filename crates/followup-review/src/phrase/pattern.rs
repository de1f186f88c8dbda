//! The phrase table language: one pattern per line, read into [`Pattern`]s.
//!
//! ```text
//! # a comment
//! i am|feel|get ~2 anxi*|nervous          => (delete it; say what you want instead)
//! !start|join as soon as possible
//! # slots: words (`word`), prefixes (`word*`), classes (`@number` a count, `@weekday`,
//! # `@month`, `@ordinal`), alternatives joined by `|`; `slot?` is optional; `~N` allows N other words
//! # between two slots (`~` alone is 3); a leading `!slot` must not come just before the
//! # match, a trailing one not just after; `=> text` is the suggestion for that pattern.
//! ```
//!
//! Between two slots, intensifiers ("really", "so", "very", ...) are always allowed, up to four,
//! so `i am anxious` also matches "I’m really so anxious". A negator ("not", "never") in a gap
//! breaks the match, so `i am ~2 anxious` does not match "I am not anxious".

/// One alternative of a slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Alt {
    /// The normalised word itself.
    Exact(Box<str>),
    /// Any word starting with this.
    Prefix(Box<str>),
    /// A count: digits or a number word ("two", "several").
    Number,
    /// A weekday name.
    Weekday,
    /// A month name.
    Month,
    /// An ordinal ("8th").
    Ordinal,
}

/// A position in a pattern: the words that may stand there and the gap allowed before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    /// What may stand here.
    pub alts: Vec<Alt>,
    /// Other (non-intensifier) words allowed between the previous slot and this one.
    pub gap_before: u8,
}

/// A parsed pattern with its optional slots expanded away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// The slots, in order.
    pub slots: Vec<Slot>,
    /// Words that must not come just before the match.
    pub not_before: Vec<Alt>,
    /// Words that must not come just after the match.
    pub not_after: Vec<Alt>,
    /// The suggestion written after `=>`.
    pub suggestion: Option<Box<str>>,
}

/// Why a table line could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{table} line {line}: {message}")]
pub struct TableError {
    /// The table's name.
    pub table: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// How many variants optional slots may produce from one line.
const MAX_VARIANTS: usize = 32;

/// Reads one table; lines that cannot be read are reported and skipped.
pub fn parse_table(name: &str, text: &str) -> (Vec<Pattern>, Vec<TableError>) {
    let mut patterns = Vec::new();
    let mut errors = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_line(line) {
            Ok(mut variants) => patterns.append(&mut variants),
            Err(message) => errors.push(TableError {
                table: name.to_owned(),
                line: n + 1,
                message,
            }),
        }
    }
    (patterns, errors)
}

/// A slot before optional expansion.
struct RawSlot {
    alts: Vec<Alt>,
    gap_before: u8,
    optional: bool,
}

fn parse_line(line: &str) -> Result<Vec<Pattern>, String> {
    let (body, suggestion) = match line.split_once("=>") {
        Some((body, suggestion)) => (body.trim(), Some(suggestion.trim())),
        None => (line, None),
    };
    let suggestion = suggestion
        .filter(|s| !s.is_empty())
        .map(|s| s.to_owned().into_boxed_str());
    let elements: Vec<&str> = body.split_whitespace().collect();
    let mut slots: Vec<RawSlot> = Vec::new();
    let mut not_before = Vec::new();
    let mut not_after = Vec::new();
    let mut pending_gap: u8 = 0;
    for (index, element) in elements.iter().enumerate() {
        if let Some(rest) = element.strip_prefix('~') {
            let gap = if rest.is_empty() {
                3
            } else {
                rest.parse::<u8>()
                    .ok()
                    .filter(|g| *g <= 8)
                    .ok_or_else(|| format!("gap {element:?} must be ~ or ~0..~8"))?
            };
            if slots.is_empty() {
                return Err("a pattern cannot start with a gap".to_owned());
            }
            pending_gap = gap;
            continue;
        }
        if let Some(rest) = element.strip_prefix('!') {
            let alts = parse_alts(rest)?;
            if index == 0 {
                not_before = alts;
            } else if index == elements.len() - 1 {
                not_after = alts;
            } else {
                return Err("`!` may only open or close a pattern".to_owned());
            }
            continue;
        }
        let (text, optional) = match element.strip_suffix('?') {
            Some(text) => (text, true),
            None => (*element, false),
        };
        slots.push(RawSlot {
            alts: parse_alts(text)?,
            gap_before: pending_gap,
            optional,
        });
        pending_gap = 0;
    }
    if slots.is_empty() {
        return Err("a pattern needs at least one word".to_owned());
    }
    if pending_gap != 0 {
        return Err("a pattern cannot end with a gap".to_owned());
    }
    let optional = slots.iter().filter(|s| s.optional).count();
    if (1usize << optional.min(16)) > MAX_VARIANTS {
        return Err(format!("{optional} optional slots make too many variants"));
    }
    let mut variants = Vec::new();
    for mask in 0..(1usize << optional) {
        let mut kept: Vec<Slot> = Vec::new();
        let mut carried_gap = 0u8;
        let mut optional_index = 0;
        for slot in &slots {
            let keep = if slot.optional {
                let keep = mask & (1 << optional_index) != 0;
                optional_index += 1;
                keep
            } else {
                true
            };
            if keep {
                kept.push(Slot {
                    alts: slot.alts.clone(),
                    gap_before: if kept.is_empty() {
                        0
                    } else {
                        slot.gap_before.saturating_add(carried_gap).min(8)
                    },
                });
                carried_gap = 0;
            } else {
                carried_gap = carried_gap.saturating_add(slot.gap_before);
            }
        }
        if kept.is_empty() {
            continue;
        }
        if !kept.iter().any(|s| anchorable(&s.alts)) {
            return Err("every variant needs a slot made of words, not only classes".to_owned());
        }
        variants.push(Pattern {
            slots: kept,
            not_before: not_before.clone(),
            not_after: not_after.clone(),
            suggestion: suggestion.clone(),
        });
    }
    Ok(variants)
}

fn parse_alts(text: &str) -> Result<Vec<Alt>, String> {
    let mut alts = Vec::new();
    for alt in text.split('|') {
        let parsed = match alt {
            "" => return Err(format!("empty alternative in {text:?}")),
            "@number" => Alt::Number,
            "@weekday" => Alt::Weekday,
            "@month" => Alt::Month,
            "@ordinal" => Alt::Ordinal,
            _ if alt.starts_with('@') => return Err(format!("unknown class {alt:?}")),
            _ => {
                let (word, prefix) = match alt.strip_suffix('*') {
                    Some(word) => (word, true),
                    None => (alt, false),
                };
                if word.is_empty()
                    || !word
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '\'' || c == '-')
                {
                    return Err(format!("{alt:?} is not a word"));
                }
                if word.chars().any(char::is_uppercase) {
                    return Err(format!("{alt:?} must be lowercase"));
                }
                if word.contains('\'') {
                    return Err(format!(
                        "{alt:?}: write contractions expanded (\"i am\", \"can not\")"
                    ));
                }
                if prefix {
                    Alt::Prefix(word.into())
                } else {
                    Alt::Exact(word.into())
                }
            }
        };
        alts.push(parsed);
    }
    Ok(alts)
}

/// Whether a slot can anchor a pattern: all its alternatives are literal words.
pub fn anchorable(alts: &[Alt]) -> bool {
    alts.iter()
        .all(|a| matches!(a, Alt::Exact(_) | Alt::Prefix(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(w: &str) -> Alt {
        Alt::Exact(w.into())
    }

    #[test]
    fn reads_slots_gaps_and_suggestion() {
        let (patterns, errors) = parse_table("t", "# c\n\ni am|feel ~2 anxi* => say it calmly\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(patterns.len(), 1);
        let p = &patterns[0];
        assert_eq!(p.slots.len(), 3);
        assert_eq!(p.slots[1].alts, vec![exact("am"), exact("feel")]);
        assert_eq!(p.slots[2].gap_before, 2);
        assert_eq!(p.slots[2].alts, vec![Alt::Prefix("anxi".into())]);
        assert_eq!(p.suggestion.as_deref(), Some("say it calmly"));
    }

    #[test]
    fn optional_slots_expand() {
        let (patterns, errors) = parse_table("t", "sorry the? bother");
        assert!(errors.is_empty());
        assert_eq!(patterns.len(), 2);
        assert_eq!(patterns[0].slots.len(), 2);
        assert_eq!(patterns[1].slots.len(), 3);
    }

    #[test]
    fn negative_neighbours() {
        let (patterns, _) = parse_table("t", "!start as soon as possible !x");
        assert_eq!(patterns[0].not_before, vec![exact("start")]);
        assert_eq!(patterns[0].not_after, vec![exact("x")]);
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let (_, errors) = parse_table("t", "ok\n~ bad\nI'm\n# comment\n@nope\n");
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3, 5]);
        let (_, errors) = parse_table("t", "@weekday");
        assert_eq!(errors.len(), 1);
    }
}
