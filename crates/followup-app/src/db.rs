//! The tracker database: where it lives, opening it, and its failures as errors people can
//! act on.

use std::path::{Path, PathBuf};

use followup_store::{SqliteStore, StoreError};

use crate::error::UserError;
use crate::input;

/// The database path: `--db` / `FOLLOWUP_DB`, else `$XDG_DATA_HOME/followup/followup.db`, else
/// `~/.local/share/followup/followup.db`.
pub fn db_path(db: Option<&Path>) -> Result<PathBuf, UserError> {
    db_path_from(db, |key| std::env::var_os(key))
}

/// [`db_path`] with the environment passed in, for tests.
fn db_path_from(
    db: Option<&Path>,
    env: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> Result<PathBuf, UserError> {
    if let Some(path) = db {
        if path.as_os_str().is_empty() {
            return Err(UserError::new(
                "--db: the path is empty",
                "name a file, like --db ~/followup.db",
            ));
        }
        return Ok(path.to_owned());
    }
    let set = |key: &str| env(key).filter(|v| !v.is_empty()).map(PathBuf::from);
    let dir = match (set("XDG_DATA_HOME"), set("HOME")) {
        // The XDG spec says relative values are to be ignored.
        (Some(xdg), _) if xdg.is_absolute() => xdg,
        (_, Some(home)) => home.join(".local").join("share"),
        _ => {
            return Err(UserError::new(
                "cannot tell where to keep the tracker: neither XDG_DATA_HOME nor HOME is set",
                "set FOLLOWUP_DB or pass --db PATH",
            ));
        }
    };
    Ok(dir.join("followup").join("followup.db"))
}

/// Opens (creating if needed) the tracker database at `db`, else at [`db_path`]'s default.
pub fn open(db: Option<&Path>) -> Result<SqliteStore, UserError> {
    let path = db_path(db)?;
    tracing::debug!(path = %path.display(), "opening the tracker database");
    SqliteStore::open(&path, input::zones().clone()).map_err(store_error)
}

/// Opens the tracker database for a command that only reads: read-only when the file exists
/// at the current schema; an empty store in memory when there is no database yet (nothing is
/// created); the ordinary [`open`] when it must be migrated first.
pub fn open_read_only(db: Option<&Path>) -> Result<SqliteStore, UserError> {
    let path = db_path(db)?;
    tracing::debug!(path = %path.display(), "opening the tracker database read-only");
    match SqliteStore::open_read_only(&path, input::zones().clone()).map_err(store_error)? {
        Some(store) => Ok(store),
        None if !path.exists() => {
            SqliteStore::in_memory(input::zones().clone()).map_err(store_error)
        }
        None => open(Some(&path)),
    }
}

/// A store failure as one line and a hint.
pub fn store_error(err: StoreError) -> UserError {
    let message = err.to_string();
    let hint = match &err {
        StoreError::UnknownHandle {
            closest: Some(c), ..
        } => format!("did you mean {c}? followup list shows every handle"),
        StoreError::UnknownHandle { closest: None, .. } => {
            "nothing is tracked yet: add a process with followup add COMPANY --role ROLE".to_owned()
        }
        StoreError::NotADatabase { .. }
        | StoreError::Corrupt { .. }
        | StoreError::NotFollowup { .. } => {
            "point --db (or FOLLOWUP_DB) at your followup database, or move this file away"
                .to_owned()
        }
        StoreError::TooNew { .. } => {
            "use a newer followup, or a copy of the database this version wrote".to_owned()
        }
        StoreError::Open { .. } => {
            "choose a writable location with --db PATH or FOLLOWUP_DB".to_owned()
        }
        StoreError::Migrate { path, .. } => format!(
            "the database was not changed; check free space and permissions near {}",
            path.display()
        ),
        StoreError::Busy => "another followup is writing to the database; try again".to_owned(),
        StoreError::HandleTaken { .. } | StoreError::DuplicateId { .. } => {
            "followup list shows the processes already tracked".to_owned()
        }
        StoreError::UnknownZone(_) => {
            "use an IANA name like \"Europe/Lisbon\" or \"America/Sao_Paulo\"".to_owned()
        }
        _ => "if this persists, export your data with followup export and report it".to_owned(),
    };
    UserError::new(message, hint)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<OsString> {
        move |key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn db_flag_wins_then_xdg_then_home() {
        let flag = Some(Path::new("/tmp/x.db"));
        assert_eq!(
            db_path_from(flag, env(&[("XDG_DATA_HOME", "/xdg")])).unwrap(),
            PathBuf::from("/tmp/x.db")
        );
        let none = None;
        assert_eq!(
            db_path_from(none, env(&[("XDG_DATA_HOME", "/xdg"), ("HOME", "/h")])).unwrap(),
            PathBuf::from("/xdg/followup/followup.db")
        );
        assert_eq!(
            db_path_from(none, env(&[("XDG_DATA_HOME", "rel"), ("HOME", "/h")])).unwrap(),
            PathBuf::from("/h/.local/share/followup/followup.db")
        );
        assert!(db_path_from(none, env(&[])).is_err());
    }
}
