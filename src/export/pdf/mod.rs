//! The evidence report (証拠報告書) as PDF: A4, black and white friendly.
//!
//! 1. A cover: case, parties, period, when it was made, how many entries,
//!    the verification result at export time with the head hash, and how
//!    to check the record.
//! 2. A summary from `kiroku stats`: totals, attempts per week by channel
//!    as a drawn bar chart, time of day, the rate before and after each
//!    refusal or block, and the top senders and addresses.
//! 3. The timeline (時系列表): one row per entry in time order. Actions
//!    stand out (grey, bold); corrections are shown with their reason and
//!    the values they replaced; withdrawn entries stay, struck through and
//!    marked 【取消】. The header row repeats on every page; a row taller
//!    than a page is split only between lines, marked "(continued)".
//! 4. The evidence index (証拠一覧), when entries have evidence files:
//!    number (as in `kiroku evidence list`), name, type, size, SHA-256 and
//!    the entries that refer to each file.
//! 5. On every page: page x of y, the case id and the head hash, so one
//!    printed page can be tied to the record.
//!
//! The file is written page by page as it is laid out ([`canvas`],
//! [`writer`]): memory does not grow with the number of entries. The
//! report's words are in the catalogue (`locales/*/report.ftl`), looked up
//! once per report ([`words`]).
//!
//! Text the font cannot show is written as `[U+XXXX]`, and control and
//! invisible formatting characters as `\u{…}`: the report never shows
//! boxes or blanks in place of recorded text.

mod canvas;
mod cover;
mod filing;
pub mod font;
mod rows;
mod summary;
mod table;
pub(crate) mod words;
pub mod wrap;
mod writer;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::Write;

use chrono::{DateTime, Utc};

use self::canvas::Canvas;
use self::font::Font;
use self::table::Table;
use self::words::Words;
use super::lang::Lang;
use super::timeline;
use crate::error::Result;
use crate::sanitize;
use crate::stats::Stats;
use crate::store::Case;
use crate::verify;
use crate::view::Filter;

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 40.0;
const TOP: f32 = PAGE_H - 40.0;
/// The lowest point the body may reach (the footer lies below).
const BOTTOM: f32 = 58.0;
const BODY_W: f32 = PAGE_W - 2.0 * MARGIN;

const SIZE: f32 = 7.5;
const LEAD: f32 = 10.0;
const PAD: f32 = 3.0;

/// Timeline columns: widths in points (they add up to `BODY_W`).
const COLS: [f32; 7] = [34.0, 76.0, 58.0, 90.0, 177.28, 46.0, 34.0];
/// Evidence index columns.
const EVIDENCE_COLS: [f32; 6] = [30.0, 112.0, 58.0, 45.0, 165.0, 105.28];

/// What the report needs besides the case.
pub struct Options<'a> {
    pub lang: Lang,
    /// The exhibit prefix (甲, 乙…).
    pub prefix: &'a str,
    pub font: Option<&'a std::path::Path>,
    pub generated_at: DateTime<Utc>,
    /// A description of the filter, when one was given.
    pub filter_text: Option<String>,
}

/// The finished report (written to the output given to [`build`]).
pub struct Report {
    pub pages: usize,
    pub entries: u64,
    pub font: String,
}

/// A line of a table cell.
#[derive(Debug, Clone, Default)]
struct Styled {
    text: String,
    bold: bool,
    strike: bool,
    /// Never wrapped: drawn smaller when wider than its column (hashes).
    fit: bool,
}

impl Styled {
    fn plain(text: impl Into<String>) -> Styled {
        Styled {
            text: text.into(),
            ..Styled::default()
        }
    }
    /// A line that is never wrapped (a hash): see [`Styled::fit`].
    fn fixed(text: impl Into<String>) -> Styled {
        Styled {
            text: text.into(),
            fit: true,
            ..Styled::default()
        }
    }
    fn bold(text: impl Into<String>) -> Styled {
        Styled {
            text: text.into(),
            bold: true,
            ..Styled::default()
        }
    }
}

/// One timeline row before wrapping.
struct Row {
    cells: Vec<Vec<Styled>>,
    grey: bool,
    seq: u64,
}

/// Makes recorded text safe to draw with `font`: control and invisible
/// characters escaped, tabs as spaces, characters without a glyph as
/// `[U+XXXX]`.
fn showable(font: &Font, s: &str) -> String {
    let escaped = sanitize::multi_line(s);
    let mut out = String::with_capacity(escaped.len());
    for c in escaped.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            c if font.has(c) => out.push(c),
            c => out.push_str(&format!("[U+{:04X}]", c as u32)),
        }
    }
    out
}

/// A row with every text made safe to draw with `font`.
fn safe_row(font: &Font, row: &Row) -> Row {
    Row {
        cells: row
            .cells
            .iter()
            .map(|cell| {
                cell.iter()
                    .map(|s| Styled {
                        text: showable(font, &s.text),
                        ..s.clone()
                    })
                    .collect()
            })
            .collect(),
        grey: row.grey,
        seq: row.seq,
    }
}

/// Everything the report needs before its first page is written: the
/// checks, the figures, the evidence, the font. Entries are read again,
/// one at a time, while the timeline is written.
pub struct Prepared<'a> {
    case: &'a Case,
    filter: &'a Filter,
    opts: &'a Options<'a>,
    verification: verify::Report,
    stats: Stats,
    extent: cover::Extent,
    exhibits: super::csv::Exhibits,
    index_rows: Vec<Row>,
    filing_rows: Vec<super::exhibits::Row>,
    durations: HashMap<u64, u64>,
    font: Font,
    words: Words,
}

/// Builds the report for the entries `filter` keeps, writing it to `out`.
pub fn build(case: &Case, filter: &Filter, opts: &Options, out: &mut dyn Write) -> Result<Report> {
    prepare(case, filter, opts)?.write(out)
}

/// Reads what the report needs and chooses its font; fails before
/// anything is written (no font, a broken case file).
pub fn prepare<'a>(
    case: &'a Case,
    filter: &'a Filter,
    opts: &'a Options<'a>,
) -> Result<Prepared<'a>> {
    let verification = verify::verify_case(case, &[])?;
    let stats = crate::stats::load(
        case,
        filter,
        Some(crate::stats::By::Week),
        opts.generated_at,
    )?;
    let catalogue = crate::evidence::catalogue(case)?;
    let exhibits: super::csv::Exhibits = catalogue
        .iter()
        .map(|e| (e.sha256.clone(), e.number))
        .collect();
    let filing_rows: Vec<super::exhibits::Row> =
        super::exhibits::list(&super::exhibits::Context {
            case,
            lang: opts.lang,
            prefix: opts.prefix,
        })?;
    let filing_entries: HashSet<u64> = filing_rows.iter().map(|r| r.entry).collect();
    // One pass over the entries for what the cover and the font need.
    let mut extent = cover::Extent::default();
    let mut kept: HashSet<u64> = HashSet::new();
    let mut durations = HashMap::new();
    // Characters Helvetica cannot show (an English report only).
    let latin_check = opts.font.is_none() && opts.lang == Lang::En;
    let helvetica = if latin_check {
        Some(Font::helvetica()?)
    } else {
        None
    };
    let mut foreign: BTreeSet<char> = BTreeSet::new();
    let words = Words::new(opts.lang);
    timeline::for_each(case, filter, |v| {
        extent.add(v.occurred());
        if !filter.is_empty() {
            kept.insert(v.seq());
        }
        if filing_entries.contains(&v.seq()) {
            if let Some(d) = v.effective.duration_secs {
                durations.insert(v.seq(), d);
            }
        }
        if let Some(h) = &helvetica {
            let row = rows::row_of(v, &words, case.meta.tz, &exhibits);
            foreign.extend(
                row.cells
                    .iter()
                    .flatten()
                    .flat_map(|s| s.text.chars())
                    .filter(|c| !c.is_control() && !h.has(*c)),
            );
        }
        Ok(())
    })?;
    let index_rows: Vec<Row> = catalogue
        .iter()
        .filter(|e| filter.is_empty() || e.refs.iter().any(|r| kept.contains(&r.entry)))
        .map(|e| rows::exhibit_row(e, &words, case.meta.tz))
        .collect();
    let filing_rows: Vec<super::exhibits::Row> = filing_rows
        .into_iter()
        .filter(|r| filter.is_empty() || kept.contains(&r.entry))
        .collect();
    let filing_cells: Vec<Row> = filing_rows
        .iter()
        .map(|r| filing::exhibit_row(r, opts.lang))
        .collect();
    let transcript_chars = filing_rows
        .iter()
        .filter_map(|r| r.transcript.as_ref())
        .flat_map(|t| &t.utterances)
        .flat_map(|u| u.speaker.chars().chain(u.text.chars()))
        .chain(filing_rows.iter().flat_map(|r| {
            r.transcript
                .iter()
                .flat_map(|t| t.by.iter())
                .flat_map(|b| b.chars())
        }));
    let meta = &case.meta;
    let chars = index_rows
        .iter()
        .chain(&filing_cells)
        .flat_map(|r| r.cells.iter().flatten())
        .flat_map(|s| s.text.chars())
        .chain(foreign.iter().copied())
        .chain(
            [&meta.title, &meta.counterparty, &meta.owner]
                .into_iter()
                .flatten()
                .flat_map(|s| s.chars()),
        )
        .chain(opts.filter_text.iter().flat_map(|s| s.chars()))
        .chain(transcript_chars)
        .chain(
            verification
                .anchors
                .iter()
                .flat_map(|a| a.tsa.chars().chain(a.message.chars())),
        );
    let font = font::choose(opts.font, opts.lang == Lang::Ja, chars)?;
    Ok(Prepared {
        case,
        filter,
        opts,
        verification,
        stats,
        extent,
        exhibits,
        index_rows,
        filing_rows,
        durations,
        font,
        words,
    })
}

impl Prepared<'_> {
    /// Writes the report to `out`, page by page.
    pub fn write(self, out: &mut dyn Write) -> Result<Report> {
        let Prepared {
            case,
            filter,
            opts,
            verification,
            stats,
            extent,
            exhibits,
            index_rows,
            filing_rows,
            durations,
            font,
            words,
        } = self;
        let lang = opts.lang;
        let meta = &case.meta;
        let mut canvas = Canvas::new(&font, out)?;
        cover::cover(&mut canvas, case, &extent, &verification, opts);
        summary::draw(&mut canvas, &stats, lang, meta.tz);
        summary::parties(&mut canvas, &stats, lang, meta.tz);
        drop(stats);
        {
            let mut t = Table {
                canvas: &mut canvas,
                lang,
                title: crate::t_in!(lang, "report-timeline-title"),
                header: rows::header_names(
                    lang,
                    &super::when::zone_note(meta.tz, &opts.generated_at),
                ),
                cols: &COLS,
            };
            t.page_start();
            let n = timeline::for_each(case, filter, |v| {
                let row = rows::row_of(v, &words, meta.tz, &exhibits);
                t.row(&safe_row(&font, &row));
                Ok(())
            })?;
            if n == 0 {
                let y = t.canvas.y - LEAD - PAD;
                let none = crate::t_in!(lang, "report-no-entries");
                t.canvas.text(MARGIN + PAD, y, SIZE, &none, false);
            }
        }
        if !index_rows.is_empty() {
            let mut t = Table {
                canvas: &mut canvas,
                lang,
                title: crate::t_in!(lang, "report-index-title"),
                header: rows::evidence_header(lang),
                cols: &EVIDENCE_COLS,
            };
            t.page_start();
            for row in &index_rows {
                t.row(&safe_row(&font, row));
            }
        }
        if !filing_rows.is_empty() {
            filing::exhibit_list(&mut canvas, &filing_rows, lang);
        }
        for r in &filing_rows {
            filing::transcript(
                &mut canvas,
                r,
                durations.get(&r.entry).copied(),
                lang,
                meta.tz,
            );
        }
        let case_id = meta.case_id.clone();
        let head = verification.head.clone();
        let head_seq = verification.entries;
        let title = crate::t_in!(
            lang,
            "report-doc-title",
            title = meta.title.as_deref().unwrap_or(&meta.case_id)
        );
        let page_line = words::template!(lang, "report-footer-page", case, page, total);
        let head_line = words::template!(lang, "report-footer-head", seq, head);
        let head_seq = head_seq.to_string();
        let producer = format!("kiroku {}", env!("CARGO_PKG_VERSION"));
        let created = pdf_date(&opts.generated_at);
        let pages = canvas.finish(
            |page, total| {
                (
                    page_line.fill(&[&case_id, &page.to_string(), &total.to_string()]),
                    head_line.fill(&[&head_seq, &head]),
                )
            },
            |c, id| {
                let mut info = c.indirect(id).start::<pdf_writer::writers::DocumentInfo>();
                info.title(pdf_writer::TextStr(&title))
                    .producer(pdf_writer::TextStr(&producer))
                    .creator(pdf_writer::TextStr(&producer))
                    .subject(pdf_writer::TextStr(&format!("case {}", meta.case_id)))
                    .creation_date(created)
                    .modified_date(created);
                if let Some(owner) = &meta.owner {
                    info.author(pdf_writer::TextStr(owner));
                }
            },
        )?;
        Ok(Report {
            pages,
            entries: extent.entries,
            font: font.source.clone(),
        })
    }
}

/// A PDF date (in UTC).
fn pdf_date(t: &DateTime<Utc>) -> pdf_writer::Date {
    use chrono::{Datelike, Timelike};
    pdf_writer::Date::new(t.year().clamp(0, 9999) as u16)
        .month(t.month() as u8)
        .day(t.day() as u8)
        .hour(t.hour() as u8)
        .minute(t.minute() as u8)
        .second(t.second() as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}
