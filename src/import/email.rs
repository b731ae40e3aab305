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
use mail_parser::{Address, MessageParser, MimeHeaders};

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

/// The raw value of a top-level header (unfolded, without the name), as
/// bytes: `None` when the message has no such header.
fn raw_header(raw: &[u8], name: &str) -> Option<Vec<u8>> {
    let mut value: Option<Vec<u8>> = None;
    for line in raw.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line[0] == b' ' || line[0] == b'\t' {
            if let Some(v) = value.as_mut() {
                v.extend_from_slice(line);
            }
            continue;
        }
        if value.is_some() {
            break;
        }
        if line.len() > name.len()
            && line[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && line[name.len()] == b':'
        {
            value = Some(line[name.len() + 1..].to_vec());
        }
    }
    value
}

/// A header written in raw 8-bit or ISO-2022-JP bytes, without MIME
/// encoded-words (common in Japanese mobile mail), decoded: ISO-2022-JP
/// when it has escape sequences, else the charset of the body when that
/// decodes it without error, else the charset `chardetng` finds (Japanese
/// first). `None` when the header is plain ASCII or UTF-8 (mail-parser
/// reads those), or cannot be decoded without error.
pub fn decode_raw_header(value: &[u8], body_charset: Option<&str>) -> Option<String> {
    use encoding_rs::{Encoding, ISO_2022_JP};
    let has_escape = value
        .windows(2)
        .any(|w| w[0] == 0x1b && (w[1] == b'$' || w[1] == b'('));
    let eight_bit = value.iter().any(|&b| b >= 0x80);
    if !has_escape && (!eight_bit || std::str::from_utf8(value).is_ok()) {
        return None;
    }
    let decode = |enc: &'static Encoding| {
        let (text, had_errors) = enc.decode_without_bom_handling(value);
        (!had_errors).then(|| text.trim().to_string())
    };
    if has_escape && !eight_bit {
        return decode(ISO_2022_JP);
    }
    if let Some(enc) = body_charset.and_then(|c| Encoding::for_label(c.trim().as_bytes())) {
        if enc != encoding_rs::UTF_8 {
            if let Some(t) = decode(enc) {
                return Some(t);
            }
        }
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(value, true);
    decode(detector.guess(Some(b"jp"), chardetng::Utf8Detection::Allow))
}

/// Reads one message. `Err` says why it cannot be recorded.
pub fn message(raw: &[u8], ctx: &Context) -> std::result::Result<Record, String> {
    let msg = MessageParser::default()
        .parse(raw)
        .ok_or_else(|| crate::t!("import-email-no-headers"))?;
    let date = msg
        .date()
        .ok_or_else(|| crate::t!("import-email-no-date"))?;
    let offset_secs = (date.tz_hour as i32 * 3600 + date.tz_minute as i32 * 60)
        * if date.tz_before_gmt { -1 } else { 1 };
    let offset =
        FixedOffset::east_opt(offset_secs).ok_or_else(|| crate::t!("import-email-bad-zone"))?;
    let naive = NaiveDate::from_ymd_opt(date.year as i32, date.month as u32, date.day as u32)
        .and_then(|d| d.and_hms_opt(date.hour as u32, date.minute as u32, date.second as u32))
        .ok_or_else(|| crate::t!("import-email-bad-date"))?;
    let at = offset
        .from_local_datetime(&naive)
        .single()
        .ok_or_else(|| crate::t!("import-email-bad-date"))?;
    let occurred_at = checked_time(at, ctx.now)?;
    let Some(mut from) = parties(msg.from()).into_iter().next() else {
        return Err(crate::t!("import-email-no-from"));
    };
    // Headers in raw 8-bit Shift_JIS or ISO-2022-JP, without encoded-words.
    let body_charset = msg
        .root_part()
        .content_type()
        .and_then(|ct| ct.attribute("charset"))
        .map(str::to_string)
        .or_else(|| {
            msg.text_bodies()
                .next()
                .and_then(|p| p.content_type())
                .and_then(|ct| ct.attribute("charset"))
                .map(str::to_string)
        });
    let raw_subject =
        raw_header(raw, "subject").and_then(|v| decode_raw_header(&v, body_charset.as_deref()));
    if let Some(decoded) =
        raw_header(raw, "from").and_then(|v| decode_raw_header(&v, body_charset.as_deref()))
    {
        // The display name: the decoded header without its <address>.
        let name = match decoded.rfind('<') {
            Some(i) => decoded[..i].trim().trim_matches('"').trim().to_string(),
            None => String::new(),
        };
        if !name.is_empty() {
            from.name = Some(name);
        }
    }
    let to = parties(msg.to());
    let mut recipients = to.clone();
    recipients.extend(parties(msg.cc()));
    let subject = raw_subject.or_else(|| msg.subject().map(|s| s.to_string()));
    let body = msg.body_text(0).map(|b| b.into_owned()).unwrap_or_default();
    let message_id = msg.message_id().map(|m| format!("<{m}>"));
    // The Message-ID alone is not enough: carriers and broken clients
    // reuse it for other messages. The key holds what the message says.
    let key = match &message_id {
        Some(id) => format!(
            "message-id\u{1f}{id}\u{1f}{}",
            content_digest(&occurred_at, &from, &body)
        ),
        None => format!(
            "no-id\u{1f}{occurred_at}\u{1f}{}\u{1f}{}\u{1f}{body}",
            from.display(),
            subject.as_deref().unwrap_or("")
        ),
    };
    let legacy_key = message_id
        .as_ref()
        .map(|id| format!("message-id\u{1f}{id}"));
    let (content, cut) = super::bounded(body);
    Ok(Record {
        legacy_key,
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
        notes: cut.then(|| crate::t_in!(crate::i18n::Lang::En, "import-email-cut")),
        key,
        raw: Some(raw.to_vec()),
        ..Record::default()
    })
}

/// SHA-256 of the time, the sender's address and the body: what tells two
/// messages with one Message-ID apart.
fn content_digest(occurred_at: &str, from: &Party, body: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(occurred_at.as_bytes());
    h.update([0x1f]);
    h.update(
        from.address
            .as_deref()
            .unwrap_or("")
            .to_lowercase()
            .as_bytes(),
    );
    h.update([0x1f]);
    h.update(body.as_bytes());
    crate::chain::hex(&h.finalize())
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

/// Whether the first line that is not blank is an mbox `From ` line.
fn starts_mbox(bytes: &[u8]) -> bool {
    bytes
        .split(|&b| b == b'\n')
        .find(|l| !l.iter().all(|b| b.is_ascii_whitespace()))
        .is_some_and(|l| l.starts_with(b"From "))
}

impl Importer for Eml {
    fn name(&self) -> &'static str {
        "eml"
    }
    fn family(&self) -> &'static str {
        "email"
    }
    fn parse(&self, bytes: &[u8], ctx: &Context) -> Result<Parsed> {
        if starts_mbox(bytes) {
            let n = split_mbox(bytes).len();
            if n > 1 {
                return Err(
                    Error::usage(crate::t!("import-email-eml-is-mbox", count = n))
                        .with_hint(crate::t!("import-email-eml-is-mbox-hint")),
                );
            }
        }
        if !looks_like_mail(bytes) {
            return Err(Error::usage(crate::t!("import-email-not-eml"))
                .with_hint(crate::t!("import-email-not-eml-hint")));
        }
        let mut parsed = Parsed {
            needs_party: true,
            ..Parsed::default()
        };
        // A single message saved with the `From ` line of a mailbox.
        let one = if starts_mbox(bytes) {
            split_mbox(bytes).pop().map(|(_, m)| m)
        } else {
            None
        };
        let position = super::pos_message(1, 1);
        match message(one.as_deref().unwrap_or(bytes), ctx) {
            Ok(mut r) => {
                r.position = position;
                parsed.records.push(r);
            }
            Err(message) => parsed.bad.push(Bad { position, message }),
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
                drop_line_end(&mut last.1);
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
    // Writers end every message with an empty line, the last one too: it
    // is the separator, not part of the message (the same message saved
    // as an .eml file has no such line, and must be found the same).
    if prev_blank {
        if let Some(last) = out.last_mut() {
            drop_line_end(&mut last.1);
        }
    }
    out
}

/// Takes the last line end (CRLF or LF) off a message.
fn drop_line_end(message: &mut Vec<u8>) {
    if message.ends_with(b"\r\n") {
        message.truncate(message.len() - 2);
    } else if message.ends_with(b"\n") {
        message.truncate(message.len() - 1);
    }
}

impl Importer for Mbox {
    fn name(&self) -> &'static str {
        "mbox"
    }
    fn family(&self) -> &'static str {
        "email"
    }
    fn parse(&self, bytes: &[u8], ctx: &Context) -> Result<Parsed> {
        if !starts_mbox(bytes) {
            let hint = if looks_like_mail(bytes) {
                crate::t!("import-email-mbox-is-eml-hint")
            } else {
                crate::t!("import-email-not-mbox-hint")
            };
            return Err(Error::usage(crate::t!("import-email-not-mbox")).with_hint(hint));
        }
        let mut parsed = Parsed {
            needs_party: true,
            ..Parsed::default()
        };
        for (i, (line, raw)) in split_mbox(bytes).into_iter().enumerate() {
            let position = super::pos_message(i + 1, line);
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
    fn every_message_of_an_mbox_is_its_eml_file_byte_for_byte() {
        let eml = b"From: a@example.com\r\nDate: Wed, 18 Nov 2026 15:04:05 +0900\r\n\r\nhello\r\n";
        for ending in [&b"\r\n"[..], b"", b"\r\n\r\n"] {
            let mut mbox = b"From x Wed Nov 18 15:04:05 2026\r\n".to_vec();
            mbox.extend_from_slice(eml);
            mbox.extend_from_slice(b"\r\nFrom y Wed Nov 18 15:04:05 2026\r\n");
            mbox.extend_from_slice(eml);
            mbox.extend_from_slice(ending);
            let parts = split_mbox(&mbox);
            assert_eq!(parts.len(), 2);
            assert_eq!(parts[0].1, eml);
            // Only the one separating line is taken off: a message that
            // really ends with an empty line keeps it.
            let mut want = eml.to_vec();
            if ending == b"\r\n\r\n" {
                want.extend_from_slice(b"\r\n");
            }
            assert_eq!(parts[1].1, want, "{:?}", String::from_utf8_lossy(ending));
        }
    }

    #[test]
    fn mbox_splits_and_unquotes() {
        let mbox = b"From a@example.com Wed Nov 18 15:04:05 2026\nFrom: a@example.com\nDate: Wed, 18 Nov 2026 15:04:05 +0900\nSubject: one\n\nhello\n>From here\n\nFrom b@example.com Wed Nov 18 16:00:00 2026\nFrom: b@example.com\nSubject: no date\n\nbody\n";
        let parts = split_mbox(mbox);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].0, 1);
        assert_eq!(parts[1].0, 9);
        assert!(parts[0].1.ends_with(b"hello\nFrom here\n"));
        assert_eq!(
            parts[1].1,
            b"From: b@example.com\nSubject: no date\n\nbody\n"
        );
        let p = Mbox.parse(mbox, &ctx()).unwrap();
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.records[0].position, "message 1 (line 1)");
        assert_eq!(p.bad[0].position, "message 2 (line 9)");
        assert!(p.bad[0].message.contains("Date"));
        assert!(Mbox.parse(b"From: x@example.com\n\nhi", &ctx()).is_err());
        assert!(Eml.parse(b"just text", &ctx()).is_err());
    }
}
