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
pub mod migrations;
mod open;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono_tz::Tz;
use rusqlite::{Connection, OptionalExtension};

use crate::chain;
use crate::error::{Error, Result};
use crate::model::Body;
use crate::timeparse;

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
    path: PathBuf,
    pub meta: CaseMeta,
}

pub use append::ImportAppended;
pub use open::{create_private_dir, map_sqlite_error, readable_by_others, resolve_tz, system_tz};

impl Case {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The number and hash of the last entry; `(0, genesis)` when empty.
    pub fn head(&self) -> Result<(u64, String)> {
        head_of(&self.conn, &self.meta.case_id)
    }

    /// The timestamp files kept for anchor entries, in order of number.
    /// (None in a file of an older schema opened read-only.)
    pub fn anchor_files(&self) -> Result<Vec<(u64, AnchorFiles)>> {
        let has_table = self
            .conn
            .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'anchors'")?
            .exists([])?;
        if !has_table {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare("SELECT seq, receipt, tsq, tsr FROM anchors ORDER BY seq")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?.max(0) as u64,
                AnchorFiles {
                    receipt: r.get(1)?,
                    tsq: r.get(2)?,
                    tsr: r.get(3)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Every import fingerprint with the entry it belongs to.
    pub fn import_fingerprints(&self) -> Result<Vec<(String, u64)>> {
        if !has_import_index(&self.conn)? {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare("SELECT fingerprint, seq FROM import_fingerprints ORDER BY seq")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        rows.map(|r| r.map(|(f, s)| (f, s.max(0) as u64)).map_err(Error::from))
            .collect()
    }

    /// Which of these import fingerprints are already in the case file.
    pub fn known_fingerprints(&self, fingerprints: &[String]) -> Result<Vec<bool>> {
        known_in(&self.conn, fingerprints)
    }

    /// One entry by number, parsed.
    pub fn get(&self, seq: u64) -> Result<Option<Stored>> {
        let row = self
            .conn
            .query_row(
                "SELECT body, prev_hash, hash FROM entries WHERE seq = ?1",
                [seq as i64],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                },
            )
            .optional()?;
        row.map(|(body, prev_hash, hash)| parse_stored(seq, &body, prev_hash, hash))
            .transpose()
    }

    /// Every row in order of number, streamed to `f` (constant memory).
    pub fn for_each_raw(&self, mut f: impl FnMut(RawRow) -> Result<()>) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT seq, kind, occurred_utc, channel, sender, address, target, body, prev_hash, hash
             FROM entries ORDER BY seq",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            f(RawRow {
                seq: r.get(0)?,
                kind: r.get(1)?,
                occurred_utc: r.get(2)?,
                channel: r.get(3)?,
                sender: r.get(4)?,
                address: r.get(5)?,
                target: r.get(6)?,
                body: r.get(7)?,
                prev_hash: r.get(8)?,
                hash: r.get(9)?,
            })?;
        }
        Ok(())
    }

    /// Parsed entries chosen by a SQL condition on the index columns
    /// (`WHERE …` text with `?` parameters), in order of number.
    pub fn select(&self, condition: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<Stored>> {
        let sql = format!("SELECT seq, body, prev_hash, hash FROM entries WHERE {condition}");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(args)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let seq: i64 = r.get(0)?;
            out.push(parse_stored(
                seq as u64,
                &r.get::<_, String>(1)?,
                r.get(2)?,
                r.get(3)?,
            )?);
        }
        Ok(out)
    }
}

/// Whether the case file has the import index (a file opened read-only at
/// an older schema has not).
fn has_import_index(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'import_fingerprints'",
        )?
        .exists([])?)
}

/// Which fingerprints are already recorded (one lookup each).
fn known_in(conn: &Connection, fingerprints: &[String]) -> Result<Vec<bool>> {
    if !has_import_index(conn)? {
        return Ok(vec![false; fingerprints.len()]);
    }
    let mut stmt =
        conn.prepare_cached("SELECT 1 FROM import_fingerprints WHERE fingerprint = ?1")?;
    fingerprints.iter().map(|f| Ok(stmt.exists([f])?)).collect()
}

/// The values kept beside the body for indexed queries. `verify` checks
/// that they agree with the hashed body.
#[derive(Debug, PartialEq, Eq)]
pub struct IndexColumns {
    pub occurred_utc: Option<i64>,
    pub channel: Option<String>,
    pub sender: Option<String>,
    pub address: Option<String>,
    pub target: Option<i64>,
}

impl IndexColumns {
    pub fn of(body: &Body) -> IndexColumns {
        IndexColumns {
            occurred_utc: body
                .occurred_at
                .as_deref()
                .and_then(timeparse::parse_stored)
                .map(|d| d.timestamp()),
            channel: body.channel.map(|c| c.as_str().to_string()),
            sender: body.from.clone(),
            address: body.address.clone(),
            target: body.target.map(|t| t as i64),
        }
    }

    /// Whether a stored row's index columns and kind agree with its body
    /// (as `of(body)` compared with `of_row(row)`, without copying).
    pub fn agree(body: &Body, row: &RawRow) -> bool {
        let occurred = body
            .occurred_at
            .as_deref()
            .and_then(timeparse::parse_stored)
            .map(|d| d.timestamp());
        body.kind.as_str() == row.kind
            && occurred == row.occurred_utc
            && body.channel.map(|c| c.as_str()) == row.channel.as_deref()
            && body.from == row.sender
            && body.address == row.address
            && body.target.map(|t| t as i64) == row.target
    }

    pub fn of_row(row: &RawRow) -> IndexColumns {
        IndexColumns {
            occurred_utc: row.occurred_utc,
            channel: row.channel.clone(),
            sender: row.sender.clone(),
            address: row.address.clone(),
            target: row.target,
        }
    }
}

fn parse_stored(seq: u64, body: &str, prev_hash: String, hash: String) -> Result<Stored> {
    let body: Body = serde_json::from_str(body).map_err(|e| {
        Error::case_file(format!("entry {seq} cannot be read ({e})"))
            .with_hint("run `kiroku verify` to check the record")
    })?;
    Ok(Stored {
        seq,
        hash,
        prev_hash,
        body,
    })
}

fn head_of(conn: &Connection, case_id: &str) -> Result<(u64, String)> {
    let head: Option<(i64, String)> = conn
        .query_row(
            "SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(match head {
        Some((seq, hash)) => (seq as u64, hash),
        None => (0, chain::genesis(case_id)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Channel;

    #[test]
    fn agree_matches_comparing_the_columns() {
        let body = Body {
            kind: Kind::Contact,
            occurred_at: Some("2026-11-20T14:32:00+09:00".into()),
            channel: Some(Channel::Phone),
            from: Some("山田".into()),
            address: Some("090-1234-5678".into()),
            ..Body::default()
        };
        let cols = IndexColumns::of(&body);
        let row = RawRow {
            seq: 1,
            kind: "contact".into(),
            occurred_utc: cols.occurred_utc,
            channel: cols.channel.clone(),
            sender: cols.sender.clone(),
            address: cols.address.clone(),
            target: cols.target,
            body: String::new(),
            prev_hash: String::new(),
            hash: String::new(),
        };
        assert!(IndexColumns::agree(&body, &row));
        let changed = [
            RawRow {
                kind: "note".into(),
                ..row.clone()
            },
            RawRow {
                occurred_utc: Some(0),
                ..row.clone()
            },
            RawRow {
                channel: Some("sms".into()),
                ..row.clone()
            },
            RawRow {
                sender: None,
                ..row.clone()
            },
            RawRow {
                address: Some("090".into()),
                ..row.clone()
            },
            RawRow {
                target: Some(1),
                ..row.clone()
            },
        ];
        for r in &changed {
            assert_eq!(
                IndexColumns::agree(&body, r),
                IndexColumns::of(&body) == IndexColumns::of_row(r) && r.kind == "contact"
            );
            assert!(!IndexColumns::agree(&body, r), "{r:?}");
        }
    }
}
