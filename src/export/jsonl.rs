//! The machine-verifiable export: one JSON object per line per entry,
//! holding exactly the hashed fields plus `hash` (the body already holds
//! `prev_hash`). Streams row by row: constant memory however long the log.
//!
//! With a filter, entries left out are written as hash-only stubs
//! `{"case_id":…,"hash":…,"prev_hash":…,"seq":…,"stub":true}`, so the chain
//! still links from entry 1 to the head while their contents stay private.
//! Corrections and withdrawals of an entry that is kept are kept too.

use std::collections::BTreeSet;
use std::io::Write;

use crate::error::{Error, Result};
use crate::model::{Body, Kind};
use crate::store::{Case, RawRow};
use crate::view::{Filter, Related};

/// How many entries were written in full and as stubs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub full: u64,
    pub stubs: u64,
}

fn write_full(row: &RawRow, out: &mut impl Write) -> Result<()> {
    // The stored body is the canonical JSON object; add the hash as its
    // last member. Verifiers remove `hash` and re-canonicalise.
    let open = row.body.strip_suffix('}').ok_or_else(|| {
        Error::case_file(crate::t!(
            "core-entry-unreadable",
            seq = row.seq,
            detail = crate::t!("core-entry-not-object")
        ))
        .with_hint(crate::t!("core-run-verify"))
    })?;
    out.write_all(open.as_bytes())?;
    writeln!(out, ",\"hash\":\"{}\"}}", row.hash)?;
    Ok(())
}

fn write_stub(row: &RawRow, case_id: &str, out: &mut impl Write) -> Result<()> {
    let stub = serde_json::json!({
        "case_id": case_id,
        "hash": row.hash,
        "prev_hash": row.prev_hash,
        "seq": row.seq,
        "stub": true,
    });
    serde_json::to_writer(&mut *out, &stub)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Writes every entry; returns how many.
pub fn write(case: &Case, out: &mut impl Write) -> Result<u64> {
    let mut n = 0;
    case.for_each_raw(|row| {
        write_full(&row, out)?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

/// Writes the entries `filter` keeps in full and the others as stubs.
/// An empty filter writes everything in full, like [`write`].
pub fn write_filtered(case: &Case, filter: &Filter, out: &mut impl Write) -> Result<Written> {
    if filter.is_empty() {
        let full = write(case, out)?;
        return Ok(Written { full, stubs: 0 });
    }
    let related = Related::load(case)?;
    // Entries others refer to: whether they were kept decides for those.
    let targets: BTreeSet<u64> = case
        .select("target IS NOT NULL", &[])?
        .into_iter()
        .filter_map(|s| s.body.target)
        .collect();
    let mut kept_targets: BTreeSet<u64> = BTreeSet::new();
    let case_id = case.meta.case_id.clone();
    let mut written = Written::default();
    case.for_each_raw(|row| {
        let seq = row.seq.max(0) as u64;
        let body: Body = serde_json::from_str(&row.body).map_err(|e| {
            Error::case_file(crate::t!(
                "core-entry-unreadable",
                seq = seq,
                detail = e.to_string()
            ))
            .with_hint(crate::t!("core-run-verify"))
        })?;
        let keep = match body.kind {
            Kind::Contact | Kind::Action | Kind::Note => {
                if related.corrections.contains_key(&seq) {
                    filter.matches(&related.effective(seq, &body)?)
                } else {
                    filter.matches(&body)
                }
            }
            // A timestamp holds only hashes, a time and the TSA's name.
            Kind::Anchor => true,
            _ => body.target.is_some_and(|t| kept_targets.contains(&t)),
        };
        if keep && targets.contains(&seq) {
            kept_targets.insert(seq);
        }
        if keep {
            write_full(&row, out)?;
            written.full += 1;
        } else {
            write_stub(&row, &case_id, out)?;
            written.stubs += 1;
        }
        Ok(())
    })?;
    Ok(written)
}
