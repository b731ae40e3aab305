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
//! Text the font cannot show is written as `[U+XXXX]`, and control and
//! invisible formatting characters as `\u{…}`: the report never shows
//! boxes or blanks in place of recorded text.

mod filing;
pub mod font;
mod summary;
mod table;
pub mod wrap;

use chrono::{DateTime, Utc};
use printpdf::{
    Color, Greyscale, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix, TextRenderingMode,
};

use self::font::Font;
use self::table::Table;
use super::lang::Lang;
use super::timeline;
use crate::error::{Error, Result};
use crate::model::{Body, ChangeValue, Kind};
use crate::sanitize;
use crate::store::Case;
use crate::verify;
use crate::view::{Filter, View};

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

/// The finished report.
pub struct Report {
    pub bytes: Vec<u8>,
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

/// Page contents being built, one `Vec<Op>` per page.
struct Canvas<'f> {
    font: &'f Font,
    handle: PdfFontHandle,
    pages: Vec<Vec<Op>>,
    y: f32,
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level,
        icc_profile: None,
    })
}

fn pt(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

impl<'f> Canvas<'f> {
    fn new(font: &'f Font, handle: PdfFontHandle) -> Canvas<'f> {
        Canvas {
            font,
            handle,
            pages: Vec::new(),
            y: TOP,
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Text with its baseline at `y` (already safe to show).
    fn text(&mut self, x: f32, y: f32, size: f32, s: &str, bold: bool) {
        if s.is_empty() {
            return;
        }
        let s = if s.chars().all(|c| c == ' ' || self.font.has(c)) {
            s.to_string()
        } else {
            showable(self.font, s)
        };
        let handle = self.handle.clone();
        let ops = self.ops();
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont {
            font: handle,
            size: Pt(size),
        });
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(x), Pt(y)),
        });
        if bold {
            // A slightly stroked outline: bold in any font, even one face.
            ops.push(Op::SetOutlineThickness {
                pt: Pt(size / 30.0),
            });
            ops.push(Op::SetTextRenderingMode {
                mode: TextRenderingMode::FillStroke,
            });
        }
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(s)],
        });
        if bold {
            ops.push(Op::SetTextRenderingMode {
                mode: TextRenderingMode::Fill,
            });
        }
        ops.push(Op::EndTextSection);
    }

    fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, level: f32) {
        let ops = self.ops();
        ops.push(Op::SaveGraphicsState);
        ops.push(Op::SetFillColor { col: grey(level) });
        ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(y),
                width: Pt(w),
                height: Pt(h),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
        ops.push(Op::RestoreGraphicsState);
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        let ops = self.ops();
        ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![pt(x1, y1), pt(x2, y2)],
                is_closed: false,
            },
        });
    }

    fn wrap(&self, text: &str, width: f32, size: f32) -> Vec<String> {
        let f = self.font;
        wrap::wrap(text, width, &|c| f.width(c, size))
    }

    /// A paragraph of wrapped text from the current position.
    fn paragraph(&mut self, text: &str, size: f32, lead: f32, bold: bool) {
        for line in self.wrap(text, BODY_W, size) {
            if self.y - lead < BOTTOM {
                self.new_page();
            }
            self.y -= lead;
            self.text(MARGIN, self.y, size, &line, bold);
        }
    }

    fn space(&mut self, h: f32) {
        self.y -= h;
    }
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

/// The date (with weekday) and time of an entry in the case's zone; the
/// zone is named once, in the column heading.
fn when_lines(b: &Body, lang: Lang, tz: chrono_tz::Tz) -> Vec<Styled> {
    use super::when;
    let local = |s: &str| {
        crate::timeparse::parse_stored(s).map(|t| when::in_zone(&t.with_timezone(&Utc), tz))
    };
    let mut out = Vec::new();
    let at = b.occurred_at.as_deref().and_then(local);
    if let Some(at) = at {
        out.push(Styled::plain(when::day(lang, &at)));
        out.push(Styled::plain(when::clock(&at)));
    } else if let Some(raw) = &b.occurred_at {
        out.push(Styled::plain(raw.clone()));
    }
    if let Some(until) = b.occurred_until.as_deref().and_then(local) {
        let same_day = at.is_some_and(|at| at.date_naive() == until.date_naive());
        let text = if same_day {
            when::clock(&until)
        } else {
            when::date_time(lang, &until)
        };
        out.push(Styled::plain(format!(
            "{} {text}",
            lang.pick("〜", "until")
        )));
    } else if let Some(raw) = &b.occurred_until {
        out.push(Styled::plain(raw.clone()));
    }
    out
}

fn change_text(v: &ChangeValue) -> String {
    match v {
        ChangeValue::Int(n) => n.to_string(),
        ChangeValue::Text(s) if s.is_empty() => "—".to_string(),
        ChangeValue::Text(s) => s.clone(),
        ChangeValue::List(l) => l.join(", "),
    }
}

fn field_text(b: &Body, field: &str) -> String {
    match serde_json::to_value(b)
        .ok()
        .and_then(|v| v.get(field).cloned())
    {
        None | Some(serde_json::Value::Null) => "—".to_string(),
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .map(|x| {
                x.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| x.to_string())
            })
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    }
}

/// The cells of one timeline row.
fn row_of(v: &View, lang: Lang, tz: chrono_tz::Tz, exhibits: &super::csv::Exhibits) -> Row {
    let b = &v.effective;
    let voided = v.is_voided();
    let mut no = vec![Styled::bold(v.seq().to_string())];
    if v.is_corrected() {
        no.push(Styled::plain(lang.pick("訂正あり", "corrected")));
    }
    if voided {
        no.push(Styled::bold(lang.pick("【取消】", "[WITHDRAWN]")));
    }
    let mut means = vec![Styled {
        text: match b.kind {
            Kind::Contact => lang.means(b),
            Kind::Action => format!("{}: {}", lang.kind(b.kind), lang.means(b)),
            _ => lang.kind(b.kind).to_string(),
        },
        bold: b.kind == Kind::Action,
        ..Styled::default()
    }];
    if let Some(d) = b.direction {
        if d == crate::model::Direction::Outgoing {
            means.push(Styled::plain(lang.direction(d)));
        }
    }
    let mut who = Vec::new();
    if let Some(f) = &b.from {
        who.push(Styled::plain(f.clone()));
    }
    if let Some(a) = &b.address {
        who.push(Styled::plain(a.clone()));
    }
    if let Some(o) = &b.org {
        who.push(Styled::plain(o.clone()));
    }
    if let Some(t) = &b.to {
        who.push(Styled::plain(format!("{}: {t}", lang.pick("宛先", "to"))));
    }
    if let Some(w) = &b.with {
        who.push(Styled::plain(format!(
            "{}: {w}",
            lang.pick("相手方", "with")
        )));
    }
    let mut what = Vec::new();
    let mut push_what = |s: String| {
        what.push(Styled {
            text: s,
            strike: voided,
            ..Styled::default()
        })
    };
    if let Some(s) = &b.subject {
        push_what(format!("{}: {s}", lang.pick("件名", "Subject")));
    }
    if let Some(c) = &b.content {
        push_what(c.clone());
    }
    if let Some(n) = &b.notes {
        push_what(format!("{}: {n}", lang.pick("備考", "Note")));
    }
    if let Some(r) = &b.reference {
        push_what(format!("{}: {r}", lang.pick("受理番号・参照", "Reference")));
    }
    if let Some(p) = &b.place {
        push_what(crate::t_in!(lang, "export-pdf-place", place = p));
    }
    if !b.witnesses.is_empty() {
        push_what(crate::t_in!(
            lang,
            "export-pdf-witnesses",
            names = b.witnesses.join(", ")
        ));
    }
    if !b.tags.is_empty() {
        push_what(format!(
            "{}: {}",
            lang.pick("タグ", "Tags"),
            b.tags.join(", ")
        ));
    }
    // Corrections: the reason, and each value before and after.
    let mut before = v.stored.body.clone();
    for c in &v.corrections {
        what.push(Styled::bold(format!(
            "{} {}",
            match lang {
                Lang::Ja => format!("【訂正 第{}番】", c.seq),
                Lang::En => format!("[Corrected by entry {}]", c.seq),
            },
            c.body.reason.as_deref().unwrap_or("")
        )));
        if let Some(changes) = &c.body.changes {
            for (field, new) in changes {
                what.push(Styled::plain(format!(
                    "{field}: {} {} {}",
                    field_text(&before, field),
                    lang.pick("→", "->"),
                    change_text(new)
                )));
            }
            let _ = before.apply_changes(changes);
        }
    }
    if let Some(void) = &v.void {
        what.push(Styled::bold(format!(
            "{} {}",
            match lang {
                Lang::Ja => format!("【取消 第{}番】", void.seq),
                Lang::En => format!("[Withdrawn by entry {}]", void.seq),
            },
            void.body.reason.as_deref().unwrap_or("")
        )));
    }
    let mut n = Vec::new();
    if let Some(c) = b.count {
        n.push(Styled::plain(match lang {
            Lang::Ja => format!("{c}回"),
            Lang::En => format!("×{c}"),
        }));
    }
    if let Some(d) = b.duration_secs {
        n.push(Styled::plain(lang.duration(d)));
    }
    if let Some(o) = b.outcome {
        n.push(Styled::plain(lang.outcome(o)));
    }
    let evidence = v
        .evidence()
        .map(|f| match exhibits.get(&f.sha256) {
            Some(n) => Styled::plain(format!("[{n}]")),
            None => Styled::plain(f.name.clone()),
        })
        .collect();
    Row {
        cells: vec![no, when_lines(b, lang, tz), means, who, what, n, evidence],
        grey: b.kind == Kind::Action,
        seq: v.seq(),
    }
}

fn header_names(lang: Lang, zone: &str) -> Vec<String> {
    let mut names: Vec<String> = [
        ("番号", "No."),
        ("日時", "Date / time"),
        ("手段", "Channel"),
        ("相手・連絡先", "Who / address"),
        ("内容", "What happened"),
        ("回数・時間・結果", "Count / time / outcome"),
        ("証拠", "Evidence"),
    ]
    .iter()
    .map(|(ja, en)| lang.pick(ja, en).to_string())
    .collect();
    names[1] = crate::t_in!(lang, "export-pdf-col-when", zone = zone);
    names
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

fn evidence_header(lang: Lang) -> Vec<String> {
    [
        ("番号", "No."),
        ("ファイル名", "File name"),
        ("種類", "Type"),
        ("サイズ", "Size"),
        ("SHA-256", "SHA-256"),
        ("参照する記録", "Entries referring to it"),
    ]
    .iter()
    .map(|(ja, en)| lang.pick(ja, en).to_string())
    .collect()
}

/// One row of the evidence index.
fn exhibit_row(e: &crate::evidence::Exhibit, lang: Lang, tz: chrono_tz::Tz) -> Row {
    let mut refs = Vec::new();
    for r in &e.refs {
        let mut s = match lang {
            Lang::Ja => format!("第{}番", r.entry),
            Lang::En => format!("entry {}", r.entry),
        };
        if r.recorded_in != r.entry {
            s.push_str(&match lang {
                Lang::Ja => format!("（第{}番で追加）", r.recorded_in),
                Lang::En => format!(" (added by entry {})", r.recorded_in),
            });
        }
        if r.withdrawn {
            s.push_str(lang.pick("【取消】", " [withdrawn]"));
        }
        if r.name != e.name {
            s.push_str(&format!(": {}", r.name));
        }
        refs.push(Styled::plain(s));
    }
    let mut name = vec![Styled::plain(e.name.clone())];
    if let Some(t) = &e.modified_at {
        name.push(Styled::plain(format!(
            "{}: {}",
            lang.pick("更新日時", "modified"),
            super::when::stored(lang, t, tz)
        )));
    }
    let withdrawn = !e.refs.is_empty() && e.refs.iter().all(|r| r.withdrawn);
    let human = crate::evidence::human_size(e.size);
    let mut size = vec![Styled::plain(human.clone())];
    if human != format!("{} B", e.size) {
        size.push(Styled::plain(format!("{} B", e.size)));
    }
    Row {
        cells: vec![
            vec![Styled::bold(format!("[{}]", e.number))],
            name,
            vec![Styled::plain(e.media_type.clone())],
            size,
            // Two lines of 32 digits, always the same way.
            vec![
                Styled::fixed(e.sha256.get(..32).unwrap_or(&e.sha256).to_string()),
                Styled::fixed(e.sha256.get(32..).unwrap_or("").to_string()),
            ],
            refs,
        ],
        grey: withdrawn,
        seq: e.number as u64,
    }
}

/// The period the entries cover: first and last occurred time.
fn period(views: &[View]) -> Option<(String, String)> {
    let times: Vec<_> = views.iter().filter_map(|v| v.occurred()).collect();
    let first = times.iter().min()?;
    let last = times.iter().max()?;
    Some((
        first.format("%Y-%m-%d %H:%M").to_string(),
        last.format("%Y-%m-%d %H:%M").to_string(),
    ))
}

/// One timestamp on the cover: what it covers, when, by whom, and whether
/// it still matches the record.
fn anchor_text(a: &verify::AnchorCheck, lang: Lang) -> String {
    match (lang, a.ok) {
        (Lang::Ja, true) => format!(
            "第1〜{}番の記録が {} までに存在し、以後変更なし（TSA: {}。第{}番に記録）",
            a.covers_seq, a.gen_time, a.tsa, a.seq
        ),
        (Lang::En, true) => format!(
            "entries 1..{} existed unchanged by {} (TSA: {}; recorded as entry {})",
            a.covers_seq, a.gen_time, a.tsa, a.seq
        ),
        (Lang::Ja, false) => format!("検証失敗（第{}番のタイムスタンプ）: {}", a.seq, a.message),
        (Lang::En, false) => format!("FAILED (timestamp of entry {}): {}", a.seq, a.message),
    }
}

fn cover(c: &mut Canvas, case: &Case, views: &[View], report: &verify::Report, opts: &Options) {
    let lang = opts.lang;
    let meta = &case.meta;
    c.new_page();
    c.space(24.0);
    let y = c.y;
    c.text(
        MARGIN,
        y,
        20.0,
        lang.pick("証拠報告書", "Evidence report"),
        true,
    );
    c.space(14.0);
    let y = c.y;
    c.text(
        MARGIN,
        y,
        9.0,
        lang.pick(
            "迷惑な連絡の記録（改ざん検知つき）",
            "Record of unwanted contact attempts (tamper-evident)",
        ),
        false,
    );
    c.space(20.0);
    let tz = meta.tz;
    let generated = opts
        .generated_at
        .with_timezone(&tz)
        .format("%Y-%m-%d %H:%M:%S %:z")
        .to_string();
    let none = lang.pick("（記載なし）", "(not given)").to_string();
    let period_text = match period(views) {
        Some((a, b)) => format!("{a} {} {b}", lang.pick("〜", "to")),
        None => lang.pick("（記録なし）", "(no entries)").to_string(),
    };
    let verification = if report.intact {
        match lang {
            Lang::Ja => format!(
                "異常なし: 全{}件のハッシュ連鎖を作成時に検証し、改ざんは検出されませんでした。",
                report.entries
            ),
            Lang::En => format!(
                "Intact: the hash chain of all {} entries was verified when this report was made; no alteration was found.",
                report.entries
            ),
        }
    } else {
        // Problems in the chain, then timestamps that no longer match.
        let failed_anchors = report.anchors.iter().filter(|a| !a.ok);
        let count = report.problems.len() + failed_anchors.clone().count();
        let first: Vec<String> = report
            .problems
            .iter()
            .map(|p| p.message.clone())
            .chain(failed_anchors.map(|a| a.message.clone()))
            .take(5)
            .collect();
        match lang {
            Lang::Ja => format!(
                "問題あり: 作成時の検証で{}件の問題が見つかりました（{}）。",
                count,
                first.join("; ")
            ),
            Lang::En => format!(
                "NOT INTACT: verification found {} problem(s) when this report was made ({}).",
                count,
                first.join("; ")
            ),
        }
    };
    let head_seq = report.entries;
    let mut rows: Vec<(&str, String)> = vec![
        (
            lang.pick("事件名", "Case"),
            meta.title.clone().unwrap_or_else(|| none.clone()),
        ),
        (
            lang.pick("相手方", "Counterparty"),
            meta.counterparty.clone().unwrap_or_else(|| none.clone()),
        ),
        (
            lang.pick("記録者", "Recorded by"),
            meta.owner.clone().unwrap_or_else(|| none.clone()),
        ),
        (lang.pick("事件ID", "Case id"), meta.case_id.clone()),
        (lang.pick("対象期間", "Period covered"), period_text),
        (
            lang.pick("本書の件数", "Entries in this report"),
            match lang {
                Lang::Ja => format!("{}件（記録全体では{}件）", views.len(), report.entries),
                Lang::En => format!(
                    "{} (the whole record holds {} entries)",
                    views.len(),
                    report.entries
                ),
            },
        ),
        (lang.pick("作成日時", "Generated at"), generated),
        (lang.pick("時間帯", "Time zone"), tz.name().to_string()),
        (lang.pick("検証結果", "Verification"), verification),
        (
            lang.pick("最終ハッシュ値", "Head hash"),
            match lang {
                Lang::Ja => format!("第{head_seq}番: {}", report.head),
                Lang::En => format!("entry {head_seq}: {}", report.head),
            },
        ),
    ];
    for (i, a) in report.anchors.iter().enumerate() {
        let label = if i == 0 {
            lang.pick("タイムスタンプ", "Trusted timestamps")
        } else {
            ""
        };
        rows.push((label, anchor_text(a, lang)));
    }
    if let Some(f) = &opts.filter_text {
        rows.push((lang.pick("絞り込み", "Filter"), f.clone()));
    }
    let label_w = 100.0;
    for (label, value) in rows {
        let value = showable(c.font, &value);
        let lines = c.wrap(&value, BODY_W - label_w, 9.0);
        let y = c.y;
        c.text(MARGIN, y, 9.0, label, true);
        for l in lines {
            let y = c.y;
            c.text(MARGIN + label_w, y, 9.0, &l, false);
            c.space(13.0);
        }
        c.space(3.0);
    }
    c.space(10.0);
    let y = c.y;
    c.text(
        MARGIN,
        y,
        11.0,
        lang.pick("この記録の確かめ方", "How to check this record"),
        true,
    );
    c.space(4.0);
    let how = match lang {
        Lang::Ja => "この報告書は、記録ソフト kiroku の事件ファイルから作成されました。各記録には通し番号が付き、記録内容と直前の記録のハッシュ値（SHA-256）から計算したハッシュ値で前後の記録と連結されています（ハッシュチェーン）。記録を後から書き換え・削除・並べ替えると、その記録以降のハッシュ値が一致しなくなります。訂正や取消は元の記録を変えず、新しい記録として追加されます。確かめるには、同じ時に出力された JSONL ファイルを、kiroku とは独立した検証スクリプト verify_kiroku.py（Python 標準ライブラリのみで動作）で検証し、表示される件数と最終ハッシュ値が本書の表紙および各ページ下部の値と一致することを確認してください。事前に受け取った受領証（kiroku-receipt）があれば、その件数・ハッシュ値までの記録が変わっていないことも確認できます。",
        Lang::En => "This report was made from a kiroku case file. Every entry is numbered and linked to the one before it by a SHA-256 hash computed over its content and the previous entry's hash (a hash chain). Changing, deleting or reordering any entry afterwards makes every later hash disagree. Corrections and withdrawals never change an entry; they are added as new entries. To check, verify the JSONL file exported at the same time with verify_kiroku.py, a verifier independent of kiroku that needs only Python's standard library, and compare the number of entries and the head hash it prints with those on this cover and at the foot of every page. A receipt (kiroku-receipt) received earlier also proves that the entries up to its count and hash are unchanged.",
    };
    c.paragraph(how, 9.0, 13.0, false);
    if !report.anchors.is_empty() {
        c.space(4.0);
        let stamps = match lang {
            Lang::Ja => "この記録には RFC 3161 のタイムスタンプ（上記）が付いています。タイムスタンプ局（TSA）が、その時点の受領証（件数と最終ハッシュ値）の SHA-256 に時刻とともに署名したもので、その番号までの記録がその時刻までに存在し、以後変わっていないことを示します。証拠一式の timestamps フォルダのファイルを、TSA 自身から入手したルート証明書を使って openssl ts -verify で検証できます（手順は timestamps.txt にあります）。",
            Lang::En => "This record carries RFC 3161 timestamps (listed above): a timestamp authority (TSA) signed, with its time, the SHA-256 of a receipt for the record (entry count and head hash), which shows the entries up to that number existed by that time and have not changed since. The files in the bundle's timestamps folder can be checked with openssl ts -verify against the TSA's root certificate, obtained from the TSA itself (the steps are in timestamps.txt).",
        };
        c.paragraph(stamps, 9.0, 13.0, false);
    }
    c.space(8.0);
    let legend = match lang {
        Lang::Ja => "表の見方: 灰色の行は本人の対応（拒否の意思表示・ブロック・警察への相談など）です。【訂正】は後の記録による訂正で、理由と訂正前の値を示します。【取消】は後の記録で取り消された記録で、削除はされず取り消し線を付けて示します。日時は記録時の時差（例 +09:00）つきです。証拠欄の [N] は証拠一覧の番号（kiroku evidence list の番号）です。",
        Lang::En => "Reading the timeline: grey rows are the user's own actions (telling them to stop, blocking, reporting to police). [Corrected] marks a later correction, with its reason and the values it replaced. [Withdrawn] marks an entry withdrawn by a later entry: it is never removed, only struck through. Times carry their UTC offset (e.g. +09:00). [N] in the evidence column is the file's number in the evidence index (as in `kiroku evidence list`).",
    };
    c.paragraph(legend, 8.5, 12.0, false);
}

fn footer(pages: &mut [Vec<Op>], c: &Canvas, case_id: &str, head: &str, head_seq: u64, lang: Lang) {
    let total = pages.len();
    for (i, ops) in pages.iter_mut().enumerate() {
        let line1 = match lang {
            Lang::Ja => format!(
                "kiroku 証拠報告書 — 事件ID {case_id} — {} / {total} ページ",
                i + 1
            ),
            Lang::En => format!(
                "kiroku evidence report — case {case_id} — page {} of {total}",
                i + 1
            ),
        };
        let line2 = match lang {
            Lang::Ja => format!("最終ハッシュ値（第{head_seq}番）: {head}"),
            Lang::En => format!("Head hash (entry {head_seq}): {head}"),
        };
        let mut sub = Canvas::new(c.font, c.handle.clone());
        sub.line(MARGIN, 44.0, MARGIN + BODY_W, 44.0, 0.3);
        sub.text(MARGIN, 34.0, 7.0, &line1, false);
        sub.text(MARGIN, 24.0, 7.0, &line2, false);
        if let Some(mut extra) = sub.pages.pop() {
            ops.append(&mut extra);
        }
    }
}

/// Builds the report for the entries `filter` keeps.
pub fn build(case: &Case, filter: &Filter, opts: &Options) -> Result<Report> {
    let verification = verify::verify_case(case, &[])?;
    let mut views = Vec::new();
    timeline::for_each(case, filter, |v| {
        views.push(v.clone());
        Ok(())
    })?;
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
    let rows: Vec<Row> = views
        .iter()
        .map(|v| row_of(v, opts.lang, case.meta.tz, &exhibits))
        .collect();
    let kept: std::collections::HashSet<u64> = views.iter().map(|v| v.seq()).collect();
    let index_rows: Vec<Row> = catalogue
        .iter()
        .filter(|e| filter.is_empty() || e.refs.iter().any(|r| kept.contains(&r.entry)))
        .map(|e| exhibit_row(e, opts.lang, case.meta.tz))
        .collect();
    let filing_rows: Vec<super::exhibits::Row> =
        super::exhibits::list(&super::exhibits::Context {
            case,
            lang: opts.lang,
            prefix: opts.prefix,
        })?
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
    let chars = rows
        .iter()
        .chain(&index_rows)
        .chain(&filing_cells)
        .flat_map(|r| r.cells.iter().flatten())
        .flat_map(|s| s.text.chars())
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

    let mut doc = PdfDocument::new(&match opts.lang {
        Lang::Ja => format!(
            "証拠報告書 — {}",
            meta.title.as_deref().unwrap_or(&meta.case_id)
        ),
        Lang::En => format!(
            "Evidence report — {}",
            meta.title.as_deref().unwrap_or(&meta.case_id)
        ),
    });
    let handle = match font.builtin {
        Some(b) => PdfFontHandle::Builtin(b),
        None => PdfFontHandle::External(doc.add_font(&font.parsed)),
    };
    let producer = format!("kiroku {}", env!("CARGO_PKG_VERSION"));
    let created = printpdf::OffsetDateTime::from_unix_timestamp(opts.generated_at.timestamp())
        .map_err(|e| Error::internal(format!("PDF date: {e}")))?;
    {
        let info = &mut doc.metadata.info;
        info.producer = producer.clone();
        info.creator = producer;
        info.author = meta.owner.clone().unwrap_or_default();
        info.subject = format!("case {}", meta.case_id);
        info.identifier = meta.case_id.clone();
        info.creation_date = created;
        info.modification_date = created;
        info.metadata_date = created;
    }

    let mut canvas = Canvas::new(&font, handle);
    cover(&mut canvas, case, &views, &verification, opts);
    summary::draw(&mut canvas, &stats, opts.lang);
    summary::parties(&mut canvas, &stats, opts.lang);
    {
        let mut t = Table {
            canvas: &mut canvas,
            lang: opts.lang,
            title: opts.lang.pick("時系列表", "Timeline").to_string(),
            header: header_names(
                opts.lang,
                &super::when::zone_note(meta.tz, &opts.generated_at),
            ),
            cols: &COLS,
        };
        t.page_start();
        for row in &rows {
            t.row(&safe_row(&font, row));
        }
        if rows.is_empty() {
            let y = t.canvas.y - LEAD - PAD;
            let none = t.lang.pick("（該当する記録はありません）", "(no entries)");
            t.canvas.text(MARGIN + PAD, y, SIZE, none, false);
        }
    }
    if !index_rows.is_empty() {
        let mut t = Table {
            canvas: &mut canvas,
            lang: opts.lang,
            title: opts
                .lang
                .pick("証拠一覧（証拠説明書の基礎）", "Evidence index")
                .to_string(),
            header: evidence_header(opts.lang),
            cols: &EVIDENCE_COLS,
        };
        t.page_start();
        for row in &index_rows {
            t.row(&safe_row(&font, row));
        }
    }
    if !filing_rows.is_empty() {
        filing::exhibit_list(&mut canvas, &filing_rows, opts.lang);
    }
    let durations: std::collections::HashMap<u64, u64> = views
        .iter()
        .filter_map(|v| v.effective.duration_secs.map(|d| (v.seq(), d)))
        .collect();
    for r in &filing_rows {
        filing::transcript(
            &mut canvas,
            r,
            durations.get(&r.entry).copied(),
            opts.lang,
            meta.tz,
        );
    }
    let mut pages = std::mem::take(&mut canvas.pages);
    footer(
        &mut pages,
        &canvas,
        &meta.case_id,
        &verification.head,
        verification.entries,
        opts.lang,
    );
    let count = pages.len();
    let pdf_pages: Vec<PdfPage> = pages
        .into_iter()
        .map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops))
        .collect();
    doc.with_pages(pdf_pages);
    let save = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();
    let bytes = doc.save(&save, &mut warnings);
    Ok(Report {
        bytes,
        pages: count,
        entries: views.len() as u64,
        font: font.source.clone(),
    })
}
