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

use crate::canonical::BodyView;
use crate::chain;
use crate::error::Result;
use crate::evidence::{EvidenceStore, Health};
use crate::fasttime;
use crate::model::{Anchor, Body, Kind};
use crate::receipt::{self, Receipt};
use crate::sanitize;
use crate::store::{AnchorFiles, Case, RawRef, RawRow};
use crate::timeparse;
use crate::tsp;

mod parts;

/// At most this many problems are kept and reported one by one; the
/// rest are only counted (a damaged record of millions of entries must
/// not fill the memory with messages).
pub const KEPT_PROBLEMS: usize = 1000;

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

/// The check of one trusted timestamp kept in the case file.
#[derive(Debug, Clone, Serialize)]
pub struct AnchorCheck {
    /// The `anchor` entry that records the timestamp.
    pub seq: u64,
    /// The timestamp covers entries 1 to `covers_seq` (0 when unknown).
    pub covers_seq: u64,
    /// The TSA's name and time, as the token says (empty when unreadable).
    pub tsa: String,
    pub gen_time: String,
    pub ok: bool,
    /// With `--tsa-ca`: whether the TSA certificate leads to that root.
    pub trusted: Option<bool>,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub intact: bool,
    pub case_id: String,
    pub entries: u64,
    pub head: String,
    /// The first problems found (at most [`KEPT_PROBLEMS`]), by entry.
    pub problems: Vec<Problem>,
    /// How many more problems were found than are listed.
    pub problems_not_listed: u64,
    pub receipts: Vec<ReceiptCheck>,
    pub anchors: Vec<AnchorCheck>,
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
    /// The first problems found (at most [`KEPT_PROBLEMS`]).
    pub problems: Vec<Problem>,
    /// Problems found beyond those kept.
    pub dropped: u64,
    /// Stored hashes of the entries named by receipts.
    wanted: HashMap<u64, Option<String>>,
    /// The `anchor` entries seen, with their fields.
    pub anchors: Vec<(u64, Option<Anchor>)>,
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
            dropped: 0,
            wanted: receipt_seqs.into_iter().map(|s| (s, None)).collect(),
            anchors: Vec::new(),
            count: 0,
            files: Vec::new(),
            file_index: HashMap::new(),
            sources: HashMap::new(),
            buf: Vec::with_capacity(4096),
        }
    }

    /// A check that carries on after the entries before a part of the
    /// chain: `before` is what [`ChainCheck`] knows after the last of them
    /// (`None` when there is none), so that feeding it the rows of the
    /// part finds what checking the whole chain finds in that part.
    pub(crate) fn resume(
        case_id: &str,
        receipt_seqs: impl IntoIterator<Item = u64>,
        before: Option<Before>,
    ) -> ChainCheck {
        let mut check = ChainCheck::new(case_id, receipt_seqs);
        if let Some(before) = before {
            check.expected_seq = before.seq + 1;
            check.prev_hash = before.hash;
            check.last_recorded = before.last_recorded;
        }
        check
    }

    /// Joins the check of the part of the chain that follows this one:
    /// afterwards `self` is as if it had been fed the rows of both.
    pub(crate) fn append(&mut self, later: ChainCheck) {
        for p in later.problems {
            self.problem(p.seq, p.problem, p.message);
        }
        self.dropped += later.dropped;
        for (seq, hash) in later.wanted {
            if hash.is_some() {
                self.wanted.insert(seq, hash);
            }
        }
        self.anchors.extend(later.anchors);
        self.count += later.count;
        for f in later.files {
            match self.file_index.get(&f.sha256) {
                Some(&i) => {
                    let seqs = &mut self.files[i].seqs;
                    for s in f.seqs {
                        if seqs.last() != Some(&s) {
                            seqs.push(s);
                        }
                    }
                }
                None => {
                    self.file_index.insert(f.sha256.clone(), self.files.len());
                    self.files.push(f);
                }
            }
        }
        self.sources.extend(later.sources);
        self.expected_seq = later.expected_seq;
        self.prev_hash = later.prev_hash;
        self.last_recorded = later.last_recorded;
    }

    /// Asks for the stored hash of entry `seq` (before feeding rows).
    pub fn want(&mut self, seq: u64) {
        self.wanted.entry(seq).or_insert(None);
    }

    fn problem(&mut self, seq: u64, problem: &'static str, message: String) {
        // Rows come in order, so the problems kept are the earliest.
        if self.problems.len() >= KEPT_PROBLEMS {
            self.dropped += 1;
            return;
        }
        self.problems.push(Problem {
            seq,
            problem,
            message,
        });
    }

    pub fn row(&mut self, row: &RawRow) {
        let row = row.borrowed();
        let hash_ok = hash_matches(row.body, row.hash);
        self.checked_row(&row, hash_ok);
    }

    /// [`ChainCheck::row`] for a borrowed row whose body has already been
    /// hashed: `hash_ok` tells whether SHA-256 of the body is the stored
    /// hash (so the hashing can be done on another thread).
    pub fn checked_row(&mut self, row: &RawRef, hash_ok: bool) {
        self.count += 1;
        let seq = row.seq.max(0) as u64;
        if seq > self.expected_seq {
            let msg = if seq == self.expected_seq + 1 {
                crate::t!(
                    "verify-entry-missing",
                    seq = self.expected_seq,
                    before = self.expected_seq - 1,
                    after = seq
                )
            } else {
                crate::t!(
                    "verify-entries-missing",
                    first = self.expected_seq,
                    last = seq - 1,
                    before = self.expected_seq - 1,
                    after = seq
                )
            };
            let missing = self.expected_seq;
            self.problem(missing, "missing", msg);
        } else if seq < self.expected_seq {
            self.problem(
                seq,
                "repeated",
                crate::t!("verify-entry-repeated", seq = seq),
            );
        }
        self.expected_seq = seq + 1;
        if !self.wanted.is_empty() {
            if let Some(slot) = self.wanted.get_mut(&seq) {
                *slot = Some(row.hash.to_string());
            }
        }

        // The fast proof of canonical form; when it cannot decide, the
        // exact check (which also says what is wrong).
        let parsed: Body;
        let body = match BodyView::canonical(row.body) {
            Some(view) => Some(view),
            None => match chain::parse_canonical_with(row.body, &mut self.buf) {
                Ok(b) => {
                    parsed = b;
                    Some(BodyView::of(&parsed))
                }
                Err(why) => {
                    self.problem(
                        seq,
                        "unreadable",
                        crate::t!("verify-entry-unreadable", seq = seq, reason = why),
                    );
                    None
                }
            },
        };
        if !hash_ok {
            self.problem(
                seq,
                "content_changed",
                crate::t!("verify-entry-changed", seq = seq),
            );
        }
        if let Some(body) = &body {
            if body.kind == Kind::Anchor {
                self.anchors.push((seq, body.anchor.clone()));
            }
            for f in body.files() {
                let i = match self.file_index.get(&*f.sha256) {
                    Some(&i) => i,
                    None => {
                        self.files.push(NamedFile {
                            sha256: f.sha256.to_string(),
                            name: f.name.to_string(),
                            seqs: Vec::new(),
                        });
                        self.file_index
                            .insert(f.sha256.to_string(), self.files.len() - 1);
                        self.files.len() - 1
                    }
                };
                if self.files[i].seqs.last() != Some(&seq) {
                    self.files[i].seqs.push(seq);
                }
            }
            if body.seq != seq {
                self.problem(
                    seq,
                    "moved",
                    crate::t!("verify-entry-moved", seq = seq, other = body.seq),
                );
            }
            if *body.case_id != *self.case_id {
                self.problem(
                    seq,
                    "wrong_case",
                    crate::t!("verify-entry-other-case", seq = seq, case = &*body.case_id),
                );
            }
            if *body.prev_hash != *row.prev_hash {
                self.problem(
                    seq,
                    "index_changed",
                    crate::t!("verify-entry-stored-link", seq = seq),
                );
            }
            if *body.prev_hash != *self.prev_hash {
                let what = if seq == 1 {
                    crate::t!("verify-entry-not-first")
                } else {
                    crate::t!("verify-entry-unlinked", seq = seq, before = seq - 1)
                };
                self.problem(seq, "link_broken", what);
            }
            match recorded_time(&body.recorded_at) {
                Some(t) => {
                    if let Some(last) = self.last_recorded {
                        if t < last {
                            self.problem(
                                seq,
                                "time_backwards",
                                crate::t!(
                                    "verify-entry-time-backwards",
                                    seq = seq,
                                    time = &*body.recorded_at
                                ),
                            );
                        }
                    }
                    self.last_recorded = Some(t);
                }
                None => self.problem(
                    seq,
                    "unreadable",
                    crate::t!("verify-entry-bad-time", seq = seq),
                ),
            }
            if let Some(t) = body.target {
                if t == 0 || t >= seq {
                    self.problem(
                        seq,
                        "bad_reference",
                        crate::t!("verify-entry-bad-reference", seq = seq, target = t),
                    );
                }
            }
            if !index_agrees(body, row) {
                self.problem(
                    seq,
                    "index_changed",
                    crate::t!("verify-entry-index-changed", seq = seq),
                );
            }
            if let Some(source) = &body.source {
                self.sources.insert(source.fingerprint.to_string(), seq);
            }
        }
        self.prev_hash.clear();
        self.prev_hash.push_str(row.hash);
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
            return fail(crate::t!(
                "verify-receipt-other-case",
                case = r.case_id.as_str(),
                this = self.case_id.as_str()
            ));
        }
        if r.entries == 0 && r.head != chain::genesis(&self.case_id) {
            return fail(crate::t!("verify-receipt-empty-other-head"));
        }
        if r.entries == 0 {
            return ReceiptCheck {
                receipt: r.clone(),
                ok: true,
                message: crate::t!("verify-receipt-empty"),
            };
        }
        let stored = self.wanted.get(&r.entries).cloned().flatten();
        let Some(hash) = stored else {
            return fail(crate::t!(
                "verify-receipt-cut-short",
                entries = r.entries,
                head = self.head_seq(),
                gone = self.head_seq() + 1
            ));
        };
        if hash != r.head {
            return fail(crate::t!("verify-receipt-mismatch", entries = r.entries));
        }
        if let Some(p) = self.problems.iter().find(|p| p.seq <= r.entries) {
            return fail(crate::t!(
                "verify-receipt-entry-changed",
                seq = p.seq,
                problem = p.problem
            ));
        }
        ReceiptCheck {
            receipt: r.clone(),
            ok: true,
            message: if r.at.is_empty() {
                crate::t!("verify-receipt-ok-unknown-time", entries = r.entries)
            } else {
                crate::t!(
                    "verify-receipt-ok",
                    entries = r.entries,
                    time = r.at.as_str()
                )
            },
        }
    }
}

/// What the check of a chain carries from one entry to the next: the
/// number and stored hash of the last entry, and the last recorded time
/// that could be read (not always the last entry's).
pub(crate) struct Before {
    pub seq: u64,
    pub hash: String,
    pub last_recorded: Option<chrono::DateTime<chrono::FixedOffset>>,
}

/// The recorded time of a stored body, as [`ChainCheck::checked_row`]
/// reads it: `None` when the body or its time cannot be read (and the
/// time then does not count as the last recorded one).
fn recorded_time_of(
    body: &str,
    buf: &mut Vec<u8>,
) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    match BodyView::canonical(body) {
        Some(view) => recorded_time(&view.recorded_at),
        None => chain::parse_canonical_with(body, buf)
            .ok()
            .and_then(|b| recorded_time(&b.recorded_at)),
    }
}

/// Whether SHA-256 of `body` is `stored` (lower-case hex), without
/// building a string per entry.
pub(crate) fn hash_matches(body: &str, stored: &str) -> bool {
    use sha2::{Digest, Sha256};
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(body.as_bytes());
    let stored = stored.as_bytes();
    stored.len() == 64
        && digest.iter().enumerate().all(|(i, b)| {
            stored[2 * i] == DIGITS[(b >> 4) as usize]
                && stored[2 * i + 1] == DIGITS[(b & 15) as usize]
        })
}

/// The time of a `recorded_at` value, when it is in the one form kiroku
/// writes (UTC, milliseconds, `Z`).
fn recorded_time(s: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    fasttime::utc_millis(s).or_else(|| {
        timeparse::parse_stored(s)
            .filter(|t| timeparse::format_utc_millis(&t.with_timezone(&chrono::Utc)) == s)
    })
}

/// Whether a stored row's index columns and kind agree with its body
/// (as `IndexColumns::agree`, for a borrowed body).
fn index_agrees(body: &BodyView, row: &RawRef) -> bool {
    let occurred = body.occurred_at.as_deref().and_then(|s| {
        fasttime::offset_seconds(s).or_else(|| timeparse::parse_stored(s).map(|d| d.timestamp()))
    });
    body.kind.as_str() == row.kind
        && occurred == row.occurred_utc
        && body.channel.map(|c| c.as_str()) == row.channel
        && body.from.as_deref() == row.sender
        && body.address.as_deref() == row.address
        && body.target.map(|t| t as i64) == row.target
}

/// Re-hashes the stored copy of each file; a problem for each that fails.
pub fn check_files(store: &EvidenceStore, files: &[NamedFile]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for f in files {
        let (problem, what) = match store.check(&f.sha256) {
            Health::Intact => continue,
            Health::Missing => ("file_missing", crate::t!("verify-file-missing")),
            Health::Changed(now) => (
                "file_changed",
                crate::t!(
                    "verify-file-changed",
                    now = now,
                    recorded = f.sha256.as_str()
                ),
            ),
            Health::Unreadable(why) => (
                "file_unreadable",
                crate::t!("verify-file-unreadable", reason = why.to_string()),
            ),
        };
        let mut entries = String::new();
        for (i, s) in f.seqs.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            let _ = write!(entries, "{sep}{s}");
        }
        problems.push(Problem {
            seq: f.seqs.first().copied().unwrap_or(0),
            problem,
            message: crate::t!(
                "verify-file-problem",
                name = sanitize::one_line(&f.name),
                count = f.seqs.len(),
                entries = entries,
                what = what
            ),
        });
    }
    problems
}

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
                message: crate::t!("verify-import-index-extra", seq = seq),
            }),
        }
    }
    for (_, seq) in unseen {
        problems.push(Problem {
            seq,
            problem: "index_changed",
            message: crate::t!("verify-import-index-missing", seq = seq),
        });
    }
    Ok(problems)
}

/// Verifies a whole case file and its evidence files.
///
/// The chain is cut into as many parts as there are cores, each read and
/// checked (parsed, hashed, linked) on a thread of its own, and the parts
/// joined in order (see `parts`). The problems found and their order are
/// exactly those of feeding every row to [`ChainCheck::row`] in order.
pub fn verify_case(case: &Case, receipts: &[Receipt]) -> Result<Report> {
    verify_case_with(case, receipts, Files::Rehash)
}

/// Verifies a whole case file (streaming; memory grows only with the
/// number of distinct evidence files and of imported entries, whose
/// fingerprints are compared with the import index), re-hashing the files
/// or not.
pub fn verify_case_with(case: &Case, receipts: &[Receipt], files: Files) -> Result<Report> {
    verify_case_with_roots(case, receipts, files, None)
}

/// [`verify_case_with`], and the record's timestamps. With `roots`, each
/// TSA certificate must lead to one of them.
pub fn verify_case_with_roots(
    case: &Case,
    receipts: &[Receipt],
    files: Files,
    roots: Option<&[x509_cert::Certificate]>,
) -> Result<Report> {
    // One read transaction for the whole check (the parts read on other
    // connections: see `parts::check_chain`), unless the caller has one.
    let _snapshot = match case.conn().is_autocommit() {
        true => Some(case.conn().unchecked_transaction()?),
        false => None,
    };
    let mut check = ChainCheck::new(&case.meta.case_id, receipts.iter().map(|r| r.entries));
    let kept = case.anchor_files()?;
    for (_, f) in &kept {
        if let Some(Ok(r)) = receipt::find_all(&f.receipt).into_iter().next() {
            check.want(r.entries);
        }
    }
    let check = parts::check_chain(case, check, parts::count())?;
    let receipts: Vec<ReceiptCheck> = receipts.iter().map(|r| check.check_receipt(r)).collect();
    let anchors = check_anchors(&check, &kept, roots);
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
    let mut problems_not_listed = check.dropped;
    if problems.len() > KEPT_PROBLEMS {
        problems_not_listed += (problems.len() - KEPT_PROBLEMS) as u64;
        problems.truncate(KEPT_PROBLEMS);
    }
    Ok(Report {
        intact: problems.is_empty()
            && receipts.iter().all(|r| r.ok)
            && anchors.iter().all(|a| a.ok),
        case_id: case.meta.case_id.clone(),
        entries: check.count,
        head: check.head_hash().to_string(),
        problems,
        problems_not_listed,
        receipts,
        anchors,
        files_checked,
    })
}

/// Every anchor entry and every kept token, checked against the chain.
pub fn check_anchors(
    check: &ChainCheck,
    files: &[(u64, AnchorFiles)],
    roots: Option<&[x509_cert::Certificate]>,
) -> Vec<AnchorCheck> {
    let mut seqs: Vec<u64> = check
        .anchors
        .iter()
        .map(|(s, _)| *s)
        .chain(files.iter().map(|(s, _)| *s))
        .collect();
    seqs.sort_unstable();
    seqs.dedup();
    seqs.into_iter()
        .map(|seq| {
            let body = check
                .anchors
                .iter()
                .find(|(s, _)| *s == seq)
                .map(|(_, a)| a);
            let f = files.iter().find(|(s, _)| *s == seq).map(|(_, f)| f);
            check.check_anchor(seq, body, f, roots)
        })
        .collect()
}

impl ChainCheck {
    /// Checks one timestamp: the token verifies, answers its request and
    /// stamps its receipt text; the anchor entry records the same; and
    /// the chain still has the stamped head at the covered entry.
    /// `body` is `None` when no anchor entry `seq` is in the chain,
    /// `Some(None)` when it has no anchor fields; `files` is `None` when
    /// the token is not kept.
    pub fn check_anchor(
        &self,
        seq: u64,
        body: Option<&Option<Anchor>>,
        files: Option<&AnchorFiles>,
        roots: Option<&[x509_cert::Certificate]>,
    ) -> AnchorCheck {
        let mut out = AnchorCheck {
            seq,
            covers_seq: 0,
            tsa: String::new(),
            gen_time: String::new(),
            ok: false,
            trusted: None,
            message: String::new(),
        };
        if let Some(Some(a)) = body {
            out.covers_seq = a.covers_seq;
            out.tsa = a.tsa.clone();
            out.gen_time = a.gen_time.clone();
        }
        let name = |out: &AnchorCheck| {
            if out.tsa.is_empty() {
                crate::t!("verify-anchor-name", seq = seq)
            } else {
                crate::t!(
                    "verify-anchor-name-tsa",
                    seq = seq,
                    time = out.gen_time.as_str(),
                    tsa = out.tsa.as_str()
                )
            }
        };
        let Some(files) = files else {
            out.message = crate::t!("verify-anchor-token-missing", anchor = name(&out));
            return out;
        };
        let token = match tsp::parse_response(&files.tsr) {
            Ok(t) => t,
            Err(e) => {
                out.message = crate::t!(
                    "verify-anchor-failed",
                    anchor = name(&out),
                    reason = e.message
                );
                return out;
            }
        };
        out.tsa = token.tsa.clone();
        out.gen_time = token.gen_time.clone();
        let fail = |mut out: AnchorCheck, why: String| {
            out.message = crate::t!("verify-anchor-failed", anchor = name(&out), reason = why);
            out
        };
        match tsp::parse_request(&files.tsq) {
            Ok(req) => {
                if let Err(e) = tsp::check_matches(&token, &req) {
                    return fail(out, e.message);
                }
            }
            Err(e) => return fail(out, e.message),
        }
        if chain::sha256_hex(files.receipt.as_bytes()) != chain::hex(&token.imprint) {
            return fail(out, crate::t!("verify-anchor-other-text"));
        }
        let stamped = match receipt::find_all(&files.receipt).into_iter().next() {
            Some(Ok(r)) => r,
            _ => return fail(out, crate::t!("verify-anchor-text-unreadable")),
        };
        out.covers_seq = stamped.entries;
        if stamped.case_id != self.case_id {
            return fail(
                out,
                crate::t!("verify-anchor-other-case", case = stamped.case_id.as_str()),
            );
        }
        match body {
            None => {
                return fail(
                    out,
                    crate::t!("verify-anchor-entry-gone", head = self.head_seq()),
                )
            }
            Some(None) => return fail(out, crate::t!("verify-anchor-no-fields")),
            Some(Some(a)) => {
                let agrees = a.covers_seq == stamped.entries
                    && a.covers_hash == stamped.head
                    && a.imprint == chain::hex(&token.imprint)
                    && a.tsq_sha256 == chain::sha256_hex(&files.tsq)
                    && a.tsr_sha256 == chain::sha256_hex(&files.tsr);
                if !agrees {
                    return fail(out, crate::t!("verify-anchor-entry-mismatch"));
                }
            }
        }
        let n = stamped.entries;
        match self.wanted.get(&n).cloned().flatten() {
            None => {
                return fail(
                    out,
                    crate::t!(
                        "verify-anchor-cut-short",
                        entries = n,
                        head = self.head_seq()
                    ),
                )
            }
            Some(h) if h != stamped.head => {
                return fail(out, crate::t!("verify-anchor-rebuilt", entries = n))
            }
            Some(_) => {}
        }
        if let Some(p) = self.problems.iter().find(|p| p.seq <= n) {
            return fail(
                out,
                crate::t!(
                    "verify-anchor-entry-changed",
                    seq = p.seq,
                    problem = p.problem
                ),
            );
        }
        let mut message = crate::t!(
            "verify-anchor-ok",
            entries = n,
            time = token.gen_time.as_str(),
            tsa = token.tsa.as_str()
        );
        if let Some(roots) = roots {
            match tsp::check_chain(&token, roots) {
                Ok(root) => {
                    out.trusted = Some(true);
                    message.push_str(&crate::t!("verify-timestamp-issued-under", root = root));
                }
                Err(why) => {
                    out.trusted = Some(false);
                    return fail(out, crate::t!("verify-anchor-untrusted", reason = why));
                }
            }
        }
        out.ok = true;
        out.message = message;
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, Kind};
    use crate::store::IndexColumns;

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
    fn problems_beyond_the_first_ones_are_counted_not_kept() {
        let mut rows = chain(KEPT_PROBLEMS as u64 + 300);
        // Every entry changed after it was recorded.
        for r in rows.iter_mut() {
            r.hash = chain::sha256_hex(r.hash.as_bytes());
        }
        let mut c = ChainCheck::new(CASE, []);
        rows.iter().for_each(|r| c.row(r));
        assert_eq!(c.problems.len(), KEPT_PROBLEMS);
        assert_eq!(c.problems[0].seq, 1);
        assert!(c.dropped >= 300, "{}", c.dropped);
        // A receipt still sees the first problem.
        let r = Receipt {
            case_id: CASE.into(),
            entries: 1,
            head: rows[0].hash.clone(),
            at: String::new(),
        };
        assert!(!c.check_receipt(&r).ok);
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
