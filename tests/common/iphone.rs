//! Builds iPhone backup folders as Finder / Apple Devices lays them out:
//! `Info.plist`, `Manifest.plist`, `Manifest.db` and the files under
//! `xx/<SHA1(domain-relativePath)>`, with `sms.db` and
//! `CallHistory.storedata` in the documented schemas. With a passphrase the
//! backup is encrypted with the same scheme as the real ones: a keybag of
//! passphrase-wrapped class keys (PBKDF2-HMAC-SHA256 then -SHA1, with small
//! iteration counts so that tests are quick), per-file keys wrapped with a
//! class key (RFC 3394) and AES-256-CBC with PKCS#7 padding.
#![allow(dead_code)]

use std::path::Path;

use aes::cipher::{block_padding::Pkcs7, BlockEncryptMut, KeyIvInit};
use chrono::{TimeZone, Utc};
use plist::{Dictionary, Uid, Value};
use rusqlite::{params, Connection};
use sha1::{Digest, Sha1};
use sha2::Sha256;

pub const APPLE_EPOCH: i64 = 978_307_200;

/// Seconds since 2001-01-01 for a time in Tokyo.
pub fn apple_secs(y: i32, m: u32, d: u32, h: u32, mi: u32) -> i64 {
    let tokyo = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
    tokyo
        .with_ymd_and_hms(y, m, d, h, mi, 0)
        .unwrap()
        .with_timezone(&Utc)
        .timestamp()
        - APPLE_EPOCH
}

#[derive(Debug, Clone, Default)]
pub struct Call {
    pub address: Option<String>,
    pub date: f64,
    pub duration: f64,
    pub originated: i64,
    pub answered: i64,
    pub call_type: i64,
    pub provider: String,
    pub unique_id: String,
}

#[derive(Debug, Clone, Default)]
pub struct Chat {
    pub name: Option<String>,
    pub group: bool,
    /// Handle ids (numbers or addresses).
    pub members: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Msg {
    pub guid: String,
    pub text: Option<String>,
    pub attributed_body: Option<Vec<u8>>,
    /// The handle id of the sender (incoming) or of the one-to-one
    /// recipient (outgoing); `None` for the user's messages in a group.
    pub handle: Option<String>,
    pub service: String,
    /// Nanoseconds since 2001.
    pub date: i64,
    pub is_from_me: bool,
    /// Index into `Phone::chats`.
    pub chat: usize,
    pub date_edited: i64,
    pub date_retracted: i64,
    pub item_type: i64,
    /// (filename as sms.db writes it, transfer name, bytes kept in the
    /// backup or `None` when the backup lacks the file)
    pub attachment: Option<(String, String, Option<Vec<u8>>)>,
}

#[derive(Debug, Clone, Default)]
pub struct Phone {
    pub device_name: String,
    pub ios: String,
    /// Unix seconds.
    pub backup_date: i64,
    /// `None`: no call history in the backup (as in unencrypted ones).
    pub calls: Option<Vec<Call>>,
    pub chats: Vec<Chat>,
    pub msgs: Vec<Msg>,
}

fn ns(secs: i64) -> i64 {
    secs * 1_000_000_000
}

pub const BOSS: &str = "+819012345678";
pub const COLLEAGUE: &str = "+818011112222";
pub const HR: &str = "jinji@example.co.jp";

impl Phone {
    /// A handful of rows: calls (answered, missed, outgoing, withheld,
    /// FaceTime, LINE), a one-to-one chat with the boss, a group chat, an
    /// attachment, an edited and an unsent iMessage, text only in
    /// attributedBody, and a group event.
    pub fn sample() -> Phone {
        let day = |d: u32, h: u32, mi: u32| apple_secs(2026, 11, d, h, mi);
        let calls = vec![
            Call {
                address: Some(BOSS.into()),
                date: day(10, 9, 0) as f64 + 0.25,
                duration: 0.0,
                originated: 0,
                answered: 0,
                call_type: 1,
                provider: "com.apple.Telephony".into(),
                unique_id: "C1A1".into(),
            },
            Call {
                address: Some(BOSS.into()),
                date: day(10, 9, 5) as f64,
                duration: 65.4,
                originated: 0,
                answered: 1,
                call_type: 1,
                provider: "com.apple.Telephony".into(),
                unique_id: "C1A2".into(),
            },
            Call {
                address: Some(String::new()),
                date: day(10, 22, 30) as f64,
                duration: 0.0,
                originated: 0,
                answered: 0,
                call_type: 1,
                provider: "com.apple.Telephony".into(),
                unique_id: "C1A3".into(),
            },
            Call {
                address: Some(BOSS.into()),
                date: day(11, 8, 0) as f64,
                duration: 30.0,
                originated: 1,
                answered: 1,
                call_type: 1,
                provider: "com.apple.Telephony".into(),
                unique_id: "C1A4".into(),
            },
            Call {
                address: Some(BOSS.into()),
                date: day(11, 23, 15) as f64,
                duration: 0.0,
                originated: 0,
                answered: 0,
                call_type: 16,
                provider: "com.apple.FaceTime".into(),
                unique_id: "C1A5".into(),
            },
            Call {
                address: Some(BOSS.into()),
                date: day(12, 7, 0) as f64,
                duration: 12.0,
                originated: 0,
                answered: 1,
                call_type: 1,
                provider: "jp.naver.line".into(),
                unique_id: "C1A6".into(),
            },
            Call {
                address: Some("+81311112222".into()),
                date: day(12, 12, 0) as f64,
                duration: 120.0,
                originated: 1,
                answered: 1,
                call_type: 1,
                provider: "com.apple.Telephony".into(),
                unique_id: "C1A7".into(),
            },
        ];
        let chats = sample_chats();
        let mut attributed = b"\x04\x0bstreamtyped\x81\xe8\x03\x84\x01@\x84\x84\x84\x12NSAttributedString\x00\x84\x84\x08NSObject\x00\x85\x92\x84\x84\x84\x08NSString\x01\x94\x84\x01+".to_vec();
        let hidden = "返事がないなら家に行きます";
        attributed.push(hidden.len() as u8);
        attributed.extend_from_slice(hidden.as_bytes());
        attributed.extend_from_slice(b"\x86\x84\x02iI\x01");
        let msgs = vec![
            Msg {
                guid: "M-0001".into(),
                text: Some("至急連絡ください。\n今日中に。".into()),
                handle: Some(BOSS.into()),
                service: "SMS".into(),
                date: ns(day(10, 9, 1)),
                chat: 0,
                ..Msg::default()
            },
            Msg {
                guid: "M-0002".into(),
                text: Some("もう連絡しないでください".into()),
                handle: Some(BOSS.into()),
                service: "SMS".into(),
                date: ns(day(10, 9, 30)),
                is_from_me: true,
                chat: 0,
                ..Msg::default()
            },
            Msg {
                guid: "M-0003".into(),
                text: Some("\u{fffc}".into()),
                handle: Some(BOSS.into()),
                service: "iMessage".into(),
                date: ns(day(10, 21, 0)),
                chat: 0,
                attachment: Some((
                    "~/Library/SMS/Attachments/0a/10/AT-0003/IMG_0001.jpeg".into(),
                    "IMG_0001.jpeg".into(),
                    Some(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00photo of the letter".to_vec()),
                )),
                ..Msg::default()
            },
            Msg {
                guid: "M-0004".into(),
                text: Some("みんなの前で謝罪しなさい".into()),
                handle: Some(BOSS.into()),
                service: "iMessage".into(),
                date: ns(day(11, 10, 0)),
                chat: 1,
                ..Msg::default()
            },
            Msg {
                guid: "M-0005".into(),
                text: Some("部長の言う通りです".into()),
                handle: Some(COLLEAGUE.into()),
                service: "iMessage".into(),
                date: ns(day(11, 10, 5)),
                chat: 1,
                ..Msg::default()
            },
            Msg {
                guid: "M-0006".into(),
                text: Some("退職の手続きは弁護士を通してください".into()),
                handle: None,
                service: "iMessage".into(),
                date: ns(day(11, 10, 10)),
                is_from_me: true,
                chat: 1,
                ..Msg::default()
            },
            Msg {
                guid: "M-0007".into(),
                text: Some("昨日は言い過ぎた".into()),
                handle: Some(BOSS.into()),
                service: "iMessage".into(),
                date: ns(day(12, 8, 0)),
                date_edited: ns(day(12, 8, 2)),
                chat: 0,
                ..Msg::default()
            },
            Msg {
                guid: "M-0008".into(),
                text: None,
                handle: Some(BOSS.into()),
                service: "iMessage".into(),
                date: ns(day(12, 8, 10)),
                date_retracted: ns(day(12, 8, 11)),
                chat: 0,
                ..Msg::default()
            },
            Msg {
                guid: "M-0009".into(),
                text: None,
                attributed_body: Some(attributed),
                handle: Some(BOSS.into()),
                service: "iMessage".into(),
                date: ns(day(12, 22, 0)),
                chat: 0,
                ..Msg::default()
            },
            Msg {
                guid: "M-0010".into(),
                text: None,
                handle: Some(BOSS.into()),
                service: "iMessage".into(),
                date: ns(day(12, 22, 5)),
                item_type: 2,
                chat: 1,
                ..Msg::default()
            },
            Msg {
                guid: "M-0011".into(),
                text: Some("健康保険証を返却してください".into()),
                handle: Some(HR.into()),
                service: "iMessage".into(),
                date: ns(day(13, 14, 0)),
                chat: 2,
                ..Msg::default()
            },
        ];
        Phone {
            device_name: "花子のiPhone".into(),
            ios: "17.5.1".into(),
            backup_date: apple_secs(2026, 11, 14, 20, 0) + APPLE_EPOCH,
            calls: Some(calls),
            chats,
            msgs,
        }
    }

    /// The same phone a week later: two more calls and one more message.
    pub fn later() -> Phone {
        let mut p = Phone::sample();
        let day = |d: u32, h: u32, mi: u32| apple_secs(2026, 11, d, h, mi);
        if let Some(c) = p.calls.as_mut() {
            c.push(Call {
                address: Some(BOSS.into()),
                date: day(18, 9, 0) as f64,
                originated: 0,
                answered: 0,
                call_type: 1,
                provider: "com.apple.Telephony".into(),
                unique_id: "C1B1".into(),
                ..Call::default()
            });
            c.push(Call {
                address: None,
                date: day(18, 23, 0) as f64,
                originated: 0,
                answered: 0,
                call_type: 1,
                provider: "com.apple.Telephony".into(),
                unique_id: "C1B2".into(),
                ..Call::default()
            });
        }
        p.msgs.push(Msg {
            guid: "M-0012".into(),
            text: Some("無視するなら考えがあります".into()),
            handle: Some(BOSS.into()),
            service: "iMessage".into(),
            date: ns(day(18, 9, 5)),
            chat: 0,
            ..Msg::default()
        });
        p.backup_date = apple_secs(2026, 11, 21, 20, 0) + APPLE_EPOCH;
        p
    }
}

/// Writes `sms.db` with the documented tables.
pub fn write_sms_db(path: &Path, p: &Phone) {
    let c = Connection::open(path).unwrap();
    c.execute_batch(
        "PRAGMA journal_mode = DELETE;
         CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, country TEXT, service TEXT NOT NULL, uncanonicalized_id TEXT, person_centric_id TEXT, UNIQUE (id, service));
         CREATE TABLE chat (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, style INTEGER, state INTEGER, account_id TEXT, properties BLOB, chat_identifier TEXT, service_name TEXT, room_name TEXT, account_login TEXT, is_archived INTEGER DEFAULT 0, last_addressed_handle TEXT, display_name TEXT, group_id TEXT, is_filtered INTEGER DEFAULT 0);
         CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, replace INTEGER DEFAULT 0, service_center TEXT, handle_id INTEGER DEFAULT 0, subject TEXT, country TEXT, attributedBody BLOB, version INTEGER DEFAULT 0, type INTEGER DEFAULT 0, service TEXT, account TEXT, account_guid TEXT, error INTEGER DEFAULT 0, date INTEGER, date_read INTEGER, date_delivered INTEGER, is_delivered INTEGER DEFAULT 0, is_finished INTEGER DEFAULT 0, is_emote INTEGER DEFAULT 0, is_from_me INTEGER DEFAULT 0, is_empty INTEGER DEFAULT 0, is_read INTEGER DEFAULT 0, item_type INTEGER DEFAULT 0, other_handle INTEGER DEFAULT 0, group_title TEXT, group_action_type INTEGER DEFAULT 0, associated_message_guid TEXT, associated_message_type INTEGER DEFAULT 0, cache_has_attachments INTEGER DEFAULT 0, date_edited INTEGER DEFAULT 0, date_retracted INTEGER DEFAULT 0, message_summary_info BLOB);
         CREATE TABLE chat_message_join (chat_id INTEGER REFERENCES chat (ROWID) ON DELETE CASCADE, message_id INTEGER REFERENCES message (ROWID) ON DELETE CASCADE, message_date INTEGER DEFAULT 0, PRIMARY KEY (chat_id, message_id));
         CREATE TABLE chat_handle_join (chat_id INTEGER REFERENCES chat (ROWID) ON DELETE CASCADE, handle_id INTEGER REFERENCES handle (ROWID) ON DELETE CASCADE, UNIQUE(chat_id, handle_id));
         CREATE TABLE attachment (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, created_date INTEGER DEFAULT 0, start_date INTEGER DEFAULT 0, filename TEXT, uti TEXT, mime_type TEXT, transfer_state INTEGER DEFAULT 0, is_outgoing INTEGER DEFAULT 0, user_info BLOB, transfer_name TEXT, total_bytes INTEGER DEFAULT 0);
         CREATE TABLE message_attachment_join (message_id INTEGER REFERENCES message (ROWID) ON DELETE CASCADE, attachment_id INTEGER REFERENCES attachment (ROWID) ON DELETE CASCADE, UNIQUE(message_id, attachment_id));
         BEGIN;",
    )
    .unwrap();
    let mut handle_ids = std::collections::HashMap::new();
    let mut handle_of = |c: &Connection, id: &str| -> i64 {
        if let Some(h) = handle_ids.get(id) {
            return *h;
        }
        let service = if id.contains('@') { "iMessage" } else { "SMS" };
        c.execute(
            "INSERT INTO handle (id, country, service) VALUES (?1, 'jp', ?2)",
            params![id, service],
        )
        .unwrap();
        let h = c.last_insert_rowid();
        handle_ids.insert(id.to_string(), h);
        h
    };
    for (i, chat) in p.chats.iter().enumerate() {
        c.execute(
            "INSERT INTO chat (ROWID, guid, style, chat_identifier, service_name, display_name) VALUES (?1, ?2, ?3, ?4, 'iMessage', ?5)",
            params![
                i as i64 + 1,
                format!("chat-{i}"),
                if chat.group { 43 } else { 45 },
                chat.members.first().cloned().unwrap_or_default(),
                chat.name.clone().unwrap_or_default()
            ],
        )
        .unwrap();
        for m in &chat.members {
            let h = handle_of(&c, m);
            c.execute(
                "INSERT INTO chat_handle_join (chat_id, handle_id) VALUES (?1, ?2)",
                params![i as i64 + 1, h],
            )
            .unwrap();
        }
    }
    for m in &p.msgs {
        let h = m.handle.as_deref().map(|h| handle_of(&c, h)).unwrap_or(0);
        c.execute(
            "INSERT INTO message (guid, text, handle_id, attributedBody, service, date, is_from_me, item_type, date_edited, date_retracted, cache_has_attachments) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![m.guid, m.text, h, m.attributed_body, m.service, m.date, m.is_from_me as i64, m.item_type, m.date_edited, m.date_retracted, m.attachment.is_some() as i64],
        )
        .unwrap();
        let id = c.last_insert_rowid();
        c.execute(
            "INSERT INTO chat_message_join (chat_id, message_id, message_date) VALUES (?1, ?2, ?3)",
            params![m.chat as i64 + 1, id, m.date],
        )
        .unwrap();
        if let Some((filename, transfer, _)) = &m.attachment {
            c.execute(
                "INSERT INTO attachment (guid, filename, mime_type, transfer_name) VALUES (?1, ?2, 'image/jpeg', ?3)",
                params![format!("AT-{}", m.guid), filename, transfer],
            )
            .unwrap();
            let a = c.last_insert_rowid();
            c.execute(
                "INSERT INTO message_attachment_join (message_id, attachment_id) VALUES (?1, ?2)",
                params![id, a],
            )
            .unwrap();
        }
    }
    c.execute_batch("COMMIT;").unwrap();
}

/// Writes `CallHistory.storedata` (the Core Data tables that matter).
pub fn write_call_history(path: &Path, calls: &[Call]) {
    let c = Connection::open(path).unwrap();
    c.execute_batch(
        "PRAGMA journal_mode = DELETE;
         CREATE TABLE ZCALLRECORD (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZANSWERED INTEGER, ZCALL_CATEGORY INTEGER, ZCALLTYPE INTEGER, ZDISCONNECTED_CAUSE INTEGER, ZFACE_TIME_DATA_USAGE INTEGER, ZHANDLE_TYPE INTEGER, ZNUMBER_AVAILABILITY INTEGER, ZORIGINATED INTEGER, ZREAD INTEGER, ZDATE TIMESTAMP, ZDURATION FLOAT, ZADDRESS VARCHAR, ZDEVICE_ID VARCHAR, ZISO_COUNTRY_CODE VARCHAR, ZLOCATION VARCHAR, ZNAME VARCHAR, ZSERVICE_PROVIDER VARCHAR, ZUNIQUE_ID VARCHAR);
         CREATE TABLE Z_PRIMARYKEY (Z_ENT INTEGER PRIMARY KEY, Z_NAME VARCHAR, Z_SUPER INTEGER, Z_MAX INTEGER);
         BEGIN;",
    )
    .unwrap();
    for (i, call) in calls.iter().enumerate() {
        // Some iOS versions keep the address as a blob.
        let address: Option<rusqlite::types::Value> = call.address.as_ref().map(|a| {
            if i % 2 == 0 {
                rusqlite::types::Value::Text(a.clone())
            } else {
                rusqlite::types::Value::Blob(a.as_bytes().to_vec())
            }
        });
        c.execute(
            "INSERT INTO ZCALLRECORD (Z_PK, Z_ENT, Z_OPT, ZANSWERED, ZCALLTYPE, ZORIGINATED, ZDATE, ZDURATION, ZADDRESS, ZSERVICE_PROVIDER, ZUNIQUE_ID, ZISO_COUNTRY_CODE, ZCALL_CATEGORY, ZHANDLE_TYPE, ZREAD) VALUES (?1, 2, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'jp', 1, 2, 1)",
            params![i as i64 + 1, call.answered, call.call_type, call.originated, call.date, call.duration, address, call.provider, call.unique_id],
        )
        .unwrap();
    }
    c.execute_batch("COMMIT;").unwrap();
}

fn tlv(out: &mut Vec<u8>, tag: &[u8; 4], value: &[u8]) {
    out.extend_from_slice(tag);
    out.extend_from_slice(&(value.len() as u32).to_be_bytes());
    out.extend_from_slice(value);
}

fn pseudo_random(label: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"kiroku test key ");
    h.update(label.as_bytes());
    h.finalize().into()
}

fn wrap(kek: &[u8; 32], key: &[u8; 32]) -> Vec<u8> {
    let mut out = vec![0u8; 40];
    aes_kw::KekAes256::from(*kek).wrap(key, &mut out).unwrap();
    out
}

fn encrypt(key: &[u8; 32], data: &[u8]) -> Vec<u8> {
    cbc::Encryptor::<aes::Aes256>::new(key.into(), &[0u8; 16].into())
        .encrypt_padded_vec_mut::<Pkcs7>(data)
}

/// The encryption of a backup: passphrase and PBKDF2 rounds.
pub struct Enc {
    pub passphrase: String,
    pub dpic: u32,
    pub iter: u32,
}

impl Enc {
    pub fn new(passphrase: &str) -> Enc {
        Enc {
            passphrase: passphrase.into(),
            dpic: 10,
            iter: 10,
        }
    }
}

/// Class keys 1 to 4, wrapped with the passphrase key, in a keybag.
fn keybag(enc: &Enc) -> (Vec<u8>, Vec<[u8; 32]>) {
    let dpsl = pseudo_random("dpsl")[..20].to_vec();
    let salt = pseudo_random("salt")[..20].to_vec();
    let first = pbkdf2::pbkdf2_hmac_array::<Sha256, 32>(enc.passphrase.as_bytes(), &dpsl, enc.dpic);
    let pkey = pbkdf2::pbkdf2_hmac_array::<sha1::Sha1, 32>(&first, &salt, enc.iter);
    let mut kb = Vec::new();
    tlv(&mut kb, b"VERS", &4u32.to_be_bytes());
    tlv(&mut kb, b"TYPE", &1u32.to_be_bytes());
    tlv(&mut kb, b"UUID", &pseudo_random("bag")[..16]);
    tlv(&mut kb, b"HMCK", &pseudo_random("hmck")[..]);
    tlv(&mut kb, b"WRAP", &0u32.to_be_bytes());
    tlv(&mut kb, b"SALT", &salt);
    tlv(&mut kb, b"ITER", &enc.iter.to_be_bytes());
    tlv(&mut kb, b"DPWT", &1u32.to_be_bytes());
    tlv(&mut kb, b"DPIC", &enc.dpic.to_be_bytes());
    tlv(&mut kb, b"DPSL", &dpsl);
    let mut keys = Vec::new();
    for class in 1u32..=4 {
        let key = pseudo_random(&format!("class {class}"));
        tlv(
            &mut kb,
            b"UUID",
            &pseudo_random(&format!("uuid {class}"))[..16],
        );
        tlv(&mut kb, b"CLAS", &class.to_be_bytes());
        tlv(&mut kb, b"WRAP", &3u32.to_be_bytes());
        tlv(&mut kb, b"KTYP", &0u32.to_be_bytes());
        tlv(&mut kb, b"WPKY", &wrap(&pkey, &key));
        keys.push(key);
    }
    (kb, keys)
}

/// The NSKeyedArchiver blob of one file.
fn file_blob(relative: &str, size: u64, key: Option<(u32, Vec<u8>)>) -> Vec<u8> {
    let mut file = Dictionary::new();
    file.insert("$class".into(), Value::Uid(Uid::new(3)));
    file.insert("RelativePath".into(), Value::Uid(Uid::new(2)));
    file.insert("Size".into(), Value::Integer(size.into()));
    file.insert("Mode".into(), Value::Integer(33188u64.into()));
    file.insert("Flags".into(), Value::Integer(0u64.into()));
    let mut objects = vec![
        Value::String("$null".into()),
        Value::Dictionary(Dictionary::new()),
        Value::String(relative.into()),
        Value::Dictionary(
            [("$classname".to_string(), Value::String("MBFile".into()))]
                .into_iter()
                .collect(),
        ),
    ];
    if let Some((class, wrapped)) = key {
        file.insert(
            "ProtectionClass".into(),
            Value::Integer((class as u64).into()),
        );
        file.insert("EncryptionKey".into(), Value::Uid(Uid::new(4)));
        let mut data = class.to_le_bytes().to_vec();
        data.extend_from_slice(&wrapped);
        let mut nsdata = Dictionary::new();
        nsdata.insert("NS.data".into(), Value::Data(data));
        nsdata.insert("$class".into(), Value::Uid(Uid::new(5)));
        objects.push(Value::Dictionary(nsdata));
        objects.push(Value::Dictionary(
            [(
                "$classname".to_string(),
                Value::String("NSMutableData".into()),
            )]
            .into_iter()
            .collect(),
        ));
    } else {
        file.insert("ProtectionClass".into(), Value::Integer(3u64.into()));
    }
    objects[1] = Value::Dictionary(file);
    let mut top = Dictionary::new();
    top.insert("root".into(), Value::Uid(Uid::new(1)));
    let mut d = Dictionary::new();
    d.insert("$version".into(), Value::Integer(100000u64.into()));
    d.insert("$archiver".into(), Value::String("NSKeyedArchiver".into()));
    d.insert("$top".into(), Value::Dictionary(top));
    d.insert("$objects".into(), Value::Array(objects));
    let mut out = Vec::new();
    Value::Dictionary(d).to_writer_binary(&mut out).unwrap();
    out
}

pub fn file_id(domain: &str, relative: &str) -> String {
    let mut h = Sha1::new();
    h.update(format!("{domain}-{relative}").as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes the backup folder `dir` for `p`, encrypted when `enc` is given.
pub fn write_backup(dir: &Path, p: &Phone, enc: Option<&Enc>) {
    std::fs::create_dir_all(dir).unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let mut files: Vec<(String, String, Vec<u8>)> = Vec::new();
    let sms = scratch.path().join("sms.db");
    write_sms_db(&sms, p);
    files.push((
        "HomeDomain".into(),
        "Library/SMS/sms.db".into(),
        std::fs::read(&sms).unwrap(),
    ));
    if let Some(calls) = &p.calls {
        let ch = scratch.path().join("CallHistory.storedata");
        write_call_history(&ch, calls);
        files.push((
            "HomeDomain".into(),
            "Library/CallHistoryDB/CallHistory.storedata".into(),
            std::fs::read(&ch).unwrap(),
        ));
    }
    for m in &p.msgs {
        if let Some((filename, _, Some(bytes))) = &m.attachment {
            let rel = filename.trim_start_matches("~/").to_string();
            files.push(("MediaDomain".into(), rel, bytes.clone()));
        }
    }
    let keys = enc.map(keybag);
    let manifest = scratch.path().join("Manifest.db");
    let c = Connection::open(&manifest).unwrap();
    c.execute_batch(
        "PRAGMA journal_mode = DELETE;
         CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, flags INTEGER, file BLOB);
         CREATE INDEX FilesDomainIdx ON Files(domain);
         CREATE INDEX FilesRelativePathIdx ON Files(relativePath);
         CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB);
         BEGIN;",
    )
    .unwrap();
    c.execute(
        "INSERT INTO Files VALUES (?1, 'HomeDomain', 'Library/SMS', 2, ?2)",
        params![
            file_id("HomeDomain", "Library/SMS"),
            file_blob("Library/SMS", 0, None)
        ],
    )
    .unwrap();
    for (domain, rel, bytes) in &files {
        let id = file_id(domain, rel);
        let (stored, key) = match &keys {
            Some((_, class_keys)) => {
                let fkey = pseudo_random(&format!("file {id}"));
                let wrapped = wrap(&class_keys[2], &fkey);
                (encrypt(&fkey, bytes), Some((3u32, wrapped)))
            }
            None => (bytes.clone(), None),
        };
        let sub = dir.join(&id[..2]);
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(&id), stored).unwrap();
        c.execute(
            "INSERT INTO Files VALUES (?1, ?2, ?3, 1, ?4)",
            params![id, domain, rel, file_blob(rel, bytes.len() as u64, key)],
        )
        .unwrap();
    }
    c.execute_batch("COMMIT;").unwrap();
    drop(c);
    let manifest_bytes = std::fs::read(&manifest).unwrap();
    let mut mp = Dictionary::new();
    mp.insert("Version".into(), Value::String("10.0".into()));
    mp.insert("IsEncrypted".into(), Value::Boolean(enc.is_some()));
    let mut lockdown = Dictionary::new();
    lockdown.insert("ProductVersion".into(), Value::String(p.ios.clone()));
    lockdown.insert("DeviceName".into(), Value::String(p.device_name.clone()));
    mp.insert("Lockdown".into(), Value::Dictionary(lockdown));
    match &keys {
        Some((kb, class_keys)) => {
            let mkey = pseudo_random("manifest");
            let mut mk = 4u32.to_le_bytes().to_vec();
            mk.extend_from_slice(&wrap(&class_keys[3], &mkey));
            mp.insert("BackupKeyBag".into(), Value::Data(kb.clone()));
            mp.insert("ManifestKey".into(), Value::Data(mk));
            std::fs::write(dir.join("Manifest.db"), encrypt(&mkey, &manifest_bytes)).unwrap();
        }
        None => std::fs::write(dir.join("Manifest.db"), manifest_bytes).unwrap(),
    }
    let mut out = Vec::new();
    Value::Dictionary(mp).to_writer_binary(&mut out).unwrap();
    std::fs::write(dir.join("Manifest.plist"), out).unwrap();
    let mut info = Dictionary::new();
    info.insert("Device Name".into(), Value::String(p.device_name.clone()));
    info.insert("Display Name".into(), Value::String(p.device_name.clone()));
    info.insert("Product Type".into(), Value::String("iPhone15,2".into()));
    info.insert("Product Version".into(), Value::String(p.ios.clone()));
    let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(p.backup_date as u64);
    info.insert("Last Backup Date".into(), Value::Date(when.into()));
    Value::Dictionary(info)
        .to_file_xml(dir.join("Info.plist"))
        .unwrap();
    std::fs::write(dir.join("Status.plist"), b"").unwrap();
}

/// The three chats of the sample phone: one-to-one with the boss, the
/// group "営業部" (the boss and a colleague), one-to-one with HR.
pub fn sample_chats() -> Vec<Chat> {
    vec![
        Chat {
            name: None,
            group: false,
            members: vec![BOSS.into()],
        },
        Chat {
            name: Some("営業部".into()),
            group: true,
            members: vec![BOSS.into(), COLLEAGUE.into()],
        },
        Chat {
            name: None,
            group: false,
            members: vec![HR.into()],
        },
    ]
}
