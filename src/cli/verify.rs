//! `kiroku verify`: recompute the chain, check receipts.

use std::io::Write;

use super::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::receipt;
use crate::store::Access;
use crate::verify;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Every evidence file is re-hashed from its stored copy; a missing or altered
file makes the record not intact. --no-files skips that for a quick check.

Exit status: 0 the record is intact; 1 it is not (the first entry that
fails is named); other codes mean verify could not run (see kiroku --help).

Examples:
  kiroku verify
  kiroku verify --no-files
  kiroku verify --receipt 'kiroku-receipt/1 case=… entries=40 head=… at=…'
  kiroku verify --receipt mail-to-lawyer.txt --json")]
pub struct Args {
    /// A receipt line, or a file holding receipts (e.g. a saved email); repeatable
    #[arg(long, value_name = "RECEIPT")]
    receipt: Vec<String>,
    /// Do not re-hash the evidence files (a quick check of the entries only)
    #[arg(long)]
    no_files: bool,
    /// Print the result as JSON
    #[arg(long)]
    json: bool,
}

const SHOWN_PROBLEMS: usize = 10;

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let mut receipts = Vec::new();
    for r in &args.receipt {
        receipts.extend(receipt::load(r)?);
    }
    let case = ctx.open(Access::ReadOnly)?;
    let files = if args.no_files {
        verify::Files::Skip
    } else {
        verify::Files::Rehash
    };
    let report = verify::verify_case_with(&case, &receipts, files)?;
    if args.json {
        serde_json::to_writer_pretty(&mut ctx.out, &report)?;
        writeln!(ctx.out)?;
    } else {
        let out = &mut ctx.out;
        if report.problems.is_empty() {
            writeln!(
                out,
                "OK: the chain of {} entries is intact (case {}).",
                report.entries, report.case_id
            )?;
            match report.files_checked {
                Some(0) => {}
                Some(1) => writeln!(out, "OK: the evidence file matches its SHA-256.")?,
                Some(n) => writeln!(out, "OK: all {n} evidence files match their SHA-256.")?,
                None => writeln!(out, "Evidence files not checked (--no-files).")?,
            }
        } else {
            writeln!(out, "NOT INTACT: {}", report.problems[0].message)?;
            for p in report.problems.iter().skip(1).take(SHOWN_PROBLEMS - 1) {
                writeln!(out, "  also: {}", p.message)?;
            }
            if report.problems.len() > SHOWN_PROBLEMS {
                writeln!(
                    out,
                    "  … and {} more (see --json)",
                    report.problems.len() - SHOWN_PROBLEMS
                )?;
            }
        }
        for r in &report.receipts {
            let mark = if r.ok { "OK" } else { "FAILED" };
            writeln!(out, "receipt {mark}: {}", r.message)?;
        }
        writeln!(out, "head {}", report.head)?;
    }
    if !report.intact {
        ctx.out.flush()?;
        let first = report
            .problems
            .first()
            .map(|p| p.message.clone())
            .or_else(|| {
                report
                    .receipts
                    .iter()
                    .find(|r| !r.ok)
                    .map(|r| r.message.clone())
            })
            .unwrap_or_default();
        return Err(Error::new(
            ErrorKind::NotIntact,
            format!("the record is not intact: {first}"),
        )
        .with_hint("keep this case file as it is and show this result to your lawyer"));
    }
    Ok(())
}
