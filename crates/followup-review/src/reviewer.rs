//! The reviewer: runs the enabled rules on a message and assembles the [`Review`].
//!
//! Build one [`Reviewer`] and reuse it: construction resolves the rules' tables once (the
//! tables themselves are compiled on first use, process-wide). A review analyses the text
//! once, finds every phrase in one automaton pass, lets each rule report, then removes
//! overlapping findings of one category (keeping the most severe), locates the rest and
//! scores the message.

use std::collections::BTreeMap;

use followup_core::MessageKind;

use crate::context::ProcessContext;
use crate::finding::{Category, Finding};
use crate::phrase::TableId;
use crate::review::{Review, Verdict, score};
use crate::rules::{Check, Rule, phrase_set, registry};
use crate::text::Document;
use crate::text::dates::find_dates;
use crate::text::position::{floor_char_boundary, positions};

/// Why a reviewer could not be configured.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReviewError {
    /// No rule or category has this id.
    #[error("unknown rule or category {0:?}")]
    UnknownRule(String),
}

struct Entry {
    rule: &'static dyn Rule,
    table: Option<TableId>,
}

/// Reviews messages. Cheap to build, immutable while reviewing, shareable across threads.
pub struct Reviewer {
    entries: Vec<Entry>,
}

impl Default for Reviewer {
    fn default() -> Self {
        Reviewer::new()
    }
}

/// Longest excerpt shown for a finding, in characters.
const EXCERPT_CHARS: usize = 80;

impl Reviewer {
    /// A reviewer running every rule.
    pub fn new() -> Self {
        let set = phrase_set();
        Reviewer {
            entries: registry()
                .iter()
                .map(|&rule| Entry {
                    rule,
                    table: rule.phrases().and_then(|_| set.table(rule.id())),
                })
                .collect(),
        }
    }

    /// The enabled rules.
    pub fn rules(&self) -> impl Iterator<Item = &'static dyn Rule> + '_ {
        self.entries.iter().map(|e| e.rule)
    }

    /// Turns off a rule by id (`emotion.anxiety`) or a whole category (`emotion`).
    pub fn disable(&mut self, id: &str) -> Result<(), ReviewError> {
        let category = Category::parse(id);
        let known = registry()
            .iter()
            .any(|r| r.id() == id || Some(r.category()) == category);
        if !known {
            return Err(ReviewError::UnknownRule(id.to_owned()));
        }
        self.entries
            .retain(|e| e.rule.id() != id && Some(e.rule.category()) != category);
        Ok(())
    }

    /// Reviews `text` as a message of `kind`, with the process's context when given.
    pub fn review(
        &self,
        text: &str,
        kind: MessageKind,
        context: Option<&ProcessContext>,
    ) -> Review {
        let doc = Document::new(text);
        let set = phrase_set();
        let matches = set.find(&doc);
        let dates = find_dates(&doc);
        let mut findings = Vec::new();
        for entry in &self.entries {
            let cx = Check {
                doc: &doc,
                kind,
                context,
                dates: &dates,
                set,
                matches: &matches,
                own: entry.table,
            };
            entry.rule.check(&cx, &mut findings);
        }
        let mut findings = deduplicate(findings);
        locate(text, &mut findings);
        findings.sort_by(|a, b| {
            (a.start, std::cmp::Reverse(a.severity), a.rule).cmp(&(
                b.start,
                std::cmp::Reverse(b.severity),
                b.rule,
            ))
        });
        Review {
            verdict: Verdict::of(&findings),
            score: score(&findings),
            kind,
            words: doc.words,
            questions: doc.questions,
            findings,
        }
    }
}

/// Keeps one finding per occurrence: within a category, a finding overlapping a kept one of
/// equal or higher severity is dropped. Message-level findings are never dropped this way.
/// O(n log n) so a pasted thread with thousands of findings stays fast.
fn deduplicate(mut findings: Vec<Finding>) -> Vec<Finding> {
    // Most severe first; among equals, text order and the longer span first.
    findings.sort_by(|a, b| {
        (
            std::cmp::Reverse(a.severity),
            a.start,
            std::cmp::Reverse(a.end),
        )
            .cmp(&(
                std::cmp::Reverse(b.severity),
                b.start,
                std::cmp::Reverse(b.end),
            ))
    });
    let mut kept_spans: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); Category::ALL.len()];
    let mut kept = Vec::with_capacity(findings.len());
    for finding in findings {
        if finding.whole_message {
            kept.push(finding);
            continue;
        }
        let slot = Category::ALL
            .iter()
            .position(|c| *c == finding.category)
            .unwrap_or(0);
        let spans = &mut kept_spans[slot];
        // Kept spans of one category never overlap, so the neighbours decide.
        let (start, end) = (finding.start, finding.end.max(finding.start + 1));
        let before = spans.range(..=start).next_back();
        let after = spans.range(start..).next();
        let overlaps =
            before.is_some_and(|(_, &e)| e > start) || after.is_some_and(|(&s, _)| s < end);
        if overlaps {
            continue;
        }
        spans.insert(start, end);
        kept.push(finding);
    }
    kept
}

/// Fills in line, column and excerpt.
fn locate(text: &str, findings: &mut [Finding]) {
    let offsets: Vec<usize> = findings.iter().map(|f| f.start).collect();
    let found = positions(text, &offsets);
    for (finding, position) in findings.iter_mut().zip(found) {
        finding.start = floor_char_boundary(text, finding.start);
        finding.end = floor_char_boundary(text, finding.end.max(finding.start));
        finding.line = position.line;
        finding.column = position.column;
        finding.excerpt = excerpt(&text[finding.start..finding.end]);
    }
}

/// The flagged text with whitespace collapsed, shortened to [`EXCERPT_CHARS`] characters.
fn excerpt(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(EXCERPT_CHARS * 4));
    let mut chars = 0;
    let mut pending_space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if chars + usize::from(pending_space) >= EXCERPT_CHARS {
            out.push('…');
            return out;
        }
        if pending_space {
            out.push(' ');
            chars += 1;
            pending_space = false;
        }
        out.push(c);
        chars += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;

    const GOOD_FOLLOW_UP: &str = "Hi Ana,\n\nI hope you're well. I'm following up on the Backend \
        Engineer position at Acme. You mentioned you expected to have an update by Friday. Is \
        there any news on the timeline, or anything else you need from me?\n\nBest regards,\nMaria";

    #[test]
    fn a_good_follow_up_is_strong() {
        let review = Reviewer::new().review(GOOD_FOLLOW_UP, MessageKind::FollowUp, None);
        assert_eq!(review.findings, vec![], "{review:#?}");
        assert_eq!(review.verdict, Verdict::Strong);
        assert_eq!(review.score, 100);
        assert_eq!(review.questions, 1);
    }

    #[test]
    fn the_issue_example_is_weak_for_the_right_reasons() {
        let text = "Hello, I'm writing again because I'm honestly so anxious about this. It's my \
            dream job and any news at all would help me a lot.";
        let review = Reviewer::new().review(text, MessageKind::FollowUp, None);
        let rules: Vec<&str> = review.findings.iter().map(|f| f.rule).collect();
        for expected in [
            "emotion.anxiety",
            "emotion.dream-job",
            "emotion.begging",
            "vague.no-reference",
            "no-question.missing",
        ] {
            assert!(rules.contains(&expected), "{expected} missing in {rules:?}");
        }
        assert_eq!(review.verdict, Verdict::Weak);
        let anxious = review
            .findings
            .iter()
            .find(|f| f.rule == "emotion.anxiety")
            .unwrap();
        assert_eq!(&text[anxious.start..anxious.end], "I'm honestly so anxious");
        assert_eq!((anxious.line, anxious.column), (1, 34));
    }

    #[test]
    fn rules_can_be_disabled_by_id_or_category() {
        let mut reviewer = Reviewer::new();
        let before = reviewer.rules().count();
        reviewer.disable("emotion.anxiety").unwrap();
        assert_eq!(reviewer.rules().count(), before - 1);
        reviewer.disable("length").unwrap();
        assert!(reviewer.rules().all(|r| r.category() != Category::Length));
        assert_eq!(
            reviewer.disable("nope"),
            Err(ReviewError::UnknownRule("nope".into()))
        );
    }

    #[test]
    fn overlapping_findings_of_a_category_keep_the_most_severe() {
        let a = Finding::at("x.a", Category::Pressure, Severity::Info, (5, 10), "", "");
        let b = Finding::at("x.b", Category::Pressure, Severity::Error, (0, 8), "", "");
        let c = Finding::at("x.c", Category::Emotion, Severity::Warning, (5, 10), "", "");
        let kept = deduplicate(vec![a, b, c]);
        let rules: Vec<&str> = kept.iter().map(|f| f.rule).collect();
        assert_eq!(rules, ["x.b", "x.c"]);
    }

    #[test]
    fn excerpts_are_short_and_single_line() {
        assert_eq!(excerpt("  a\n\n b  "), "a b");
        let long = "word ".repeat(40);
        let short = excerpt(&long);
        assert!(short.chars().count() <= EXCERPT_CHARS + 1);
        assert!(short.ends_with('…'));
    }
}
