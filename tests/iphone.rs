//! `kiroku import iphone-backup` through the real binary, on backup folders
//! the tests make themselves (`common/iphone.rs`): unencrypted and
//! encrypted, the exact entries, re-imports, a later backup, a wrong
//! passphrase, a missing call history, and no decrypted file left behind.

mod common;
#[path = "common/iphone.rs"]
mod fixture;

use std::path::{Path, PathBuf};

use common::{assert_one_error_line, TestEnv};
use fixture::{write_backup, Enc, Phone};
use serde_json::Value;

const PASS: &str = "correct horse 馬 battery";

/// A backup folder named like the real ones, inside the test's folder.
fn backup(env: &TestEnv, name: &str, p: &Phone, enc: Option<&Enc>) -> PathBuf {
    let dir = env.path().join(name).join("00008030-001A2B3C4D5E6F70");
    write_backup(&dir, p, enc);
    dir
}

/// A private temporary folder for the run, to see that nothing remains.
fn tmpdir(env: &TestEnv) -> PathBuf {
    let t = env.path().join("tmp");
    std::fs::create_dir_all(&t).unwrap();
    t
}

fn import(env: &TestEnv, dir: &Path, extra: &[&str]) -> std::process::Output {
    let mut c = env.cmd();
    c.env("TMPDIR", tmpdir(env))
        .args(["import", "iphone-backup"])
        .arg(dir)
        .args(extra);
    c.output().unwrap()
}

fn import_ok(env: &TestEnv, dir: &Path, extra: &[&str]) -> String {
    let out = import(env, dir, extra);
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_no_temp_left(env);
    String::from_utf8(out.stdout).unwrap()
}

fn assert_no_temp_left(env: &TestEnv) {
    let left: Vec<_> = std::fs::read_dir(tmpdir(env))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

fn entries(env: &TestEnv) -> Vec<Value> {
    let mut items: Vec<Value> = env.json(&["list", "--json"]).as_array().unwrap().clone();
    items.sort_by_key(|i| i["seq"].as_u64().unwrap());
    items
}

type Row = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<u64>,
    String,
    String,
);

/// (when, channel, platform, direction, outcome, address, duration,
/// content, notes) of each contact entry.
fn rows(items: &[Value]) -> Vec<Row> {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    items
        .iter()
        .filter(|i| i["kind"] == "contact")
        .map(|i| {
            (
                s(&i["occurred_at"]),
                s(&i["channel"]),
                s(&i["platform"]),
                s(&i["direction"]),
                s(&i["outcome"]),
                s(&i["address"]),
                i["duration_secs"].as_u64(),
                s(&i["content"]),
                s(&i["notes"]),
            )
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn row(
    at: &str,
    channel: &str,
    platform: &str,
    direction: &str,
    outcome: &str,
    address: &str,
    duration: Option<u64>,
    content: &str,
    notes: &str,
) -> Row {
    (
        at.into(),
        channel.into(),
        platform.into(),
        direction.into(),
        outcome.into(),
        address.into(),
        duration,
        content.into(),
        notes.into(),
    )
}

const BOSS: &str = "+819012345678";

/// What the sample phone holds from the boss and from withheld numbers,
/// in time order.
fn expected_sample() -> Vec<Row> {
    vec![
        row("2026-11-10T09:00:00+09:00", "phone", "", "incoming", "missed", BOSS, None, "", ""),
        row("2026-11-10T09:01:00+09:00", "sms", "", "incoming", "", BOSS, None, "至急連絡ください。\n今日中に。", ""),
        row("2026-11-10T09:05:00+09:00", "phone", "", "incoming", "answered", BOSS, Some(65), "", ""),
        row("2026-11-10T21:00:00+09:00", "sms", "iMessage", "incoming", "", BOSS, None, "", "Attachment: IMG_0001.jpeg"),
        row("2026-11-10T22:30:00+09:00", "phone", "", "incoming", "missed", "", None, "", "Number withheld: the call history holds no number."),
        row("2026-11-11T10:00:00+09:00", "sms", "iMessage", "incoming", "", BOSS, None, "みんなの前で謝罪しなさい", "In the group chat \"営業部\" (3 people)."),
        row("2026-11-11T23:15:00+09:00", "phone", "FaceTime audio", "incoming", "missed", BOSS, None, "", ""),
        row("2026-11-12T07:00:00+09:00", "line", "LINE (jp.naver.line)", "incoming", "answered", BOSS, Some(12), "", ""),
        row("2026-11-12T08:00:00+09:00", "sms", "iMessage", "incoming", "", BOSS, None, "昨日は言い過ぎた", "Edited by the sender (2026-11-12T08:02:00+09:00); the text is the last version the phone kept."),
        row("2026-11-12T08:10:00+09:00", "sms", "iMessage", "incoming", "", BOSS, None, "", "Unsent by the sender (2026-11-12T08:11:00+09:00); the phone kept no text."),
        row("2026-11-12T22:00:00+09:00", "sms", "iMessage", "incoming", "", BOSS, None, "返事がないなら家に行きます", ""),
    ]
}

const FROM: &[&str] = &["--from", "090-1234-5678", "--from", "非通知"];

#[test]
fn unencrypted_backup_gives_the_exact_entries_and_keeps_the_files() {
    let env = TestEnv::new();
    let dir = backup(&env, "b", &Phone::sample(), None);
    let out = import_ok(&env, &dir, FROM);
    assert!(
        out.contains("Recorded entries 2 to 12; entry 1 notes the import"),
        "{out}"
    );
    assert!(
        out.contains("recorded 11 new, 3 of your own left out (--include-own keeps them), 3 of other people left out — from 090-1234-5678, 非通知\n"),
        "{out}"
    );
    let items = entries(&env);
    assert_eq!(rows(&items), expected_sample());
    // One note: the phone, the iOS version and the backup date.
    let note = &items[0];
    assert_eq!(note["kind"], "note");
    let text = note["content"].as_str().unwrap();
    assert_eq!(
        text,
        "Imported 11 records from the iPhone backup of \"花子のiPhone\" (iOS 17.5.1, backed up 2026-11-14T20:00:00+09:00, not encrypted) (iphone-backup) as entries 2 to 12."
    );
    let kept: Vec<&str> = note["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(kept, ["Info.plist", "CallHistory.storedata", "sms.db"]);
    // The attachment is kept with its message, byte for byte.
    let photo = &items[4]["evidence"][0];
    assert_eq!(photo["name"], "IMG_0001.jpeg");
    assert_eq!(photo["media_type"], "image/jpeg");
    let bytes = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00photo of the letter";
    assert_eq!(photo["sha256"], kiroku::chain::sha256_hex(bytes));
    // Each entry names its source row and the file it came from.
    let src = &items[1]["source"];
    assert_eq!(src["importer"], "iphone-backup");
    assert_eq!(src["position"], "CallHistory.storedata call 1");
    let sms_src = &items[2]["source"];
    assert_eq!(sms_src["position"], "sms.db message 1");
    assert_ne!(src["file_sha256"], sms_src["file_sha256"]);
    let report = env.json(&["verify", "--json"]);
    assert_eq!(report["intact"], true, "{report}");

    // The same backup again adds nothing.
    let again = import_ok(&env, &dir, FROM);
    assert!(
        again.contains("recorded 0 new, 11 already recorded"),
        "{again}"
    );
    assert_eq!(entries(&env).len(), items.len());
}

#[test]
fn own_messages_and_calls_with_include_own() {
    let env = TestEnv::new();
    let dir = backup(&env, "b", &Phone::sample(), None);
    import_ok(&env, &dir, &["--from", "+81 90 1234 5678", "--include-own"]);
    let r = rows(&entries(&env));
    // Without 非通知 the withheld call is someone else's; with
    // --include-own the user's own SMS, call and group message are in.
    assert_eq!(r.len(), 13, "{r:#?}");
    assert!(r.iter().all(|x| x.5 == BOSS));
    let own: Vec<&Row> = r.iter().filter(|x| x.3 == "outgoing").collect();
    assert_eq!(own.len(), 3);
    assert_eq!(own[0].7, "もう連絡しないでください");
    assert_eq!((own[1].1.as_str(), own[1].6), ("phone", Some(30)));
    assert_eq!(own[2].7, "退職の手続きは弁護士を通してください");
    assert_eq!(own[2].8, "In the group chat \"営業部\" (3 people).");
}

#[test]
fn encrypted_backup_reads_the_same_and_a_later_backup_adds_only_the_new() {
    let env = TestEnv::new();
    let enc = Enc::new(PASS);
    let dir = backup(&env, "b1", &Phone::sample(), Some(&enc));
    // The fixture is really encrypted: no SQLite header in the files.
    let sms = dir
        .join("3d")
        .join("3d0d7e5fb2ce288813306e4d4636395e047a3d28");
    assert!(!std::fs::read(&sms).unwrap().starts_with(b"SQLite format 3"));
    assert!(!std::fs::read(dir.join("Manifest.db"))
        .unwrap()
        .starts_with(b"SQLite format 3"));
    let pass = env.path().join("pass.txt");
    std::fs::write(&pass, format!("{PASS}\n")).unwrap();
    let pass_arg = pass.display().to_string();
    let mut args = FROM.to_vec();
    args.extend(["--passphrase-file", &pass_arg]);
    let out = import_ok(&env, &dir, &args);
    assert!(out.contains("recorded 11 new"), "{out}");
    let items = entries(&env);
    assert_eq!(rows(&items), expected_sample());
    assert!(items[0]["content"]
        .as_str()
        .unwrap()
        .contains(", encrypted)"));
    // The attachment was decrypted before it was kept.
    let bytes = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00photo of the letter";
    assert_eq!(
        items[4]["evidence"][0]["sha256"],
        kiroku::chain::sha256_hex(bytes)
    );

    // A week later: the passphrase from the environment this time.
    let later = backup(&env, "b2", &Phone::later(), Some(&enc));
    let mut c = env.cmd();
    c.env("TMPDIR", tmpdir(&env))
        .env("KIROKU_BACKUP_PASSPHRASE", PASS)
        .args(["import", "iphone-backup"])
        .arg(&later)
        .args(FROM);
    let out = c.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("recorded 3 new, 11 already recorded"),
        "{stdout}"
    );
    assert_no_temp_left(&env);
    let all = entries(&env);
    let new = rows(&all[items.len() + 1..]);
    assert_eq!(
        new,
        vec![
            row(
                "2026-11-18T09:00:00+09:00",
                "phone",
                "",
                "incoming",
                "missed",
                BOSS,
                None,
                "",
                ""
            ),
            row(
                "2026-11-18T09:05:00+09:00",
                "sms",
                "iMessage",
                "incoming",
                "",
                BOSS,
                None,
                "無視するなら考えがあります",
                ""
            ),
            row(
                "2026-11-18T23:00:00+09:00",
                "phone",
                "",
                "incoming",
                "missed",
                "",
                None,
                "",
                "Number withheld: the call history holds no number."
            ),
        ]
    );
    assert_eq!(env.json(&["verify", "--json"])["intact"], true);
}

#[test]
fn wrong_passphrase_is_one_line_and_writes_nothing() {
    let env = TestEnv::new();
    let dir = backup(&env, "b", &Phone::sample(), Some(&Enc::new(PASS)));
    let before = entries(&env).len();
    for (lang, expected) in [
        ("en", "the passphrase does not open this backup"),
        ("ja", "パスワードが違うため、このバックアップを開けません"),
    ] {
        let mut c = env.cmd();
        c.env("TMPDIR", tmpdir(&env))
            .env("KIROKU_LANG", lang)
            .env("KIROKU_BACKUP_PASSPHRASE", "wrong")
            .args(["import", "iphone-backup"])
            .arg(&dir)
            .args(FROM);
        let out = c.output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(expected), "{err}");
        assert!(out.stdout.is_empty());
        assert_no_temp_left(&env);
    }
    assert_eq!(entries(&env).len(), before);
    assert!(!env.path().join("case.sqlite.evidence").exists());
}

#[test]
fn encrypted_backup_without_a_passphrase_is_refused() {
    let env = TestEnv::new();
    let dir = backup(&env, "b", &Phone::sample(), Some(&Enc::new(PASS)));
    let out = import(&env, &dir, FROM);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_one_error_line(&err);
    assert!(
        err.contains("this backup is encrypted, and no passphrase was given"),
        "{err}"
    );
    assert!(err.contains("--passphrase-file"), "{err}");
    assert_no_temp_left(&env);
}

#[test]
fn missing_call_history_is_explained_and_skip_bad_imports_the_messages() {
    let env = TestEnv::new();
    let mut p = Phone::sample();
    p.calls = None;
    let dir = backup(&env, "b", &p, None);
    let out = import(&env, &dir, FROM);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_one_error_line(&err);
    assert!(
        err.contains(
            "this backup has no call history: Apple keeps calls only in encrypted backups"
        ),
        "{err}"
    );
    assert!(err.contains("turn on \"Encrypt local backup\""), "{err}");
    assert_no_temp_left(&env);
    assert_eq!(entries(&env).len(), 0);
    // In Japanese too.
    let mut c = env.cmd();
    c.env("TMPDIR", tmpdir(&env))
        .env("KIROKU_LANG", "ja")
        .args(["import", "iphone-backup"])
        .arg(&dir)
        .args(FROM);
    let err = String::from_utf8(c.output().unwrap().stderr).unwrap();
    assert!(
        err.contains("通話履歴は暗号化したバックアップにしか含まれません"),
        "{err}"
    );

    let out = import(&env, &dir, &[FROM, &["--skip-bad"]].concat());
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("skipped CallHistory.storedata: this backup has no call history"),
        "{stderr}"
    );
    let r = rows(&entries(&env));
    assert_eq!(r.len(), 6);
    assert!(r.iter().all(|x| x.1 == "sms"));
    assert_no_temp_left(&env);
}

#[test]
fn not_a_backup_folder() {
    let env = TestEnv::new();
    let dir = env.path().join("photos");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("IMG_0001.HEIC"), b"x").unwrap();
    let out = import(&env, &dir, FROM);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_one_error_line(&err);
    assert!(
        err.contains(
            "has no Manifest.db, so it is not an iPhone backup folder (it holds: IMG_0001.HEIC)"
        ),
        "{err}"
    );
}

#[test]
fn without_from_the_people_are_listed_and_dry_run_writes_nothing() {
    let env = TestEnv::new();
    let dir = backup(&env, "b", &Phone::sample(), None);
    let out = import(&env, &dir, &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_one_error_line(&err);
    assert!(err.contains("+819012345678 (12)"), "{err}");
    assert!(err.contains("--from"), "{err}");
    assert_no_temp_left(&env);

    let out = import_ok(&env, &dir, &[FROM, &["--dry-run"]].concat());
    assert!(out.contains("would record 11 new"), "{out}");
    assert!(out.contains("返事がないなら家に行きます"), "{out}");
    assert_eq!(entries(&env).len(), 0);
}

#[test]
fn a_damaged_manifest_is_refused() {
    let env = TestEnv::new();
    let dir = backup(&env, "b", &Phone::sample(), None);
    std::fs::write(dir.join("Manifest.db"), b"not a database at all, sorry").unwrap();
    let out = import(&env, &dir, FROM);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_one_error_line(&err);
    assert!(
        err.contains("Manifest.db in the backup cannot be read"),
        "{err}"
    );
    assert_no_temp_left(&env);
}
