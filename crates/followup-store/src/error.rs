//! What can go wrong in the store, each case worded for the person at the keyboard.

use std::path::PathBuf;

/// A store failure. Messages are one line; the binary adds a hint.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The file exists but is not an SQLite database; it was left untouched.
    #[error("{path} is not a followup database (not an SQLite file); it was left untouched")]
    NotADatabase {
        /// The file.
        path: PathBuf,
    },
    /// The file looks like SQLite but cannot be read.
    #[error("{path} is damaged and cannot be read ({detail}); it was left untouched")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// SQLite's words.
        detail: String,
    },
    /// The file is an SQLite database of some other program; it was left untouched.
    #[error("{path} is an SQLite database but not a followup one; it was left untouched")]
    NotFollowup {
        /// The file.
        path: PathBuf,
    },
    /// The database was written by a newer followup.
    #[error(
        "{path} was written by a newer followup (schema version {found}; this one knows up to {supported})"
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Its schema version.
        found: u32,
        /// The newest this build knows.
        supported: u32,
    },
    /// The database file or its folder cannot be created or opened.
    #[error("cannot open {path}: {detail}")]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        detail: String,
    },
    /// Migrating an older database failed before it could be backed up or upgraded.
    #[error("cannot upgrade {path}: {detail}")]
    Migrate {
        /// The file.
        path: PathBuf,
        /// Why.
        detail: String,
    },
    /// No visible process has this handle.
    #[error("no process named {handle:?}{}", closest.as_ref().map(|c| format!(" (did you mean {c:?}?)")).unwrap_or_default())]
    UnknownHandle {
        /// What was asked for.
        handle: String,
        /// The closest existing handle, if any process exists.
        closest: Option<String>,
    },
    /// The process has no visible event with this id.
    #[error("{handle} has no event with id {id:?}")]
    UnknownEvent {
        /// The process's handle.
        handle: String,
        /// The id asked for.
        id: String,
    },
    /// A handle asked for explicitly is already used by another process.
    #[error("the handle {handle:?} is already used by another process")]
    HandleTaken {
        /// The handle.
        handle: String,
    },
    /// A process with this id already exists (adding it again would duplicate it).
    #[error("a process with id {id:?} already exists")]
    DuplicateId {
        /// The id.
        id: String,
    },
    /// A process names a time zone this build does not know.
    #[error("unknown time zone {0:?}")]
    UnknownZone(String),
    /// Another program held the database longer than the busy timeout.
    #[error("the database is busy (another followup is writing); try again")]
    Busy,
    /// A stored row cannot be turned back into a process (edited by hand, or a zone vanished).
    #[error("stored data cannot be read: {0}")]
    Data(String),
    /// Any other SQLite failure.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// Wraps an SQLite error, naming busy and damaged databases plainly.
    pub(crate) fn from_sqlite(err: rusqlite::Error, path: &std::path::Path) -> StoreError {
        use rusqlite::ErrorCode;
        match err.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase {
                path: path.to_owned(),
            },
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
                path: path.to_owned(),
                detail: err.to_string(),
            },
            Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => {
                StoreError::Open {
                    path: path.to_owned(),
                    detail: err.to_string(),
                }
            }
            _ => StoreError::Sqlite(err),
        }
    }
}
