//! The rows of the report's tables: the timeline (one row per entry) and
//! the evidence index, as styled cell lines before wrapping.

use chrono::Utc;

use super::words::Words;
use super::{Row, Styled};
use crate::export::lang::Lang;
use crate::model::{Body, ChangeValue, Kind};
use crate::view::View;

/// The date (with weekday) and time of an entry in the case's zone; the
/// zone is named once, in the column heading.
fn when_lines(b: &Body, w: &Words, tz: chrono_tz::Tz) -> Vec<Styled> {
    let lang = w.lang;
    use crate::export::when;
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
        out.push(Styled::plain(w.until.fill(&[&text])));
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
pub(super) fn row_of(
    v: &View,
    w: &Words,
    tz: chrono_tz::Tz,
    exhibits: &crate::export::csv::Exhibits,
) -> Row {
    let lang = w.lang;
    let b = &v.effective;
    let voided = v.is_voided();
    let mut no = vec![Styled::bold(v.seq().to_string())];
    if v.is_corrected() {
        no.push(Styled::plain(w.corrected.clone()));
    }
    if voided {
        no.push(Styled::bold(w.withdrawn.clone()));
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
        who.push(Styled::plain(w.to.fill(&[t])));
    }
    if let Some(with) = &b.with {
        who.push(Styled::plain(w.with.fill(&[with])));
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
        push_what(w.subject.fill(&[s]));
    }
    if let Some(c) = &b.content {
        push_what(c.clone());
    }
    if let Some(n) = &b.notes {
        push_what(w.note.fill(&[n]));
    }
    if let Some(r) = &b.reference {
        push_what(w.reference.fill(&[r]));
    }
    if let Some(p) = &b.place {
        push_what(w.place.fill(&[p]));
    }
    if !b.witnesses.is_empty() {
        push_what(w.witnesses.fill(&[&b.witnesses.join(", ")]));
    }
    if !b.tags.is_empty() {
        push_what(w.tags.fill(&[&b.tags.join(", ")]));
    }
    // Corrections: the reason, and each value before and after.
    let mut before = v.stored.body.clone();
    for c in &v.corrections {
        what.push(Styled::bold(w.corrected_by.fill(&[
            &c.seq.to_string(),
            c.body.reason.as_deref().unwrap_or(""),
        ])));
        if let Some(changes) = &c.body.changes {
            for (field, new) in changes {
                what.push(Styled::plain(w.change.fill(&[
                    field,
                    &field_text(&before, field),
                    &change_text(new),
                ])));
            }
            let _ = before.apply_changes(changes);
        }
    }
    if let Some(void) = &v.void {
        what.push(Styled::bold(w.withdrawn_by.fill(&[
            &void.seq.to_string(),
            void.body.reason.as_deref().unwrap_or(""),
        ])));
    }
    let mut n = Vec::new();
    if let Some(c) = b.count {
        n.push(Styled::plain(w.count.fill(&[&c.to_string()])));
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
        cells: vec![no, when_lines(b, w, tz), means, who, what, n, evidence],
        grey: b.kind == Kind::Action,
        seq: v.seq(),
    }
}

pub(super) fn header_names(lang: Lang, zone: &str) -> Vec<String> {
    vec![
        crate::t_in!(lang, "report-col-no"),
        crate::t_in!(lang, "export-pdf-col-when", zone = zone),
        crate::t_in!(lang, "report-col-means"),
        crate::t_in!(lang, "report-col-who"),
        crate::t_in!(lang, "report-col-what"),
        crate::t_in!(lang, "report-col-count"),
        crate::t_in!(lang, "report-col-evidence"),
    ]
}

pub(super) fn evidence_header(lang: Lang) -> Vec<String> {
    vec![
        crate::t_in!(lang, "report-ix-col-no"),
        crate::t_in!(lang, "report-ix-col-name"),
        crate::t_in!(lang, "report-ix-col-type"),
        crate::t_in!(lang, "report-ix-col-size"),
        crate::t_in!(lang, "report-ix-col-sha"),
        crate::t_in!(lang, "report-ix-col-refs"),
    ]
}

/// One row of the evidence index.
pub(super) fn exhibit_row(e: &crate::evidence::Exhibit, w: &Words, tz: chrono_tz::Tz) -> Row {
    let mut refs = Vec::new();
    for r in &e.refs {
        let mut s = w.ix_entry.fill(&[&r.entry.to_string()]);
        if r.recorded_in != r.entry {
            s.push_str(&w.ix_added_by.fill(&[&r.recorded_in.to_string()]));
        }
        if r.withdrawn {
            s.push_str(&w.ix_withdrawn);
        }
        if r.name != e.name {
            s.push_str(&format!(": {}", r.name));
        }
        refs.push(Styled::plain(s));
    }
    let mut name = vec![Styled::plain(e.name.clone())];
    if let Some(t) = &e.modified_at {
        name.push(Styled::plain(
            w.ix_modified
                .fill(&[&crate::export::when::stored(w.lang, t, tz)]),
        ));
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
