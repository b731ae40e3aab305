//! Forgiving, never ambiguous time input.
//!
//! Accepted (in the case's time zone unless an offset is given):
//! `now`, RFC 3339 (`2026-11-20T14:32:00+09:00`), `2026-11-20 14:32[:05]`,
//! `2026/11/20 14:32`, `2026年11月20日 14時32分`, `11/20 14:32` (the most
//! recent such day), `14:32` (today), `yesterday 14:32`, `昨日 14:32`,
//! `一昨日 9:00`, and the Japanese 12-hour forms `午後2時32分`, `午前9時`,
//! `午後3:04`, `2時半` alone or after a date or day word (see
//! [`meridiem`] for noon and midnight). Full-width digits are fine. A weekday in brackets, as in
//! `2026/11/20(金) 14:32`, is ignored. Times in the future, local times that
//! happen twice or never (clock changes), and anything else are refused with
//! an example of what works. Pure functions: the caller passes `now`.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime,
    SecondsFormat, TimeZone, Utc,
};
use chrono_tz::Tz;

use crate::error::{Error, Result};

/// RFC 3339 with seconds and the numeric offset: `2026-11-20T14:32:00+09:00`.
pub fn format_rfc3339(dt: &DateTime<FixedOffset>) -> String {
    dt.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// UTC with milliseconds: `2026-11-20T05:32:00.250Z` (for `recorded_at`).
pub fn format_utc_millis(dt: &DateTime<Utc>) -> String {
    dt.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses a stored RFC 3339 time.
pub fn parse_stored(s: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s).ok()
}

/// `now` in the case's zone, whole seconds.
pub fn now_in(now: DateTime<Utc>, tz: Tz) -> DateTime<FixedOffset> {
    let secs = DateTime::<Utc>::from_timestamp(now.timestamp(), 0).unwrap_or(now);
    secs.with_timezone(&tz).fixed_offset()
}

/// Full-width ASCII to ASCII, ideographic space to space, and the Japanese
/// date and time markers to separators.
fn normalise(input: &str) -> String {
    let folded: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect();
    let mut s = folded.to_lowercase();
    // Day words first: 昨日 and 今日 contain 日.
    for (word, replacement) in [
        ("一昨日", " daybeforeyesterday "),
        ("おととい", " daybeforeyesterday "),
        ("昨日", " yesterday "),
        ("きのう", " yesterday "),
        ("今日", " today "),
        ("きょう", " today "),
    ] {
        s = s.replace(word, replacement);
    }
    // A weekday in brackets: (金), (fri), （水）.
    let mut out = String::with_capacity(s.len());
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    let mut s = out
        .replace("午前", " am ")
        .replace("午後", " pm ")
        .replace("正午", " 12:00 ")
        .replace("時半", ":30")
        .replace(['年', '月'], "/")
        .replace('日', " ")
        .replace('時', ":")
        .replace(['分', '秒'], " ");
    // The ISO "T" between a date and a time.
    let chars: Vec<char> = s.chars().collect();
    s = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let digit_at = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(|c| c.is_ascii_digit())
            };
            if c == 't' && digit_at(i.checked_sub(1)) && digit_at(Some(i + 1)) {
                ' '
            } else {
                c
            }
        })
        .collect();
    s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    // "14:" left by "14時" alone.
    if s.ends_with(':') {
        s.push_str("00");
    }
    s
}

fn bad_time(input: &str, why: &str) -> Error {
    Error::usage(crate::t!("core-time-bad", input = input.trim(), why = why))
        .with_hint(crate::t!("core-time-examples"))
}

/// The 24-hour time of a Japanese 12-hour time: `午前` (am) or `午後` (pm)
/// followed by an hour from 0 to 11.
///
/// The convention followed is today's common one (the one of the
/// Japanese government's and broadcasters' style guides): 午前0時 is
/// midnight (00:00) and 午後0時 is noon (12:00); 正午 is noon too.
/// `午前12時` and `午後12時` are refused: under the 1872 rule that
/// introduced the 12-hour clock (明治5年太政官達第337号) 午前12時 is noon and
/// 午後12時 is the midnight that ends the day, but many people write
/// 午後12時 for noon (as in English "12 pm") and 午前12時 for midnight, so
/// either could be meant, and a guess would be recorded as fact.
fn meridiem(input: &str, pm: bool, t: NaiveTime) -> Result<NaiveTime> {
    use chrono::Timelike;
    let h = t.hour();
    if h == 12 {
        return Err(
            Error::usage(crate::t!("core-time-twelve", input = input.trim()))
                .with_hint(crate::t!("core-time-twelve-hint")),
        );
    }
    if h > 12 {
        return Err(bad_time(input, &crate::t!("core-time-why-meridiem-hour")));
    }
    let hour = if pm { h + 12 } else { h };
    Ok(t.with_hour(hour).unwrap_or(t))
}

enum DatePart {
    Full(NaiveDate),
    MonthDay(u32, u32),
    DaysAgo(i64),
}

fn parse_date_part(s: &str) -> Option<DatePart> {
    match s {
        "today" => return Some(DatePart::DaysAgo(0)),
        "yesterday" => return Some(DatePart::DaysAgo(1)),
        "daybeforeyesterday" => return Some(DatePart::DaysAgo(2)),
        _ => {}
    }
    let s = s.trim_end_matches('/');
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let num = |p: &str| -> Option<u32> {
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            p.parse().ok()
        }
    };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => {
            NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?).map(DatePart::Full)
        }
        [m, d] if m.len() <= 2 && d.len() <= 2 && s.contains('/') => {
            Some(DatePart::MonthDay(num(m)?, num(d)?))
        }
        _ => None,
    }
}

fn parse_time_part(s: &str) -> Option<NaiveTime> {
    let parts: Vec<&str> = s.split(':').collect();
    let num = |p: &str| -> Option<u32> {
        if p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            p.parse().ok()
        }
    };
    match parts.as_slice() {
        [h, m] => NaiveTime::from_hms_opt(num(h)?, num(m)?, 0),
        [h, m, sec] => NaiveTime::from_hms_opt(num(h)?, num(m)?, num(sec)?),
        _ => None,
    }
}

pub fn localise(input: &str, naive: NaiveDateTime, tz: Tz) -> Result<DateTime<FixedOffset>> {
    let whole = |dt: &DateTime<Tz>| dt.fixed_offset().offset().local_minus_utc() % 60 == 0;
    match tz.from_local_datetime(&naive) {
        // Twice only because local mean time ended: the standard-time one.
        LocalResult::Ambiguous(a, b) if whole(&a) != whole(&b) => {
            Ok(if whole(&a) { a } else { b }.fixed_offset())
        }
        // Before standard time (local mean time, e.g. before 1888 in Tokyo)
        // a zone's offset has seconds, which RFC 3339 cannot write.
        LocalResult::Single(dt) if dt.fixed_offset().offset().local_minus_utc() % 60 != 0 => {
            Err(Error::usage(crate::t!(
                "verify-time-before-standard-time",
                time = input.trim(),
                zone = tz.name()
            ))
            .with_hint(crate::t!("verify-time-before-standard-time-hint")))
        }
        LocalResult::Single(dt) => Ok(dt.fixed_offset()),
        LocalResult::Ambiguous(a, b) => Err(Error::usage(crate::t!(
            "core-time-twice",
            input = input.trim(),
            tz = tz.name()
        ))
        .with_hint(crate::t!(
            "core-time-twice-hint",
            first = format_rfc3339(&a.fixed_offset()),
            second = format_rfc3339(&b.fixed_offset())
        ))),
        LocalResult::None => Err(Error::usage(crate::t!(
            "core-time-skipped",
            input = input.trim(),
            tz = tz.name()
        ))
        .with_hint(crate::t!("core-time-skipped-hint"))),
    }
}

/// What a time string resolved to before the future check.
enum Parsed {
    Instant(DateTime<FixedOffset>),
    /// A day without a time: only allowed as a range bound.
    Day(NaiveDate),
}

fn parse_any(input: &str, now: DateTime<Utc>, tz: Tz) -> Result<Parsed> {
    let raw = input.trim();
    if raw.is_empty() {
        return Err(bad_time(input, &crate::t!("core-time-why-empty")));
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(raw) {
        return Ok(Parsed::Instant(dt));
    }
    let s = normalise(raw);
    if s == "now" || s == "今" || s == "いま" {
        return Ok(Parsed::Instant(now_in(now, tz)));
    }
    // RFC 3339 with a space instead of T.
    if let Ok(dt) = DateTime::parse_from_rfc3339(&s.replacen(' ', "T", 1)) {
        return Ok(Parsed::Instant(dt));
    }
    let today = now.with_timezone(&tz).date_naive();
    let mut tokens: Vec<&str> = s.split(' ').filter(|t| !t.is_empty()).collect();
    // 午前/午後 (read as "am"/"pm" by `normalise`) before the time.
    let pm = match tokens.iter().position(|t| *t == "am" || *t == "pm") {
        Some(i) if i + 2 == tokens.len() => Some(tokens.remove(i) == "pm"),
        Some(_) => return Err(bad_time(input, &crate::t!("core-time-why-meridiem-place"))),
        None => None,
    };
    let time_part = |t: &str| -> Result<Option<NaiveTime>> {
        let t = if pm.is_some() && !t.contains(':') {
            // 午前9時 without minutes.
            parse_time_part(&format!("{t}:00"))
        } else {
            parse_time_part(t)
        };
        match (t, pm) {
            (Some(t), Some(pm)) => meridiem(input, pm, t).map(Some),
            (t, _) => Ok(t),
        }
    };
    let (date, time) = match tokens.as_slice() {
        [one] => match time_part(one)? {
            Some(t) => (None, Some(t)),
            None if pm.is_some() => {
                return Err(bad_time(
                    input,
                    &crate::t!("core-time-why-not-time", text = *one),
                ))
            }
            None => (parse_date_part(one), None),
        },
        [d, t] => {
            let date = parse_date_part(d);
            if date.is_none() {
                return Err(bad_time(
                    input,
                    &crate::t!("core-time-why-not-date", text = *d),
                ));
            }
            match time_part(t)? {
                Some(t) => (date, Some(t)),
                None => {
                    return Err(bad_time(
                        input,
                        &crate::t!("core-time-why-not-time", text = *t),
                    ))
                }
            }
        }
        _ => (None, None),
    };
    let resolve_day = |d: DatePart| -> Result<NaiveDate> {
        match d {
            DatePart::Full(d) => Ok(d),
            DatePart::DaysAgo(n) => Ok(today - Duration::days(n)),
            DatePart::MonthDay(m, d) => {
                // The most recent such day that is not after today.
                let this_year = NaiveDate::from_ymd_opt(today.year(), m, d);
                let last_year = NaiveDate::from_ymd_opt(today.year() - 1, m, d);
                match (this_year, last_year) {
                    (Some(t), _) if t <= today => Ok(t),
                    (_, Some(l)) => Ok(l),
                    (Some(t), None) => Ok(t),
                    (None, None) => Err(bad_time(input, &crate::t!("core-time-why-no-such-day"))),
                }
            }
        }
    };
    match (date, time) {
        (Some(d), Some(t)) => {
            let day = resolve_day(d)?;
            Ok(Parsed::Instant(localise(input, day.and_time(t), tz)?))
        }
        (None, Some(t)) => Ok(Parsed::Instant(localise(input, today.and_time(t), tz)?)),
        (Some(d), None) => Ok(Parsed::Day(resolve_day(d)?)),
        (None, None) => {
            let looks_like_date = s.chars().filter(|c| c.is_ascii_digit()).count() >= 4;
            let why = if looks_like_date {
                crate::t!("core-time-why-invalid")
            } else {
                crate::t!("core-time-why-unknown")
            };
            Err(bad_time(input, &why))
        }
    }
}

fn refuse_future(input: &str, dt: DateTime<FixedOffset>, now: DateTime<Utc>) -> Result<()> {
    if dt.with_timezone(&Utc) > now {
        return Err(Error::usage(crate::t!(
            "core-time-future",
            input = input.trim(),
            time = crate::view::label::date_time(&dt, true, false)
        ))
        .with_hint(crate::t!("core-time-future-hint")));
    }
    Ok(())
}

/// When something happened (`--at`, `--until`): a point in time, not in the future.
pub fn parse_when(input: &str, now: DateTime<Utc>, tz: Tz) -> Result<DateTime<FixedOffset>> {
    match parse_any(input, now, tz)? {
        Parsed::Instant(dt) => {
            refuse_future(input, dt, now)?;
            Ok(dt)
        }
        Parsed::Day(d) => Err(
            Error::usage(crate::t!("core-time-day-only", input = input.trim())).with_hint(
                crate::t!(
                    "core-time-day-only-hint",
                    day = d.format("%Y-%m-%d").to_string()
                ),
            ),
        ),
    }
}

/// A time read from a file being imported (a spreadsheet cell): the
/// forms of [`parse_when`] that name a full date, however long ago; a day
/// alone is returned as such. Words relative to today (`yesterday`, `now`,
/// a time alone, a month and day without the year) are refused: they would
/// mean the day of the import, not the day written down.
pub fn parse_import(input: &str, now: DateTime<Utc>, tz: Tz) -> Result<ImportTime> {
    let raw = input.trim();
    if DateTime::parse_from_rfc3339(raw).is_err() {
        let s = normalise(raw);
        let first = s.split(' ').next().unwrap_or("");
        if !matches!(parse_date_part(first), Some(DatePart::Full(_))) {
            let why = if s.is_empty() {
                crate::t!("core-time-why-empty")
            } else {
                crate::t!("core-time-why-no-full-date")
            };
            return Err(
                Error::usage(crate::t!("core-time-bad", input = raw, why = why))
                    .with_hint(crate::t!("core-time-import-hint")),
            );
        }
    }
    match parse_any(input, now, tz)? {
        Parsed::Instant(dt) => {
            refuse_future(input, dt, now)?;
            Ok(ImportTime::Instant(dt))
        }
        Parsed::Day(d) => {
            let start = d.and_time(NaiveTime::MIN);
            let dt = match tz.from_local_datetime(&start) {
                LocalResult::Single(dt) | LocalResult::Ambiguous(dt, _) => dt.fixed_offset(),
                LocalResult::None => localise(input, start + Duration::hours(1), tz)?,
            };
            refuse_future(input, dt, now)?;
            Ok(ImportTime::Day(d))
        }
    }
}

/// What [`parse_import`] read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportTime {
    Instant(DateTime<FixedOffset>),
    Day(NaiveDate),
}

/// A range bound (`--since`, `--until` of list/stats/export). A day alone
/// means its start for `since` and the start of the next day for `until`,
/// so `--since 11/01 --until 11/30` covers all of November 1 to 30.
/// Returns the bound as a UTC instant; ranges are half-open `[since, until)`.
pub fn parse_bound(input: &str, now: DateTime<Utc>, tz: Tz, is_end: bool) -> Result<DateTime<Utc>> {
    match parse_any(input, now, tz)? {
        Parsed::Instant(dt) => Ok(dt.with_timezone(&Utc)),
        Parsed::Day(d) => {
            let day = if is_end { d + Duration::days(1) } else { d };
            let midnight = day.and_time(NaiveTime::MIN);
            let dt = match tz.from_local_datetime(&midnight) {
                LocalResult::Single(dt) | LocalResult::Ambiguous(dt, _) => dt,
                LocalResult::None => {
                    // Midnight skipped by a clock change: take the first hour.
                    return localise(input, midnight + Duration::hours(1), tz)
                        .map(|dt| dt.with_timezone(&Utc));
                }
            };
            Ok(dt.with_timezone(&Utc))
        }
    }
}

/// A call's length: `45s`, `3m`, `1h2m`, `1h 2m 3s`, `0:45` (m:ss),
/// `1:02:03`, `3分`, `45秒`, `1時間5分`. A bare number is refused: it could be
/// seconds or minutes.
pub fn parse_duration(input: &str) -> Result<u64> {
    let bad = |why: String| {
        Error::usage(crate::t!(
            "core-duration-bad",
            input = input.trim(),
            why = why
        ))
        .with_hint(crate::t!("core-duration-hint"))
    };
    let folded: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect::<String>()
        .to_lowercase();
    if folded.is_empty() {
        return Err(bad(crate::t!("core-time-why-empty")));
    }
    if folded.contains(':') {
        let parts: Vec<&str> = folded.split(':').collect();
        let nums: Option<Vec<u64>> = parts
            .iter()
            .map(|p| {
                if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                    None
                } else {
                    p.parse().ok()
                }
            })
            .collect();
        let nums = nums.ok_or_else(|| bad(crate::t!("core-duration-why-colons")))?;
        return match nums.as_slice() {
            [m, s] if *s < 60 => Ok(m * 60 + s),
            [h, m, s] if *m < 60 && *s < 60 => Ok(h * 3600 + m * 60 + s),
            _ => Err(bad(crate::t!("core-duration-why-59"))),
        };
    }
    if folded.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(crate::t!("core-duration-why-bare")));
    }
    let s = folded
        .replace("時間", "h")
        .replace('分', "m")
        .replace('秒', "s")
        .replace("hours", "h")
        .replace("hour", "h")
        .replace("hrs", "h")
        .replace("minutes", "m")
        .replace("minute", "m")
        .replace("mins", "m")
        .replace("min", "m")
        .replace("seconds", "s")
        .replace("second", "s")
        .replace("secs", "s")
        .replace("sec", "s");
    let mut total: u64 = 0;
    let mut number = String::new();
    let mut seen_unit = false;
    for c in s.chars() {
        match c {
            '0'..='9' => number.push(c),
            ' ' => {}
            'h' | 'm' | 's' => {
                let n: u64 = number
                    .parse()
                    .map_err(|_| bad(crate::t!("core-duration-why-unit-number")))?;
                number.clear();
                let factor = match c {
                    'h' => 3600,
                    'm' => 60,
                    _ => 1,
                };
                total = total
                    .checked_add(
                        n.checked_mul(factor)
                            .ok_or_else(|| bad(crate::t!("core-duration-why-long")))?,
                    )
                    .ok_or_else(|| bad(crate::t!("core-duration-why-long")))?;
                seen_unit = true;
            }
            _ => {
                return Err(bad(crate::t!(
                    "core-duration-why-not-unit",
                    unit = c.to_string()
                )))
            }
        }
    }
    if !number.is_empty() || !seen_unit {
        return Err(bad(crate::t!("core-duration-why-needs-unit")));
    }
    Ok(total)
}

/// `1h 02m 03s`-style text for display.
pub fn format_duration(secs: u64) -> String {
    format_duration_in(crate::i18n::current(), secs)
}

/// A duration as people read it in `lang`: `40s`, `2m`, `1m05s`,
/// `1h02m03s`; in Japanese `40秒`, `2分`, `1分5秒`, `1時間2分3秒`.
pub fn format_duration_in(lang: crate::i18n::Lang, secs: u64) -> String {
    let (h, m, s) = (secs / 3600, (secs % 3600) / 60, secs % 60);
    match (h, m) {
        (0, 0) => crate::t_in!(lang, "core-duration-s", s = s),
        (0, _) if s == 0 => crate::t_in!(lang, "core-duration-m", m = m),
        (0, _) => crate::t_in!(
            lang,
            "core-duration-ms",
            m = m,
            s = s,
            ss = format!("{s:02}")
        ),
        _ => crate::t_in!(
            lang,
            "core-duration-hms",
            h = h,
            m = m,
            s = s,
            mm = format!("{m:02}"),
            ss = format!("{s:02}")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        // 2026-11-21 10:00:30 in Tokyo.
        Utc.with_ymd_and_hms(2026, 11, 21, 1, 0, 30).unwrap()
    }
    fn tokyo() -> Tz {
        "Asia/Tokyo".parse().unwrap()
    }
    fn at(s: &str) -> String {
        format_rfc3339(&parse_when(s, now(), tokyo()).unwrap())
    }
    fn err(s: &str) -> String {
        parse_when(s, now(), tokyo()).unwrap_err().to_line()
    }

    #[test]
    fn accepted_forms() {
        assert_eq!(at("now"), "2026-11-21T10:00:30+09:00");
        assert_eq!(at("2026-11-20T14:32:00+09:00"), "2026-11-20T14:32:00+09:00");
        assert_eq!(at("2026-11-20T05:32:00Z"), "2026-11-20T05:32:00+00:00");
        assert_eq!(at("2026-11-20 14:32"), "2026-11-20T14:32:00+09:00");
        assert_eq!(at("2026-11-20 14:32:05"), "2026-11-20T14:32:05+09:00");
        assert_eq!(at("2026-11-20T14:32"), "2026-11-20T14:32:00+09:00");
        assert_eq!(at("2026/11/20 14:32"), "2026-11-20T14:32:00+09:00");
        assert_eq!(at("2026/11/20(金) 9:05"), "2026-11-20T09:05:00+09:00");
        assert_eq!(at("11/20 14:32"), "2026-11-20T14:32:00+09:00");
        assert_eq!(at("09:15"), "2026-11-21T09:15:00+09:00");
        assert_eq!(at("yesterday 14:32"), "2026-11-20T14:32:00+09:00");
        assert_eq!(at("昨日 14:32"), "2026-11-20T14:32:00+09:00");
        assert_eq!(at("一昨日 8:00"), "2026-11-19T08:00:00+09:00");
        assert_eq!(
            at("２０２６年１１月２０日　１４時３２分"),
            "2026-11-20T14:32:00+09:00"
        );
        assert_eq!(at("2026年11月20日 14:32"), "2026-11-20T14:32:00+09:00");
        assert_eq!(at("０９：１５"), "2026-11-21T09:15:00+09:00");
    }

    #[test]
    fn month_day_takes_most_recent_past() {
        // December 31 seen on November 21 means last year.
        assert_eq!(at("12/31 23:00"), "2025-12-31T23:00:00+09:00");
        assert_eq!(at("1/2 08:00"), "2026-01-02T08:00:00+09:00");
    }

    #[test]
    fn refused_forms() {
        assert!(err("tomorrow").contains("not a date or time"));
        assert!(err("2026-11-22 09:00").contains("in the future"));
        assert!(err("23:59").contains("in the future"));
        assert!(err("2026-13-01 10:00").contains("not a date I know"));
        assert!(err("25:00").contains("not a valid date and time"));
        assert!(err("2026-11-20").contains("day without a time"));
        assert!(err("").contains("empty"));
        assert!(err("2026-11-20 14:32:99").contains("not a time"));
        assert!(err("yesterday").contains("day without a time"));
        // Every refusal shows what works.
        assert!(err("nonsense").contains("yesterday 14:32"));
    }

    #[test]
    fn clock_changes_are_never_guessed() {
        let ny: Tz = "America/New_York".parse().unwrap();
        let later = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
        let e = parse_when("2026-11-01 01:30", later, ny)
            .unwrap_err()
            .to_line();
        assert!(e.contains("happens twice"), "{e}");
        assert!(e.contains("-04:00") && e.contains("-05:00"), "{e}");
        let e = parse_when("2026-03-08 02:30", later, ny)
            .unwrap_err()
            .to_line();
        assert!(e.contains("does not exist"), "{e}");
        assert_eq!(
            format_rfc3339(&parse_when("2026-07-01 12:00", later, ny).unwrap()),
            "2026-07-01T12:00:00-04:00"
        );
    }

    #[test]
    fn import_times() {
        let imp = |s: &str| parse_import(s, now(), tokyo());
        assert_eq!(
            imp("2019/04/01 09:30").unwrap(),
            ImportTime::Instant(parse_when("2019-04-01 09:30", now(), tokyo()).unwrap())
        );
        assert_eq!(
            imp("2019年4月1日").unwrap(),
            ImportTime::Day(NaiveDate::from_ymd_opt(2019, 4, 1).unwrap())
        );
        assert!(imp("yesterday 10:00").is_err());
        assert!(imp("10:00").is_err());
        assert!(imp("11/20 10:00")
            .unwrap_err()
            .to_line()
            .contains("full date"));
        assert!(imp("2027/01/01").unwrap_err().to_line().contains("future"));
        assert!(imp("").is_err());
    }

    #[test]
    fn bounds() {
        let since = parse_bound("11/01", now(), tokyo(), false).unwrap();
        assert_eq!(since.to_rfc3339(), "2026-10-31T15:00:00+00:00");
        let until = parse_bound("2026-11-20", now(), tokyo(), true).unwrap();
        assert_eq!(until.to_rfc3339(), "2026-11-20T15:00:00+00:00");
        // Bounds may be in the future.
        assert!(parse_bound("2027-01-01", now(), tokyo(), true).is_ok());
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("45s").unwrap(), 45);
        assert_eq!(parse_duration("3m").unwrap(), 180);
        assert_eq!(parse_duration("1h2m").unwrap(), 3720);
        assert_eq!(parse_duration("1h 2m 3s").unwrap(), 3723);
        assert_eq!(parse_duration("0:45").unwrap(), 45);
        assert_eq!(parse_duration("1:02:03").unwrap(), 3723);
        assert_eq!(parse_duration("3分").unwrap(), 180);
        assert_eq!(parse_duration("1時間5分").unwrap(), 3900);
        assert_eq!(parse_duration("３分２０秒").unwrap(), 200);
        assert_eq!(parse_duration("2 minutes").unwrap(), 120);
        assert!(parse_duration("3")
            .unwrap_err()
            .to_line()
            .contains("bare number"));
        assert!(parse_duration("3x").is_err());
        assert!(parse_duration("m").is_err());
        assert!(parse_duration("1:75").is_err());
        assert!(parse_duration("99999999999999999999h").is_err());
        assert_eq!(format_duration(3723), "1h02m03s");
        assert_eq!(format_duration(180), "3m");
        assert_eq!(format_duration(45), "45s");
    }

    #[test]
    fn japanese_twelve_hour_forms() {
        assert_eq!(at("午前9時"), "2026-11-21T09:00:00+09:00");
        assert_eq!(at("午前９時１５分"), "2026-11-21T09:15:00+09:00");
        assert_eq!(at("今日 午前9時30分"), "2026-11-21T09:30:00+09:00");
        assert_eq!(at("昨日 午後2時32分"), "2026-11-20T14:32:00+09:00");
        assert_eq!(at("昨日午後2時"), "2026-11-20T14:00:00+09:00");
        assert_eq!(at("昨日 午後2時半"), "2026-11-20T14:30:00+09:00");
        assert_eq!(at("11/20 午後3:04"), "2026-11-20T15:04:00+09:00");
        assert_eq!(
            at("2026年11月20日 午後11時59分"),
            "2026-11-20T23:59:00+09:00"
        );
        assert_eq!(at("2026/11/20(金) 午後3時"), "2026-11-20T15:00:00+09:00");
        assert_eq!(at("一昨日 午後8:05"), "2026-11-19T20:05:00+09:00");
        // Midnight and noon: 午前0時 is 00:00, 午後0時 and 正午 are 12:00.
        assert_eq!(at("一昨日 午前0時"), "2026-11-19T00:00:00+09:00");
        assert_eq!(at("昨日 午後0時"), "2026-11-20T12:00:00+09:00");
        assert_eq!(at("昨日 午後0時15分"), "2026-11-20T12:15:00+09:00");
        assert_eq!(at("昨日 正午"), "2026-11-20T12:00:00+09:00");
        // A time alone is today, and today's afternoon is still to come.
        assert!(err("午後2時32分").contains("in the future"));
    }

    #[test]
    fn japanese_twelve_hour_forms_refused() {
        // 午前12時 and 午後12時 are read both ways in Japan: never guessed.
        for s in ["午前12時", "昨日 午後12時", "昨日 午後12時30分"] {
            let e = err(s);
            assert!(e.contains("could mean noon or midnight"), "{s}: {e}");
            assert!(e.contains("午前0時") && e.contains("午後0時"), "{e}");
        }
        assert!(err("昨日 午後13時").contains("from 0 to 11"));
        assert!(err("午後 昨日 2時").contains("just before the time"));
        assert!(err("午後").contains("just before the time"));
        assert!(err("昨日 午後x時").contains("is not a time"));
        // Every refusal gives the examples.
        assert!(err("昨日 午後13時").contains("yesterday 14:32"));
    }

    #[test]
    fn twelve_hour_forms_keep_the_clock_change_rule() {
        let ny: Tz = "America/New_York".parse().unwrap();
        let later = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
        let e = parse_when("2026-11-01 午前1時30分", later, ny)
            .unwrap_err()
            .to_line();
        assert!(e.contains("happens twice"), "{e}");
        let e = parse_when("2026-03-08 午前2時30分", later, ny)
            .unwrap_err()
            .to_line();
        assert!(e.contains("does not exist"), "{e}");
    }
}
