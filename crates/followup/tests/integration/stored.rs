//! `draft HANDLE` and `check --process HANDLE` work on tracked processes as they do on files.

use crate::tracker::Tracker;

#[test]
fn draft_and_check_take_a_tracked_handle() {
    let t = Tracker::new();
    let handle = t.acme();
    // Inside the promised timeline there is nothing to draft: exit 3 with the advice.
    let out = t
        .cmd(&["draft", &handle, "--now", "2026-05-06"])
        .assert()
        .code(3);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        stdout.contains("Their move: wait until Monday 11 May"),
        "{stdout}"
    );

    let draft = t.ok(&["draft", &handle, "--now", "2026-05-11", "--from", "Maria"]);
    assert!(
        draft.contains("Backend Engineer") && draft.contains("Hi Ana,"),
        "{draft}"
    );
    assert!(draft.trim_end().ends_with("Maria"), "{draft}");

    // The draft passes the reviewer with the stored process as context...
    let body = draft
        .split_once("\n\n")
        .map_or(draft.as_str(), |(_, body)| body)
        .to_owned();
    t.cmd(&["check", "--process", &handle, "--now", "2026-05-11", "-"])
        .write_stdin(body.clone())
        .assert()
        .success();
    // ...and the same message three days early is flagged as a timing error (exit 1).
    let out = t
        .cmd(&[
            "check",
            "--process",
            &handle,
            "--now",
            "2026-05-07",
            "--json",
            "-",
        ])
        .write_stdin(body)
        .assert()
        .code(1);
    let review: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let categories: Vec<&str> = review["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["category"].as_str().unwrap())
        .collect();
    assert!(categories.contains(&"timing"), "{review}");
}

#[test]
fn an_unknown_handle_suggests_the_closest_one() {
    let t = Tracker::new();
    t.acme();
    let err = t.fails(&["draft", "acme-bakend", "--now", "2026-05-11"]);
    assert!(err.contains("acme-backend"), "{err}");
}

#[test]
fn db_may_come_before_or_after_the_command() {
    let t = Tracker::new();
    let db = t.dir().join("elsewhere.db");
    let db = db.to_str().unwrap();
    let handle = t.ok(&[
        "--db",
        db,
        "add",
        "Initech",
        "--role",
        "Data Analyst",
        "--now",
        "2026-05-04",
    ]);
    assert_eq!(handle.lines().next(), Some("initech-data"));
    let list = t.ok(&["list", "--db", db, "--now", "2026-05-04"]);
    assert!(list.contains("initech-data"), "{list}");
    // The default database (FOLLOWUP_DB of the test) was never touched.
    assert!(!t.db().exists());
}

#[test]
fn followup_log_turns_on_diagnostics_on_stderr() {
    let t = Tracker::new();
    let quiet = t.cmd(&["list", "--now", "2026-05-04"]).assert().success();
    assert!(quiet.get_output().stderr.is_empty());
    let out = t
        .cmd(&["list", "--now", "2026-05-04"])
        .env("FOLLOWUP_LOG", "debug")
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("opening the tracker database"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}'),
        "no colour codes when stderr is not a terminal: {stderr}"
    );
}
