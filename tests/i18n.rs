//! The interface in Japanese and English: snapshots of what people read
//! (a prompt session, `list`, `stats`, `verify`, common errors) in both
//! languages, and a check that no English sentence reaches a person who
//! asked for Japanese.

mod common;

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::TestEnv;

/// Runs kiroku with the locale `lang` (`ja_JP.UTF-8` or `C.UTF-8`);
/// returns (exit code, stdout, stderr).
fn run(env: &TestEnv, lang: &str, args: &[&str]) -> (i32, String, String) {
    let out = env.cmd().env("LANG", lang).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const JA: &str = "ja_JP.UTF-8";
const EN: &str = "C.UTF-8";

/// A small case: calls and messages from one sender, a refusal, a
/// correction and a withdrawal, on fixed days.
fn sample(env: &TestEnv) {
    for args in [
        &[
            "add",
            "missed",
            "--from",
            "山田 課長",
            "--address",
            "090-1234-5678",
            "--at",
            "2026-10-01 09:15",
            "--count",
            "3",
        ][..],
        &[
            "add",
            "voicemail",
            "--from",
            "山田 課長",
            "--address",
            "090-1234-5678",
            "--at",
            "2026-10-01 12:02",
            "--duration",
            "0:40",
            "--content",
            "連絡下さい。至急です。",
        ],
        &[
            "add",
            "line",
            "--from",
            "山田 課長",
            "--address",
            "yamada_line",
            "--at",
            "2026-10-02 21:40",
            "--content",
            "既読無視するな",
        ],
        &[
            "action",
            "refused",
            "--at",
            "2026-10-03 10:00",
            "--note",
            "メールで連絡をやめるよう伝えた",
        ],
        &[
            "add",
            "sms",
            "--from",
            "山田 課長",
            "--address",
            "080-5555-1234",
            "--at",
            "2026-10-05 08:30",
            "--content",
            "番号変わりました",
        ],
        &[
            "add",
            "visit",
            "--from",
            "山田 課長",
            "--at",
            "2026-10-06 19:00",
            "--content",
            "自宅前で待っていた",
        ],
    ] {
        env.ok(args);
    }
    env.ok(&[
        "amend",
        "2",
        "--reason",
        "時刻の誤り",
        "--at",
        "2026-10-01 12:05",
    ]);
    env.ok(&["void", "6", "--reason", "別の日の記録と重複"]);
}

/// Snapshot settings: the temporary folder, hashes, case ids and the
/// time of recording change from run to run.
fn settings(env: &TestEnv) -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    let tmp = env.path().to_string_lossy().into_owned();
    s.add_filter(&regex_escape(&tmp), "[TMP]");
    s.add_filter(r"[0-9a-f]{64}", "[HASH]");
    s.add_filter(
        r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        "[CASE-ID]",
    );
    s.add_filter(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", "[RECORDED]");
    s
}

fn regex_escape(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if "\\.+*?()|[]{}^$".contains(c) {
                vec!['\\', c]
            } else {
                vec![c]
            }
        })
        .collect()
}

/// What a command printed, as one text for a snapshot.
fn transcript(code: i32, out: &str, err: &str) -> String {
    format!("exit {code}\n--- stdout\n{out}--- stderr\n{err}")
}

#[test]
fn list_stats_and_show_in_both_languages() {
    let env = TestEnv::new();
    sample(&env);
    settings(&env).bind(|| {
        for (lang, name) in [(JA, "ja"), (EN, "en")] {
            let (c, o, e) = run(&env, lang, &["list"]);
            insta::assert_snapshot!(format!("list_{name}"), transcript(c, &o, &e));
            let (c, o, e) = run(
                &env,
                lang,
                &[
                    "stats",
                    "--since",
                    "2026-09-01",
                    "--until",
                    "2026-10-31",
                    "--ascii",
                ],
            );
            insta::assert_snapshot!(format!("stats_{name}"), transcript(c, &o, &e));
            let (c, o, e) = run(&env, lang, &["show", "2"]);
            insta::assert_snapshot!(format!("show_{name}"), transcript(c, &o, &e));
            let (c, o, e) = run(&env, lang, &["again", "--at", "2026-10-07 09:00"]);
            insta::assert_snapshot!(format!("again_{name}"), transcript(c, &o, &e));
        }
    });
}

#[test]
fn verify_intact_and_not_intact_in_both_languages() {
    let env = TestEnv::new();
    sample(&env);
    settings(&env).bind(|| {
        for (lang, name) in [(JA, "ja"), (EN, "en")] {
            let (c, o, e) = run(&env, lang, &["verify"]);
            assert_eq!(c, 0, "{o}{e}");
            insta::assert_snapshot!(format!("verify_intact_{name}"), transcript(c, &o, &e));
        }
        // Someone edits what entry 3 says, directly in the file.
        env.unguarded()
            .execute(
                "UPDATE entries SET body = replace(body, '既読無視するな', '了解です') WHERE seq = 3",
                [],
            )
            .unwrap();
        for (lang, name) in [(JA, "ja"), (EN, "en")] {
            let (c, o, e) = run(&env, lang, &["verify"]);
            assert_eq!(c, 1, "{o}{e}");
            insta::assert_snapshot!(format!("verify_not_intact_{name}"), transcript(c, &o, &e));
        }
    });
}

#[test]
fn five_common_errors_in_both_languages() {
    let env = TestEnv::new();
    env.ok(&["add", "phone", "--from", "山田", "--at", "2026-10-01 09:00"]);
    let missing = env.path().join("nothing-here.sqlite");
    let missing = missing.to_str().unwrap();
    let existing = env.db.to_str().unwrap();
    let cases: [(&str, &[&str], i32); 5] = [
        ("unknown_channel", &["add", "fax", "--at", "10:00"], 2),
        (
            "unreadable_time",
            &["add", "phone", "--at", "あしたの朝"],
            2,
        ),
        ("no_such_entry", &["show", "42"], 2),
        ("missing_case_file", &["--db", missing, "list"], 3),
        ("case_file_exists", &["--db", existing, "init"], 3),
    ];
    settings(&env).bind(|| {
        for (lang, name) in [(JA, "ja"), (EN, "en")] {
            let mut all = String::new();
            for (case, args, code) in cases {
                let (c, o, e) = run(&env, lang, args);
                assert_eq!(c, code, "{case}: {e}");
                assert!(o.is_empty(), "{case}: {o}");
                common::assert_one_error_line(&e.replace("エラー: ", "error: "));
                all.push_str(&format!("{case} (exit {c}): {e}"));
            }
            insta::assert_snapshot!(format!("errors_{name}"), all);
        }
    });
}

// ---------------------------------------------------------------------
// A prompt session, driven through a pseudo-terminal.

/// Runs `kiroku add` under `script` (util-linux), so that it has a
/// terminal, and answers each question when its text appears. Returns
/// the screen after each question appeared, and the final screen.
fn prompt_session(env: &TestEnv, lang: &str, answers: &[(&str, &str)]) -> (Vec<String>, String) {
    let bin = assert_cmd::cargo::cargo_bin("kiroku");
    let mut child = Command::new("script")
        .args(["-qec", &format!("{} add", bin.display()), "/dev/null"])
        .env_clear()
        .env("HOME", env.path().join("home"))
        .env("TZ", "Asia/Tokyo")
        .env("LANG", lang)
        .env("TERM", "xterm")
        .env("KIROKU_DB", &env.db)
        .current_dir(env.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("`script` (util-linux) is needed by this test");
    let shown = Arc::new(Mutex::new(Vec::<u8>::new()));
    let reader = {
        let shown = Arc::clone(&shown);
        let mut out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 {
                    break;
                }
                shown.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        })
    };
    let mut stdin = child.stdin.take().unwrap();
    let mut seen = 0;
    let mut screens = Vec::new();
    for (question, keys) in answers {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let text = String::from_utf8_lossy(&shown.lock().unwrap()).into_owned();
            if let Some(i) = text[seen..].find(question) {
                seen += i + question.len();
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the question {question:?} did not appear; shown:\n{}",
                clean(&text)
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        // Give the prompt a moment to switch the terminal to raw mode.
        std::thread::sleep(Duration::from_millis(150));
        screens.push(clean(&String::from_utf8_lossy(&shown.lock().unwrap())));
        stdin.write_all(keys.as_bytes()).unwrap();
        stdin.flush().unwrap();
    }
    let status = child.wait().unwrap();
    drop(stdin);
    reader.join().unwrap();
    assert!(status.success(), "kiroku add failed");
    let text = String::from_utf8_lossy(&shown.lock().unwrap()).into_owned();
    (screens, clean(&text))
}

/// The screen a person ends up seeing: the output replayed on a small
/// terminal model (cursor moves, line clearing, carriage returns), one
/// cell per character.
fn clean(raw: &str) -> String {
    let mut screen: Vec<Vec<char>> = vec![Vec::new()];
    let (mut row, mut col) = (0usize, 0usize);
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => {
                if chars.peek() != Some(&'[') {
                    chars.next();
                    continue;
                }
                chars.next();
                let mut params = String::new();
                let mut fin = ' ';
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() || d == '~' {
                        fin = d;
                        break;
                    }
                    params.push(d);
                }
                let n: usize = params.trim_start_matches('?').parse().unwrap_or(1).max(1);
                match fin {
                    'A' => row = row.saturating_sub(n),
                    'B' => row += n,
                    'C' => col += n,
                    'D' => col = col.saturating_sub(n),
                    'G' => col = n - 1,
                    'K' => {
                        if params == "2" {
                            screen[row].clear();
                        } else {
                            screen[row].truncate(col);
                        }
                    }
                    'J' => {
                        screen[row].truncate(col);
                        screen.truncate(row + 1);
                    }
                    _ => {}
                }
                while screen.len() <= row {
                    screen.push(Vec::new());
                }
            }
            '\r' => col = 0,
            '\n' => {
                row += 1;
                col = 0;
                while screen.len() <= row {
                    screen.push(Vec::new());
                }
            }
            c if c.is_control() => {}
            c => {
                let line = &mut screen[row];
                while line.len() < col {
                    line.push(' ');
                }
                if col < line.len() {
                    line[col] = c;
                } else {
                    line.push(c);
                }
                col += 1;
            }
        }
    }
    screen
        .iter()
        .map(|l| l.iter().collect::<String>().trim_end().to_string())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn a_prompt_session_offers_earlier_senders_in_both_languages() {
    for (lang, name, q) in [
        (
            JA,
            "ja",
            [
                "どの手段",
                "いつですか",
                "別の相手（名前を入力）",
                "内容",
                "回数",
            ],
        ),
        (
            EN,
            "en",
            [
                "How did they",
                "When?",
                "someone else (type a name)",
                "What did they say?",
                "How many times?",
            ],
        ),
    ] {
        let env = TestEnv::new();
        env.ok(&["add", "phone", "--from", "佐藤", "--at", "2026-10-01 09:00"]);
        env.ok(&[
            "add",
            "phone",
            "--from",
            "山田 課長",
            "--address",
            "090-1234-5678",
            "--at",
            "2026-10-02 09:00",
        ]);
        env.ok(&[
            "add",
            "sms",
            "--from",
            "山田 課長",
            "--address",
            "090-1234-5678",
            "--at",
            "2026-10-03 09:00",
        ]);
        let (screens, shown) = prompt_session(
            &env,
            lang,
            &[
                (q[0], "\r"),                 // the first channel: phone
                (q[1], "2026-10-04 14:32\r"), // the time
                (q[2], "\r"),                 // the first sender offered
                (q[3], "出ろ\r"),             // what they said
                (q[4], "\r"),                 // once
            ],
        );
        settings(&env).bind(|| {
            // The earlier senders, most recent first, as offered.
            let offered = format!("{}--- at the end\n{shown}", screens[2]);
            insta::assert_snapshot!(format!("prompt_session_{name}"), offered);
        });
        let e = env.json(&["show", "4", "--json"]);
        assert_eq!(e["entry"]["from"], "山田 課長");
        assert_eq!(e["entry"]["address"], "090-1234-5678");
        assert_eq!(e["entry"]["content"], "出ろ");
        assert_eq!(e["entry"]["occurred_at"], "2026-10-04T14:32:00+09:00");
    }
}
