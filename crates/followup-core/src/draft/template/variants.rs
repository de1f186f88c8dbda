//! Reading one kind's template file (`follow-up.txt`): its variants per tone, each a subject
//! and paragraphs of lines that may carry a flag, checked as they load.
//!
//! ```text
//! === neutral 1
//! Subject: {role} — following up
//!
//! {greeting}
//!
//! I am writing to follow up on the {role} role at {company}.
//! [promise] You mentioned you expected to reach a decision {promised}.
//! Is there an update on the timeline?
//! ```

use super::TemplateError;
use super::pattern::Pattern;
use super::slot::{Flag, Slot};
use crate::draft::Tone;
use crate::process::MessageKind;

/// The fewest variants each tone must offer.
pub(crate) const MIN_VARIANTS: usize = 3;

/// One line of a body: used only when its flag (if any) holds.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    pub flag: Option<Flag>,
    pub text: Pattern<Slot>,
}

/// One variant: a subject and the body's paragraphs.
#[derive(Clone, Debug)]
pub(crate) struct Variant {
    pub subject: Pattern<Slot>,
    pub paragraphs: Vec<Vec<Line>>,
}

/// All variants of one kind, by tone (indexed by [`Tone::index`]).
#[derive(Clone, Debug)]
pub(crate) struct KindTemplates {
    pub by_tone: [Vec<Variant>; 3],
}

/// A variant being read, with where it started for error messages.
struct Open {
    tone: Tone,
    header_line: usize,
    subject: Option<Pattern<Slot>>,
    paragraphs: Vec<Vec<Line>>,
    paragraph: Vec<Line>,
}

/// Parses and checks the template file `file` of `kind`.
pub(crate) fn parse_kind(
    file: &str,
    kind: MessageKind,
    text: &str,
) -> Result<KindTemplates, TemplateError> {
    let mut by_tone: [Vec<Variant>; 3] = Default::default();
    let mut open: Option<Open> = None;
    let error = |line: usize, message: String| TemplateError {
        file: file.to_owned(),
        line,
        message,
    };

    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim();
        if line.starts_with('#') {
            continue;
        }
        if let Some(header) = line.strip_prefix("===") {
            if let Some(done) = open.take() {
                close(file, kind, done, &mut by_tone)?;
            }
            let (tone, n) = parse_header(header).map_err(|m| error(number, m))?;
            let expected = by_tone[tone.index()].len() + 1;
            if n != expected {
                return Err(error(
                    number,
                    format!(
                        "expected variant {tone} {expected} here (variants are numbered in order from 1), found {tone} {n}"
                    ),
                ));
            }
            open = Some(Open {
                tone,
                header_line: number,
                subject: None,
                paragraphs: Vec::new(),
                paragraph: Vec::new(),
            });
            continue;
        }
        let Some(current) = open.as_mut() else {
            if line.is_empty() {
                continue;
            }
            return Err(error(
                number,
                "text before the first variant header; start a variant with `=== neutral 1`"
                    .to_owned(),
            ));
        };
        if current.subject.is_none() {
            if line.is_empty() {
                continue;
            }
            let subject = line.strip_prefix("Subject:").ok_or_else(|| {
                error(
                    number,
                    "the line after a variant header must be `Subject: ...`".to_owned(),
                )
            })?;
            let pattern = Pattern::parse(
                subject.trim(),
                |name| Slot::for_kind(name, kind).filter(|slot| slot.allowed_in_subject()),
                || "{role} {company}".to_owned(),
            )
            .map_err(|m| error(number, m))?;
            current.subject = Some(pattern);
            continue;
        }
        if line.is_empty() {
            if !current.paragraph.is_empty() {
                current
                    .paragraphs
                    .push(std::mem::take(&mut current.paragraph));
            }
            continue;
        }
        let parsed = parse_line(line, kind).map_err(|m| error(number, m))?;
        current.paragraph.push(parsed);
    }
    match open.take() {
        Some(done) => close(file, kind, done, &mut by_tone)?,
        None => {
            return Err(error(
                0,
                "no variants; start one with `=== neutral 1`".to_owned(),
            ));
        }
    }
    for tone in Tone::ALL {
        let count = by_tone[tone.index()].len();
        if count < MIN_VARIANTS {
            return Err(error(
                0,
                format!("tone {tone} has {count} variant(s); at least {MIN_VARIANTS} are needed"),
            ));
        }
    }
    Ok(KindTemplates { by_tone })
}

/// `neutral 1` → (Neutral, 1).
fn parse_header(header: &str) -> Result<(Tone, usize), String> {
    let mut words = header.split_whitespace();
    let usage = "a variant header looks like `=== neutral 1` (tone formal, neutral or warm, then its number)";
    let (Some(tone), Some(n), None) = (words.next(), words.next(), words.next()) else {
        return Err(usage.to_owned());
    };
    let tone = Tone::parse(tone).ok_or_else(|| format!("unknown tone {tone:?}; {usage}"))?;
    let n = n
        .parse::<usize>()
        .map_err(|_| format!("variant number {n:?} is not a number; {usage}"))?;
    Ok((tone, n))
}

/// `[promise] You mentioned ... {promised}.` → a checked line.
fn parse_line(line: &str, kind: MessageKind) -> Result<Line, String> {
    let (flag, rest) = match line.strip_prefix('[') {
        Some(after) => {
            let (name, rest) = after
                .split_once(']')
                .ok_or_else(|| format!("a '[' that is never closed in {line:?}"))?;
            let flag = Flag::for_kind(name, kind).ok_or_else(|| {
                format!(
                    "unknown flag [{name}] for {kind}; known here: {}",
                    Flag::known_for(kind)
                )
            })?;
            (Some(flag), rest.trim())
        }
        None => (None, line),
    };
    if rest.is_empty() {
        return Err("a flag with no text after it".to_owned());
    }
    let text = Pattern::parse(
        rest,
        |name| Slot::for_kind(name, kind),
        || Slot::known_for(kind),
    )?;
    for slot in text.holes() {
        if let Some(needed) = slot.needs()
            && flag != Some(needed)
        {
            return Err(format!(
                "{{{}}} has a value only on [{}] lines",
                slot.name(),
                needed.name()
            ));
        }
    }
    Ok(Line { flag, text })
}

/// Checks a finished variant and files it under its tone.
fn close(
    file: &str,
    kind: MessageKind,
    mut open: Open,
    by_tone: &mut [Vec<Variant>; 3],
) -> Result<(), TemplateError> {
    let error = |message: String| TemplateError {
        file: file.to_owned(),
        line: open.header_line,
        message: format!(
            "variant {} {}: {message}",
            open.tone,
            by_tone[open.tone.index()].len() + 1
        ),
    };
    if !open.paragraph.is_empty() {
        open.paragraphs.push(std::mem::take(&mut open.paragraph));
    }
    let Some(subject) = open.subject.take() else {
        return Err(error("no `Subject:` line".to_owned()));
    };
    let lines = || open.paragraphs.iter().flatten();
    let unconditional = |slot: Slot| {
        lines()
            .filter(|line| line.flag.is_none())
            .flat_map(|line| line.text.holes())
            .filter(|&hole| hole == slot)
            .count()
    };
    let greetings = lines()
        .flat_map(|line| line.text.holes())
        .filter(|&hole| hole == Slot::Greeting)
        .count();
    if greetings != 1 || unconditional(Slot::Greeting) != 1 {
        return Err(error(
            "needs {greeting} exactly once, on a line without a flag".to_owned(),
        ));
    }
    if unconditional(Slot::Role) == 0 {
        return Err(error(
            "must name the role: use {role} on a line without a flag".to_owned(),
        ));
    }
    // A thank-you and a withdrawal ask nothing; every other kind asks one question.
    let wanted = usize::from(!matches!(
        kind,
        MessageKind::ThankYou | MessageKind::Withdraw
    ));
    for flags in Flag::combinations(kind) {
        let active: Vec<&Line> = lines()
            .filter(|line| line.flag.is_none_or(|flag| flags.contains(&flag)))
            .collect();
        let questions: usize = active
            .iter()
            .map(|line| line.text.literal_text().matches('?').count())
            .sum();
        let misplaced = active.iter().any(|line| {
            let literal = line.text.literal_text();
            literal.contains('?') && !literal.trim_end().ends_with('?')
        });
        if questions != wanted || misplaced {
            let when = flags
                .iter()
                .map(|f| format!("[{}]", f.name()))
                .collect::<Vec<_>>()
                .join(" ");
            let rule = if wanted == 0 {
                format!("a {kind} asks no question")
            } else {
                "must ask exactly one question, as a line ending with '?'".to_owned()
            };
            return Err(error(format!("{rule} (with {when})")));
        }
    }
    by_tone[open.tone.index()].push(Variant {
        subject,
        paragraphs: open.paragraphs,
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(tone: &str, n: usize, body: &str) -> String {
        format!("=== {tone} {n}\nSubject: {{role}} — following up\n\n{body}\n")
    }

    const GOOD: &str = "{greeting}\n\nAbout the {role} role.\n[promise] You said {promised}.\n[no-promise] Since {last_talk}.\nAny update on timing?\n\nBest,";

    fn file(body: &str) -> String {
        let mut text = String::from("# comment\n\n");
        for tone in ["formal", "neutral", "warm"] {
            for n in 1..=3 {
                text.push_str(&variant(tone, n, body));
            }
        }
        text
    }

    #[test]
    fn a_well_formed_file_loads() {
        let kinds = parse_kind("x.txt", MessageKind::FollowUp, &file(GOOD)).unwrap();
        for tone in Tone::ALL {
            assert_eq!(kinds.by_tone[tone.index()].len(), 3);
        }
        let v = &kinds.by_tone[0][0];
        assert_eq!(v.paragraphs.len(), 3);
        assert_eq!(v.paragraphs[1][1].flag, Some(Flag::Promise));
    }

    fn load_error(body: &str) -> String {
        parse_kind("en/follow-up.txt", MessageKind::FollowUp, &file(body))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn unknown_placeholders_name_the_file_and_line() {
        let err = load_error(&GOOD.replace("{greeting}", "Hi {first_name},"));
        assert!(
            err.starts_with("en/follow-up.txt:6: unknown placeholder {first_name}"),
            "{err}"
        );
        let err = load_error(&GOOD.replace("About", "{topic} about"));
        assert!(err.contains("unknown placeholder {topic}"), "{err}");
    }

    #[test]
    fn conditional_values_need_their_flag() {
        let err = load_error(&GOOD.replace("[promise] ", ""));
        assert!(
            err.contains("{promised} has a value only on [promise] lines"),
            "{err}"
        );
        let err = load_error(&GOOD.replace("[no-promise]", "[deadline]"));
        assert!(err.contains("unknown flag [deadline]"), "{err}");
    }

    #[test]
    fn structure_is_checked() {
        assert!(
            load_error(&GOOD.replace("{greeting}", "Hello,")).contains("{greeting} exactly once")
        );
        assert!(load_error(&GOOD.replace("{role}", "the")).contains("must name the role"));
        assert!(load_error(&GOOD.replace("?", ".")).contains("exactly one question"));
        assert!(
            load_error(&GOOD.replace("timing?", "timing? Or not?"))
                .contains("exactly one question")
        );
        let two = GOOD.replace(
            "[promise] You said {promised}.",
            "[promise] Did you say {promised}?",
        );
        assert!(load_error(&two).contains("with [promise]"));
    }

    #[test]
    fn tones_need_three_numbered_variants() {
        let mut text = file(GOOD);
        let cut = text.rfind("=== warm 3").unwrap();
        text.truncate(cut);
        let err = parse_kind("f", MessageKind::FollowUp, &text).unwrap_err();
        assert!(
            err.to_string().contains("tone warm has 2 variant(s)"),
            "{err}"
        );
        let skipped = file(GOOD).replace("=== neutral 2", "=== neutral 5");
        let err = parse_kind("f", MessageKind::FollowUp, &skipped).unwrap_err();
        assert!(
            err.to_string().contains("expected variant neutral 2"),
            "{err}"
        );
        let err = parse_kind("f", MessageKind::FollowUp, "Hello\n").unwrap_err();
        assert!(
            err.to_string().contains("before the first variant header"),
            "{err}"
        );
        let err = parse_kind("f", MessageKind::FollowUp, "=== casual 1\n").unwrap_err();
        assert!(err.to_string().contains("unknown tone"), "{err}");
        let err = parse_kind("f", MessageKind::FollowUp, "=== neutral 1\nHello\n").unwrap_err();
        assert!(err.to_string().contains("Subject:"), "{err}");
    }

    #[test]
    fn subjects_take_only_role_and_company() {
        let text = file(GOOD).replacen("Subject: {role}", "Subject: {promised}", 1);
        let err = parse_kind("f", MessageKind::FollowUp, &text).unwrap_err();
        assert!(
            err.to_string().contains("unknown placeholder {promised}"),
            "{err}"
        );
    }
}
