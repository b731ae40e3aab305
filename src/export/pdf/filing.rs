//! The sections of the report a lawyer files: the exhibit list
//! (証拠説明書, in the court's column order) and one transcript (反訳書)
//! per transcribed recording.

use super::{showable, Canvas, Row, Styled, Table, BODY_W, MARGIN};
use crate::export::exhibits::{self, Row as Exhibit};
use crate::export::lang::Lang;
use crate::export::when;
use crate::t_in;

/// 号証, 標目, 原本・写しの別, 作成年月日, 作成者, 立証趣旨, 備考.
pub const EXHIBIT_COLS: [f32; 7] = [40.0, 86.0, 34.0, 54.0, 56.0, 80.28, 165.0];

/// Utterance number, speaker, what was said.
pub const TRANSCRIPT_COLS: [f32; 3] = [30.0, 80.0, BODY_W - 110.0];

pub fn exhibit_header(lang: Lang) -> Vec<String> {
    crate::export::xlsx::exhibit_headings(lang)
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}

/// One row of the exhibit list; the SHA-256 in two lines of 32.
pub fn exhibit_row(r: &Exhibit, lang: Lang) -> Row {
    let sha = &r.file.sha256;
    Row {
        cells: vec![
            vec![Styled::bold(r.label.clone())],
            vec![Styled::plain(r.title.clone())],
            vec![Styled::plain(exhibits::original_word(lang, r.original))],
            vec![Styled::plain(
                r.made_on.map(|d| when::date(lang, d)).unwrap_or_default(),
            )],
            vec![Styled::plain(r.made_by.clone())],
            vec![Styled::plain(r.purpose.clone())],
            vec![
                Styled::plain(t_in!(
                    lang,
                    "export-pdf-ex-file",
                    number = r.file.number,
                    name = r.file.name.clone(),
                    entry = r.entry
                )),
                Styled::fixed(sha.get(..32).unwrap_or(sha).to_string()),
                Styled::fixed(sha.get(32..).unwrap_or("").to_string()),
            ],
        ],
        grey: false,
        seq: r.main as u64,
    }
}

/// Draws the exhibit list from a new page.
pub fn exhibit_list(canvas: &mut Canvas, rows: &[Exhibit], lang: Lang) {
    let mut t = Table {
        canvas,
        lang,
        title: t_in!(lang, "export-pdf-exhibit-list"),
        header: exhibit_header(lang),
        cols: &EXHIBIT_COLS,
    };
    t.page_start();
    for r in rows {
        let row = super::safe_row(t.canvas.font, &exhibit_row(r, lang));
        t.row(&row);
    }
}

/// One transcript (反訳書) from a new page: the recording, who
/// transcribed it and when, then the numbered utterances.
pub fn transcript(
    canvas: &mut Canvas,
    r: &Exhibit,
    duration: Option<u64>,
    lang: Lang,
    tz: chrono_tz::Tz,
) {
    let Some(tr) = &r.transcript else { return };
    canvas.new_page();
    canvas.space(16.0);
    let y = canvas.y;
    let title = t_in!(lang, "export-pdf-transcript-title", label = r.label.clone());
    canvas.text(MARGIN, y, 16.0, &showable(canvas.font, &title), true);
    canvas.space(26.0);
    let sha = &r.file.sha256;
    let mut facts: Vec<(String, String)> = vec![
        (
            t_in!(lang, "export-pdf-transcript-file"),
            format!("{} [{}]", r.file.name, r.file.number),
        ),
        (
            t_in!(lang, "export-pdf-transcript-sha"),
            sha.get(..32).unwrap_or(sha).to_string(),
        ),
        (String::new(), sha.get(32..).unwrap_or("").to_string()),
        (
            t_in!(lang, "export-pdf-transcript-length"),
            match duration {
                Some(d) => t_in!(
                    lang,
                    "export-pdf-transcript-length-value",
                    duration = lang.duration(d),
                    size = crate::evidence::human_size(r.file.size)
                ),
                None => crate::evidence::human_size(r.file.size),
            },
        ),
        (
            t_in!(lang, "export-pdf-transcript-title-col"),
            r.title.clone(),
        ),
        (
            t_in!(lang, "export-pdf-transcript-by"),
            tr.by
                .clone()
                .unwrap_or_else(|| t_in!(lang, "export-pdf-not-given")),
        ),
        (
            t_in!(lang, "export-pdf-transcript-at"),
            t_in!(
                lang,
                "export-pdf-transcript-at-value",
                time = when::stored(lang, &tr.recorded_at, tz),
                seq = tr.seq
            ),
        ),
    ];
    if !tr.replaces.is_empty() {
        facts.push((
            t_in!(lang, "export-pdf-transcript-replaces"),
            tr.replaces
                .iter()
                .map(|s| t_in!(lang, "export-pdf-entry", seq = *s))
                .collect::<Vec<_>>()
                .join(", "),
        ));
    }
    let label_w = 110.0;
    for (label, value) in facts {
        let value = showable(canvas.font, &value);
        let y = canvas.y;
        canvas.text(MARGIN, y, 9.0, &showable(canvas.font, &label), true);
        for l in canvas.wrap(&value, BODY_W - label_w, 9.0) {
            let y = canvas.y;
            canvas.text(MARGIN + label_w, y, 9.0, &l, false);
            canvas.space(12.0);
        }
    }
    let mut t = Table {
        canvas,
        lang,
        title: String::new(),
        header: vec![
            t_in!(lang, "export-pdf-transcript-col-no"),
            t_in!(lang, "export-pdf-transcript-col-speaker"),
            t_in!(lang, "export-pdf-transcript-col-text"),
        ],
        cols: &TRANSCRIPT_COLS,
    };
    t.begin_here();
    for (i, u) in tr.utterances.iter().enumerate() {
        let row = Row {
            cells: vec![
                vec![Styled::plain((i + 1).to_string())],
                vec![Styled::plain(u.speaker.clone())],
                vec![Styled::plain(u.text.clone())],
            ],
            grey: false,
            seq: (i + 1) as u64,
        };
        let row = super::safe_row(t.canvas.font, &row);
        t.row(&row);
    }
}
