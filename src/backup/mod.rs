//! Backups of a case: a folder (e.g. on a USB stick) holding a copy of the
//! case file and of its evidence store, or one encrypted archive (age,
//! passphrase with scrypt) holding the same as a tar.
//!
//! Layout of a backup folder, and of the tar inside an archive:
//!
//! ```text
//! kiroku-backup.json        what this is (format, case id, kiroku version)
//! case.sqlite               a consistent copy of the case file
//! case.sqlite.evidence/sha256/ab/cdef…   the evidence files, by SHA-256
//! ```
//!
//! A folder backup is updated in place so that it is usable at every
//! moment: new evidence files are copied first (each under a temporary
//! name, checked against its SHA-256, synced, then renamed), then the
//! case-file copy is replaced atomically (temporary name, fsync, rename,
//! fsync of the folder). An interrupted backup leaves the previous one.
//! The copy of the case file is taken with SQLite's online backup API in
//! one step, so it is one consistent state even while another process
//! appends.

pub mod archive;
pub mod folder;

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};
use crate::evidence::{copy_hashing, CopyError, EvidenceStore};
use crate::store::{Access, Case};
use crate::verify::{ChainCheck, NamedFile, Problem};

/// The name of the case-file copy in a backup.
pub const CASE_NAME: &str = "case.sqlite";
/// The name of the description of a backup.
pub const MANIFEST: &str = "kiroku-backup.json";
/// The format written by this kiroku; a higher one is refused.
pub const FORMAT: u32 = 1;
/// The kind of file the manifest describes.
const KIND: &str = "kiroku-backup";

/// Remind of a backup after this many days without one.
pub const REMIND_DAYS: i64 = 14;
/// Remind of a backup after this many entries recorded since the last one.
pub const REMIND_ENTRIES: u64 = 100;

/// The description kept beside the copy (informational except `format`
/// and `case_id`; the copy itself is what is verified).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub kind: String,
    pub format: u32,
    pub case_id: String,
    pub entries: u64,
    pub head: String,
    pub files: u64,
    pub made_at: String,
    pub made_by: String,
}

impl Manifest {
    pub fn new(case_id: &str, entries: u64, head: &str, files: u64, made_at: &str) -> Manifest {
        Manifest {
            kind: KIND.to_string(),
            format: FORMAT,
            case_id: case_id.to_string(),
            entries,
            head: head.to_string(),
            files,
            made_at: made_at.to_string(),
            made_by: format!("kiroku {}", env!("CARGO_PKG_VERSION")),
        }
    }

    /// Reads a manifest; refuses one of a newer format or of another kind.
    pub fn parse(bytes: &[u8], shown: &str) -> Result<Manifest> {
        #[derive(Deserialize)]
        struct Head {
            kind: Option<String>,
            format: Option<u64>,
        }
        let not_backup = || {
            Error::case_file(crate::t!("backup-not-a-backup", path = shown))
                .with_hint(crate::t!("backup-not-a-backup-hint"))
        };
        let head: Head = serde_json::from_slice(bytes).map_err(|_| not_backup())?;
        if head.kind.as_deref() != Some(KIND) {
            return Err(not_backup());
        }
        match head.format {
            Some(f) if f > u64::from(FORMAT) => {
                return Err(
                    Error::case_file(crate::t!("backup-newer-format", path = shown))
                        .with_hint(crate::t!("backup-newer-format-hint")),
                )
            }
            None => return Err(not_backup()),
            _ => {}
        }
        serde_json::from_slice(bytes).map_err(|_| not_backup())
    }
}

/// What a backup or a restore did, for the summary and `--json`.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub case_id: String,
    /// Entries in the copy (1 to `entries`).
    pub entries: u64,
    /// The hash of the copy's last entry.
    pub head: String,
    /// Evidence files the copy holds.
    pub files: u64,
    /// Their total size in bytes.
    pub bytes: u64,
    /// Evidence files copied by this run (the others were there already).
    pub files_copied: u64,
    /// Bytes of evidence copied by this run.
    pub bytes_copied: u64,
    /// The folder, archive or case file written.
    pub path: PathBuf,
    pub encrypted: bool,
}

/// What a check of a copy of the case file found.
pub struct Checked {
    pub case_id: String,
    pub entries: u64,
    pub head: String,
    pub files: Vec<NamedFile>,
    pub problems: Vec<Problem>,
}

/// Recomputes the chain of a case file (no evidence files).
pub fn check_chain(case: &Case) -> Result<Checked> {
    let mut check = ChainCheck::new(&case.meta.case_id, std::iter::empty());
    case.for_each_raw(|row| {
        check.row(&row);
        Ok(())
    })?;
    Ok(Checked {
        case_id: case.meta.case_id.clone(),
        entries: check.count,
        head: check.head_hash().to_string(),
        files: std::mem::take(&mut check.files),
        problems: std::mem::take(&mut check.problems),
    })
}

/// [`snapshot`], then the copy's chain checked: the live case must be
/// intact before anything is copied from it.
pub fn checked_snapshot(case: &Case, to: &Path) -> Result<Checked> {
    snapshot(case, to)?;
    let copy = Case::open(to, crate::store::Access::ReadOnly)?;
    let checked = check_chain(&copy)?;
    drop(copy);
    if let Some(p) = checked.problems.first() {
        return Err(Error::new(
            ErrorKind::NotIntact,
            crate::t!("backup-live-not-intact", problem = p.message.clone()),
        )
        .with_hint(crate::t!("backup-live-not-intact-hint")));
    }
    Ok(checked)
}

/// Writes a consistent copy of the open case file to `to` (a new file),
/// in one step of SQLite's online backup API: one read transaction, so
/// appends by other processes are either wholly in it or not at all. The
/// copy uses a rollback journal (one file, no `-wal`) and is synced.
pub fn snapshot(case: &Case, to: &Path) -> Result<()> {
    create_new_private(to)?;
    {
        let mut dst = rusqlite::Connection::open(to)?;
        {
            let backup = rusqlite::backup::Backup::new(case.conn(), &mut dst)?;
            loop {
                match backup.step(-1)? {
                    rusqlite::backup::StepResult::Done => break,
                    rusqlite::backup::StepResult::More => continue,
                    rusqlite::backup::StepResult::Busy | rusqlite::backup::StepResult::Locked => {
                        std::thread::sleep(std::time::Duration::from_millis(20))
                    }
                    _ => continue,
                }
            }
        }
        dst.pragma_update(None, "synchronous", "FULL")?;
        let _: String =
            dst.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
        dst.close()
            .map_err(|(_, e)| crate::store::map_sqlite_error(e))?;
    }
    sync_file(to)
}

/// Creates an empty file that only the owner may read.
pub fn create_new_private(path: &Path) -> Result<fs::File> {
    let mut opts = fs::OpenOptions::new();
    opts.write(true).read(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
        .map_err(|e| Error::from_io(e, &path.display().to_string()))
}

pub fn sync_file(path: &Path) -> Result<()> {
    fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::from_io(e, &path.display().to_string()))
}

/// Makes a new name in a folder durable (Unix; elsewhere a no-op).
pub fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::from_io(e, &dir.display().to_string()))?;
    let _ = dir;
    Ok(())
}

/// A name for a temporary file beside `path`: `.<name>.<what>-<random>`.
pub fn temp_beside(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "kiroku".into());
    let random = uuid::Uuid::new_v4().simple().to_string();
    parent_of(path).join(format!(".{name}.{what}-{}", &random[..12]))
}

/// The folder holding `path` (`.` for a bare name).
pub fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A temporary file or folder removed when dropped, unless kept.
pub struct Temp(pub Option<PathBuf>);

impl Temp {
    pub fn new(path: PathBuf) -> Temp {
        Temp(Some(path))
    }
    pub fn path(&self) -> &Path {
        self.0.as_deref().unwrap_or(Path::new(""))
    }
    pub fn keep(mut self) {
        self.0 = None;
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            if p.is_dir() {
                let _ = fs::remove_dir_all(&p);
            } else {
                for suffix in ["", "-journal", "-wal", "-shm"] {
                    let mut s = p.as_os_str().to_owned();
                    s.push(suffix);
                    let _ = fs::remove_file(PathBuf::from(s));
                }
                let mut ev = p.as_os_str().to_owned();
                ev.push(".evidence");
                let _ = fs::remove_dir_all(PathBuf::from(ev));
            }
        }
    }
}

/// Why writing an evidence file into a store failed.
pub enum StoreError {
    /// The bytes read do not have the SHA-256 they are named by.
    Mismatch(String),
    Read(io::Error),
    Write(io::Error),
}

/// Writes the bytes of `src` into `store` as the file named `sha256`:
/// under a temporary name, checked against the name, made read-only,
/// synced, then renamed into place. Returns the size.
pub fn store_stream(
    store: &EvidenceStore,
    sha256: &str,
    src: &mut impl Read,
) -> std::result::Result<u64, StoreError> {
    let dest = store
        .path_of(sha256)
        .ok_or_else(|| StoreError::Mismatch(String::new()))?;
    let dir = dest.parent().map(Path::to_path_buf).unwrap_or_default();
    create_private_dirs(&dir).map_err(StoreError::Write)?;
    let tmp = Temp::new(dir.join(format!(".incoming-{}", uuid::Uuid::new_v4().simple())));
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut out = opts.open(tmp.path()).map_err(StoreError::Write)?;
    let copied = copy_hashing(src, &mut out).map_err(|e| match e {
        CopyError::Read(e) => StoreError::Read(e),
        CopyError::Write(e) => StoreError::Write(e),
    })?;
    if copied.sha256 != sha256 {
        return Err(StoreError::Mismatch(copied.sha256));
    }
    out.sync_all().map_err(StoreError::Write)?;
    drop(out);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o400))
            .map_err(StoreError::Write)?;
    }
    fs::rename(tmp.path(), &dest).map_err(StoreError::Write)?;
    tmp.keep();
    #[cfg(unix)]
    fs::File::open(&dir)
        .and_then(|f| f.sync_all())
        .map_err(StoreError::Write)?;
    Ok(copied.size)
}

fn create_private_dirs(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Puts a restored case in place: its evidence folder, then the case
/// file (a link, which fails rather than replace a file that appeared
/// meanwhile). `staged` is a case file with its evidence store beside it.
pub fn put_in_place(staged: &Path, db: &Path) -> Result<()> {
    refuse_existing(db)?;
    let staged_store = EvidenceStore::beside(staged);
    let store = EvidenceStore::beside(db);
    let moved_store = staged_store.root().exists();
    if moved_store {
        fs::rename(staged_store.root(), store.root())
            .map_err(|e| Error::from_io(e, &store.root().display().to_string()))?;
    }
    let undo = || {
        if moved_store {
            let _ = fs::rename(store.root(), staged_store.root());
        }
    };
    let shown = db.display().to_string();
    match fs::hard_link(staged, db) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            undo();
            return Err(exists_error(db));
        }
        Err(_) if !db.exists() => {
            if let Err(e) = fs::rename(staged, db) {
                undo();
                return Err(Error::from_io(e, &shown));
            }
        }
        Err(e) => {
            undo();
            return Err(Error::from_io(e, &shown));
        }
    }
    let _ = fs::remove_file(staged);
    sync_dir(&parent_of(db))
}

fn exists_error(db: &Path) -> Error {
    Error::case_file(crate::t!(
        "backup-restore-exists",
        path = db.display().to_string()
    ))
    .with_hint(crate::t!("backup-restore-exists-hint"))
}

/// Refuses to restore over a case file or an evidence folder.
pub fn refuse_existing(db: &Path) -> Result<()> {
    if db.symlink_metadata().is_ok() || EvidenceStore::beside(db).root().exists() {
        return Err(exists_error(db));
    }
    let dir = parent_of(db);
    if !dir.is_dir() {
        return Err(Error::io(crate::t!(
            "backup-restore-no-folder",
            path = dir.display().to_string()
        ))
        .with_hint(crate::t!("backup-restore-no-folder-hint")));
    }
    Ok(())
}

/// Checks a staged restore completely: the chain, the case id the backup
/// names, and every evidence file. Then switches it to the journal mode
/// of a working case file (WAL). Returns the summary.
pub fn check_staged(staged: &Path, expected_case: &str, shown: &str) -> Result<Checked> {
    let case = Case::open(staged, Access::ReadWrite)?;
    let checked = check_chain(&case)?;
    if checked.case_id != expected_case {
        return Err(Error::case_file(crate::t!(
            "backup-other-case",
            path = shown,
            case = checked.case_id.clone()
        ))
        .with_hint(crate::t!("backup-other-case-hint")));
    }
    if let Some(p) = checked.problems.first() {
        return Err(damaged(shown, &p.message));
    }
    let store = EvidenceStore::beside(staged);
    if let Some(p) = crate::verify::check_files(&store, &checked.files).first() {
        return Err(damaged(shown, &p.message));
    }
    let _: String = case
        .conn()
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    drop(case);
    Ok(checked)
}

/// "The backup is damaged" with what was found.
pub fn damaged(shown: &str, what: &str) -> Error {
    Error::new(
        ErrorKind::CaseFile,
        crate::t!("backup-damaged", path = shown, problem = what),
    )
    .with_hint(crate::t!("backup-damaged-hint"))
}

/// The size of the evidence files named in `files`, from the store.
/// Opens the live case's copy of an evidence file for copying into a
/// backup; a file that cannot be read means the live case is not intact.
pub fn open_live_file(live: &EvidenceStore, f: &NamedFile) -> Result<fs::File> {
    let source = live
        .path_of(&f.sha256)
        .ok_or_else(|| Error::internal("a recorded SHA-256 is not valid"))?;
    fs::File::open(&source).map_err(|e| {
        Error::new(
            ErrorKind::NotIntact,
            crate::t!(
                "backup-live-file-unreadable",
                name = f.name.clone(),
                problem = e.to_string()
            ),
        )
        .with_hint(crate::t!("backup-live-not-intact-hint"))
    })
}

pub fn sizes(store: &EvidenceStore, files: &[NamedFile]) -> u64 {
    files
        .iter()
        .filter_map(|f| store.path_of(&f.sha256))
        .filter_map(|p| fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

/// Whether a reminder to make a backup is due: no backup yet, or the
/// last one is older than [`REMIND_DAYS`] days or [`REMIND_ENTRIES`]
/// entries; and none was shown in the last day.
pub fn reminder_due(
    last: Option<(chrono::DateTime<chrono::Utc>, u64)>,
    reminded: Option<chrono::DateTime<chrono::Utc>>,
    head: u64,
    now: chrono::DateTime<chrono::Utc>,
) -> bool {
    if reminded.is_some_and(|r| now - r < chrono::Duration::days(1) && r <= now) {
        return false;
    }
    match last {
        None => true,
        Some((at, entries)) => {
            now - at >= chrono::Duration::days(REMIND_DAYS)
                || head.saturating_sub(entries) >= REMIND_ENTRIES
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone, Utc};

    #[test]
    fn reminders_follow_days_entries_and_once_a_day() {
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap();
        assert!(reminder_due(None, None, 1, now));
        assert!(!reminder_due(None, Some(now - Duration::hours(3)), 1, now));
        assert!(reminder_due(None, Some(now - Duration::hours(25)), 1, now));
        let recent = Some((now - Duration::days(2), 40));
        assert!(!reminder_due(recent, None, 50, now));
        assert!(reminder_due(recent, None, 40 + REMIND_ENTRIES, now));
        let old = Some((now - Duration::days(REMIND_DAYS), 40));
        assert!(reminder_due(old, None, 40, now));
        assert!(!reminder_due(old, Some(now - Duration::hours(1)), 40, now));
        // A reminder "in the future" (clock set back) does not silence it.
        assert!(reminder_due(old, Some(now + Duration::days(3)), 40, now));
    }

    #[test]
    fn manifests_of_newer_formats_and_other_files_are_refused() {
        let m = Manifest::new("c", 3, "h", 1, "2026-11-30T00:00:00Z");
        let bytes = serde_json::to_vec(&m).unwrap();
        assert_eq!(Manifest::parse(&bytes, "x").unwrap().entries, 3);
        let newer = String::from_utf8(bytes)
            .unwrap()
            .replace("\"format\":1", "\"format\":2");
        assert!(Manifest::parse(newer.as_bytes(), "x").is_err());
        assert!(Manifest::parse(b"{\"kind\":\"other\",\"format\":1}", "x").is_err());
        assert!(Manifest::parse(b"not json", "x").is_err());
    }
}
