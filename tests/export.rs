//! Exports through the real binary: CSV read back by two parsers, filtered
//! JSONL with stubs, the PDF report checked with poppler and qpdf, and the
//! bundle unpacked and checked with `sha256sum -c`.
//!
//! The PDF and bundle tests need `pdftotext`, `pdffonts`, `qpdf`,
//! `sha256sum`, `python3`, a Japanese font, a font without Japanese and a
//! font collection (Debian/Ubuntu: `poppler-utils qpdf
//! fonts-ipaexfont-gothic fonts-dejavu-core fonts-noto-cjk`). A missing tool fails the
//! test with a message saying what to install.

mod common;

use std::path::Path;
use std::process::Command;

use common::{assert_one_error_line, TestEnv};
use serde_json::Value;

/// Text that must survive every export exactly.
const TRICKY: &[&str] = &[
    "番号変わりました。連絡下さい。",
    "a, b, \"quoted\", and more",
    "line one\nline two\r\nline three",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "+81 90 1234 5678",
    "-5",
    "@SUM(A1:A2)",
    "'already quoted",
];

fn record(env: &TestEnv) {
    env.ok(&[
        "add",
        "phone",
        "--from",
        "山田 課長",
        "--address",
        "090-1234-5678",
        "--org",
        "株式会社サンプル, 営業部",
        "--outcome",
        "missed",
        "--at",
        "2026-10-01 09:15",
    ]);
    for (i, text) in TRICKY.iter().enumerate() {
        env.ok(&[
            "add",
            if i % 2 == 0 { "sms" } else { "line" },
            "--at",
            &format!("2026-10-02 1{i}:00"),
            "--address",
            if i == 4 {
                "+81-80-9999-0000"
            } else {
                "080-9999-0000"
            },
            &format!("--content={text}"),
        ]);
    }
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
    env.ok(&[
        "add",
        "email",
        "--at",
        "2026-10-04 08:00",
        "--from",
        "Sato",
        "--address",
        "sato@example.jp",
        "--subject",
        "Re: 至急",
        "--content",
        "Please call back.",
    ]);
    // Entry 12 corrects 11; entry 13 withdraws 2.
    env.ok(&[
        "amend",
        "11",
        "--content",
        "Please call back today.",
        "--reason",
        "typo when copying",
    ]);
    env.ok(&["void", "2", "--reason", "recorded twice"]);
}

fn need(tool: &str, package: &str) {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        found,
        "`{tool}` is needed by this test: install {package} (CI installs it in .ci/run)"
    );
}

fn run_tool(cmd: &mut Command) -> String {
    let out = cmd.output().expect("tool runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn unquote(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// The `list --json` items, in the same order as the exports.
fn items(env: &TestEnv) -> Vec<Value> {
    env.json(&["list", "--json"]).as_array().unwrap().clone()
}

fn check_rows(rows: &[Vec<String>], items: &[Value]) {
    assert_eq!(rows.len(), items.len(), "one row per entry");
    let text = |v: &Value| v.as_str().unwrap_or("").to_string();
    for (row, item) in rows.iter().zip(items) {
        assert_eq!(row[0], item["seq"].to_string());
        assert_eq!(unquote(&row[1]), text(&item["occurred_at"]));
        assert_eq!(unquote(&row[7]), text(&item["from"]));
        assert_eq!(unquote(&row[8]), text(&item["address"]));
        assert_eq!(unquote(&row[10]), text(&item["org"]));
        assert_eq!(unquote(&row[16]), text(&item["subject"]));
        assert_eq!(unquote(&row[17]), text(&item["content"]));
        assert_eq!(row[26], text(&item["prev_hash"]));
        assert_eq!(row[27], text(&item["hash"]));
        // Nothing a spreadsheet would run.
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "unsafe cell {cell:?}"
            );
        }
    }
}

#[test]
fn csv_reads_back_with_the_csv_crate_and_python() {
    let env = TestEnv::new();
    record(&env);
    env.ok(&["export", "csv", "-o", "t.csv", "--lang", "en"]);
    let bytes = std::fs::read(env.path().join("t.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM by default");
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "CRLF line ends");

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[0], "number");
    assert_eq!(header.last().unwrap(), "hash");
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let items = items(&env);
    check_rows(&rows, &items);
    // Every tricky text is there, whole, once.
    for t in TRICKY {
        assert_eq!(
            rows.iter().filter(|r| unquote(&r[17]) == *t).count(),
            usize::from(*t != "Please call back."),
            "{t:?}"
        );
    }
    let formula = rows.iter().find(|r| r[17].contains("HYPERLINK")).unwrap();
    assert!(formula[17].starts_with("'="));
    // Markers: the withdrawn and the corrected entry.
    let voided = rows.iter().find(|r| r[0] == "2").unwrap();
    assert!(voided[23].contains("withdrawn by entry 13"), "{voided:?}");
    let corrected = rows.iter().find(|r| r[0] == "11").unwrap();
    assert!(corrected[23].contains("corrected by entry 12"));
    assert_eq!(corrected[17], "Please call back today.");

    need("python3", "python3");
    let script = r#"
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
print(json.dumps(rows, ensure_ascii=False))
"#;
    let out = run_tool(
        Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(env.path().join("t.csv")),
    );
    let py: Vec<Vec<String>> = serde_json::from_str(&out).unwrap();
    assert_eq!(py[0], header);
    check_rows(&py[1..], &items);
}

#[test]
fn csv_headers_follow_the_language_and_bom_can_be_left_out() {
    let env = TestEnv::new();
    record(&env);
    let ja = env.ok(&["export", "csv", "--lang", "ja"]);
    assert!(ja.starts_with("\u{FEFF}通し番号,日時,"), "{}", &ja[..40]);
    let plain = env.ok(&["export", "csv", "--no-bom", "--lang", "en"]);
    assert!(plain.starts_with("number,occurred_at,"));
    // The case title is Japanese, so Japanese is the default.
    let default = env.ok(&["export", "csv"]);
    assert!(default.contains("通し番号"));
    // Filters apply.
    let phone = env.ok(&["export", "csv", "--no-bom", "--channel", "phone"]);
    assert_eq!(phone.lines().count(), 2, "{phone}");
}

fn jsonl_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn filtered_jsonl_keeps_the_chain_with_stubs() {
    let env = TestEnv::new();
    record(&env);
    let full = jsonl_lines(&env.ok(&["export", "jsonl"]));
    let filtered = jsonl_lines(&env.ok(&["export", "jsonl", "--channel", "email"]));
    assert_eq!(
        full.len(),
        filtered.len(),
        "every entry, in full or as a stub"
    );
    let mut kept = Vec::new();
    for (f, e) in full.iter().zip(&filtered) {
        assert_eq!(f["seq"], e["seq"]);
        assert_eq!(f["hash"], e["hash"]);
        assert_eq!(f["prev_hash"], e["prev_hash"]);
        if e.get("stub") == Some(&Value::Bool(true)) {
            let keys: Vec<&String> = e.as_object().unwrap().keys().collect();
            assert_eq!(keys, ["case_id", "hash", "prev_hash", "seq", "stub"]);
            assert!(e.get("content").is_none());
        } else {
            assert_eq!(f, e);
            kept.push(e["seq"].as_u64().unwrap());
        }
    }
    // The email (11), its correction (12); the refusal was by email too (10).
    assert_eq!(kept, vec![10, 11, 12]);
    // The links hold from the first to the last line.
    for pair in filtered.windows(2) {
        assert_eq!(pair[1]["prev_hash"], pair[0]["hash"]);
    }
}

fn pdf_text(path: &Path) -> String {
    need("pdftotext", "poppler-utils");
    run_tool(
        Command::new("pdftotext")
            .args(["-layout", "-enc", "UTF-8"])
            .arg(path)
            .arg("-"),
    )
}

fn head_hash(env: &TestEnv) -> String {
    let v = env.json(&["verify", "--json"]);
    v["head"].as_str().unwrap().to_string()
}

#[test]
fn pdf_report_has_every_entry_and_the_head_hash_on_every_page() {
    let env = TestEnv::new();
    record(&env);
    // Enough rows for several pages, and one row taller than a page.
    for i in 0..60 {
        env.ok(&[
            "add",
            "phone",
            "--at",
            &format!("2026-10-0{} {:02}:{:02}", 5 + i / 24, i % 24, i % 60),
            "--from",
            "山田 課長",
            "--content",
            &format!("第{i}回目の着信。「連絡下さい」と留守電。"),
        ]);
    }
    let long = "長い本文です。".repeat(700);
    env.ok(&[
        "add",
        "letter",
        "--at",
        "2026-10-09 12:00",
        "--content",
        &long,
    ]);
    let out = env
        .cmd()
        .args(["export", "pdf", "-o", "r.pdf"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = env.path().join("r.pdf");

    let text = pdf_text(&pdf);
    let head = head_hash(&env);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 4, "{} pages", pages.len());
    // The timeline's title and header row repeat on each of its pages.
    let timeline: Vec<&&str> = pages.iter().filter(|p| p.contains("時系列表")).collect();
    assert!(timeline.len() >= 3, "{} timeline pages", timeline.len());
    for p in &timeline {
        assert!(p.contains("相手・連絡先") && p.contains("回数・時"), "{p}");
    }
    for (i, p) in pages.iter().enumerate() {
        assert!(p.contains(&head), "page {} lacks the head hash", i + 1);
        assert!(p.contains(&format!("{} / {} ページ", i + 1, pages.len())));
    }
    for must in [
        "証拠報告書",
        "時系列表",
        "テスト事件",
        "山田 課長",
        "連絡下さい",
        "Wrote: please stop contacting me",
        "【取消",
        "概要（統計）",
        "期間ごとの連絡回数",
        "主な相手",
        "拒否の意思表示",
        "【訂正",
        "（続き）",
        "異常なし",
    ] {
        assert!(text.contains(must), "missing {must:?}");
    }
    // Every entry number appears as a row number.
    let seqs = env.json(&["list", "--json"]);
    for item in seqs.as_array().unwrap() {
        let n = item["seq"].to_string();
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(&format!("{n} ")) || l.trim() == n),
            "entry {n} not found"
        );
    }

    need("pdffonts", "poppler-utils");
    let fonts = run_tool(Command::new("pdffonts").arg(&pdf));
    let font_line = fonts.lines().nth(2).unwrap_or_default().to_string();
    assert!(
        font_line.contains("yes yes"),
        "embedded and subset: {fonts}"
    );
    assert!(font_line.contains('+'), "subset prefix: {fonts}");

    need("qpdf", "qpdf");
    run_tool(Command::new("qpdf").arg("--check").arg(&pdf));
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size < 2_000_000, "{size} bytes");
}

#[test]
fn english_pdf_needs_no_system_font() {
    let env = TestEnv::empty();
    env.ok(&[
        "init",
        "--title",
        "Calls from my old office",
        "--tz",
        "Asia/Tokyo",
    ]);
    env.ok(&[
        "add",
        "phone",
        "--at",
        "2026-10-01 09:15",
        "--from",
        "Mr Smith",
        "--content",
        "Call me back",
    ]);
    env.ok(&["export", "pdf", "-o", "en.pdf", "--lang", "en"]);
    let pdf = env.path().join("en.pdf");
    let text = pdf_text(&pdf);
    assert!(text.contains("Evidence report") && text.contains("Call me back"));
    assert!(
        text.contains("Summary") && text.contains("Top senders"),
        "{text}"
    );
    let fonts = run_tool(Command::new("pdffonts").arg(&pdf));
    assert!(fonts.contains("Helvetica"), "{fonts}");
    need("pdfinfo", "poppler-utils");
    let info = run_tool(Command::new("pdfinfo").arg(&pdf));
    assert!(
        info.contains("Evidence report — Calls from my old office"),
        "{info}"
    );
    assert!(info.contains("Producer:        kiroku"), "{info}");
    assert!(info.contains("CreationDate:"), "{info}");
    // Japanese content in an English report needs a Japanese font: found
    // on the system here; a font without Japanese is refused.
    env.ok(&[
        "add",
        "sms",
        "--at",
        "2026-10-01 10:00",
        "--content",
        "連絡下さい",
    ]);
    env.ok(&["export", "pdf", "-o", "en2.pdf", "--lang", "en"]);
    assert!(pdf_text(&env.path().join("en2.pdf")).contains("連絡下さい"));
    let dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    assert!(
        Path::new(dejavu).exists(),
        "this test needs a font without Japanese: install fonts-dejavu-core"
    );
    let (_, err) = env.fails(
        &[
            "export", "pdf", "-o", "x.pdf", "--lang", "ja", "--font", dejavu,
        ],
        2,
    );
    // --lang is the interface language too: the error line is Japanese.
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("エラー: "), "{err}");
    assert!(err.contains("fonts-ipaexfont-gothic"), "{err}");
    std::fs::write(env.path().join("notafont.ttf"), "plain text").unwrap();
    let (_, err) = env.fails(
        &["export", "pdf", "-o", "x.pdf", "--font", "notafont.ttf"],
        2,
    );
    assert_one_error_line(&err);
    assert!(err.contains("is not a font"), "{err}");
    let (_, err) = env.fails(
        &["export", "pdf", "-o", "x.pdf", "--font", "missing.ttf"],
        4,
    );
    assert_one_error_line(&err);
    assert!(!env.path().join("x.pdf").exists());
    let (_, err) = env.fails(&["export", "pdf"], 2);
    assert!(err.contains("-o"), "{err}");
}

fn verifier() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/verify_kiroku.py")
}

/// Runs the independent Python verifier; returns (success, output).
fn python_verify(file: &Path) -> (bool, String) {
    need("python3", "python3");
    let out = Command::new("python3")
        .arg(verifier())
        .arg(file)
        .output()
        .unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn filtered_jsonl_verifies_with_the_python_verifier_and_stub_tampering_fails() {
    let env = TestEnv::new();
    record(&env);
    env.ok(&["export", "jsonl", "--channel", "email", "-o", "f.jsonl"]);
    let path = env.path().join("f.jsonl");
    let (ok, out) = python_verify(&path);
    assert!(ok, "{out}");
    let text = std::fs::read_to_string(&path).unwrap();
    // Change one hex digit of a stub's hash.
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let i = lines
        .iter()
        .position(|l| l.contains("\"stub\":true"))
        .unwrap();
    let mut stub: Value = serde_json::from_str(&lines[i]).unwrap();
    let h = stub["hash"].as_str().unwrap().to_string();
    let flipped = format!("{}{}", if h.starts_with('0') { '1' } else { '0' }, &h[1..]);
    stub["hash"] = Value::String(flipped);
    lines[i] = serde_json::to_string(&stub).unwrap();
    let bad = env.path().join("bad.jsonl");
    std::fs::write(&bad, lines.join("\n") + "\n").unwrap();
    let (ok, out) = python_verify(&bad);
    assert!(!ok, "a tampered stub must fail: {out}");
}

#[test]
fn bundle_unzips_and_its_checksums_pass() {
    let env = TestEnv::new();
    record(&env);
    std::fs::write(env.path().join("留守電 1001.m4a"), b"fake audio").unwrap();
    std::fs::write(env.path().join("shot.png"), b"\x89PNG fake").unwrap();
    env.ok(&["attach", "1", "留守電 1001.m4a"]);
    env.ok(&["attach", "10", "shot.png"]);
    env.ok(&["export", "bundle", "-o", "case.zip"]);
    need("python3", "python3");
    let dir = env.path().join("unpacked");
    run_tool(
        Command::new("python3")
            .args(["-m", "zipfile", "-e"])
            .arg(env.path().join("case.zip"))
            .arg(&dir),
    );
    for f in [
        "README.txt",
        "report.pdf",
        "timeline.csv",
        "record.jsonl",
        "receipt.txt",
        "verify_kiroku.py",
        "SHA256SUMS",
        "evidence/甲1_留守電 1001.m4a",
        "evidence/甲2_shot.png",
        "workbook.xlsx",
    ] {
        assert!(dir.join(f).is_file(), "{f} missing");
    }
    assert_eq!(
        std::fs::read(dir.join("evidence/甲1_留守電 1001.m4a")).unwrap(),
        b"fake audio"
    );
    need("sha256sum", "coreutils");
    let out = run_tool(
        Command::new("sha256sum")
            .args(["-c", "SHA256SUMS"])
            .current_dir(&dir),
    );
    assert_eq!(
        out.lines().filter(|l| l.ends_with(": OK")).count(),
        9,
        "{out}"
    );
    let receipt = std::fs::read_to_string(dir.join("receipt.txt")).unwrap();
    assert!(receipt.contains(&head_hash(&env)));
    let jsonl = std::fs::read_to_string(dir.join("record.jsonl")).unwrap();
    assert_eq!(jsonl, env.ok(&["export", "jsonl"]));
    let (ok, out) = python_verify(&dir.join("record.jsonl"));
    assert!(ok, "{out}");
    let readme = std::fs::read_to_string(dir.join("README.txt")).unwrap();
    assert!(readme.contains("sha256sum -c SHA256SUMS") && readme.contains("確かめ方"));
    // The CSV names the files with their numbers and hashes.
    let csv_text = std::fs::read_to_string(dir.join("timeline.csv")).unwrap();
    assert!(csv_text.contains("[1] 留守電 1001.m4a"));
    assert!(
        csv_text.contains("証拠ファイル追加（第14番）"),
        "{csv_text}"
    );
    assert!(csv_text
        .contains(&run_tool(Command::new("sha256sum").arg(env.path().join("shot.png")))[..64]));
    // The report has the evidence index.
    let text = pdf_text(&dir.join("report.pdf"));
    assert!(
        text.contains("証拠一覧") && text.contains("留守電 1001.m4a"),
        "{text}"
    );
    assert!(text.contains("[2]"));
}

#[test]
fn the_default_language_follows_the_locale_or_the_case_title() {
    let env = TestEnv::empty();
    env.ok(&["init", "--title", "Calls from my old office"]);
    env.ok(&[
        "add",
        "phone",
        "--at",
        "2026-10-01 09:15",
        "--from",
        "Smith",
    ]);
    let en = env.ok(&["export", "csv", "--no-bom"]);
    assert!(en.starts_with("number,"), "{en}");
    let out = env
        .cmd()
        .env("LANG", "ja_JP.UTF-8")
        .args(["export", "csv", "--no-bom"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("通し番号,"));
    // LC_ALL wins over LANG.
    let out = env
        .cmd()
        .env("LANG", "ja_JP.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .args(["export", "csv", "--no-bom"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("number,"));
}

#[test]
fn a_bundle_without_a_usable_font_says_why_the_report_is_missing() {
    let dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    need("python3", "python3");
    assert!(
        Path::new(dejavu).exists(),
        "this test needs a font without Japanese: install fonts-dejavu-core"
    );
    let env = TestEnv::new();
    record(&env);
    let out = env
        .cmd()
        .args(["export", "bundle", "-o", "case.zip", "--font", dejavu])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the bundle has no PDF report"), "{err}");
    let dir = env.path().join("unpacked");
    run_tool(
        Command::new("python3")
            .args(["-m", "zipfile", "-e"])
            .arg(env.path().join("case.zip"))
            .arg(&dir),
    );
    assert!(!dir.join("report.pdf").exists());
    let why = std::fs::read_to_string(dir.join("report-missing.txt")).unwrap();
    assert!(why.contains("fonts-ipaexfont-gothic"), "{why}");
    let readme = std::fs::read_to_string(dir.join("README.txt")).unwrap();
    assert!(readme.contains("report-missing.txt"));
    run_tool(
        Command::new("sha256sum")
            .args(["-c", "SHA256SUMS"])
            .current_dir(&dir),
    );
}

#[test]
fn a_font_collection_is_embedded_as_its_japanese_face_subset() {
    // Noto Sans CJK: a collection (.ttc) of CFF-outline faces, of which
    // the Japanese one must be chosen.
    let ttc = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    assert!(
        Path::new(ttc).exists(),
        "this test needs a .ttc font collection: install fonts-noto-cjk"
    );
    let env = TestEnv::new();
    record(&env);
    env.ok(&["export", "pdf", "-o", "c.pdf", "--font", ttc]);
    let pdf = env.path().join("c.pdf");
    let text = pdf_text(&pdf);
    assert!(text.contains("番号変わりました。連絡下さい。"), "{text}");
    need("pdffonts", "poppler-utils");
    let fonts = run_tool(Command::new("pdffonts").arg(&pdf));
    let line = fonts.lines().nth(2).unwrap_or_default();
    assert!(
        line.contains("NotoSansCJKjp") && line.contains("yes yes"),
        "{fonts}"
    );
    need("qpdf", "qpdf");
    run_tool(Command::new("qpdf").arg("--check").arg(&pdf));
}

/// Runs `export pdf` and returns its peak memory (max RSS) in KB, read
/// with `wait4` for exactly this child.
fn report_peak_kb(env: &TestEnv, out: &str) -> i64 {
    let mut child = env
        .std_cmd()
        .args(["export", "pdf", "-o", out])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: a zeroed rusage is valid; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4 failed");
    // Already reaped by wait4: this only tells the standard library so.
    let _ = child.wait();
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "export pdf failed: {status}"
    );
    usage.ru_maxrss
}

/// A CSV of `n` contacts in Japanese, for `import csv`.
fn contacts_csv(n: usize) -> String {
    let texts = [
        "連絡下さい。",
        "番号変わりました。連絡下さい。",
        "至急、折り返しお願いします。「例の件」で確認したいことがあります。",
        "お疲れ様です。引き継ぎの資料の場所を教えてください。明日の朝までに返事を下さい。",
    ];
    let mut s = String::from("at,channel,from,address,content\n");
    for i in 0..n {
        let day = i / 200;
        s.push_str(&format!(
            "2026-{:02}-{:02} {:02}:{:02},{},山田 課長,090-1234-{:04},{}\n",
            1 + day / 28,
            1 + day % 28,
            (i / 9) % 24,
            (i * 7) % 60,
            ["phone", "sms", "email", "line"][i % 4],
            i,
            texts[i % 4]
        ));
    }
    s
}

#[test]
fn the_report_s_memory_does_not_grow_with_the_case() {
    // The report was laid out whole in memory, about 20 KB per entry: 3,000
    // more entries cost about 55 MB more. Written page by page, its peak
    // memory is the same for 200 entries and for 3,200.
    let env = TestEnv::new();
    std::fs::write(env.path().join("a.csv"), contacts_csv(200)).unwrap();
    env.ok(&["import", "csv", "a.csv"]);
    let small = report_peak_kb(&env, "small.pdf");
    let csv = contacts_csv(3200);
    let rest: Vec<&str> = csv.lines().skip(201).collect();
    std::fs::write(
        env.path().join("b.csv"),
        format!("at,channel,from,address,content\n{}\n", rest.join("\n")),
    )
    .unwrap();
    env.ok(&["import", "csv", "b.csv"]);
    let big = report_peak_kb(&env, "big.pdf");
    let pages = |f: &str| {
        pdf_text(&env.path().join(f))
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .count()
    };
    assert!(
        pages("big.pdf") > 10 * pages("small.pdf") / 2,
        "a big report"
    );
    assert!(
        big - small < 12 * 1024,
        "peak memory grew from {small} KB to {big} KB"
    );
    assert!(big < 150 * 1024, "peak memory {big} KB");
}
