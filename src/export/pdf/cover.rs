//! The report's cover: the case, the period, when the report was made,
//! the verification result with the head hash, trusted timestamps, and how
//! to check the record.

use chrono::{DateTime, FixedOffset};

use super::{showable, Canvas, Options, BODY_W, MARGIN};
use crate::export::lang::Lang;
use crate::export::when;
use crate::store::Case;
use crate::t_in;
use crate::verify;

/// What the cover says about the entries in the report.
#[derive(Default)]
pub(super) struct Extent {
    pub(super) entries: u64,
    pub(super) first: Option<DateTime<FixedOffset>>,
    pub(super) last: Option<DateTime<FixedOffset>>,
}

impl Extent {
    pub(super) fn add(&mut self, at: Option<DateTime<FixedOffset>>) {
        self.entries += 1;
        if let Some(t) = at {
            if self.first.is_none_or(|f| t < f) {
                self.first = Some(t);
            }
            if self.last.is_none_or(|l| t >= l) {
                self.last = Some(t);
            }
        }
    }
}

/// The period the entries cover, in the case's zone.
fn period(extent: &Extent, lang: Lang, tz: chrono_tz::Tz) -> Option<String> {
    let at = |t: DateTime<FixedOffset>| when::date_time(lang, &when::in_zone(&t.to_utc(), tz));
    let (first, last) = (extent.first?, extent.last?);
    Some(t_in!(
        lang,
        "report-period",
        from = at(first),
        until = at(last)
    ))
}

/// One timestamp on the cover: what it covers, when, by whom, and whether
/// it still matches the record.
fn anchor_text(a: &verify::AnchorCheck, lang: Lang, tz: chrono_tz::Tz) -> String {
    if a.ok {
        t_in!(
            lang,
            "report-anchor-ok",
            covers = a.covers_seq,
            time = when::stored(lang, &a.gen_time, tz),
            tsa = a.tsa.as_str(),
            seq = a.seq
        )
    } else {
        t_in!(
            lang,
            "report-anchor-failed",
            seq = a.seq,
            message = a.message.as_str()
        )
    }
}

/// The verification result at export time.
fn verification_text(report: &verify::Report, lang: Lang) -> String {
    if report.intact {
        return t_in!(lang, "report-intact", entries = report.entries);
    }
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
    t_in!(
        lang,
        "report-not-intact",
        count = count,
        first = first.join("; ")
    )
}

pub(super) fn cover(
    c: &mut Canvas,
    case: &Case,
    extent: &Extent,
    report: &verify::Report,
    opts: &Options,
) {
    let lang = opts.lang;
    let meta = &case.meta;
    let tz = meta.tz;
    c.new_page();
    c.space(24.0);
    let y = c.y;
    c.text(MARGIN, y, 20.0, &t_in!(lang, "report-title"), true);
    c.space(14.0);
    let y = c.y;
    c.text(MARGIN, y, 9.0, &t_in!(lang, "report-subtitle"), false);
    c.space(20.0);
    let none = t_in!(lang, "export-pdf-not-given");
    let head_seq = report.entries;
    let mut rows: Vec<(String, String)> = vec![
        (
            t_in!(lang, "report-label-case"),
            meta.title.clone().unwrap_or_else(|| none.clone()),
        ),
        (
            t_in!(lang, "report-label-counterparty"),
            meta.counterparty.clone().unwrap_or_else(|| none.clone()),
        ),
        (
            t_in!(lang, "report-label-owner"),
            meta.owner.clone().unwrap_or_else(|| none.clone()),
        ),
        (t_in!(lang, "report-label-case-id"), meta.case_id.clone()),
        (
            t_in!(lang, "report-label-period"),
            period(extent, lang, tz).unwrap_or_else(|| t_in!(lang, "report-period-none")),
        ),
        (
            t_in!(lang, "report-label-entries"),
            t_in!(
                lang,
                "report-entries-value",
                shown = extent.entries,
                total = report.entries
            ),
        ),
        (
            t_in!(lang, "report-label-generated"),
            when::date_time(lang, &when::in_zone(&opts.generated_at, tz)),
        ),
        (
            t_in!(lang, "report-label-zone"),
            when::zone_note(tz, &opts.generated_at),
        ),
        (
            t_in!(lang, "report-label-verification"),
            verification_text(report, lang),
        ),
        (
            t_in!(lang, "report-label-head"),
            t_in!(
                lang,
                "report-head-value",
                seq = head_seq,
                head = report.head.as_str()
            ),
        ),
    ];
    for (i, a) in report.anchors.iter().enumerate() {
        let label = if i == 0 {
            t_in!(lang, "report-label-timestamps")
        } else {
            String::new()
        };
        rows.push((label, anchor_text(a, lang, tz)));
    }
    if let Some(f) = &opts.filter_text {
        rows.push((t_in!(lang, "report-label-filter"), f.clone()));
    }
    let label_w = 100.0;
    for (label, value) in rows {
        let value = showable(c.font, &value);
        let lines = c.wrap(&value, BODY_W - label_w, 9.0);
        let y = c.y;
        c.text(MARGIN, y, 9.0, &label, true);
        for l in lines {
            let y = c.y;
            c.text(MARGIN + label_w, y, 9.0, &l, false);
            c.space(13.0);
        }
        c.space(3.0);
    }
    c.space(10.0);
    let y = c.y;
    c.text(MARGIN, y, 11.0, &t_in!(lang, "report-how-title"), true);
    c.space(4.0);
    c.paragraph(&t_in!(lang, "report-how"), 9.0, 13.0, false);
    if !report.anchors.is_empty() {
        c.space(4.0);
        c.paragraph(&t_in!(lang, "report-stamps"), 9.0, 13.0, false);
    }
    c.space(8.0);
    c.paragraph(&t_in!(lang, "report-legend"), 8.5, 12.0, false);
}
