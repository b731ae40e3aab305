//! The index columns kept beside each body for queries.

use crate::model::Body;
use crate::timeparse;

use super::*;

/// The values kept beside the body for indexed queries. `verify` checks
/// that they agree with the hashed body.
#[derive(Debug, PartialEq, Eq)]
pub struct IndexColumns {
    pub occurred_utc: Option<i64>,
    pub channel: Option<String>,
    pub sender: Option<String>,
    pub address: Option<String>,
    pub target: Option<i64>,
}

impl IndexColumns {
    pub fn of(body: &Body) -> IndexColumns {
        IndexColumns {
            occurred_utc: body
                .occurred_at
                .as_deref()
                .and_then(timeparse::parse_stored)
                .map(|d| d.timestamp()),
            channel: body.channel.map(|c| c.as_str().to_string()),
            sender: body.from.clone(),
            address: body.address.clone(),
            target: body.target.map(|t| t as i64),
        }
    }

    /// Whether a stored row's index columns and kind agree with its body
    /// (as `of(body)` compared with `of_row(row)`, without copying).
    pub fn agree(body: &Body, row: &RawRow) -> bool {
        let occurred = body
            .occurred_at
            .as_deref()
            .and_then(timeparse::parse_stored)
            .map(|d| d.timestamp());
        body.kind.as_str() == row.kind
            && occurred == row.occurred_utc
            && body.channel.map(|c| c.as_str()) == row.channel.as_deref()
            && body.from == row.sender
            && body.address == row.address
            && body.target.map(|t| t as i64) == row.target
    }

    pub fn of_row(row: &RawRow) -> IndexColumns {
        IndexColumns {
            occurred_utc: row.occurred_utc,
            channel: row.channel.clone(),
            sender: row.sender.clone(),
            address: row.address.clone(),
            target: row.target,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Kind};

    #[test]
    fn agree_matches_comparing_the_columns() {
        let body = Body {
            kind: Kind::Contact,
            occurred_at: Some("2026-11-20T14:32:00+09:00".into()),
            channel: Some(Channel::Phone),
            from: Some("山田".into()),
            address: Some("090-1234-5678".into()),
            ..Body::default()
        };
        let cols = IndexColumns::of(&body);
        let row = RawRow {
            seq: 1,
            kind: "contact".into(),
            occurred_utc: cols.occurred_utc,
            channel: cols.channel.clone(),
            sender: cols.sender.clone(),
            address: cols.address.clone(),
            target: cols.target,
            body: String::new(),
            prev_hash: String::new(),
            hash: String::new(),
        };
        assert!(IndexColumns::agree(&body, &row));
        let changed = [
            RawRow {
                kind: "note".into(),
                ..row.clone()
            },
            RawRow {
                occurred_utc: Some(0),
                ..row.clone()
            },
            RawRow {
                channel: Some("sms".into()),
                ..row.clone()
            },
            RawRow {
                sender: None,
                ..row.clone()
            },
            RawRow {
                address: Some("090".into()),
                ..row.clone()
            },
            RawRow {
                target: Some(1),
                ..row.clone()
            },
        ];
        for r in &changed {
            assert_eq!(
                IndexColumns::agree(&body, r),
                IndexColumns::of(&body) == IndexColumns::of_row(r) && r.kind == "contact"
            );
            assert!(!IndexColumns::agree(&body, r), "{r:?}");
        }
    }
}
