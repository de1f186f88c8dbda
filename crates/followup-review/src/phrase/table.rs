//! Reads a phrase table (the language is described in [`super::pattern`]) into patterns, each
//! with its anchor chosen, and builds the index of anchor words.
//!
//! `build.rs` includes this file to compile every table into the binary, so a line that
//! cannot be read fails the build with its file and line; the library uses it only in tests,
//! to match made-up tables.

use std::borrow::Cow;

use super::pattern::{Alt, Pattern, Slot};

/// Why a table line could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// How many variants optional slots may produce from one line.
const MAX_VARIANTS: usize = 32;

/// Reads one table. `is_stop_word` says which words are too common to anchor a pattern.
pub fn parse_table(
    text: &str,
    is_stop_word: &dyn Fn(&str) -> bool,
) -> Result<Vec<Pattern>, TableError> {
    let mut patterns = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let variants = parse_line(line, is_stop_word).map_err(|message| TableError {
            line: n + 1,
            message,
        })?;
        patterns.extend(variants);
    }
    Ok(patterns)
}

/// A slot before optional expansion.
struct RawSlot {
    alts: Vec<Alt>,
    gap_before: u8,
    optional: bool,
}

fn parse_line(line: &str, is_stop_word: &dyn Fn(&str) -> bool) -> Result<Vec<Pattern>, String> {
    let (body, suggestion) = match line.split_once("=>") {
        Some((body, suggestion)) => (body.trim(), Some(suggestion.trim())),
        None => (line, None),
    };
    let suggestion = suggestion
        .filter(|s| !s.is_empty())
        .map(|s| Cow::Owned(s.to_owned()));
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
                    alts: Cow::Owned(slot.alts.clone()),
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
        let Some(anchor) = choose_anchor(&kept, is_stop_word) else {
            return Err("every variant needs a slot made of words, not only classes".to_owned());
        };
        variants.push(Pattern {
            slots: Cow::Owned(kept),
            anchor,
            not_before: Cow::Owned(not_before.clone()),
            not_after: Cow::Owned(not_after.clone()),
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
            "@negative" => Alt::Negative,
            "@clock" => Alt::Clock,
            "@amount" => Alt::Amount,
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
                let word = Cow::Owned(word.to_owned());
                if prefix {
                    Alt::Prefix(word)
                } else {
                    Alt::Word(word)
                }
            }
        };
        alts.push(parsed);
    }
    Ok(alts)
}

/// The slot that anchors a pattern: made of words only (a class cannot be looked up), with
/// the fewest common words, then the fewest alternatives, then the longest shortest word.
/// Which slot anchors decides where verification starts, and so which words a match spans.
fn choose_anchor(slots: &[Slot], is_stop_word: &dyn Fn(&str) -> bool) -> Option<usize> {
    slots
        .iter()
        .enumerate()
        .filter(|(_, slot)| {
            slot.alts
                .iter()
                .all(|a| matches!(a, Alt::Word(_) | Alt::Prefix(_)))
        })
        .min_by_key(|(_, slot)| {
            let common = slot
                .alts
                .iter()
                .filter(|a| match a {
                    Alt::Word(w) => is_stop_word(w),
                    Alt::Prefix(w) => w.len() < 4,
                    _ => false,
                })
                .count();
            let shortest = slot
                .alts
                .iter()
                .map(|a| match a {
                    Alt::Word(w) | Alt::Prefix(w) => w.len(),
                    _ => 0,
                })
                .min()
                .unwrap_or(0);
            (common, slot.alts.len(), std::cmp::Reverse(shortest))
        })
        .map(|(i, _)| i)
}

/// Word (or prefix) → the patterns it anchors, as pattern indices.
pub type AnchorList = Vec<(String, Vec<u32>)>;

/// The index of anchor words: exact words sorted (for binary search), and prefixes in order of
/// first use. A pattern appears once per anchor word however many alternatives name it.
pub fn index(patterns: &[Pattern]) -> (AnchorList, AnchorList) {
    let mut words: AnchorList = Vec::new();
    let mut prefixes: AnchorList = Vec::new();
    for (index, pattern) in patterns.iter().enumerate() {
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        for alt in pattern.slots[pattern.anchor].alts.iter() {
            let (list, key) = match alt {
                Alt::Word(word) => (&mut words, word),
                Alt::Prefix(prefix) => (&mut prefixes, prefix),
                _ => continue,
            };
            let at = match list.iter().position(|(k, _)| k == key) {
                Some(at) => at,
                None => {
                    list.push((key.to_string(), Vec::new()));
                    list.len() - 1
                }
            };
            let targets = &mut list[at].1;
            if targets.last() != Some(&index) {
                targets.push(index);
            }
        }
    }
    words.sort_by(|a, b| a.0.cmp(&b.0));
    (words, prefixes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Alt {
        Alt::Word(Cow::Owned(w.to_owned()))
    }

    fn parse(text: &str) -> Result<Vec<Pattern>, TableError> {
        parse_table(text, &|w| matches!(w, "i" | "am"))
    }

    #[test]
    fn reads_slots_gaps_and_suggestion() {
        let patterns = parse("# c\n\ni am|feel ~2 anxi* => say it calmly\n").unwrap();
        assert_eq!(patterns.len(), 1);
        let p = &patterns[0];
        assert_eq!(p.slots.len(), 3);
        assert_eq!(p.slots[1].alts[..], [word("am"), word("feel")]);
        assert_eq!(p.slots[2].gap_before, 2);
        assert_eq!(p.slots[2].alts[..], [Alt::Prefix("anxi".into())]);
        assert_eq!(p.suggestion.as_deref(), Some("say it calmly"));
    }

    #[test]
    fn optional_slots_expand() {
        let patterns = parse("sorry the? bother").unwrap();
        assert_eq!(patterns.len(), 2);
        assert_eq!(patterns[0].slots.len(), 2);
        assert_eq!(patterns[1].slots.len(), 3);
    }

    #[test]
    fn negative_neighbours() {
        let patterns = parse("!start as soon as possible !x").unwrap();
        assert_eq!(patterns[0].not_before[..], [word("start")]);
        assert_eq!(patterns[0].not_after[..], [word("x")]);
    }

    #[test]
    fn anchors_avoid_common_words() {
        let patterns = parse("i am ~1 anxi*").unwrap();
        assert_eq!(patterns[0].anchor, 2);
    }

    #[test]
    fn a_bad_line_is_reported_with_its_number() {
        for (text, line) in [
            ("ok\n~ bad\n", 2),
            ("ok\n# comment\n\nI'm\n", 4),
            ("@nope", 1),
            ("@weekday", 1),
            ("a ~9 b", 1),
            ("a b ~", 1),
            ("a !b c", 1),
        ] {
            let error = parse(text).unwrap_err();
            assert_eq!(error.line, line, "{text:?}: {error}");
        }
    }
}
