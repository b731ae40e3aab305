//! Reading entries back: by number, streamed in order, or chosen by the
//! index columns.

use rusqlite::{Connection, OptionalExtension};

use crate::chain;
use crate::error::{Error, Result};
use crate::model::Body;

use super::*;

impl Case {
    /// Holds one state of the case file for every read on this connection
    /// until the returned guard is dropped (a read transaction, never
    /// committed: nothing is written); `None` when a transaction is open
    /// already, which holds one.
    pub fn snapshot(&self) -> Result<Option<rusqlite::Transaction<'_>>> {
        if !self.conn.is_autocommit() {
            return Ok(None);
        }
        let tx = self.conn.unchecked_transaction()?;
        // A deferred transaction takes its state at its first read.
        tx.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
        Ok(Some(tx))
    }

    /// The number of the last entry; 0 when there is none.
    pub fn last_seq(&self) -> Result<u64> {
        let seq: i64 =
            self.conn
                .query_row("SELECT coalesce(max(seq), 0) FROM entries", [], |r| {
                    r.get(0)
                })?;
        Ok(seq.max(0) as u64)
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
        self.for_each_raw_ref(|r| f(r.to_row()))
    }

    /// Every row in order of number, lent to `f` without a copy: the
    /// texts point into SQLite's own buffers and are valid until `f`
    /// returns. A column that [`Case::for_each_raw`] could not read as
    /// text fails here with the same error.
    pub fn for_each_raw_ref(&self, f: impl FnMut(RawRef<'_>) -> Result<()>) -> Result<()> {
        self.rows().between(i64::MIN, i64::MAX, f)
    }

    /// The rows of entries, read on this case's connection.
    pub fn rows(&self) -> Rows<'_> {
        Rows(&self.conn)
    }

    /// Another connection to the same case file, that refuses every
    /// write, opened as this one was (for reading on another thread). It
    /// sees the file as it is when it reads: bound its reads by entry
    /// number (see [`crate::store::facts::FactQuery::max_seq`]) to see
    /// what this one sees.
    pub fn reader(&self) -> Result<Case> {
        let Reader { conn } = self.reader_opener().open()?;
        Ok(Case {
            conn,
            path: self.path.clone(),
            meta: self.meta.clone(),
            opened: self.opened,
        })
    }

    /// What opens more read connections to this case file, the way its
    /// own was opened, on other threads ([`ReaderOpener::open`]).
    pub fn reader_opener(&self) -> ReaderOpener {
        ReaderOpener {
            path: self.path.clone(),
            opened: self.opened,
        }
    }
}

/// Opens read connections to a case file (it may be sent to another
/// thread; a [`Case`] may not).
#[derive(Debug, Clone)]
pub struct ReaderOpener {
    path: std::path::PathBuf,
    opened: super::open::Opened,
}

impl ReaderOpener {
    /// A new connection, that refuses every write, opened as the case's
    /// own connection was.
    pub fn open(&self) -> Result<Reader> {
        let conn = self.opened.connect(&self.path)?;
        conn.pragma_update(None, "query_only", true)?;
        super::open::configure(&conn, Access::ReadOnly)?;
        Ok(Reader { conn })
    }
}

/// A read connection of its own to a case file (see [`ReaderOpener`]).
pub struct Reader {
    conn: Connection,
}

impl Reader {
    /// Starts a read transaction: what the reads that follow see is fixed
    /// at the first of them.
    pub fn begin(&self) -> Result<()> {
        Ok(self.conn.execute_batch("BEGIN")?)
    }

    pub fn rows(&self) -> Rows<'_> {
        Rows(&self.conn)
    }
}

/// The rows of the entries table, read on one connection.
pub struct Rows<'c>(&'c Connection);

impl Rows<'_> {
    /// The lowest and highest entry numbers; `None` when there is none.
    pub fn bounds(&self) -> Result<Option<(i64, i64)>> {
        // Two subqueries, each one step down the table's tree: `min(seq),
        // max(seq)` in one query would read every row.
        let sql = "SELECT (SELECT min(seq) FROM entries), (SELECT max(seq) FROM entries)";
        Ok(self.0.query_row(sql, [], |r| {
            Ok(r.get::<_, Option<i64>>(0)?.zip(r.get::<_, Option<i64>>(1)?))
        })?)
    }

    /// The rows numbered above `after` and up to `upto`, in order of
    /// number, lent to `f` as [`Case::for_each_raw_ref`] lends them.
    pub fn between(
        &self,
        after: i64,
        upto: i64,
        mut f: impl FnMut(RawRef<'_>) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.0.prepare(
            "SELECT seq, kind, occurred_utc, channel, sender, address, target, body, prev_hash, hash
             FROM entries WHERE seq > ?1 AND seq <= ?2 ORDER BY seq",
        )?;
        let mut rows = stmt.query([after, upto])?;
        while let Some(r) = rows.next()? {
            f(raw_ref(r)?)?;
        }
        Ok(())
    }

    /// The rows numbered up to `upto`, from the highest down, lent to `f`
    /// until it returns `false`.
    pub fn down_from(&self, upto: i64, mut f: impl FnMut(RawRef<'_>) -> bool) -> Result<()> {
        let mut stmt = self.0.prepare(
            "SELECT seq, kind, occurred_utc, channel, sender, address, target, body, prev_hash, hash
             FROM entries WHERE seq <= ?1 ORDER BY seq DESC",
        )?;
        let mut rows = stmt.query([upto])?;
        while let Some(r) = rows.next()? {
            if !f(raw_ref(r)?) {
                break;
            }
        }
        Ok(())
    }
}

fn raw_ref<'r>(r: &'r rusqlite::Row<'_>) -> Result<RawRef<'r>> {
    Ok(RawRef {
        seq: r.get(0)?,
        kind: text(r, 1)?,
        occurred_utc: r.get(2)?,
        channel: optional_text(r, 3)?,
        sender: optional_text(r, 4)?,
        address: optional_text(r, 5)?,
        target: r.get(6)?,
        body: text(r, 7)?,
        prev_hash: text(r, 8)?,
        hash: text(r, 9)?,
    })
}

impl Case {
    /// Parsed entries of one of `kinds`, or whose stored text contains
    /// `needle`, in order of number. Every row is read once and the text
    /// searched here (SIMD `memmem`): SQLite's `instr` over a million
    /// bodies costs twice as much as reading them.
    pub fn select_containing(&self, kinds: &[&str], needle: &str) -> Result<Vec<Stored>> {
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let mut stmt = self
            .conn
            .prepare("SELECT seq, kind, body, prev_hash, hash FROM entries ORDER BY seq")?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            // Bytes first: only the rows taken are checked as UTF-8.
            let kind = r.get_ref(1)?.as_bytes().map_err(rusqlite::Error::from)?;
            let body = r.get_ref(2)?.as_bytes().map_err(rusqlite::Error::from)?;
            if kinds.iter().any(|k| k.as_bytes() == kind) || finder.find(body).is_some() {
                let seq: i64 = r.get(0)?;
                let body = r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?;
                out.push(parse_stored(seq as u64, body, r.get(3)?, r.get(4)?)?);
            }
        }
        Ok(out)
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

/// A text column, borrowed; anything but valid UTF-8 text fails as
/// reading it into a `String` fails.
fn text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> Result<&'r str> {
    if let rusqlite::types::ValueRef::Text(t) = r.get_ref(i)? {
        // The same check as `std::str::from_utf8`, several times faster
        // on Japanese text.
        if let Ok(s) = simdutf8::basic::from_utf8(t) {
            return Ok(s);
        }
    }
    r.get::<_, String>(i)?;
    Err(Error::internal("a text column changed while it was read"))
}

/// A text column that may be NULL, as [`text`].
fn optional_text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> Result<Option<&'r str>> {
    match r.get_ref(i)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        _ => text(r, i).map(Some),
    }
}

/// Whether the case file has the import index (a file opened read-only at
/// an older schema has not).
pub(super) fn has_import_index(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'import_fingerprints'",
        )?
        .exists([])?)
}

/// Which fingerprints are already recorded (one lookup each).
pub(super) fn known_in(conn: &Connection, fingerprints: &[String]) -> Result<Vec<bool>> {
    if !has_import_index(conn)? {
        return Ok(vec![false; fingerprints.len()]);
    }
    let mut stmt =
        conn.prepare_cached("SELECT 1 FROM import_fingerprints WHERE fingerprint = ?1")?;
    fingerprints.iter().map(|f| Ok(stmt.exists([f])?)).collect()
}

pub(super) fn parse_stored(
    seq: u64,
    body: &str,
    prev_hash: String,
    hash: String,
) -> Result<Stored> {
    let body: Body = serde_json::from_str(body).map_err(|e| {
        Error::case_file(crate::t!(
            "core-entry-unreadable",
            seq = seq,
            detail = e.to_string()
        ))
        .with_hint(crate::t!("core-run-verify"))
    })?;
    Ok(Stored {
        seq,
        hash,
        prev_hash,
        body,
    })
}

pub(super) fn head_of(conn: &Connection, case_id: &str) -> Result<(u64, String)> {
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
