//! Correcting and completing the record through the real binary (issue 12): `show` numbers,
//! `edit`, `rm`, `contact`, `note`, `undo`/`redo` and `purge`, with each refusal.

use serde_json::Value;

use crate::tracker::Tracker;

/// Tuesday 12 May 2026, 10:00 (the process is in UTC).
const NOW: &str = "2026-05-12T10:00";

/// `acme-dev` in UTC with Ana as contact, an interview on Tuesday 5 May at 14:00 (#1) and a
/// promise by Friday 8 May said at 15:00 (#2).
fn acme() -> Tracker {
    let t = Tracker::new();
    t.ok(&[
        "add",
        "Acme",
        "--role",
        "Dev",
        "--tz",
        "UTC",
        "--contact",
        "Ana Souza <ana@acme.example>",
        "--now",
        NOW,
    ]);
    run(
        &t,
        &[
            "log",
            "acme-dev",
            "interview",
            "--at",
            "2026-05-05 14:00",
            "--topic",
            "caching",
        ],
    );
    run(
        &t,
        &[
            "log",
            "acme-dev",
            "promise",
            "friday",
            "--at",
            "2026-05-05 15:00",
        ],
    );
    t
}

/// Runs `args --now NOW`, asserting success.
fn run(t: &Tracker, args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--now", NOW]);
    t.ok(&all)
}

/// Runs `args --now NOW`, asserting exit 2, and returns stderr.
fn refused(t: &Tracker, args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--now", NOW]);
    let err = t.fails(&all);
    assert!(
        err.starts_with("error: ") && err.contains("\nhint: "),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    err
}

fn exported(t: &Tracker) -> Value {
    t.json(&["export"])[0].clone()
}

#[test]
fn show_numbers_the_events_and_prints_ids_with_ids() {
    let t = acme();
    let out = run(&t, &["show", "acme-dev"]);
    assert!(
        out.contains("  #1 interview: Tuesday 5 May at 14:00"),
        "{out}"
    );
    assert!(out.contains("  #2 promise: by Friday 8 May"), "{out}");
    let ids: Vec<String> = exported(&t)["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    let out = run(&t, &["show", "acme-dev", "--ids"]);
    assert!(
        out.contains(&format!("  #1 [{}] interview", ids[0])),
        "{out}"
    );
    assert!(out.contains(&format!("  #2 [{}] promise", ids[1])), "{out}");
    // An id names the event as well as its number.
    let out = run(&t, &["edit", "acme-dev", &ids[1], "--note", "by email"]);
    assert_eq!(out, "edited acme-dev #2: note (none) → \"by email\"\n");
}

#[test]
fn edit_an_event_with_the_options_log_takes_and_undo_redo_it() {
    let t = acme();
    let out = run(
        &t,
        &[
            "edit",
            "acme-dev",
            "#1",
            "--at",
            "2026-05-06 10:00",
            "--topic",
            "event sourcing",
            "--topic",
            "rust",
            "--rapport",
            "personal",
        ],
    );
    assert_eq!(
        out,
        "edited acme-dev #1: at Tuesday 5 May at 14:00 → Wednesday 6 May at 10:00; rapport \"formal\" → \"personal\"; topics \"caching\" → \"event sourcing\", \"rust\"\n"
    );
    let p = exported(&t);
    let interview = &p["events"][1];
    assert_eq!(
        interview["type"], "interview",
        "moved after the promise: {p}"
    );
    assert_eq!(interview["at"], "2026-05-06T10:00:00+00:00");
    assert_eq!(
        interview["topics"],
        serde_json::json!(["event sourcing", "rust"])
    );
    // The numbers follow the timeline: the promise is #1 now.
    let out = run(&t, &["edit", "acme-dev", "1", "--by", "2026-05-15"]);
    assert_eq!(out, "edited acme-dev #1: by Friday 8 May → Friday 15 May\n");

    let undo = run(&t, &["undo"]);
    assert!(undo.contains("edit acme-dev #1"), "{undo}");
    assert_eq!(exported(&t)["events"][0]["by"], "2026-05-08");
    run(&t, &["undo"]);
    assert_eq!(exported(&t)["events"][0]["type"], "interview");
    assert_eq!(exported(&t)["events"].as_array().unwrap().len(), 2);
    let redo = run(&t, &["redo"]);
    assert!(redo.starts_with("Redid change"), "{redo}");
    assert!(redo.contains("edit acme-dev #1"), "{redo}");
    run(&t, &["redo"]);
    assert_eq!(exported(&t)["events"][0]["by"], "2026-05-15");
    assert!(run(&t, &["redo"]).starts_with("Nothing to redo"));
    // Clearing an optional field and a list.
    let out = run(
        &t,
        &["edit", "acme-dev", "#2", "--topic", "", "--stage", "final"],
    );
    assert_eq!(
        out,
        "edited acme-dev #2: stage (none) → \"final\"; topics \"event sourcing\", \"rust\" → (none)\n"
    );
    // Nothing different: nothing written.
    let out = run(&t, &["edit", "acme-dev", "#2", "--stage", "final"]);
    assert_eq!(out, "acme-dev #2 already reads so: nothing changed.\n");
}

#[test]
fn edit_refusals_name_the_problem() {
    let t = acme();
    let err = refused(&t, &["edit", "acme-dev", "#3", "--at", "monday"]);
    assert!(
        err.contains("acme-dev has no event \"#3\": use #1 to #2 or an event id"),
        "{err}"
    );
    assert!(err.contains("followup show acme-dev --ids"), "{err}");
    let err = refused(&t, &["edit", "acme-dev", "nope", "--at", "monday"]);
    assert!(err.contains("no event \"nope\""), "{err}");
    let err = refused(&t, &["edit", "acme-dev", "#2", "--deadline", "friday"]);
    assert!(
        err.contains("--deadline: a promise event has no such field"),
        "{err}"
    );
    assert!(
        err.contains("a promise event takes --at --by --note"),
        "{err}"
    );
    let err = refused(&t, &["edit", "acme-dev", "#1", "--role", "X"]);
    assert!(err.contains("--role is a field of the process"), "{err}");
    let err = refused(&t, &["edit", "acme-dev", "--topic", "x"]);
    assert!(err.contains("--topic changes an event"), "{err}");
    let err = refused(&t, &["edit", "acme-dev"]);
    assert!(err.contains("nothing to change"), "{err}");
    let err = refused(&t, &["edit", "acme-dev", "#1"]);
    assert!(
        err.contains("nothing to change: give one of --at --on"),
        "{err}"
    );
    let err = refused(&t, &["edit", "acme-dev", "#1", "--rapport", "warm"]);
    assert!(err.contains("--rapport: unknown value \"warm\""), "{err}");
    let err = refused(&t, &["edit", "acme-dev", "#1", "--at", "soon"]);
    assert!(err.contains("--at"), "{err}");
    // Moving the promise after the day it promised is refused, like a document's.
    let err = refused(&t, &["edit", "acme-dev", "#2", "--at", "2026-05-11 09:00"]);
    assert!(
        err.contains("--by: Friday 8 May is before the event's own day"),
        "{err}"
    );
    let err = refused(&t, &["edit", "acme-dev", "--tz", "Mars/Olympus"]);
    assert!(err.contains("--tz: unknown time zone"), "{err}");
    let err = refused(&t, &["edit", "acme-dev", "--company", " "]);
    assert!(err.contains("--company: must not be empty"), "{err}");
    let err = refused(&t, &["edit", "acme-dvе", "--company", "X"]);
    assert!(err.contains("no process named"), "{err}");
    // Nothing was written by any of them.
    assert_eq!(
        t.json(&["undo"])["undone"]["summary"],
        "log acme-dev promise"
    );
}

#[test]
fn edit_a_process_and_its_zone_keeps_every_instant() {
    let t = acme();
    let before = exported(&t);
    let out = run(
        &t,
        &[
            "edit",
            "acme-dev",
            "--role",
            "Staff Dev",
            "--salary",
            "70k",
            "--tz",
            "America/Sao_Paulo",
        ],
    );
    assert_eq!(
        out,
        "edited acme-dev: role \"Dev\" → \"Staff Dev\"; salary (none) → \"70k\"; timezone \"UTC\" → \"America/Sao_Paulo\" (every event keeps its instant; nothing is re-read)\n"
    );
    let after = exported(&t);
    assert_eq!(after["role"], "Staff Dev");
    assert_eq!(after["handle"], "acme-dev", "the handle stays");
    let instant = |p: &Value, i: usize| -> jiff::Timestamp {
        p["events"][i]["at"].as_str().unwrap().parse().unwrap()
    };
    assert_eq!(instant(&before, 0), instant(&after, 0));
    assert_eq!(after["events"][0]["at"], "2026-05-05T11:00:00-03:00");
    assert_eq!(
        after["events"][1]["by"], "2026-05-08",
        "dates are not re-read"
    );
    let out = run(&t, &["edit", "acme-dev", "--salary", ""]);
    assert_eq!(out, "edited acme-dev: salary \"70k\" → (none)\n");
    run(&t, &["undo"]);
    run(&t, &["undo"]);
    assert_eq!(exported(&t), before);
}

#[test]
fn rm_an_event_then_undo_and_redo() {
    let t = acme();
    let out = run(&t, &["rm", "acme-dev", "#1"]);
    assert_eq!(
        out,
        "removed acme-dev #1: interview: Tuesday 5 May at 14:00 (formal; topics: caching). followup undo brings it back.\n"
    );
    let show = run(&t, &["show", "acme-dev"]);
    assert!(show.contains("  #1 promise"), "{show}");
    assert!(!show.contains("interview"), "{show}");
    run(&t, &["undo"]);
    assert!(run(&t, &["show", "acme-dev"]).contains("  #1 interview"));
    run(&t, &["redo"]);
    assert_eq!(exported(&t)["events"].as_array().unwrap().len(), 1);
    let err = refused(&t, &["rm", "acme-dev", "#2"]);
    assert!(err.contains("use #1 to #1"), "{err}");
}

#[test]
fn rm_a_process_needs_yes_off_a_terminal() {
    let t = acme();
    let err = refused(&t, &["rm", "acme-dev"]);
    assert!(
        err.contains("rm acme-dev removes the whole process (Acme — Dev, 2 events): not confirmed (not on a terminal, and no --yes)"),
        "{err}"
    );
    assert!(
        err.contains("hint: to confirm, run followup rm acme-dev --yes"),
        "{err}"
    );
    assert_eq!(t.json(&["export"]).as_array().unwrap().len(), 1);
    let out = run(&t, &["rm", "acme-dev", "--yes"]);
    assert!(
        out.starts_with("removed acme-dev (Acme — Dev, 2 events)."),
        "{out}"
    );
    assert_eq!(t.json(&["export"]), Value::Array(vec![]));
    let err = refused(&t, &["show", "acme-dev"]);
    assert!(err.contains("no process named"), "{err}");
    run(&t, &["undo"]);
    assert_eq!(exported(&t)["events"].as_array().unwrap().len(), 2);
}

#[test]
fn redo_repeats_until_a_new_change_is_made() {
    let t = acme();
    run(&t, &["undo"]);
    run(&t, &["undo"]);
    assert!(exported(&t)["events"].as_array().unwrap().is_empty());
    assert!(run(&t, &["redo"]).contains("log acme-dev interview"));
    assert_eq!(
        t.json(&["redo", "--now", NOW])["redone"]["summary"],
        "log acme-dev promise"
    );
    assert_eq!(t.json(&["redo", "--now", NOW])["redone"], Value::Null);
    run(&t, &["undo"]);
    run(&t, &["note", "acme-dev", "a new change"]);
    assert!(run(&t, &["redo"]).starts_with("Nothing to redo"));
}

#[test]
fn purge_needs_yes_and_leaves_no_byte_of_removed_data() {
    let t = acme();
    run(
        &t,
        &[
            "add",
            "Initech",
            "--role",
            "Ops",
            "--tz",
            "UTC",
            "--contact",
            "Zed Secretname <zed@initech.example>",
        ],
    );
    run(
        &t,
        &["note", "initech-ops", "Private-Remark-Q9 about the team"],
    );
    run(&t, &["rm", "initech-ops", "--yes"]);
    run(&t, &["note", "acme-dev", "Undone-Remark-K4"]);
    run(&t, &["undo"]);
    let err = refused(&t, &["purge"]);
    assert!(
        err.contains(
            "purge erases 2 events, 1 process and 0 former versions of process fields for good"
        ),
        "{err}"
    );
    assert!(err.contains("followup purge --yes"), "{err}");
    let out = run(&t, &["purge", "--yes"]);
    assert!(
        out.starts_with("Erased for good: 2 events, 1 process, 0 former versions and "),
        "{out}"
    );
    for file in [t.db(), t.db().with_extension("db-wal")] {
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        for secret in [
            "Secretname",
            "Private-Remark-Q9",
            "Undone-Remark-K4",
            "initech",
        ] {
            let found = bytes.windows(secret.len()).any(|w| w == secret.as_bytes());
            assert!(!found, "{secret} is still in {}", file.display());
        }
    }
    assert_eq!(exported(&t)["events"].as_array().unwrap().len(), 2);
    assert!(run(&t, &["undo"]).contains("Nothing to undo"));
    assert!(run(&t, &["purge"]).starts_with("Nothing to purge"));
}

#[test]
fn contacts_are_added_edited_and_removed() {
    let t = acme();
    let out = run(
        &t,
        &[
            "contact",
            "add",
            "acme-dev",
            "Bruno Lima <bruno@acme.example>",
            "--title",
            "Hiring Manager",
            "--main",
        ],
    );
    assert_eq!(
        out,
        "added to acme-dev as the main contact: Bruno Lima <bruno@acme.example> (Hiring Manager)\n"
    );
    assert_eq!(exported(&t)["contacts"][0]["name"], "Bruno Lima");
    let draft = run(&t, &["draft", "acme-dev"]);
    assert!(draft.contains("bruno@acme.example"), "{draft}");
    let out = run(
        &t,
        &[
            "contact",
            "edit",
            "acme-dev",
            "ana souza",
            "--honorific",
            "Ms.",
            "--main",
        ],
    );
    assert!(out.starts_with("edited acme-dev: contacts "), "{out}");
    assert!(
        out.contains("→ Ms. Ana Souza <ana@acme.example>, Bruno Lima"),
        "{out}"
    );
    let out = run(&t, &["contact", "rm", "acme-dev", "bruno@acme.example"]);
    assert_eq!(
        out,
        "removed from acme-dev: Bruno Lima <bruno@acme.example> (Hiring Manager). followup undo brings it back.\n"
    );
    assert_eq!(exported(&t)["contacts"].as_array().unwrap().len(), 1);
    run(&t, &["undo"]);
    assert_eq!(exported(&t)["contacts"].as_array().unwrap().len(), 2);

    let err = refused(&t, &["contact", "rm", "acme-dev", "carla"]);
    assert!(
        err.contains("acme-dev has no contact \"carla\" (its contacts: Ms. Ana Souza"),
        "{err}"
    );
    let err = refused(
        &t,
        &["contact", "add", "acme-dev", "Ana Again <ANA@acme.example>"],
    );
    assert!(
        err.contains("already has a contact with the address"),
        "{err}"
    );
    let err = refused(
        &t,
        &[
            "contact",
            "add",
            "acme-dev",
            "Eve <eve@x.example\r\nBcc: evil@x>",
        ],
    );
    assert!(err.contains("CONTACT"), "{err}");
    let err = refused(&t, &["contact", "edit", "acme-dev", "ana@acme.example"]);
    assert!(err.contains("nothing to change"), "{err}");
    run(&t, &["contact", "add", "acme-dev", "Ana Souza"]);
    let err = refused(
        &t,
        &["contact", "edit", "acme-dev", "Ana Souza", "--title", "x"],
    );
    assert!(err.contains("names several contacts"), "{err}");
}

#[test]
fn a_note_shows_and_never_changes_the_advice() {
    let t = acme();
    let before = t.json(&["next", "--now", NOW]);
    let out = run(
        &t,
        &[
            "note",
            "acme-dev",
            "Ana mentioned a reorg",
            "--at",
            "2026-05-07 09:00",
        ],
    );
    assert!(
        out.starts_with("note: Thursday 7 May at 09:00 (Ana mentioned a reorg)\n"),
        "{out}"
    );
    assert_eq!(t.json(&["next", "--now", NOW]), before);
    assert!(run(&t, &["show", "acme-dev"]).contains("  #3 note: Thursday 7 May at 09:00"));
    let p = exported(&t);
    assert_eq!(p["events"][2]["type"], "note");
    assert_eq!(p["events"][2]["text"], "Ana mentioned a reorg");
    let out = run(
        &t,
        &["edit", "acme-dev", "#3", "--text", "A reorg is coming"],
    );
    assert_eq!(
        out,
        "edited acme-dev #3: text \"Ana mentioned a reorg\" → \"A reorg is coming\"\n"
    );
    let err = refused(&t, &["note", "acme-dev", "  "]);
    assert!(err.contains("the note is empty"), "{err}");
    run(&t, &["undo"]);
    run(&t, &["undo"]);
    assert_eq!(exported(&t)["events"].as_array().unwrap().len(), 2);
}
