//! Every importer is fed random bytes and random mixtures of the pieces
//! its format is made of; none may panic, and whatever they read must be
//! sortable and turn into drafts. A short run is part of `cargo test`;
//! `PROPTEST_CASES=100000 cargo test --test import_fuzz` runs longer.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;

use kiroku::import::{self, Context, Selection};

fn ctx(map: Vec<(String, String)>) -> Context {
    Context {
        tz: "Asia/Tokyo".parse().unwrap(),
        now: Utc.with_ymd_and_hms(2026, 11, 21, 1, 0, 0).unwrap(),
        map,
        names: vec!["山田 課長".into()],
    }
}

/// Parses, sorts and drafts, as the command does; must never panic.
fn exercise(name: &str, bytes: &[u8], map: Vec<(String, String)>) {
    let importer = import::importer(name).unwrap();
    let Ok(parsed) = importer.parse(bytes, &ctx(map)) else {
        return;
    };
    for sel in [
        Selection::default(),
        Selection {
            from: vec!["山田".into(), "+81 90-1234-5678".into()],
            include_own: true,
            several_files: false,
        },
    ] {
        if let Ok(plan) = import::plan("f", importer.family(), &parsed, &sel) {
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
}

const LINE_PIECES: &[&str] = &[
    "[LINE] 山田とのトーク履歴\n",
    "[LINE] Chat history in 営業部\n",
    "保存日時：2026/11/20 21:03\n",
    "2026/11/18(水)\n",
    "2026.02.30 Friday\n",
    "Wed, 11/18/2026\n",
    "2026/11/18（水）\n",
    "\n",
    "\r\n",
    "09:15\t山田\t",
    "午後3:04\t",
    "12:00 AM\t佐藤\t",
    "99:99\t",
    "\t\t",
    "\"",
    "☎ 通話時間 ",
    "☎ 不在着信",
    "1:05",
    "[スタンプ]",
    "連絡下さい",
    "\u{feff}",
    "\u{202e}",
    "\t",
    " ",
    "9:15 PM 山田 ",
];

const XML_PIECES: &[&str] = &[
    "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n",
    "<calls count=\"1\">",
    "</calls>",
    "<smses>",
    "</smses>",
    "<call number=\"+819012345678\" duration=\"65\" date=\"1763445600000\" type=\"3\" contact_name=\"山田\" />",
    "<call date=\"-99999999999999999999\" type=\"1\"/>",
    "<call date=\"9223372036854775807\" duration=\"x\" type=\"7\"/>",
    "<sms address=\"090\" date=\"1763445600000\" type=\"1\" body=\"a&#10;b\"/>",
    "<mms date=\"1763445600000\" msg_box=\"1\" address=\"090\"><parts>",
    "<part ct=\"text/plain\" text=\"本文\"/>",
    "</parts></mms>",
    "&amp;",
    "&bogus;",
    "<",
    ">",
    "\"",
    "<!-- c -->",
    "<![CDATA[x]]>",
    "\n",
];

const MAIL_PIECES: &[&str] = &[
    "From yamada@example.co.jp Thu Nov 19 10:00:00 2026\n",
    "From: =?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <yamada@example.co.jp>\n",
    "From: \n",
    "To: me@example.com, \"x\" <y@z>\n",
    "Subject: =?utf-8?q?=E9=80=A3?=\n",
    "Date: Wed, 18 Nov 2026 15:04:05 +0900\n",
    "Date: Wed, 31 Feb 2026 99:04:05 +9999\n",
    "Date: Mon, 1 Jan 3000 00:00:00 +0000\n",
    "Message-ID: <a@b>\n",
    "Content-Type: multipart/alternative; boundary=\"b\"\n",
    "Content-Type: text/plain; charset=ISO-2022-JP\n",
    "Content-Transfer-Encoding: base64\n",
    "--b\n",
    "--b--\n",
    "\n",
    ">From x\n",
    "\x1b$BO\"Mm2<\x1b(B",
    "<html><b>x</b></html>",
    "=E9=80\n",
];

const CSV_PIECES: &[&str] = &[
    "日時,手段,相手,内容,回数,時間,通話時間\n",
    "日付,時刻,手段\n",
    "2026/11/18 15:04,",
    "2026/11/18,",
    "15:04,",
    "yesterday,",
    "電話,",
    "fax,",
    "山田,",
    "\"a,\nb\",",
    "\"",
    "3回,",
    "0,",
    "2:30,",
    "\n",
    "\r\n",
    "\t",
    "\u{feff}",
];

fn mixture(pieces: &'static [&'static str]) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(pieces).prop_map(|p| p.as_bytes().to_vec()),
            1 => prop::collection::vec(any::<u8>(), 0..8),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        // iphone-backup reads a folder, not bytes: tests/iphone_fuzz.rs
        // fuzzes its rows, plists and keybags.
        for name in import::IMPORTERS.iter().filter(|n| **n != "iphone-backup") {
            exercise(name, &bytes, Vec::new());
        }
    }

    #[test]
    fn line_never_panics(bytes in mixture(LINE_PIECES)) {
        exercise("line", &bytes, Vec::new());
    }

    #[test]
    fn android_never_panics(bytes in mixture(XML_PIECES)) {
        exercise("android-calls", &bytes, Vec::new());
        exercise("android-sms", &bytes, Vec::new());
    }

    #[test]
    fn email_never_panics(bytes in mixture(MAIL_PIECES)) {
        exercise("eml", &bytes, Vec::new());
        exercise("mbox", &bytes, Vec::new());
    }

    #[test]
    fn csv_never_panics(bytes in mixture(CSV_PIECES), map_duration in any::<bool>()) {
        let map = if map_duration {
            vec![("時間".to_string(), "duration".to_string())]
        } else {
            Vec::new()
        };
        exercise("csv", &bytes, map);
    }
}
