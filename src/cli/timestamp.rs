//! `kiroku timestamp`: trusted timestamps (RFC 3161) of the record.
//!
//! What is stamped: the SHA-256 of a receipt text, the receipt line for the
//! current head followed by a newline (`kiroku-receipt/1 case=… entries=N
//! head=… at=…\n`). The request, the response and that text are kept in
//! the case file with an `anchor` entry.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Subcommand;
use sha2::{Digest, Sha256};

use super::{check_not_case_file, tell, Ctx};
use crate::chain;
use crate::error::{Error, ErrorKind, Result};
use crate::export;
use crate::model::{Anchor, Body, Kind};
use crate::output::AtomicFile;
use crate::receipt::{self, Receipt};
use crate::store::{Access, AnchorFiles, Case};
use crate::t;
use crate::timeparse;
use crate::tsp;

/// The longest a timestamp authority may take to answer.
const HTTP_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest response accepted (a token is a few kilobytes).
const MAX_RESPONSE: u64 = 1 << 20;

#[derive(Debug, clap::Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "\
A timestamp authority (TSA) signs, with its time, the SHA-256 of the
current receipt (the `kiroku receipt` line and a newline): proof, held by
someone else, that entries 1..N existed unchanged at that time.
`kiroku verify` checks every kept timestamp; docs/timestamps.md explains
what that proves and how anyone checks it with `openssl ts -verify`.

Examples:
  kiroku timestamp --tsa https://freetsa.org/tsr
  KIROKU_TSA=http://timestamp.digicert.com kiroku timestamp
  kiroku timestamp request -o head.tsq
  curl -sS -H 'Content-Type: application/timestamp-query' \\
       --data-binary @head.tsq https://freetsa.org/tsr -o head.tsr
  kiroku timestamp add head.tsr
  kiroku timestamp export --dir for-lawyer/

Without a subcommand, asks the TSA given by --tsa or KIROKU_TSA."
)]
pub struct Args {
    #[command(subcommand)]
    cmd: Option<Sub>,
    /// The TSA's URL (http or https); also read from KIROKU_TSA
    #[arg(long, value_name = "URL")]
    tsa: Option<String>,
}

#[derive(Debug, Subcommand)]
enum Sub {
    /// Write a request (.tsq) for the current record, and the receipt text it stamps (.txt)
    Request {
        /// The request file; the receipt text goes beside it with .txt
        #[arg(short, long, value_name = "FILE.tsq", default_value = "head.tsq")]
        output: PathBuf,
    },
    /// Check a TSA's response (.tsr) to a request and record it
    Add {
        /// The response file the TSA sent back
        #[arg(value_name = "FILE.tsr")]
        response: PathBuf,
        /// The request it answers [default: FILE.tsq beside the response];
        /// its receipt text is read from the same name with .txt
        #[arg(long, value_name = "FILE.tsq")]
        request: Option<PathBuf>,
    },
    /// Write the kept timestamps out, with the openssl commands that check them
    Export {
        /// The folder to write into (it must exist)
        #[arg(long, value_name = "DIR", default_value = ".")]
        dir: PathBuf,
    },
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    match args.cmd {
        Some(Sub::Request { output }) => request(ctx, &output),
        Some(Sub::Add { response, request }) => {
            let request = request.unwrap_or_else(|| response.with_extension("tsq"));
            add(ctx, &response, &request)
        }
        Some(Sub::Export { dir }) => export_all(ctx, &dir),
        None => {
            let url = args
                .tsa
                .or_else(|| std::env::var("KIROKU_TSA").ok())
                .filter(|u| !u.trim().is_empty())
                .ok_or_else(|| {
                    Error::usage(t!("timestamp-no-tsa")).with_hint(t!("timestamp-no-tsa-hint"))
                })?;
            online(ctx, url.trim())
        }
    }
}

/// A request ready to send: the receipt text, its SHA-256 and the DER.
struct Prepared {
    receipt: Receipt,
    text: String,
    tsq: Vec<u8>,
}

fn prepare(ctx: &Ctx, case: &Case) -> Result<Prepared> {
    let (entries, head) = case.head()?;
    if entries == 0 {
        return Err(
            Error::usage(t!("timestamp-no-entries")).with_hint(t!("timestamp-no-entries-hint"))
        );
    }
    let receipt = Receipt {
        case_id: case.meta.case_id.clone(),
        entries,
        head,
        at: timeparse::format_utc_millis(&ctx.now()).replace(".000Z", "Z"),
    };
    let text = format!("{}\n", receipt.line());
    let imprint: [u8; 32] = Sha256::digest(text.as_bytes()).into();
    let tsq = tsp::make_request(&imprint, &tsp::random_nonce()?)?;
    Ok(Prepared { receipt, text, tsq })
}

fn request(ctx: &mut Ctx, output: &Path) -> Result<()> {
    if output.extension().and_then(|e| e.to_str()) != Some("tsq") {
        return Err(Error::usage(t!("timestamp-request-not-tsq", file = output))
            .with_hint(t!("timestamp-request-not-tsq-hint")));
    }
    let text_path = output.with_extension("txt");
    check_not_case_file(output, &ctx.db)?;
    check_not_case_file(&text_path, &ctx.db)?;
    let case = ctx.open(Access::ReadOnly)?;
    let p = prepare(ctx, &case)?;
    // The text first: a request without its text is of no use.
    let mut t = AtomicFile::create(&text_path)?;
    t.write_all(p.text.as_bytes())
        .map_err(|e| Error::from_io(e, &text_path.display().to_string()))?;
    t.commit()?;
    let mut q = AtomicFile::create(output)?;
    q.write_all(&p.tsq)
        .map_err(|e| Error::from_io(e, &output.display().to_string()))?;
    q.commit()?;
    let tsr = output.with_extension("tsr");
    writeln!(
        ctx.out,
        "{}",
        t!(
            "timestamp-request-written",
            file = output,
            entries = p.receipt.entries,
            head = p.receipt.head.as_str(),
            text = &text_path
        )
    )?;
    writeln!(
        ctx.out,
        "{}",
        t!("timestamp-request-next", request = output, response = &tsr)
    )?;
    Ok(())
}

fn read(path: &Path, what: String, hint: &str) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::from_io(e, &what).with_hint(hint.to_string()))
}

fn add(ctx: &mut Ctx, response: &Path, request: &Path) -> Result<()> {
    let tsr = read(
        response,
        t!("timestamp-file-response", file = response),
        &t!("timestamp-not-a-response-hint"),
    )?;
    let hint = t!("timestamp-request-hint");
    let tsq = read(request, t!("timestamp-file-request", file = request), &hint)?;
    let text_path = request.with_extension("txt");
    let text = read(
        &text_path,
        t!("timestamp-file-receipt-text", file = &text_path),
        &hint,
    )?;
    let receipt = String::from_utf8(text).map_err(|_| {
        Error::usage(t!("timestamp-not-receipt-text", file = &text_path)).with_hint(hint.clone())
    })?;
    let mut case = ctx.open(Access::ReadWrite)?;
    record(ctx, &mut case, AnchorFiles { receipt, tsq, tsr })
}

/// Checks a response against its request and the record, then appends the
/// `anchor` entry with its files. Nothing is written on any failure.
fn record(ctx: &mut Ctx, case: &mut Case, files: AnchorFiles) -> Result<()> {
    let req = tsp::parse_request(&files.tsq)?;
    if chain::sha256_hex(files.receipt.as_bytes()) != chain::hex(&req.imprint) {
        return Err(Error::usage(t!("timestamp-text-not-requested"))
            .with_hint(t!("timestamp-text-not-requested-hint")));
    }
    let stamped = receipt::find_all(&files.receipt)
        .into_iter()
        .next()
        .transpose()?
        .ok_or_else(|| Error::usage(t!("timestamp-text-no-receipt")))?;
    if stamped.case_id != case.meta.case_id {
        return Err(Error::usage(t!(
            "timestamp-request-other-case",
            case = stamped.case_id.as_str(),
            this = case.meta.case_id.as_str()
        ))
        .with_hint(t!("timestamp-request-other-case-hint")));
    }
    let token = tsp::parse_response(&files.tsr)?;
    tsp::check_matches(&token, &req)?;
    if token.attributes_not_der {
        super::warn(&t!("timestamp-warning-attributes-order"));
    }
    let covered = case.get(stamped.entries)?;
    if covered.as_ref().map(|s| s.hash.as_str()) != Some(stamped.head.as_str()) {
        return Err(Error::new(
            ErrorKind::NotIntact,
            t!("timestamp-record-changed", seq = stamped.entries),
        )
        .with_hint(t!("timestamp-record-changed-hint")));
    }
    if let Some((seq, _)) = case
        .anchor_files()?
        .into_iter()
        .find(|(_, f)| f.tsr == files.tsr)
    {
        return Err(Error::usage(t!("timestamp-already-recorded", seq = seq))
            .with_hint(t!("timestamp-nothing-recorded")));
    }
    let draft = Body {
        kind: Kind::Anchor,
        anchor: Some(Anchor {
            covers_hash: stamped.head.clone(),
            covers_seq: stamped.entries,
            gen_time: token.gen_time.clone(),
            imprint: chain::hex(&token.imprint),
            serial: token.serial.clone(),
            tsa: token.tsa.clone(),
            tsq_sha256: chain::sha256_hex(&files.tsq),
            tsr_sha256: chain::sha256_hex(&files.tsr),
        }),
        ..Body::default()
    };
    let stored = case.append_anchor(draft, &files, chrono::Utc::now)?;
    writeln!(
        ctx.out,
        "{}",
        t!(
            "timestamp-recorded",
            seq = stored.seq,
            entries = stamped.entries,
            time = token.gen_time.as_str(),
            tsa = token.tsa.as_str()
        )
    )?;
    Ok(())
}

fn online(ctx: &mut Ctx, url: &str) -> Result<()> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(Error::usage(t!("timestamp-bad-url", url = url))
            .with_hint(t!("timestamp-bad-url-hint")));
    }
    let mut case = ctx.open(Access::ReadWrite)?;
    let p = prepare(ctx, &case)?;
    if ctx.stdout_is_tty {
        tell(&t!("timestamp-asking", url = url));
    }
    let tsr = post(url, &p.tsq)?;
    record(
        ctx,
        &mut case,
        AnchorFiles {
            receipt: p.text,
            tsq: p.tsq,
            tsr,
        },
    )
}

/// POSTs a request as RFC 3161 section 3.4 describes; returns the body.
fn post(url: &str, tsq: &[u8]) -> Result<Vec<u8>> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(HTTP_TIMEOUT))
        .http_status_as_error(false)
        .user_agent(concat!("kiroku/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let unreachable = |e: ureq::Error| {
        Error::io(t!(
            "timestamp-unreachable",
            url = url,
            reason = e.to_string()
        ))
        .with_hint(t!("timestamp-unreachable-hint"))
    };
    let mut resp = agent
        .post(url)
        .header("Content-Type", "application/timestamp-query")
        .send(tsq)
        .map_err(unreachable)?;
    let status = resp.status();
    if !status.is_success() {
        return Err(Error::io(t!(
            "timestamp-http-status",
            url = url,
            status = status.to_string()
        ))
        .with_hint(t!("timestamp-http-status-hint")));
    }
    resp.body_mut()
        .with_config()
        .limit(MAX_RESPONSE)
        .read_to_vec()
        .map_err(unreachable)
}

fn export_all(ctx: &mut Ctx, dir: &Path) -> Result<()> {
    if !dir.is_dir() {
        return Err(Error::usage(t!("timestamp-not-a-folder", dir = dir))
            .with_hint(t!("timestamp-not-a-folder-hint")));
    }
    let case = ctx.open(Access::ReadOnly)?;
    let written = export::timestamps::write_all(&case, dir, crate::i18n::current())?;
    if written.is_empty() {
        return Err(Error::usage(t!("timestamp-none-yet")).with_hint(t!("timestamp-none-yet-hint")));
    }
    for p in &written {
        writeln!(ctx.out, "{}", p.display())?;
    }
    Ok(())
}
