//! The four-week fixture (issue 11): four processes over 28 days, typed as CLI commands in
//! `fourweeks/script.txt`, with the morning `next` of every day pinned in
//! `fourweeks/expected.txt` (each day checked by hand against the README's "The rules in
//! plain words"). `FOLLOWUP_BLESS=1` rewrites the expected file instead of comparing.

use std::path::Path;

use crate::scripted::{compare_or_bless, days, typed};
use crate::tracker::Tracker;

#[test]
fn four_weeks_of_next_match_the_expected_agendas() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/integration/fourweeks");
    let script = std::fs::read_to_string(dir.join("script.txt")).unwrap();
    let t = Tracker::new();
    let mut actual = String::new();
    for day in days(&script) {
        let morning = format!("{}T09:00", day.date);
        actual.push_str(&format!(
            "== {}: followup next --now {morning}\n",
            day.spelled()
        ));
        actual.push_str(&t.ok(&["next", "--now", &morning]));
        for step in &day.steps {
            actual.push_str(&format!("$ followup {}\n", typed(&step.words)));
            let evening = format!("{}T18:00", day.date);
            let mut args: Vec<&str> = step.words.iter().map(String::as_str).collect();
            args.extend(["--now", &evening]);
            t.ok(&args);
        }
        actual.push('\n');
    }
    compare_or_bless(&dir.join("expected.txt"), &actual);
}
