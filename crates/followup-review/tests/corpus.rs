//! The corpus check: realistic messages (weak and strong, every kind) with the categories a
//! reviewer should report. Prints recall and the false-alarm rate, and holds them to the
//! product's bar: recall ≥ 0.95 in every category, no warning or error on any strong message.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use followup_core::MessageKind;
use followup_review::{Reviewer, Severity, Verdict};

#[path = "corpus/read.rs"]
mod read;

#[test]
fn corpus_recall_and_false_alarms() {
    let cases = read::entries();
    assert!(cases.len() >= 60, "{} messages", cases.len());
    for kind in [
        MessageKind::ThankYou,
        MessageKind::FollowUp,
        MessageKind::Final,
        MessageKind::Align,
    ] {
        assert!(
            cases
                .iter()
                .any(|c| c.kind == kind && c.expected.is_empty())
        );
        assert!(
            cases
                .iter()
                .any(|c| c.kind == kind && !c.expected.is_empty())
        );
    }

    let reviewer = Reviewer::new();
    let (mut expected_total, mut found_expected, mut spurious, mut reported) = (0, 0, 0, 0);
    let (mut strong, mut strong_alarms) = (0, 0);
    // Per category: (expected, found).
    let mut by_category: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let mut report = Vec::new();
    let mut wrong_verdicts = Vec::new();
    for case in &cases {
        let review = reviewer.review(&case.text, case.kind, None);
        let actual: BTreeSet<String> = review
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| f.category.as_str().to_owned())
            .collect();
        let missed: Vec<&String> = case.expected.difference(&actual).collect();
        for category in &case.expected {
            let entry = by_category.entry(category.clone()).or_default();
            entry.0 += 1;
            entry.1 += usize::from(actual.contains(category));
        }
        let extra: Vec<&String> = actual.difference(&case.expected).collect();
        expected_total += case.expected.len();
        found_expected += case.expected.len() - missed.len();
        spurious += extra.len();
        reported += actual.len();
        if case.expected.is_empty() {
            strong += 1;
            if !actual.is_empty() {
                strong_alarms += 1;
            }
            if review.verdict != Verdict::Strong {
                wrong_verdicts.push(case.id.clone());
            }
        } else if review.verdict == Verdict::Strong {
            wrong_verdicts.push(case.id.clone());
        }
        if !missed.is_empty() || !extra.is_empty() {
            let rules: Vec<String> = review
                .findings
                .iter()
                .map(|f| format!("{} {:?}", f.rule, f.excerpt))
                .collect();
            report.push(format!(
                "{}: missed {missed:?}, extra {extra:?}; findings {rules:?}",
                case.id
            ));
        }
    }
    let recall = found_expected as f64 / expected_total as f64;
    let false_alarm_rate = strong_alarms as f64 / strong as f64;
    let spurious_rate = spurious as f64 / reported.max(1) as f64;
    println!(
        "corpus: {} messages ({strong} strong); recall {recall:.3} ({found_expected}/{expected_total} \
         expected categories); false alarms on strong messages {strong_alarms}/{strong} \
         ({false_alarm_rate:.3}); unexpected categories {spurious}/{reported} reported \
         ({spurious_rate:.3})",
        cases.len()
    );
    for (category, (expected, found)) in &by_category {
        println!("  {category:18} {found:3}/{expected:3}");
    }
    for line in &report {
        println!("  {line}");
    }
    assert!(
        wrong_verdicts.is_empty(),
        "wrong verdicts: {wrong_verdicts:?}"
    );
    for (category, (expected, found)) in &by_category {
        let recall = *found as f64 / *expected as f64;
        assert!(recall >= 0.95, "{category}: recall {recall:.3}");
    }
    assert_eq!(strong_alarms, 0, "false alarms on strong messages");
    assert!(
        spurious_rate <= 0.1,
        "unexpected categories {spurious_rate:.3}"
    );
}
