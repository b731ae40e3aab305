//! Someone edits the case file directly (with the append-only triggers
//! dropped). `verify` must exit 1 and name the right entry; a rebuilt or
//! shortened chain must fail against an earlier receipt.

mod common;

use common::TestEnv;
use kiroku::chain;
use kiroku::model::Body;

/// Five entries, and a receipt for all five.
fn case() -> (TestEnv, String) {
    let env = TestEnv::new();
    for (i, text) in [
        "連絡下さい",
        "至急連絡下さい",
        "番号変わりました",
        "電話に出て",
        "最後の連絡",
    ]
    .iter()
    .enumerate()
    {
        env.ok(&[
            "add",
            "sms",
            "--at",
            &format!("2026-10-0{} 10:00", i + 1),
            "--address",
            "090-1234-5678",
            "--content",
            text,
        ]);
    }
    let receipt = env.ok(&["receipt"]).trim().to_string();
    (env, receipt)
}

fn unguarded(env: &TestEnv) -> rusqlite::Connection {
    let db = env.sqlite();
    db.execute_batch("DROP TRIGGER entries_no_update; DROP TRIGGER entries_no_delete;")
        .unwrap();
    db
}

/// Runs verify, expects exit 1, returns (first problem's entry, code, stdout).
fn broken(env: &TestEnv, extra: &[&str]) -> (u64, String, String) {
    let mut args = vec!["verify", "--json"];
    args.extend_from_slice(extra);
    let (out, err) = env.fails(&args, 1);
    assert!(err.starts_with("error: the record is not intact"), "{err}");
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["intact"], false);
    let mut text_args = vec!["verify"];
    text_args.extend_from_slice(extra);
    let (text, _) = env.fails(&text_args, 1);
    match j["problems"].as_array().unwrap().first() {
        Some(p) => (
            p["seq"].as_u64().unwrap(),
            p["problem"].as_str().unwrap().to_string(),
            text,
        ),
        None => (0, "receipt".to_string(), text),
    }
}

#[test]
fn one_changed_character_in_a_middle_entry() {
    let (env, _) = case();
    unguarded(&env)
        .execute(
            "UPDATE entries SET body = replace(body, '至急', '至念') WHERE seq = 2",
            [],
        )
        .unwrap();
    let (seq, problem, text) = broken(&env, &[]);
    assert_eq!((seq, problem.as_str()), (2, "content_changed"));
    assert!(
        text.starts_with("NOT INTACT: entry 2 was changed"),
        "{text}"
    );
}

#[test]
fn a_deleted_middle_entry() {
    let (env, _) = case();
    unguarded(&env)
        .execute("DELETE FROM entries WHERE seq = 3", [])
        .unwrap();
    let (seq, problem, text) = broken(&env, &[]);
    assert_eq!((seq, problem.as_str()), (3, "missing"));
    assert!(text.contains("entry 3 is missing"), "{text}");
}

#[test]
fn two_swapped_entries() {
    let (env, _) = case();
    let db = unguarded(&env);
    db.execute_batch(
        "UPDATE entries SET seq = 100 WHERE seq = 2;
         UPDATE entries SET seq = 2 WHERE seq = 3;
         UPDATE entries SET seq = 3 WHERE seq = 100;",
    )
    .unwrap();
    let (seq, problem, text) = broken(&env, &[]);
    assert_eq!((seq, problem.as_str()), (2, "moved"));
    assert!(
        text.contains("entry 2 holds the fields of entry 3"),
        "{text}"
    );
}

#[test]
fn a_changed_stored_hash() {
    let (env, _) = case();
    unguarded(&env)
        .execute(
            "UPDATE entries SET hash = ?1 WHERE seq = 4",
            [&"0".repeat(64)],
        )
        .unwrap();
    let (seq, problem, _) = broken(&env, &[]);
    assert_eq!((seq, problem.as_str()), (4, "content_changed"));
}

#[test]
fn a_changed_search_column() {
    let (env, _) = case();
    unguarded(&env)
        .execute(
            "UPDATE entries SET address = '080-0000-0000' WHERE seq = 3",
            [],
        )
        .unwrap();
    let (seq, problem, _) = broken(&env, &[]);
    assert_eq!((seq, problem.as_str()), (3, "index_changed"));
}

#[test]
fn a_truncated_tail_passes_alone_but_fails_with_an_earlier_receipt() {
    let (env, receipt) = case();
    unguarded(&env)
        .execute("DELETE FROM entries WHERE seq >= 4", [])
        .unwrap();
    assert!(env
        .ok(&["verify"])
        .starts_with("OK: the chain of 3 entries is intact"));
    let (_, problem, text) = broken(&env, &["--receipt", &receipt]);
    assert_eq!(problem, "receipt");
    assert!(text.contains("cut short"), "{text}");
    assert!(text.contains("entry 4 onwards is gone"), "{text}");
}

#[test]
fn a_consistently_rebuilt_chain_fails_against_a_receipt() {
    let (env, receipt) = case();
    let db = unguarded(&env);
    // Rewrite entry 2's content and recompute every hash and link after it,
    // as someone with this code and the file could.
    let rows: Vec<(i64, String)> = db
        .prepare("SELECT seq, body FROM entries ORDER BY seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let mut prev: Option<String> = None;
    for (seq, text) in rows {
        let mut body: Body = serde_json::from_str(&text).unwrap();
        if seq == 2 {
            body.content = Some("（書き換え）".into());
        }
        if let Some(p) = &prev {
            body.prev_hash = p.clone();
        }
        let canonical = chain::canonical(&body).unwrap();
        let hash = chain::entry_hash(&canonical);
        db.execute(
            "UPDATE entries SET body = ?1, prev_hash = ?2, hash = ?3 WHERE seq = ?4",
            rusqlite::params![canonical, body.prev_hash, hash, seq],
        )
        .unwrap();
        prev = Some(hash);
    }
    drop(db);
    // Internally consistent: passes on its own.
    assert!(env.ok(&["verify"]).starts_with("OK"));
    assert_eq!(env.json(&["list", "--json"])[1]["content"], "（書き換え）");
    // The receipt held by someone else catches it.
    let (_, problem, text) = broken(&env, &["--receipt", &receipt]);
    assert_eq!(problem, "receipt");
    assert!(
        text.contains("entry 5 does not match the receipt: entries 1 to 5 were changed or rebuilt"),
        "{text}"
    );
}

#[test]
fn an_entry_moved_from_another_case_fails() {
    let (env, _) = case();
    let (other, _) = case();
    let foreign: (String, String, String) = other
        .sqlite()
        .query_row(
            "SELECT body, prev_hash, hash FROM entries WHERE seq = 3",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    unguarded(&env)
        .execute(
            "UPDATE entries SET body = ?1, prev_hash = ?2, hash = ?3 WHERE seq = 3",
            rusqlite::params![foreign.0, foreign.1, foreign.2],
        )
        .unwrap();
    let j: serde_json::Value =
        serde_json::from_str(&env.fails(&["verify", "--json"], 1).0).unwrap();
    let problems: Vec<&str> = j["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["seq"] == 3)
        .map(|p| p["problem"].as_str().unwrap())
        .collect();
    assert!(problems.contains(&"wrong_case"), "{problems:?}");
}
