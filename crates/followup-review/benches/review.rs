//! Reviewer benchmarks: one 100-word message, throughput over ~1 MB of messages (the test
//! corpus repeated: weak and strong, every kind) reviewed one by one, one ~1 MB paste reviewed at once, and start-up (building a `Reviewer`, and compiling
//! the phrase tables from scratch as the first review of a process does).

// `criterion_group!` generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use followup_core::MessageKind;
use followup_review::Reviewer;
use followup_review::phrase::PhraseSet;
use followup_review::rules::{phrase_set, registry};
use followup_review::text::Buffers;
use followup_review::text::dates::find_dates;

/// About 100 words, with a few problems so rules actually report.
const MESSAGE: &str = "Hi Ana,\n\nI hope you're well. I'm following up on the Backend Engineer \
    position at Acme that we discussed in the interview on Tuesday. You mentioned you expected \
    to have an update by Friday, and I know you're busy, but I'm honestly a bit anxious about \
    the timeline. I'm still very interested in the role and enjoyed learning how the team runs \
    its event sourcing platform. Is there any news on the timeline, or anything else you need \
    from me? I'm happy to share more details about my availability.\n\nBest regards,\nMaria";

/// The messages of the test corpus (weak and strong, every kind) with their kinds.
fn corpus_messages() -> Vec<(MessageKind, String)> {
    let mut out: Vec<(MessageKind, String)> = Vec::new();
    for line in include_str!("../tests/corpus/messages.txt").lines() {
        if let Some(header) = line.strip_prefix("=== ") {
            let kind = header
                .split('|')
                .nth(1)
                .map(str::trim)
                .unwrap_or("follow-up");
            out.push((
                MessageKind::parse(kind).unwrap_or(MessageKind::FollowUp),
                String::new(),
            ));
        } else if let Some((_, text)) = out.last_mut() {
            text.push_str(line);
            text.push('\n');
        }
    }
    out
}

/// The corpus repeated to about `bytes`.
fn corpus(bytes: usize) -> Vec<(MessageKind, String)> {
    let all = corpus_messages();
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let (kind, text) = &all[out.len() % all.len()];
        total += text.len();
        out.push((*kind, text.clone()));
    }
    out
}

fn bench(c: &mut Criterion) {
    let reviewer = Reviewer::new();
    // Compile the tables before timing.
    black_box(reviewer.review("warm up", MessageKind::FollowUp, None));

    c.bench_function("review/100-word message", |b| {
        b.iter(|| reviewer.review(black_box(MESSAGE), MessageKind::FollowUp, None))
    });

    let messages = corpus(1 << 20);
    let total: usize = messages.iter().map(|(_, m)| m.len()).sum();
    let mut group = c.benchmark_group("throughput");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("1 MB of messages, one by one", |b| {
        b.iter(|| {
            for (kind, m) in &messages {
                black_box(reviewer.review(m, *kind, None));
            }
        })
    });
    let paste: String = messages
        .iter()
        .map(|(_, m)| m.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    group.bench_function("1 MB paste at once", |b| {
        b.iter(|| reviewer.review(black_box(&paste), MessageKind::FollowUp, None))
    });
    group.finish();

    // Where the time of one review goes (analysed as a review does: with the phrase set's
    // vocabulary, into reused buffers).
    let set = phrase_set();
    let mut buffers = Some(Buffers::default());
    c.bench_function("parts/analyse text", |b| {
        b.iter(|| {
            let doc = set.analyse(black_box(MESSAGE), buffers.take().unwrap_or_default());
            buffers = Some(doc.into_buffers());
        })
    });
    let doc = set.analyse(MESSAGE, Buffers::default());
    c.bench_function("parts/find phrases", |b| {
        b.iter(|| set.find(black_box(&doc)))
    });
    c.bench_function("parts/find dates", |b| {
        b.iter(|| find_dates(black_box(&doc)))
    });

    c.bench_function("startup/Reviewer::new (tables compiled)", |b| {
        b.iter(Reviewer::new)
    });
    let tables: Vec<(&'static str, &'static str)> = registry()
        .iter()
        .filter_map(|r| r.phrases().map(|t| (r.id(), t)))
        .collect();
    c.bench_function("startup/compile phrase tables", |b| {
        b.iter(|| PhraseSet::compile(black_box(&tables)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
