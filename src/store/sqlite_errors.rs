//! SQLite's errors as kiroku's: what is wrong and what to do, in the
//! interface language.

use crate::error::{Error, ErrorKind};

pub fn map_sqlite_error(err: rusqlite::Error) -> Error {
    use rusqlite::ffi::ErrorCode;
    if let rusqlite::Error::SqliteFailure(f, msg) = &err {
        let detail = msg.clone().unwrap_or_default();
        return match f.code {
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                Error::new(ErrorKind::Busy, crate::t!("core-case-busy"))
                    .with_hint(crate::t!("core-case-busy-hint"))
            }
            ErrorCode::DiskFull => {
                Error::io(crate::t!("core-disk-full")).with_hint(crate::t!("core-disk-full-hint"))
            }
            ErrorCode::ReadOnly => Error::io(crate::t!("core-case-read-only"))
                .with_hint(crate::t!("core-case-read-only-hint")),
            ErrorCode::NotADatabase => Error::case_file(crate::t!("core-case-not-kiroku")),
            ErrorCode::DatabaseCorrupt => Error::case_file(crate::t!("core-case-damaged"))
                .with_hint(crate::t!("core-case-damaged-hint")),
            ErrorCode::CannotOpen => Error::io(crate::t!("core-case-cannot-open"))
                .with_hint(crate::t!("core-case-cannot-open-hint")),
            ErrorCode::PermissionDenied => Error::io(crate::t!("core-case-permission")),
            // A full disk often shows up here rather than as DiskFull:
            // when the -wal or -shm file cannot grow, SQLite reports an
            // I/O error.
            ErrorCode::SystemIoFailure => {
                Error::io(crate::t!("core-disk-error", detail = detail.as_str()))
                    .with_hint(crate::t!("core-disk-error-hint"))
            }
            ErrorCode::ConstraintViolation if detail.starts_with("kiroku:") => {
                Error::usage(guard_message(&detail))
            }
            _ => Error::internal(format!("SQLite: {err}")),
        };
    }
    Error::internal(format!("SQLite: {err}"))
}

/// The message of a guard trigger (`migrations.rs`), whose English text
/// is part of the schema of every case file, in the interface language.
fn guard_message(detail: &str) -> String {
    match detail.trim_start_matches("kiroku: ") {
        "the case id cannot change" => crate::t!("core-guard-case-id-change"),
        "the case id cannot be removed" => crate::t!("core-guard-case-id-remove"),
        "entries are append-only; record a correction instead" => {
            crate::t!("core-guard-entries-update")
        }
        "entries are append-only; record a void entry instead" => {
            crate::t!("core-guard-entries-delete")
        }
        "import fingerprints are append-only" => crate::t!("core-guard-fingerprints"),
        "timestamps are append-only" => crate::t!("core-guard-timestamps"),
        other => other.to_string(),
    }
}
