//! The result of reviewing one message: findings, counts, a verdict and a score.
//!
//! Serialised as the `followup check --json` contract:
//! `{"verdict","score","kind","words","questions","findings":[...]}`.

use followup_core::MessageKind;
use serde::Serialize;

use crate::finding::{Finding, Severity};

/// The overall judgement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Any error, or two or more warnings.
    Weak,
    /// Exactly one warning and no error.
    Ok,
    /// No warning and no error (info allowed).
    Strong,
}

impl Verdict {
    /// The stable name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Weak => "weak",
            Verdict::Ok => "ok",
            Verdict::Strong => "strong",
        }
    }

    /// The verdict for a set of findings.
    pub fn of(findings: &[Finding]) -> Self {
        let errors = count(findings, Severity::Error);
        let warnings = count(findings, Severity::Warning);
        match (errors, warnings) {
            (0, 0) => Verdict::Strong,
            (0, 1) => Verdict::Ok,
            _ => Verdict::Weak,
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Points an error takes off the score.
pub const ERROR_PENALTY: u32 = 25;
/// Points a warning takes off the score.
pub const WARNING_PENALTY: u32 = 10;

/// The score: `100 − 25 × errors − 10 × warnings`, never below 0; info costs nothing. A
/// finding folded from many repeats costs once.
pub fn score(findings: &[Finding]) -> u8 {
    let errors = u32::try_from(count(findings, Severity::Error)).unwrap_or(u32::MAX);
    let warnings = u32::try_from(count(findings, Severity::Warning)).unwrap_or(u32::MAX);
    let penalty = errors
        .saturating_mul(ERROR_PENALTY)
        .saturating_add(warnings.saturating_mul(WARNING_PENALTY));
    u8::try_from(100u32.saturating_sub(penalty)).unwrap_or(0)
}

fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|f| f.severity == severity).count()
}

/// A reviewed message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Review {
    /// `weak`, `ok` or `strong`.
    pub verdict: Verdict,
    /// 0–100, higher is better (see [`score`]).
    pub score: u8,
    /// The kind the message was reviewed as.
    pub kind: MessageKind,
    /// Whitespace-separated tokens with a letter or digit.
    pub words: usize,
    /// Sentences ending in `?`.
    pub questions: usize,
    /// What is wrong, in text order.
    pub findings: Vec<Finding>,
}

impl Review {
    /// Whether any finding is an error (the linter's exit status 1).
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Category;

    fn finding(severity: Severity) -> Finding {
        Finding::at("t.x", Category::Vague, severity, (0, 1), "m", "s")
    }

    #[test]
    fn errors_and_warnings_decide_the_verdict() {
        use Severity::*;
        assert_eq!(Verdict::of(&[]), Verdict::Strong);
        assert_eq!(Verdict::of(&[finding(Info)]), Verdict::Strong);
        assert_eq!(Verdict::of(&[finding(Warning)]), Verdict::Ok);
        assert_eq!(
            Verdict::of(&[finding(Warning), finding(Warning)]),
            Verdict::Weak
        );
        assert_eq!(Verdict::of(&[finding(Error)]), Verdict::Weak);
    }

    #[test]
    fn errors_cost_25_and_warnings_10_down_to_zero() {
        use Severity::*;
        assert_eq!(score(&[]), 100);
        assert_eq!(score(&[finding(Info)]), 100);
        assert_eq!(score(&[finding(Warning)]), 90);
        assert_eq!(score(&[finding(Error), finding(Warning)]), 65);
        assert_eq!(score(&vec![finding(Error); 9]), 0);
    }
}
