//! Reviewer benchmarks: one 100-word message (the figure reported, in µs per 100 words), the
//! test corpus repeated to ~1 MB reviewed message by message and as one paste (for
//! information: there is no in-process throughput budget), and building a `Reviewer` (the
//! tables are static data, so there is nothing to compile).

// `criterion_group!` generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use followup_core::MessageKind;
use followup_review::Reviewer;

/// About 100 words, with a few problems so rules actually report.
const MESSAGE: &str = "Hi Ana,\n\nI hope you're well. I'm following up on the Backend Engineer \
    position at Acme that we discussed in the interview on Tuesday. You mentioned you expected \
    to have an update by Friday, and I know you're busy, but I'm honestly a bit anxious about \
    the timeline. I'm still very interested in the role and enjoyed learning how the team runs \
    its event sourcing platform. Is there any news on the timeline, or anything else you need \
    from me? I'm happy to share more details about my availability.\n\nBest regards,\nMaria";

#[path = "../tests/corpus/read.rs"]
mod read;

/// The messages of the test corpus (weak and strong, every kind) with their kinds.
fn corpus_messages() -> Vec<(MessageKind, String)> {
    read::entries()
        .into_iter()
        .map(|e| (e.kind, e.text))
        .collect()
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

    c.bench_function("startup/Reviewer::new", |b| b.iter(Reviewer::new));
}

criterion_group!(benches, bench);
criterion_main!(benches);
