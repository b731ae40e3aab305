//! Concurrency: several processes append while others verify and export.
//! No error but the documented "busy" one (exit 5, after the busy
//! timeout), no fork, no gap, and every verify and export sees an intact
//! prefix of the chain.

mod common;
mod reliability_support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::{assert_one_error_line, TestEnv};
use reliability_support::*;

const WRITERS: usize = 4;
const PER_WRITER: usize = 30;

/// Checks one `export jsonl` output: entries 1..n in order, each linked to
/// the one before. Returns n.
fn check_export(text: &str) -> usize {
    let mut prev: Option<String> = None;
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["seq"].as_u64(), Some(i as u64 + 1), "export out of order");
        if let Some(p) = &prev {
            assert_eq!(
                v["prev_hash"].as_str(),
                Some(p.as_str()),
                "export: broken link"
            );
        }
        prev = Some(v["hash"].as_str().unwrap().to_string());
        n += 1;
    }
    n
}

#[test]
fn appenders_verify_and_export_at_once() {
    let env = TestEnv::new();
    let stop = AtomicBool::new(false);
    let started = Instant::now();
    let (acks, verifies, exports) = std::thread::scope(|s| {
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let env = &env;
                s.spawn(move || {
                    let mut acks = Vec::new();
                    for k in 0..PER_WRITER {
                        let text = format!("writer {w} entry {k}");
                        let mut c = child_cmd(env);
                        if k % 2 == 0 {
                            c.args(["add", "line", "--from", "佐藤", "--content", &text]);
                        } else {
                            c.args(["note", &text]);
                        }
                        let out = c.output().unwrap();
                        let stderr = String::from_utf8_lossy(&out.stderr);
                        match out.status.code() {
                            Some(0) => acks.push((
                                acknowledged(&String::from_utf8_lossy(&out.stdout)).unwrap(),
                                text,
                            )),
                            Some(5) => {
                                assert_one_error_line(&stderr);
                                assert!(stderr.contains("busy"), "{stderr}");
                            }
                            other => panic!("writer {w}: exit {other:?}: {stderr}"),
                        }
                    }
                    acks
                })
            })
            .collect();
        let verifier = s.spawn(|| {
            let mut runs = 0;
            while !stop.load(Ordering::Relaxed) {
                let out = child_cmd(&env).arg("verify").output().unwrap();
                assert_eq!(
                    out.status.code(),
                    Some(0),
                    "verify during appends: {}{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                );
                runs += 1;
            }
            runs
        });
        let exporter = s.spawn(|| {
            let mut seen = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let out = child_cmd(&env).args(["export", "jsonl"]).output().unwrap();
                assert_eq!(
                    out.status.code(),
                    Some(0),
                    "export during appends: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                seen.push(check_export(&String::from_utf8(out.stdout).unwrap()));
            }
            seen
        });
        let acks: Vec<_> = writers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect();
        stop.store(true, Ordering::Relaxed);
        (acks, verifier.join().unwrap(), exporter.join().unwrap())
    });
    eprintln!(
        "{} appends, {verifies} verifies, {} exports in {:?}",
        acks.len(),
        exports.len(),
        started.elapsed()
    );
    assert!(verifies > 0 && !exports.is_empty());
    // Exports only ever grow.
    assert!(exports.windows(2).all(|w| w[0] <= w[1]), "{exports:?}");

    let rows = rows(&env.db);
    assert_no_gap(&rows);
    assert_eq!(
        rows.len(),
        acks.len(),
        "every successful append, and only those"
    );
    for ((seq, hash), text) in &acks {
        let row = &rows[*seq as usize - 1];
        assert_eq!(&row.hash, hash);
        assert!(
            row.body.contains(text.as_str()),
            "entry {seq} is not {text}"
        );
    }
    assert_integrity(&env.db);
    assert!(env.ok(&["verify"]).starts_with("OK"));
}

/// A writer that holds the case file longer than the busy timeout makes
/// others give up with exit 5 and one "busy" line, and nothing recorded;
/// readers are not blocked meanwhile.
#[test]
fn a_held_write_lock_gives_busy_after_the_timeout_and_readers_go_on() {
    let env = TestEnv::new();
    env.ok(&["add", "phone", "--content", "before"]);
    let mut conn = env.sqlite();
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    let t = Instant::now();
    let (_, stderr) = env.fails(&["add", "phone", "--content", "while locked"], 5);
    let waited = t.elapsed();
    assert_one_error_line(&stderr);
    assert!(
        stderr.contains("busy") && stderr.contains("nothing was recorded"),
        "{stderr}"
    );
    assert!(
        waited >= Duration::from_secs(9),
        "gave up after {waited:?}, before the 10 s busy timeout"
    );
    let t = Instant::now();
    assert!(env.ok(&["verify"]).starts_with("OK"));
    env.ok(&["list"]);
    env.ok(&["export", "jsonl"]);
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "readers waited for the writer"
    );
    tx.rollback().unwrap();
    drop(conn);
    let rows = rows(&env.db);
    assert_eq!(rows.len(), 1);
    env.ok(&["add", "phone", "--content", "after"]);
    assert!(env.ok(&["verify"]).starts_with("OK"));
}
