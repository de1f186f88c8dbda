//! Phrase tables matched over a message's tokens through an index of anchor words.
//!
//! Every pattern is anchored on its rarest words-only slot ("anxious" rather than "i"),
//! chosen when the build compiles the tables ([`pattern`]). Matching looks each token up in
//! the index (its exact word, then the few prefix anchors such as `engineer*`), and verifies
//! each pattern found there slot by slot around the anchor: forward to the last slot, back to
//! the first, within the gaps the pattern allows (intensifiers free, up to four), never past
//! a negator in a gap and never across a sentence boundary, then checks the words that must
//! not stand just before or after. Matches of one table that overlap are merged.
//!
//! - [`pattern`]: the table language and the types of compiled patterns.
//! - `table`: the reader of tables and the anchor index (the build's; here only in tests).

pub mod pattern;
#[cfg(test)]
mod table;

use crate::language::Lexicon;
use crate::text::Document;
use pattern::{Alt, Pattern, Slot};

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

/// A language's phrase tables, compiled by the build.
#[derive(Debug)]
pub struct PhraseSet {
    /// The tables' names (the rule or marker ids), in file-name order.
    pub tables: &'static [&'static str],
    /// Every pattern of every table, optional slots expanded.
    pub patterns: &'static [Pattern],
    /// The table of each pattern.
    pub table_of: &'static [u16],
    /// Anchor words and the patterns they anchor, sorted by word.
    pub anchors: &'static [(&'static str, &'static [u32])],
    /// Anchor prefixes (`engineer*`) and the patterns they anchor.
    pub prefix_anchors: &'static [(&'static str, &'static [u32])],
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
    /// The id of a table by name.
    pub fn table(&self, name: &str) -> Option<TableId> {
        let index = self.tables.iter().position(|n| *n == name)?;
        u16::try_from(index).ok().map(TableId)
    }

    /// The suggestion written in the table for a pattern, if any.
    pub fn suggestion(&self, pattern: u32) -> Option<&'static str> {
        let pattern = self.patterns.get(pattern as usize)?;
        match &pattern.suggestion {
            Some(std::borrow::Cow::Borrowed(text)) => Some(text),
            // Tables read at run time (tests) own their text; the build's are static.
            _ => None,
        }
    }

    /// The patterns a word anchors: exactly, then through each prefix it starts with.
    fn anchored<'s>(&'s self, word: &'s str) -> impl Iterator<Item = u32> + 's {
        let exact = self
            .anchors
            .binary_search_by(|(anchor, _)| (*anchor).cmp(word))
            .map_or(&[][..], |at| self.anchors[at].1);
        let prefixed = self
            .prefix_anchors
            .iter()
            .filter(move |(prefix, _)| word.starts_with(prefix))
            .flat_map(|(_, patterns)| patterns.iter());
        exact.iter().chain(prefixed).copied()
    }

    /// Every match in `doc`, grouped by table, overlapping matches of one table merged.
    pub fn find(&self, doc: &Document<'_>, lexicon: &Lexicon) -> Matches {
        let mut found = Vec::new();
        let names = name_words(doc, lexicon);
        for (index, token) in doc.tokens.iter().enumerate() {
            for pattern in self.anchored(&token.text) {
                let compiled = &self.patterns[pattern as usize];
                if let Some((first, last)) = match_at(doc, lexicon, compiled, index) {
                    let table = TableId(self.table_of.get(pattern as usize).copied().unwrap_or(0));
                    // A rule's words inside a name ("ASAP Logistics", "Perfect Fit Apparel")
                    // say nothing about the sender; markers (the role's name) still count,
                    // and so does a name in a gap ("withdraw from the Platform Engineer
                    // process unless").
                    let marker = self
                        .tables
                        .get(usize::from(table.0))
                        .is_some_and(|name| name.starts_with("marker."));
                    if !marker && (names[first] || names[index] || names[last]) {
                        continue;
                    }
                    found.push(PhraseMatch {
                        table,
                        pattern,
                        first,
                        last,
                    });
                }
            }
        }
        found.sort_unstable_by_key(|m| (m.table, m.first, std::cmp::Reverse(m.last), m.pattern));
        // Merge overlapping matches of one table: the earliest, longest, first-listed pattern
        // speaks for the merged span.
        let mut merged: Vec<PhraseMatch> = Vec::with_capacity(found.len());
        for m in found {
            if let Some(previous) = merged.last_mut()
                && previous.table == m.table
                && m.first <= previous.last
            {
                previous.last = previous.last.max(m.last);
                continue;
            }
            merged.push(m);
        }
        let mut starts = Vec::with_capacity(self.tables.len() + 1);
        let mut at = 0;
        for t in 0..self.tables.len() {
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

/// Which tokens belong to a name of several capitalised words inside a sentence ("at ASAP
/// Logistics", "Urgent Care Inc."): capitalised, not the sentence's first word, and followed
/// by a capitalised word that is not all capitals (so "I LOVED" and shouting are no name). "I",
/// the words of a contraction ("I'm"), weekdays and months are never part of one.
fn name_words(doc: &Document<'_>, lexicon: &Lexicon) -> Vec<bool> {
    let tokens = &doc.tokens;
    let first_of_sentence = |i: usize| {
        i == 0
            || tokens
                .get(i - 1)
                .is_none_or(|p| p.sentence != tokens[i].sentence)
    };
    let shares_word = |i: usize| {
        let t = &tokens[i];
        (i > 0 && tokens[i - 1].start == t.start)
            || tokens.get(i + 1).is_some_and(|n| n.start == t.start)
    };
    let candidate = |i: usize| {
        let t = &tokens[i];
        t.capitalised
            && !first_of_sentence(i)
            && t.text != "i"
            && !shares_word(i)
            && lexicon.weekday(&t.text, true).is_none()
            && lexicon.month(&t.text).is_none()
    };
    let title = |i: usize| candidate(i) && !tokens[i].all_caps;
    (0..tokens.len())
        .map(|i| {
            // Next in the same sentence with only spaces between ("ASAP Logistics", not
            // "Honestly, Going").
            let same = |j: usize| {
                tokens.get(j).is_some_and(|n| {
                    n.sentence == tokens[i].sentence
                        && doc
                            .text
                            .get(tokens[i].end..n.start)
                            .is_some_and(|gap| !gap.is_empty() && gap.chars().all(|c| c == ' '))
                })
            };
            // Followed by a title word: a run-on "thanks Ana Going crazy" is no name.
            candidate(i) && same(i + 1) && title(i + 1)
        })
        .collect()
}

/// Whether the token at `index` is one of `alts`.
fn matches_alts(doc: &Document<'_>, lexicon: &Lexicon, alts: &[Alt], index: usize) -> bool {
    let Some(token) = doc.tokens.get(index) else {
        return false;
    };
    let word = token.text.as_str();
    alts.iter().any(|alt| match alt {
        Alt::Word(w) => word == w,
        Alt::Prefix(p) => word.starts_with(&**p),
        Alt::Number => lexicon.count(word).is_some(),
        Alt::Weekday => lexicon.weekday(word, token.capitalised).is_some(),
        Alt::Month => lexicon.month(word).is_some(),
        Alt::Ordinal => lexicon.ordinal_day(word).is_some(),
        Alt::Negative => lexicon.negative.contains(word),
        Alt::Clock => is_clock(doc, token),
        Alt::Amount => is_amount(word),
    })
}

/// Digits, alone or with a unit: "40", "120k", "2m", "3x", "5bn".
fn is_amount(word: &str) -> bool {
    let unit = word.trim_start_matches(|c: char| c.is_ascii_digit());
    unit.len() < word.len() && matches!(unit, "" | "k" | "m" | "mm" | "bn" | "b" | "x" | "pct")
}

/// A time of day: "6pm", "9.30am", "noon", or hours before a colon and minutes ("12:00").
pub(crate) fn is_clock(doc: &Document<'_>, token: &crate::text::Token) -> bool {
    let word = token.text.as_str();
    if matches!(word, "noon" | "midnight") {
        return true;
    }
    let hours = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[hours.len()..];
    let digits = !hours.is_empty() && hours.len() <= 2 && hours.bytes().all(|b| b.is_ascii_digit());
    if digits && matches!(suffix, "am" | "pm" | "h" | "hrs") {
        return true;
    }
    let rest = doc.text.get(token.end..).unwrap_or("").as_bytes();
    digits
        && suffix.is_empty()
        && rest.len() >= 3
        && rest[0] == b':'
        && rest[1..3].iter().all(u8::is_ascii_digit)
}

/// Verifies `pattern` with its anchor slot at token `anchor` (the index put it there because
/// the anchor matches); returns the first and last token of the match.
fn match_at(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    pattern: &Pattern,
    anchor: usize,
) -> Option<(usize, usize)> {
    let search = Search {
        doc,
        lexicon,
        slots: &pattern.slots,
    };
    let last = search.forward(pattern.anchor + 1, anchor)?;
    let first = search.backward(pattern.anchor, anchor)?;
    let blocked = |alts: &[Alt], neighbour: Option<usize>| {
        !alts.is_empty() && neighbour.is_some_and(|at| matches_alts(doc, lexicon, alts, at))
    };
    if blocked(&pattern.not_before, neighbour(doc, first, Direction::Back))
        || blocked(&pattern.not_after, neighbour(doc, last, Direction::Forward))
    {
        return None;
    }
    Some((first, last))
}

/// The slots of one pattern being verified in one document.
struct Search<'a> {
    doc: &'a Document<'a>,
    lexicon: &'a Lexicon,
    slots: &'a [Slot],
}

impl Search<'_> {
    /// The last token of a match of `slots[slot..]` after token `previous`, taking the nearest
    /// position that lets the rest match.
    fn forward(&self, slot: usize, previous: usize) -> Option<usize> {
        let Some(next) = self.slots.get(slot) else {
            return Some(previous);
        };
        candidates(self.doc, previous, next.gap_before, Direction::Forward)
            .filter(|&at| matches_alts(self.doc, self.lexicon, &next.alts, at))
            .find_map(|at| self.forward(slot + 1, at))
    }

    /// The first token of a match of `slots[..=slot]` whose slot `slot` is at token `at`.
    fn backward(&self, slot: usize, at: usize) -> Option<usize> {
        if slot == 0 {
            return Some(at);
        }
        let gap = self.slots[slot].gap_before;
        let previous = &self.slots[slot - 1];
        candidates(self.doc, at, gap, Direction::Back)
            .filter(|&before| matches_alts(self.doc, self.lexicon, &previous.alts, before))
            .find_map(|before| self.backward(slot - 1, before))
    }
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
        if !token.intensifier {
            return Some(at);
        }
    }
    None
}

/// The token positions a slot may take after (or before) token `from`: each token within the
/// gap, intensifiers free (up to four), the last one a negator or the gap's end, never past
/// the sentence. Lazy, since a verification usually fails on the first position or two.
fn candidates<'d>(
    doc: &'d Document<'_>,
    from: usize,
    gap: u8,
    direction: Direction,
) -> impl Iterator<Item = usize> + 'd {
    let sentence = doc.tokens.get(from).map(|t| t.sentence);
    let mut at = from;
    let mut budget = gap;
    let mut free = FREE_INTENSIFIERS;
    let mut done = sentence.is_none();
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let next = match direction {
            Direction::Back => at.checked_sub(1),
            Direction::Forward => Some(at + 1),
        };
        let Some((next, token)) = next
            .and_then(|i| Some((i, doc.tokens.get(i)?)))
            .filter(|(_, t)| Some(t.sentence) == sentence)
        else {
            done = true;
            return None;
        };
        at = next;
        if token.intensifier && free > 0 {
            free -= 1;
        } else if budget == 0 || token.negator {
            // This position is the last one.
            done = true;
        } else {
            budget -= 1;
        }
        Some(at)
    })
}

/// Tables read at run time, for tests of the matcher on small made-up tables.
#[cfg(test)]
pub(crate) fn compile_for_test(tables: &[&str]) -> &'static PhraseSet {
    let leak_list = |list: Vec<(String, Vec<u32>)>| -> &'static [(&'static str, &'static [u32])] {
        let items: Vec<(&'static str, &'static [u32])> = list
            .into_iter()
            .map(|(w, p)| {
                (
                    &*Box::leak(w.into_boxed_str()),
                    &*Box::leak(p.into_boxed_slice()),
                )
            })
            .collect();
        Box::leak(items.into_boxed_slice())
    };
    let stop = |w: &str| crate::language::EN.lexicon.stop_words.contains(w);
    let mut patterns = Vec::new();
    let mut table_of = Vec::new();
    let mut names = Vec::new();
    for (index, text) in tables.iter().enumerate() {
        let parsed = table::parse_table(text, &stop).unwrap();
        table_of.extend(parsed.iter().map(|_| u16::try_from(index).unwrap()));
        patterns.extend(parsed);
        names.push(&*Box::leak(format!("t{index}").into_boxed_str()));
    }
    let (anchors, prefixes) = table::index(&patterns);
    Box::leak(Box::new(PhraseSet {
        tables: Box::leak(names.into_boxed_slice()),
        patterns: Box::leak(patterns.into_boxed_slice()),
        table_of: Box::leak(table_of.into_boxed_slice()),
        anchors: leak_list(anchors),
        prefix_anchors: leak_list(prefixes),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::EN;

    fn found(table: &str, text: &str) -> Vec<String> {
        let set = compile_for_test(&[table]);
        let doc = Document::new(text, &EN);
        let matches = set.find(&doc, &EN.lexicon);
        matches
            .of(TableId(0))
            .iter()
            .map(|m| text[doc.tokens[m.first].start..doc.tokens[m.last].end].to_owned())
            .collect()
    }

    #[test]
    fn intensifiers_and_contractions_do_not_matter() {
        let table = "i am|feel ~1 anxi*|nervous";
        assert_eq!(
            found(table, "I’m really so anxious."),
            ["I’m really so anxious"]
        );
        assert_eq!(
            found(table, "I am getting nervous"),
            ["I am getting nervous"]
        );
        assert_eq!(found(table, "I AM ANXIOUS"), ["I AM ANXIOUS"]);
    }

    #[test]
    fn negators_gaps_and_sentences_break_matches() {
        let table = "i am|feel ~1 anxi*";
        assert!(found(table, "I am not anxious").is_empty());
        assert!(found(table, "I am building an app for anxious people").is_empty());
        assert!(found(table, "That is what I am. Anxious people").is_empty());
    }

    #[test]
    fn negative_neighbours_block() {
        let table = "!start|join as soon as possible";
        assert_eq!(
            found(table, "Reply as soon as possible"),
            ["as soon as possible"]
        );
        assert!(found(table, "I can start as soon as possible").is_empty());
    }

    #[test]
    fn classes_match() {
        let table = "@number days|weeks without";
        assert_eq!(found(table, "10 days without news"), ["10 days without"]);
        assert_eq!(
            found(table, "two weeks without news"),
            ["two weeks without"]
        );
    }

    #[test]
    fn overlapping_matches_of_a_table_merge() {
        assert_eq!(
            found("so anxious\nanxious and nervous", "so anxious and nervous"),
            ["so anxious and nervous"]
        );
    }

    #[test]
    fn prefix_anchors_match_longer_words() {
        let table = "interview*|engineer*";
        assert_eq!(
            found(table, "Our interviews with the Engineering team"),
            ["interviews", "Engineering"]
        );
        assert!(found(table, "An inter view").is_empty());
    }

    #[test]
    fn every_english_table_has_patterns_and_an_index() {
        let set = &EN.phrases;
        assert!(set.patterns.len() > 200, "{}", set.patterns.len());
        assert_eq!(set.table_of.len(), set.patterns.len());
        assert!(set.anchors.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
