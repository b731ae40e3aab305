//! The machine-verifiable export: one JSON object per line per entry,
//! holding exactly the hashed fields plus `hash` (the body already holds
//! `prev_hash`). Streams row by row: constant memory however long the log.

use std::io::Write;

use crate::error::{Error, Result};
use crate::store::Case;

/// Writes every entry; returns how many.
pub fn write(case: &Case, out: &mut impl Write) -> Result<u64> {
    let mut n = 0;
    case.for_each_raw(|row| {
        // The stored body is the canonical JSON object; add the hash as its
        // last member. Verifiers remove `hash` and re-canonicalise.
        let open = row.body.strip_suffix('}').ok_or_else(|| {
            Error::case_file(format!("entry {} cannot be read", row.seq))
                .with_hint("run `kiroku verify` to check the record")
        })?;
        out.write_all(open.as_bytes())?;
        writeln!(out, ",\"hash\":\"{}\"}}", row.hash)?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}
