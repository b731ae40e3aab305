//! Backups into a folder, restores from one, and the comparison of a
//! backup folder with the live case (`verify --backup`).

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{
    check_chain, check_staged, checked_snapshot, damaged, parent_of, put_in_place, refuse_existing,
    sizes, store_stream, sync_dir, sync_file, temp_beside, Checked, Manifest, StoreError, Summary,
    Temp, CASE_NAME, MANIFEST,
};
use crate::error::{Error, ErrorKind, Result};
use crate::evidence::EvidenceStore;
use crate::store::{Access, Case};

/// What a backup folder held before this run: its entries, if any.
pub struct Previous {
    pub entries: Option<u64>,
}

fn case_in(dest: &Path) -> PathBuf {
    dest.join(CASE_NAME)
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

/// Reads the manifest of a backup folder, if there is one.
pub fn manifest_of(dest: &Path) -> Result<Option<Manifest>> {
    let path = dest.join(MANIFEST);
    match fs::read(&path) {
        Ok(bytes) => Manifest::parse(&bytes, &shown(dest)).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::from_io(e, &shown(&path))),
    }
}

/// Checks that `dest` may take a backup of the case `case_id`: a new or
/// empty folder, or a backup folder of the same case. Returns what the
/// previous backup holds.
fn prepare(dest: &Path, case_id: &str) -> Result<Previous> {
    if dest.exists() && !dest.is_dir() {
        return Err(
            Error::usage(crate::t!("backup-dest-not-folder", path = shown(dest)))
                .with_hint(crate::t!("backup-dest-not-folder-hint")),
        );
    }
    if !dest.exists() {
        if !parent_of(dest).is_dir() {
            return Err(
                Error::io(crate::t!("backup-dest-no-parent", path = shown(dest)))
                    .with_hint(crate::t!("backup-dest-no-parent-hint")),
            );
        }
        crate::store::create_private_dir(dest)?;
        return Ok(Previous { entries: None });
    }
    let manifest = manifest_of(dest)?;
    let Some(manifest) = manifest else {
        let empty = fs::read_dir(dest)
            .map_err(|e| Error::from_io(e, &shown(dest)))?
            .next()
            .is_none();
        if !empty {
            return Err(
                Error::usage(crate::t!("backup-dest-not-empty", path = shown(dest)))
                    .with_hint(crate::t!("backup-dest-not-empty-hint")),
            );
        }
        return Ok(Previous { entries: None });
    };
    if manifest.case_id != case_id {
        return Err(Error::usage(crate::t!(
            "backup-other-case",
            path = shown(dest),
            case = manifest.case_id.clone()
        ))
        .with_hint(crate::t!("backup-dest-other-case-hint")));
    }
    // The copy itself says how far the previous backup goes.
    let entries = if case_in(dest).exists() {
        Case::open(&case_in(dest), Access::ReadOnly)
            .and_then(|c| c.head())
            .ok()
            .map(|(n, _)| n)
    } else {
        None
    };
    Ok(Previous { entries })
}

/// Removes what an interrupted backup left: temporary copies of the case
/// file and partial evidence files.
fn remove_leftovers(dest: &Path) {
    if let Ok(dir) = fs::read_dir(dest) {
        for e in dir.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with(&format!(".{CASE_NAME}."))
                || name.starts_with(&format!(".{MANIFEST}."))
            {
                let _ = fs::remove_file(e.path());
            }
        }
    }
    let sha = EvidenceStore::beside(&case_in(dest)).root().join("sha256");
    if let Ok(dirs) = fs::read_dir(&sha) {
        for d in dirs.flatten() {
            if let Ok(files) = fs::read_dir(d.path()) {
                for f in files.flatten() {
                    if f.file_name().to_string_lossy().starts_with(".incoming-") {
                        let _ = fs::remove_file(f.path());
                    }
                }
            }
        }
    }
}

/// Backs the open case up into the folder `dest`. Copies the evidence
/// files the folder lacks, then replaces the copy of the case file, then
/// checks the copy. On failure, the previous backup is left usable and
/// the error says so.
pub fn backup(case: &Case, dest: &Path, now: &str) -> Result<Summary> {
    let previous = prepare(dest, &case.meta.case_id)?;
    run(case, dest, now).map_err(|e| interrupted(e, dest, &previous))
}

/// An error during a backup, with what is left in the folder.
fn interrupted(e: Error, dest: &Path, previous: &Previous) -> Error {
    let hint = match previous.entries {
        Some(n) => crate::t!(
            "backup-failed-previous-kept",
            path = shown(dest),
            entries = n
        ),
        None => crate::t!("backup-failed-no-previous"),
    };
    let mut out = Error::new(
        e.kind,
        crate::t!("backup-failed", problem = e.message.clone()),
    )
    .with_hint(hint);
    out.broken_pipe = e.broken_pipe;
    out
}

fn run(case: &Case, dest: &Path, now: &str) -> Result<Summary> {
    remove_leftovers(dest);
    let target = case_in(dest);
    let tmp = Temp::new(temp_beside(&target, "copying"));
    let checked = checked_snapshot(case, tmp.path())?;

    // The evidence files first: the previous copy of the case file names
    // fewer files, so the folder stays a usable backup throughout.
    let live = EvidenceStore::beside(case.path());
    let store = EvidenceStore::beside(&target);
    let mut copied = Vec::new();
    let mut bytes_copied = 0u64;
    for f in &checked.files {
        let Some(path) = store.path_of(&f.sha256) else {
            continue;
        };
        if path.exists() {
            continue;
        }
        let mut src = super::open_live_file(&live, f)?;
        match store_stream(&store, &f.sha256, &mut src) {
            Ok(n) => bytes_copied += n,
            Err(StoreError::Mismatch(_)) => {
                return Err(Error::new(
                    ErrorKind::NotIntact,
                    crate::t!("backup-live-file-changed", name = f.name.clone()),
                )
                .with_hint(crate::t!("backup-live-not-intact-hint")))
            }
            Err(StoreError::Read(e)) => {
                let source = live.path_of(&f.sha256).unwrap_or_default();
                return Err(Error::from_io(e, &shown(&source)));
            }
            Err(StoreError::Write(e)) => {
                return Err(Error::from_io(e, &shown(store.root())));
            }
        }
        copied.push(f.clone());
    }

    // Then the case file: the whole copy replaces the old one at once.
    fs::rename(tmp.path(), &target).map_err(|e| Error::from_io(e, &shown(&target)))?;
    tmp.keep();
    sync_dir(dest)?;

    let manifest = Manifest::new(
        &checked.case_id,
        checked.entries,
        &checked.head,
        checked.files.len() as u64,
        now,
    );
    write_manifest(dest, &manifest)?;

    // Check what is now in the folder: the chain of the copy, and the
    // files this run copied (re-read from the folder).
    let copy = Case::open(&target, Access::ReadOnly)?;
    let again = check_chain(&copy)?;
    drop(copy);
    if again.head != checked.head || !again.problems.is_empty() {
        return Err(damaged(&shown(dest), &crate::t!("backup-copy-differs")));
    }
    if let Some(p) = crate::verify::check_files(&store, &copied).first() {
        return Err(damaged(&shown(dest), &p.message));
    }
    let missing: Vec<_> = checked
        .files
        .iter()
        .filter(|f| store.path_of(&f.sha256).is_none_or(|p| !p.exists()))
        .cloned()
        .collect();
    if let Some(p) = crate::verify::check_files(&store, &missing).first() {
        return Err(damaged(&shown(dest), &p.message));
    }
    Ok(Summary {
        case_id: checked.case_id.clone(),
        entries: checked.entries,
        head: checked.head.clone(),
        files: checked.files.len() as u64,
        bytes: sizes(&store, &checked.files),
        files_copied: copied.len() as u64,
        bytes_copied,
        path: dest.to_path_buf(),
        encrypted: false,
    })
}

fn write_manifest(dest: &Path, manifest: &Manifest) -> Result<()> {
    let path = dest.join(MANIFEST);
    let tmp = Temp::new(temp_beside(&path, "writing"));
    let mut bytes = serde_json::to_vec_pretty(manifest)?;
    bytes.push(b'\n');
    fs::write(tmp.path(), bytes).map_err(|e| Error::from_io(e, &shown(&path)))?;
    sync_file(tmp.path())?;
    fs::rename(tmp.path(), &path).map_err(|e| Error::from_io(e, &shown(&path)))?;
    tmp.keep();
    sync_dir(dest)
}

/// Restores a backup folder into a new case file at `db`.
pub fn restore(src: &Path, db: &Path) -> Result<Summary> {
    let src_shown = shown(src);
    refuse_existing(db)?;
    let manifest = manifest_of(src)?.ok_or_else(|| {
        Error::case_file(crate::t!("backup-not-a-backup", path = src_shown.clone()))
            .with_hint(crate::t!("backup-not-a-backup-hint"))
    })?;
    let from = case_in(src);
    if !from.is_file() {
        return Err(damaged(&src_shown, &crate::t!("backup-no-case-copy")));
    }
    let staged = Temp::new(temp_beside(db, "restoring"));
    super::create_new_private(staged.path())?;
    {
        let mut input = fs::File::open(&from).map_err(|e| Error::from_io(e, &shown(&from)))?;
        let mut out = fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(staged.path())
            .map_err(|e| Error::from_io(e, &shown(staged.path())))?;
        std::io::copy(&mut input, &mut out).map_err(|e| Error::from_io(e, &shown(db)))?;
        out.sync_all().map_err(|e| Error::from_io(e, &shown(db)))?;
    }
    // The case file first, to know which evidence files it names.
    let case = Case::open(staged.path(), Access::ReadOnly)?;
    let checked = check_chain(&case)?;
    drop(case);
    let from_store = EvidenceStore::beside(&from);
    let store = EvidenceStore::beside(staged.path());
    let mut bytes = 0u64;
    for f in &checked.files {
        let Some(path) = from_store.path_of(&f.sha256) else {
            continue;
        };
        let mut input = fs::File::open(&path).map_err(|_| {
            damaged(
                &src_shown,
                &crate::t!("backup-file-missing", name = f.name.clone()),
            )
        })?;
        match store_stream(&store, &f.sha256, &mut input) {
            Ok(n) => bytes += n,
            Err(StoreError::Mismatch(_)) | Err(StoreError::Read(_)) => {
                return Err(damaged(
                    &src_shown,
                    &crate::t!("backup-file-changed", name = f.name.clone()),
                ))
            }
            Err(StoreError::Write(e)) => return Err(Error::from_io(e, &shown(db))),
        }
    }
    let checked = check_staged(staged.path(), &manifest.case_id, &src_shown)?;
    put_in_place(staged.path(), db)?;
    staged.keep();
    Ok(summary_of(checked, bytes, db, false))
}

pub fn summary_of(checked: Checked, bytes: u64, path: &Path, encrypted: bool) -> Summary {
    let files = checked.files.len() as u64;
    Summary {
        case_id: checked.case_id,
        entries: checked.entries,
        head: checked.head,
        files,
        bytes,
        files_copied: files,
        bytes_copied: bytes,
        path: path.to_path_buf(),
        encrypted,
    }
}

/// How a backup folder stands against the live case.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub case_id: String,
    /// Entries in the backup (1 to `backup_entries`).
    pub backup_entries: u64,
    /// Entries in the live case.
    pub case_entries: u64,
    pub backup_head: String,
    /// The backup is an unchanged prefix of the case.
    pub prefix: bool,
    /// Evidence files the backup holds, each re-hashed.
    pub files_checked: u64,
    /// Evidence files of the case that the backup does not hold yet.
    pub files_missing: u64,
    /// Problems found: the first entry or file that fails, in words.
    pub problems: Vec<String>,
    pub intact: bool,
}

/// Compares the backup folder `dest` with the live case: same case, the
/// backup's chain is intact and its head is an entry of the case, and
/// every evidence file it holds is intact.
pub fn compare(live: &Case, dest: &Path) -> Result<Comparison> {
    let dest_shown = shown(dest);
    let manifest = manifest_of(dest)?.ok_or_else(|| {
        Error::case_file(crate::t!("backup-not-a-backup", path = dest_shown.clone()))
            .with_hint(crate::t!("backup-not-a-backup-hint"))
    })?;
    same_case(live, &manifest, &dest_shown)?;
    let copy = Case::open(&case_in(dest), Access::ReadOnly)?;
    let checked = check_chain(&copy)?;
    drop(copy);
    let store = EvidenceStore::beside(&case_in(dest));
    let file_problems = crate::verify::check_files(&store, &checked.files)
        .into_iter()
        .map(|p| p.message)
        .collect();
    compared(live, checked, file_problems, |sha| {
        store.path_of(sha).is_some_and(|p| p.exists())
    })
}

/// Refuses a backup of another case (exit 1: it is not a copy of this one).
pub fn same_case(live: &Case, manifest: &Manifest, shown: &str) -> Result<()> {
    if manifest.case_id == live.meta.case_id {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::NotIntact,
        crate::t!(
            "backup-other-case",
            path = shown,
            case = manifest.case_id.clone()
        ),
    )
    .with_hint(crate::t!("backup-verify-other-case-hint")))
}

/// The comparison of a backup (its chain `checked`, the problems found in
/// its evidence files, and whether it holds a file by SHA-256) with the
/// live case; shared by folders and archives.
pub fn compared(
    live: &Case,
    checked: Checked,
    file_problems: Vec<String>,
    holds: impl Fn(&str) -> bool,
) -> Result<Comparison> {
    let live_checked = check_chain(live)?;
    let mut problems: Vec<String> = checked.problems.iter().map(|p| p.message.clone()).collect();
    let prefix = checked.problems.is_empty()
        && checked.case_id == live.meta.case_id
        && (checked.entries == 0
            || live
                .get(checked.entries)?
                .is_some_and(|s| s.hash == checked.head));
    if checked.problems.is_empty() && !prefix {
        problems.push(crate::t!("backup-not-prefix", entries = checked.entries));
    }
    problems.extend(file_problems);
    let files_missing = live_checked
        .files
        .iter()
        .filter(|f| !holds(&f.sha256))
        .count() as u64;
    Ok(Comparison {
        case_id: live.meta.case_id.clone(),
        backup_entries: checked.entries,
        case_entries: live_checked.entries,
        backup_head: checked.head,
        prefix,
        files_checked: checked.files.len() as u64,
        files_missing,
        intact: problems.is_empty(),
        problems,
    })
}
