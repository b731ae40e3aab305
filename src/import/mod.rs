//! Importing what the phone and mailbox already hold: one module per
//! source behind one interface, [`Importer`].
//!
//! An importer turns the bytes of one source file into [`Record`]s (one per
//! message, call or row, each with its position in the file and a key that
//! identifies it) and [`Bad`] records it could not read. It never panics
//! and never guesses: what it cannot read is reported with its position.
//!
//! What happens next is the same for every source ([`plan`]): the records
//! are sorted into the counterparty's (incoming contacts), the user's own
//! (outgoing, kept only when asked) and others'; each gets a fingerprint
//! (SHA-256 of the importer family, the record's key and how many identical
//! records came before it in the file), so that importing the same file
//! again, or a later export that overlaps it, adds only what is new.

pub mod android;
pub mod csv;
pub mod email;
pub mod iphone;
pub mod line;

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;
use sha2::{Digest, Sha256};

use crate::chain::hex;
use crate::error::{Error, Result};
use crate::model::{fold_word, Body, Channel, Direction, Kind, Outcome, Source};

/// What every importer gets besides the bytes.
#[derive(Debug, Clone)]
pub struct Context {
    /// The case's time zone, for sources that give local times.
    pub tz: Tz,
    /// Now: records later than this are refused.
    pub now: DateTime<Utc>,
    /// Column mappings given with `--map column=field` (CSV only).
    pub map: Vec<(String, String)>,
    /// Names given with `--from`: in LINE desktop exports, where the sender
    /// and the text are separated by spaces, they tell where a name with a
    /// space ends.
    pub names: Vec<String>,
}

/// One side of a conversation as the source names it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Party {
    pub name: Option<String>,
    /// A phone number, email address or account.
    pub address: Option<String>,
}

impl Party {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.address.is_none()
    }

    /// `name <address>`, `name` or `address`, for messages.
    pub fn display(&self) -> String {
        match (&self.name, &self.address) {
            (Some(n), Some(a)) => format!("{n} <{a}>"),
            (Some(n), None) => n.clone(),
            (None, Some(a)) => a.clone(),
            (None, None) => crate::t!("import-party-unknown"),
        }
    }

    /// [`display`](Party::display) for messages: a caller whose number was
    /// not shown with its kind in words (`-1 (number unavailable)`).
    pub fn shown(&self) -> String {
        match (&self.name, &self.address) {
            (Some(n), Some(a)) => format!("{n} <{}>", crate::view::label::address(a)),
            (None, Some(a)) => crate::view::label::address(a),
            _ => self.display(),
        }
    }

    /// A key that is the same for the same party written the same way
    /// (used to count the parties in a file).
    fn identity(&self) -> String {
        match (&self.address, &self.name) {
            (Some(a), _) => {
                if let Some(kind) = crate::address::kind_of(a) {
                    return format!("kind:{}", kind.code());
                }
                let d = phone_digits(a);
                if d.len() >= 5 {
                    d
                } else {
                    a.trim().to_lowercase()
                }
            }
            (None, Some(n)) => fold_name(n),
            (None, None) => String::new(),
        }
    }
}

/// One record read from a source: a message, call or row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Where it is in the file: `line 12`, `message 3 (line 40)`.
    pub position: String,
    pub occurred_at: String,
    pub occurred_until: Option<String>,
    pub channel: Option<Channel>,
    pub platform: Option<String>,
    /// The direction when the source says it (a call log, a sent SMS, a
    /// spreadsheet column); `None` when it follows from who sent it.
    pub direction: Option<Direction>,
    /// With a known direction: the other party. Without: the sender.
    pub party: Party,
    /// Email recipients (To and Cc), to recognise the user's own mail.
    pub recipients: Vec<Party>,
    pub to: Option<String>,
    pub org: Option<String>,
    pub subject: Option<String>,
    pub content: Option<String>,
    pub duration_secs: Option<u64>,
    pub outcome: Option<Outcome>,
    pub count: Option<u64>,
    pub reference: Option<String>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    /// The normalised source record, hashed into the fingerprint.
    pub key: String,
    /// The key an earlier version gave the same record, when it was less
    /// exact (an email's Message-ID alone): a record imported under it is
    /// already recorded only if the entry says the same (see
    /// [`Plan::legacy`]).
    pub legacy_key: Option<String>,
    /// The record's own bytes, kept as an evidence file (an email message).
    pub raw: Option<Vec<u8>>,
}

/// A record that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bad {
    pub position: String,
    pub message: String,
}

/// What an importer read from one file.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub records: Vec<Record>,
    pub bad: Vec<Bad>,
    /// The counterparty, when the file itself names it (a LINE one-to-one
    /// chat's title).
    pub counterparty: Option<Party>,
    /// Whether the file is one conversation between two people, so that a
    /// message not from the counterparty is the user's own (LINE).
    pub two_party: bool,
    /// Whether records must be sorted by party (`--from`). A spreadsheet the
    /// user kept holds only what they chose to record.
    pub needs_party: bool,
    /// Records left out because an identical one (byte for byte) came
    /// before them in the file (Android backups): for each, the index of
    /// the record kept in its place, so that the summary counts only the
    /// copies of records taken.
    pub duplicate_of: Vec<usize>,
    /// What the file is, for the import note (e.g. "LINE chat history with 山田").
    pub title: Option<String>,
}

/// One source format.
pub trait Importer {
    /// The name used on the command line and recorded in `source.importer`.
    fn name(&self) -> &'static str;
    /// Records that are the same in two files have the same fingerprint
    /// only within one family (`eml` and `mbox` are both `email`).
    fn family(&self) -> &'static str {
        self.name()
    }
    /// Reads one file. `Err` only when the file as a whole cannot be of
    /// this format; a record that cannot be read goes to [`Parsed::bad`].
    fn parse(&self, bytes: &[u8], ctx: &Context) -> Result<Parsed>;
}

/// The importer for a command-line name.
pub fn importer(name: &str) -> Option<Box<dyn Importer>> {
    Some(match name {
        "line" => Box::new(line::Line),
        "eml" => Box::new(email::Eml),
        "mbox" => Box::new(email::Mbox),
        "android-calls" => Box::new(android::Calls),
        "android-sms" => Box::new(android::Sms),
        "csv" => Box::new(csv::Csv),
        _ => return None,
    })
}

pub const IMPORTERS: &[&str] = &[
    "line",
    "eml",
    "mbox",
    "android-calls",
    "android-sms",
    "csv",
    "iphone-backup",
];

/// Names and digits compared loosely: case, width and spaces ignored.
pub fn fold_name(s: &str) -> String {
    fold_word(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The digits of a phone number, with a Japanese `+81` prefix written as
/// 0 and a North American `+1` dropped (see [`crate::address::phone_key`]).
pub fn phone_digits(s: &str) -> String {
    crate::address::phone_digits(s)
}

/// Whether a `--from` value names this party: the same name (ignoring case,
/// width and spaces), the same address (ignoring case), or the same phone
/// number written another way (`+81 90-1234-5678` = `09012345678`).
///
/// A word for a caller whose number was not shown (`withheld`, `非通知`,
/// `-1`, `公衆電話`…) names every party of that kind, however the file
/// wrote it.
pub fn names(needle: &str, party: &Party) -> bool {
    let n = fold_name(needle);
    if n.is_empty() {
        return false;
    }
    if let Some(kind) = crate::address::kind_of(needle) {
        return party
            .address
            .as_deref()
            .and_then(crate::address::kind_of)
            .is_some_and(|k| k == kind);
    }
    if party
        .name
        .as_deref()
        .is_some_and(|name| fold_name(name) == n)
    {
        return true;
    }
    if let Some(a) = party.address.as_deref() {
        if fold_name(a) == n {
            return true;
        }
        let (nd, ad) = (phone_digits(needle), phone_digits(a));
        let needle_is_number = nd.len() >= 5 && nd.len() * 2 >= n.chars().count();
        if needle_is_number && nd == ad {
            return true;
        }
    }
    false
}

/// Who the user named with `--from`, and whether their own messages stay.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub from: Vec<String>,
    pub include_own: bool,
    /// Several files read together: `--from` need not name someone in
    /// every one of them ([`Plan::names_nobody`]); the caller refuses
    /// when it names nobody in any.
    pub several_files: bool,
}

/// A record sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// From the counterparty: an incoming contact.
    Theirs,
    /// The user's own, to the counterparty: outgoing.
    Own,
    /// Between other people (another number in a call log, a third person
    /// in a group chat).
    Other,
}

/// The records to import from one file, and what was left out.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The records to import, with their side (Theirs or Own) and fingerprint.
    pub take: Vec<(usize, Side, String)>,
    /// Own messages left out (no `--include-own`).
    pub own_left: usize,
    /// Records of other people left out.
    pub others_left: usize,
    /// Whom the records were sorted by.
    pub counterparty: Vec<String>,
    /// When neither `--from` nor the file named the other side and the
    /// file holds one person only: that person (identity, as shown).
    pub inferred: Option<(String, String)>,
    /// `--from` names nobody in this file (only with
    /// [`Selection::several_files`]; otherwise that is refused).
    pub names_nobody: bool,
    /// The fingerprint an earlier version gave a record (by its index),
    /// when its key was less exact ([`Record::legacy_key`]).
    pub legacy: HashMap<usize, String>,
}

fn any_names(needles: &[String], party: &Party) -> bool {
    needles.iter().any(|n| names(n, party))
}

/// Sorts the records of one file by party and computes their fingerprints.
/// `file` is the name shown in messages.
/// People named in a refusal at most: the rest are counted.
const PEOPLE_NAMED: usize = 6;

/// The people found most often (at most [`PEOPLE_NAMED`], most first, in
/// the order found among equals), each written by `item`, joined as the
/// catalogue joins a list; and how many more there are. Shared by the
/// refusal of a file of several people and of files of several people.
pub fn most_found<T>(people: &[(T, usize)], item: impl Fn(&T, usize) -> String) -> (String, usize) {
    let mut sorted: Vec<&(T, usize)> = people.iter().collect();
    sorted.sort_by_key(|p| std::cmp::Reverse(p.1));
    let named: Vec<String> = sorted
        .iter()
        .take(PEOPLE_NAMED)
        .map(|(t, n)| item(t, *n))
        .collect();
    (
        named.join(&crate::t!("import-people-separator")),
        people.len().saturating_sub(PEOPLE_NAMED),
    )
}

pub fn plan(file: &str, family: &str, parsed: &Parsed, sel: &Selection) -> Result<Plan> {
    let mut needles = sel.from.clone();
    let mut shown = sel.from.clone();
    let mut inferred = None;
    if parsed.needs_party && needles.is_empty() {
        if let Some(cp) = &parsed.counterparty {
            needles.extend(cp.name.iter().chain(cp.address.iter()).cloned());
            shown.push(cp.display());
        } else {
            // Who is on the other side of each record.
            let mut parties: Vec<(String, Party, usize)> = Vec::new();
            for r in &parsed.records {
                let id = r.party.identity();
                match parties.iter_mut().find(|(k, _, _)| *k == id) {
                    Some(p) => p.2 += 1,
                    None => parties.push((id, r.party.clone(), 1)),
                }
            }
            match parties.as_slice() {
                [] => {}
                [(id, p, _)] => {
                    needles.extend(p.name.iter().chain(p.address.iter()).cloned());
                    shown.push(p.display());
                    inferred = Some((id.clone(), p.shown()));
                }
                many => {
                    let counted: Vec<(&Party, usize)> =
                        many.iter().map(|(_, p, n)| (p, *n)).collect();
                    let (people, more) = most_found(&counted, |p, n| {
                        crate::t!("import-party-count", party = p.shown(), count = n)
                    });
                    return Err(Error::usage(crate::t!(
                        "import-many-people",
                        file = file,
                        count = many.len(),
                        people = people,
                        more = more
                    ))
                    .with_hint(crate::t!("import-many-people-hint")));
                }
            }
        }
    }
    // Whoever was named, by --from or by the file's title, must be in it:
    // otherwise every record would silently count as someone else's.
    let names_nobody = parsed.needs_party
        && !needles.is_empty()
        && !parsed.records.iter().any(|r| {
            any_names(&needles, &r.party) || r.recipients.iter().any(|p| any_names(&needles, p))
        })
        && !parsed.records.is_empty();
    if names_nobody && (!sel.several_files || sel.from.is_empty()) {
        let mut seen: Vec<String> = Vec::new();
        for r in &parsed.records {
            let d = r.party.shown();
            if !seen.contains(&d) {
                seen.push(d);
            }
            if seen.len() >= 6 {
                break;
            }
        }
        return Err(Error::usage(crate::t!(
            "import-nobody-named",
            file = file,
            named = shown.join(", "),
            found = seen.join(", ")
        ))
        .with_hint(crate::t!("import-nobody-named-hint")));
    }

    let mut plan = Plan {
        counterparty: shown,
        inferred,
        names_nobody,
        ..Plan::default()
    };
    let mut seen: HashMap<&str, u32> = HashMap::new();
    let mut seen_legacy: HashMap<&str, u32> = HashMap::new();
    for (i, r) in parsed.records.iter().enumerate() {
        // The occurrence number tells apart identical records in one file
        // (the same sticker sent twice in a minute).
        let n = seen.entry(r.key.as_str()).or_insert(0);
        *n += 1;
        let fingerprint = fingerprint(family, &r.key, *n);
        if let Some(old) = r.legacy_key.as_deref() {
            let n = seen_legacy.entry(old).or_insert(0);
            *n += 1;
            plan.legacy.insert(i, self::fingerprint(family, old, *n));
        }
        let side = if !parsed.needs_party || (needles.is_empty() && sel.from.is_empty()) {
            match r.direction {
                Some(Direction::Outgoing) => Side::Own,
                _ => Side::Theirs,
            }
        } else if r.direction.is_some() {
            if any_names(&needles, &r.party) {
                match r.direction {
                    Some(Direction::Outgoing) => Side::Own,
                    _ => Side::Theirs,
                }
            } else {
                Side::Other
            }
        } else if any_names(&needles, &r.party) {
            Side::Theirs
        } else if !r.recipients.is_empty() {
            if r.recipients.iter().any(|p| any_names(&needles, p)) {
                Side::Own
            } else {
                Side::Other
            }
        } else if parsed.two_party {
            Side::Own
        } else {
            Side::Other
        };
        match side {
            Side::Own if !sel.include_own => plan.own_left += 1,
            Side::Other => plan.others_left += 1,
            _ => plan.take.push((i, side, fingerprint)),
        }
    }
    Ok(plan)
}

/// `SHA-256(family \x1f key \x1f occurrence)` in lower-case hex.
pub fn fingerprint(family: &str, key: &str, occurrence: u32) -> String {
    let mut h = Sha256::new();
    h.update(family.as_bytes());
    h.update([0x1f]);
    h.update(key.as_bytes());
    h.update([0x1f]);
    h.update(occurrence.to_string().as_bytes());
    hex(&h.finalize())
}

/// The draft of the entry for one record.
pub fn draft(r: &Record, side: Side, counterparty: &[String], source: Source) -> Body {
    let (direction, from, to) = match side {
        Side::Own => {
            let to = if r.direction.is_some() || !r.recipients.is_empty() {
                r.recipients
                    .iter()
                    .find(|p| counterparty.iter().any(|n| names(n, p)))
                    .or(Some(&r.party))
                    .filter(|p| !p.is_empty())
                    .map(|p| p.display())
            } else {
                counterparty.first().cloned()
            };
            (Direction::Outgoing, None, to.or_else(|| r.to.clone()))
        }
        _ => (Direction::Incoming, r.party.name.clone(), r.to.clone()),
    };
    let address = match side {
        Side::Own if r.direction.is_none() && !r.recipients.is_empty() => r
            .recipients
            .iter()
            .find(|p| counterparty.iter().any(|n| names(n, p)))
            .and_then(|p| p.address.clone()),
        Side::Own if r.direction.is_none() => None,
        _ => r.party.address.clone(),
    };
    Body {
        kind: Kind::Contact,
        channel: r.channel,
        platform: r.platform.clone(),
        direction: Some(direction),
        occurred_at: Some(r.occurred_at.clone()),
        occurred_until: r.occurred_until.clone(),
        from,
        address,
        to,
        org: r.org.clone(),
        subject: r.subject.clone(),
        content: r.content.clone(),
        duration_secs: r.duration_secs,
        count: Some(r.count.unwrap_or(1)),
        outcome: r.outcome,
        reference: r.reference.clone(),
        notes: r.notes.clone(),
        tags: r.tags.clone(),
        source: Some(source),
        ..Body::default()
    }
}

/// Positions in a file (`line 12`, `message 3 (line 40)`, `call 5 (line
/// 7)`): recorded in each entry's `source`, so always in these English
/// words, whatever the interface language.
pub fn pos_line(line: usize) -> String {
    format!("line {line}")
}

/// See [`pos_line`].
pub fn pos_message(index: usize, line: usize) -> String {
    format!("message {index} (line {line})")
}

/// See [`pos_line`].
pub fn pos_call(index: usize, line: usize) -> String {
    format!("call {index} (line {line})")
}

/// A position ([`pos_line`], [`pos_message`], [`pos_call`], `row N (line
/// M)`) in the words of the interface language, for messages.
pub fn shown_position(pos: &str) -> String {
    shown_position_in(crate::i18n::current(), pos)
}

/// [`shown_position`] in a given language.
pub fn shown_position_in(lang: crate::i18n::Lang, pos: &str) -> String {
    let num = |s: &str| s.trim().parse::<usize>().ok();
    if let Some(n) = pos.strip_prefix("line ").and_then(num) {
        return crate::t_in!(lang, "import-pos-line", line = n);
    }
    let Some((what, rest)) = pos.split_once(' ') else {
        return pos.to_string();
    };
    let Some((index, line)) = rest
        .strip_suffix(')')
        .and_then(|r| r.split_once(" (line "))
        .and_then(|(i, l)| Some((num(i)?, num(l)?)))
    else {
        return pos.to_string();
    };
    match what {
        "message" => crate::t_in!(lang, "import-pos-message", index = index, line = line),
        "call" => crate::t_in!(lang, "import-pos-call", index = index, line = line),
        "row" => crate::t_in!(lang, "import-pos-row", index = index, line = line),
        _ => pos.to_string(),
    }
}

/// A time from a source, checked: not in the future.
pub fn checked_time(dt: DateTime<FixedOffset>, now: DateTime<Utc>) -> Result<String, String> {
    if dt.with_timezone(&Utc) > now {
        return Err(crate::t!(
            "import-time-in-future",
            time = crate::timeparse::format_rfc3339(&dt)
        ));
    }
    Ok(crate::timeparse::format_rfc3339(&dt))
}

/// Text as UTF-8, without a byte order mark; `Err` with the byte position
/// of the first invalid byte.
pub fn utf8_text(bytes: &[u8]) -> std::result::Result<&str, usize> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| e.valid_up_to())
}

/// 1-based line number of a byte offset, counted incrementally: offsets
/// must be asked for in increasing order.
pub struct LineCounter<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            pos: 0,
            line: 1,
        }
    }

    pub fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.bytes.len());
        if offset < self.pos {
            self.pos = 0;
            self.line = 1;
        }
        self.line += self.bytes[self.pos..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.pos = offset;
        self.line
    }
}

/// Longest text kept in one field; longer text is cut and the cut noted.
pub const MAX_FIELD: usize = 1 << 20;

/// Keeps a field within [`MAX_FIELD`] bytes (on a character boundary).
pub fn bounded(text: String) -> (String, bool) {
    if text.len() <= MAX_FIELD {
        return (text, false);
    }
    let mut end = MAX_FIELD;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (text[..end].to_string(), true)
}

/// What an import did, counted for its summary line.
#[derive(Debug, Default)]
pub struct Counts {
    pub added: usize,
    pub already: usize,
    pub repeated: usize,
    pub duplicates: usize,
    pub own: usize,
    pub others: usize,
    pub bad: usize,
}

/// The one summary line of an import: what was (or would be) recorded,
/// then only the counts that are not zero, then whom it was from.
pub fn summary_line(c: &Counts, whom: &[String], dry_run: bool) -> String {
    let mut parts = vec![if dry_run {
        crate::t!("import-summary-would-record", count = c.added)
    } else {
        crate::t!("import-summary-recorded", count = c.added)
    }];
    for (n, part) in [
        (
            c.already,
            crate::t!("import-summary-already", count = c.already),
        ),
        (
            c.repeated,
            crate::t!("import-summary-repeated", count = c.repeated),
        ),
        (
            c.duplicates,
            crate::t!("import-summary-duplicates", count = c.duplicates),
        ),
        (c.own, crate::t!("import-summary-own", count = c.own)),
        (
            c.others,
            crate::t!("import-summary-others", count = c.others),
        ),
        (c.bad, crate::t!("import-summary-bad", count = c.bad)),
    ] {
        if n > 0 {
            parts.push(part);
        }
    }
    let mut line = parts.join(&crate::t!("import-summary-separator"));
    let mut uniq: Vec<&str> = Vec::new();
    for w in whom {
        if !uniq.contains(&w.as_str()) {
            uniq.push(w);
        }
    }
    if !uniq.is_empty() {
        line.push_str(&crate::t!("import-summary-from", who = uniq.join(", ")));
    }
    line
}

/// One line per entry for `--dry-run`.
pub fn preview(b: &crate::model::Body) -> String {
    let mut parts = vec![crate::view::label::when(b), crate::view::label::channel(b)];
    let who = crate::view::label::who(b);
    if !who.is_empty() {
        parts.push(who);
    }
    if let Some(c) = b.content.as_deref().or(b.subject.as_deref()) {
        let short: String = c.chars().take(60).collect();
        parts.push(if short.len() < c.len() {
            format!("{short}…")
        } else {
            short
        });
    }
    let pos = b
        .source
        .as_ref()
        .map(|s| format!("  [{}]", s.position))
        .unwrap_or_default();
    format!("{}{pos}", crate::sanitize::one_line(&parts.join("  ")))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::TimeZone;

    /// Tokyo, on 2026-11-21 at 10:00.
    pub fn ctx() -> Context {
        Context {
            tz: "Asia/Tokyo".parse().unwrap(),
            now: Utc.with_ymd_and_hms(2026, 11, 21, 1, 0, 0).unwrap(),
            map: Vec::new(),
            names: Vec::new(),
        }
    }

    fn party(name: Option<&str>, address: Option<&str>) -> Party {
        Party {
            name: name.map(String::from),
            address: address.map(String::from),
        }
    }

    #[test]
    fn names_match_loosely_but_not_partly() {
        assert!(names("山田 太郎", &party(Some("山田太郎"), None)));
        assert!(names("ＹＡＭＡＤＡ", &party(Some("yamada"), None)));
        assert!(!names("山田", &party(Some("山田太郎"), None)));
        assert!(names("09012345678", &party(None, Some("+81 90-1234-5678"))));
        assert!(names("090-1234-5678", &party(None, Some("09012345678"))));
        assert!(names(
            "Boss@Example.co.jp",
            &party(None, Some("boss@example.co.jp"))
        ));
        assert!(!names("", &party(Some(""), None)));
        assert!(names(
            "(555) 555-4545",
            &party(None, Some("+1 555-555-4545"))
        ));
        assert!(names("非通知", &party(None, Some("-2"))));
        assert!(names("withheld", &party(None, Some("Private"))));
        assert!(names("-1", &party(None, Some("Unknown"))));
        assert!(!names("withheld", &party(None, Some("Unknown"))));
        assert!(!names("-1", &party(None, Some("+4312341234"))));
    }

    #[test]
    fn positions_are_shown_in_words() {
        use crate::i18n::Lang;
        let en = |p| shown_position_in(Lang::En, p);
        assert_eq!(en("line 12"), "line 12");
        assert_eq!(en("call 5 (line 7)"), "call 5 (line 7)");
        assert_eq!(en("row 4 (line 5)"), "row 4 (line 5)");
        assert_eq!(en("somewhere"), "somewhere");
        let ja = |p| shown_position_in(Lang::Ja, p);
        assert_eq!(ja("message 3 (line 40)"), "メッセージ3（40行目）");
        assert_eq!(ja("line 12"), "12行目");
        assert_eq!(ja("call 5 (line x)"), "call 5 (line x)");
    }

    #[test]
    fn fingerprints_differ_by_family_key_and_occurrence() {
        let a = fingerprint("line", "k", 1);
        assert_eq!(a.len(), 64);
        assert_ne!(a, fingerprint("line", "k", 2));
        assert_ne!(a, fingerprint("email", "k", 1));
        assert_ne!(a, fingerprint("line", "k2", 1));
    }

    fn rec(sender: &str, key: &str) -> Record {
        Record {
            party: party(Some(sender), None),
            key: key.into(),
            occurred_at: "2026-11-18T10:00:00+09:00".into(),
            ..Record::default()
        }
    }

    #[test]
    fn plan_sorts_by_party() {
        let parsed = Parsed {
            records: vec![rec("山田", "a"), rec("me", "b"), rec("山田", "a")],
            two_party: true,
            needs_party: true,
            ..Parsed::default()
        };
        let sel = Selection {
            from: vec!["山田".into()],
            include_own: false,
            several_files: false,
        };
        let p = plan("f", "line", &parsed, &sel).unwrap();
        assert_eq!(p.take.len(), 2);
        assert_eq!(p.own_left, 1);
        // Identical records get different fingerprints.
        assert_ne!(p.take[0].2, p.take[1].2);
        let p = plan(
            "f",
            "line",
            &parsed,
            &Selection {
                include_own: true,
                ..sel
            },
        )
        .unwrap();
        assert_eq!(p.take.len(), 3);
        assert_eq!(p.take[1].1, Side::Own);
        // Without --from and without a title, two senders are refused.
        let e = plan("f.txt", "line", &parsed, &Selection::default()).unwrap_err();
        let line = e.to_line();
        assert!(line.contains("2 different people"), "{line}");
        assert!(line.contains("山田 (2)"), "{line}");
        assert!(line.contains("--from"), "{line}");
        // A --from that names nobody is refused, listing who is there.
        let e = plan(
            "f.txt",
            "line",
            &parsed,
            &Selection {
                from: vec!["田中".into()],
                include_own: false,
                several_files: false,
            },
        )
        .unwrap_err();
        assert!(e
            .to_line()
            .contains("no record in f.txt is from or to 田中"));
        // So must the person a chat's title names.
        let titled = Parsed {
            counterparty: Some(party(Some("佐藤"), None)),
            ..parsed.clone()
        };
        let e = plan("f.txt", "line", &titled, &Selection::default()).unwrap_err();
        let line = e.to_line();
        assert!(
            line.contains("no record in f.txt is from or to 佐藤"),
            "{line}"
        );
        assert!(line.contains("山田"), "{line}");
    }
}
