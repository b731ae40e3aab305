//! The per-contact facts `stats` counts, read from the `entries_facts`
//! covering index (see `migrations.rs`) without parsing any body.

use rusqlite::types::ValueRef;
use rusqlite::OptionalExtension;

use super::Case;
use crate::error::Result;
use crate::model::{ActionKind, Body, Channel, Direction};

/// The facts of one contact entry, borrowed from the row being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact<'a> {
    pub seq: u64,
    pub occurred_utc: Option<i64>,
    pub channel: Option<Channel>,
    pub platform: Option<&'a str>,
    pub sender: Option<&'a str>,
    pub address: Option<&'a str>,
    pub org: Option<&'a str>,
    pub count: Option<u64>,
    pub outgoing: bool,
}

impl<'a> Fact<'a> {
    /// The same facts from a (corrected) body.
    pub fn of_body(seq: u64, b: &'a Body) -> Fact<'a> {
        Fact {
            seq,
            occurred_utc: super::IndexColumns::of(b).occurred_utc,
            channel: b.channel,
            platform: b.platform.as_deref(),
            sender: b.from.as_deref(),
            address: b.address.as_deref(),
            org: b.org.as_deref(),
            count: b.count,
            outgoing: b.direction == Some(Direction::Outgoing),
        }
    }
}

/// Which rows to read: times as whole seconds, `[since, until)`; the
/// platform and organisation are read only when asked for.
#[derive(Debug, Clone, Copy, Default)]
pub struct FactQuery {
    pub since: Option<i64>,
    pub until: Option<i64>,
    pub channel: Option<Channel>,
    pub with_platform: bool,
    pub with_org: bool,
    /// Only the contacts with no time (set neither `since` nor `until`).
    pub undated: bool,
    /// Only entries numbered up to this one. Entries are never changed,
    /// so these read the same on any connection, whatever was appended
    /// since: readers on several connections see one state of the case.
    pub max_seq: Option<i64>,
}

impl FactQuery {
    /// The SELECT. Its expressions are written exactly as in the
    /// `entries_facts` index (see `migrations.rs`), so that SQLite reads that index
    /// alone (a test checks the plan); it would still answer, slowly,
    /// without it.
    fn sql(&self) -> String {
        let mut sql = String::from(
            "SELECT seq, occurred_utc, channel, sender, address, \
             json_extract(body, '$.count'), json_extract(body, '$.direction') IS 'outgoing'",
        );
        for (wanted, expr) in [
            (self.with_platform, "json_extract(body, '$.platform')"),
            (self.with_org, "json_extract(body, '$.org')"),
        ] {
            sql.push_str(", ");
            sql.push_str(if wanted { expr } else { "NULL" });
        }
        sql.push_str(" FROM entries WHERE kind = 'contact'");
        if self.since.is_some() {
            sql.push_str(" AND occurred_utc >= ?");
        }
        if self.until.is_some() {
            sql.push_str(" AND occurred_utc < ?");
        }
        if self.channel.is_some() {
            sql.push_str(" AND channel = ?");
        }
        if self.undated {
            sql.push_str(" AND occurred_utc IS NULL");
        }
        if self.max_seq.is_some() {
            // `+`: a condition on the index's rows, not a reason to read
            // the table in order of number instead.
            sql.push_str(" AND +seq <= ?");
        }
        sql
    }
}

/// Refusals and blocks in a range of numbers, through the index of kinds
/// and numbers (`entries_by_kind`).
const STOP_FACTS: &str = "SELECT seq, json_extract(body, '$.action'), \
     json_extract(body, '$.occurred_at'), channel, address FROM entries \
     WHERE kind = 'action' AND seq > ?1 AND seq <= ?2 \
     AND json_extract(body, '$.action') IN ('refused', 'blocked')";

fn text(v: ValueRef<'_>) -> Option<&str> {
    match v {
        ValueRef::Text(t) => std::str::from_utf8(t).ok(),
        _ => None,
    }
}

fn integer(v: ValueRef<'_>) -> Option<i64> {
    match v {
        ValueRef::Integer(n) => Some(n),
        _ => None,
    }
}

fn channel(v: ValueRef<'_>) -> Option<Channel> {
    match v {
        ValueRef::Text(t) => Channel::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().as_bytes() == t),
        _ => None,
    }
}

impl Case {
    /// Streams the facts of every contact entry that `q` selects, in time
    /// order, reading only the `entries_facts` index.
    pub fn for_each_contact_fact(&self, q: FactQuery, mut f: impl FnMut(&Fact)) -> Result<()> {
        let channel_name = q.channel.map(|c| c.as_str());
        let args: Vec<&dyn rusqlite::ToSql> = [
            q.since.as_ref().map(|s| s as &dyn rusqlite::ToSql),
            q.until.as_ref().map(|u| u as &dyn rusqlite::ToSql),
            channel_name.as_ref().map(|c| c as &dyn rusqlite::ToSql),
            q.max_seq.as_ref().map(|m| m as &dyn rusqlite::ToSql),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut stmt = self.conn().prepare(&q.sql())?;
        let mut rows = stmt.query(args.as_slice())?;
        while let Some(r) = rows.next()? {
            let count = integer(r.get_ref(5)?).and_then(|n| u64::try_from(n).ok());
            // Values are borrowed from SQLite's row (`get_ref`): no copy,
            // no conversion beyond what each fact needs.
            f(&Fact {
                seq: integer(r.get_ref(0)?).unwrap_or(0).max(0) as u64,
                occurred_utc: integer(r.get_ref(1)?),
                channel: channel(r.get_ref(2)?),
                sender: text(r.get_ref(3)?),
                address: text(r.get_ref(4)?),
                count,
                outgoing: integer(r.get_ref(6)?).is_some_and(|n| n != 0),
                platform: if q.with_platform {
                    text(r.get_ref(7)?)
                } else {
                    None
                },
                org: if q.with_org {
                    text(r.get_ref(8)?)
                } else {
                    None
                },
            });
        }
        Ok(())
    }

    /// The times of the contacts among `n` entries spread evenly over the
    /// numbers 1 to `max_seq`, in order: a sample of how the contacts are
    /// spread over time, read in about `n` lookups by number.
    pub fn contact_time_sample(&self, max_seq: i64, n: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn().prepare(
            "SELECT occurred_utc FROM entries \
             WHERE seq = ? AND kind = 'contact' AND occurred_utc IS NOT NULL",
        )?;
        let mut times = Vec::new();
        let n = n.clamp(1, max_seq.max(1));
        for i in 0..n {
            // The middle of each of n equal stretches of numbers.
            let seq = (i128::from(2 * i + 1) * i128::from(max_seq) / i128::from(2 * n)) as i64 + 1;
            if let Some(t) = stmt.query_row([seq], |r| r.get::<_, i64>(0)).optional()? {
                times.push(t);
            }
        }
        times.sort_unstable();
        Ok(times)
    }

    /// The refusals and blocks numbered after `after` up to `upto`, as
    /// stored (corrections not applied), read without parsing any body
    /// (SQLite takes the action and the time from it): `f(seq, action,
    /// occurred_at, channel, address)` for each.
    pub fn for_each_stop_fact(
        &self,
        after: i64,
        upto: i64,
        mut f: impl FnMut(u64, ActionKind, Option<&str>, Option<Channel>, Option<&str>),
    ) -> Result<()> {
        let mut stmt = self.conn().prepare(STOP_FACTS)?;
        let mut rows = stmt.query([after, upto])?;
        while let Some(r) = rows.next()? {
            let action = match r.get_ref(1)? {
                ValueRef::Text(b"refused") => ActionKind::Refused,
                ValueRef::Text(b"blocked") => ActionKind::Blocked,
                _ => continue,
            };
            f(
                integer(r.get_ref(0)?).unwrap_or(0).max(0) as u64,
                action,
                text(r.get_ref(2)?),
                channel(r.get_ref(3)?),
                text(r.get_ref(4)?),
            );
        }
        Ok(())
    }

    /// The query plan of [`Case::for_each_stop_fact`], for tests.
    pub fn stop_fact_plan(&self) -> Result<String> {
        let mut stmt = self
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {STOP_FACTS}"))?;
        let plan = stmt
            .query_map([0, 1], |r| r.get::<_, String>(3))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(plan.join("\n"))
    }

    /// The query plan of [`Case::for_each_contact_fact`], for tests.
    pub fn contact_fact_plan(&self, q: FactQuery) -> Result<String> {
        let mut stmt = self
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {}", q.sql()))?;
        let n = stmt.parameter_count();
        let plan = stmt
            .query_map(rusqlite::params_from_iter(std::iter::repeat_n(0, n)), |r| {
                r.get::<_, String>(3)
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(plan.join("\n"))
    }
}
