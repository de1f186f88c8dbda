//! The reviewer's output is pinned: the corpus and a committed set of 20,000 generated
//! messages (about half with a process and a moment, as `check --process --now` reviews them)
//! are reviewed, and every JSON review must equal the snapshot taken with the engine as it was.
//! A change to the engine that changes no behaviour passes unchanged.
//!
//! Both files are gzipped lines of JSON (`tests/snapshot/`): the set, generated once by
//! [`generate`]; and the snapshot, one FNV-1a hash of each review's JSON plus the full review
//! for the corpus and every 50th generated message, so a failure shows what changed without
//! storing 20,000 reviews (about 18 MB). A deliberate change of behaviour is recorded with
//! `FOLLOWUP_UPDATE_SNAPSHOT=1 cargo test -p followup-review --test snapshot`;
//! `FOLLOWUP_GENERATE_SET=1` makes a new set (and so needs a new snapshot too).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "snapshot/generate.rs"]
mod generate;
#[path = "corpus/read.rs"]
mod read;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use followup_core::document::parse_value;
use followup_core::time::parse_now;
use followup_core::{MessageKind, Policy, Process, TimezoneSource, ZoneDefault};
use followup_review::{ProcessContext, Reviewer};
use jiff::tz::{TimeZone, TimeZoneDatabase};
use serde_json::{Value, json};

const SET: &str = "tests/snapshot/messages.jsonl.gz";
const SNAPSHOT: &str = "tests/snapshot/reviews.jsonl.gz";
/// Every how many generated messages the full review is kept.
const SAMPLE_EVERY: usize = 50;

fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn read_gz(relative: &str) -> String {
    let file = std::fs::File::open(path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"));
    let mut text = String::new();
    GzDecoder::new(file).read_to_string(&mut text).unwrap();
    text
}

fn write_gz(relative: &str, text: &str) {
    let file = std::fs::File::create(path(relative)).unwrap();
    let mut encoder = GzEncoder::new(file, Compression::best());
    encoder.write_all(text.as_bytes()).unwrap();
    encoder.finish().unwrap();
}

/// FNV-1a, 64 bits: stable across platforms and Rust versions (unlike `DefaultHasher`).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

struct Case {
    label: String,
    kind: MessageKind,
    text: String,
    /// The process (an index into the set's processes) and the moment.
    context: Option<(usize, String)>,
}

fn corpus_cases() -> Vec<Case> {
    read::entries()
        .into_iter()
        .map(|entry| Case {
            label: format!("corpus {}", entry.id),
            kind: entry.kind,
            text: entry.text,
            context: None,
        })
        .collect()
}

/// The set's processes and messages.
fn set_cases(set: &str) -> (Vec<Process>, Vec<Case>) {
    let zone = ZoneDefault {
        name: "UTC".to_owned(),
        zone: TimeZone::UTC,
        source: TimezoneSource::Config,
    };
    let mut processes = Vec::new();
    let mut cases = Vec::new();
    for line in set.lines() {
        let value: Value = serde_json::from_str(line).unwrap();
        if let Some(process) = value.get("process").filter(|p| p.is_object()) {
            processes
                .push(parse_value(process.clone(), &TimeZoneDatabase::bundled(), &zone).unwrap());
            continue;
        }
        let context = value["process"]
            .as_u64()
            .map(|p| (p as usize, value["now"].as_str().unwrap().to_owned()));
        cases.push(Case {
            label: format!("message {}", cases.len()),
            kind: MessageKind::parse(value["kind"].as_str().unwrap()).unwrap(),
            text: value["text"].as_str().unwrap().to_owned(),
            context,
        });
    }
    (processes, cases)
}

fn review_json(reviewer: &Reviewer, processes: &[Process], case: &Case) -> String {
    let context = case.context.as_ref().map(|(index, now)| {
        let process = &processes[*index];
        let now = parse_now(now, &process.timezone, &process.timezone_name).unwrap();
        ProcessContext::new(process, &Policy::default(), now, case.kind)
    });
    let review = reviewer.review(&case.text, case.kind, context.as_ref());
    serde_json::to_string(&review).unwrap()
}

fn scenarios() -> Vec<Value> {
    let dir = path("../../tests/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap())
        .collect()
}

fn phrase_tables() -> Vec<String> {
    let dir = path("rules/en/phrases");
    let dir = if dir.exists() {
        dir
    } else {
        path("src/rules/phrases")
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect()
}

/// The set is only a proof if it makes every rule speak, and stays within the repetition
/// the reviewer reports one by one.
fn assert_every_rule_is_exercised(reviews: &[String]) {
    let mut fired: std::collections::BTreeMap<String, usize> = Default::default();
    let mut most_repeated = 0;
    for review in reviews {
        let value: Value = serde_json::from_str(review).unwrap();
        let mut in_message: std::collections::BTreeMap<String, usize> = Default::default();
        for finding in value["findings"].as_array().unwrap() {
            let rule = finding["rule"].as_str().unwrap().to_owned();
            *in_message.entry(rule.clone()).or_default() += 1;
            *fired.entry(rule).or_default() += 1;
        }
        most_repeated = most_repeated.max(in_message.values().copied().max().unwrap_or(0));
    }
    println!(
        "findings per rule: {fired:?}; most findings of one rule in a message: {most_repeated}"
    );
    for rule in followup_review::registry() {
        let count = fired.get(rule.id()).copied().unwrap_or(0);
        assert!(count >= 10, "{} fires {count} times in the set", rule.id());
    }
    assert!(most_repeated <= 20, "{most_repeated}");
}

#[test]
fn every_review_matches_the_snapshot() {
    if std::env::var_os("FOLLOWUP_GENERATE_SET").is_some() {
        let set = generate::generate(read::TEXT, &phrase_tables(), &scenarios());
        write_gz(SET, &set);
    }
    let set = read_gz(SET);
    let (processes, generated) = set_cases(&set);
    assert!(generated.len() >= 20_000, "{} messages", generated.len());
    let with_context = generated.iter().filter(|c| c.context.is_some()).count();
    assert!(with_context >= 5_000, "{with_context} with a process");

    let reviewer = Reviewer::new();
    let corpus = corpus_cases();
    let corpus_len = corpus.len();
    let cases: Vec<Case> = corpus.into_iter().chain(generated).collect();
    let reviews: Vec<String> = cases
        .iter()
        .map(|case| review_json(&reviewer, &processes, case))
        .collect();
    assert_every_rule_is_exercised(&reviews);
    let kept = |i: usize| i < corpus_len || (i - corpus_len).is_multiple_of(SAMPLE_EVERY);

    if std::env::var_os("FOLLOWUP_UPDATE_SNAPSHOT").is_some() {
        let mut out = String::new();
        for (i, (case, review)) in cases.iter().zip(&reviews).enumerate() {
            let mut line = json!({"case": case.label, "hash": format!("{:016x}", fnv1a(review))});
            if kept(i) {
                line["review"] = serde_json::from_str(review).unwrap();
            }
            out.push_str(&line.to_string());
            out.push('\n');
        }
        write_gz(SNAPSHOT, &out);
    }

    let snapshot = read_gz(SNAPSHOT);
    let expected: Vec<Value> = snapshot
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(expected.len(), cases.len(), "cases in the snapshot");
    let mut differences = Vec::new();
    for ((case, review), expected) in cases.iter().zip(&reviews).zip(&expected) {
        assert_eq!(expected["case"].as_str(), Some(case.label.as_str()));
        let hash = format!("{:016x}", fnv1a(review));
        if expected["hash"].as_str() == Some(hash.as_str()) {
            continue;
        }
        let was = expected
            .get("review")
            .map_or("(not kept; only its hash)".to_owned(), Value::to_string);
        differences.push(format!(
            "{} ({}, {:?}):\n  text: {:?}\n  was:  {was}\n  now:  {review}",
            case.label, case.kind, case.context, case.text
        ));
    }
    assert!(
        differences.is_empty(),
        "{} of {} reviews differ from the snapshot; the first:\n{}",
        differences.len(),
        cases.len(),
        differences
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
