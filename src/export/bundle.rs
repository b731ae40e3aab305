//! One zip archive for the lawyer: the PDF report (or a note saying why it
//! is missing), the CSV chronology, the verifiable JSONL, a receipt for the
//! record's head, the independent verifier, every evidence file under its
//! number and original name, `SHA256SUMS` in the format `sha256sum -c`
//! checks, and a README in Japanese and English. Every part is streamed into the archive
//! and hashed on the way: no file is held in memory whole (except the PDF,
//! which is built in memory anyway).

use std::io::{self, Seek, Write};

use chrono::{DateTime, Datelike, Timelike, Utc};
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use std::collections::HashSet;

use super::lang::Lang;
use super::{csv, jsonl, pdf, timeline};
use crate::chain::hex;
use crate::error::{Error, ErrorKind, Result};
use crate::evidence;
use crate::receipt::Receipt;
use crate::store::Case;
use crate::timeparse;
use crate::view::Filter;

pub const README: &str = "README.txt";
pub const REPORT: &str = "report.pdf";
pub const REPORT_MISSING: &str = "report-missing.txt";
pub const CSV: &str = "timeline.csv";
pub const WORKBOOK: &str = "workbook.xlsx";
pub const JSONL: &str = "record.jsonl";
pub const RECEIPT: &str = "receipt.txt";
pub const SUMS: &str = "SHA256SUMS";
/// The folder of the trusted timestamps (RFC 3161), when there are any.
pub const TIMESTAMPS: &str = "timestamps";
pub const VERIFIER: &str = "verify_kiroku.py";
pub const EVIDENCE_DIR: &str = "evidence";

/// The independent verifier, shipped so the bundle can be checked alone.
const VERIFIER_SOURCE: &str = include_str!("../../docs/verify_kiroku.py");

pub struct Options<'a> {
    /// The exhibit prefix (甲, 乙…).
    pub prefix: &'a str,
    pub lang: Lang,
    pub bom: bool,
    pub font: Option<&'a std::path::Path>,
    pub generated_at: DateTime<Utc>,
    pub filter_text: Option<String>,
}

/// What went into the bundle.
#[derive(Debug, Default)]
pub struct Summary {
    pub files: Vec<(String, String)>,
    pub report_missing: Option<String>,
    pub entries: u64,
}

/// Hashes what passes through it.
struct Hashing<'w, W: Write + ?Sized> {
    inner: &'w mut W,
    hasher: Sha256,
}

impl<W: Write + ?Sized> Write for Hashing<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn zip_error(e: zip::result::ZipError) -> Error {
    match e {
        zip::result::ZipError::Io(io) => Error::from_io(io, &crate::t!("bundle-writing")),
        other => Error::internal(format!("zip: {other}")),
    }
}

struct Bundle<W: Write + Seek> {
    zip: ZipWriter<W>,
    options: SimpleFileOptions,
    sums: Vec<(String, String)>,
}

impl<W: Write + Seek> Bundle<W> {
    /// Adds one file, written by `fill`; records its SHA-256.
    fn add<T>(
        &mut self,
        name: &str,
        large: bool,
        fill: impl FnOnce(&mut dyn Write) -> Result<T>,
    ) -> Result<T> {
        self.zip
            .start_file(name, self.options.large_file(large))
            .map_err(zip_error)?;
        let mut h = Hashing {
            inner: &mut self.zip,
            hasher: Sha256::new(),
        };
        let out = fill(&mut h)?;
        let digest = hex(&h.hasher.finalize());
        self.sums.push((digest, name.to_string()));
        Ok(out)
    }
}

fn zip_time(t: DateTime<Utc>) -> Option<zip::DateTime> {
    zip::DateTime::from_date_and_time(
        u16::try_from(t.year()).ok()?,
        t.month() as u8,
        t.day() as u8,
        t.hour() as u8,
        t.minute() as u8,
        t.second() as u8,
    )
    .ok()
}

fn readme(
    lang_first: Lang,
    report_missing: Option<&str>,
    case_id: &str,
    receipt: &str,
    stamps: &[super::timestamps::Described],
) -> String {
    let section = |lang: Lang| {
        let mut t = crate::t_in!(
            lang,
            "bundle-readme",
            case_id = case_id,
            report = REPORT,
            csv = CSV,
            jsonl = JSONL,
            receipt = RECEIPT,
            evidence = EVIDENCE_DIR,
            verifier = VERIFIER,
            sums = SUMS
        );
        t.push('\n');
        if !stamps.is_empty() {
            t.push('\n');
            t.push_str(&crate::t_in!(
                lang,
                "bundle-readme-stamps",
                folder = TIMESTAMPS,
                guide = super::timestamps::GUIDE
            ));
            t.push('\n');
            for d in stamps {
                t.push_str("- ");
                t.push_str(&crate::t_in!(
                    lang,
                    "bundle-readme-stamp",
                    name = super::timestamps::base_name(d.seq),
                    covers = d.covers_seq,
                    time = d.gen_time.as_str(),
                    tsa = d.tsa.as_str()
                ));
                t.push('\n');
            }
        }
        if let Some(why) = report_missing {
            t.push('\n');
            t.push_str(&crate::t_in!(
                lang,
                "bundle-readme-report-missing",
                report = REPORT,
                why = why,
                note = REPORT_MISSING
            ));
            t.push('\n');
        }
        t
    };
    let other = match lang_first {
        Lang::Ja => Lang::En,
        Lang::En => Lang::Ja,
    };
    format!("{}\n{}\n{receipt}\n", section(lang_first), section(other)).replace('\n', "\r\n")
}

/// A file name safe in any archive and file system: no folders, no
/// control characters, not empty.
fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let trimmed = cleaned.trim_matches([' ', '.']);
    if trimmed.is_empty() {
        "file".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The evidence files (of the entries kept by `filter`), each streamed
/// from the evidence folder and checked against its recorded SHA-256.
fn add_evidence<W: Write + Seek>(
    b: &mut Bundle<W>,
    case: &Case,
    filter: &Filter,
    labels: &std::collections::HashMap<String, String>,
) -> Result<()> {
    let catalogue = evidence::catalogue(case)?;
    if catalogue.is_empty() {
        return Ok(());
    }
    let kept: Option<HashSet<u64>> = if filter.is_empty() {
        None
    } else {
        let mut kept = HashSet::new();
        timeline::for_each(case, filter, |v| {
            kept.insert(v.seq());
            Ok(())
        })?;
        Some(kept)
    };
    let store = evidence::EvidenceStore::beside(case.path());
    let width = catalogue.len().to_string().len().max(3);
    for e in &catalogue {
        if let Some(k) = &kept {
            if !e.refs.iter().any(|r| k.contains(&r.entry)) {
                continue;
            }
        }
        let shown = crate::sanitize::one_line(&e.name).into_owned();
        let missing =
            |why: String| Error::case_file(why).with_hint(crate::t!("bundle-evidence-run-verify"));
        let mut src = store.open(&e.sha256).map_err(|err| {
            missing(crate::t!(
                "bundle-evidence-unreadable",
                number = e.number,
                name = shown.as_str(),
                error = err.to_string()
            ))
        })?;
        // Under its exhibit number (甲1_…, 甲1の2_…); a file of a withdrawn
        // entry, which has none, under its evidence number.
        let name = match labels.get(&e.sha256) {
            Some(l) => format!("{EVIDENCE_DIR}/{}_{}", safe_name(l), safe_name(&e.name)),
            None => format!("{EVIDENCE_DIR}/{:0width$}_{}", e.number, safe_name(&e.name)),
        };
        let large = e.size >= u64::from(u32::MAX);
        let digest = b.add(&name, large, |w| {
            let mut h = Hashing {
                inner: w,
                hasher: Sha256::new(),
            };
            io::copy(&mut src, &mut h).map_err(|err| {
                Error::from_io(err, &crate::t!("bundle-evidence-file", number = e.number))
            })?;
            Ok(hex(&h.hasher.finalize()))
        })?;
        if digest != e.sha256 {
            return Err(missing(crate::t!(
                "bundle-evidence-altered",
                number = e.number,
                name = shown.as_str()
            )));
        }
    }
    Ok(())
}

/// Writes the bundle into `out` (a new file).
pub fn write<W: Write + Seek>(
    case: &Case,
    filter: &Filter,
    opts: &Options,
    out: W,
) -> Result<(Summary, W)> {
    let mut options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .unix_permissions(0o600);
    if let Some(t) = zip_time(opts.generated_at) {
        options = options.last_modified_time(t);
    }
    let mut b = Bundle {
        zip: ZipWriter::new(out),
        options,
        sums: Vec::new(),
    };
    let mut summary = Summary::default();
    let (entries, head) = case.head()?;
    let receipt = Receipt {
        case_id: case.meta.case_id.clone(),
        entries,
        head,
        at: timeparse::format_utc_millis(&opts.generated_at),
    };

    let pdf_opts = pdf::Options {
        prefix: opts.prefix,
        lang: opts.lang,
        font: opts.font,
        generated_at: opts.generated_at,
        filter_text: opts.filter_text.clone(),
    };
    // The report is prepared first: what makes it impossible (no font) is
    // found before its file in the bundle is started.
    match pdf::prepare(case, filter, &pdf_opts) {
        Ok(r) => {
            b.add(REPORT, false, |w| r.write(w).map(|_| ()))?;
        }
        Err(e) if e.kind == ErrorKind::Usage => {
            let why = e.describe();
            b.add(REPORT_MISSING, false, |w| {
                let text = format!(
                    "{REPORT} が作成できなかった理由 / Why {REPORT} is missing:\r\n\r\n{why}\r\n\r\n\
                     フォントを入れてから `kiroku export pdf -o {REPORT}` で作成できます。\r\n\
                     Install a font, then make it with `kiroku export pdf -o {REPORT}`.\r\n"
                );
                Ok(w.write_all(text.as_bytes())?)
            })?;
            summary.report_missing = Some(why);
        }
        Err(e) => return Err(e),
    }
    let csv_opts = csv::Options {
        lang: opts.lang,
        bom: opts.bom,
    };
    summary.entries = b.add(CSV, true, |mut w| {
        csv::write(case, filter, csv_opts, &mut w)
    })?;
    b.add(WORKBOOK, true, |mut w| {
        super::xlsx::write(
            case,
            filter,
            &super::xlsx::Options {
                lang: opts.lang,
                prefix: opts.prefix,
            },
            &mut w,
        )
        .map(|_| ())
    })?;
    b.add(JSONL, true, |mut w| {
        jsonl::write_filtered(case, filter, &mut w).map(|_| ())
    })?;
    b.add(RECEIPT, false, |w| {
        Ok(w.write_all(format!("{}\r\n", receipt.line()).as_bytes())?)
    })?;
    // The kept timestamps, each with its request, the stamped receipt text,
    // the certificates in the token, and how to check them with openssl.
    let stamps: Vec<_> = case
        .anchor_files()?
        .iter()
        .filter_map(|(seq, files)| super::timestamps::describe(*seq, files).ok())
        .map(|(d, _)| d)
        .collect();
    for (name, data) in super::timestamps::files(case, opts.lang)? {
        b.add(&format!("{TIMESTAMPS}/{name}"), false, |w| {
            Ok(w.write_all(&data)?)
        })?;
    }
    let text = readme(
        opts.lang,
        summary.report_missing.as_deref(),
        &case.meta.case_id,
        &receipt.line(),
        &stamps,
    );
    b.add(README, false, |w| Ok(w.write_all(text.as_bytes())?))?;
    b.add(VERIFIER, false, |w| {
        Ok(w.write_all(VERIFIER_SOURCE.as_bytes())?)
    })?;
    let labels = super::exhibits::list(&super::exhibits::Context {
        case,
        lang: opts.lang,
        prefix: opts.prefix,
    })?
    .into_iter()
    .map(|r| (r.file.sha256, r.label))
    .collect();
    add_evidence(&mut b, case, filter, &labels)?;

    // The checksums, in `sha256sum` format (two spaces, then the name).
    let mut sums = String::new();
    for (digest, name) in &b.sums {
        sums.push_str(&format!("{digest}  {name}\n"));
    }
    b.zip.start_file(SUMS, b.options).map_err(zip_error)?;
    b.zip.write_all(sums.as_bytes())?;
    summary.files = std::mem::take(&mut b.sums);
    let out = b.zip.finish().map_err(zip_error)?;
    Ok((summary, out))
}
