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

mod append;
pub mod facts;
mod housekeeping;
mod index;
pub mod migrations;
mod open;
mod read;
mod sqlite_errors;

pub use append::ImportAppended;
pub use index::IndexColumns;
pub use open::{create_private_dir, readable_by_others};
pub use read::{Reader, ReaderOpener, Rows};
pub use sqlite_errors::map_sqlite_error;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono_tz::Tz;
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::model::Body;

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

/// A [`RawRow`] borrowed from SQLite's buffers (see
/// [`Case::for_each_raw_ref`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawRef<'a> {
    pub seq: i64,
    pub kind: &'a str,
    pub occurred_utc: Option<i64>,
    pub channel: Option<&'a str>,
    pub sender: Option<&'a str>,
    pub address: Option<&'a str>,
    pub target: Option<i64>,
    pub body: &'a str,
    pub prev_hash: &'a str,
    pub hash: &'a str,
}

impl RawRef<'_> {
    pub fn to_row(&self) -> RawRow {
        RawRow {
            seq: self.seq,
            kind: self.kind.to_string(),
            occurred_utc: self.occurred_utc,
            channel: self.channel.map(str::to_string),
            sender: self.sender.map(str::to_string),
            address: self.address.map(str::to_string),
            target: self.target,
            body: self.body.to_string(),
            prev_hash: self.prev_hash.to_string(),
            hash: self.hash.to_string(),
        }
    }
}

impl RawRow {
    /// The same row, borrowed.
    pub fn borrowed(&self) -> RawRef<'_> {
        RawRef {
            seq: self.seq,
            kind: &self.kind,
            occurred_utc: self.occurred_utc,
            channel: self.channel.as_deref(),
            sender: self.sender.as_deref(),
            address: self.address.as_deref(),
            target: self.target,
            body: &self.body,
            prev_hash: &self.prev_hash,
            hash: &self.hash,
        }
    }
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
    opened: open::Opened,
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

impl Case {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The number and hash of the last entry; `(0, genesis)` when empty.
    pub fn head(&self) -> Result<(u64, String)> {
        read::head_of(&self.conn, &self.meta.case_id)
    }
}
