//! Mail import's budget: classifying a mailbox, parse to JSON line, against a tracker of
//! tens of processes. Two sizes: the committed corpus (115 readable messages and 3 bad ones)
//! and a 5,000-message mailbox made of the corpus with fresh Message-IDs (a year of a busy
//! search). File reading is left out: it is the disk's speed, not ours.

#![allow(missing_docs)] // criterion's generated functions.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use followup_mail::{Directory, Importer, Logged, RawMessage, SentKind, Sources};
use jiff::Timestamp;

fn corpus_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn corpus() -> Vec<RawMessage> {
    let dir = corpus_dir();
    let mut paths: Vec<_> = std::fs::read_dir(dir.join("eml"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths.push(dir.join("inbox.mbox"));
    paths.push(dir.join("Maildir"));
    for batch in ["blind-1", "blind-2", "blind-3", "blind-4"] {
        let mut blind: Vec<_> = std::fs::read_dir(dir.join(batch))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        blind.sort();
        paths.extend(blind);
    }
    Sources::new(paths).filter_map(Result::ok).collect()
}

fn directory() -> Directory {
    let text = std::fs::read_to_string(corpus_dir().join("directory.json")).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_default()
}

fn import(directory: &Directory, messages: &[RawMessage]) -> usize {
    let advisor = |_: &str, _: Timestamp, _: &[Logged]| Some(SentKind::FollowUp);
    let mut importer = Importer::new(directory.clone(), advisor);
    messages
        .iter()
        .filter_map(|raw| importer.read(raw).ok())
        .map(|outcome| outcome.line.to_json().len())
        .sum()
}

fn bench(c: &mut Criterion) {
    let directory = directory();
    let messages = corpus();
    let mailbox: Vec<RawMessage> = (0..5000)
        .map(|i| {
            let raw = &messages[i % messages.len()];
            let text = String::from_utf8_lossy(&raw.bytes).replacen(
                "Message-ID: <",
                &format!("Message-ID: <{i}-"),
                1,
            );
            RawMessage {
                file: format!("big.mbox#{i}"),
                bytes: text.into_bytes(),
                internal_date: None,
            }
        })
        .collect();
    c.bench_function("import the corpus (118 messages)", |b| {
        b.iter(|| black_box(import(&directory, &messages)))
    });
    let mut group = c.benchmark_group("large");
    group.sample_size(10);
    group.bench_function("import 5,000 messages", |b| {
        b.iter(|| black_box(import(&directory, &mailbox)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
