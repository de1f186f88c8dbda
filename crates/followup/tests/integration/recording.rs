//! Recording format-2 events through the real binary (issue 11, "Recording it"): every new
//! option of `add` and `log`, what each echoes, what export then holds, and the refusals.

use serde_json::Value;

use crate::tracker::Tracker;

/// Monday 11 May 2026, 10:00 UTC (the process's zone).
const NOW: &str = "2026-05-11T10:00";

/// A tracker with `acme-dev` in UTC and no events.
fn acme() -> Tracker {
    let t = Tracker::new();
    t.ok(&["add", "Acme", "--role", "Dev", "--tz", "UTC", "--now", NOW]);
    t
}

/// The exported process `acme-dev`.
fn exported(t: &Tracker) -> Value {
    t.json(&["export"])[0].clone()
}

fn log(t: &Tracker, args: &[&str]) -> String {
    let mut all = vec!["log", "acme-dev"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--now", NOW]);
    t.ok(&all)
}

fn log_fails(t: &Tracker, args: &[&str]) -> String {
    let mut all = vec!["log", "acme-dev"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--now", NOW]);
    let err = t.fails(&all);
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn add_keeps_the_details_and_the_application() {
    let t = Tracker::new();
    let out = t.ok(&[
        "add",
        "Acme",
        "--role",
        "Dev",
        "--tz",
        "UTC",
        "--url",
        "https://acme.example/jobs/42",
        "--location",
        "Lisbon",
        "--salary",
        "60k",
        "--applied",
        "2 days ago",
        "--now",
        NOW,
    ]);
    assert!(
        out.contains(
            "Noted: posting https://acme.example/jobs/42; in Lisbon; salary 60k; applied Saturday 9 May."
        ),
        "{out}"
    );
    let p = exported(&t);
    assert_eq!(p["url"], "https://acme.example/jobs/42");
    assert_eq!(p["location"], "Lisbon");
    assert_eq!(p["salary"], "60k");
    assert_eq!(p["events"][0]["type"], "applied");
    assert_eq!(p["events"][0]["at"], "2026-05-09T12:00:00+00:00");
    assert_eq!(p["events"][0]["url"], "https://acme.example/jobs/42");

    // `--applied` alone is now; the advice waits for the application's answer.
    let t = Tracker::new();
    t.ok(&[
        "add",
        "Acme",
        "--role",
        "Dev",
        "--tz",
        "UTC",
        "--applied",
        "--now",
        NOW,
    ]);
    let p = exported(&t);
    assert_eq!(p["events"][0]["at"], "2026-05-11T10:00:00+00:00");
    assert!(p.get("url").is_none_or(Value::is_null), "{p}");
    let err = t.fails(&[
        "add",
        "Globex",
        "--role",
        "Dev",
        "--applied",
        "next friday",
        "--now",
        NOW,
    ]);
    assert!(err.contains("--at") || err.contains("next friday"), "{err}");
}

#[test]
fn log_applied_with_its_details() {
    let t = acme();
    let out = log(
        &t,
        &[
            "applied",
            "--at",
            "friday",
            "--url",
            "https://a.example/1",
            "--source",
            "a friend",
            "--note",
            "v2",
        ],
    );
    assert!(
        out.contains("applied: Friday 8 May at 12:00 (posting https://a.example/1; found via a friend; note: v2)"),
        "{out}"
    );
    let e = &exported(&t)["events"][0];
    assert_eq!(e["type"], "applied");
    assert_eq!(e["source"], "a friend");
    assert_eq!(e["note"], "v2");
}

#[test]
fn log_reply_with_what_it_asks_and_by_when() {
    let t = acme();
    let out = log(
        &t,
        &[
            "reply",
            "--asks",
            "answer",
            "--respond-by",
            "friday",
            "--from",
            "Ana",
            "--body",
            "Could you send references?",
        ],
    );
    assert!(
        out.contains("reply: Monday 11 May at 10:00 (asks answer; answer by Friday 15 May; from Ana; 26 characters)"),
        "{out}"
    );
    assert!(out.contains("Now: Answer Acme's question today"), "{out}");
    let file = t.dir().join("reply.txt");
    std::fs::write(&file, "Can we talk Thursday?").unwrap();
    log(
        &t,
        &[
            "reply",
            "--asks",
            "schedule",
            "--file",
            file.to_str().unwrap(),
        ],
    );
    let events = exported(&t)["events"].clone();
    assert_eq!(events[0]["asks"], "answer");
    assert_eq!(events[0]["respond_by"], "2026-05-15");
    assert_eq!(events[0]["from"], "Ana");
    assert_eq!(events[1]["asks"], "schedule");
    assert_eq!(events[1]["body"], "Can we talk Thursday?");

    let err = log_fails(&t, &["reply", "--asks", "maybe"]);
    assert!(err.contains("--asks: unknown value \"maybe\""), "{err}");
    assert!(err.contains("\"assignment\""), "{err}");
    let err = log_fails(&t, &["reply", "--respond-by", "2026-05-10"]);
    assert!(err.contains("--respond-by: \"2026-05-10\" is"), "{err}");
    assert!(err.contains("before the event it belongs to"), "{err}");
    let err = log_fails(&t, &["reply", "--file", "x", "--body", "y"]);
    assert!(err.contains("--file") && err.contains("--body"), "{err}");
    assert_eq!(exported(&t)["events"].as_array().unwrap().len(), 2);
}

#[test]
fn log_offer_with_its_deadline() {
    let t = acme();
    let out = log(
        &t,
        &["offer", "--deadline", "friday", "--note", "base + bonus"],
    );
    assert!(
        out.contains("offer: Monday 11 May at 10:00 (answer by Friday 15 May; note: base + bonus)"),
        "{out}"
    );
    assert!(
        out.contains("Now: Answer Acme's offer by Friday 15 May"),
        "{out}"
    );
    let e = &exported(&t)["events"][0];
    assert_eq!(e["deadline"], "2026-05-15");
    assert_eq!(e["note"], "base + bonus");
    let err = log_fails(&t, &["offer", "--deadline", "2026-05-01"]);
    assert!(err.contains("--deadline: \"2026-05-01\" is"), "{err}");
}

#[test]
fn log_away_needs_until() {
    let t = acme();
    let out = log(&t, &["away", "--until", "sunday"]);
    assert!(
        out.contains("away: Monday 11 May at 10:00 (away until Sunday 17 May)"),
        "{out}"
    );
    assert_eq!(exported(&t)["events"][0]["until"], "2026-05-17");
    let err = log_fails(&t, &["away"]);
    assert!(err.contains("--until"), "{err}");
    let err = log_fails(&t, &["away", "--until", "2026-05-10"]);
    assert!(err.contains("before the event it belongs to"), "{err}");
}

#[test]
fn interview_on_reads_forward_and_at_reads_back_the_same_phrase() {
    let t = acme();
    let out = log(&t, &["interview", "--on", "thursday 15:00"]);
    assert!(
        out.contains("interview booked: Thursday 14 May at 15:00"),
        "{out}"
    );
    assert!(
        out.contains("Now: Prepare for your interview on Thursday 14 May at 15:00"),
        "{out}"
    );
    let out = log(&t, &["interview", "--at", "thursday 15:00"]);
    assert!(out.contains("interview: Thursday 7 May at 15:00"), "{out}");
    let events = exported(&t)["events"].clone();
    assert_eq!(events[0]["at"], "2026-05-07T15:00:00+00:00");
    assert_eq!(events[1]["at"], "2026-05-14T15:00:00+00:00");

    let err = log_fails(&t, &["interview", "--on", "2026-05-01 10:00"]);
    assert!(
        err.contains("--on: \"2026-05-01 10:00\" is not in the future"),
        "{err}"
    );
    assert!(err.contains("use --at"), "{err}");
    let err = log_fails(&t, &["interview", "--on", "thursday or friday"]);
    assert!(err.contains("--on"), "{err}");
    let err = log_fails(&t, &["interview", "--on", "friday", "--at", "friday"]);
    assert!(err.contains("--on") && err.contains("--at"), "{err}");
    assert_eq!(exported(&t)["events"].as_array().unwrap().len(), 2);
}

#[test]
fn sent_withdraw_closes_the_process_and_one_undo_reverses_both() {
    let t = acme();
    log(&t, &["interview", "--at", "2026-05-05 14:00"]);
    let out = log(&t, &["sent", "reply", "--body", "Thanks, Thursday works."]);
    assert!(out.contains("sent reply: Monday 11 May at 10:00"), "{out}");
    let out = log(&t, &["sent", "withdraw"]);
    assert!(
        out.contains("sent withdraw: Monday 11 May at 10:00"),
        "{out}"
    );
    assert!(
        out.contains("closed (withdrew): Monday 11 May at 10:00"),
        "{out}"
    );
    let types = |t: &Tracker| -> Vec<String> {
        exported(t)["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["type"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(types(&t), ["interview", "sent", "sent", "closed"]);
    assert_eq!(exported(&t)["events"][3]["outcome"], "withdrew");
    t.ok(&["undo", "--now", NOW]);
    assert_eq!(types(&t), ["interview", "sent"]);
}
