//! The record in time order, streamed: every contact, action and note with
//! its corrections applied and its withdrawal marked, one [`View`] at a
//! time, so an export of a million entries needs no more memory than one.
//!
//! Corrections, voids and other entries that refer to an earlier one are
//! few and read first. The entries themselves are read through the time
//! index in order of `(occurred, number)`, the order `kiroku list` uses.
//! An entry whose corrections changed it is held aside (there are few) and
//! merged back in at the place of its corrected time.

use std::collections::BTreeSet;
use std::iter::Peekable;

use crate::error::{Error, Result};
use crate::model::{Body, Kind};
use crate::store::{Case, Stored};
use crate::view::{Filter, Related, View};

/// The entry as it reads now: the stored body with every correction,
/// its withdrawal and its attachments.
pub fn view_of(related: &Related, stored: Stored) -> Result<View> {
    let effective = related.effective(stored.seq, &stored.body)?;
    Ok(View {
        corrections: related
            .corrections
            .get(&stored.seq)
            .cloned()
            .unwrap_or_default(),
        void: related.voids.get(&stored.seq).cloned(),
        attachments: related
            .attachments
            .get(&stored.seq)
            .cloned()
            .unwrap_or_default(),
        stored,
        effective,
    })
}

fn parse_row(seq: i64, body: &str, prev_hash: String, hash: String) -> Result<Stored> {
    let body: Body = serde_json::from_str(body).map_err(|e| {
        Error::case_file(crate::t!(
            "core-entry-unreadable",
            seq = seq,
            detail = e.to_string()
        ))
        .with_hint(crate::t!("core-run-verify"))
    })?;
    Ok(Stored {
        seq: seq as u64,
        hash,
        prev_hash,
        body,
    })
}

/// Sort key shared with `view::load`: occurred time in whole seconds (no
/// time first), then number.
fn key(v: &View) -> (Option<i64>, u64) {
    (v.occurred().map(|d| d.timestamp()), v.seq())
}

/// Calls `f` with every view passing `filter`, in time order. Returns how
/// many were passed.
pub fn for_each(
    case: &Case,
    filter: &Filter,
    mut f: impl FnMut(&View) -> Result<()>,
) -> Result<u64> {
    let related = Related::load(case)?;
    // Corrected entries, with their corrected times, merged in below.
    let mut held: Vec<View> = Vec::new();
    let corrected: BTreeSet<u64> = related.corrections.keys().copied().collect();
    for seq in &corrected {
        if let Some(s) = case.get(*seq)? {
            if matches!(s.body.kind, Kind::Contact | Kind::Action | Kind::Note) {
                let v = view_of(&related, s)?;
                if filter.matches(&v.effective) {
                    held.push(v);
                }
            }
        }
    }
    held.sort_by_key(key);
    let mut held: Peekable<std::vec::IntoIter<View>> = held.into_iter().peekable();

    let (cond, args) = crate::view::base_query(filter, crate::view::Order::Time);
    let sql = format!("SELECT seq, body, prev_hash, hash, occurred_utc FROM entries WHERE {cond}");
    let mut stmt = case.conn().prepare(&sql)?;
    let params: Vec<&dyn rusqlite::ToSql> =
        args.iter().map(|a| a as &dyn rusqlite::ToSql).collect();
    let mut rows = stmt.query(params.as_slice())?;
    let mut n = 0u64;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        if corrected.contains(&(seq as u64)) {
            continue;
        }
        // The body is parsed from SQLite's own buffer, not copied first.
        let body = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
        let stored = parse_row(seq, body, r.get(2)?, r.get(3)?)?;
        let v = view_of(&related, stored)?;
        if !filter.matches(&v.effective) {
            continue;
        }
        // Not corrected: its key is the time column the rows are sorted
        // by (whole seconds of `occurred_at`), read rather than parsed.
        let k = (r.get::<_, Option<i64>>(4)?, v.seq());
        while held.peek().is_some_and(|h| key(h) < k) {
            if let Some(h) = held.next() {
                f(&h)?;
                n += 1;
            }
        }
        f(&v)?;
        n += 1;
    }
    for h in held {
        f(&h)?;
        n += 1;
    }
    Ok(n)
}
