//! The tracker's database under stress: damaged, foreign, newer and older files, unwritable
//! places, and two `followup` processes writing at once.

use std::path::Path;

use crate::tracker::Tracker;

/// The committed database written by the store's version-1 schema.
fn v1_fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../followup-store/tests/fixtures/v1.db")
}

#[test]
fn a_corrupt_database_is_refused_and_left_untouched() {
    let t = Tracker::new();
    std::fs::create_dir_all(t.db().parent().unwrap()).unwrap();
    let garbage = b"this is not a database at all, just some bytes\n".repeat(100);
    std::fs::write(t.db(), &garbage).unwrap();
    for args in [
        vec!["list"],
        vec!["next", "--now", "2026-05-06"],
        vec!["add", "Acme", "--role", "Dev", "--tz", "UTC"],
        vec!["undo"],
    ] {
        let err = t.fails(&args);
        assert!(err.contains("is not a followup database"), "{err}");
        assert!(err.contains("left untouched"), "{err}");
        assert!(err.contains("hint:"), "{err}");
    }
    assert_eq!(std::fs::read(t.db()).unwrap(), garbage);
    let mut names: Vec<_> = std::fs::read_dir(t.db().parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["followup.db"], "no journal, WAL or backup created");
}

#[test]
fn a_damaged_sqlite_file_is_refused_and_left_untouched() {
    let t = Tracker::new();
    std::fs::create_dir_all(t.db().parent().unwrap()).unwrap();
    let mut bytes = std::fs::read(v1_fixture()).unwrap();
    for b in bytes.iter_mut().skip(100).take(4000) {
        *b = 0x5A;
    }
    std::fs::write(t.db(), &bytes).unwrap();
    let err = t.fails(&["list"]);
    assert!(err.contains("left untouched"), "{err}");
    assert_eq!(std::fs::read(t.db()).unwrap(), bytes);
}

#[test]
fn an_unwritable_location_is_a_clear_error() {
    // A path under a regular file fails even for root.
    let t = Tracker::new();
    let blocker = t.dir().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let db = blocker.join("followup.db");
    let err = t.fails(&["add", "Acme", "--role", "Dev", "--db", db.to_str().unwrap()]);
    assert!(err.contains("cannot open"), "{err}");
    assert!(err.contains("cannot create the folder"), "{err}");
    assert!(err.contains("hint: choose a writable location"), "{err}");
    assert_eq!(std::fs::read(&blocker).unwrap(), b"x");
}

#[test]
fn db_flag_overrides_the_environment() {
    let t = Tracker::new();
    let other = t.dir().join("elsewhere.db");
    let out = t.ok(&[
        "add",
        "Acme",
        "--role",
        "Dev",
        "--tz",
        "UTC",
        "--db",
        other.to_str().unwrap(),
    ]);
    assert_eq!(out.lines().next(), Some("acme-dev"));
    assert!(other.exists());
    assert!(!t.db().exists());
    // --db after a log subcommand works too (global flag).
    t.ok(&[
        "log",
        "acme-dev",
        "interview",
        "--now",
        "2026-05-06",
        "--db",
        other.to_str().unwrap(),
    ]);
}

#[test]
fn a_v1_database_is_backed_up_and_migrated() {
    let t = Tracker::new();
    std::fs::create_dir_all(t.db().parent().unwrap()).unwrap();
    std::fs::copy(v1_fixture(), t.db()).unwrap();
    let original = std::fs::read(t.db()).unwrap();
    let out = t.ok(&["list", "--now", "2026-05-06"]);
    assert!(out.contains("acme-backend"), "{out}");
    let backup = t.db().with_file_name("followup.db.bak-v1");
    assert_eq!(std::fs::read(&backup).unwrap().len(), original.len());
    // The undone promise of the fixture stays undone; the interview anchors the advice.
    let json = t.json(&["next", "--now", "2026-05-06"]);
    assert_eq!(json[0]["advice"]["rule"], "no-promise");
    t.ok(&[
        "log",
        "acme-backend",
        "promise",
        "friday",
        "--now",
        "2026-05-06",
    ]);
}

#[test]
fn a_database_from_a_newer_followup_is_refused() {
    let t = Tracker::new();
    std::fs::create_dir_all(t.db().parent().unwrap()).unwrap();
    let mut bytes = std::fs::read(v1_fixture()).unwrap();
    // The header's user_version (schema version) is the big-endian u32 at offset 60.
    bytes[60..64].copy_from_slice(&99u32.to_be_bytes());
    std::fs::write(t.db(), &bytes).unwrap();
    let err = t.fails(&["list"]);
    assert!(
        err.contains("written by a newer followup (schema version 99"),
        "{err}"
    );
    assert!(err.contains("hint: use a newer followup"), "{err}");
    assert_eq!(std::fs::read(t.db()).unwrap(), bytes);
}

/// Two `followup` processes writing the same file at once lose nothing: two workers each run
/// 50 `followup log` commands back to back, at the same time.
#[test]
fn concurrent_writers_lose_nothing() {
    const PER_WORKER: usize = 50;
    let t = Tracker::new();
    t.ok(&[
        "add",
        "Acme",
        "--role",
        "Dev",
        "--tz",
        "UTC",
        "--now",
        "2026-05-01",
    ]);
    t.ok(&[
        "add",
        "Globex",
        "--role",
        "Dev",
        "--tz",
        "UTC",
        "--now",
        "2026-05-01",
    ]);
    std::thread::scope(|scope| {
        for handle in ["acme-dev", "globex-dev"] {
            let t = &t;
            scope.spawn(move || {
                for i in 0..PER_WORKER {
                    let at = format!("2026-05-04 {:02}:{:02}", 8 + i / 60, i % 60);
                    t.ok(&["log", handle, "reply", "--at", &at, "--now", "2026-05-06"]);
                    // Both workers also touch a shared process, so their writes interleave.
                    t.ok(&[
                        "log",
                        "acme-dev",
                        "sent",
                        "other",
                        "--at",
                        &at,
                        "--now",
                        "2026-05-06",
                    ]);
                }
            });
        }
    });
    let export = t.json(&["export"]);
    let count = |i: usize, kind: &str| {
        export[i]["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["type"] == kind)
            .count()
    };
    assert_eq!(count(0, "reply"), PER_WORKER);
    assert_eq!(count(0, "sent"), 2 * PER_WORKER);
    assert_eq!(count(1, "reply"), PER_WORKER);
    let history = t.json(&["undo"]);
    assert!(history["undone"]["change"].as_i64().unwrap() >= 202);
}
