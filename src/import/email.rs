//! Email: single messages (`.eml`, RFC 5322) and `mbox` mailboxes, read
//! with `mail-parser`, which decodes ISO-2022-JP, Shift_JIS, EUC-JP and
//! UTF-8 bodies and MIME encoded-word headers, and reduces HTML-only
//! bodies to text.
//!
//! Each message records From (name and address), To, Date with the offset
//! the message gives, Subject, Message-ID (as the entry's `reference`) and
//! the plain-text body. The message's own bytes are kept with the record so
//! that they can be stored as its evidence file.
//!
//! In an mbox, a message starts at a line beginning `From ` at the start of
//! the file or after an empty line; `>From ` lines are unquoted (mboxrd).

use chrono::{FixedOffset, NaiveDate, TimeZone};
use mail_parser::{Address, MessageParser};

use super::{checked_time, Bad, Context, Importer, LineCounter, Parsed, Party, Record};
use crate::error::{Error, Result};
use crate::model::Channel;

pub struct Eml;
pub struct Mbox;

fn parties(a: Option<&Address<'_>>) -> Vec<Party> {
    let Some(a) = a else { return Vec::new() };
    a.iter()
        .map(|addr| Party {
            name: addr
                .name()
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty()),
            address: addr
                .address()
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty()),
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Reads one message. `Err` says why it cannot be recorded.
pub fn message(raw: &[u8], ctx: &Context) -> std::result::Result<Record, String> {
    let msg = MessageParser::default()
        .parse(raw)
        .ok_or("it is not an email message (no headers found)")?;
    let date = msg.date().ok_or("it has no readable Date header")?;
    let offset_secs = (date.tz_hour as i32 * 3600 + date.tz_minute as i32 * 60)
        * if date.tz_before_gmt { -1 } else { 1 };
    let offset =
        FixedOffset::east_opt(offset_secs).ok_or("its Date header has an impossible time zone")?;
    let naive = NaiveDate::from_ymd_opt(date.year as i32, date.month as u32, date.day as u32)
        .and_then(|d| d.and_hms_opt(date.hour as u32, date.minute as u32, date.second as u32))
        .ok_or("its Date header is not a valid date")?;
    let at = offset
        .from_local_datetime(&naive)
        .single()
        .ok_or("its Date header is not a valid date")?;
    let occurred_at = checked_time(at, ctx.now)?;
    let from = parties(msg.from()).into_iter().next().unwrap_or_default();
    let to = parties(msg.to());
    let mut recipients = to.clone();
    recipients.extend(parties(msg.cc()));
    let subject = msg.subject().map(|s| s.to_string());
    let body = msg.body_text(0).map(|b| b.into_owned()).unwrap_or_default();
    let message_id = msg.message_id().map(|m| format!("<{m}>"));
    let key = match &message_id {
        Some(id) => format!("message-id\u{1f}{id}"),
        None => format!(
            "no-id\u{1f}{occurred_at}\u{1f}{}\u{1f}{}\u{1f}{body}",
            from.display(),
            subject.as_deref().unwrap_or("")
        ),
    };
    let (content, cut) = super::bounded(body);
    Ok(Record {
        occurred_at,
        channel: Some(Channel::Email),
        party: from,
        to: (!to.is_empty()).then(|| {
            to.iter()
                .map(|p| p.display())
                .collect::<Vec<_>>()
                .join(", ")
        }),
        recipients,
        subject,
        content: (!content.is_empty()).then_some(content),
        reference: message_id,
        notes: cut.then(|| "the body was longer than 1 MiB and was cut; the whole message is kept as its evidence file".to_string()),
        key,
        raw: Some(raw.to_vec()),
        ..Record::default()
    })
}

fn looks_like_mail(raw: &[u8]) -> bool {
    let head = &raw[..raw.len().min(4096)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    text.lines().take(60).any(|l| {
        l.starts_with("from:")
            || l.starts_with("date:")
            || l.starts_with("subject:")
            || l.starts_with("message-id:")
    })
}

impl Importer for Eml {
    fn name(&self) -> &'static str {
        "eml"
    }
    fn family(&self) -> &'static str {
        "email"
    }
    fn parse(&self, bytes: &[u8], ctx: &Context) -> Result<Parsed> {
        if !looks_like_mail(bytes) {
            return Err(Error::usage("it does not look like an email message (no From, Date or Subject header)")
                .with_hint("an .eml file starts with headers such as From:, To:, Subject:, Date:; check the file and the importer chosen"));
        }
        let mut parsed = Parsed {
            needs_party: true,
            ..Parsed::default()
        };
        match message(bytes, ctx) {
            Ok(mut r) => {
                r.position = "message 1 (line 1)".into();
                parsed.records.push(r);
            }
            Err(message) => parsed.bad.push(Bad {
                position: "message 1 (line 1)".into(),
                message,
            }),
        }
        Ok(parsed)
    }
}

/// Splits an mbox into messages: (first line number, bytes without the
/// `From ` line, with `>From ` unquoted).
pub fn split_mbox(bytes: &[u8]) -> Vec<(usize, Vec<u8>)> {
    let mut out: Vec<(usize, Vec<u8>)> = Vec::new();
    let mut counter = LineCounter::new(bytes);
    let mut pos = 0;
    let mut prev_blank = true;
    while pos < bytes.len() {
        let end = bytes[pos..]
            .iter()
            .position(|&b| b == b'\n')
            .map(|i| pos + i + 1)
            .unwrap_or(bytes.len());
        let line = &bytes[pos..end];
        let bare = line.strip_suffix(b"\n").unwrap_or(line);
        let bare = bare.strip_suffix(b"\r").unwrap_or(bare);
        if prev_blank && line.starts_with(b"From ") {
            if let Some(last) = out.last_mut() {
                // The empty line before "From " separates messages.
                if last.1.ends_with(b"\r\n") {
                    last.1.truncate(last.1.len() - 2);
                } else if last.1.ends_with(b"\n") {
                    last.1.truncate(last.1.len() - 1);
                }
            }
            out.push((counter.line_at(pos), Vec::new()));
        } else if let Some(last) = out.last_mut() {
            let quoted = line.iter().position(|&b| b != b'>').unwrap_or(0);
            if quoted > 0 && line[quoted..].starts_with(b"From ") {
                last.1.extend_from_slice(&line[1..]);
            } else {
                last.1.extend_from_slice(line);
            }
        }
        prev_blank = bare.is_empty();
        pos = end;
    }
    out
}

impl Importer for Mbox {
    fn name(&self) -> &'static str {
        "mbox"
    }
    fn family(&self) -> &'static str {
        "email"
    }
    fn parse(&self, bytes: &[u8], ctx: &Context) -> Result<Parsed> {
        let first = bytes
            .split(|&b| b == b'\n')
            .find(|l| !l.iter().all(|b| b.is_ascii_whitespace()));
        if !first.is_some_and(|l| l.starts_with(b"From ")) {
            let hint = if looks_like_mail(bytes) {
                "it looks like a single message: import it with `kiroku import eml`"
            } else {
                "an mbox mailbox starts with a line such as \"From sender@example.com Tue Nov 18 15:04:00 2026\"; check the file and the importer chosen"
            };
            return Err(Error::usage("it does not look like an mbox mailbox").with_hint(hint));
        }
        let mut parsed = Parsed {
            needs_party: true,
            ..Parsed::default()
        };
        for (i, (line, raw)) in split_mbox(bytes).into_iter().enumerate() {
            let position = format!("message {} (line {line})", i + 1);
            match message(&raw, ctx) {
                Ok(mut r) => {
                    r.position = position;
                    parsed.records.push(r);
                }
                Err(message) => parsed.bad.push(Bad { position, message }),
            }
        }
        Ok(parsed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::import::tests::ctx;

    #[test]
    fn iso_2022_jp_message() {
        // "連絡下さい" in ISO-2022-JP, subject as a MIME encoded word.
        let mut raw = b"From: =?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <yamada@example.co.jp>\r\nTo: me@example.com\r\nSubject: =?ISO-2022-JP?B?GyRCTyJNbTI8JDUkJBsoQg==?=\r\nDate: Wed, 18 Nov 2026 15:04:05 +0900\r\nMessage-ID: <abc@example.co.jp>\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\n\r\n".to_vec();
        raw.extend_from_slice(b"\x1b$BO\"Mm2<$5$$\x1b(B\r\n");
        let p = Eml.parse(&raw, &ctx()).unwrap();
        assert!(p.bad.is_empty(), "{:?}", p.bad);
        let r = &p.records[0];
        assert_eq!(r.party.name.as_deref(), Some("山田"));
        assert_eq!(r.party.address.as_deref(), Some("yamada@example.co.jp"));
        assert_eq!(r.subject.as_deref(), Some("連絡下さい"));
        assert_eq!(r.content.as_deref(), Some("連絡下さい\r\n"));
        assert_eq!(r.occurred_at, "2026-11-18T15:04:05+09:00");
        assert_eq!(r.reference.as_deref(), Some("<abc@example.co.jp>"));
        assert_eq!(r.to.as_deref(), Some("me@example.com"));
    }

    #[test]
    fn mbox_splits_and_unquotes() {
        let mbox = b"From a@example.com Wed Nov 18 15:04:05 2026\nFrom: a@example.com\nDate: Wed, 18 Nov 2026 15:04:05 +0900\nSubject: one\n\nhello\n>From here\n\nFrom b@example.com Wed Nov 18 16:00:00 2026\nFrom: b@example.com\nSubject: no date\n\nbody\n";
        let parts = split_mbox(mbox);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].0, 1);
        assert_eq!(parts[1].0, 9);
        assert!(parts[0].1.ends_with(b"hello\nFrom here\n"));
        let p = Mbox.parse(mbox, &ctx()).unwrap();
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.records[0].position, "message 1 (line 1)");
        assert_eq!(p.bad[0].position, "message 2 (line 9)");
        assert!(p.bad[0].message.contains("Date"));
        assert!(Mbox.parse(b"From: x@example.com\n\nhi", &ctx()).is_err());
        assert!(Eml.parse(b"just text", &ctx()).is_err());
    }
}
