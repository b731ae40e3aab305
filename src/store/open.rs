//! Opening and creating case files: header checks, connection settings,
//! migrations and the metadata.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use crate::error::{Error, ErrorKind, Result};

use super::*;

pub(super) fn random_suffix() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_string()
}

/// Checks the first 100 bytes of an existing file before SQLite touches it.
pub(super) fn check_header(path: &Path) -> Result<()> {
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

pub(super) fn newer_schema(shown: &str, version: i64) -> Error {
    Error::case_file(crate::t!(
        "core-case-newer",
        path = shown,
        version = version,
        known = current_version()
    ))
    .with_hint(crate::t!("core-case-newer-hint"))
}

/// A file name with a suffix appended (`case.sqlite` + `-wal`).
pub(super) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Checks, without changing anything, that the file may be opened for
/// writing, so that a read-only disk or file gets a precise message
/// instead of SQLite's "unable to open".
pub(super) fn check_writable(path: &Path) -> Result<()> {
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
pub(super) fn file_uri(path: &Path, query: &str) -> String {
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
pub(super) fn open_connection(path: &Path, access: Access) -> Result<(Connection, Opened)> {
    if access == Access::ReadOnly && check_writable(path).is_ok() {
        if let Ok(conn) = Opened::QueryOnly.connect(path) {
            let ready = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()));
            if ready.is_ok() {
                return Ok((conn, Opened::QueryOnly));
            }
        }
    }
    let flags = match access {
        Access::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY,
        Access::ReadWrite => OpenFlags::SQLITE_OPEN_READ_WRITE,
    } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Opened::Plain(flags).connect(path)?;
    if access == Access::ReadWrite {
        return Ok((conn, Opened::Plain(flags)));
    }
    // The first read makes SQLite open the WAL index.
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(())) {
        Ok(()) => Ok((conn, Opened::Plain(flags))),
        Err(rusqlite::Error::SqliteFailure(f, _))
            if matches!(
                f.code,
                rusqlite::ffi::ErrorCode::CannotOpen | rusqlite::ffi::ErrorCode::ReadOnly
            ) && !sidecar(path, "-wal").exists() =>
        {
            drop(conn);
            let opened = Opened::Immutable(flags);
            Ok((opened.connect(path)?, opened))
        }
        Err(e) => Err(e.into()),
    }
}

/// How the connection of a [`Case`] was opened (see [`open_connection`]),
/// so that more connections to the same file can be opened the same way.
#[derive(Debug, Clone, Copy)]
pub(super) enum Opened {
    /// Read-write, with `query_only` set.
    QueryOnly,
    /// With these flags.
    Plain(OpenFlags),
    /// As immutable, with these flags.
    Immutable(OpenFlags),
}

impl Opened {
    pub(super) fn connect(self, path: &Path) -> rusqlite::Result<Connection> {
        match self {
            Opened::QueryOnly => {
                let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                let conn = Connection::open_with_flags(path, flags)?;
                conn.pragma_update(None, "query_only", true)?;
                Ok(conn)
            }
            Opened::Plain(flags) => Connection::open_with_flags(path, flags),
            Opened::Immutable(flags) => Connection::open_with_flags(
                file_uri(path, "immutable=1"),
                flags | OpenFlags::SQLITE_OPEN_URI,
            ),
        }
    }
}

pub(super) fn set_owner_only(path: &Path) -> Result<()> {
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

pub(super) fn configure(conn: &Connection, access: Access) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    if access == Access::ReadWrite {
        conn.pragma_update(None, "synchronous", "FULL")?;
    }
    Ok(())
}

pub(super) fn remove_with_sidecars(path: &Path) {
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
        let (mut conn, opened) = open_connection(path, access)?;
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
            opened,
            path: path.to_path_buf(),
            meta,
        })
    }
}

pub(super) fn migrate(conn: &mut Connection, from: i64) -> Result<()> {
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

pub(super) fn read_meta(conn: &Connection) -> Result<CaseMeta> {
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
