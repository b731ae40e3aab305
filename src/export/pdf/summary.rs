//! The report's summary page(s): the figures of `kiroku stats` for the
//! same entries — totals, attempts per week by channel as a drawn bar
//! chart (vector graphics), top senders and addresses, the rate before and
//! after each refusal or block, and the time-of-day pattern.

use super::{Canvas, Row, Styled, Table, BODY_W, BOTTOM, MARGIN};
use crate::export::lang::Lang;
use crate::export::when;
use crate::model::Channel;
use crate::stats::{Seen, Stats};
use crate::t_in;
use chrono_tz::Tz;

/// Channels in chart order; `None` is "no channel recorded".
fn chart_channels() -> Vec<Option<Channel>> {
    Channel::ALL
        .iter()
        .copied()
        .map(Some)
        .chain([None])
        .collect()
}

fn channel_name(c: Option<Channel>, lang: Lang) -> String {
    match c {
        Some(c) => lang.channel(c).to_string(),
        None => t_in!(lang, "report-channel-unknown"),
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
        c.text(x + 11.0, ly + 1.0, 7.5, &name, false);
        x += 11.0 + c.font.text_width(&name, 7.5) + 12.0;
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

/// A stored time (RFC 3339) as people read it, in the case's zone.
fn time_text(lang: Lang, text: &str, tz: Tz) -> String {
    when::stored(lang, text, tz)
}

/// A date (`2026-10-05`) as people read it, with its weekday.
fn date_text(lang: Lang, text: &str) -> String {
    match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(d) => when::day_of(lang, d),
        Err(_) => text.to_string(),
    }
}

/// Adds the summary section after the cover.
pub(super) fn draw(c: &mut Canvas, stats: &Stats, lang: Lang, tz: Tz) {
    c.new_page();
    c.space(12.0);
    let y = c.y;
    c.text(MARGIN, y, 14.0, &t_in!(lang, "report-summary-title"), true);
    c.space(4.0);
    let t = &stats.totals;
    let none = "—";
    heading(c, &t_in!(lang, "report-totals-title"));
    line(
        c,
        &t_in!(
            lang,
            "report-totals",
            contacts = t.contacts,
            attempts = t.attempts,
            first = t
                .first_contact
                .as_deref()
                .map_or(none.to_string(), |s| time_text(lang, s, tz)),
            last = t
                .last_contact
                .as_deref()
                .map_or(none.to_string(), |s| time_text(lang, s, tz)),
            days = t.days_covered,
            days_with = t.days_with_contact,
            zone = stats.time_zone.as_str()
        ),
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
            &t_in!(
                lang,
                "report-by-channel",
                list = by.join(&t_in!(lang, "report-list-sep"))
            ),
        );
    }
    if let Some(d) = &stats.busiest_day {
        line(
            c,
            &t_in!(
                lang,
                "report-busiest-day",
                date = date_text(lang, &d.date),
                attempts = d.attempts
            ),
        );
    }
    heading(c, &t_in!(lang, "report-chart-title"));
    bar_chart(c, stats, lang);
    heading(c, &t_in!(lang, "report-hours-title"));
    hours(c, stats);

    if !stats.actions.is_empty() {
        heading(c, &t_in!(lang, "report-rate-title"));
        for a in &stats.actions {
            line(
                c,
                &t_in!(
                    lang,
                    "report-rate-line",
                    seq = a.seq,
                    time = time_text(lang, &a.at, tz),
                    action = lang.action(a.action),
                    before = a.before.attempts,
                    before_rate = format!("{:.2}", a.before.per_week),
                    after = a.after.attempts,
                    after_rate = format!("{:.2}", a.after.per_week)
                ),
            );
        }
    }
}

/// A channel name from the figures (`phone`, `unknown`…) in `lang`.
fn channel_word(name: &str, lang: Lang) -> String {
    let ch = Channel::ALL.iter().copied().find(|c| c.as_str() == name);
    channel_name(ch, lang)
}

fn seen_row(first: Vec<Styled>, seen: &Seen, grey: bool, lang: Lang, tz: Tz) -> Row {
    let channels: Vec<String> = seen
        .channels
        .iter()
        .map(|c| channel_word(c, lang))
        .collect();
    Row {
        cells: vec![
            first,
            vec![Styled::plain(seen.contacts.to_string())],
            vec![Styled::plain(seen.attempts.to_string())],
            vec![Styled::plain(
                channels.join(&t_in!(lang, "report-list-sep")),
            )],
            vec![
                Styled::plain(time_text(lang, &seen.first_seen, tz)),
                Styled::plain(t_in!(
                    lang,
                    "report-seen-until",
                    time = time_text(lang, &seen.last_seen, tz)
                )),
            ],
        ],
        grey,
        seq: 0,
    }
}

/// The top senders and addresses as tables (up to ten each).
pub(super) fn parties(c: &mut Canvas, stats: &Stats, lang: Lang, tz: Tz) {
    let mut senders = Vec::new();
    for s in stats.senders.iter().take(10) {
        let name = s
            .name
            .clone()
            .unwrap_or_else(|| t_in!(lang, "report-no-name"));
        senders.push(seen_row(
            vec![Styled::plain(name)],
            &s.seen,
            false,
            lang,
            tz,
        ));
    }
    let mut addresses = Vec::new();
    for a in stats.addresses.iter().take(10) {
        let mut first = vec![Styled::plain(
            a.address
                .clone()
                .unwrap_or_else(|| t_in!(lang, "report-no-address")),
        )];
        if let Some(b) = a.new_after_block {
            first.push(Styled::bold(t_in!(lang, "report-new-after-block", seq = b)));
        }
        addresses.push(seen_row(
            first,
            &a.seen,
            a.new_after_block.is_some(),
            lang,
            tz,
        ));
    }
    let tables = [
        (
            t_in!(lang, "report-top-senders"),
            t_in!(lang, "report-col-sender"),
            senders,
        ),
        (
            t_in!(lang, "report-top-addresses"),
            t_in!(lang, "report-col-address"),
            addresses,
        ),
    ];
    for (title, first, rows) in tables {
        if rows.is_empty() {
            continue;
        }
        let header = vec![
            first,
            t_in!(lang, "report-col-entries"),
            t_in!(lang, "report-col-attempts"),
            t_in!(lang, "report-col-channels"),
            t_in!(lang, "report-col-first-last"),
        ];
        let font = c.font;
        let mut t = Table {
            canvas: &mut *c,
            lang,
            title,
            header,
            cols: &[150.0, 55.0, 55.0, 110.0, 145.28],
        };
        t.begin_here();
        for r in &rows {
            t.row(&super::safe_row(font, r));
        }
    }
}
