//! The workbook a lawyer's office edits and prints (`kiroku export xlsx`):
//! three sheets — 時系列表 (the timeline), 証拠説明書 (the exhibit list)
//! and 統計 (counts) — with column widths, wrapped text, frozen header
//! rows, the header row repeated on every printed page, A4 page setup, and
//! the case id and head hash in every sheet's footer.
//!
//! Cells hold text and numbers only, never formulas. Times are written
//! for people in the case's time zone (`2026年9月1日(火) 10:05`); the zone
//! is stated once, in the heading.

use std::collections::BTreeMap;
use std::io::Write;

use chrono::Utc;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::exhibits::{self, Row};
use super::lang::Lang;
use super::{timeline, when};
use crate::error::{Error, Result};
use crate::model::{Channel, Kind};
use crate::store::Case;
use crate::t_in;
use crate::view::{Filter, View};

pub struct Options<'a> {
    pub lang: Lang,
    pub prefix: &'a str,
}

/// What was written.
pub struct Written {
    pub entries: u64,
    pub exhibits: usize,
}

fn xlsx_error(e: XlsxError) -> Error {
    match e {
        XlsxError::IoError(io) => Error::from(io),
        other => Error::internal(t_in!(
            crate::i18n::current(),
            "export-xlsx-failed",
            reason = other.to_string()
        )),
    }
}

/// Footer text: `&` is a code in Excel footers and is doubled.
fn footer(lang: Lang, case: &Case, head: &(u64, String)) -> String {
    let text = t_in!(
        lang,
        "export-xlsx-footer",
        case = case.meta.case_id.clone(),
        seq = head.0,
        hash = head.1.clone()
    )
    .replace('&', "&&");
    format!("&L{text}&RP. &P / &N")
}

fn page_setup(ws: &mut Worksheet, footer: &str, landscape: bool) -> Result<()> {
    ws.set_paper_size(9); // A4
    if landscape {
        ws.set_landscape();
    }
    ws.set_footer(footer);
    ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    ws.set_repeat_rows(0, 0).map_err(xlsx_error)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    Ok(())
}

struct Formats {
    head: Format,
    cell: Format,
    mono: Format,
    number: Format,
}

fn formats() -> Formats {
    let base = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_font_size(9);
    Formats {
        head: base
            .clone()
            .set_bold()
            .set_background_color(0xE8E8E8)
            .set_align(FormatAlign::Center),
        mono: base.clone().set_font_name("Courier New").set_font_size(8),
        number: base.clone().set_align(FormatAlign::Right),
        cell: base,
    }
}

fn headings(ws: &mut Worksheet, f: &Formats, cols: &[(String, f64)]) -> Result<()> {
    for (i, (name, width)) in cols.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, name, &f.head)
            .map_err(xlsx_error)?;
        ws.set_column_width(i as u16, *width).map_err(xlsx_error)?;
    }
    Ok(())
}

/// The timeline sheet's headings (also read back by the tests).
pub fn timeline_headings(lang: Lang, zone: &str) -> Vec<(String, f64)> {
    vec![
        (t_in!(lang, "export-col-number"), 6.0),
        (t_in!(lang, "export-col-occurred", zone = zone), 19.0),
        (t_in!(lang, "export-col-until"), 19.0),
        (t_in!(lang, "export-col-kind"), 8.0),
        (t_in!(lang, "export-col-means"), 12.0),
        (t_in!(lang, "export-col-outcome"), 10.0),
        (t_in!(lang, "export-col-sender"), 16.0),
        (t_in!(lang, "export-col-address"), 18.0),
        (t_in!(lang, "export-col-count"), 6.0),
        (t_in!(lang, "export-col-content"), 40.0),
        (t_in!(lang, "export-col-place"), 16.0),
        (t_in!(lang, "export-col-witnesses"), 14.0),
        (t_in!(lang, "export-col-exhibits"), 10.0),
        (t_in!(lang, "export-col-status"), 18.0),
        (t_in!(lang, "export-col-hash"), 36.0),
    ]
}

/// The exhibit list's headings, in the court's order.
pub fn exhibit_headings(lang: Lang) -> Vec<(String, f64)> {
    vec![
        (t_in!(lang, "export-ex-col-number"), 9.0),
        (t_in!(lang, "export-ex-col-title"), 28.0),
        (t_in!(lang, "export-ex-col-original"), 8.0),
        (t_in!(lang, "export-ex-col-made-on"), 14.0),
        (t_in!(lang, "export-ex-col-made-by"), 14.0),
        (t_in!(lang, "export-ex-col-purpose"), 40.0),
        (t_in!(lang, "export-ex-col-remarks"), 36.0),
    ]
}

/// The remarks cell of an exhibit: file, entry, SHA-256 in two lines.
pub fn remarks(lang: Lang, r: &Row) -> String {
    t_in!(
        lang,
        "export-ex-remarks",
        name = r.file.name.clone(),
        entry = r.entry,
        sha = exhibits::sha_two_lines(&r.file.sha256)
    )
}

/// The exhibits of each entry, by SHA-256: `甲1`, `甲1の2`.
fn labels(rows: &[Row]) -> std::collections::HashMap<&str, &str> {
    rows.iter()
        .map(|r| (r.file.sha256.as_str(), r.label.as_str()))
        .collect()
}

#[derive(Default)]
struct Counts {
    contacts: u64,
    attempts: u64,
    by_channel: BTreeMap<Channel, (u64, u64)>,
    by_month: BTreeMap<String, u64>,
    visits_by_place: BTreeMap<String, u64>,
    first: Option<String>,
    last: Option<String>,
}

impl Counts {
    fn add(&mut self, v: &View, lang: Lang, tz: chrono_tz::Tz) {
        let b = &v.effective;
        if b.kind != Kind::Contact
            || v.is_voided()
            || b.direction == Some(crate::model::Direction::Outgoing)
        {
            return;
        }
        let n = b.count.unwrap_or(1);
        self.contacts += 1;
        self.attempts += n;
        if let Some(c) = b.channel {
            let e = self.by_channel.entry(c).or_default();
            e.0 += 1;
            e.1 += n;
            if c == Channel::Visit {
                let place = b
                    .place
                    .clone()
                    .unwrap_or_else(|| t_in!(lang, "export-stats-place-unknown"));
                *self.visits_by_place.entry(place).or_default() += n;
            }
        }
        if let Some(at) = b.occurred_at.as_deref() {
            if let Some(t) = crate::timeparse::parse_stored(at) {
                let local = when::in_zone(&t.with_timezone(&Utc), tz);
                *self
                    .by_month
                    .entry(local.format("%Y-%m").to_string())
                    .or_default() += n;
            }
            let text = when::stored(lang, at, tz);
            if self.first.is_none() {
                self.first = Some(text.clone());
            }
            self.last = Some(text);
        }
    }
}

/// Writes the workbook.
pub fn write(
    case: &Case,
    filter: &Filter,
    opts: &Options,
    out: &mut impl Write,
) -> Result<Written> {
    let lang = opts.lang;
    let tz = case.meta.tz;
    let head = case.head()?;
    let foot = footer(lang, case, &head);
    let f = formats();
    let rows = exhibits::list(&exhibits::Context {
        case,
        lang,
        prefix: opts.prefix,
    })?;
    let by_sha = labels(&rows);
    let mut wb = Workbook::new();

    // 時系列表
    let zone = when::zone_note(tz, &Utc::now());
    let ws = wb.add_worksheet();
    ws.set_name(t_in!(lang, "export-sheet-timeline"))
        .map_err(xlsx_error)?;
    page_setup(ws, &foot, true)?;
    headings(ws, &f, &timeline_headings(lang, &zone))?;
    let mut counts = Counts::default();
    let mut r: u32 = 0;
    let entries = timeline::for_each(case, filter, |v| {
        r += 1;
        counts.add(v, lang, tz);
        let b = &v.effective;
        let s = |x: &Option<String>| x.clone().unwrap_or_default();
        let mut exhibits: Vec<&str> = v
            .evidence()
            .filter_map(|e| by_sha.get(e.sha256.as_str()).copied())
            .collect();
        exhibits.dedup();
        let status = if v.corrections.is_empty() && v.void.is_none() && v.attachments.is_empty() {
            String::new()
        } else {
            super::csv::status(v, lang)
        };
        let text_cells: [(u16, String); 13] = [
            (
                1,
                b.occurred_at
                    .as_deref()
                    .map(|t| when::stored(lang, t, tz))
                    .unwrap_or_default(),
            ),
            (
                2,
                b.occurred_until
                    .as_deref()
                    .map(|t| when::stored(lang, t, tz))
                    .unwrap_or_default(),
            ),
            (3, lang.kind(b.kind).to_string()),
            (4, lang.means(b)),
            (
                5,
                b.outcome
                    .map(|o| lang.outcome(o).to_string())
                    .unwrap_or_default(),
            ),
            (6, s(&b.from).to_string() + &org_suffix(b)),
            (7, s(&b.address)),
            (9, content(b)),
            (10, s(&b.place)),
            (11, b.witnesses.join("\n")),
            (12, exhibits.join("\n")),
            (13, status),
            (14, exhibits::sha_two_lines(&v.stored.hash)),
        ];
        ws.write_number_with_format(r, 0, v.seq() as f64, &f.number)
            .map_err(xlsx_error)?;
        ws.write_number_with_format(r, 8, b.count.unwrap_or(1) as f64, &f.number)
            .map_err(xlsx_error)?;
        for (c, text) in &text_cells {
            let fmt = if *c == 14 { &f.mono } else { &f.cell };
            ws.write_string_with_format(r, *c, text, fmt)
                .map_err(xlsx_error)?;
        }
        Ok(())
    })?;

    // 証拠説明書
    let ws = wb.add_worksheet();
    ws.set_name(t_in!(lang, "export-sheet-exhibits"))
        .map_err(xlsx_error)?;
    page_setup(ws, &foot, true)?;
    headings(ws, &f, &exhibit_headings(lang))?;
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        let cells = [
            row.label.clone(),
            row.title.clone(),
            exhibits::original_word(lang, row.original),
            row.made_on.map(|d| when::date(lang, d)).unwrap_or_default(),
            row.made_by.clone(),
            row.purpose.clone(),
        ];
        for (c, text) in cells.iter().enumerate() {
            ws.write_string_with_format(r, c as u16, text, &f.cell)
                .map_err(xlsx_error)?;
        }
        ws.write_string_with_format(r, 6, remarks(lang, row), &f.mono)
            .map_err(xlsx_error)?;
    }

    // 統計
    let ws = wb.add_worksheet();
    ws.set_name(t_in!(lang, "export-sheet-stats"))
        .map_err(xlsx_error)?;
    page_setup(ws, &foot, false)?;
    headings(
        ws,
        &f,
        &[
            (t_in!(lang, "export-stats-col-item"), 34.0),
            (t_in!(lang, "export-stats-col-contacts"), 12.0),
            (t_in!(lang, "export-stats-col-attempts"), 12.0),
        ],
    )?;
    let mut lines: Vec<(String, Option<u64>, Option<u64>)> = vec![
        (
            t_in!(lang, "export-stats-total"),
            Some(counts.contacts),
            Some(counts.attempts),
        ),
        (
            t_in!(
                lang,
                "export-stats-first",
                time = counts.first.clone().unwrap_or_default()
            ),
            None,
            None,
        ),
        (
            t_in!(
                lang,
                "export-stats-last",
                time = counts.last.clone().unwrap_or_default()
            ),
            None,
            None,
        ),
    ];
    for (c, (n, a)) in &counts.by_channel {
        lines.push((
            t_in!(lang, "export-stats-by-channel", channel = lang.channel(*c)),
            Some(*n),
            Some(*a),
        ));
    }
    for (m, a) in &counts.by_month {
        lines.push((
            t_in!(lang, "export-stats-by-month", month = m.clone()),
            None,
            Some(*a),
        ));
    }
    for (p, a) in &counts.visits_by_place {
        lines.push((
            t_in!(lang, "export-stats-visits-at", place = p.clone()),
            None,
            Some(*a),
        ));
    }
    for (i, (label, n, a)) in lines.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string_with_format(r, 0, label, &f.cell)
            .map_err(xlsx_error)?;
        for (c, v) in [(1u16, n), (2, a)] {
            match v {
                Some(v) => ws.write_number_with_format(r, c, *v as f64, &f.number),
                None => ws.write_string_with_format(r, c, "", &f.cell),
            }
            .map_err(xlsx_error)?;
        }
    }

    let bytes = wb.save_to_buffer().map_err(xlsx_error)?;
    out.write_all(&bytes)?;
    Ok(Written {
        entries,
        exhibits: rows.len(),
    })
}

fn org_suffix(b: &crate::model::Body) -> String {
    match (&b.from, &b.org) {
        (Some(_), Some(o)) => format!("\n{o}"),
        (None, Some(o)) => o.clone(),
        _ => String::new(),
    }
}

/// Subject, content and notes of an entry, one after the other.
fn content(b: &crate::model::Body) -> String {
    [&b.subject, &b.content, &b.notes]
        .iter()
        .filter_map(|s| s.as_deref())
        .collect::<Vec<_>>()
        .join("\n")
}
