//! Apple's times: seconds (or, in `sms.db` since iOS 11, nanoseconds)
//! since 2001-01-01 00:00:00 UTC.

use chrono::{DateTime, Utc};

/// 2001-01-01T00:00:00Z in Unix seconds.
pub const APPLE_EPOCH: i64 = 978_307_200;

/// A `sms.db` time: nanoseconds when larger than any plausible number of
/// seconds, else seconds. `None` for 0 or out of range.
pub fn from_apple_int(v: i64) -> Option<DateTime<Utc>> {
    if v == 0 {
        return None;
    }
    let (secs, nanos) = if v.unsigned_abs() > 100_000_000_000 {
        (
            v.div_euclid(1_000_000_000),
            v.rem_euclid(1_000_000_000) as u32,
        )
    } else {
        (v, 0)
    };
    DateTime::<Utc>::from_timestamp(secs.checked_add(APPLE_EPOCH)?, nanos)
}

/// A Core Data time (`ZDATE`): seconds as a float.
pub fn from_apple_float(v: f64) -> Option<DateTime<Utc>> {
    if !v.is_finite() || v.abs() > 1e11 {
        return None;
    }
    let secs = v.floor();
    let nanos = ((v - secs) * 1e9).round().min(999_999_999.0) as u32;
    DateTime::<Utc>::from_timestamp(secs as i64 + APPLE_EPOCH, nanos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_and_nanoseconds() {
        let t = from_apple_int(785_000_000).unwrap();
        assert_eq!(t.to_rfc3339(), "2025-11-16T15:33:20+00:00");
        assert_eq!(from_apple_int(785_000_000_000_000_000), Some(t));
        assert_eq!(from_apple_int(0), None);
        // Out of any plausible range, but a time: refused later as in the future.
        assert_eq!(
            from_apple_int(i64::MAX)
                .map(|t| t.format("%Y").to_string())
                .as_deref(),
            Some("2293")
        );
        assert_eq!(from_apple_float(785_000_000.0), Some(t));
        assert_eq!(from_apple_float(f64::NAN), None);
    }
}
