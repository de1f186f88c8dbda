//! `followup check`: reviews a message like a linter. Human output shows the message with the
//! flagged words marked (colour on a terminal, carets otherwise), one line per finding, then
//! the verdict; `--json` prints the review object. Exit 0 without errors, 1 with any error,
//! 2 on bad usage or input.

use std::io::Write;
use std::process::ExitCode;

use anstream::ColorChoice;
use followup_core::MessageKind;
use followup_review::{Finding, Review, Reviewer, Severity, Verdict};
use owo_colors::{OwoColorize, Style};

use followup_app::input;

use super::{Context, Run};
use crate::cli::CheckArgs;
use crate::error::UserError;

/// Exit code when the review has an error finding (like a linter).
pub const EXIT_FINDINGS: u8 = 1;

impl Run for CheckArgs {
    fn run(self, ctx: &Context) -> anyhow::Result<ExitCode> {
        let given = self.kind.map(MessageKind::from);
        // Without a process no rule reads the clock: a `--now` would be silently ignored, and
        // the user would believe the timing was checked.
        if self.now.now.is_some() && self.process.is_none() {
            return Err(UserError::new(
                "--now only matters with --process",
                "drop --now, or add --process FILE|HANDLE to check the timing against that \
                 process at that moment",
            )
            .into());
        }
        if self.file == "-" && self.process.as_deref() == Some("-") {
            return Err(UserError::new(
                "the message and --process cannot both come from standard input",
                "save one of them to a file",
            )
            .into());
        }
        let text = input::read_text(&self.file)?;
        if input::is_blank(&text) {
            return Err(UserError::new(
                format!("{}: the message is empty", shown(&self.file)),
                "pass the message as a file, or pipe it: followup check - < message.txt",
            )
            .into());
        }
        let (kind, context) = match &self.process {
            Some(source) => {
                let (kind, context) = ctx
                    .app(self.now.now.as_deref())?
                    .review_context(source, given)?;
                (kind, Some(context))
            }
            None => (given.unwrap_or(MessageKind::FollowUp), None),
        };

        // Only the body is reviewed; positions are moved back to where they are in the file.
        let message = input::message_file(&text, &self.file)?;
        if message.has_headers() && input::is_blank(message.body) {
            return Err(UserError::new(
                format!("{}: the message has headers but no body", shown(&self.file)),
                "write the body after the blank line that ends the header block",
            )
            .into());
        }
        let reviewer = Reviewer::new();
        let mut review = reviewer.review(message.body, kind, context.as_ref());
        for finding in &mut review.findings {
            finding.start += message.body_start;
            finding.end += message.body_start;
            finding.line += message.header_lines;
        }
        let fixed = self.fix.then(|| {
            let fixed = reviewer.fix(message.body, kind, context.as_ref()).text;
            format!("{}{fixed}", &text[..message.body_start])
        });

        let stdout = anstream::stdout();
        let colour = stdout.current_choice() != ColorChoice::Never;
        let mut out = stdout.lock();
        if self.json {
            let json = match &fixed {
                Some(fixed) => serde_json::to_string_pretty(&WithFix {
                    review: &review,
                    fixed,
                })?,
                None => serde_json::to_string_pretty(&review)?,
            };
            writeln!(out, "{json}")?;
        } else {
            write_human(&mut out, &text, &review, colour)?;
            if let Some(fixed) = &fixed {
                writeln!(out, "\n{}\n\n{fixed}", "Fixed:".bold())?;
            }
        }
        out.flush()?;
        Ok(if review.has_errors() {
            ExitCode::from(EXIT_FINDINGS)
        } else {
            ExitCode::SUCCESS
        })
    }
}

/// The message's source as errors name it.
fn shown(file: &str) -> &str {
    if file == "-" { "<stdin>" } else { file }
}

/// The review object with `"fixed"` after its fields.
#[derive(serde::Serialize)]
struct WithFix<'a> {
    #[serde(flatten)]
    review: &'a Review,
    fixed: &'a str,
}

fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Error => Style::new().red().bold(),
        Severity::Warning => Style::new().yellow().bold(),
        Severity::Info => Style::new().cyan(),
    }
}

/// The message with its flagged words marked, the findings, and the verdict.
fn write_human(
    out: &mut impl Write,
    text: &str,
    review: &Review,
    colour: bool,
) -> std::io::Result<()> {
    write_marked(out, text, &review.findings, colour)?;
    writeln!(out)?;
    for f in &review.findings {
        write_finding(out, f)?;
    }
    if !review.findings.is_empty() {
        writeln!(out)?;
    }
    let count = |s: Severity| review.findings.iter().filter(|f| f.severity == s).count();
    let verdict_style = match review.verdict {
        Verdict::Weak => Style::new().red().bold(),
        Verdict::Ok => Style::new().yellow().bold(),
        Verdict::Strong => Style::new().green().bold(),
    };
    writeln!(
        out,
        "{} (score {}/100): {} {}, {} {}, {} info; {} message, {} words, {} {}",
        review.verdict.as_str().style(verdict_style),
        review.score,
        count(Severity::Error),
        plural(count(Severity::Error), "error", "errors"),
        count(Severity::Warning),
        plural(count(Severity::Warning), "warning", "warnings"),
        count(Severity::Info),
        review.kind,
        review.words,
        review.questions,
        plural(review.questions, "question", "questions"),
    )
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// `line:col category severity message → suggestion`, then `(N times)` for a finding the
/// message repeats more than the reviewer lists one by one.
fn write_finding(out: &mut impl Write, f: &Finding) -> std::io::Result<()> {
    write!(
        out,
        "{}:{} {} {} {} → {}",
        f.line,
        f.column,
        f.category.as_str().bold(),
        f.severity.as_str().style(severity_style(f.severity)),
        f.message,
        f.suggestion
    )?;
    if f.count > 1 {
        write!(out, " ({} times)", f.count)?;
    }
    writeln!(out)
}

/// Each line of the message; flagged words are coloured on a terminal, underlined with carets
/// on the next line otherwise. Whole-message findings (length, no question) mark nothing.
fn write_marked(
    out: &mut impl Write,
    text: &str,
    findings: &[Finding],
    colour: bool,
) -> std::io::Result<()> {
    // The most severe finding covering each byte (0 = none), built in time linear in the text
    // plus the flagged spans.
    let mut marks = vec![0u8; text.len()];
    for f in findings.iter().filter(|f| !f.whole_message) {
        let level = match f.severity {
            Severity::Info => 1,
            Severity::Warning => 2,
            Severity::Error => 3,
        };
        for m in &mut marks[f.start..f.end] {
            *m = (*m).max(level);
        }
    }
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let line_marks = &marks[line_start..line_start + body.len()];
        if colour {
            let mut at = 0;
            while at < body.len() {
                let level = line_marks[at];
                let mut end = at;
                while end < body.len() && line_marks[end] == level {
                    end += 1;
                }
                // Runs end on char boundaries: spans and line ends are boundaries.
                let piece = &body[at..end];
                match level {
                    0 => write!(out, "{piece}")?,
                    1 => write!(out, "{}", piece.cyan().underline())?,
                    2 => write!(out, "{}", piece.yellow().underline())?,
                    _ => write!(out, "{}", piece.red().bold().underline())?,
                }
                at = end;
            }
            writeln!(out)?;
        } else {
            writeln!(out, "{body}")?;
            if line_marks.iter().any(|&m| m > 0) {
                let mut carets = String::with_capacity(body.len());
                for (i, c) in body.char_indices() {
                    carets.push(match (line_marks[i], c) {
                        (0, '\t') => '\t',
                        (0, _) => ' ',
                        (1, _) => '-',
                        (2, _) => '~',
                        _ => '^',
                    });
                }
                writeln!(out, "{}", carets.trim_end())?;
            }
        }
        line_start += line.len();
    }
    Ok(())
}
