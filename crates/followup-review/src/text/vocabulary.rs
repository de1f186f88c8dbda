//! The words the reviewer knows, each with a small integer id, found with one hash probe per
//! token.
//!
//! Why ids: the tokenizer looks every word up once, and from then on the phrase matcher
//! compares integers instead of strings, and finds the patterns a word anchors with an array
//! index instead of a second scan of the text. The base vocabulary holds the [`lexicon`]
//! (contractions, intensifiers, negators, date words); a [`crate::phrase::PhraseSet`] builds
//! its own with every word of its tables added.
//!
//! The table is open addressing over a small power-of-two array (kept under a third full, so a
//! miss usually stops at the first empty slot). A word is reduced to a fixed-size key, its
//! first eight bytes zero-padded and, past eight, its last eight, which both feeds the hash
//! and, with the length, identifies any word of up to 16 bytes exactly: a probe compares
//! integers instead of calling `memcmp`. Longer words, rare, are compared byte by byte as well.
//! Each slot also holds a tag (the word's length and a few hash bits) beside the id, so a
//! probe for an unknown word, the common case, is settled by the slot alone without touching
//! the keys: the arrays a review touches stay small enough for the L1 cache.
//! The tokenizer builds the key of an ASCII word straight from the message, lowercased eight
//! bytes at a time ([`super::swar`]), so looking a word up never copies it.
//!
//! [`lexicon`]: super::lexicon

use std::sync::LazyLock;

use super::lexicon;
use super::swar::{load_padded, load8, lowercase};

/// A word's id in a [`Vocabulary`]. Ids start at 1; a token whose word is unknown has none.
pub type WordId = u32;

/// What the tokenizer needs to know about a word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// An intensifier that patterns skip ("really", "so").
    pub intensifier: bool,
    /// A negator that breaks a gap ("not", "never").
    pub negator: bool,
    /// A word a date expression may start with (a weekday, a month, "last", "two"...).
    pub date_start: bool,
    /// An abbreviation or title after which a '.' does not end the sentence ("Ms.", "Dr.").
    pub abbreviation: bool,
    /// The contraction's expansion: `expansions[start..start + len]`.
    expansion: (u16, u8),
}

/// Words with ids and lexicon facts. Build once; lookups never allocate.
#[derive(Debug)]
pub struct Vocabulary {
    /// Id → word; index 0 is a placeholder so ids start at 1.
    words: Vec<Box<str>>,
    /// Id → its key (head and tail), to confirm a probe without the word's bytes. Index 0,
    /// an empty slot's id, holds the empty word's key, which no probe for a word matches.
    keys: Vec<[u64; 2]>,
    /// Id → facts.
    info: Vec<WordInfo>,
    /// Open-addressing slots: `tag << ID_BITS | id`, 0 when empty.
    slots: Vec<u32>,
    /// `64 - log2(slots.len())`: the hash's top bits pick the slot.
    shift: u32,
    /// Flattened contraction expansions (ids).
    expansions: Vec<WordId>,
}

/// A word reduced to two integers and its length: exact for words of up to 16 bytes.
#[derive(Clone, Copy, Debug, Default)]
struct Key {
    head: u64,
    tail: u64,
    len: usize,
}

/// Bits of a slot that hold the id; the rest hold the tag.
const ID_BITS: u32 = 20;
const ID_MASK: u32 = (1 << ID_BITS) - 1;

impl Key {
    /// Length (up to 63) and hash bits, unequal for most pairs of different words: a slot
    /// whose tag differs is passed over without reading the key arrays. Within 63 bytes, an
    /// equal tag means an equal length.
    #[inline]
    fn tag(self, hash: u64) -> u32 {
        let len = self.len.min(63) as u32;
        len << 6 | (hash >> 20) as u32 & 0x3F
    }

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
}

/// The lexicon alone, for documents analysed without phrase tables.
static BASE: LazyLock<Vocabulary> = LazyLock::new(|| Vocabulary::new(std::iter::empty()));

impl Vocabulary {
    /// The lexicon plus `extra` words (lowercase, as the tokenizer normalises them).
    pub fn new<'w>(extra: impl IntoIterator<Item = &'w str>) -> Self {
        let mut builder = Vocabulary {
            words: vec!["".into()],
            keys: vec![[0, 0]],
            info: vec![WordInfo::default()],
            slots: vec![0; 1024],
            shift: 64 - 10,
            expansions: Vec::new(),
        };
        for word in lexicon::INTENSIFIERS {
            let id = builder.insert(word);
            builder.info[id as usize].intensifier = true;
        }
        for word in lexicon::NEGATORS {
            let id = builder.insert(word);
            builder.info[id as usize].negator = true;
        }
        for word in lexicon::DATE_WORDS {
            let id = builder.insert(word);
            builder.info[id as usize].date_start = true;
        }
        for word in lexicon::ABBREVIATIONS {
            let id = builder.insert(word);
            builder.info[id as usize].abbreviation = true;
        }
        for (word, parts) in lexicon::CONTRACTIONS {
            let start = builder.expansions.len();
            for part in *parts {
                let part = builder.insert(part);
                builder.expansions.push(part);
            }
            let id = builder.insert(word);
            let (start, len) = (u16::try_from(start), u8::try_from(parts.len()));
            if let (Ok(start), Ok(len)) = (start, len) {
                builder.info[id as usize].expansion = (start, len);
            }
        }
        for word in extra {
            builder.insert(word);
        }
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
        let id = self.find(Key::of(word.as_bytes()), |known| known == word);
        (id != 0).then_some(id)
    }

    /// The id of the ASCII word `text[start..end]` lowercased, 0 when unknown, without copying
    /// it. `text` may go on past `end`: the key is read in place.
    #[inline]
    pub(crate) fn id_of_ascii(&self, text: &str, start: usize, end: usize) -> WordId {
        let key = Key::of_ascii_lowercased(text.as_bytes(), start, end);
        let word = text.get(start..end).unwrap_or("");
        self.find(key, |known| known.eq_ignore_ascii_case(word))
    }

    /// Probes for `key`, returning its id or 0; `same` confirms words longer than a key can
    /// tell apart.
    #[inline]
    fn find(&self, key: Key, same: impl Fn(&str) -> bool) -> WordId {
        let hash = key.hash();
        let tag = key.tag(hash);
        let mask = self.slots.len() - 1;
        let mut at = (hash >> self.shift) as usize;
        loop {
            let slot = self.slots[at];
            let id = slot & ID_MASK;
            let [head, tail] = self.keys[id as usize];
            // Equal tags mean equal lengths up to 63 bytes; a short word's tail is 0. Computed
            // without branching: whether a word is known is as good as random, and one
            // well-predicted exit ("found, or an empty slot") replaces two coin flips.
            let matches = (slot >> ID_BITS == tag) & (head == key.head) & (tail == key.tail);
            let found = matches && (key.len <= 16 || same(&self.words[id as usize]));
            if found | (slot == 0) {
                return if found { id } else { 0 };
            }
            at = (at + 1) & mask;
        }
    }

    /// The word an id stands for ("" for an unknown id).
    pub fn word(&self, id: WordId) -> &str {
        self.words.get(id as usize).map_or("", |w| w)
    }

    /// The facts about a word (all false for an unknown id, 0 included).
    #[inline]
    pub fn info(&self, id: WordId) -> WordInfo {
        self.info.get(id as usize).copied().unwrap_or_default()
    }

    /// The ids a contraction expands to ("i'm" → `i`, `am`); empty for other words.
    #[inline]
    pub fn expansion(&self, info: WordInfo) -> &[WordId] {
        let (start, len) = (usize::from(info.expansion.0), usize::from(info.expansion.1));
        self.expansions.get(start..start + len).unwrap_or(&[])
    }

    /// Adds a word (no-op when known) and returns its id.
    fn insert(&mut self, word: &str) -> WordId {
        if let Some(id) = self.id(word) {
            return id;
        }
        // Keep the table under a third full so misses stop early; it stays small enough
        // (a few KB for the phrase tables' words) to live in the L1 cache.
        if (self.words.len() + 1) * 3 > self.slots.len() {
            self.grow();
        }
        let Some(id) = WordId::try_from(self.words.len())
            .ok()
            .filter(|&id| id <= ID_MASK)
        else {
            // A million words: far beyond any phrase table. Further words stay unknown.
            return 0;
        };
        let key = Key::of(word.as_bytes());
        self.words.push(word.into());
        self.keys.push([key.head, key.tail]);
        self.info.push(WordInfo::default());
        self.place(id);
        id
    }

    fn place(&mut self, id: WordId) {
        let key = Key::of(self.words[id as usize].as_bytes());
        let hash = key.hash();
        let mask = self.slots.len() - 1;
        let mut at = (hash >> self.shift) as usize;
        while self.slots[at] != 0 {
            at = (at + 1) & mask;
        }
        self.slots[at] = key.tag(hash) << ID_BITS | id;
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        self.shift -= 1;
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        for slot in old {
            if slot != 0 {
                self.place(slot & ID_MASK);
            }
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
        assert!(v.info(really).intensifier);
        assert!(v.info(v.id("not").unwrap()).negator);
        assert!(v.info(v.id("friday").unwrap()).date_start);
        assert!(v.info(v.id("ms").unwrap()).abbreviation);
        let im = v.info(v.id("i'm").unwrap());
        let parts: Vec<&str> = v.expansion(im).iter().map(|&id| v.word(id)).collect();
        assert_eq!(parts, ["i", "am"]);
        assert!(v.expansion(v.info(really)).is_empty());
        assert_eq!(v.id("anxious"), None);
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
            let id = v.id_of_ascii(text, start, start + word.len());
            (id != 0).then_some(id)
        };
        assert_eq!(id("Anxious"), v.id("anxious"));
        assert_eq!(id("anxious"), v.id("anxious"));
        assert_eq!(id("RESPONSIBILITIES-ABC"), v.id("responsibilities-abc"));
        assert_eq!(id("I'M"), v.id("i'm"));
        assert_eq!(id("SO"), v.id("so"));
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
