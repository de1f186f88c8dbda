//! The analysed message: normalised tokens mapped back to the original bytes, sentences, and
//! the counts the review reports.
//!
//! Rules never look at raw characters to find phrases: they look at [`Token`]s, whose text is
//! lowercased, has straight apostrophes and expanded contractions ("I’m" → `i am`), and whose
//! span points into the original text so findings can be located exactly.
//!
//! - [`lexicon`]: the small word lists (contractions, intensifiers, weekdays, ...).
//! - [`dates`]: date and time expressions ("Friday", "8 May", "last week").
//! - [`position`]: byte offsets to 1-based lines and columns.

pub mod dates;
pub mod lexicon;
pub mod position;

/// A normalised word, located in the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the original word's first byte.
    pub start: usize,
    /// Byte offset just past the original word.
    pub end: usize,
    /// Where the normalised text lives in [`Document::norm`].
    norm_start: usize,
    norm_end: usize,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
    flags: u8,
}

const INTENSIFIER: u8 = 1;
const NEGATOR: u8 = 2;
const CAPITALISED: u8 = 4;
const ALL_CAPS: u8 = 8;
const DATE_START: u8 = 16;

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
    /// Normalised words in order.
    pub tokens: Vec<Token>,
    /// Sentences in order; every token belongs to exactly one.
    pub sentences: Vec<Sentence>,
    /// Normalised tokens separated by single spaces, with a space at each end, so a phrase
    /// automaton can find ` word ` with its boundaries.
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

impl<'a> Document<'a> {
    /// Analyses `text`. Linear in its length.
    pub fn new(text: &'a str) -> Self {
        Builder::new(text).run()
    }

    /// The normalised text of a token.
    pub fn word(&self, token: &Token) -> &str {
        self.norm
            .get(token.norm_start..token.norm_end)
            .unwrap_or("")
    }

    /// The normalised text of the token at `index` (empty when out of range).
    pub fn word_at(&self, index: usize) -> &str {
        self.tokens.get(index).map_or("", |t| self.word(t))
    }

    /// The index of the token whose normalised text starts at byte `norm_offset` of
    /// [`Document::norm`].
    pub fn token_at_norm(&self, norm_offset: usize) -> Option<usize> {
        let index = self.tokens.partition_point(|t| t.norm_start < norm_offset);
        (self.tokens.get(index)?.norm_start == norm_offset).then_some(index)
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

/// One pass over the characters, emitting tokens and sentences as boundaries are seen.
struct Builder<'a> {
    text: &'a str,
    doc_tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    norm: String,
    scratch: String,
    words: usize,
    questions: usize,
    punctuation_runs: Vec<(usize, usize, bool)>,
    has_capitals: bool,
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
    fn new(text: &'a str) -> Self {
        let mut norm = String::with_capacity(text.len() + 16);
        norm.push(' ');
        Builder {
            text,
            doc_tokens: Vec::with_capacity(text.len() / 5 + 4),
            sentences: Vec::with_capacity(text.len() / 60 + 2),
            norm,
            scratch: String::with_capacity(32),
            words: 0,
            questions: 0,
            punctuation_runs: Vec::new(),
            has_capitals: false,
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
        let mut word_start: Option<usize> = None;
        // Whitespace-separated chunk state, for `words`.
        let mut in_chunk = false;
        let mut chunk_has_alnum = false;
        // The last non-space character of the current line, for line-end boundaries.
        let mut line_last: Option<char> = None;
        let mut newlines_in_gap = 0usize;

        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some((c, len)) = char_at(text, i) {
            if c.is_ascii_alphanumeric() {
                // The common case: a run of ASCII letters and digits, in one tight loop.
                let at = i;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                newlines_in_gap = 0;
                in_chunk = true;
                chunk_has_alnum = true;
                line_last = Some(bytes[i - 1] as char);
                if self.sentence_start.is_none() {
                    self.sentence_start = Some(at);
                }
                if word_start.is_none() {
                    word_start = Some(at);
                }
                continue;
            }
            let at = i;
            i += len;
            if c.is_whitespace() {
                if in_chunk && chunk_has_alnum {
                    self.words += 1;
                    self.sentence_words += 1;
                }
                in_chunk = false;
                chunk_has_alnum = false;
                if let Some(start) = word_start.take() {
                    self.emit_word(start, at);
                }
                if c == '\n' {
                    newlines_in_gap += 1;
                    let blank = newlines_in_gap >= 2;
                    let standalone = matches!(line_last, Some(',' | ':' | ';'))
                        || (self.line_words > 0 && self.line_words <= 4);
                    if blank || standalone {
                        self.close_sentence(at, false);
                    }
                    self.line_words = 0;
                    line_last = None;
                }
                continue;
            }
            newlines_in_gap = 0;
            in_chunk = true;
            line_last = Some(c);
            if self.sentence_start.is_none() {
                self.sentence_start = Some(at);
            }
            if c.is_alphanumeric() {
                chunk_has_alnum = true;
                if word_start.is_none() {
                    word_start = Some(at);
                }
                continue;
            }
            // An apostrophe inside a word ("I’m", "O'Brien") keeps the word going.
            let is_apostrophe = matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}');
            if is_apostrophe
                && word_start.is_some()
                && char_at(text, i).is_some_and(|(next, _)| next.is_alphanumeric())
            {
                continue;
            }
            if let Some(start) = word_start.take() {
                self.emit_word(start, at);
            }
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
                        line_last = Some(next);
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
        if let Some(start) = word_start.take() {
            self.emit_word(start, text.len());
        }
        self.close_sentence(text.len(), false);
        Document {
            text,
            tokens: self.doc_tokens,
            sentences: self.sentences,
            norm: self.norm,
            words: self.words,
            questions: self.questions,
            punctuation_runs: self.punctuation_runs,
            has_capitals: self.has_capitals,
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

    fn emit_word(&mut self, start: usize, end: usize) {
        let original = &self.text[start..end];
        self.line_words += 1;
        let mut letters = 0usize;
        let mut upper = 0usize;
        let mut first_upper = false;
        self.scratch.clear();
        if original.is_ascii() {
            // The common case: count letters and capitals, then lowercase in one go.
            let bytes = original.as_bytes();
            letters = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
            upper = bytes.iter().filter(|b| b.is_ascii_uppercase()).count();
            first_upper = bytes[0].is_ascii_uppercase();
            self.scratch.push_str(original);
            self.scratch.make_ascii_lowercase();
        } else {
            for (n, c) in original.chars().enumerate() {
                if c.is_alphabetic() {
                    letters += 1;
                    if c.is_uppercase() {
                        upper += 1;
                        if n == 0 {
                            first_upper = true;
                        }
                    }
                }
                if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}') {
                    self.scratch.push('\'');
                } else if c.is_ascii() {
                    self.scratch.push(c.to_ascii_lowercase());
                } else {
                    self.scratch.extend(c.to_lowercase());
                }
            }
        }
        let mut case_flags = 0;
        if first_upper {
            case_flags |= CAPITALISED;
        }
        if letters > 0 && upper == letters {
            case_flags |= ALL_CAPS;
            self.has_capitals |= letters >= 2;
        }
        let scratch = std::mem::take(&mut self.scratch);
        self.last_word_end = end;
        self.last_word_abbreviation = letters == 1 && original.chars().count() == 1
            || matches!(
                scratch.as_str(),
                "mr" | "mrs" | "ms" | "dr" | "prof" | "st" | "jr" | "sr" | "vs" | "etc" | "approx"
            );
        let entry = lexicon::entry(&scratch);
        if let Some(parts) = entry.and_then(|e| e.expansion) {
            for part in parts {
                self.push_token(start, end, part, case_flags, lexicon::entry(part));
            }
        } else if let Some(base) = scratch.strip_suffix("'s") {
            // A possessive ("Acme's") reads as its noun.
            self.push_token(start, end, base, case_flags, lexicon::entry(base));
        } else {
            self.push_token(start, end, &scratch, case_flags, entry);
        }
        self.scratch = scratch;
    }

    fn emit_symbol(&mut self, start: usize, end: usize, word: &str) {
        if self.sentence_start.is_none() {
            self.sentence_start = Some(start);
        }
        self.push_token(start, end, word, 0, None);
    }

    fn push_token(
        &mut self,
        start: usize,
        end: usize,
        word: &str,
        case_flags: u8,
        entry: Option<&lexicon::Entry>,
    ) {
        let mut flags = case_flags;
        if word.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            flags |= DATE_START;
        }
        if let Some(entry) = entry {
            if entry.negator {
                flags |= NEGATOR;
            } else if entry.intensifier {
                flags |= INTENSIFIER;
            }
            if entry.date_start {
                flags |= DATE_START;
            }
        }
        let norm_start = self.norm.len();
        self.norm.push_str(word);
        let norm_end = self.norm.len();
        self.norm.push(' ');
        self.doc_tokens.push(Token {
            start,
            end,
            norm_start,
            norm_end,
            sentence: self.sentences.len(),
            flags,
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
    fn token_lookup_by_norm_offset() {
        let doc = Document::new("Any news");
        let start = doc.norm.find("news").unwrap();
        assert_eq!(doc.token_at_norm(start), Some(1));
        assert_eq!(doc.token_at_norm(start + 1), None);
    }
}
