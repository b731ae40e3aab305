//! Schema migrations, tracked by `PRAGMA user_version`. Each step is
//! additive (new tables, columns, indexes); nothing recorded is rewritten.
//! The version is the number of steps applied. A file with a higher
//! version than this build knows is refused, never "downgraded".

/// `PRAGMA application_id` of every kiroku case file: "KRKU".
pub const APPLICATION_ID: i32 = 0x4B52_4B55;

pub const MIGRATIONS: &[&str] = &[
    // 1: case metadata and the append-only entries.
    r#"
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER meta_case_id_fixed BEFORE UPDATE ON meta WHEN OLD.key = 'case_id'
    BEGIN SELECT RAISE(ABORT, 'kiroku: the case id cannot change'); END;
    CREATE TRIGGER meta_case_id_kept BEFORE DELETE ON meta WHEN OLD.key = 'case_id'
    BEGIN SELECT RAISE(ABORT, 'kiroku: the case id cannot be removed'); END;

    CREATE TABLE entries (
        seq          INTEGER PRIMARY KEY NOT NULL CHECK (seq > 0),
        kind         TEXT NOT NULL,
        occurred_utc INTEGER,
        channel      TEXT,
        sender       TEXT,
        address      TEXT,
        target       INTEGER,
        body         TEXT NOT NULL,
        prev_hash    TEXT NOT NULL,
        hash         TEXT NOT NULL
    ) STRICT;
    CREATE INDEX entries_by_time ON entries (occurred_utc, seq);
    CREATE INDEX entries_by_target ON entries (target) WHERE target IS NOT NULL;
    CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
    BEGIN SELECT RAISE(ABORT, 'kiroku: entries are append-only; record a correction instead'); END;
    CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
    BEGIN SELECT RAISE(ABORT, 'kiroku: entries are append-only; record a void entry instead'); END;
    "#,
    // 2: evidence files. From here on entries may hold `evidence` and be of
    // kind `attach`, which older builds cannot read: this step makes them
    // refuse the file as "made by a newer version" instead of reporting the
    // entries as damaged. The index serves queries by kind (attachments).
    r#"
    CREATE INDEX entries_by_kind ON entries (kind, seq);
    "#,
    // 3: the facts `stats` counts, in one covering index, so that counting
    // a million contacts reads the index alone and parses no body. SQLite
    // keeps the index in step with the hashed body itself; nothing is
    // copied or rewritten. The expressions must match `store::facts`.
    r#"
    CREATE INDEX entries_facts ON entries (
        kind, occurred_utc, channel, sender, address,
        json_extract(body, '$.count'),
        json_extract(body, '$.platform'),
        json_extract(body, '$.org'),
        json_extract(body, '$.direction')
    );
    "#,
    // 4: fingerprints of imported source records. One row per imported
    // entry, written in the same transaction; the unique key keeps a record
    // that was imported once from being imported again. (IF NOT EXISTS: a
    // file whose version number was set back still upgrades.)
    r#"
    CREATE TABLE IF NOT EXISTS import_fingerprints (
        fingerprint TEXT PRIMARY KEY NOT NULL,
        seq         INTEGER NOT NULL REFERENCES entries (seq)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER IF NOT EXISTS import_fingerprints_no_update BEFORE UPDATE ON import_fingerprints
    BEGIN SELECT RAISE(ABORT, 'kiroku: import fingerprints are append-only'); END;
    CREATE TRIGGER IF NOT EXISTS import_fingerprints_no_delete BEFORE DELETE ON import_fingerprints
    BEGIN SELECT RAISE(ABORT, 'kiroku: import fingerprints are append-only'); END;
    "#,
    // 5: trusted timestamps: the request, the TSA's response and the receipt
    // text stamped, for each `anchor` entry (whose hashed body holds their
    // SHA-256 values). Append-only like the entries. Entries of kind
    // `anchor` appear from here on, so older builds refuse the file.
    r#"
    CREATE TABLE IF NOT EXISTS anchors (
        seq     INTEGER PRIMARY KEY NOT NULL REFERENCES entries (seq),
        receipt TEXT NOT NULL,
        tsq     BLOB NOT NULL,
        tsr     BLOB NOT NULL
    ) STRICT;
    CREATE TRIGGER IF NOT EXISTS anchors_no_update BEFORE UPDATE ON anchors
    BEGIN SELECT RAISE(ABORT, 'kiroku: timestamps are append-only'); END;
    CREATE TRIGGER IF NOT EXISTS anchors_no_delete BEFORE DELETE ON anchors
    BEGIN SELECT RAISE(ABORT, 'kiroku: timestamps are append-only'); END;
    "#,
    // 6: when the case was last backed up, and when a reminder to back up
    // was last shown. Outside the chain: housekeeping, not the record, so
    // rows here may be replaced.
    r#"
    CREATE TABLE IF NOT EXISTS housekeeping (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    ) STRICT;
    "#,
    // 7: exhibit and transcript entries, and the `place` and `witnesses`
    // fields, appear from here on, so older builds refuse the file. The
    // index finds the exhibit and transcript entries of one file.
    r#"
    CREATE INDEX IF NOT EXISTS entries_by_file ON entries (
        json_extract(body, '$.exhibit.file'),
        json_extract(body, '$.transcript.file'),
        seq
    ) WHERE kind IN ('exhibit', 'transcript');
    "#,
];

pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}
