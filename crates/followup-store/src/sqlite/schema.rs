//! The database schema as an ordered list of migrations; `PRAGMA user_version` counts how many
//! have run. Each migration runs in its own transaction, so a failure leaves the previous
//! version intact. Never edit a released migration: append a new one.

/// The migrations, oldest first. Index `i` brings the schema from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[V1, V2, V3];

/// The newest schema version this build knows.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

/// Version 1: the history of changes, processes and their event log.
const V1: &str = "
CREATE TABLE changes (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    summary   TEXT NOT NULL,
    undoes    INTEGER REFERENCES changes(id),
    undone_by INTEGER REFERENCES changes(id)
);
CREATE TABLE processes (
    key        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL,
    handle     TEXT NOT NULL,
    company    TEXT NOT NULL,
    role       TEXT NOT NULL,
    timezone   TEXT NOT NULL,
    contacts   TEXT NOT NULL,
    holidays   TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES changes(id),
    hidden_by  INTEGER REFERENCES changes(id)
);
-- Ids and handles are unique among visible processes; an undone add frees them.
CREATE UNIQUE INDEX processes_visible_id ON processes(id) WHERE hidden_by IS NULL;
CREATE UNIQUE INDEX processes_visible_handle ON processes(handle) WHERE hidden_by IS NULL;
CREATE TABLE events (
    seq       INTEGER PRIMARY KEY,
    process   INTEGER NOT NULL REFERENCES processes(key),
    id        TEXT NOT NULL,
    at_s      INTEGER NOT NULL,
    at_ns     INTEGER NOT NULL,
    type      TEXT NOT NULL,
    data      TEXT NOT NULL,
    change    INTEGER NOT NULL REFERENCES changes(id),
    undone_by INTEGER REFERENCES changes(id)
);
-- Loading a timeline reads this index in order: by process, then time, then write order.
CREATE INDEX events_timeline ON events(process, at_s, at_ns, seq);
CREATE UNIQUE INDEX events_visible_id ON events(process, id) WHERE undone_by IS NULL;
";

/// Version 2: `undo` finds the rows a change wrote through an index instead of scanning the
/// whole log (an undone import of 100,000 events otherwise reads every row twice).
const V2: &str = "
CREATE INDEX events_by_change ON events(change);
CREATE INDEX processes_by_change ON processes(created_by);
";

/// Version 3: each process carries its live timeline as the advisor reads it (see
/// [`super::advice_timeline`]), so `next` and `list` read one row per process instead of ten
/// event rows. The triggers mark it stale (NULL) on any change to the process's events, by
/// any writer; the store rebuilds stale ones before each write commits, and [`after`] builds
/// them all for a migrated database.
const V3: &str = "
ALTER TABLE processes ADD COLUMN advice_timeline BLOB;
CREATE INDEX processes_stale_timeline ON processes(key) WHERE advice_timeline IS NULL;
CREATE TRIGGER events_insert_stales_timeline AFTER INSERT ON events BEGIN
    UPDATE processes SET advice_timeline = NULL
    WHERE key = NEW.process AND advice_timeline IS NOT NULL;
END;
CREATE TRIGGER events_update_stales_timeline AFTER UPDATE ON events BEGIN
    UPDATE processes SET advice_timeline = NULL
    WHERE key IN (OLD.process, NEW.process) AND advice_timeline IS NOT NULL;
END;
CREATE TRIGGER events_delete_stales_timeline AFTER DELETE ON events BEGIN
    UPDATE processes SET advice_timeline = NULL
    WHERE key = OLD.process AND advice_timeline IS NOT NULL;
END;
";

/// What migrating to `version` needs beyond its SQL, run in the same transaction.
pub(crate) fn after(version: u32, conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    if version == 3 {
        super::advice_timeline::refresh_stale(conn)?;
    }
    Ok(())
}
