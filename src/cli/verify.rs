//! `kiroku verify`: recompute the chain, check receipts.

use std::io::Write;
use std::path::Path;

use super::{warn, Ctx};
use crate::chain;
use crate::error::{Error, ErrorKind, Result};
use crate::receipt::{self, Receipt};
use crate::store::Access;
use crate::t;
use crate::tsp;
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
  kiroku verify --receipt mail-to-lawyer.txt --json
  kiroku verify --tsa-ca tsa-root.pem
  kiroku verify --timestamp for-lawyer/timestamp-41.tsr --tsa-ca tsa-root.pem

Every trusted timestamp kept in the case file (`kiroku timestamp`) is
checked again: its token, and that the entries it covers are unchanged.")]
pub struct Args {
    /// A receipt line, or a file holding receipts (e.g. a saved email); repeatable
    #[arg(long, value_name = "RECEIPT")]
    receipt: Vec<String>,
    /// A timestamp kept elsewhere (FILE.tsr, with the stamped FILE.txt beside
    /// it): its token is checked and its text used as a receipt; repeatable
    #[arg(long, value_name = "FILE.tsr")]
    timestamp: Vec<std::path::PathBuf>,
    /// Also check that each timestamp's TSA certificate was issued under this
    /// trusted root (PEM or DER certificate file)
    #[arg(long, value_name = "FILE")]
    tsa_ca: Option<std::path::PathBuf>,
    /// Do not re-hash the evidence files (a quick check of the entries only)
    #[arg(long)]
    no_files: bool,
    /// Check a backup (a folder, or an encrypted archive) against the case
    /// instead: is it an unchanged copy of the first entries, are its
    /// evidence files intact
    #[arg(long, value_name = "DEST")]
    backup: Option<std::path::PathBuf>,
    /// With --backup of an encrypted archive: read its passphrase from the
    /// first line of this file
    #[arg(long, value_name = "FILE", requires = "backup")]
    passphrase_file: Option<std::path::PathBuf>,
    /// Print the result as JSON
    #[arg(long)]
    json: bool,
}

const SHOWN_PROBLEMS: usize = 10;

/// Reads a timestamp kept elsewhere: checks its token, that it stamps the
/// text beside it, and (with `roots`) its certificate chain. Returns the
/// stamped receipt and a line describing the timestamp. A token that does
/// not verify, or does not stamp that text, is "not intact" (exit 1).
fn external_stamp(
    path: &Path,
    roots: Option<&[x509_cert::Certificate]>,
) -> Result<(Receipt, String)> {
    let shown = path.display().to_string();
    let tsr = std::fs::read(path).map_err(|e| Error::from_io(e, &shown))?;
    let text_path = path.with_extension("txt");
    let text_shown = text_path.display().to_string();
    let text = std::fs::read(&text_path).map_err(|e| {
        Error::from_io(e, &text_shown).with_hint(t!("verify-timestamp-text-missing-hint"))
    })?;
    let token = tsp::read_response(&tsr).map_err(|why| {
        // The hint follows what was found: a refusal and a file that is not
        // a response are not altered tokens.
        let hint = match why {
            tsp::Refusal::NotResponse => t!("verify-timestamp-not-response-hint"),
            tsp::Refusal::NotGranted(_) => t!("verify-timestamp-refused-hint"),
            tsp::Refusal::Invalid(_) => t!("verify-timestamp-invalid-hint"),
        };
        Error::new(
            ErrorKind::NotIntact,
            t!(
                "verify-timestamp-invalid",
                file = shown.as_str(),
                reason = why.reason()
            ),
        )
        .with_hint(hint)
    })?;
    if token.attributes_not_der {
        warn(&t!("timestamp-warning-attributes-order"));
    }
    if chain::sha256_hex(&text) != chain::hex(&token.imprint) {
        return Err(Error::new(
            ErrorKind::NotIntact,
            t!(
                "verify-timestamp-other-text",
                text = text_shown.as_str(),
                file = shown.as_str(),
                tsa = token.tsa.as_str(),
                time = token.gen_time.as_str()
            ),
        )
        .with_hint(t!("verify-timestamp-other-text-hint")));
    }
    let stamped = receipt::find_all(&String::from_utf8_lossy(&text))
        .into_iter()
        .next()
        .transpose()?
        .ok_or_else(|| {
            Error::usage(t!(
                "verify-timestamp-no-receipt",
                text = text_shown.as_str()
            ))
        })?;
    let mut line = t!(
        "verify-timestamp-line",
        file = shown.as_str(),
        entries = stamped.entries,
        time = token.gen_time.as_str(),
        tsa = token.tsa.as_str()
    );
    if let Some(roots) = roots {
        let root = tsp::check_chain(&token, roots).map_err(|why| {
            Error::new(
                ErrorKind::NotIntact,
                t!(
                    "verify-timestamp-untrusted",
                    file = shown.as_str(),
                    reason = why
                ),
            )
            .with_hint(t!("verify-timestamp-untrusted-hint"))
        })?;
        line.push_str(&t!("verify-timestamp-issued-under", root = root));
    }
    Ok((stamped, line))
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    // Machine output never changes with the language: its messages too.
    if args.json {
        crate::i18n::set(crate::i18n::Lang::En);
    }
    if let Some(dest) = &args.backup {
        return super::backup::verify_backup(ctx, dest, args.passphrase_file.as_deref(), args.json);
    }
    let mut receipts = Vec::new();
    for r in &args.receipt {
        receipts.extend(receipt::load(r)?);
    }
    let roots = match &args.tsa_ca {
        None => None,
        Some(path) => {
            let shown = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| Error::from_io(e, &shown))?;
            Some(tsp::load_certs(&bytes).map_err(|why| {
                Error::usage(t!(
                    "verify-not-a-certificate",
                    file = shown.as_str(),
                    reason = why
                ))
                .with_hint(t!("verify-not-a-certificate-hint"))
            })?)
        }
    };
    let mut stamp_lines = Vec::new();
    for path in &args.timestamp {
        let (r, line) = external_stamp(path, roots.as_deref())?;
        receipts.push(r);
        stamp_lines.push(line);
    }
    let case = ctx.open(Access::ReadOnly)?;
    let files = if args.no_files {
        verify::Files::Skip
    } else {
        verify::Files::Rehash
    };
    let report = verify::verify_case_with_roots(&case, &receipts, files, roots.as_deref())?;
    if args.json {
        serde_json::to_writer_pretty(&mut ctx.out, &report)?;
        writeln!(ctx.out)?;
    } else {
        let out = &mut ctx.out;
        if report.problems.is_empty() {
            writeln!(
                out,
                "{}",
                t!(
                    "verify-ok-chain",
                    count = report.entries,
                    case = report.case_id.as_str()
                )
            )?;
            match report.files_checked {
                Some(0) => {}
                Some(n) => writeln!(out, "{}", t!("verify-ok-files", count = n))?,
                None => writeln!(out, "{}", t!("verify-files-not-checked"))?,
            }
        } else {
            let first = &report.problems[0].message;
            writeln!(
                out,
                "{}",
                t!("verify-not-intact-line", message = first.as_str())
            )?;
            for p in report.problems.iter().skip(1).take(SHOWN_PROBLEMS - 1) {
                writeln!(
                    out,
                    "{}",
                    t!("verify-also-line", message = p.message.as_str())
                )?;
            }
            let listed = report.problems.len() as u64;
            if listed > SHOWN_PROBLEMS as u64 || report.problems_not_listed > 0 {
                let more =
                    listed.saturating_sub(SHOWN_PROBLEMS as u64) + report.problems_not_listed;
                writeln!(out, "{}", t!("verify-more-problems", count = more))?;
            }
        }
        for line in &stamp_lines {
            writeln!(out, "{line}")?;
        }
        for r in &report.receipts {
            let line = if r.ok {
                t!("verify-receipt-ok-line", message = r.message.as_str())
            } else {
                t!("verify-receipt-failed-line", message = r.message.as_str())
            };
            writeln!(out, "{line}")?;
        }
        for a in &report.anchors {
            let line = if a.ok {
                t!("verify-timestamp-ok-line", message = a.message.as_str())
            } else {
                t!("verify-timestamp-failed-line", message = a.message.as_str())
            };
            writeln!(out, "{line}")?;
        }
        writeln!(
            out,
            "{}",
            t!("verify-head-line", hash = report.head.as_str())
        )?;
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
            .or_else(|| {
                report
                    .anchors
                    .iter()
                    .find(|a| !a.ok)
                    .map(|a| a.message.clone())
            })
            .unwrap_or_default();
        return Err(Error::new(
            ErrorKind::NotIntact,
            t!("verify-not-intact", reason = first),
        )
        .with_hint(t!("verify-not-intact-hint")));
    }
    Ok(())
}
