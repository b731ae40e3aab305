//! Files written all-or-nothing: data goes to a hidden temporary file in
//! the same folder, is flushed to disk, and only then renamed into place.
//! A failure or interruption leaves no partial file under the real name.

use std::fs;
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

pub struct AtomicFile {
    tmp: PathBuf,
    dest: PathBuf,
    file: Option<BufWriter<fs::File>>,
}

impl AtomicFile {
    /// Starts writing `dest` (owner-only permissions: exports hold private data).
    pub fn create(dest: &Path) -> Result<AtomicFile> {
        let shown = dest.display().to_string();
        if dest.is_dir() {
            return Err(
                Error::usage(crate::t!("core-output-is-folder", path = &shown))
                    .with_hint(crate::t!("core-output-is-folder-hint")),
            );
        }
        let dir = match dest.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = dest
            .file_name()
            .ok_or_else(|| Error::usage(crate::t!("core-output-not-file-name", path = &shown)))?;
        let tmp = dir.join(format!(
            ".{}.partial-{}",
            name.to_string_lossy(),
            &uuid::Uuid::new_v4().simple().to_string()[..12]
        ));
        let mut opts = fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let file = opts.open(&tmp).map_err(|e| Error::from_io(e, &shown))?;
        Ok(AtomicFile {
            tmp,
            dest: dest.to_path_buf(),
            file: Some(BufWriter::with_capacity(1 << 16, file)),
        })
    }

    /// Flushes, syncs and renames into place.
    pub fn commit(mut self) -> Result<()> {
        let shown = self.dest.display().to_string();
        let w = self
            .file
            .take()
            .ok_or_else(|| Error::internal("file committed twice"))?;
        let f = w
            .into_inner()
            .map_err(|e| Error::from_io(e.into_error(), &shown))?;
        f.sync_all().map_err(|e| Error::from_io(e, &shown))?;
        drop(f);
        fs::rename(&self.tmp, &self.dest).map_err(|e| Error::from_io(e, &shown))?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Err(io::Error::other("file already committed")),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

/// For formats written out of order (zip archives).
impl Seek for AtomicFile {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        match &mut self.file {
            Some(f) => f.seek(pos),
            None => Err(io::Error::other("file already committed")),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}
