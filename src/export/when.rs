//! Dates and times as people read them in the report and the workbook:
//! `2026年9月1日(火) 10:05` in Japanese, `Tue 1 Sep 2026 10:05` in English.
//! The offset is not repeated in each cell: the heading states the case's
//! time zone once ([`zone_note`]).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

use super::lang::Lang;
use crate::timeparse;

/// A date: `2026年11月19日` or `19 November 2026`.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    crate::t_in!(
        lang,
        "words-date",
        year = d.year().to_string(),
        month = d.month(),
        day = d.day()
    )
}

/// A date with its weekday: `2026年9月1日(火)`, `Tue 1 Sep 2026`.
pub fn day(lang: Lang, t: &DateTime<FixedOffset>) -> String {
    day_of(lang, t.date_naive())
}

/// A date with its weekday: `2026年10月5日(月)`, `Mon 5 Oct 2026`.
pub fn day_of(lang: Lang, d: NaiveDate) -> String {
    crate::t_in!(
        lang,
        "words-day",
        year = d.year().to_string(),
        month = d.month(),
        day = d.day(),
        weekday = d.weekday().num_days_from_monday()
    )
}

/// The time of day: to the minute, or to the second when it has seconds.
pub fn clock(t: &DateTime<FixedOffset>) -> String {
    if t.second() == 0 {
        t.format("%H:%M").to_string()
    } else {
        t.format("%H:%M:%S").to_string()
    }
}

/// A date with its weekday and the time to the minute.
pub fn date_time(lang: Lang, t: &DateTime<FixedOffset>) -> String {
    format!("{} {}", day(lang, t), t.format("%H:%M"))
}

/// A stored RFC 3339 time in the case's zone, as [`date_time`]; the text
/// as given when it cannot be read.
pub fn stored(lang: Lang, text: &str, tz: Tz) -> String {
    match timeparse::parse_stored(text) {
        Some(t) => date_time(lang, &in_zone(&t.with_timezone(&Utc), tz)),
        None => text.to_string(),
    }
}

/// A stored RFC 3339 time's date in the case's zone.
pub fn stored_date(text: &str, tz: Tz) -> Option<NaiveDate> {
    timeparse::parse_stored(text).map(|t| in_zone(&t.with_timezone(&Utc), tz).date_naive())
}

/// A UTC time in the case's zone, with its fixed offset.
pub fn in_zone(t: &DateTime<Utc>, tz: Tz) -> DateTime<FixedOffset> {
    let local = tz.from_utc_datetime(&t.naive_utc());
    local.fixed_offset()
}

/// The zone note of a heading: `Asia/Tokyo, UTC+09:00`.
pub fn zone_note(tz: Tz, at: &DateTime<Utc>) -> String {
    let off = in_zone(at, tz).offset().to_string();
    format!("{}, UTC{off}", tz.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_and_english_forms() {
        let t = DateTime::parse_from_rfc3339("2026-09-01T10:05:00+09:00").unwrap();
        assert_eq!(date_time(Lang::Ja, &t), "2026年9月1日(火) 10:05");
        assert_eq!(date_time(Lang::En, &t), "Tue 1 Sep 2026 10:05");
        let d = NaiveDate::from_ymd_opt(2026, 11, 19).unwrap();
        assert_eq!(date(Lang::Ja, d), "2026年11月19日");
        assert_eq!(date(Lang::En, d), "19 November 2026");
        assert_eq!(
            stored(Lang::Ja, "2026-09-01T01:05:00Z", chrono_tz::Asia::Tokyo),
            "2026年9月1日(火) 10:05"
        );
        assert_eq!(
            zone_note(chrono_tz::Asia::Tokyo, &Utc::now()),
            "Asia/Tokyo, UTC+09:00"
        );
    }
}
