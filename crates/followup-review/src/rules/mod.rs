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
mod tone;
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
    /// Whether the rule reports only where its table matched (so it can be skipped when the
    /// table found nothing); a structure rule that also reads across sentences runs always.
    fn only_where_matched(&self) -> bool {
        self.phrase_table()
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
    /// The message as the tone model reads it (empty when the language has no model).
    pub(crate) tone_text: &'a crate::tone::ToneText,
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

    /// Matches of another rule's table, by its id (for rules that combine structures).
    pub fn table(&self, id: &str) -> &'a [PhraseMatch] {
        self.language
            .phrases
            .table(id)
            .map_or(&[], |t| self.matches.of(t))
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

    /// The message asks for something: a direct question, an indirect one ("I wanted to
    /// confirm whether…"), or a request ("Kindly share the status", "Please revert").
    pub fn asks_something(&self) -> bool {
        self.doc.questions > 0
            || !self.marker(Marker::Request).is_empty()
            || crate::text::speech::has_request(self.doc, self.lexicon())
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
    &emotion::feeling::RULE,
    &demanding::silence::RULE,
    &demanding::promised::RULE,
    &demanding::deadline::RULE,
    &demanding::accusation::RULE,
    &demanding::guilt::RULE,
    &demanding::threat::RULE,
    &demanding::elapsed::RULE,
    &demanding::imposed_deadline::RULE,
    &demanding::reproach::RULE,
    &pressure::leverage::RULE,
    &pressure::other_offer::RULE,
    &pressure::unrecorded_change::RULE,
    &pressure::ultimatum::RULE,
    &self_promotion::resume::RULE,
    &self_promotion::best_candidate::RULE,
    &self_promotion::attachment::RULE,
    &self_promotion::motivation::RULE,
    &self_promotion::achievement::RULE,
    &self_promotion::resend::RULE,
    &overjustification::apology::RULE,
    &overjustification::busy::RULE,
    &overjustification::pushy::RULE,
    &overjustification::spam::RULE,
    &overjustification::reason::RULE,
    &vague::no_reference::RULE,
    &vague::no_time_anchor::RULE,
    &vague::promise_date::RULE,
    &vague::wrong_name::RULE,
    &vague::placeholder::RULE,
    &no_question::missing::RULE,
    &length::message::RULE,
    &length::sentence::RULE,
    &timing::too_early::RULE,
    &timing::thank_you_late::RULE,
    &volume::third_message::RULE,
    // Last: the tone model reads what the findings above leave of the message.
    &tone::EMOTION,
    &tone::DEMANDING,
    &tone::PRESSURE,
    &tone::SELF_PROMOTION,
    &tone::OVERJUSTIFICATION,
    // After the tone rules: a sentence any finding flagged is no detail of the talk.
    &vague::generic_thanks::RULE,
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

/// A rule that is a structure: its table's patterns (classes and gaps: "a duration … no
/// reply") plus what code finds across sentences or through who is spoken about. Every
/// match and every span the code returns is one finding.
pub struct StructureRule {
    /// The id, category, severity and wording, as for a phrase table.
    pub rule: PhraseRule,
    /// Whether a match of the table (its first and last token) is kept.
    pub keep: fn(&Check<'_>, usize, usize) -> bool,
    /// The byte spans found beyond the table.
    pub structure: fn(&Check<'_>) -> Vec<(usize, usize)>,
}

impl Rule for StructureRule {
    fn id(&self) -> &'static str {
        self.rule.id
    }

    fn category(&self) -> Category {
        self.rule.category
    }

    fn description(&self) -> &'static str {
        self.rule.description
    }

    fn phrase_table(&self) -> bool {
        true
    }

    fn only_where_matched(&self) -> bool {
        false
    }

    /// Reports the table's matches, then the structure's spans, except where a rule of the
    /// category (or, for a span, one of the table's matches) already reported the words at
    /// the same or a higher severity: a structure reaches what the listed phrases did not,
    /// and never competes with them.
    fn check(&self, cx: &Check<'_>, out: &mut Vec<Finding>) {
        let rule = &self.rule;
        let table: Vec<(Span, Cow<'static, str>)> = cx
            .phrases()
            .iter()
            .filter(|m| (self.keep)(cx, m.first, m.last))
            .map(|m| (cx.span(m), cx.suggestion(m, rule.suggestion)))
            .collect();
        let structure: Vec<(Span, Cow<'static, str>)> = (self.structure)(cx)
            .into_iter()
            .map(|span| (span, Cow::Borrowed(rule.suggestion)))
            .collect();
        for found in [table, structure] {
            let reported = ReportedSpans::of(out, |f| {
                f.category == rule.category && f.severity >= rule.severity
            });
            for ((start, end), suggestion) in found {
                if !reported.overlaps(start, end) {
                    out.push(Finding::at(
                        rule.id,
                        rule.category,
                        rule.severity,
                        (start, end),
                        rule.message,
                        suggestion,
                    ));
                }
            }
        }
    }
}

/// The spans of the findings `keep` accepts (whole-message ones aside), sorted by start, with
/// the furthest end reached so far: an overlap query is a binary search, so a long paste
/// stays linear-logarithmic.
pub(crate) struct ReportedSpans {
    spans: Vec<Span>,
    reach: Vec<usize>,
}

impl ReportedSpans {
    pub(crate) fn of(findings: &[Finding], keep: impl Fn(&Finding) -> bool) -> Self {
        let mut spans: Vec<Span> = findings
            .iter()
            .filter(|f| !f.whole_message && keep(f))
            .map(|f| (f.start, f.end.max(f.start + 1)))
            .collect();
        spans.sort_unstable();
        let mut furthest = 0;
        let reach = spans
            .iter()
            .map(|&(_, end)| {
                furthest = furthest.max(end);
                furthest
            })
            .collect();
        ReportedSpans { spans, reach }
    }

    /// Whether some reported span shares a byte with `start..end` (an empty one counts as its
    /// first byte, as [`Finding::overlaps`] has it).
    pub(crate) fn overlaps(&self, start: usize, end: usize) -> bool {
        let before = self.spans.partition_point(|&(s, _)| s < end.max(start + 1));
        before > 0 && self.reach[before - 1] > start
    }
}

/// The spans of strongly negative words (the language's sentiment lexicon) said of a role
/// `aimed` accepts, each from the role word to the negative one ("I am heartbroken", "the
/// silence has been infuriating").
pub(crate) fn negative_words(
    cx: &Check<'_>,
    aimed: impl Fn(crate::text::roles::Role) -> bool,
) -> Vec<(usize, usize)> {
    let doc = cx.doc;
    let negative = &cx.lexicon().negative;
    let mut spans = Vec::new();
    for (i, token) in doc.tokens.iter().enumerate() {
        if !negative.contains(token.text.as_str()) {
            continue;
        }
        // The first half of a compound names a thing, not a feeling ("stress-test the API",
        // "a panic-free drill").
        let mut after = doc.text[token.end..].chars();
        if after.next() == Some('-') && after.next().is_some_and(char::is_alphabetic) {
            continue;
        }
        if let Some((role, at)) = crate::text::roles::said_of(doc, i)
            && aimed(role)
        {
            spans.push((doc.tokens[at].start, token.end));
        }
    }
    spans
}

/// A byte span.
type Span = (usize, usize);

/// A structure rule that keeps every match of its table.
pub(crate) fn keep_all(_: &Check<'_>, _: usize, _: usize) -> bool {
    true
}

/// A structure rule with nothing beyond its table.
pub(crate) fn table_only(_: &Check<'_>) -> Vec<(usize, usize)> {
    Vec::new()
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
