//! The call history: `ZCALLRECORD` in `CallHistory.storedata` (HomeDomain,
//! `Library/CallHistoryDB/`), a Core Data store that Apple includes only in
//! encrypted backups.
//!
//! `ZADDRESS` is the other party's number or address (text, or a blob of
//! UTF-8 in some versions; empty when the caller withheld it), `ZDATE`
//! seconds since 2001 (a float), `ZDURATION` seconds, `ZORIGINATED` 1 for
//! the user's own calls, `ZANSWERED` 1 when answered, `ZCALLTYPE` 1 phone,
//! 8 FaceTime video, 16 FaceTime audio, `ZSERVICE_PROVIDER` the app that
//! placed it (`com.apple.Telephony`, `com.apple.FaceTime`, or a VoIP app
//! through CallKit such as `jp.naver.line`), `ZUNIQUE_ID` a UUID.

use rusqlite::types::ValueRef;
use rusqlite::Connection;

use super::{columns, value_int as int, value_text as text, withheld, Ctx};
use crate::error::Result;
use crate::import::{checked_time, Bad, Context, Party, Record};
use crate::model::{Channel, Direction, Outcome};
use crate::t;

/// One row of `ZCALLRECORD`, as stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CallRow {
    pub pk: i64,
    pub address: Option<Vec<u8>>,
    pub date: Option<f64>,
    pub duration: Option<f64>,
    pub originated: Option<i64>,
    pub answered: Option<i64>,
    pub call_type: Option<i64>,
    pub provider: Option<String>,
    pub unique_id: Option<String>,
    pub name: Option<String>,
}

/// The channel and the service name shown for a call.
fn service(row: &CallRow) -> (Channel, Option<String>) {
    let provider = row.provider.as_deref().unwrap_or("").trim();
    let facetime = match row.call_type {
        Some(8) => Some("FaceTime video"),
        Some(16) => Some("FaceTime audio"),
        _ => None,
    };
    match provider {
        "" | "com.apple.Telephony" => match facetime {
            Some(f) => (Channel::Phone, Some(f.to_string())),
            None => (Channel::Phone, None),
        },
        "com.apple.FaceTime" => (
            Channel::Phone,
            Some(facetime.unwrap_or("FaceTime").to_string()),
        ),
        p if p.starts_with("jp.naver.line") => (Channel::Line, Some(format!("LINE ({p})"))),
        p => (Channel::Phone, Some(p.to_string())),
    }
}

/// Turns one row into a record; `Err` says why it cannot be read.
pub fn record(row: &CallRow, ctx: &Context) -> std::result::Result<Record, String> {
    let date = row.date.ok_or_else(|| t!("iphone-bad-no-date"))?;
    let utc = super::time::from_apple_float(date)
        .ok_or_else(|| t!("iphone-bad-date", value = date.to_string()))?;
    let at = checked_time(utc.with_timezone(&ctx.tz).fixed_offset(), ctx.now)?;
    let address = match &row.address {
        None => None,
        Some(b) => Some(
            std::str::from_utf8(b)
                .map_err(|_| t!("iphone-bad-address"))?
                .trim()
                .to_string(),
        ),
    }
    .filter(|a| !a.is_empty());
    let duration = match row.duration {
        None => 0,
        Some(d) if d.is_finite() && (0.0..1e9).contains(&d) => d.round() as u64,
        Some(d) => return Err(t!("iphone-bad-duration", value = d.to_string())),
    };
    let (direction, outcome) = match (row.originated, row.answered) {
        (Some(1), _) => (
            Direction::Outgoing,
            (duration > 0).then_some(Outcome::Answered),
        ),
        (Some(0) | None, Some(1)) => (Direction::Incoming, Some(Outcome::Answered)),
        (Some(0) | None, Some(0) | None) => (Direction::Incoming, Some(Outcome::Missed)),
        (o, a) => {
            return Err(t!(
                "iphone-bad-call-flags",
                originated = o.unwrap_or(-1),
                answered = a.unwrap_or(-1)
            ))
        }
    };
    let (channel, platform) = service(row);
    let is_withheld = withheld::is_withheld(address.as_deref());
    let key = match row.unique_id.as_deref().filter(|u| !u.trim().is_empty()) {
        Some(u) => format!("call\u{1f}{}", u.trim()),
        None => format!(
            "call\u{1f}{}\u{1f}{date}\u{1f}{duration}\u{1f}{}",
            address.as_deref().unwrap_or(""),
            row.originated.unwrap_or(0)
        ),
    };
    Ok(Record {
        position: format!("CallHistory.storedata call {}", row.pk),
        occurred_at: at,
        channel: Some(channel),
        platform,
        direction: Some(direction),
        party: Party {
            name: row
                .name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(String::from),
            address,
        },
        duration_secs: (duration > 0).then_some(duration),
        outcome,
        notes: is_withheld.then(|| t!("iphone-note-withheld")),
        key,
        ..Record::default()
    })
}

fn bytes(v: ValueRef<'_>) -> Option<Vec<u8>> {
    match v {
        ValueRef::Text(t) | ValueRef::Blob(t) => Some(t.to_vec()),
        ValueRef::Integer(i) => Some(i.to_string().into_bytes()),
        _ => None,
    }
}

fn real(v: ValueRef<'_>) -> Option<f64> {
    match v {
        ValueRef::Real(f) => Some(f),
        ValueRef::Integer(i) => Some(i as f64),
        ValueRef::Text(t) => std::str::from_utf8(t).ok()?.trim().parse().ok(),
        _ => None,
    }
}

/// Reads every call.
pub fn read(conn: &Connection, ictx: &Ctx) -> Result<(Vec<Record>, Vec<Bad>)> {
    let file = "CallHistory.storedata";
    let cols = columns(
        conn,
        file,
        "ZCALLRECORD",
        &["Z_PK", "ZADDRESS", "ZDATE", "ZORIGINATED", "ZANSWERED"],
        ictx,
    )?;
    let opt = |c: &str| super::column_or_null(&cols, c);
    let sql = format!(
        "SELECT Z_PK, ZADDRESS, ZDATE, {}, ZORIGINATED, ZANSWERED, {}, {}, {}, {} FROM ZCALLRECORD ORDER BY ZDATE, Z_PK",
        opt("ZDURATION"),
        opt("ZCALLTYPE"),
        opt("ZSERVICE_PROVIDER"),
        opt("ZUNIQUE_ID"),
        opt("ZNAME"),
    );
    let db_err = |e: rusqlite::Error| super::unreadable(file, &e.to_string());
    let mut stmt = conn.prepare(&sql).map_err(db_err)?;
    let mut rows = stmt.query([]).map_err(db_err)?;
    let (mut records, mut bad) = (Vec::new(), Vec::new());
    while let Some(r) = rows.next().map_err(db_err)? {
        let get = |i: usize| r.get_ref(i).unwrap_or(ValueRef::Null);
        let row = CallRow {
            pk: int(get(0)).unwrap_or(0),
            address: bytes(get(1)),
            date: real(get(2)),
            duration: real(get(3)),
            originated: int(get(4)),
            answered: int(get(5)),
            call_type: int(get(6)),
            provider: text(get(7)),
            unique_id: text(get(8)),
            name: text(get(9)),
        };
        match record(&row, &ictx.import) {
            Ok(rec) => records.push(rec),
            Err(message) => bad.push(Bad {
                position: format!("{file} call {}", row.pk),
                message,
            }),
        }
    }
    Ok((records, bad))
}
