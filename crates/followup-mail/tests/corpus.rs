//! The committed corpus: every message of `tests/corpus` (`.eml` files, one mbox, one
//! Maildir) imported against the fixture `directory.json`, with the test advisor of
//! `advice.json`; each JSON line must equal `expected.jsonl`, each class and process the hand
//! labels of `labels.txt`, each effect `expected-effects.txt`, each warning
//! `expected-warnings.txt`. `UPDATE_CORPUS=1 cargo test -p followup-mail --test corpus`
//! rewrites the three expected files for review.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly on purpose.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use followup_mail::{Asks, Directory, Effect, Importer, Logged, SentKind, Sources};
use jiff::Timestamp;
use jiff::civil::Date;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// The inputs in the order a user would give them: the `.eml` files, the mbox, the Maildir.
pub fn inputs() -> Vec<PathBuf> {
    let dir = corpus();
    let mut eml: Vec<PathBuf> = std::fs::read_dir(dir.join("eml"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    eml.sort();
    eml.push(dir.join("inbox.mbox"));
    eml.push(dir.join("Maildir"));
    for batch in ["blind-1", "blind-2", "blind-3", "blind-4"] {
        let mut blind: Vec<PathBuf> = std::fs::read_dir(dir.join(batch))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        blind.sort();
        eml.extend(blind);
    }
    eml
}

fn directory() -> Directory {
    serde_json::from_str(&std::fs::read_to_string(corpus().join("directory.json")).unwrap())
        .unwrap()
}

/// The test advisor: the fixture's baseline kind per process and date, `reply` while a
/// request or offer logged in this import is unanswered, `align` once another process got
/// an offer with a deadline in this import.
struct FixtureAdvisor {
    baseline: HashMap<String, Vec<(Date, SentKind)>>,
}

impl FixtureAdvisor {
    fn load() -> Self {
        let raw: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(corpus().join("advice.json")).unwrap())
                .unwrap();
        let baseline = raw
            .into_iter()
            .filter(|(k, _)| !k.starts_with('_'))
            .map(|(k, v)| (k, serde_json::from_value(v).unwrap()))
            .collect();
        FixtureAdvisor { baseline }
    }

    fn ask(&self, handle: &str, at: Timestamp, earlier: &[Logged]) -> Option<SentKind> {
        // Like the real advisor, it reads only what had happened by `at`: input order is
        // not date order (all the `.eml` files come before the mbox).
        let earlier: Vec<&Logged> = earlier
            .iter()
            .filter(|e| e.at().is_none_or(|t| t <= at))
            .collect();
        let mut open_request = false;
        for effect in earlier.iter().filter(|e| e.handle() == handle) {
            let effect: &Logged = effect;
            match effect {
                Effect::Reply { asks, .. } if *asks != Asks::Nothing => open_request = true,
                Effect::Offer { .. } => open_request = true,
                Effect::Sent { .. } => open_request = false,
                _ => {}
            }
        }
        if open_request {
            return Some(SentKind::Reply);
        }
        let offer_elsewhere = earlier.iter().any(
            |e| matches!(e, Effect::Offer { handle: h, deadline: Some(_), .. } if h != handle),
        );
        if offer_elsewhere {
            return Some(SentKind::Align);
        }
        let day = at.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        self.baseline
            .get(handle)?
            .iter()
            .rev()
            .find(|(from, _)| *from <= day)
            .map(|(_, kind)| *kind)
    }
}

fn effect_line(effect: &Effect) -> String {
    let date = |d: &Option<Date>| d.map_or("-".to_owned(), |d| d.to_string());
    match effect {
        Effect::Applied { handle, .. } => format!("{handle} applied"),
        Effect::Rejected { handle, note, .. } => format!("{handle} closed rejected ({note})"),
        Effect::Offer {
            handle, deadline, ..
        } => {
            format!("{handle} offer deadline={}", date(deadline))
        }
        Effect::Reply {
            handle,
            asks,
            respond_by,
            promise,
            from,
            ..
        } => format!(
            "{handle} reply from={from} asks={} respond_by={} promise={}",
            serde_json::to_value(asks).unwrap().as_str().unwrap(),
            date(respond_by),
            date(promise)
        ),
        Effect::Away { handle, until, .. } => format!("{handle} away until={until}"),
        Effect::Sent {
            handle, kind, to, ..
        } => format!(
            "{handle} sent kind={} to={}",
            serde_json::to_value(kind).unwrap().as_str().unwrap(),
            to.join(",")
        ),
        Effect::SentMessageId {
            handle, event_id, ..
        } => {
            format!("{handle} message_id attached to {event_id}")
        }
        Effect::Contact {
            handle,
            name,
            email,
        } => format!("{handle} contact {name} <{email}>"),
    }
}

struct Run {
    /// The JSON lines as printed, and parsed.
    printed: Vec<String>,
    lines: Vec<serde_json::Value>,
    effects: Vec<String>,
    warnings: Vec<String>,
    importer_directory: Directory,
}

fn relative(file: &str) -> String {
    let prefix = format!("{}/", corpus().display());
    file.strip_prefix(&prefix).unwrap_or(file).to_owned()
}

fn run(directory: Directory) -> Run {
    let advisor = FixtureAdvisor::load();
    let mut importer = Importer::new(directory, move |h: &str, at: Timestamp, e: &[Logged]| {
        advisor.ask(h, at, e)
    });
    let mut lines = Vec::new();
    let mut printed = Vec::new();
    let mut effects = Vec::new();
    let mut warnings = Vec::new();
    for item in Sources::new(inputs()) {
        let outcome = item.and_then(|raw| importer.read(&raw));
        match outcome {
            Ok(outcome) => {
                let mut line = outcome.line.clone();
                line.file = relative(&line.file);
                for effect in &outcome.effects {
                    effects.push(format!("{}: {}", line.file, effect_line(effect)));
                }
                printed.push(line.to_json());
                lines.push(serde_json::from_str(&line.to_json()).unwrap());
            }
            Err(mut warning) => {
                warning.file = relative(&warning.file);
                warnings.push(warning.to_string());
            }
        }
    }
    Run {
        printed,
        lines,
        effects,
        warnings,
        importer_directory: importer.directory().clone(),
    }
}

fn check_or_update(name: &str, actual: &[String], failures: &mut Vec<String>) {
    let path = corpus().join(name);
    if std::env::var_os("UPDATE_CORPUS").is_some() {
        std::fs::write(&path, actual.join("\n") + "\n").unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    let expected: Vec<&str> = expected.lines().collect();
    for i in 0..expected.len().max(actual.len()) {
        let (want, got) = (expected.get(i).copied(), actual.get(i).map(String::as_str));
        if want != got {
            failures.push(format!(
                "{name} line {}:\n  expected {}\n  got      {}",
                i + 1,
                want.unwrap_or("(nothing)"),
                got.unwrap_or("(nothing)")
            ));
        }
    }
}

#[test]
fn every_message_gives_its_expected_line() {
    let run = run(directory());
    let mut failures = Vec::new();
    check_or_update("expected.jsonl", &run.printed, &mut failures);
    check_or_update("expected-effects.txt", &run.effects, &mut failures);
    check_or_update("expected-warnings.txt", &run.warnings, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn classes_and_processes_equal_the_hand_labels() {
    let labels = std::fs::read_to_string(corpus().join("labels.txt")).unwrap();
    let labels: Vec<(String, String, String)> = labels
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.split_whitespace();
            let mut next = || parts.next().unwrap().to_owned();
            (next(), next(), next())
        })
        .collect();
    assert!(labels.len() >= 60, "the corpus has at least 60 messages");

    let run = run(directory());
    let mut got: HashMap<String, (String, String)> = HashMap::new();
    for line in &run.lines {
        let process = line["process"].as_str().unwrap_or("-").to_owned();
        got.insert(
            line["file"].as_str().unwrap().to_owned(),
            (line["class"].as_str().unwrap().to_owned(), process),
        );
    }
    for warning in &run.warnings {
        let file = warning.split([' ', ':']).next().unwrap().to_owned();
        got.insert(file, ("warning".into(), "-".into()));
    }

    // Confusion table: label → what the classifier said.
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut wrong = Vec::new();
    for (file, class, process) in &labels {
        let (got_class, got_process) = got
            .get(file)
            .cloned()
            .unwrap_or_else(|| ("missing".into(), "-".into()));
        *confusion
            .entry((class.clone(), got_class.clone()))
            .or_default() += 1;
        if (&got_class, &got_process) != (class, process) {
            wrong.push(format!(
                "{file}: labelled {class} {process}, got {got_class} {got_process}"
            ));
        }
    }
    println!("label -> classified: count");
    for ((label, class), n) in &confusion {
        println!("{label:>16} -> {class:<16} {n}");
    }
    assert_eq!(got.len(), labels.len(), "every input is labelled");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn importing_the_same_mail_twice_changes_nothing() {
    let first = run(directory());
    let second = run(first.importer_directory);
    assert!(second.effects.is_empty(), "{:#?}", second.effects);
    for (a, b) in first.lines.iter().zip(&second.lines) {
        let logged = first
            .effects
            .iter()
            .any(|e| e.starts_with(&format!("{}: ", a["file"].as_str().unwrap())));
        if logged {
            assert_eq!(b["class"], "duplicate", "{b}");
            assert_eq!(a["process"], b["process"], "{b}");
        }
    }
}
