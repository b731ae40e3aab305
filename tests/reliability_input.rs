//! Bad input everywhere: the parsers never panic on any text, and odd
//! files and oversized or malformed input give one clear error line with
//! the documented exit code, and write nothing.

mod common;
mod reliability_support;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use chrono::{TimeZone, Utc};
use proptest::prelude::*;

use common::{assert_one_error_line, TestEnv};
use kiroku::model::ChannelWord;
use kiroku::{chain, receipt, timeparse};
use reliability_support::*;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 5, 32, 0).unwrap()
}

/// Text near the accepted time formats: digits, separators, Japanese
/// date words, full-width forms, and anything else.
fn time_like() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9０-９]{0,5}[-/年月日 :時分秒T+Z.]{0,2}[0-9]{0,4}[-/年月日 :時分秒T+Z.]{0,2}[0-9]{0,3}[ :時分]{0,1}[0-9]{0,3}",
        "(yesterday|昨日|一昨日|today|now|今日)? ?[0-9]{1,3}:[0-9]{1,3}(:[0-9]{1,3})?",
        "[0-9]{1,6}[/-][0-9]{1,3}[/-][0-9]{1,3}( ?\\([月火水木金土日]\\))? [0-9]{1,2}:[0-9]{1,2}",
        "[0-9]{1,5}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,12})?([+-][0-9]{2}:[0-9]{2}|Z)",
    ]
}

fn duration_like() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "([0-9０-９]{0,22}(h|m|s|時間|分|秒|:)? ?){0,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn time_parsing_never_panics(s in time_like(), zone in 0usize..4) {
        let tz: chrono_tz::Tz = ["Asia/Tokyo", "UTC", "America/New_York", "Pacific/Kiritimati"][zone]
            .parse()
            .unwrap();
        if let Ok(t) = timeparse::parse_when(&s, now(), tz) {
            prop_assert!(t.with_timezone(&Utc) <= now(), "{s:?} gave a future time");
        }
        let _ = timeparse::parse_bound(&s, now(), tz, false);
        let _ = timeparse::parse_bound(&s, now(), tz, true);
    }

    #[test]
    fn duration_parsing_never_panics(s in duration_like()) {
        let _ = timeparse::parse_duration(&s);
    }

    #[test]
    fn channel_words_never_panic(s in any::<String>()) {
        let _ = ChannelWord::parse(&s);
    }

    #[test]
    fn receipt_search_never_panics(
        before in any::<String>(),
        fields in "( ?(case|entries|head|at)=[0-9a-f\\-:TZ>= \n]{0,80}){0,5}",
        after in any::<String>(),
    ) {
        let text = format!("{before}kiroku-receipt/1{fields}{after}");
        let _ = receipt::find_all(&text);
        let _ = receipt::find_all(&before);
    }

    #[test]
    fn canonical_parsing_never_panics(s in any::<String>()) {
        let object = s.starts_with('{');
        prop_assert!(chain::parse_canonical(&s).is_err() || object);
    }

    /// A real canonical body with one character changed, inserted or removed.
    #[test]
    fn canonical_parsing_of_edited_bodies_never_panics(
        pos in any::<prop::sample::Index>(),
        edit in 0u8..3,
        c in any::<char>(),
    ) {
        let body = sample_body();
        let mut chars: Vec<char> = body.chars().collect();
        let i = pos.index(chars.len());
        match edit {
            0 => chars[i] = c,
            1 => chars.insert(i, c),
            _ => { chars.remove(i); }
        }
        let edited: String = chars.into_iter().collect();
        if let Ok(b) = chain::parse_canonical(&edited) {
            // Accepted only when it is still exactly canonical.
            prop_assert_eq!(chain::canonical(&b).unwrap(), edited);
        }
    }
}

fn sample_body() -> String {
    r#"{"address":"090-1234-5678","case_id":"0b5f7a52-3c1e-4d8e-9a57-2f1c6e0d9b21","channel":"phone","content":"「連絡下さい」\n\"至急\"","count":1,"direction":"incoming","from":"山田 課長","kind":"contact","occurred_at":"2026-11-20T14:32:00+09:00","outcome":"missed","prev_hash":"8e1d5b05c0ac6bbf5e8cb4d8bd4ed5b9e47b0a0e1cce4bbb4c4c5e1bdfe8e6e3","recorded_at":"2026-11-20T05:33:10.250Z","seq":1,"tags":["脅し"],"v":1}"#.to_string()
}

#[test]
fn sample_body_is_canonical() {
    assert!(chain::parse_canonical(&sample_body()).is_ok());
}

// ---- the command line ----

/// Runs `args` with `stdin`, expects `code` and one error line mentioning
/// `says`, and checks that the case file did not change.
fn refused(env: &TestEnv, args: &[&str], stdin: &[u8], code: i32, says: &str) {
    let before = std::fs::read(&env.db).ok();
    let mut child = child_cmd(env)
        .args(args)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let _ = input.write_all(stdin); // it may stop reading early
    drop(input);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    assert_one_error_line(&stderr);
    assert!(stderr.contains(says), "{args:?}: {stderr}");
    assert_eq!(
        std::fs::read(&env.db).ok(),
        before,
        "{args:?} changed the case file"
    );
}

fn entry_count(env: &TestEnv) -> usize {
    rows(&env.db).len()
}

#[test]
fn oversized_content_is_refused() {
    let env = TestEnv::new();
    let ten_mb = vec![b'a'; 10 << 20];
    std::fs::write(env.path().join("big.txt"), &ten_mb).unwrap();
    let limit = "the most one field can hold";
    refused(&env, &["add", "sms", "--content", "-"], &ten_mb, 2, limit);
    refused(
        &env,
        &["add", "sms", "--content-file", "big.txt"],
        b"",
        2,
        limit,
    );
    refused(&env, &["note", "-"], &ten_mb, 2, limit);
    // Just over 1 MiB from a file is refused; exactly 1 MiB is taken.
    let over = vec![b'a'; (1 << 20) + 1];
    std::fs::write(env.path().join("over.txt"), &over).unwrap();
    refused(
        &env,
        &["add", "sms", "--content-file", "over.txt"],
        b"",
        2,
        limit,
    );
    std::fs::write(env.path().join("max.txt"), &over[1..]).unwrap();
    env.ok(&["add", "sms", "--content-file", "max.txt"]);
    assert_eq!(entry_count(&env), 1);
}

/// A 10 MB argument cannot even reach kiroku: Linux limits one argument
/// to 128 KiB (MAX_ARG_STRLEN), so the shell or caller fails with E2BIG
/// before kiroku starts. Arguments below that are checked like any text.
#[test]
fn oversized_arguments_stop_at_the_operating_system() {
    let env = TestEnv::new();
    let big = "a".repeat(10 << 20);
    let err = child_cmd(&env)
        .args(["add", "sms", "--content", &big])
        .output()
        .unwrap_err();
    assert_eq!(err.raw_os_error(), Some(libc::E2BIG), "{err}");
    assert_eq!(entry_count(&env), 0);
}

/// A NUL byte cannot be passed in an argument (execve takes C strings);
/// the spawn fails before kiroku runs. From standard input or a file it
/// arrives, and is refused.
#[test]
fn nul_bytes_are_refused() {
    let env = TestEnv::new();
    let err = child_cmd(&env)
        .args(["add", "sms", "--content", "a\0b"])
        .output()
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput, "{err}");
    refused(
        &env,
        &["add", "sms", "--content", "-"],
        b"abc\0def",
        2,
        "NUL byte",
    );
    refused(&env, &["note", "-"], b"\0", 2, "NUL byte");
    assert_eq!(entry_count(&env), 0);
}

#[test]
fn invalid_utf8_is_refused() {
    let env = TestEnv::new();
    let bad: &[u8] = b"\xe9\x80\xa3\xe7\xb5\xa1 \xff\xfe latin-1: caf\xe9";
    refused(&env, &["add", "sms", "--content", "-"], bad, 2, "not UTF-8");
    std::fs::write(
        env.path().join("sjis.txt"),
        b"\x98\x41\x97\x8d\x89\xba\x82\xb3\x82\xa2",
    )
    .unwrap();
    refused(
        &env,
        &["add", "email", "--content-file", "sjis.txt"],
        b"",
        2,
        "not UTF-8",
    );
    refused(&env, &["note", "-"], bad, 2, "not UTF-8");
    // Invalid UTF-8 in an argument is refused by the argument parser.
    use std::os::unix::ffi::OsStrExt;
    let out = child_cmd(&env)
        .args(["add", "sms", "--from"])
        .arg(std::ffi::OsStr::from_bytes(b"\xff\xfe"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    assert_eq!(entry_count(&env), 0);
}

/// Files that are not kiroku case files, each given to every command.
#[test]
fn odd_case_files_are_refused_and_left_untouched() {
    let env = TestEnv::new();
    env.ok(&["add", "phone", "--from", "山田", "--content", "連絡下さい"]);
    env.ok(&["note", "メモ"]);
    let good = std::fs::read(&env.db).unwrap();
    assert!(!env.path().join("case.sqlite-wal").exists());

    let png: Vec<u8> = [
        &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"[..],
        &[0u8; 200][..],
    ]
    .concat();
    let other = {
        let p = env.path().join("other.db");
        let c = rusqlite::Connection::open(&p).unwrap();
        c.execute_batch(
            "PRAGMA journal_mode=WAL; CREATE TABLE entries (seq INTEGER, body TEXT); INSERT INTO entries VALUES (1, 'x');",
        )
        .unwrap();
        drop(c);
        std::fs::read(&p).unwrap()
    };
    let newer = {
        let p = env.path().join("newer.sqlite");
        std::fs::write(&p, &good).unwrap();
        let c = rusqlite::Connection::open(&p).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
        drop(c);
        std::fs::read(&p).unwrap()
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", vec![], "it is empty"),
        ("png", png, "not a SQLite database"),
        (
            "text",
            "山田 課長 090-1234-5678\n".repeat(20).into_bytes(),
            "not a SQLite database",
        ),
        ("header only", good[..50].to_vec(), "not a SQLite database"),
        ("first page", good[..4096].to_vec(), "cut short"),
        ("cut", good[..good.len() - 4096].to_vec(), "cut short"),
        ("other program", other, "another program"),
        ("newer", newer, "newer version of kiroku"),
    ];
    let commands: [&[&str]; 8] = [
        &["add", "phone"],
        &["note", "メモ"],
        &["amend", "1", "--reason", "訂正", "--from", "佐藤"],
        &["list"],
        &["show", "1"],
        &["verify"],
        &["export", "jsonl"],
        &["receipt"],
    ];
    let dir = env.path().join("odd");
    std::fs::create_dir(&dir).unwrap();
    for (name, bytes, says) in &cases {
        let db = dir.join("case.sqlite");
        std::fs::write(&db, bytes).unwrap();
        for args in commands {
            let out = child_cmd(&env)
                .env("KIROKU_DB", &db)
                .args(args)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(3), "{name}: {args:?}: {stderr}");
            assert_one_error_line(&stderr);
            assert!(stderr.contains(says), "{name}: {args:?}: {stderr}");
            assert!(out.stdout.is_empty(), "{name}: {args:?} printed output");
            assert_eq!(
                &std::fs::read(&db).unwrap(),
                bytes,
                "{name}: {args:?} changed the file"
            );
            assert_eq!(
                files_in(&dir),
                vec![db.clone()],
                "{name}: {args:?} left files"
            );
        }
        std::fs::remove_file(&db).unwrap();
    }
    // A folder given as the case file.
    let (_, stderr) = env.fails(&["--db", dir.to_str().unwrap(), "add", "phone"], 3);
    assert_one_error_line(&stderr);
    assert!(files_in(&dir).is_empty());
}

/// Reading commands on a missing case file say so and create nothing.
#[test]
fn missing_case_file_is_not_created_by_reading_commands() {
    let env = TestEnv::empty();
    for args in [
        &["list"][..],
        &["verify"],
        &["export", "jsonl"],
        &["show", "1"],
        &["receipt"],
    ] {
        let (_, stderr) = env.fails(args, 3);
        assert_one_error_line(&stderr);
        assert!(stderr.contains("no case file"), "{stderr}");
        assert!(!Path::new(&env.db).exists());
    }
}
