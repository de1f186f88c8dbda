//! The rules, one per file, grouped by category, and the registry that lists them by id.
//!
//! A rule sees the analysed message through a [`Check`] and pushes [`Finding`]s. Most rules
//! are a [`PhraseRule`]: a phrase table (`rules/<language>/phrases/<id>.txt`, compiled in by
//! the build) plus the sentence that explains it; rules that need structure (questions,
//! length, capitals, dates, the process) are code.

mod demanding;
mod emotion;
mod length;
mod no_question;
mod overjustification;
mod pressure;
mod self_promotion;
mod timing;
mod vague;
mod volume;

use std::borrow::Cow;

use followup_core::MessageKind;

use crate::context::ProcessContext;
use crate::finding::{Category, Finding, Severity};
use crate::language::{Language, Lexicon};
use crate::phrase::{Matches, PhraseMatch, TableId};
use crate::text::Document;
use crate::text::dates::DateExpr;

/// A check the reviewer runs on every message.
pub trait Rule: Sync {
    /// The stable id (`emotion.anxiety`); the first part is the category.
    fn id(&self) -> &'static str;
    /// The category of every finding the rule reports.
    fn category(&self) -> Category;
    /// One line saying what the rule catches.
    fn description(&self) -> &'static str;
    /// Whether the rule is a phrase table (`phrases/<id>.txt` in each language's folder) and
    /// reports only where it matched: the reviewer then skips it on the (many) messages
    /// where the table found nothing.
    fn phrase_table(&self) -> bool {
        false
    }
    /// Reports the rule's findings on one message.
    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>);
}

/// Everything a rule may look at for one message.
#[derive(Clone, Copy)]
pub struct Check<'a> {
    /// The analysed message.
    pub doc: &'a Document<'a>,
    /// Its kind.
    pub kind: MessageKind,
    /// The process, with `--process`.
    pub context: Option<&'a ProcessContext>,
    /// Date expressions found in the message.
    pub dates: &'a [DateExpr],
    /// The message's language.
    pub language: &'static Language,
    pub(crate) matches: &'a Matches,
    /// The table of the rule being run.
    pub(crate) own: Option<TableId>,
    /// The marker tables, in [`Marker::ALL`] order.
    pub(crate) markers: &'a [Option<TableId>],
}

impl<'a> Check<'a> {
    /// Matches of the running rule's own phrase table.
    pub fn phrases(&self) -> &'a [PhraseMatch] {
        self.own.map_or(&[], |t| self.matches.of(t))
    }

    /// Matches of a shared marker table.
    pub fn marker(&self, marker: Marker) -> &'a [PhraseMatch] {
        let table = self.markers.get(marker as usize).copied().flatten();
        table.map_or(&[], |t| self.matches.of(t))
    }

    /// The language's word lists.
    pub fn lexicon(&self) -> &'static Lexicon {
        &self.language.lexicon
    }

    /// The byte span of a match in the original text.
    pub fn span(&self, m: &PhraseMatch) -> (usize, usize) {
        let tokens = &self.doc.tokens;
        (tokens[m.first].start, tokens[m.last].end)
    }

    /// The suggestion the table gives for a match, else `default`.
    pub fn suggestion(&self, m: &PhraseMatch, default: &'static str) -> Cow<'static, str> {
        Cow::Borrowed(
            self.language
                .phrases
                .suggestion(m.pattern)
                .unwrap_or(default),
        )
    }

    /// The message length in bytes (the span of message-level findings).
    pub fn len(&self) -> usize {
        self.doc.text.len()
    }

    /// Whether the message is empty.
    pub fn is_empty(&self) -> bool {
        self.doc.text.is_empty()
    }

    /// The message asks for something: a question mark or an explicit request.
    pub fn asks_something(&self) -> bool {
        self.doc.questions > 0 || !self.marker(Marker::Request).is_empty()
    }
}

/// Shared tables that are not rules: words several rules look for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// Words that tie a message to the process (role, interview, conversation...).
    Reference,
    /// Explicit requests without a question mark ("please let me know whether...").
    Request,
    /// A factual mention of another offer or process.
    Offer,
}

impl Marker {
    /// Every marker, in the order [`Check`] keeps their tables.
    pub const ALL: [Marker; 3] = [Marker::Reference, Marker::Request, Marker::Offer];

    /// The name of its phrase table (`phrases/<name>.txt`).
    pub fn table(self) -> &'static str {
        match self {
            Marker::Reference => "marker.reference",
            Marker::Request => "marker.request",
            Marker::Offer => "marker.offer",
        }
    }
}

/// Every rule, in report order. Config and UI toggle them by [`Rule::id`].
pub fn registry() -> &'static [&'static dyn Rule] {
    REGISTRY
}

static REGISTRY: &[&dyn Rule] = &[
    &emotion::anxiety::RULE,
    &emotion::begging::RULE,
    &emotion::dream_job::RULE,
    &emotion::shouting::RULE,
    &emotion::punctuation::RULE,
    &emotion::gushing::RULE,
    &demanding::silence::RULE,
    &demanding::promised::RULE,
    &demanding::deadline::RULE,
    &demanding::accusation::RULE,
    &demanding::guilt::RULE,
    &demanding::threat::RULE,
    &pressure::leverage::RULE,
    &pressure::other_offer::RULE,
    &pressure::unrecorded_change::RULE,
    &self_promotion::resume::RULE,
    &self_promotion::best_candidate::RULE,
    &self_promotion::attachment::RULE,
    &self_promotion::motivation::RULE,
    &overjustification::apology::RULE,
    &overjustification::busy::RULE,
    &overjustification::pushy::RULE,
    &overjustification::spam::RULE,
    &overjustification::reason::RULE,
    &vague::no_reference::RULE,
    &vague::no_time_anchor::RULE,
    &vague::promise_date::RULE,
    &vague::wrong_name::RULE,
    &no_question::missing::RULE,
    &length::message::RULE,
    &length::sentence::RULE,
    &timing::too_early::RULE,
    &timing::thank_you_late::RULE,
    &volume::third_message::RULE,
];

/// A rule that is a phrase table: every match is one finding.
pub struct PhraseRule {
    /// Stable id; also the table's name.
    pub id: &'static str,
    /// Category of its findings.
    pub category: Category,
    /// Severity of its findings.
    pub severity: Severity,
    /// What it catches.
    pub description: &'static str,
    /// Why the words hurt, one sentence.
    pub message: &'static str,
    /// What to write instead when the table gives no suggestion for the pattern.
    pub suggestion: &'static str,
}

impl Rule for PhraseRule {
    fn id(&self) -> &'static str {
        self.id
    }

    fn category(&self) -> Category {
        self.category
    }

    fn description(&self) -> &'static str {
        self.description
    }

    fn phrase_table(&self) -> bool {
        true
    }

    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        for m in cx.phrases() {
            out.push(Finding::at(
                self.id,
                self.category,
                self.severity,
                cx.span(m),
                self.message,
                cx.suggestion(m, self.suggestion),
            ));
        }
    }
}

/// Helpers for the fire / don't-fire tests at the end of every rule file.
#[cfg(test)]
pub(crate) mod testing {
    use followup_core::MessageKind;

    use crate::context::ProcessContext;
    use crate::finding::Finding;
    use crate::reviewer::Reviewer;

    /// The findings of `rule` on `text` reviewed as `kind`.
    pub fn findings_of(
        rule: &str,
        kind: MessageKind,
        context: Option<&ProcessContext>,
        text: &str,
    ) -> Vec<Finding> {
        Reviewer::new()
            .review(text, kind, context)
            .findings
            .into_iter()
            .filter(|f| f.rule == rule)
            .collect()
    }

    /// Asserts that `rule` fires on each text (as a follow-up), returning nothing.
    pub fn fires(rule: &str, texts: &[&str]) {
        fires_as(rule, MessageKind::FollowUp, texts);
    }

    /// Asserts that `rule` fires on each text reviewed as `kind`.
    pub fn fires_as(rule: &str, kind: MessageKind, texts: &[&str]) {
        for text in texts {
            let found = findings_of(rule, kind, None, text);
            assert!(!found.is_empty(), "{rule} should fire on {text:?}");
        }
    }

    /// Asserts that `rule` stays silent on each text (as a follow-up).
    pub fn silent(rule: &str, texts: &[&str]) {
        silent_as(rule, MessageKind::FollowUp, texts);
    }

    /// Asserts that `rule` stays silent on each text reviewed as `kind`.
    pub fn silent_as(rule: &str, kind: MessageKind, texts: &[&str]) {
        for text in texts {
            let found = findings_of(rule, kind, None, text);
            assert!(
                found.is_empty(),
                "{rule} should not fire on {text:?}, found {:?}",
                found.iter().map(|f| &f.excerpt).collect::<Vec<_>>()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_the_tables_of_every_rule_and_marker_and_no_other() {
        for language in crate::language::LANGUAGES {
            let phrases = &language.phrases;
            let mut expected: Vec<&str> = registry()
                .iter()
                .filter(|r| r.phrase_table())
                .map(|r| r.id())
                .chain(Marker::ALL.iter().map(|m| m.table()))
                .collect();
            expected.sort_unstable();
            let mut tables = phrases.tables.to_vec();
            tables.sort_unstable();
            assert_eq!(tables, expected, "{}", language.code);
        }
    }

    #[test]
    fn ids_are_unique_and_start_with_their_category() {
        let mut seen = std::collections::HashSet::new();
        for rule in registry() {
            assert!(seen.insert(rule.id()), "duplicate {}", rule.id());
            let prefix = rule.id().split('.').next().unwrap_or("");
            assert_eq!(prefix, rule.category().as_str(), "{}", rule.id());
            assert!(!rule.description().is_empty());
        }
    }

    #[test]
    fn every_category_has_a_rule() {
        for category in Category::ALL {
            assert!(
                registry().iter().any(|r| r.category() == *category),
                "{category}"
            );
        }
    }
}
