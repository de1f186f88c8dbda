//! The reviewer: runs the enabled rules on a message and assembles the [`Review`].
//!
//! Build one [`Reviewer`] and reuse it: construction resolves the rules' tables once (the
//! tables themselves are compiled on first use, process-wide). A review analyses the text
//! once (looking every word up in the phrase set's vocabulary as it goes), finds the phrases
//! anchored on those words, lets each rule report, then removes overlapping findings of one
//! category (keeping the most severe), locates the rest in one sweep and scores the message.
//!
//! The analysis buffers (tokens, sentences, matches, dates) live in a per-thread scratch and
//! are reused from one review to the next: reviewing a stream of short messages would
//! otherwise spend a good part of its time in the allocator.

use std::cell::Cell;
use std::collections::BTreeMap;

use followup_core::MessageKind;

use crate::context::ProcessContext;
use crate::finding::{Category, Finding};
use crate::phrase::{Matches, TableId};
use crate::review::{Review, Verdict, score};
use crate::rules::{Check, Rule, phrase_set, registry};
use crate::text::Buffers;
use crate::text::dates::{DateExpr, find_dates_into};
use crate::text::position::{Cursor, floor_char_boundary};

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
    /// The rule reports only where its table matched ([`Rule::needs_own_matches`]).
    needs_own_matches: bool,
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

/// What one review needs and the next can reuse.
#[derive(Default)]
struct Scratch {
    buffers: Buffers,
    matches: Matches,
    dates: Vec<DateExpr>,
}

/// Matches or dates above which the scratch lets go of its memory (after a huge paste).
const KEEP_ITEMS: usize = 1 << 12;

thread_local! {
    /// Taken for the length of a review and put back after, so a nested or concurrent review
    /// on the same thread simply starts from an empty scratch.
    static SCRATCH: Cell<Scratch> = Cell::new(Scratch::default());
}

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
                    needs_own_matches: rule.needs_own_matches(),
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
        let mut scratch = SCRATCH.with(Cell::take);
        let set = phrase_set();
        let doc = set.analyse(text, std::mem::take(&mut scratch.buffers));
        set.find_into(&doc, &mut scratch.matches);
        find_dates_into(&doc, &mut scratch.dates);
        let mut findings = Vec::new();
        for entry in &self.entries {
            // Most phrase tables find nothing in a given message: skip their rules.
            if entry.needs_own_matches
                && entry.table.is_none_or(|t| scratch.matches.of(t).is_empty())
            {
                continue;
            }
            let cx = Check {
                doc: &doc,
                kind,
                context,
                dates: &scratch.dates,
                set,
                matches: &scratch.matches,
                own: entry.table,
            };
            entry.rule.check(&cx, &mut findings);
        }
        let (words, questions) = (doc.words, doc.questions);
        scratch.buffers = doc.into_buffers();
        if scratch.matches.len() > KEEP_ITEMS || scratch.dates.len() > KEEP_ITEMS {
            scratch.matches = Matches::default();
            scratch.dates = Vec::new();
        }
        SCRATCH.with(|cell| cell.set(scratch));

        deduplicate(&mut findings);
        locate(text, &mut findings);
        Review {
            verdict: Verdict::of(&findings),
            score: score(&findings),
            kind,
            words,
            questions,
            findings,
        }
    }
}

/// Findings up to which overlaps are checked against a small list of kept spans: cheaper than
/// search trees for the handful of findings a message usually has.
const FEW_FINDINGS: usize = 16;

/// Keeps one finding per occurrence: within a category, a finding overlapping a kept one of
/// equal or higher severity is dropped. Message-level findings are never dropped this way.
/// O(n log n) so a pasted thread with thousands of findings stays fast.
fn deduplicate(findings: &mut Vec<Finding>) {
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
    // Kept spans of one category never overlap each other; an empty span counts as one byte
    // so it can still collide.
    let span = |f: &Finding| (f.start, f.end.max(f.start + 1));
    if findings.len() <= FEW_FINDINGS {
        let mut kept = [(Category::Emotion, 0, 0); FEW_FINDINGS];
        let mut count = 0;
        findings.retain(|f| {
            if f.whole_message {
                return true;
            }
            let (start, end) = span(f);
            let overlaps = kept[..count]
                .iter()
                .any(|&(c, s, e)| c == f.category && s < end && start < e);
            if !overlaps {
                kept[count] = (f.category, start, end);
                count += 1;
            }
            !overlaps
        });
        return;
    }
    let mut kept: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); Category::ALL.len()];
    findings.retain(|f| {
        if f.whole_message {
            return true;
        }
        let spans = &mut kept[f.category as usize];
        // Kept spans are disjoint, so the neighbours decide.
        let (start, end) = span(f);
        let before = spans.range(..=start).next_back();
        let after = spans.range(start..).next();
        let overlaps =
            before.is_some_and(|(_, &e)| e > start) || after.is_some_and(|(&s, _)| s < end);
        if !overlaps {
            spans.insert(start, end);
        }
        !overlaps
    });
}

/// Puts the findings in text order (most severe first at one offset) and fills in line,
/// column and excerpt in one forward sweep.
fn locate(text: &str, findings: &mut [Finding]) {
    for finding in findings.iter_mut() {
        finding.start = floor_char_boundary(text, finding.start);
        finding.end = floor_char_boundary(text, finding.end.max(finding.start));
    }
    findings.sort_by(|a, b| {
        (a.start, std::cmp::Reverse(a.severity), a.rule).cmp(&(
            b.start,
            std::cmp::Reverse(b.severity),
            b.rule,
        ))
    });
    let mut cursor = Cursor::default();
    // Message-level findings share one span: build its excerpt once.
    let mut previous: Option<usize> = None;
    for at in 0..findings.len() {
        let (start, end) = (findings[at].start, findings[at].end);
        let position = cursor.advance_to(text, start);
        let same = previous.filter(|&p| (findings[p].start, findings[p].end) == (start, end));
        let excerpt = match same {
            Some(p) => findings[p].excerpt.clone(),
            None => excerpt(&text[start..end]),
        };
        let finding = &mut findings[at];
        finding.line = position.line;
        finding.column = position.column;
        finding.excerpt = excerpt;
        if same.is_none() {
            previous = Some(at);
        }
    }
}

/// The flagged text with whitespace collapsed, shortened to [`EXCERPT_CHARS`] characters.
fn excerpt(text: &str) -> String {
    let text = text.trim();
    // Most flagged phrases are short ASCII with single spaces: already their own excerpt.
    let bytes = text.as_bytes();
    let plain = bytes.len() <= EXCERPT_CHARS
        && bytes.iter().all(|&b| (b' '..=b'~').contains(&b))
        && !bytes.windows(2).any(|pair| pair == b"  ");
    if plain {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len().min(EXCERPT_CHARS * 4));
    let mut chars = 0;
    let mut pending_space = false;
    for c in text.chars() {
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
        let mut kept = vec![a, b, c];
        deduplicate(&mut kept);
        let rules: Vec<&str> = kept.iter().map(|f| f.rule).collect();
        assert_eq!(rules, ["x.b", "x.c"]);
    }

    #[test]
    fn few_and_many_findings_are_deduplicated_alike() {
        // The plain definition: most severe first, keep what overlaps no kept finding of its
        // category.
        fn reference(mut findings: Vec<Finding>) -> Vec<(usize, usize, Severity)> {
            findings.sort_by_key(|f| {
                (
                    std::cmp::Reverse(f.severity),
                    f.start,
                    std::cmp::Reverse(f.end),
                )
            });
            let mut kept: Vec<Finding> = Vec::new();
            for f in findings {
                let end = f.end.max(f.start + 1);
                if !kept.iter().any(|k| {
                    k.category == f.category && k.start < end && f.start < k.end.max(k.start + 1)
                }) {
                    kept.push(f);
                }
            }
            kept.iter().map(|f| (f.start, f.end, f.severity)).collect()
        }
        for count in [5, FEW_FINDINGS, FEW_FINDINGS + 1, 60] {
            let findings: Vec<Finding> = (0..count)
                .map(|i| {
                    let severity = [Severity::Info, Severity::Warning, Severity::Error][i * 7 % 3];
                    let category = [Category::Emotion, Category::Pressure][i % 2];
                    let start = i * 37 % 50;
                    Finding::at("x.y", category, severity, (start, start + i % 6), "", "")
                })
                .collect();
            let mut deduplicated = findings.clone();
            deduplicate(&mut deduplicated);
            let got: Vec<_> = deduplicated
                .iter()
                .map(|f| (f.start, f.end, f.severity))
                .collect();
            assert_eq!(got, reference(findings), "{count} findings");
        }
    }

    #[test]
    fn excerpts_are_short_and_single_line() {
        assert_eq!(excerpt("  a\n\n b  "), "a b");
        assert_eq!(excerpt("so anxious"), "so anxious");
        assert_eq!(excerpt("so  anxious"), "so anxious");
        assert_eq!(excerpt("so\u{b}anxious\u{a0}now"), "so anxious now");
        // At the limit: 80 characters fit, the 81st turns into an ellipsis.
        let eighty = format!("{}\n{}", "a".repeat(39), "é".repeat(40));
        assert_eq!(
            excerpt(&eighty),
            format!("{} {}", "a".repeat(39), "é".repeat(40))
        );
        let over = format!("{}\n\n{}x", "a".repeat(39), "é".repeat(40));
        assert_eq!(
            excerpt(&over),
            format!("{} {}…", "a".repeat(39), "é".repeat(40))
        );
        let run = format!("{}\t{}", "b".repeat(10), "c".repeat(100));
        assert_eq!(
            excerpt(&run),
            format!("{} {}…", "b".repeat(10), "c".repeat(69))
        );
        assert_eq!(
            excerpt(&format!("{} x", "d".repeat(79))),
            format!("{}…", "d".repeat(79))
        );
        let long = "word ".repeat(40);
        let short = excerpt(&long);
        assert!(short.chars().count() <= EXCERPT_CHARS + 1);
        assert!(short.ends_with('…'));
    }
}
