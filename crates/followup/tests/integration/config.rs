//! The configuration file end to end: `FOLLOWUP_CONFIG` changes the policy, the default zone and
//! the holidays `followup advise` uses; bad files exit 2 naming the key.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

use crate::support::followup;
use serde_json::Value;
use tempfile::TempDir;

/// No zone of its own: the configured or system zone applies. No promise: the follow-up is due
/// five business days after the interview (Thursday 7 May 2026 → Thursday 14 May).
const PROCESS: &str = r#"{"company":"Acme","role":"Backend Engineer",
    "events":[{"type":"interview","at":"2026-05-07T10:00"}]}"#;

/// Runs `advise --json` at `now` with `config` (none when `None`) and returns the advice.
fn advise(config: Option<&str>, now: &str) -> Value {
    let dir = TempDir::new().unwrap();
    let mut cmd = followup(dir.path());
    if let Some(text) = config {
        let file = dir.path().join("followup.toml");
        std::fs::write(&file, text).unwrap();
        cmd.env("FOLLOWUP_CONFIG", &file);
    }
    let out = cmd
        .args(["advise", "--json", "--now", now, "-"])
        .write_stdin(PROCESS)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn without_a_config_file_the_defaults_apply() {
    let advice = advise(None, "2026-05-13");
    assert_eq!(advice["action"], "wait");
    assert_eq!(advice["until"], "2026-05-14");
    assert_eq!(advice["timezone"], "UTC");
}

#[test]
fn policy_overrides_change_the_advice() {
    let advice = advise(
        Some("[policy]\nbusiness_days_without_promise = 3\n"),
        "2026-05-13",
    );
    assert_eq!(advice["action"], "follow-up");
    assert_eq!(advice["due"], "2026-05-12");
}

#[test]
fn configured_holidays_push_the_follow_up() {
    let advice = advise(Some("holidays = [\"2026-05-14\"]\n"), "2026-05-14");
    assert_eq!(advice["action"], "wait");
    assert_eq!(advice["until"], "2026-05-15");
}

#[test]
fn the_configured_zone_reads_the_dates() {
    // 20:00 UTC on the 13th is already 05:00 on the 14th in Tokyo.
    let now = "2026-05-13T20:00:00Z";
    assert_eq!(advise(None, now)["action"], "wait");
    let advice = advise(Some("timezone = \"Asia/Tokyo\"\n"), now);
    assert_eq!(advice["timezone"], "Asia/Tokyo");
    assert_eq!(advice["today"], "2026-05-14");
    assert_eq!(advice["action"], "follow-up");
}

#[test]
fn the_default_location_is_read() {
    let dir = TempDir::new().unwrap();
    let config_dir = dir.path().join("xdg/followup");
    std::fs::create_dir_all(&config_dir).unwrap();
    std::fs::write(
        config_dir.join("config.toml"),
        "[policy]\nbusiness_days_without_promise = 3\n",
    )
    .unwrap();
    let out = followup(dir.path())
        .args(["advise", "--json", "--now", "2026-05-13", "-"])
        .write_stdin(PROCESS)
        .output()
        .unwrap();
    assert!(out.status.success());
    let advice: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(advice["due"], "2026-05-12");
}

#[test]
fn human_output_says_the_zone_came_from_the_config() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("c.toml");
    std::fs::write(&file, "timezone = \"Europe/Lisbon\"\n").unwrap();
    followup(dir.path())
        .env("FOLLOWUP_CONFIG", &file)
        .args(["advise", "--now", "2026-05-13", "-"])
        .write_stdin(PROCESS)
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "(dates read in Europe/Lisbon, your configured zone)",
        ));
}

/// Runs `advise` with `config` and asserts exit 2 with `needle` on the error line and a hint.
fn rejected(config: &str, needle: &str) {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("followup.toml");
    std::fs::write(&file, config).unwrap();
    let out = followup(dir.path())
        .env("FOLLOWUP_CONFIG", &file)
        .args(["advise", "--now", "2026-05-13", "-"])
        .write_stdin(PROCESS)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with("error: "), "{err}");
    assert!(lines[0].contains(&file.display().to_string()), "{err}");
    assert!(lines[0].contains(needle), "expected {needle:?} in {err}");
    assert!(lines[1].starts_with("hint: "), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn unknown_keys_exit_two_naming_the_key() {
    rejected(
        "name = \"Maria\"\ncolour = \"blue\"\n",
        "line 2: unknown key `colour`",
    );
    rejected(
        "[policy]\nmax_unanswred = 3\n",
        "line 2: unknown key `max_unanswred`",
    );
    rejected("[polcy]\nmax_unanswered = 3\n", "unknown key `polcy`");
}

#[test]
fn bad_values_exit_two_naming_the_key() {
    rejected(
        "timezone = \"Mars/Olympus\"\n",
        "timezone: unknown time zone",
    );
    rejected("holidays = [\"2026-13-01\"]\n", "holidays[0]");
    rejected("[policy]\nmax_unanswered = \"two\"\n", "line 2");
    rejected("name = \"unterminated\n", "line 1");
}

#[test]
fn a_missing_file_named_by_followup_config_is_an_error() {
    let dir = TempDir::new().unwrap();
    let out = followup(dir.path())
        .env("FOLLOWUP_CONFIG", dir.path().join("nope.toml"))
        .args(["advise", "--now", "2026-05-13", "-"])
        .write_stdin(PROCESS)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nope.toml, which does not exist"), "{err}");
    assert!(err.contains("hint: "), "{err}");
}
