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
        what.push(format!("by {}", sanitize::one_line(c)));
    }
    if let Some(from) = &f.from {
        what.push(format!("matching \"{}\"", sanitize::one_line(from)));
    }
    if !what.is_empty() {
        return format!(
            "No contacts {}, so there is nothing to count. Try a longer period or fewer options.",
            what.join(" ")
        );
    }
    if stats.totals.undated_contacts + stats.totals.outgoing_excluded > 0 {
        return "No dated incoming contacts, so there is nothing to count.".to_string();
    }
    "No contacts recorded yet, so there is nothing to count. Record one with `kiroku add phone` (or `kiroku add` to be asked).".to_string()
}

/// "from 2026-11-01 00:00 to now".
fn period_words(s: &Stats) -> String {
    format!(
        "from {} to {}",
        s.since.as_deref().map_or("the first".to_string(), short),
        s.until.as_deref().map_or("now".to_string(), short)
    )
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
        .map(|(k, n)| format!("{k} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
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

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// The whole `stats` report as text.
pub fn render(s: &Stats, width: Option<usize>, bars: Bars) -> String {
    let mut out = String::new();
    let t = &s.totals;
    let span = match (&s.since, &s.until) {
        (None, None) => "all recorded contacts".to_string(),
        _ => format!("contacts {}", period_words(s)),
    };
    out.push_str(&format!(
        "Contact statistics: {span} (times in {})\n\n",
        s.time_zone
    ));

    let rows: Vec<(&str, String)> = vec![
        ("contacts (entries)", t.contacts.to_string()),
        ("attempts (calls, messages, visits)", t.attempts.to_string()),
        ("by channel", channels_line(&t.by_channel)),
        ("first contact", short_opt(t.first_contact.as_deref())),
        ("last contact", short_opt(t.last_contact.as_deref())),
        ("days from first to last", t.days_covered.to_string()),
        ("days with contact", t.days_with_contact.to_string()),
    ];
    let key_width = rows.iter().map(|(k, _)| table::width(k)).max().unwrap_or(0);
    for (k, v) in rows {
        out.push_str(&format!("{k:key_width$}  {v}\n"));
    }
    if t.undated_contacts > 0 {
        out.push_str(&format!(
            "({} contact(s) with no time are not counted)\n",
            t.undated_contacts
        ));
    }
    if t.outgoing_excluded > 0 {
        out.push_str(&format!(
            "({} message(s) you sent are not counted)\n",
            t.outgoing_excluded
        ));
    }

    // Attempts per period, split by the channels that occur.
    let channels: Vec<&str> = t.by_channel.iter().map(|(k, _)| k).collect();
    let by = match s.by {
        By::Day => "day",
        By::Week => "week",
        By::Month => "month",
    };
    out.push_str(&format!("\nAttempts per {by}\n"));
    let mut headers = vec![by];
    headers.extend(channels.iter().copied());
    headers.push("total");
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

    out.push_str("\nBy sender\n");
    let mut st = Table::new(&["sender", "channels", "attempts", "first seen", "last seen"])
        .right(&[2])
        .shrink(&[0, 1]);
    for p in &s.senders {
        st.row(vec![
            p.name.clone().unwrap_or_else(|| "(no name)".into()),
            p.seen.channels.join(","),
            p.seen.attempts.to_string(),
            short(&p.seen.first_seen),
            short(&p.seen.last_seen),
        ]);
    }
    out.push_str(&st.render(width));

    out.push_str("\nBy number, address or account\n");
    let mut at = Table::new(&[
        "address",
        "channels",
        "attempts",
        "first seen",
        "last seen",
        "note",
    ])
    .right(&[2])
    .shrink(&[0, 1]);
    let mut any_new = false;
    for a in &s.addresses {
        let note = match a.new_after_block {
            Some(b) => {
                any_new = true;
                format!("NEW after block #{b}")
            }
            None => String::new(),
        };
        at.row(vec![
            a.address.clone().unwrap_or_else(|| "(none)".into()),
            a.seen.channels.join(","),
            a.seen.attempts.to_string(),
            short(&a.seen.first_seen),
            short(&a.seen.last_seen),
            note,
        ]);
    }
    out.push_str(&at.render(width));
    if any_new {
        out.push_str("NEW after block: first seen after you blocked a number or account\n");
    }

    out.push_str("\nBefore and after you refused or blocked\n");
    if s.actions.is_empty() {
        out.push_str(
            "No refusal or block recorded in this period (`kiroku action refused` or `kiroku action blocked` records one).\n",
        );
    } else {
        let mut bt = Table::new(&[
            "#", "you", "when", "before", "per week", "after", "per week",
        ])
        .right(&[0, 3, 4, 5, 6]);
        for a in &s.actions {
            bt.row(vec![
                a.seq.to_string(),
                a.action.to_string(),
                short(&a.at),
                a.before.attempts.to_string(),
                format!("{:.2}", a.before.per_week),
                a.after.attempts.to_string(),
                format!("{:.2}", a.after.per_week),
            ]);
        }
        out.push_str(&bt.render(width));
        out.push_str(
            "before: from the first contact counted; after: up to now (or --until). Per week: attempts x 7 / days, a span under one day counted as one day.\n",
        );
    }

    out.push_str("\nTime of day\n");
    let mut ht = Table::new(&["hour", "attempts"]).right(&[1]);
    for (h, n) in s.hour_of_day.iter().enumerate() {
        ht.row(vec![format!("{h:02}:00-{h:02}:59"), n.to_string()]);
    }
    out.push_str(&with_bars(&ht, &s.hour_of_day, width, bars));

    out.push_str("\nDay of week\n");
    let mut wt = Table::new(&["day", "attempts"]).right(&[1]);
    for (d, n) in WEEKDAYS.iter().zip(s.day_of_week) {
        wt.row(vec![d.to_string(), n.to_string()]);
    }
    out.push_str(&with_bars(&wt, &s.day_of_week, width, bars));

    out.push('\n');
    if let Some(b) = &s.busiest_day {
        out.push_str(&format!(
            "Busiest day: {} ({} attempts)\n",
            b.date, b.attempts
        ));
    }
    if let Some(r) = &s.longest_run {
        out.push_str(&format!(
            "Longest run of days in a row with contact: {} ({} to {})\n",
            r.days, r.start, r.end
        ));
    }
    let tr = &s.trend;
    let change = match tr.change_percent {
        Some(p) if p > 0.0 => format!("up {p:.1}%"),
        Some(p) if p < 0.0 => format!("down {:.1}%", -p),
        Some(_) => "no change".to_string(),
        None if tr.last_4_weeks.attempts > 0 => "none in the 4 weeks before".to_string(),
        None => "none in either".to_string(),
    };
    out.push_str(&format!(
        "Last 4 weeks: {} attempts; the 4 weeks before: {} ({change})\n",
        tr.last_4_weeks.attempts, tr.previous_4_weeks.attempts
    ));
    if !tr.complete {
        out.push_str("(--since starts within these 8 weeks, so part of them is not counted)\n");
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
