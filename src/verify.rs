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
//! A receipt for entries 1..N then requires that entry N exists and has the
//! receipt's hash; with the chain intact up to N that proves entries 1..N
//! are the ones the receipt was made for.

use std::collections::HashMap;

use serde::Serialize;

use crate::chain;
use crate::error::{Error, Result};
use crate::receipt::Receipt;
use crate::store::{Case, IndexColumns, RawRow};
use crate::timeparse;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Problem {
    /// The entry that fails (the first entry affected).
    pub seq: u64,
    /// A stable code: `missing`, `repeated`, `moved`, `unreadable`,
    /// `wrong_case`, `content_changed`, `link_broken`, `time_backwards`,
    /// `bad_reference`, `index_changed`.
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
            match timeparse::parse_stored(&body.recorded_at) {
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
                    format!("entry {seq}: its recorded time cannot be read"),
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

/// Rows per batch handed from the reading thread to the checking one.
const BATCH: usize = 512;
/// Batches waiting to be checked, at most (so memory stays constant).
const IN_FLIGHT: usize = 4;

/// Verifies a whole case file (streaming; constant memory).
///
/// Rows are read from SQLite on this thread and checked (parsed, hashed,
/// linked) on a second one, in batches through a bounded channel, so that
/// on two or more cores reading and checking overlap. The checks and
/// their order are exactly those of [`ChainCheck::row`].
pub fn verify_case(case: &Case, receipts: &[Receipt]) -> Result<Report> {
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
    problems.sort_by_key(|p| p.seq);
    Ok(Report {
        intact: problems.is_empty() && receipts.iter().all(|r| r.ok),
        case_id: case.meta.case_id.clone(),
        entries: check.count,
        head: check.head_hash().to_string(),
        problems,
        receipts,
    })
}
