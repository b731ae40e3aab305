//! The iPhone backup importer's parsing, fed random rows, random bytes and
//! damaged property lists and keybags: nothing may panic, and every record
//! read must turn into a draft. `PROPTEST_CASES=100000 cargo test --test
//! iphone_fuzz` runs longer.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;

use kiroku::import::iphone::calls::{self, CallRow};
use kiroku::import::iphone::messages::{self, Attachment, MessageRow};
use kiroku::import::iphone::{keybag, plist, time};
use kiroku::import::{self, Context, Parsed, Selection};

fn ctx() -> Context {
    Context {
        tz: "Asia/Tokyo".parse().unwrap(),
        now: Utc.with_ymd_and_hms(2026, 11, 21, 1, 0, 0).unwrap(),
        map: Vec::new(),
        names: Vec::new(),
    }
}

fn drafts(records: Vec<import::Record>) {
    let parsed = Parsed {
        records,
        needs_party: true,
        ..Parsed::default()
    };
    let sel = Selection {
        from: vec!["+81 90-1234-5678".into()],
        include_own: true,
        several_files: false,
    };
    if let Ok(plan) = import::plan("f", "iphone", &parsed, &sel) {
        for (i, side, fp) in &plan.take {
            let body = import::draft(
                &parsed.records[*i],
                *side,
                &plan.counterparty,
                kiroku::model::Source {
                    fingerprint: fp.clone(),
                    ..Default::default()
                },
            );
            assert!(kiroku::chain::canonical(&body).is_ok());
        }
    }
}

fn text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        Just(String::new()),
        Just("+819012345678".to_string()),
        Just("\u{fffc}".to_string()),
        Just("至急連絡ください".to_string()),
        ".{0,20}",
    ])
}

fn any_f64() -> impl Strategy<Value = Option<f64>> {
    prop::option::of(prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(-1.0),
        Just(1e300),
        0.0f64..9e8,
        any::<f64>(),
    ])
}

fn any_i64() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(0i64),
        Just(i64::MAX),
        Just(i64::MIN),
        0i64..900_000_000,
        700_000_000_000_000_000i64..790_000_000_000_000_000,
        any::<i64>(),
    ]
}

prop_compose! {
    fn call_row()(
        pk in any::<i64>(),
        address in prop::option::of(prop_oneof![
            Just(b"+819012345678".to_vec()),
            Just(Vec::new()),
            Just(vec![0xff, 0xfe]),
            prop::collection::vec(any::<u8>(), 0..12),
        ]),
        date in any_f64(),
        duration in any_f64(),
        originated in prop::option::of(-2i64..3),
        answered in prop::option::of(-2i64..3),
        call_type in prop::option::of(prop_oneof![Just(1i64), Just(8), Just(16), any::<i64>()]),
        provider in prop::option::of(prop_oneof![
            Just("com.apple.Telephony".to_string()),
            Just("com.apple.FaceTime".to_string()),
            Just("jp.naver.line".to_string()),
            ".{0,10}",
        ]),
        unique_id in text(),
        name in text(),
    ) -> CallRow {
        CallRow { pk, address, date, duration, originated, answered, call_type, provider, unique_id, name }
    }
}

prop_compose! {
    fn message_row()(
        rowid in any::<i64>(),
        guid in text(),
        text_ in text(),
        attributed_body in prop::option::of(prop::collection::vec(any::<u8>(), 0..80)),
        handle in text(),
        service in prop::option::of(prop_oneof![Just("iMessage".to_string()), Just("SMS".to_string()), Just("RCS".to_string()), ".{0,6}"]),
        date in prop::option::of(any_i64()),
        is_from_me in any::<bool>(),
        associated_type in prop_oneof![Just(0i64), Just(2000), Just(3005), any::<i64>()],
        item_type in prop_oneof![Just(0i64), any::<i64>()],
        date_edited in any_i64(),
        date_retracted in any_i64(),
        subject in text(),
        members in prop::collection::vec(prop_oneof![Just("+819012345678".to_string()), ".{0,8}"], 0..4),
        chat_name in text(),
        group in any::<bool>(),
        attachments in prop::collection::vec(".{0,12}".prop_map(|name| Attachment { domain: "MediaDomain".into(), relative: format!("Library/SMS/Attachments/{name}"), name }), 0..3),
    ) -> MessageRow {
        MessageRow { rowid, guid, text: text_, attributed_body, handle, service, date, is_from_me, associated_type, item_type, date_edited, date_retracted, subject, members, chat_name, group, attachments }
    }
}

/// A valid binary plist of a file's metadata, to damage.
fn file_blob() -> Vec<u8> {
    use ::plist::{Dictionary, Uid, Value};
    let mut file = Dictionary::new();
    file.insert("ProtectionClass".into(), Value::Integer(3u64.into()));
    file.insert("Size".into(), Value::Integer(1234u64.into()));
    file.insert("EncryptionKey".into(), Value::Uid(Uid::new(2)));
    let mut nsdata = Dictionary::new();
    nsdata.insert("NS.data".into(), Value::Data(vec![3; 44]));
    let mut top = Dictionary::new();
    top.insert("root".into(), Value::Uid(Uid::new(1)));
    let mut d = Dictionary::new();
    d.insert("$top".into(), Value::Dictionary(top));
    d.insert(
        "$objects".into(),
        Value::Array(vec![
            Value::String("$null".into()),
            Value::Dictionary(file),
            Value::Dictionary(nsdata),
        ]),
    );
    let mut out = Vec::new();
    Value::Dictionary(d).to_writer_binary(&mut out).unwrap();
    out
}

const KEYBAG_TAGS: &[&[u8; 4]] = &[
    b"VERS", b"TYPE", b"UUID", b"WRAP", b"SALT", b"ITER", b"DPSL", b"DPIC", b"CLAS", b"WPKY",
    b"KTYP", b"HMCK",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn call_rows_never_panic(rows in prop::collection::vec(call_row(), 0..8)) {
        let c = ctx();
        let records: Vec<_> = rows.iter().filter_map(|r| calls::record(r, &c).ok()).collect();
        drafts(records);
    }

    #[test]
    fn message_rows_never_panic(rows in prop::collection::vec(message_row(), 0..8)) {
        let c = ctx();
        let records: Vec<_> = rows
            .iter()
            .filter_map(|r| messages::record(r, &c).ok().flatten())
            .collect();
        drafts(records);
    }

    #[test]
    fn attributed_bodies_never_panic(
        head in prop::collection::vec(any::<u8>(), 0..20),
        len in any::<u8>(),
        tail in prop::collection::vec(any::<u8>(), 0..300),
    ) {
        let mut blob = head;
        blob.extend_from_slice(b"NSString\x01\x94\x84\x01+");
        blob.push(len);
        blob.extend_from_slice(&tail);
        let _ = messages::attributed_text(&blob);
        let _ = messages::attachment_place(&String::from_utf8_lossy(&tail));
    }

    #[test]
    fn plists_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = plist::info(&bytes);
        let _ = plist::manifest(&bytes);
        let _ = plist::file_meta(&bytes);
    }

    #[test]
    fn damaged_file_blobs_never_panic(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut blob = file_blob();
        for (i, b) in flips {
            let at = i.index(blob.len());
            blob[at] = b;
        }
        let _ = plist::file_meta(&blob);
        let at = cut.index(blob.len());
        let _ = plist::file_meta(&blob[..at]);
    }

    #[test]
    fn keybags_never_panic(
        blocks in prop::collection::vec(
            (prop::sample::select(KEYBAG_TAGS), prop::collection::vec(any::<u8>(), 0..48), any::<bool>()),
            0..12,
        ),
        key in prop::collection::vec(any::<u8>(), 0..50),
    ) {
        let mut kb = Vec::new();
        for (tag, value, lie) in blocks {
            kb.extend_from_slice(tag.as_slice());
            let len = if lie { value.len() as u32 + 7 } else { value.len() as u32 };
            kb.extend_from_slice(&len.to_be_bytes());
            kb.extend_from_slice(&value);
        }
        if let Ok(mut bag) = keybag::Keybag::parse(&kb) {
            // Keep PBKDF2 quick: only small iteration counts are tried.
            let _ = bag.file_key(&key);
            let _ = keybag::decrypt(&[0; 32], key.clone(), Some(u64::MAX));
            let _ = keybag::decrypt(&[0; 32], key.clone(), None);
            if kb.len() < 400 {
                let _ = bag.unlock_with_limit(b"x", 64);
            }
        }
    }

    #[test]
    fn apple_times_never_panic(i in any::<i64>(), f in any::<f64>()) {
        let _ = time::from_apple_int(i);
        let _ = time::from_apple_float(f);
    }
}
