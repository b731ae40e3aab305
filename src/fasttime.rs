//! Quick readings of the two time forms kiroku writes, for `verify`,
//! which reads two times per entry: `recorded_at`
//! (`2026-11-20T05:33:10.250Z`) and `occurred_at`
//! (`2026-11-20T14:32:00+09:00`). A general RFC 3339 parser (and, for
//! `recorded_at`, writing the time back to compare) costs more than
//! hashing the entry.
//!
//! Each function answers only when it is sure: a text of exactly that
//! form with a valid date and time (years 1000 to 9999, no leap second).
//! Then the answer is the one of [`crate::timeparse::parse_stored`]; for
//! anything else it answers `None` and the caller asks the general
//! parser. The tests compare both on many altered texts.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

/// `n` decimal digits at `at`.
fn digits(s: &[u8], at: usize, n: usize) -> Option<u32> {
    s.get(at..at + n)?.iter().try_fold(0u32, |v, &d| {
        d.is_ascii_digit().then(|| v * 10 + u32::from(d - b'0'))
    })
}

/// `YYYY-MM-DDTHH:MM:SS` at the start of `s`, with its fraction of a
/// second (`.mmm`) when `millis`.
fn civil(s: &[u8], millis: bool) -> Option<NaiveDateTime> {
    if s.len() < 19
        || s[4] != b'-'
        || s[7] != b'-'
        || s[10] != b'T'
        || s[13] != b':'
        || s[16] != b':'
    {
        return None;
    }
    let year = digits(s, 0, 4).filter(|y| *y >= 1000)?;
    let date = NaiveDate::from_ymd_opt(year as i32, digits(s, 5, 2)?, digits(s, 8, 2)?)?;
    let second = digits(s, 17, 2).filter(|s| *s < 60)?;
    let milli = if millis {
        (s.get(19) == Some(&b'.')).then_some(())?;
        digits(s, 20, 3)?
    } else {
        0
    };
    date.and_hms_milli_opt(digits(s, 11, 2)?, digits(s, 14, 2)?, second, milli)
}

/// A `recorded_at` time in the one form kiroku writes (UTC, milliseconds,
/// `Z`), when `s` is certainly that.
pub fn utc_millis(s: &str) -> Option<DateTime<FixedOffset>> {
    let b = s.as_bytes();
    if b.len() != 24 || b[23] != b'Z' {
        return None;
    }
    Some(civil(b, true)?.and_utc().fixed_offset())
}

/// The Unix time of an `occurred_at` time in whole seconds with an offset
/// (`+09:00`) or `Z`, when `s` is certainly that.
pub fn offset_seconds(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let utc = civil(b, false)?.and_utc().timestamp();
    match b.len() {
        20 if b[19] == b'Z' => Some(utc),
        25 if b[22] == b':' => {
            let hours = digits(b, 20, 2).filter(|h| *h < 24)?;
            let minutes = digits(b, 23, 2).filter(|m| *m < 60)?;
            let offset = i64::from(hours * 3600 + minutes * 60);
            match b[19] {
                b'+' => Some(utc - offset),
                b'-' => Some(utc + offset),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeparse;

    /// The texts one character away from each sample.
    fn altered(samples: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        for s in samples {
            out.push(s.to_string());
            for i in 0..s.len() {
                for c in [
                    '0', '1', '2', '3', '5', '6', '9', 'Z', 'z', 'T', 't', ' ', '+', '-', ':', '.',
                ] {
                    let mut v = s.to_string();
                    v.replace_range(i..i + 1, &c.to_string());
                    out.push(v);
                }
                out.push(format!("{}{}", &s[..i], &s[i + 1..]));
                out.push(format!("{}0{}", &s[..i], &s[i..]));
            }
        }
        out
    }

    #[test]
    fn recorded_times_read_as_the_general_parser_reads_them() {
        let samples = [
            "2026-11-20T05:33:10.250Z",
            "2024-02-29T23:59:59.999Z",
            "2023-02-28T00:00:00.000Z",
            "1999-12-31T12:00:00.001Z",
        ];
        let mut sure = 0;
        for s in altered(&samples) {
            let general = timeparse::parse_stored(&s)
                .filter(|t| timeparse::format_utc_millis(&t.with_timezone(&chrono::Utc)) == s);
            if let Some(t) = utc_millis(&s) {
                sure += 1;
                assert_eq!(Some(t), general, "{s}");
                assert_eq!(t.offset(), general.unwrap().offset(), "{s}");
            }
        }
        assert!(sure > 100, "{sure}");
        assert_eq!(utc_millis("2023-02-29T00:00:00.000Z"), None);
        assert_eq!(utc_millis("2026-11-20T23:59:60.000Z"), None);
    }

    #[test]
    fn occurred_times_read_as_the_general_parser_reads_them() {
        let samples = [
            "2026-11-20T14:32:00+09:00",
            "2026-01-01T00:00:00-05:30",
            "2024-02-29T23:59:59Z",
            "2026-11-20T14:32:00+00:00",
        ];
        let mut sure = 0;
        for s in altered(&samples) {
            let general = timeparse::parse_stored(&s).map(|d| d.timestamp());
            if let Some(t) = offset_seconds(&s) {
                sure += 1;
                assert_eq!(Some(t), general, "{s}");
            }
        }
        assert!(sure > 100, "{sure}");
        assert_eq!(offset_seconds("2026-11-20T14:32:00.5+09:00"), None);
    }
}
