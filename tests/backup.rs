//! `kiroku backup`, `restore` and `verify --backup`: copies that stay
//! usable through interruptions, restores that work like the original,
//! refusals with one clear line; and read-only commands that leave no
//! `-wal`/`-shm` files beside the case file.

mod common;
mod reliability_support;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{assert_one_error_line, TestEnv};
use reliability_support::*;

const PASS: &str = "correct horse battery staple";

/// A case with two entries and two evidence files.
fn case_with_files() -> TestEnv {
    let env = TestEnv::new();
    std::fs::write(env.path().join("留守電.m4a"), b"voicemail bytes").unwrap();
    std::fs::write(env.path().join("screen.png"), b"\x89PNG screenshot").unwrap();
    env.ok(&[
        "add",
        "voicemail",
        "--from",
        "佐藤 部長",
        "--content",
        "至急連絡下さい",
        "--attach",
        "留守電.m4a",
    ]);
    env.ok(&[
        "add",
        "line",
        "--content",
        "既読無視？",
        "--attach",
        "screen.png",
    ]);
    env
}

fn head(env: &TestEnv, db: &Path) -> String {
    let out = env
        .cmd()
        .env("KIROKU_DB", db)
        .args(["verify", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["head"].as_str().unwrap().to_string()
}

fn backup_json(env: &TestEnv, dest: &Path) -> serde_json::Value {
    env.json(&["backup", dest.to_str().unwrap(), "--json"])
}

fn sidecars(db: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|s| {
            let mut p = db.as_os_str().to_owned();
            p.push(s);
            PathBuf::from(p)
        })
        .filter(|p| p.exists())
        .collect()
}

#[test]
fn restore_gives_the_same_head_and_new_entries_chain_on() {
    let env = case_with_files();
    let dest = env.path().join("usb/backup");
    std::fs::create_dir(env.path().join("usb")).unwrap();
    let out = env.ok(&["backup", dest.to_str().unwrap()]);
    let original = head(&env, &env.db);
    assert!(out.contains("entries: 2"), "{out}");
    assert!(out.contains(&original), "the summary names the head: {out}");
    assert!(dest.join("case.sqlite").is_file());

    let new_db = env.path().join("new-computer/kiroku.sqlite");
    std::fs::create_dir(env.path().join("new-computer")).unwrap();
    let restored = env.json(&[
        "restore",
        dest.to_str().unwrap(),
        "--db",
        new_db.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(restored["head"], original);
    assert_eq!(restored["files"], 2);
    assert_eq!(head(&env, &new_db), original);
    // Same case id, and new entries chain on from the same head.
    let case_id = |db: &Path| {
        let v: serde_json::Value = serde_json::from_slice(
            &env.cmd()
                .env("KIROKU_DB", db)
                .args(["verify", "--json"])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        v["case_id"].as_str().unwrap().to_string()
    };
    assert_eq!(case_id(&new_db), case_id(&env.db));
    let added = env
        .cmd()
        .env("KIROKU_DB", &new_db)
        .args(["add", "phone", "--from", "佐藤", "--json"])
        .output()
        .unwrap();
    assert!(added.status.success());
    let entry: serde_json::Value = serde_json::from_slice(&added.stdout).unwrap();
    assert_eq!(entry["seq"], 3);
    assert_eq!(entry["prev_hash"], original);
    let verified = env
        .cmd()
        .env("KIROKU_DB", &new_db)
        .args(["verify"])
        .output()
        .unwrap();
    assert!(verified.status.success());
    assert!(String::from_utf8_lossy(&verified.stdout).contains("all 2 evidence files"));
}

#[test]
fn a_second_backup_copies_only_new_evidence() {
    let env = case_with_files();
    let dest = env.path().join("backup");
    let first = backup_json(&env, &dest);
    assert_eq!(first["files"], 2);
    assert_eq!(first["files_copied"], 2);
    let again = backup_json(&env, &dest);
    assert_eq!(again["files_copied"], 0);
    assert_eq!(again["bytes_copied"], 0);

    std::fs::write(env.path().join("new.pdf"), b"%PDF letter").unwrap();
    env.ok(&["add", "letter", "--attach", "new.pdf"]);
    let third = backup_json(&env, &dest);
    assert_eq!(third["files"], 3);
    assert_eq!(third["files_copied"], 1);
    assert_eq!(third["bytes_copied"], 11);
    assert_eq!(third["entries"], 3);
    assert_eq!(third["head"], head(&env, &env.db));
}

#[test]
fn verify_backup_reports_the_prefix_and_the_missing_files() {
    let env = case_with_files();
    let dest = env.path().join("backup");
    backup_json(&env, &dest);
    let d = dest.to_str().unwrap();
    let out = env.ok(&["verify", "--backup", d]);
    assert!(
        out.contains("entries 1–2 of 2; every evidence file is backed up"),
        "{out}"
    );

    std::fs::write(env.path().join("a.txt"), b"one").unwrap();
    std::fs::write(env.path().join("b.txt"), b"two").unwrap();
    env.ok(&["add", "email", "--attach", "a.txt", "--attach", "b.txt"]);
    env.ok(&["note", "電話を着信拒否に設定した"]);
    let out = env.ok(&["verify", "--backup", d]);
    assert!(
        out.contains("entries 1–2 of 4; 2 evidence files not yet backed up"),
        "{out}"
    );
    let ja = env.ok(&["verify", "--backup", d, "--lang", "ja"]);
    assert!(ja.contains("記録 1～2（全 4 件中）"), "{ja}");
    assert!(ja.contains("未バックアップの証拠ファイルが 2 件"), "{ja}");
    let j = env.json(&["verify", "--backup", d, "--json"]);
    assert_eq!(j["backup_entries"], 2);
    assert_eq!(j["case_entries"], 4);
    assert_eq!(j["files_missing"], 2);
    assert_eq!(j["prefix"], true);

    // A damaged evidence file in the backup: not intact, exit 1.
    let stored = evidence_files(&dest)[0].clone();
    let mut perms = std::fs::metadata(&stored).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&stored, perms).unwrap();
    std::fs::write(&stored, b"changed").unwrap();
    let (out, err) = env.fails(&["verify", "--backup", d], 1);
    assert!(out.contains("NOT INTACT"), "{out}");
    assert_one_error_line(&err);
}

#[test]
fn verify_backup_fails_when_the_backup_is_not_a_prefix() {
    let env = case_with_files();
    let dest = env.path().join("backup");
    backup_json(&env, &dest);
    // The live case is rewritten (entry 2 changed, chain recomputed):
    // the backup's head is no longer an entry of the case.
    env.rebuild_chain(|b, _| {
        if b.seq == 2 {
            b.content = Some("書き換え".into());
        }
    });
    let (out, err) = env.fails(&["verify", "--backup", dest.to_str().unwrap()], 1);
    assert!(out.contains("not a copy of this record"), "{out}");
    assert_one_error_line(&err);
}

fn evidence_files(dest: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let root = dest.join("case.sqlite.evidence/sha256");
    for d in std::fs::read_dir(root).unwrap().flatten() {
        for f in std::fs::read_dir(d.path()).unwrap().flatten() {
            out.push(f.path());
        }
    }
    out.sort();
    out
}

#[test]
fn another_cases_backup_is_refused() {
    let a = case_with_files();
    let b = TestEnv::new();
    b.ok(&["add", "phone", "--from", "別件"]);
    let dest = a.path().join("backup");
    let d = dest.to_str().unwrap();
    backup_json(&a, &dest);
    // Backing another case up into it would replace this backup.
    let (_, err) = b.fails(&["backup", d], 2);
    assert!(err.contains("backup of another case"), "{err}");
    assert_one_error_line(&err);
    // Checking it against another case.
    let (_, err) = b.fails(&["verify", "--backup", d], 1);
    assert!(err.contains("backup of another case"), "{err}");
    // A backup folder whose copy is of another case than it says.
    let dest_b = b.path().join("backup-b");
    backup_json(&b, &dest_b);
    std::fs::copy(dest_b.join("case.sqlite"), dest.join("case.sqlite")).unwrap();
    let target = a.path().join("restored.sqlite");
    let (_, err) = a.fails(&["restore", d, "--db", target.to_str().unwrap()], 3);
    assert!(err.contains("backup of another case"), "{err}");
    assert_one_error_line(&err);
    assert!(!target.exists());
    assert!(!a.path().join("restored.sqlite.evidence").exists());
}

#[test]
fn restore_refuses_an_existing_case_and_a_newer_backup() {
    let env = case_with_files();
    let dest = env.path().join("backup");
    let d = dest.to_str().unwrap();
    backup_json(&env, &dest);
    let (_, err) = env.fails(&["restore", d, "--db", env.db.to_str().unwrap()], 3);
    assert!(err.contains("already exists"), "{err}");
    assert_one_error_line(&err);

    let manifest = dest.join("kiroku-backup.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, text.replace("\"format\": 1", "\"format\": 2")).unwrap();
    let target = env.path().join("r.sqlite");
    let (_, err) = env.fails(&["restore", d, "--db", target.to_str().unwrap()], 3);
    assert!(err.contains("newer version of kiroku"), "{err}");
    assert_one_error_line(&err);
    assert!(!target.exists());
}

fn encrypted(env: &TestEnv) -> PathBuf {
    let archive = env.path().join("cloud.age");
    let out = env
        .cmd()
        .env("KIROKU_PASSPHRASE", PASS)
        .args(["backup", archive.to_str().unwrap(), "--encrypt", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["encrypted"], true);
    assert_eq!(v["files"], 2);
    archive
}

#[test]
fn encrypted_backup_restores_and_hides_contents_and_names() {
    let env = case_with_files();
    let archive = encrypted(&env);
    let bytes = std::fs::read(&archive).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"));
    for secret in [
        "至急連絡下さい".as_bytes(),
        "留守電".as_bytes(),
        b"voicemail bytes",
        b"case.sqlite",
        b"SQLite format 3",
    ] {
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret),
            "{:?} is readable in the archive",
            String::from_utf8_lossy(secret)
        );
    }
    let pass_file = env.path().join("pass.txt");
    std::fs::write(&pass_file, format!("{PASS}\n")).unwrap();
    let target = env.path().join("restored.sqlite");
    let out = env.ok(&[
        "restore",
        archive.to_str().unwrap(),
        "--db",
        target.to_str().unwrap(),
        "--passphrase-file",
        pass_file.to_str().unwrap(),
    ]);
    assert!(out.contains("Restored"), "{out}");
    assert_eq!(head(&env, &target), head(&env, &env.db));
}

#[test]
fn encrypted_restore_refuses_wrong_passphrase_truncated_and_flipped_archives() {
    let env = case_with_files();
    let archive = encrypted(&env);
    let good = std::fs::read(&archive).unwrap();
    let target = env.path().join("restored.sqlite");
    let restore = |pass: &str, code: i32| {
        let out = env
            .cmd()
            .env("KIROKU_PASSPHRASE", pass)
            .args([
                "restore",
                archive.to_str().unwrap(),
                "--db",
                target.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(code), "{err}");
        assert_one_error_line(&err);
        assert!(!target.exists(), "nothing is left after a refusal");
        let leftovers: Vec<_> = std::fs::read_dir(env.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains("restoring"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
        err
    };
    let err = restore("wrong passphrase", 2);
    assert!(err.contains("passphrase does not open"), "{err}");

    std::fs::write(&archive, &good[..good.len() - 100]).unwrap();
    let err = restore(PASS, 3);
    assert!(err.contains("is damaged"), "{err}");

    let mut flipped = good.clone();
    let at = good.len() / 2;
    flipped[at] ^= 0x10;
    std::fs::write(&archive, &flipped).unwrap();
    let err = restore(PASS, 3);
    assert!(err.contains("is damaged"), "{err}");

    let (_, err) = env.fails(
        &["restore", archive.to_str().unwrap(), "--db", "x.sqlite"],
        2,
    );
    assert!(err.contains("needs a passphrase"), "{err}");
}

/// `verify --backup` of an encrypted archive: the passphrase read as
/// `restore` reads it; the prefix and the files not yet backed up; a wrong
/// passphrase, a damaged archive and another case's archive refused with
/// one line; nothing decrypted is left behind.
#[test]
fn verify_backup_reads_an_encrypted_archive() {
    let env = case_with_files();
    let archive = encrypted(&env);
    let a = archive.to_str().unwrap();
    let verify = |pass: &str, extra: &[&str]| {
        let mut args = vec!["verify", "--backup", a];
        args.extend_from_slice(extra);
        env.cmd()
            .env("KIROKU_PASSPHRASE", pass)
            .args(&args)
            .output()
            .unwrap()
    };
    let leftovers = || -> Vec<String> {
        std::fs::read_dir(env.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("verifying"))
            .collect()
    };
    let out = verify(PASS, &[]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("entries 1–2 of 2; every evidence file is backed up"),
        "{text}"
    );
    assert!(text.contains("2 evidence files"), "{text}");

    // The case moves on: the archive is a prefix, one file not backed up.
    std::fs::write(env.path().join("c.txt"), b"three").unwrap();
    env.ok(&["add", "email", "--attach", "c.txt"]);
    let pass_file = env.path().join("pass.txt");
    std::fs::write(&pass_file, format!("{PASS}\n")).unwrap();
    let text = env.ok(&[
        "verify",
        "--backup",
        a,
        "--passphrase-file",
        pass_file.to_str().unwrap(),
    ]);
    assert!(
        text.contains("entries 1–2 of 3; 1 evidence file not yet backed up"),
        "{text}"
    );
    let out = verify(PASS, &["--json"]);
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["backup_entries"], 2);
    assert_eq!(j["case_entries"], 3);
    assert_eq!(j["files_checked"], 2);
    assert_eq!(j["files_missing"], 1);
    assert_eq!(j["prefix"], true);
    assert_eq!(j["intact"], true);
    assert!(leftovers().is_empty(), "{:?}", leftovers());

    // Refusals: one line each, nothing left behind.
    let out = verify("wrong passphrase", &[]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("passphrase does not open"), "{err}");
    assert_one_error_line(&err);
    let (_, err) = env.fails(&["verify", "--backup", a], 2);
    assert!(err.contains("needs a passphrase"), "{err}");
    let good = std::fs::read(&archive).unwrap();
    let mut flipped = good.clone();
    flipped[good.len() / 2] ^= 0x10;
    std::fs::write(&archive, &flipped).unwrap();
    let out = verify(PASS, &[]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("is damaged"), "{err}");
    assert_one_error_line(&err);
    assert!(leftovers().is_empty(), "{:?}", leftovers());
    std::fs::write(&archive, &good).unwrap();

    // Another case's archive: not a copy of this one (exit 1).
    let other = TestEnv::new();
    other.ok(&["add", "phone", "--from", "別件"]);
    let out = other
        .cmd()
        .env("KIROKU_PASSPHRASE", PASS)
        .args(["verify", "--backup", a])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("backup of another case"), "{err}");
    assert_one_error_line(&err);

    // A file that is not a backup.
    let (_, err) = env.fails(&["verify", "--backup", pass_file.to_str().unwrap()], 3);
    assert!(err.contains("not a kiroku backup"), "{err}");
    // --passphrase-file belongs to --backup.
    env.fails(
        &["verify", "--passphrase-file", pass_file.to_str().unwrap()],
        2,
    );
}

/// Backups run while other processes append: each copy verifies, and
/// `verify --backup` finds it an unchanged prefix of the case.
#[test]
fn backup_while_another_process_appends_is_a_consistent_prefix() {
    let env = case_with_files();
    let dest = env.path().join("backup");
    let mut writers: Vec<_> = (0..3)
        .map(|w| {
            let script = format!(
                "for i in $(seq 1 15); do {} add phone --from 'writer {w}' --content \"$i\" >/dev/null || exit 1; done",
                env!("CARGO_BIN_EXE_kiroku")
            );
            let mut sh = std::process::Command::new("sh");
            sh.env_clear()
                .env("PATH", "/usr/bin:/bin")
                .env("HOME", env.path().join("home"))
                .env("TZ", "Asia/Tokyo")
                .env("KIROKU_DB", &env.db)
                .args(["-c", &script])
                .stdout(Stdio::null());
            sh.spawn().unwrap()
        })
        .collect();
    let mut heads = Vec::new();
    let start = Instant::now();
    while heads.len() < 5 || writers.iter_mut().any(|w| w.try_wait().unwrap().is_none()) {
        let v = backup_json(&env, &dest);
        heads.push(v["entries"].as_u64().unwrap());
        let out = env.ok(&["verify", "--backup", dest.to_str().unwrap()]);
        assert!(out.starts_with("OK"), "{out}");
        assert!(start.elapsed() < Duration::from_secs(120));
    }
    for mut w in writers {
        assert!(w.wait().unwrap().success());
    }
    eprintln!("backups held entries {heads:?}");
    assert!(heads.windows(2).all(|w| w[0] <= w[1]));
    let last = backup_json(&env, &dest);
    assert_eq!(last["entries"], 47);
}

/// Backups killed with SIGKILL at random points (50 runs, with new
/// entries and files between them): the folder always restores.
#[test]
fn sigkill_during_backup_leaves_the_previous_backup_restorable() {
    let env = case_with_files();
    let dest = env.path().join("backup");
    backup_json(&env, &dest);
    let typical = {
        let t = Instant::now();
        backup_json(&env, &dest);
        t.elapsed()
    };
    let mut rng = Rng::from_env("backup");
    // Kill points up to twice a typical run; the bound then follows the
    // runs (longer after a kill, shorter after a finished run), so that
    // both outcomes keep coming however busy the machine is.
    let mut bound = 2 * typical.as_micros() as u64;
    let (mut killed, mut finished) = (0, 0);
    // Entries of the last backup known to have finished.
    let mut last_finished = 2;
    for i in 0..50 {
        let name = format!("f{i}.bin");
        std::fs::write(env.path().join(&name), vec![i as u8; 20_000 + i * 100]).unwrap();
        env.ok(&[
            "add",
            "email",
            "--content",
            &i.to_string(),
            "--attach",
            &name,
        ]);
        let mut child = child_cmd(&env)
            .args(["backup", dest.to_str().unwrap()])
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(bound)));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        use std::os::unix::process::ExitStatusExt;
        match out.status.signal() {
            Some(libc::SIGKILL) => {
                killed += 1;
                bound += bound / 4;
            }
            Some(s) => panic!("run {i} died of signal {s}"),
            None => {
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                finished += 1;
                bound = (bound - bound / 5).max(1);
                last_finished = 3 + i as u64;
            }
        }
        let target = env.path().join(format!("restored-{i}.sqlite"));
        let r = env
            .cmd()
            .args([
                "restore",
                dest.to_str().unwrap(),
                "--db",
                target.to_str().unwrap(),
                "--json",
            ])
            .output()
            .unwrap();
        assert!(
            r.status.success(),
            "run {i}: the backup does not restore: {}",
            String::from_utf8_lossy(&r.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
        let entries = v["entries"].as_u64().unwrap();
        assert!(
            (last_finished..=3 + i as u64).contains(&entries),
            "run {i}: {entries} entries, last finished backup had {last_finished}"
        );
        let _ = std::fs::remove_file(&target);
        let _ = std::process::Command::new("rm")
            .arg("-rf")
            .arg(format!("{}.evidence", target.display()))
            .status();
    }
    eprintln!("backup: typical run {typical:?}; {killed} killed, {finished} finished");
    assert!(
        killed >= 5 && finished >= 5,
        "{killed} killed, {finished} finished"
    );
    // The next backup completes and is up to date.
    let v = backup_json(&env, &dest);
    assert_eq!(v["entries"], 52);
    assert_eq!(v["files"], 52);
}

/// A backup onto a full disk fails with one line, says the previous
/// backup is kept, and the previous backup still restores.
#[test]
fn full_disk_fails_cleanly_and_keeps_the_previous_backup() {
    if !require_root("mounting a small tmpfs") {
        return;
    }
    let env = case_with_files();
    let fs = Tmpfs::mount(env.path(), 1024 * 1024);
    let dest = fs.dir.join("backup");
    backup_json(&env, &dest);
    let before = head(&env, &env.db);
    let big = env.path().join("video.mp4");
    std::fs::write(&big, vec![7u8; 2 * 1024 * 1024]).unwrap();
    env.ok(&["add", "visit", "--attach", big.to_str().unwrap()]);
    let (_, err) = env.fails(&["backup", dest.to_str().unwrap()], 4);
    assert_one_error_line(&err);
    assert!(err.contains("full"), "{err}");
    assert!(err.contains("unchanged and usable (entries 1–2)"), "{err}");
    let target = env.path().join("restored.sqlite");
    env.ok(&[
        "restore",
        dest.to_str().unwrap(),
        "--db",
        target.to_str().unwrap(),
    ]);
    assert_eq!(head(&env, &target), before);
}

/// Read-only commands leave no `-wal`, `-shm` or `-journal` files beside
/// the case file when no other process has it open.
#[test]
fn read_only_commands_leave_no_wal_or_shm_files() {
    let env = case_with_files();
    assert_eq!(sidecars(&env.db), Vec::<PathBuf>::new(), "after add");
    let out = env.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let o = |name: &str| out.join(name).to_str().unwrap().to_string();
    let runs: Vec<Vec<String>> = vec![
        vec!["list".into()],
        vec!["show".into(), "1".into()],
        vec!["stats".into()],
        vec!["verify".into()],
        vec!["export".into(), "csv".into(), "-o".into(), o("a.csv")],
        vec!["export".into(), "jsonl".into(), "-o".into(), o("a.jsonl")],
        vec!["export".into(), "pdf".into(), "-o".into(), o("a.pdf")],
        vec!["export".into(), "bundle".into(), "-o".into(), o("a.zip")],
        vec!["receipt".into()],
        vec!["evidence".into(), "list".into()],
    ];
    for args in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        env.ok(&args);
        assert_eq!(sidecars(&env.db), Vec::<PathBuf>::new(), "after {args:?}");
    }
    backup_json(&env, &env.path().join("backup"));
    assert_eq!(sidecars(&env.db), Vec::<PathBuf>::new(), "after backup");
    env.ok(&[
        "verify",
        "--backup",
        env.path().join("backup").to_str().unwrap(),
    ]);
    assert_eq!(
        sidecars(&env.db),
        Vec::<PathBuf>::new(),
        "after verify --backup"
    );
    assert_eq!(
        sidecars(&env.path().join("backup/case.sqlite")),
        Vec::<PathBuf>::new(),
        "beside the backup"
    );
}
