//! The phrase tables, compiled once: plain text files beside this one, a pattern a line.
//!
//! Text is matched *folded*: lowercase, accents removed ("não" reads "nao"), curly quotes
//! straightened, so one pattern covers the ways people type a phrase. In a table a space
//! matches any run of whitespace, `{weekday}` and `{month}` stand for the English,
//! Portuguese and Spanish names, and each pattern matches whole words. Lines starting with `#`
//! are comments.

use std::sync::LazyLock;

use regex::Regex;

/// Compiles a built-in pattern; a bad one is a bug the unit tests catch on first use.
pub(crate) fn pattern(source: &str) -> Regex {
    Regex::new(source).unwrap_or_else(|e| panic!("built-in pattern: {e}"))
}

/// Lowercase, accents removed, curly quotes and non-breaking spaces made plain.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' | 'Á' | 'À' | 'Â' | 'Ã' | 'Ä' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => out.push('e'),
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => out.push('i'),
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Õ' | 'Ö' => out.push('o'),
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => out.push('u'),
            'ç' | 'Ç' => out.push('c'),
            'ñ' | 'Ñ' => out.push('n'),
            '\u{2018}' | '\u{2019}' | '\u{02bc}' => out.push('\''),
            '\u{201c}' | '\u{201d}' => out.push('"'),
            '\u{a0}' | '\u{2009}' | '\u{202f}' => out.push(' '),
            '\u{2013}' | '\u{2014}' => out.push('-'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Weekday names, folded: English (and abbreviations), Portuguese, Spanish.
pub const WEEKDAYS: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|segunda(?:-feira)?|terca(?:-feira)?|quarta(?:-feira)?|quinta(?:-feira)?|sexta(?:-feira)?|sabado|domingo|lunes|martes|miercoles|jueves|viernes";

/// Month names, folded: English (and abbreviations), Portuguese, Spanish.
pub const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|janeiro|fevereiro|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio|julio|septiembre|setiembre|octubre|noviembre|diciembre";

/// A compiled table: does a folded text contain any of its phrases?
pub struct Table {
    regex: Regex,
}

impl Table {
    /// Compiles a table's text. Built-in tables only: a bad pattern is a bug a test catches.
    pub fn compile(text: &str) -> Table {
        let patterns: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                let l = l
                    .replace("{weekday}", &format!("(?:{WEEKDAYS})"))
                    .replace("{month}", &format!("(?:{MONTHS})"))
                    .replace(' ', r"\s+");
                let lead = if starts_in_word(&l) { r"\b" } else { "" };
                let trail = if ends_in_word(&l) { r"\b" } else { "" };
                format!(r"(?:{lead}{l}{trail})")
            })
            .collect();
        let regex = pattern(&patterns.join("|"));
        Table { regex }
    }

    /// Whether folded `text` contains a phrase of the table.
    pub fn is_match(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }

    /// The first phrase found in folded `text`.
    pub fn find<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.regex.find(text).map(|m| m.as_str())
    }

    /// Every phrase found in folded `text`, as byte ranges, left to right.
    pub fn spans(&self, text: &str) -> Vec<(usize, usize)> {
        self.regex
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect()
    }
}

/// Whether a pattern starts with a word character or a group (which, in these tables, always
/// opens on a word): then it must start at a word boundary.
fn starts_in_word(pattern: &str) -> bool {
    pattern
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '(' || c == '\\')
}

/// Whether a pattern ends on a word (a letter, a digit, a group or `?` after one), so that it
/// must end at a word boundary; `auto:` ends on punctuation and takes none.
fn ends_in_word(pattern: &str) -> bool {
    let trimmed = pattern.trim_end_matches(['?', '*', '+']);
    trimmed
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || c == ')' || c == ']' || c == '}')
}

macro_rules! tables {
    ($($(#[$meta:meta])* $name:ident = $file:literal;)+) => {
        $(
            $(#[$meta])*
            pub static $name: LazyLock<Table> =
                LazyLock::new(|| Table::compile(include_str!(concat!("phrases/", $file))));
        )+

        /// Every table, by file name (for tests).
        pub fn all() -> Vec<(&'static str, &'static Table)> {
            vec![$(($file, &*$name)),+]
        }
    };
}

tables! {
    /// Subjects that start an automatic reply (matched at the subject's start).
    AUTO_REPLY_SUBJECT = "auto-reply-subject.txt";
    /// Job alerts and job boards' digests (subject and sender).
    JOB_ALERT = "job-alert.txt";
    /// An automatic receipt of an application.
    APPLICATION_RECEIVED = "application-received.txt";
    /// A decline.
    REJECTION = "rejection.txt";
    /// An explicit offer.
    OFFER = "offer.txt";
    /// Words that make an offer sentence a non-offer ("unable to offer").
    OFFER_NEGATION = "offer-negation.txt";
    /// Asking for availability or proposing times.
    SCHEDULE = "schedule.txt";
    /// A task or test to complete.
    ASSIGNMENT = "assignment.txt";
    /// A request for information or documents.
    REQUEST = "request.txt";
    /// Courtesy lines that ask nothing ("Let me know if you have questions").
    COURTESY = "courtesy.txt";
    /// Sentences about the user's answer, in which a date is a `respond_by` or a deadline.
    RESPOND_VERB = "respond-verb.txt";
    /// Sentences where the company speaks of its own next step ("we will get back to you").
    THEIR_STEP = "their-step.txt";
    /// An unsubscribe footer, the mark of bulk mail without list headers.
    UNSUBSCRIBE = "unsubscribe.txt";

    // Word classes: the parts the structural readings put together (see `structure`).

    /// Negation markers.
    NEGATION = "negation.txt";
    /// Conditions ("if", "caso") that make what follows no decision.
    CONDITION = "condition.txt";
    /// Hedges that, between a negation and its verb, make it no decision.
    HEDGE = "hedge.txt";
    /// A condition after a negated step ("…without the signed form").
    UNLESS = "unless.txt";
    /// The process moving on ("move forward", "seguir adelante").
    PROGRESS = "progress.txt";
    /// The user's candidacy, named ("your application", "tu candidatura").
    CANDIDACY = "candidacy.txt";
    /// The next steps of the process ("next stage", "próximas etapas").
    NEXT_STAGE = "next-stage.txt";
    /// Choosing or going on with someone ("decided to pursue", "optamos por").
    SELECTION = "selection.txt";
    /// Someone other than the user ("another candidate", "outras pessoas candidatas").
    OTHER_CANDIDATE = "other-candidate.txt";
    /// Between a selection and another candidate: the user is still in.
    NOT_A_CHOICE = "not-a-choice.txt";
    /// The job being filled ("position", "vaga", "vacante").
    POSITION = "position.txt";
    /// What happens to a position with no room left ("filled", "congelada", "cubierta").
    CLOSED = "closed.txt";
    /// The position open again after a pause ("open again", "reaberta", "reabierta").
    REOPENED = "reopened.txt";
    /// Making the user an offer ("extend an offer", "te fazer uma proposta").
    OFFER_ACT = "offer-act.txt";
    /// Asking the user to join ("we'd like you to join", "queremos que te incorpores").
    JOIN = "join.txt";
    /// "as" before a role ("as a", "como").
    AS_ROLE = "as-role.txt";
    /// The user's application, as a thing.
    APPLICATION = "application.txt";
    /// Words that say it arrived ("received", "reached us", "concluída").
    RECEIPT = "receipt.txt";
    /// Availability ("availability", "horários", "huecos").
    AVAILABILITY = "availability.txt";
    /// Availability to start a job, which is no meeting.
    START_DATE = "start-date.txt";
    /// Words offering a choice among times ("which one", "opciones").
    SLOT_CHOICE = "slot-choice.txt";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_compiles_and_has_phrases() {
        for (name, table) in all() {
            assert!(!table.regex.as_str().is_empty(), "{name}");
        }
    }

    #[test]
    fn folding_removes_accents_and_curly_quotes() {
        assert_eq!(fold("Não, você’s ÁREA"), "nao, voce's area");
        assert_eq!(fold("Mañana, miércoles"), "manana, miercoles");
    }

    #[test]
    fn phrases_match_whole_words_across_whitespace() {
        assert!(REJECTION.is_match("we have decided not to\n move forward"));
        assert!(!OFFER.is_match("we are pleased to offers you"));
    }
}
