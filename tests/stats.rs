//! `kiroku stats` on a realistic case recorded through the command line:
//! two months of calls, messages and a visit from a former workplace, a
//! refusal by email, a block of the phone number, and a new number and a
//! LINE account appearing after the block.

mod common;
use common::TestEnv;
use serde_json::Value;

/// Records the case; returns the environment.
fn record() -> TestEnv {
    let env = TestEnv::new();
    let boss = ["--from", "山田 課長", "--org", "株式会社サンプル"];
    let old = ["--address", "090-1234-5678"];
    let new = ["--address", "080-5555-1234"];
    let line = ["--address", "yamada_line"];
    let mail = ["--address", "yamada@example.co.jp"];
    let contacts: Vec<(&str, &str, &[&str], &[&str])> = vec![
        ("phone", "2026-09-01 09:15", &old, &["--outcome", "missed"]),
        ("phone", "2026-09-01 12:30", &old, &["--count", "2"]),
        (
            "voicemail",
            "2026-09-02 10:00",
            &old,
            &["--content", "連絡下さい"],
        ),
        (
            "sms",
            "2026-09-03 19:45",
            &old,
            &["--content", "至急連絡ください"],
        ),
        ("phone", "2026-09-04 08:50", &old, &["--count", "3"]),
        ("email", "2026-09-07 13:00", &mail, &["--subject", "引継ぎ"]),
        ("phone", "2026-09-08 09:30", &old, &[]),
        ("phone", "2026-09-10 11:00", &old, &["--count", "2"]),
        ("email", "2026-09-14 17:20", &mail, &["--subject", "至急"]),
        // 10: refused by email (below), 11: the user's own email.
        ("phone", "2026-09-16 08:10", &old, &["--count", "4"]),
        ("sms", "2026-09-17 21:05", &old, &[]),
        ("phone", "2026-09-18 09:00", &old, &[]),
        ("phone", "2026-09-22 10:15", &old, &["--count", "2"]),
        ("email", "2026-09-24 12:00", &mail, &[]),
        ("voicemail", "2026-09-28 18:30", &old, &[]),
        ("phone", "2026-09-30 09:40", &old, &["--count", "3"]),
        // 18: blocked the number (below).
        (
            "phone",
            "2026-10-02 09:00",
            &old,
            &["--count", "2", "--outcome", "blocked"],
        ),
        (
            "sms",
            "2026-10-03 09:05",
            &new,
            &["--content", "番号変わりました。連絡下さい。"],
        ),
        ("phone", "2026-10-03 12:00", &new, &[]),
        ("line", "2026-10-05 20:00", &line, &[]),
        ("line", "2026-10-06 20:10", &line, &["--count", "2"]),
        ("phone", "2026-10-08 09:00", &new, &["--count", "2"]),
        (
            "visit",
            "2026-10-10 19:00",
            &[],
            &["--notes", "自宅前で待っていた"],
        ),
        ("line", "2026-10-13 22:30", &line, &[]),
        ("sms", "2026-10-15 08:00", &new, &[]),
        ("phone", "2026-10-20 09:30", &new, &["--count", "3"]),
        ("line", "2026-10-22 23:50", &line, &[]),
        ("phone", "2026-10-27 10:00", &new, &[]),
        ("sms", "2026-10-30 00:30", &new, &[]),
        ("phone", "2026-10-30 09:00", &new, &[]),
    ];
    let mut seq = 0;
    for (channel, at, address, extra) in contacts {
        let mut args = vec!["add", channel, "--at", at];
        args.extend(boss);
        args.extend(address);
        args.extend(extra);
        env.ok(&args);
        seq += 1;
        match seq {
            9 => {
                env.ok(&[
                    "action",
                    "refused",
                    "--at",
                    "2026-09-15 18:00",
                    "--channel",
                    "email",
                    "--content",
                    "今後一切連絡しないでください",
                ]);
                env.ok(&[
                    "add",
                    "email",
                    "--direction",
                    "outgoing",
                    "--at",
                    "2026-09-15 18:00",
                    "--to",
                    "山田 課長",
                    "--content",
                    "今後一切連絡しないでください",
                ]);
                seq += 2;
            }
            18 => {
                env.ok(&[
                    "action",
                    "blocked",
                    "--at",
                    "2026-10-01 10:00",
                    "--channel",
                    "phone",
                    "--address",
                    "090-1234-5678",
                ]);
                seq += 1;
            }
            _ => {}
        }
    }
    assert_eq!(seq, 33);
    // Entered twice, then withdrawn; a wrong channel, corrected.
    env.ok(&["add", "phone", "--at", "2026-10-20 09:30", "--count", "3"]);
    env.ok(&["void", "34", "--reason", "entered twice"]);
    env.ok(&[
        "amend",
        "28",
        "--reason",
        "it was LINE, not SMS",
        "--channel",
        "line",
    ]);
    env
}

const PERIOD: [&str; 4] = ["--since", "2026-09-01", "--until", "2026-10-31"];

fn stats_json(env: &TestEnv, extra: &[&str], tz: &str) -> Value {
    let mut args = vec!["stats", "--json"];
    args.extend(PERIOD);
    args.extend(extra);
    let out = env.cmd().env("TZ", tz).args(&args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The only figure that depends on the clock.
    v["now"] = Value::Null;
    v
}

#[test]
fn a_realistic_case() {
    let env = record();
    let s = stats_json(&env, &[], "Asia/Tokyo");
    let t = &s["totals"];
    assert_eq!(t["contacts"], 30);
    assert_eq!(t["attempts"], 45);
    assert_eq!(t["first_contact"], "2026-09-01T09:15:00+09:00");
    assert_eq!(t["last_contact"], "2026-10-30T09:00:00+09:00");
    assert_eq!(t["days_covered"], 60);
    assert_eq!(t["days_with_contact"], 27);
    assert_eq!(t["outgoing_excluded"], 1);
    assert_eq!(
        t["by_channel"],
        serde_json::json!({"phone": 29, "voicemail": 2, "sms": 4, "email": 3, "line": 6, "visit": 1})
    );
    assert_eq!(s["by"], "week");
    assert_eq!(s["since"], "2026-09-01T00:00:00+09:00");
    assert_eq!(s["until"], "2026-11-01T00:00:00+09:00");

    // ISO weeks from 2026-W36 (Aug 31 – Sep 6) to 2026-W44 (Oct 26 – Nov 1).
    let periods = s["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 9);
    assert_eq!(periods[0]["period"], "2026-W36");
    assert_eq!(periods[0]["start"], "2026-08-31");
    assert_eq!(periods[0]["attempts"], 8);
    assert_eq!(periods[8]["period"], "2026-W44");
    let sum: u64 = periods
        .iter()
        .map(|p| p["attempts"].as_u64().unwrap())
        .sum();
    assert_eq!(sum, 45);

    // The refusal and the block: it went on after both.
    let actions = s["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[0]["seq"], 10);
    assert_eq!(actions[0]["action"], "refused");
    assert_eq!(actions[0]["before"]["attempts"], 13);
    assert_eq!(actions[0]["after"]["attempts"], 32);
    assert_eq!(actions[1]["seq"], 19);
    assert_eq!(actions[1]["action"], "blocked");
    assert_eq!(actions[1]["before"]["attempts"], 26);
    assert_eq!(actions[1]["after"]["attempts"], 19);
    assert_eq!(actions[1]["after"]["end"], "2026-11-01T00:00:00+09:00");
    // After the block: 19 attempts in 30 days 14 hours, 19 × 7 ÷ 30.58.
    assert_eq!(actions[1]["after"]["days"], 30.58);
    assert_eq!(actions[1]["after"]["per_week"], 4.35);

    // The new number and the LINE account appeared after the block (entry 19).
    let addresses = s["addresses"].as_array().unwrap();
    let find = |a: &str| {
        addresses
            .iter()
            .find(|x| x["address"] == a)
            .unwrap_or_else(|| panic!("{a} missing"))
    };
    assert_eq!(find("090-1234-5678")["new_after_block"], Value::Null);
    assert_eq!(find("080-5555-1234")["new_after_block"], 19);
    assert_eq!(
        find("080-5555-1234")["first_seen"],
        "2026-10-03T09:05:00+09:00"
    );
    assert_eq!(find("yamada_line")["new_after_block"], 19);
    assert_eq!(find("yamada@example.co.jp")["new_after_block"], Value::Null);
    assert_eq!(addresses.last().unwrap()["address"], Value::Null);
    assert_eq!(s["senders"][0]["name"], "山田 課長");
    assert_eq!(s["senders"][0]["attempts"], 45);
    assert_eq!(s["senders"].as_array().unwrap().len(), 1);

    assert_eq!(s["hour_of_day"][0], 1, "the 00:30 SMS");
    assert!(s["hour_of_day"][9].as_u64().unwrap() > 5);
    assert_eq!(s["busiest_day"]["date"], "2026-09-16");
    assert_eq!(s["longest_run"]["days"], 4);
    assert_eq!(s["longest_run"]["start"], "2026-09-01");
    assert_eq!(s["trend"]["end"], "2026-11-01T00:00:00+09:00");
    assert_eq!(s["trend"]["complete"], true);
}

#[test]
fn the_case_zone_counts_not_the_computers() {
    let env = record();
    let tokyo = stats_json(&env, &["--by", "day"], "Asia/Tokyo");
    let new_york = stats_json(&env, &["--by", "day"], "America/New_York");
    assert_eq!(tokyo, new_york);
    // 2026-10-30 00:30 in Tokyo is still the 29th in New York and in UTC.
    let day = |d: &str| {
        tokyo["periods"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["period"] == d)
            .cloned()
            .unwrap()
    };
    assert_eq!(day("2026-10-30")["by_channel"]["sms"], 1);
    assert_eq!(day("2026-10-29")["attempts"], 0);
}

#[test]
fn the_table() {
    let env = record();
    let mut args = vec!["stats"];
    args.extend(PERIOD);
    let out = env.ok(&args);
    // Not a terminal: plain ASCII bars.
    assert!(!out.contains('█'));
    insta::assert_snapshot!(out);
}

#[test]
fn filters_and_periods_with_nothing_to_count() {
    let env = TestEnv::new();
    let out = env.ok(&["stats"]);
    assert!(out.starts_with("No contacts recorded yet"), "{out}");
    let json = env.json(&["stats", "--json"]);
    assert_eq!(json["totals"]["attempts"], 0);
    assert_eq!(json["periods"], serde_json::json!([]));

    env.ok(&["add", "phone", "--at", "2026-11-02 09:00"]);
    let out = env.ok(&["stats", "--since", "2026-10-01", "--until", "2026-10-31"]);
    assert_eq!(
        out.trim(),
        "No contacts from 2026-10-01 00:00 to 2026-11-01 00:00, so there is nothing to count. Try a longer period or fewer options."
    );
    let out = env.ok(&["stats", "--channel", "LINE"]);
    assert!(out.starts_with("No contacts by LINE"), "{out}");

    let (_, err) = env.fails(&["stats", "--since", "11/10", "--until", "11/01"], 2);
    common::assert_one_error_line(&err);
    assert!(err.contains("the period is backwards"), "{err}");
    let (_, err) = env.fails(&["stats", "--by", "year"], 2);
    assert!(err.contains("day, week or month"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
