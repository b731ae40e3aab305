//! The core commands through the real binary: record, list, show, amend,
//! void, receipt, verify, and the errors people will run into.

mod common;

use common::{assert_one_error_line, TestEnv};
use serde_json::Value;

fn record_sample(env: &TestEnv) {
    env.ok(&[
        "add",
        "phone",
        "--from",
        "山田 課長",
        "--address",
        "090-1234-5678",
        "--org",
        "株式会社サンプル",
        "--outcome",
        "missed",
        "--at",
        "2026-10-01 09:15",
    ]);
    env.ok(&[
        "add",
        "留守電",
        "--at",
        "2026/10/01 12:02",
        "--duration",
        "0:40",
        "--content",
        "連絡下さい。\n至急です。",
        "--address",
        "090-1234-5678",
    ]);
    env.ok(&[
        "add",
        "sms",
        "--at",
        "2026-10-02 21:40",
        "--until",
        "2026-10-02 23:10",
        "--count",
        "3",
        "--address",
        "080-9999-0000",
        "--content",
        "番号変わりました。連絡下さい。",
    ]);
    env.ok(&[
        "action",
        "refused",
        "--at",
        "2026-10-03 10:00",
        "--channel",
        "email",
        "--note",
        "Wrote: please stop contacting me",
    ]);
    env.ok(&["note", "No", "calls", "today", "--at", "2026-10-04 20:00"]);
}

#[test]
fn init_refuses_to_overwrite_and_records_the_zone() {
    let env = TestEnv::empty();
    let out = env.ok(&["init", "--title", "事件", "--tz", "Asia/Tokyo"]);
    assert!(out.contains("time zone  Asia/Tokyo"), "{out}");
    let before = std::fs::read(&env.db).unwrap();
    let (_, err) = env.fails(&["init"], 3);
    assert_one_error_line(&err);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&env.db).unwrap(), before);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&env.db).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn add_on_missing_default_file_creates_it_and_says_so() {
    let env = TestEnv::empty();
    let default = env.path().join("home/.local/share/kiroku/kiroku.sqlite");
    // A mistyped channel creates nothing.
    let out = env.bare_cmd().args(["add", "fax"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!default.exists());
    let out = env
        .bare_cmd()
        .args(["add", "phone", "--at", "2026-10-01 09:00"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("created a new case file"), "{err}");
    assert!(default.exists());
    // An explicit path that does not exist is never created silently.
    let (_, err) = env.fails(&["add", "phone"], 3);
    assert!(err.contains("there is no case file"), "{err}");
}

#[test]
fn list_table_shows_corrections_voids_and_japanese() {
    let env = TestEnv::new();
    record_sample(&env);
    env.ok(&[
        "amend",
        "2",
        "--reason",
        "時刻の誤り",
        "--at",
        "2026-10-01 12:05",
    ]);
    env.ok(&["void", "5", "--reason", "recorded by mistake"]);
    let table = env.ok(&["list"]);
    insta::assert_snapshot!(table);
    // Narrow terminals: every line fits.
    let narrow = env.cmd().env("COLUMNS", "70").arg("list").output().unwrap();
    for line in String::from_utf8(narrow.stdout).unwrap().lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 70, "{line}");
    }
}

#[test]
fn list_json_has_the_documented_fields() {
    let env = TestEnv::new();
    record_sample(&env);
    env.ok(&["amend", "1", "--reason", "it was LINE", "--channel", "line"]);
    let list = env.json(&["list", "--json"]);
    let items = list.as_array().unwrap();
    assert_eq!(items.len(), 5);
    for key in [
        "seq",
        "kind",
        "channel",
        "occurred_at",
        "recorded_at",
        "from",
        "address",
        "content",
        "count",
        "hash",
        "prev_hash",
        "corrected",
        "voided",
    ] {
        assert!(items[0].get(key).is_some(), "missing {key}");
    }
    assert_eq!(items[0]["channel"], "line");
    assert_eq!(items[0]["corrected"], true);
    assert_eq!(items[0]["corrected_by"], serde_json::json!([6]));
    assert_eq!(items[0]["from"], "山田 課長");
    assert_eq!(items[1]["content"], "連絡下さい。\n至急です。");
    assert_eq!(items[1]["duration_secs"], 40);
    assert_eq!(items[2]["count"], 3);
    assert_eq!(items[2]["occurred_until"], "2026-10-02T23:10:00+09:00");
    assert_eq!(items[3]["action"], "refused");
    assert_eq!(items[4]["kind"], "note");
    assert_eq!(items[4]["content"], "No calls today");
    // Chained: each prev_hash is the hash before it, in number order.
    let mut by_seq: Vec<&Value> = items.iter().collect();
    by_seq.sort_by_key(|i| i["seq"].as_u64());
    for w in by_seq.windows(2) {
        assert_eq!(w[1]["prev_hash"], w[0]["hash"]);
    }
}

#[test]
fn list_filters() {
    let env = TestEnv::new();
    record_sample(&env);
    let seqs = |args: &[&str]| -> Vec<u64> {
        let mut a = vec!["list", "--json"];
        a.extend_from_slice(args);
        env.json(&a)
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["seq"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(seqs(&["--since", "2026-10-02"]), vec![3, 4, 5]);
    assert_eq!(seqs(&["--until", "2026-10-01"]), vec![1, 2]);
    assert_eq!(seqs(&["--channel", "電話"]), vec![1]);
    assert_eq!(seqs(&["--from", "09012345678"]), vec![1, 2]);
    assert_eq!(seqs(&["--from", "山田"]), vec![1]);
    assert_eq!(seqs(&["--last", "2"]), vec![4, 5]);
    let (_, err) = env.fails(&["list", "--since", "10/05", "--until", "10/01"], 2);
    assert!(err.contains("backwards"), "{err}");
}

#[test]
fn a_correction_moving_an_entry_into_the_period_is_found() {
    let env = TestEnv::new();
    record_sample(&env);
    env.ok(&[
        "amend",
        "1",
        "--reason",
        "wrong month",
        "--at",
        "2026-11-01 09:15",
    ]);
    let items = env.json(&["list", "--json", "--since", "2026-11-01"]);
    assert_eq!(items[0]["seq"], 1);
    assert_eq!(items.as_array().unwrap().len(), 1);
    let last = env.json(&["list", "--json", "--last", "1"]);
    assert_eq!(last[0]["seq"], 1);
}

#[test]
fn show_gives_the_original_and_every_correction() {
    let env = TestEnv::new();
    record_sample(&env);
    env.ok(&[
        "amend",
        "2",
        "--reason",
        "時刻の誤り",
        "--at",
        "2026-10-01 12:05",
    ]);
    env.ok(&["amend", "2", "--reason", "it was 2 calls", "--count", "2"]);
    let text = env.ok(&["show", "2"]);
    assert!(
        text.starts_with("Entry 2 · contact · corrected by 6, 7"),
        "{text}"
    );
    assert!(
        text.contains(
            "occurred: Thu 2026-10-01 12:02:00 (+09:00) -> Thu 2026-10-01 12:05:00 (+09:00)"
        ),
        "{text}"
    );
    assert!(text.contains("count: 1 -> 2"), "{text}");
    assert!(text.contains("    連絡下さい。\n    至急です。"), "{text}");
    let j = env.json(&["show", "2", "--json"]);
    assert_eq!(j["entry"]["count"], 2);
    assert_eq!(j["original"]["count"], 1);
    assert_eq!(j["original"]["occurred_at"], "2026-10-01T12:02:00+09:00");
    assert_eq!(j["corrections"].as_array().unwrap().len(), 2);
    assert_eq!(j["corrections"][0]["reason"], "時刻の誤り");
    let (_, err) = env.fails(&["show", "99"], 2);
    assert!(err.contains("there is no entry 99"), "{err}");
    // A second correction of the same field shows the value it replaced.
    env.ok(&["amend", "2", "--reason", "three in fact", "--count", "3"]);
    let text = env.ok(&["show", "2"]);
    assert!(text.contains("count: 1 -> 2\n"), "{text}");
    assert!(text.contains("count: 2 -> 3\n"), "{text}");
}

#[test]
fn void_marks_but_keeps_the_entry() {
    let env = TestEnv::new();
    record_sample(&env);
    let out = env.ok(&["void", "3", "--reason", "duplicate"]);
    assert!(out.starts_with("Recorded entry 6: void of 3"), "{out}");
    let items = env.json(&["list", "--json"]);
    let three = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["seq"] == 3)
        .unwrap();
    assert_eq!(three["voided"], true);
    assert_eq!(three["voided_by"], 6);
    assert_eq!(three["void_reason"], "duplicate");
    assert!(env.ok(&["show", "3"]).contains("WITHDRAWN by 6"));
    // A voided entry takes no more corrections or voids.
    let (_, err) = env.fails(&["void", "3", "--reason", "again"], 2);
    assert!(err.contains("withdrawn"), "{err}");
    let (_, err) = env.fails(&["amend", "3", "--reason", "x", "--count", "2"], 2);
    assert!(err.contains("withdrawn"), "{err}");
}

#[test]
fn amend_and_void_need_a_reason_and_a_real_entry() {
    let env = TestEnv::new();
    record_sample(&env);
    let (_, err) = env.fails(&["amend", "9", "--reason", "x", "--count", "2"], 2);
    assert_one_error_line(&err);
    assert!(err.contains("there is no entry 9"), "{err}");
    let (_, err) = env.fails(&["amend", "1", "--reason", "  ", "--count", "2"], 2);
    assert!(err.contains("reason is empty"), "{err}");
    let (_, err) = env.fails(&["amend", "1", "--reason", "x"], 2);
    assert!(err.contains("nothing to correct"), "{err}");
    let (_, err) = env.fails(&["void", "0", "--reason", "x"], 2);
    assert!(err.contains("no entry 0"), "{err}");
    assert_eq!(env.json(&["list", "--json"]).as_array().unwrap().len(), 5);
    let (_, err) = env.fails(&["amend", "6", "--reason", "x", "--count", "2"], 2);
    assert!(err.contains("no entry 6"), "{err}");
}

#[test]
fn bad_input_gets_one_line_and_writes_nothing() {
    let env = TestEnv::new();
    env.ok(&["add", "phone", "--at", "2026-10-01 09:00"]);
    let cases: &[(&[&str], &str)] = &[
        (&["add", "fax"], "unknown channel \"fax\""),
        (
            &["add", "phone", "--at", "tomorrow"],
            "cannot read the time",
        ),
        (
            &["add", "phone", "--at", "2099-01-01 10:00"],
            "in the future",
        ),
        (
            &["add", "phone", "--at", "2026-10-01"],
            "without a time of day",
        ),
        (&["add", "phone", "--duration", "3"], "bare number"),
        (
            &["add", "phone", "--count", "0"],
            "--count must be 1 or more",
        ),
        (&["add", "phone", "--outcome", "maybe"], "unknown outcome"),
        (
            &[
                "add",
                "phone",
                "--at",
                "10/02 10:00",
                "--until",
                "10/01 10:00",
            ],
            "before --at",
        ),
        (
            &["add", "email", "--content-file", "missing.txt"],
            "missing.txt",
        ),
        (&["action", "shouted"], "unknown action"),
        (&["note", " "], "note is empty"),
    ];
    for (args, expect) in cases {
        let out = env.run(args);
        let code = out.status.code().unwrap();
        assert!(code == 2 || code == 4, "{args:?}: exit {code}");
        let err = String::from_utf8(out.stderr).unwrap();
        if !expect.is_empty() {
            assert_one_error_line(&err);
            assert!(err.contains(expect), "{args:?}: {err}");
        }
    }
    assert_eq!(env.json(&["list", "--json"]).as_array().unwrap().len(), 1);
    assert!(env.ok(&["verify"]).starts_with("OK"));
}

#[test]
fn content_from_files_and_stdin_kept_exactly() {
    let env = TestEnv::new();
    let text = "一行目\r\n二行目\t\"引用\"\n";
    std::fs::write(env.path().join("msg.txt"), text).unwrap();
    env.ok(&[
        "add",
        "email",
        "--at",
        "2026-10-01 09:00",
        "--content-file",
        "msg.txt",
    ]);
    env.cmd()
        .args(["add", "line", "--at", "2026-10-01 09:01", "--content", "-"])
        .write_stdin("標準入力から\n")
        .assert()
        .success();
    let items = env.json(&["list", "--json"]);
    assert_eq!(items[0]["content"], text);
    assert_eq!(items[1]["content"], "標準入力から\n");
    // Not UTF-8: refused with advice, nothing written.
    std::fs::write(env.path().join("sjis.txt"), b"\x82\xa0\x82\xa2").unwrap();
    let (_, err) = env.fails(&["add", "email", "--content-file", "sjis.txt"], 2);
    assert!(err.contains("not UTF-8"), "{err}");
    let out = env
        .cmd()
        .args(["add", "sms", "--content", "-"])
        .write_stdin(vec![0xffu8, 0xfe])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(env.json(&["list", "--json"]).as_array().unwrap().len(), 2);
}

#[test]
fn untrusted_text_is_neutralised_on_the_terminal_but_kept_in_the_record() {
    let env = TestEnv::new();
    let evil = "hi\u{1b}[2J\u{202e}gnp.exe";
    env.ok(&[
        "add",
        "sms",
        "--at",
        "2026-10-01 09:00",
        "--from",
        evil,
        "--content",
        evil,
    ]);
    let table = env.ok(&["list"]);
    assert!(
        !table.contains('\u{1b}') && !table.contains('\u{202e}'),
        "{table}"
    );
    assert!(table.contains("\\u{1b}[2J\\u{202e}gnp.exe"), "{table}");
    let shown = env.ok(&["show", "1"]);
    assert!(!shown.contains('\u{1b}'), "{shown}");
    assert_eq!(env.json(&["list", "--json"])[0]["content"], evil);
}

#[test]
fn receipt_then_verify() {
    let env = TestEnv::new();
    record_sample(&env);
    let line = env.ok(&["receipt"]);
    assert!(line.starts_with("kiroku-receipt/1 case="), "{line}");
    assert!(line.contains(" entries=5 "), "{line}");
    let out = env.ok(&["verify", "--receipt", line.trim()]);
    assert!(
        out.contains("receipt OK: entries 1 to 5 are unchanged"),
        "{out}"
    );
    // From a file (a saved email), after more entries were added.
    std::fs::write(
        env.path().join("mail.txt"),
        format!("To: lawyer\n\n> {line}\n"),
    )
    .unwrap();
    env.ok(&["add", "phone", "--at", "2026-10-05 09:00"]);
    let j = env.json(&["verify", "--receipt", "mail.txt", "--json"]);
    assert_eq!(j["intact"], true);
    assert_eq!(j["entries"], 6);
    assert_eq!(j["receipts"][0]["ok"], true);
    // A receipt of another case fails with exit 1.
    let other = TestEnv::new();
    other.ok(&["add", "phone", "--at", "2026-10-05 09:00"]);
    let (out, _) = other.fails(&["verify", "--receipt", line.trim()], 1);
    assert!(out.contains("another case"), "{out}");
    let (_, err) = env.fails(
        &["verify", "--receipt", "kiroku-receipt/1 case=x entries=2"],
        2,
    );
    assert!(err.contains("receipt is incomplete"), "{err}");
}

#[test]
fn export_jsonl_is_the_hashed_bodies() {
    let env = TestEnv::new();
    record_sample(&env);
    env.ok(&["export", "jsonl", "-o", "case.jsonl"]);
    let text = std::fs::read_to_string(env.path().join("case.jsonl")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5);
    let list = env.json(&["list", "--json"]);
    for (line, item) in lines.iter().zip(list.as_array().unwrap()) {
        let mut v: serde_json::Map<String, Value> = serde_json::from_str(line).unwrap();
        let hash = v.remove("hash").unwrap();
        assert_eq!(hash, item["hash"]);
        let canonical = serde_json::to_string(&v).unwrap();
        assert_eq!(
            kiroku::chain::entry_hash(&canonical),
            hash.as_str().unwrap()
        );
    }
    assert_eq!(env.ok(&["export", "jsonl"]), text);
    let (_, err) = env.fails(&["export", "jsonl", "-o", env.db.to_str().unwrap()], 2);
    assert!(err.contains("case file itself"), "{err}");
}

#[test]
fn files_that_are_not_case_files_are_refused_untouched() {
    let env = TestEnv::empty();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.sqlite", Vec::new(), "it is empty"),
        (
            "picture.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "not a SQLite database",
        ),
        (
            "notes.txt",
            "メモ".repeat(100).into_bytes(),
            "not a SQLite database",
        ),
    ];
    for (name, bytes, why) in cases {
        let p = env.path().join(name);
        std::fs::write(&p, &bytes).unwrap();
        let out = env
            .bare_cmd()
            .args(["--db", name, "add", "phone"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{name}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_one_error_line(&err);
        assert!(err.contains(why), "{name}: {err}");
        assert_eq!(std::fs::read(&p).unwrap(), bytes, "{name} was changed");
    }
    // A SQLite database of another program.
    let other = env.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let before = std::fs::read(&other).unwrap();
    let out = env
        .bare_cmd()
        .args(["--db", "other.db", "verify"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another program"));
    assert_eq!(std::fs::read(&other).unwrap(), before);
}

#[test]
fn newer_schema_is_refused() {
    let env = TestEnv::new();
    env.sqlite()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let (_, err) = env.fails(&["list"], 3);
    assert_one_error_line(&err);
    assert!(err.contains("newer version of kiroku"), "{err}");
}

#[test]
fn entries_cannot_be_updated_or_deleted_through_sqlite() {
    let env = TestEnv::new();
    record_sample(&env);
    let db = env.sqlite();
    let e = db
        .execute("UPDATE entries SET body = 'x' WHERE seq = 1", [])
        .unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
    let e = db
        .execute("DELETE FROM entries WHERE seq = 1", [])
        .unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
    let e = db
        .execute("UPDATE meta SET value = 'x' WHERE key = 'case_id'", [])
        .unwrap_err();
    assert!(e.to_string().contains("case id cannot change"), "{e}");
}

#[test]
fn broken_pipe_exits_quietly() {
    let env = TestEnv::new();
    // Far more than a pipe buffer (64 KiB), so kiroku must meet the closed pipe.
    for i in 0..60 {
        env.ok(&[
            "note",
            &format!("note {i} {}", "長い".repeat(2000)),
            "--at",
            "2026-10-01 09:00",
        ]);
    }
    for args in [&["list"][..], &["list", "--json"][..]] {
        let mut child = env
            .std_cmd()
            .env_remove("COLUMNS")
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn help_and_version_work() {
    let env = TestEnv::empty();
    let help = env.ok(&["--help"]);
    assert!(help.contains("Exit codes"), "{help}");
    for cmd in [
        "add", "action", "note", "list", "show", "amend", "void", "verify", "export", "receipt",
        "init",
    ] {
        env.ok(&[cmd, "--help"]);
    }
    let (_, err) = env.fails(&["frobnicate"], 2);
    assert!(err.contains("'frobnicate' is not a command"), "{err}");
    common::assert_one_error_line(&err);
}

#[test]
fn an_older_case_file_is_upgraded_by_any_command() {
    let env = TestEnv::new();
    env.ok(&["add", "phone", "--at", "2026-10-01 09:00"]);
    // Make it look like a file from the first version.
    env.sqlite()
        .execute_batch(
            "DROP INDEX entries_by_kind; DROP INDEX entries_facts; DROP TABLE anchors; PRAGMA user_version = 1;",
        )
        .unwrap();
    let items = env.json(&["list", "--json"]);
    assert_eq!(items.as_array().unwrap().len(), 1);
    let version: i64 = env
        .sqlite()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert!(version >= 2, "not upgraded: {version}");
    assert!(env.ok(&["verify"]).starts_with("OK"));
}
