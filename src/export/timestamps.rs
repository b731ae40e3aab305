//! The trusted timestamps kept in a case file, written out so that anyone
//! can check them with `openssl ts -verify`, without kiroku.
//!
//! For each `anchor` entry S: `timestamp-S.tsq` (the request),
//! `timestamp-S.tsr` (the TSA's response), `timestamp-S.txt` (the receipt
//! text whose SHA-256 was stamped) and `timestamp-S-certs.pem` (the
//! certificates inside the token), plus one `timestamps.txt` that says what
//! each one covers and gives the exact commands.

use std::io::Write;
use std::path::{Path, PathBuf};

use der::EncodePem;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::output::AtomicFile;
use crate::receipt;
use crate::store::{AnchorFiles, Case};
use crate::tsp;

/// The base name of the files of the timestamp recorded as entry `seq`.
pub fn base_name(seq: u64) -> String {
    format!("timestamp-{seq}")
}

/// The exact commands that check one exported timestamp, as text lines.
/// `base` is the file name without extension; `ca` the TSA root file.
pub fn openssl_commands(base: &str, ca: &str) -> Vec<String> {
    vec![
        format!(
            "openssl ts -verify -in {base}.tsr -queryfile {base}.tsq -CAfile {ca} -untrusted {base}-certs.pem"
        ),
        format!(
            "openssl ts -verify -in {base}.tsr -data {base}.txt -CAfile {ca} -untrusted {base}-certs.pem"
        ),
        format!("openssl ts -reply -in {base}.tsr -text"),
        format!("openssl dgst -sha256 {base}.txt"),
    ]
}

/// One kept timestamp, described for people.
pub struct Described {
    pub seq: u64,
    pub covers_seq: u64,
    pub head: String,
    pub tsa: String,
    pub gen_time: String,
}

/// Reads what a kept timestamp says (the token is checked again).
pub fn describe(seq: u64, files: &AnchorFiles) -> Result<(Described, tsp::Token)> {
    let token = tsp::parse_response(&files.tsr)?;
    let r = receipt::find_all(&files.receipt)
        .into_iter()
        .next()
        .transpose()?
        .ok_or_else(|| Error::case_file(crate::t!("bundle-stamp-no-receipt", seq = seq)))?;
    Ok((
        Described {
            seq,
            covers_seq: r.entries,
            head: r.head,
            tsa: token.tsa.clone(),
            gen_time: token.gen_time.clone(),
        },
        token,
    ))
}

fn write_file(path: &Path, data: &[u8]) -> Result<()> {
    let mut f = AtomicFile::create(path)?;
    f.write_all(data)
        .map_err(|e| Error::from_io(e, &path.display().to_string()))?;
    f.commit()
}

/// The files that let anyone check the kept timestamps, as (name,
/// contents): four per timestamp, then `timestamps.txt`. Empty when the
/// case has no timestamps. The guide is in both languages, `lang` first.
pub fn files(case: &Case, lang: Lang) -> Result<Vec<(String, Vec<u8>)>> {
    let langs = match lang {
        Lang::Ja => [Lang::Ja, Lang::En],
        Lang::En => [Lang::En, Lang::Ja],
    };
    let kept = case.anchor_files()?;
    let mut out = Vec::new();
    if kept.is_empty() {
        return Ok(out);
    }
    let mut guide = String::new();
    for l in langs {
        guide.push_str(&crate::t_in!(l, "bundle-guide-title"));
        guide.push('\n');
    }
    for l in langs {
        guide.push('\n');
        guide.push_str(&crate::t_in!(l, "bundle-guide-how"));
        guide.push('\n');
    }
    for (seq, files) in &kept {
        let base = base_name(*seq);
        out.push((format!("{base}.tsq"), files.tsq.clone()));
        out.push((format!("{base}.tsr"), files.tsr.clone()));
        out.push((format!("{base}.txt"), files.receipt.clone().into_bytes()));
        // A token that no longer checks is written out all the same, and
        // the guide says so: it is evidence of what happened to the file.
        let (d, token) = match describe(*seq, files) {
            Ok(v) => v,
            Err(e) => {
                guide.push('\n');
                for l in langs {
                    let bad = crate::t_in!(
                        l,
                        "bundle-guide-bad",
                        name = base.as_str(),
                        error = e.message.as_str()
                    );
                    guide.push_str(&bad);
                    guide.push('\n');
                }
                continue;
            }
        };
        let mut pem = String::new();
        for c in &token.certs {
            pem.push_str(
                &c.to_pem(der::pem::LineEnding::LF)
                    .map_err(|e| Error::internal(format!("PEM: {e}")))?,
            );
        }
        out.push((format!("{base}-certs.pem"), pem.into_bytes()));
        guide.push('\n');
        for l in langs {
            guide.push_str(&crate::t_in!(
                l,
                "bundle-guide-stamp",
                name = base.as_str(),
                covers = d.covers_seq,
                time = d.gen_time.as_str(),
                tsa = d.tsa.as_str()
            ));
            guide.push('\n');
        }
        for l in langs {
            guide.push_str("  ");
            guide.push_str(&crate::t_in!(
                l,
                "bundle-guide-head",
                covers = d.covers_seq,
                head = d.head.as_str()
            ));
            guide.push('\n');
        }
        for c in openssl_commands(&base, "tsa-ca.pem") {
            guide.push_str(&format!("  {c}\n"));
        }
    }
    out.push((GUIDE.to_string(), guide.into_bytes()));
    Ok(out)
}

/// Writes every kept timestamp into `dir`; returns the files written.
pub fn write_all(case: &Case, dir: &Path, lang: Lang) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for (name, data) in files(case, lang)? {
        let path = dir.join(name);
        write_file(&path, &data)?;
        written.push(path);
    }
    Ok(written)
}

/// The guide file's name.
pub const GUIDE: &str = "timestamps.txt";
