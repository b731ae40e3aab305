//! How often, since when, through which channels, and whether it went on
//! after the user said stop: the figures of `kiroku stats`.
//!
//! This module is pure: [`Counter`] takes one [`Contact`] at a time (with
//! corrections already applied, withdrawn entries left out) and
//! [`Counter::finish`] returns a [`Stats`] value; nothing here reads the
//! case file, the clock or the terminal. [`load`] feeds it from a case file.
//! The JSON shape of [`Stats`] is documented in `docs/stats.md`; change
//! both together.

pub mod load;

pub use load::load;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use rustc_hash::FxHashMap;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::address::AddressKind;
use crate::model::{fold_word, ActionKind, Channel};
use crate::timeparse;

/// One entry's worth of contact, as counted.
#[derive(Debug, Clone, Copy)]
pub struct Contact<'a> {
    pub seq: u64,
    /// When it happened (`occurred_at`); `None` if a correction removed it.
    pub at: Option<DateTime<Utc>>,
    pub channel: Option<Channel>,
    pub sender: Option<&'a str>,
    pub address: Option<&'a str>,
    /// Attempts the entry stands for (`count`, at least 1).
    pub count: u64,
    /// Something the user sent: listed in the totals, never counted as an attempt.
    pub outgoing: bool,
}

/// A `refused` or `blocked` action, to compare before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub seq: u64,
    pub action: ActionKind,
    pub at: DateTime<Utc>,
    pub channel: Option<Channel>,
    pub address: Option<String>,
}

/// The length of the periods attempts are counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
    Day,
    Week,
    Month,
}

impl By {
    /// Forgiving: `day`, `daily`, `日`, `week`, `週`, `month`, `月`…
    pub fn parse(input: &str) -> Result<By, String> {
        match fold_word(input).as_str() {
            "day" | "days" | "daily" | "d" | "日" | "日別" | "毎日" => Ok(By::Day),
            "week" | "weeks" | "weekly" | "w" | "週" | "週別" | "毎週" => Ok(By::Week),
            "month" | "months" | "monthly" | "m" | "月" | "月別" | "毎月" => Ok(By::Month),
            _ => Err(crate::t!("stats-by-unknown")),
        }
    }

    /// The period length that suits a span of `days` calendar days: days up
    /// to a month, weeks up to half a year, months beyond.
    pub fn for_span(days: i64) -> By {
        match days {
            ..=31 => By::Day,
            32..=182 => By::Week,
            _ => By::Month,
        }
    }
}

/// What the figures are computed for.
#[derive(Debug, Clone)]
pub struct Params {
    /// The case's time zone: days, weeks, hours and weekdays are its own.
    pub tz: Tz,
    /// The time the figures are made at; the end of "after" spans.
    pub now: DateTime<Utc>,
    /// The period counted, half-open `[since, until)`; `None` is open.
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// `None`: chosen from the span covered ([`By::for_span`]).
    pub by: Option<By>,
    /// Every `refused` and `blocked` action of the case, any order.
    pub actions: Vec<Action>,
}

/// The version of the [`Stats`] JSON shape. Adding a field keeps it;
/// renaming, removing or changing the meaning of one raises it.
pub const STATS_VERSION: u32 = 1;

const CHANNELS: usize = Channel::ALL.len() + 1;

/// Attempts per channel; the last slot is for contacts with no channel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChannelCounts([u64; CHANNELS]);

impl ChannelCounts {
    fn slot(channel: Option<Channel>) -> usize {
        channel
            .and_then(|c| Channel::ALL.iter().position(|x| *x == c))
            .unwrap_or(CHANNELS - 1)
    }
    fn name(slot: usize) -> &'static str {
        Channel::ALL.get(slot).map_or("unknown", |c| c.as_str())
    }
    fn add(&mut self, channel: Option<Channel>, n: u64) {
        let slot = &mut self.0[Self::slot(channel)];
        *slot = slot.saturating_add(n);
    }
    fn merge(&mut self, other: &ChannelCounts) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a = a.saturating_add(b);
        }
    }
    pub fn total(&self) -> u64 {
        self.0.iter().fold(0, |a, b| a.saturating_add(*b))
    }
    /// `(channel name, attempts)` for the channels with any, in the order
    /// of [`Channel::ALL`], then `unknown`.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, u64)> + '_ {
        self.0
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(i, n)| (Self::name(i), *n))
    }
    pub fn get(&self, channel: Option<Channel>) -> u64 {
        self.0[Self::slot(channel)]
    }
}

/// An object `{"phone": 3, "sms": 1}`: channels with no attempts left out.
impl Serialize for ChannelCounts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for (k, v) in self.iter() {
            m.serialize_entry(k, &v)?;
        }
        m.end()
    }
}

/// Channels a sender or address used, as a sorted list of names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct ChannelSet(u16);

impl ChannelSet {
    fn add(&mut self, channel: Option<Channel>) {
        self.0 |= 1 << ChannelCounts::slot(channel);
    }
    fn names(self) -> Vec<&'static str> {
        (0..CHANNELS)
            .filter(|i| self.0 & (1 << i) != 0)
            .map(ChannelCounts::name)
            .collect()
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    /// The version of this shape ([`STATS_VERSION`]).
    pub version: u32,
    /// The case's time zone (IANA name); every date and hour below is in it.
    pub time_zone: String,
    /// When the figures were made (RFC 3339, case zone).
    pub now: String,
    /// The period counted (RFC 3339, case zone); `null` when open.
    pub since: Option<String>,
    pub until: Option<String>,
    /// The period length of `periods`.
    pub by: By,
    pub totals: Totals,
    pub periods: Vec<Period>,
    pub senders: Vec<Sender>,
    pub addresses: Vec<Address>,
    pub actions: Vec<BeforeAfter>,
    /// Attempts by hour of day, index 0 = 00:00–00:59.
    pub hour_of_day: [u64; 24],
    /// Attempts by day of week, index 0 = Monday … 6 = Sunday.
    pub day_of_week: [u64; 7],
    pub busiest_day: Option<DayCount>,
    pub longest_run: Option<Run>,
    pub trend: Trend,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Totals {
    /// Contact entries counted.
    pub contacts: u64,
    /// Attempts: the sum of their counts.
    pub attempts: u64,
    pub first_contact: Option<String>,
    pub last_contact: Option<String>,
    /// Calendar days from the first contact's to the last contact's, both included.
    pub days_covered: u64,
    /// Calendar days with at least one attempt.
    pub days_with_contact: u64,
    pub by_channel: ChannelCounts,
    /// Contacts with no time (a correction cleared it): in no other figure.
    /// Always 0 when the period has a start or an end.
    pub undated_contacts: u64,
    /// Entries in the period recording something the user sent: in no other figure.
    pub outgoing_excluded: u64,
    /// Attempts from callers whose number was not shown, by kind.
    pub hidden_callers: HiddenCallers,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Period {
    /// `2026-11-20`, `2026-W47` (ISO week) or `2026-11`.
    pub period: String,
    /// First and last day of the period (both included).
    pub start: String,
    pub end: String,
    pub attempts: u64,
    pub by_channel: ChannelCounts,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Sender {
    /// The name as first written; `null` for contacts with no name.
    pub name: Option<String>,
    #[serde(flatten)]
    pub seen: Seen,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Address {
    /// The number, address or account as first written; `null` for
    /// contacts with none (visits, letters…).
    pub address: Option<String>,
    #[serde(flatten)]
    pub seen: Seen,
    /// The entry number of the `blocked` action this address was first
    /// seen after (the latest one before it), or `null`. For a caller whose
    /// number was not shown (`kind` set): the first `blocked` action such a
    /// call came after, however early the first one was.
    pub new_after_block: Option<u64>,
    /// `withheld`, `payphone` or `unavailable` when the address is a
    /// caller whose number was not shown (`非通知`, `-2`, `Private`…);
    /// all spellings of one kind are one row.
    pub kind: Option<&'static str>,
}

/// Attempts from callers whose number was not shown, by kind.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct HiddenCallers {
    pub withheld: u64,
    pub payphone: u64,
    pub unavailable: u64,
}

impl HiddenCallers {
    fn add(&mut self, kind: AddressKind, n: u64) {
        let slot = match kind {
            AddressKind::Withheld => &mut self.withheld,
            AddressKind::Payphone => &mut self.payphone,
            AddressKind::Unavailable => &mut self.unavailable,
        };
        *slot = slot.saturating_add(n);
    }

    fn merge(&mut self, other: &HiddenCallers) {
        for kind in [
            AddressKind::Withheld,
            AddressKind::Payphone,
            AddressKind::Unavailable,
        ] {
            self.add(kind, other.get(kind));
        }
    }

    pub fn get(&self, kind: AddressKind) -> u64 {
        match kind {
            AddressKind::Withheld => self.withheld,
            AddressKind::Payphone => self.payphone,
            AddressKind::Unavailable => self.unavailable,
        }
    }
}

/// What a sender or address did, in the period.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Seen {
    pub contacts: u64,
    pub attempts: u64,
    pub channels: Vec<&'static str>,
    pub first_seen: String,
    pub last_seen: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BeforeAfter {
    /// The action's entry number.
    pub seq: u64,
    pub action: ActionKind,
    pub at: String,
    pub channel: Option<Channel>,
    pub address: Option<String>,
    pub before: Span,
    pub after: Span,
}

/// Attempts in a span of time and their rate.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Span {
    pub start: String,
    pub end: String,
    /// Length in days (two decimals).
    pub days: f64,
    pub attempts: u64,
    /// `attempts × 7 ÷ days`, where a span shorter than one day counts as
    /// one day (two decimals); 0 when there were no attempts.
    pub per_week: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DayCount {
    pub date: String,
    pub attempts: u64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Run {
    pub days: u64,
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Trend {
    /// The last 4 weeks are the 28 days up to here: `until` if given and
    /// earlier than now, else now.
    pub end: String,
    pub last_4_weeks: Window,
    pub previous_4_weeks: Window,
    /// `(last − previous) ÷ previous × 100`, one decimal; `null` when the
    /// previous 4 weeks had no attempts.
    pub change_percent: Option<f64>,
    /// `false` when `since` cuts into the 8 weeks, so part of them was not counted.
    pub complete: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Window {
    pub start: String,
    pub end: String,
    pub attempts: u64,
}

/// Per-sender or per-address sums while counting.
#[derive(Debug, Clone)]
struct PartyAcc {
    shown: Option<String>,
    contacts: u64,
    attempts: u64,
    channels: ChannelSet,
    first: DateTime<Utc>,
    last: DateTime<Utc>,
}

/// Groups parties by a key that ignores how they were written, and
/// remembers each spelling (with the kind of hidden caller it names), so
/// that a million rows cost no allocation and each spelling is folded once.
#[derive(Debug, Default)]
struct Parties {
    by_spelling: FxHashMap<String, (usize, Option<AddressKind>)>,
    by_key: FxHashMap<String, usize>,
    unnamed: Option<usize>,
    all: Vec<PartyAcc>,
}

impl Parties {
    /// Counts `c` for the party written `spelling`; returns the kind of
    /// hidden caller the spelling names (`None` for no spelling).
    fn add(
        &mut self,
        spelling: Option<&str>,
        key: fn(&str) -> String,
        c: &Contact,
        at: DateTime<Utc>,
    ) -> Option<AddressKind> {
        let spelling = spelling.map(str::trim).filter(|s| !s.is_empty());
        let found = match spelling {
            None => self.unnamed.map(|i| (i, None)),
            Some(s) => self.by_spelling.get(s).copied(),
        };
        let (i, kind) = found.unwrap_or_else(|| self.insert(spelling, key, at));
        let p = &mut self.all[i];
        p.contacts += 1;
        p.attempts = p.attempts.saturating_add(c.count);
        p.channels.add(c.channel);
        p.first = p.first.min(at);
        p.last = p.last.max(at);
        kind
    }

    fn insert(
        &mut self,
        spelling: Option<&str>,
        key: fn(&str) -> String,
        at: DateTime<Utc>,
    ) -> (usize, Option<AddressKind>) {
        let new = |all: &mut Vec<PartyAcc>| {
            all.push(PartyAcc {
                shown: spelling.map(str::to_owned),
                contacts: 0,
                attempts: 0,
                channels: ChannelSet::default(),
                first: at,
                last: at,
            });
            all.len() - 1
        };
        match spelling {
            None => (
                *self.unnamed.get_or_insert_with(|| new(&mut self.all)),
                None,
            ),
            Some(s) => {
                let i = *self
                    .by_key
                    .entry(key(s))
                    .or_insert_with(|| new(&mut self.all));
                let kind = crate::address::kind_of(s);
                self.by_spelling.insert(s.to_owned(), (i, kind));
                (i, kind)
            }
        }
    }

    /// Adds the groups of `later`, counted from contacts that come after
    /// this one's: a group both have keeps the spelling first written here.
    fn merge(&mut self, later: Parties) {
        let mut keys: Vec<Option<String>> = vec![None; later.all.len()];
        for (key, i) in later.by_key {
            keys[i] = Some(key);
        }
        // Where each of `later`'s groups is now.
        let mut moved = Vec::with_capacity(later.all.len());
        for (acc, key) in later.all.into_iter().zip(keys) {
            let here = match &key {
                Some(k) => self.by_key.get(k).copied(),
                None => self.unnamed,
            };
            let i = match here {
                Some(i) => {
                    let p = &mut self.all[i];
                    p.contacts += acc.contacts;
                    p.attempts = p.attempts.saturating_add(acc.attempts);
                    p.channels.0 |= acc.channels.0;
                    p.first = p.first.min(acc.first);
                    p.last = p.last.max(acc.last);
                    i
                }
                None => {
                    self.all.push(acc);
                    let i = self.all.len() - 1;
                    match key {
                        Some(k) => {
                            self.by_key.insert(k, i);
                        }
                        None => self.unnamed = Some(i),
                    }
                    i
                }
            };
            moved.push(i);
        }
        for (spelling, (i, kind)) in later.by_spelling {
            self.by_spelling.entry(spelling).or_insert((moved[i], kind));
        }
    }

    /// Most attempts first, then the earliest; the unnamed group last.
    fn sorted(self) -> Vec<PartyAcc> {
        let mut v = self.all;
        v.sort_by(|a, b| {
            (
                a.shown.is_none(),
                std::cmp::Reverse(a.attempts),
                a.first,
                &a.shown,
            )
                .cmp(&(
                    b.shown.is_none(),
                    std::cmp::Reverse(b.attempts),
                    b.first,
                    &b.shown,
                ))
        });
        v
    }
}

/// Names match ignoring case, width and spaces (`山田 課長` = `山田　課長`).
fn name_key(s: &str) -> String {
    fold_word(s).split_whitespace().collect()
}

/// Phone numbers match on their digits (`090-1234-5678` = `09012345678`,
/// `+1 555-555-4545` = `(555) 555-4545`); callers whose number was not
/// shown by their kind (`非通知` = `-2` = `Private`); other addresses
/// ignoring case and width.
fn address_key(s: &str) -> String {
    if let Some(kind) = crate::address::kind_of(s) {
        return format!("kind:{}", kind.code());
    }
    match crate::address::phone_key(s) {
        Some(digits) => format!("tel:{digits}"),
        None => fold_word(s),
    }
}

/// Counts contacts one at a time; [`Counter::finish`] makes the figures.
///
/// A long list can be counted in parts, each by a counter from
/// [`Counter::part`], and the parts joined with [`Counter::merge`]: the
/// figures are those of counting the whole list in one.
#[derive(Debug)]
pub struct Counter {
    fixed: Arc<Fixed>,
    contacts: u64,
    attempts: u64,
    undated: u64,
    outgoing: u64,
    first: Option<DateTime<Utc>>,
    last: Option<DateTime<Utc>>,
    by_channel: ChannelCounts,
    days: BTreeMap<NaiveDate, ChannelCounts>,
    /// The day being counted, added to `days` when another day comes
    /// (contacts arrive in time order, so most rows fall on the same day).
    /// (Days are counted from 1970-01-01 in the case's zone.)
    today: Option<(i64, ChannelCounts)>,
    senders: Parties,
    addresses: Parties,
    hidden: HiddenCallers,
    hours: [u64; 24],
    weekdays: [u64; 7],
    /// `between[k]`: attempts at or after `actions[k - 1]` and before
    /// `actions[k]`, so that a contact costs one binary search however
    /// many actions there are.
    between: Vec<u64>,
    /// The slot of `between` the last contact fell in.
    slot: usize,
    trend: [u64; 2],
    offset_cache: Option<(i64, FixedOffset)>,
}

/// What a counter and its parts share, unchanged while counting.
#[derive(Debug)]
struct Fixed {
    params: Params,
    end: DateTime<Utc>,
    /// The refusals and blocks in the period, in time order.
    actions: Vec<Action>,
    /// Starts of the previous and the last 4 weeks, and their end.
    trend_bounds: [DateTime<Utc>; 3],
}

/// `a[i] += b[i]`, saturating.
fn add_all(a: &mut [u64], b: &[u64]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x = x.saturating_add(*y);
    }
}

fn round_to(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

impl Counter {
    pub fn new(mut params: Params) -> Counter {
        let end = match params.until {
            Some(u) if u < params.now => u,
            _ => params.now,
        };
        params.actions.sort_by_key(|a| (a.at, a.seq));
        let actions: Vec<Action> = params
            .actions
            .iter()
            .filter(|a| matches!(a.action, ActionKind::Refused | ActionKind::Blocked))
            .filter(|a| params.since.is_none_or(|s| a.at >= s) && a.at < end)
            .cloned()
            .collect();
        Counter::empty(Arc::new(Fixed {
            params,
            end,
            actions,
            trend_bounds: [end - Duration::days(56), end - Duration::days(28), end],
        }))
    }

    fn empty(fixed: Arc<Fixed>) -> Counter {
        Counter {
            contacts: 0,
            attempts: 0,
            undated: 0,
            outgoing: 0,
            first: None,
            last: None,
            by_channel: ChannelCounts::default(),
            days: BTreeMap::new(),
            today: None,
            senders: Parties::default(),
            addresses: Parties::default(),
            hidden: HiddenCallers::default(),
            hours: [0; 24],
            weekdays: [0; 7],
            between: vec![0; fixed.actions.len() + 1],
            slot: 0,
            trend: [0; 2],
            offset_cache: None,
            fixed,
        }
    }

    /// A counter with nothing counted yet and the same parameters, for a
    /// part of the contacts (see [`Counter::merge`]).
    pub fn part(&self) -> Counter {
        Counter::empty(Arc::clone(&self.fixed))
    }

    /// Adds what `later` counted: the same figures as if its contacts had
    /// been added here, after the ones already added. (Only the order
    /// within a list matters for which spelling of a sender or address is
    /// shown: the one written first.) `later` is a [`Counter::part`] of
    /// this counter or of the one it was made from.
    pub fn merge(&mut self, mut later: Counter) {
        debug_assert!(Arc::ptr_eq(&self.fixed, &later.fixed));
        self.flush_day();
        later.flush_day();
        self.contacts += later.contacts;
        self.attempts = self.attempts.saturating_add(later.attempts);
        self.undated += later.undated;
        self.outgoing += later.outgoing;
        self.first = match (self.first, later.first) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.last = self.last.max(later.last);
        self.by_channel.merge(&later.by_channel);
        for (d, counts) in later.days {
            self.days.entry(d).or_default().merge(&counts);
        }
        self.senders.merge(later.senders);
        self.addresses.merge(later.addresses);
        self.hidden.merge(&later.hidden);
        add_all(&mut self.hours, &later.hours);
        add_all(&mut self.weekdays, &later.weekdays);
        add_all(&mut self.between, &later.between);
        add_all(&mut self.trend, &later.trend);
    }

    /// Counts one contact; those outside the period are skipped. Sums
    /// saturate: an absurd `count` cannot make them wrap or panic.
    pub fn add(&mut self, c: &Contact) {
        let Some(at) = c.at else {
            if self.fixed.params.since.is_none() && self.fixed.params.until.is_none() {
                self.undated += 1;
            }
            return;
        };
        if self.fixed.params.since.is_some_and(|s| at < s)
            || self.fixed.params.until.is_some_and(|u| at >= u)
        {
            return;
        }
        if c.outgoing {
            self.outgoing += 1;
            return;
        }
        let n = c.count;
        self.contacts += 1;
        self.attempts = self.attempts.saturating_add(n);
        self.first = Some(self.first.map_or(at, |f| f.min(at)));
        self.last = Some(self.last.map_or(at, |l| l.max(at)));
        self.by_channel.add(c.channel, n);
        // The day, hour and weekday in the case's zone, from seconds: no
        // calendar date is made until the day changes.
        let local = self.local_secs(at);
        let day = local.div_euclid(86_400);
        match &mut self.today {
            Some((d, counts)) if *d == day => counts.add(c.channel, n),
            _ => {
                self.flush_day();
                let mut counts = ChannelCounts::default();
                counts.add(c.channel, n);
                self.today = Some((day, counts));
            }
        }
        let hour = &mut self.hours[(local.rem_euclid(86_400) / 3600) as usize];
        *hour = hour.saturating_add(n);
        // 1970-01-01, day 0, was a Thursday (3 days after Monday).
        let weekday = &mut self.weekdays[(day + 3).rem_euclid(7) as usize];
        *weekday = weekday.saturating_add(n);
        let sender_kind = self.senders.add(c.sender, name_key, c, at);
        let address_kind = self.addresses.add(c.address, address_key, c, at);
        // A hidden caller written as the name when no number was kept
        // (`add call --from 非通知`) counts too.
        let kind = match c.address {
            Some(_) => address_kind,
            None => sender_kind,
        };
        if let Some(kind) = kind {
            self.hidden.add(kind, n);
        }
        let k = self.action_slot(at);
        self.between[k] = self.between[k].saturating_add(n);
        let [previous, last, end] = self.fixed.trend_bounds;
        if at >= last && at < end {
            self.trend[0] = self.trend[0].saturating_add(n);
        } else if at >= previous && at < last {
            self.trend[1] = self.trend[1].saturating_add(n);
        }
    }

    /// How many actions were at or before `at`: the slot of the last
    /// contact when `at` falls in it too (contacts arrive in time order),
    /// else a binary search.
    fn action_slot(&mut self, at: DateTime<Utc>) -> usize {
        let k = self.slot;
        let after_previous = k == 0 || self.fixed.actions.get(k - 1).is_some_and(|a| a.at <= at);
        let before_next = self.fixed.actions.get(k).is_none_or(|a| a.at > at);
        if !(after_previous && before_next) {
            self.slot = self.fixed.actions.partition_point(|a| a.at <= at);
        }
        self.slot
    }

    /// Adds the day being counted to `days`.
    fn flush_day(&mut self) {
        if let Some((day, counts)) = self.today.take() {
            // Day 0 is 1970-01-01, day 719,163 of the common era.
            let date = i32::try_from(day + 719_163)
                .ok()
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .unwrap_or(NaiveDate::MIN);
            self.days.entry(date).or_default().merge(&counts);
        }
    }

    /// `at` in the case's zone, as seconds from 1970-01-01 00:00 there.
    /// The zone's offset is looked up once per hour of UTC time and reused
    /// while it holds for the whole hour.
    fn local_secs(&mut self, at: DateTime<Utc>) -> i64 {
        let hour = at.timestamp().div_euclid(3600);
        let offset = match self.offset_cache {
            Some((h, off)) if h == hour => Some(off),
            _ => {
                let off_at = |t: i64| {
                    DateTime::from_timestamp(t, 0).map(|d| {
                        self.fixed
                            .params
                            .tz
                            .offset_from_utc_datetime(&d.naive_utc())
                            .fix()
                    })
                };
                let start = off_at(hour * 3600);
                let whole_hour = start.is_some() && start == off_at(hour * 3600 + 3599);
                self.offset_cache = whole_hour.then(|| (hour, start.unwrap_or(Utc.fix())));
                self.offset_cache.map(|(_, off)| off)
            }
        };
        let offset = offset.unwrap_or_else(|| {
            self.fixed
                .params
                .tz
                .offset_from_utc_datetime(&at.naive_utc())
                .fix()
        });
        at.timestamp() + i64::from(offset.local_minus_utc())
    }

    fn time(&self, t: DateTime<Utc>) -> String {
        timeparse::format_rfc3339(&t.with_timezone(&self.fixed.params.tz).fixed_offset())
    }

    fn seen(&self, a: &PartyAcc) -> Seen {
        Seen {
            contacts: a.contacts,
            attempts: a.attempts,
            channels: a.channels.names(),
            first_seen: self.time(a.first),
            last_seen: self.time(a.last),
        }
    }

    fn date(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.fixed.params.tz).date_naive()
    }

    fn span(&self, start: DateTime<Utc>, end: DateTime<Utc>, attempts: u64) -> Span {
        let days = (end - start).num_seconds().max(0) as f64 / 86_400.0;
        Span {
            start: self.time(start),
            end: self.time(end),
            days: round_to(days, 2),
            attempts,
            per_week: round_to(attempts as f64 * 7.0 / days.max(1.0), 2),
        }
    }

    pub fn finish(mut self) -> Stats {
        self.flush_day();
        let first_date = self.first.map(|t| self.date(t));
        let last_date = self.last.map(|t| self.date(t));
        let days_covered = match (first_date, last_date) {
            (Some(f), Some(l)) => (l - f).num_days() as u64 + 1,
            _ => 0,
        };
        let by = self
            .fixed
            .params
            .by
            .unwrap_or_else(|| By::for_span(days_covered as i64));

        // Every period from the start of the counted period (or the first
        // contact) to its end (or the last contact), empty ones included.
        let periods = match (first_date, last_date) {
            (Some(f), Some(l)) => {
                let start = self.fixed.params.since.map_or(f, |s| self.date(s).min(f));
                let end = match self.fixed.params.until {
                    Some(_) => self.date(self.fixed.end - Duration::seconds(1)).max(l),
                    None => l,
                };
                periods(&self.days, by, start, end)
            }
            _ => Vec::new(),
        };

        let senders = std::mem::take(&mut self.senders)
            .sorted()
            .into_iter()
            .map(|a| Sender {
                seen: self.seen(&a),
                name: a.shown,
            })
            .collect();
        let blocks: Vec<&Action> = self
            .fixed
            .params
            .actions
            .iter()
            .filter(|a| a.action == ActionKind::Blocked)
            .collect();
        let addresses = std::mem::take(&mut self.addresses)
            .sorted()
            .into_iter()
            .map(|a| {
                let kind = a.shown.as_deref().and_then(crate::address::kind_of);
                let block = match kind {
                    // A hidden number after a block: however early the
                    // first such call was, the later ones came after it.
                    Some(_) => blocks.iter().find(|b| b.at < a.last),
                    None => a
                        .shown
                        .as_ref()
                        .and_then(|_| blocks.iter().rev().find(|b| b.at < a.first)),
                };
                Address {
                    new_after_block: block.map(|b| b.seq),
                    kind: kind.map(AddressKind::code),
                    seen: self.seen(&a),
                    address: a.shown,
                }
            })
            .collect();

        // Attempts before action i: those in between[0..=i].
        let mut before = 0u64;
        let actions = self
            .fixed
            .actions
            .iter()
            .zip(&self.between)
            .map(|(a, n)| {
                before = before.saturating_add(*n);
                let start = self
                    .fixed
                    .params
                    .since
                    .or(self.first)
                    .unwrap_or(a.at)
                    .min(a.at);
                BeforeAfter {
                    seq: a.seq,
                    action: a.action,
                    at: self.time(a.at),
                    channel: a.channel,
                    address: a.address.clone(),
                    before: self.span(start, a.at, before),
                    after: self.span(a.at, self.fixed.end, self.attempts.saturating_sub(before)),
                }
            })
            .collect();

        let day_totals = || {
            self.days
                .iter()
                .map(|(d, c)| (*d, c.total()))
                .filter(|(_, n)| *n > 0)
        };
        let busiest_day = day_totals()
            .fold(None, |best: Option<(NaiveDate, u64)>, (d, n)| match best {
                Some((_, b)) if b >= n => best,
                _ => Some((d, n)),
            })
            .map(|(d, n)| DayCount {
                date: d.format("%Y-%m-%d").to_string(),
                attempts: n,
            });
        let mut longest: Option<(NaiveDate, NaiveDate)> = None;
        let mut current: Option<(NaiveDate, NaiveDate)> = None;
        for (d, _) in day_totals() {
            current = match current {
                Some((s, e)) if e + Duration::days(1) == d => Some((s, d)),
                _ => Some((d, d)),
            };
            let len = |r: Option<(NaiveDate, NaiveDate)>| r.map_or(0, |(s, e)| (e - s).num_days());
            if len(current) > len(longest) || longest.is_none() {
                longest = current;
            }
        }
        let longest_run = longest.map(|(s, e)| Run {
            days: (e - s).num_days() as u64 + 1,
            start: s.format("%Y-%m-%d").to_string(),
            end: e.format("%Y-%m-%d").to_string(),
        });

        let weeks4 = Duration::days(28);
        let window = |start: DateTime<Utc>, end: DateTime<Utc>, attempts: u64| Window {
            start: self.time(start),
            end: self.time(end),
            attempts,
        };
        let [last, previous] = self.trend;
        let trend = Trend {
            end: self.time(self.fixed.end),
            last_4_weeks: window(self.fixed.end - weeks4, self.fixed.end, last),
            previous_4_weeks: window(
                self.fixed.end - weeks4 - weeks4,
                self.fixed.end - weeks4,
                previous,
            ),
            change_percent: (previous > 0)
                .then(|| round_to((last as f64 - previous as f64) / previous as f64 * 100.0, 1)),
            complete: self
                .fixed
                .params
                .since
                .is_none_or(|s| s <= self.fixed.end - weeks4 - weeks4),
        };

        Stats {
            version: STATS_VERSION,
            time_zone: self.fixed.params.tz.name().to_string(),
            now: self.time(self.fixed.params.now),
            since: self.fixed.params.since.map(|t| self.time(t)),
            until: self.fixed.params.until.map(|t| self.time(t)),
            by,
            totals: Totals {
                contacts: self.contacts,
                attempts: self.attempts,
                first_contact: self.first.map(|t| self.time(t)),
                last_contact: self.last.map(|t| self.time(t)),
                days_covered,
                days_with_contact: day_totals().count() as u64,
                by_channel: self.by_channel,
                undated_contacts: self.undated,
                outgoing_excluded: self.outgoing,
                hidden_callers: std::mem::take(&mut self.hidden),
            },
            periods,
            senders,
            addresses,
            actions,
            hour_of_day: self.hours,
            day_of_week: self.weekdays,
            busiest_day,
            longest_run,
            trend,
        }
    }
}

/// Counts `contacts` (see [`Counter`]).
pub fn compute<'a>(params: Params, contacts: impl IntoIterator<Item = Contact<'a>>) -> Stats {
    let mut c = Counter::new(params);
    for contact in contacts {
        c.add(&contact);
    }
    c.finish()
}

/// The periods of length `by` from `start` to `end` (days, both included).
fn periods(
    days: &BTreeMap<NaiveDate, ChannelCounts>,
    by: By,
    start: NaiveDate,
    end: NaiveDate,
) -> Vec<Period> {
    let mut out: Vec<Period> = Vec::new();
    let mut d = period_start(start, by);
    while d <= end {
        let next = period_next(d, by);
        let mut counts = ChannelCounts::default();
        for (_, c) in days.range(d..next) {
            counts.merge(c);
        }
        out.push(Period {
            period: period_label(d, by),
            start: d.format("%Y-%m-%d").to_string(),
            end: (next - Duration::days(1)).format("%Y-%m-%d").to_string(),
            attempts: counts.total(),
            by_channel: counts,
        });
        d = next;
    }
    out
}

fn period_start(d: NaiveDate, by: By) -> NaiveDate {
    match by {
        By::Day => d,
        By::Week => d - Duration::days(d.weekday().num_days_from_monday() as i64),
        By::Month => d.with_day(1).unwrap_or(d),
    }
}

fn period_next(d: NaiveDate, by: By) -> NaiveDate {
    match by {
        By::Day => d + Duration::days(1),
        By::Week => d + Duration::days(7),
        By::Month => d
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(NaiveDate::MAX),
    }
}

fn period_label(d: NaiveDate, by: By) -> String {
    match by {
        By::Day => d.format("%Y-%m-%d").to_string(),
        By::Week => d.format("%G-W%V").to_string(),
        By::Month => d.format("%Y-%m").to_string(),
    }
}

#[cfg(test)]
mod tests;
