//! `--help` of every command in Japanese and English, the parse errors
//! clap finds, and the width help is wrapped to.

mod common;

use clap::CommandFactory;
use common::TestEnv;
use unicode_width::UnicodeWidthStr;

/// Every command and subcommand, as the words typed after `kiroku`.
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for s in cmd.get_subcommands() {
            let mut p = path.clone();
            p.push(s.get_name().to_owned());
            walk(s, p, out);
        }
    }
    let mut out = Vec::new();
    walk(&kiroku::cli::Cli::command(), Vec::new(), &mut out);
    out
}

/// Runs kiroku in `lang` (through the locale for Japanese, as a user
/// would have it) and returns (exit code, stdout, stderr).
fn run(env: &TestEnv, lang: &str, columns: &str, args: &[String]) -> (i32, String, String) {
    let mut cmd = env.cmd();
    if lang == "ja" {
        cmd.env("LANG", "ja_JP.UTF-8");
    }
    let out = cmd.env("COLUMNS", columns).args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn all_help(lang: &str, columns: &str) -> String {
    let env = TestEnv::empty();
    let mut all = String::new();
    for path in command_paths() {
        let mut args = path.clone();
        args.push("--help".to_owned());
        let (code, stdout, stderr) = run(&env, lang, columns, &args);
        assert_eq!(code, 0, "kiroku {args:?}: {stderr}");
        assert_eq!(stderr, "", "kiroku {args:?}");
        let words: Vec<&str> = std::iter::once("kiroku")
            .chain(args.iter().map(String::as_str))
            .collect();
        all.push_str(&format!("===== {}\n", words.join(" ")));
        all.push_str(&stdout);
        all.push('\n');
    }
    all
}

#[test]
fn help_of_every_command_in_japanese() {
    insta::assert_snapshot!("help_ja", all_help("ja", "100"));
}

/// Every placeholder a Japanese user reads is in Japanese, except the
/// letters that stand for a number in the text (`N`, `M`) and `URL`, which
/// Japanese writes as it is.
#[test]
fn japanese_placeholders_are_japanese() {
    let all = all_help("ja", "100");
    let mut english = Vec::new();
    for (i, _) in all.match_indices('<') {
        let name: String = all[i + 1..].chars().take_while(|c| *c != '>').collect();
        let upper = name.chars().filter(|c| c.is_ascii_uppercase()).count();
        if upper >= 2 && name != "URL" && !english.contains(&name) {
            english.push(name);
        }
    }
    assert!(english.is_empty(), "English placeholders: {english:?}");
}

#[test]
fn help_of_every_command_in_english() {
    insta::assert_snapshot!("help_en", all_help("en", "100"));
}

#[test]
fn japanese_help_fits_narrow_terminals() {
    let env = TestEnv::empty();
    for columns in [60usize, 80] {
        for path in [vec![], vec!["add"], vec!["export"], vec!["verify"]] {
            for flag in ["-h", "--help"] {
                let mut args: Vec<String> = path.iter().map(|s| s.to_string()).collect();
                args.push(flag.to_owned());
                let (code, out, _) = run(&env, "ja", &columns.to_string(), &args);
                assert_eq!(code, 0);
                for line in out.lines() {
                    assert!(
                        line.width() <= columns,
                        "kiroku {args:?} at {columns} columns: {line:?} is {} wide",
                        line.width()
                    );
                }
                // Nothing is lost by wrapping: the same text at 100 columns.
                let (_, wide, _) = run(&env, "ja", "100", &args);
                let squash = |s: &str| s.split_whitespace().collect::<String>();
                assert_eq!(squash(&out), squash(&wide), "kiroku {args:?}");
            }
        }
    }
}

#[test]
fn clap_words_are_translated() {
    let env = TestEnv::empty();
    let (_, out, _) = run(&env, "ja", "100", &["add".into(), "-h".into()]);
    for word in [
        "使い方:",
        "引数:",
        "オプション:",
        "[オプション]",
        "ヘルプを表示します",
    ] {
        assert!(out.contains(word), "{word} not in:\n{out}");
    }
    for word in ["Usage", "Options", "Arguments", "Print help", "[OPTIONS]"] {
        assert!(!out.contains(word), "{word} in:\n{out}");
    }
    let (_, out, _) = run(&env, "ja", "100", &["--help".into()]);
    for word in [
        "コマンド:",
        "バージョンを表示します",
        "指定できる値:",
        "［環境変数: KIROKU_DB］",
    ] {
        assert!(out.contains(word), "{word} not in:\n{out}");
    }
    assert!(
        !out.contains("Possible values") && !out.contains("[env:"),
        "{out}"
    );
    // `help COMMAND` is the same as `COMMAND --help`.
    let (code, via_help, _) = run(&env, "ja", "100", &["help".into(), "add".into()]);
    let (_, direct, _) = run(&env, "ja", "100", &["add".into(), "--help".into()]);
    assert_eq!(code, 0);
    assert_eq!(via_help, direct);
    // --version is the same in both languages.
    let (code, version, _) = run(&env, "ja", "100", &["--version".into()]);
    assert_eq!(code, 0);
    assert_eq!(version, format!("kiroku {}\n", env!("CARGO_PKG_VERSION")));
    // --lang wins over the locale, and KIROKU_LANG over the locale.
    let (_, out, _) = run(
        &env,
        "ja",
        "100",
        &["--lang".into(), "en".into(), "-h".into()],
    );
    assert!(out.contains("Usage:"), "{out}");
    let out = env
        .cmd()
        .env("LANG", "ja_JP.UTF-8")
        .env("KIROKU_LANG", "en")
        .arg("-h")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage:"));
}

/// Five common mistakes, and a few more, in both languages: one error
/// line with a hint, exit 2, nothing on stdout.
#[test]
fn parse_errors_in_both_languages() {
    let env = TestEnv::empty();
    let cases: &[&[&str]] = &[
        &["add", "--frm", "山田"],
        &["shw", "1"],
        &["export", "xls"],
        &["note"],
        &["add", "phone", "--content", "a", "--content-file", "b"],
        &["list", "--last"],
        &["show", "abc"],
        &["evidence"],
        &["list", "--last", "1", "--last", "2"],
        &["void", "1", "2"],
    ];
    let mut all = String::new();
    for lang in ["ja", "en"] {
        for args in cases {
            let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
            let (code, stdout, stderr) = run(&env, lang, "100", &args);
            assert_eq!(code, 2, "kiroku {args:?}: {stderr}");
            assert_eq!(stdout, "");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            let frame = if lang == "ja" {
                "エラー: "
            } else {
                "error: "
            };
            assert!(stderr.starts_with(frame), "{stderr}");
            assert!(stderr.contains(" — "), "no hint: {stderr}");
            all.push_str(&format!("[{lang}] kiroku {}\n{stderr}\n", args.join(" ")));
        }
    }
    insta::assert_snapshot!("parse_errors", all);
}

/// An argument that is not UTF-8 text is one error line too.
#[test]
fn an_argument_that_is_not_text() {
    use std::os::unix::ffi::OsStrExt;
    let env = TestEnv::empty();
    let bad = std::ffi::OsStr::from_bytes(b"\x8e\xca");
    for (lang, expected) in [
        ("ja", "エラー: 引数に文字として読めないもの（UTF-8 でないもの）があります — `kiroku note --help` で使い方を確認できます\n"),
        ("en", "error: an argument is not valid text (UTF-8) — `kiroku note --help` shows how to use it\n"),
    ] {
        let out = env
            .cmd()
            .args(["--lang", lang, "note"])
            .arg(bad)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(String::from_utf8(out.stderr).unwrap(), expected);
        assert!(out.stdout.is_empty());
    }
}
