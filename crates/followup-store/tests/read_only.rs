//! Issue 9, item 7: a database in a folder whose write bit is cleared is opened read-only and
//! read without writing a byte. Root ignores permissions (CI runs as root), so the test checks
//! what does not depend on them — the open flags are read-only, a write is refused, the file
//! is byte-identical and no file appears beside it — and checks with `access(2)` (`test -w`)
//! that the folder is really unwritable only when not root.

#![allow(clippy::unwrap_used)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use followup_core::{Process, TimezoneSource};
use followup_store::{Change, Op, SqliteStore, Store};
use jiff::tz::TimeZoneDatabase;

fn process(company: &str) -> Process {
    Process {
        id: None,
        handle: None,
        company: company.to_owned(),
        role: "Engineer".to_owned(),
        timezone_name: "UTC".to_owned(),
        timezone_source: TimezoneSource::Document,
        timezone: jiff::tz::TimeZone::UTC,
        contacts: Vec::new(),
        holidays: Vec::new(),
        details: Default::default(),
        events: Vec::new(),
    }
}

fn change(company: &str) -> Change {
    Change {
        at: "2026-05-05T12:00:00Z".parse().unwrap(),
        summary: "add".to_owned(),
        ops: vec![Op::AddProcess(process(company))],
    }
}

/// The names in `dir` with each file's bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// Clears the folder's write bits; restores them when dropped so the temp folder can go.
struct ReadOnlyFolder<'a>(&'a Path);

impl<'a> ReadOnlyFolder<'a> {
    fn new(dir: &'a Path) -> Self {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        ReadOnlyFolder(dir)
    }
}

impl Drop for ReadOnlyFolder<'_> {
    fn drop(&mut self) {
        let _ = std::fs::set_permissions(self.0, std::fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn item7_a_database_in_a_read_only_folder_is_read_without_a_write() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let path = dir.join("followup.db");
    {
        let mut store = SqliteStore::open(&path, TimeZoneDatabase::bundled()).unwrap();
        store.apply(&change("Acme")).unwrap();
    }
    let before = snapshot(&dir);
    let _guard = ReadOnlyFolder::new(&dir);
    let writable = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("test -w '{}'", dir.display()))
        .status()
        .unwrap()
        .success();
    if is_root() {
        eprintln!("running as root: access(2) ignores the cleared write bit; skipping that check");
    } else {
        assert!(!writable, "access(2) says the folder is still writable");
    }

    let mut store = SqliteStore::open_read_only(&path, TimeZoneDatabase::bundled())
        .unwrap()
        .expect("a database at the latest schema opens read-only");
    assert!(
        store.is_read_only(),
        "the connection's open flags are read-only"
    );
    let processes = store.processes().unwrap();
    assert_eq!(processes.len(), 1);
    assert_eq!(processes[0].company, "Acme");
    assert_eq!(store.handles().unwrap().len(), 1);
    assert!(
        store.apply(&change("Globex")).is_err(),
        "a write is refused"
    );
    drop(store);
    assert_eq!(
        snapshot(&dir),
        before,
        "not a byte written, no -wal or -shm created"
    );
}

#[test]
fn item7_read_only_open_needs_nothing_written_for_a_writable_folder_either() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("followup.db");
    assert!(
        SqliteStore::open_read_only(&path, TimeZoneDatabase::bundled())
            .unwrap()
            .is_none(),
        "no database: nothing to read, and nothing is created"
    );
    assert!(!path.exists());
    {
        let mut store = SqliteStore::open(&path, TimeZoneDatabase::bundled()).unwrap();
        store.apply(&change("Acme")).unwrap();
    }
    let db_before = std::fs::read(&path).unwrap();
    let store = SqliteStore::open_read_only(&path, TimeZoneDatabase::bundled())
        .unwrap()
        .unwrap();
    assert!(store.is_read_only());
    assert_eq!(store.processes().unwrap().len(), 1);
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), db_before);
}
