//! The record as people read it: each contact, action or note with its
//! corrections applied and its withdrawal marked, filtered and in time
//! order. Nothing here changes what is stored.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

use crate::address::AddressKind;
use crate::error::Result;
use crate::model::{Body, Channel, ChannelWord, EvidenceFile, Kind};
use crate::store::{Case, Stored};
use crate::timeparse;

/// An entry with everything that refers to it.
#[derive(Debug, Clone)]
pub struct View {
    /// The entry as first recorded.
    pub stored: Stored,
    /// The entry with every correction applied, in order.
    pub effective: Body,
    pub corrections: Vec<Stored>,
    pub void: Option<Stored>,
    /// Later entries that attached files to it (withdrawn ones left out).
    pub attachments: Vec<Stored>,
}

impl View {
    pub fn seq(&self) -> u64 {
        self.stored.seq
    }
    pub fn is_voided(&self) -> bool {
        self.void.is_some()
    }
    pub fn is_corrected(&self) -> bool {
        !self.corrections.is_empty()
    }
    /// Its evidence files: its own, then those attached later.
    pub fn evidence(&self) -> impl Iterator<Item = &EvidenceFile> {
        self.stored
            .body
            .evidence
            .iter()
            .chain(self.attachments.iter().flat_map(|a| &a.body.evidence))
    }
    pub fn occurred(&self) -> Option<DateTime<FixedOffset>> {
        self.effective
            .occurred_at
            .as_deref()
            .and_then(timeparse::parse_stored)
    }
}

/// Which entries to show. Ranges are half-open: `[since, until)`.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub channel: Option<ChannelWord>,
    pub from: Option<String>,
}

fn digits(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_digit()).collect()
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.since.is_none()
            && self.until.is_none()
            && self.channel.is_none()
            && self.from.is_none()
    }

    pub fn matches(&self, body: &Body) -> bool {
        if self.is_empty() {
            return true;
        }
        let when = body
            .occurred_at
            .as_deref()
            .and_then(timeparse::parse_stored)
            .map(|d| d.with_timezone(&Utc));
        if let Some(since) = self.since {
            if when.is_none_or(|w| w < since) {
                return false;
            }
        }
        if let Some(until) = self.until {
            if when.is_none_or(|w| w >= until) {
                return false;
            }
        }
        if let Some(cw) = &self.channel {
            if body.channel != Some(cw.channel) {
                return false;
            }
            if let Some(p) = &cw.platform {
                if !body
                    .platform
                    .as_deref()
                    .is_some_and(|bp| bp.eq_ignore_ascii_case(p))
                {
                    return false;
                }
            }
        }
        if let Some(needle) = &self.from {
            if !matches_party(body, needle) {
                return false;
            }
        }
        true
    }
}

/// Whether `needle` names the sender: part of the name, address or
/// organisation (ignoring case), or the same digits as a phone number
/// written another way (`09012345678` finds `090-1234-5678`); a word for
/// callers whose number was not shown (`withheld`, `非通知`) finds all of
/// that kind.
pub fn matches_party(body: &Body, needle: &str) -> bool {
    Party::new(needle).matches(
        &[&body.from, &body.address, &body.org, &body.with, &body.to].map(|f| f.as_deref()),
        body.address.as_deref(),
    )
}

/// A `--from` text prepared once for matching many entries.
#[derive(Debug, Clone)]
pub struct Party {
    lower: String,
    /// The digits, when the text is mostly a phone number.
    digits: Option<String>,
    /// The kind, when the text names callers whose number was not shown
    /// (`withheld`, `非通知`, `公衆電話`, `-1`…).
    kind: Option<AddressKind>,
}

impl Party {
    pub fn new(needle: &str) -> Party {
        let lower = needle.trim().to_lowercase();
        let nd = digits(&lower);
        let mostly_digits =
            nd.len() >= 3 && nd.len() * 2 >= lower.chars().filter(|c| !c.is_whitespace()).count();
        Party {
            digits: mostly_digits.then(|| crate::address::phone_digits(&lower)),
            kind: crate::address::kind_of(&lower),
            lower,
        }
    }

    /// Whether any of `fields` contains the text, or `address` has its digits.
    pub fn matches(&self, fields: &[Option<&str>], address: Option<&str>) -> bool {
        self.lower.is_empty()
            || fields.iter().flatten().any(|f| self.in_text(f))
            || address.is_some_and(|a| self.in_number(a))
    }

    /// Whether `text` contains the needle, ignoring case. A kind of hidden
    /// caller matches every spelling of that kind, and nothing else.
    pub fn in_text(&self, text: &str) -> bool {
        if let Some(kind) = self.kind {
            return crate::address::kind_of(text) == Some(kind);
        }
        self.lower.is_empty() || text.to_lowercase().contains(&self.lower)
    }

    /// Whether `address` has the needle's digits (`09012345678` in
    /// `090-1234-5678`, `5555554545` in `+1 555-555-4545`), when the
    /// needle is mostly a phone number.
    pub fn in_number(&self, address: &str) -> bool {
        if let Some(kind) = self.kind {
            return crate::address::kind_of(address) == Some(kind);
        }
        self.digits
            .as_ref()
            .is_some_and(|nd| crate::address::phone_digits(address).contains(nd.as_str()))
    }
}

/// The corrections, withdrawals and attachments of a case, by the entry
/// they refer to. They are few, so all of them are read.
#[derive(Debug, Default)]
pub struct Related {
    pub corrections: BTreeMap<u64, Vec<Stored>>,
    pub voids: BTreeMap<u64, Stored>,
    /// Entries that attached files (withdrawn ones left out).
    pub attachments: BTreeMap<u64, Vec<Stored>>,
}

impl Related {
    pub fn load(case: &Case) -> Result<Related> {
        let mut related = Related::default();
        // Through the partial index on `target` (ordered by `seq` alone,
        // SQLite would scan the whole table instead). Per target they
        // still come in order of number.
        for r in case.select("target IS NOT NULL ORDER BY target, seq", &[])? {
            let Some(t) = r.body.target else { continue };
            match r.body.kind {
                Kind::Correction => related.corrections.entry(t).or_default().push(r),
                Kind::Void => {
                    related.voids.entry(t).or_insert(r);
                }
                Kind::Attach => related.attachments.entry(t).or_default().push(r),
                _ => {}
            }
        }
        let voids = &related.voids;
        for list in related.attachments.values_mut() {
            list.retain(|a| !voids.contains_key(&a.seq));
        }
        Ok(related)
    }

    /// `body` with the corrections of entry `seq` applied, in order.
    pub fn effective(&self, seq: u64, body: &Body) -> Result<Body> {
        let mut effective = body.clone();
        for c in self.corrections.get(&seq).into_iter().flatten() {
            if let Some(ch) = &c.body.changes {
                effective.apply_changes(ch)?;
            }
        }
        Ok(effective)
    }
}

/// The order in which [`base_query`] returns entries.
#[derive(Debug, Clone, Copy)]
pub enum Order {
    /// Chain order (entry number).
    Number,
    /// Time order, oldest first.
    Time,
    /// Only the newest N, newest first.
    Newest(usize),
}

/// The condition (and its arguments) that picks the contacts, actions and
/// notes within the filter's period, before corrections, for
/// `SELECT … FROM entries WHERE {condition}`.
///
/// `+kind`: the kind is checked row by row, so that SQLite walks the time
/// index (reading only the rows needed, already in order) instead of
/// picking an index that starts with `kind` and sorting every entry.
pub fn base_query(filter: &Filter, order: Order) -> (String, Vec<i64>) {
    let mut cond = String::from("+kind IN ('contact', 'action', 'note')");
    let mut args: Vec<i64> = Vec::new();
    if let Some(s) = filter.since {
        cond.push_str(" AND occurred_utc >= ?");
        args.push(s.timestamp());
    }
    if let Some(u) = filter.until {
        // Whole seconds in the column; the exact bound is applied later.
        cond.push_str(" AND occurred_utc <= ?");
        args.push(u.timestamp());
    }
    match order {
        Order::Number => cond.push_str(" ORDER BY seq"),
        Order::Time => cond.push_str(" ORDER BY occurred_utc, seq"),
        Order::Newest(n) => {
            cond.push_str(&format!(" ORDER BY occurred_utc DESC, seq DESC LIMIT {n}"))
        }
    }
    (cond, args)
}

/// Loads the views that pass `filter`, in time order (then number).
/// With `last`, only the last `last` of them; the query then reads only
/// that many rows through the time index (plus corrected entries).
pub fn load(case: &Case, filter: &Filter, last: Option<usize>) -> Result<Vec<View>> {
    let Related {
        mut corrections,
        voids,
        mut attachments,
    } = Related::load(case)?;
    // Entries whose time or other fields a correction may have changed
    // are always read, whatever their original time.
    let corrected: BTreeSet<u64> = corrections.keys().copied().collect();

    let (cond, args) = base_query(
        filter,
        match last {
            Some(n) => Order::Newest(n),
            None => Order::Number,
        },
    );
    let params: Vec<&dyn rusqlite::ToSql> =
        args.iter().map(|a| a as &dyn rusqlite::ToSql).collect();
    let mut base = case.select(&cond, &params)?;
    let have: BTreeSet<u64> = base.iter().map(|s| s.seq).collect();
    let missing: Vec<u64> = corrected.difference(&have).copied().collect();
    for chunk in missing.chunks(500) {
        let list = chunk
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(",");
        base.extend(case.select(&format!("seq IN ({list})"), &[])?);
    }

    let mut views = Vec::with_capacity(base.len());
    for stored in base {
        let cs = corrections.remove(&stored.seq).unwrap_or_default();
        let mut effective = stored.body.clone();
        for c in &cs {
            if let Some(ch) = &c.body.changes {
                effective.apply_changes(ch)?;
            }
        }
        if !filter.matches(&effective) {
            continue;
        }
        views.push(View {
            void: voids.get(&stored.seq).cloned(),
            attachments: attachments.remove(&stored.seq).unwrap_or_default(),
            stored,
            effective,
            corrections: cs,
        });
    }
    views.sort_by_key(|v| (v.occurred().map(|d| d.timestamp()), v.seq()));
    if let Some(n) = last {
        let skip = views.len().saturating_sub(n);
        views.drain(..skip);
    }
    Ok(views)
}

/// Visits received (attempts, withdrawn ones left out) by place, most
/// first; `None` for visits whose place was not recorded.
pub fn visits_by_place(case: &Case, filter: &Filter) -> Result<Vec<(Option<String>, u64)>> {
    let mut f = filter.clone();
    if f.channel
        .as_ref()
        .is_some_and(|c| c.channel != Channel::Visit)
    {
        return Ok(Vec::new());
    }
    f.channel = Some(ChannelWord {
        channel: Channel::Visit,
        platform: None,
        outcome: None,
    });
    let mut by: BTreeMap<Option<String>, u64> = BTreeMap::new();
    for v in load(case, &f, None)? {
        let b = &v.effective;
        if v.is_voided()
            || b.kind != Kind::Contact
            || b.direction == Some(crate::model::Direction::Outgoing)
        {
            continue;
        }
        *by.entry(b.place.clone()).or_default() += b.count.unwrap_or(1);
    }
    let mut out: Vec<(Option<String>, u64)> = by.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(out)
}

/// One view with everything about it, or `None` when the number is unknown.
pub fn load_one(case: &Case, seq: u64) -> Result<Option<View>> {
    let Some(stored) = case.get(seq)? else {
        return Ok(None);
    };
    let related = case.select("target = ? ORDER BY seq", &[&(seq as i64)])?;
    let mut effective = stored.body.clone();
    let mut corrections = Vec::new();
    let mut void = None;
    let mut attachments = Vec::new();
    for r in related {
        match r.body.kind {
            Kind::Correction => {
                if let Some(ch) = &r.body.changes {
                    effective.apply_changes(ch)?;
                }
                corrections.push(r);
            }
            Kind::Void if void.is_none() => void = Some(r),
            Kind::Attach => attachments.push(r),
            _ => {}
        }
    }
    // Attachments that were themselves withdrawn do not count.
    let mut kept = Vec::with_capacity(attachments.len());
    for a in attachments {
        let withdrawn = case.select("target = ? AND kind = 'void' LIMIT 1", &[&(a.seq as i64)])?;
        if withdrawn.is_empty() {
            kept.push(a);
        }
    }
    Ok(Some(View {
        stored,
        effective,
        corrections,
        void,
        attachments: kept,
    }))
}

/// The JSON shape of an entry in `list --json` and `show --json`.
/// Every key is always present (`null` when empty), so tools can rely on it.
#[derive(Debug, Serialize)]
pub struct Item<'a> {
    pub seq: u64,
    pub kind: Kind,
    pub channel: Option<Channel>,
    pub platform: Option<&'a str>,
    pub direction: Option<crate::model::Direction>,
    pub occurred_at: Option<&'a str>,
    pub occurred_until: Option<&'a str>,
    pub recorded_at: &'a str,
    pub from: Option<&'a str>,
    pub address: Option<&'a str>,
    pub org: Option<&'a str>,
    pub to: Option<&'a str>,
    pub subject: Option<&'a str>,
    pub content: Option<&'a str>,
    pub count: Option<u64>,
    pub duration_secs: Option<u64>,
    pub outcome: Option<crate::model::Outcome>,
    pub action: Option<crate::model::ActionKind>,
    pub with: Option<&'a str>,
    pub reference: Option<&'a str>,
    pub source: Option<&'a crate::model::Source>,
    pub tags: &'a [String],
    pub notes: Option<&'a str>,
    pub place: Option<&'a str>,
    pub witnesses: &'a [String],
    /// For an `exhibit` entry: the exhibit-list columns it sets.
    pub exhibit: Option<&'a crate::model::ExhibitSpec>,
    /// For a `transcript` entry: the transcript it records.
    pub transcript: Option<&'a crate::model::Transcript>,
    pub target: Option<u64>,
    pub reason: Option<&'a str>,
    /// For an `anchor` entry: the trusted timestamp it records.
    pub anchor: Option<&'a crate::model::Anchor>,
    /// The evidence files: the entry's own, then those attached later.
    pub evidence: Vec<&'a EvidenceFile>,
    /// The entries that attached files to it later.
    pub attached_by: Vec<u64>,
    pub corrected: bool,
    pub corrected_by: Vec<u64>,
    pub voided: bool,
    pub voided_by: Option<u64>,
    pub void_reason: Option<&'a str>,
    pub hash: &'a str,
    pub prev_hash: &'a str,
}

impl<'a> Item<'a> {
    /// The effective fields of a view, with its markers.
    pub fn of_view(v: &'a View) -> Item<'a> {
        let mut item = Item::of_body(&v.effective, &v.stored.hash, &v.stored.prev_hash);
        item.recorded_at = &v.stored.body.recorded_at;
        item.evidence = v.evidence().collect();
        item.attached_by = v.attachments.iter().map(|a| a.seq).collect();
        item.corrected = v.is_corrected();
        item.corrected_by = v.corrections.iter().map(|c| c.seq).collect();
        item.voided = v.is_voided();
        item.voided_by = v.void.as_ref().map(|s| s.seq);
        item.void_reason = v.void.as_ref().and_then(|s| s.body.reason.as_deref());
        item
    }

    /// A body as recorded, with no markers.
    pub fn of_body(b: &'a Body, hash: &'a str, prev_hash: &'a str) -> Item<'a> {
        Item {
            seq: b.seq,
            kind: b.kind,
            channel: b.channel,
            platform: b.platform.as_deref(),
            direction: b.direction,
            occurred_at: b.occurred_at.as_deref(),
            occurred_until: b.occurred_until.as_deref(),
            recorded_at: &b.recorded_at,
            from: b.from.as_deref(),
            address: b.address.as_deref(),
            org: b.org.as_deref(),
            to: b.to.as_deref(),
            subject: b.subject.as_deref(),
            content: b.content.as_deref(),
            count: b.count,
            duration_secs: b.duration_secs,
            outcome: b.outcome,
            action: b.action,
            with: b.with.as_deref(),
            reference: b.reference.as_deref(),
            source: b.source.as_ref(),
            tags: &b.tags,
            notes: b.notes.as_deref(),
            place: b.place.as_deref(),
            witnesses: &b.witnesses,
            exhibit: b.exhibit.as_ref(),
            transcript: b.transcript.as_ref(),
            target: b.target,
            reason: b.reason.as_deref(),
            anchor: b.anchor.as_ref(),
            evidence: b.evidence.iter().collect(),
            attached_by: Vec::new(),
            corrected: false,
            corrected_by: Vec::new(),
            voided: false,
            voided_by: None,
            void_reason: None,
            hash,
            prev_hash,
        }
    }
}

/// A person or address already in the case, offered when logging the same
/// caller again (`kiroku add` at a terminal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sender {
    pub from: Option<String>,
    pub address: Option<String>,
    pub org: Option<String>,
    /// How many contact entries were recorded from them.
    pub times: u64,
    /// The latest of those: (time, entry number), for ordering.
    latest: (Option<i64>, u64),
}

/// One contact entry as [`senders`] sees it: its number, its time (whole
/// seconds, UTC) and its (corrected) sender, address and organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SenderFact {
    pub seq: u64,
    pub occurred_utc: Option<i64>,
    pub from: Option<String>,
    pub address: Option<String>,
    pub org: Option<String>,
}

/// The distinct senders of `facts` (the same name, address and
/// organisation), most recent contact first, each with how many entries
/// name it. Entries that name nobody are left out. Pure: the caller
/// decides which entries count (withdrawn ones do not, corrected ones
/// count with their corrected values).
pub fn senders(facts: impl IntoIterator<Item = SenderFact>) -> Vec<Sender> {
    // Keyed by (name, address, organisation).
    type Key = (Option<String>, Option<String>, Option<String>);
    let mut by_key: BTreeMap<Key, Sender> = BTreeMap::new();
    for f in facts {
        let clean = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
        let (from, address, org) = (clean(f.from), clean(f.address), clean(f.org));
        if from.is_none() && address.is_none() && org.is_none() {
            continue;
        }
        let key = (from.clone(), address.clone(), org.clone());
        let at = (f.occurred_utc, f.seq);
        let s = by_key.entry(key).or_insert(Sender {
            from,
            address,
            org,
            times: 0,
            latest: at,
        });
        s.times += 1;
        s.latest = s.latest.max(at);
    }
    let mut list: Vec<Sender> = by_key.into_values().collect();
    list.sort_by_key(|s| std::cmp::Reverse(s.latest));
    list
}

/// The senders of the case's contacts (see [`senders`]): withdrawn
/// contacts left out, corrected ones with their corrected values. Reads the
/// facts index, and the bodies of corrected entries only.
pub fn load_senders(case: &Case) -> Result<Vec<Sender>> {
    let related = Related::load(case)?;
    let mut facts = Vec::new();
    let q = crate::store::facts::FactQuery {
        with_org: true,
        ..Default::default()
    };
    case.for_each_contact_fact(q, |f| {
        if related.voids.contains_key(&f.seq) || related.corrections.contains_key(&f.seq) {
            return;
        }
        facts.push(SenderFact {
            seq: f.seq,
            occurred_utc: f.occurred_utc,
            from: f.sender.map(str::to_owned),
            address: f.address.map(str::to_owned),
            org: f.org.map(str::to_owned),
        });
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
        facts.push(SenderFact {
            seq,
            occurred_utc: crate::store::IndexColumns::of(&b).occurred_utc,
            from: b.from,
            address: b.address,
            org: b.org,
        });
    }
    Ok(senders(facts))
}

/// The last contact recorded (highest entry number) that is not
/// withdrawn, with its corrections applied.
pub fn last_contact(case: &Case) -> Result<Option<View>> {
    let found = case.select(
        "kind = 'contact' AND seq NOT IN \
         (SELECT target FROM entries WHERE kind = 'void' AND target IS NOT NULL) \
         ORDER BY seq DESC LIMIT 1",
        &[],
    )?;
    match found.first() {
        Some(s) => load_one(case, s.seq),
        None => Ok(None),
    }
}

/// Short labels for tables.
pub mod label {
    use super::*;

    /// What kind of entry, in the interface language: the channel and
    /// outcome of a contact (`phone missed`, `電話 不在`), the action…
    pub fn channel(b: &Body) -> String {
        let target = b.target.unwrap_or(0);
        match b.kind {
            Kind::Action => crate::t!(
                "core-label-action",
                action = b.action.map(|a| a.as_str()).unwrap_or("?")
            ),
            Kind::Note => crate::t!("core-label-note"),
            Kind::Correction => crate::t!("core-label-correction", seq = target),
            Kind::Void => crate::t!("core-label-void", seq = target),
            Kind::Attach => crate::t!("core-label-attach", seq = target),
            Kind::Exhibit => crate::t!("lawyer-label-exhibit"),
            Kind::Transcript => crate::t!("lawyer-label-transcript"),
            Kind::Anchor => match &b.anchor {
                Some(a) => crate::t!("core-label-anchor-of", seq = a.covers_seq),
                None => crate::t!("core-label-anchor"),
            },
            Kind::Contact => {
                let mut s = crate::t!(
                    "core-label-channel",
                    channel = b.channel.map(|c| c.as_str()).unwrap_or("?")
                );
                if let Some(p) = &b.platform {
                    s.push('/');
                    s.push_str(p);
                }
                if let Some(o) = b.outcome {
                    s.push(' ');
                    s.push_str(&crate::t!("core-label-outcome", outcome = o.as_str()));
                }
                if b.direction == Some(crate::model::Direction::Outgoing) {
                    s.push_str(&crate::t!("core-label-sent"));
                }
                s
            }
        }
    }

    pub fn who(b: &Body) -> String {
        let name = b.from.as_deref().or(b.with.as_deref());
        let address = b.address.as_deref().map(address);
        match (name, address) {
            (Some(n), Some(a)) => format!("{n} <{a}>"),
            (Some(n), None) => n.to_string(),
            (None, Some(a)) => a,
            (None, None) => b.org.clone().unwrap_or_default(),
        }
    }

    /// An address as recorded, with the kind of caller in words when the
    /// number was not shown: `-2 (withheld)`, `Private（非通知）`; a word
    /// that already says it (`非通知` in Japanese) stays alone.
    pub fn address(a: &str) -> String {
        match crate::address::kind_of(a) {
            Some(kind) => {
                let lang = crate::i18n::current();
                let word = crate::address::kind_label(lang, kind);
                if crate::model::fold_word(a) == crate::model::fold_word(&word) {
                    a.to_string()
                } else {
                    crate::t!("address-with-kind", address = a, kind = word)
                }
            }
            None => a.to_string(),
        }
    }

    pub fn what(b: &Body) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(s) = b.subject.as_deref() {
            parts.push(s);
        }
        if let Some(c) = b.content.as_deref() {
            parts.push(c);
        }
        if let Some(n) = b.notes.as_deref() {
            parts.push(n);
        }
        if let Some(r) = b.reason.as_deref() {
            parts.push(r);
        }
        parts.join(" | ")
    }

    /// Date and minute in the offset stored with the entry, in the narrow
    /// form (see [`date_time`]).
    pub fn when(b: &Body) -> String {
        b.occurred_at
            .as_deref()
            .and_then(timeparse::parse_stored)
            .map(|d| date_time(&d, false, false))
            .unwrap_or_default()
    }

    /// The same in the long form, for one entry at a time.
    pub fn when_long(b: &Body) -> String {
        b.occurred_at
            .as_deref()
            .and_then(timeparse::parse_stored)
            .map(|d| date_time(&d, true, false))
            .unwrap_or_default()
    }

    /// A time as people read it, to the minute (or the second).
    ///
    /// Two forms, chosen per place: the long one (`long`) reads
    /// `2026年11月20日(金) 14:32` in Japanese, as Japanese documents and
    /// letters write dates, with the weekday that helps a person recall the
    /// day; it is used where one entry or a few rows are shown (`show`, the
    /// confirmation of a new entry). The narrow one, `2026-11-20 14:32`
    /// (16 columns instead of up to 22), is used in tables of many rows
    /// (`list`) and in sentences of other commands, where the column must
    /// stay narrow so that the content keeps its width and rows line up.
    /// English reads `Fri 2026-11-20 14:32` and `2026-11-20 14:32`.
    pub fn date_time(d: &DateTime<FixedOffset>, long: bool, seconds: bool) -> String {
        let time = if seconds {
            d.format("%H:%M:%S").to_string()
        } else {
            d.format("%H:%M").to_string()
        };
        if !long {
            return format!("{} {time}", d.format("%Y-%m-%d"));
        }
        use chrono::Datelike;
        crate::t!(
            "core-date-time-long",
            year = d.year().to_string(),
            month = d.month(),
            day = d.day(),
            weekday = d.weekday().num_days_from_monday(),
            time = time
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(from: &str, address: &str) -> Body {
        Body {
            from: Some(from.into()),
            address: Some(address.into()),
            ..Body::default()
        }
    }

    #[test]
    fn the_last_entries_are_read_through_the_time_index() {
        let dir = tempfile::tempdir().unwrap();
        let meta = crate::store::CaseMeta {
            case_id: "c".into(),
            title: None,
            counterparty: None,
            owner: None,
            tz: chrono_tz::Tz::UTC,
            created_at: String::new(),
        };
        let case = Case::create(&dir.path().join("c.sqlite"), &meta).unwrap();
        let (cond, _) = base_query(&Filter::default(), Order::Newest(50));
        let sql = format!("EXPLAIN QUERY PLAN SELECT seq FROM entries WHERE {cond}");
        let mut stmt = case.conn().prepare(&sql).unwrap();
        let plan: Vec<String> = stmt
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let plan = plan.join(" | ");
        assert!(plan.contains("entries_by_time"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }

    #[test]
    fn party_matching() {
        let b = body("山田 課長", "090-1234-5678");
        assert!(matches_party(&b, "山田"));
        assert!(matches_party(&b, "09012345678"));
        assert!(matches_party(&b, "1234-5678"));
        assert!(!matches_party(&b, "佐藤"));
        assert!(!matches_party(&b, "080"));
        let e = body("Sato", "sato@example.jp");
        assert!(matches_party(&e, "SATO@EXAMPLE"));
    }
}
