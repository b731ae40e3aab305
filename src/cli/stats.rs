//! `kiroku stats`: how often, since when, through which channels, and
//! whether it went on after you said stop. The figures come from
//! [`crate::stats`]; this module only prints them.

use std::io::Write;

use super::filter::FilterArgs;
use super::Ctx;
use crate::error::Result;
use crate::sanitize;
use crate::stats::{self, By, ChannelCounts, Stats};
use crate::store::Access;
use crate::table::{self, Table};
use crate::timeparse;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  kiroku stats
  kiroku stats --since 09/01 --by week
  kiroku stats --channel phone --from 090-1234-5678
  kiroku stats --json > stats.json
Times, days and weeks are in the case's time zone. Weeks are ISO weeks
(Monday to Sunday). Entries you withdrew are not counted; corrected entries
are counted as corrected.")]
pub struct Args {
    #[command(flatten)]
    filter: FilterArgs,
    /// Count attempts per day, week or month [default: by the span covered]
    #[arg(long, value_name = "day|week|month", value_parser = By::parse)]
    by: Option<By>,
    /// Print the figures as JSON (the shape is described in docs/stats.md)
    #[arg(long)]
    json: bool,
    /// Draw the charts with plain ASCII `#` (the default when not on a terminal)
    #[arg(long)]
    ascii: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<()> {
    let case = ctx.open(Access::ReadOnly)?;
    let now = ctx.now();
    let filter = args.filter.to_filter(now, case.meta.tz)?;
    let stats = stats::load(&case, &filter, args.by, now)?;
    if args.json {
        serde_json::to_writer_pretty(&mut ctx.out, &stats)?;
        writeln!(ctx.out)?;
        return Ok(());
    }
    if stats.totals.contacts == 0 {
        writeln!(ctx.out, "{}", nothing_to_count(&stats, &args.filter))?;
        return Ok(());
    }
    let bars =
        if args.ascii || !ctx.stdout_is_tty || std::env::var("TERM").is_ok_and(|t| t == "dumb") {
            Bars::Ascii
        } else if wide_ambiguous_locale() {
            Bars::UnicodeWide
        } else {
            Bars::Unicode
        };
    let text = render(&stats, ctx.width(), bars);
    ctx.out.write_all(text.as_bytes())?;
    let places = crate::view::visits_by_place(&case, &filter)?;
    if !places.is_empty() {
        writeln!(ctx.out, "\n{}", crate::t!("lawyer-stats-visits-heading"))?;
        let mut t = Table::new(&[
            &crate::t!("lawyer-stats-col-place"),
            &crate::t!("lawyer-stats-col-visits"),
        ])
        .right(&[1])
        .shrink(&[0]);
        for (p, n) in places {
            let p = p.map(|p| sanitize::one_line(&p).into_owned());
            t.row(vec![
                p.unwrap_or_else(|| crate::t!("lawyer-stats-place-unknown")),
                n.to_string(),
            ]);
        }
        ctx.out.write_all(t.render(ctx.width()).as_bytes())?;
    }
    Ok(())
}

/// Why there is nothing to count, in plain words.
fn nothing_to_count(stats: &Stats, f: &FilterArgs) -> String {
    let mut what = Vec::new();
    if stats.since.is_some() || stats.until.is_some() {
        what.push(period_words(stats));
    }
    if let Some(c) = &f.channel {
        what.push(crate::t!(
            "stats-none-by-channel",
            channel = sanitize::one_line(c)
        ));
    }
    if let Some(from) = &f.from {
        what.push(crate::t!(
            "stats-none-matching",
            from = sanitize::one_line(from)
        ));
    }
    if !what.is_empty() {
        return crate::t!("stats-none-filtered", what = what.join(" "));
    }
    if stats.totals.undated_contacts + stats.totals.outgoing_excluded > 0 {
        return crate::t!("stats-none-dated");
    }
    crate::t!("stats-none-yet")
}

/// "from 2026-11-01 00:00 to now".
fn period_words(s: &Stats) -> String {
    crate::t!(
        "stats-period",
        since = s
            .since
            .as_deref()
            .map_or(crate::t!("stats-period-first"), short),
        until = s
            .until
            .as_deref()
            .map_or(crate::t!("stats-period-now"), short)
    )
}

/// A channel's name in the interface language.
fn channel_name(key: &str) -> String {
    crate::t!("core-label-channel", channel = key)
}

/// `text` padded to `width` display columns.
fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(table::width(text));
    format!("{text}{}", " ".repeat(fill))
}

/// How bar charts are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bars {
    /// `#` only: for files, pipes and `--ascii`.
    Ascii,
    /// Unicode block elements, in eighths of a column.
    Unicode,
    /// Block elements on a terminal that may draw them double width
    /// (East Asian "ambiguous" characters in a Japanese, Chinese or Korean
    /// locale): the same bars, in half the columns.
    UnicodeWide,
}

/// Whether the locale suggests a terminal drawing ambiguous-width
/// characters (such as block elements) two columns wide.
fn wide_ambiguous_locale() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .is_some_and(|v| ["ja", "zh", "ko"].iter().any(|p| v.starts_with(p)))
}

/// A bar for `n` out of `max`, at most `cols` columns (half as many
/// characters for [`Bars::UnicodeWide`]). Any non-zero `n` shows.
pub fn bar(n: u64, max: u64, cols: usize, bars: Bars) -> String {
    if n == 0 || max == 0 {
        return String::new();
    }
    let chars = match bars {
        Bars::UnicodeWide => cols / 2,
        _ => cols,
    }
    .max(1);
    match bars {
        Bars::Ascii => {
            let len = ((n as f64 / max as f64) * chars as f64).round() as usize;
            "#".repeat(len.max(1))
        }
        Bars::Unicode | Bars::UnicodeWide => {
            const EIGHTHS: [char; 8] = ['█', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
            let eighths = (((n as f64 / max as f64) * (chars * 8) as f64).round() as usize).max(1);
            let mut s = "█".repeat(eighths / 8);
            if eighths % 8 > 0 {
                s.push(EIGHTHS[eighths % 8]);
            }
            s
        }
    }
}

/// `2026-11-20 14:32` from a stored RFC 3339 time (already in the case zone).
fn short(t: &str) -> String {
    timeparse::parse_stored(t)
        .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|| t.to_string())
}

fn short_opt(t: Option<&str>) -> String {
    t.map(short).unwrap_or_default()
}

fn channels_line(c: &ChannelCounts) -> String {
    c.iter()
        .map(|(k, n)| format!("{} {n}", channel_name(k)))
        .collect::<Vec<_>>()
        .join(&crate::t!("cli-list-separator"))
}

/// Renders `t` and puts a bar after each row, scaled to what is left of
/// `width` (40 columns when the width is unknown).
fn with_bars(t: &Table, values: &[u64], width: Option<usize>, bars: Bars) -> String {
    let plain = t.render(width);
    let lines: Vec<&str> = plain.lines().collect();
    let used = lines.get(1).map_or(0, |rule| table::width(rule));
    let cols = width
        .map_or(40, |w| w.saturating_sub(used + 2))
        .clamp(10, 60);
    let max = values.iter().copied().max().unwrap_or(0);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let b = i
            .checked_sub(2)
            .and_then(|r| values.get(r))
            .map(|n| bar(*n, max, cols, bars))
            .unwrap_or_default();
        if b.is_empty() {
            out.push_str(line);
        } else {
            let fill = used.saturating_sub(table::width(line));
            out.push_str(&format!("{line}{}  {b}", " ".repeat(fill)));
        }
        out.push('\n');
    }
    out
}

/// The whole `stats` report as text.
pub fn render(s: &Stats, width: Option<usize>, bars: Bars) -> String {
    let mut out = String::new();
    let t = &s.totals;
    let span = match (&s.since, &s.until) {
        (None, None) => crate::t!("stats-span-all"),
        _ => crate::t!("stats-span-period", period = period_words(s)),
    };
    out.push_str(&crate::t!(
        "stats-title",
        span = span,
        tz = s.time_zone.as_str()
    ));
    out.push_str("\n\n");

    let rows: Vec<(String, String)> = vec![
        (crate::t!("stats-contacts"), t.contacts.to_string()),
        (crate::t!("stats-attempts"), t.attempts.to_string()),
        (crate::t!("stats-by-channel"), channels_line(&t.by_channel)),
        (
            crate::t!("stats-first-contact"),
            short_opt(t.first_contact.as_deref()),
        ),
        (
            crate::t!("stats-last-contact"),
            short_opt(t.last_contact.as_deref()),
        ),
        (crate::t!("stats-days-covered"), t.days_covered.to_string()),
        (
            crate::t!("stats-days-with-contact"),
            t.days_with_contact.to_string(),
        ),
    ];
    let key_width = rows.iter().map(|(k, _)| table::width(k)).max().unwrap_or(0);
    for (k, v) in rows {
        out.push_str(&format!("{}  {v}\n", pad(&k, key_width)));
    }
    if t.undated_contacts > 0 {
        out.push_str(&crate::t!("stats-undated", count = t.undated_contacts));
        out.push('\n');
    }
    if t.outgoing_excluded > 0 {
        out.push_str(&crate::t!("stats-outgoing", count = t.outgoing_excluded));
        out.push('\n');
    }

    // Attempts per period, split by the channels that occur.
    let channels: Vec<&str> = t.by_channel.iter().map(|(k, _)| k).collect();
    let (heading, by) = match s.by {
        By::Day => (crate::t!("stats-per-day"), crate::t!("stats-col-day")),
        By::Week => (crate::t!("stats-per-week"), crate::t!("stats-col-week")),
        By::Month => (crate::t!("stats-per-month"), crate::t!("stats-col-month")),
    };
    out.push_str(&format!("\n{heading}\n"));
    let names: Vec<String> = channels.iter().map(|c| channel_name(c)).collect();
    let total = crate::t!("stats-col-total");
    let mut headers = vec![by.as_str()];
    headers.extend(names.iter().map(String::as_str));
    headers.push(total.as_str());
    let mut pt = Table::new(&headers).right(&(1..headers.len()).collect::<Vec<_>>());
    for p in &s.periods {
        let mut row = vec![p.period.clone()];
        for (i, _) in channels.iter().enumerate() {
            let n = p
                .by_channel
                .iter()
                .find(|(k, _)| *k == channels[i])
                .map_or(0, |(_, n)| n);
            row.push(if n == 0 { "-".into() } else { n.to_string() });
        }
        row.push(p.attempts.to_string());
        pt.row(row);
    }
    let values: Vec<u64> = s.periods.iter().map(|p| p.attempts).collect();
    out.push_str(&with_bars(&pt, &values, width, bars));

    let channel_list = |list: &[&str]| -> String {
        list.iter()
            .map(|c| channel_name(c))
            .collect::<Vec<_>>()
            .join(",")
    };
    let (c_channels, c_attempts, c_first, c_last) = (
        crate::t!("stats-col-channels"),
        crate::t!("stats-col-attempts"),
        crate::t!("stats-col-first-seen"),
        crate::t!("stats-col-last-seen"),
    );
    out.push_str(&format!("\n{}\n", crate::t!("stats-by-sender")));
    let c_sender = crate::t!("stats-col-sender");
    let mut st = Table::new(&[&c_sender, &c_channels, &c_attempts, &c_first, &c_last])
        .right(&[2])
        .shrink(&[0, 1]);
    for p in &s.senders {
        st.row(vec![
            p.name.clone().unwrap_or_else(|| crate::t!("stats-no-name")),
            channel_list(&p.seen.channels),
            p.seen.attempts.to_string(),
            short(&p.seen.first_seen),
            short(&p.seen.last_seen),
        ]);
    }
    out.push_str(&st.render(width));

    out.push_str(&format!("\n{}\n", crate::t!("stats-by-address")));
    let (c_address, c_note) = (crate::t!("stats-col-address"), crate::t!("stats-col-note"));
    let mut at = Table::new(&[
        &c_address,
        &c_channels,
        &c_attempts,
        &c_first,
        &c_last,
        &c_note,
    ])
    .right(&[2])
    .shrink(&[0, 1]);
    let mut any_new = false;
    for a in &s.addresses {
        let note = match a.new_after_block {
            Some(b) => {
                any_new = true;
                crate::t!("stats-new-after-block", seq = b)
            }
            None => String::new(),
        };
        at.row(vec![
            a.address
                .as_deref()
                .map(crate::view::label::address)
                .unwrap_or_else(|| crate::t!("stats-no-address")),
            channel_list(&a.seen.channels),
            a.seen.attempts.to_string(),
            short(&a.seen.first_seen),
            short(&a.seen.last_seen),
            note,
        ]);
    }
    out.push_str(&at.render(width));
    if any_new {
        out.push_str(&crate::t!("stats-new-after-block-legend"));
        out.push('\n');
    }
    let hidden: Vec<String> = crate::address::AddressKind::ALL
        .iter()
        .filter(|k| s.totals.hidden_callers.get(**k) > 0)
        .map(|k| {
            crate::t!(
                "address-stats-kind-count",
                kind = crate::address::kind_label(crate::i18n::current(), *k),
                count = s.totals.hidden_callers.get(*k)
            )
        })
        .collect();
    if !hidden.is_empty() {
        out.push_str(&crate::t!(
            "address-stats-hidden",
            counts = hidden.join(&crate::t!("address-stats-separator"))
        ));
        out.push('\n');
    }

    out.push_str(&format!("\n{}\n", crate::t!("stats-before-after")));
    if s.actions.is_empty() {
        out.push_str(&crate::t!("stats-no-refusal"));
        out.push('\n');
    } else {
        let cols = [
            "#".to_string(),
            crate::t!("stats-col-you"),
            crate::t!("stats-col-when"),
            crate::t!("stats-col-before"),
            crate::t!("stats-col-per-week"),
            crate::t!("stats-col-after"),
            crate::t!("stats-col-per-week"),
        ];
        let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
        let mut bt = Table::new(&cols).right(&[0, 3, 4, 5, 6]);
        for a in &s.actions {
            bt.row(vec![
                a.seq.to_string(),
                crate::t!("stats-action", action = a.action.to_string()),
                short(&a.at),
                a.before.attempts.to_string(),
                format!("{:.2}", a.before.per_week),
                a.after.attempts.to_string(),
                format!("{:.2}", a.after.per_week),
            ]);
        }
        out.push_str(&bt.render(width));
        out.push_str(&crate::t!("stats-before-after-legend"));
        out.push('\n');
    }

    out.push_str(&format!("\n{}\n", crate::t!("stats-time-of-day")));
    let c_hour = crate::t!("stats-col-hour");
    let mut ht = Table::new(&[&c_hour, &c_attempts]).right(&[1]);
    for (h, n) in s.hour_of_day.iter().enumerate() {
        ht.row(vec![format!("{h:02}:00-{h:02}:59"), n.to_string()]);
    }
    out.push_str(&with_bars(&ht, &s.hour_of_day, width, bars));

    out.push_str(&format!("\n{}\n", crate::t!("stats-day-of-week")));
    let c_day = crate::t!("stats-col-weekday");
    let mut wt = Table::new(&[&c_day, &c_attempts]).right(&[1]);
    for (d, n) in s.day_of_week.iter().enumerate() {
        wt.row(vec![crate::t!("stats-weekday", day = d), n.to_string()]);
    }
    out.push_str(&with_bars(&wt, &s.day_of_week, width, bars));

    out.push('\n');
    if let Some(b) = &s.busiest_day {
        out.push_str(&crate::t!(
            "stats-busiest-day",
            date = b.date.as_str(),
            count = b.attempts
        ));
        out.push('\n');
    }
    if let Some(r) = &s.longest_run {
        out.push_str(&crate::t!(
            "stats-longest-run",
            days = r.days,
            start = r.start.as_str(),
            end = r.end.as_str()
        ));
        out.push('\n');
    }
    let tr = &s.trend;
    let change = match tr.change_percent {
        Some(p) if p > 0.0 => crate::t!("stats-trend-up", percent = format!("{p:.1}")),
        Some(p) if p < 0.0 => crate::t!("stats-trend-down", percent = format!("{:.1}", -p)),
        Some(_) => crate::t!("stats-trend-same"),
        None if tr.last_4_weeks.attempts > 0 => crate::t!("stats-trend-none-before"),
        None => crate::t!("stats-trend-none"),
    };
    out.push_str(&crate::t!(
        "stats-trend",
        last = tr.last_4_weeks.attempts,
        previous = tr.previous_4_weeks.attempts,
        change = change
    ));
    out.push('\n');
    if !tr.complete {
        out.push_str(&crate::t!("stats-trend-incomplete"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_and_never_hide_a_contact() {
        assert_eq!(bar(10, 10, 10, Bars::Ascii), "##########");
        assert_eq!(bar(1, 100, 10, Bars::Ascii), "#");
        assert_eq!(bar(0, 10, 10, Bars::Ascii), "");
        assert_eq!(bar(0, 0, 10, Bars::Unicode), "");
        assert_eq!(bar(10, 10, 4, Bars::Unicode), "████");
        // 5/8 of 2 columns is 10 eighths: one full block and a quarter.
        assert_eq!(bar(5, 8, 2, Bars::Unicode), "█▎");
        assert_eq!(bar(1, 1000, 10, Bars::Unicode), "▏");
        // Half as many characters where they may be drawn double width.
        assert_eq!(bar(10, 10, 8, Bars::UnicodeWide), "████");
    }

    #[test]
    fn bars_follow_the_table_and_fit_the_width() {
        let mut t = Table::new(&["day", "attempts"]).right(&[1]);
        t.row(vec!["Mon".into(), "2".into()]);
        t.row(vec!["Tue".into(), "0".into()]);
        t.row(vec!["Wed".into(), "4".into()]);
        let out = with_bars(&t, &[2, 0, 4], Some(30), Bars::Unicode);
        let lines: Vec<&str> = out.lines().collect();
        // 30 columns less 13 for the table and 2 between: 15 for the bars.
        assert_eq!(lines[2], "Mon         2  ███████▌");
        assert_eq!(lines[3], "Tue         0");
        assert_eq!(lines[4], format!("Wed         4  {}", "█".repeat(15)));
        for l in &lines {
            assert!(table::width(l) <= 30, "{l}");
        }
    }
}
