//! The reviewer: runs the rules on a message and assembles the [`Review`].
//!
//! A review analyses the text once (tokens, sentences, dates), finds the phrases of the
//! language's tables, lets each rule report, removes overlapping findings of one category
//! (keeping the most severe), folds a finding repeated more than [`MAX_REPEATS`] times into
//! one, locates the rest in one sweep and scores the message.

use std::collections::BTreeMap;

use followup_core::MessageKind;

use crate::context::ProcessContext;
use crate::finding::{Category, Finding};
use crate::language::{EN, Language};
use crate::phrase::TableId;
use crate::rules::{Check, Marker, Rule, registry};
use crate::text::Document;
use crate::text::dates::find_dates;
use crate::text::position::{Cursor, floor_char_boundary};
use crate::verdict::{Review, Verdict, score};

/// A rule with its phrase table resolved in the reviewer's language.
struct Entry {
    rule: &'static dyn Rule,
    /// The rule's table, for rules that report only where it matched.
    table: Option<TableId>,
}

/// Reviews messages in one language. Cheap to build, immutable while reviewing, shareable
/// across threads.
pub struct Reviewer {
    language: &'static Language,
    entries: Vec<Entry>,
    markers: [Option<TableId>; Marker::ALL.len()],
}

impl Default for Reviewer {
    fn default() -> Self {
        Reviewer::new()
    }
}

/// How many times one finding is reported one by one; beyond, it is reported once with its
/// count, so a pasted thread does not bury the message under the same line.
pub const MAX_REPEATS: usize = 20;

/// Longest excerpt shown for a finding, in characters.
const EXCERPT_CHARS: usize = 80;

impl Reviewer {
    /// A reviewer of English messages running every rule.
    pub fn new() -> Self {
        Reviewer::in_language(&EN)
    }

    /// A reviewer of messages in `language` running every rule.
    pub fn in_language(language: &'static Language) -> Self {
        let phrases = &language.phrases;
        Reviewer {
            language,
            entries: registry()
                .iter()
                .map(|&rule| Entry {
                    rule,
                    table: rule
                        .phrase_table()
                        .then(|| phrases.table(rule.id()))
                        .flatten(),
                })
                .collect(),
            markers: Marker::ALL.map(|m| phrases.table(m.table())),
        }
    }

    /// The language it reviews in.
    pub fn language(&self) -> &'static Language {
        self.language
    }

    /// Reviews `text` as a message of `kind`, with the process's context when given.
    pub fn review(
        &self,
        text: &str,
        kind: MessageKind,
        context: Option<&ProcessContext>,
    ) -> Review {
        let language = self.language;
        let doc = Document::new(text, language);
        let matches = language.phrases.find(&doc, &language.lexicon);
        let dates = find_dates(&doc, &language.lexicon);
        let tone_text = match &language.tone {
            Some(model) => crate::tone::ToneText::of(&doc, language, model),
            None => crate::tone::ToneText::default(),
        };
        let mut findings = Vec::new();
        for entry in &self.entries {
            if entry.rule.only_where_matched()
                && entry.table.is_none_or(|t| matches.of(t).is_empty())
            {
                continue;
            }
            if !applies(entry.rule, kind) {
                continue;
            }
            let cx = Check {
                doc: &doc,
                kind,
                context,
                dates: &dates,
                language,
                matches: &matches,
                own: entry.table,
                markers: &self.markers,
                tone_text: &tone_text,
            };
            entry.rule.check(&cx, &mut findings);
        }
        deduplicate(&mut findings);
        locate(text, &mut findings);
        fold_repeats(&mut findings);
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

/// Whether a rule applies to a kind of message: a withdrawal may name the offer it leaves
/// for (there is nothing left to pressure), unless it is an ultimatum ("I'll withdraw unless
/// you match it") or reads as an invitation to bid ("If you'd like to beat that, you know
/// where to find me": the tone model, which learned withdrawals that name their offer calmly).
fn applies(rule: &dyn Rule, kind: MessageKind) -> bool {
    !(kind == MessageKind::Withdraw
        && rule.category() == Category::Pressure
        && !matches!(rule.id(), "pressure.ultimatum" | "pressure.tone"))
}

/// Keeps one finding per occurrence: within a category, a finding overlapping a kept one of
/// equal or higher severity is dropped. Message-level findings are never dropped this way.
/// Tone findings (`<category>.tone`) are kept beside the rules': the tone rules already left
/// to a rule every piece it flagged, and capitals or `!!` they share a piece with must stay
/// reported, since the fix rewrites those and removes the piece only for the tone.
fn deduplicate(findings: &mut Vec<Finding>) {
    let (tone, mut rules): (Vec<Finding>, Vec<Finding>) =
        findings.drain(..).partition(|f| f.rule.ends_with(".tone"));
    deduplicate_rules(&mut rules);
    rules.extend(tone);
    rules.sort_by_key(|f| {
        (
            std::cmp::Reverse(f.severity),
            f.start,
            std::cmp::Reverse(f.end),
        )
    });
    *findings = rules;
}

/// [`deduplicate`] for the rules' findings.
fn deduplicate_rules(findings: &mut Vec<Finding>) {
    // Most severe first; among equals, text order and the longer span first.
    findings.sort_by_key(|f| {
        (
            std::cmp::Reverse(f.severity),
            f.start,
            std::cmp::Reverse(f.end),
        )
    });
    // The kept spans of each category, by start: they never overlap each other, so a new
    // span's neighbours decide. An empty span counts as one byte so it can still collide.
    let mut kept: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); Category::ALL.len()];
    findings.retain(|f| {
        if f.whole_message {
            return true;
        }
        let spans = &mut kept[f.category as usize];
        let (start, end) = (f.start, f.end.max(f.start + 1));
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

/// Folds each finding that occurs more than [`MAX_REPEATS`] times (the same rule, severity,
/// words, message and suggestion) into its first occurrence, with the count. Findings are in
/// text order, so the first kept is the first occurrence.
fn fold_repeats(findings: &mut Vec<Finding>) {
    let key = |f: &Finding| {
        (
            f.rule,
            f.severity,
            f.excerpt.clone(),
            f.message.clone(),
            f.suggestion.clone(),
        )
    };
    let mut counts: BTreeMap<_, usize> = BTreeMap::new();
    for f in findings.iter() {
        *counts.entry(key(f)).or_default() += 1;
    }
    if counts.values().all(|&n| n <= MAX_REPEATS) {
        return;
    }
    findings.retain_mut(|f| {
        let Some(count) = counts.get_mut(&key(f)) else {
            return true;
        };
        match *count {
            // Folded already: this is a later occurrence.
            0 => false,
            n if n <= MAX_REPEATS => true,
            n => {
                f.count = n;
                *count = 0;
                true
            }
        }
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
    for finding in findings.iter_mut() {
        let position = cursor.advance_to(text, finding.start);
        finding.line = position.line;
        finding.column = position.column;
        finding.excerpt = excerpt(&text[finding.start..finding.end]);
    }
}

/// The flagged text with whitespace collapsed, shortened to [`EXCERPT_CHARS`] characters.
fn excerpt(text: &str) -> String {
    let text = text.trim();
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
    fn an_anxious_dream_job_message_without_a_question_is_weak_for_each_reason() {
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
    fn rule_words_inside_a_name_say_nothing_but_run_on_lines_keep_their_findings() {
        let reviewer = Reviewer::new();
        for text in [
            "I wanted to check whether there is any news on the Fleet Analyst role at ASAP \
             Logistics since our call on Monday.",
            "Is there any update on the Store Lead role at Perfect Fit Apparel since Monday?",
            "Is there any news on the Billing role at Urgent Care Inc. since our call on 4 May?",
        ] {
            let review = reviewer.review(text, MessageKind::FollowUp, None);
            assert_eq!(review.verdict, Verdict::Strong, "{text}: {review:#?}");
        }
        let run_on = reviewer.review("thanks Ana Going crazy here", MessageKind::ThankYou, None);
        assert!(run_on.findings.iter().any(|f| f.rule == "emotion.anxiety"));
    }

    #[test]
    fn a_finding_repeated_beyond_the_limit_is_reported_once_and_costs_once() {
        let text = format!(
            "Is there any news on the Backend Engineer role since Friday? {}",
            "Any news?? ".repeat(MAX_REPEATS + 5)
        );
        let review = Reviewer::new().review(&text, MessageKind::FollowUp, None);
        let runs: Vec<&Finding> = review
            .findings
            .iter()
            .filter(|f| f.rule == "emotion.punctuation")
            .collect();
        assert_eq!(runs.len(), 1, "{review:#?}");
        assert_eq!(runs[0].count, MAX_REPEATS + 5);
        assert_eq!(&text[runs[0].start..runs[0].end], "??");
        assert_eq!(runs[0].start, text.find("??").unwrap());
        // The repeats cost one warning; whatever else reads in 25 "Any news??" costs its own.
        let others: Vec<&Finding> = review
            .findings
            .iter()
            .filter(|f| f.rule != "emotion.punctuation")
            .collect();
        assert!(
            others
                .iter()
                .all(|f| f.severity == Severity::Warning && f.count == 1)
        );
        assert_eq!(review.score as usize, 90 - 10 * others.len());
        let json = serde_json::to_value(&review).unwrap();
        let counts: Vec<&serde_json::Value> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f.get("count"))
            .collect();
        assert_eq!(counts, [&serde_json::Value::from(MAX_REPEATS + 5)]);
    }

    #[test]
    fn up_to_the_limit_every_repeat_is_listed() {
        let text = format!(
            "Is there any news on the Backend Engineer role since Friday? {}",
            "Any news?? ".repeat(MAX_REPEATS)
        );
        let review = Reviewer::new().review(&text, MessageKind::FollowUp, None);
        let runs = review
            .findings
            .iter()
            .filter(|f| f.rule == "emotion.punctuation" && f.count == 1)
            .count();
        assert_eq!(runs, MAX_REPEATS);
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
    fn deduplication_keeps_the_most_severe_of_overlapping_findings() {
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
        for count in [5, 16, 17, 60] {
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
