//! Everything the reviewer knows about one language, compiled from its folder `rules/<code>/`
//! by `build.rs`: the phrase tables (`phrases/<rule id>.txt`) and the lexicon
//! (`lexicon/*.txt`: contractions, intensifiers, negators, abbreviations, honorifics, stop
//! words, number and ordinal words, how weekday and month names are read, the words of
//! shouting and greetings). Weekday and month names themselves are the core's
//! (`followup_core::time::phrase`), the same the date phrases people type are read with.
//!
//! The data is static: a review starts with nothing to read, parse or allocate.

use std::borrow::Cow;

use followup_core::time::phrase::{MONTH_NAMES, WEEKDAY_NAMES};
use jiff::civil::Weekday;

// The generated statics name these types unqualified.
use crate::finding::Category;
use crate::phrase::PhraseSet;
use crate::phrase::pattern::{Alt, Pattern, Slot};
use crate::tone::ToneModel;

/// A language: its lexicon and its compiled phrase tables.
#[derive(Debug)]
pub struct Language {
    /// The language's code, its folder's name (`en`).
    pub code: &'static str,
    /// Its word lists.
    pub lexicon: Lexicon,
    /// Its phrase tables, compiled to an index of anchor words.
    pub phrases: PhraseSet,
    /// Its tone model (`tone/model.tsv`), if it has one.
    pub tone: Option<ToneModel>,
}

/// What the tokenizer learns about a word with one lookup.
#[derive(Clone, Copy, Debug, Default)]
pub struct Facts {
    /// Only adds intensity ("really"): patterns skip it for free.
    pub intensifier: bool,
    /// Reverses what follows ("not"): a gap holding one breaks a match.
    pub negator: bool,
    /// A '.' right after it does not end the sentence ("Ms.").
    pub abbreviation: bool,
    /// The words a contraction stands for ("i'm" → `i am`); empty for other words.
    pub expansion: &'static [&'static str],
}

/// A language's word lists.
#[derive(Debug)]
pub struct Lexicon {
    /// Facts of the words the tokenizer must know (contractions, intensifiers, negators,
    /// abbreviations), normalised.
    pub words: phf::Map<&'static str, Facts>,
    /// Counts written as words ("two", "several").
    pub counts: phf::Map<&'static str, u32>,
    /// Days written as ordinal words ("eighth").
    pub ordinals: phf::Map<&'static str, u8>,
    /// Titles before a name ("ms", "sra"): never the name itself.
    pub honorifics: phf::Set<&'static str>,
    /// Words too common to anchor a pattern (the build chose anchors with them).
    pub stop_words: phf::Set<&'static str>,
    /// Acronyms: capitals that are not shouting ("api", "asap").
    pub acronyms: phf::Set<&'static str>,
    /// Ordinary words that shout when written in capitals ("really", "need").
    pub emphasis: phf::Set<&'static str>,
    /// Short function words: a run of capitals holding one is a sentence, not acronyms.
    pub function_words: phf::Set<&'static str>,
    /// Words a greeting opens with ("hi", "dear").
    pub greetings: phf::Set<&'static str>,
    /// Whom a greeting may address without a name ("team", "hiring").
    pub generic_addressees: phf::Set<&'static str>,
    /// Words of a thank-you that could follow any interview ("enjoyed our conversation").
    pub generic_thanks: phf::Set<&'static str>,
    /// Words that make a sentence a polite request ("please", "kindly").
    pub politeness: phf::Set<&'static str>,
    /// Verbs of a request in the imperative ("share", "revert", "let").
    pub request_verbs: phf::Set<&'static str>,
    /// Strongly negative words (a sentiment lexicon, less the words that are no feeling in a
    /// job search: `lexicon/not-feelings.txt`), read through who is spoken about.
    pub negative: phf::Set<&'static str>,
    /// Weekday abbreviations that count only with a capital ("Wed").
    pub weekdays_capital_only: &'static [&'static str],
    /// Weekday abbreviations that are ordinary words and never count ("sat").
    pub weekdays_never: &'static [&'static str],
    /// Month names that are ordinary words ("may"): months only after a context word.
    pub ambiguous_months: &'static [&'static str],
    /// The words that make an ambiguous month name a month ("in May").
    pub month_context: &'static [&'static str],
}

const NO_FACTS: Facts = Facts {
    intensifier: false,
    negator: false,
    abbreviation: false,
    expansion: &[],
};

impl Lexicon {
    /// The facts of a normalised word (all false for a word the lexicon does not list).
    pub fn facts(&self, word: &str) -> Facts {
        self.words.get(word).copied().unwrap_or(NO_FACTS)
    }

    /// A weekday named in a message: a full name or its plural ("Fridays"), or an abbreviation
    /// (those that are also ordinary words only when `capitalised`, some never).
    pub fn weekday(&self, word: &str, capitalised: bool) -> Option<Weekday> {
        WEEKDAY_NAMES.iter().find_map(|(day, full, short)| {
            let named = *full == word
                || word.strip_suffix('s') == Some(full)
                || (short.contains(&word)
                    && !self.weekdays_never.contains(&word)
                    && (capitalised || !self.weekdays_capital_only.contains(&word)));
            named.then_some(*day)
        })
    }

    /// A month's number (1–12) from its name or abbreviation, ambiguous names included: the
    /// caller decides whether the context makes "may" a month.
    pub fn month(&self, word: &str) -> Option<i8> {
        followup_core::time::phrase::month(word)
    }

    /// A month's full name that is not also an ordinary word ("june", not "may").
    pub fn is_unambiguous_month_name(&self, word: &str) -> bool {
        MONTH_NAMES.iter().any(|(full, _)| *full == word) && !self.ambiguous_months.contains(&word)
    }

    /// A count written as digits (at most nine) or words.
    pub fn count(&self, word: &str) -> Option<u32> {
        digits_value(word).or_else(|| self.counts.get(word).copied())
    }

    /// The day of an ordinal such as "8th", "21st", "eighth".
    pub fn ordinal_day(&self, word: &str) -> Option<u8> {
        let digits_end = word.bytes().take_while(u8::is_ascii_digit).count();
        if digits_end > 0 {
            let (digits, suffix) = word.split_at(digits_end);
            if matches!(suffix, "st" | "nd" | "rd" | "th") {
                let value: u8 = digits.parse().ok()?;
                return (1..=31).contains(&value).then_some(value);
            }
            return None;
        }
        self.ordinals.get(word).copied()
    }
}

/// The value of a token made of ASCII digits (at most 9 of them).
pub fn digits_value(word: &str) -> Option<u32> {
    if word.is_empty() || word.len() > 9 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

// `EN` and `LANGUAGES`, generated by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/languages.rs"));

impl Language {
    /// The language with this code, if it is compiled in.
    pub fn by_code(code: &str) -> Option<&'static Language> {
        LANGUAGES.iter().copied().find(|l| l.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_facts() {
        let en = &EN.lexicon;
        assert!(en.facts("really").intensifier);
        assert!(en.facts("not").negator);
        assert!(en.facts("ms").abbreviation);
        assert_eq!(en.facts("i'm").expansion, ["i", "am"]);
        assert_eq!(en.facts("cannot").expansion, ["can", "not"]);
        assert!(en.facts("maria's").expansion.is_empty());
        assert!(en.honorifics.contains("sra"));
    }

    #[test]
    fn ordinals_and_counts() {
        let en = &EN.lexicon;
        assert_eq!(en.ordinal_day("8th"), Some(8));
        assert_eq!(en.ordinal_day("21st"), Some(21));
        assert_eq!(en.ordinal_day("32nd"), None);
        assert_eq!(en.ordinal_day("8"), None);
        assert_eq!(en.ordinal_day("eighth"), Some(8));
        assert_eq!(en.count("10"), Some(10));
        assert_eq!(en.count("two"), Some(2));
        assert_eq!(en.count("1234567890"), None);
    }

    #[test]
    fn weekday_abbreviations_that_are_words_need_a_capital() {
        let en = &EN.lexicon;
        assert_eq!(en.weekday("fri", true), Some(Weekday::Friday));
        assert_eq!(en.weekday("wed", false), None);
        assert_eq!(en.weekday("weds", false), Some(Weekday::Wednesday));
        assert_eq!(en.weekday("friday", false), Some(Weekday::Friday));
        assert_eq!(en.weekday("fridays", false), Some(Weekday::Friday));
        assert_eq!(en.weekday("sat", true), None);
        assert_eq!(en.weekday("sun", true), None);
    }

    #[test]
    fn may_is_a_month_only_in_context() {
        let en = &EN.lexicon;
        assert_eq!(en.month("may"), Some(5));
        assert!(!en.is_unambiguous_month_name("may"));
        assert!(en.is_unambiguous_month_name("june"));
        assert!(!en.is_unambiguous_month_name("jun"));
    }

    #[test]
    fn languages_are_found_by_code() {
        assert_eq!(Language::by_code("en").map(|l| l.code), Some("en"));
        assert!(Language::by_code("xx").is_none());
    }
}
