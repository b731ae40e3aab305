//! The rows of the report's tables: the timeline (one row per entry) and
//! the evidence index, as styled cell lines before wrapping.

use chrono::Utc;

use super::{Row, Styled};
use crate::export::lang::Lang;
use crate::model::{Body, ChangeValue, Kind};
use crate::view::View;

/// The date (with weekday) and time of an entry in the case's zone; the
/// zone is named once, in the column heading.
fn when_lines(b: &Body, lang: Lang, tz: chrono_tz::Tz) -> Vec<Styled> {
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
pub(super) fn row_of(
    v: &View,
    lang: Lang,
    tz: chrono_tz::Tz,
    exhibits: &crate::export::csv::Exhibits,
) -> Row {
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

pub(super) fn header_names(lang: Lang, zone: &str) -> Vec<String> {
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

pub(super) fn evidence_header(lang: Lang) -> Vec<String> {
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
pub(super) fn exhibit_row(e: &crate::evidence::Exhibit, lang: Lang, tz: chrono_tz::Tz) -> Row {
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
            crate::export::when::stored(lang, t, tz)
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
