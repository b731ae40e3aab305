//! The report's summary page(s): the figures of `kiroku stats` for the
//! same entries — totals, attempts per week by channel as a drawn bar
//! chart (vector graphics), top senders and addresses, the rate before and
//! after each refusal or block, and the time-of-day pattern.

use super::{Canvas, Row, Styled, Table, BODY_W, BOTTOM, MARGIN};
use crate::export::lang::Lang;
use crate::model::Channel;
use crate::stats::{Seen, Stats};

/// Channels in chart order; `None` is "no channel recorded".
fn chart_channels() -> Vec<Option<Channel>> {
    Channel::ALL
        .iter()
        .copied()
        .map(Some)
        .chain([None])
        .collect()
}

fn channel_name(c: Option<Channel>, lang: Lang) -> &'static str {
    match c {
        Some(c) => lang.channel(c),
        None => lang.pick("不明", "unknown"),
    }
}

/// Grey levels for the channels present, darkest first.
fn levels(n: usize) -> Vec<f32> {
    (0..n)
        .map(|i| {
            if n <= 1 {
                0.3
            } else {
                0.1 + 0.8 * i as f32 / (n - 1) as f32
            }
        })
        .collect()
}

fn heading(c: &mut Canvas, text: &str) {
    if c.y - 40.0 < BOTTOM {
        c.new_page();
    }
    c.space(16.0);
    let y = c.y;
    c.text(MARGIN, y, 11.0, text, true);
    c.space(6.0);
}

fn line(c: &mut Canvas, text: &str) {
    let text = super::showable(c.font, text);
    for l in c.wrap(&text, BODY_W, 8.5) {
        if c.y - 12.0 < BOTTOM {
            c.new_page();
        }
        c.space(12.0);
        let y = c.y;
        c.text(MARGIN, y, 8.5, &l, false);
    }
}

/// Attempts per period, stacked by channel, with a legend.
fn bar_chart(c: &mut Canvas, stats: &Stats, lang: Lang) {
    let periods = &stats.periods;
    if periods.is_empty() {
        return;
    }
    let present: Vec<Option<Channel>> = chart_channels()
        .into_iter()
        .filter(|ch| periods.iter().any(|p| p.by_channel.get(*ch) > 0))
        .collect();
    let shades = levels(present.len());
    let max = periods.iter().map(|p| p.attempts).max().unwrap_or(0).max(1);
    let chart_h = 150.0;
    let axis_w = 28.0;
    let need = chart_h + 60.0;
    if c.y - need < BOTTOM {
        c.new_page();
    }
    c.space(8.0);
    let top = c.y;
    let base = top - chart_h;
    let left = MARGIN + axis_w;
    let width = BODY_W - axis_w;
    let slot = width / periods.len() as f32;
    let bar = (slot * 0.8).clamp(0.5, 36.0);
    // Axis and scale.
    c.line(left, base, left + width, base, 0.6);
    c.line(left, base, left, top, 0.6);
    // Whole-number ticks: 0, half (when whole) and the maximum.
    let mut ticks = vec![0, max];
    if max >= 4 && max % 2 == 0 {
        ticks.push(max / 2);
    }
    for v in ticks {
        let y = base + chart_h * v as f32 / max as f32;
        c.line(left - 3.0, y, left, y, 0.4);
        c.text(MARGIN, y - 2.5, 7.0, &v.to_string(), false);
    }
    for (i, p) in periods.iter().enumerate() {
        let x = left + i as f32 * slot + (slot - bar) / 2.0;
        let mut y = base;
        for (k, ch) in present.iter().enumerate() {
            let n = p.by_channel.get(*ch);
            if n == 0 {
                continue;
            }
            let h = chart_h * n as f32 / max as f32;
            c.fill(x, y, bar, h, shades[k]);
            y += h;
        }
    }
    // Labels: first, middle and last period.
    let picks = [0, periods.len() / 2, periods.len() - 1];
    let mut last_x = f32::MIN;
    for i in picks {
        let x = left + i as f32 * slot;
        if x < last_x + 60.0 {
            continue;
        }
        c.text(x, base - 10.0, 7.0, &periods[i].start, false);
        last_x = x;
    }
    // Legend.
    let mut x = left;
    let ly = base - 24.0;
    for (k, ch) in present.iter().enumerate() {
        let name = channel_name(*ch, lang);
        c.fill(x, ly, 8.0, 8.0, shades[k]);
        c.text(x + 11.0, ly + 1.0, 7.5, name, false);
        x += 11.0 + c.font.text_width(name, 7.5) + 12.0;
    }
    c.y = ly - 8.0;
}

/// Attempts by hour of day as 24 small bars.
fn hours(c: &mut Canvas, stats: &Stats) {
    let max = stats.hour_of_day.iter().copied().max().unwrap_or(0).max(1);
    let chart_h = 60.0;
    if c.y - chart_h - 30.0 < BOTTOM {
        c.new_page();
    }
    c.space(8.0);
    let top = c.y;
    let base = top - chart_h;
    let slot = BODY_W / 24.0;
    c.line(MARGIN, base, MARGIN + BODY_W, base, 0.6);
    for (h, n) in stats.hour_of_day.iter().enumerate() {
        let x = MARGIN + h as f32 * slot;
        if *n > 0 {
            let bh = chart_h * *n as f32 / max as f32;
            c.fill(x + slot * 0.15, base, slot * 0.7, bh, 0.35);
            c.text(x + slot * 0.2, base + bh + 2.0, 6.0, &n.to_string(), false);
        }
        c.text(x + slot * 0.25, base - 9.0, 6.5, &format!("{h}"), false);
    }
    c.y = base - 14.0;
}

/// Adds the summary section after the cover.
pub(super) fn draw(c: &mut Canvas, stats: &Stats, lang: Lang) {
    c.new_page();
    c.space(12.0);
    let y = c.y;
    c.text(MARGIN, y, 14.0, lang.pick("概要（統計）", "Summary"), true);
    c.space(4.0);
    let t = &stats.totals;
    let none = lang.pick("—", "—");
    heading(c, lang.pick("合計", "Totals"));
    line(
        c,
        &match lang {
            Lang::Ja => format!(
                "連絡の記録 {}件、連絡の回数 {}回（最初 {}、最後 {}）。期間 {}日のうち {}日に連絡あり。時間帯 {}。",
                t.contacts,
                t.attempts,
                t.first_contact.as_deref().unwrap_or(none),
                t.last_contact.as_deref().unwrap_or(none),
                t.days_covered,
                t.days_with_contact,
                stats.time_zone
            ),
            Lang::En => format!(
                "{} contact entries, {} attempts (first {}, last {}); contact on {} of {} days. Time zone {}.",
                t.contacts,
                t.attempts,
                t.first_contact.as_deref().unwrap_or(none),
                t.last_contact.as_deref().unwrap_or(none),
                t.days_with_contact,
                t.days_covered,
                stats.time_zone
            ),
        },
    );
    let by: Vec<String> = chart_channels()
        .into_iter()
        .filter_map(|ch| {
            let n = t.by_channel.get(ch);
            (n > 0).then(|| format!("{} {n}", channel_name(ch, lang)))
        })
        .collect();
    if !by.is_empty() {
        line(
            c,
            &format!("{}: {}", lang.pick("手段別", "By channel"), by.join(", ")),
        );
    }
    if let Some(d) = &stats.busiest_day {
        line(
            c,
            &match lang {
                Lang::Ja => format!("最も多い日: {}（{}回）", d.date, d.attempts),
                Lang::En => format!("Busiest day: {} ({} attempts)", d.date, d.attempts),
            },
        );
    }
    heading(
        c,
        lang.pick(
            "期間ごとの連絡回数（手段別）",
            "Attempts per period by channel",
        ),
    );
    bar_chart(c, stats, lang);
    heading(
        c,
        lang.pick("時間帯別の連絡回数", "Attempts by hour of day"),
    );
    hours(c, stats);

    if !stats.actions.is_empty() {
        heading(
            c,
            lang.pick(
                "拒否・ブロック等の前後の連絡頻度（週あたり）",
                "Rate before and after each action (per week)",
            ),
        );
        for a in &stats.actions {
            line(
                c,
                &match lang {
                    Lang::Ja => format!(
                        "第{}番 {} {}: 前 {}回（週{:.2}回） → 後 {}回（週{:.2}回）",
                        a.seq,
                        a.at,
                        lang.action(a.action),
                        a.before.attempts,
                        a.before.per_week,
                        a.after.attempts,
                        a.after.per_week
                    ),
                    Lang::En => format!(
                        "Entry {} {} {}: before {} ({:.2}/week) -> after {} ({:.2}/week)",
                        a.seq,
                        a.at,
                        lang.action(a.action),
                        a.before.attempts,
                        a.before.per_week,
                        a.after.attempts,
                        a.after.per_week
                    ),
                },
            );
        }
    }
}

/// A channel name from the figures (`phone`, `unknown`…) in `lang`.
fn channel_word(name: &str, lang: Lang) -> &'static str {
    let ch = Channel::ALL.iter().copied().find(|c| c.as_str() == name);
    channel_name(ch, lang)
}

fn seen_row(first: Vec<Styled>, seen: &Seen, grey: bool, lang: Lang) -> Row {
    let channels: Vec<&str> = seen
        .channels
        .iter()
        .map(|c| channel_word(c, lang))
        .collect();
    Row {
        cells: vec![
            first,
            vec![Styled::plain(seen.contacts.to_string())],
            vec![Styled::plain(seen.attempts.to_string())],
            vec![Styled::plain(channels.join(", "))],
            vec![
                Styled::plain(seen.first_seen.clone()),
                Styled::plain(format!("{} {}", lang.pick("〜", "to"), seen.last_seen)),
            ],
        ],
        grey,
        seq: 0,
    }
}

/// The top senders and addresses as tables (up to ten each).
pub(super) fn parties(c: &mut Canvas, stats: &Stats, lang: Lang) {
    let mut senders = Vec::new();
    for s in stats.senders.iter().take(10) {
        let name = s
            .name
            .clone()
            .unwrap_or_else(|| lang.pick("（名前なし）", "(no name)").into());
        senders.push(seen_row(vec![Styled::plain(name)], &s.seen, false, lang));
    }
    let mut addresses = Vec::new();
    for a in stats.addresses.iter().take(10) {
        let mut first =
            vec![Styled::plain(a.address.clone().unwrap_or_else(|| {
                lang.pick("（連絡先なし）", "(no address)").into()
            }))];
        if let Some(b) = a.new_after_block {
            first.push(Styled::bold(match lang {
                Lang::Ja => format!("第{b}番のブロック後に新たに出現"),
                Lang::En => format!("new after the block in entry {b}"),
            }));
        }
        addresses.push(seen_row(first, &a.seen, a.new_after_block.is_some(), lang));
    }
    let tables = [
        (
            lang.pick("主な相手（上位10件）", "Top senders (up to 10)"),
            lang.pick("相手", "Sender"),
            senders,
        ),
        (
            lang.pick("主な連絡先（上位10件）", "Top addresses (up to 10)"),
            lang.pick("番号・アドレス・アカウント", "Number, address or account"),
            addresses,
        ),
    ];
    for (title, first, rows) in tables {
        if rows.is_empty() {
            continue;
        }
        let header: Vec<String> = [
            (first, first),
            ("記録数", "Entries"),
            ("回数", "Attempts"),
            ("手段", "Channels"),
            ("最初 〜 最後", "First to last"),
        ]
        .iter()
        .map(|(j, e)| lang.pick(j, e).to_string())
        .collect();
        let font = c.font;
        let mut t = Table {
            canvas: &mut *c,
            lang,
            title: title.to_string(),
            header,
            cols: &[150.0, 55.0, 55.0, 110.0, 145.28],
        };
        t.begin_here();
        for r in &rows {
            t.row(&super::safe_row(font, r));
        }
    }
}
