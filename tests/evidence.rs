//! Evidence files: attach, keep safe, verify, export.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{assert_one_error_line, TestEnv};
use kiroku::chain::sha256_hex;

/// A few kilobytes that start like a PNG image.
fn png_bytes() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    b.extend((0..5000u32).map(|i| (i * 7 % 256) as u8));
    b
}

/// Bytes that span several copy buffers, with every byte value.
fn big_bytes() -> Vec<u8> {
    (0..300_000u32)
        .map(|i| (i * 31 % 257 % 256) as u8)
        .collect()
}

fn write(env: &TestEnv, name: &str, data: &[u8]) -> PathBuf {
    let p = env.path().join(name);
    fs::write(&p, data).unwrap();
    p
}

fn store_root(env: &TestEnv) -> PathBuf {
    let mut s = env.db.as_os_str().to_owned();
    s.push(".evidence");
    PathBuf::from(s)
}

/// Every file in the evidence folder (hidden ones included).
fn stored_files(env: &TestEnv) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = fs::read_dir(dir) else { return };
        for e in rd {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&store_root(env), &mut out);
    out.sort();
    out
}

fn stored_path(env: &TestEnv, data: &[u8]) -> PathBuf {
    let sha = sha256_hex(data);
    store_root(env)
        .join("sha256")
        .join(&sha[..2])
        .join(&sha[2..])
}

fn entry_count(env: &TestEnv) -> i64 {
    env.sqlite()
        .query_row("SELECT COUNT(*) FROM entries", [], |r| r.get(0))
        .unwrap()
}

/// Makes a stored copy writable so a test can tamper with it.
fn make_writable(p: &Path) {
    let mut perm = fs::metadata(p).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perm.set_readonly(false);
    fs::set_permissions(p, perm).unwrap();
}

#[test]
fn attach_when_adding_and_later() {
    let env = TestEnv::new();
    let voice = b"voicemail: renraku kudasai".to_vec();
    write(&env, "留守電 11月20日.txt", &voice);
    let out = env.ok(&[
        "add",
        "voicemail",
        "--content",
        "連絡下さい",
        "--attach",
        "留守電 11月20日.txt",
    ]);
    assert!(out.contains("Recorded entry 1"), "{out}");
    assert!(
        out.contains("留守電 11月20日.txt (text/plain, 26 B)"),
        "{out}"
    );
    assert!(out.contains(&sha256_hex(&voice)), "{out}");

    // A screenshot named .txt is still recognised as an image.
    let png = png_bytes();
    write(&env, "スクリーンショット.txt", &png);
    env.ok(&[
        "attach",
        "1",
        "スクリーンショット.txt",
        "--note",
        "LINEの画面",
    ]);
    env.ok(&["note", "写真を撮った", "--attach", "スクリーンショット.txt"]);
    write(&env, "mail.eml", b"Subject: test\r\n\r\nhello\r\n");
    env.ok(&["action", "refused", "--attach", "mail.eml"]);

    // The original entry is unchanged; the view shows both files.
    let show = env.json(&["show", "1", "--json"]);
    assert_eq!(show["original"]["evidence"].as_array().unwrap().len(), 1);
    let files = show["entry"]["evidence"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["name"], "留守電 11月20日.txt");
    assert_eq!(files[0]["sha256"], sha256_hex(&voice));
    assert_eq!(files[0]["size"], 26);
    assert!(files[0]["modified_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(files[1]["media_type"], "image/png");
    assert_eq!(show["entry"]["attached_by"], serde_json::json!([2]));
    let table = env.ok(&["list"]);
    assert!(table.contains("連絡下さい [2 files]"), "{table}");
    let text = env.ok(&["show", "1"]);
    assert!(text.contains("スクリーンショット.txt (image/png"), "{text}");

    let list = env.json(&["evidence", "list", "--json"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 3);
    let numbers: Vec<_> = list.iter().map(|e| e["number"].as_u64().unwrap()).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(list[1]["refs"][0]["entry"], 1);
    assert_eq!(list[1]["refs"][0]["recorded_in"], 2);
    assert_eq!(list[1]["refs"][1]["entry"], 3);
    assert_eq!(list[2]["media_type"], "message/rfc822");
    let table = env.ok(&["evidence", "list"]);
    assert!(table.contains("留守電 11月20日.txt"), "{table}");
    assert!(table.contains(&sha256_hex(&png)), "{table}");

    assert_eq!(stored_files(&env).len(), 3);
    let out = env.ok(&["verify"]);
    assert!(out.contains("all 3 evidence files match"), "{out}");
    let report = env.json(&["verify", "--json"]);
    assert_eq!(report["files_checked"], 3);
}

#[cfg(unix)]
#[test]
fn stored_copies_are_private_and_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    write(&env, "a.txt", b"a");
    env.ok(&["add", "sms", "--attach", "a.txt"]);
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let file = stored_path(&env, b"a");
    assert_eq!(mode(&file), 0o400);
    assert_eq!(mode(file.parent().unwrap()), 0o700);
    assert_eq!(mode(&store_root(&env)), 0o700);
}

#[test]
fn the_same_file_is_stored_once() {
    let env = TestEnv::new();
    let png = png_bytes();
    write(&env, "photo.png", &png);
    write(&env, "photo-copy.png", &png);
    env.ok(&["add", "line", "--attach", "photo.png"]);
    env.ok(&["attach", "1", "photo.png", "photo-copy.png"]);
    assert_eq!(stored_files(&env), [stored_path(&env, &png)]);
    let list = env.json(&["evidence", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["refs"].as_array().unwrap().len(), 3);
    assert_eq!(list[0]["refs"][2]["name"], "photo-copy.png");
    env.ok(&["verify"]);
}

/// An environment with two files attached (entries 1 and 2).
fn two_files() -> (TestEnv, Vec<u8>, Vec<u8>) {
    let env = TestEnv::new();
    let a = b"first file".to_vec();
    let b = png_bytes();
    write(&env, "留守電.m4a", &a);
    write(&env, "screen.png", &b);
    env.ok(&["add", "voicemail", "--attach", "留守電.m4a"]);
    env.ok(&["add", "sms"]);
    env.ok(&["attach", "2", "screen.png"]);
    (env, a, b)
}

fn assert_not_intact(env: &TestEnv, code: &str, needles: &[&str]) {
    let (out, err) = env.fails(&["verify"], 1);
    assert_one_error_line(&err);
    for n in needles {
        assert!(out.contains(n), "{n} not in {out}");
    }
    let report =
        serde_json::from_slice::<serde_json::Value>(&env.run(&["verify", "--json"]).stdout)
            .unwrap();
    assert_eq!(report["intact"], false);
    assert_eq!(report["problems"][0]["problem"], code);
    // The quick check of the entries alone still passes.
    let out = env.ok(&["verify", "--no-files"]);
    assert!(out.contains("not checked"), "{out}");
}

#[test]
fn verify_catches_a_changed_byte() {
    let (env, _, b) = two_files();
    let p = stored_path(&env, &b);
    make_writable(&p);
    let mut data = fs::read(&p).unwrap();
    data[100] ^= 1;
    fs::write(&p, &data).unwrap();
    assert_not_intact(&env, "file_changed", &["screen.png", "entry 3", "altered"]);
}

#[test]
fn verify_catches_a_deleted_file() {
    let (env, a, _) = two_files();
    fs::remove_file(stored_path(&env, &a)).unwrap();
    assert_not_intact(&env, "file_missing", &["留守電.m4a", "entry 1", "missing"]);
}

#[test]
fn verify_catches_a_replaced_file() {
    let (env, a, b) = two_files();
    // Another file put in its place, under the same name.
    let p = stored_path(&env, &a);
    fs::remove_file(&p).unwrap();
    fs::write(&p, &b).unwrap();
    assert_not_intact(&env, "file_changed", &["留守電.m4a", "entry 1"]);
}

#[test]
fn export_restores_a_byte_identical_file() {
    let env = TestEnv::new();
    let data = big_bytes();
    write(&env, "録音 2026-11-20.m4a", &data);
    env.ok(&["add", "phone", "--attach", "録音 2026-11-20.m4a"]);
    fs::create_dir(env.path().join("for-lawyer")).unwrap();

    // Into a folder: the original name.
    let out = env.run(&["evidence", "export", "1", "-o", "for-lawyer"]);
    assert!(out.status.success(), "{out:?}");
    let restored = env.path().join("for-lawyer/録音 2026-11-20.m4a");
    assert_eq!(fs::read(&restored).unwrap(), data);
    let a = fs::metadata(env.path().join("録音 2026-11-20.m4a"))
        .unwrap()
        .modified()
        .unwrap();
    let b = fs::metadata(&restored).unwrap().modified().unwrap();
    let diff = a
        .duration_since(b)
        .or_else(|_| b.duration_since(a))
        .unwrap();
    assert!(diff.as_millis() < 1, "the file time is restored");

    // To a new path.
    env.ok(&["evidence", "export", "1", "-o", "甲第1号証.m4a"]);
    assert_eq!(fs::read(env.path().join("甲第1号証.m4a")).unwrap(), data);

    // Never over an existing file.
    fs::write(env.path().join("taken.m4a"), b"mine").unwrap();
    let (_, err) = env.fails(&["evidence", "export", "1", "-o", "taken.m4a"], 2);
    assert_one_error_line(&err);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(fs::read(env.path().join("taken.m4a")).unwrap(), b"mine");
    env.fails(&["evidence", "export", "1", "-o", "for-lawyer"], 2);

    // No such number.
    let (_, err) = env.fails(&["evidence", "export", "2"], 2);
    assert!(err.contains("no evidence file 2"), "{err}");

    // An altered stored copy is not handed out.
    let p = stored_path(&env, &data);
    make_writable(&p);
    fs::write(&p, b"forged").unwrap();
    let (_, err) = env.fails(&["evidence", "export", "1", "-o", "forged.m4a"], 3);
    assert_one_error_line(&err);
    assert!(err.contains("altered"), "{err}");
    assert!(!env.path().join("forged.m4a").exists());
    let leftovers = fs::read_dir(env.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("partial")
        })
        .count();
    assert_eq!(leftovers, 0);
}

/// Runs a failing attach and checks that nothing was recorded or stored.
fn fails_cleanly(env: &TestEnv, args: &[&std::ffi::OsStr], code: i32) -> String {
    let entries = entry_count(env);
    let files = stored_files(env);
    let out = env.cmd().args(args).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    assert_one_error_line(&err);
    assert_eq!(entry_count(env), entries, "no entry for {args:?}");
    assert_eq!(stored_files(env), files, "no stored file for {args:?}");
    err
}

fn os(args: &[&str]) -> Vec<std::ffi::OsString> {
    args.iter().map(|a| a.into()).collect()
}

fn fails_with(env: &TestEnv, args: &[&str], code: i32) -> String {
    let v = os(args);
    let refs: Vec<&std::ffi::OsStr> = v.iter().map(|a| a.as_os_str()).collect();
    fails_cleanly(env, &refs, code)
}

#[test]
fn bad_files_leave_no_entry_and_no_stored_file() {
    let env = TestEnv::new();
    write(&env, "kept.txt", b"kept before");
    env.ok(&["add", "phone", "--attach", "kept.txt"]);
    write(&env, "good.txt", b"good");
    write(&env, "kept-again.txt", b"kept before");

    let err = fails_with(&env, &["attach", "1", "nonexistent.m4a"], 4);
    assert!(err.contains("nonexistent.m4a: no such file"), "{err}");
    assert!(err.contains("nothing was recorded"), "{err}");
    fails_with(&env, &["add", "sms", "--attach", "nonexistent.m4a"], 4);

    fs::create_dir(env.path().join("photos")).unwrap();
    let err = fails_with(&env, &["attach", "1", "photos"], 2);
    assert!(err.contains("photos is a folder"), "{err}");

    // A file that fails part-way: good.txt is stored first, then removed;
    // the copy that was already there before this command stays.
    fails_with(
        &env,
        &[
            "attach",
            "1",
            "good.txt",
            "kept-again.txt",
            "nonexistent.m4a",
        ],
        4,
    );
    assert!(stored_path(&env, b"kept before").exists());
    assert!(!stored_path(&env, b"good").exists());

    // A path through a file cannot be read (even by root).
    let err = fails_with(&env, &["attach", "1", "good.txt/inner"], 4);
    assert!(err.contains("good.txt/inner"), "{err}");

    // No such entry, or one that cannot take files: nothing is copied.
    let err = fails_with(&env, &["attach", "9", "good.txt"], 2);
    assert!(err.contains("there is no entry 9"), "{err}");
    env.ok(&["attach", "1", "good.txt"]);
    let err = fails_with(&env, &["attach", "2", "kept.txt"], 2);
    assert!(err.contains("entry 2 is an attach entry"), "{err}");
    env.ok(&["void", "1", "--reason", "wrong number"]);
    let err = fails_with(&env, &["attach", "1", "kept.txt"], 2);
    assert!(err.contains("withdrawn"), "{err}");
    let list = env.ok(&["evidence", "list"]);
    assert!(list.contains("[VOID]"), "{list}");
    env.ok(&["verify"]);
}

#[cfg(unix)]
#[test]
fn pipes_and_unreadable_files_are_refused() {
    let env = TestEnv::new();
    env.ok(&["add", "phone"]);
    // Reading a FIFO would wait forever: refused before it is opened.
    let fifo = env.path().join("pipe");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let err = fails_with(&env, &["attach", "1", "pipe"], 2);
    assert!(err.contains("not a regular file"), "{err}");
    // Tests run as root, who may read files with mode 000, so the
    // unreadable file is one that fails on read for everyone: the start
    // of a process's own memory (Linux). The copy function's handling of a
    // read error is also unit-tested with an injected failing reader.
    if cfg!(target_os = "linux") {
        let err = fails_with(&env, &["attach", "1", "/proc/self/mem"], 4);
        assert!(err.contains("/proc/self/mem"), "{err}");
        assert!(err.contains("nothing was recorded"), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn non_utf8_file_names_are_kept_exactly() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let env = TestEnv::new();
    // "写真" in Shift_JIS, as a file copied from an old Windows PC.
    let raw = OsStr::from_bytes(b"\x8e\xca\x90\x5e.jpg");
    fs::write(env.path().join(raw), b"\xff\xd8\xff\xe0 jpeg").unwrap();
    let out = env
        .cmd()
        .args([
            OsStr::new("add"),
            OsStr::new("email"),
            OsStr::new("--attach"),
            raw,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let list = env.json(&["evidence", "list", "--json"]);
    assert_eq!(list[0]["name_hex"], "8eca905e2e6a7067");
    assert!(list[0]["name"].as_str().unwrap().contains('\u{FFFD}'));
    assert_eq!(list[0]["media_type"], "image/jpeg");
    fs::create_dir(env.path().join("out")).unwrap();
    env.ok(&["evidence", "export", "1", "-o", "out"]);
    let restored = env.path().join("out").join(raw);
    assert_eq!(fs::read(restored).unwrap(), b"\xff\xd8\xff\xe0 jpeg");
    env.ok(&["verify"]);

    // A failure with such a name is still one clean line.
    let missing = OsStr::from_bytes(b"\x8e\xca.png");
    let err = fails_cleanly(&env, &[OsStr::new("attach"), OsStr::new("1"), missing], 4);
    assert!(err.contains('\u{FFFD}'), "{err}");
}

#[test]
fn a_withdrawn_attachment_keeps_its_number_but_leaves_the_entry() {
    let env = TestEnv::new();
    write(&env, "wrong.png", &png_bytes());
    write(&env, "right.txt", b"right");
    env.ok(&["add", "phone"]);
    env.ok(&["attach", "1", "wrong.png"]);
    env.ok(&["void", "2", "--reason", "wrong screenshot"]);
    env.ok(&["attach", "1", "right.txt"]);

    let show = env.json(&["show", "1", "--json"]);
    let files = show["entry"]["evidence"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["name"], "right.txt");
    assert_eq!(show["entry"]["attached_by"], serde_json::json!([4]));

    let list = env.json(&["evidence", "list", "--json"]);
    assert_eq!(list[0]["name"], "wrong.png");
    assert_eq!(list[0]["refs"][0]["withdrawn"], true);
    assert_eq!(list[1]["number"], 2);
    assert_eq!(list[1]["refs"][0]["withdrawn"], false);
    let table = env.ok(&["evidence", "list"]);
    assert!(table.contains("1 [VOID]"), "{table}");
    // The withdrawn file is still kept and checked.
    assert_eq!(env.json(&["verify", "--json"])["files_checked"], 2);
}

#[test]
fn a_case_file_of_schema_1_is_upgraded_by_a_writing_command() {
    let env = TestEnv::new();
    env.ok(&["add", "phone"]);
    let version = |env: &TestEnv| -> i64 {
        env.sqlite()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    };
    let current = kiroku::store::migrations::current_version();
    assert_eq!(version(&env), current);
    env.sqlite()
        .execute_batch(
            "DROP INDEX entries_by_kind; DROP INDEX entries_facts; PRAGMA user_version = 1;",
        )
        .unwrap();
    write(&env, "a.txt", b"a");
    env.ok(&["attach", "1", "a.txt"]);
    assert_eq!(version(&env), current);
    env.ok(&["verify"]);
}
