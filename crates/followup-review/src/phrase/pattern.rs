//! The phrase table language: one pattern per line, read into [`Pattern`]s.
//!
//! ```text
//! # a comment
//! i am|feel|get ~2 anxi*|nervous          => (delete it; say what you want instead)
//! !start|join as soon as possible
//! # slots: words (`word`), prefixes (`word*`), classes (`@number` a count, `@weekday`,
//! # `@month`, `@ordinal`, `@negative` a strongly negative word, `@clock` a time of day,
//! # `@amount` digits or digits with a unit such as `120k`), alternatives joined by `|`; `slot?` is optional; `~N` allows N other words
//! # between two slots (`~` alone is 3); a leading `!slot` must not come just before the
//! # match, a trailing one not just after; `=> text` is the suggestion for that pattern.
//! ```
//!
//! Between two slots, intensifiers ("really", "so", "very", ...) are always allowed, up to four,
//! so `i am anxious` also matches "I’m really so anxious". A negator ("not", "never") in a gap
//! breaks the match, so `i am ~2 anxious` does not match "I am not anxious".
//!
//! These types hold the patterns `build.rs` compiles in as static data (`Cow::Borrowed`), or,
//! in tests, patterns read at run time; the reader is [`super::table`], which the build
//! script includes too.

use std::borrow::Cow;

/// One alternative of a slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Alt {
    /// The normalised word itself.
    Word(Cow<'static, str>),
    /// Any word starting with this.
    Prefix(Cow<'static, str>),
    /// A count: digits or a number word ("two", "several").
    Number,
    /// A weekday name.
    Weekday,
    /// A month name.
    Month,
    /// An ordinal ("8th").
    Ordinal,
    /// A strongly negative word of the language's sentiment lexicon ("heartbroken").
    Negative,
    /// A clock time ("6pm", "12:00", "noon").
    Clock,
    /// An amount: digits, or digits with a unit ("120k", "2m", "3x").
    Amount,
}

/// A position in a pattern: the words that may stand there and the gap allowed before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    /// What may stand here.
    pub alts: Cow<'static, [Alt]>,
    /// Other (non-intensifier) words allowed between the previous slot and this one.
    pub gap_before: u8,
}

/// A pattern with its optional slots expanded away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// The slots, in order.
    pub slots: Cow<'static, [Slot]>,
    /// The slot looked up in the index: the one with the rarest words.
    pub anchor: usize,
    /// Words that must not come just before the match.
    pub not_before: Cow<'static, [Alt]>,
    /// Words that must not come just after the match.
    pub not_after: Cow<'static, [Alt]>,
    /// The suggestion written after `=>`.
    pub suggestion: Option<Cow<'static, str>>,
}
