//! Evidence files: kept byte for byte in a content-addressed folder beside
//! the case file.
//!
//! * Layout: `<case file>.evidence/sha256/ab/cdef…`, where `abcdef…` is the
//!   lower-case hex SHA-256 of the content. The same content is kept once.
//! * Folders are owner-only (0700), stored files owner-read-only (0400).
//! * A file is copied and hashed in one streaming pass (constant memory)
//!   into a temporary file inside the evidence folder, flushed to disk, and
//!   only then linked under its address, so a partial copy never appears
//!   under a real address. Partial copies left by an interrupted command
//!   (`.incoming-…`) are removed by a later one once they are a day old.
//! * What the entry records about each file is a [`EvidenceFile`]; the
//!   hash chain covers it, and `verify` re-hashes the stored bytes.

use std::collections::{HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::chain::hex;
use crate::error::{Error, Result};
use crate::model::{EvidenceFile, Kind};
use crate::store::{create_private_dir, Case};
use crate::timeparse;

/// Read and write in pieces of this size.
pub const BUFFER: usize = 128 * 1024;

/// Temporary files in the store start with this.
const INCOMING: &str = ".incoming-";

/// A temporary file untouched for this long was left by a copy that was
/// interrupted (the computer was switched off, Ctrl-C).
const STALE: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// How much of the start of a file is kept to recognise its type.
const HEAD: usize = 16 * 1024;

/// The result of a hashing copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    pub sha256: String,
    pub size: u64,
    /// The first bytes of the content (up to 16 KiB), for [`media_type`].
    pub head: Vec<u8>,
}

/// Which side of a copy failed.
#[derive(Debug)]
pub enum CopyError {
    Read(io::Error),
    Write(io::Error),
}

/// Copies `src` to `dst` and hashes it in the same pass, in pieces of
/// [`BUFFER`] bytes: memory use does not grow with the file.
pub fn copy_hashing(src: &mut impl Read, dst: &mut impl Write) -> Result<Copied, CopyError> {
    let mut buf = vec![0u8; BUFFER];
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut head = Vec::new();
    loop {
        let n = match src.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(CopyError::Read(e)),
        };
        let piece = &buf[..n];
        hasher.update(piece);
        if head.len() < HEAD {
            let take = (HEAD - head.len()).min(n);
            head.extend_from_slice(&piece[..take]);
        }
        dst.write_all(piece).map_err(CopyError::Write)?;
        size += n as u64;
    }
    dst.flush().map_err(CopyError::Write)?;
    Ok(Copied {
        sha256: hex(&hasher.finalize()),
        size,
        head,
    })
}

/// The media type: from the content's first bytes, else from the name's
/// extension, else `application/octet-stream`.
pub fn media_type(head: &[u8], name: &str) -> String {
    if let Some(t) = infer::get(head) {
        return t.mime_type().to_string();
    }
    mime_guess::from_path(name)
        .first_raw()
        .unwrap_or("application/octet-stream")
        .to_string()
}

/// A file name as recorded: the text (with U+FFFD for bytes that are not
/// UTF-8) and, only when the name is not UTF-8, its exact bytes in hex.
pub fn recorded_name(name: &OsStr) -> (String, Option<String>) {
    match name.to_str() {
        Some(s) => (s.to_string(), None),
        None => (
            name.to_string_lossy().into_owned(),
            Some(hex(name.as_encoded_bytes())),
        ),
    }
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The original file name of a recorded file, exactly (bytes included), or
/// `None` when the record holds nothing usable as a plain file name.
pub fn original_name(file: &EvidenceFile) -> Option<OsString> {
    let name: OsString = match &file.name_hex {
        #[cfg(unix)]
        Some(h) => {
            use std::os::unix::ffi::OsStringExt;
            OsString::from_vec(unhex(h)?)
        }
        _ => OsString::from(&file.name),
    };
    let bytes = name.as_encoded_bytes();
    let plain = !bytes.is_empty()
        && name != "."
        && name != ".."
        && !bytes.iter().any(|b| matches!(b, b'/' | b'\\' | 0));
    plain.then_some(name)
}

/// Sizes for people: "512 B", "3.4 KB", "1.2 GB" (units of 1000).
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    let mut v = bytes as f64 / 1000.0;
    let mut unit = 0;
    while v >= 999.95 && unit + 1 < UNITS.len() {
        v /= 1000.0;
        unit += 1;
    }
    format!("{v:.1} {}", UNITS[unit])
}

/// What a stored copy looks like now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    Intact,
    Missing,
    /// The bytes are different: their SHA-256 is now this.
    Changed(String),
    /// It could not be read (the reason).
    Unreadable(String),
}

/// A file newly placed in the store by [`EvidenceStore::put`].
#[derive(Debug)]
pub struct Put {
    pub file: EvidenceFile,
    /// The stored copy's path when this call made it (it was not there).
    pub new: Option<PathBuf>,
}

/// Files stored by one command. Dropped without [`Staged::keep`], they are
/// removed again, so a command that fails leaves nothing behind.
#[derive(Debug, Default)]
pub struct Staged {
    paths: Vec<PathBuf>,
}

impl Staged {
    pub fn add(&mut self, put: &Put) {
        self.paths.extend(put.new.clone());
    }

    /// The entry that refers to the files was recorded: keep them.
    pub fn keep(mut self) {
        self.paths.clear();
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        for p in &self.paths {
            let _ = fs::remove_file(p);
            // Its folder too, when nothing else is in it.
            if let Some(dir) = p.parent() {
                let _ = fs::remove_dir(dir);
            }
        }
    }
}

/// A temporary file, removed when dropped unless it was moved away.
struct TempPath(PathBuf);

impl Drop for TempPath {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

/// The evidence folder of one case file.
#[derive(Debug, Clone)]
pub struct EvidenceStore {
    root: PathBuf,
}

impl EvidenceStore {
    /// The store of the case file at `case_path`: `<case file>.evidence`.
    pub fn beside(case_path: &Path) -> EvidenceStore {
        let mut root = case_path.as_os_str().to_owned();
        root.push(".evidence");
        EvidenceStore {
            root: PathBuf::from(root),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the content with this SHA-256 is kept; `None` when the text
    /// is not a SHA-256 (64 lower-case hex digits).
    pub fn path_of(&self, sha256: &str) -> Option<PathBuf> {
        let valid = sha256.len() == 64
            && sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        valid.then(|| {
            self.root
                .join("sha256")
                .join(&sha256[..2])
                .join(&sha256[2..])
        })
    }

    /// Copies the file at `source` into the store and describes it.
    /// Missing files, folders, pipes and read or write failures are
    /// errors; nothing partial is left behind.
    pub fn put(&self, source: &Path) -> Result<Put> {
        let shown = source.display().to_string();
        let meta = fs::metadata(source).map_err(|e| source_error(e, &shown))?;
        if meta.is_dir() {
            return Err(Error::usage(crate::t!("core-attach-folder", path = &shown))
                .with_hint(crate::t!("core-attach-folder-hint")));
        }
        if !meta.is_file() {
            return Err(
                Error::usage(crate::t!("core-attach-special", path = &shown))
                    .with_hint(crate::t!("core-attach-special-hint")),
            );
        }
        let name = source.file_name().ok_or_else(|| {
            Error::usage(crate::t!("core-attach-no-name", path = &shown))
                .with_hint(crate::t!("core-attach-no-name-hint"))
        })?;
        let (name, name_hex) = recorded_name(name);
        let modified_at = meta
            .modified()
            .ok()
            .map(|t| timeparse::format_utc_millis(&DateTime::<Utc>::from(t)));
        let mut src = fs::File::open(source).map_err(|e| source_error(e, &shown))?;
        let (copied, new) = self.store_from(&mut src, &shown, meta.len())?;
        Ok(Put {
            file: EvidenceFile {
                media_type: media_type(&copied.head, &name),
                modified_at,
                name,
                name_hex,
                sha256: copied.sha256,
                size: copied.size,
            },
            new,
        })
    }

    /// Stores bytes held in memory (one message of a mailbox, say) as a
    /// file named `name`.
    pub fn put_bytes(&self, name: &str, bytes: &[u8]) -> Result<Put> {
        let (copied, new) = self.store_from(&mut &bytes[..], name, bytes.len() as u64)?;
        Ok(Put {
            file: EvidenceFile {
                media_type: media_type(&copied.head, name),
                modified_at: None,
                name: name.to_string(),
                name_hex: None,
                sha256: copied.sha256,
                size: copied.size,
            },
            new,
        })
    }

    /// Copies `expected` bytes from `src` (named `shown` in errors) into
    /// the store. Returns what was copied, and the stored copy's path when
    /// this call made it.
    fn store_from(
        &self,
        src: &mut impl Read,
        shown: &str,
        expected: u64,
    ) -> Result<(Copied, Option<PathBuf>)> {
        create_private_dir(&self.root)?;
        self.remove_stale_incoming();
        let tmp = TempPath(
            self.root
                .join(format!("{INCOMING}{}", uuid::Uuid::new_v4().simple())),
        );
        let mut opts = fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let mut dst = opts.open(&tmp.0).map_err(|e| self.store_error(e))?;
        let copied = copy_hashing(src, &mut dst).map_err(|e| match e {
            CopyError::Read(e) => source_error(e, shown),
            CopyError::Write(e) => self.store_error(e),
        })?;
        if copied.size != expected {
            return Err(Error::io(crate::t!("core-attach-changed", path = shown))
                .with_hint(crate::t!("core-attach-changed-hint")));
        }
        set_read_only(&tmp.0).map_err(|e| self.store_error(e))?;
        dst.sync_all().map_err(|e| self.store_error(e))?;
        drop(dst);

        let dest = self
            .path_of(&copied.sha256)
            .ok_or_else(|| Error::internal("a computed SHA-256 is not valid"))?;
        let dir = dest
            .parent()
            .ok_or_else(|| Error::internal("a stored file has no folder"))?;
        create_private_dir(dir)?;
        // Link, not rename: an existing copy is kept as it is.
        let new = match fs::hard_link(&tmp.0, &dest) {
            Ok(()) => true,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => false,
            // Some file systems (e.g. FAT on a USB stick) have no links.
            Err(_) if fs::symlink_metadata(&dest).is_err() => {
                fs::rename(&tmp.0, &dest).map_err(|e| self.store_error(e))?;
                true
            }
            Err(_) => false,
        };
        drop(tmp);
        if new {
            sync_dir(dir).map_err(|e| self.store_error(e))?;
        }
        Ok((copied, new.then_some(dest)))
    }

    /// Removes partial copies left by interrupted commands. They are never
    /// named by an entry; a copy still in progress is younger than a day.
    fn remove_stale_incoming(&self) {
        let Ok(dir) = fs::read_dir(&self.root) else {
            return;
        };
        for e in dir.flatten() {
            let stale = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > STALE);
            if stale && e.file_name().to_string_lossy().starts_with(INCOMING) {
                let _ = fs::remove_file(e.path());
            }
        }
    }

    /// Opens the stored copy of a file for reading.
    pub fn open(&self, sha256: &str) -> io::Result<fs::File> {
        let path = self
            .path_of(sha256)
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "not a SHA-256"))?;
        fs::File::open(path)
    }

    /// Re-hashes the stored copy of a file from its bytes.
    pub fn check(&self, sha256: &str) -> Health {
        let mut f = match self.open(sha256) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Health::Missing,
            Err(e) => return Health::Unreadable(e.to_string()),
        };
        match copy_hashing(&mut f, &mut io::sink()) {
            Ok(c) if c.sha256 == sha256 => Health::Intact,
            Ok(c) => Health::Changed(c.sha256),
            Err(CopyError::Read(e) | CopyError::Write(e)) => Health::Unreadable(e.to_string()),
        }
    }

    fn store_error(&self, e: io::Error) -> Error {
        let mut err = Error::from_io(
            e,
            &crate::t!("core-evidence-folder", path = self.root.as_path()),
        );
        if err.hint.is_none() {
            err = err.with_hint(crate::t!("core-nothing-recorded"));
        }
        err
    }
}

/// An error reading a file the user gave.
fn source_error(e: io::Error, shown: &str) -> Error {
    let not_found = e.kind() == io::ErrorKind::NotFound;
    let mut err = Error::from_io(e, shown);
    if not_found {
        err = err.with_hint(crate::t!("core-attach-not-found-hint"));
    } else if err.hint.is_none() {
        err = err.with_hint(crate::t!("core-nothing-recorded"));
    }
    err
}

fn set_read_only(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o400))
    }
    #[cfg(not(unix))]
    {
        let mut p = fs::metadata(path)?.permissions();
        p.set_readonly(true);
        fs::set_permissions(path, p)
    }
}

/// Makes a new name in a folder durable (Unix; elsewhere a no-op).
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    let _ = dir;
    Ok(())
}

/// One distinct file (one content) of a case, as an exhibit. Numbers run
/// 1, 2, 3 … in order of first attachment and never change: files of
/// withdrawn entries keep their number and are marked.
#[derive(Debug, Clone, Serialize)]
pub struct Exhibit {
    pub number: usize,
    pub sha256: String,
    pub size: u64,
    pub media_type: String,
    /// The name it was first attached under.
    pub name: String,
    /// That name's exact bytes in hex, when they are not UTF-8.
    pub name_hex: Option<String>,
    /// The file's own modification time when first attached.
    pub modified_at: Option<String>,
    /// Every entry that refers to it, in order.
    pub refs: Vec<ExhibitRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExhibitRef {
    /// The contact, action or note the file is evidence for.
    pub entry: u64,
    /// The entry that recorded the file: the same, or an `attach` entry.
    pub recorded_in: u64,
    /// The name the file had there.
    pub name: String,
    /// Whether either entry was withdrawn.
    pub withdrawn: bool,
}

impl Exhibit {
    /// The file as first recorded (for its original name and time).
    pub fn first_file(&self) -> EvidenceFile {
        EvidenceFile {
            media_type: self.media_type.clone(),
            modified_at: self.modified_at.clone(),
            name: self.name.clone(),
            name_hex: self.name_hex.clone(),
            sha256: self.sha256.clone(),
            size: self.size,
        }
    }
}

/// Every evidence file of a case, numbered (reads the record once).
pub fn catalogue(case: &Case) -> Result<Vec<Exhibit>> {
    let mut exhibits: Vec<Exhibit> = Vec::new();
    let mut by_sha: HashMap<String, usize> = HashMap::new();
    let mut voided: HashSet<u64> = HashSet::new();
    // Only entries that can hold files, or withdraw them, matter. The
    // canonical body spells the field exactly `"evidence":[`; text that
    // merely contains those characters is read too, and holds no files.
    let relevant = case.select_containing(&["void"], "\"evidence\":[")?;
    for stored in relevant {
        let seq = stored.seq;
        let body = stored.body;
        if body.kind == Kind::Void {
            voided.extend(body.target);
        }
        let entry = match body.kind {
            Kind::Attach => body.target.unwrap_or(seq),
            _ => seq,
        };
        for f in body.evidence {
            let i = match by_sha.get(&f.sha256) {
                Some(&i) => i,
                None => {
                    exhibits.push(Exhibit {
                        number: exhibits.len() + 1,
                        sha256: f.sha256.clone(),
                        size: f.size,
                        media_type: f.media_type.clone(),
                        name: f.name.clone(),
                        name_hex: f.name_hex.clone(),
                        modified_at: f.modified_at.clone(),
                        refs: Vec::new(),
                    });
                    by_sha.insert(f.sha256.clone(), exhibits.len() - 1);
                    exhibits.len() - 1
                }
            };
            exhibits[i].refs.push(ExhibitRef {
                entry,
                recorded_in: seq,
                name: f.name,
                withdrawn: false,
            });
        }
    }
    for r in exhibits.iter_mut().flat_map(|e| e.refs.iter_mut()) {
        r.withdrawn = voided.contains(&r.entry) || voided.contains(&r.recorded_in);
    }
    Ok(exhibits)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives some bytes, then fails.
    struct Failing(usize);

    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0 == 0 {
                return Err(io::Error::from_raw_os_error(5));
            }
            let n = self.0.min(buf.len());
            buf[..n].fill(b'x');
            self.0 -= n;
            Ok(n)
        }
    }

    #[test]
    fn copy_hashes_what_it_copies() {
        let data: Vec<u8> = (0..(BUFFER * 2 + 17)).map(|i| (i % 251) as u8).collect();
        let mut out = Vec::new();
        let c = copy_hashing(&mut &data[..], &mut out).unwrap();
        assert_eq!(out, data);
        assert_eq!(c.size, data.len() as u64);
        assert_eq!(c.sha256, crate::chain::sha256_hex(&data));
        assert_eq!(c.head, data[..HEAD]);
        let empty = copy_hashing(&mut io::empty(), &mut Vec::new()).unwrap();
        assert_eq!(
            empty.sha256,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn copy_reports_which_side_failed() {
        let mut out = Vec::new();
        let err = copy_hashing(&mut Failing(1000), &mut out).unwrap_err();
        assert!(matches!(err, CopyError::Read(_)));
        let mut full = [0u8; 10];
        let err = copy_hashing(&mut &[1u8; 100][..], &mut &mut full[..]).unwrap_err();
        assert!(matches!(err, CopyError::Write(_)));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_full_disk_is_reported_as_such() {
        // Every write to /dev/full fails with "no space left on device".
        let mut full = fs::File::options().write(true).open("/dev/full").unwrap();
        let Err(CopyError::Write(e)) = copy_hashing(&mut &[7u8; 1000][..], &mut full) else {
            panic!("the write must fail");
        };
        let err = EvidenceStore::beside(Path::new("case.sqlite")).store_error(e);
        assert_eq!(err.kind, crate::error::ErrorKind::Io);
        let line = err.to_line();
        assert!(
            line.contains("case.sqlite.evidence: the disk is full"),
            "{line}"
        );
        assert!(line.contains("nothing was recorded"), "{line}");
    }

    #[test]
    fn unreadable_source_leaves_nothing_behind() {
        // Tests run as root, who may read any file: the failure is injected.
        let dir = tempfile::tempdir().unwrap();
        let store = EvidenceStore::beside(&dir.path().join("case.sqlite"));
        let err = store
            .store_from(&mut Failing(BUFFER + 5), "photo.jpg", 1 << 20)
            .unwrap_err();
        assert_eq!(err.kind, crate::error::ErrorKind::Io);
        assert!(
            err.to_line().starts_with("error: photo.jpg: "),
            "{}",
            err.to_line()
        );
        assert!(err.to_line().contains("nothing was recorded"));
        assert_eq!(fs::read_dir(store.root()).unwrap().count(), 0);
        // A file that grows or shrinks while copied is refused too.
        let err = store
            .store_from(&mut &b"abc"[..], "log.txt", 4)
            .unwrap_err();
        assert!(err.message.contains("changed while"));
        assert_eq!(fs::read_dir(store.root()).unwrap().count(), 0);
    }

    #[test]
    fn partial_copies_of_interrupted_commands_are_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let store = EvidenceStore::beside(&dir.path().join("case.sqlite"));
        fs::create_dir_all(store.root()).unwrap();
        let old = store.root().join(".incoming-old");
        let young = store.root().join(".incoming-young");
        for p in [&old, &young] {
            fs::write(p, b"partial").unwrap();
        }
        let two_days_ago = std::time::SystemTime::now() - 2 * STALE;
        let f = fs::File::options().write(true).open(&old).unwrap();
        f.set_modified(two_days_ago).unwrap();
        store.store_from(&mut &b"new"[..], "new", 3).unwrap();
        assert!(!old.exists());
        assert!(young.exists(), "a copy in progress is left alone");
    }

    #[test]
    fn the_same_content_is_stored_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = EvidenceStore::beside(&dir.path().join("case.sqlite"));
        let (a, new_a) = store.store_from(&mut &b"same"[..], "a", 4).unwrap();
        let (b, new_b) = store.store_from(&mut &b"same"[..], "b", 4).unwrap();
        assert_eq!(a, b);
        let path = new_a.unwrap();
        assert!(new_b.is_none());
        assert_eq!(fs::read(&path).unwrap(), b"same");
        assert_eq!(store.check(&a.sha256), Health::Intact);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o400);
            assert_eq!(mode(path.parent().unwrap()), 0o700);
            assert_eq!(mode(store.root()), 0o700);
        }
        let leftovers: Vec<_> = fs::read_dir(store.root()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "only the sha256 folder");
    }

    #[test]
    fn staged_files_are_removed_unless_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = EvidenceStore::beside(&dir.path().join("case.sqlite"));
        let stage = |data: &[u8]| {
            let (_, new) = store.store_from(&mut &data[..], "f", 3).unwrap();
            let mut staged = Staged::default();
            staged.add(&Put {
                file: EvidenceFile::default(),
                new: new.clone(),
            });
            (staged, new.unwrap())
        };
        let (staged, path) = stage(b"one");
        drop(staged);
        assert!(!path.exists());
        assert!(!path.parent().unwrap().exists(), "its empty folder too");
        let (staged, path) = stage(b"two");
        staged.keep();
        assert!(path.exists());
    }

    #[test]
    fn store_layout_is_content_addressed() {
        let store = EvidenceStore::beside(Path::new("/cases/yamada.sqlite"));
        assert_eq!(store.root(), Path::new("/cases/yamada.sqlite.evidence"));
        let sha = crate::chain::sha256_hex(b"abc");
        assert_eq!(
            store.path_of(&sha).unwrap(),
            Path::new("/cases/yamada.sqlite.evidence/sha256/ba")
                .join("7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
        assert!(store.path_of("../../etc/passwd").is_none());
        assert!(store.path_of(&sha.to_uppercase()).is_none());
        assert!(store.path_of(&sha[1..]).is_none());
    }

    #[test]
    fn media_type_from_content_then_extension() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(media_type(png, "screenshot.txt"), "image/png");
        assert_eq!(media_type(b"%PDF-1.7\n", "x"), "application/pdf");
        assert_eq!(media_type(b"Subject: hi\r\n", "mail.eml"), "message/rfc822");
        assert_eq!(media_type(b"hello", "メモ.txt"), "text/plain");
        assert_eq!(
            media_type(b"hello", "no-extension"),
            "application/octet-stream"
        );
    }

    #[test]
    fn names_round_trip_exactly() {
        let (name, hex) = recorded_name(OsStr::new("留守電 11月20日.m4a"));
        assert_eq!(
            (name.as_str(), hex.as_deref()),
            ("留守電 11月20日.m4a", None)
        );
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let raw = OsStr::from_bytes(b"caf\xe9.txt");
            let (name, hex) = recorded_name(raw);
            assert_eq!(name, "caf\u{FFFD}.txt");
            assert_eq!(hex.as_deref(), Some("636166e92e747874"));
            let file = EvidenceFile {
                name,
                name_hex: hex,
                ..EvidenceFile::default()
            };
            assert_eq!(original_name(&file).unwrap(), raw);
        }
        let bad = |n: &str| EvidenceFile {
            name: n.into(),
            ..EvidenceFile::default()
        };
        assert!(original_name(&bad("../x")).is_none());
        assert!(original_name(&bad("..")).is_none());
        assert!(original_name(&bad("")).is_none());
        assert_eq!(original_name(&bad("写真.jpg")).unwrap(), "写真.jpg");
    }

    #[test]
    fn sizes_for_people() {
        assert_eq!(human_size(0), "0 B");
        assert_eq!(human_size(999), "999 B");
        assert_eq!(human_size(1500), "1.5 KB");
        assert_eq!(human_size(1_073_741_824), "1.1 GB");
        assert_eq!(human_size(999_999), "1.0 MB");
    }
}
