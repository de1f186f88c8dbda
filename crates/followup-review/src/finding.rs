//! What a review reports: [`Finding`]s with their [`Category`] and [`Severity`].
//!
//! The category and severity names are a public contract (`followup check --json`): outside
//! tools read them, so they never change spelling.

use std::borrow::Cow;

use serde::Serialize;

/// The family a finding belongs to. Each finding has exactly one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// The sender's feelings the recruiter must manage; shouting.
    Emotion,
    /// Impatience, accusation, guilt, threats.
    Demanding,
    /// Outside offers or ultimatums used as leverage.
    Pressure,
    /// Repeating the resume, "perfect fit", re-attaching the CV.
    SelfPromotion,
    /// Apologising for writing, explaining at length why.
    Overjustification,
    /// No reference to the process, no time anchor, the wrong name.
    Vague,
    /// No objective question or explicit request.
    NoQuestion,
    /// Longer than the kind's aim, or very long sentences.
    Length,
    /// Writing at the wrong moment of the process.
    Timing,
    /// One message too many.
    Volume,
}

impl Category {
    /// Every category, in documentation order.
    pub const ALL: &'static [Category] = &[
        Category::Emotion,
        Category::Demanding,
        Category::Pressure,
        Category::SelfPromotion,
        Category::Overjustification,
        Category::Vague,
        Category::NoQuestion,
        Category::Length,
        Category::Timing,
        Category::Volume,
    ];

    /// The stable name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Emotion => "emotion",
            Category::Demanding => "demanding",
            Category::Pressure => "pressure",
            Category::SelfPromotion => "self-promotion",
            Category::Overjustification => "overjustification",
            Category::Vague => "vague",
            Category::NoQuestion => "no-question",
            Category::Length => "length",
            Category::Timing => "timing",
            Category::Volume => "volume",
        }
    }

    /// Reads a stable name.
    pub fn parse(text: &str) -> Option<Self> {
        Category::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How much a finding hurts. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A reminder; does not lower the verdict.
    Info,
    /// Worth fixing; two make the message weak.
    Warning,
    /// Hurts the message; one makes it weak.
    Error,
}

impl Severity {
    /// The stable name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in a message: where it is, why it hurts, and what to write instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable id of the rule (`emotion.anxiety`).
    pub rule: &'static str,
    /// Its family.
    pub category: Category,
    /// How much it hurts.
    pub severity: Severity,
    /// Byte offset of the first flagged byte in the input.
    pub start: usize,
    /// Byte offset just past the flagged text (exclusive).
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, counting Unicode scalar values.
    pub column: usize,
    /// The flagged text (shortened when long, whitespace collapsed).
    pub excerpt: String,
    /// One plain sentence: why it hurts.
    pub message: Cow<'static, str>,
    /// A better phrasing, or what to do.
    pub suggestion: Cow<'static, str>,
    /// How many times the message repeats this finding, when it is reported once for more
    /// than [`crate::reviewer::MAX_REPEATS`] occurrences (omitted from JSON when 1).
    #[serde(skip_serializing_if = "is_one")]
    pub count: usize,
    /// The finding is about the whole message (length, no question), not some words.
    #[serde(skip)]
    pub whole_message: bool,
}

impl Finding {
    /// A finding about the words at `start..end`; line, column and excerpt are filled in by
    /// the reviewer.
    pub fn at(
        rule: &'static str,
        category: Category,
        severity: Severity,
        (start, end): (usize, usize),
        message: impl Into<Cow<'static, str>>,
        suggestion: impl Into<Cow<'static, str>>,
    ) -> Self {
        Finding {
            rule,
            category,
            severity,
            start,
            end,
            line: 0,
            column: 0,
            excerpt: String::new(),
            message: message.into(),
            suggestion: suggestion.into(),
            count: 1,
            whole_message: false,
        }
    }

    /// A finding about the whole message of `len` bytes.
    pub fn whole(
        rule: &'static str,
        category: Category,
        severity: Severity,
        len: usize,
        message: impl Into<Cow<'static, str>>,
        suggestion: impl Into<Cow<'static, str>>,
    ) -> Self {
        Finding {
            whole_message: true,
            ..Finding::at(rule, category, severity, (0, len), message, suggestion)
        }
    }
}

impl Finding {
    /// Whether the finding's words touch the byte span `start..end` (an empty finding counts
    /// as its first byte).
    pub fn overlaps(&self, (start, end): (usize, usize)) -> bool {
        self.start < end && start < self.end.max(self.start + 1)
    }
}

fn is_one(count: &usize) -> bool {
    *count == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_public_contract() {
        let names: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            names,
            [
                "emotion",
                "demanding",
                "pressure",
                "self-promotion",
                "overjustification",
                "vague",
                "no-question",
                "length",
                "timing",
                "volume"
            ]
        );
        for c in Category::ALL {
            assert_eq!(
                serde_json::to_value(c).unwrap(),
                serde_json::Value::from(c.as_str())
            );
            assert_eq!(Category::parse(c.as_str()), Some(*c));
        }
        assert_eq!(
            serde_json::to_value(Severity::Warning).unwrap(),
            serde_json::Value::from("warning")
        );
        assert!(Severity::Info < Severity::Warning && Severity::Warning < Severity::Error);
    }
}
