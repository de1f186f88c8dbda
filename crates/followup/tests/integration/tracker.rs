//! The tracker commands end to end over real temp databases: add, log, close, reopen, next,
//! list, show, export, import, undo — and their bad input.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

use crate::support;

/// A temp folder holding the database (`FOLLOWUP_DB`) and an empty config home.
pub struct Tracker {
    dir: tempfile::TempDir,
}

impl Tracker {
    pub fn new() -> Tracker {
        Tracker {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("data/followup.db")
    }

    /// `followup ARGS` with this tracker's database and no user configuration.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = support::followup(self.dir.path());
        cmd.env("FOLLOWUP_DB", self.db()).args(args);
        cmd
    }

    /// Runs and returns stdout, asserting success.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self
            .cmd(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    }

    /// Runs with `--json` and parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.ok(&all)).unwrap()
    }

    /// Runs expecting exit 2 and returns stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.cmd(args).assert().code(2).get_output().stderr.clone();
        String::from_utf8(out).unwrap()
    }

    /// Acme, with the issue's worked example logged: interview Tue 5 May 14:00, promise by Fri.
    pub fn acme(&self) -> String {
        let handle = self.ok(&[
            "add",
            "Acme",
            "--role",
            "Backend Engineer",
            "--tz",
            "America/Sao_Paulo",
            "--contact",
            "Ana Souza <ana@acme.example>",
            "--now",
            "2026-05-05T18:00",
        ]);
        let handle = handle.lines().next().unwrap().to_owned();
        self.ok(&[
            "log",
            &handle,
            "interview",
            "--at",
            "2026-05-05 14:00",
            "--now",
            "2026-05-05T18:00",
        ]);
        self.ok(&[
            "log",
            &handle,
            "promise",
            "friday",
            "--at",
            "2026-05-05 15:00",
            "--now",
            "2026-05-05T18:00",
        ]);
        handle
    }
}

#[test]
fn add_prints_a_handle_derived_from_company_and_role() {
    let t = Tracker::new();
    let out = t.ok(&[
        "add",
        "Acme",
        "--role",
        "Senior Backend Engineer",
        "--tz",
        "UTC",
    ]);
    assert_eq!(out.lines().next(), Some("acme-backend"));
    let second = t.json(&["add", "Acme Inc.", "--role", "Backend Dev", "--tz", "UTC"]);
    assert_eq!(second["handle"], "acme-backend-2");
    assert_eq!(second["company"], "Acme Inc.");
    assert_eq!(second["timezone"], "UTC");
    assert_eq!(second["id"].as_str().unwrap().len(), 16);
    assert!(t.db().exists());
}

#[test]
fn add_rejects_bad_input() {
    let t = Tracker::new();
    let err = t.fails(&["add", "Acme", "--role", "Dev", "--tz", "Mars/Base"]);
    assert!(err.contains("--tz: unknown time zone"), "{err}");
    assert!(err.contains("hint:"), "{err}");
    let err = t.fails(&["add", "Acme", "--role", "  "]);
    assert!(err.contains("--role: must not be empty"), "{err}");
    let err = t.fails(&["add", "Acme", "--role", "Dev", "--contact", "Ana <ana@acme"]);
    assert!(err.contains("--contact"), "{err}");
    assert!(!t.db().exists() || t.ok(&["list", "--all"]).contains("Nothing tracked"));
}

#[test]
fn log_echoes_the_event_with_dates_resolved() {
    let t = Tracker::new();
    t.ok(&[
        "add",
        "Acme",
        "--role",
        "Backend Engineer",
        "--tz",
        "America/Sao_Paulo",
    ]);
    let out = t.ok(&[
        "log",
        "acme-backend",
        "interview",
        "--at",
        "yesterday 14:00",
        "--rapport",
        "back-and-forth",
        "--topic",
        "event sourcing",
        "--with",
        "Ana",
        "--now",
        "2026-05-06T10:00",
    ]);
    assert!(
        out.contains(
            "interview: Tuesday 5 May at 14:00 (back-and-forth; topics: event sourcing; with Ana)"
        ),
        "{out}"
    );
    let out = t.ok(&[
        "log",
        "acme-backend",
        "promise",
        "friday",
        "--at",
        "yesterday 15:00",
        "--now",
        "2026-05-06T10:00",
    ]);
    assert!(
        out.contains("promise: by Friday 8 May (said Tuesday 5 May at 15:00)"),
        "{out}"
    );
    // A back-and-forth interview less than a day ago: thank-you first.
    assert!(out.contains("Now: Send a short thank-you"), "{out}");

    let json = t.json(&[
        "log",
        "acme-backend",
        "promise",
        "next friday",
        "--now",
        "2026-05-06T10:00",
    ]);
    assert_eq!(json["events"][0]["type"], "promise");
    assert_eq!(json["events"][0]["by"], "2026-05-15");
    assert!(json["events"][0]["id"].is_string());
    assert_eq!(json["advice"]["action"], "send-thank-you");
}

#[test]
fn the_worked_example_through_the_tracker() {
    let t = Tracker::new();
    let h = t.acme();
    assert_eq!(h, "acme-backend");
    let advice = |now: &str| t.json(&["next", "--now", now]);
    let wed = advice("2026-05-06");
    assert_eq!(wed[0]["advice"]["action"], "wait");
    assert_eq!(wed[0]["advice"]["until"], "2026-05-11");
    let mon = advice("2026-05-11");
    assert_eq!(mon[0]["handle"], "acme-backend");
    assert_eq!(mon[0]["company"], "Acme");
    assert_eq!(mon[0]["role"], "Backend Engineer");
    assert_eq!(mon[0]["advice"]["action"], "follow-up");
    assert_eq!(mon[0]["advice"]["due"], "2026-05-11");

    t.ok(&[
        "log",
        &h,
        "sent",
        "follow-up",
        "--body",
        "Hi Ana, any news?",
        "--at",
        "2026-05-11 10:00",
        "--now",
        "2026-05-11T12:00",
    ]);
    let out = t.ok(&["next", "--now", "2026-05-13"]);
    assert!(
        out.contains("wait until Thursday 14 May, then final follow-up"),
        "{out}"
    );
    let out = t.ok(&["next", "--now", "2026-05-14"]);
    assert!(out.contains("Final follow-up, due today"), "{out}");
    assert!(
        out.trim_end().ends_with("→ followup draft acme-backend"),
        "{out}"
    );

    // A reply with a new promise restarts the cycle.
    let out = t.ok(&[
        "log",
        &h,
        "reply",
        "--at",
        "2026-05-12 11:00",
        "--promise",
        "2026-05-22",
        "--from",
        "Ana",
        "--now",
        "2026-05-12T12:00",
    ]);
    assert!(
        out.contains("reply: Tuesday 12 May at 11:00 (from Ana)"),
        "{out}"
    );
    assert!(out.contains("promise: by Friday 22 May"), "{out}");
    let after = advice("2026-05-25");
    assert_eq!(after[0]["advice"]["action"], "follow-up");
    assert_eq!(after[0]["advice"]["due"], "2026-05-25");
}

#[test]
fn change_close_and_reopen() {
    let t = Tracker::new();
    let h = t.acme();
    let out = t.ok(&[
        "log",
        &h,
        "change",
        "competing-offer",
        "--real",
        "--deadline",
        "in 3 days",
        "--now",
        "2026-05-06T10:00",
    ]);
    assert!(out.contains("change (competing-offer)"), "{out}");
    assert!(out.contains("real; deadline Saturday 9 May"), "{out}");
    assert!(out.contains("Now: Send one plain message"), "{out}");

    let out = t.ok(&[
        "close",
        &h,
        "rejected",
        "--note",
        "went with someone else",
        "--now",
        "2026-05-07",
    ]);
    assert!(
        out.contains("closed (rejected): Thursday 7 May at 09:00"),
        "{out}"
    );
    assert!(out.contains("Nothing to do"), "{out}");
    assert_eq!(
        t.json(&["next", "--now", "2026-05-08"]),
        Value::Array(vec![])
    );
    assert!(
        t.ok(&["list", "--now", "2026-05-08"])
            .contains("No open processes")
    );
    let all = t.json(&["list", "--all", "--now", "2026-05-08"]);
    assert_eq!(all[0]["stage"], "closed: rejected");

    let out = t.ok(&["reopen", &h, "--now", "2026-05-08"]);
    assert!(out.contains("reopened: Friday 8 May"), "{out}");
    assert_eq!(
        t.json(&["list", "--now", "2026-05-08"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let err = t.fails(&["close", &h, "ghosted"]);
    assert!(err.contains("OUTCOME: unknown value \"ghosted\""), "{err}");
    assert!(err.contains("\"no-answer\""), "{err}");
}

#[test]
fn bad_values_and_phrases_are_refused_with_the_accepted_forms() {
    let t = Tracker::new();
    let h = t.acme();
    let err = t.fails(&["log", &h, "promise", "someday", "--now", "2026-05-06"]);
    assert!(err.contains("promise: cannot read \"someday\""), "{err}");
    assert!(err.contains("next friday"), "{err}");
    let err = t.fails(&[
        "log",
        &h,
        "interview",
        "--at",
        "next friday",
        "--now",
        "2026-05-06",
    ]);
    assert!(err.contains("--at:"), "{err}");
    let err = t.fails(&["log", &h, "promise", "2026-05-01", "--now", "2026-05-06"]);
    assert!(err.contains("before the promise was made"), "{err}");
    let err = t.fails(&["log", &h, "sent", "folow-up", "--now", "2026-05-06"]);
    assert!(err.contains("KIND: unknown value \"folow-up\""), "{err}");
    let err = t.fails(&["log", &h, "interview", "--rapport", "warm"]);
    assert!(err.contains("--rapport"), "{err}");
    let err = t.fails(&["log", &h, "change", "boredom", "--real"]);
    assert!(err.contains("REASON"), "{err}");
    let err = t.fails(&[
        "log",
        &h,
        "sent",
        "other",
        "--file",
        "/nonexistent/body.txt",
    ]);
    assert!(err.contains("cannot read /nonexistent/body.txt"), "{err}");
    let err = t.fails(&["next", "--now", "tuesday-ish"]);
    assert!(err.contains("--now"), "{err}");
    // Nothing above was written.
    assert_eq!(
        t.json(&["show", &h, "--now", "2026-05-06"])["process"]["events"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn an_unknown_handle_suggests_the_closest() {
    let t = Tracker::new();
    t.acme();
    t.ok(&["add", "Globex", "--role", "Product Designer", "--tz", "UTC"]);
    for args in [
        vec!["log", "acme-bakend", "interview"],
        vec!["show", "acme-bakend"],
        vec!["close", "acme-bakend", "hired"],
        vec!["reopen", "acme-bakend"],
    ] {
        let err = t.fails(&args);
        assert!(err.contains("no process named \"acme-bakend\""), "{err}");
        assert!(err.contains("did you mean acme-backend?"), "{err}");
    }
    let err = t.fails(&["show", "glob"]);
    assert!(err.contains("did you mean globex-product?"), "{err}");
    let empty = Tracker::new();
    let err = empty.fails(&["show", "acme"]);
    assert!(err.contains("followup add"), "{err}");
}

#[test]
fn next_orders_actions_then_waits_then_move_ons() {
    let t = Tracker::new();
    let now = "2026-05-20T12:00:00Z";
    let add = |company: &str| {
        let out = t.ok(&[
            "add", company, "--role", "Engineer", "--tz", "UTC", "--now", now,
        ]);
        out.lines().next().unwrap().to_owned()
    };
    let log = |h: &str, args: &[&str]| {
        let mut all = vec!["log", h];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--now", now]);
        t.ok(&all);
    };
    // Waits: promise ahead (until 26 May and 28 May).
    let late_wait = add("Zeta");
    log(&late_wait, &["interview", "--at", "2026-05-19 10:00"]);
    log(
        &late_wait,
        &["promise", "2026-05-27", "--at", "2026-05-19 11:00"],
    );
    let soon_wait = add("Yankee");
    log(&soon_wait, &["interview", "--at", "2026-05-19 10:00"]);
    log(
        &soon_wait,
        &["promise", "2026-05-25", "--at", "2026-05-19 11:00"],
    );
    // Actions: follow-ups due 12 May (older) and 18 May.
    let recent_due = add("Xray");
    log(&recent_due, &["interview", "--at", "2026-05-11 10:00"]);
    let old_due = add("Whiskey");
    log(&old_due, &["interview", "--at", "2026-05-05 10:00"]);
    // Move on: two unanswered messages.
    let gone = add("Victor");
    log(&gone, &["interview", "--at", "2026-04-01 10:00"]);
    log(&gone, &["sent", "follow-up", "--at", "2026-04-10 10:00"]);
    log(&gone, &["sent", "final", "--at", "2026-04-20 10:00"]);
    // Nothing yet: left out.
    add("Uniform");

    let agenda = t.json(&["next", "--now", now]);
    let order: Vec<(&str, &str)> = agenda
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["handle"].as_str().unwrap(),
                i["advice"]["action"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            (old_due.as_str(), "follow-up"),
            (recent_due.as_str(), "follow-up"),
            (soon_wait.as_str(), "wait"),
            (late_wait.as_str(), "wait"),
            (gone.as_str(), "move-on"),
        ]
    );
    let text = t.ok(&["next", "--now", now]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Act now");
    assert!(
        lines[1].contains("whiskey-engineer")
            && lines[1].ends_with("→ followup draft whiskey-engineer"),
        "{text}"
    );
    assert!(
        text.contains("→ followup close victor-engineer no-answer"),
        "{text}"
    );
}

#[test]
fn next_demo_uses_a_throwaway_store() {
    let t = Tracker::new();
    let out = t.ok(&["next", "--demo", "--now", "2026-05-13T12:00:00Z"]);
    assert!(out.contains("→ followup draft acme-backend"), "{out}");
    assert!(out.contains("Move on"), "{out}");
    assert!(
        out.contains("never saved"),
        "the demo says its data is throwaway: {out}"
    );
    let sections: Vec<&str> = out
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with(' ') && !l.starts_with("These"))
        .collect();
    assert_eq!(
        sections,
        ["Your move", "Act now", "Coming up", "Waiting", "Move on"],
        "{out}"
    );
    assert!(out.contains("interview on Friday 15 May at 15:00"), "{out}");
    assert!(
        out.contains("massive-data    waiting for an answer to your application"),
        "{out}"
    );
    let json = t.json(&["next", "--demo", "--now", "2026-05-13T12:00:00Z"]);
    assert_eq!(json.as_array().unwrap().len(), 10);
    assert!(
        !t.db().exists(),
        "the demo must not create the user's database"
    );
}

#[test]
fn list_shows_stage_last_contact_and_advice() {
    let t = Tracker::new();
    let h = t.acme();
    t.ok(&[
        "log",
        &h,
        "interview",
        "--at",
        "2026-05-07 10:00",
        "--stage",
        "final",
        "--now",
        "2026-05-07T12:00",
    ]);
    let out = t.ok(&["list", "--now", "2026-05-08"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("HANDLE"), "{out}");
    assert!(lines[1].contains("acme-backend"), "{out}");
    assert!(lines[1].contains("Acme — Backend Engineer"), "{out}");
    assert!(lines[1].contains("interviewing"), "{out}");
    assert!(lines[1].contains("Thu 7 May"), "{out}");
    let json = t.json(&["list", "--now", "2026-05-08"]);
    assert_eq!(json[0]["stage"], "interviewing");
    assert_eq!(json[0]["last_contact"], "2026-05-07");
    assert_eq!(json[0]["advice"]["action"], "wait");
}

#[test]
fn show_lists_the_timeline_and_marks_undone_events() {
    let t = Tracker::new();
    let h = t.acme();
    t.ok(&[
        "log",
        &h,
        "reply",
        "--at",
        "2026-05-06 09:00",
        "--now",
        "2026-05-06T12:00",
    ]);
    t.ok(&["undo", "--now", "2026-05-06T12:01:00Z"]);
    let out = t.ok(&["show", &h, "--now", "2026-05-06T12:00"]);
    assert!(
        out.contains("Acme — Backend Engineer (acme-backend)"),
        "{out}"
    );
    assert!(
        out.contains("Contact: Ana Souza <ana@acme.example>"),
        "{out}"
    );
    assert!(out.contains("interview: Tuesday 5 May at 14:00"), "{out}");
    assert!(
        out.contains("reply: Wednesday 6 May at 09:00 [undone]"),
        "{out}"
    );
    assert!(out.contains("Wait until Monday 11 May"), "{out}");
    assert!(out.contains("Rule: promise-passed"), "{out}");
    let json = t.json(&["show", &h, "--now", "2026-05-06T12:00"]);
    assert_eq!(json["process"]["events"].as_array().unwrap().len(), 2);
    assert_eq!(json["undone_events"][0]["type"], "reply");
    assert_eq!(json["advice"]["rule"], "promise-passed");
}

#[test]
fn undo_reverses_the_last_change_and_keeps_history() {
    let t = Tracker::new();
    let h = t.acme();
    t.ok(&[
        "log",
        &h,
        "sent",
        "follow-up",
        "--at",
        "2026-05-11 10:00",
        "--now",
        "2026-05-11T12:00",
    ]);
    let before = t.json(&["next", "--now", "2026-05-13"]);
    assert_eq!(before[0]["advice"]["then"], "final-follow-up");
    let out = t.ok(&["undo", "--now", "2026-05-13T12:00:00Z"]);
    assert!(
        out.contains("Undid change 4: log acme-backend sent"),
        "{out}"
    );
    let after = t.json(&["next", "--now", "2026-05-13"]);
    assert_eq!(after[0]["advice"]["action"], "follow-up");

    let json = t.json(&["undo", "--now", "2026-05-13T12:00:00Z"]);
    assert_eq!(json["undone"]["summary"], "log acme-backend promise");
    t.ok(&["undo", "--now", "2026-05-13T12:00:00Z"]);
    let out = t.ok(&["undo", "--now", "2026-05-13T12:00:00Z"]);
    assert!(out.contains("add Acme — Backend Engineer"), "{out}");
    assert!(
        t.ok(&["list", "--all", "--now", "2026-05-13"])
            .contains("Nothing tracked")
    );
    assert!(
        t.ok(&["undo", "--now", "2026-05-13T12:00:00Z"])
            .contains("Nothing to undo")
    );
    assert_eq!(t.json(&["undo"])["undone"], Value::Null);
    assert_eq!(t.json(&["export"]), Value::Array(vec![]));
}

#[test]
fn export_then_import_into_an_empty_database_is_lossless_and_idempotent() {
    let t = Tracker::new();
    t.acme();
    t.ok(&[
        "add",
        "Globex, Inc.",
        "--role",
        "Designer",
        "--tz",
        "Asia/Tokyo",
        "--contact",
        "Bruno \"B\" Lima",
    ]);
    t.ok(&[
        "log",
        "globex-designer",
        "sent",
        "thank-you",
        "--subject",
        "Thanks, really",
        "--body",
        "line 1\nline \"2\"",
        "--now",
        "2026-05-06T12:00",
    ]);
    t.ok(&[
        "log",
        "globex-designer",
        "reply",
        "--at",
        "2026-05-06 13:00",
        "--now",
        "2026-05-06T14:00",
    ]);
    t.ok(&["undo", "--now", "2026-05-06T15:00:00Z"]);
    let first = t.json(&["export"]);
    let docs = first.as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["format"], 2);
    assert_eq!(docs[0]["handle"], "acme-backend");
    assert!(docs[0]["id"].is_string());
    assert!(
        docs[0]["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["id"].is_string())
    );
    assert_eq!(
        docs[1]["events"].as_array().unwrap().len(),
        1,
        "the undone reply is not exported"
    );

    let file = t.dir().join("export.json");
    t.ok(&["export", "--out", file.to_str().unwrap()]);
    let other = Tracker::new();
    let out = other.ok(&[
        "import",
        file.to_str().unwrap(),
        "--now",
        "2026-05-07T00:00:00Z",
    ]);
    assert!(out.contains("2 new processes, 3 new events"), "{out}");
    assert_eq!(other.json(&["export"]), first);
    let again = other.ok(&["import", file.to_str().unwrap()]);
    assert!(again.contains("Nothing new"), "{again}");
    assert_eq!(other.json(&["export"]), first);
    // Importing back into the original changes nothing either.
    let json = t.json(&["import", file.to_str().unwrap()]);
    assert_eq!(json["created"], 0);
    assert_eq!(json["events_added"], 0);
    assert_eq!(json["change"], Value::Null);
}

#[test]
fn import_merges_new_events_and_reports_bad_documents_by_path() {
    let t = Tracker::new();
    t.acme();
    let mut docs = t.json(&["export"]);
    docs[0]["events"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "type": "reply", "at": "2026-05-07T10:00:00-03:00", "id": "from-elsewhere"
        }));
    let file = t.dir().join("more.json");
    std::fs::write(&file, docs.to_string()).unwrap();
    let json = t.json(&["import", file.to_str().unwrap()]);
    assert_eq!(json["merged"], 1);
    assert_eq!(json["events_added"], 1);

    docs[0]["events"][1]["kind"] = Value::from("folow-up");
    docs[0]["events"][1]["type"] = Value::from("sent");
    std::fs::write(&file, docs.to_string()).unwrap();
    let err = t.fails(&["import", file.to_str().unwrap()]);
    assert!(err.contains("[0].events[1]"), "{err}");
    std::fs::write(&file, "{ not json").unwrap();
    let err = t.fails(&["import", file.to_str().unwrap()]);
    assert!(err.contains("not valid JSON"), "{err}");
    std::fs::write(&file, "42").unwrap();
    assert!(
        t.fails(&["import", file.to_str().unwrap()])
            .contains("expected an array")
    );
    // A single process document is accepted too.
    std::fs::write(
        &file,
        r#"{"company":"Solo","role":"Dev","timezone":"UTC","events":[]}"#,
    )
    .unwrap();
    assert_eq!(t.json(&["import", file.to_str().unwrap()])["created"], 1);
}

#[test]
fn import_keeps_every_format_2_event_and_field_and_export_writes_them_back() {
    let t = Tracker::new();
    t.acme();
    let file = t.dir().join("format2.json");
    let events = [
        r#"{"type":"applied","at":"2026-05-01T10:00:00Z","url":"https://initech.example/42","source":"a friend","note":"v2"}"#,
        r#"{"type":"reply","at":"2026-05-04T10:00:00Z","from":"Bill","asks":"answer","respond_by":"2026-05-06","message_id":"<r1@initech.example>"}"#,
        r#"{"type":"sent","at":"2026-05-05T10:00:00Z","kind":"reply","message_id":"<s1@me.example>"}"#,
        r#"{"type":"note","at":"2026-05-05T11:00:00Z","text":"Bill is the hiring manager"}"#,
        r#"{"type":"away","at":"2026-05-06T10:00:00Z","until":"2026-05-10","message_id":"<ooo@initech.example>"}"#,
        r#"{"type":"offer","at":"2026-05-07T10:00:00Z","deadline":"2026-05-08","note":"base + bonus","message_id":"<o1@initech.example>"}"#,
    ];
    std::fs::write(
        &file,
        format!(
            r#"{{"format":2,"company":"Initech","role":"Dev","timezone":"UTC","url":"https://initech.example","location":"Lisbon","salary":"60k","notes":"via Bia","events":[{}]}}"#,
            events.join(",")
        ),
    )
    .unwrap();
    assert_eq!(t.json(&["import", file.to_str().unwrap()])["created"], 1);
    let exported = t.json(&["export"]);
    let initech = exported
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["company"] == "Initech")
        .unwrap();
    assert_eq!(initech["format"], 2);
    for (field, value) in [
        ("url", "https://initech.example"),
        ("location", "Lisbon"),
        ("salary", "60k"),
        ("notes", "via Bia"),
    ] {
        assert_eq!(initech[field], value, "{field}");
    }
    let written = initech["events"].as_array().unwrap();
    assert_eq!(written.len(), events.len());
    for (got, sent) in written.iter().zip(events) {
        let sent: serde_json::Value = serde_json::from_str(sent).unwrap();
        for (field, value) in sent.as_object().unwrap() {
            if field != "at" {
                assert_eq!(&got[field], value, "{field} of {sent}");
            }
        }
    }
    // Importing the export again adds nothing.
    std::fs::write(&file, serde_json::to_string(&exported).unwrap()).unwrap();
    assert_eq!(t.json(&["import", file.to_str().unwrap()])["created"], 0);
    assert_eq!(t.json(&["export"]), exported);
    // A message of kind `withdraw` is kept, and closes the process in the same change.
    let out = t.ok(&[
        "log",
        "acme-backend",
        "sent",
        "withdraw",
        "--at",
        "2026-05-06 10:00",
        "--now",
        "2026-05-06T11:00",
    ]);
    assert!(out.contains("closed (withdrew)"), "{out}");
    assert!(
        out.contains("the process is closed (you withdrew)"),
        "{out}"
    );
}

#[test]
fn csv_export_is_a_flat_quoted_log() {
    let t = Tracker::new();
    let h = t.acme();
    t.ok(&[
        "add",
        "Globex, Inc.",
        "--role",
        "Designer",
        "--tz",
        "UTC",
        "--contact",
        "=cmd",
    ]);
    t.ok(&[
        "log",
        "globex-designer",
        "interview",
        "--at",
        "2026-05-04 10:00",
        "--stage",
        "say \"hi\"",
        "--now",
        "2026-05-05",
    ]);
    t.ok(&[
        "close",
        &h,
        "no-answer",
        "--at",
        "2026-05-20",
        "--now",
        "2026-05-21",
    ]);
    let out = t.ok(&["export", "--csv"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "date,company,role,contact,event,outcome");
    assert_eq!(
        lines[1],
        "2026-05-05 14:00,Acme,Backend Engineer,Ana Souza <ana@acme.example>,interview,"
    );
    assert_eq!(
        lines[2],
        "2026-05-05 15:00,Acme,Backend Engineer,Ana Souza <ana@acme.example>,promise (by 2026-05-08),"
    );
    assert_eq!(
        lines[3],
        "2026-05-20 12:00,Acme,Backend Engineer,Ana Souza <ana@acme.example>,closed,no-answer"
    );
    assert_eq!(
        lines[4],
        "2026-05-04 10:00,\"Globex, Inc.\",Designer,'=cmd,\"interview (say \"\"hi\"\")\","
    );
}

#[test]
fn export_out_to_an_unwritable_place_fails_cleanly() {
    let t = Tracker::new();
    t.acme();
    let blocker = t.dir().join("plain-file");
    std::fs::write(&blocker, "x").unwrap();
    let target = blocker.join("export.json");
    let err = t.fails(&["export", "--out", target.to_str().unwrap()]);
    assert!(err.contains("--out"), "{err}");
}
