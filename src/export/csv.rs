//! The chronology as CSV, for spreadsheets (時系列表).
//!
//! * One row per contact, action or note, in time order, with corrections
//!   applied and withdrawals marked (never left out).
//! * UTF-8 with a byte order mark by default (Excel on Japanese Windows
//!   reads a CSV without one as Shift_JIS), CRLF line ends, every field
//!   quoted when needed so multi-line content stays in one cell.
//! * Formula neutralisation: a cell that starts with `=`, `+`, `-`, `@`,
//!   tab, carriage return or `'` gets a `'` in front, so a spreadsheet
//!   shows it as text instead of running it. Remove one leading `'` to get
//!   the recorded text back. The JSONL export is the verifiable form.
//! * Streams row by row.

use std::borrow::Cow;
use std::io::Write;

use rustc_hash::FxHashMap;

use super::lang::Lang;
use super::timeline;
use crate::address::AddressKind;
use crate::error::{Error, Result};
use crate::store::Case;
use crate::view::{Filter, View};

pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The columns, by their English names: the file format's keys, fixed.
pub const COLUMNS: &[&str] = &[
    "number",
    "occurred_at",
    "occurred_until",
    "recorded_at",
    "kind",
    "channel",
    "direction",
    "sender",
    "address",
    "address_kind",
    "organisation",
    "to",
    "with",
    "count",
    "duration_secs",
    "outcome",
    "subject",
    "content",
    "notes",
    "place",
    "witnesses",
    "reference",
    "tags",
    "status",
    "evidence_files",
    "evidence_sha256",
    "prev_hash",
    "hash",
];

/// The heading of a column in `lang`: the English names are the keys
/// themselves; the Japanese ones come from the catalogue.
pub fn heading(column: &str, lang: Lang) -> &'static str {
    match column {
        "number" => crate::word!(lang, "words-column-number"),
        "occurred_at" => crate::word!(lang, "words-column-occurred-at"),
        "occurred_until" => crate::word!(lang, "words-column-occurred-until"),
        "recorded_at" => crate::word!(lang, "words-column-recorded-at"),
        "kind" => crate::word!(lang, "words-column-kind"),
        "channel" => crate::word!(lang, "words-column-channel"),
        "direction" => crate::word!(lang, "words-column-direction"),
        "sender" => crate::word!(lang, "words-column-sender"),
        "address" => crate::word!(lang, "words-column-address"),
        "address_kind" => crate::word!(lang, "words-column-address-kind"),
        "organisation" => crate::word!(lang, "words-column-organisation"),
        "to" => crate::word!(lang, "words-column-to"),
        "with" => crate::word!(lang, "words-column-with"),
        "count" => crate::word!(lang, "words-column-count"),
        "duration_secs" => crate::word!(lang, "words-column-duration-secs"),
        "outcome" => crate::word!(lang, "words-column-outcome"),
        "subject" => crate::word!(lang, "words-column-subject"),
        "content" => crate::word!(lang, "words-column-content"),
        "notes" => crate::word!(lang, "words-column-notes"),
        "place" => crate::word!(lang, "words-column-place"),
        "witnesses" => crate::word!(lang, "words-column-witnesses"),
        "reference" => crate::word!(lang, "words-column-reference"),
        "tags" => crate::word!(lang, "words-column-tags"),
        "status" => crate::word!(lang, "words-column-status"),
        "evidence_files" => crate::word!(lang, "words-column-evidence-files"),
        "evidence_sha256" => crate::word!(lang, "words-column-evidence-sha256"),
        "prev_hash" => crate::word!(lang, "words-column-prev-hash"),
        "hash" => crate::word!(lang, "words-column-hash"),
        _ => unreachable!("not a CSV column: {column}"),
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub lang: Lang,
    pub bom: bool,
}

/// Makes a cell safe to open in a spreadsheet (see the module documentation).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The correction and withdrawal marker of a view.
pub fn status(v: &View, lang: Lang) -> String {
    let mut parts = Vec::new();
    for c in &v.corrections {
        let reason = c.body.reason.as_deref().unwrap_or("");
        parts.push(crate::t_in!(
            lang,
            "words-status-corrected",
            seq = c.seq,
            reason = reason
        ));
    }
    for a in &v.attachments {
        parts.push(crate::t_in!(lang, "words-status-attached", seq = a.seq));
    }
    if let Some(void) = &v.void {
        let reason = void.body.reason.as_deref().unwrap_or("");
        parts.push(crate::t_in!(
            lang,
            "words-status-withdrawn",
            seq = void.seq,
            reason = reason
        ));
    }
    parts.join("\n")
}

/// Exhibit numbers by SHA-256, as `kiroku evidence list` numbers them.
pub type Exhibits = std::collections::HashMap<String, usize>;

pub fn exhibit_numbers(case: &Case) -> Result<Exhibits> {
    Ok(crate::evidence::catalogue(case)?
        .into_iter()
        .map(|e| (e.sha256, e.number))
        .collect())
}

/// Makes the cells of rows, with what every row shares looked up once:
/// the words for callers whose number was not shown, which addresses are
/// such callers (an address is folded and compared once, not once per
/// row), and the exhibit numbers, read from the case (one pass over every
/// entry) when the first row with evidence files comes, if one does.
pub struct Rows<'c> {
    lang: Lang,
    case: &'c Case,
    exhibits: Option<Exhibits>,
    kind_labels: [String; 3],
    kinds: FxHashMap<String, Option<AddressKind>>,
}

/// How many distinct addresses [`Rows`] remembers before starting over
/// (memory stays bounded in a case of many one-off addresses).
const REMEMBERED_ADDRESSES: usize = 4096;

impl<'c> Rows<'c> {
    pub fn new(lang: Lang, case: &'c Case) -> Rows<'c> {
        let label = |k| crate::address::kind_label(lang, k);
        Rows {
            lang,
            case,
            exhibits: None,
            kind_labels: [
                label(AddressKind::Withheld),
                label(AddressKind::Payphone),
                label(AddressKind::Unavailable),
            ],
            kinds: FxHashMap::default(),
        }
    }

    fn kind_label(&mut self, address: Option<&str>) -> &str {
        let Some(address) = address else { return "" };
        let kind = match self.kinds.get(address) {
            Some(k) => *k,
            None => {
                if self.kinds.len() >= REMEMBERED_ADDRESSES {
                    self.kinds.clear();
                }
                let k = crate::address::kind_of(address);
                self.kinds.insert(address.to_owned(), k);
                k
            }
        };
        match kind {
            None => "",
            Some(AddressKind::Withheld) => &self.kind_labels[0],
            Some(AddressKind::Payphone) => &self.kind_labels[1],
            Some(AddressKind::Unavailable) => &self.kind_labels[2],
        }
    }

    /// The names (with exhibit numbers) and SHA-256 values of a view's
    /// evidence files, one a line.
    fn evidence(&mut self, v: &View) -> Result<(String, String)> {
        if self.exhibits.is_none() {
            self.exhibits = Some(exhibit_numbers(self.case)?);
        }
        let none = Exhibits::new();
        let exhibits = self.exhibits.as_ref().unwrap_or(&none);
        let names = v
            .evidence()
            .map(|f| match exhibits.get(&f.sha256) {
                Some(n) => format!("[{n}] {}", f.name),
                None => f.name.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        let sha256 = v
            .evidence()
            .map(|f| f.sha256.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        Ok((names, sha256))
    }

    /// The cells of one row, before neutralisation.
    pub fn cells<'a>(&'a mut self, v: &'a View) -> Result<Vec<Cow<'a, str>>> {
        let lang = self.lang;
        let (files, sha256) = match v.evidence().next() {
            Some(_) => {
                let (files, sha256) = self.evidence(v)?;
                (Cow::Owned(files), Cow::Owned(sha256))
            }
            None => (Cow::Borrowed(""), Cow::Borrowed("")),
        };
        let b = &v.effective;
        let opt = |s: &'a Option<String>| Cow::Borrowed(s.as_deref().unwrap_or(""));
        let num = |n: Option<u64>| Cow::Owned(n.map(|n| n.to_string()).unwrap_or_default());
        let word = |w: Option<&'static str>| Cow::Borrowed(w.unwrap_or(""));
        let address_kind = Cow::Borrowed(self.kind_label(b.address.as_deref()));
        Ok(vec![
            Cow::Owned(v.seq().to_string()),
            opt(&b.occurred_at),
            opt(&b.occurred_until),
            Cow::Borrowed(v.stored.body.recorded_at.as_str()),
            Cow::Borrowed(lang.kind(b.kind)),
            Cow::Owned(lang.means(b)),
            word(b.direction.map(|d| lang.direction(d))),
            opt(&b.from),
            opt(&b.address),
            address_kind,
            opt(&b.org),
            opt(&b.to),
            opt(&b.with),
            num(b.count),
            num(b.duration_secs),
            word(b.outcome.map(|o| lang.outcome(o))),
            opt(&b.subject),
            opt(&b.content),
            opt(&b.notes),
            opt(&b.place),
            if b.witnesses.is_empty() {
                Cow::Borrowed("")
            } else {
                Cow::Owned(b.witnesses.join("\n"))
            },
            opt(&b.reference),
            if b.tags.is_empty() {
                Cow::Borrowed("")
            } else {
                Cow::Owned(b.tags.join(", "))
            },
            if v.corrections.is_empty() && v.void.is_none() && v.attachments.is_empty() {
                Cow::Borrowed("")
            } else {
                Cow::Owned(status(v, lang))
            },
            files,
            sha256,
            Cow::Borrowed(v.stored.prev_hash.as_str()),
            Cow::Borrowed(v.stored.hash.as_str()),
        ])
    }
}

fn csv_error(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::from(io),
        other => Error::internal(format!("CSV: {other:?}")),
    }
}

/// Writes the header and one row per view; returns how many rows.
pub fn write(case: &Case, filter: &Filter, opts: Options, out: &mut impl Write) -> Result<u64> {
    if opts.bom {
        out.write_all(BOM)?;
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(out);
    let header: Vec<&str> = COLUMNS
        .iter()
        .map(|column| heading(column, opts.lang))
        .collect();
    w.write_record(&header).map_err(csv_error)?;
    let mut rows = Rows::new(opts.lang, case);
    let n = timeline::for_each(case, filter, |v| {
        for cell in rows.cells(v)? {
            w.write_field(neutralise(&cell).as_bytes())
                .map_err(csv_error)?;
        }
        w.write_record(None::<&[u8]>).map_err(csv_error)
    })?;
    w.flush()?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_reversible() {
        for s in ["=1+1", "+81 90", "-x", "@SUM(A1)", "\tx", "\rx", "'quoted"] {
            let n = neutralise(s);
            assert_eq!(n, format!("'{s}"));
            assert_eq!(&n[1..], s);
        }
        for s in ["090-1234", "連絡下さい", "", "a=b"] {
            assert_eq!(neutralise(s), s);
        }
    }

    #[test]
    fn columns_have_both_languages() {
        assert_eq!(COLUMNS.len(), 28);
        for column in COLUMNS {
            assert_eq!(heading(column, Lang::En), *column);
            let ja = heading(column, Lang::Ja);
            assert!(!ja.is_empty() && ja != *column, "{column}: {ja}");
        }
    }
}
