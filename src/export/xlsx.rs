//! The workbook a lawyer's office edits and prints (`kiroku export xlsx`):
//! three sheets — 時系列表 (the timeline), 証拠説明書 (the exhibit list)
//! and 統計 (counts) — with column widths, wrapped text, frozen header
//! rows, the header row repeated on every printed page, A4 page setup, and
//! the case id and head hash in every sheet's footer.
//!
//! Cells hold text, numbers and dates, never formulas. Times are real
//! date cells in the case's time zone, shown Japanese style in Japanese
//! mode (`2026年9月1日(火) 10:05`) so that an office can sort and filter by
//! them; the zone is stated once, in the heading. Row heights are set from
//! the text (wrapped lines), so the printout never hides or overlaps text
//! whichever program opens the file; SHA-256 values sit in a fixed-width
//! font, two lines of 32 characters.

use std::collections::BTreeMap;
use std::io::Write;

use chrono::Utc;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use rust_xlsxwriter::{
    ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

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

/// A4, one page wide (as many pages long as needed), the heading row
/// frozen and printed on every page; `frozen_cols` columns stay in view
/// when scrolling sideways.
fn page_setup(ws: &mut Worksheet, footer: &str, landscape: bool, frozen_cols: u16) -> Result<()> {
    ws.set_paper_size(9); // A4
    if landscape {
        ws.set_landscape();
    }
    ws.set_footer(footer);
    ws.set_freeze_panes(1, frozen_cols).map_err(xlsx_error)?;
    ws.set_repeat_rows(0, 0).map_err(xlsx_error)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.3, 0.3, 0.5, 0.6, 0.2, 0.3);
    Ok(())
}

struct Formats {
    head: Format,
    cell: Format,
    mono: Format,
    number: Format,
    /// A date and time: `2026年9月1日(火) 10:05`, `Tue 1 Sep 2026 10:05`.
    date_time: Format,
    /// A date: `2026年9月1日`, `1 September 2026`.
    date: Format,
}

/// Excel number formats for dates, with the locale (`[$-411]` Japanese,
/// `[$-409]` English) so that weekday names do not follow the locale of
/// the computer that opens the file.
fn date_formats(lang: Lang) -> (&'static str, &'static str) {
    (
        crate::word!(lang, "words-xlsx-date-time"),
        crate::word!(lang, "words-xlsx-date"),
    )
}

fn formats(lang: Lang) -> Formats {
    let base = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_font_size(FONT_PT);
    let (date_time, date) = date_formats(lang);
    Formats {
        head: base
            .clone()
            .set_bold()
            .set_background_color(0xE8E8E8)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        mono: base
            .clone()
            .set_font_name("Courier New")
            .set_font_size(MONO_PT),
        number: base.clone().set_align(FormatAlign::Right),
        date_time: base
            .clone()
            .set_align(FormatAlign::Left)
            .set_num_format(date_time),
        date: base
            .clone()
            .set_align(FormatAlign::Left)
            .set_num_format(date),
        cell: base,
    }
}

/// Font sizes (points) of text and of SHA-256 values.
const FONT_PT: f64 = 9.0;
const MONO_PT: f64 = 8.0;

/// Column widths (Excel's unit: one digit of the default 11 pt font) and
/// the lines that wrapped text takes in them, to set each row's height.
/// Excel and LibreOffice do not grow rows with wrapped text on their own
/// in every version, and a printout with cut or overlapping text is no
/// use; an estimate on the generous side only leaves some white space.
struct Layout {
    widths: Vec<f64>,
}

impl Layout {
    fn new(cols: &[(String, f64)]) -> Layout {
        Layout {
            widths: cols.iter().map(|c| c.1).collect(),
        }
    }

    /// Lines taken by `text` in column `col` at the text size (East Asian
    /// characters count two; a 9 pt half-width character takes about 0.85
    /// of the width unit).
    fn lines(&self, col: usize, text: &str) -> usize {
        let capacity = ((self.widths[col] - 1.0) / 0.85).max(1.0);
        text.split('\n')
            .map(|line| (line.width() as f64 / capacity).ceil().max(1.0) as usize)
            .sum()
    }

    /// The height (points) of a row of text cells; SHA-256 cells (two
    /// lines of the smaller font) are given as `mono_lines`.
    fn height<'a>(&self, cells: impl Iterator<Item = (usize, &'a str)>, mono_lines: usize) -> f64 {
        let lines = cells
            .map(|(c, t)| self.lines(c, t))
            .max()
            .unwrap_or(1)
            .max(1);
        let text = lines as f64 * (FONT_PT * 1.4) + 3.0;
        let mono = mono_lines as f64 * (MONO_PT * 1.3) + 3.0;
        text.max(mono).max(15.0)
    }
}

fn headings(ws: &mut Worksheet, f: &Formats, cols: &[(String, f64)]) -> Result<Layout> {
    for (i, (name, width)) in cols.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, name, &f.head)
            .map_err(xlsx_error)?;
        ws.set_column_width(i as u16, *width).map_err(xlsx_error)?;
    }
    let layout = Layout::new(cols);
    // Bold headings are a little wider than the body text.
    let h = layout.height(
        cols.iter()
            .enumerate()
            .map(|(i, (name, _))| (i, name.as_str())),
        0,
    ) * 1.1;
    ws.set_row_height(0, h).map_err(xlsx_error)?;
    Ok(layout)
}

/// An Excel date and time (to the second; shown to the minute).
fn excel_date_time(t: &DateTime<FixedOffset>) -> Option<ExcelDateTime> {
    ExcelDateTime::from_ymd(
        u16::try_from(t.year()).ok()?,
        t.month() as u8,
        t.day() as u8,
    )
    .and_then(|d| d.and_hms(t.hour() as u16, t.minute() as u8, t.second()))
    .ok()
}

fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).ok()?,
        d.month() as u8,
        d.day() as u8,
    )
    .ok()
}

/// A stored time as a date cell in the case's zone; the stored text when
/// it cannot be read as a time (nothing recorded is lost).
fn write_time(
    ws: &mut Worksheet,
    f: &Formats,
    (r, c): (u32, u16),
    stored: Option<&str>,
    tz: chrono_tz::Tz,
) -> Result<()> {
    let Some(text) = stored else {
        return ws
            .write_blank(r, c, &f.cell)
            .map(|_| ())
            .map_err(xlsx_error);
    };
    let local = crate::timeparse::parse_stored(text)
        .map(|t| when::in_zone(&t.with_timezone(&Utc), tz))
        .and_then(|t| excel_date_time(&t));
    match local {
        Some(d) => ws.write_datetime_with_format(r, c, &d, &f.date_time),
        None => ws.write_string_with_format(r, c, text, &f.cell),
    }
    .map(|_| ())
    .map_err(xlsx_error)
}

/// Width of a date-and-time column: `2026年11月20日(金) 08:40` at 9 pt with
/// room to spare (a date that does not fit shows as `###`).
const DATE_TIME_WIDTH: f64 = 20.0;
/// Width of a SHA-256 cell: 32 characters of 8 pt Courier New.
const SHA_WIDTH: f64 = 30.0;

/// The timeline sheet's headings (also read back by the tests).
pub fn timeline_headings(lang: Lang, zone: &str) -> Vec<(String, f64)> {
    vec![
        (t_in!(lang, "export-col-number"), 5.0),
        (
            t_in!(lang, "export-col-occurred", zone = zone),
            DATE_TIME_WIDTH,
        ),
        (t_in!(lang, "export-col-until"), DATE_TIME_WIDTH),
        (t_in!(lang, "export-col-kind"), 7.0),
        (t_in!(lang, "export-col-means"), 11.0),
        (t_in!(lang, "export-col-outcome"), 8.0),
        (t_in!(lang, "export-col-sender"), 14.0),
        (t_in!(lang, "export-col-address"), 17.0),
        (t_in!(lang, "export-col-count"), 5.0),
        (t_in!(lang, "export-col-content"), 36.0),
        (t_in!(lang, "export-col-place"), 14.0),
        (t_in!(lang, "export-col-witnesses"), 12.0),
        (t_in!(lang, "export-col-exhibits"), 7.0),
        (t_in!(lang, "export-col-status"), 16.0),
        (t_in!(lang, "export-col-hash"), SHA_WIDTH),
    ]
}

/// The exhibit list's headings, in the court's order.
pub fn exhibit_headings(lang: Lang) -> Vec<(String, f64)> {
    vec![
        (t_in!(lang, "export-ex-col-number"), 9.0),
        (t_in!(lang, "export-ex-col-title"), 28.0),
        (t_in!(lang, "export-ex-col-original"), 9.0),
        (t_in!(lang, "export-ex-col-made-on"), 15.0),
        (t_in!(lang, "export-ex-col-made-by"), 14.0),
        (t_in!(lang, "export-ex-col-purpose"), 40.0),
        (t_in!(lang, "export-ex-col-remarks"), SHA_WIDTH + 2.0),
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
            // Stored text here; written for people once, at the end.
            if self.first.is_none() {
                self.first = Some(at.to_string());
            }
            self.last = Some(at.to_string());
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
    let f = formats(lang);
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
    page_setup(ws, &foot, true, 2)?;
    let layout = headings(ws, &f, &timeline_headings(lang, &zone))?;
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
        let text_cells: [(u16, String); 10] = [
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
        ];
        ws.write_number_with_format(r, 0, v.seq() as f64, &f.number)
            .map_err(xlsx_error)?;
        write_time(ws, &f, (r, 1), b.occurred_at.as_deref(), tz)?;
        write_time(ws, &f, (r, 2), b.occurred_until.as_deref(), tz)?;
        // A count belongs to contacts only (one attempt unless stated).
        if b.kind == Kind::Contact {
            ws.write_number_with_format(r, 8, b.count.unwrap_or(1) as f64, &f.number)
        } else {
            ws.write_blank(r, 8, &f.number)
        }
        .map_err(xlsx_error)?;
        for (c, text) in &text_cells {
            ws.write_string_with_format(r, *c, text, &f.cell)
                .map_err(xlsx_error)?;
        }
        ws.write_string_with_format(r, 14, exhibits::sha_two_lines(&v.stored.hash), &f.mono)
            .map_err(xlsx_error)?;
        let height = layout.height(text_cells.iter().map(|(c, t)| (*c as usize, t.as_str())), 2);
        ws.set_row_height(r, height).map_err(xlsx_error)?;
        Ok(())
    })?;

    // 証拠説明書
    let ws = wb.add_worksheet();
    ws.set_name(t_in!(lang, "export-sheet-exhibits"))
        .map_err(xlsx_error)?;
    page_setup(ws, &foot, true, 1)?;
    let layout = headings(ws, &f, &exhibit_headings(lang))?;
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        let cells = [
            (0usize, row.label.clone()),
            (1, row.title.clone()),
            (2, exhibits::original_word(lang, row.original)),
            (4, row.made_by.clone()),
            (5, row.purpose.clone()),
        ];
        for (c, text) in &cells {
            ws.write_string_with_format(r, *c as u16, text, &f.cell)
                .map_err(xlsx_error)?;
        }
        match row.made_on.and_then(excel_date) {
            Some(d) => ws.write_datetime_with_format(r, 3, &d, &f.date),
            None => ws.write_blank(r, 3, &f.cell),
        }
        .map_err(xlsx_error)?;
        let remarks = remarks(lang, row);
        ws.write_string_with_format(r, 6, &remarks, &f.mono)
            .map_err(xlsx_error)?;
        // The remarks are in the smaller fixed-width font.
        let mono_lines = layout.lines(6, &remarks);
        let height = layout.height(cells.iter().map(|(c, t)| (*c, t.as_str())), mono_lines);
        ws.set_row_height(r, height).map_err(xlsx_error)?;
    }

    // 統計
    let ws = wb.add_worksheet();
    ws.set_name(t_in!(lang, "export-sheet-stats"))
        .map_err(xlsx_error)?;
    page_setup(ws, &foot, false, 0)?;
    let layout = headings(
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
                time = counts
                    .first
                    .as_deref()
                    .map(|t| when::stored(lang, t, tz))
                    .unwrap_or_default()
            ),
            None,
            None,
        ),
        (
            t_in!(
                lang,
                "export-stats-last",
                time = counts
                    .last
                    .as_deref()
                    .map(|t| when::stored(lang, t, tz))
                    .unwrap_or_default()
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
        ws.set_row_height(r, layout.height([(0, label.as_str())].into_iter(), 0))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_heights_follow_wrapped_lines() {
        let layout = Layout::new(&[("a".into(), 18.0), ("b".into(), 9.0)]);
        // 18 wide holds 20 half-width characters: 10 East Asian ones.
        assert_eq!(layout.lines(0, "0123456789"), 1);
        assert_eq!(layout.lines(0, "連絡下さい連絡下さい"), 1);
        assert_eq!(layout.lines(0, "連絡下さい連絡下さい連"), 2);
        assert_eq!(layout.lines(0, "a\nb\n\nc"), 4);
        assert_eq!(layout.lines(1, "原本・写しの別"), 2);
        let one = layout.height([(0, "x")].into_iter(), 0);
        let three = layout.height([(0, "x"), (1, "a\nb\nc")].into_iter(), 0);
        assert!(three > 2.5 * one - 10.0 && three > one, "{one} {three}");
        // SHA-256 cells take two lines of the smaller font at least.
        assert!(layout.height([(0, "x")].into_iter(), 2) > one);
    }

    #[test]
    fn dates_become_excel_dates_or_stay_text() {
        let t = DateTime::parse_from_rfc3339("2026-11-10T18:05:07+09:00").unwrap();
        let d = excel_date_time(&t).unwrap();
        // 2026-11-10 is day 46336 of Excel's 1900 calendar.
        assert!(
            (d.to_excel() - (46336.0 + (18.0 * 3600.0 + 5.0 * 60.0 + 7.0) / 86400.0)).abs() < 1e-9
        );
        let d = excel_date(NaiveDate::from_ymd_opt(2026, 11, 19).unwrap()).unwrap();
        assert_eq!(d.to_excel(), 46345.0);
        assert!(excel_date(NaiveDate::from_ymd_opt(1800, 1, 1).unwrap()).is_none());
    }
}
