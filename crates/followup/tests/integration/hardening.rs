//! Issue 9's reproducers, each a regression test named after its item: bad input is exit 2
//! naming the field and the limit, and rows already stored outside the limits still show.

use followup_core::{Process, TimezoneSource};
use followup_store::{Change, Op, SqliteStore, Store};

use crate::tracker::Tracker;

/// Writes a process straight into the tracker's database, past every check (as an older
/// version could have stored it).
fn store_raw(t: &Tracker, handle: &str, company: &str, role: &str) {
    std::fs::create_dir_all(t.db().parent().unwrap()).unwrap();
    let mut store = SqliteStore::open(&t.db(), followup_app::input::zones().clone()).unwrap();
    let process = Process {
        id: None,
        handle: Some(handle.to_owned()),
        company: company.to_owned(),
        role: role.to_owned(),
        timezone_name: "UTC".to_owned(),
        timezone_source: TimezoneSource::Document,
        timezone: jiff::tz::TimeZone::UTC,
        contacts: Vec::new(),
        holidays: Vec::new(),
        details: Default::default(),
        events: Vec::new(),
    };
    store
        .apply(&Change {
            at: "2026-05-05T12:00:00Z".parse().unwrap(),
            summary: "raw".to_owned(),
            ops: vec![Op::AddProcess(process)],
        })
        .unwrap();
}

fn document(t: &Tracker, name: &str, value: serde_json::Value) -> String {
    let path = t.dir().join(name);
    std::fs::write(&path, value.to_string()).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn item1_long_handle_does_not_panic_list_or_next() {
    let t = Tracker::new();
    let long = "x".repeat(65_600);
    store_raw(&t, &long, "Acme", &long);
    let list = t.ok(&["list", "--now", "2026-05-06"]);
    assert!(list.contains(&long), "the stored row still lists");
    t.ok(&["next", "--now", "2026-05-06"]);
    let export = t.ok(&["export"]);
    assert!(export.contains(&long), "the stored row still exports");
}

#[test]
fn item1_long_role_is_refused_naming_field_and_limit() {
    let t = Tracker::new();
    let role = "x".repeat(65_600);
    let err = t.fails(&["add", "Acme", "--role", &role, "--tz", "UTC"]);
    assert!(
        err.contains("--role: 65600 characters, the limit is 200"),
        "{err}"
    );
    // A derived handle stays within 64 characters, cut at a word boundary.
    let handle = t.ok(&["add", "Acme", "--role", &"y".repeat(200), "--tz", "UTC"]);
    assert_eq!(handle.lines().next(), Some("acme"));
}

#[test]
fn item1_long_note_is_refused_naming_the_64_kib_limit() {
    let t = Tracker::new();
    let handle = t.acme();
    let note = "n".repeat(64 * 1024 + 1);
    let err = t.fails(&["log", &handle, "promise", "friday", "--note", &note]);
    assert!(
        err.contains("--note: 65537 bytes, the limit is 64 KiB"),
        "{err}"
    );
}

#[test]
fn item1_imported_handle_outside_the_rule_is_exit_2_naming_it() {
    let t = Tracker::new();
    for bad in ["", "--help", "a b/../c"] {
        let file = document(
            &t,
            "bad.json",
            serde_json::json!({"company": "Acme", "role": "Engineer", "timezone": "UTC",
                "handle": bad, "events": []}),
        );
        let err = t.fails(&["import", &file]);
        assert!(
            err.contains("handle") && err.contains(&format!("{bad:?}")),
            "{err}"
        );
        let advise = t.cmd(&["advise", &file]).assert().code(2);
        let stderr = String::from_utf8_lossy(&advise.get_output().stderr).into_owned();
        assert!(stderr.contains("handle"), "{stderr}");
    }
}

#[test]
fn item9_control_characters_in_company_are_refused() {
    let t = Tracker::new();
    let err = t.fails(&["add", "Acme\nInc", "--role", "Engineer", "--tz", "UTC"]);
    assert!(err.contains("COMPANY: control character U+000A"), "{err}");
    let err = t.fails(&["add", "Acme\u{1b}[31m", "--role", "Engineer", "--tz", "UTC"]);
    assert!(err.contains("COMPANY: control character U+001B"), "{err}");
    let handle = t.acme();
    let err = t.fails(&["log", &handle, "promise", "friday", "--note", "ring\u{7}"]);
    assert!(err.contains("--note: control character U+0007"), "{err}");
    // Bodies and notes keep tab and newline.
    t.ok(&[
        "log",
        &handle,
        "promise",
        "friday",
        "--note",
        "line one\n\tline two",
    ]);
}

#[test]
fn item9_control_characters_in_posting_details_are_refused() {
    let t = Tracker::new();
    let add = |flag: &str, value: &str| {
        t.fails(&[
            "add", "Acme", "--role", "Engineer", "--tz", "UTC", flag, value,
        ])
    };
    let err = add("--location", "Lisbon\nPorto");
    assert!(
        err.contains("--location: control character U+000A"),
        "{err}"
    );
    let err = add("--salary", "60k\u{1b}[2J");
    assert!(err.contains("--salary: control character U+001B"), "{err}");
    let err = add(
        "--url",
        &format!("https://acme.example/{}", "x".repeat(70_000)),
    );
    assert!(err.contains("--url"), "{err}");
}

#[test]
fn item9_stored_newline_and_escape_cannot_break_the_list_table() {
    let t = Tracker::new();
    store_raw(&t, "acme-eng", "Acme\nFAKE  ROW", "Eng\u{1b}[2J");
    let list = t.ok(&["list", "--now", "2026-05-06"]);
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(list.contains("Acme\\nFAKE  ROW"), "{list}");
    assert!(
        list.contains("Eng\\u{1b}[2J") && !list.contains('\u{1b}'),
        "{list}"
    );
    let next = t.ok(&["next", "--now", "2026-05-06"]);
    assert!(!next.contains('\u{1b}'), "{next}");
    let show = t.ok(&["show", "acme-eng", "--now", "2026-05-06"]);
    assert!(
        !show.contains('\u{1b}') && show.contains("Acme\\nFAKE"),
        "{show}"
    );
}

#[test]
fn item5_header_injection_in_a_contact_email_is_refused() {
    let t = Tracker::new();
    let file = document(
        &t,
        "inject.json",
        serde_json::json!({"company": "Acme", "role": "Engineer", "timezone": "UTC",
            "contacts": [{"name": "Ana", "email": "a@b.c\r\nBcc: evil@x"}],
            "events": [{"type": "interview", "at": "2026-05-05T14:00:00Z"}]}),
    );
    let err = t.fails(&["import", &file]);
    assert!(err.contains("contacts[0].email"), "{err}");
    let out = t
        .cmd(&["draft", &file, "--now", "2026-05-05T18:00"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("contacts[0].email"), "{stderr}");
}

#[test]
fn item6_check_dev_zero_stops_at_the_1_mb_limit() {
    let t = Tracker::new();
    let err = t.fails(&["check", "/dev/zero"]);
    assert!(
        err.contains("/dev/zero: larger than the limit of 1 MB"),
        "{err}"
    );
}

#[test]
fn item6_nul_and_zero_width_only_is_an_empty_message() {
    let t = Tracker::new();
    let path = t.dir().join("blank.txt");
    std::fs::write(&path, "\0\0\u{200B}\u{FEFF} \n\u{200D}").unwrap();
    let err = t.fails(&["check", path.to_str().unwrap()]);
    assert!(err.contains("the message is empty"), "{err}");
}

/// An export of the worked example with the role and the interview's time changed, the promise
/// left out and a new reply added.
fn changed_export(t: &Tracker) -> serde_json::Value {
    let mut docs = t.json(&["export"]);
    docs[0]["role"] = "Staff Engineer".into();
    docs[0]["events"][0]["at"] = "2026-05-05T14:30:00-03:00".into();
    docs[0]["events"][0]["topics"] = serde_json::json!(["caching"]);
    let events = docs[0]["events"].as_array_mut().unwrap();
    events.remove(1);
    events.push(serde_json::json!({"type": "reply", "at": "2026-05-07T10:00:00-03:00"}));
    docs
}

#[test]
fn item3_import_merges_field_by_field_and_lists_each_change() {
    let t = Tracker::new();
    let h = t.acme();
    let file = document(&t, "changed.json", changed_export(&t));
    let out = t.ok(&["import", &file, "--now", "2026-05-08T12:00"]);
    assert!(
        out.contains(&format!(
            "updated {h}: role \"Backend Engineer\" → \"Staff Engineer\"\n"
        )),
        "{out}"
    );
    assert!(
        out.contains(
            "at Tuesday 5 May at 14:00 → Tuesday 5 May at 14:30; topics (none) → \"caching\""
        ),
        "{out}"
    );
    let p = t.json(&["export"])[0].clone();
    assert_eq!(p["role"], "Staff Engineer");
    let types: Vec<&str> = p["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    // Nothing absent from the file is deleted: the promise stays.
    assert_eq!(types, ["interview", "promise", "reply"]);
    assert_eq!(p["events"][0]["at"], "2026-05-05T14:30:00-03:00");
    // Twice: nothing new, and one undo reverses the whole import.
    let again = t.ok(&["import", &file, "--now", "2026-05-08T12:00"]);
    assert!(again.starts_with("Nothing new"), "{again}");
    t.ok(&["undo", "--now", "2026-05-08T12:01:00Z"]);
    let back = t.json(&["export"])[0].clone();
    assert_eq!(back["role"], "Backend Engineer");
    assert_eq!(back["events"].as_array().unwrap().len(), 2);
}

#[test]
fn item3_import_dry_run_prints_the_changes_and_writes_nothing() {
    let t = Tracker::new();
    let h = t.acme();
    let before = t.json(&["export"]);
    let file = document(&t, "changed.json", changed_export(&t));
    let out = t.ok(&["import", &file, "--dry-run", "--now", "2026-05-08T12:00"]);
    assert!(out.contains(&format!("updated {h}: role")), "{out}");
    assert!(
        out.contains("Dry run of")
            && out.contains("1 new events")
            && out.contains("nothing was written"),
        "{out}"
    );
    assert_eq!(t.json(&["export"]), before);
    let json = t.json(&["import", &file, "--dry-run"]);
    assert_eq!(json["dry_run"], true);
    assert_eq!(json["change"], serde_json::Value::Null);
    assert_eq!(json["changes"].as_array().unwrap().len(), 2);
}

#[test]
fn item3_documents_without_id_are_matched_and_never_added_twice() {
    let t = Tracker::new();
    let doc = serde_json::json!([{
        "company": "Solo", "role": "Dev", "timezone": "UTC",
        "events": [
            {"type": "interview", "at": "2026-05-05T14:00:00Z"},
            {"type": "note", "at": "2026-05-05T15:00:00Z", "text": "same"},
            {"type": "note", "at": "2026-05-05T15:00:00Z", "text": "same"}
        ]
    }]);
    let file = document(&t, "noid.json", doc.clone());
    assert_eq!(t.json(&["import", &file])["created"], 1);
    // Identical events without ids stay two, as advise reads the file.
    let events = t.json(&["export"])[0]["events"].as_array().unwrap().len();
    assert_eq!(events, 3);
    let again = t.json(&["import", &file]);
    assert_eq!(
        (again["created"].as_u64(), again["events_added"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(t.json(&["export"]).as_array().unwrap().len(), 1);
    // The same process with a new field and event is merged into it, not added.
    let mut more = doc.clone();
    more[0]["salary"] = "60k".into();
    more[0]["events"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"type": "reply", "at": "2026-05-06T09:00:00Z"}));
    let file = document(&t, "more.json", more);
    let out = t.ok(&["import", &file]);
    assert!(
        out.contains("updated solo-dev: salary (none) → \"60k\""),
        "{out}"
    );
    let all = t.json(&["export"]);
    assert_eq!(all.as_array().unwrap().len(), 1);
    assert_eq!(all[0]["events"].as_array().unwrap().len(), 4);
}

#[test]
fn item3_duplicate_ids_in_one_file_are_exit_2_naming_both_places() {
    let t = Tracker::new();
    let one = |id: &str| serde_json::json!({"id": id, "company": "Acme", "role": "Dev", "timezone": "UTC", "events": []});
    let file = document(
        &t,
        "dup.json",
        serde_json::json!([one("p1"), one("p2"), one("p1")]),
    );
    let err = t.fails(&["import", &file]);
    assert!(
        err.contains(": [2].id: the id \"p1\" is also used at [0].id"),
        "{err}"
    );
    let events = serde_json::json!([{"id": "p1", "company": "Acme", "role": "Dev", "timezone": "UTC",
    "events": [
        {"type": "interview", "at": "2026-05-05T14:00:00Z", "id": "e1"},
        {"type": "reply", "at": "2026-05-06T14:00:00Z", "id": "e1"}
    ]}]);
    let file = document(&t, "dup-events.json", events);
    let err = t.fails(&["import", &file]);
    assert!(
        err.contains(": [0].events[1].id: the id \"e1\" is also used at [0].events[0].id"),
        "{err}"
    );
    assert_eq!(t.json(&["export"]), serde_json::json!([]));
}

fn item8_a_far_year_is_out_of_range_not_a_dst_gap() {
    let t = Tracker::new();
    let handle = t.acme();
    let err = t.fails(&["log", &handle, "interview", "--at", "9999-12-31"]);
    assert!(
        err.contains("\"9999-12-31\" is out of range (years 1900–2200)"),
        "{err}"
    );
    assert!(!err.contains("clocks skip"), "{err}");
    let err = t.fails(&["next", "--now", "9999-12-31"]);
    assert!(
        err.contains("\"9999-12-31\" is out of range (years 1900–2200)"),
        "{err}"
    );
}

fn item8_advise_on_an_export_or_an_empty_array_says_what_it_is() {
    let t = Tracker::new();
    t.acme();
    let export = t.dir().join("export.json");
    std::fs::write(&export, t.ok(&["export"])).unwrap();
    let err = t.fails(&["advise", export.to_str().unwrap()]);
    assert!(
        err.contains(
            "this is an export (an array of 1 process); advise reads one process: \
             use followup import, or pick one with jq '.[0]'"
        ),
        "{err}"
    );
    let empty = t.dir().join("empty.json");
    std::fs::write(&empty, "[]").unwrap();
    let err = t.fails(&["advise", empty.to_str().unwrap()]);
    assert!(
        err.contains("an empty array is not a process document"),
        "{err}"
    );
}

fn interview_at(t: &Tracker, at: &str) -> String {
    document(
        t,
        "doc.json",
        serde_json::json!({"company": "Acme", "role": "Engineer", "timezone": "UTC",
            "events": [{"type": "interview", "at": at}]}),
    )
}

fn item9_year_zero_and_impossible_offsets_are_refused() {
    let t = Tracker::new();
    let file = interview_at(&t, "0000-01-01T00:00:00");
    let err = t.fails(&["advise", &file, "--now", "2026-05-06"]);
    assert!(
        err.contains("events[0].at: \"0000-01-01T00:00:00\" is out of range (years 1900–2200)"),
        "{err}"
    );
    let file = interview_at(&t, "2026-05-05T14:00:00+25:00");
    let err = t.fails(&["advise", &file, "--now", "2026-05-06"]);
    assert!(
        err.contains("events[0].at") && err.contains("±18:00"),
        "{err}"
    );
    let file = interview_at(&t, "2026-05-05T14:00:00+09:00[America/Sao_Paulo]");
    let err = t.fails(&["advise", &file, "--now", "2026-05-06"]);
    assert!(
        err.contains("events[0].at") && err.contains("not America/Sao_Paulo's"),
        "{err}"
    );
}

fn item9_duplicate_json_keys_name_the_path() {
    let t = Tracker::new();
    let path = t.dir().join("dup.json");
    std::fs::write(
        &path,
        r#"{"company":"Acme","role":"Engineer","timezone":"UTC","events":[
            {"type":"interview","at":"2026-05-05T14:00:00Z","at":"2026-05-06T14:00:00Z"}]}"#,
    )
    .unwrap();
    let file = path.to_str().unwrap();
    let err = t.fails(&["advise", file, "--now", "2026-05-06"]);
    assert!(
        err.contains("events[0].at: this key appears twice"),
        "{err}"
    );
    let err = t.fails(&["import", file]);
    assert!(
        err.contains("events[0].at: this key appears twice"),
        "{err}"
    );
    let export = t.dir().join("dups.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&export, format!("[{text}]")).unwrap();
    let err = t.fails(&["import", export.to_str().unwrap()]);
    assert!(
        err.contains("[0].events[0].at: this key appears twice"),
        "{err}"
    );
}

fn item9_a_change_deadline_before_the_change_is_refused() {
    let t = Tracker::new();
    let file = document(
        &t,
        "change.json",
        serde_json::json!({"company": "Acme", "role": "Engineer", "timezone": "UTC",
            "events": [{"type": "interview", "at": "2026-05-05T14:00:00Z"},
                {"type": "context-change", "at": "2026-05-07T10:00:00Z", "reason": "competing-offer",
                 "real": true, "deadline": "2026-05-06"}]}),
    );
    let err = t.fails(&["advise", &file, "--now", "2026-05-08"]);
    assert!(err.contains("events[1].deadline"), "{err}");
    let handle = t.acme();
    let err = t.fails(&[
        "log",
        &handle,
        "change",
        "competing-offer",
        "--real",
        "--deadline",
        "2026-05-01",
        "--now",
        "2026-05-06T12:00",
    ]);
    assert!(err.contains("--deadline"), "{err}");
}

fn item9_policy_out_of_range_is_exit_2_naming_key_line_and_range() {
    let t = Tracker::new();
    let config = t.dir().join("policy.toml");
    std::fs::write(&config, "name = \"M\"\n\n[policy]\nmax_unanswered = 0\n").unwrap();
    let out = t
        .cmd(&["next", "--now", "2026-05-06"])
        .env("FOLLOWUP_CONFIG", &config)
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("line 4: policy.max_unanswered = 0 is out of range (1–5)"),
        "{err}"
    );
}

fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn item4_export_out_writes_through_a_symlink_and_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let t = Tracker::new();
    t.acme();
    let real = t.dir().join("private.json");
    std::fs::write(&real, "old").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = t.dir().join("link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    t.ok(&["export", "--out", link.to_str().unwrap()]);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written = std::fs::read_to_string(&real).unwrap();
    assert!(written.contains("\"company\": \"Acme\""), "{written}");
    assert_eq!(mode(&real), 0o600);
    // A new file is personal data: 0600.
    let fresh = t.dir().join("fresh.json");
    t.ok(&["export", "--out", fresh.to_str().unwrap()]);
    assert_eq!(mode(&fresh), 0o600);
}

fn item4_a_user_file_named_like_the_old_temp_name_is_untouched() {
    let t = Tracker::new();
    t.acme();
    let mine = t.dir().join("export.followup-export.tmp");
    std::fs::write(&mine, "mine").unwrap();
    let target = t.dir().join("export.json");
    t.ok(&["export", "--out", target.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "mine");
    // Nothing but the export, the user's file and the database folder is left.
    let names: Vec<String> = std::fs::read_dir(t.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "data" && !n.starts_with("xdg") && n != "home")
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.ends_with(".tmp") || n == "export.followup-export.tmp"),
        "{names:?}"
    );
}

fn item4_a_target_that_is_not_a_regular_file_is_exit_2_and_dash_is_stdout() {
    let t = Tracker::new();
    t.acme();
    let folder = t.dir().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let err = t.fails(&["export", "--out", folder.to_str().unwrap()]);
    assert!(err.contains("is not a regular file"), "{err}");
    assert!(folder.is_dir() && std::fs::read_dir(&folder).unwrap().count() == 0);
    // A socket stands in for a device (a test never risks a real device node).
    let socket = t.dir().join("socket");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let err = t.fails(&["export", "--out", socket.to_str().unwrap()]);
    assert!(err.contains("is not a regular file"), "{err}");
    let out = t.ok(&["export", "--out", "-"]);
    assert!(out.starts_with('['), "{out}");
    assert!(!t.dir().join("-").exists());
}

fn item4_a_corrupt_row_exports_every_readable_process_and_exits_2() {
    let t = Tracker::new();
    t.acme();
    t.ok(&[
        "add",
        "Globex",
        "--role",
        "Analyst",
        "--tz",
        "UTC",
        "--now",
        "2026-05-05T18:00",
    ]);
    t.ok(&[
        "add",
        "Initech",
        "--role",
        "Dev",
        "--tz",
        "UTC",
        "--now",
        "2026-05-05T18:00",
    ]);
    let db = rusqlite::Connection::open(t.db()).unwrap();
    db.execute(
        "UPDATE processes SET holidays = '{not json' WHERE handle = 'globex-analyst'",
        [],
    )
    .unwrap();
    drop(db);
    let out = t.cmd(&["export"]).assert().code(2);
    let output = out.get_output();
    let docs: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let companies: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["company"].as_str().unwrap())
        .collect();
    assert_eq!(companies, ["Acme", "Initech"]);
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("globex-analyst") && err.contains("holidays"),
        "{err}"
    );
    // With --out too: the file holds the readable processes, and the exit code is 2.
    let file = t.dir().join("partial.json");
    t.cmd(&["export", "--out", file.to_str().unwrap()])
        .assert()
        .code(2);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("Initech") && !text.contains("Globex"),
        "{text}"
    );
}

fn item7_reading_commands_work_in_a_read_only_folder_and_write_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let t = Tracker::new();
    let handle = t.acme();
    let data = t.db().parent().unwrap().to_owned();
    let snapshot = || {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&data)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let name = e.file_name().to_string_lossy().into_owned();
                (name, std::fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    };
    let before = snapshot();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o555)).unwrap();
    let list = t.cmd(&["list", "--now", "2026-05-06"]).assert();
    let next = t.cmd(&["next", "--now", "2026-05-06"]).assert();
    let show = t.cmd(&["show", &handle, "--now", "2026-05-06"]).assert();
    let export = t.cmd(&["export"]).assert();
    let after = snapshot();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    let list = list.success();
    assert!(String::from_utf8_lossy(&list.get_output().stdout).contains(&handle));
    next.success();
    show.success();
    let export = export.success();
    assert!(String::from_utf8_lossy(&export.get_output().stdout).contains("Acme"));
    assert_eq!(
        after, before,
        "the database folder is byte for byte as it was"
    );
}

fn item7_reading_commands_without_a_database_create_none() {
    let t = Tracker::new();
    t.ok(&["list", "--now", "2026-05-06"]);
    t.ok(&["next", "--now", "2026-05-06"]);
    assert_eq!(t.ok(&["export"]).trim(), "[]");
    assert!(!t.db().exists());
}
