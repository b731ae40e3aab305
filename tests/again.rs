//! `kiroku again` and the senders `kiroku add` offers at a terminal.

mod common;

use common::{assert_one_error_line, TestEnv};
use kiroku::store::{Access, Case};
use kiroku::view;

fn add(env: &TestEnv, args: &[&str]) {
    let mut a = vec!["add"];
    a.extend_from_slice(args);
    env.ok(&a);
}

fn entry(env: &TestEnv, seq: u64) -> serde_json::Value {
    env.json(&["show", &seq.to_string(), "--json"])["entry"].clone()
}

/// A sender offered: name, address, organisation, times recorded.
type Offered = (Option<String>, Option<String>, Option<String>, u64);

fn offered(env: &TestEnv) -> Vec<Offered> {
    let case = Case::open(&env.db, Access::ReadOnly).unwrap();
    view::load_senders(&case)
        .unwrap()
        .into_iter()
        .map(|s| (s.from, s.address, s.org, s.times))
        .collect()
}

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

#[test]
fn empty_case_offers_nothing_and_again_refuses() {
    let env = TestEnv::new();
    assert!(offered(&env).is_empty());
    let (out, err) = env.fails(&["again"], 2);
    assert!(out.is_empty());
    assert_one_error_line(&err);
    assert!(err.contains("there is no earlier contact"), "{err}");
    // Actions and notes are not contacts to repeat.
    env.ok(&["note", "相談した"]);
    let (_, err) = env.fails(&["again"], 2);
    assert!(err.contains("there is no earlier contact"), "{err}");
    assert!(offered(&env).is_empty());
    let (_, err) = env.fails(&["again", "2"], 2);
    assert!(err.contains("there is no entry 2"), "{err}");
    let (_, err) = env.fails(&["again", "1"], 2);
    assert!(err.contains("entry 1 is not a contact"), "{err}");
    // Nothing was recorded by the refusals.
    assert_eq!(env.json(&["list", "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn again_repeats_the_last_contact_without_its_content() {
    let env = TestEnv::new();
    add(
        &env,
        &[
            "sns",
            "--platform",
            "X",
            "--from",
            "山田 課長",
            "--address",
            "@yamada",
            "--org",
            "株式会社テスト商事",
            "--at",
            "2026-11-01 10:00",
            "--content",
            "連絡下さい",
            "--outcome",
            "ignored",
            "--tag",
            "t",
        ],
    );
    let out = env.ok(&["again", "--at", "2026-11-02 11:00"]);
    assert!(
        out.starts_with("Recorded entry 2: sns/X, Mon 2026-11-02 11:00, 山田 課長 <@yamada>"),
        "{out}"
    );
    let e = entry(&env, 2);
    assert_eq!(e["channel"], "sns");
    assert_eq!(e["platform"], "X");
    assert_eq!(e["from"], "山田 課長");
    assert_eq!(e["address"], "@yamada");
    assert_eq!(e["org"], "株式会社テスト商事");
    assert_eq!(e["occurred_at"], "2026-11-02T11:00:00+09:00");
    assert_eq!(e["count"], 1);
    // Never copied: what was said, the outcome, tags.
    assert!(e["content"].is_null());
    assert!(e["outcome"].is_null());
    assert_eq!(e["tags"], serde_json::json!([]));
}

#[test]
fn again_without_at_is_now() {
    let env = TestEnv::new();
    add(
        &env,
        &["phone", "--from", "佐藤", "--at", "2026-11-01 10:00"],
    );
    let before = chrono::Utc::now().timestamp();
    env.ok(&["again"]);
    let at = entry(&env, 2)["occurred_at"].as_str().unwrap().to_string();
    let t = chrono::DateTime::parse_from_rfc3339(&at)
        .unwrap()
        .timestamp();
    assert!((before - 1..=before + 60).contains(&t), "{at}");
    assert!(at.ends_with("+09:00"), "{at}");
}

#[test]
fn a_withdrawn_last_contact_is_skipped_and_not_offered() {
    let env = TestEnv::new();
    add(
        &env,
        &[
            "phone",
            "--from",
            "山田",
            "--address",
            "090-1234-5678",
            "--at",
            "2026-11-01 10:00",
        ],
    );
    add(
        &env,
        &["sms", "--from", "間違い", "--at", "2026-11-02 10:00"],
    );
    env.ok(&["void", "2", "--reason", "別人の記録"]);
    assert_eq!(
        offered(&env),
        vec![(s("山田"), s("090-1234-5678"), None, 1)]
    );
    env.ok(&["again", "--at", "2026-11-03 10:00"]);
    let e = entry(&env, 4);
    assert_eq!(e["from"], "山田");
    assert_eq!(e["channel"], "phone");
    // Naming the withdrawn one is refused.
    let (_, err) = env.fails(&["again", "2"], 2);
    assert_one_error_line(&err);
    assert!(err.contains("entry 2 was withdrawn"), "{err}");
}

#[test]
fn a_corrected_sender_is_offered_and_used_as_corrected() {
    let env = TestEnv::new();
    add(
        &env,
        &[
            "phone",
            "--from",
            "山田",
            "--address",
            "090-0000-0000",
            "--at",
            "2026-11-01 10:00",
        ],
    );
    env.ok(&[
        "amend",
        "1",
        "--reason",
        "番号の誤り",
        "--address",
        "090-1234-5678",
        "--org",
        "テスト商事",
    ]);
    assert_eq!(
        offered(&env),
        vec![(s("山田"), s("090-1234-5678"), s("テスト商事"), 1)]
    );
    env.ok(&["again", "1", "--at", "2026-11-02 10:00"]);
    let e = entry(&env, 3);
    assert_eq!(e["address"], "090-1234-5678");
    assert_eq!(e["org"], "テスト商事");
    // Counted together with the corrected entry, the newest first.
    add(
        &env,
        &["email", "--from", "佐藤", "--at", "2026-11-01 12:00"],
    );
    assert_eq!(
        offered(&env),
        vec![
            (s("山田"), s("090-1234-5678"), s("テスト商事"), 2),
            (s("佐藤"), None, None, 1),
        ]
    );
}

#[test]
fn fields_can_be_given_again() {
    let env = TestEnv::new();
    add(
        &env,
        &[
            "line",
            "--from",
            "山田",
            "--address",
            "yamada-line",
            "--at",
            "2026-11-01 10:00",
        ],
    );
    add(
        &env,
        &["phone", "--from", "佐藤", "--at", "2026-11-01 11:00"],
    );
    let out = env.ok(&[
        "again",
        "1",
        "--at",
        "昨日 午後2時",
        "--from",
        "山田 課長",
        "--count",
        "3",
        "--content",
        "既読無視するな",
        "--outcome",
        "ignored",
    ]);
    assert!(out.contains("Recorded entry 3: line ignored"), "{out}");
    let e = entry(&env, 3);
    assert_eq!(e["channel"], "line");
    assert_eq!(e["from"], "山田 課長");
    assert_eq!(e["address"], "yamada-line");
    assert_eq!(e["count"], 3);
    assert_eq!(e["content"], "既読無視するな");
    assert!(e["occurred_at"]
        .as_str()
        .unwrap()
        .ends_with("T14:00:00+09:00"));
    // Another channel, and a JSON answer like add's.
    let j = env.json(&[
        "again",
        "--channel",
        "不在着信",
        "--at",
        "2026-11-02 09:00",
        "--json",
    ]);
    assert_eq!(j["seq"], 4);
    assert_eq!(j["channel"], "phone");
    assert_eq!(j["outcome"], "missed");
    assert_eq!(j["from"], "山田 課長");
    // Mistakes are refused, and record nothing.
    let (_, err) = env.fails(&["again", "--channel", "fax"], 2);
    assert!(err.contains("unknown channel"), "{err}");
    let (_, err) = env.fails(&["again", "--at", "午後12時"], 2);
    assert!(err.contains("noon or midnight"), "{err}");
    assert_eq!(env.json(&["list", "--json"]).as_array().unwrap().len(), 4);
}

#[test]
fn again_in_japanese() {
    let env = TestEnv::new();
    let (_, err) = {
        let out = env
            .cmd()
            .env("LANG", "ja_JP.UTF-8")
            .arg("again")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        (out.stdout, String::from_utf8(out.stderr).unwrap())
    };
    assert!(
        err.starts_with("エラー: 繰り返せる以前の連絡がありません"),
        "{err}"
    );
}
