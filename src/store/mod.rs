//! The case file: one SQLite database per case.
//!
//! * `application_id` marks it as a kiroku file; `user_version` counts the
//!   migrations applied (see [`migrations`]). Anything else is refused
//!   before SQLite may write to it.
//! * WAL, `synchronous=FULL`, foreign keys on, STRICT tables.
//! * Created owner-only (0600) and atomically: a half-made case file never
//!   appears under the real name.
//! * Appends read the head and write inside one `BEGIN IMMEDIATE`
//!   transaction, so concurrent writers queue instead of forking the chain.

pub mod facts;
mod housekeeping;
pub mod migrations;
mod sqlite_errors;

pub use sqlite_errors::map_sqlite_error;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use crate::chain;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Body, Kind, BODY_VERSION};
use crate::timeparse;

use migrations::{current_version, APPLICATION_ID, MIGRATIONS};

/// How long a writer waits for another before giving up with "busy".
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Case metadata, kept in the `meta` table.
#[derive(Debug, Clone)]
pub struct CaseMeta {
    pub case_id: String,
    pub title: Option<String>,
    pub counterparty: Option<String>,
    pub owner: Option<String>,
    pub tz: Tz,
    pub created_at: String,
}

/// An entry as stored: its number, hashes and parsed body.
#[derive(Debug, Clone)]
pub struct Stored {
    pub seq: u64,
    pub hash: String,
    pub prev_hash: String,
    pub body: Body,
}

/// A raw row, as read for verification and export (nothing parsed).
#[derive(Debug, Clone)]
pub struct RawRow {
    pub seq: i64,
    pub kind: String,
    pub occurred_utc: Option<i64>,
    pub channel: Option<String>,
    pub sender: Option<String>,
    pub address: Option<String>,
    pub target: Option<i64>,
    pub body: String,
    pub prev_hash: String,
    pub hash: String,
}

/// What is kept beside an `anchor` entry: the receipt text that was
/// stamped, the DER request (.tsq) and the TSA's DER response (.tsr).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorFiles {
    pub receipt: String,
    pub tsq: Vec<u8>,
    pub tsr: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadOnly,
    ReadWrite,
}

pub struct Case {
    conn: Connection,
    path: PathBuf,
    pub meta: CaseMeta,
}

/// Resolves the zone to record in a new case: `--tz`, else `TZ`, else the
/// system's zone, else UTC.
pub fn resolve_tz(explicit: Option<&str>) -> Result<Tz> {
    if let Some(name) = explicit {
        return name.trim().parse::<Tz>().map_err(|_| {
            Error::usage(crate::t!("core-unknown-tz", name = name.trim()))
                .with_hint(crate::t!("core-unknown-tz-hint"))
        });
    }
    Ok(system_tz().unwrap_or(Tz::UTC))
}

pub fn system_tz() -> Option<Tz> {
    if let Ok(tz) = std::env::var("TZ") {
        if let Ok(z) = tz.trim_start_matches(':').parse::<Tz>() {
            return Some(z);
        }
    }
    iana_time_zone::get_timezone().ok()?.parse().ok()
}

fn random_suffix() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_string()
}

/// Checks the first 100 bytes of an existing file before SQLite touches it.
fn check_header(path: &Path) -> Result<()> {
    let shown = path.display();
    let mut f = fs::File::open(path).map_err(|e| Error::from_io(e, &shown.to_string()))?;
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(
            Error::case_file(crate::t!("core-case-is-folder", path = shown.to_string()))
                .with_hint(crate::t!("core-case-is-folder-hint")),
        );
    }
    let mut header = [0u8; 100];
    let mut read = 0;
    while read < header.len() {
        match f.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(Error::from_io(e, &shown.to_string())),
        }
    }
    let not_case = |why: String| {
        Error::case_file(crate::t!(
            "core-case-foreign",
            path = shown.to_string(),
            why = why
        ))
        .with_hint(crate::t!("core-case-foreign-hint"))
    };
    if read == 0 {
        return Err(not_case(crate::t!("core-case-foreign-empty")));
    }
    if read < 100 || &header[..16] != b"SQLite format 3\0" {
        return Err(not_case(crate::t!("core-case-foreign-not-sqlite")));
    }
    let app_id = i32::from_be_bytes([header[68], header[69], header[70], header[71]]);
    if app_id != APPLICATION_ID {
        return Err(not_case(crate::t!("core-case-foreign-other-program")));
    }
    // Refuse a newer schema before SQLite opens the file (and would create
    // its -wal and -shm files beside it). Versions only grow, so a newer
    // header page in the write-ahead log could only be newer still.
    let version = i32::from_be_bytes([header[60], header[61], header[62], header[63]]);
    if i64::from(version) > current_version() {
        return Err(newer_schema(&shown.to_string(), i64::from(version)));
    }
    // A cut-off file: SQLite's header records the database size (valid
    // when the two change counters agree), and a complete file is at
    // least that long. Not while a write-ahead log holds frames: a
    // checkpoint interrupted by a crash may have written the new header
    // before the pages after it, and SQLite completes it from the log.
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536,
        n => u64::from(n),
    };
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    let counters_agree = header[24..28] == header[92..96];
    let len = f
        .metadata()
        .map_err(|e| Error::from_io(e, &shown.to_string()))?
        .len();
    let log_has_frames = fs::metadata(sidecar(path, "-wal")).is_ok_and(|m| m.len() > 0);
    if counters_agree && pages > 0 && len < pages * page_size && !log_has_frames {
        return Err(Error::case_file(crate::t!(
            "core-case-cut-short",
            path = shown.to_string(),
            len = len,
            expected = pages * page_size
        ))
        .with_hint(crate::t!("core-case-cut-short-hint")));
    }
    Ok(())
}

fn newer_schema(shown: &str, version: i64) -> Error {
    Error::case_file(crate::t!(
        "core-case-newer",
        path = shown,
        version = version,
        known = current_version()
    ))
    .with_hint(crate::t!("core-case-newer-hint"))
}

/// A file name with a suffix appended (`case.sqlite` + `-wal`).
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Checks, without changing anything, that the file may be opened for
/// writing, so that a read-only disk or file gets a precise message
/// instead of SQLite's "unable to open".
fn check_writable(path: &Path) -> Result<()> {
    let shown = path.display();
    match fs::OpenOptions::new().read(true).write(true).open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::ReadOnlyFilesystem => Err(Error::io(crate::t!(
            "core-case-read-only-disk",
            path = shown.to_string()
        ))
        .with_hint(crate::t!("core-case-read-only-disk-hint"))),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Err(Error::io(crate::t!(
            "core-case-not-writable",
            path = shown.to_string()
        ))
        .with_hint(crate::t!("core-case-not-writable-hint"))),
        Err(e) => Err(Error::from_io(e, &shown.to_string())),
    }
}

/// Percent-encodes a path for an SQLite `file:` URI.
fn file_uri(path: &Path, query: &str) -> String {
    let mut uri = String::from("file:");
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().replace('\\', "/").into_bytes();
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push('?');
    uri.push_str(query);
    uri
}

/// Opens the SQLite connection. Reading a case file on a read-only disk
/// or in a folder that may not be written (a copy handed to a lawyer, a
/// write-protected stick) fails in WAL mode, because SQLite cannot create
/// the `-shm` file. When no `-wal` file exists, the main file holds the
/// whole record and nothing can change it there, so it is opened as
/// immutable instead.
///
/// A read-only command on a case file it may write opens it read-write
/// with `query_only` set instead: SQLite then removes the `-wal` and
/// `-shm` files when the last connection closes, so reading leaves
/// nothing beside the case file. (A read-only connection cannot remove
/// them.) `query_only` refuses any write on that connection.
fn open_connection(path: &Path, access: Access) -> Result<Connection> {
    if access == Access::ReadOnly && check_writable(path).is_ok() {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if let Ok(conn) = Connection::open_with_flags(path, flags) {
            let ready = conn.pragma_update(None, "query_only", true).and_then(|()| {
                conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
            });
            if ready.is_ok() {
                return Ok(conn);
            }
        }
    }
    let flags = match access {
        Access::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY,
        Access::ReadWrite => OpenFlags::SQLITE_OPEN_READ_WRITE,
    } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    if access == Access::ReadWrite {
        return Ok(conn);
    }
    // The first read makes SQLite open the WAL index.
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(())) {
        Ok(()) => Ok(conn),
        Err(rusqlite::Error::SqliteFailure(f, _))
            if matches!(
                f.code,
                rusqlite::ffi::ErrorCode::CannotOpen | rusqlite::ffi::ErrorCode::ReadOnly
            ) && !sidecar(path, "-wal").exists() =>
        {
            drop(conn);
            Ok(Connection::open_with_flags(
                file_uri(path, "immutable=1"),
                flags | OpenFlags::SQLITE_OPEN_URI,
            )?)
        }
        Err(e) => Err(e.into()),
    }
}

fn set_owner_only(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600))
            .map_err(|e| Error::from_io(e, &path.display().to_string()))?;
    }
    let _ = path;
    Ok(())
}

/// Whether others than the owner may read the file (Unix only).
pub fn readable_by_others(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(m) = fs::metadata(path) {
            return m.permissions().mode() & 0o077 != 0;
        }
    }
    let _ = path;
    false
}

/// Creates a folder (and its parents) owner-only.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| Error::from_io(e, &dir.display().to_string()))
}

fn configure(conn: &Connection, access: Access) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    if access == Access::ReadWrite {
        conn.pragma_update(None, "synchronous", "FULL")?;
    }
    Ok(())
}

fn remove_with_sidecars(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = fs::remove_file(sidecar(path, suffix));
    }
}

impl Case {
    /// Makes a new case file at `path`. Refuses to overwrite anything.
    pub fn create(path: &Path, meta: &CaseMeta) -> Result<Case> {
        let shown = path.display().to_string();
        if path.exists() || path.symlink_metadata().is_ok() {
            return Err(
                Error::case_file(crate::t!("core-case-exists", path = &shown))
                    .with_hint(crate::t!("core-case-exists-hint")),
            );
        }
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            return Err(
                Error::io(crate::t!("core-folder-missing", path = dir.as_path()))
                    .with_hint(crate::t!("core-folder-missing-hint")),
            );
        }
        let name = path
            .file_name()
            .ok_or_else(|| Error::usage(crate::t!("core-not-a-file-path", path = &shown)))?;
        let tmp = dir.join(format!(
            ".{}.creating-{}",
            name.to_string_lossy(),
            random_suffix()
        ));
        let result = Self::build_new(&tmp, meta).and_then(|()| {
            // Link, not rename: fails instead of replacing a file that
            // appeared meanwhile.
            match fs::hard_link(&tmp, path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::case_file(
                    crate::t!("core-case-exists", path = &shown),
                )
                .with_hint(crate::t!("core-case-exists-hint"))),
                Err(_) if !path.exists() => {
                    fs::rename(&tmp, path).map_err(|e| Error::from_io(e, &shown))
                }
                Err(e) => Err(Error::from_io(e, &shown)),
            }
        });
        remove_with_sidecars(&tmp);
        result?;
        Case::open(path, Access::ReadWrite)
    }

    fn build_new(tmp: &Path, meta: &CaseMeta) -> Result<()> {
        {
            let mut opts = fs::OpenOptions::new();
            opts.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                opts.mode(0o600);
            }
            opts.open(tmp)
                .map_err(|e| Error::from_io(e, &tmp.display().to_string()))?;
        }
        set_owner_only(tmp)?;
        let mut conn = Connection::open_with_flags(
            tmp,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn, Access::ReadWrite)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        migrate(&mut conn, 0)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        {
            let mut put = tx.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)")?;
            put.execute(params!["case_id", meta.case_id])?;
            put.execute(params!["tz", meta.tz.name()])?;
            put.execute(params!["created_at", meta.created_at])?;
            put.execute(params![
                "created_by",
                format!("kiroku {}", env!("CARGO_PKG_VERSION"))
            ])?;
            for (k, v) in [
                ("title", &meta.title),
                ("counterparty", &meta.counterparty),
                ("owner", &meta.owner),
            ] {
                if let Some(v) = v {
                    put.execute(params![k, v])?;
                }
            }
        }
        tx.commit()?;
        conn.close().map_err(|(_, e)| map_sqlite_error(e))?;
        Ok(())
    }

    /// Opens an existing case file. Anything that is not a kiroku case
    /// file of a known version is refused without being written to.
    pub fn open(path: &Path, access: Access) -> Result<Case> {
        let shown = path.display().to_string();
        if !path.exists() {
            return Err(
                Error::case_file(crate::t!("core-case-missing", path = &shown))
                    .with_hint(crate::t!("core-case-missing-hint")),
            );
        }
        check_header(path)?;
        if access == Access::ReadWrite {
            check_writable(path)?;
        }
        let mut conn = open_connection(path, access)?;
        configure(&conn, access)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > current_version() {
            return Err(newer_schema(&shown, version));
        }
        if version < current_version() {
            if access == Access::ReadOnly {
                // Upgrade (additive steps only), then read as asked.
                drop(conn);
                Case::open(path, Access::ReadWrite).map_err(|e| {
                    if e.kind == ErrorKind::Io {
                        Error::case_file(crate::t!("core-case-upgrade", path = &shown))
                            .with_hint(crate::t!("core-case-upgrade-hint"))
                    } else {
                        e
                    }
                })?;
                return Case::open(path, access);
            }
            migrate(&mut conn, version)?;
        }
        let meta = read_meta(&conn)?;
        Ok(Case {
            conn,
            path: path.to_path_buf(),
            meta,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The number and hash of the last entry; `(0, genesis)` when empty.
    pub fn head(&self) -> Result<(u64, String)> {
        head_of(&self.conn, &self.meta.case_id)
    }

    /// Appends entries in one transaction: all or nothing.
    /// `now` is read inside the transaction, after the lock is held, so
    /// `recorded_at` follows the order of the chain.
    pub fn append_all(
        &mut self,
        drafts: Vec<Body>,
        now: impl Fn() -> DateTime<Utc>,
    ) -> Result<Vec<Stored>> {
        self.append_all_then(drafts, now, |_, _| Ok(()))
    }

    /// [`Case::append_all`], then `then` in the same transaction (to store
    /// what belongs to the new entries); an error from it undoes all.
    fn append_all_then(
        &mut self,
        drafts: Vec<Body>,
        now: impl Fn() -> DateTime<Utc>,
        then: impl FnOnce(&rusqlite::Transaction, &[Stored]) -> Result<()>,
    ) -> Result<Vec<Stored>> {
        let case_id = self.meta.case_id.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (mut seq, mut prev) = head_of(&tx, &case_id)?;
        let recorded_at = checked_now(&tx, seq, now)?;
        let mut out = Vec::with_capacity(drafts.len());
        {
            let mut insert = tx.prepare(INSERT_ENTRY)?;
            for body in drafts {
                check_target(&tx, &body, seq)?;
                seq += 1;
                let stored = insert_entry(&mut insert, body, &case_id, seq, &prev, &recorded_at)?;
                prev = stored.hash.clone();
                out.push(stored);
            }
        }
        then(&tx, &out)?;
        tx.commit()?;
        Ok(out)
    }

    /// Appends an `anchor` entry and stores its timestamp files with it,
    /// in one transaction. The covered entry must still have the hash the
    /// anchor names.
    pub fn append_anchor(
        &mut self,
        draft: Body,
        files: &AnchorFiles,
        now: impl Fn() -> DateTime<Utc>,
    ) -> Result<Stored> {
        let anchor = draft
            .anchor
            .clone()
            .ok_or_else(|| Error::internal("an anchor entry needs its anchor fields"))?;
        let mut v = self.append_all_then(vec![draft], now, |tx, stored| {
            let covered: Option<String> = tx
                .query_row(
                    "SELECT hash FROM entries WHERE seq = ?1",
                    [anchor.covers_seq as i64],
                    |r| r.get(0),
                )
                .optional()?;
            if covered.as_deref() != Some(anchor.covers_hash.as_str()) {
                return Err(Error::usage(crate::t!(
                    "core-anchor-hash-changed",
                    seq = anchor.covers_seq
                ))
                .with_hint(crate::t!("core-run-verify-nothing-recorded")));
            }
            for s in stored {
                tx.execute(
                    "INSERT INTO anchors (seq, receipt, tsq, tsr) VALUES (?1, ?2, ?3, ?4)",
                    params![s.seq as i64, files.receipt, files.tsq, files.tsr],
                )?;
            }
            Ok(())
        })?;
        v.pop()
            .ok_or_else(|| Error::internal("append stored nothing"))
    }

    /// The timestamp files kept for anchor entries, in order of number.
    /// (None in a file of an older schema opened read-only.)
    pub fn anchor_files(&self) -> Result<Vec<(u64, AnchorFiles)>> {
        let has_table = self
            .conn
            .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'anchors'")?
            .exists([])?;
        if !has_table {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare("SELECT seq, receipt, tsq, tsr FROM anchors ORDER BY seq")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?.max(0) as u64,
                AnchorFiles {
                    receipt: r.get(1)?,
                    tsq: r.get(2)?,
                    tsr: r.get(3)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Every import fingerprint with the entry it belongs to.
    pub fn import_fingerprints(&self) -> Result<Vec<(String, u64)>> {
        if !has_import_index(&self.conn)? {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare("SELECT fingerprint, seq FROM import_fingerprints ORDER BY seq")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        rows.map(|r| r.map(|(f, s)| (f, s.max(0) as u64)).map_err(Error::from))
            .collect()
    }

    /// Which of these import fingerprints are already in the case file.
    pub fn known_fingerprints(&self, fingerprints: &[String]) -> Result<Vec<bool>> {
        known_in(&self.conn, fingerprints)
    }

    /// Appends imported entries in one transaction: all or nothing.
    ///
    /// `fingerprints[i]` is the fingerprint of source record `i`. Records
    /// whose fingerprint is already in the case file are left out; for the
    /// others, in order, `build(i)` makes the draft, which is appended and
    /// its fingerprint stored beside it. `lead`, given the indexes of the
    /// new records and the number of the last entry before the import, may
    /// make entries to append before them (notes about the import). Nothing
    /// is written when no record is new. `progress` is called with the
    /// number of entries written so far.
    pub fn append_import(
        &mut self,
        fingerprints: &[String],
        lead: impl FnOnce(&[usize], u64) -> Result<Vec<Body>>,
        mut build: impl FnMut(usize) -> Result<Body>,
        now: impl Fn() -> DateTime<Utc>,
        mut progress: impl FnMut(u64),
    ) -> Result<ImportAppended> {
        let case_id = self.meta.case_id.clone();
        // A large import touches many pages of the fingerprint index: give
        // it a 32 MiB page cache (SQLite's default is 2 MiB).
        if fingerprints.len() > 10_000 {
            self.conn.pragma_update(None, "cache_size", -32768)?;
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let known = known_in(&tx, fingerprints)?;
        let new: Vec<usize> = (0..fingerprints.len()).filter(|&i| !known[i]).collect();
        let already = fingerprints.len() - new.len();
        if new.is_empty() {
            return Ok(ImportAppended {
                lead: Vec::new(),
                entries: Vec::new(),
                already,
            });
        }
        let (mut seq, mut prev) = head_of(&tx, &case_id)?;
        let recorded_at = checked_now(&tx, seq, now)?;
        let mut entries = Vec::with_capacity(new.len());
        let mut lead_seqs = Vec::new();
        {
            let mut insert = tx.prepare(INSERT_ENTRY)?;
            let mut mark =
                tx.prepare("INSERT INTO import_fingerprints (fingerprint, seq) VALUES (?1, ?2)")?;
            let mut put = |body: Body, seq: &mut u64, prev: &mut String| -> Result<u64> {
                check_target(&tx, &body, *seq)?;
                *seq += 1;
                let stored = insert_entry(&mut insert, body, &case_id, *seq, prev, &recorded_at)?;
                *prev = stored.hash;
                Ok(*seq)
            };
            for body in lead(&new, seq)? {
                lead_seqs.push(put(body, &mut seq, &mut prev)?);
            }
            for (n, &i) in new.iter().enumerate() {
                let body = build(i)?;
                let at = put(body, &mut seq, &mut prev)?;
                entries.push(at);
                if n % 1024 == 1023 {
                    progress(n as u64 + 1);
                }
            }
            // The fingerprints in key order: each page of their index is
            // then written once, not once per random key.
            let mut order: Vec<usize> = (0..new.len()).collect();
            order.sort_unstable_by(|&a, &b| fingerprints[new[a]].cmp(&fingerprints[new[b]]));
            for n in order {
                let i = new[n];
                mark.execute(params![fingerprints[i], entries[n] as i64])
                    .map_err(|e| match e {
                        rusqlite::Error::SqliteFailure(f, _)
                            if f.code == rusqlite::ffi::ErrorCode::ConstraintViolation =>
                        {
                            Error::usage(format!(
                                "source record {} appears twice in this import",
                                i + 1
                            ))
                            .with_hint("nothing was recorded; please report this")
                        }
                        other => map_sqlite_error(other),
                    })?;
            }
        }
        tx.commit()?;
        progress(new.len() as u64);
        Ok(ImportAppended {
            lead: lead_seqs,
            entries,
            already,
        })
    }

    pub fn append(&mut self, draft: Body, now: impl Fn() -> DateTime<Utc>) -> Result<Stored> {
        let mut v = self.append_all(vec![draft], now)?;
        v.pop()
            .ok_or_else(|| Error::internal("append stored nothing"))
    }

    /// Checks, before any work is done, that a draft's target entry can
    /// take it. `append_all` checks again inside its transaction.
    pub fn check_draft(&self, draft: &Body) -> Result<()> {
        let (head, _) = self.head()?;
        check_target(&self.conn, draft, head)
    }

    /// One entry by number, parsed.
    pub fn get(&self, seq: u64) -> Result<Option<Stored>> {
        let row = self
            .conn
            .query_row(
                "SELECT body, prev_hash, hash FROM entries WHERE seq = ?1",
                [seq as i64],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                },
            )
            .optional()?;
        row.map(|(body, prev_hash, hash)| parse_stored(seq, &body, prev_hash, hash))
            .transpose()
    }

    /// Every row in order of number, streamed to `f` (constant memory).
    pub fn for_each_raw(&self, mut f: impl FnMut(RawRow) -> Result<()>) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT seq, kind, occurred_utc, channel, sender, address, target, body, prev_hash, hash
             FROM entries ORDER BY seq",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            f(RawRow {
                seq: r.get(0)?,
                kind: r.get(1)?,
                occurred_utc: r.get(2)?,
                channel: r.get(3)?,
                sender: r.get(4)?,
                address: r.get(5)?,
                target: r.get(6)?,
                body: r.get(7)?,
                prev_hash: r.get(8)?,
                hash: r.get(9)?,
            })?;
        }
        Ok(())
    }

    /// Parsed entries chosen by a SQL condition on the index columns
    /// (`WHERE …` text with `?` parameters), in order of number.
    pub fn select(&self, condition: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<Stored>> {
        let sql = format!("SELECT seq, body, prev_hash, hash FROM entries WHERE {condition}");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(args)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let seq: i64 = r.get(0)?;
            out.push(parse_stored(
                seq as u64,
                &r.get::<_, String>(1)?,
                r.get(2)?,
                r.get(3)?,
            )?);
        }
        Ok(out)
    }
}

/// What [`Case::append_import`] wrote.
#[derive(Debug, Clone, Default)]
pub struct ImportAppended {
    /// The numbers of the notes about the import.
    pub lead: Vec<u64>,
    /// The numbers of the imported entries, in the order of the records.
    pub entries: Vec<u64>,
    /// How many records were already in the case file.
    pub already: usize,
}

const INSERT_ENTRY: &str = "INSERT INTO entries (seq, kind, occurred_utc, channel, sender, address, target, body, prev_hash, hash)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

/// Fills in the chain fields of `body` and inserts it as entry `seq`.
fn insert_entry(
    insert: &mut rusqlite::Statement<'_>,
    mut body: Body,
    case_id: &str,
    seq: u64,
    prev: &str,
    recorded_at: &str,
) -> Result<Stored> {
    body.v = BODY_VERSION;
    body.case_id = case_id.to_string();
    body.seq = seq;
    body.prev_hash = prev.to_string();
    body.recorded_at = recorded_at.to_string();
    chain::check_integers(&body)?;
    // A fresh salt for every new entry; a draft that brings a well-formed
    // one (the documented test vectors) keeps it.
    if !body.salt.as_deref().is_some_and(chain::is_salt) {
        body.salt = Some(chain::new_salt()?);
    }
    let text = chain::canonical(&body)?;
    let hash = chain::entry_hash(&text);
    let cols = IndexColumns::of(&body);
    insert.execute(params![
        seq as i64,
        body.kind.as_str(),
        cols.occurred_utc,
        cols.channel,
        cols.sender,
        cols.address,
        cols.target,
        text,
        body.prev_hash,
        hash
    ])?;
    Ok(Stored {
        seq,
        hash,
        prev_hash: body.prev_hash.clone(),
        body,
    })
}

/// The time to record as `recorded_at`, read under the write lock and
/// refused when it is earlier than the last entry's.
fn checked_now(conn: &Connection, head: u64, now: impl Fn() -> DateTime<Utc>) -> Result<String> {
    let last_recorded: Option<String> = if head > 0 {
        conn.query_row(
            "SELECT body FROM entries WHERE seq = ?1",
            [head as i64],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|b| serde_json::from_str::<Body>(&b).ok())
        .map(|b| b.recorded_at)
    } else {
        None
    };
    let recorded = now();
    if let Some(last) = last_recorded.as_deref().and_then(timeparse::parse_stored) {
        if recorded < last {
            return Err(Error::io(crate::t!(
                "core-clock-behind",
                now = timeparse::format_utc_millis(&recorded),
                last = timeparse::format_utc_millis(&last.with_timezone(&Utc))
            ))
            .with_hint(crate::t!("core-clock-behind-hint")));
        }
    }
    Ok(timeparse::format_utc_millis(&recorded))
}

/// Whether the case file has the import index (a file opened read-only at
/// an older schema has not).
fn has_import_index(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'import_fingerprints'",
        )?
        .exists([])?)
}

/// Which fingerprints are already recorded (one lookup each).
fn known_in(conn: &Connection, fingerprints: &[String]) -> Result<Vec<bool>> {
    if !has_import_index(conn)? {
        return Ok(vec![false; fingerprints.len()]);
    }
    let mut stmt =
        conn.prepare_cached("SELECT 1 FROM import_fingerprints WHERE fingerprint = ?1")?;
    fingerprints.iter().map(|f| Ok(stmt.exists([f])?)).collect()
}

/// The values kept beside the body for indexed queries. `verify` checks
/// that they agree with the hashed body.
#[derive(Debug, PartialEq, Eq)]
pub struct IndexColumns {
    pub occurred_utc: Option<i64>,
    pub channel: Option<String>,
    pub sender: Option<String>,
    pub address: Option<String>,
    pub target: Option<i64>,
}

impl IndexColumns {
    pub fn of(body: &Body) -> IndexColumns {
        IndexColumns {
            occurred_utc: body
                .occurred_at
                .as_deref()
                .and_then(timeparse::parse_stored)
                .map(|d| d.timestamp()),
            channel: body.channel.map(|c| c.as_str().to_string()),
            sender: body.from.clone(),
            address: body.address.clone(),
            target: body.target.map(|t| t as i64),
        }
    }

    /// Whether a stored row's index columns and kind agree with its body
    /// (as `of(body)` compared with `of_row(row)`, without copying).
    pub fn agree(body: &Body, row: &RawRow) -> bool {
        let occurred = body
            .occurred_at
            .as_deref()
            .and_then(timeparse::parse_stored)
            .map(|d| d.timestamp());
        body.kind.as_str() == row.kind
            && occurred == row.occurred_utc
            && body.channel.map(|c| c.as_str()) == row.channel.as_deref()
            && body.from == row.sender
            && body.address == row.address
            && body.target.map(|t| t as i64) == row.target
    }

    pub fn of_row(row: &RawRow) -> IndexColumns {
        IndexColumns {
            occurred_utc: row.occurred_utc,
            channel: row.channel.clone(),
            sender: row.sender.clone(),
            address: row.address.clone(),
            target: row.target,
        }
    }
}

fn parse_stored(seq: u64, body: &str, prev_hash: String, hash: String) -> Result<Stored> {
    let body: Body = serde_json::from_str(body).map_err(|e| {
        Error::case_file(crate::t!(
            "core-entry-unreadable",
            seq = seq,
            detail = e.to_string()
        ))
        .with_hint(crate::t!("core-run-verify"))
    })?;
    Ok(Stored {
        seq,
        hash,
        prev_hash,
        body,
    })
}

fn head_of(conn: &Connection, case_id: &str) -> Result<(u64, String)> {
    let head: Option<(i64, String)> = conn
        .query_row(
            "SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(match head {
        Some((seq, hash)) => (seq as u64, hash),
        None => (0, chain::genesis(case_id)),
    })
}

/// Corrections, voids and attachments must name an earlier entry that can
/// take them.
fn check_target(conn: &Connection, body: &Body, head: u64) -> Result<()> {
    let Some(target) = body.target else {
        if matches!(body.kind, Kind::Correction | Kind::Void | Kind::Attach) {
            return Err(Error::internal(format!(
                "a {} entry needs a target entry",
                body.kind
            )));
        }
        return Ok(());
    };
    if target == 0 || target > head {
        return Err(Error::usage(crate::t!("cli-no-such-entry", seq = target))
            .with_hint(crate::t!("core-entries-numbered", head = head)));
    }
    let kind: String = conn.query_row(
        "SELECT kind FROM entries WHERE seq = ?1",
        [target as i64],
        |r| r.get(0),
    )?;
    let voided: Option<i64> = conn
        .query_row(
            "SELECT seq FROM entries WHERE target = ?1 AND kind = 'void' LIMIT 1",
            [target as i64],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(v) = voided {
        return Err(
            Error::usage(crate::t!("core-target-withdrawn", seq = target, by = v))
                .with_hint(crate::t!("core-target-withdrawn-hint")),
        );
    }
    let is_record = matches!(kind.as_str(), "contact" | "action" | "note");
    match body.kind {
        Kind::Correction if !is_record => Err(Error::usage(crate::t!(
            "core-cannot-amend",
            seq = target,
            kind = kind.as_str()
        ))
        .with_hint(crate::t!("core-cannot-amend-hint"))),
        Kind::Attach if !is_record => Err(Error::usage(crate::t!(
            "core-cannot-attach",
            seq = target,
            kind = kind.as_str()
        ))
        .with_hint(crate::t!("core-cannot-attach-hint"))),
        Kind::Void if kind == "void" => {
            Err(Error::usage(crate::t!("core-void-of-void", seq = target)))
        }
        _ => Ok(()),
    }
}

fn migrate(conn: &mut Connection, from: i64) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the lock: another process may have migrated.
    let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let start = version.max(from);
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(start as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
    }
    tx.commit()?;
    Ok(())
}

fn read_meta(conn: &Connection) -> Result<CaseMeta> {
    let get = |key: &str| -> Result<Option<String>> {
        Ok(conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    };
    let case_id = get("case_id")?.ok_or_else(|| {
        Error::case_file(crate::t!("core-case-no-id")).with_hint(crate::t!("core-run-verify"))
    })?;
    let tz = match get("tz")? {
        Some(name) => name
            .parse::<Tz>()
            .map_err(|_| Error::case_file(crate::t!("core-case-unknown-tz", name = &name)))?,
        None => Tz::UTC,
    };
    Ok(CaseMeta {
        case_id,
        title: get("title")?,
        counterparty: get("counterparty")?,
        owner: get("owner")?,
        tz,
        created_at: get("created_at")?.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Channel;

    #[test]
    fn agree_matches_comparing_the_columns() {
        let body = Body {
            kind: Kind::Contact,
            occurred_at: Some("2026-11-20T14:32:00+09:00".into()),
            channel: Some(Channel::Phone),
            from: Some("山田".into()),
            address: Some("090-1234-5678".into()),
            ..Body::default()
        };
        let cols = IndexColumns::of(&body);
        let row = RawRow {
            seq: 1,
            kind: "contact".into(),
            occurred_utc: cols.occurred_utc,
            channel: cols.channel.clone(),
            sender: cols.sender.clone(),
            address: cols.address.clone(),
            target: cols.target,
            body: String::new(),
            prev_hash: String::new(),
            hash: String::new(),
        };
        assert!(IndexColumns::agree(&body, &row));
        let changed = [
            RawRow {
                kind: "note".into(),
                ..row.clone()
            },
            RawRow {
                occurred_utc: Some(0),
                ..row.clone()
            },
            RawRow {
                channel: Some("sms".into()),
                ..row.clone()
            },
            RawRow {
                sender: None,
                ..row.clone()
            },
            RawRow {
                address: Some("090".into()),
                ..row.clone()
            },
            RawRow {
                target: Some(1),
                ..row.clone()
            },
        ];
        for r in &changed {
            assert_eq!(
                IndexColumns::agree(&body, r),
                IndexColumns::of(&body) == IndexColumns::of_row(r) && r.kind == "contact"
            );
            assert!(!IndexColumns::agree(&body, r), "{r:?}");
        }
    }
}
