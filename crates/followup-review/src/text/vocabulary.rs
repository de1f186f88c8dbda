//! The words the reviewer knows, each with a small integer id, found with one hash probe per
//! token.
//!
//! Why ids: the tokenizer looks every word up once, and from then on the phrase matcher
//! compares integers instead of strings, and finds the patterns a word anchors with an array
//! index instead of a second scan of the text. The base vocabulary holds the [`lexicon`]
//! (contractions, intensifiers, negators, date words, abbreviations); a
//! [`crate::phrase::PhraseSet`] builds its own with every word of its tables added.
//!
//! The table is open addressing over a small power-of-two array of 32-bit slots, kept under a
//! third full so a miss usually stops at the first empty slot. A slot packs the id, the word's
//! lexicon facts and a tag (its length and a few hash bits): one load answers everything the
//! tokenizer asks, and the arrays a review touches stay small enough for the L1 cache (that,
//! not arithmetic, is what a lookup costs once a thousand table words are in).
//!
//! A word is reduced to a fixed-size key, its first eight bytes zero-padded and, past eight,
//! its last eight, which with the length identifies any word of up to 16 bytes exactly: a
//! probe compares integers instead of calling `memcmp`. Longer words, rare, are compared byte
//! by byte as well. The tokenizer builds the key of an ASCII word straight from the message,
//! lowercased eight bytes at a time (the tokenizer's `swar` module), so looking a word up never
//! copies it.
//!
//! [`lexicon`]: super::lexicon

use std::sync::LazyLock;

use super::lexicon;
use super::swar::{load_padded, load8, lowercase};

/// A word's id in a [`Vocabulary`]. Ids start at 1; 0 stands for an unknown word.
pub type WordId = u32;

/// What the lexicon says about a word, as bits (all clear for an unknown word).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo(u8);

const INTENSIFIER: u8 = 1;
const NEGATOR: u8 = 2;
const DATE_START: u8 = 4;
const ABBREVIATION: u8 = 8;
const EXPANDS: u8 = 16;

impl WordInfo {
    /// An intensifier that patterns skip ("really", "so").
    pub fn intensifier(self) -> bool {
        self.0 & INTENSIFIER != 0
    }

    /// A negator that breaks a gap ("not", "never").
    pub fn negator(self) -> bool {
        self.0 & NEGATOR != 0
    }

    /// A word a date expression may start with (a weekday, a month, "last", "two"...).
    pub fn date_start(self) -> bool {
        self.0 & DATE_START != 0
    }

    /// An abbreviation or title after which a '.' does not end the sentence ("Ms.", "Dr.").
    pub fn abbreviation(self) -> bool {
        self.0 & ABBREVIATION != 0
    }

    /// A contraction with an expansion ("i'm" → `i am`).
    pub fn expands(self) -> bool {
        self.0 & EXPANDS != 0
    }
}

/// A word found in the table: its id (0 when unknown) and what the lexicon says about it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The id, 0 when unknown.
    pub id: WordId,
    /// The lexicon's facts.
    pub info: WordInfo,
}

/// Words with ids and lexicon facts. Build once; lookups never allocate.
#[derive(Debug)]
pub struct Vocabulary {
    /// Id → word; index 0 is a placeholder so ids start at 1.
    words: Vec<Box<str>>,
    /// Id → the first eight bytes of its key. Index 0, an empty slot's id, holds the empty
    /// word's key, which no probe for a word matches.
    heads: Vec<u64>,
    /// Id → the last eight bytes of its key (0 for words of up to eight bytes; read only for
    /// longer ones).
    tails: Vec<u64>,
    /// Id → facts.
    info: Vec<WordInfo>,
    /// Id → its expansion, `expansions[start..start + len]`, for contractions.
    expansion_ranges: Vec<(u16, u8)>,
    /// Flattened contraction expansions (ids).
    expansions: Vec<WordId>,
    /// Open-addressing slots, `tag << TAG_SHIFT | facts << FACTS_SHIFT | id`, 0 when empty.
    slots: Vec<u32>,
    /// `64 - log2(slots.len())`: the hash's top bits pick the slot.
    shift: u32,
}

/// Slot layout: 16 bits of id, 5 of facts, 11 of tag.
const ID_MASK: u32 = 0xFFFF;
const FACTS_SHIFT: u32 = 16;
const TAG_SHIFT: u32 = 21;

/// Most words a vocabulary holds; further words stay unknown. Phrase tables hold about 1,200.
pub const MAX_WORDS: usize = ID_MASK as usize;

/// A word reduced to two integers and its length: exact for words of up to 16 bytes.
#[derive(Clone, Copy, Debug, Default)]
struct Key {
    head: u64,
    tail: u64,
    len: usize,
}

impl Key {
    /// The key of a word given as bytes.
    #[inline]
    fn of(bytes: &[u8]) -> Key {
        let len = bytes.len();
        let tail = if len > 8 {
            load8(bytes, len - 8).unwrap_or(0)
        } else {
            0
        };
        Key {
            head: load_padded(bytes, 0, len),
            tail,
            len,
        }
    }

    /// The key of the ASCII word `text[start..end]` lowercased, read in place.
    #[inline]
    fn of_ascii_lowercased(text: &[u8], start: usize, end: usize) -> Key {
        let len = end - start;
        let tail = if len > 8 {
            lowercase(load8(text, end - 8).unwrap_or(0))
        } else {
            0
        };
        Key {
            head: lowercase(load_padded(text, start, end)),
            tail,
            len,
        }
    }

    /// Spreads the key over 64 bits; the top bits are the best mixed.
    #[inline]
    fn hash(self) -> u64 {
        const K1: u64 = 0x9E37_79B9_7F4A_7C15;
        const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;
        let h = (self.head ^ (self.len as u64) << 59).wrapping_mul(K1) ^ self.tail.wrapping_mul(K2);
        h ^ h >> 29
    }

    /// Length (up to 63) and five hash bits, unequal for most pairs of different words: a
    /// slot whose tag differs is passed over. Within 63 bytes, an equal tag means an equal
    /// length.
    #[inline]
    fn tag(self, hash: u64) -> u32 {
        let len = self.len.min(63) as u32;
        len << 5 | (hash >> 20) as u32 & 0x1F
    }
}

/// The lexicon alone, for documents analysed without phrase tables.
static BASE: LazyLock<Vocabulary> = LazyLock::new(|| Vocabulary::new(std::iter::empty()));

impl Vocabulary {
    /// The lexicon plus `extra` words (lowercase, as the tokenizer normalises them).
    pub fn new<'w>(extra: impl IntoIterator<Item = &'w str>) -> Self {
        let mut builder = Vocabulary {
            words: vec!["".into()],
            heads: vec![0],
            tails: vec![0],
            info: vec![WordInfo::default()],
            expansion_ranges: vec![(0, 0)],
            expansions: Vec::new(),
            slots: vec![0; 1024],
            shift: 64 - 10,
        };
        let lists = [
            (lexicon::INTENSIFIERS, INTENSIFIER),
            (lexicon::NEGATORS, NEGATOR),
            (lexicon::DATE_WORDS, DATE_START),
            (lexicon::ABBREVIATIONS, ABBREVIATION),
        ];
        for (words, fact) in lists {
            for word in words {
                let id = builder.insert(word);
                builder.info[id as usize].0 |= fact;
            }
        }
        for (word, parts) in lexicon::CONTRACTIONS {
            let start = builder.expansions.len();
            for part in *parts {
                let part = builder.insert(part);
                builder.expansions.push(part);
            }
            let id = builder.insert(word) as usize;
            if let (Ok(start), Ok(len)) = (u16::try_from(start), u8::try_from(parts.len())) {
                builder.expansion_ranges[id] = (start, len);
                builder.info[id].0 |= EXPANDS;
            }
        }
        for word in extra {
            builder.insert(word);
        }
        // Slots carry the facts, set after the words went in: place everything again.
        builder.rebuild(builder.slots.len());
        builder
    }

    /// The lexicon alone (built on first use).
    pub fn base() -> &'static Vocabulary {
        &BASE
    }

    /// How many words it knows.
    pub fn len(&self) -> usize {
        self.words.len() - 1
    }

    /// Whether it knows no word (never true: the lexicon is always in).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The id of a normalised word, if known.
    #[inline]
    pub fn id(&self, word: &str) -> Option<WordId> {
        let found = self.find(word);
        (found.id != 0).then_some(found.id)
    }

    /// A normalised word's id (0 when unknown) and facts.
    #[inline]
    pub fn find(&self, word: &str) -> Found {
        self.probe(Key::of(word.as_bytes()), |known| known == word)
    }

    /// [`Vocabulary::find`] for the ASCII word `text[start..end]` lowercased, without copying
    /// it. `text` may go on past `end`: the key is read in place.
    #[inline]
    pub(crate) fn find_ascii(&self, text: &str, start: usize, end: usize) -> Found {
        let key = Key::of_ascii_lowercased(text.as_bytes(), start, end);
        let word = text.get(start..end).unwrap_or("");
        self.probe(key, |known| known.eq_ignore_ascii_case(word))
    }

    /// Probes for `key`; `same` confirms words longer than a key can tell apart.
    #[inline]
    fn probe(&self, key: Key, same: impl Fn(&str) -> bool) -> Found {
        let hash = key.hash();
        let tag = key.tag(hash);
        let mask = self.slots.len() - 1;
        let mut at = (hash >> self.shift) as usize;
        loop {
            let slot = self.slots[at];
            let id = slot & ID_MASK;
            // Computed without branching on the tag: whether a word is known is as good as
            // random, and one well-predicted exit ("found, or an empty slot") replaces two
            // coin flips. An empty slot reads id 0, whose key matches no word.
            let matches = (slot >> TAG_SHIFT == tag) & (self.heads[id as usize] == key.head);
            let found = matches
                && (key.len <= 8 || self.tails[id as usize] == key.tail)
                && (key.len <= 16 || same(&self.words[id as usize]));
            if found | (slot == 0) {
                if !found {
                    return Found::default();
                }
                let facts = (slot >> FACTS_SHIFT) as u8 & 0x1F;
                return Found {
                    id,
                    info: WordInfo(facts),
                };
            }
            at = (at + 1) & mask;
        }
    }

    /// The word an id stands for ("" for an unknown id).
    pub fn word(&self, id: WordId) -> &str {
        self.words.get(id as usize).map_or("", |w| w)
    }

    /// The facts about a word (all clear for an unknown id, 0 included).
    #[inline]
    pub fn info(&self, id: WordId) -> WordInfo {
        self.info.get(id as usize).copied().unwrap_or_default()
    }

    /// The ids a contraction expands to ("i'm" → `i`, `am`); empty for other words.
    #[inline]
    pub fn expansion(&self, id: WordId) -> &[WordId] {
        let (start, len) = self
            .expansion_ranges
            .get(id as usize)
            .copied()
            .unwrap_or((0, 0));
        let (start, len) = (usize::from(start), usize::from(len));
        self.expansions.get(start..start + len).unwrap_or(&[])
    }

    /// Adds a word (no-op when known) and returns its id (0 when the vocabulary is full).
    fn insert(&mut self, word: &str) -> WordId {
        if let Some(id) = self.id(word) {
            return id;
        }
        if self.words.len() > MAX_WORDS {
            return 0;
        }
        // Keep the table under a third full so misses stop early.
        if (self.words.len() + 1) * 3 > self.slots.len() {
            self.rebuild(self.slots.len() * 2);
        }
        let id = WordId::try_from(self.words.len()).unwrap_or(0);
        let key = Key::of(word.as_bytes());
        self.words.push(word.into());
        self.heads.push(key.head);
        self.tails.push(key.tail);
        self.info.push(WordInfo::default());
        self.expansion_ranges.push((0, 0));
        self.place(id);
        id
    }

    /// Puts a word's slot in the table, with its current facts.
    fn place(&mut self, id: WordId) {
        let key = Key::of(self.words[id as usize].as_bytes());
        let hash = key.hash();
        let mask = self.slots.len() - 1;
        let mut at = (hash >> self.shift) as usize;
        while self.slots[at] != 0 {
            at = (at + 1) & mask;
        }
        let facts = u32::from(self.info[id as usize].0);
        self.slots[at] = key.tag(hash) << TAG_SHIFT | facts << FACTS_SHIFT | id;
    }

    /// Places every word again in a table of `size` slots (a power of two).
    fn rebuild(&mut self, size: usize) {
        self.slots = vec![0; size];
        self.shift = 64 - size.trailing_zeros();
        for id in 1..self.words.len() {
            self.place(WordId::try_from(id).unwrap_or(0));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_words_have_their_facts() {
        let v = Vocabulary::base();
        let really = v.id("really").unwrap();
        assert!(v.info(really).intensifier());
        assert_eq!(v.find("really").info, v.info(really));
        assert!(v.find("not").info.negator());
        assert!(v.find("friday").info.date_start());
        assert!(v.find("ms").info.abbreviation());
        let im = v.find("i'm");
        assert!(im.info.expands());
        let parts: Vec<&str> = v.expansion(im.id).iter().map(|&id| v.word(id)).collect();
        assert_eq!(parts, ["i", "am"]);
        assert!(v.expansion(really).is_empty());
        assert_eq!(v.id("anxious"), None);
        assert_eq!(v.find("anxious"), Found::default());
    }

    #[test]
    fn extra_words_get_ids_and_lookups_are_exact() {
        let v = Vocabulary::new(["anxious", "nervous", "a-very-long-hyphenated-word"]);
        let anxious = v.id("anxious").unwrap();
        assert_eq!(v.word(anxious), "anxious");
        assert_eq!(v.id("anxiou"), None);
        assert_eq!(v.id("anxiouss"), None);
        assert!(v.id("a-very-long-hyphenated-word").is_some());
        assert_eq!(v.info(anxious), WordInfo::default());
        assert!(v.len() > Vocabulary::base().len());
    }

    #[test]
    fn keys_tell_apart_words_that_share_their_ends() {
        let long = [
            "abcdefgh-middle-one-ijklmnop",
            "abcdefgh-middle-two-ijklmnop",
        ];
        let v = Vocabulary::new(long.iter().copied().chain(["abc", "axc", "abcd", "abce"]));
        for w in long.iter().chain(&["abc", "axc", "abcd", "abce"]) {
            assert_eq!(v.word(v.id(w).unwrap()), *w);
        }
        assert_eq!(v.id("abcdefgh-middle-six-ijklmnop"), None);
        assert_eq!(v.id("ab"), None);
        assert_eq!(v.id(""), None);
    }

    #[test]
    fn ascii_words_are_found_in_place_and_lowercased() {
        let v = Vocabulary::new(["anxious", "responsibilities-abc", "i'm"]);
        let text = "I'M SO Anxious about RESPONSIBILITIES-ABC, anxious";
        let id = |word: &str| {
            let start = text.find(word).unwrap();
            let found = v.find_ascii(text, start, start + word.len());
            (found.id != 0).then_some(found.id)
        };
        assert_eq!(id("Anxious"), v.id("anxious"));
        assert_eq!(id("anxious"), v.id("anxious"));
        assert_eq!(id("RESPONSIBILITIES-ABC"), v.id("responsibilities-abc"));
        assert_eq!(id("I'M"), v.id("i'm"));
        assert_eq!(id("SO"), v.id("so"));
        let so = text.find("SO").unwrap();
        assert!(v.find_ascii(text, so, so + 2).info.intensifier());
        assert_eq!(id("about"), None);
        assert_eq!(id("Anxiou"), None);
    }

    #[test]
    fn many_words_survive_growth() {
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let v = Vocabulary::new(words.iter().map(String::as_str));
        for w in &words {
            assert_eq!(v.word(v.id(w).unwrap()), w);
        }
        assert_eq!(v.id("w5000"), None);
    }
}
