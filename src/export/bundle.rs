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
        zip::result::ZipError::Io(io) => Error::from_io(io, "writing the bundle"),
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
    stamps: &[String],
) -> String {
    let ja = format!(
        "kiroku 証拠一式\n\
         ================\n\
         事件ID: {case_id}\n\n\
         このフォルダの内容:\n\
         - {REPORT}: 証拠報告書（表紙・時系列表）。印刷用。\n\
         - {CSV}: 時系列表（Excel で開けます。UTF-8）。= + - @ などで始まるセルには、数式として実行されないよう先頭に ' を付けています。\n\
         - {JSONL}: 記録そのもの（1行1件、ハッシュ値つき）。改ざんの有無を確かめられる形式です。\n\
         - {RECEIPT}: 出力時点の受領証（件数と最終ハッシュ値）。\n\
         - {EVIDENCE_DIR}/: 証拠ファイル（「番号_元のファイル名」。番号は報告書の証拠一覧および `kiroku evidence list` の番号）。\n\
         - {VERIFIER}: kiroku とは独立した検証スクリプト（Python 3 標準ライブラリのみ）。\n\
         - {SUMS}: 各ファイルの SHA-256 ハッシュ値。\n\n\
         確かめ方:\n\
         1. このフォルダで `sha256sum -c {SUMS}` を実行し、すべて OK と表示されることを確認します（ファイルが送付後に変わっていないことの確認）。\n\
         2. `python3 {VERIFIER} {JSONL}` で記録のハッシュ連鎖を検証し、表示された件数と最終ハッシュ値が {RECEIPT} および報告書の各ページ下部の値と一致することを確認します。\n\
         3. 以前に受け取った受領証があれば、`kiroku verify --receipt` またはスクリプトで、その時点までの記録が変わっていないことを確認できます。\n"
    );
    let en = format!(
        "kiroku evidence bundle\n\
         ======================\n\
         Case id: {case_id}\n\n\
         What is here:\n\
         - {REPORT}: the evidence report (cover and timeline), for printing.\n\
         - {CSV}: the timeline as a spreadsheet (UTF-8). Cells starting with = + - @ and the like have a ' in front so spreadsheets never run them as formulas.\n\
         - {JSONL}: the record itself, one entry per line with its hashes: the form that proves whether anything was altered.\n\
         - {RECEIPT}: a receipt for the record at export time (entry count and head hash).\n\
         - {EVIDENCE_DIR}/: the evidence files, as \"number_original name\" (the number is the one in the report's evidence index and in `kiroku evidence list`).\n\
         - {VERIFIER}: a verifier independent of kiroku (Python 3, standard library only).\n\
         - {SUMS}: the SHA-256 of every file.\n\n\
         How to check:\n\
         1. In this folder run `sha256sum -c {SUMS}`; every line must say OK (the files were not changed after they were sent).\n\
         2. Run `python3 {VERIFIER} {JSONL}` to verify the hash chain, and compare the entry count and head hash it prints with {RECEIPT} and with the foot of every page of the report.\n\
         3. A receipt received earlier proves, with `kiroku verify --receipt` or the script, that the record up to it is unchanged.\n"
    );
    let stamps_text = if stamps.is_empty() {
        String::new()
    } else {
        let mut t = format!(
            "\nタイムスタンプ / Trusted timestamps (RFC 3161) — {TIMESTAMPS}/:\n\
             {TIMESTAMPS}/{guide} に、各タイムスタンプを kiroku なしで検証する openssl ts -verify コマンドがあります。\n\
             {TIMESTAMPS}/{guide} gives, for each timestamp, the openssl ts -verify commands that check it without kiroku.\n",
            guide = super::timestamps::GUIDE
        );
        for s in stamps {
            t.push_str(&format!("- {s}\n"));
        }
        t
    };
    let missing = match report_missing {
        Some(why) => format!(
            "\n注意 / Note: {REPORT} は作成できませんでした / could not be made: {why}\n(see {REPORT_MISSING})\n"
        ),
        None => String::new(),
    };
    let receipt_line = format!("\n{receipt}\n");
    match lang_first {
        Lang::Ja => format!("{ja}\n{en}{stamps_text}{missing}{receipt_line}"),
        Lang::En => format!("{en}\n{ja}{stamps_text}{missing}{receipt_line}"),
    }
    .replace('\n', "\r\n")
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
        let missing = |why: String| {
            Error::case_file(format!("evidence file {} ({shown}) {why}", e.number))
                .with_hint("run `kiroku verify` to check the record and its evidence files")
        };
        let mut src = store
            .open(&e.sha256)
            .map_err(|err| missing(format!("cannot be read: {err}")))?;
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
            io::copy(&mut src, &mut h)
                .map_err(|err| Error::from_io(err, &format!("evidence file {}", e.number)))?;
            Ok(hex(&h.hasher.finalize()))
        })?;
        if digest != e.sha256 {
            return Err(missing(
                "was altered: its SHA-256 no longer matches the record".to_string(),
            ));
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
    let mut stamps = Vec::new();
    for (seq, files) in case.anchor_files()? {
        if let Ok((d, _)) = super::timestamps::describe(seq, &files) {
            stamps.push(format!(
                "{}: entries 1..{} / 第1〜{}番, {} (TSA: {})",
                super::timestamps::base_name(seq),
                d.covers_seq,
                d.covers_seq,
                d.gen_time,
                d.tsa
            ));
        }
    }
    for (name, data) in super::timestamps::files(case)? {
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
