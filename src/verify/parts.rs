//! The chain check on every core: the entries are cut into parts by
//! number, each part read on a connection of its own and checked on a
//! thread of its own, and the parts' checks joined in order.
//!
//! Every check of an entry depends on the entry alone, except four that
//! look back: its number follows the one before, its `prev_hash` is the
//! stored hash of the one before, its recorded time is not before the last
//! readable one, and problems are kept in order up to a cap. A part's check
//! therefore starts from what checking the entries before it would have
//! left ([`Before`]: the last entry's number and stored hash, read back
//! from the part's own connection, and the last readable recorded time,
//! reading further back over entries whose time cannot be read), and the
//! parts' problems are joined in order under the same cap
//! ([`ChainCheck::append`]). The result is the same as checking the rows
//! one after the other (the test below compares them on damaged chains,
//! in 1 to 7 parts).

use crate::error::{Error, Result};
use crate::store::{Case, Rows};

use super::{hash_matches, recorded_time_of, Before, ChainCheck};

/// At most this many parts (each has a connection with its own page
/// cache, so memory grows with the parts).
const MAX_PARTS: usize = 8;

/// How many parts to check at once: one a core.
pub fn count() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, MAX_PARTS)
}

/// Feeds every entry of `case` to `check` (a new check), in `parts`
/// parts checked at the same time, and returns the check of the whole
/// chain.
///
/// The caller holds a read transaction on the case's connection: the
/// highest entry number is read in it, and each part reads only entries
/// up to that number. The other parts' connections start their own read
/// transactions after it, and may see entries appended since; but those
/// are above the bound, and entries are never changed once written, so
/// every part sees the entries of the caller's snapshot, and the import
/// index and timestamps that the caller then reads in that snapshot
/// belong to the same entries.
pub fn check_chain(case: &Case, check: ChainCheck, parts: usize) -> Result<ChainCheck> {
    let Some((low, high)) = case.rows().bounds()? else {
        return Ok(check);
    };
    let span = (high as i128 - low as i128 + 1) as u128;
    let parts = (parts.max(1) as u128).min(span) as usize;
    // Part k holds the entries numbered above ends[k] and up to ends[k + 1].
    let ends: Vec<i64> = (0..=parts)
        .map(|k| match k {
            0 => i64::MIN,
            k if k == parts => high,
            k => (low as i128 - 1 + (span * k as u128 / parts as u128) as i128) as i64,
        })
        .collect();
    let case_id = case.meta.case_id.clone();
    let wanted: Vec<u64> = check.wanted.keys().copied().collect();
    let opener = case.reader_opener();
    let (first, rest) = std::thread::scope(|s| -> Result<(Result<ChainCheck>, Vec<_>)> {
        let mut threads = Vec::new();
        for k in 1..parts {
            let (after, upto) = (ends[k], ends[k + 1]);
            let (opener, case_id, wanted) = (opener.clone(), case_id.clone(), wanted.clone());
            let part = move || -> Result<ChainCheck> {
                let reader = opener.open()?;
                reader.begin()?;
                let rows = reader.rows();
                let before = before(&rows, after)?;
                check_part(
                    &rows,
                    ChainCheck::resume(&case_id, wanted, before),
                    after,
                    upto,
                )
            };
            let thread = std::thread::Builder::new()
                .name(format!("verify-{k}"))
                .spawn_scoped(s, part)
                .map_err(|e| Error::internal(format!("cannot start a thread: {e}")))?;
            threads.push(thread);
        }
        // The first part here, on the case's own connection.
        let first = check_part(&case.rows(), check, ends[0], ends[1]);
        let rest = threads
            .into_iter()
            .map(|t| t.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect();
        Ok((first, rest))
    })?;
    // Joined in order; the first part that failed gives the error.
    let mut whole = first?;
    for part in rest {
        whole.append(part?);
    }
    Ok(whole)
}

/// Feeds `check` the rows numbered above `after` and up to `upto`.
fn check_part(rows: &Rows, mut check: ChainCheck, after: i64, upto: i64) -> Result<ChainCheck> {
    rows.between(after, upto, |row| {
        check.checked_row(&row, hash_matches(row.body, row.hash));
        Ok(())
    })?;
    Ok(check)
}

/// What checking the entries numbered up to `upto` leaves for the next:
/// the last one's number and stored hash, and the last recorded time that
/// can be read (`None` when there is no entry).
fn before(rows: &Rows, upto: i64) -> Result<Option<Before>> {
    let mut found: Option<Before> = None;
    let mut buf = Vec::new();
    rows.down_from(upto, |row| {
        let time = recorded_time_of(row.body, &mut buf);
        let b = found.get_or_insert_with(|| Before {
            seq: row.seq.max(0) as u64,
            hash: row.hash.to_string(),
            last_recorded: None,
        });
        b.last_recorded = time;
        // Further back only while no time could be read.
        time.is_none()
    })?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain;
    use crate::model::{Body, EvidenceFile, Kind};
    use crate::store::{Access, CaseMeta};

    const ENTRIES: u64 = 1_200;

    /// A case of notes, some naming evidence files (one of them in
    /// entries far apart), with `tamper` then run on the file directly.
    fn case(dir: &std::path::Path, tamper: &str) -> Case {
        let path = dir.join("case.sqlite");
        let meta = CaseMeta {
            case_id: "00000000-0000-4000-8000-0000000000bb".into(),
            title: None,
            counterparty: None,
            owner: None,
            tz: "Asia/Tokyo".parse().unwrap(),
            created_at: "2026-11-01T00:00:00.000Z".into(),
        };
        let mut case = Case::create(&path, &meta).unwrap();
        let file = |n: u64| EvidenceFile {
            media_type: "image/png".into(),
            modified_at: None,
            name: format!("photo-{n}.png"),
            name_hex: None,
            sha256: chain::sha256_hex(&n.to_le_bytes()),
            size: n,
        };
        for part in 0..4 {
            let drafts = (0..ENTRIES / 4)
                .map(|i| {
                    let n = part * (ENTRIES / 4) + i + 1;
                    Body {
                        kind: Kind::Note,
                        occurred_at: Some("2026-11-20T09:00:00+09:00".into()),
                        content: Some(format!("note {n}")),
                        evidence: match n % 97 {
                            0 => vec![file(1), file(n)],
                            _ => Vec::new(),
                        },
                        ..Body::default()
                    }
                })
                .collect();
            let at = chrono::DateTime::parse_from_rfc3339(&format!("2026-11-2{part}T00:00:00Z"))
                .unwrap()
                .with_timezone(&chrono::Utc);
            case.append_all(drafts, || at).unwrap();
        }
        drop(case);
        let db = rusqlite::Connection::open(&path).unwrap();
        db.execute_batch("DROP TRIGGER entries_no_update; DROP TRIGGER entries_no_delete;")
            .unwrap();
        db.execute_batch(tamper).unwrap();
        drop(db);
        Case::open(&path, Access::ReadOnly).unwrap()
    }

    /// Entry `seq` rebuilt with an earlier recorded time and a hash that
    /// fits it (the entry after it then no longer links).
    fn earlier(case: &Case, seq: u64) -> String {
        let stored = case.get(seq).unwrap().unwrap();
        let mut body = stored.body;
        body.recorded_at = "2026-11-01T00:00:00.000Z".into();
        let text = chain::canonical(&body).unwrap();
        format!(
            "UPDATE entries SET body = '{}', hash = '{}' WHERE seq = {seq};",
            text.replace('\'', "''"),
            chain::entry_hash(&text)
        )
    }

    /// Everything a check found, comparable.
    fn found(c: &ChainCheck) -> String {
        let mut wanted: Vec<_> = c.wanted.iter().collect();
        wanted.sort();
        let mut sources: Vec<_> = c.sources.iter().collect();
        sources.sort();
        let files: Vec<_> = c
            .files
            .iter()
            .map(|f| (&f.sha256, &f.name, &f.seqs))
            .collect();
        format!(
            "{:?}\n{} dropped, {} entries, head {} {}, last time {:?}\n{wanted:?}\n{:?}\n{files:?}\n{sources:?}",
            c.problems,
            c.dropped,
            c.count,
            c.head_seq(),
            c.head_hash(),
            c.last_recorded,
            c.anchors,
        )
    }

    #[test]
    fn any_number_of_parts_finds_what_one_pass_finds() {
        let tampers = [
            "",
            // A changed text in the middle.
            "UPDATE entries SET body = replace(body, 'note 600', 'note 601') WHERE seq = 600;",
            // Entries gone around where parts meet, and the last ones.
            "DELETE FROM entries WHERE seq BETWEEN 299 AND 302 OR seq BETWEEN 599 AND 601
             OR seq BETWEEN 1190 AND 1200 OR seq = 1;",
            // Unreadable bodies over where parts meet, then a readable one
            // recorded before the last readable time.
            "UPDATE entries SET body = '{}' WHERE seq BETWEEN 560 AND 700;",
            // Every stored hash changed: more problems than are kept.
            "UPDATE entries SET hash = hex(randomblob(32)) WHERE seq % 2 = 0;",
            // Problems only late in the chain.
            "UPDATE entries SET address = 'x' WHERE seq > 1100;",
        ];
        for (i, tamper) in tampers.iter().enumerate() {
            let dir = tempfile::tempdir().unwrap();
            let mut tamper = tamper.to_string();
            if i == 3 {
                // (From another case: the entry also no longer links.)
                let other = tempfile::tempdir().unwrap();
                tamper.push_str(&earlier(&case(other.path(), ""), 701));
            }
            let case = case(dir.path(), &tamper);
            let new = || ChainCheck::new(&case.meta.case_id, [1, 300, 600, 601, 1200, 5000]);
            let mut one = new();
            case.for_each_raw(|row| {
                one.row(&row);
                Ok(())
            })
            .unwrap();
            let expected = found(&one);
            if i == 0 {
                assert!(one.problems.is_empty(), "{expected}");
            } else {
                assert!(!one.problems.is_empty(), "{tamper}");
            }
            if i == 4 {
                assert!(one.dropped > 0, "{expected}");
            }
            for parts in 1..=7 {
                let got = found(&check_chain(&case, new(), parts).unwrap());
                assert_eq!(got, expected, "{parts} parts, {tamper}");
            }
        }
    }
}
