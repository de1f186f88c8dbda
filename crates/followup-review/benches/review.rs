//! Reviewer benchmarks: one 100-word message, throughput over ~1 MB of messages reviewed one
//! by one, one ~1 MB paste reviewed at once, and start-up (building a `Reviewer`, and compiling
//! the phrase tables from scratch as the first review of a process does).

// `criterion_group!` generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use followup_core::MessageKind;
use followup_review::Reviewer;
use followup_review::phrase::PhraseSet;
use followup_review::rules::registry;

/// About 100 words, with a few problems so rules actually report.
const MESSAGE: &str = "Hi Ana,\n\nI hope you're well. I'm following up on the Backend Engineer \
    position at Acme that we discussed in the interview on Tuesday. You mentioned you expected \
    to have an update by Friday, and I know you're busy, but I'm honestly a bit anxious about \
    the timeline. I'm still very interested in the role and enjoyed learning how the team runs \
    its event sourcing platform. Is there any news on the timeline, or anything else you need \
    from me? I'm happy to share more details about my availability.\n\nBest regards,\nMaria";

const OTHERS: &[&str] = &[
    "Hello, I'm writing again because I'm honestly so anxious about this. It's my dream job and \
     any news at all would help me a lot.",
    "Hi Ana,\n\nThank you for your time today. I enjoyed our conversation about event sourcing \
     and learning how the team works. I'm still very interested in the Backend Engineer role.\n\n\
     Best regards,\nMaria",
    "Hi Ana,\n\nI wanted to let you know that I have received an offer from another company, \
     with a deadline of Friday 15 May. Acme remains my first choice. Is there any chance of an \
     update on your timeline before then?\n\nBest regards,\nMaria",
    "It's been two weeks and still nothing. You promised an answer by Friday. I expect a reply \
     by end of day. I have 10 years of experience and I am the perfect fit for this role!!",
];

fn corpus(bytes: usize) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut total = 0;
    let all: Vec<&str> = std::iter::once(MESSAGE)
        .chain(OTHERS.iter().copied())
        .collect();
    while total < bytes {
        let m = all[out.len() % all.len()];
        total += m.len();
        out.push(m);
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
    let total: usize = messages.iter().map(|m| m.len()).sum();
    let mut group = c.benchmark_group("throughput");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("1 MB of messages, one by one", |b| {
        b.iter(|| {
            for m in &messages {
                black_box(reviewer.review(m, MessageKind::FollowUp, None));
            }
        })
    });
    let paste = messages.join("\n\n");
    group.bench_function("1 MB paste at once", |b| {
        b.iter(|| reviewer.review(black_box(&paste), MessageKind::FollowUp, None))
    });
    group.finish();

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
