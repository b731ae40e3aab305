//! Appending entries: one `BEGIN IMMEDIATE` transaction each time, the
//! head read and the new rows written under the same lock.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::chain;
use crate::error::{Error, Result};
use crate::model::{Body, Kind, BODY_VERSION};
use crate::timeparse;

use super::read::{head_of, known_in};
use super::*;

impl Case {
    /// Appends entries in one transaction: all or nothing.
    /// `now` is read inside the transaction, after the lock is held, so
    /// `recorded_at` follows the order of the chain.
    pub fn append_all(
        &mut self,
        drafts: Vec<Body>,
        now: impl Fn() -> DateTime<Utc>,
    ) -> Result<Vec<Stored>> {
        self.append_all_then(drafts, now, |_, _| Ok(()))
    }

    /// [`Case::append_all`], then `then` in the same transaction (to store
    /// what belongs to the new entries); an error from it undoes all.
    fn append_all_then(
        &mut self,
        drafts: Vec<Body>,
        now: impl Fn() -> DateTime<Utc>,
        then: impl FnOnce(&rusqlite::Transaction, &[Stored]) -> Result<()>,
    ) -> Result<Vec<Stored>> {
        let case_id = self.meta.case_id.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (mut seq, mut prev) = head_of(&tx, &case_id)?;
        let recorded_at = checked_now(&tx, seq, now)?;
        let mut out = Vec::with_capacity(drafts.len());
        {
            let mut insert = tx.prepare(INSERT_ENTRY)?;
            for body in drafts {
                check_target(&tx, &body, seq)?;
                seq += 1;
                let stored = insert_entry(&mut insert, body, &case_id, seq, &prev, &recorded_at)?;
                prev = stored.hash.clone();
                out.push(stored);
            }
        }
        then(&tx, &out)?;
        tx.commit()?;
        Ok(out)
    }

    /// Appends an `anchor` entry and stores its timestamp files with it,
    /// in one transaction. The covered entry must still have the hash the
    /// anchor names.
    pub fn append_anchor(
        &mut self,
        draft: Body,
        files: &AnchorFiles,
        now: impl Fn() -> DateTime<Utc>,
    ) -> Result<Stored> {
        let anchor = draft
            .anchor
            .clone()
            .ok_or_else(|| Error::internal("an anchor entry needs its anchor fields"))?;
        let mut v = self.append_all_then(vec![draft], now, |tx, stored| {
            let covered: Option<String> = tx
                .query_row(
                    "SELECT hash FROM entries WHERE seq = ?1",
                    [anchor.covers_seq as i64],
                    |r| r.get(0),
                )
                .optional()?;
            if covered.as_deref() != Some(anchor.covers_hash.as_str()) {
                return Err(Error::usage(crate::t!(
                    "core-anchor-hash-changed",
                    seq = anchor.covers_seq
                ))
                .with_hint(crate::t!("core-run-verify-nothing-recorded")));
            }
            for s in stored {
                tx.execute(
                    "INSERT INTO anchors (seq, receipt, tsq, tsr) VALUES (?1, ?2, ?3, ?4)",
                    params![s.seq as i64, files.receipt, files.tsq, files.tsr],
                )?;
            }
            Ok(())
        })?;
        v.pop()
            .ok_or_else(|| Error::internal("append stored nothing"))
    }

    /// Appends imported entries in one transaction: all or nothing.
    ///
    /// `fingerprints[i]` is the fingerprint of source record `i`. Records
    /// whose fingerprint is already in the case file are left out; for the
    /// others, in order, `build(i)` makes the draft, which is appended and
    /// its fingerprint stored beside it. `lead`, given the indexes of the
    /// new records and the number of the last entry before the import, may
    /// make entries to append before them (notes about the import). Nothing
    /// is written when no record is new. `progress` is called with the
    /// number of entries written so far.
    pub fn append_import(
        &mut self,
        fingerprints: &[String],
        lead: impl FnOnce(&[usize], u64) -> Result<Vec<Body>>,
        mut build: impl FnMut(usize) -> Result<Body>,
        now: impl Fn() -> DateTime<Utc>,
        mut progress: impl FnMut(u64),
    ) -> Result<ImportAppended> {
        let case_id = self.meta.case_id.clone();
        // A large import touches many pages of the fingerprint index: give
        // it a 32 MiB page cache (SQLite's default is 2 MiB).
        if fingerprints.len() > 10_000 {
            self.conn.pragma_update(None, "cache_size", -32768)?;
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let known = known_in(&tx, fingerprints)?;
        let new: Vec<usize> = (0..fingerprints.len()).filter(|&i| !known[i]).collect();
        let already = fingerprints.len() - new.len();
        if new.is_empty() {
            return Ok(ImportAppended {
                lead: Vec::new(),
                entries: Vec::new(),
                already,
            });
        }
        let (mut seq, mut prev) = head_of(&tx, &case_id)?;
        let recorded_at = checked_now(&tx, seq, now)?;
        let mut entries = Vec::with_capacity(new.len());
        let mut lead_seqs = Vec::new();
        {
            let mut insert = tx.prepare(INSERT_ENTRY)?;
            let mut mark =
                tx.prepare("INSERT INTO import_fingerprints (fingerprint, seq) VALUES (?1, ?2)")?;
            let mut put = |body: Body, seq: &mut u64, prev: &mut String| -> Result<u64> {
                check_target(&tx, &body, *seq)?;
                *seq += 1;
                let stored = insert_entry(&mut insert, body, &case_id, *seq, prev, &recorded_at)?;
                *prev = stored.hash;
                Ok(*seq)
            };
            for body in lead(&new, seq)? {
                lead_seqs.push(put(body, &mut seq, &mut prev)?);
            }
            for (n, &i) in new.iter().enumerate() {
                let body = build(i)?;
                let at = put(body, &mut seq, &mut prev)?;
                entries.push(at);
                if n % 1024 == 1023 {
                    progress(n as u64 + 1);
                }
            }
            // The fingerprints in key order: each page of their index is
            // then written once, not once per random key.
            let mut order: Vec<usize> = (0..new.len()).collect();
            order.sort_unstable_by(|&a, &b| fingerprints[new[a]].cmp(&fingerprints[new[b]]));
            for n in order {
                let i = new[n];
                mark.execute(params![fingerprints[i], entries[n] as i64])
                    .map_err(|e| match e {
                        rusqlite::Error::SqliteFailure(f, _)
                            if f.code == rusqlite::ffi::ErrorCode::ConstraintViolation =>
                        {
                            Error::usage(crate::t!("core-import-record-twice", record = i + 1))
                                .with_hint(crate::t!("core-import-record-twice-hint"))
                        }
                        other => map_sqlite_error(other),
                    })?;
            }
        }
        tx.commit()?;
        progress(new.len() as u64);
        Ok(ImportAppended {
            lead: lead_seqs,
            entries,
            already,
        })
    }

    pub fn append(&mut self, draft: Body, now: impl Fn() -> DateTime<Utc>) -> Result<Stored> {
        let mut v = self.append_all(vec![draft], now)?;
        v.pop()
            .ok_or_else(|| Error::internal("append stored nothing"))
    }

    /// Checks, before any work is done, that a draft's target entry can
    /// take it. `append_all` checks again inside its transaction.
    pub fn check_draft(&self, draft: &Body) -> Result<()> {
        let (head, _) = self.head()?;
        check_target(&self.conn, draft, head)
    }
}

/// What [`Case::append_import`] wrote.
#[derive(Debug, Clone, Default)]
pub struct ImportAppended {
    /// The numbers of the notes about the import.
    pub lead: Vec<u64>,
    /// The numbers of the imported entries, in the order of the records.
    pub entries: Vec<u64>,
    /// How many records were already in the case file.
    pub already: usize,
}

pub(super) const INSERT_ENTRY: &str = "INSERT INTO entries (seq, kind, occurred_utc, channel, sender, address, target, body, prev_hash, hash)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

/// Fills in the chain fields of `body` and inserts it as entry `seq`.
pub(super) fn insert_entry(
    insert: &mut rusqlite::Statement<'_>,
    mut body: Body,
    case_id: &str,
    seq: u64,
    prev: &str,
    recorded_at: &str,
) -> Result<Stored> {
    body.v = BODY_VERSION;
    body.case_id = case_id.to_string();
    body.seq = seq;
    body.prev_hash = prev.to_string();
    body.recorded_at = recorded_at.to_string();
    chain::check_integers(&body)?;
    // A fresh salt for every new entry; a draft that brings a well-formed
    // one (the documented test vectors) keeps it.
    if !body.salt.as_deref().is_some_and(chain::is_salt) {
        body.salt = Some(chain::new_salt()?);
    }
    let text = chain::canonical(&body)?;
    let hash = chain::entry_hash(&text);
    let cols = IndexColumns::of(&body);
    insert.execute(params![
        seq as i64,
        body.kind.as_str(),
        cols.occurred_utc,
        cols.channel,
        cols.sender,
        cols.address,
        cols.target,
        text,
        body.prev_hash,
        hash
    ])?;
    Ok(Stored {
        seq,
        hash,
        prev_hash: body.prev_hash.clone(),
        body,
    })
}

/// The time to record as `recorded_at`, read under the write lock and
/// refused when it is earlier than the last entry's.
pub(super) fn checked_now(
    conn: &Connection,
    head: u64,
    now: impl Fn() -> DateTime<Utc>,
) -> Result<String> {
    let last_recorded: Option<String> = if head > 0 {
        conn.query_row(
            "SELECT body FROM entries WHERE seq = ?1",
            [head as i64],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|b| serde_json::from_str::<Body>(&b).ok())
        .map(|b| b.recorded_at)
    } else {
        None
    };
    let recorded = now();
    if let Some(last) = last_recorded.as_deref().and_then(timeparse::parse_stored) {
        if recorded < last {
            return Err(Error::io(crate::t!(
                "core-clock-behind",
                now = timeparse::format_utc_millis(&recorded),
                last = timeparse::format_utc_millis(&last.with_timezone(&Utc))
            ))
            .with_hint(crate::t!("core-clock-behind-hint")));
        }
    }
    Ok(timeparse::format_utc_millis(&recorded))
}

/// Corrections, voids and attachments must name an earlier entry that can
/// take them.
pub(super) fn check_target(conn: &Connection, body: &Body, head: u64) -> Result<()> {
    let Some(target) = body.target else {
        if matches!(body.kind, Kind::Correction | Kind::Void | Kind::Attach) {
            return Err(Error::internal(format!(
                "a {} entry needs a target entry",
                body.kind
            )));
        }
        return Ok(());
    };
    if target == 0 || target > head {
        return Err(Error::usage(crate::t!("cli-no-such-entry", seq = target))
            .with_hint(crate::t!("core-entries-numbered", head = head)));
    }
    let kind: String = conn.query_row(
        "SELECT kind FROM entries WHERE seq = ?1",
        [target as i64],
        |r| r.get(0),
    )?;
    let voided: Option<i64> = conn
        .query_row(
            "SELECT seq FROM entries WHERE target = ?1 AND kind = 'void' LIMIT 1",
            [target as i64],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(v) = voided {
        return Err(
            Error::usage(crate::t!("core-target-withdrawn", seq = target, by = v))
                .with_hint(crate::t!("core-target-withdrawn-hint")),
        );
    }
    let is_record = matches!(kind.as_str(), "contact" | "action" | "note");
    match body.kind {
        Kind::Correction if !is_record => Err(Error::usage(crate::t!(
            "core-cannot-amend",
            seq = target,
            kind = kind.as_str()
        ))
        .with_hint(crate::t!("core-cannot-amend-hint"))),
        Kind::Attach if !is_record => Err(Error::usage(crate::t!(
            "core-cannot-attach",
            seq = target,
            kind = kind.as_str()
        ))
        .with_hint(crate::t!("core-cannot-attach-hint"))),
        Kind::Void if kind == "void" => {
            Err(Error::usage(crate::t!("core-void-of-void", seq = target)))
        }
        _ => Ok(()),
    }
}
