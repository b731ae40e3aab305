//! The independent verifier, `docs/verify_kiroku.py`, run by Python on real
//! exports: an intact export passes; tampered copies fail with exit 1 and
//! name the right entry; hash-only stubs pass while their links hold.
//! Python 3 is required: without it these tests fail, they never skip.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use common::TestEnv;

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/verify_kiroku.py")
}

fn python() -> Command {
    python_at(&script())
}

/// Python 3 running the given script (fails the test if there is no Python).
fn python_at(script: &Path) -> Command {
    static PRESENT: OnceLock<()> = OnceLock::new();
    PRESENT.get_or_init(|| {
        let probe = Command::new("python3").arg("--version").output();
        if !probe.is_ok_and(|out| out.status.success()) {
            panic!(
                "python3 is needed to test the independent verifier (docs/verify_kiroku.py) \
                 but could not be run; install Python 3 (e.g. `apt-get install python3`)"
            );
        }
    });
    let mut c = Command::new("python3");
    c.arg(script).env("PYTHONIOENCODING", "utf-8");
    c
}

/// Runs the script on an export given as text; returns exit code and output.
fn verify_text(env: &TestEnv, name: &str, export: &str, args: &[&str]) -> (i32, String) {
    let path = env.path().join(name);
    std::fs::write(&path, export).unwrap();
    let out = python().arg(&path).args(args).output().unwrap();
    result(out)
}

fn result(out: Output) -> (i32, String) {
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.contains("Traceback"),
        "the script crashed: {stderr}"
    );
    (out.status.code().unwrap(), stdout + &stderr)
}

fn assert_intact(env: &TestEnv, name: &str, export: &str, args: &[&str]) -> String {
    let (code, out) = verify_text(env, name, export, args);
    assert_eq!(code, 0, "{name} should verify:\n{out}");
    assert!(out.starts_with("OK: "), "{out}");
    out
}

/// The script must exit 1 and name `seq` as the first failing entry.
fn assert_fails_at(env: &TestEnv, name: &str, export: &str, args: &[&str], seq: u64) -> String {
    let (code, out) = verify_text(env, name, export, args);
    assert_eq!(code, 1, "{name} should fail:\n{out}");
    let named = out
        .strip_prefix(&format!("NOT INTACT: entry {seq}"))
        .is_some_and(|rest| rest.starts_with([' ', ':']));
    assert!(
        named,
        "{name}: expected entry {seq} to be named first, got:\n{out}"
    );
    out
}

fn join(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// Recomputes the hashes of lines `from..to` (0-based) as a forger would,
/// each linking to the (new) hash of the line before it.
fn rehash(lines: &mut [String], from: usize, to: usize) {
    for i in from..to {
        let line = &lines[i];
        let cut = line.rfind(",\"hash\":\"").unwrap();
        let mut body = format!("{}}}", &line[..cut]);
        if i > from {
            let prev = &lines[i - 1];
            let prev_hash = &prev[prev.len() - 66..prev.len() - 2];
            let start = body.find("\"prev_hash\":\"").unwrap() + 13;
            body.replace_range(start..start + 64, prev_hash);
        }
        let hash = kiroku::chain::entry_hash(&body);
        lines[i] = format!("{},\"hash\":\"{hash}\"}}", &body[..body.len() - 1]);
    }
}

/// A case of seven entries, its export, and a receipt made after entry 5.
fn recorded_case() -> (TestEnv, Vec<String>, String) {
    let env = TestEnv::new();
    env.ok(&[
        "add",
        "phone",
        "--from",
        "山田 課長",
        "--address",
        "090-1234-5678",
        "--at",
        "2025-11-20 14:32",
        "--outcome",
        "missed",
    ]);
    // Several lines, a tab, quotes, a control character, and characters a
    // careless line splitter would break at (U+0085, U+2028).
    env.ok(&[
        "add",
        "line",
        "--from",
        "佐藤",
        "--at",
        "2025-11-20 21:05",
        "--content",
        "「至急連絡下さい」\n\"本日中\"\tに返信を。\u{1}\nNEL\u{85}LS\u{2028}end",
    ]);
    env.ok(&[
        "add",
        "email",
        "--org",
        "株式会社サンプル",
        "--subject",
        "【重要】貸与品の返却について",
        "--content",
        "お世話になっております。\r\n至急ご連絡ください。\r\n",
        "--at",
        "2025-11-21 09:15",
    ]);
    env.ok(&[
        "action",
        "refused",
        "--content",
        "今後の連絡はお控えください。",
    ]);
    env.ok(&[
        "amend",
        "1",
        "--reason",
        "番号の読み違い",
        "--address",
        "090-1234-5679",
        "--count",
        "2",
    ]);
    let receipt = env.ok(&["receipt"]).trim().to_string();
    assert!(receipt.contains("entries=5 "), "{receipt}");
    env.ok(&["void", "3", "--reason", "重複して記録した"]);
    env.ok(&["note", "今日は着信なし"]);
    let export = env.ok(&["export", "jsonl"]);
    assert!(export.ends_with('\n'));
    let lines: Vec<String> = export.split_terminator('\n').map(String::from).collect();
    assert_eq!(lines.len(), 7, "{export}");
    (env, lines, receipt)
}

#[test]
fn a_real_export_verifies_and_every_tampering_is_named() {
    let (env, lines, receipt) = recorded_case();
    let out = assert_intact(&env, "intact.jsonl", &join(&lines), &[]);
    assert!(
        out.contains("1 to 7 (7 verified in full, 0 as hash-only stubs)"),
        "{out}"
    );
    let out = assert_intact(
        &env,
        "intact.jsonl",
        &join(&lines),
        &["--receipt", &receipt],
    );
    assert!(
        out.contains("entries 1 to 5 are unchanged since the receipt"),
        "{out}"
    );

    // The same from standard input, with the receipt in a file.
    let receipt_file = env.path().join("receipt.txt");
    std::fs::write(&receipt_file, format!("Subject: kiroku\n\n> {receipt}\n")).unwrap();
    let mut child = python()
        .arg("-")
        .arg("--receipt")
        .arg(&receipt_file)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(join(&lines).as_bytes())
        .unwrap();
    let (code, out) = result(child.wait_with_output().unwrap());
    assert_eq!(code, 0, "{out}");

    // One character of entry 2's content changed.
    let mut t = lines.clone();
    assert!(t[1].contains("本日中"));
    t[1] = t[1].replacen("本日中", "明日中", 1);
    let out = assert_fails_at(&env, "changed.jsonl", &join(&t), &[], 2);
    assert!(out.contains("changed after it was recorded"), "{out}");

    // Entry 4 deleted.
    let mut t = lines.clone();
    t.remove(3);
    let out = assert_fails_at(&env, "deleted.jsonl", &join(&t), &[], 4);
    assert!(out.contains("missing"), "{out}");

    // Entries 3 and 4 swapped.
    let mut t = lines.clone();
    t.swap(2, 3);
    assert_fails_at(&env, "swapped.jsonl", &join(&t), &[], 3);

    // Entry 5's hash changed (one hex digit).
    let mut t = lines.clone();
    let at = t[4].find("\"hash\":\"").unwrap() + 8;
    let digit = if &t[4][at..at + 1] == "0" { "1" } else { "0" };
    t[4].replace_range(at..at + 1, digit);
    let out = assert_fails_at(&env, "rehashed.jsonl", &join(&t), &[], 5);
    assert!(out.contains("do not match its hash"), "{out}");

    // Entry 2 changed and its hash recomputed: entry 3 no longer links to it.
    let mut t = lines.clone();
    t[1] = t[1].replacen("本日中", "明日中", 1);
    rehash(&mut t, 1, 2);
    let out = assert_fails_at(&env, "relinked.jsonl", &join(&t), &[], 3);
    assert!(out.contains("does not link to entry 2"), "{out}");

    // The whole chain rebuilt from entry 2 on: consistent, but not the
    // chain the receipt was made for.
    let n = t.len();
    rehash(&mut t, 1, n);
    assert_intact(&env, "rebuilt.jsonl", &join(&t), &[]);
    let out = assert_fails_at(
        &env,
        "rebuilt.jsonl",
        &join(&t),
        &["--receipt", &receipt],
        5,
    );
    assert!(out.contains("does not match the receipt"), "{out}");

    // Cut after entry 4: consistent alone, caught by the earlier receipt.
    let t = &lines[..4];
    assert_intact(&env, "cut.jsonl", &join(t), &[]);
    let out = assert_fails_at(&env, "cut.jsonl", &join(t), &["--receipt", &receipt], 5);
    assert!(out.contains("cut short"), "{out}");

    // A receipt of another state of the record: caught at its entry.
    let forged = receipt.replace("entries=5 ", "entries=4 ");
    assert_fails_at(
        &env,
        "intact.jsonl",
        &join(&lines),
        &["--receipt", &forged],
        4,
    );
}

#[test]
fn hash_only_stubs_link_in() {
    let (env, lines, receipt) = recorded_case();
    let stub_of = |line: &str, extra: bool| {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let mut stub = serde_json::json!({
            "seq": v["seq"], "prev_hash": v["prev_hash"], "hash": v["hash"],
        });
        if extra {
            stub["case_id"] = v["case_id"].clone();
            stub["stub"] = serde_json::Value::Bool(true);
        }
        stub.to_string()
    };

    // Entry 2 (the private message) as a bare stub.
    let mut t = lines.clone();
    t[1] = stub_of(&lines[1], false);
    let out = assert_intact(&env, "stub.jsonl", &join(&t), &["--receipt", &receipt]);
    assert!(
        out.contains("(6 verified in full, 1 as hash-only stubs)"),
        "{out}"
    );
    assert!(
        out.contains("entries 3 to 5 are unchanged since the receipt"),
        "{out}"
    );

    // The stub's hash changed: the next entry no longer links to it.
    let mut bad = t.clone();
    let mut v: serde_json::Value = serde_json::from_str(&t[1]).unwrap();
    let h = v["hash"].as_str().unwrap().to_string();
    let flipped = if h.starts_with('0') { "1" } else { "0" }.to_string() + &h[1..];
    v["hash"] = serde_json::Value::String(flipped);
    bad[1] = v.to_string();
    let out = assert_fails_at(&env, "stub-bad.jsonl", &join(&bad), &[], 3);
    assert!(out.contains("entry 2 is a hash-only stub"), "{out}");

    // The first line as a stub must name the case; then it verifies.
    let mut t = lines.clone();
    t[0] = stub_of(&lines[0], false);
    assert_fails_at(&env, "stub-first.jsonl", &join(&t), &[], 1);
    t[0] = stub_of(&lines[0], true);
    let out = assert_intact(&env, "stub-first.jsonl", &join(&t), &[]);
    assert!(
        out.contains("(6 verified in full, 1 as hash-only stubs)"),
        "{out}"
    );
}

/// The examples of docs/chain-format.md verify with the script too.
#[test]
fn the_documented_vectors_verify() {
    let env = TestEnv::empty();
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/chain-format.md"))
            .unwrap();
    let block = |name: &str| -> String {
        let start = doc
            .find(&format!("kiroku-vector {name}\n"))
            .unwrap_or_else(|| panic!("no `kiroku-vector {name}` block"));
        let body = &doc[start..];
        let body = &body[body.find('\n').unwrap() + 1..];
        body[..body.find("```").unwrap()].to_string()
    };
    let export = block("export");
    let out = assert_intact(&env, "doc.jsonl", &export, &[]);
    assert!(
        out.contains("(7 verified in full, 0 as hash-only stubs)"),
        "{out}"
    );
    let receipt_lines = block("receipts");
    let first = receipt_lines.lines().next().unwrap().to_string();
    assert_intact(&env, "doc.jsonl", &export, &["--receipt", &receipt_lines]);
    let cut: String = export.lines().take(4).map(|l| format!("{l}\n")).collect();
    assert_intact(&env, "doc-cut.jsonl", &cut, &[]);
    assert_fails_at(&env, "doc-cut.jsonl", &cut, &["--receipt", &first], 5);
    let out = assert_intact(
        &env,
        "doc-stub.jsonl",
        &block("export-with-stub"),
        &["--receipt", &first],
    );
    assert!(
        out.contains("(6 verified in full, 1 as hash-only stubs)"),
        "{out}"
    );

    // The short sketch in section 9 works as printed.
    let sketch = env.path().join("sketch.py");
    std::fs::write(&sketch, block("sketch")).unwrap();
    let run = |name: &str, text: &str| {
        let path = env.path().join(name);
        std::fs::write(&path, text).unwrap();
        python_at(&sketch).arg(&path).output().unwrap()
    };
    let out = run("sketch.jsonl", &export);
    assert!(out.status.success(), "{out:?}");
    let head = &export[export.len() - 67..export.len() - 3];
    let printed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        printed.trim(),
        format!("intact: entries 1 to 7, head {head}")
    );
    let changed = export.replacen("本日中", "明日中", 1);
    let out = run("sketch-changed.jsonl", &changed);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("entry 2 was changed"));
}

#[test]
fn unreadable_input_and_bad_usage_exit_2() {
    let env = TestEnv::empty();
    let missing = env.path().join("no-such.jsonl");
    let (code, out) = result(python().arg(&missing).output().unwrap());
    assert_eq!(code, 2, "{out}");
    let (code, out) = result(python().output().unwrap());
    assert_eq!(code, 2, "{out}");
    let (code, out) = verify_text(
        &env,
        "empty.jsonl",
        "",
        &["--receipt", "kiroku-receipt/1 case=x"],
    );
    assert_eq!(code, 2, "a damaged receipt: {out}");
}

/// A block of docs/chain-format.md marked `kiroku-vector NAME`.
fn doc_block(name: &str) -> String {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/chain-format.md"))
            .unwrap();
    let start = doc
        .find(&format!("kiroku-vector {name}\n"))
        .unwrap_or_else(|| panic!("no `kiroku-vector {name}` block"));
    let body = &doc[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    body[..body.find("```").unwrap()].to_string()
}

/// The export line of a body given as a JSON value (serde_json sorts keys).
fn line_of(body: serde_json::Value) -> String {
    let text = body.to_string();
    let hash = kiroku::chain::entry_hash(&text);
    format!("{},\"hash\":\"{hash}\"}}", &text[..text.len() - 1])
}

fn hash_of(line: &str) -> String {
    line[line.len() - 66..line.len() - 2].to_string()
}

/// The seven documented entries, then a note, an attach entry and an
/// anchor (a timestamp of entries 1 to 5): every kind of entry.
fn every_kind() -> (Vec<String>, String) {
    let mut lines: Vec<String> = doc_block("export").lines().map(String::from).collect();
    let receipt5 = doc_block("receipts").lines().next().unwrap().to_string();
    let case = "0b5f7a52-3c1e-4d8e-9a57-2f1c6e0d9b21";
    let note = serde_json::json!({
        "case_id": case, "content": "今日は着信なし", "kind": "note",
        "occurred_at": "2026-11-22T10:06:00+09:00", "prev_hash": hash_of(&lines[6]),
        "recorded_at": "2026-11-22T01:06:00.000Z", "seq": 8, "v": 1,
    });
    lines.push(line_of(note));
    let attach = serde_json::json!({
        "case_id": case, "kind": "attach", "prev_hash": hash_of(&lines[7]),
        "evidence": [{"media_type": "audio/mp4", "name": "留守電.m4a",
                      "sha256": kiroku::chain::sha256_hex(b"voice"), "size": 5}],
        "recorded_at": "2026-11-22T01:07:00.000Z", "seq": 9, "target": 1, "v": 1,
    });
    lines.push(line_of(attach));
    let anchor = serde_json::json!({
        "anchor": {
            "covers_hash": hash_of(&lines[4]), "covers_seq": 5,
            "gen_time": "2026-11-21T10:00:05Z",
            "imprint": kiroku::chain::sha256_hex(format!("{receipt5}\n").as_bytes()),
            "serial": "1f", "tsa": "CN=Example TSA",
            "tsq_sha256": kiroku::chain::sha256_hex(b"tsq"),
            "tsr_sha256": kiroku::chain::sha256_hex(b"tsr"),
        },
        "case_id": case, "kind": "anchor", "prev_hash": hash_of(&lines[8]),
        "recorded_at": "2026-11-22T01:08:00.000Z", "seq": 10, "v": 1,
    });
    lines.push(line_of(anchor));
    // The one place a body may hold true or false: exhibit.original.
    let exhibit = serde_json::json!({
        "case_id": case, "kind": "exhibit", "prev_hash": hash_of(&lines[9]),
        "exhibit": {"file": kiroku::chain::sha256_hex(b"voice"), "original": false,
                    "title": "留守番電話の録音"},
        "recorded_at": "2026-11-22T01:09:00.000Z", "seq": 11, "v": 1,
    });
    lines.push(line_of(exhibit));
    (lines, receipt5)
}

/// The shipped script and the section 9 sketch, run the same way.
#[derive(Clone, Copy, Debug)]
enum Checker {
    Script,
    Sketch,
}

fn check(
    env: &TestEnv,
    who: Checker,
    name: &str,
    export: &str,
    receipts: &[&str],
) -> (i32, String) {
    let path = env.path().join(name);
    std::fs::write(&path, export).unwrap();
    let mut cmd = match who {
        Checker::Script => python(),
        Checker::Sketch => {
            let sketch = env.path().join("sketch.py");
            std::fs::write(&sketch, doc_block("sketch")).unwrap();
            python_at(&sketch)
        }
    };
    cmd.arg(&path);
    for r in receipts {
        match who {
            Checker::Script => cmd.arg("--receipt").arg(r),
            Checker::Sketch => cmd.arg(r),
        };
    }
    result(cmd.output().unwrap())
}

/// Both verifiers refuse each forgery, naming the entry; both accept every
/// honest form of the export.
#[test]
fn the_script_and_the_sketch_are_equally_strict() {
    let env = TestEnv::empty();
    let (lines, receipt5) = every_kind();
    let case = "0b5f7a52-3c1e-4d8e-9a57-2f1c6e0d9b21";
    let genesis = kiroku::chain::genesis(case);
    let empty_receipt = format!("kiroku-receipt/1 case={case} entries=0 head={genesis} at=x");
    let n = lines.len();

    // Each forgery: one line edited as text, then its hash and every later
    // hash recomputed and relinked, as a forger would.
    let forge_with = |idx: usize, edit: &dyn Fn(&str) -> String| {
        let mut t = lines.clone();
        let edited = edit(&t[idx]);
        assert_ne!(edited, t[idx], "the edit of line {idx} changed nothing");
        t[idx] = edited;
        rehash(&mut t, idx, n);
        join(&t)
    };
    let forge =
        |idx: usize, from: &str, to: &str| forge_with(idx, &|l: &str| l.replacen(from, to, 1));
    // The same values written another way, keeping the hash: only the
    // byte-exact comparison with the canonical form can notice.
    let reencode = |idx: usize, edit: &dyn Fn(&str) -> String| {
        let mut t = lines.clone();
        let edited = edit(&t[idx]);
        assert_ne!(edited, t[idx], "the edit of line {idx} changed nothing");
        t[idx] = edited;
        join(&t)
    };
    let stub = |line: &str, text: &str| -> String {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        format!(
            r#"{{"case_id":"{case}","hash":"{}","prev_hash":"{}","seq":{}{text}}}"#,
            v["hash"].as_str().unwrap(),
            v["prev_hash"].as_str().unwrap(),
            v["seq"]
        )
    };
    let with_stub = |idx: usize, text: &str| {
        let mut t = lines.clone();
        t[idx] = stub(&lines[idx], text);
        join(&t)
    };
    let flipped = {
        let mut t = lines.clone();
        let h = hash_of(&lines[1]);
        let other = if h.starts_with('0') { "1" } else { "0" }.to_string() + &h[1..];
        t[1] = stub(&lines[1], ",\"stub\":true").replace(&h, &other);
        join(&t)
    };
    let other_head = format!(
        "kiroku-receipt/1 case={case} entries=0 head={} at=x",
        hash_of(&lines[0])
    );
    let forgeries: Vec<(&str, String, Vec<&str>, u64)> = vec![
        (
            "duplicate-key",
            forge(
                2,
                "\"channel\":\"email\"",
                "\"channel\":\"sms\",\"channel\":\"email\"",
            ),
            vec![],
            3,
        ),
        (
            "duplicate-key-stub",
            with_stub(1, ",\"stub\":\"x\",\"stub\":true"),
            vec![],
            2,
        ),
        (
            "reordered",
            reencode(2, &|l: &str| {
                let moved = "\"address\":\"jinji@example.co.jp\",";
                l.replacen(moved, "", 1).replacen(
                    "\"v\":1,\"hash\"",
                    &format!("\"v\":1,{moved}\"hash\""),
                    1,
                )
            }),
            vec![],
            3,
        ),
        (
            "whitespace",
            reencode(2, &|l: &str| l.replacen("{\"address\"", "{ \"address\"", 1)),
            vec![],
            3,
        ),
        (
            "escape",
            reencode(2, &|l: &str| {
                l.replacen("\"kind\":\"contact\"", "\"kind\":\"\\u0063ontact\"", 1)
            }),
            vec![],
            3,
        ),
        (
            "float",
            forge(2, "\"count\":1,", "\"count\":1.0,"),
            vec![],
            3,
        ),
        (
            "null",
            forge(2, "\"count\":1,", "\"count\":null,"),
            vec![],
            3,
        ),
        (
            "boolean",
            forge(2, "\"count\":1,", "\"count\":true,"),
            vec![],
            3,
        ),
        (
            "boolean-outside-original",
            forge(10, "\"title\":\"留守番電話の録音\"", "\"title\":true"),
            vec![],
            11,
        ),
        (
            "version",
            forge(2, "\"v\":1,\"hash\"", "\"v\":2,\"hash\""),
            vec![],
            3,
        ),
        (
            "backwards",
            forge(
                3,
                "\"recorded_at\":\"2026-11-21T09:31:15.000Z\"",
                "\"recorded_at\":\"2026-11-20T09:31:15.000Z\"",
            ),
            vec![],
            4,
        ),
        (
            "rebuilt-with-old-anchor",
            forge(1, "本日中", "明日中"),
            vec![],
            10,
        ),
        ("stub-hash-changed", flipped, vec![], 3),
        (
            "empty-receipt-other-head",
            String::new(),
            vec![other_head.as_str()],
            0,
        ),
        (
            "receipt-0-other-head",
            join(&lines),
            vec![other_head.as_str()],
            0,
        ),
    ];
    for who in [Checker::Script, Checker::Sketch] {
        for (name, export, receipts, seq) in &forgeries {
            let (code, out) = check(&env, who, &format!("{name}.jsonl"), export, receipts);
            assert_eq!(code, 1, "{who:?} should refuse {name}:\n{out}");
            let named = out
                .strip_prefix(&format!("NOT INTACT: entry {seq}"))
                .is_some_and(|rest| rest.starts_with([' ', ':']));
            assert!(
                named,
                "{who:?}, {name}: expected entry {seq} named first:\n{out}"
            );
        }

        // Honest exports: every kind of entry, stubs (one the first line),
        // the anchor, CRLF line ends and blank lines, receipts for 0 and 5.
        let honest = join(&lines);
        let mut stubs = lines.clone();
        stubs[0] = stub(&lines[0], "");
        stubs[1] = stub(&lines[1], ",\"stub\":true");
        stubs[7] = stub(&lines[7], "");
        let crlf = format!("\r\n{}\r\n\r\n", lines.join("\r\n\n"));
        for (name, export) in [("honest", honest), ("stubs", join(&stubs)), ("crlf", crlf)] {
            let (code, out) = check(
                &env,
                who,
                &format!("{name}.jsonl"),
                &export,
                &[&receipt5, &empty_receipt],
            );
            assert_eq!(code, 0, "{who:?} should accept {name}:\n{out}");
        }
        let (code, out) = check(&env, who, "empty.jsonl", "", &[&empty_receipt]);
        assert_eq!(code, 0, "{who:?} should accept an empty export:\n{out}");
    }
}

/// A hidden entry's hash cannot be recomputed from the fields one could
/// guess: its salt is not in the stub. The filtered export still verifies.
#[test]
fn a_salted_stub_cannot_be_confirmed_by_guessing() {
    let env = TestEnv::new();
    env.ok(&[
        "add",
        "phone",
        "--address",
        "090-1234-5678",
        "--at",
        "2025-11-20 10:00",
        "--outcome",
        "missed",
    ]);
    env.ok(&[
        "add",
        "email",
        "--address",
        "jinji@example.co.jp",
        "--at",
        "2025-11-20 11:00",
    ]);
    let full: Vec<String> = env
        .ok(&["export", "jsonl"])
        .lines()
        .map(String::from)
        .collect();
    let filtered = env.ok(&["export", "jsonl", "--channel", "email"]);
    let stub: serde_json::Value = serde_json::from_str(filtered.lines().next().unwrap()).unwrap();
    assert_eq!(stub["stub"], true, "{filtered}");
    assert!(!filtered.lines().next().unwrap().contains("salt"));

    let mut salts = Vec::new();
    for line in &full {
        let mut body: serde_json::Value = serde_json::from_str(line).unwrap();
        body.as_object_mut().unwrap().remove("hash");
        let salt = body["salt"].as_str().unwrap().to_string();
        assert!(kiroku::chain::is_salt(&salt), "{salt}");
        salts.push(salt);
    }
    assert_ne!(salts[0], salts[1], "each entry has its own salt");

    // Every field of entry 1 guessed right: with its salt, the hash is the
    // stub's (so the guess is otherwise complete); without it, it is not.
    let mut guess: serde_json::Value = serde_json::from_str(&full[0]).unwrap();
    guess.as_object_mut().unwrap().remove("hash");
    assert_eq!(kiroku::chain::entry_hash(&guess.to_string()), stub["hash"]);
    guess.as_object_mut().unwrap().remove("salt");
    assert_ne!(kiroku::chain::entry_hash(&guess.to_string()), stub["hash"]);

    let out = assert_intact(&env, "filtered.jsonl", &filtered, &[]);
    assert!(
        out.contains("(1 verified in full, 1 as hash-only stubs)"),
        "{out}"
    );
    assert!(env.ok(&["verify"]).contains("2"));
}

/// A case file written before entries carried a salt verifies as before,
/// with kiroku and with the script, and new entries continue its chain.
#[test]
fn an_old_style_case_file_without_salts_still_verifies() {
    let (env, _, receipt) = recorded_case();
    env.rebuild_chain(|body, _| body.salt = None);
    let old = env.ok(&["export", "jsonl"]);
    assert!(!old.contains("\"salt\""), "{old}");
    env.ok(&["verify"]);
    assert_intact(&env, "old.jsonl", &old, &[]);
    // The receipt was made of the salted chain: rebuilt, it no longer holds.
    env.fails(&["verify", "--receipt", &receipt], 1);
    env.ok(&["note", "新しい記録"]);
    let export = env.ok(&["export", "jsonl"]);
    let last = export.lines().last().unwrap();
    assert!(last.contains("\"salt\":\""), "{last}");
    let out = assert_intact(&env, "mixed.jsonl", &export, &[]);
    assert!(
        out.contains("(8 verified in full, 0 as hash-only stubs)"),
        "{out}"
    );
    env.ok(&["verify"]);
}
