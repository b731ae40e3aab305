//! Encrypted backups: one file, an age archive (passphrase, scrypt)
//! holding a tar of the same layout as a backup folder. `age -d FILE |
//! tar x` opens it without kiroku.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;

use super::folder::{self, Comparison};
use super::{
    check_chain, check_staged, checked_snapshot, damaged, parent_of, put_in_place, refuse_existing,
    sizes, store_stream, sync_dir, temp_beside, Manifest, StoreError, Summary, Temp, CASE_NAME,
    MANIFEST,
};
use crate::error::{Error, Result};
use crate::evidence::{copy_hashing, EvidenceStore};
use crate::store::{Access, Case};

/// The file name used when the destination is a folder.
pub const ARCHIVE_NAME: &str = "kiroku-backup.age";

fn shown(p: &Path) -> String {
    p.display().to_string()
}

/// Where the archive goes: `dest` itself, or `dest/kiroku-backup.age`
/// when `dest` is a folder.
pub fn archive_path(dest: &Path) -> PathBuf {
    if dest.is_dir() {
        dest.join(ARCHIVE_NAME)
    } else {
        dest.to_path_buf()
    }
}

/// Whether a file starts as an age archive does.
pub fn is_archive(path: &Path) -> bool {
    let mut head = [0u8; 21];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && head.starts_with(b"age-encryption.org/v1")
}

/// The prefix of evidence files in the tar.
fn evidence_prefix() -> String {
    format!("{CASE_NAME}.evidence/sha256/")
}

/// Writes an encrypted backup of the open case to `dest` (replacing an
/// earlier archive there only once the new one is complete and checked).
pub fn backup(case: &Case, dest: &Path, passphrase: &SecretString, now: &str) -> Result<Summary> {
    let path = archive_path(dest);
    if !parent_of(&path).is_dir() {
        return Err(
            Error::io(crate::t!("backup-dest-no-parent", path = shown(dest)))
                .with_hint(crate::t!("backup-dest-no-parent-hint")),
        );
    }
    if path.exists() && !is_archive(&path) {
        return Err(
            Error::usage(crate::t!("backup-dest-not-archive", path = shown(&path)))
                .with_hint(crate::t!("backup-dest-not-archive-hint")),
        );
    }
    // The snapshot is kept beside the case file, never beside the archive
    // (which may be in a cloud folder), and removed at the end.
    let snap = Temp::new(temp_beside(case.path(), "backup"));
    let checked = checked_snapshot(case, snap.path())?;
    let snap_sha = {
        let mut f =
            fs::File::open(snap.path()).map_err(|e| Error::from_io(e, &shown(snap.path())))?;
        copy_hashing(&mut f, &mut io::sink())
            .map_err(|_| Error::io(crate::t!("backup-snapshot-unreadable")))?
            .sha256
    };
    let manifest = Manifest::new(
        &checked.case_id,
        checked.entries,
        &checked.head,
        checked.files.len() as u64,
        now,
    );
    let live = EvidenceStore::beside(case.path());

    let tmp = Temp::new(temp_beside(&path, "writing"));
    let write_err = |e: io::Error| Error::from_io(e, &shown(&path));
    {
        let file = super::create_new_private(tmp.path())?;
        let encryptor = age::Encryptor::with_user_passphrase(passphrase.clone());
        let writer = encryptor
            .wrap_output(BufWriter::with_capacity(1 << 20, file))
            .map_err(write_err)?;
        let mut tar = tar::Builder::new(writer);
        tar.mode(tar::HeaderMode::Deterministic);
        let mut manifest_bytes = serde_json::to_vec_pretty(&manifest)?;
        manifest_bytes.push(b'\n');
        append_bytes(&mut tar, MANIFEST, &manifest_bytes).map_err(write_err)?;
        let mut f =
            fs::File::open(snap.path()).map_err(|e| Error::from_io(e, &shown(snap.path())))?;
        tar.append_file(CASE_NAME, &mut f).map_err(write_err)?;
        for nf in &checked.files {
            let mut f = super::open_live_file(&live, nf)?;
            let name = format!(
                "{}{}/{}",
                evidence_prefix(),
                &nf.sha256[..2],
                &nf.sha256[2..]
            );
            tar.append_file(name, &mut f).map_err(write_err)?;
        }
        let writer = tar.into_inner().map_err(write_err)?;
        let buffered = writer.finish().map_err(write_err)?;
        let file = buffered
            .into_inner()
            .map_err(|e| write_err(e.into_error()))?;
        file.sync_all().map_err(write_err)?;
    }

    // Read the new archive back before it replaces the old one.
    let found = read_back(tmp.path(), passphrase)?;
    let mut want: HashMap<String, ()> = checked
        .files
        .iter()
        .map(|f| (f.sha256.clone(), ()))
        .collect();
    let mut case_ok = false;
    for (name, sha) in &found {
        if name == CASE_NAME {
            case_ok = *sha == snap_sha;
        } else if let Some(rest) = name.strip_prefix(&evidence_prefix()) {
            let named = rest.replace('/', "");
            if named == *sha {
                want.remove(sha);
            }
        }
    }
    if !case_ok || !want.is_empty() {
        return Err(damaged(&shown(&path), &crate::t!("backup-copy-differs")));
    }
    fs::rename(tmp.path(), &path).map_err(|e| Error::from_io(e, &shown(&path)))?;
    tmp.keep();
    sync_dir(&parent_of(&path))?;
    let bytes = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let files = checked.files.len() as u64;
    Ok(Summary {
        case_id: checked.case_id,
        entries: checked.entries,
        head: checked.head,
        files,
        bytes: sizes(&live, &checked.files),
        files_copied: files,
        bytes_copied: bytes,
        path,
        encrypted: true,
    })
}

fn append_bytes<W: Write>(tar: &mut tar::Builder<W>, name: &str, bytes: &[u8]) -> io::Result<()> {
    let mut header = tar::Header::new_gnu();
    header.set_size(bytes.len() as u64);
    header.set_mode(0o600);
    header.set_cksum();
    tar.append_data(&mut header, name, bytes)
}

/// Opens an archive for reading its tar: refuses a wrong passphrase and
/// a file that is not an archive with one clear line.
fn open_archive(path: &Path, passphrase: &SecretString) -> Result<impl Read> {
    let p = shown(path);
    let file = fs::File::open(path).map_err(|e| Error::from_io(e, &p))?;
    let decryptor = age::Decryptor::new_buffered(BufReader::with_capacity(1 << 20, file))
        .map_err(|e| decrypt_error(e, &p))?;
    if !decryptor.is_scrypt() {
        return Err(
            Error::case_file(crate::t!("backup-not-a-backup", path = p.clone()))
                .with_hint(crate::t!("backup-not-a-backup-hint")),
        );
    }
    let identity = age::scrypt::Identity::new(passphrase.clone());
    decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| decrypt_error(e, &p))
}

fn decrypt_error(e: age::DecryptError, p: &str) -> Error {
    match e {
        // With a passphrase, a wrong one fails to unwrap the file key.
        age::DecryptError::NoMatchingKeys
        | age::DecryptError::KeyDecryptionFailed
        | age::DecryptError::DecryptionFailed => {
            Error::usage(crate::t!("backup-wrong-passphrase", path = p))
                .with_hint(crate::t!("backup-wrong-passphrase-hint"))
        }
        age::DecryptError::UnknownFormat => {
            Error::case_file(crate::t!("backup-newer-format", path = p))
                .with_hint(crate::t!("backup-newer-format-hint"))
        }
        age::DecryptError::Io(ref io) if io.kind() == io::ErrorKind::PermissionDenied => Error::io(
            crate::t!("backup-io-detail", path = p, error = io.to_string()),
        ),
        other => damaged(p, &other.to_string()),
    }
}

/// A read error inside an archive: damaged (the age stream checks every
/// chunk and the end), unless the disk itself failed.
fn read_error(e: io::Error, p: &str) -> Error {
    match e.kind() {
        io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof | io::ErrorKind::Other => {
            damaged(p, &e.to_string())
        }
        _ => Error::from_io(e, p),
    }
}

/// Calls `each` with the name and reader of every member of the archive's
/// tar, in order; read errors are "damaged" (see [`read_error`]).
fn each_member<R: Read>(
    reader: R,
    p: &str,
    mut each: impl FnMut(&str, &mut tar::Entry<'_, R>) -> Result<()>,
) -> Result<()> {
    let mut archive = tar::Archive::new(reader);
    for entry in archive.entries().map_err(|e| read_error(e, p))? {
        let mut entry = entry.map_err(|e| read_error(e, p))?;
        let name = entry
            .path()
            .map_err(|e| read_error(e, p))?
            .to_string_lossy()
            .into_owned();
        each(&name, &mut entry)?;
    }
    Ok(())
}

/// The SHA-256 of a member, read to its end.
fn hash_member(entry: &mut impl Read, p: &str) -> Result<String> {
    copy_hashing(entry, &mut io::sink())
        .map(|c| c.sha256)
        .map_err(|e| match e {
            crate::evidence::CopyError::Read(e) | crate::evidence::CopyError::Write(e) => {
                read_error(e, p)
            }
        })
}

/// The manifest member.
fn read_manifest(entry: &mut impl Read, p: &str) -> Result<Manifest> {
    let mut b = Vec::new();
    entry.read_to_end(&mut b).map_err(|e| read_error(e, p))?;
    Manifest::parse(&b, p)
}

/// Decrypts an archive completely and returns each member's name and
/// SHA-256.
fn read_back(path: &Path, passphrase: &SecretString) -> Result<Vec<(String, String)>> {
    let p = shown(path);
    let reader = open_archive(path, passphrase)?;
    let mut out = Vec::new();
    each_member(reader, &p, |name, entry| {
        out.push((name.to_string(), hash_member(entry, &p)?));
        Ok(())
    })?;
    Ok(out)
}

/// Writes the archive's copy of the case file to `to` (a new private
/// file, synced).
fn write_case_copy(entry: &mut impl Read, to: &Path, p: &str, target: &str) -> Result<()> {
    let mut out = super::create_new_private(to)?;
    io::copy(entry, &mut out).map_err(|e| {
        if e.kind() == io::ErrorKind::InvalidData || e.kind() == io::ErrorKind::UnexpectedEof {
            read_error(e, p)
        } else {
            Error::from_io(e, target)
        }
    })?;
    out.sync_all().map_err(|e| Error::from_io(e, target))
}

fn unexpected(p: &str, name: &str) -> Error {
    damaged(p, &crate::t!("backup-unexpected-member", name = name))
}

/// Restores an encrypted archive into a new case file at `db`.
pub fn restore(src: &Path, db: &Path, passphrase: &SecretString) -> Result<Summary> {
    let p = shown(src);
    refuse_existing(db)?;
    let reader = open_archive(src, passphrase)?;
    let staged = Temp::new(temp_beside(db, "restoring"));
    let store = EvidenceStore::beside(staged.path());
    let mut manifest: Option<Manifest> = None;
    let mut have_case = false;
    let mut bytes = 0u64;
    each_member(reader, &p, |name, entry| {
        if name == MANIFEST {
            manifest = Some(read_manifest(entry, &p)?);
        } else if name == CASE_NAME && !have_case {
            write_case_copy(entry, staged.path(), &p, &shown(db))?;
            have_case = true;
        } else if let Some(rest) = name.strip_prefix(&evidence_prefix()) {
            let sha = rest.replace('/', "");
            if store.path_of(&sha).is_none() {
                return Err(unexpected(&p, name));
            }
            match store_stream(&store, &sha, entry) {
                Ok(n) => bytes += n,
                Err(StoreError::Mismatch(_)) => {
                    return Err(damaged(&p, &crate::t!("backup-file-changed", name = sha)))
                }
                Err(StoreError::Read(e)) => return Err(read_error(e, &p)),
                Err(StoreError::Write(e)) => return Err(Error::from_io(e, &shown(db))),
            }
        } else {
            return Err(unexpected(&p, name));
        }
        Ok(())
    })?;
    let manifest = manifest.ok_or_else(|| damaged(&p, &crate::t!("backup-no-manifest")))?;
    if !have_case {
        return Err(damaged(&p, &crate::t!("backup-no-case-copy")));
    }
    let checked = check_staged(staged.path(), &manifest.case_id, &p)?;
    put_in_place(staged.path(), db)?;
    staged.keep();
    Ok(super::folder::summary_of(checked, bytes, db, true))
}

/// Compares an encrypted archive with the live case (`verify --backup`),
/// as [`folder::compare`] does a folder: the archive is decrypted once;
/// its case file goes to a temporary file beside the live case file
/// (never beside the archive, which may be in a cloud folder), removed at
/// the end; each evidence file is hashed as it is read.
pub fn compare(live: &Case, src: &Path, passphrase: &SecretString) -> Result<Comparison> {
    let p = shown(src);
    let reader = open_archive(src, passphrase)?;
    let staged = Temp::new(temp_beside(live.path(), "verifying"));
    let mut have_manifest = false;
    let mut have_case = false;
    let mut held: HashSet<String> = HashSet::new();
    let mut altered: HashSet<String> = HashSet::new();
    let mut problems: Vec<String> = Vec::new();
    each_member(reader, &p, |name, entry| {
        if name == MANIFEST {
            folder::same_case(live, &read_manifest(entry, &p)?, &p)?;
            have_manifest = true;
        } else if name == CASE_NAME && !have_case {
            write_case_copy(entry, staged.path(), &p, &shown(staged.path()))?;
            have_case = true;
        } else if let Some(rest) = name.strip_prefix(&evidence_prefix()) {
            let named = rest.replace('/', "");
            if hash_member(entry, &p)? == named {
                held.insert(named);
            } else {
                problems.push(crate::t!("backup-file-changed", name = named.clone()));
                altered.insert(named);
            }
        } else {
            return Err(unexpected(&p, name));
        }
        Ok(())
    })?;
    if !have_manifest {
        return Err(damaged(&p, &crate::t!("backup-no-manifest")));
    }
    if !have_case {
        return Err(damaged(&p, &crate::t!("backup-no-case-copy")));
    }
    let copy = Case::open(staged.path(), Access::ReadOnly)?;
    let checked = check_chain(&copy)?;
    drop(copy);
    // Files the backup's own entries name that it does not hold.
    for f in &checked.files {
        if !held.contains(&f.sha256) && !altered.contains(&f.sha256) {
            problems.push(crate::t!("backup-file-missing", name = f.name.clone()));
        }
    }
    folder::compared(live, checked, problems, |sha| held.contains(sha))
}
