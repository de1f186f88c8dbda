//! `followup advise` end to end: the scenario table, JSON contract, and bad input.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

use crate::support;

/// `followup` isolated from the machine; nothing exists under its (nonexistent) home.
fn followup() -> Command {
    support::followup(Path::new("/nonexistent/followup-test"))
}

fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/scenarios")
}

/// Every `tests/scenarios/*.json` holds a process, a list of `checks` (a `now` and the expected
/// advice fields); each check runs the real binary with `--json`.
#[test]
fn scenario_table() {
    let mut files: Vec<_> = std::fs::read_dir(scenarios_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 10,
        "expected the scenario table, found {}",
        files.len()
    );
    let mut checked = 0;
    for file in files {
        let scenario: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let process = serde_json::to_string(&scenario["process"]).unwrap();
        for check in scenario["checks"].as_array().unwrap() {
            let now = check["now"].as_str().unwrap();
            let output = followup()
                .args(["advise", "--json", "--now", now, "-"])
                .write_stdin(process.clone())
                .output()
                .unwrap();
            assert!(
                output.status.success(),
                "{}: {}",
                file.display(),
                String::from_utf8_lossy(&output.stderr)
            );
            let got: Value = serde_json::from_slice(&output.stdout).unwrap();
            for (key, want) in check["expect"].as_object().unwrap() {
                assert_eq!(
                    &got[key],
                    want,
                    "{} at {now}: field {key} in {got}",
                    file.display()
                );
            }
            for absent in check
                .get("absent")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let key = absent.as_str().unwrap();
                assert!(
                    got.get(key).is_none(),
                    "{} at {now}: {key} should be omitted",
                    file.display()
                );
            }
            if let Some(words) = check.get("says").and_then(Value::as_str) {
                let human = followup()
                    .args(["advise", "--now", now, "-"])
                    .write_stdin(process.clone())
                    .output()
                    .unwrap();
                let stdout = String::from_utf8_lossy(&human.stdout);
                let advice = stdout.lines().nth(1).unwrap_or_default();
                assert!(
                    advice.starts_with(words),
                    "{} at {now}: {advice:?} should start with {words:?}",
                    file.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 80, "only {checked} checks ran");
}

#[test]
fn human_output_spells_the_worked_example() {
    let file = scenarios_dir().join("01-worked-example.json");
    let scenario: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    followup()
        .args(["advise", "--now", "2026-05-06", "-"])
        .write_stdin(serde_json::to_string(&scenario["process"]).unwrap())
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Their move: wait until Monday 11 May — they promised an answer by Friday 8 May. Then send one short follow-up.",
        ));
}

#[test]
fn demo_runs_without_input() {
    let out = followup()
        .args([
            "advise",
            "--demo",
            "--now",
            "2026-05-13T12:00:00Z",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let items: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let actions: Vec<&str> = items
        .iter()
        .map(|i| i["advice"]["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"follow-up") && actions.contains(&"move-on"),
        "{actions:?}"
    );
}

fn bad(stdin: &str, args: &[&str], needle: &str) {
    let out = followup()
        .arg("advise")
        .args(args)
        .write_stdin(stdin.to_owned())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{needle}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(needle), "expected {needle:?} in {err}");
    assert!(err.contains("hint:"), "no hint in {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_input_exits_two_naming_the_field() {
    bad("{ not json", &["-"], "line 1 column");
    bad(
        r#"{"company":"A","role":"R","events":[{"type":"lunch","at":"2026-05-05T10:00"}]}"#,
        &["-"],
        "events[0].type",
    );
    bad(
        r#"{"company":"A","role":"R","events":[{"type":"sent","at":"2026-05-05T10:00","kind":"folow-up"}]}"#,
        &["-"],
        "events[0].kind: unknown value \"folow-up\"",
    );
    bad(
        r#"{"company":"A","role":"R","timezone":"Nowhere/City","events":[]}"#,
        &["-"],
        "timezone: unknown time zone",
    );
    bad(
        r#"{"company":"A","role":"R","events":[{"type":"promise","at":"2026-05-05T10:00","by":"2026-04-31"}]}"#,
        &["-"],
        "events[0].by",
    );
    bad(
        r#"{"company":"A","role":"R","events":[]}"#,
        &["--now", "someday", "-"],
        "--now",
    );
    bad(
        "",
        &["/nonexistent/process.json"],
        "cannot read /nonexistent/process.json",
    );
    let out = followup().args(["advise", "--bogus"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
