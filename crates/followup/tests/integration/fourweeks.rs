//! The four-week fixture (issue 11): four processes over 28 days, typed as CLI commands in
//! `fourweeks/script.txt`, with the morning `next` of every day pinned in
//! `fourweeks/expected.txt` (each day checked by hand against the README's "The rules in
//! plain words"). `FOLLOWUP_BLESS=1` rewrites the expected file instead of comparing.

use std::path::Path;

use crate::tracker::Tracker;

/// The script's days: each date with its commands (words, quotes removed).
pub(crate) fn days(script: &str) -> Vec<(String, Vec<Vec<String>>)> {
    let mut days: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    for line in script.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words = split(line);
        if words[0] == "day" {
            days.push((words[1].clone(), Vec::new()));
        } else {
            days.last_mut().expect("a day first").1.push(words);
        }
    }
    days
}

/// Splits a command line into words, a double-quoted run being one word.
fn split(line: &str) -> Vec<String> {
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

#[test]
fn four_weeks_of_next_match_the_expected_agendas() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/integration/fourweeks");
    let script = std::fs::read_to_string(dir.join("script.txt")).unwrap();
    let t = Tracker::new();
    let mut actual = String::new();
    for (date, commands) in days(&script) {
        let morning = format!("{date}T09:00");
        let weekday = jiff::civil::Date::strptime("%Y-%m-%d", &date)
            .unwrap()
            .strftime("%A %-d %B %Y")
            .to_string();
        actual.push_str(&format!("== {weekday}: followup next --now {morning}\n"));
        actual.push_str(&t.ok(&["next", "--now", &morning]));
        for command in commands {
            let typed: Vec<String> = command
                .iter()
                .map(|w| {
                    if w.contains(' ') {
                        format!("\"{w}\"")
                    } else {
                        w.clone()
                    }
                })
                .collect();
            actual.push_str(&format!("$ followup {}\n", typed.join(" ")));
            let evening = format!("{date}T18:00");
            let mut args: Vec<&str> = command.iter().map(String::as_str).collect();
            args.extend(["--now", &evening]);
            t.ok(&args);
        }
        actual.push('\n');
    }
    let expected_path = dir.join("expected.txt");
    if std::env::var_os("FOLLOWUP_BLESS").is_some() {
        std::fs::write(&expected_path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap();
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "next differs from fourweeks/expected.txt from line {}:\n  expected: {:?}\n  actual:   {:?}\n(FOLLOWUP_BLESS=1 rewrites it; check every changed day against the rules)",
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
