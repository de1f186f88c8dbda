//! Phrase tables compiled once into one Aho-Corasick automaton over normalised tokens.
//!
//! Every pattern is anchored on its rarest literal slot ("anxi*" rather than "i"); only those
//! anchor words go into the automaton, so ordinary text produces few candidate hits. Each hit is
//! then verified slot by slot around the anchor, within the gaps the pattern allows and never
//! across a sentence boundary. Cost: one automaton pass plus a bounded check per hit, so review
//! time is linear in the message length.
//!
//! - [`pattern`]: the table language and its parser.

pub mod pattern;

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::text::Document;
use crate::text::lexicon::{count_value, month, ordinal_day, weekday};
pub use pattern::{Alt, Pattern, Slot, TableError};

/// Intensifiers allowed for free between two slots; a bound keeps every check short.
const FREE_INTENSIFIERS: usize = 4;

/// Index of a table in a [`PhraseSet`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TableId(pub u16);

/// A pattern found in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    /// The table the pattern belongs to.
    pub table: TableId,
    /// The pattern, an index into the set.
    pub pattern: u32,
    /// Index of the first token of the match.
    pub first: usize,
    /// Index of the last token of the match (inclusive).
    pub last: usize,
}

/// All phrase tables, compiled.
#[derive(Debug)]
pub struct PhraseSet {
    names: Vec<&'static str>,
    patterns: Vec<CompiledPattern>,
    automaton: Option<AhoCorasick>,
    /// For each automaton needle, the patterns it anchors.
    targets: Vec<Vec<u32>>,
    /// Lines that could not be read (a test asserts there are none).
    pub errors: Vec<TableError>,
}

#[derive(Debug)]
struct CompiledPattern {
    table: TableId,
    anchor: usize,
    pattern: Pattern,
}

/// Matches of one document, grouped by table.
#[derive(Debug, Default)]
pub struct Matches {
    sorted: Vec<PhraseMatch>,
    /// `starts[t]..starts[t + 1]` is table `t`'s range in `sorted`.
    starts: Vec<usize>,
}

impl Matches {
    /// The matches of one table, in text order, overlapping ones merged.
    pub fn of(&self, table: TableId) -> &[PhraseMatch] {
        let t = usize::from(table.0);
        match (self.starts.get(t), self.starts.get(t + 1)) {
            (Some(&a), Some(&b)) => &self.sorted[a..b],
            _ => &[],
        }
    }
}

impl PhraseSet {
    /// Compiles named tables. Unreadable lines are skipped and listed in `errors`.
    pub fn compile(tables: &[(&'static str, &str)]) -> Self {
        let mut names = Vec::with_capacity(tables.len());
        let mut patterns = Vec::new();
        let mut errors = Vec::new();
        for (index, (name, text)) in tables.iter().enumerate() {
            names.push(*name);
            let (parsed, mut table_errors) = pattern::parse_table(name, text);
            errors.append(&mut table_errors);
            let table = TableId(u16::try_from(index).unwrap_or(u16::MAX));
            for pattern in parsed {
                let Some(anchor) = choose_anchor(&pattern) else {
                    continue;
                };
                patterns.push(CompiledPattern {
                    table,
                    anchor,
                    pattern,
                });
            }
        }

        let mut needle_ids: HashMap<String, usize> = HashMap::new();
        let mut needles: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<u32>> = Vec::new();
        for (index, compiled) in patterns.iter().enumerate() {
            for alt in &compiled.pattern.slots[compiled.anchor].alts {
                let needle = match alt {
                    Alt::Exact(word) => format!(" {word} "),
                    Alt::Prefix(word) => format!(" {word}"),
                    _ => continue,
                };
                let id = *needle_ids.entry(needle.clone()).or_insert_with(|| {
                    needles.push(needle);
                    targets.push(Vec::new());
                    targets.len() - 1
                });
                let index = u32::try_from(index).unwrap_or(u32::MAX);
                if targets[id].last() != Some(&index) {
                    targets[id].push(index);
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&needles)
            .ok();
        PhraseSet {
            names,
            patterns,
            automaton,
            targets,
            errors,
        }
    }

    /// The id of a table by name.
    pub fn table(&self, name: &str) -> Option<TableId> {
        self.names
            .iter()
            .position(|n| *n == name)
            .and_then(|i| u16::try_from(i).ok())
            .map(TableId)
    }

    /// How many patterns (after expanding optional slots) were compiled.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// The suggestion written in the table for a pattern, if any.
    pub fn suggestion(&self, pattern: u32) -> Option<&str> {
        self.patterns
            .get(pattern as usize)
            .and_then(|p| p.pattern.suggestion.as_deref())
    }

    /// Every match in `doc`, grouped by table, overlapping matches of one table merged.
    pub fn find(&self, doc: &Document<'_>) -> Matches {
        let mut found = Vec::new();
        if let Some(automaton) = &self.automaton {
            for hit in automaton.find_overlapping_iter(doc.norm.as_str()) {
                let Some(token) = doc.token_at_norm(hit.start() + 1) else {
                    continue;
                };
                for &index in &self.targets[hit.pattern().as_usize()] {
                    let compiled = &self.patterns[index as usize];
                    if let Some((first, last)) = match_at(doc, compiled, token) {
                        found.push(PhraseMatch {
                            table: compiled.table,
                            pattern: index,
                            first,
                            last,
                        });
                    }
                }
            }
        }
        found.sort_unstable_by_key(|m| (m.table, m.first, std::cmp::Reverse(m.last), m.pattern));
        let mut merged: Vec<PhraseMatch> = Vec::with_capacity(found.len());
        for m in found {
            match merged.last_mut() {
                Some(prev) if prev.table == m.table && m.first <= prev.last => {
                    prev.last = prev.last.max(m.last);
                }
                _ => merged.push(m),
            }
        }
        let mut starts = Vec::with_capacity(self.names.len() + 1);
        let mut at = 0;
        for t in 0..self.names.len() {
            starts.push(at);
            while merged.get(at).is_some_and(|m| usize::from(m.table.0) == t) {
                at += 1;
            }
        }
        starts.push(at);
        Matches {
            sorted: merged,
            starts,
        }
    }
}

/// How common a word is, for choosing anchors: common words would make the automaton fire on
/// every sentence.
fn is_common(word: &str) -> bool {
    matches!(
        word,
        "i" | "me"
            | "my"
            | "you"
            | "your"
            | "we"
            | "us"
            | "our"
            | "a"
            | "an"
            | "the"
            | "to"
            | "of"
            | "in"
            | "on"
            | "for"
            | "and"
            | "or"
            | "is"
            | "am"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "have"
            | "has"
            | "had"
            | "do"
            | "did"
            | "not"
            | "it"
            | "this"
            | "that"
            | "with"
            | "at"
            | "by"
            | "from"
            | "will"
            | "would"
            | "can"
            | "could"
            | "so"
            | "very"
            | "really"
            | "just"
            | "please"
            | "any"
            | "all"
            | "as"
            | "if"
            | "about"
            | "know"
            | "let"
            | "get"
            | "no"
            | "there"
            | "what"
            | "when"
            | "how"
    )
}

/// The slot that anchors a pattern: literal only, its words the least common and longest.
fn choose_anchor(pattern: &Pattern) -> Option<usize> {
    pattern
        .slots
        .iter()
        .enumerate()
        .filter(|(_, slot)| pattern::anchorable(&slot.alts))
        .min_by_key(|(_, slot)| {
            let common = slot
                .alts
                .iter()
                .filter(|a| match a {
                    Alt::Exact(w) => is_common(w),
                    Alt::Prefix(w) => w.len() < 4,
                    _ => false,
                })
                .count();
            let shortest = slot
                .alts
                .iter()
                .map(|a| match a {
                    Alt::Exact(w) | Alt::Prefix(w) => w.len(),
                    _ => 0,
                })
                .min()
                .unwrap_or(0);
            (common, slot.alts.len(), std::cmp::Reverse(shortest))
        })
        .map(|(i, _)| i)
}

fn alt_matches(doc: &Document<'_>, alt: &Alt, token: usize) -> bool {
    let word = doc.word_at(token);
    match alt {
        Alt::Exact(w) => word == &**w,
        Alt::Prefix(w) => word.starts_with(&**w),
        Alt::Number => count_value(word).is_some(),
        Alt::Weekday => {
            let capitalised = doc.tokens.get(token).is_some_and(|t| t.is_capitalised());
            weekday(word, capitalised).is_some()
        }
        Alt::Month => month(word).is_some(),
        Alt::Ordinal => ordinal_day(word).is_some(),
    }
}

fn slot_matches(doc: &Document<'_>, alts: &[Alt], token: usize) -> bool {
    alts.iter().any(|alt| alt_matches(doc, alt, token))
}

/// Verifies `compiled` with its anchor slot at `token`; returns the first and last token.
fn match_at(
    doc: &Document<'_>,
    compiled: &CompiledPattern,
    token: usize,
) -> Option<(usize, usize)> {
    let pattern = &compiled.pattern;
    if !slot_matches(doc, &pattern.slots[compiled.anchor].alts, token) {
        return None;
    }
    let last = forward(doc, pattern, compiled.anchor + 1, token)?;
    let first = backward(doc, pattern, compiled.anchor, token)?;
    if !pattern.not_before.is_empty()
        && let Some(prev) = neighbour(doc, first, Direction::Back)
        && slot_matches(doc, &pattern.not_before, prev)
    {
        return None;
    }
    if !pattern.not_after.is_empty()
        && let Some(next) = neighbour(doc, last, Direction::Forward)
        && slot_matches(doc, &pattern.not_after, next)
    {
        return None;
    }
    Some((first, last))
}

#[derive(Clone, Copy)]
enum Direction {
    Back,
    Forward,
}

/// The next token in `direction` within the same sentence, skipping a few intensifiers.
fn neighbour(doc: &Document<'_>, from: usize, direction: Direction) -> Option<usize> {
    let sentence = doc.tokens.get(from)?.sentence;
    let mut at = from;
    for _ in 0..=FREE_INTENSIFIERS {
        at = match direction {
            Direction::Back => at.checked_sub(1)?,
            Direction::Forward => at + 1,
        };
        let token = doc.tokens.get(at)?;
        if token.sentence != sentence {
            return None;
        }
        if !token.is_intensifier() {
            return Some(at);
        }
    }
    None
}

/// Token positions a slot may take, kept on the stack: at most the largest gap (8) plus the
/// free intensifiers plus one.
struct Candidates {
    at: [usize; 16],
    len: usize,
}

impl Candidates {
    fn push(&mut self, index: usize) {
        if self.len < self.at.len() {
            self.at[self.len] = index;
            self.len += 1;
        }
    }

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.at[..self.len].iter().copied()
    }
}

/// Candidate positions for the next slot after (or before) `from`: each token within the
/// gap budget, intensifiers free, stopping at a negator or a sentence boundary.
fn candidates(doc: &Document<'_>, from: usize, gap: u8, direction: Direction) -> Candidates {
    let mut out = Candidates {
        at: [0; 16],
        len: 0,
    };
    let Some(sentence) = doc.tokens.get(from).map(|t| t.sentence) else {
        return out;
    };
    let mut budget = gap;
    let mut free = FREE_INTENSIFIERS;
    let mut at = from;
    loop {
        at = match direction {
            Direction::Back => match at.checked_sub(1) {
                Some(at) => at,
                None => break,
            },
            Direction::Forward => at + 1,
        };
        let Some(token) = doc.tokens.get(at) else {
            break;
        };
        if token.sentence != sentence {
            break;
        }
        out.push(at);
        if token.is_intensifier() && free > 0 {
            free -= 1;
            continue;
        }
        if budget == 0 || token.is_negator() {
            break;
        }
        budget -= 1;
    }
    out
}

fn forward(doc: &Document<'_>, pattern: &Pattern, slot: usize, prev: usize) -> Option<usize> {
    let Some(next) = pattern.slots.get(slot) else {
        return Some(prev);
    };
    candidates(doc, prev, next.gap_before, Direction::Forward)
        .iter()
        .filter(|&at| slot_matches(doc, &next.alts, at))
        .find_map(|at| forward(doc, pattern, slot + 1, at))
}

fn backward(doc: &Document<'_>, pattern: &Pattern, slot: usize, at: usize) -> Option<usize> {
    if slot == 0 {
        return Some(at);
    }
    let gap = pattern.slots[slot].gap_before;
    let previous = &pattern.slots[slot - 1];
    candidates(doc, at, gap, Direction::Back)
        .iter()
        .filter(|&before| slot_matches(doc, &previous.alts, before))
        .find_map(|before| backward(doc, pattern, slot - 1, before))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(table: &'static str) -> PhraseSet {
        let set = PhraseSet::compile(&[("t", table)]);
        assert!(set.errors.is_empty(), "{:?}", set.errors);
        set
    }

    fn found(set: &PhraseSet, text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let matches = set.find(&doc);
        matches
            .of(TableId(0))
            .iter()
            .map(|m| text[doc.tokens[m.first].start..doc.tokens[m.last].end].to_owned())
            .collect()
    }

    #[test]
    fn intensifiers_and_contractions_do_not_matter() {
        let s = set("i am|feel ~1 anxi*|nervous");
        assert_eq!(
            found(&s, "I’m really so anxious."),
            ["I’m really so anxious"]
        );
        assert_eq!(found(&s, "I am getting nervous"), ["I am getting nervous"]);
        assert_eq!(found(&s, "I AM ANXIOUS"), ["I AM ANXIOUS"]);
    }

    #[test]
    fn negators_gaps_and_sentences_break_matches() {
        let s = set("i am|feel ~1 anxi*");
        assert!(found(&s, "I am not anxious").is_empty());
        assert!(found(&s, "I am building an app for anxious people").is_empty());
        assert!(found(&s, "That is what I am. Anxious people").is_empty());
    }

    #[test]
    fn negative_neighbours_block() {
        let s = set("!start|join as soon as possible");
        assert_eq!(
            found(&s, "Reply as soon as possible"),
            ["as soon as possible"]
        );
        assert!(found(&s, "I can start as soon as possible").is_empty());
    }

    #[test]
    fn classes_match() {
        let s = set("@number days|weeks without");
        assert_eq!(found(&s, "10 days without news"), ["10 days without"]);
        assert_eq!(found(&s, "two weeks without news"), ["two weeks without"]);
    }

    #[test]
    fn overlapping_matches_of_a_table_merge() {
        let s = set("so anxious\nanxious and nervous");
        assert_eq!(
            found(&s, "so anxious and nervous"),
            ["so anxious and nervous"]
        );
    }

    #[test]
    fn anchors_avoid_common_words() {
        let s = set("i am ~1 anxi*");
        let anchor = &s.patterns[0];
        assert_eq!(anchor.anchor, 2);
    }
}
