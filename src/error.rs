//! One error type for the whole tool. Every error has a kind, which decides
//! the exit code, a message saying what is wrong, and usually a hint saying
//! what to do. `main` prints it as one line and exits with the kind's code.

use std::fmt;
use std::io;

/// What went wrong, in the categories a script needs to tell apart.
/// The exit codes are part of the interface (documented in `docs/cli.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// `verify` found that the record is not intact.
    NotIntact,
    /// Bad arguments or input: unknown channel, unreadable time, no such entry…
    Usage,
    /// The case file is missing, already exists, is not a kiroku case file,
    /// or was made by a newer version.
    CaseFile,
    /// Reading or writing a file failed (permissions, full disk, missing file).
    Io,
    /// Another kiroku process held the case file for too long.
    Busy,
    /// A bug in kiroku.
    Internal,
}

impl ErrorKind {
    pub fn exit_code(self) -> i32 {
        match self {
            ErrorKind::NotIntact => 1,
            ErrorKind::Usage => 2,
            ErrorKind::CaseFile => 3,
            ErrorKind::Io => 4,
            ErrorKind::Busy => 5,
            ErrorKind::Internal => 70,
        }
    }
}

#[derive(Debug)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    pub hint: Option<String>,
    /// Set when the error is a closed output pipe (`kiroku list | head`),
    /// which `main` treats as a quiet, successful end.
    pub broken_pipe: bool,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            hint: None,
            broken_pipe: false,
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Usage, message)
    }

    pub fn case_file(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::CaseFile, message)
    }

    pub fn io(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Io, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Internal, message)
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// An I/O error while working on `what` (a path or a description).
    pub fn from_io(err: io::Error, what: &str) -> Self {
        let mut e = match err.kind() {
            io::ErrorKind::NotFound => Error::io(crate::t!("core-io-not-found", what = what)),
            io::ErrorKind::PermissionDenied => {
                Error::io(crate::t!("core-io-permission", what = what))
                    .with_hint(crate::t!("core-io-permission-hint"))
            }
            io::ErrorKind::StorageFull => Error::io(crate::t!("core-io-full", what = what))
                .with_hint(crate::t!("core-disk-full-hint")),
            _ => Error::io(crate::t!(
                "core-io-other",
                what = what,
                detail = err.to_string()
            )),
        };
        e.broken_pipe = err.kind() == io::ErrorKind::BrokenPipe;
        e
    }

    /// What is wrong and what to do, in one line.
    pub fn describe(&self) -> String {
        match &self.hint {
            Some(h) => crate::t!("error-with-hint", message = &self.message, hint = h),
            None => self.message.clone(),
        }
    }

    /// The one line printed on stderr.
    pub fn to_line(&self) -> String {
        crate::t!("error-line", message = self.describe())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Output errors (stdout) only: a closed pipe is not worth a message.
impl From<io::Error> for Error {
    fn from(err: io::Error) -> Self {
        Error::from_io(err, &crate::t!("core-io-writing-output"))
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        crate::store::map_sqlite_error(err)
    }
}

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Self {
        if err.is_io() {
            return Error::from(io::Error::from(err));
        }
        Error::internal(format!("JSON: {err}"))
    }
}
