//! Messages: `sms.db` (HomeDomain, `Library/SMS/`), SMS, MMS and iMessage.
//!
//! `message` (`ROWID`, `guid`, `text`, `attributedBody` — the text as an
//! archived NSAttributedString when `text` is empty, iOS 16 and later —,
//! `handle_id`, `service`, `date` in seconds or nanoseconds since 2001,
//! `is_from_me`, `associated_message_type` (2000–3005: a reaction),
//! `item_type` (non-zero: a group event such as a rename, not a message),
//! `date_edited`, `date_retracted`), `handle` (`ROWID`, `id`: a number or an
//! address), `chat` (`display_name`, `style` 43 for groups) with
//! `chat_message_join` and `chat_handle_join`, and `attachment` (`filename`
//! as `~/Library/SMS/Attachments/…`, kept in MediaDomain; `transfer_name`)
//! with `message_attachment_join`.

use std::collections::HashMap;

use rusqlite::types::ValueRef;
use rusqlite::Connection;

use super::{columns, value_int as int, value_text as text, Ctx};
use crate::error::Result;
use crate::import::{bounded, checked_time, Bad, Context, Party, Record};
use crate::model::{Channel, Direction};
use crate::t;

/// An attachment of a message: where the backup keeps it and its name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attachment {
    pub domain: String,
    pub relative: String,
    pub name: String,
}

/// One message with what its joins say, as stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MessageRow {
    pub rowid: i64,
    pub guid: Option<String>,
    pub text: Option<String>,
    pub attributed_body: Option<Vec<u8>>,
    /// The `handle.id` of `handle_id`.
    pub handle: Option<String>,
    pub service: Option<String>,
    pub date: Option<i64>,
    pub is_from_me: bool,
    pub associated_type: i64,
    pub item_type: i64,
    pub date_edited: i64,
    pub date_retracted: i64,
    pub subject: Option<String>,
    /// The chat's members (`handle.id`), its name, and whether it is a group.
    pub members: Vec<String>,
    pub chat_name: Option<String>,
    pub group: bool,
    pub attachments: Vec<Attachment>,
}

/// The text of an archived NSAttributedString (typedstream): the bytes
/// after the class name `NSString`, a 5-byte header, then a length (one
/// byte, or 0x81 and two bytes little-endian, or 0x82 and four) and the
/// UTF-8 text. `None` when it is not laid out so.
pub fn attributed_text(blob: &[u8]) -> Option<String> {
    let at = blob.windows(8).position(|w| w == b"NSString")? + 8 + 5;
    let first = *blob.get(at)?;
    let (len, start) = match first {
        0x81 => (
            u16::from_le_bytes([*blob.get(at + 1)?, *blob.get(at + 2)?]) as usize,
            at + 3,
        ),
        0x82 => (
            u32::from_le_bytes(blob.get(at + 1..at + 5)?.try_into().ok()?) as usize,
            at + 5,
        ),
        n if n < 0x80 => (n as usize, at + 1),
        _ => return None,
    };
    let bytes = blob.get(start..start.checked_add(len)?)?;
    std::str::from_utf8(bytes).ok().map(String::from)
}

fn when(v: i64, ctx: &Context) -> Option<String> {
    let utc = super::time::from_apple_int(v)?;
    Some(crate::timeparse::format_rfc3339(
        &utc.with_timezone(&ctx.tz).fixed_offset(),
    ))
}

/// Turns one message into a record: `Ok(None)` for group events, which
/// are not messages.
pub fn record(row: &MessageRow, ctx: &Context) -> std::result::Result<Option<Record>, String> {
    if row.item_type != 0 {
        return Ok(None);
    }
    let date = row.date.ok_or_else(|| t!("iphone-bad-no-date"))?;
    let utc = super::time::from_apple_int(date)
        .ok_or_else(|| t!("iphone-bad-date", value = date.to_string()))?;
    let at = checked_time(utc.with_timezone(&ctx.tz).fixed_offset(), ctx.now)?;
    let text = row
        .text
        .clone()
        .filter(|t| !t.is_empty())
        .or_else(|| row.attributed_body.as_deref().and_then(attributed_text))
        // U+FFFC marks where an attachment sits in the text.
        .map(|t| t.replace('\u{fffc}', "").trim().to_string())
        .filter(|t| !t.is_empty());
    let mut notes: Vec<String> = Vec::new();
    if row.group {
        notes.push(t!(
            "iphone-note-group",
            name = row.chat_name.clone().unwrap_or_default(),
            count = row.members.len() + 1
        ));
    }
    if (2000..4000).contains(&row.associated_type) {
        notes.push(t!("iphone-note-reaction"));
    }
    if row.date_retracted != 0 {
        let at = when(row.date_retracted, ctx).unwrap_or_default();
        notes.push(if text.is_some() {
            t!("iphone-note-unsent", at = at)
        } else {
            t!("iphone-note-unsent-empty", at = at)
        });
    } else if row.date_edited != 0 {
        let at = when(row.date_edited, ctx).unwrap_or_default();
        notes.push(if text.is_some() {
            t!("iphone-note-edited", at = at)
        } else {
            t!("iphone-note-unsent-empty", at = at)
        });
    }
    for a in &row.attachments {
        notes.push(t!("iphone-note-attachment", name = a.name.clone()));
    }
    let service = row.service.as_deref().unwrap_or("").trim();
    let platform = match service {
        "iMessage" => Some("iMessage".to_string()),
        "SMS" | "" if !row.attachments.is_empty() || row.subject.is_some() => {
            Some("MMS".to_string())
        }
        "SMS" | "" => None,
        other => Some(other.to_string()),
    };
    let handle_party = |h: &String| Party {
        name: None,
        address: Some(h.clone()),
    };
    let (direction, party, recipients) = if !row.is_from_me {
        (
            Some(Direction::Incoming),
            row.handle.as_ref().map(handle_party).unwrap_or_default(),
            Vec::new(),
        )
    } else if row.members.len() > 1 {
        (
            None,
            Party::default(),
            row.members.iter().map(handle_party).collect(),
        )
    } else {
        let to = row.members.first().or(row.handle.as_ref());
        (
            Some(Direction::Outgoing),
            to.map(handle_party).unwrap_or_default(),
            Vec::new(),
        )
    };
    let key = match row.guid.as_deref().filter(|g| !g.trim().is_empty()) {
        Some(g) => format!(
            "msg\u{1f}{}\u{1f}{}\u{1f}{}",
            g.trim(),
            row.date_edited,
            row.date_retracted
        ),
        None => format!(
            "msg\u{1f}{}\u{1f}{date}\u{1f}{}\u{1f}{}",
            row.handle.as_deref().unwrap_or(""),
            row.is_from_me as u8,
            text.as_deref().unwrap_or("")
        ),
    };
    let content = text.map(|t| bounded(t).0);
    Ok(Some(Record {
        position: format!("sms.db message {}", row.rowid),
        occurred_at: at,
        channel: Some(Channel::Sms),
        platform,
        direction,
        party,
        recipients,
        subject: row.subject.clone().filter(|s| !s.trim().is_empty()),
        content,
        notes: (!notes.is_empty()).then(|| notes.join("\n")),
        key,
        ..Record::default()
    }))
}

/// An attachment's place in the backup from its `filename`.
pub fn attachment_place(filename: &str) -> Option<(String, String)> {
    let f = filename.trim();
    let rel = f
        .strip_prefix("~/")
        .or_else(|| f.strip_prefix("/var/mobile/"))
        .or_else(|| f.strip_prefix("/private/var/mobile/"))?;
    Some(("MediaDomain".to_string(), rel.to_string()))
}

/// The messages read, each with its attachments, and the rows that could
/// not be read.
pub type Messages = (Vec<(Record, Vec<Attachment>)>, Vec<Bad>);

/// Reads every message, with its attachments.
pub fn read(conn: &Connection, ictx: &Ctx) -> Result<Messages> {
    let file = "sms.db";
    let db_err = |e: rusqlite::Error| super::unreadable(file, &e.to_string());
    let cols = columns(
        conn,
        file,
        "message",
        &["ROWID", "guid", "text", "handle_id", "date", "is_from_me"],
        ictx,
    )?;
    let opt = |c: &str| super::column_or_null(&cols, c);
    let handles: HashMap<i64, String> = {
        columns(conn, file, "handle", &["ROWID", "id"], ictx)?;
        let mut s = conn
            .prepare("SELECT ROWID, id FROM handle")
            .map_err(db_err)?;
        let rows = s
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, text(r.get_ref(1)?))))
            .map_err(db_err)?;
        let mut m = HashMap::new();
        for row in rows {
            let (id, h) = row.map_err(db_err)?;
            m.extend(h.map(|h| (id, h)));
        }
        m
    };
    // Chats: name, style, members.
    struct Chat {
        name: Option<String>,
        group: bool,
        members: Vec<String>,
    }
    let mut chats: HashMap<i64, Chat> = HashMap::new();
    let chat_cols = columns(conn, file, "chat", &["ROWID"], ictx)?;
    let chat_opt = |c: &str| super::column_or_null(&chat_cols, c);
    {
        let sql = format!(
            "SELECT ROWID, {}, {} FROM chat",
            chat_opt("display_name"),
            chat_opt("style")
        );
        let mut s = conn.prepare(&sql).map_err(db_err)?;
        let rows = s
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    text(r.get_ref(1)?).filter(|n| !n.trim().is_empty()),
                    int(r.get_ref(2)?),
                ))
            })
            .map_err(db_err)?;
        for row in rows {
            let (id, name, style) = row.map_err(db_err)?;
            chats.insert(
                id,
                Chat {
                    name,
                    group: style == Some(43),
                    members: Vec::new(),
                },
            );
        }
        columns(
            conn,
            file,
            "chat_handle_join",
            &["chat_id", "handle_id"],
            ictx,
        )?;
        let mut s = conn
            .prepare("SELECT chat_id, handle_id FROM chat_handle_join ORDER BY chat_id, handle_id")
            .map_err(db_err)?;
        let rows = s
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
            .map_err(db_err)?;
        for row in rows {
            let (c, h) = row.map_err(db_err)?;
            if let (Some(chat), Some(h)) = (chats.get_mut(&c), handles.get(&h)) {
                chat.members.push(h.clone());
            }
        }
        for c in chats.values_mut() {
            c.group |= c.members.len() > 1;
        }
    }
    let chat_of: HashMap<i64, i64> = {
        columns(
            conn,
            file,
            "chat_message_join",
            &["chat_id", "message_id"],
            ictx,
        )?;
        let mut s = conn
            .prepare("SELECT message_id, chat_id FROM chat_message_join ORDER BY chat_id DESC")
            .map_err(db_err)?;
        let rows = s
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
            .map_err(db_err)?;
        let mut m = HashMap::new();
        for row in rows {
            let (msg, chat) = row.map_err(db_err)?;
            m.insert(msg, chat);
        }
        m
    };
    let mut attachments: HashMap<i64, Vec<Attachment>> = HashMap::new();
    let has_attachments: bool = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('attachment', 'message_attachment_join')",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(db_err)?
        == 2;
    if has_attachments {
        let att_cols = columns(conn, file, "attachment", &["ROWID", "filename"], ictx)?;
        let transfer = if att_cols.iter().any(|c| c == "transfer_name") {
            "a.transfer_name"
        } else {
            "NULL"
        };
        let sql = format!(
            "SELECT j.message_id, a.filename, {transfer} FROM message_attachment_join j \
             JOIN attachment a ON a.ROWID = j.attachment_id ORDER BY j.message_id, a.ROWID"
        );
        let mut s = conn.prepare(&sql).map_err(db_err)?;
        let rows = s
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    text(r.get_ref(1)?),
                    text(r.get_ref(2)?),
                ))
            })
            .map_err(db_err)?;
        for row in rows {
            let (msg, filename, transfer) = row.map_err(db_err)?;
            let Some(filename) = filename else { continue };
            let Some((domain, relative)) = attachment_place(&filename) else {
                continue;
            };
            let name = transfer
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| relative.rsplit('/').next().unwrap_or("").to_string());
            attachments.entry(msg).or_default().push(Attachment {
                domain,
                relative,
                name,
            });
        }
    }
    let sql = format!(
        "SELECT ROWID, guid, text, {}, handle_id, {}, date, is_from_me, {}, {}, {}, {}, {} FROM message ORDER BY date, ROWID",
        opt("attributedBody"),
        opt("service"),
        opt("associated_message_type"),
        opt("item_type"),
        opt("date_edited"),
        opt("date_retracted"),
        opt("subject"),
    );
    let mut stmt = conn.prepare(&sql).map_err(db_err)?;
    let mut rows = stmt.query([]).map_err(db_err)?;
    let (mut out, mut bad) = (Vec::new(), Vec::new());
    while let Some(r) = rows.next().map_err(db_err)? {
        let get = |i: usize| r.get_ref(i).unwrap_or(ValueRef::Null);
        let rowid = int(get(0)).unwrap_or(0);
        let chat = chat_of.get(&rowid).and_then(|c| chats.get(c));
        let atts = attachments.remove(&rowid).unwrap_or_default();
        let row = MessageRow {
            rowid,
            guid: text(get(1)),
            text: text(get(2)),
            attributed_body: match get(3) {
                ValueRef::Blob(b) => Some(b.to_vec()),
                _ => None,
            },
            handle: int(get(4)).and_then(|h| handles.get(&h).cloned()),
            service: text(get(5)),
            date: int(get(6)),
            is_from_me: int(get(7)).unwrap_or(0) != 0,
            associated_type: int(get(8)).unwrap_or(0),
            item_type: int(get(9)).unwrap_or(0),
            date_edited: int(get(10)).unwrap_or(0),
            date_retracted: int(get(11)).unwrap_or(0),
            subject: text(get(12)),
            members: chat.map(|c| c.members.clone()).unwrap_or_default(),
            chat_name: chat.and_then(|c| c.name.clone()),
            group: chat.is_some_and(|c| c.group),
            attachments: atts.clone(),
        };
        match record(&row, &ictx.import) {
            Ok(Some(rec)) => out.push((rec, atts)),
            Ok(None) => {}
            Err(message) => bad.push(Bad {
                position: format!("{file} message {rowid}"),
                message,
            }),
        }
    }
    Ok((out, bad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributed_body_text() {
        let mut blob = b"\x04\x0bstreamtyped\x81\xe8\x03\x84\x01@\x84\x84\x84\x12NSAttributedString\x00\x84\x84\x08NSObject\x00\x85\x92\x84\x84\x84\x08NSString\x01\x94\x84\x01+".to_vec();
        let text = "明日会社に来てください";
        blob.push(text.len() as u8);
        blob.extend_from_slice(text.as_bytes());
        blob.extend_from_slice(b"\x86\x84\x02iI");
        assert_eq!(attributed_text(&blob).as_deref(), Some(text));
        assert_eq!(attributed_text(b"NSString"), None);
        assert_eq!(attributed_text(b"NSString\x01\x94\x84\x01+\xff"), None);
    }
}
