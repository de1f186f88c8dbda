//! Date phrase speed: one phrase read against today (budget: under 20 µs median, against the
//! milliseconds of the `log` command that reads it).

#![allow(missing_docs)] // criterion_main! generates an undocumented main.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use followup_core::time::{DateOrder, Field, parse_phrase};
use jiff::civil::date;

fn bench(c: &mut Criterion) {
    let Ok(reference) = date(2026, 5, 6).at(10, 30, 0, 0).in_tz("America/Sao_Paulo") else {
        return;
    };
    let phrases = [
        ("friday", Field::Promise),
        ("by the end of next week", Field::Promise),
        ("20/05", Field::Deadline),
        ("tuesday or wednesday", Field::Promise),
        ("3 weeks ago", Field::At),
        ("yesterday 15:00", Field::At),
        ("20th of may", Field::Promise),
        ("cannot read this", Field::At),
    ];
    for (text, field) in phrases {
        c.bench_function(&format!("phrase/{text:?} ({field:?})"), |b| {
            b.iter(|| parse_phrase(black_box(text), field, &reference, DateOrder::Dmy))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
