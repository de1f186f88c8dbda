//! The scenario table of `tests/scenarios/*.json`, run against the core directly (the binary's
//! integration tests run the same files through `followup advise --json`).
//!
//! Each file holds a `process` (a process document) and `checks`: a `now`, the advice fields
//! `expect`ed, the fields that must be `absent`, and optionally the words the human advice
//! `says` first.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use followup_core::document::parse_value;
use followup_core::time::parse_now;
use followup_core::{Policy, TimezoneSource, ZoneDefault, advise};
use jiff::tz::{TimeZone, TimeZoneDatabase};
use serde_json::Value;

fn scenario_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_scenario_gives_the_advice_it_expects() {
    let zones = TimeZoneDatabase::bundled();
    let default = ZoneDefault {
        name: "UTC".into(),
        zone: TimeZone::UTC,
        source: TimezoneSource::System,
    };
    let mut failures = Vec::new();
    let mut checked = 0;
    let files = scenario_files();
    assert!(files.len() >= 40, "found {} scenario files", files.len());
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let scenario: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let process = parse_value(scenario["process"].clone(), &zones, &default)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let policy = Policy::default();
        for check in scenario["checks"].as_array().unwrap() {
            let now_text = check["now"].as_str().unwrap();
            let now = parse_now(now_text, &process.timezone, &process.timezone_name).unwrap();
            let advice = advise(&process, &policy, now);
            let got = serde_json::to_value(&advice).unwrap();
            for (key, want) in check["expect"].as_object().unwrap() {
                if &got[key] != want {
                    failures.push(format!(
                        "{name} at {now_text}: {key} = {}, want {want}\n  {got}",
                        got[key]
                    ));
                }
            }
            for absent in check
                .get("absent")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let key = absent.as_str().unwrap();
                if got.get(key).is_some() {
                    failures.push(format!(
                        "{name} at {now_text}: {key} should be omitted\n  {got}"
                    ));
                }
            }
            if let Some(words) = check.get("says").and_then(Value::as_str) {
                let summary = advice.summary();
                if !summary.starts_with(words) {
                    failures.push(format!(
                        "{name} at {now_text}: says {summary:?}, want {words:?}…"
                    ));
                }
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked >= 80, "only {checked} checks ran");
}
