//! Scripted fixtures (the four-week ones of issues 11 and 12): a plain-text script of days,
//! each a date followed by the commands typed that day, read into [`Day`]s, and an expected
//! transcript compared with what the run printed (`FOLLOWUP_BLESS=1` rewrites it instead).

use std::path::Path;

/// One typed line: its words (a double-quoted run is one word, quotes removed) and the text
/// of the `| ...` lines that follow it (what `write FILE` writes).
pub struct Step {
    pub words: Vec<String>,
    pub text: String,
}

/// One day of a script: its date (`2026-06-01`) and what was typed.
pub struct Day {
    pub date: String,
    pub steps: Vec<Step>,
}

impl Day {
    /// The date as a person reads it: "Monday 1 June 2026".
    pub fn spelled(&self) -> String {
        jiff::civil::Date::strptime("%Y-%m-%d", &self.date)
            .unwrap()
            .strftime("%A %-d %B %Y")
            .to_string()
    }
}

/// Reads a script: `#` lines and blank lines are comments, `day DATE` starts a day, a line
/// starting with `|` adds a line to the previous step's text, any other line is a step.
pub fn days(script: &str) -> Vec<Day> {
    let mut days: Vec<Day> = Vec::new();
    for raw in script.lines() {
        let line = raw.trim();
        if let Some(text) = line.strip_prefix('|') {
            let step = days
                .last_mut()
                .and_then(|day| day.steps.last_mut())
                .expect("a step before its | lines");
            step.text.push_str(text.strip_prefix(' ').unwrap_or(text));
            step.text.push('\n');
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words = split(line);
        if words[0] == "day" {
            days.push(Day {
                date: words[1].clone(),
                steps: Vec::new(),
            });
        } else {
            days.last_mut().expect("a day first").steps.push(Step {
                words,
                text: String::new(),
            });
        }
    }
    days
}

/// Splits a command line into words, a double-quoted run being one word.
pub fn split(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    words
}

/// The words as they would be typed in a shell: a word with a space double-quoted, a word
/// starting with `#` single-quoted (a bare `#` starts a comment).
pub fn typed(words: &[String]) -> String {
    words
        .iter()
        .map(|w| {
            if w.contains(' ') || w.is_empty() {
                format!("\"{w}\"")
            } else if w.starts_with('#') {
                format!("'{w}'")
            } else {
                w.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Compares `actual` with the expected file, or rewrites it under `FOLLOWUP_BLESS`; a
/// difference panics naming the first line that differs.
pub fn compare_or_bless(expected_path: &Path, actual: &str) {
    if std::env::var_os("FOLLOWUP_BLESS").is_some() {
        std::fs::write(expected_path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(expected_path).unwrap();
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "the run differs from {} from line {}:\n  expected: {:?}\n  actual:   {:?}\n(FOLLOWUP_BLESS=1 rewrites it; check every changed day against the rules)",
            expected_path.display(),
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

#[test]
fn the_splitter_keeps_quoted_words_whole() {
    assert_eq!(
        split(r#"add Acme --role "Backend Engineer" --contact "Ana <a@b.example>""#),
        [
            "add",
            "Acme",
            "--role",
            "Backend Engineer",
            "--contact",
            "Ana <a@b.example>"
        ]
    );
}

#[test]
fn pipe_lines_are_the_text_of_the_step_before() {
    let days = days("day 2026-06-01\nwrite reply.txt\n| Hi Maria,\n|\n| Thanks\nnext\n");
    assert_eq!(days[0].steps[0].text, "Hi Maria,\n\nThanks\n");
    assert_eq!(days[0].steps[1].words, ["next"]);
}
