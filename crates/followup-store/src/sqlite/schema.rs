//! The database schema as an ordered list of migrations; `PRAGMA user_version` counts how many
//! have run. Each migration runs in its own transaction, so a failure leaves the previous
//! version intact. Never edit a released migration: append a new one.

/// The migrations, oldest first. Index `i` brings the schema from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8];

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

/// Version 3 (superseded by version 4): each process cached its live timeline in a packed
/// column kept stale by triggers. Kept as released so version-2 files migrate step by step.
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

/// Version 4: one encoding of an event. Every field is a typed column (NULL where the event's
/// type has no such field), read by name instead of from a JSON payload; the cached timeline of
/// version 3 and its triggers are dropped. A new field of the format is a new nullable column.
///
/// Values: enums as the document spells them, dates as `YYYY-MM-DD`, flags as 0/1, lists
/// (topics, interviewers, recipients) as JSON arrays of strings. The old payloads are read with
/// SQLite's JSON functions, inside the migration's transaction.
const V4: &str = "
DROP TRIGGER events_insert_stales_timeline;
DROP TRIGGER events_update_stales_timeline;
DROP TRIGGER events_delete_stales_timeline;
DROP INDEX processes_stale_timeline;
ALTER TABLE processes DROP COLUMN advice_timeline;
CREATE TABLE events_v4 (
    seq                INTEGER PRIMARY KEY,
    process            INTEGER NOT NULL REFERENCES processes(key),
    id                 TEXT NOT NULL,
    at_s               INTEGER NOT NULL,
    at_ns              INTEGER NOT NULL,
    type               TEXT NOT NULL,
    change             INTEGER NOT NULL REFERENCES changes(id),
    undone_by          INTEGER REFERENCES changes(id),
    -- interview
    rapport            TEXT,
    reinforce_interest INTEGER,
    stage              TEXT,
    topics             TEXT,
    interviewers       TEXT,
    -- promise
    promised_by        TEXT,
    -- sent
    message_kind       TEXT,
    subject            TEXT,
    body               TEXT,
    recipients         TEXT,
    -- reply (and body)
    sender             TEXT,
    -- context-change
    reason             TEXT,
    is_real            INTEGER,
    deadline           TEXT,
    -- closed
    outcome            TEXT,
    -- promise, context-change, closed, reopened
    note               TEXT
);
INSERT INTO events_v4
SELECT seq, process, id, at_s, at_ns, type, change, undone_by,
    CASE type WHEN 'interview' THEN coalesce(data ->> '$.rapport', 'formal') END,
    CASE type WHEN 'interview' THEN coalesce(data ->> '$.reinforce_interest', 0) END,
    data ->> '$.stage',
    data -> '$.topics',
    data -> '$.with',
    data ->> '$.by',
    data ->> '$.kind',
    data ->> '$.subject',
    data ->> '$.body',
    data -> '$.to',
    data ->> '$.from',
    data ->> '$.reason',
    CASE type WHEN 'context-change' THEN coalesce(data ->> '$.real', 0) END,
    data ->> '$.deadline',
    data ->> '$.outcome',
    data ->> '$.note'
FROM events;
DROP TABLE events;
ALTER TABLE events_v4 RENAME TO events;
CREATE INDEX events_timeline ON events(process, at_s, at_ns, seq);
CREATE UNIQUE INDEX events_visible_id ON events(process, id) WHERE undone_by IS NULL;
CREATE INDEX events_by_change ON events(change);
";

/// Version 5: the events and fields of format 2. A reply's `asks` and `respond_by`; the mail
/// `message_id` of a sent message, a reply, an offer or an away notice; an application's `url`
/// and `source`; an away notice's `until`. An offer keeps its `deadline` and `note`, and a note
/// event its `text`, in the columns of those names. A process gains its free-text details.
/// Every new column is nullable, so older rows read as they did (a reply without `asks` asks
/// nothing).
const V5: &str = "
ALTER TABLE events ADD COLUMN asks TEXT;
ALTER TABLE events ADD COLUMN respond_by TEXT;
ALTER TABLE events ADD COLUMN message_id TEXT;
ALTER TABLE events ADD COLUMN url TEXT;
ALTER TABLE events ADD COLUMN source TEXT;
ALTER TABLE events ADD COLUMN away_until TEXT;
ALTER TABLE processes ADD COLUMN url TEXT;
ALTER TABLE processes ADD COLUMN location TEXT;
ALTER TABLE processes ADD COLUMN salary TEXT;
ALTER TABLE processes ADD COLUMN notes TEXT;
";

/// Version 6: corrections (`edit`, `rm`), `redo` and `purge`. A change that replaces or removes
/// a row hides it and names itself in the row's `removed_by` (kept, so `undo` shows the row
/// again and `redo` hides it again); a replaced event is a new row with the same id. A process's
/// fields are edited in place: `process_edits` keeps, per edit, the version not applied now
/// (the old one while the edit stands), and undo and redo swap it back. A redo entry names the
/// change it re-applied in `redoes`; a purge entry (`purge = 1`) is the start of the history
/// left after erasing everything hidden, and neither undo nor redo goes past it.
const V6: &str = "
ALTER TABLE changes ADD COLUMN redoes INTEGER REFERENCES changes(id);
ALTER TABLE changes ADD COLUMN purge INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN removed_by INTEGER REFERENCES changes(id);
ALTER TABLE processes ADD COLUMN removed_by INTEGER REFERENCES changes(id);
CREATE INDEX events_by_removal ON events(removed_by) WHERE removed_by IS NOT NULL;
CREATE INDEX processes_by_removal ON processes(removed_by) WHERE removed_by IS NOT NULL;
CREATE TABLE process_edits (
    seq      INTEGER PRIMARY KEY,
    change   INTEGER NOT NULL REFERENCES changes(id),
    process  INTEGER NOT NULL REFERENCES processes(key),
    company  TEXT NOT NULL,
    role     TEXT NOT NULL,
    timezone TEXT NOT NULL,
    contacts TEXT NOT NULL,
    holidays TEXT NOT NULL,
    url      TEXT,
    location TEXT,
    salary   TEXT,
    notes    TEXT
);
CREATE INDEX process_edits_by_change ON process_edits(change);
";

/// Version 7: mail import. `mail_seen` remembers every message an import read (its
/// `message_id` and the process it went to, if any), so importing a mailbox twice changes
/// nothing even for mail that logged no event (ignored, unmatched, a receipt, a decline).
/// Undo flags a change's rows like its events (`undone_by`), redo clears the flag, purge
/// erases the flagged ones.
const V7: &str = "
CREATE TABLE mail_seen (
    seq        INTEGER PRIMARY KEY,
    message_id TEXT NOT NULL,
    process    INTEGER REFERENCES processes(key),
    change     INTEGER NOT NULL REFERENCES changes(id),
    undone_by  INTEGER REFERENCES changes(id)
);
CREATE INDEX mail_seen_by_change ON mail_seen(change);
";

/// Version 8: the calendar. An interview booked from an invitation keeps the invitation's
/// `UID` and `SEQUENCE` (an update or a cancellation finds it by them); the calendar feed's
/// token is kept as its SHA-256 digest only, one row at most.
const V8: &str = "
ALTER TABLE events ADD COLUMN invitation_uid TEXT;
ALTER TABLE events ADD COLUMN invitation_sequence INTEGER;
CREATE TABLE feed_token (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    sha256     TEXT NOT NULL,
    created_at TEXT NOT NULL
);
";
