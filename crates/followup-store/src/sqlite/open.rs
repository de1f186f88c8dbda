//! Opening a database file safely: look before writing, refuse what is not ours or too new,
//! back up before migrating.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::schema::{LATEST, MIGRATIONS};
use crate::error::StoreError;

/// How long a command waits for another one's write before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The first 16 bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Opens the database at `path` ready for use: created if missing, checked, migrated.
pub(super) fn open(path: &Path) -> Result<Connection, StoreError> {
    let open_err = |detail: String| StoreError::Open {
        path: path.to_owned(),
        detail,
    };
    check_file(path)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| {
            open_err(format!(
                "cannot create the folder {}: {e}",
                parent.display()
            ))
        })?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite_err(e, path))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| sqlite_err(e, path))?;

    // Read before writing anything: damaged or foreign files must stay as they were.
    let version = user_version(&conn).map_err(|e| sqlite_err(e, path))?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| sqlite_err(e, path))?;
    if version == 0 && objects > 0 {
        return Err(StoreError::NotFollowup {
            path: path.to_owned(),
        });
    }
    if version > LATEST {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found: version,
            supported: LATEST,
        });
    }

    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
        .map_err(|e| sqlite_err(e, path))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(open_err(format!(
            "cannot switch to write-ahead logging (journal mode stays {mode})"
        )));
    }
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(|e| sqlite_err(e, path))?;
    // Safe with WAL: a power cut may lose the last commit, never corrupt the file.
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(|e| sqlite_err(e, path))?;

    if version < LATEST {
        if version > 0 {
            backup(&conn, path, version)?;
        }
        migrate(&conn, path)?;
    }
    Ok(conn)
}

/// Opens an existing database only to read it (`SQLITE_OPEN_READ_ONLY`): commands that only
/// read never write, so a database in a read-only folder still lists and exports (issue 9,
/// item 7). In a folder without write permission SQLite cannot create the WAL index (`-shm`),
/// so the file is opened `immutable=1` (no locks, no index). `None` when reading needs a
/// writer first: no file, an empty one, or an older schema to migrate.
pub(super) fn open_read_only(path: &Path) -> Result<Option<Connection>, StoreError> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == 0 => return Ok(None),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(_) => {} // `check_file` names it.
    }
    check_file(path)?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let folder_read_only = std::fs::metadata(&folder)
        .map(|m| m.permissions().readonly())
        .unwrap_or(false);
    let conn = match read_only_connection(path, folder_read_only) {
        Ok(conn) => conn,
        // Write permission can be missing without the mode saying so (another owner, a
        // read-only mount): then SQLite fails to set up the WAL index, and immutable reads it.
        Err(_) if !folder_read_only && !has_pending_wal(path) => read_only_connection(path, true)?,
        Err(e) => return Err(e),
    };
    let version = user_version(&conn).map_err(|e| sqlite_err(e, path))?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| sqlite_err(e, path))?;
    if version == 0 && objects > 0 {
        return Err(StoreError::NotFollowup {
            path: path.to_owned(),
        });
    }
    if version > LATEST {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found: version,
            supported: LATEST,
        });
    }
    if version < LATEST {
        return Ok(None);
    }
    Ok(Some(conn))
}

/// A read-only connection to `path` that has answered a first query.
fn read_only_connection(path: &Path, immutable: bool) -> Result<Connection, StoreError> {
    let mut uri = format!("file:{}?mode=ro", uri_path(path));
    if immutable {
        uri.push_str("&immutable=1");
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(&uri, flags).map_err(|e| sqlite_err(e, path))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| sqlite_err(e, path))?;
    // Opening is lazy: the first read is where a missing WAL index shows.
    user_version(&conn).map_err(|e| sqlite_err(e, path))?;
    Ok(conn)
}

/// Whether a `-wal` file with content sits beside the database: commits `immutable=1` would
/// not see, so it is not used then.
fn has_pending_wal(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}

/// `path` for an SQLite `file:` URI: every byte but unreserved ones and `/` percent-encoded.
fn uri_path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut out = String::new();
    for &b in absolute.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A fresh database in memory, at the latest schema: gone when the connection closes.
pub(super) fn open_in_memory() -> Result<Connection, StoreError> {
    let path = Path::new(MEMORY);
    let conn = Connection::open_in_memory().map_err(|e| sqlite_err(e, path))?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(|e| sqlite_err(e, path))?;
    migrate(&conn, path)?;
    Ok(conn)
}

/// The name an in-memory database goes by in messages.
pub(super) const MEMORY: &str = ":memory:";

fn sqlite_err(err: rusqlite::Error, path: &Path) -> StoreError {
    StoreError::from_sqlite(err, path)
}

/// Refuses an existing non-empty file that does not start like an SQLite database.
fn check_file(path: &Path) -> Result<(), StoreError> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        // A parent that is a regular file shows up as "not a directory": let the folder
        // creation below report it with the folder's name.
        Err(e) if e.raw_os_error() == Some(20) => return Ok(()),
        Err(e) => {
            return Err(StoreError::Open {
                path: path.to_owned(),
                detail: e.to_string(),
            });
        }
    };
    if meta.is_dir() {
        return Err(StoreError::Open {
            path: path.to_owned(),
            detail: "it is a folder, not a file".to_owned(),
        });
    }
    if meta.len() == 0 {
        return Ok(());
    }
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path).and_then(|mut f| {
        let mut n = 0;
        while n < head.len() {
            let got = f.read(&mut head[n..])?;
            if got == 0 {
                break;
            }
            n += got;
        }
        Ok(n)
    });
    match read {
        Ok(16) if &head == SQLITE_MAGIC => Ok(()),
        Ok(_) => Err(StoreError::NotADatabase {
            path: path.to_owned(),
        }),
        Err(e) => Err(StoreError::Open {
            path: path.to_owned(),
            detail: e.to_string(),
        }),
    }
}

/// The schema version recorded in the file (0 for a new one).
pub(super) fn user_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Where the copy of a version-`version` database is kept before migrating it: `<db>.bak-v1`,
/// or `<db>.bak-v1.2`, `.3`, ... when earlier copies exist.
pub fn backup_path(path: &Path, version: u32) -> PathBuf {
    let base = format!("{}.bak-v{version}", path.display());
    let mut candidate = PathBuf::from(&base);
    let mut n = 2;
    while candidate.exists() {
        candidate = PathBuf::from(format!("{base}.{n}"));
        n += 1;
    }
    candidate
}

/// Writes a consistent copy of the database (WAL content included) next to it.
fn backup(conn: &Connection, path: &Path, version: u32) -> Result<(), StoreError> {
    let target = backup_path(path, version);
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])
        .map_err(|e| StoreError::Migrate {
            path: path.to_owned(),
            detail: format!("could not back it up to {} first: {e}", target.display()),
        })?;
    Ok(())
}

/// Runs each pending migration in its own transaction, re-reading the version under the write
/// lock so two commands opening an old file at once migrate it only once.
fn migrate(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let fail = |e: rusqlite::Error| match StoreError::from_sqlite(e, path) {
        StoreError::Sqlite(e) => StoreError::Migrate {
            path: path.to_owned(),
            detail: e.to_string(),
        },
        other => other,
    };
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        let target = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)
            .map_err(fail)?;
        if user_version(&tx).map_err(fail)? >= target {
            continue;
        }
        tx.execute_batch(sql).map_err(fail)?;
        tx.pragma_update(None, "user_version", target)
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
    }
    Ok(())
}
