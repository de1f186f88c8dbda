//! The analysed message: normalised tokens mapped back to the original bytes, sentences, and
//! the counts the review reports.
//!
//! Rules never look at raw characters to find phrases: they look at [`Token`]s, whose text is
//! lowercased, has straight apostrophes and expanded contractions ("I’m" → `i am`), and whose
//! span points into the original text so findings can be located exactly. Each token also
//! carries its word's id in the document's [`Vocabulary`] (looked up once, while tokenizing),
//! so the phrase matcher compares integers, not strings.
//!
//! The analysis is one pass over the bytes. Runs of ASCII letters and digits, most of any
//! message, are consumed in a tight loop and lowercased in place in the normalised buffer; only
//! non-ASCII characters are decoded. The buffers can be handed back ([`Document::into_buffers`])
//! and reused for the next message, so reviewing many messages does not allocate per message.
//!
//! - [`lexicon`]: the small word lists (contractions, intensifiers, weekdays, ...).
//! - [`vocabulary`]: words with ids and the lexicon's facts, one hash probe per token.
//! - [`dates`]: date and time expressions ("Friday", "8 May", "last week").
//! - [`position`]: byte offsets to 1-based lines and columns.

pub mod dates;
pub mod lexicon;
pub mod position;
mod swar;
pub mod vocabulary;

use vocabulary::{Found, Vocabulary, WordId, WordInfo};

/// A normalised word, located in the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the original word's first byte.
    pub start: usize,
    /// Byte offset just past the original word.
    pub end: usize,
    /// Where the normalised text lives in [`Document::norm`], unless it is the original word
    /// itself (`VERBATIM`: already lowercase ASCII, the common case, not copied at all).
    norm_start: usize,
    norm_end: usize,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
    /// The word's id in the document's vocabulary, 0 when unknown.
    id: WordId,
    flags: u8,
    /// The first byte of the normalised word (what the prefix anchors are filed by).
    first: u8,
}

const INTENSIFIER: u8 = 1;
const NEGATOR: u8 = 2;
const CAPITALISED: u8 = 4;
const ALL_CAPS: u8 = 8;
const DATE_START: u8 = 16;
const VERBATIM: u8 = 32;

impl Token {
    /// An intensifier that patterns skip ("really", "so").
    pub fn is_intensifier(&self) -> bool {
        self.flags & INTENSIFIER != 0
    }

    /// A word that negates what follows ("not", "never").
    pub fn is_negator(&self) -> bool {
        self.flags & NEGATOR != 0
    }

    /// The original word starts with an uppercase letter.
    pub fn is_capitalised(&self) -> bool {
        self.flags & CAPITALISED != 0
    }

    /// Every letter of the original word is uppercase (and it has at least one).
    pub fn is_all_caps(&self) -> bool {
        self.flags & ALL_CAPS != 0
    }

    /// A date expression may start here (a digit, a weekday, a month, "last", "two"...).
    pub fn may_start_date(&self) -> bool {
        self.flags & DATE_START != 0
    }

    /// The word's id in the document's [`Vocabulary`], if the vocabulary knows it.
    pub fn word_id(&self) -> Option<WordId> {
        (self.id != 0).then_some(self.id)
    }

    /// The first byte of the normalised word.
    #[inline]
    pub(crate) fn first_byte(&self) -> u8 {
        self.first
    }

    /// The word's id, 0 when unknown: for lookups that index by id.
    #[inline]
    pub(crate) fn id_or_zero(&self) -> WordId {
        self.id
    }
}

/// A sentence (or a line that stands alone, such as a greeting or a sign-off).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past its last character (terminator included).
    pub end: usize,
    /// Index of its first token in [`Document::tokens`].
    pub first_token: usize,
    /// Index just past its last token.
    pub end_token: usize,
    /// Whitespace-separated words with a letter or digit.
    pub words: usize,
    /// It ends with a question mark.
    pub question: bool,
}

/// A message analysed once and shared by every rule.
#[derive(Debug)]
pub struct Document<'a> {
    /// The original text.
    pub text: &'a str,
    /// The words the token ids refer to.
    pub vocabulary: &'a Vocabulary,
    /// Normalised words in order.
    pub tokens: Vec<Token>,
    /// Sentences in order; every token belongs to exactly one.
    pub sentences: Vec<Sentence>,
    /// The normalised words that differ from the original (capitals, curly apostrophes,
    /// contractions, possessives), back to back.
    pub norm: String,
    /// Whitespace-separated tokens with a letter or digit.
    pub words: usize,
    /// Sentences ending in `?`.
    pub questions: usize,
    /// Runs of two or more `!`/`?` as byte spans, with whether they hold a `?`.
    pub punctuation_runs: Vec<(usize, usize, bool)>,
    /// Some word of two or more letters is written in capitals.
    pub has_capitals: bool,
}

/// The growable parts of a [`Document`], kept between messages so analysing the next one
/// reuses their memory instead of allocating.
#[derive(Debug, Default)]
pub struct Buffers {
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    norm: String,
    punctuation_runs: Vec<(usize, usize, bool)>,
}

/// Tokens above which a buffer is released rather than kept: after a multi-megabyte paste,
/// holding its buffers for the rest of the process would waste memory for no speed.
const KEEP_TOKENS: usize = 1 << 16;

impl Buffers {
    /// Empties the buffers, releasing any that grew very large.
    fn recycle(mut self) -> Self {
        if self.tokens.capacity() > KEEP_TOKENS {
            return Buffers::default();
        }
        self.tokens.clear();
        self.sentences.clear();
        self.norm.clear();
        self.punctuation_runs.clear();
        self
    }
}

impl<'a> Document<'a> {
    /// Analyses `text` with the lexicon alone as vocabulary. Linear in its length.
    pub fn new(text: &'a str) -> Self {
        Document::analyse(text, Vocabulary::base(), Buffers::default())
    }

    /// Analyses `text`, giving tokens their ids in `vocabulary`.
    pub fn with_vocabulary(text: &'a str, vocabulary: &'a Vocabulary) -> Self {
        Document::analyse(text, vocabulary, Buffers::default())
    }

    /// Analyses `text` into reused `buffers` (see [`Document::into_buffers`]).
    pub fn analyse(text: &'a str, vocabulary: &'a Vocabulary, buffers: Buffers) -> Self {
        Builder::new(text, vocabulary, buffers.recycle()).run()
    }

    /// Gives the buffers back for the next [`Document::analyse`].
    pub fn into_buffers(self) -> Buffers {
        Buffers {
            tokens: self.tokens,
            sentences: self.sentences,
            norm: self.norm,
            punctuation_runs: self.punctuation_runs,
        }
    }

    /// The normalised text of a token.
    pub fn word(&self, token: &Token) -> &str {
        let text = if token.flags & VERBATIM != 0 {
            self.text.get(token.start..token.end)
        } else {
            self.norm.get(token.norm_start..token.norm_end)
        };
        text.unwrap_or("")
    }

    /// The normalised text of the token at `index` (empty when out of range).
    pub fn word_at(&self, index: usize) -> &str {
        self.tokens.get(index).map_or("", |t| self.word(t))
    }

    /// The original text of a token.
    pub fn original(&self, token: &Token) -> &'a str {
        self.text.get(token.start..token.end).unwrap_or("")
    }
}

/// The character at byte `i` and its length, decoding only non-ASCII bytes.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// An apostrophe that may sit inside a word ("I’m", "O'Brien").
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// Token flags from the lexicon, and a digit that may start a date.
#[inline]
fn lexicon_flags(first_byte: u8, info: WordInfo) -> u8 {
    let mut flags = 0;
    if first_byte.is_ascii_digit() || info.date_start() {
        flags |= DATE_START;
    }
    if info.negator() {
        flags |= NEGATOR;
    } else if info.intensifier() {
        flags |= INTENSIFIER;
    }
    flags
}

/// One pass over the text, emitting tokens and sentences as boundaries are seen.
struct Builder<'a> {
    text: &'a str,
    vocabulary: &'a Vocabulary,
    doc_tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    norm: String,
    words: usize,
    questions: usize,
    punctuation_runs: Vec<(usize, usize, bool)>,
    has_capitals: bool,
    /// The id of "percent", the word a `%` sign stands for.
    percent: WordId,
    /// Start of the current sentence's first character, if it has one.
    sentence_start: Option<usize>,
    sentence_first_token: usize,
    sentence_words: usize,
    /// Word tokens on the current line, to tell a greeting line from a wrapped sentence.
    line_words: usize,
    /// End of the last word, and whether it is an abbreviation ("Ms", "Dr", an initial), so a
    /// '.' right after it does not end the sentence.
    last_word_end: usize,
    last_word_abbreviation: bool,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str, vocabulary: &'a Vocabulary, buffers: Buffers) -> Self {
        let Buffers {
            mut tokens,
            mut sentences,
            mut norm,
            punctuation_runs,
        } = buffers;
        // About one token per five bytes; reserving up front avoids regrowing while scanning.
        tokens.reserve(text.len() / 5 + 4);
        sentences.reserve(text.len() / 60 + 2);
        norm.reserve(text.len() + 16);
        Builder {
            text,
            vocabulary,
            doc_tokens: tokens,
            sentences,
            norm,
            words: 0,
            questions: 0,
            punctuation_runs,
            has_capitals: false,
            percent: vocabulary.id("percent").unwrap_or(0),
            sentence_start: None,
            sentence_first_token: 0,
            sentence_words: 0,
            line_words: 0,
            last_word_end: usize::MAX,
            last_word_abbreviation: false,
        }
    }

    fn run(mut self) -> Document<'a> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Whitespace-separated chunk state, for `words`.
        let mut in_chunk = false;
        let mut chunk_has_alnum = false;
        // Whether the last non-space character of the current line is ',', ':' or ';' (a
        // greeting line such as "Hi Ana," stands alone).
        let mut line_ends_with_separator = false;
        let mut newlines_in_gap = 0usize;

        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let starts_word = if b.is_ascii_alphanumeric() {
                true
            } else if b >= 0x80 {
                char_at(text, i).is_some_and(|(c, _)| c.is_alphanumeric())
            } else {
                false
            };
            if starts_word {
                newlines_in_gap = 0;
                in_chunk = true;
                chunk_has_alnum = true;
                line_ends_with_separator = false;
                self.sentence_start.get_or_insert(i);
                loop {
                    let (end, ascii, upper) = self.scan_word(i);
                    self.emit_word(i, end, ascii, upper);
                    i = end;
                    // The common case: one space, then the next word, starting with an ASCII
                    // letter or digit. The space only closes this word's chunk: count it and
                    // go straight on to the next word.
                    let next_is_word = bytes.get(i) == Some(&b' ')
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
                    if !next_is_word {
                        break;
                    }
                    self.words += 1;
                    self.sentence_words += 1;
                    i += 1;
                }
                continue;
            }
            let Some((c, len)) = char_at(text, i) else {
                break;
            };
            let at = i;
            i += len;
            if c.is_whitespace() {
                if in_chunk && chunk_has_alnum {
                    self.words += 1;
                    self.sentence_words += 1;
                }
                in_chunk = false;
                chunk_has_alnum = false;
                if c == '\n' {
                    newlines_in_gap += 1;
                    let blank = newlines_in_gap >= 2;
                    let standalone =
                        line_ends_with_separator || (self.line_words > 0 && self.line_words <= 4);
                    if blank || standalone {
                        self.close_sentence(at, false);
                    }
                    self.line_words = 0;
                    line_ends_with_separator = false;
                }
                continue;
            }
            newlines_in_gap = 0;
            in_chunk = true;
            line_ends_with_separator = matches!(c, ',' | ':' | ';');
            self.sentence_start.get_or_insert(at);
            if c == '%' {
                self.emit_symbol(at, at + 1, "percent");
            }
            let after_abbreviation =
                c == '.' && self.last_word_end == at && self.last_word_abbreviation;
            if matches!(c, '.' | '!' | '?' | '\u{2026}') {
                // A run of terminators ("?!", "...") ends one sentence; a '.' inside a number
                // or an address ("3.5", "acme.com") does not end anything.
                let mut end = i;
                let mut question = c == '?';
                let mut marks = usize::from(matches!(c, '!' | '?'));
                while let Some((next, len)) = char_at(text, i) {
                    if matches!(next, '.' | '!' | '?' | '\u{2026}') {
                        question |= next == '?';
                        if matches!(next, '!' | '?') {
                            marks += 1;
                        }
                        i += len;
                        end = i;
                    } else {
                        break;
                    }
                }
                self.record_marks(at, end, marks);
                // Closing quotes and brackets belong to the sentence they close.
                while let Some((next, len)) = char_at(text, i) {
                    if matches!(next, '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}') {
                        i += len;
                        end = i;
                    } else {
                        break;
                    }
                }
                let at_boundary = char_at(text, end).is_none_or(|(n, _)| n.is_whitespace());
                if at_boundary && !(after_abbreviation && end == at + 1) {
                    if in_chunk && chunk_has_alnum {
                        self.words += 1;
                        self.sentence_words += 1;
                    }
                    in_chunk = false;
                    chunk_has_alnum = false;
                    self.close_sentence(end, question);
                }
            }
        }
        if in_chunk && chunk_has_alnum {
            self.words += 1;
            self.sentence_words += 1;
        }
        self.close_sentence(text.len(), false);
        Document {
            text,
            vocabulary: self.vocabulary,
            tokens: self.doc_tokens,
            sentences: self.sentences,
            norm: self.norm,
            words: self.words,
            questions: self.questions,
            punctuation_runs: self.punctuation_runs,
            has_capitals: self.has_capitals,
        }
    }

    /// The end of the word starting at `start`, whether it is all ASCII, and whether it has
    /// an ASCII capital. A word is a run of letters and digits, with apostrophes inside it
    /// when a letter or digit follows.
    fn scan_word(&self, start: usize) -> (usize, bool, bool) {
        let bytes = self.text.as_bytes();
        let mut i = start;
        let mut ascii = true;
        let mut upper = false;
        loop {
            // The common case: ASCII letters and digits, eight bytes at a time.
            let (end, run_upper) = swar::alphanumeric_run(bytes, i);
            i = end;
            upper |= run_upper;
            // Usually a space or punctuation ends the word: only an apostrophe or a non-ASCII
            // character needs a closer look.
            match bytes.get(i) {
                None => return (i, ascii, upper),
                Some(&b) if b < 0x80 && b != b'\'' => return (i, ascii, upper),
                Some(_) => {}
            }
            let Some((c, len)) = char_at(self.text, i) else {
                return (i, ascii, upper);
            };
            let continues = if c.is_alphanumeric() {
                true
            } else {
                is_apostrophe(c)
                    && char_at(self.text, i + len).is_some_and(|(next, _)| next.is_alphanumeric())
            };
            if !continues {
                return (i, ascii, upper);
            }
            ascii &= c.is_ascii();
            i += len;
        }
    }

    /// Records the runs of `!`/`?` inside a terminator run (`at..end`) that hold two or more.
    fn record_marks(&mut self, at: usize, end: usize, marks: usize) {
        if marks < 2 {
            return;
        }
        let mut run_start = None;
        let mut question = false;
        for (offset, b) in self.text.as_bytes()[at..end].iter().enumerate() {
            let i = at + offset;
            if matches!(b, b'!' | b'?') {
                run_start.get_or_insert(i);
                question |= *b == b'?';
                continue;
            }
            if let Some(start) = run_start.take()
                && i - start >= 2
            {
                self.punctuation_runs.push((start, i, question));
            }
            question = false;
        }
        if let Some(start) = run_start
            && end - start >= 2
        {
            self.punctuation_runs.push((start, end, question));
        }
    }

    fn close_sentence(&mut self, end: usize, question: bool) {
        let Some(start) = self.sentence_start.take() else {
            return;
        };
        let end_token = self.doc_tokens.len();
        if question {
            self.questions += 1;
        }
        // Trailing whitespace is not part of the sentence.
        let trimmed_end = start + self.text[start..end].trim_end().len();
        self.sentences.push(Sentence {
            start,
            end: trimmed_end.max(start),
            first_token: self.sentence_first_token,
            end_token,
            words: self.sentence_words,
            question,
        });
        self.sentence_first_token = end_token;
        self.sentence_words = 0;
    }

    /// Normalises the word at `start..end`, looks it up once, and pushes its token (or the
    /// tokens of its expansion). `ascii` and `upper` come from the scan: a lowercase ASCII
    /// word, most words of any message, is its own normalised form and is not copied.
    fn emit_word(&mut self, start: usize, end: usize, ascii: bool, upper: bool) {
        let text = self.text;
        let original = &text[start..end];
        self.line_words += 1;
        let vocabulary = self.vocabulary;
        // ASCII words are looked up in place, lowercased on the fly.
        let ascii_found = if ascii {
            vocabulary.find_ascii(text, start, end)
        } else {
            Found::default()
        };
        if ascii && !upper {
            let found = ascii_found;
            self.last_word_end = end;
            // One letter alone is an initial ("J. Lima").
            self.last_word_abbreviation = found.info.abbreviation()
                || original.len() == 1 && original.as_bytes()[0].is_ascii_alphabetic();
            if !found.info.expands() && !original.ends_with("'s") {
                self.push_verbatim(start, end, found);
                return;
            }
            let norm_start = self.norm.len();
            self.norm.push_str(original);
            self.push_normalised(start, end, norm_start, 0, found);
            return;
        }

        let norm_start = self.norm.len();
        let (letters, upper, first_upper, single_char);
        if ascii {
            // Capitals: count letters and capitals, copy, and lowercase the copy.
            let bytes = original.as_bytes();
            let (mut l, mut u) = (0usize, 0usize);
            for &b in bytes {
                l += usize::from(b.is_ascii_alphabetic());
                u += usize::from(b.is_ascii_uppercase());
            }
            (letters, upper) = (l, u);
            first_upper = bytes[0].is_ascii_uppercase();
            single_char = bytes.len() == 1;
            self.norm.push_str(original);
            self.norm[norm_start..].make_ascii_lowercase();
        } else {
            let (mut l, mut u, mut first, mut chars) = (0usize, 0usize, false, 0usize);
            for c in original.chars() {
                if c.is_alphabetic() {
                    l += 1;
                    if c.is_uppercase() {
                        u += 1;
                        first |= chars == 0;
                    }
                }
                chars += 1;
                if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}') {
                    self.norm.push('\'');
                } else if c.is_ascii() {
                    self.norm.push(c.to_ascii_lowercase());
                } else {
                    self.norm.extend(c.to_lowercase());
                }
            }
            (letters, upper, first_upper, single_char) = (l, u, first, chars == 1);
        }
        let mut case_flags = 0;
        if first_upper {
            case_flags |= CAPITALISED;
        }
        if letters > 0 && upper == letters {
            case_flags |= ALL_CAPS;
            self.has_capitals |= letters >= 2;
        }
        let found = if ascii {
            ascii_found
        } else {
            vocabulary.find(&self.norm[norm_start..])
        };
        self.last_word_end = end;
        self.last_word_abbreviation = letters == 1 && single_char || found.info.abbreviation();
        self.push_normalised(start, end, norm_start, case_flags, found);
    }

    /// Pushes the token(s) of a word whose normalised text is `norm[norm_start..]`, looked up
    /// as `found`: its expansion if it is a contraction, its noun if it is a possessive.
    fn push_normalised(
        &mut self,
        start: usize,
        end: usize,
        norm_start: usize,
        case_flags: u8,
        found: Found,
    ) {
        let vocabulary = self.vocabulary;
        if found.info.expands() {
            self.norm.truncate(norm_start);
            for &part in vocabulary.expansion(found.id) {
                let part_start = self.norm.len();
                self.norm.push_str(vocabulary.word(part));
                let part = Found {
                    id: part,
                    info: vocabulary.info(part),
                };
                self.push_token(start, end, part_start, case_flags, part);
            }
        } else if self.norm[norm_start..].ends_with("'s") {
            // A possessive ("Acme's") reads as its noun.
            self.norm.truncate(self.norm.len() - 2);
            let base = vocabulary.find(&self.norm[norm_start..]);
            self.push_token(start, end, norm_start, case_flags, base);
        } else {
            self.push_token(start, end, norm_start, case_flags, found);
        }
    }

    /// Pushes the token of a word that is its own normalised form.
    fn push_verbatim(&mut self, start: usize, end: usize, found: Found) {
        let first = self.text.as_bytes()[start];
        let flags = VERBATIM | lexicon_flags(first, found.info);
        self.doc_tokens.push(Token {
            start,
            end,
            norm_start: 0,
            norm_end: 0,
            sentence: self.sentences.len(),
            id: found.id,
            flags,
            first,
        });
    }

    fn emit_symbol(&mut self, start: usize, end: usize, word: &str) {
        if self.sentence_start.is_none() {
            self.sentence_start = Some(start);
        }
        let norm_start = self.norm.len();
        self.norm.push_str(word);
        // The sign carries no lexicon facts, whatever the word's.
        let percent = Found {
            id: self.percent,
            info: WordInfo::default(),
        };
        self.push_token(start, end, norm_start, 0, percent);
    }

    /// Pushes a token whose normalised text is `norm[norm_start..]`.
    fn push_token(
        &mut self,
        start: usize,
        end: usize,
        norm_start: usize,
        case_flags: u8,
        found: Found,
    ) {
        let first = self.norm.as_bytes().get(norm_start).copied().unwrap_or(0);
        let flags = case_flags | lexicon_flags(first, found.info);
        self.doc_tokens.push(Token {
            start,
            end,
            norm_start,
            norm_end: self.norm.len(),
            sentence: self.sentences.len(),
            id: found.id,
            flags,
            first,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(doc: &Document<'_>) -> Vec<String> {
        doc.tokens.iter().map(|t| doc.word(t).to_owned()).collect()
    }

    #[test]
    fn contractions_and_curly_quotes_normalise_alike() {
        for text in ["I'm anxious", "I’m anxious", "I am anxious", "IM anxious"] {
            let doc = Document::new(text);
            assert_eq!(words(&doc), ["i", "am", "anxious"], "{text}");
        }
    }

    #[test]
    fn spans_point_into_the_original() {
        let text = "Olá, I’ve been waiting";
        let doc = Document::new(text);
        let t = doc.tokens[1];
        assert_eq!(&text[t.start..t.end], "I’ve");
        assert_eq!(doc.word(&t), "i");
        assert_eq!(doc.word(&doc.tokens[2]), "have");
        assert_eq!(doc.original(&doc.tokens[0]), "Olá");
    }

    #[test]
    fn sentences_split_on_terminators_blank_lines_and_greeting_lines() {
        let text = "Hi Ana,\n\nI hope you are well. Is there any news?!\n\nBest regards,\nMaria";
        let doc = Document::new(text);
        let spans: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            spans,
            [
                "Hi Ana,",
                "I hope you are well.",
                "Is there any news?!",
                "Best regards,",
                "Maria"
            ]
        );
        assert_eq!(doc.questions, 1);
        assert_eq!(doc.words, 14);
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let doc = Document::new("Dear Ms. Souza, I met Dr. J. Lima. Thanks.");
        assert_eq!(doc.sentences.len(), 2);
    }

    #[test]
    fn wrapped_lines_stay_one_sentence() {
        let text = "I am following up on the Backend Engineer position\nat Acme that we discussed.";
        let doc = Document::new(text);
        assert_eq!(doc.sentences.len(), 1);
    }

    #[test]
    fn numbers_and_addresses_do_not_end_sentences() {
        let doc = Document::new("I have 3.5 years at acme.com and more. Yes?");
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.questions, 1);
    }

    #[test]
    fn words_count_whitespace_chunks_with_a_letter_or_digit() {
        let doc = Document::new("Hi -- there , 42 !!");
        assert_eq!(doc.words, 3);
    }

    #[test]
    fn flags_mark_case_and_intensifiers() {
        let doc = Document::new("I REALLY need Ana not");
        assert!(doc.tokens[1].is_all_caps() && doc.tokens[1].is_intensifier());
        assert!(doc.tokens[3].is_capitalised() && !doc.tokens[3].is_all_caps());
        assert!(doc.tokens[4].is_negator());
    }

    #[test]
    fn tokens_carry_their_vocabulary_ids() {
        let vocabulary = Vocabulary::new(["news", "acme"]);
        let doc = Document::with_vocabulary("Any NEWS from Acme’s team? 5%", &vocabulary);
        let ids: Vec<Option<&str>> = doc
            .tokens
            .iter()
            .map(|t| t.word_id().map(|id| vocabulary.word(id)))
            .collect();
        assert_eq!(
            ids,
            [None, Some("news"), None, Some("acme"), None, None, None]
        );
        assert_eq!(words(&doc)[6], "percent");
    }

    #[test]
    fn reused_buffers_give_the_same_analysis() {
        let vocabulary = Vocabulary::base();
        let first = Document::analyse("I’m SO anxious!! Really?", vocabulary, Buffers::default());
        let (tokens, sentences) = (first.tokens.clone(), first.sentences.clone());
        let buffers = first.into_buffers();
        let other = Document::analyse("Hi Ana,\n\nAny news?", vocabulary, buffers);
        let again = Document::analyse("I’m SO anxious!! Really?", vocabulary, other.into_buffers());
        assert_eq!(again.tokens, tokens);
        assert_eq!(again.sentences, sentences);
        assert_eq!(again.punctuation_runs, [(16, 18, false)]);
    }
}
