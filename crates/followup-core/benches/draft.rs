//! Composer speed: loading the English templates (paid once per run of `followup draft`) and
//! drafting one message in-process, for the demo processes whose advice is to act.

#![allow(missing_docs)] // criterion_main! generates an undocumented main.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use followup_core::draft::template::BUILTIN;
use followup_core::draft::{DraftRequest, Templates, compose};
use followup_core::sample::demo_processes;
use followup_core::{Policy, advise};
use jiff::Timestamp;
use jiff::tz::TimeZoneDatabase;

fn bench(c: &mut Criterion) {
    let now: Timestamp = "2026-05-13T15:00:00Z"
        .parse()
        .unwrap_or(Timestamp::UNIX_EPOCH);
    let zone = TimeZoneDatabase::bundled()
        .get("America/Sao_Paulo")
        .unwrap_or(jiff::tz::TimeZone::UTC);
    let policy = Policy::default();

    let Some((language, files)) = BUILTIN.first() else {
        return;
    };
    c.bench_function("draft/load and check the English templates", |b| {
        b.iter(|| Templates::load(black_box(language), black_box(files)).is_ok())
    });

    let Ok(templates) = Templates::english() else {
        return;
    };
    let request = DraftRequest::default();
    for process in demo_processes(now, &zone, "America/Sao_Paulo") {
        let advice = advise(&process, &policy, now);
        if compose(&process, &advice, &request, templates, now).is_err() {
            continue;
        }
        let name = format!("draft/compose ({})", advice.action.name());
        c.bench_function(&name, |b| {
            b.iter(|| {
                compose(
                    black_box(&process),
                    &advice,
                    &request,
                    templates,
                    black_box(now),
                )
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
