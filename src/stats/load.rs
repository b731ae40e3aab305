//! Feeds a [`Counter`] from a case file: one pass over the `entries_facts`
//! index for the contacts, and the few corrected entries and actions read
//! in full with their corrections applied. Withdrawn entries are left out.
//!
//! A large case is read in parts of its time range, by as many threads as
//! the machine has cores (at most 4), each on its own connection; the
//! parts are counted separately and merged in time order, which gives the
//! figures of one pass (see [`Counter::merge`]). Every read sees one state
//! of the case file: this connection holds one read transaction, and the
//! others read only the entries up to the last one it sees (entries are
//! never changed, so those read the same on any connection).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

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

/// How the contacts are read: in how many parts of their time range, by
/// how many threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    pub threads: usize,
    pub parts: usize,
}

impl Split {
    /// One pass on this thread.
    pub const ONE: Split = Split {
        threads: 1,
        parts: 1,
    };

    /// Below this many entries one pass is quick enough (a few
    /// milliseconds) that another thread and connection cost more than
    /// they save.
    const FROM_ENTRIES: u64 = 50_000;

    /// A thread per core (at most 4) for a case of `entries` entries, each
    /// taking parts as it finishes the last (4 per thread), so that a
    /// thread kept waiting for a core by other work holds the rest up less.
    pub fn for_case(entries: u64) -> Split {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        if entries < Split::FROM_ENTRIES || threads < 2 {
            return Split::ONE;
        }
        Split {
            threads,
            parts: threads * 4,
        }
    }
}

/// The figures for the contacts of `case` that pass `filter`, made at `now`.
pub fn load(case: &Case, filter: &Filter, by: Option<By>, now: DateTime<Utc>) -> Result<Stats> {
    load_split(case, filter, by, now, Split::for_case)
}

/// [`load`], read as `split` says for a case of so many entries.
pub fn load_split(
    case: &Case,
    filter: &Filter,
    by: Option<By>,
    now: DateTime<Utc>,
    split: impl FnOnce(u64) -> Split,
) -> Result<Stats> {
    // One state of the case file for every read below (dropped at the end).
    let _snapshot = case.snapshot()?;
    let max_seq = case.last_seq()?;
    let split = split(max_seq);
    let related = Related::load(case)?;
    // The corrected entries, with their corrections applied: the actions
    // among them now, the contacts after the others.
    let mut corrected = Vec::new();
    for &seq in related.corrections.keys() {
        if related.voids.contains_key(&seq) {
            continue;
        }
        if let Some(stored) = case.get(seq)? {
            corrected.push((seq, related.effective(seq, &stored.body)?));
        }
    }
    let action = |seq, action, at: Option<&str>, channel, address: Option<&str>| {
        let at = at.and_then(timeparse::parse_stored)?;
        Some(Action {
            seq,
            action,
            at: at.with_timezone(&Utc),
            channel,
            address: address.map(str::to_owned),
        })
    };
    let mut actions: Vec<Action> = corrected
        .iter()
        .filter_map(|(seq, b)| match (b.kind, b.action) {
            (Kind::Action, Some(a @ (ActionKind::Refused | ActionKind::Blocked))) => action(
                *seq,
                a,
                b.occurred_at.as_deref(),
                b.channel,
                b.address.as_deref(),
            ),
            _ => None,
        })
        .collect();
    // The others as stored, in ranges of numbers read side by side.
    let ranges = u64::try_from(split.parts.max(1)).unwrap_or(1);
    let bound = |k: u64| {
        i64::try_from(max_seq / ranges * k + max_seq % ranges * k / ranges).unwrap_or(i64::MAX)
    };
    let found = in_parallel(case, split.threads, split.parts.max(1), |c, i| {
        let mut found = Vec::new();
        c.for_each_stop_fact(
            bound(i as u64),
            bound(i as u64 + 1),
            |seq, a, at, ch, addr| {
                let kept =
                    !related.voids.contains_key(&seq) && !related.corrections.contains_key(&seq);
                found.extend(action(seq, a, at, ch, addr).filter(|_| kept));
            },
        )?;
        Ok(found)
    })?;
    actions.extend(found.into_iter().flatten());
    let mut counter = Counter::new(Params {
        tz: case.meta.tz,
        now,
        since: filter.since,
        until: filter.until,
        by,
        actions,
    });

    let party = filter.from.as_deref().map(Party::new);
    let platform = filter.channel.as_ref().and_then(|c| c.platform.as_deref());
    let q = FactQuery {
        since: filter.since.map(ceil_secs),
        until: filter.until.map(ceil_secs),
        channel: filter.channel.as_ref().map(|c| c.channel),
        with_platform: platform.is_some(),
        with_org: party.is_some(),
        undated: false,
        max_seq: Some(i64::try_from(max_seq).unwrap_or(i64::MAX)),
    };
    let select = Select {
        q,
        platform,
        party: party.as_ref(),
        texts: HashMap::default(),
        numbers: HashMap::default(),
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
    let parts = if split.parts > 1 {
        time_parts(case, q, max_seq, split.parts)?
    } else {
        vec![q]
    };
    let reading = Reading {
        base: &counter,
        select: &select,
        skip: &skip,
    };
    for part in in_parallel(case, split.threads, parts.len(), |c, i| {
        reading.count(c, parts[i])
    })? {
        counter.merge(part);
    }

    let mut select = select;
    for (seq, b) in &corrected {
        if b.kind == Kind::Contact {
            let f = Fact::of_body(*seq, b);
            if select.passes(&f) {
                counter.add(&contact(&f));
            }
        }
    }
    Ok(counter.finish())
}

/// Which contacts count: the filter's period, channel, platform and
/// sender (by `--from`).
#[derive(Debug, Clone)]
struct Select<'a> {
    q: FactQuery,
    platform: Option<&'a str>,
    party: Option<&'a Party>,
    // Senders and addresses repeat: each distinct text is matched once.
    texts: HashMap<String, bool>,
    numbers: HashMap<String, bool>,
}

impl Select<'_> {
    fn passes(&mut self, f: &Fact) -> bool {
        let q = &self.q;
        let time_ok = match (q.since.is_some() || q.until.is_some(), f.occurred_utc) {
            (false, _) => true,
            (true, None) => false,
            (true, Some(t)) => q.since.is_none_or(|s| t >= s) && q.until.is_none_or(|u| t < u),
        };
        time_ok
            && q.channel.is_none_or(|c| f.channel == Some(c))
            && self
                .platform
                .is_none_or(|p| f.platform.is_some_and(|fp| fp.eq_ignore_ascii_case(p)))
            && self.party_matches(f)
    }

    fn party_matches(&mut self, f: &Fact) -> bool {
        let Some(p) = self.party else { return true };
        let in_text = |t: &str| p.in_text(t);
        memo(&mut self.texts, f.sender, &in_text)
            || memo(&mut self.texts, f.org, &in_text)
            || memo(&mut self.numbers, f.address, &|t| {
                p.in_text(t) || p.in_number(t)
            })
    }
}

/// `m(text)`, worked out once per distinct text.
fn memo(map: &mut HashMap<String, bool>, text: Option<&str>, m: &dyn Fn(&str) -> bool) -> bool {
    let Some(t) = text else { return false };
    match map.get(t) {
        Some(&hit) => hit,
        None => *map.entry(t.to_owned()).or_insert_with(|| m(t)),
    }
}

fn contact<'a>(f: &Fact<'a>) -> Contact<'a> {
    Contact {
        seq: f.seq,
        at: f.occurred_utc.and_then(|t| DateTime::from_timestamp(t, 0)),
        channel: f.channel,
        sender: f.sender,
        address: f.address,
        count: f.count.unwrap_or(1),
        outgoing: f.outgoing,
    }
}

/// `q` cut into about `n` parts of its time range holding about as many
/// contacts each (by a sample of a few lookups per part), in the order of
/// the index: the contacts with no time first (when `q` has no period).
/// Read one after the other, the parts give the contacts of `q` in its
/// order.
fn time_parts(case: &Case, q: FactQuery, max_seq: u64, n: usize) -> Result<Vec<FactQuery>> {
    let max_seq = i64::try_from(max_seq).unwrap_or(i64::MAX);
    let sample: Vec<i64> = case
        .contact_time_sample(max_seq, 64 * n as i64)?
        .into_iter()
        .filter(|t| q.since.is_none_or(|s| *t >= s) && q.until.is_none_or(|u| *t < u))
        .collect();
    let mut bounds: Vec<i64> = (1..n)
        .filter_map(|k| sample.get(k * sample.len() / n))
        .copied()
        .collect();
    bounds.dedup();
    bounds.retain(|b| q.since.is_none_or(|s| *b > s));
    if bounds.is_empty() {
        return Ok(vec![q]);
    }
    let mut parts = Vec::with_capacity(bounds.len() + 2);
    if q.since.is_none() && q.until.is_none() {
        parts.push(FactQuery { undated: true, ..q });
    }
    let mut since = q.since;
    for b in bounds {
        parts.push(FactQuery {
            since,
            until: Some(b),
            ..q
        });
        since = Some(b);
    }
    parts.push(FactQuery { since, ..q });
    Ok(parts)
}

/// What every part is counted with.
struct Reading<'a, 'b> {
    /// The counter the parts are made from ([`Counter::part`]).
    base: &'a Counter,
    select: &'a Select<'b>,
    /// Entries not to count from the index (corrected or withdrawn).
    skip: &'a [bool],
}

impl Reading<'_, '_> {
    fn count(&self, case: &Case, q: FactQuery) -> Result<Counter> {
        let mut counter = self.base.part();
        let mut select = self.select.clone();
        case.for_each_contact_fact(q, |f| {
            let skipped = usize::try_from(f.seq)
                .ok()
                .and_then(|i| self.skip.get(i))
                .is_some_and(|s| *s);
            if !skipped && select.passes(f) {
                counter.add(&contact(f));
            }
        })?;
        Ok(counter)
    }
}

/// `job(connection, i)` for every `i` below `n`, in order of `i`: run on
/// this thread and on up to `threads - 1` others, each with its own
/// connection, taking the next `i` as they finish one. A thread whose
/// connection cannot be opened leaves its share to the others.
fn in_parallel<R: Send>(
    case: &Case,
    threads: usize,
    n: usize,
    job: impl Fn(&Case, usize) -> Result<R> + Sync,
) -> Result<Vec<R>> {
    let readers: Vec<Case> = (1..threads.min(n))
        .filter_map(|_| case.reader().ok())
        .collect();
    if readers.is_empty() {
        return (0..n).map(|i| job(case, i)).collect();
    }
    // Each thread starts with one of its own (this one with the first),
    // then takes the next one left.
    let next = AtomicUsize::new(readers.len() + 1);
    let done: Mutex<Vec<Option<Result<R>>>> = Mutex::new((0..n).map(|_| None).collect());
    let work = |c: &Case, first: usize| {
        let mut i = first;
        while i < n {
            let result = job(c, i);
            let failed = result.is_err();
            if let Ok(mut done) = done.lock() {
                done[i] = Some(result);
            }
            if failed {
                break;
            }
            i = next.fetch_add(1, Ordering::Relaxed);
        }
    };
    std::thread::scope(|s| {
        for (k, reader) in readers.into_iter().enumerate() {
            let work = &work;
            s.spawn(move || work(&reader, k + 1));
        }
        work(case, 0);
    });
    let done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.into_iter()
        .enumerate()
        // One no thread got to (all stopped at an error) is done here.
        .map(|(i, result)| result.unwrap_or_else(|| job(case, i)))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono_tz::Tz;

    use super::*;
    use crate::model::{Body, ChangeValue, Channel, ChannelWord, Direction};
    use crate::store::{Access, CaseMeta};

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
                undated: false,
                max_seq: Some(5),
            },
            FactQuery {
                undated: true,
                max_seq: Some(5),
                ..FactQuery::default()
            },
        ] {
            let plan = case.contact_fact_plan(q).unwrap();
            assert!(
                plan.contains("USING COVERING INDEX entries_facts"),
                "{plan}"
            );
        }
        // The refusals and blocks of a range of numbers: through the index
        // of kinds and numbers, not the whole table or every action.
        let plan = case.stop_fact_plan().unwrap();
        assert!(
            plan.contains("USING INDEX entries_by_kind (kind=? AND seq>? AND seq<?)"),
            "{plan}"
        );
    }

    /// The sample and 400 more contacts over four weeks: spellings that
    /// group, callers whose number was not shown, some sent by the user,
    /// some with no time, some corrected or withdrawn, and a refusal and
    /// a block between them.
    fn bigger(dir: &std::path::Path) -> Case {
        let mut case = sample(dir);
        let first = case.last_seq().unwrap() + 1;
        let mut bodies: Vec<Body> = (0..400u32)
            .map(|i| {
                let at = format!(
                    "2026-10-{:02}T{:02}:{:02}:00+09:00",
                    1 + i % 28,
                    (i * 7) % 24,
                    i % 60
                );
                let (channel, address) = [
                    (Channel::Phone, "090-1234-5678"),
                    (Channel::Phone, "非通知"),
                    (Channel::Sms, "08098765432"),
                    (Channel::Email, "A@example.jp"),
                    (Channel::Line, "yamada"),
                ][i as usize % 5];
                let mut b = contact(&at, channel, address, 1 + u64::from(i % 3));
                if i % 3 == 0 {
                    b.from = Some("山田　課長".into());
                }
                if i % 50 == 7 {
                    b.occurred_at = None;
                }
                if i % 13 == 0 {
                    b.direction = Some(Direction::Outgoing);
                }
                b
            })
            .collect();
        bodies.push(action(ActionKind::Refused, "2026-10-10T12:00:00+09:00"));
        bodies.push(action(ActionKind::Blocked, "2026-10-20T12:00:00+09:00"));
        bodies.push(correction(
            first + 4,
            &[("occurred_at", "2026-11-05T09:00:00+09:00")],
        ));
        bodies.push(correction(first + 9, &[("address", "090-5555-0000")]));
        bodies.push(void(first + 11));
        bodies.push(void(first + 300));
        case.append_all(bodies, || utc("2026-11-10T00:00:00Z"))
            .unwrap();
        case
    }

    fn filters() -> Vec<Filter> {
        let filter = |since: Option<&str>,
                      until: Option<&str>,
                      channel: Option<&str>,
                      from: Option<&str>| Filter {
            since: since.map(utc),
            until: until.map(utc),
            channel: channel.map(|c| ChannelWord::parse(c).unwrap()),
            from: from.map(str::to_owned),
        };
        vec![
            Filter::default(),
            filter(Some("2026-10-05T00:00:00+09:00"), None, None, None),
            filter(None, Some("2026-10-20T00:00:00+09:00"), None, None),
            filter(
                Some("2026-10-05T00:00:00+09:00"),
                Some("2026-10-06T12:00:00+09:00"),
                None,
                None,
            ),
            filter(None, None, Some("phone"), None),
            filter(None, None, Some("instagram"), None),
            filter(None, None, None, Some("山田 課長")),
            filter(None, None, None, Some("非通知")),
            filter(
                Some("2026-10-10T00:00:00+09:00"),
                None,
                Some("sms"),
                Some("080-9876"),
            ),
        ]
    }

    #[test]
    fn parts_on_several_threads_give_the_figures_of_one_pass() {
        let dir = tempfile::tempdir().unwrap();
        let case = bigger(dir.path());
        let now = utc("2026-11-10T00:00:00Z");
        for filter in filters() {
            for by in [None, Some(By::Day)] {
                let one = load_split(&case, &filter, by, now, |_| Split::ONE).unwrap();
                for split in [
                    Split {
                        threads: 1,
                        parts: 3,
                    },
                    Split {
                        threads: 2,
                        parts: 2,
                    },
                    Split {
                        threads: 2,
                        parts: 5,
                    },
                    Split {
                        threads: 4,
                        parts: 16,
                    },
                ] {
                    let parts = load_split(&case, &filter, by, now, |_| split).unwrap();
                    assert_eq!(parts, one, "{filter:?} {split:?}");
                }
            }
        }
        // Not an empty check: contacts with no time, outgoing ones, and
        // spellings grouped.
        let one = load_split(&case, &Filter::default(), None, now, |_| Split::ONE).unwrap();
        assert_eq!(one.totals.undated_contacts, 8);
        assert!(one.totals.outgoing_excluded > 0);
        assert_eq!(one.senders[0].name.as_deref(), Some("山田"));
    }

    #[test]
    fn time_parts_follow_each_other_in_the_order_of_the_index() {
        let dir = tempfile::tempdir().unwrap();
        let case = bigger(dir.path());
        let seqs = |q: FactQuery| {
            let mut v = Vec::new();
            case.for_each_contact_fact(q, |f| v.push(f.seq)).unwrap();
            v
        };
        let max_seq = case.last_seq().unwrap();
        for q in [
            FactQuery::default(),
            FactQuery {
                since: Some(utc("2026-10-03T00:00:00+09:00").timestamp()),
                until: Some(utc("2026-10-25T00:00:00+09:00").timestamp()),
                ..FactQuery::default()
            },
        ] {
            let parts = time_parts(&case, q, max_seq, 6).unwrap();
            assert!(parts.len() >= 5, "{parts:?}");
            let whole = seqs(q);
            let joined: Vec<u64> = parts.into_iter().flat_map(seqs).collect();
            assert_eq!(joined, whole);
        }
    }

    /// Another connection bounded by the last entry number reads what the
    /// first one's snapshot holds, whatever was appended since.
    #[test]
    fn a_reader_bounded_by_number_sees_the_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        let case = bigger(dir.path());
        let seqs = |c: &Case, q: FactQuery| {
            let mut v = Vec::new();
            c.for_each_contact_fact(q, |f| v.push(f.seq)).unwrap();
            v
        };
        let snapshot = case.snapshot().unwrap();
        let bound = FactQuery {
            max_seq: Some(case.last_seq().unwrap() as i64),
            ..FactQuery::default()
        };
        let mut writer = Case::open(case.path(), Access::ReadWrite).unwrap();
        let more = vec![
            contact(
                "2026-10-15T12:00:00+09:00",
                Channel::Phone,
                "090-0000-1111",
                1
            );
            3
        ];
        writer
            .append_all(more, || utc("2026-11-10T00:00:00Z"))
            .unwrap();
        let reader = case.reader().unwrap();
        let seen = seqs(&case, FactQuery::default());
        assert_eq!(seqs(&reader, bound), seen);
        assert_eq!(seqs(&reader, FactQuery::default()).len(), seen.len() + 3);
        drop(snapshot);
        assert_eq!(seqs(&case, FactQuery::default()).len(), seen.len() + 3);
    }

    /// Contacts appended after `stats` took its snapshot, before the other
    /// threads open their connections: not counted, by any of them.
    #[test]
    fn an_append_while_counting_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let case = bigger(dir.path());
        let now = utc("2026-11-10T00:00:00Z");
        let before = load_split(&case, &Filter::default(), None, now, |_| Split::ONE).unwrap();
        let mut writer = Case::open(case.path(), Access::ReadWrite).unwrap();
        // One new contact on each day: in every part.
        let more: Vec<Body> = (1..=28)
            .map(|d| {
                let at = format!("2026-10-{d:02}T12:30:00+09:00");
                contact(&at, Channel::Phone, "090-0000-1111", 1)
            })
            .collect();
        let during = load_split(&case, &Filter::default(), None, now, |_| {
            writer.append_all(more, || now).unwrap();
            Split {
                threads: 2,
                parts: 8,
            }
        })
        .unwrap();
        assert_eq!(during, before);
        let after = load_split(&case, &Filter::default(), None, now, |_| Split::ONE).unwrap();
        assert_eq!(after.totals.contacts, before.totals.contacts + 28);
    }
}
