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
use crate::error::{Error, Result};
use crate::model::{Channel, Direction, Outcome};

pub struct Calls;
pub struct Sms;

fn attrs(e: &BytesStart<'_>) -> std::result::Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| format!("an attribute cannot be read ({err})"))?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| format!("the value of {key} cannot be read ({err})"))?
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

fn time(a: &[(String, String)], ctx: &Context) -> std::result::Result<String, String> {
    let raw = get(a, "date").ok_or("it has no date")?;
    let ms: i64 = raw
        .trim()
        .parse()
        .map_err(|_| format!("its date \"{raw}\" is not a number of milliseconds"))?;
    let utc = DateTime::<Utc>::from_timestamp_millis(ms)
        .ok_or_else(|| format!("its date \"{raw}\" is out of range"))?;
    checked_time(utc.with_timezone(&ctx.tz).fixed_offset(), ctx.now)
}

fn call(a: &[(String, String)], ctx: &Context) -> std::result::Result<Record, String> {
    let at = time(a, ctx)?;
    let kind = get(a, "type").unwrap_or("");
    let duration: u64 = match get(a, "duration") {
        Some(d) => d
            .trim()
            .parse()
            .map_err(|_| format!("its duration \"{d}\" is not a number of seconds"))?,
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
        other => {
            return Err(format!(
                "its call type \"{other}\" is not one I know (1 to 6)"
            ))
        }
    };
    let p = party(a, "number");
    let key = format!(
        "call\u{1f}{}\u{1f}{}\u{1f}{kind}\u{1f}{duration}",
        p.address.as_deref().unwrap_or(""),
        get(a, "date").unwrap_or("")
    );
    Ok(Record {
        occurred_at: at,
        channel: Some(channel),
        direction: Some(direction),
        party: p,
        duration_secs: (duration > 0).then_some(duration),
        outcome,
        key,
        ..Record::default()
    })
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
) -> std::result::Result<Option<Record>, String> {
    let direction = match get(a, box_attr) {
        Some("1") => Direction::Incoming,
        Some("2") => Direction::Outgoing,
        _ => return Ok(None),
    };
    let at = time(a, ctx)?;
    let p = party(a, "address");
    let key = format!(
        "{kind}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{text}",
        p.address.as_deref().unwrap_or(""),
        get(a, "date").unwrap_or(""),
        get(a, box_attr).unwrap_or("")
    );
    let (content, _) = super::bounded(text);
    Ok(Some(Record {
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
    message(a, ctx, "sms", "type", "subject", body)
}

/// An MMS being read: its attributes and its text parts so far.
struct Mms {
    attrs: Vec<(String, String)>,
    texts: Vec<String>,
    index: usize,
    line: usize,
}

fn mms(m: Mms, ctx: &Context) -> std::result::Result<Option<Record>, String> {
    message(&m.attrs, ctx, "mms", "msg_box", "sub", m.texts.join("\n"))
}

/// Reads a backup whose root element is `root`, handing each element of
/// interest to `on`.
fn read(
    bytes: &[u8],
    root: &str,
    other: (&str, &str),
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
                    return Err(Error::usage(format!("it is not a readable XML file (line {at}: {err})"))
                        .with_hint(format!("an SMS Backup & Restore file starts with <?xml …?> and <{root}>; check the file and the importer chosen")));
                }
                parsed.bad.push(Bad {
                    position: format!("line {at}"),
                    message: format!("the XML is broken here ({err}); the file may be cut short, and nothing after this point was read"),
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
                        let position = format!("message {} (line {})", m.index, m.line);
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
                    return Err(Error::usage(format!("it holds no <{root}> element"))
                        .with_hint("check the file and the importer chosen (android-calls for call logs, android-sms for messages)"));
                }
                if depth > 0 {
                    let at = lines.line_at(bytes.len());
                    parsed.bad.push(Bad {
                        position: format!("line {at}"),
                        message: format!("the file ends before </{root}>; it may be cut short"),
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
                return Err(Error::usage(format!("it is {}, not what this importer reads", other.1))
                    .with_hint("choose the importer for it: android-calls for call logs, android-sms for messages"));
            }
            if name != root {
                return Err(Error::usage(format!("its first element is <{name}>, not <{root}>"))
                    .with_hint("an SMS Backup & Restore file of this kind starts with <{root}>; check the file and the importer chosen"));
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
                        position: format!(
                            "{} {index} (line {line})",
                            if calls { "call" } else { "message" }
                        ),
                        message,
                    });
                    continue;
                }
            };
            let position = format!(
                "{} {index} (line {line})",
                if calls { "call" } else { "message" }
            );
            if name == "mms" {
                let m = Mms {
                    attrs: a,
                    texts: Vec::new(),
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
            ("smses", "a message backup (<smses>)"),
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
            ("calls", "a call log backup (<calls>)"),
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
