//! `kiroku import` on the layouts seen in real exports (issue 12): LINE's
//! doubled quotes, call and unsent lines; Android's withheld callers,
//! second-based dates, group MMS and exact duplicates; email's raw 8-bit
//! headers and reused Message-IDs. Fixtures are invented, in the same
//! layouts.

mod common;

use std::path::PathBuf;

use common::{assert_one_error_line, TestEnv};
use serde_json::Value;

fn fixture(rel: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
        .display()
        .to_string()
}

fn contacts(env: &TestEnv) -> Vec<Value> {
    let mut items: Vec<Value> = env
        .json(&["list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "contact")
        .cloned()
        .collect();
    items.sort_by_key(|i| i["seq"].as_u64().unwrap());
    items
}

fn s(v: &Value) -> String {
    v.as_str().unwrap_or("").to_string()
}

/// (when, outcome, direction, from, content, duration) of each contact.
fn rows(items: &[Value]) -> Vec<(String, String, String, String, String, u64)> {
    items
        .iter()
        .map(|i| {
            (
                s(&i["occurred_at"]),
                s(&i["outcome"]),
                s(&i["direction"]),
                s(&i["from"]),
                s(&i["content"]),
                i["duration_secs"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

fn row(
    at: &str,
    outcome: &str,
    direction: &str,
    from: &str,
    content: &str,
    secs: u64,
) -> (String, String, String, String, String, u64) {
    (
        at.into(),
        outcome.into(),
        direction.into(),
        from.into(),
        content.into(),
        secs,
    )
}

#[test]
fn line_doubled_quotes_calls_and_unsent_lines() {
    let env = TestEnv::new();
    let out = env.ok(&["import", "line", &fixture("line/quotes.txt")]);
    assert!(out.contains("recorded 6 new"), "{out}");
    assert!(out.contains("1 of your own left out"), "{out}");
    let items = contacts(&env);
    let boss = "鈴木 部長";
    assert_eq!(
        rows(&items),
        [
            row(
                "2026-11-18T09:15:00+09:00",
                "",
                "incoming",
                boss,
                "本日の件、\"至急\"と言ったはずです。\n\n\"聞いていない\"は通りません",
                0
            ),
            // One line typed in quotes: as typed.
            row(
                "2026-11-18T09:16:00+09:00",
                "",
                "incoming",
                boss,
                "\"辞めたなんて認めない\"",
                0
            ),
            row(
                "2026-11-18T09:17:00+09:00",
                "missed",
                "incoming",
                boss,
                "☎ 不在着信",
                0
            ),
            row(
                "2026-11-18T09:18:00+09:00",
                "answered",
                "incoming",
                boss,
                "☎ 通話時間 2:10",
                130
            ),
            row(
                "2026-11-18T09:19:00+09:00",
                "missed",
                "incoming",
                boss,
                "☎ 通話をキャンセルしました",
                0
            ),
            row(
                "2026-11-18T09:20:00+09:00",
                "",
                "incoming",
                boss,
                "鈴木 部長がメッセージの送信を取り消しました",
                0
            ),
        ]
    );
    assert!(s(&items[5]["notes"]).contains("unsent"), "{}", items[5]);
    let again = env.ok(&["import", "line", &fixture("line/quotes.txt")]);
    assert!(
        again.contains("recorded 0 new, 6 already recorded"),
        "{again}"
    );
}

#[test]
fn line_newer_layout_call_placeholders() {
    let env = TestEnv::new();
    let out = env.ok(&[
        "import",
        "line",
        &fixture("line/newer-layout.txt"),
        "--from",
        "鈴木",
        "--include-own",
    ]);
    assert!(out.contains("recorded 7 new"), "{out}");
    assert_eq!(
        rows(&contacts(&env)),
        [
            row(
                "2026-11-17T21:46:00+09:00",
                "",
                "incoming",
                "鈴木",
                "Stickers",
                0
            ),
            row(
                "2026-11-17T21:50:00+09:00",
                "missed",
                "incoming",
                "鈴木",
                "Missed call",
                0
            ),
            row(
                "2026-11-17T21:51:00+09:00",
                "answered",
                "incoming",
                "鈴木",
                "Call time 0:45",
                45
            ),
            row(
                "2026-11-18T08:02:00+09:00",
                "missed",
                "incoming",
                "鈴木",
                "Canceled",
                0
            ),
            // A sentence is a message, however it starts.
            row(
                "2026-11-18T08:03:00+09:00",
                "",
                "incoming",
                "鈴木",
                "Canceled the contract?",
                0
            ),
            row(
                "2026-11-18T08:04:00+09:00",
                "",
                "incoming",
                "鈴木",
                "unsent a message",
                0
            ),
            // The user's own canceled call.
            row(
                "2026-11-18T08:05:00+09:00",
                "missed",
                "outgoing",
                "",
                "Canceled",
                0
            ),
        ]
    );
}

#[test]
fn android_withheld_callers_second_dates_and_stats() {
    let env = TestEnv::new();
    let file = fixture("android/calls-withheld.xml");
    // A readable_date that agrees with neither reading of `date` is refused
    // with the record's position.
    let (_, err) = env.fails(&["import", "android-calls", &file, "--from", "withheld"], 2);
    assert_one_error_line(&err);
    assert!(err.contains("calls-withheld.xml call 8 (line 10)"), "{err}");
    assert!(err.contains("2025/11/19 04:39:55"), "{err}");
    // --from -1 is a value, not a flag; withheld words select every spelling.
    let out = env.ok(&[
        "import",
        "android-calls",
        &file,
        "--skip-bad",
        "--from",
        "090-1111-2222",
        "--from",
        "非通知",
        "--from",
        "-1",
        "--from",
        "payphone",
    ]);
    assert!(out.contains("recorded 7 new"), "{out}");
    assert!(out.contains("1 of other people left out"), "{out}");
    let items = contacts(&env);
    let got: Vec<(String, String, String, u64)> = items
        .iter()
        .map(|i| {
            (
                s(&i["occurred_at"]),
                s(&i["address"]),
                s(&i["outcome"]),
                i["duration_secs"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let r = |at: &str, a: &str, o: &str, d: u64| (at.to_string(), a.to_string(), o.to_string(), d);
    assert_eq!(
        got,
        [
            r("2025-11-18T10:00:00+09:00", "09011112222", "missed", 0),
            r("2025-11-18T11:00:00+09:00", "09011112222", "blocked", 0),
            r("2025-11-18T12:00:00+09:00", "-2", "missed", 0),
            // An empty number with presentation 2: the kind's word, and a note.
            r("2025-11-18T13:00:00+09:00", "Withheld", "missed", 0),
            r("2025-11-18T14:00:00+09:00", "-1", "missed", 0),
            // Dates in seconds, as readable_date says.
            r("2025-11-18T15:00:00+09:00", "Private", "missed", 0),
            r("2025-11-18T16:00:00+09:00", "-3", "answered", 12),
        ]
    );
    assert!(
        s(&items[3]["notes"]).contains("presentation 2"),
        "{}",
        items[3]
    );

    // list shows the kind in words; --from withheld selects exactly those.
    let list = env.ok(&["list", "--from", "withheld"]);
    assert!(list.contains("-2 (withheld)"), "{list}");
    assert!(list.contains("Private (withheld)"), "{list}");
    assert!(list.contains(" Withheld "), "{list}");
    assert!(!list.contains("unavailable"), "{list}");
    assert!(!list.contains("09011112222"), "{list}");
    assert_eq!(list.lines().count(), 2 + 3, "{list}");
    let ja = env.ok(&["--lang", "ja", "list", "--from", "非通知"]);
    assert!(ja.contains("-2（非通知）"), "{ja}");
    let payphone = env.json(&["list", "--json", "--from", "公衆電話"]);
    assert_eq!(payphone.as_array().unwrap().len(), 1, "{payphone}");

    // stats: per kind, and a withheld call after the block is flagged.
    env.ok(&[
        "action",
        "blocked",
        "--at",
        "2025-11-18 11:30",
        "--address",
        "09011112222",
    ]);
    let st = env.json(&["stats", "--json"]);
    let hidden = &st["totals"]["hidden_callers"];
    assert_eq!(hidden["withheld"], 3, "{st}");
    assert_eq!(hidden["payphone"], 1, "{st}");
    assert_eq!(hidden["unavailable"], 1, "{st}");
    let withheld = st["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "withheld")
        .unwrap();
    assert_eq!(withheld["attempts"], 3, "{withheld}");
    assert!(withheld["new_after_block"].is_u64(), "{withheld}");
    let number = st["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["address"] == "09011112222")
        .unwrap();
    assert!(number["kind"].is_null());
    assert!(number["new_after_block"].is_null());

    // CSV: the kind in its own column, in words.
    let csv = env.ok(&["export", "csv", "--lang", "ja"]);
    assert!(csv.contains(",番号の種類,"), "{csv}");
    assert!(
        csv.contains("\"'-2\",非通知,") || csv.contains("'-2,非通知,"),
        "{csv}"
    );

    let again = env.ok(&[
        "import",
        "android-calls",
        &file,
        "--skip-bad",
        "--from",
        "090-1111-2222",
        "--from",
        "非通知",
        "--from",
        "-1",
        "--from",
        "payphone",
    ]);
    assert!(
        again.contains("recorded 0 new, 7 already recorded"),
        "{again}"
    );
}

#[test]
fn android_group_mms_duplicates_and_numbers_written_differently() {
    let env = TestEnv::new();
    let file = fixture("android/sms-group-dupes.xml");
    // The same number written three ways is one person: Suzuki and Tanaka.
    let (_, err) = env.fails(&["import", "android-sms", &file], 2);
    assert!(err.contains("2 different people"), "{err}");
    let out = env.ok(&["import", "android-sms", &file, "--from", "555-010-4545"]);
    assert!(out.contains("recorded 4 new"), "{out}");
    assert!(out.contains("2 exact duplicates recorded once"), "{out}");
    assert!(out.contains("1 of other people left out"), "{out}");
    let items = contacts(&env);
    let got: Vec<(String, String, String)> = items
        .iter()
        .map(|i| (s(&i["occurred_at"]), s(&i["address"]), s(&i["content"])))
        .collect();
    let r = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    assert_eq!(
        got,
        [
            r(
                "2025-11-18T10:00:00+09:00",
                "(555) 010-4545",
                "Call me back."
            ),
            r("2025-11-18T11:00:00+09:00", "5550104545", "Answer me."),
            r("2025-11-18T12:00:00+09:00", "+1 555-010-4545", "Answer me."),
            // The group message's sender is its <addr type="137">.
            r(
                "2025-11-18T13:00:00+09:00",
                "+15550104545",
                "Everyone knows what you did."
            ),
        ]
    );
    assert!(items[3]["from"].is_null(), "{}", items[3]);
    assert!(s(&items[3]["to"]).contains("+15550109999"), "{}", items[3]);
    // stats: one address for the three spellings.
    let st = env.json(&["stats", "--json"]);
    let addrs = st["addresses"].as_array().unwrap();
    assert_eq!(addrs.len(), 1, "{st}");
    assert_eq!(addrs[0]["attempts"], 4);
    let again = env.ok(&[
        "import",
        "android-sms",
        &file,
        "--from",
        "+1 (555) 010-4545",
    ]);
    assert!(
        again.contains("recorded 0 new, 4 already recorded"),
        "{again}"
    );
}

#[test]
fn android_other_app_layout_is_named() {
    let env = TestEnv::new();
    let (_, err) = env.fails(
        &["import", "android-calls", &fixture("android/alllogs.xml")],
        2,
    );
    assert_one_error_line(&err);
    assert!(err.contains("<alllogs>"), "{err}");
    assert!(err.contains("SMS Backup & Restore"), "{err}");
    assert!(!err.contains("{root}"), "{err}");
}

#[test]
fn email_raw_8bit_headers_are_decoded() {
    let env = TestEnv::new();
    env.ok(&[
        "import",
        "eml",
        &fixture("email/raw-sjis-subject.eml"),
        &fixture("email/raw-iso2022jp-subject.eml"),
        "--from",
        "suzuki@example.co.jp",
    ]);
    let items = contacts(&env);
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["subject"], "至急連絡ください①");
    assert_eq!(items[0]["from"], "鈴木 部長");
    assert_eq!(items[0]["content"], "電話に出なさい。\r\n");
    assert_eq!(items[1]["subject"], "退職の件 再考せよ");
    assert_eq!(items[1]["content"], "返事をしなさい。\r\n");
    // The raw bytes stay as the evidence file.
    let sha =
        kiroku::chain::sha256_hex(&std::fs::read(fixture("email/raw-sjis-subject.eml")).unwrap());
    assert_eq!(
        items[0]["evidence"][0]["sha256"],
        sha.as_str(),
        "{}",
        items[0]
    );
}

#[test]
fn email_reused_message_id_with_another_body_is_new() {
    let env = TestEnv::new();
    let a = fixture("email/reused-id-a.eml");
    let b = fixture("email/reused-id-b.eml");
    let out = env.ok(&["import", "eml", &a, "--from", "suzuki@example.co.jp"]);
    assert!(out.contains("recorded 1 new"), "{out}");
    let out = env.ok(&["import", "eml", &a, &b, "--from", "suzuki@example.co.jp"]);
    assert!(out.contains("recorded 1 new, 1 already recorded"), "{out}");
    let items = contacts(&env);
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[1]["content"],
        "A different message with the same Message-ID.\r\n"
    );
    assert_eq!(items[0]["reference"], items[1]["reference"]);
}

#[test]
fn mbox_given_to_import_eml_is_refused() {
    let env = TestEnv::new();
    let (_, err) = env.fails(&["import", "eml", &fixture("email/mailbox.mbox")], 2);
    assert_one_error_line(&err);
    assert!(err.contains("mailbox.mbox"), "{err}");
    assert!(err.contains("kiroku import mbox"), "{err}");
    assert_eq!(contacts(&env).len(), 0);
}

#[test]
fn import_summary_in_japanese_and_english() {
    let file = fixture("android/sms-group-dupes.xml");
    let mut both = String::new();
    for lang in ["en", "ja"] {
        let env = TestEnv::new();
        let args = [
            "--lang",
            lang,
            "import",
            "android-sms",
            &file,
            "--from",
            "555-010-4545",
        ];
        both.push_str(&format!("[{lang}]\n{}", env.ok(&args)));
        let mut dry = args.to_vec();
        dry.push("--dry-run");
        let out = env.ok(&dry);
        // The last two lines: the summary and the dry-run note.
        let tail: Vec<&str> = out.lines().rev().take(2).collect();
        both.push_str(&format!("{}\n{}\n", tail[1], tail[0]));
    }
    insta::assert_snapshot!(both);
}
