//! Feeds a [`Counter`] from a case file: one pass over the `entries_facts`
//! index for the contacts, and the few corrected entries and actions read
//! in full with their corrections applied. Withdrawn entries are left out.

use rustc_hash::FxHashMap as HashMap;

use chrono::{DateTime, Utc};

use super::{Action, By, Contact, Counter, Params, Stats};
use crate::error::Result;
use crate::model::{ActionKind, Kind};
use crate::store::facts::{Fact, FactQuery};
use crate::store::Case;
use crate::timeparse;
use crate::view::{Filter, Party, Related};

/// A bound as whole seconds, rounded up: stored times are whole seconds,
/// so `t >= ceil(bound)` is the same as `t >= bound`.
fn ceil_secs(t: DateTime<Utc>) -> i64 {
    t.timestamp() + i64::from(t.timestamp_subsec_nanos() > 0)
}

/// The figures for the contacts of `case` that pass `filter`, made at `now`.
pub fn load(case: &Case, filter: &Filter, by: Option<By>, now: DateTime<Utc>) -> Result<Stats> {
    let related = Related::load(case)?;
    let mut actions = Vec::new();
    // Only refusals and blocks count, and any action a correction may
    // have turned into one; the rest are not parsed.
    let wanted = "kind = 'action' AND (json_extract(body, '$.action') IN ('refused', 'blocked') \
                  OR seq IN (SELECT target FROM entries WHERE kind = 'correction'))";
    for stored in case.select(wanted, &[])? {
        if related.voids.contains_key(&stored.seq) {
            continue;
        }
        let b = related.effective(stored.seq, &stored.body)?;
        let at = b.occurred_at.as_deref().and_then(timeparse::parse_stored);
        if let (Some(action @ (ActionKind::Refused | ActionKind::Blocked)), Some(at)) =
            (b.action, at)
        {
            actions.push(Action {
                seq: stored.seq,
                action,
                at: at.with_timezone(&Utc),
                channel: b.channel,
                address: b.address,
            });
        }
    }
    let mut counter = Counter::new(Params {
        tz: case.meta.tz,
        now,
        since: filter.since,
        until: filter.until,
        by,
        actions,
    });

    let platform = filter.channel.as_ref().and_then(|c| c.platform.as_deref());
    let party = filter.from.as_deref().map(Party::new);
    let q = FactQuery {
        since: filter.since.map(ceil_secs),
        until: filter.until.map(ceil_secs),
        channel: filter.channel.as_ref().map(|c| c.channel),
        with_platform: platform.is_some(),
        with_org: party.is_some(),
    };
    // Senders and addresses repeat: each distinct text is matched once.
    let mut texts: HashMap<String, bool> = HashMap::default();
    let mut numbers: HashMap<String, bool> = HashMap::default();
    let mut party_matches = |f: &Fact| {
        let Some(p) = &party else { return true };
        let memo =
            |map: &mut HashMap<String, bool>, text: Option<&str>, m: &dyn Fn(&str) -> bool| {
                let Some(t) = text else { return false };
                match map.get(t) {
                    Some(&hit) => hit,
                    None => *map.entry(t.to_owned()).or_insert_with(|| m(t)),
                }
            };
        let in_text = |t: &str| p.in_text(t);
        memo(&mut texts, f.sender, &in_text)
            || memo(&mut texts, f.org, &in_text)
            || memo(&mut numbers, f.address, &|t| p.in_text(t) || p.in_number(t))
    };
    let mut passes = |f: &Fact| {
        let time_ok = match (q.since.is_some() || q.until.is_some(), f.occurred_utc) {
            (false, _) => true,
            (true, None) => false,
            (true, Some(t)) => q.since.is_none_or(|s| t >= s) && q.until.is_none_or(|u| t < u),
        };
        time_ok
            && q.channel.is_none_or(|c| f.channel == Some(c))
            && platform.is_none_or(|p| f.platform.is_some_and(|fp| fp.eq_ignore_ascii_case(p)))
            && party_matches(f)
    };
    let mut add = |f: &Fact| {
        if passes(f) {
            counter.add(&Contact {
                seq: f.seq,
                at: f.occurred_utc.and_then(|t| DateTime::from_timestamp(t, 0)),
                channel: f.channel,
                sender: f.sender,
                address: f.address,
                count: f.count.unwrap_or(1),
                outgoing: f.outgoing,
            });
        }
    };

    // Corrected entries are counted as corrected, below; withdrawn ones never.
    // One flag per entry number up to the last one to skip: a lookup per
    // contact costs no hashing.
    let mut skip: Vec<bool> = Vec::new();
    for &seq in related.corrections.keys().chain(related.voids.keys()) {
        let i = usize::try_from(seq).unwrap_or(usize::MAX);
        if i >= skip.len() {
            skip.resize(i.saturating_add(1), false);
        }
        skip[i] = true;
    }
    case.for_each_contact_fact(q, |f| {
        let skipped = usize::try_from(f.seq)
            .ok()
            .and_then(|i| skip.get(i))
            .is_some_and(|s| *s);
        if !skipped {
            add(f);
        }
    })?;
    for &seq in related.corrections.keys() {
        if related.voids.contains_key(&seq) {
            continue;
        }
        let Some(stored) = case.get(seq)? else {
            continue;
        };
        if stored.body.kind != Kind::Contact {
            continue;
        }
        let b = related.effective(seq, &stored.body)?;
        add(&Fact::of_body(seq, &b));
    }
    Ok(counter.finish())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono_tz::Tz;

    use super::*;
    use crate::model::{Body, ChangeValue, Channel, ChannelWord, Direction};
    use crate::store::CaseMeta;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn new_case(dir: &std::path::Path) -> Case {
        let tz: Tz = "Asia/Tokyo".parse().unwrap();
        let meta = CaseMeta {
            case_id: "00000000-0000-4000-8000-0000000000aa".into(),
            title: None,
            counterparty: None,
            owner: None,
            tz,
            created_at: "2026-11-01T00:00:00.000Z".into(),
        };
        Case::create(&dir.join("case.sqlite"), &meta).unwrap()
    }

    fn contact(at: &str, channel: Channel, address: &str, count: u64) -> Body {
        Body {
            kind: Kind::Contact,
            channel: Some(channel),
            direction: Some(Direction::Incoming),
            occurred_at: Some(at.into()),
            from: Some("山田".into()),
            address: Some(address.into()),
            org: Some("株式会社 例".into()),
            count: Some(count),
            ..Body::default()
        }
    }

    fn correction(target: u64, changes: &[(&str, &str)]) -> Body {
        let changes: BTreeMap<String, ChangeValue> = changes
            .iter()
            .map(|(k, v)| (k.to_string(), ChangeValue::Text(v.to_string())))
            .collect();
        Body {
            kind: Kind::Correction,
            target: Some(target),
            reason: Some("wrong".into()),
            changes: Some(changes),
            ..Body::default()
        }
    }

    fn void(target: u64) -> Body {
        Body {
            kind: Kind::Void,
            target: Some(target),
            reason: Some("entered twice".into()),
            ..Body::default()
        }
    }

    fn action(kind: ActionKind, at: &str) -> Body {
        Body {
            kind: Kind::Action,
            action: Some(kind),
            occurred_at: Some(at.into()),
            ..Body::default()
        }
    }

    /// 1-3 contacts, 4 refused, 5 blocked (withdrawn by 9), 6 moves 1 to
    /// another day, 7 makes 2 an SMS, 8 withdraws 3, 9 withdraws 5,
    /// 10 an outgoing email, 11 a note, 12 moves the refusal, 13 consulted,
    /// which 14 corrects to blocked.
    fn sample(dir: &std::path::Path) -> Case {
        let mut case = new_case(dir);
        let mut sent = contact(
            "2026-11-03T12:00:00+09:00",
            Channel::Email,
            "me@example.jp",
            1,
        );
        sent.direction = Some(Direction::Outgoing);
        let note = Body {
            kind: Kind::Note,
            notes: Some("felt unsafe".into()),
            occurred_at: Some("2026-11-03T12:00:00+09:00".into()),
            ..Body::default()
        };
        case.append_all(
            vec![
                contact(
                    "2026-11-01T09:00:00+09:00",
                    Channel::Phone,
                    "090-1234-5678",
                    3,
                ),
                contact(
                    "2026-11-02T09:00:00+09:00",
                    Channel::Phone,
                    "090-1234-5678",
                    2,
                ),
                contact(
                    "2026-11-02T10:00:00+09:00",
                    Channel::Phone,
                    "090-1234-5678",
                    5,
                ),
                action(ActionKind::Refused, "2026-11-02T12:00:00+09:00"),
                action(ActionKind::Blocked, "2026-11-02T13:00:00+09:00"),
                correction(1, &[("occurred_at", "2026-11-04T00:30:00+09:00")]),
                correction(2, &[("channel", "sms")]),
                void(3),
                void(5),
                sent,
                note,
                correction(4, &[("occurred_at", "2026-11-01T08:00:00+09:00")]),
                action(ActionKind::Consulted, "2026-11-03T12:00:00+09:00"),
                correction(13, &[("action", "blocked")]),
            ],
            || utc("2026-11-10T00:00:00Z"),
        )
        .unwrap();
        case
    }

    #[test]
    fn corrections_apply_and_withdrawn_entries_do_not_count() {
        let dir = tempfile::tempdir().unwrap();
        let case = sample(dir.path());
        let s = load(&case, &Filter::default(), None, utc("2026-11-10T00:00:00Z")).unwrap();
        let t = &s.totals;
        assert_eq!((t.contacts, t.attempts), (2, 5));
        assert_eq!(t.outgoing_excluded, 1);
        assert_eq!(t.by_channel.get(Some(Channel::Phone)), 3);
        assert_eq!(t.by_channel.get(Some(Channel::Sms)), 2);
        assert_eq!(
            t.first_contact.as_deref(),
            Some("2026-11-02T09:00:00+09:00")
        );
        // Entry 1, moved to 00:30 on the 4th (Tokyo).
        assert_eq!(t.last_contact.as_deref(), Some("2026-11-04T00:30:00+09:00"));
        assert_eq!(s.hour_of_day[0], 3);
        // The refusal was moved before every contact; the first block was
        // withdrawn; entry 13 became a block by correction.
        assert_eq!(s.actions.len(), 2);
        let a = &s.actions[0];
        assert_eq!((a.seq, a.at.as_str()), (4, "2026-11-01T08:00:00+09:00"));
        assert_eq!((a.before.attempts, a.after.attempts), (0, 5));
        let b = &s.actions[1];
        assert_eq!((b.seq, b.action), (13, ActionKind::Blocked));
        assert_eq!((b.before.attempts, b.after.attempts), (2, 3));
        assert!(s.addresses.iter().all(|a| a.new_after_block.is_none()));
    }

    #[test]
    fn filters_apply_to_corrected_values() {
        let dir = tempfile::tempdir().unwrap();
        let case = sample(dir.path());
        let now = utc("2026-11-10T00:00:00Z");
        let sms = Filter {
            channel: Some(ChannelWord::parse("sms").unwrap()),
            ..Filter::default()
        };
        assert_eq!(load(&case, &sms, None, now).unwrap().totals.attempts, 2);
        let day4 = Filter {
            since: Some(utc("2026-11-04T00:00:00+09:00")),
            ..Filter::default()
        };
        assert_eq!(load(&case, &day4, None, now).unwrap().totals.attempts, 3);
        let digits = Filter {
            from: Some("09012345678".into()),
            ..Filter::default()
        };
        assert_eq!(load(&case, &digits, None, now).unwrap().totals.attempts, 5);
        let org = Filter {
            from: Some("株式会社".into()),
            ..Filter::default()
        };
        assert_eq!(load(&case, &org, None, now).unwrap().totals.attempts, 5);
        let other = Filter {
            from: Some("佐藤".into()),
            ..Filter::default()
        };
        assert_eq!(load(&case, &other, None, now).unwrap().totals.contacts, 0);
        let insta = Filter {
            channel: Some(ChannelWord::parse("instagram").unwrap()),
            ..Filter::default()
        };
        assert_eq!(load(&case, &insta, None, now).unwrap().totals.contacts, 0);
    }

    #[test]
    fn contacts_are_read_from_the_index_alone() {
        let dir = tempfile::tempdir().unwrap();
        let case = new_case(dir.path());
        for q in [
            FactQuery::default(),
            FactQuery {
                since: Some(0),
                until: Some(1),
                channel: Some(Channel::Phone),
                with_platform: true,
                with_org: true,
            },
        ] {
            let plan = case.contact_fact_plan(q).unwrap();
            assert!(
                plan.contains("USING COVERING INDEX entries_facts"),
                "{plan}"
            );
        }
    }
}
