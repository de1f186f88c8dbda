//! Phrase tables compiled once into an index of anchor words over normalised tokens.
//!
//! Every pattern is anchored on its rarest literal slot ("anxious" rather than "i"). The
//! words of every table get ids in the set's [`Vocabulary`]; the tokenizer looks each token's
//! word up once while analysing the message, so finding candidate hits is one pass over the
//! tokens with an array index per token. Prefix anchors such as `engineer*` are resolved for
//! known words when the set is compiled; only unknown words ("engineering") try them, behind a
//! first-byte filter. Each hit is then verified slot by slot around the anchor, within the
//! gaps the pattern allows and never across a sentence boundary, comparing word ids rather
//! than strings. Cost: one pass plus a bounded check per hit, so review time is linear in the
//! message length.
//!
//! An earlier design ran an Aho-Corasick automaton over the normalised text. The anchors are
//! whole words (or word prefixes), so matching them word by word finds exactly the same hits
//! without a second scan of the text, and it leaves the per-byte work to the tokenizer alone.
//!
//! - [`pattern`]: the table language and its parser.

pub mod pattern;

use crate::text::lexicon::{count_value, month, ordinal_day, weekday};
use crate::text::vocabulary::{Vocabulary, WordId};
use crate::text::{Buffers, Document, Token};
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
    /// The lexicon plus every word of every table.
    vocabulary: Vocabulary,
    /// For each word id, `anchored[anchor_starts[id]..anchor_starts[id + 1]]` are the patterns
    /// it anchors.
    anchor_starts: Vec<u32>,
    anchored: Vec<u32>,
    /// Prefix anchors (`engineer*`) with the patterns they anchor, sorted by first byte.
    /// Known words have their prefix anchors in `anchored` already; only unknown words are
    /// tried against these.
    prefixes: Vec<(Box<str>, Vec<u32>)>,
    /// For each first byte, the range of `prefixes` starting with it: most words skip the
    /// prefixes at once.
    prefix_ranges: Box<[(u16, u16); 256]>,
    /// Lines that could not be read (a test asserts there are none).
    pub errors: Vec<TableError>,
}

/// One alternative of a slot, resolved against the vocabulary.
#[derive(Debug)]
enum Test {
    Prefix(Box<str>),
    Number,
    Weekday,
    Month,
    Ordinal,
}

/// A slot ready to test tokens: its exact words as ids (an integer comparison each), and the
/// rarer tests that need the token's text.
#[derive(Debug, Default)]
struct CompiledSlot {
    words: Box<[WordId]>,
    /// Bit `id % 64` set for each of `words`: most tokens fail here, before the list is read.
    filter: u64,
    others: Box<[Test]>,
    gap_before: u8,
}

#[derive(Debug)]
struct CompiledPattern {
    table: TableId,
    anchor: usize,
    slots: Vec<CompiledSlot>,
    not_before: CompiledSlot,
    not_after: CompiledSlot,
    suggestion: Option<Box<str>>,
}

/// Matches of one document, grouped by table. Reusable: [`PhraseSet::find_into`] clears it.
#[derive(Debug, Default)]
pub struct Matches {
    sorted: Vec<PhraseMatch>,
    /// `starts[t]..starts[t + 1]` is table `t`'s range in `sorted`.
    starts: Vec<usize>,
}

impl Matches {
    /// How many matches, over all tables.
    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    /// Whether nothing matched.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// The matches of one table, in text order, overlapping ones merged.
    pub fn of(&self, table: TableId) -> &[PhraseMatch] {
        let t = usize::from(table.0);
        match (self.starts.get(t), self.starts.get(t + 1)) {
            (Some(&a), Some(&b)) => &self.sorted[a..b],
            _ => &[],
        }
    }
}

/// Every literal word of a list of alternatives.
fn literal_words(alts: &[Alt]) -> impl Iterator<Item = &str> {
    alts.iter().filter_map(|alt| match alt {
        Alt::Exact(word) => Some(&**word),
        _ => None,
    })
}

impl PhraseSet {
    /// Compiles named tables. Unreadable lines are skipped and listed in `errors`.
    pub fn compile(tables: &[(&'static str, &str)]) -> Self {
        let mut names = Vec::with_capacity(tables.len());
        let mut parsed_patterns = Vec::new();
        let mut errors = Vec::new();
        for (index, (name, text)) in tables.iter().enumerate() {
            names.push(*name);
            let (parsed, mut table_errors) = pattern::parse_table(name, text);
            errors.append(&mut table_errors);
            let table = TableId(u16::try_from(index).unwrap_or(u16::MAX));
            for pattern in parsed {
                if let Some(anchor) = choose_anchor(&pattern) {
                    parsed_patterns.push((table, anchor, pattern));
                }
            }
        }

        let vocabulary = Vocabulary::new(parsed_patterns.iter().flat_map(|(_, _, p)| {
            p.slots
                .iter()
                .flat_map(|s| literal_words(&s.alts))
                .chain(literal_words(&p.not_before))
                .chain(literal_words(&p.not_after))
        }));
        let compile_slot = |alts: &[Alt], gap_before: u8| {
            let mut words = Vec::new();
            let mut others = Vec::new();
            for alt in alts {
                match alt {
                    Alt::Exact(word) => words.extend(vocabulary.id(word)),
                    Alt::Prefix(word) => others.push(Test::Prefix(word.clone())),
                    Alt::Number => others.push(Test::Number),
                    Alt::Weekday => others.push(Test::Weekday),
                    Alt::Month => others.push(Test::Month),
                    Alt::Ordinal => others.push(Test::Ordinal),
                }
            }
            CompiledSlot {
                filter: words.iter().fold(0, |bits, &id| bits | 1 << (id % 64)),
                words: words.into(),
                others: others.into(),
                gap_before,
            }
        };

        let mut by_word: Vec<Vec<u32>> = vec![Vec::new(); vocabulary.len() + 1];
        let mut prefixes: Vec<(Box<str>, Vec<u32>)> = Vec::new();
        let mut patterns = Vec::with_capacity(parsed_patterns.len());
        for (index, (table, anchor, pattern)) in parsed_patterns.into_iter().enumerate() {
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            for alt in &pattern.slots[anchor].alts {
                let targets = match alt {
                    Alt::Exact(word) => match vocabulary.id(word) {
                        Some(id) => &mut by_word[id as usize],
                        None => continue,
                    },
                    Alt::Prefix(prefix) => {
                        let at = match prefixes.iter().position(|(p, _)| p == prefix) {
                            Some(at) => at,
                            None => {
                                prefixes.push((prefix.clone(), Vec::new()));
                                prefixes.len() - 1
                            }
                        };
                        &mut prefixes[at].1
                    }
                    _ => continue,
                };
                if targets.last() != Some(&index) {
                    targets.push(index);
                }
            }
            patterns.push(CompiledPattern {
                table,
                anchor,
                slots: pattern
                    .slots
                    .iter()
                    .map(|s| compile_slot(&s.alts, s.gap_before))
                    .collect(),
                not_before: compile_slot(&pattern.not_before, 0),
                not_after: compile_slot(&pattern.not_after, 0),
                suggestion: pattern.suggestion,
            });
        }
        // A known word that starts with a prefix anchor anchors its patterns directly, so at
        // review time only unknown words need the prefix test.
        for (id, targets) in by_word.iter_mut().enumerate().skip(1) {
            let word = vocabulary.word(WordId::try_from(id).unwrap_or(0));
            for (prefix, prefixed) in &prefixes {
                if word.starts_with(&**prefix) {
                    for &pattern in prefixed {
                        if !targets.contains(&pattern) {
                            targets.push(pattern);
                        }
                    }
                }
            }
        }
        let mut anchor_starts = Vec::with_capacity(by_word.len() + 1);
        let mut anchored = Vec::new();
        for targets in &by_word {
            anchor_starts.push(u32::try_from(anchored.len()).unwrap_or(u32::MAX));
            anchored.extend_from_slice(targets);
        }
        anchor_starts.push(u32::try_from(anchored.len()).unwrap_or(u32::MAX));
        prefixes.sort_by(|a, b| a.0.cmp(&b.0));
        let mut prefix_ranges = Box::new([(0u16, 0u16); 256]);
        for (index, (prefix, _)) in prefixes.iter().enumerate() {
            if let (Some(&b), Ok(index)) = (prefix.as_bytes().first(), u16::try_from(index)) {
                let range = &mut prefix_ranges[usize::from(b)];
                if range.0 == range.1 {
                    *range = (index, index);
                }
                range.1 = index + 1;
            }
        }
        PhraseSet {
            names,
            patterns,
            vocabulary,
            anchor_starts,
            anchored,
            prefixes,
            prefix_ranges,
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

    /// The vocabulary documents must be analysed with for [`PhraseSet::find`] to use their
    /// token ids directly.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// Analyses `text` with this set's vocabulary.
    pub fn analyse<'a>(&'a self, text: &'a str, buffers: Buffers) -> Document<'a> {
        Document::analyse(text, &self.vocabulary, buffers)
    }

    /// The suggestion written in the table for a pattern, if any.
    pub fn suggestion(&self, pattern: u32) -> Option<&str> {
        self.patterns
            .get(pattern as usize)
            .and_then(|p| p.suggestion.as_deref())
    }

    /// Every match in `doc`, grouped by table, overlapping matches of one table merged.
    pub fn find(&self, doc: &Document<'_>) -> Matches {
        let mut matches = Matches::default();
        self.find_into(doc, &mut matches);
        matches
    }

    /// [`PhraseSet::find`] into a reused `matches`.
    pub fn find_into(&self, doc: &Document<'_>, matches: &mut Matches) {
        if !std::ptr::eq(doc.vocabulary, &self.vocabulary) {
            // Token ids refer to another vocabulary: analyse again with ours. Tokenizing does
            // not depend on the vocabulary's extra words, so token indices are the same.
            let own = Document::with_vocabulary(doc.text, &self.vocabulary);
            return self.find_into(&own, matches);
        }
        let found = &mut matches.sorted;
        found.clear();
        for (index, token) in doc.tokens.iter().enumerate() {
            let id = token.id_or_zero() as usize;
            if id != 0 {
                let (a, b) = (self.anchor_starts[id], self.anchor_starts[id + 1]);
                for &pattern in &self.anchored[a as usize..b as usize] {
                    self.verify(doc, pattern, index, found);
                }
                continue;
            }
            let (a, b) = self.prefix_ranges[usize::from(token.first_byte())];
            if a == b {
                continue;
            }
            let word = doc.word(token);
            for (prefix, targets) in &self.prefixes[usize::from(a)..usize::from(b)] {
                if word.starts_with(&**prefix) {
                    for &pattern in targets {
                        self.verify(doc, pattern, index, found);
                    }
                }
            }
        }
        found.sort_unstable_by_key(|m| (m.table, m.first, std::cmp::Reverse(m.last), m.pattern));
        // Merge overlapping matches of one table, in place.
        let mut kept = 0;
        for at in 0..found.len() {
            let m = found[at];
            if kept > 0 {
                let prev = &mut found[kept - 1];
                if prev.table == m.table && m.first <= prev.last {
                    prev.last = prev.last.max(m.last);
                    continue;
                }
            }
            found[kept] = m;
            kept += 1;
        }
        found.truncate(kept);
        let starts = &mut matches.starts;
        starts.clear();
        let mut at = 0;
        for t in 0..self.names.len() {
            starts.push(at);
            while found.get(at).is_some_and(|m| usize::from(m.table.0) == t) {
                at += 1;
            }
        }
        starts.push(at);
    }

    /// Verifies `pattern` with its anchor slot at token `token` (the anchor is known to
    /// match: that is how the token was found) and records the match.
    fn verify(&self, doc: &Document<'_>, pattern: u32, token: usize, found: &mut Vec<PhraseMatch>) {
        let compiled = &self.patterns[pattern as usize];
        if let Some((first, last)) = match_at(doc, compiled, token) {
            found.push(PhraseMatch {
                table: compiled.table,
                pattern,
                first,
                last,
            });
        }
    }
}

/// How common a word is, for choosing anchors: common words would make the index fire on
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

impl Test {
    fn matches(&self, doc: &Document<'_>, token: usize) -> bool {
        let word = doc.word_at(token);
        match self {
            Test::Prefix(prefix) => word.starts_with(&**prefix),
            Test::Number => count_value(word).is_some(),
            Test::Weekday => {
                let capitalised = doc.tokens.get(token).is_some_and(|t| t.is_capitalised());
                weekday(word, capitalised).is_some()
            }
            Test::Month => month(word).is_some(),
            Test::Ordinal => ordinal_day(word).is_some(),
        }
    }
}

impl CompiledSlot {
    #[inline]
    fn matches(&self, doc: &Document<'_>, token: usize) -> bool {
        let Some(t) = doc.tokens.get(token) else {
            return false;
        };
        // Unknown words (id 0) never equal a table word: every table word has an id.
        let id = t.id_or_zero();
        let word = id != 0 && self.filter & 1 << (id % 64) != 0 && self.words.contains(&id);
        word || self.others.iter().any(|o| o.matches(doc, token))
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty() && self.others.is_empty()
    }
}

/// Verifies `compiled` with its anchor slot at `token`; returns the first and last token.
fn match_at(
    doc: &Document<'_>,
    compiled: &CompiledPattern,
    token: usize,
) -> Option<(usize, usize)> {
    let last = forward(doc, compiled, compiled.anchor + 1, token)?;
    let first = backward(doc, compiled, compiled.anchor, token)?;
    if !compiled.not_before.is_empty()
        && let Some(prev) = neighbour(doc, first, Direction::Back)
        && compiled.not_before.matches(doc, prev)
    {
        return None;
    }
    if !compiled.not_after.is_empty()
        && let Some(next) = neighbour(doc, last, Direction::Forward)
        && compiled.not_after.matches(doc, next)
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

/// Token positions a slot may take after (or before) a token: each token within the gap
/// budget, intensifiers free, stopping at a negator or a sentence boundary. Lazy, since a
/// verification usually fails on the first position or two.
struct Candidates<'d> {
    tokens: &'d [Token],
    at: usize,
    sentence: usize,
    budget: u8,
    free: usize,
    direction: Direction,
    done: bool,
}

impl Iterator for Candidates<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.done {
            return None;
        }
        let next = match self.direction {
            Direction::Back => self.at.checked_sub(1),
            Direction::Forward => Some(self.at + 1),
        };
        let Some((at, token)) = next
            .and_then(|at| Some((at, self.tokens.get(at)?)))
            .filter(|(_, t)| t.sentence == self.sentence)
        else {
            self.done = true;
            return None;
        };
        self.at = at;
        if token.is_intensifier() && self.free > 0 {
            self.free -= 1;
        } else if self.budget == 0 || token.is_negator() {
            // This position is the last one.
            self.done = true;
        } else {
            self.budget -= 1;
        }
        Some(at)
    }
}

fn candidates<'d>(
    doc: &'d Document<'_>,
    from: usize,
    gap: u8,
    direction: Direction,
) -> Candidates<'d> {
    let sentence = doc.tokens.get(from).map(|t| t.sentence);
    Candidates {
        tokens: &doc.tokens,
        at: from,
        sentence: sentence.unwrap_or(usize::MAX),
        budget: gap,
        free: FREE_INTENSIFIERS,
        direction,
        done: sentence.is_none(),
    }
}

fn forward(
    doc: &Document<'_>,
    compiled: &CompiledPattern,
    slot: usize,
    prev: usize,
) -> Option<usize> {
    let Some(next) = compiled.slots.get(slot) else {
        return Some(prev);
    };
    candidates(doc, prev, next.gap_before, Direction::Forward)
        .filter(|&at| next.matches(doc, at))
        .find_map(|at| forward(doc, compiled, slot + 1, at))
}

fn backward(
    doc: &Document<'_>,
    compiled: &CompiledPattern,
    slot: usize,
    at: usize,
) -> Option<usize> {
    if slot == 0 {
        return Some(at);
    }
    let gap = compiled.slots[slot].gap_before;
    let previous = &compiled.slots[slot - 1];
    candidates(doc, at, gap, Direction::Back)
        .filter(|&before| previous.matches(doc, before))
        .find_map(|before| backward(doc, compiled, slot - 1, before))
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
        let doc = set.analyse(text, Buffers::default());
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
    fn documents_analysed_with_another_vocabulary_match_alike() {
        let s = set("i am|feel ~1 anxi*|nervous\nnervous wreck");
        let text = "I’m a nervous wreck. Really, I feel so nervous.";
        let own = s.find(&s.analyse(text, Buffers::default()));
        let other = s.find(&Document::new(text));
        assert_eq!(own.of(TableId(0)), other.of(TableId(0)));
        assert_eq!(own.of(TableId(0)).len(), 2);
    }

    #[test]
    fn prefix_anchors_match_longer_words() {
        let s = set("interview*|engineer*");
        assert_eq!(
            found(&s, "Our interviews with the Engineering team"),
            ["interviews", "Engineering"]
        );
        assert!(found(&s, "An inter view").is_empty());
    }

    #[test]
    fn anchors_avoid_common_words() {
        let s = set("i am ~1 anxi*");
        let anchor = &s.patterns[0];
        assert_eq!(anchor.anchor, 2);
    }
}
