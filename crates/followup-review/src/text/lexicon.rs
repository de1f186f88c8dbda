//! Small word lists the tokenizer and the rules share: contractions, intensifiers, negators,
//! number words, weekdays and months.
//!
//! The lists the tokenizer asks about for every word (contractions, intensifiers, negators,
//! date words) are loaded into the [`Vocabulary`], so one hash probe answers all of them; the
//! rest are `match` tables, which the compiler turns into length and byte comparisons.

use jiff::civil::Weekday;

use super::vocabulary::Vocabulary;

/// Words that may start a date expression besides digits (weekdays, months, counts,
/// relative words); [`crate::text::dates`] decides.
pub(crate) const DATE_WORDS: &[&str] = &[
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "couple",
    "few",
    "several",
    "many",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "last",
    "this",
    "next",
    "past",
    "previous",
    "coming",
    "earlier",
    "end",
    "monday",
    "mondays",
    "tuesday",
    "tuesdays",
    "tues",
    "wednesday",
    "wednesdays",
    "weds",
    "thursday",
    "thursdays",
    "thurs",
    "thur",
    "friday",
    "fridays",
    "saturday",
    "saturdays",
    "sunday",
    "sundays",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sep",
    "sept",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
];

/// Abbreviations and titles after which a '.' does not end the sentence ("Ms. Souza", "Sra.
/// Ålvarez"). Single letters ("M. Dupont", "J. Lima") count too, without being listed.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "sra", "srta", "mme", "mlle", "vs",
    "etc", "approx",
];

/// Honorifics and titles that stand before a name in a greeting ("Dear Sra. Ålvarez"): never
/// a name themselves.
pub fn is_honorific(word: &str) -> bool {
    matches!(
        word,
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "mx"
            | "dr"
            | "prof"
            | "professor"
            | "sr"
            | "sra"
            | "srta"
            | "herr"
            | "frau"
            | "mme"
            | "mlle"
            | "madame"
            | "monsieur"
            | "m"
    )
}

/// Contractions written with an apostrophe (lowercase, straight apostrophe), and common
/// ones written without it ("im", "dont"), with their expansion.
pub(crate) const CONTRACTIONS: &[(&str, &[&str])] = &[
    ("i'm", &["i", "am"]),
    ("im", &["i", "am"]),
    ("i've", &["i", "have"]),
    ("ive", &["i", "have"]),
    ("i'll", &["i", "will"]),
    ("i'd", &["i", "would"]),
    ("you're", &["you", "are"]),
    ("youre", &["you", "are"]),
    ("you've", &["you", "have"]),
    ("you'll", &["you", "will"]),
    ("you'd", &["you", "would"]),
    ("we're", &["we", "are"]),
    ("we've", &["we", "have"]),
    ("we'll", &["we", "will"]),
    ("we'd", &["we", "would"]),
    ("they're", &["they", "are"]),
    ("they've", &["they", "have"]),
    ("they'll", &["they", "will"]),
    ("they'd", &["they", "would"]),
    ("it's", &["it", "is"]),
    ("its'", &["it", "is"]),
    ("it'd", &["it", "would"]),
    ("it'll", &["it", "will"]),
    ("that's", &["that", "is"]),
    ("thats", &["that", "is"]),
    ("that'd", &["that", "would"]),
    ("there's", &["there", "is"]),
    ("here's", &["here", "is"]),
    ("what's", &["what", "is"]),
    ("who's", &["who", "is"]),
    ("he's", &["he", "is"]),
    ("she's", &["she", "is"]),
    ("let's", &["let", "us"]),
    ("can't", &["can", "not"]),
    ("cant", &["can", "not"]),
    ("cannot", &["can", "not"]),
    ("won't", &["will", "not"]),
    ("shan't", &["shall", "not"]),
    ("ain't", &["am", "not"]),
    ("don't", &["do", "not"]),
    ("dont", &["do", "not"]),
    ("doesn't", &["does", "not"]),
    ("doesnt", &["does", "not"]),
    ("didn't", &["did", "not"]),
    ("didnt", &["did", "not"]),
    ("isn't", &["is", "not"]),
    ("isnt", &["is", "not"]),
    ("aren't", &["are", "not"]),
    ("arent", &["are", "not"]),
    ("wasn't", &["was", "not"]),
    ("wasnt", &["was", "not"]),
    ("weren't", &["were", "not"]),
    ("werent", &["were", "not"]),
    ("haven't", &["have", "not"]),
    ("havent", &["have", "not"]),
    ("hasn't", &["has", "not"]),
    ("hasnt", &["has", "not"]),
    ("hadn't", &["had", "not"]),
    ("hadnt", &["had", "not"]),
    ("couldn't", &["could", "not"]),
    ("couldnt", &["could", "not"]),
    ("wouldn't", &["would", "not"]),
    ("wouldnt", &["would", "not"]),
    ("shouldn't", &["should", "not"]),
    ("shouldnt", &["should", "not"]),
    ("mustn't", &["must", "not"]),
    ("needn't", &["need", "not"]),
    ("y'all", &["you", "all"]),
    ("gonna", &["going", "to"]),
    ("wanna", &["want", "to"]),
];

/// Expands a contraction ("i'm" → `i am`), lowercase with a straight apostrophe.
pub fn expand_contraction(word: &str) -> Option<&'static [&'static str]> {
    CONTRACTIONS
        .iter()
        .find(|(contraction, _)| *contraction == word)
        .map(|(_, parts)| *parts)
}

/// Words that only add intensity ("I'm *really so* anxious"): patterns skip them for free.
pub(crate) const INTENSIFIERS: &[&str] = &[
    "really",
    "so",
    "very",
    "honestly",
    "truly",
    "extremely",
    "quite",
    "super",
    "incredibly",
    "absolutely",
    "totally",
    "genuinely",
    "just",
    "actually",
    "literally",
    "seriously",
    "terribly",
    "awfully",
    "deeply",
    "utterly",
    "somewhat",
    "increasingly",
    "sincerely",
    "frankly",
    "simply",
    "kinda",
    "soo",
    "sooo",
    "soooo",
];

/// Whether a word only adds intensity.
pub fn is_intensifier(word: &str) -> bool {
    let vocabulary = Vocabulary::base();
    vocabulary.find(word).info.intensifier()
}

/// Words that reverse what follows ("I am *not* anxious"): a gap holding one breaks a match.
pub(crate) const NEGATORS: &[&str] = &["not", "never", "no", "nothing", "without"];

/// Whether a word negates what follows.
pub fn is_negator(word: &str) -> bool {
    let vocabulary = Vocabulary::base();
    vocabulary.find(word).info.negator()
}

/// Number words as people write counts of days ("two weeks", "several days").
pub fn number_word(word: &str) -> Option<u32> {
    Some(match word {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "couple" => 2,
        "few" => 3,
        "several" => 3,
        "many" => 5,
        _ => return None,
    })
}

/// The value of a token made of ASCII digits (at most 9 of them).
pub fn digits_value(word: &str) -> Option<u32> {
    if word.is_empty() || word.len() > 9 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

/// A count written as digits or words.
pub fn count_value(word: &str) -> Option<u32> {
    digits_value(word).or_else(|| number_word(word))
}

/// The day of an ordinal such as "8th", "21st", "eighth".
pub fn ordinal_day(word: &str) -> Option<u8> {
    let digits_end = word.bytes().take_while(u8::is_ascii_digit).count();
    if digits_end > 0 {
        let (digits, suffix) = word.split_at(digits_end);
        if matches!(suffix, "st" | "nd" | "rd" | "th") {
            let value: u8 = digits.parse().ok()?;
            return (1..=31).contains(&value).then_some(value);
        }
        return None;
    }
    Some(match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        _ => return None,
    })
}

/// A weekday name. Abbreviations that are also ordinary words ("sat", "sun", "wed") are
/// accepted only when written with a capital, which the caller says with `capitalised`.
pub fn weekday(word: &str, capitalised: bool) -> Option<Weekday> {
    let day = match word {
        "monday" | "mondays" => Weekday::Monday,
        "tuesday" | "tuesdays" | "tues" => Weekday::Tuesday,
        "wednesday" | "wednesdays" | "weds" => Weekday::Wednesday,
        "thursday" | "thursdays" | "thurs" | "thur" => Weekday::Thursday,
        "friday" | "fridays" => Weekday::Friday,
        "saturday" | "saturdays" => Weekday::Saturday,
        "sunday" | "sundays" => Weekday::Sunday,
        "mon" if capitalised => Weekday::Monday,
        "tue" if capitalised => Weekday::Tuesday,
        "wed" if capitalised => Weekday::Wednesday,
        "thu" if capitalised => Weekday::Thursday,
        "fri" if capitalised => Weekday::Friday,
        _ => return None,
    };
    Some(day)
}

/// A month name (1–12): the core's table, shared with the date phrases people type. "may" is
/// returned too: callers decide whether context makes it a month.
pub use followup_core::time::phrase::month;

/// Words written in capitals that are acronyms, not shouting.
pub fn is_known_acronym(word: &str) -> bool {
    matches!(
        word,
        "asap"
            | "cv"
            | "hr"
            | "ceo"
            | "cto"
            | "cfo"
            | "vp"
            | "api"
            | "apis"
            | "aws"
            | "gcp"
            | "sql"
            | "ui"
            | "ux"
            | "qa"
            | "it"
            | "us"
            | "uk"
            | "eu"
            | "usa"
            | "utc"
            | "pm"
            | "am"
            | "ok"
            | "okr"
            | "okrs"
            | "kpi"
            | "kpis"
            | "phd"
            | "mba"
            | "bsc"
            | "msc"
            | "ml"
            | "ai"
            | "llm"
            | "saas"
            | "b2b"
            | "b2c"
            | "crm"
            | "erp"
            | "seo"
            | "ios"
            | "css"
            | "html"
            | "json"
            | "http"
            | "rest"
            | "nyc"
            | "sf"
            | "la"
            | "fyi"
            | "re"
            | "fw"
            | "fwd"
            | "ps"
            | "eod"
            | "eta"
            | "tbd"
            | "faq"
            | "ci"
            | "cd"
            | "sre"
            | "gdpr"
            | "sdk"
            | "ide"
    )
}

/// Ordinary words that, written in capitals, shout ("I REALLY need", "ANY news").
pub fn is_emphasis_word(word: &str) -> bool {
    matches!(
        word,
        "really"
            | "very"
            | "so"
            | "need"
            | "please"
            | "must"
            | "any"
            | "never"
            | "always"
            | "now"
            | "all"
            | "love"
            | "still"
            | "not"
            | "anything"
            | "today"
            | "answer"
            | "news"
            | "update"
            | "urgent"
            | "important"
            | "immediately"
            | "huge"
            | "desperately"
            | "extremely"
            | "totally"
            | "absolutely"
            | "nothing"
            | "again"
            | "why"
            | "ever"
            | "only"
            | "dream"
            | "perfect"
            | "best"
            | "much"
            | "more"
            | "no"
            | "yes"
            | "anyone"
            | "everything"
            | "excited"
            | "thrilled"
            | "hate"
            | "waiting"
            | "weeks"
            | "days"
            | "month"
            | "months"
            | "reply"
            | "respond"
            | "hear"
            | "back"
            | "deserve"
            | "expect"
            | "promised"
    )
}

/// Short function words: a run of capitals containing one is a sentence, not an acronym list.
pub fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "i" | "a"
            | "an"
            | "the"
            | "this"
            | "that"
            | "is"
            | "are"
            | "am"
            | "to"
            | "of"
            | "for"
            | "and"
            | "you"
            | "your"
            | "me"
            | "my"
            | "we"
            | "do"
            | "dont"
            | "have"
            | "be"
            | "will"
            | "can"
            | "cant"
            | "what"
            | "when"
            | "with"
            | "on"
            | "in"
            | "at"
            | "get"
            | "just"
            | "job"
            | "im"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contractions_expand() {
        assert_eq!(expand_contraction("i'm"), Some(&["i", "am"][..]));
        assert_eq!(expand_contraction("can't"), Some(&["can", "not"][..]));
        assert_eq!(expand_contraction("cannot"), Some(&["can", "not"][..]));
        assert_eq!(expand_contraction("maria's"), None);
    }

    #[test]
    fn ordinals_and_counts() {
        assert_eq!(ordinal_day("8th"), Some(8));
        assert_eq!(ordinal_day("21st"), Some(21));
        assert_eq!(ordinal_day("32nd"), None);
        assert_eq!(ordinal_day("8"), None);
        assert_eq!(count_value("10"), Some(10));
        assert_eq!(count_value("two"), Some(2));
        assert_eq!(count_value("1234567890"), None);
    }

    #[test]
    fn weekday_abbreviations_need_a_capital() {
        assert_eq!(weekday("fri", true), Some(Weekday::Friday));
        assert_eq!(weekday("wed", false), None);
        assert_eq!(weekday("friday", false), Some(Weekday::Friday));
    }
}
