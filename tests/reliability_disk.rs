//! Full disks, file-size limits, read-only disks, folders and files.
//! Each failing append exits 4 with one clear line, and the record before
//! it stays intact.
//!
//! Root bypasses file permissions, so read-only cases are made real: a
//! tmpfs remounted read-only, an immutable file (`chattr +i`), and a
//! non-root user (nobody, 65534) for folder and file modes. These need
//! root; without it they fail unless `KIROKU_TEST_UNPRIVILEGED=1`.

mod common;
mod reliability_support;

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{assert_one_error_line, TestEnv};
use reliability_support::*;

const NOBODY: u32 = 65534;

fn head(db: &Path) -> (i64, String) {
    let rows = rows(db);
    let last = rows.last().unwrap();
    (last.seq, last.hash.clone())
}

fn exit_and_line(cmd: &mut Command) -> (Option<i32>, String) {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    (out.status.code(), stderr)
}

/// A case with a few entries at `db`, made by the test's own binary.
fn case_at(env: &TestEnv, db: &Path) {
    for args in [
        vec!["init", "--tz", "Asia/Tokyo"],
        vec!["add", "phone", "--from", "山田", "--content", "連絡下さい"],
        vec!["add", "email", "--address", "boss@example.co.jp"],
    ] {
        let (code, err) = exit_and_line(child_cmd(env).env("KIROKU_DB", db).args(&args));
        assert_eq!(code, Some(0), "{args:?}: {err}");
    }
}

/// A case with a few entries on a fresh tmpfs of `size` bytes.
fn case_on_tmpfs(env: &TestEnv, size: u64) -> (Tmpfs, PathBuf) {
    let fs = Tmpfs::mount(env.path(), size);
    let db = fs.dir.join("case.sqlite");
    case_at(env, &db);
    (fs, db)
}

fn assert_intact(env: &TestEnv, db: &Path) {
    assert_integrity(db);
    let (code, err) = exit_and_line(child_cmd(env).env("KIROKU_DB", db).arg("verify"));
    assert_eq!(code, Some(0), "verify: {err}");
}

/// A 300 KB Japanese text file (too long for one argument), by name.
fn big_file(env: &TestEnv) -> String {
    let p = env.path().join("big.txt");
    std::fs::write(&p, "長".repeat(100_000)).unwrap();
    p.to_str().unwrap().to_string()
}

/// Fills the file system holding `dir` until a write fails (ENOSPC).
fn fill(dir: &Path) -> std::fs::File {
    let mut f = std::fs::File::create(dir.join("filler")).unwrap();
    for chunk in [65536, 4096, 512, 1] {
        let buf = vec![0u8; chunk];
        while f.write_all(&buf).is_ok() {}
    }
    let err = f.write_all(&[0]).unwrap_err();
    assert_eq!(err.raw_os_error(), Some(libc::ENOSPC));
    f
}

#[test]
fn full_disk_fails_cleanly_and_keeps_the_head() {
    if !require_root("mounting a small tmpfs") {
        return;
    }
    let env = TestEnv::empty();
    let (fs, db) = case_on_tmpfs(&env, 2 << 20);
    let before = head(&db);
    let big = big_file(&env);
    let filler = fill(&fs.dir);

    // Completely full: any entry is refused. Then with a few kilobytes
    // free: a large entry is refused. Each with exit 4 and one line.
    let small = ["--content", "小さな記録"];
    let large = ["--content-file", big.as_str()];
    for (free, attempts) in [(0u64, vec![small, large]), (16 << 10, vec![large])] {
        if free > 0 {
            let len = filler.metadata().unwrap().len();
            filler.set_len(len - free).unwrap();
        }
        for flags in attempts {
            let (code, err) = exit_and_line(
                child_cmd(&env)
                    .env("KIROKU_DB", &db)
                    .args(["add", "sms"])
                    .args(flags),
            );
            assert_eq!(code, Some(4), "free {free}, {flags:?}: {err}");
            assert_one_error_line(&err);
            assert!(
                err.contains("disk is full") || err.contains("may be full"),
                "{err}"
            );
            assert!(err.contains("nothing was recorded"), "{err}");
            assert_eq!(head(&db), before, "the head moved on a full disk");
        }
    }
    // A new case file cannot be made either, and nothing is left behind.
    let other = fs.dir.join("other.sqlite");
    let (code, err) = exit_and_line(child_cmd(&env).env("KIROKU_DB", &other).arg("init"));
    assert_eq!(code, Some(4), "init on a full disk: {err}");
    assert_one_error_line(&err);
    assert!(
        files_in(&fs.dir)
            .iter()
            .all(|f| !f.to_string_lossy().contains("other")),
        "{:?}",
        files_in(&fs.dir)
    );
    // Reading still works on the full disk.
    assert_intact(&env, &db);
    // With space again, recording goes on from the same head.
    drop(filler);
    std::fs::remove_file(fs.dir.join("filler")).unwrap();
    let (code, err) = exit_and_line(child_cmd(&env).env("KIROKU_DB", &db).args([
        "add",
        "sms",
        "--content",
        &big,
    ]));
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(head(&db).0, before.0 + 1);
    assert_intact(&env, &db);
}

/// Without root the same failure comes from a file-size limit (EFBIG):
/// this runs everywhere.
#[test]
fn file_size_limit_fails_cleanly_and_keeps_the_head() {
    let env = TestEnv::empty();
    let db = env.db.clone();
    case_at(&env, &db);
    let before = head(&db);
    let size = std::fs::metadata(&db).unwrap().len();
    let big = big_file(&env);
    let mut cmd = child_cmd(&env);
    cmd.args(["add", "sms", "--content-file", &big]);
    with_file_size_limit(&mut cmd, size + 8192);
    let (code, err) = exit_and_line(&mut cmd);
    assert_eq!(code, Some(4), "{err}");
    assert_one_error_line(&err);
    assert!(err.contains("nothing was recorded"), "{err}");
    assert_eq!(head(&db), before);
    assert_intact(&env, &db);
    env.ok(&["add", "sms", "--content-file", &big]);
    assert_intact(&env, &db);
}

#[test]
fn read_only_disk_refuses_writes_and_still_reads() {
    if !require_root("mounting and remounting a tmpfs") {
        return;
    }
    let env = TestEnv::empty();
    let (fs, db) = case_on_tmpfs(&env, 4 << 20);
    let before = std::fs::read(&db).unwrap();
    fs.remount_read_only();
    for args in [
        vec!["add", "phone"],
        vec!["note", "メモ"],
        vec!["void", "1", "--reason", "間違い"],
    ] {
        let (code, err) = exit_and_line(child_cmd(&env).env("KIROKU_DB", &db).args(&args));
        assert_eq!(code, Some(4), "{args:?}: {err}");
        assert_one_error_line(&err);
        assert!(err.contains("read-only disk"), "{err}");
    }
    // A lawyer's read-only copy can still be read and verified.
    for args in [
        vec!["verify"],
        vec!["list"],
        vec!["show", "1"],
        vec!["export", "jsonl"],
    ] {
        let (code, err) = exit_and_line(child_cmd(&env).env("KIROKU_DB", &db).args(&args));
        assert_eq!(code, Some(0), "{args:?} on a read-only disk: {err}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(files_in(&fs.dir), vec![db.clone()]);
}

#[test]
fn immutable_case_file_refuses_writes_and_leaves_nothing() {
    if !require_root("chattr +i on a tmpfs") {
        return;
    }
    let env = TestEnv::empty();
    let (fs, db) = case_on_tmpfs(&env, 4 << 20);
    let before = std::fs::read(&db).unwrap();
    run_ok(Command::new("chattr").arg("+i").arg(&db));
    let (code, err) = exit_and_line(child_cmd(&env).env("KIROKU_DB", &db).args(["add", "phone"]));
    run_ok(Command::new("chattr").arg("-i").arg(&db));
    assert_eq!(code, Some(4), "{err}");
    assert_one_error_line(&err);
    assert!(err.contains("may not be written"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(
        files_in(&fs.dir),
        vec![db.clone()],
        "files left beside the case file"
    );
}

/// As a user without write permission: a read-only folder, a read-only
/// file, and a file that may not even be read.
#[test]
fn permissions_of_another_user_give_clear_errors() {
    if !require_root("running kiroku as user nobody") {
        return;
    }
    let env = TestEnv::empty();
    std::fs::set_permissions(env.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let dir = env.path().join("folder");
    std::fs::create_dir(&dir).unwrap();
    let db = dir.join("case.sqlite");
    case_at(&env, &db);
    let chown = |p: &Path| std::os::unix::fs::chown(p, Some(NOBODY), Some(NOBODY)).unwrap();
    chown(&dir);
    chown(&db);
    let mode =
        |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    let run = |args: &[&str]| {
        let mut c = child_cmd(&env);
        c.env("KIROKU_DB", &db).args(args);
        as_user(&mut c, NOBODY);
        exit_and_line(&mut c)
    };
    let before = std::fs::read(&db).unwrap();

    // Read-only folder: SQLite cannot create its -wal and -shm files.
    mode(&dir, 0o555);
    let (code, err) = run(&["add", "phone"]);
    assert_eq!(code, Some(4), "read-only folder: {err}");
    assert_one_error_line(&err);
    assert!(err.contains("read-only"), "{err}");
    let (code, err) = run(&["verify"]);
    assert_eq!(code, Some(0), "verify in a read-only folder: {err}");
    assert_eq!(files_in(&dir), vec![db.clone()]);

    // Read-only file in a writable folder.
    mode(&dir, 0o755);
    mode(&db, 0o400);
    let (code, err) = run(&["add", "phone"]);
    assert_eq!(code, Some(4), "read-only file: {err}");
    assert_one_error_line(&err);
    assert!(err.contains("may not be written"), "{err}");
    let (code, err) = run(&["verify"]);
    assert_eq!(code, Some(0), "verify of a read-only file: {err}");

    // A file this user may not read at all.
    mode(&db, 0o000);
    for args in [["add", "phone"], ["verify", "--json"]] {
        let (code, err) = run(&args);
        assert_eq!(code, Some(4), "{args:?} on an unreadable file: {err}");
        assert_one_error_line(&err);
        assert!(err.contains("permission denied"), "{err}");
    }
    mode(&db, 0o600);
    assert_eq!(std::fs::read(&db).unwrap(), before);
}
