//! The analysed message: normalised tokens located in the original text, sentences, and the
//! counts the review reports.
//!
//! Rules never look at raw characters to find phrases: they look at [`Token`]s, whose text is
//! lowercased, has straight apostrophes and expanded contractions ("I’m" → `i am`), and whose
//! span points into the original text so findings can be located exactly. Each word is looked
//! up once in the language's lexicon, and the token keeps what the matcher asks about it
//! (intensifier, negator) beside its case.
//!
//! - [`dates`]: date and time expressions ("Friday", "8 May", "last week").
//! - [`position`]: byte offsets to 1-based lines and columns.
//! - [`speech`]: requests that are not questions ("Kindly share the status").
//! - [`roles`]: who a stretch of a sentence speaks about (the sender, them, the wait).
//! - [`parts`]: the greeting, the body and the close of a message.

pub mod dates;
pub(crate) mod parts;
pub mod position;
pub mod roles;
pub mod speech;

use crate::language::{Facts, Language};

/// A normalised word, located in the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The normalised word: lowercase, straight apostrophes, one word of an expanded
    /// contraction, a possessive's noun ("Acme's" → `acme`).
    pub text: String,
    /// Byte offset of the original word's first byte.
    pub start: usize,
    /// Byte offset just past the original word.
    pub end: usize,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
    /// The original word starts with an uppercase letter.
    pub capitalised: bool,
    /// Every letter of the original word is uppercase (and it has at least one).
    pub all_caps: bool,
    /// An intensifier that patterns skip ("really", "so").
    pub intensifier: bool,
    /// A word that negates what follows ("not", "never").
    pub negator: bool,
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
    /// Analyses `text` in `language`. Linear in its length.
    pub fn new(text: &'a str, language: &'static Language) -> Self {
        Builder::new(text, language).run()
    }

    /// The normalised text of the token at `index` (empty when out of range).
    pub fn word_at(&self, index: usize) -> &str {
        self.tokens.get(index).map_or("", |t| t.text.as_str())
    }

    /// The original text of a token.
    pub fn original(&self, token: &Token) -> &'a str {
        self.text.get(token.start..token.end).unwrap_or("")
    }
}

/// The character at byte `i` and its length.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// An apostrophe that may sit inside a word ("I’m", "O'Brien").
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// One pass over the text, emitting tokens and sentences as boundaries are seen.
struct Builder<'a> {
    text: &'a str,
    language: &'static Language,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
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
    fn new(text: &'a str, language: &'static Language) -> Self {
        Builder {
            text,
            language,
            tokens: Vec::new(),
            sentences: Vec::new(),
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
        // Whitespace-separated chunk state, for `words`.
        let mut in_chunk = false;
        let mut chunk_has_alnum = false;
        // Whether the last non-space character of the current line is ',', ':' or ';' (a
        // greeting line such as "Hi Ana," stands alone).
        let mut line_ends_with_separator = false;
        let mut newlines_in_gap = 0usize;

        let mut i = 0;
        while i < text.len() {
            let Some((c, len)) = char_at(text, i) else {
                break;
            };
            if c.is_alphanumeric() {
                newlines_in_gap = 0;
                in_chunk = true;
                chunk_has_alnum = true;
                line_ends_with_separator = false;
                self.sentence_start.get_or_insert(i);
                let end = self.word_end(i);
                self.push_word(i, end);
                i = end;
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
                self.push_symbol(at, at + 1, "percent");
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
            tokens: self.tokens,
            sentences: self.sentences,
            words: self.words,
            questions: self.questions,
            punctuation_runs: self.punctuation_runs,
            has_capitals: self.has_capitals,
        }
    }

    /// The end of the word starting at `start`: a run of letters and digits, with apostrophes
    /// inside it when a letter or digit follows.
    fn word_end(&self, start: usize) -> usize {
        let mut i = start;
        while let Some((c, len)) = char_at(self.text, i) {
            let continues = c.is_alphanumeric()
                || (is_apostrophe(c)
                    && char_at(self.text, i + len).is_some_and(|(next, _)| next.is_alphanumeric()));
            if !continues {
                break;
            }
            i += len;
        }
        i
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
        let end_token = self.tokens.len();
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

    /// Normalises the word at `start..end`, looks it up, and pushes its token: the tokens of
    /// its expansion if it is a contraction, its noun if it is a possessive.
    fn push_word(&mut self, start: usize, end: usize) {
        let original = &self.text[start..end];
        self.line_words += 1;
        let mut norm = String::with_capacity(original.len());
        let (mut letters, mut upper) = (0usize, 0usize);
        for c in original.chars() {
            if c.is_alphabetic() {
                letters += 1;
                upper += usize::from(c.is_uppercase());
            }
            if is_apostrophe(c) {
                norm.push('\'');
            } else {
                norm.extend(c.to_lowercase());
            }
        }
        let mut chars = original.chars();
        let first = chars.next();
        let capitalised = first.is_some_and(|c| c.is_alphabetic() && c.is_uppercase());
        let all_caps = letters > 0 && upper == letters;
        self.has_capitals |= all_caps && letters >= 2;
        let lexicon = &self.language.lexicon;
        let facts = lexicon.facts(&norm);
        // One letter alone is an initial ("J. Lima").
        let initial = chars.next().is_none() && first.is_some_and(char::is_alphabetic);
        self.last_word_end = end;
        self.last_word_abbreviation = facts.abbreviation || initial;
        let case = (capitalised, all_caps);
        if !facts.expansion.is_empty() {
            for part in facts.expansion {
                self.push_token(start, end, (*part).to_owned(), case, lexicon.facts(part));
            }
        } else if let Some(noun) = norm.strip_suffix("'s") {
            let noun = noun.to_owned();
            let facts = lexicon.facts(&noun);
            self.push_token(start, end, noun, case, facts);
        } else {
            self.push_token(start, end, norm, case, facts);
        }
    }

    /// Pushes the token of a sign that stands for a word ("%" → `percent`). The sign carries
    /// no lexicon facts, whatever the word's.
    fn push_symbol(&mut self, start: usize, end: usize, word: &str) {
        self.sentence_start.get_or_insert(start);
        self.push_token(
            start,
            end,
            word.to_owned(),
            (false, false),
            Facts::default(),
        );
    }

    fn push_token(
        &mut self,
        start: usize,
        end: usize,
        text: String,
        (capitalised, all_caps): (bool, bool),
        facts: Facts,
    ) {
        self.tokens.push(Token {
            text,
            start,
            end,
            sentence: self.sentences.len(),
            capitalised,
            all_caps,
            intensifier: facts.intensifier && !facts.negator,
            negator: facts.negator,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::EN;

    fn analyse(text: &str) -> Document<'_> {
        Document::new(text, &EN)
    }

    fn words(doc: &Document<'_>) -> Vec<String> {
        doc.tokens.iter().map(|t| t.text.clone()).collect()
    }

    #[test]
    fn contractions_and_curly_quotes_normalise_alike() {
        for text in ["I'm anxious", "I’m anxious", "I am anxious", "IM anxious"] {
            let doc = analyse(text);
            assert_eq!(words(&doc), ["i", "am", "anxious"], "{text}");
        }
    }

    #[test]
    fn spans_point_into_the_original() {
        let text = "Olá, I’ve been waiting";
        let doc = analyse(text);
        let t = &doc.tokens[1];
        assert_eq!(&text[t.start..t.end], "I’ve");
        assert_eq!(t.text, "i");
        assert_eq!(doc.tokens[2].text, "have");
        assert_eq!(doc.original(&doc.tokens[0]), "Olá");
    }

    #[test]
    fn possessives_read_as_their_noun_and_percent_as_a_word() {
        let doc = analyse("Any NEWS from Acme’s team? 5%");
        assert_eq!(
            words(&doc),
            ["any", "news", "from", "acme", "team", "5", "percent"]
        );
    }

    #[test]
    fn sentences_split_on_terminators_blank_lines_and_greeting_lines() {
        let text = "Hi Ana,\n\nI hope you are well. Is there any news?!\n\nBest regards,\nMaria";
        let doc = analyse(text);
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
        let doc = analyse("Dear Ms. Souza, I met Dr. J. Lima. Thanks.");
        assert_eq!(doc.sentences.len(), 2);
    }

    #[test]
    fn wrapped_lines_stay_one_sentence() {
        let text = "I am following up on the Backend Engineer position\nat Acme that we discussed.";
        assert_eq!(analyse(text).sentences.len(), 1);
    }

    #[test]
    fn numbers_and_addresses_do_not_end_sentences() {
        let doc = analyse("I have 3.5 years at acme.com and more. Yes?");
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.questions, 1);
    }

    #[test]
    fn words_count_whitespace_chunks_with_a_letter_or_digit() {
        assert_eq!(analyse("Hi -- there , 42 !!").words, 3);
    }

    #[test]
    fn tokens_know_their_case_and_role() {
        let doc = analyse("I REALLY need Ana not");
        assert!(doc.tokens[1].all_caps && doc.tokens[1].intensifier);
        assert!(doc.tokens[3].capitalised && !doc.tokens[3].all_caps);
        assert!(doc.tokens[4].negator);
    }

    #[test]
    fn punctuation_runs_are_recorded() {
        assert_eq!(
            analyse("I’m SO anxious!! Really?").punctuation_runs,
            [(16, 18, false)]
        );
    }
}
