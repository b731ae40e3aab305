//! Recomputes the chain and checks receipts. The checks, per entry in order:
//!
//! 1. numbers run 1, 2, 3 … with none missing or repeated;
//! 2. the body is readable, canonical, of this case, and holds its own number;
//! 3. SHA-256 of the body equals the stored hash (else: content changed);
//! 4. `prev_hash` equals the stored hash of the entry before (genesis for 1);
//! 5. recorded times never go backwards;
//! 6. corrections and voids point to an earlier entry;
//! 7. the index columns agree with the body (so searches are not misled).
//!
//! The import index (the fingerprints that keep a record from being
//! imported twice) must hold exactly the fingerprints of the imported
//! entries, each with its entry's number (`index_changed`).
//!
//! Then, unless skipped, every evidence file the entries name is re-hashed
//! from its stored bytes: a missing, changed or unreadable copy is a
//! problem of the first entry that names it (`file_missing`,
//! `file_changed`, `file_unreadable`).
//!
//! A receipt for entries 1..N then requires that entry N exists and has the
//! receipt's hash; with the chain intact up to N that proves entries 1..N
//! are the ones the receipt was made for.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::chain;
use crate::error::{Error, Result};
use crate::evidence::{EvidenceStore, Health};
use crate::receipt::Receipt;
use crate::sanitize;
use crate::store::{Case, IndexColumns, RawRow};
use crate::timeparse;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Problem {
    /// The entry that fails (the first entry affected).
    pub seq: u64,
    /// A stable code: `missing`, `repeated`, `moved`, `unreadable`,
    /// `wrong_case`, `content_changed`, `link_broken`, `time_backwards`,
    /// `bad_reference`, `index_changed`, `file_missing`, `file_changed`,
    /// `file_unreadable`.
    pub problem: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReceiptCheck {
    pub receipt: Receipt,
    pub ok: bool,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub intact: bool,
    pub case_id: String,
    pub entries: u64,
    pub head: String,
    pub problems: Vec<Problem>,
    pub receipts: Vec<ReceiptCheck>,
    /// How many distinct evidence files were re-hashed; `null` when the
    /// check was skipped (`--no-files`).
    pub files_checked: Option<u64>,
}

/// Whether `verify` re-hashes the evidence files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Files {
    Rehash,
    Skip,
}

/// An evidence file named by the record: its first name and the entries
/// that name it.
#[derive(Debug, Clone)]
pub struct NamedFile {
    pub sha256: String,
    pub name: String,
    pub seqs: Vec<u64>,
}

/// The running state of a chain check; feed rows in order of number.
pub struct ChainCheck {
    case_id: String,
    expected_seq: u64,
    prev_hash: String,
    last_recorded: Option<chrono::DateTime<chrono::FixedOffset>>,
    pub problems: Vec<Problem>,
    /// Stored hashes of the entries named by receipts.
    wanted: HashMap<u64, Option<String>>,
    pub count: u64,
    /// The evidence files named so far, in order of first mention.
    pub files: Vec<NamedFile>,
    file_index: HashMap<String, usize>,
    /// The fingerprints of imported entries: fingerprint → entry number.
    pub sources: HashMap<String, u64>,
    /// Reused for re-encoding each body.
    buf: Vec<u8>,
}

impl ChainCheck {
    pub fn new(case_id: &str, receipt_seqs: impl IntoIterator<Item = u64>) -> ChainCheck {
        ChainCheck {
            case_id: case_id.to_string(),
            expected_seq: 1,
            prev_hash: chain::genesis(case_id),
            last_recorded: None,
            problems: Vec::new(),
            wanted: receipt_seqs.into_iter().map(|s| (s, None)).collect(),
            count: 0,
            files: Vec::new(),
            file_index: HashMap::new(),
            sources: HashMap::new(),
            buf: Vec::with_capacity(4096),
        }
    }

    fn problem(&mut self, seq: u64, problem: &'static str, message: String) {
        self.problems.push(Problem {
            seq,
            problem,
            message,
        });
    }

    pub fn row(&mut self, row: &RawRow) {
        self.count += 1;
        let seq = row.seq.max(0) as u64;
        if seq > self.expected_seq {
            let msg = if seq == self.expected_seq + 1 {
                format!(
                    "entry {} is missing (the numbers jump from {} to {seq})",
                    self.expected_seq,
                    self.expected_seq - 1
                )
            } else {
                format!(
                    "entries {} to {} are missing (the numbers jump from {} to {seq})",
                    self.expected_seq,
                    seq - 1,
                    self.expected_seq - 1
                )
            };
            let missing = self.expected_seq;
            self.problem(missing, "missing", msg);
        } else if seq < self.expected_seq {
            self.problem(
                seq,
                "repeated",
                format!("entry {seq} appears more than once"),
            );
        }
        self.expected_seq = seq + 1;
        if let Some(slot) = self.wanted.get_mut(&seq) {
            *slot = Some(row.hash.clone());
        }

        let body = match chain::parse_canonical_with(&row.body, &mut self.buf) {
            Ok(b) => Some(b),
            Err(why) => {
                self.problem(seq, "unreadable", format!("entry {seq}: {why}"));
                None
            }
        };
        let computed = chain::entry_hash(&row.body);
        if computed != row.hash {
            self.problem(
                seq,
                "content_changed",
                format!("entry {seq} was changed after it was recorded (its hash does not match its fields)"),
            );
        }
        if let Some(body) = &body {
            for f in &body.evidence {
                let i = *self.file_index.entry(f.sha256.clone()).or_insert_with(|| {
                    self.files.push(NamedFile {
                        sha256: f.sha256.clone(),
                        name: f.name.clone(),
                        seqs: Vec::new(),
                    });
                    self.files.len() - 1
                });
                if self.files[i].seqs.last() != Some(&seq) {
                    self.files[i].seqs.push(seq);
                }
            }
            if body.seq != seq {
                self.problem(
                    seq,
                    "moved",
                    format!(
                        "entry {seq} holds the fields of entry {} (entries were moved or swapped)",
                        body.seq
                    ),
                );
            }
            if body.case_id != self.case_id {
                self.problem(
                    seq,
                    "wrong_case",
                    format!("entry {seq} belongs to another case ({})", body.case_id),
                );
            }
            if body.prev_hash != row.prev_hash {
                self.problem(
                    seq,
                    "index_changed",
                    format!("entry {seq}: the stored link differs from the hashed one"),
                );
            }
            if body.prev_hash != self.prev_hash {
                let what = if seq == 1 {
                    "entry 1 does not start this case's chain".to_string()
                } else {
                    format!(
                        "entry {seq} does not link to entry {} (the chain is broken here)",
                        seq - 1
                    )
                };
                self.problem(seq, "link_broken", what);
            }
            match timeparse::parse_stored(&body.recorded_at).filter(|t| {
                timeparse::format_utc_millis(&t.with_timezone(&chrono::Utc)) == body.recorded_at
            }) {
                Some(t) => {
                    if let Some(last) = self.last_recorded {
                        if t < last {
                            self.problem(
                                seq,
                                "time_backwards",
                                format!(
                                    "entry {seq} was recorded at {} — before the entry above it",
                                    body.recorded_at
                                ),
                            );
                        }
                    }
                    self.last_recorded = Some(t);
                }
                None => self.problem(
                    seq,
                    "unreadable",
                    format!("entry {seq}: its recorded time is not in the form 2026-11-20T05:32:00.250Z"),
                ),
            }
            if let Some(t) = body.target {
                if t == 0 || t >= seq {
                    self.problem(
                        seq,
                        "bad_reference",
                        format!("entry {seq} refers to entry {t}, which is not before it"),
                    );
                }
            }
            if !IndexColumns::agree(body, row) {
                self.problem(
                    seq,
                    "index_changed",
                    format!("entry {seq}: the search columns were changed (they no longer match its fields)"),
                );
            }
            if let Some(source) = &body.source {
                self.sources.insert(source.fingerprint.clone(), seq);
            }
        }
        self.prev_hash = row.hash.clone();
    }

    /// The number the next entry should have, minus one: the head number.
    pub fn head_seq(&self) -> u64 {
        self.expected_seq - 1
    }

    pub fn head_hash(&self) -> &str {
        &self.prev_hash
    }

    pub fn check_receipt(&self, r: &Receipt) -> ReceiptCheck {
        let fail = |message: String| ReceiptCheck {
            receipt: r.clone(),
            ok: false,
            message,
        };
        if r.case_id != self.case_id {
            return fail(format!(
                "the receipt is for another case ({}, this is {})",
                r.case_id, self.case_id
            ));
        }
        if r.entries == 0 && r.head != chain::genesis(&self.case_id) {
            return fail(
                "the receipt covers no entries but names a head other than this case's start"
                    .to_string(),
            );
        }
        if r.entries == 0 {
            return ReceiptCheck {
                receipt: r.clone(),
                ok: true,
                message: "the receipt covers no entries".to_string(),
            };
        }
        let stored = self.wanted.get(&r.entries).cloned().flatten();
        let Some(hash) = stored else {
            return fail(format!(
                "the record was cut short: the receipt covers entries 1 to {} but the record has {} (entry {} onwards is gone)",
                r.entries,
                self.head_seq(),
                self.head_seq() + 1
            ));
        };
        if hash != r.head {
            return fail(format!(
                "entry {} does not match the receipt: entries 1 to {} were changed or rebuilt after the receipt was made",
                r.entries, r.entries
            ));
        }
        if let Some(p) = self.problems.iter().find(|p| p.seq <= r.entries) {
            return fail(format!(
                "entry {} has changed since the receipt was made ({})",
                p.seq, p.problem
            ));
        }
        ReceiptCheck {
            receipt: r.clone(),
            ok: true,
            message: format!(
                "entries 1 to {} are unchanged since the receipt of {}",
                r.entries,
                if r.at.is_empty() {
                    "unknown time"
                } else {
                    &r.at
                }
            ),
        }
    }
}

/// Re-hashes the stored copy of each file; a problem for each that fails.
pub fn check_files(store: &EvidenceStore, files: &[NamedFile]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for f in files {
        let (problem, what) = match store.check(&f.sha256) {
            Health::Intact => continue,
            Health::Missing => (
                "file_missing",
                "is missing from the evidence folder".to_string(),
            ),
            Health::Changed(now) => (
                "file_changed",
                format!(
                    "was altered (its SHA-256 is now {now}, recorded {})",
                    f.sha256
                ),
            ),
            Health::Unreadable(why) => ("file_unreadable", format!("cannot be read ({why})")),
        };
        let mut entries = String::new();
        for (i, s) in f.seqs.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            let _ = write!(entries, "{sep}{s}");
        }
        let word = if f.seqs.len() == 1 {
            "entry"
        } else {
            "entries"
        };
        problems.push(Problem {
            seq: f.seqs.first().copied().unwrap_or(0),
            problem,
            message: format!(
                "evidence file \"{}\" ({word} {entries}) {what}",
                sanitize::one_line(&f.name)
            ),
        });
    }
    problems
}

/// Rows per batch handed from the reading thread to the checking one.
const BATCH: usize = 512;
/// Batches waiting to be checked, at most (so memory stays constant).
const IN_FLIGHT: usize = 4;

/// The import fingerprints kept for finding re-imported records must be
/// exactly those of the imported entries: a missing one would let a record
/// be imported twice, an extra one would keep a record out.
fn check_import_index(case: &Case, sources: &HashMap<String, u64>) -> Result<Vec<Problem>> {
    let mut problems = Vec::new();
    let mut unseen = sources.clone();
    for (fingerprint, seq) in case.import_fingerprints()? {
        match unseen.remove(&fingerprint) {
            Some(s) if s == seq => {}
            _ => problems.push(Problem {
                seq,
                problem: "index_changed",
                message: format!(
                    "the import index names entry {seq} with a fingerprint that is not in its fields"
                ),
            }),
        }
    }
    for (_, seq) in unseen {
        problems.push(Problem {
            seq,
            problem: "index_changed",
            message: format!(
                "entry {seq} was imported but its fingerprint is missing from the import index"
            ),
        });
    }
    Ok(problems)
}

/// Verifies a whole case file and its evidence files.
///
/// Rows are read from SQLite on this thread and checked (parsed, hashed,
/// linked) on a second one, in batches through a bounded channel, so that
/// on two or more cores reading and checking overlap. The checks and
/// their order are exactly those of [`ChainCheck::row`].
pub fn verify_case(case: &Case, receipts: &[Receipt]) -> Result<Report> {
    verify_case_with(case, receipts, Files::Rehash)
}

/// Verifies a whole case file (streaming; memory grows only with the
/// number of distinct evidence files and of imported entries, whose
/// fingerprints are compared with the import index), re-hashing the files
/// or not.
pub fn verify_case_with(case: &Case, receipts: &[Receipt], files: Files) -> Result<Report> {
    let mut check = ChainCheck::new(&case.meta.case_id, receipts.iter().map(|r| r.entries));
    std::thread::scope(|s| -> Result<()> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<RawRow>>(IN_FLIGHT);
        let checking = &mut check;
        let checker = std::thread::Builder::new()
            .name("verify".into())
            .spawn_scoped(s, move || {
                for batch in rx {
                    for row in &batch {
                        checking.row(row);
                    }
                }
            })
            .map_err(|e| Error::internal(format!("cannot start a thread: {e}")))?;
        let mut batch = Vec::with_capacity(BATCH);
        let read = case.for_each_raw(|row| {
            batch.push(row);
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                // Fails only if the checker panicked; join reports that.
                tx.send(full)
                    .map_err(|_| Error::internal("the chain check stopped"))?;
            }
            Ok(())
        });
        if read.is_ok() && !batch.is_empty() {
            let _ = tx.send(batch);
        }
        drop(tx);
        if let Err(panic) = checker.join() {
            std::panic::resume_unwind(panic);
        }
        read
    })?;
    let receipts: Vec<ReceiptCheck> = receipts.iter().map(|r| check.check_receipt(r)).collect();
    let mut problems = check.problems.clone();
    problems.extend(check_import_index(case, &check.sources)?);
    // Receipts speak of the entries; file problems are reported besides.
    let files_checked = match files {
        Files::Rehash => {
            let store = EvidenceStore::beside(case.path());
            problems.extend(check_files(&store, &check.files));
            Some(check.files.len() as u64)
        }
        Files::Skip => None,
    };
    problems.sort_by_key(|p| p.seq);
    Ok(Report {
        intact: problems.is_empty() && receipts.iter().all(|r| r.ok),
        case_id: case.meta.case_id.clone(),
        entries: check.count,
        head: check.head_hash().to_string(),
        problems,
        receipts,
        files_checked,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, Kind};

    const CASE: &str = "case-1";

    /// A well-formed chain of `n` notes, recorded one second apart.
    fn chain(n: u64) -> Vec<RawRow> {
        let mut prev = chain::genesis(CASE);
        let mut rows = Vec::new();
        for seq in 1..=n {
            let body = Body {
                v: 1,
                case_id: CASE.into(),
                seq,
                prev_hash: prev.clone(),
                recorded_at: format!("2026-11-20T00:00:{:02}.000Z", seq),
                kind: Kind::Note,
                occurred_at: Some("2026-11-20T09:00:00+09:00".into()),
                content: Some(format!("note {seq}")),
                ..Body::default()
            };
            let row = row_of(body);
            prev = row.hash.clone();
            rows.push(row);
        }
        rows
    }

    fn row_of(body: Body) -> RawRow {
        let text = chain::canonical(&body).unwrap();
        let cols = IndexColumns::of(&body);
        RawRow {
            seq: body.seq as i64,
            kind: body.kind.as_str().into(),
            occurred_utc: cols.occurred_utc,
            channel: cols.channel,
            sender: cols.sender,
            address: cols.address,
            target: cols.target,
            hash: chain::entry_hash(&text),
            prev_hash: body.prev_hash,
            body: text,
        }
    }

    fn check(rows: &[RawRow]) -> Vec<(u64, &'static str)> {
        let mut c = ChainCheck::new(CASE, []);
        rows.iter().for_each(|r| c.row(r));
        c.problems.iter().map(|p| (p.seq, p.problem)).collect()
    }

    #[test]
    fn an_intact_chain_has_no_problems() {
        assert!(check(&chain(5)).is_empty());
    }

    #[test]
    fn recorded_times_going_backwards_are_caught() {
        let mut rows = chain(3);
        // Rebuild entry 3 consistently, but recorded before entry 2.
        let mut body: Body = serde_json::from_str(&rows[2].body).unwrap();
        body.recorded_at = "2026-11-19T23:59:59.000Z".into();
        rows[2] = row_of(body);
        assert_eq!(check(&rows), vec![(3, "time_backwards")]);
    }

    #[test]
    fn a_forward_reference_is_caught() {
        let mut rows = chain(3);
        let mut body: Body = serde_json::from_str(&rows[1].body).unwrap();
        body.kind = Kind::Void;
        body.target = Some(3);
        rows[1] = row_of(body);
        let problems = check(&rows);
        assert!(problems.contains(&(2, "bad_reference")), "{problems:?}");
    }

    #[test]
    fn receipts_for_the_empty_and_the_future() {
        let rows = chain(2);
        let mut c = ChainCheck::new(CASE, [2, 3]);
        rows.iter().for_each(|r| c.row(r));
        let r = |entries, head: &str| Receipt {
            case_id: CASE.into(),
            entries,
            head: head.into(),
            at: String::new(),
        };
        assert!(c.check_receipt(&r(2, &rows[1].hash)).ok);
        assert!(!c.check_receipt(&r(2, &rows[0].hash)).ok);
        assert!(c
            .check_receipt(&r(3, &rows[1].hash))
            .message
            .contains("cut short"));
        assert!(c.check_receipt(&r(0, &chain::genesis(CASE))).ok);
        assert!(!c.check_receipt(&r(0, &rows[0].hash)).ok);
    }
}
