//! The backup folder: `Info.plist`, `Manifest.plist` and `Manifest.db`,
//! which maps each file's domain and path to its name in the folder
//! (`SHA1(domain-relativePath)`, under a folder named by its first two hex
//! digits since iOS 10). Everything read is first copied, or decrypted, into
//! an owner-only temporary folder that is removed when the [`Backup`] is
//! dropped, on success and on every error path alike.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use sha1::{Digest, Sha1};

use super::keybag::{self, KeyError, Keybag};
use super::plist::{self as bplist, Info};
use crate::error::{Error, Result};
use crate::t;

pub struct Backup {
    pub dir: PathBuf,
    pub info: Info,
    pub encrypted: bool,
    /// iOS version from `Info.plist`, else `Manifest.plist`.
    pub ios: Option<String>,
    keybag: Option<Keybag>,
    manifest: Connection,
    // Declared last: dropped after the connection that reads from it.
    temp: tempfile::TempDir,
    extracted: usize,
}

/// The name of a file in the folder for its domain and path.
pub fn file_id(domain: &str, relative: &str) -> String {
    let mut h = Sha1::new();
    h.update(domain.as_bytes());
    h.update(b"-");
    h.update(relative.as_bytes());
    crate::chain::hex(&h.finalize())
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::from_io(e, &path.display().to_string()))
}

/// What is in a folder, for a message (at most 8 names).
fn listing(dir: &Path) -> String {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let n = names.len();
    if n == 0 {
        return t!("iphone-folder-empty");
    }
    let mut shown = names.into_iter().take(8).collect::<Vec<_>>().join(", ");
    if n > 8 {
        shown.push_str(&t!("iphone-folder-more", count = n - 8));
    }
    shown
}

fn damaged(what: &str, reason: &str) -> Error {
    Error::usage(t!("iphone-damaged", file = what, reason = reason))
        .with_hint(t!("iphone-damaged-hint"))
}

/// A private temporary folder (0700 on Unix).
fn private_temp() -> Result<tempfile::TempDir> {
    let temp = tempfile::Builder::new()
        .prefix("kiroku-iphone-")
        .tempdir()
        .map_err(|e| Error::from_io(e, &std::env::temp_dir().display().to_string()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(temp.path(), std::fs::Permissions::from_mode(0o700))
            .map_err(|e| Error::from_io(e, &temp.path().display().to_string()))?;
    }
    Ok(temp)
}

impl Backup {
    /// Opens the backup in `dir`. `passphrase` is asked only when the backup
    /// is encrypted.
    pub fn open(dir: &Path, passphrase: &mut dyn FnMut() -> Result<String>) -> Result<Backup> {
        let shown = dir.display().to_string();
        if !dir.is_dir() {
            return Err(Error::usage(t!("iphone-not-folder", dir = shown.clone()))
                .with_hint(t!("iphone-not-folder-hint")));
        }
        let manifest_db = dir.join("Manifest.db");
        if !manifest_db.is_file() {
            if dir.join("Manifest.mbdb").is_file() {
                return Err(Error::usage(t!("iphone-too-old", dir = shown.clone()))
                    .with_hint(t!("iphone-too-old-hint")));
            }
            return Err(Error::usage(t!(
                "iphone-no-manifest",
                dir = shown.clone(),
                found = listing(dir)
            ))
            .with_hint(t!("iphone-no-manifest-hint")));
        }
        let info = match std::fs::read(dir.join("Info.plist")) {
            Ok(bytes) => bplist::info(&bytes).map_err(|r| damaged("Info.plist", &r))?,
            Err(_) => Info::default(),
        };
        let manifest_plist = dir.join("Manifest.plist");
        let mp = if manifest_plist.is_file() {
            bplist::manifest(&read(&manifest_plist)?).map_err(|r| damaged("Manifest.plist", &r))?
        } else {
            bplist::Manifest::default()
        };
        let temp = private_temp()?;
        let db_copy = temp.path().join("Manifest.db");
        let mut keybag = None;
        if mp.encrypted {
            let mut kb = Keybag::parse(mp.keybag.as_deref().unwrap_or_default())
                .map_err(|e| key_error("Manifest.plist", e))?;
            let pass = passphrase()?;
            kb.unlock(pass.as_bytes())
                .map_err(|e| key_error("Manifest.plist", e))?;
            let mk = mp
                .manifest_key
                .as_deref()
                .ok_or_else(|| damaged("Manifest.plist", &t!("iphone-reason-no-manifest-key")))?;
            let key = kb
                .file_key(mk)
                .map_err(|e| key_error("Manifest.plist", e))?;
            let plain = keybag::decrypt(&key, read(&manifest_db)?, None)
                .ok_or_else(|| damaged("Manifest.db", &t!("iphone-reason-not-blocks")))?;
            write_private(&db_copy, &plain)?;
            keybag = Some(kb);
        } else {
            std::fs::copy(&manifest_db, &db_copy)
                .map_err(|e| Error::from_io(e, &manifest_db.display().to_string()))?;
        }
        let manifest = open_db(&db_copy, "Manifest.db")?;
        let has_files: bool = manifest
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='Files'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n > 0)
            .map_err(|e| damaged("Manifest.db", &e.to_string()))?;
        if !has_files {
            return Err(damaged("Manifest.db", &t!("iphone-no-files-table")));
        }
        let ios = info
            .product_version
            .clone()
            .or_else(|| mp.product_version.clone());
        Ok(Backup {
            dir: dir.to_path_buf(),
            info,
            encrypted: mp.encrypted,
            ios,
            keybag,
            manifest,
            temp,
            extracted: 0,
        })
    }

    /// The temporary folder (for tests of its removal).
    pub fn temp_path(&self) -> &Path {
        self.temp.path()
    }

    /// Copies (or decrypts) the file with this domain and path into the
    /// temporary folder as `name`; `None` when the backup does not hold it.
    pub fn extract(&mut self, domain: &str, relative: &str, name: &str) -> Result<Option<PathBuf>> {
        let row: Option<(String, Option<Vec<u8>>)> = self
            .manifest
            .query_row(
                "SELECT fileID, file FROM Files WHERE domain = ?1 AND relativePath = ?2 AND flags = 1",
                [domain, relative],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| damaged("Manifest.db", &e.to_string()))?;
        let Some((id, blob)) = row else {
            return Ok(None);
        };
        let id = if id.len() == 40 && id.bytes().all(|b| b.is_ascii_hexdigit()) {
            id.to_ascii_lowercase()
        } else {
            file_id(domain, relative)
        };
        let mut src = self.dir.join(&id[..2]).join(&id);
        if !src.is_file() {
            src = self.dir.join(&id);
        }
        if !src.is_file() {
            return Ok(None);
        }
        self.extracted += 1;
        let folder = self.temp.path().join(self.extracted.to_string());
        std::fs::create_dir(&folder)
            .map_err(|e| Error::from_io(e, &folder.display().to_string()))?;
        let out = folder.join(name);
        match &self.keybag {
            None => {
                std::fs::copy(&src, &out)
                    .map_err(|e| Error::from_io(e, &src.display().to_string()))?;
            }
            Some(kb) => {
                let meta = blob
                    .as_deref()
                    .map(bplist::file_meta)
                    .transpose()
                    .map_err(|r| damaged(relative, &r))?
                    .unwrap_or_default();
                let bytes = read(&src)?;
                let plain = match (&meta.encryption_key, meta.protection_class) {
                    (Some(k), Some(class)) if k.len() == 44 => {
                        let key = kb
                            .file_key_for(class, &k[4..])
                            .map_err(|e| key_error(relative, e))?;
                        keybag::decrypt(&key, bytes, meta.size)
                            .ok_or_else(|| damaged(relative, &t!("iphone-reason-not-blocks")))?
                    }
                    (Some(_), _) => return Err(damaged(relative, &t!("iphone-reason-bad-key"))),
                    // Files without a key are stored as they are.
                    (None, _) => bytes,
                };
                write_private(&out, &plain)?;
            }
        }
        Ok(Some(out))
    }
}

fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let shown = path.display().to_string();
    let mut f = opts.open(path).map_err(|e| Error::from_io(e, &shown))?;
    f.write_all(bytes).map_err(|e| Error::from_io(e, &shown))
}

/// Opens a database copied into the temporary folder, read-only.
pub fn open_db(path: &Path, what: &str) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| damaged(what, &e.to_string()))?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| damaged(what, &e.to_string()))?;
    Ok(conn)
}

fn key_error(what: &str, e: KeyError) -> Error {
    match e {
        KeyError::WrongPassphrase => Error::usage(t!("iphone-wrong-passphrase"))
            .with_hint(t!("iphone-wrong-passphrase-hint")),
        KeyError::Damaged(reason) => damaged(what, &reason),
        KeyError::NoClassKey(c) => damaged(what, &t!("iphone-reason-no-class-key", class = c)),
        KeyError::BadKey => damaged(what, &t!("iphone-reason-bad-key")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_ids_are_sha1_of_domain_and_path() {
        // SHA-1("HomeDomain-Library/SMS/sms.db"), the name every backup
        // gives the messages database.
        assert_eq!(
            file_id("HomeDomain", "Library/SMS/sms.db"),
            "3d0d7e5fb2ce288813306e4d4636395e047a3d28"
        );
    }
}
