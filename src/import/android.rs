//! Android call logs and messages, as the "SMS Backup & Restore" app
//! writes them (XML):
//!
//! * `<calls><call number= duration= date= type= contact_name= …/></calls>`,
//!   `date` in milliseconds since 1970 (UTC), `duration` in seconds, `type`
//!   1 incoming, 2 outgoing, 3 missed, 4 voicemail, 5 rejected, 6 blocked;
//! * `<smses><sms address= date= type= body= contact_name= …/>` with `type`
//!   1 received and 2 sent (drafts, outbox, failed and queued messages were
//!   never sent or received and are not imported), and
//!   `<mms date= msg_box= address= …><parts><part ct="text/plain" text=…/>`
//!   with `msg_box` 1 received and 2 sent.
//!
//! Times are shown in the case's time zone.

use chrono::{DateTime, Utc};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::{checked_time, Bad, Context, Importer, LineCounter, Parsed, Party, Record};
use crate::address::{kind_of_call, AddressKind};
use crate::error::{Error, Result};
use crate::model::{Channel, Direction, Outcome};

pub struct Calls;
pub struct Sms;

fn attrs(e: &BytesStart<'_>) -> std::result::Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| crate::t!("import-android-attribute", reason = err.to_string()))?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| {
                crate::t!(
                    "import-android-value",
                    name = key.as_str(),
                    reason = err.to_string()
                )
            })?
            .into_owned();
        out.push((key, value));
    }
    Ok(out)
}

fn get<'a>(a: &'a [(String, String)], key: &str) -> Option<&'a str> {
    a.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.is_empty() && *v != "null")
}

fn party(a: &[(String, String)], address_key: &str) -> Party {
    Party {
        name: get(a, "contact_name")
            .filter(|n| *n != "(Unknown)")
            .map(String::from),
        address: get(a, address_key).map(String::from),
    }
}

/// Milliseconds above this are milliseconds (after 1973-03-03); numbers
/// below [`MAX_SECONDS`] are seconds (before 2286). Between the two, a
/// date cannot be told apart without `readable_date`.
const MIN_MILLIS: i64 = 100_000_000_000;
const MAX_SECONDS: i64 = 10_000_000_000;

/// `readable_date` as the app writes it, in the phone's own zone and
/// language: `Apr 21, 2012 4:10:17 PM`, `2017/01/31 20:51:24`,
/// `31 Jan 2017 20:51:24`, `2017年1月31日 20:51:24`.
fn readable(s: &str) -> Option<chrono::NaiveDateTime> {
    use chrono::NaiveDateTime;
    let s = s.trim();
    const FORMATS: &[&str] = &[
        "%b %d, %Y %I:%M:%S %p",
        "%Y/%m/%d %H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%d %b %Y %H:%M:%S",
        "%d.%m.%Y %H:%M:%S",
        "%Y年%m月%d日 %H:%M:%S",
        "%m/%d/%Y %I:%M:%S %p",
    ];
    FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
}

/// Whether an instant can be what `readable` shows in some time zone: the
/// same minutes and seconds, at most 14 hours apart.
fn agrees(utc: DateTime<Utc>, readable: chrono::NaiveDateTime) -> bool {
    let Some(whole) = DateTime::<Utc>::from_timestamp(utc.timestamp(), 0) else {
        return false;
    };
    let diff = (readable - whole.naive_utc()).num_seconds();
    diff.abs() <= 14 * 3600 && diff % 900 == 0
}

fn time(a: &[(String, String)], ctx: &Context) -> std::result::Result<String, String> {
    let raw = get(a, "date").ok_or_else(|| crate::t!("import-android-no-date"))?;
    let n: i64 = raw
        .trim()
        .parse()
        .map_err(|_| crate::t!("import-android-date-not-number", date = raw))?;
    let as_ms = DateTime::<Utc>::from_timestamp_millis(n);
    let as_s = DateTime::<Utc>::from_timestamp(n, 0);
    let shown = get(a, "readable_date");
    let utc = match shown.and_then(readable) {
        Some(r) => {
            let ms_ok = n >= MIN_MILLIS && as_ms.is_some_and(|t| agrees(t, r));
            let s_ok = n < MAX_SECONDS && as_s.is_some_and(|t| agrees(t, r));
            match (ms_ok, s_ok) {
                (true, _) => as_ms,
                (false, true) => as_s,
                _ => {
                    return Err(crate::t!(
                        "import-android-date-contradicts",
                        date = raw,
                        readable = shown.unwrap_or_default()
                    ))
                }
            }
        }
        None if n >= MIN_MILLIS => as_ms,
        None if (0..MAX_SECONDS).contains(&n) && n > 0 => as_s,
        None => return Err(crate::t!("import-android-date-unclear", date = raw)),
    };
    let utc = utc.ok_or_else(|| crate::t!("import-android-date-out-of-range", date = raw))?;
    checked_time(utc.with_timezone(&ctx.tz).fixed_offset(), ctx.now)
}

fn call(a: &[(String, String)], ctx: &Context) -> std::result::Result<Record, String> {
    let at = time(a, ctx)?;
    let kind = get(a, "type").unwrap_or("");
    let duration: u64 = match get(a, "duration") {
        Some(d) => d
            .trim()
            .parse()
            .map_err(|_| crate::t!("import-android-duration", duration = d))?,
        None => 0,
    };
    let (channel, direction, outcome) = match kind {
        "1" => (Channel::Phone, Direction::Incoming, Some(Outcome::Answered)),
        "2" => (
            Channel::Phone,
            Direction::Outgoing,
            (duration > 0).then_some(Outcome::Answered),
        ),
        "3" => (Channel::Phone, Direction::Incoming, Some(Outcome::Missed)),
        "4" => (Channel::Voicemail, Direction::Incoming, None),
        "5" => (Channel::Phone, Direction::Incoming, Some(Outcome::Declined)),
        "6" => (Channel::Phone, Direction::Incoming, Some(Outcome::Blocked)),
        other => return Err(crate::t!("import-android-call-type", kind = other)),
    };
    let mut p = party(a, "number");
    let key = format!(
        "call\u{1f}{}\u{1f}{}\u{1f}{kind}\u{1f}{duration}",
        p.address.as_deref().unwrap_or(""),
        get(a, "date").unwrap_or("")
    );
    // A caller whose number was not shown: the file's own value is kept
    // (`-2`); an empty number gets the word of its kind, and a note says
    // what the file held.
    let number = get(a, "number").unwrap_or("");
    let mut notes = None;
    if let Some(kind) = kind_of_call(number, get(a, "presentation")) {
        if p.address.is_none() {
            p.address = Some(kind_word(kind).to_string());
            notes = Some(crate::t_in!(
                crate::i18n::Lang::En,
                "import-android-number-empty",
                presentation = get(a, "presentation").unwrap_or("-")
            ));
        }
    }
    Ok(Record {
        occurred_at: at,
        channel: Some(channel),
        direction: Some(direction),
        party: p,
        duration_secs: (duration > 0).then_some(duration),
        outcome,
        notes,
        key,
        ..Record::default()
    })
}

/// The word recorded for a caller a call log gives no number for (machine
/// words, recognised again by [`kind_of`](crate::address::kind_of)).
fn kind_word(kind: AddressKind) -> &'static str {
    match kind {
        AddressKind::Withheld => "Withheld",
        AddressKind::Payphone => "Payphone",
        AddressKind::Unavailable => "Unknown",
    }
}

/// A message (SMS or MMS): `kind` names it in the key, `box_attr` holds
/// 1 (received) or 2 (sent), `subject_attr` its subject. Other boxes
/// (drafts, outbox, failed, queued) were never exchanged: `None`.
fn message(
    a: &[(String, String)],
    ctx: &Context,
    kind: &str,
    box_attr: &str,
    subject_attr: &str,
    text: String,
    sender: Option<&str>,
) -> std::result::Result<Option<Record>, String> {
    let direction = match get(a, box_attr) {
        Some("1") => Direction::Incoming,
        Some("2") => Direction::Outgoing,
        _ => return Ok(None),
    };
    let at = time(a, ctx)?;
    let mut p = party(a, "address");
    let key = format!(
        "{kind}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{text}",
        p.address.as_deref().unwrap_or(""),
        get(a, "date").unwrap_or(""),
        get(a, box_attr).unwrap_or("")
    );
    // A group message: `address` holds every member joined by `~`; the
    // sender of a received one is its `<addr type="137">`.
    let mut to = None;
    if let Some(joined) = p.address.clone().filter(|a| a.contains('~')) {
        if direction == Direction::Incoming {
            if let Some(s) = sender {
                // `contact_name` names the whole group, not the sender.
                p.address = Some(s.to_string());
                to = Some(
                    [
                        get(a, "contact_name"),
                        Some(joined.replace('~', ", ").as_str()),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" — "),
                );
                p.name = None;
            }
        }
    }
    let (content, _) = super::bounded(text);
    Ok(Some(Record {
        to,
        occurred_at: at,
        channel: Some(Channel::Sms),
        platform: (kind == "mms").then(|| "MMS".to_string()),
        direction: Some(direction),
        party: p,
        subject: get(a, subject_attr).map(String::from),
        content: (kind == "sms" || !content.is_empty()).then_some(content),
        key,
        ..Record::default()
    }))
}

fn sms(a: &[(String, String)], ctx: &Context) -> std::result::Result<Option<Record>, String> {
    let body = a
        .iter()
        .find(|(k, _)| k == "body")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    message(a, ctx, "sms", "type", "subject", body, None)
}

/// An MMS being read: its attributes and its text parts so far.
struct Mms {
    attrs: Vec<(String, String)>,
    texts: Vec<String>,
    /// The `<addr type="137">`: who sent it.
    sender: Option<String>,
    index: usize,
    line: usize,
}

fn mms(m: Mms, ctx: &Context) -> std::result::Result<Option<Record>, String> {
    message(
        &m.attrs,
        ctx,
        "mms",
        "msg_box",
        "sub",
        m.texts.join("\n"),
        m.sender.as_deref(),
    )
}

fn position(calls: bool, index: usize, line: usize) -> String {
    if calls {
        super::pos_call(index, line)
    } else {
        super::pos_message(index, line)
    }
}

/// Reads a backup whose root element is `root`, handing each element of
/// interest to `on`.
fn read(
    bytes: &[u8],
    root: &str,
    other: (&str, fn() -> String),
    ctx: &Context,
    calls: bool,
) -> Result<Parsed> {
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().check_end_names = true;
    let mut lines = LineCounter::new(bytes);
    let mut parsed = Parsed {
        needs_party: true,
        ..Parsed::default()
    };
    let mut depth = 0usize;
    let mut seen_root = false;
    let mut index = 0usize;
    let mut current_mms: Option<Mms> = None;
    loop {
        let start = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(err) => {
                let at = lines.line_at(reader.error_position() as usize);
                if !seen_root {
                    return Err(Error::usage(crate::t!(
                        "import-android-not-xml",
                        line = at,
                        reason = err.to_string()
                    ))
                    .with_hint(crate::t!("import-android-not-xml-hint", root = root)));
                }
                parsed.bad.push(Bad {
                    position: super::pos_line(at),
                    message: crate::t!("import-android-broken-xml", reason = err.to_string()),
                });
                break;
            }
        };
        let (e, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    if let Some(m) = current_mms.take() {
                        let position = super::pos_message(m.index, m.line);
                        match mms(m, ctx) {
                            Ok(Some(mut r)) => {
                                r.position = position;
                                parsed.records.push(r);
                            }
                            Ok(None) => {}
                            Err(message) => parsed.bad.push(Bad { position, message }),
                        }
                    }
                }
                continue;
            }
            Event::Eof => {
                if !seen_root {
                    return Err(
                        Error::usage(crate::t!("import-android-no-root", root = root))
                            .with_hint(crate::t!("import-android-choose-importer")),
                    );
                }
                if depth > 0 {
                    let at = lines.line_at(bytes.len());
                    parsed.bad.push(Bad {
                        position: super::pos_line(at),
                        message: crate::t!("import-android-ends-early", root = root),
                    });
                }
                break;
            }
            _ => (None, false),
        };
        let Some(e) = e else { continue };
        let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
        if !empty {
            depth += 1;
        }
        let level = if empty { depth + 1 } else { depth };
        if level == 1 {
            if name == other.0 {
                return Err(
                    Error::usage(other.1()).with_hint(crate::t!("import-android-choose-importer"))
                );
            }
            if name != root {
                return Err(Error::usage(crate::t!(
                    "import-android-other-layout",
                    found = name.as_str(),
                    root = root
                ))
                .with_hint(crate::t!("import-android-other-layout-hint", root = root)));
            }
            seen_root = true;
            continue;
        }
        let line = lines.line_at(start + 1);
        if level == 2 {
            index += 1;
            let wanted = if calls {
                name == "call"
            } else {
                name == "sms" || name == "mms"
            };
            if !wanted {
                continue;
            }
            let a = match attrs(e) {
                Ok(a) => a,
                Err(message) => {
                    parsed.bad.push(Bad {
                        position: position(calls, index, line),
                        message,
                    });
                    continue;
                }
            };
            let position = position(calls, index, line);
            if name == "mms" {
                let m = Mms {
                    attrs: a,
                    texts: Vec::new(),
                    sender: None,
                    index,
                    line,
                };
                if empty {
                    match mms(m, ctx) {
                        Ok(Some(mut r)) => {
                            r.position = position;
                            parsed.records.push(r);
                        }
                        Ok(None) => {}
                        Err(message) => parsed.bad.push(Bad { position, message }),
                    }
                } else {
                    current_mms = Some(m);
                }
                continue;
            }
            let result = if calls {
                call(&a, ctx).map(Some)
            } else {
                sms(&a, ctx)
            };
            match result {
                Ok(Some(mut r)) => {
                    r.position = position;
                    parsed.records.push(r);
                }
                Ok(None) => {}
                Err(message) => parsed.bad.push(Bad { position, message }),
            }
        } else if name == "addr" {
            if let Some(m) = current_mms.as_mut() {
                if let Ok(a) = attrs(e) {
                    if get(&a, "type") == Some("137") && m.sender.is_none() {
                        m.sender = get(&a, "address").map(String::from);
                    }
                }
            }
        } else if name == "part" {
            if let Some(m) = current_mms.as_mut() {
                if let Ok(a) = attrs(e) {
                    if get(&a, "ct") == Some("text/plain") {
                        if let Some(t) = a.iter().find(|(k, _)| k == "text") {
                            m.texts.push(t.1.clone());
                        }
                    }
                }
            }
        }
    }
    // Backup apps often write the same record twice, byte for byte: one
    // event, recorded once.
    let mut kept: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut records = Vec::with_capacity(parsed.records.len());
    for r in std::mem::take(&mut parsed.records) {
        match kept.get(&r.key) {
            Some(&i) => parsed.duplicate_of.push(i),
            None => {
                kept.insert(r.key.clone(), records.len());
                records.push(r);
            }
        }
    }
    parsed.records = records;
    Ok(parsed)
}

impl Importer for Calls {
    fn name(&self) -> &'static str {
        "android-calls"
    }
    fn parse(&self, bytes: &[u8], ctx: &Context) -> Result<Parsed> {
        read(
            bytes,
            "calls",
            ("smses", || crate::t!("import-android-is-sms")),
            ctx,
            true,
        )
    }
}

impl Importer for Sms {
    fn name(&self) -> &'static str {
        "android-sms"
    }
    fn parse(&self, bytes: &[u8], ctx: &Context) -> Result<Parsed> {
        read(
            bytes,
            "smses",
            ("calls", || crate::t!("import-android-is-calls")),
            ctx,
            false,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::import::tests::ctx;

    const CALLS: &str = r#"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<calls count="4">
  <call number="+819012345678" duration="0" date="1763445600000" type="3" contact_name="山田 課長" readable_date="2025/11/18 15:00:00" />
  <call number="09012345678" duration="65" date="1763449200000" type="1" contact_name="山田 課長" />
  <call number="0311112222" duration="30" date="1763452800000" type="2" contact_name="(Unknown)" />
  <call number="09012345678" duration="0" date="1763456400000" type="6" />
  <call number="09012345678" duration="0" date="1763456400000" type="9" />
</calls>
"#;

    #[test]
    fn calls_map_to_outcomes() {
        let p = Calls.parse(CALLS.as_bytes(), &ctx()).unwrap();
        assert_eq!(p.records.len(), 4);
        assert_eq!(p.bad.len(), 1);
        assert_eq!(p.bad[0].position, "call 5 (line 7)");
        let r = &p.records;
        assert_eq!(r[0].occurred_at, "2025-11-18T15:00:00+09:00");
        assert_eq!(r[0].outcome, Some(Outcome::Missed));
        assert_eq!(r[0].party.name.as_deref(), Some("山田 課長"));
        assert_eq!(r[0].position, "call 1 (line 3)");
        assert_eq!(
            (r[1].outcome, r[1].duration_secs),
            (Some(Outcome::Answered), Some(65))
        );
        assert_eq!(r[2].direction, Some(Direction::Outgoing));
        assert_eq!(r[2].party.name, None);
        assert_eq!(r[3].outcome, Some(Outcome::Blocked));
        let e = Sms.parse(CALLS.as_bytes(), &ctx()).unwrap_err();
        assert!(e.to_line().contains("call log"), "{}", e.to_line());
    }

    #[test]
    fn messages_and_truncation() {
        let xml = r#"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="3">
  <sms protocol="0" address="+819012345678" date="1763445600000" type="1" subject="null" body="番号変わりました。&#10;連絡下さい。" contact_name="山田" />
  <sms address="+819012345678" date="1763445700000" type="2" body="もう連絡しないでください" />
  <mms date="1763445800000" msg_box="1" address="+819012345678">
    <parts>
      <part seq="0" ct="application/smil" text="&lt;smil&gt;" />
      <part seq="0" ct="text/plain" text="写真を見て" />
      <part seq="0" ct="image/jpeg" data="AAAA" />
    </parts>
  </mms>
  <sms address="+819012345678" date="1763445900000" type="1" body="cut"#;
        let p = Sms.parse(xml.as_bytes(), &ctx()).unwrap();
        assert_eq!(p.records.len(), 3);
        assert_eq!(
            p.records[0].content.as_deref(),
            Some("番号変わりました。\n連絡下さい。")
        );
        assert_eq!(p.records[1].direction, Some(Direction::Outgoing));
        assert_eq!(p.records[2].content.as_deref(), Some("写真を見て"));
        assert_eq!(p.records[2].platform.as_deref(), Some("MMS"));
        assert_eq!(p.bad.len(), 1, "{:?}", p.bad);
        assert!(p.bad[0].message.contains("cut short"), "{:?}", p.bad);
        assert!(Sms.parse(b"not xml at all", &ctx()).is_err());
    }
}
